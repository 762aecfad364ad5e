/* notice.c — the wage publicity notice and the rights notice board (SPEC §6) as documents:
 * facts from the store (project, parties, pay cycles), the rest from the operator's notice
 * configuration with defaults, resolved project → region prefix → notice.* → default. */
#include "domain/notice.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/deposit.h"
#include "domain/record.h"
#include "store/config.h"
#include "store/payslip.h"
#include "store/project.h"
#include "util/date.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

#define VALUE_MAX 256 /* a configuration value: one line of up to 200 bytes of text */

const struct notice_config_key notice_config_keys[] = {
	{"notice.hotline", "12333", "labour inspection complaint hotline"},
	{"notice.legal_hotline", "12348", "public legal service hotline"},
	{"notice.pay_day", "end",
	 "day of the next month by which wages are paid: 1-31, or end (SPEC §5 due date)"},
	{"notice.publicity_days", "5", "days a publicity notice stays posted"},
	{"notice.inspection", "项目所在地人力资源社会保障行政部门劳动保障监察机构",
	 "labour inspection body taking complaints"},
	{"notice.arbitration", "项目所在地劳动人事争议仲裁委员会",
	 "labour dispute mediation and arbitration channel"},
	{"notice.legal_aid", "项目所在地法律援助中心（公共法律服务中心）", "legal-aid channel"},
	{"notice.regulator.housing", "项目所在地住房和城乡建设主管部门",
	 "industry regulator of housing projects"},
	{"notice.regulator.municipal", "项目所在地住房和城乡建设（市政）主管部门",
	 "industry regulator of municipal projects"},
	{"notice.regulator.transport", "项目所在地交通运输主管部门",
	 "industry regulator of transport projects"},
	{"notice.regulator.water", "项目所在地水行政主管部门",
	 "industry regulator of water projects"},
	{"notice.regulator.railway", "项目所在地铁路工程建设监督管理部门",
	 "industry regulator of railway projects"},
	{"notice.regulator.other", "项目所在地行业工程建设主管部门",
	 "industry regulator of other projects"},
};
const int notice_config_nkeys = (int)(sizeof notice_config_keys / sizeof notice_config_keys[0]);

const struct notice_config_key notice_config_patterns[] = {
	{"region.<code>.minimum_wage", NULL,
	 "monthly minimum wage in yuan where the region code starts with <code> (2, 4 or 6 "
	 "digits; the longest match wins)"},
	{"region.<code>.<name>", NULL,
	 "overrides notice.<name> (hotline, inspection, arbitration, legal_aid, pay_day, "
	 "regulator.<industry> …) for projects in that region"},
	{"project.<CODE>.office", NULL, "the general contractor's project office"},
	{"project.<CODE>.office_phone", NULL, "its telephone"},
	{"project.<CODE>.wage_officer", NULL, "the labour-wage officer (劳资专管员)"},
	{"project.<CODE>.wage_officer_phone", NULL, "the officer's telephone"},
	{"project.<CODE>.pay_day", NULL, "overrides notice.pay_day for the project"},
	{"project.<CODE>.regulator", NULL, "overrides the industry regulator for the project"},
};
const int notice_config_npatterns =
	(int)(sizeof notice_config_patterns / sizeof notice_config_patterns[0]);

static const char *const project_names[] = {
	"office", "office_phone", "wage_officer", "wage_officer_phone", "pay_day", "regulator",
	NULL};

static const struct {
	const char *industry, *label;
} industries[] = {
	{"housing", "房屋建筑工程"}, {"municipal", "市政公用工程"}, {"transport", "交通运输工程"},
	{"water", "水利工程"},       {"railway", "铁路工程"},       {"other", "其他工程"},
};

/* ---- configuration ---------------------------------------------------------------------- */

static const struct notice_config_key *fixed_key(const char *key)
{
	for (int i = 0; i < notice_config_nkeys; i++)
		if (strcmp(notice_config_keys[i].key, key) == 0)
			return &notice_config_keys[i];
	return NULL;
}

