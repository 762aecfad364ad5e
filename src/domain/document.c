/* document.c — numbered documents (domain/document.h): the kinds, the numbering, issuing. */
#include "domain/document.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/doc.h"
#include "store/case.h"
#include "store/config.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

/* clang-format off */
const struct document_kind document_kinds[] = {
	/* ---- relief (SPEC §11) ---- */
	{"order", "令", "劳动保障监察限期改正指令书", "Order to pay within a time limit", "relief"},
	{"decision", "决", "劳动保障监察行政处理决定书", "Administrative decision", "relief"},
	{"referral_arbitration", "仲", "劳动人事争议仲裁移送函", "Referral to labour arbitration",
	 "relief"},
	{"referral_police", "移", "涉嫌拒不支付劳动报酬犯罪案件移送书",
	 "Referral to the police (refusal to pay wages)", "relief"},
	{"liability_order", "责", "劳动保障监察限期改正指令书（连带清偿）",
	 "Order to pay under joint liability", "relief"},
	/* ---- supervision (SPEC §10): rectification orders (整改通知书) go here ---- */
	{"rectify", "改", "劳动保障监察限期整改指令书", "Rectification order", "supervision"},
	/* ---- deposit (SPEC §7): the payment notice of an activation goes here ---- */
	{NULL, NULL, NULL, NULL, NULL},
};
/* clang-format on */

