/* sif.c — UAE WPS SIF payroll files (sif.h): the writer, and the reader that checks every
 * EDR and the SCR's control totals, then turns the EDRs into a temporary payroll CSV for
 * import_file, translating its problems back to the SIF's lines and field names. */
#include "domain/sif.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/record.h"
#include "store/payslip.h"
#include "store/project.h"
#include "store/worker.h"
#include "util/date.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

#define SIF_FIELDS 10
#define SIF_MAXFIELDS 16

static const char *const edr_names[SIF_FIELDS] = {
	"record_type", "person_id",      "agent_id",     "account",         "pay_start",
	"pay_end",     "days_in_period", "fixed_income", "variable_income", "leave_days",
};

/* ---- export ------------------------------------------------------------------------------ */

struct employers {
	char first[24];
	int n;
	struct dbuf list;
};

static int count_employer(void *ctx, const struct pay_cycle *c)
{
	struct employers *e = ctx;
	if (!c->employer_uscc || (e->n && strcmp(e->first, c->employer_uscc) == 0))
		return 0;
	if (e->n && strstr(dbuf_str(&e->list), c->employer_uscc))
		return 0;
	if (!e->n)
		snprintf(e->first, sizeof e->first, "%s", c->employer_uscc);
	e->n++;
	return dbuf_addf(&e->list, "%s%s", e->n > 1 ? ", " : "", c->employer_uscc) ? WG_ENOMEM : 0;
}

struct writer {
	FILE *f;
	struct dbuf line;
	struct sif_totals *t;
	char start[DATE_BUFSZ], end[DATE_BUFSZ];
	char bad[128]; /* a worker without a registered card */
	int rc;
};

static int edr_row(void *ctx, const struct pay_cycle *c)
{
	struct writer *w = ctx;
	char net[MONEY_BUFSZ];
	if (!c->bank_card || !c->bank_code) {
		snprintf(w->bad, sizeof w->bad, "%s", c->id_number);
		return w->rc = WG_EINPUT;
	}
	dbuf_reset(&w->line);
	/* the days worked as the days of the period, the net as the fixed income */
	if (dbuf_addf(&w->line, "EDR,%s,%s,%s,%s,%s,%lld,%s,0.00,0\n", c->id_number, c->bank_code,
		      c->bank_card, w->start, w->end, (long long)c->days,
		      money_format(c->net, net)) ||
	    fwrite(w->line.p, 1, w->line.len, w->f) != w->line.len)
		return w->rc = WG_EIO;
	w->t->records++;
	if (!money_add(w->t->total, c->net, &w->t->total))
		return w->rc = WG_EINPUT;
	return 0;
}