int notice_config_owns(const char *key)
{
	return strncmp(key, "notice.", 7) == 0 || strncmp(key, "region.", 7) == 0 ||
		strncmp(key, "project.", 8) == 0;
}

static bool is_phone(const char *v)
{
	int digits = 0;
	size_t n = strlen(v);
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" -()+", *p))
			return false;
	}
	return digits >= 3 && n <= 30;
}

/* The value rule of a key by its last name: what it must look like. */
static int check_value(const char *key, const char *name, const char *value, char *err,
		       size_t errsz)
{
	if (!value)
		return WG_OK;
	if (strcmp(name, "minimum_wage") == 0) {
		int64_t fen;
		if (money_parse(value, &fen) || fen <= 0) {
			snprintf(err, errsz, "%s: '%s' is not a positive amount in yuan", key,
				 value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	if (strcmp(name, "pay_day") == 0) {
		char *end;
		long d = strtol(value, &end, 10);
		if (strcmp(value, "end") != 0 &&
		    (!isdigit((unsigned char)*value) || *end || d < 1 || d > 31)) {
			snprintf(err, errsz, "%s: '%s' is not a day of the month (1-31) or 'end'",
				 key, value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	if (strcmp(name, "publicity_days") == 0) {
		char *end;
		long d = strtol(value, &end, 10);
		if (!isdigit((unsigned char)*value) || *end || d < 1 || d > 90) {
			snprintf(err, errsz, "%s: '%s' is not a number of days from 1 to 90", key,
				 value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	size_t n = strlen(name);
	if (strcmp(name, "hotline") == 0 || strcmp(name, "legal_hotline") == 0 ||
	    (n > 6 && strcmp(name + n - 6, "_phone") == 0)) {
		if (!is_phone(value)) {
			snprintf(err, errsz, "%s: '%s' is not a telephone number", key, value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	struct col_desc text = {.name = "value", .type = COL_TEXT, .required = true};
	struct val v;
	struct msg msg;
	char text_msg[MSG_BUFSZ];
	if (record_parse(&text, value, &v, NULL, 0, &msg)) {
		snprintf(err, errsz, "%s: %s", key,
			 msg_render(&msg, MSG_EN, text_msg, sizeof text_msg));
		return WG_EINPUT;
	}
	return WG_OK;
}

/* Splits region.<code>.<name>: the code's digits into code (7 bytes), *name after it.
 * Returns 0, or -1 (message in err) when the code is not 2, 4 or 6 digits of a province. */
static int split_region(const char *key, char *code, const char **name, char *err, size_t errsz)
{
	const char *p = key + 7;
	size_t n = 0;
	while (isdigit((unsigned char)p[n]))
		n++;
	if ((n != 2 && n != 4 && n != 6) || p[n] != '.' || !p[n + 1] ||
	    !region_province_ok((p[0] - '0') * 10 + (p[1] - '0'))) {
		snprintf(err, errsz,
			 "%s: the region code must be 2, 4 or 6 digits of a GB/T 2260 "
			 "code (region.330102.minimum_wage)",
			 key);
		return -1;
	}
	memcpy(code, p, n);
	code[n] = '\0';
	*name = p + n + 1;
	return 0;
}

/* Splits project.<CODE>.<name> at the last dot (codes may hold dots). */
static int split_project(const char *key, char *code, size_t codesz, const char **name, char *err,
			 size_t errsz)
{
	const char *p = key + 8, *dot = strrchr(p, '.');
	if (!dot || dot == p || (size_t)(dot - p) >= codesz) {
		snprintf(err, errsz, "%s: expected project.<CODE>.<name>", key);
		return -1;
	}
	memcpy(code, p, (size_t)(dot - p));
	code[dot - p] = '\0';
	*name = dot + 1;
	struct col_desc cd = {.name = "code", .type = COL_CODE, .required = true};
	struct val v;
	struct msg msg;
	char text_msg[MSG_BUFSZ];
	if (record_parse(&cd, code, &v, NULL, 0, &msg)) {
		snprintf(err, errsz, "%s: project code %s", key,
			 msg_render(&msg, MSG_EN, text_msg, sizeof text_msg));
		return -1;
	}
	return 0;
}

int notice_config_check(const char *key, const char *value, char *err, size_t errsz)
{
	const char *name;
	if (strncmp(key, "notice.", 7) == 0) {
		if (!fixed_key(key)) {
			snprintf(err, errsz, "unknown configuration key '%s'", key);
			return WG_EINPUT;
		}
		return check_value(key, key + 7, value, err, errsz);
	}
	if (strncmp(key, "region.", 7) == 0) {
		char code[8], full[96];
		if (split_region(key, code, &name, err, errsz))
			return WG_EINPUT;
		snprintf(full, sizeof full, "notice.%s", name);
		if (strcmp(name, "minimum_wage") != 0 && !fixed_key(full)) {
			snprintf(err, errsz,
				 "%s: '%s' is not minimum_wage or the name of a notice.* key", key,
				 name);
			return WG_EINPUT;
		}
		return check_value(key, name, value, err, errsz);
	}
	if (strncmp(key, "project.", 8) == 0) {
		char code[80];
		if (split_project(key, code, sizeof code, &name, err, errsz))
			return WG_EINPUT;
		for (const char *const *n = project_names; *n; n++)
			if (strcmp(*n, name) == 0)
				return check_value(key, name, value, err, errsz);
		snprintf(err, errsz,
			 "%s: '%s' is not one of office, office_phone, wage_officer, "
			 "wage_officer_phone, pay_day, regulator",
			 key, name);
		return WG_EINPUT;
	}
	snprintf(err, errsz, "unknown configuration key '%s'", key);
	return WG_EINPUT;
}

/* Stored value of key into buf: WG_OK, WG_ENOTFOUND, or a store failure. */
static int stored(struct store *s, const char *key, char *buf, size_t n)
{
	return store_config_get(s, key, buf, n);
}

/* The value of name for a project in region (digits; "" for none): project.<code>.<name>
 * (code NULL: skipped), region.<6>, <4>, <2 digits>.<name> (those no longer than region),
 * notice.<name>, then notice.<name>'s default. */
static int resolve(struct store *s, const char *code, const char *region, const char *name,
		   char *buf, size_t n)
{
	char key[160];
	int rc;
	if (code) {
		snprintf(key, sizeof key, "project.%s.%s", code, name);
		if ((rc = stored(s, key, buf, n)) != WG_ENOTFOUND)
			return rc;
	}
	for (int len = 6; len >= 2; len -= 2) {
		if ((int)strlen(region) < len)
			continue;
		snprintf(key, sizeof key, "region.%.*s.%s", len, region, name);
		if ((rc = stored(s, key, buf, n)) != WG_ENOTFOUND)
			return rc;
	}
	snprintf(key, sizeof key, "notice.%s", name);
	if ((rc = stored(s, key, buf, n)) != WG_ENOTFOUND)
		return rc;
	const struct notice_config_key *k = fixed_key(key);
	if (!k)
		return WG_ENOTFOUND;
	snprintf(buf, n, "%s", k->fallback);
	return WG_OK;
}

int notice_config_value(struct store *s, const char *key, char *buf, size_t n)
{
	char err[160], code[80];
	const char *name;
	if (strncmp(key, "notice.", 7) == 0)
		return resolve(s, NULL, "", key + 7, buf, n);
	if (strncmp(key, "region.", 7) == 0) {
		if (split_region(key, code, &name, err, sizeof err))
			return WG_ENOTFOUND;
		return resolve(s, NULL, code, name, buf, n);
	}
	if (strncmp(key, "project.", 8) == 0) {
		if (split_project(key, code, sizeof code, &name, err, sizeof err))
			return WG_ENOTFOUND;
		int rc = stored(s, key, buf, n);
		if (rc != WG_ENOTFOUND)
			return rc;
		/* unset for the project: what its region says */
		struct project_summary ps;
		char region[16] = "";
		if ((rc = store_project_summary(s, code, &ps)) == WG_OK)
			snprintf(region, sizeof region, "%06lld", (long long)ps.region);
		else if (rc != WG_ENOTFOUND)
			return rc;
		return strcmp(name, "regulator") == 0 ? WG_ENOTFOUND
						      : resolve(s, NULL, region, name, buf, n);
	}
	return WG_ENOTFOUND;
}

/* ---- what both notices show --------------------------------------------------------------- */

/* A project's facts, copied out of the store's buffers. */
struct facts {
	char code[80], name[256], industry[32], owner[256], owner_uscc[24], contractor[256],
		contractor_uscc[24], bank[80], region[8];
	int64_t start_date, end_date;
	/* from the configuration */
	char office[2 * VALUE_MAX + 32], office_phone[VALUE_MAX], officer[VALUE_MAX],
		officer_phone[VALUE_MAX], hotline[VALUE_MAX], pay_day[VALUE_MAX];
};

static int load_facts(struct store *s, const char *code, struct facts *f, char *err, size_t errsz)
{
	struct project_summary ps;
	int rc = store_project_summary(s, code, &ps);
	if (rc == WG_ENOTFOUND) {
		snprintf(err, errsz, "unknown project '%s'", code);
		return rc;
	}
	if (rc) {
		snprintf(err, errsz, "%s", s->errmsg);
		return rc;
	}
	memset(f, 0, sizeof *f);
	snprintf(f->code, sizeof f->code, "%s", ps.code);
	snprintf(f->name, sizeof f->name, "%s", ps.name);
	snprintf(f->industry, sizeof f->industry, "%s", ps.industry);
	snprintf(f->owner, sizeof f->owner, "%s", ps.owner_name);
	snprintf(f->owner_uscc, sizeof f->owner_uscc, "%s", ps.owner_uscc);
	snprintf(f->contractor, sizeof f->contractor, "%s", ps.contractor_name);
	snprintf(f->contractor_uscc, sizeof f->contractor_uscc, "%s", ps.contractor_uscc);
	snprintf(f->bank, sizeof f->bank, "%s", ps.bank_code ? ps.bank_code : "");
	snprintf(f->region, sizeof f->region, "%06lld", (long long)ps.region);
	f->start_date = ps.start_date;
	f->end_date = ps.end_date;
	struct {
		const char *name;
		char *buf;
	} want[] = {
		{"office", f->office},        {"office_phone", f->office_phone},
		{"wage_officer", f->officer}, {"wage_officer_phone", f->officer_phone},
		{"hotline", f->hotline},      {"pay_day", f->pay_day},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		rc = resolve(s, f->code, f->region, want[i].name, want[i].buf, VALUE_MAX);
		if (rc == WG_ENOTFOUND)
			rc = WG_OK, want[i].buf[0] = '\0';
		if (rc) {
			snprintf(err, errsz, "%s", s->errmsg);
			return rc;
		}
	}
	if (!f->office[0])
		snprintf(f->office, sizeof f->office, "%s%s项目部", f->contractor, f->name);
	return WG_OK;
}

static const char *industry_label(const char *industry)
{
	for (size_t i = 0; i < sizeof industries / sizeof industries[0]; i++)
		if (strcmp(industries[i].industry, industry) == 0)
			return industries[i].label;
	return industry;
}

/* "2026年6月11日" */
static const char *cn_date(struct doc *d, int32_t day)
{
	int y, m, dd;
	date_to_ymd(day, &y, &m, &dd);
	return doc_strf(d, "%d年%d月%d日", y, m, dd);
}

static const char *cn_period(struct doc *d, int32_t period)
{
	int y, m, dd;
	date_to_ymd(period_first_day(period), &y, &m, &dd);
	return doc_strf(d, "%d年%d月", y, m);
}

/* "次月15日前" / "次月最后一日前" for a pay day setting. */
static const char *pay_day_text(struct doc *d, const char *v)
{
	if (strcmp(v, "end") == 0 || !*v)
		return "每月最后一日前足额支付上月工资";
	return doc_strf(d, "每月%s日前足额支付上月工资", v);
}

static const char *with_phone(struct doc *d, const char *who, const char *phone, const char *none)
{
	if (!*who)
		return none;
	if (!*phone)
		return doc_str(d, who);
	return doc_strf(d, "%s（电话：%s）", who, phone);
}

static const char *money(struct doc *d, int64_t fen)
{
	char b[MONEY_BUFSZ];
	return doc_str(d, money_format(fen, b));
}

static void footer(struct doc *d, const struct facts *f, int32_t date)
{
	char day[DATE_BUFSZ];
	doc_footer(d,
		   doc_strf(d, "项目编号 %s · 由农民工工资支付监控平台 wageguard 生成于 %s",
			    f->code, date_format(date, day)));
}

/* ---- the publicity notice ----------------------------------------------------------------- */

struct pub_line {
	char *name, *id, *employer;
	int64_t days, net, paid, paid_on;
};

struct pub {
	struct pub_line *lines;
	size_t n, alloc;
	char **employers; /* distinct, in order of first appearance */
	size_t nemp, empalloc;
	bool oom;
};

static char *dup(struct pub *p, const char *s)
{
	char *c = strdup(s ? s : "");
	if (!c)
		p->oom = true;
	return c;
}

static int pub_line(void *ctx, const struct pay_cycle *c)
{
	struct pub *p = ctx;
	if (p->n == p->alloc) {
		size_t want = p->alloc ? 2 * p->alloc : 64;
		struct pub_line *nl = realloc(p->lines, want * sizeof *nl);
		if (!nl)
			return WG_ENOMEM;
		p->lines = nl;
		p->alloc = want;
	}
	char masked[MASK_BUFSZ];
	const char *emp = c->employer_name ? c->employer_name : "";
	p->lines[p->n++] = (struct pub_line){
		.name = dup(p, c->name),
		.id = dup(p, mask_id(c->id_number, masked)),
		.employer = dup(p, emp),
		.days = c->days,
		.net = c->net,
		.paid = c->paid,
		.paid_on = c->paid_on,
	};
	for (size_t i = 0; i < p->nemp; i++)
		if (strcmp(p->employers[i], emp) == 0)
			return p->oom ? WG_ENOMEM : WG_OK;
	if (p->nemp == p->empalloc) {
		size_t want = p->empalloc ? 2 * p->empalloc : 8;
		char **ne = realloc(p->employers, want * sizeof *ne);
		if (!ne)
			return WG_ENOMEM;
		p->employers = ne;
		p->empalloc = want;
	}
	p->employers[p->nemp++] = dup(p, emp);
	return p->oom ? WG_ENOMEM : WG_OK;
}

static void pub_release(struct pub *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->lines[i].name);
		free(p->lines[i].id);
		free(p->lines[i].employer);
	}
	for (size_t i = 0; i < p->nemp; i++)
		free(p->employers[i]);
	free(p->lines);
	free(p->employers);
}

/* The pay date column: the date of the last ok payment, flagged when short of the net. */
static const char *pay_date_cell(struct doc *d, const struct pub_line *l)
{
	char day[DATE_BUFSZ];
	if (l->paid == 0 || l->paid_on < 0)
		return "未发放";
	date_format((int32_t)l->paid_on, day);
	return l->paid >= l->net ? doc_str(d, day) : doc_strf(d, "%s（未足额）", day);
}

static void publicity_doc(struct doc *d, const struct facts *f, const struct pub *p, int32_t period,
			  int32_t date, int publicity_days, const char *deposit)
{
	int64_t days = 0, net = 0, paid = 0, owed = 0;
	size_t short_paid = 0;
	for (size_t i = 0; i < p->n; i++) {
		days += p->lines[i].days;
		net = money_add_sat(net, p->lines[i].net);
		paid = money_add_sat(paid, p->lines[i].paid);
		if (p->lines[i].paid < p->lines[i].net) {
			owed = money_add_sat(owed, p->lines[i].net - p->lines[i].paid);
			short_paid++;
		}
	}
	const char *month = cn_period(d, period);
	doc_title(d, "农民工工资发放公示", doc_strf(d, "%s　%s", f->name, month));
	struct dbuf emp = DBUF_INIT;
	for (size_t i = 0; i < p->nemp; i++)
		if (dbuf_adds(&emp, i ? "、" : "") < 0 || dbuf_adds(&emp, p->employers[i]) < 0)
			d->failed = true;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	doc_field(d, "项目名称", doc_strf(d, "%s（项目编号 %s）", f->name, f->code));
	doc_field(d, "建设单位", f->owner);
	doc_field(d, "施工总承包单位", f->contractor);
	doc_field(d, "用工单位", dbuf_str(&emp));
	doc_field(d, "工资所属期", month);
	/* SPEC §7: the project's wage deposit, as deposits see it (domain/deposit.c) */
	if (deposit && *deposit)
		doc_field(d, "工资保证金", deposit);
	doc_field(d, "发放情况",
		  doc_strf(d, "本期共 %zu 人，实发工资合计 %s 元，已发放 %s 元，未发放 %s 元%s",
			   p->n, money_format(net, m1), money_format(paid, m2),
			   money_format(owed, m3),
			   short_paid ? doc_strf(d, "（%zu 人未足额）", short_paid) : ""));
	doc_field(d, "公示期",
		  doc_strf(d, "%s至%s（%d日）", cn_date(d, date),
			   cn_date(d, date + publicity_days - 1), publicity_days));
	dbuf_release(&emp);
	doc_para(d,
		 doc_strf(d,
			  "根据《保障农民工工资支付条例》和农民工工资支付公示制度，现将本项目%s"
			  "农民工工资发放情况公示如下（身份证号码已作隐藏处理）：",
			  month));
	static const char *const head[] = {"序号",         "姓名",     "身份证号码",
					   "用工单位",     "出勤天数", "实发工资（元）",
					   "已发放（元）", "发放日期"};
	/* weights for the room the natural widths leave (the PDF fits columns to content) */
	static const double width[] = {22, 38, 92, 140, 28, 50, 50, 63};
	static const enum doc_align align[] = {DOC_CENTER, DOC_CENTER, DOC_CENTER, DOC_LEFT,
					       DOC_RIGHT,  DOC_RIGHT,  DOC_RIGHT,  DOC_CENTER};
	doc_table(d, 8, head, width, align);
	for (size_t i = 0; i < p->n; i++) {
		const struct pub_line *l = &p->lines[i];
		const char *cells[8] = {
			doc_strf(d, "%zu", i + 1),
			l->name,
			l->id,
			l->employer,
			doc_strf(d, "%lld", (long long)l->days),
			money(d, l->net),
			money(d, l->paid),
			pay_date_cell(d, l),
		};
		doc_row(d, false, cells);
	}
	const char *total[8] = {
		"",
		"合计",
		doc_strf(d, "%zu 人", p->n),
		"",
		doc_strf(d, "%lld", (long long)days),
		money(d, net),
		money(d, paid),
		owed ? doc_strf(d, "未发放 %s", m3) : "",
	};
	doc_row(d, true, total);
	doc_para(d,
		 doc_strf(d,
			  "公示期内，如对公示内容有异议，请向本项目劳资专管员%s反映，"
			  "也可拨打劳动保障监察投诉举报电话 %s。",
			  with_phone(d, f->officer, f->officer_phone, ""), f->hotline));
	doc_note(d,
		 "注：实发工资为应发工资扣除代扣款项后的金额；已发放金额以银行代发成功记录为准。"
		 "本公示不得涂改、遮挡，公示期满后存档备查。");
	doc_sign(d, f->office);
	doc_sign(d, cn_date(d, date));
	footer(d, f, date);
}

int notice_publicity(struct store *s, const char *code, int32_t period, int32_t date,
		     struct doc *out, char *err, size_t errsz)
{
	struct facts f;
	struct pub p = {0};
	char v[VALUE_MAX];
	int rc = load_facts(s, code, &f, err, errsz);
	if (rc)
		return rc;
	if ((rc = resolve(s, f.code, f.region, "publicity_days", v, sizeof v))) {
		snprintf(err, errsz, "%s", s->errmsg);
		return rc;
	}
	int days = (int)strtol(v, NULL, 10);
	struct pay_cycle_filter filter = {.project = code, .period = period, .payroll_only = 1};
	rc = store_pay_cycles(s, &filter, pub_line, &p);
	if (rc == WG_ENOMEM)
		snprintf(err, errsz, "out of memory");
	else if (rc)
		snprintf(err, errsz, "%s", s->errmsg);
	if (!rc && p.n == 0) {
		char pb[PERIOD_BUFSZ];
		snprintf(err, errsz, "project '%s' has no payroll for %s", code,
			 period_format(period, pb));
		rc = WG_ENOTFOUND;
	}
	char deposit[256] = "";
	if (!rc && (rc = deposit_status_text(s, f.code, date, deposit, sizeof deposit)))
		snprintf(err, errsz, "%s", s->errmsg);
	if (!rc) {
		publicity_doc(out, &f, &p, period, date, days > 0 ? days : 5, deposit);
		if ((rc = doc_status(out)))
			snprintf(err, errsz, "out of memory");
	}
	pub_release(&p);
	return rc;
}

/* ---- the rights notice board -------------------------------------------------------------- */

struct subs {
	struct doc *d;
	struct dbuf text;
	int n;
};

static int sub_line(void *ctx, const struct subcontract_view *v)
{
	struct subs *b = ctx;
	int rc = dbuf_adds(&b->text, b->n ? "\n" : "");
	rc |= dbuf_addf(&b->text, "%s（统一社会信用代码 %s）", v->name, v->uscc);
	b->n++;
	return rc ? WG_ENOMEM : WG_OK;
}

static const char *const rights[] = {
	"农民工有按时足额获得工资的权利。任何单位和个人不得拖欠农民工工资。（《保障农民工工资支付条"
	"例》第三条）",
	"农民工工资应当以货币形式支付给农民工本人，不得以实物或者有价证券等其他形式替代。（第十一条"
	"）",
	"施工总承包单位应当开设农民工工资专用账户，专项用于支付本项目农民工工资。（第二十六条）",
	"施工总承包单位或者分包单位应当依法与所招用的农民工订立劳动合同并进行用工实名登记，"
	"未订立劳动合同并实名登记的人员不得进入项目现场施工。（第二十八条）",
	"分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。（第三十条）",
	"遇有拖欠工资，请保存考勤、工资条等凭证，拨打劳动保障监察投诉举报电话或到项目所在地劳动保障"
	"监察机构投诉；"
	"也可申请劳动争议调解仲裁，经济困难的可申请法律援助。请通过合法途径维权。",
};

static int board_doc(struct store *s, struct doc *d, const struct facts *f, int32_t date, char *err,
		     size_t errsz)
{
	char regulator[VALUE_MAX], wage[VALUE_MAX], inspection[VALUE_MAX], arbitration[VALUE_MAX],
		legal_aid[VALUE_MAX], legal_hotline[VALUE_MAX], key[80];
	struct {
		const char *code, *name;
		char *buf;
	} want[] = {
		{f->code, "regulator", regulator}, {NULL, "minimum_wage", wage},
		{NULL, "inspection", inspection},  {NULL, "arbitration", arbitration},
		{NULL, "legal_aid", legal_aid},    {NULL, "legal_hotline", legal_hotline},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		int rc = resolve(s, want[i].code, f->region, want[i].name, want[i].buf, VALUE_MAX);
		if (rc == WG_ENOTFOUND && strcmp(want[i].name, "regulator") == 0) {
			/* no project override: the industry's regulator of the region */
			snprintf(key, sizeof key, "regulator.%s", f->industry);
			rc = resolve(s, NULL, f->region, key, regulator, VALUE_MAX);
			if (rc == WG_ENOTFOUND)
				rc = resolve(s, NULL, f->region, "regulator.other", regulator,
					     VALUE_MAX);
		}
		if (rc == WG_ENOTFOUND)
			rc = WG_OK, want[i].buf[0] = '\0';
		if (rc) {
			snprintf(err, errsz, "%s", s->errmsg);
			return rc;
		}
	}
	struct subs subs = {.d = d};
	int rc = store_project_subcontracts(s, f->code, sub_line, &subs);
	if (rc) {
		snprintf(err, errsz, "%s", rc == WG_ENOMEM ? "out of memory" : s->errmsg);
		dbuf_release(&subs.text);
		return rc;
	}
	char day[DATE_BUFSZ], day2[DATE_BUFSZ];
	doc_title(d, "农民工维权信息告示牌", f->name);

	doc_heading(d, "一、工程项目基本信息");
	doc_field(d, "项目名称", doc_strf(d, "%s（项目编号 %s）", f->name, f->code));
	doc_field(d, "工程类别",
		  doc_strf(d, "%s（项目所在地行政区划代码 %s）", industry_label(f->industry),
			   f->region));
	doc_field(d, "建设期限",
		  f->end_date >= 0
			  ? doc_strf(d, "%s 至 %s", date_format((int32_t)f->start_date, day),
				     date_format((int32_t)f->end_date, day2))
			  : doc_strf(d, "%s 开工", date_format((int32_t)f->start_date, day)));
	doc_field(d, "建设单位", doc_strf(d, "%s（统一社会信用代码 %s）", f->owner, f->owner_uscc));
	doc_field(d, "施工总承包单位",
		  doc_strf(d, "%s（统一社会信用代码 %s）", f->contractor, f->contractor_uscc));
	doc_field(d, "总承包单位项目部", with_phone(d, f->office, f->office_phone, ""));
	doc_field(d, "分包单位", subs.n ? dbuf_str(&subs.text) : "无");
	doc_field(d, "行业工程建设主管部门", regulator);
	doc_field(d, "劳资专管员", with_phone(d, f->officer, f->officer_phone, "（待项目部登记）"));

	doc_heading(d, "二、工资支付信息");
	if (wage[0]) {
		int64_t fen = 0;
		money_parse(wage, &fen);
		doc_field(d, "当地最低工资标准", doc_strf(d, "%s 元/月", money(d, fen)));
	} else {
		doc_field(d, "当地最低工资标准", "以当地人民政府最新公布的标准为准");
	}
	doc_field(d, "工资支付日期", pay_day_text(d, f->pay_day));
	doc_field(d, "工资支付方式",
		  f->bank[0]
			  ? doc_strf(d,
				     "总承包单位通过农民工工资专用账户（开户银行 %s）按月直接支付到"
				     "本人银行卡",
				     f->bank)
			  : "总承包单位通过农民工工资专用账户按月直接支付到本人银行卡");

	doc_heading(d, "三、维权投诉渠道");
	doc_field(d, "劳动保障监察投诉举报电话", doc_strf(d, "%s（%s）", f->hotline, inspection));
	doc_field(d, "劳动争议调解仲裁", arbitration);
	doc_field(d, "法律援助", legal_aid);
	doc_field(d, "公共法律服务热线", legal_hotline);
	doc_callout(
		d,
		doc_strf(d, "欠薪投诉举报电话：%s　　法律服务热线：%s", f->hotline, legal_hotline));

	doc_heading(d, "四、农民工权益须知");
	for (size_t i = 0; i < sizeof rights / sizeof rights[0]; i++)
		doc_note(d, doc_strf(d, "%zu. %s", i + 1, rights[i]));
	doc_sign(d, f->office);
	doc_sign(d, doc_strf(d, "设立日期：%s", cn_date(d, date)));
	footer(d, f, date);
	dbuf_release(&subs.text);
	if ((rc = doc_status(d)))
		snprintf(err, errsz, "out of memory");
	return rc;
}

int notice_board(struct store *s, const char *code, int32_t date, struct doc *out, char *err,
		 size_t errsz)
{
	struct facts f;
	int rc = load_facts(s, code, &f, err, errsz);
	if (rc)
		return rc;
	return board_doc(s, out, &f, date, err, errsz);
}