const struct document_kind *document_kind_by_name(const char *name)
{
	for (const struct document_kind *k = document_kinds; name && k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

int document_issuer(struct store *s, int64_t region, char *issuer, size_t isz, char *prefix,
		    size_t psz)
{
	/* the longest configured prefix of the region code: 330102, 3301, 33 */
	char code[24], key[96];
	snprintf(code, sizeof code, "%" PRId64, region);
	for (size_t len = strlen(code); len >= 2; len -= 2) {
		snprintf(key, sizeof key, "relief.prefix.%.*s", (int)len, code);
		int rc = store_config_get(s, key, prefix, psz);
		if (rc == WG_OK) {
			snprintf(issuer, isz, "%.*s", (int)len, code);
			return WG_OK;
		}
		if (rc != WG_ENOTFOUND)
			return rc;
		if (len == 2)
			break;
	}
	/* none: the district's own sequence, its code in the prefix so that no two districts'
	 * numbers are the same */
	snprintf(issuer, isz, "%s", code);
	snprintf(prefix, psz, "%s人社监", code);
	return WG_OK;
}

int document_number(struct store *s, const char *kind, int64_t region, int year, int64_t seq,
		    char *out, size_t n)
{
	const struct document_kind *k = document_kind_by_name(kind);
	if (!k)
		return WG_EINPUT;
	char issuer[24], prefix[128];
	int rc = document_issuer(s, region, issuer, sizeof issuer, prefix, sizeof prefix);
	if (!rc)
		snprintf(out, n, "%s%s〔%d〕%" PRId64 "号", prefix, k->abbr, year, seq);
	return rc;
}

int document_issue_tx(struct store *s, const struct document_issue *d, char number[96],
		      struct msg *err)
{
	const struct document_kind *k = document_kind_by_name(d->kind);
	if (!k) {
		WG_BUG("document kind not in the table");
		msg_set(err, MSG_TEXT, "text", "unknown document kind", MSG_END);
		return WG_EINPUT;
	}
	int y, m, dd;
	date_to_ymd(d->issued, &y, &m, &dd);
	/* one sequence per issuing authority (the region whose prefix it is), kind and year */
	char name[96], issuer[24], prefix[128];
	int rc = document_issuer(s, d->region, issuer, sizeof issuer, prefix, sizeof prefix);
	if (rc)
		goto failed;
	snprintf(name, sizeof name, "doc:%s:%s:%d", issuer, d->kind, y);
	int64_t seq;
	rc = store_counter_next(s, name, &seq);
	if (!rc)
		rc = document_number(s, d->kind, d->region, y, seq, number, 96);
	if (rc)
		goto failed;
	json_t *body = d->body ? json_loads(d->body, 0, NULL) : json_object();
	if (!body)
		body = json_object();
	char amount[MONEY_BUFSZ], dl[DATE_BUFSZ];
	json_object_set_new(body, "title", json_string(k->title_zh));
	if (d->case_number)
		json_object_set_new(body, "case", json_string(d->case_number));
	if (d->amount)
		json_object_set_new(body, "amount", json_string(money_format(d->amount, amount)));
	if (d->deadline >= 0)
		json_object_set_new(body, "deadline", json_string(date_format(d->deadline, dl)));
	char *text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(body);
	if (!text) {
		rc = WG_ENOMEM;
		goto failed;
	}
	struct document_row row = {.region = d->region,
				   .year = y,
				   .seq = seq,
				   .case_id = d->case_id,
				   .issued = d->issued,
				   .deadline = d->deadline,
				   .amount = d->amount,
				   .status_on = -1,
				   .body = text};
	snprintf(row.number, sizeof row.number, "%s", number);
	snprintf(row.kind, sizeof row.kind, "%s", d->kind);
	snprintf(row.addressee, sizeof row.addressee, "%s", d->addressee ? d->addressee : "");
	snprintf(row.status, sizeof row.status, "issued");
	snprintf(row.issued_by, sizeof row.issued_by, "%s", d->actor ? d->actor : "");
	rc = store_document_insert(s, &row);
	free(text);
	if (!rc)
		return WG_OK;
failed:
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	else
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

const char *const document_service_methods[] = {"personal", "post",       "left",
						"public",   "electronic", NULL};
static const char *const method_zh[] = {"直接送达", "邮寄送达", "留置送达", "公告送达", "电子送达"};

static int method_index(const char *m)
{
	for (int i = 0; m && document_service_methods[i]; i++)
		if (strcmp(document_service_methods[i], m) == 0)
			return i;
	return -1;
}

int document_serve(struct store *s, const char *number, const char *method, int32_t on,
		   const char *recipient, const char *note, const char *actor, struct msg *err)
{
	if (method_index(method) < 0) {
		msg_set(err, MSG_RELIEF_SERVICE_METHOD, "value", method ? method : "", "allowed",
			"personal, post, left, public, electronic", MSG_END);
		return WG_EINPUT;
	}
	if (!recipient || !*recipient || strlen(recipient) > 200) {
		msg_set(err, MSG_RELIEF_SERVICE_RECIPIENT, MSG_END);
		return WG_EINPUT;
	}
	int rc = s->ops->begin(s);
	if (rc)
		goto failed;
	struct document_row d;
	if ((rc = store_document_get(s, number, &d))) {
		s->ops->rollback(s);
		if (rc == WG_ENOTFOUND) {
			msg_set(err, MSG_RELIEF_DOCUMENT_NOT_FOUND, "number", number, MSG_END);
			return rc;
		}
		goto failed;
	}
	if (on < d.issued) {
		s->ops->rollback(s);
		char a[DATE_BUFSZ], b[DATE_BUFSZ];
		msg_set(err, MSG_RELIEF_BEFORE, "date", date_format(on, a), "what", "issue",
			"since", date_format((int32_t)d.issued, b), MSG_END);
		return WG_EINPUT;
	}
	struct document_service v = {.method = method,
				     .recipient = recipient,
				     .note = note,
				     .recorded_by = actor,
				     .served_on = on};
	if ((rc = store_document_service_add(s, d.id, d.region, &v)) || (rc = s->ops->commit(s))) {
		s->ops->rollback(s);
		goto failed;
	}
	return WG_OK;
failed:
	msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

static const char *zh_date(struct doc *d, int64_t day)
{
	int y, m, dd;
	date_to_ymd((int32_t)day, &y, &m, &dd);
	return doc_strf(d, "%d年%d月%d日", y, m, dd);
}

static const char *body_str(json_t *b, const char *key)
{
	const char *v = json_string_value(json_object_get(b, key));
	return v ? v : "";
}

struct render_services {
	struct doc *d;
	int n;
};

static int service_row(void *ctx, const struct document_service *v)
{
	struct render_services *r = ctx;
	int m = method_index(v->method);
	const char *cells[4] = {m >= 0 ? method_zh[m] : v->method, zh_date(r->d, v->served_on),
				v->recipient, v->note ? v->note : ""};
	doc_row(r->d, false, cells);
	r->n++;
	return 0;
}

int document_render(struct store *s, const struct document_row *row, int flags, struct doc *out,
		    struct msg *err)
{
	const struct document_kind *k = document_kind_by_name(row->kind);
	json_t *b = row->body ? json_loads(row->body, 0, NULL) : NULL;
	if (!b)
		b = json_object();
	char m[MONEY_BUFSZ];
	const char *amount = money_format(row->amount, m);
	const char *addressee = body_str(b, "employer_name");
	int nworkers = (int)json_array_size(json_object_get(b, "workers"));
	const char *project = body_str(b, "project_name");
	doc_title(out, k ? k->title_zh : row->kind, row->number);
	doc_field(out, "被送达单位", *addressee ? addressee : row->addressee);
	doc_field(out, "统一社会信用代码", row->addressee);
	if (*body_str(b, "case"))
		doc_field(out, "案件编号", body_str(b, "case"));
	if (*body_str(b, "project"))
		doc_field(out, "项目", doc_strf(out, "%s %s", body_str(b, "project"), project));
	doc_field(out, "金额（元）", amount);
	if (row->deadline >= 0)
		doc_field(out, "履行期限", zh_date(out, row->deadline));
	const char *where = *project ? doc_strf(out, "在“%s”项目中", project) : "";
	if (strcmp(row->kind, "order") == 0) {
		doc_para(
			out,
			doc_strf(
				out,
				"经查，你单位%s拖欠 %d 名劳动者工资共计人民币 %s 元（明细见下表），"
				"违反了《保障农民工工资支付条例》第三条的规定。",
				where, nworkers, amount));
		doc_para(out,
			 doc_strf(out,
				  "根据《劳动保障监察条例》第二十六条的规定，责令你单位于%s前"
				  "足额支付上述工资。逾期不支付的，将依法责令你单位按应付金额百分之"
				  "五十"
				  "以上一倍以下的标准向劳动者加付赔偿金，启用工资保证金，并按规定列"
				  "入拖欠"
				  "农民工工资失信联合惩戒对象名单；涉嫌拒不支付劳动报酬罪的，依法移"
				  "送公安"
				  "机关。",
				  row->deadline >= 0 ? zh_date(out, row->deadline) : ""));
	} else if (strcmp(row->kind, "decision") == 0) {
		doc_para(out,
			 doc_strf(out,
				  "经查，你单位%s拖欠劳动者工资，违反了《保障农民工工资支付条例》"
				  "的规定。根据《劳动保障监察条例》第二十六条的规定，现作出如下处理"
				  "决定："
				  "你单位应向下表所列劳动者支付工资共计人民币 %s 元。",
				  where, amount));
		doc_para(out,
			 "如不服本决定，可在收到本决定书之日起六十日内依法申请行政复议，或者在六个"
			 "月内依法向人民法院提起行政诉讼。");
	} else if (strcmp(row->kind, "referral_arbitration") == 0) {
		doc_para(
			out,
			doc_strf(out,
				 "本机构受理的案件（编号 %s）经审查属于劳动人事争议，涉及劳动者 %d "
				 "名、金额人民币 %s 元，现移送你委依法处理。",
				 body_str(b, "case"), nworkers, amount));
	} else if (strcmp(row->kind, "referral_police") == 0) {
		doc_para(out,
			 doc_strf(out,
				  "本机构在办理案件（编号 "
				  "%s）中发现，被送达单位%s拒不支付劳动者劳动报酬"
				  "共计人民币 %s "
				  "元，经责令支付仍不支付，涉嫌《中华人民共和国刑法》第二百"
				  "七十六条之一规定的拒不支付劳动报酬罪，现依法移送你局审查。",
				  body_str(b, "case"), where, amount));
	} else {
		doc_para(out, body_str(b, "text"));
	}
	json_t *recs = json_object_get(b, "records");
	if (json_array_size(recs)) {
		doc_heading(out, "金额依据");
		size_t ri;
		json_t *rv;
		json_array_foreach(recs, ri, rv)
		{
			doc_note(out, json_string_value(rv) ? json_string_value(rv) : "");
		}
	}
	json_t *ws = json_object_get(b, "workers");
	if (json_array_size(ws)) {
		const char *head[4] = {"序号", "姓名", "身份证号码", "金额（元）"};
		const double width[4] = {0.6, 1.2, 2.2, 1.4};
		const enum doc_align align[4] = {DOC_CENTER, DOC_LEFT, DOC_LEFT, DOC_RIGHT};
		doc_heading(out, "涉及劳动者");
		doc_table(out, 4, head, width, align);
		size_t i;
		json_t *w;
		json_array_foreach(ws, i, w)
		{
			char mk[MASK_BUFSZ];
			const char *id = body_str(w, "id_number");
			const char *cells[4] = {doc_strf(out, "%zu", i + 1), body_str(w, "name"),
						(flags & DOCUMENT_REVEAL) || !*id ? id
										  : mask_id(id, mk),
						body_str(w, "amount")};
			doc_row(out, false, cells);
		}
	}
	doc_heading(out, "送达回证");
	const char *head[4] = {"送达方式", "送达日期", "受送达人", "备注"};
	const double width[4] = {1.2, 1.4, 1.8, 2.0};
	const enum doc_align align[4] = {DOC_LEFT, DOC_LEFT, DOC_LEFT, DOC_LEFT};
	doc_table(out, 4, head, width, align);
	struct render_services rsv = {.d = out};
	int rc = store_document_services(s, row->id, service_row, &rsv);
	if (!rc && !rsv.n)
		doc_note(out, "尚未送达。");
	/* the authority's name: the longest configured prefix of the region code */
	char code[24], key[96], authority[256] = "";
	snprintf(code, sizeof code, "%" PRId64, row->region);
	for (size_t len = strlen(code); !rc && len >= 2 && !authority[0]; len -= 2) {
		snprintf(key, sizeof key, "relief.authority.%.*s", (int)len, code);
		int got = store_config_get(s, key, authority, sizeof authority);
		if (got && got != WG_ENOTFOUND)
			rc = got;
		if (len == 2)
			break;
	}
	if (!rc && !authority[0])
		snprintf(authority, sizeof authority, "劳动保障监察机构（%s）", code);
	doc_sign(out, authority);
	doc_sign(out, zh_date(out, row->issued));
	json_decref(b);
	if (rc) {
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		return rc;
	}
	if ((rc = doc_status(out)))
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	return rc;
}