int sif_export(struct store *s, const char *code, int32_t period, const char *employer,
	       int64_t created, const char *path, struct sif_totals *out, char *err, size_t errsz)
{
	struct project_summary ps;
	char pb[PERIOD_BUFSZ];
	memset(out, 0, sizeof *out);
	int rc = store_project_summary(s, code, &ps);
	if (rc) {
		snprintf(err, errsz, rc == WG_ENOTFOUND ? "unknown project '%s'" : "%s",
			 rc == WG_ENOTFOUND ? code : s->errmsg);
		return rc;
	}
	if (!ps.bank_code) {
		snprintf(err, errsz,
			 "project '%s' has no dedicated wage account: the SCR needs its "
			 "bank code (import accounts first)",
			 code);
		return WG_EINPUT;
	}
	char bank[80];
	snprintf(bank, sizeof bank, "%s", ps.bank_code);
	period_format(period, pb);
	struct pay_cycle_filter f = {
		.project = code, .period = period, .employer = employer, .payroll_only = 1};
	if (!employer) {
		/* one SIF file is one employer's: find which, or ask */
		struct employers e = {0};
		rc = store_pay_cycles(s, &f, count_employer, &e);
		if (rc)
			snprintf(err, errsz, "%s", rc == WG_ENOMEM ? "out of memory" : s->errmsg);
		else if (e.n == 0)
			snprintf(err, errsz, "project '%s' has no payroll for %s", code, pb),
				rc = WG_ENOTFOUND;
		else if (e.n > 1)
			snprintf(err, errsz,
				 "the payroll of '%s' for %s has %d employers (%s); a SIF "
				 "file holds one: choose it with --employer",
				 code, pb, e.n, dbuf_str(&e.list)),
				rc = WG_EINPUT;
		snprintf(out->employer, sizeof out->employer, "%s", e.first);
		dbuf_release(&e.list);
		if (rc)
			return rc;
		f.employer = out->employer;
	} else {
		snprintf(out->employer, sizeof out->employer, "%s", employer);
	}
	struct writer w = {.t = out, .rc = WG_OK};
	date_format(period_first_day(period), w.start);
	date_format(period_last_day(period), w.end);
	if (!(w.f = fopen(path, "w"))) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return WG_EIO;
	}
	rc = store_pay_cycles(s, &f, edr_row, &w);
	if (rc && w.rc == WG_EINPUT && w.bad[0])
		snprintf(err, errsz,
			 "worker '%s' has no registered bank card (import workers first)", w.bad);
	else if (rc && w.rc)
		snprintf(err, errsz, "%s: cannot write the SIF file", path);
	else if (rc)
		snprintf(err, errsz, "%s", s->errmsg);
	if (!rc && out->records == 0) {
		snprintf(err, errsz, "project '%s' has no payroll of employer '%s' for %s", code,
			 out->employer, pb);
		rc = WG_ENOTFOUND;
	}
	if (!rc) {
		/* the control record, in Asia/Shanghai time like every date here */
		int64_t local = created + 8 * 3600;
		int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
		int64_t sec = local - day * 86400;
		int y, m, d;
		char dd[DATE_BUFSZ], total[MONEY_BUFSZ];
		date_to_ymd(period_first_day(period), &y, &m, &d);
		dbuf_reset(&w.line);
		if (dbuf_addf(&w.line, "SCR,%s,%s,%s,%02d%02d,%02d%04d,%lld,%s,CNY,%s\n",
			      out->employer, bank, date_format((int32_t)day, dd), (int)(sec / 3600),
			      (int)(sec % 3600 / 60), m, y, (long long)out->records,
			      money_format(out->total, total), code) ||
		    fwrite(w.line.p, 1, w.line.len, w.f) != w.line.len) {
			snprintf(err, errsz, "%s: cannot write the SIF file", path);
			rc = WG_EIO;
		}
	}
	if (fclose(w.f) != 0 && !rc) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		rc = WG_EIO;
	}
	dbuf_release(&w.line);
	return rc;
}

/* ---- import ------------------------------------------------------------------------------ */

struct reader {
	struct store *s;
	const char *file, *project;
	import_report_fn *report;
	void *ctx;
	int64_t errors;
	/* what pass 1 learnt */
	long scr_line;
	int32_t period; /* of the EDRs; -1 before the first */
	long period_line;
	int64_t records, total;
	bool amounts_ok;
	bool amend; /* --amend: a changed net replaces the stored line */
	char employer[24];
	/* pass 2: CSV line n+2 is SIF line map[n] */
	long *map;
	size_t nmap, mapalloc;
};

/* Reports problem id at line, field; its parameters follow as name, value pairs, then NULL. */
static void problem(struct reader *r, long line, const char *field, enum msg_id id, ...)
	__attribute__((sentinel));

static void problem(struct reader *r, long line, const char *field, enum msg_id id, ...)
{
	struct msg m = {.id = id};
	va_list ap;
	va_start(ap, id);
	for (const char *name; (name = va_arg(ap, const char *));)
		msg_add(&m, name, va_arg(ap, const char *));
	va_end(ap);
	r->errors++;
	r->report(r->ctx, r->file, line, field, &m);
}

/* The same, for a value with a reason from the catalogue (why an ID or amount is bad). */
static void problem_why(struct reader *r, long line, const char *field, enum msg_id id,
			const char *value, enum msg_id why)
{
	struct msg m;
	msg_set(&m, id, "value", value, MSG_END);
	msg_add_sub(&m, "reason", why);
	r->errors++;
	r->report(r->ctx, r->file, line, field, &m);
}

/* The first 20 bytes of s (cut at a character boundary) into buf (24 bytes). */
static const char *head20(const char *s, char *buf)
{
	size_t n = strlen(s);
	if (n > 20) {
		n = 20;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* A number as text for a message parameter. */
static const char *num(char *buf, long long v)
{
	snprintf(buf, 24, "%lld", v);
	return buf;
}

/* Splits line (modified) at commas into f, trimming blanks; returns the field count. */
static int split(char *line, char **f)
{
	int n = 0;
	for (char *p = line;;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		char *e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (n < SIF_MAXFIELDS)
			f[n] = p;
		n++;
		if (!comma)
			return n;
		p = comma + 1;
	}
}

/* A whole number 0..max; -1 when it is not one. */
static long small_int(const char *s, long max)
{
	char *end;
	if (!isdigit((unsigned char)*s))
		return -1;
	long v = strtol(s, &end, 10);
	return *end || v > max ? -1 : v;
}

static bool digits_only(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (!isdigit((unsigned char)*s) || k + 1 >= n)
			return false;
		out[k++] = *s;
	}
	out[k] = '\0';
	return k >= 10 && k <= 30;
}

/* The parsed amounts of an EDR; false when one is bad (reported). */
static bool edr_amounts(struct reader *r, long line, char **f, int64_t *fixed, int64_t *variable)
{
	bool ok = true;
	int64_t *v[2] = {fixed, variable};
	for (int i = 0; i < 2; i++) {
		int e = money_parse(f[7 + i], v[i]);
		if (e) {
			problem_why(r, line, edr_names[7 + i], MSG_SIF_NOT_AMOUNT, f[7 + i],
				    record_money_reason(e));
			ok = false;
		}
	}
	return ok;
}

/* Pass 1 of an EDR: every field, and the worker's registered card. */
static void check_edr(struct reader *r, long line, char **f, int nf)
{
	char n1[24], n2[24];
	r->records++;
	if (nf != SIF_FIELDS) {
		problem(r, line, NULL, MSG_SIF_EDR_FIELDS, "count", num(n1, nf), "want",
			num(n2, SIF_FIELDS), MSG_END);
		r->amounts_ok = false;
		return;
	}
	if (r->scr_line)
		problem(r, line, NULL, MSG_SIF_EDR_AFTER_SCR, "scr_line", num(n1, r->scr_line),
			MSG_END);
	char id[19], card[40];
	int e = idcard_validate(f[1], id);
	if (e)
		problem_why(r, line, "person_id", MSG_FIELD_NOT_ID, f[1], record_ids_reason(e));
	if (!*f[2])
		problem(r, line, "agent_id", MSG_SIF_AGENT_REQUIRED, MSG_END);
	bool card_ok = digits_only(f[3], card, sizeof card);
	if (!card_ok)
		problem(r, line, "account", MSG_FIELD_NOT_CARD, "value", f[3], MSG_END);
	int32_t start, end;
	if (date_parse(f[4], &start)) {
		problem(r, line, "pay_start", MSG_FIELD_NOT_DATE, "value", f[4], MSG_END);
	} else {
		int32_t p = period_of_day(start);
		char want[DATE_BUFSZ], pb[PERIOD_BUFSZ], pb2[PERIOD_BUFSZ];
		if (start != period_first_day(p))
			problem(r, line, "pay_start", MSG_SIF_NOT_FIRST_DAY, "value", f[4],
				MSG_END);
		else if (r->period >= 0 && p != r->period)
			problem(r, line, "pay_start", MSG_SIF_OTHER_PERIOD, "period",
				period_format(p, pb), "first_line", num(n1, r->period_line),
				"first_period", period_format(r->period, pb2), MSG_END);
		if (date_parse(f[5], &end))
			problem(r, line, "pay_end", MSG_FIELD_NOT_DATE, "value", f[5], MSG_END);
		else if (end != period_last_day(p))
			problem(r, line, "pay_end", MSG_SIF_NOT_LAST_DAY, "value", f[5], "want",
				date_format(period_last_day(p), want), MSG_END);
		if (r->period < 0) {
			r->period = p;
			r->period_line = line;
		}
	}
	if (small_int(f[6], 31) < 0)
		problem(r, line, "days_in_period", MSG_SIF_NOT_DAYS, "value", f[6], MSG_END);
	if (small_int(f[9], 31) < 0)
		problem(r, line, "leave_days", MSG_SIF_NOT_DAYS, "value", f[9], MSG_END);
	int64_t fixed = 0, variable = 0, sum;
	if (edr_amounts(r, line, f, &fixed, &variable)) {
		if (!money_add(fixed, variable, &sum) || !money_add(r->total, sum, &r->total)) {
			problem(r, line, "fixed_income", MSG_SIF_OVERFLOW, MSG_END);
			r->amounts_ok = false;
		}
	} else {
		r->amounts_ok = false;
	}
	if (e || !card_ok)
		return;
	/* one card per worker: the salary must go to the card registered for him */
	struct worker_summary ws;
	int rc = store_worker_summary(r->s, id, &ws);
	if (rc == WG_OK && ws.registered && ws.bank_card) {
		char masked[MASK_BUFSZ], bank[64];
		snprintf(bank, sizeof bank, "%s", ws.bank_code ? ws.bank_code : "");
		if (strcmp(ws.bank_card, card) != 0)
			problem(r, line, "account", MSG_SIF_NOT_REGISTERED_CARD, "value", f[3],
				"card", mask_card(ws.bank_card, masked), MSG_END);
		if (strcmp(bank, f[2]) != 0)
			problem(r, line, "agent_id", MSG_SIF_NOT_CARD_BANK, "value", f[2], "bank",
				bank, MSG_END);
	} else if (rc && rc != WG_ENOTFOUND) {
		problem(r, line, NULL, MSG_STORE_FAILED, "detail", r->s->errmsg, MSG_END);
	}
}

static void check_scr(struct reader *r, long line, char **f, int nf, int32_t *month, int64_t *count,
		      int64_t *total, bool *ok)
{
	char n1[24], n2[24];
	*ok = false;
	if (r->scr_line) {
		problem(r, line, NULL, MSG_SIF_SECOND_SCR, "first_line", num(n1, r->scr_line),
			MSG_END);
		return;
	}
	r->scr_line = line;
	if (nf != SIF_FIELDS) {
		problem(r, line, NULL, MSG_SIF_SCR_FIELDS, "count", num(n1, nf), "want",
			num(n2, SIF_FIELDS), MSG_END);
		return;
	}
	bool good = true;
	int e = uscc_validate(f[1]);
	if (e) {
		problem_why(r, line, "employer_id", MSG_FIELD_NOT_USCC, f[1], record_ids_reason(e));
		good = false;
	} else {
		int rc = r->s->ops->ref_exists(r->s, COL_USCC, f[1]);
		if (rc == WG_ENOTFOUND)
			problem(r, line, "employer_id", MSG_IMPORT_UNKNOWN_ENTERPRISE, "value",
				f[1], MSG_END);
		else if (rc)
			problem(r, line, NULL, MSG_STORE_FAILED, "detail", r->s->errmsg, MSG_END);
		snprintf(r->employer, sizeof r->employer, "%s", f[1]);
	}
	if (!*f[2])
		problem(r, line, "bank_code", MSG_FIELD_REQUIRED, MSG_END);
	int32_t day;
	if (date_parse(f[3], &day))
		problem(r, line, "file_date", MSG_FIELD_NOT_DATE, "value", f[3], MSG_END);
	long hhmm = strlen(f[4]) == 4 ? small_int(f[4], 2359) : -1;
	if (hhmm < 0 || hhmm % 100 > 59)
		problem(r, line, "file_time", MSG_SIF_NOT_TIME, "value", f[4], MSG_END);
	long mmyyyy = strlen(f[5]) == 6 ? small_int(f[5], 129999) : -1;
	char pb[48];
	snprintf(pb, sizeof pb, "%04ld-%02ld", mmyyyy % 10000, mmyyyy / 10000);
	if (mmyyyy < 0 || period_parse(pb, month)) {
		problem(r, line, "salary_month", MSG_SIF_NOT_MONTH, "value", f[5], MSG_END);
		good = false;
	}
	long n = small_int(f[6], 100000000);
	if (n < 0) {
		problem(r, line, "edr_count", MSG_SIF_NOT_COUNT, "value", f[6], MSG_END);
		good = false;
	}
	*count = n;
	if ((e = money_parse(f[7], total))) {
		problem_why(r, line, "total_salary", MSG_SIF_NOT_AMOUNT, f[7],
			    record_money_reason(e));
		good = false;
	}
	if (strcmp(f[8], "CNY") != 0)
		problem(r, line, "currency", MSG_SIF_NOT_CNY, "value", f[8], MSG_END);
	*ok = good;
}

/* Pass 1: every record checked, the control totals compared. Returns WG_OK or WG_EIO. */
static int pass1(struct reader *r, FILE *in)
{
	char *buf = NULL, *f[SIF_MAXFIELDS];
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	int32_t month = -1;
	int64_t count = 0, total = 0;
	bool scr_ok = false;
	r->period = -1;
	r->amounts_ok = true;
	while ((len = getline(&buf, &cap, in)) >= 0) {
		line++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		char *p = buf;
		if (line == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3; /* a byte-order mark from a spreadsheet */
		if (strspn(p, " \t") == strlen(p))
			continue;
		if (strlen(p) > 4096) {
			problem(r, line, NULL, MSG_SIF_LINE_TOO_LONG, MSG_END);
			continue;
		}
		int nf = split(p, f);
		if (strcmp(f[0], "EDR") == 0)
			check_edr(r, line, f, nf);
		else if (strcmp(f[0], "SCR") == 0)
			check_scr(r, line, f, nf, &month, &count, &total, &scr_ok);
		else if (strcmp(f[0], "EVP") != 0) { /* variable-pay detail: the EDR has the sum */
			char head[24];
			problem(r, line, "record_type", MSG_SIF_NOT_RECORD_TYPE, "value",
				head20(f[0], head), MSG_END);
		}
	}
	free(buf);
	if (ferror(in))
		return WG_EIO;
	if (!r->scr_line) {
		problem(r, 0, NULL, MSG_SIF_NO_SCR, MSG_END);
		return WG_OK;
	}
	if (!scr_ok)
		return WG_OK;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], pa[PERIOD_BUFSZ], pb[PERIOD_BUFSZ], n1[24], n2[24];
	if (count != r->records)
		problem(r, r->scr_line, "edr_count", MSG_SIF_COUNT_MISMATCH, "count",
			num(n1, count), "records", num(n2, r->records), MSG_END);
	if (r->amounts_ok && total != r->total)
		problem(r, r->scr_line, "total_salary", MSG_SIF_TOTAL_MISMATCH, "total",
			money_format(total, a), "sum", money_format(r->total, b), MSG_END);
	if (r->period >= 0 && month != r->period)
		problem(r, r->scr_line, "salary_month", MSG_SIF_MONTH_MISMATCH, "month",
			period_format(month, pa), "period", period_format(r->period, pb), MSG_END);
	if (r->period < 0)
		r->period = month;
	return WG_OK;
}

/* Pass 2: the EDRs as payroll CSV rows, gross and deductions kept from a stored line that
 * has the same net. */
static int pass2(struct reader *r, FILE *in, FILE *out)
{
	char *buf = NULL, *f[SIF_MAXFIELDS], pb[PERIOD_BUFSZ];
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	int rc = WG_OK;
	struct dbuf row = DBUF_INIT;
	period_format(r->period, pb);
	fputs("project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\n",
	      out);
	while (rc == WG_OK && (len = getline(&buf, &cap, in)) >= 0) {
		line++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		char *p = line == 1 && strncmp(buf, "\xEF\xBB\xBF", 3) == 0 ? buf + 3 : buf;
		if (strspn(p, " \t") == strlen(p) || split(p, f) != SIF_FIELDS ||
		    strcmp(f[0], "EDR"))
			continue;
		char id[19];
		int64_t fixed = 0, variable = 0, net, gross, deductions;
		idcard_validate(f[1], id);
		money_parse(f[7], &fixed);
		money_parse(f[8], &variable);
		net = fixed + variable;
		gross = net;
		deductions = 0;
		char due[DATE_BUFSZ] = "";
		struct rec key = {.kind = REC_PAYROLL}, cur;
		int64_t lseq;
		key.v[PAYROLL_PROJECT_CODE].s = r->project;
		key.v[PAYROLL_PERIOD].i = r->period;
		key.v[PAYROLL_ID_NUMBER].s = id;
		int g = r->s->ops->rec_get(r->s, &key, &cur, &lseq);
		if (g == WG_OK && cur.v[PAYROLL_NET].i == net) {
			gross = cur.v[PAYROLL_GROSS].i;
			deductions = cur.v[PAYROLL_DEDUCTIONS].i;
			if (!cur.v[PAYROLL_DUE_DATE].null)
				date_format((int32_t)cur.v[PAYROLL_DUE_DATE].i, due);
		} else if (g == WG_OK && !r->amend) {
			/* said here in the SIF's terms; the importer would name gross */
			char was[MONEY_BUFSZ];
			problem(r, line, "fixed_income", MSG_SIF_NEEDS_AMEND, "net",
				money_format(cur.v[PAYROLL_NET].i, was), MSG_END);
			continue;
		} else if (g && g != WG_ENOTFOUND) {
			problem(r, line, NULL, MSG_STORE_FAILED, "detail", r->s->errmsg, MSG_END);
			rc = g;
			break;
		}
		char gb[MONEY_BUFSZ], db[MONEY_BUFSZ], nb[MONEY_BUFSZ];
		dbuf_reset(&row);
		if (dbuf_add_csv_field(&row, r->project) ||
		    dbuf_addf(&row, ",%s,%s,%s,%ld,%s,%s,%s,%s\n", r->employer, pb, id,
			      small_int(f[6], 31), money_format(gross, gb),
			      money_format(deductions, db), money_format(net, nb), due) ||
		    fwrite(row.p, 1, row.len, out) != row.len) {
			rc = WG_EIO;
			break;
		}
		if (r->nmap == r->mapalloc) {
			size_t want = r->mapalloc ? 2 * r->mapalloc : 256;
			long *nm = realloc(r->map, want * sizeof *nm);
			if (!nm) {
				rc = WG_ENOMEM;
				break;
			}
			r->map = nm;
			r->mapalloc = want;
		}
		r->map[r->nmap++] = line;
	}
	free(buf);
	dbuf_release(&row);
	return rc;
}

/* The importer's problems, moved from the temporary CSV to the SIF: its line, its fields. */
static void translate(void *ctx, const char *file, long line, const char *col,
		      const struct msg *msg)
{
	struct reader *r = ctx;
	static const struct {
		const char *csv, *sif;
	} names[] = {
		{"id_number", "person_id"},       {"days", "days_in_period"},
		{"gross", "fixed_income"},        {"deductions", "fixed_income"},
		{"net", "fixed_income"},          {"period", "pay_start"},
		{"employer_uscc", "employer_id"}, {"due_date", "fixed_income"},
		{"project_code", "--project"},
	};
	long sif_line = line;
	if (line >= 2 && (size_t)(line - 2) < r->nmap)
		sif_line = r->map[line - 2];
	if (col && strcmp(col, "employer_uscc") == 0)
		sif_line = r->scr_line;
	for (size_t i = 0; col && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(col, names[i].csv) == 0) {
			col = names[i].sif;
			break;
		}
	r->report(r->ctx, file ? r->file : NULL, file ? sif_line : line, col, msg);
}

int sif_import(struct store *s, const char *path, const char *code, const struct import_opts *o,
	       struct import_stats *st, import_report_fn *report, void *ctx)
{
	struct reader r = {.s = s,
			   .file = o->label ? o->label : path,
			   .project = code,
			   .report = report,
			   .ctx = ctx};
	char tmp[4096] = "";
	FILE *in = NULL, *out = NULL;
	int rc;
	memset(st, 0, sizeof *st);
	if ((rc = s->ops->ref_exists(s, COL_PROJECT, code))) {
		if (rc == WG_ENOTFOUND)
			problem(&r, 0, NULL, MSG_IMPORT_UNKNOWN_PROJECT, "value", code, MSG_END);
		else
			problem(&r, 0, NULL, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		rc = rc == WG_ENOTFOUND ? WG_EINPUT : rc;
		goto cleanup;
	}
	if (!(in = fopen(path, "r"))) {
		problem(&r, 0, NULL, MSG_SIF_CANNOT_OPEN, "reason", strerror(errno), MSG_END);
		rc = WG_EIO;
		goto cleanup;
	}
	if ((rc = pass1(&r, in))) {
		problem(&r, 0, NULL, MSG_SIF_CANNOT_READ, "reason", strerror(errno), MSG_END);
		goto cleanup;
	}
	if (r.errors) {
		rc = WG_EINPUT;
		goto cleanup;
	}
	const char *dir = getenv("TMPDIR");
	snprintf(tmp, sizeof tmp, "%s/wageguard-sif.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmp);
	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		problem(&r, 0, NULL, MSG_SIF_CANNOT_TEMP, "reason", strerror(errno), MSG_END);
		if (fd >= 0)
			close(fd);
		rc = WG_EIO;
		goto cleanup;
	}
	rewind(in);
	r.amend = o->amend;
	rc = pass2(&r, in, out);
	if (fclose(out) != 0 && !rc)
		rc = WG_EIO;
	out = NULL;
	if (!rc && r.errors)
		rc = WG_EINPUT;
	if (rc) {
		if (!r.errors)
			problem(&r, 0, NULL, MSG_SIF_CANNOT_CONVERT, "reason", wg_strerror(rc),
				MSG_END);
		goto cleanup;
	}
	struct import_opts io = *o;
	io.label = r.file;
	rc = import_file(s, schema_kind(REC_PAYROLL), tmp, &io, st, translate, &r);
	r.errors = 0; /* counted by import_file in st */
cleanup:
	if (r.errors)
		st->errors = r.errors;
	if (in)
		fclose(in);
	if (tmp[0])
		unlink(tmp);
	free(r.map);
	return rc;
}
