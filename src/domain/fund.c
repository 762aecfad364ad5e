/* fund.c — the emergency wage fund (domain/fund.h). Every operation runs in one write
 * transaction; writers are serialised by the store (SQLite's write lock, PostgreSQL's chain
 * lock), so an approval that checks the balance less what earlier approvals reserved can
 * never take the fund below zero, however many run at once. */
#include "domain/fund.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/deposit.h"
#include "domain/ledger.h"
#include "domain/links.h"
#include "domain/notice.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

#define DEFAULT_CAP 200000 /* 2,000.00 (SPEC §8) */

int fund_code_parse(const char *s, int64_t *region)
{
	size_t n = strlen(s);
	if (n != 2 && n != 4 && n != 6)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	static const int provinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
					35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
					53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
	int p = (s[0] - '0') * 10 + (s[1] - '0');
	bool ok = false;
	for (size_t i = 0; i < sizeof provinces / sizeof *provinces; i++)
		ok |= provinces[i] == p;
	if (!ok)
		return -1;
	*region = strtoll(s, NULL, 10);
	return 0;
}

int fund_cap(struct store *s, int64_t region, int64_t *cap, char *source, size_t n)
{
	char v[64], key[64];
	int rc = deposit_config_value(s, "fund", region, "cap", v, sizeof v, source, n);
	if (rc == WG_OK && money_parse(v, cap) == 0 && *cap > 0)
		return WG_OK;
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	snprintf(key, sizeof key, "region.%06" PRId64 ".minimum_wage", region);
	rc = notice_config_value(s, key, v, sizeof v);
	if (rc == WG_OK && money_parse(v, cap) == 0 && *cap > 0) {
		snprintf(source, n, "minimum_wage");
		return WG_OK;
	}
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	*cap = DEFAULT_CAP;
	snprintf(source, n, "default");
	return WG_OK;
}

/* ---- one transaction with one ledger entry ---- */

struct tx {
	struct store *s;
	struct ledger_writer w;
	bool writer;
	struct dbuf c;
};

static int tx_begin(struct store *s, struct tx *t, struct msg *err)
{
	memset(t, 0, sizeof *t);
	t->s = s;
	int rc = s->ops->begin(s);
	if (rc)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

static int tx_writer(struct tx *t)
{
	if (t->writer)
		return WG_OK;
	int rc = ledger_writer_init(&t->w, t->s);
	t->writer = rc == WG_OK;
	return rc;
}

static int tx_end(struct tx *t, int rc, struct msg *err)
{
	if (!rc && t->c.len)
		rc = ledger_write(&t->w, LEDGER_INSERT, "fund", 0, dbuf_str(&t->c), NULL);
	if (!rc)
		rc = t->s->ops->commit(t->s);
	if (rc) {
		if (rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
			msg_set(err, MSG_STORE_FAILED, "detail", t->s->errmsg, MSG_END);
		t->s->ops->rollback(t->s);
	}
	if (t->writer)
		ledger_writer_release(&t->w);
	dbuf_release(&t->c);
	return rc;
}

static void line(struct dbuf *b, const char *what, ...)
{
	if (b->len)
		dbuf_addc(b, '\n');
	dbuf_adds(b, what);
	va_list ap;
	va_start(ap, what);
	const char *f;
	while ((f = va_arg(ap, const char *))) {
		dbuf_addc(b, ',');
		dbuf_add_csv_field(b, f);
	}
	va_end(ap);
}

static const char *fmt_money(int64_t fen, char *b)
{
	return money_format(fen, b);
}

static const char *fmt_int(int64_t v, char *b)
{
	snprintf(b, 24, "%" PRId64, v);
	return b;
}

static int positive(int64_t amount, struct msg *err)
{
	char m[MONEY_BUFSZ];
	if (amount > 0)
		return WG_OK;
	msg_set(err, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount", money_format(amount, m), MSG_END);
	return WG_EINPUT;
}

int fund_topup(struct store *s, int64_t region, int64_t amount, const char *source, int32_t day,
	       const char *actor, struct msg *err)
{
	char m[MONEY_BUFSZ], d[DATE_BUFSZ], r[24];
	int rc;
	if ((rc = positive(amount, err)))
		return rc;
	if (!source ||
	    (strcmp(source, "budget") && strcmp(source, "recovery") && strcmp(source, "other"))) {
		msg_set(err, MSG_FUND_SOURCE_UNKNOWN, "source", source ? source : "", MSG_END);
		return WG_EINPUT;
	}
	struct tx t;
	if ((rc = tx_begin(s, &t, err)))
		return rc;
	if (!(rc = tx_writer(&t))) {
		struct fund_move mv = {.region = region,
				       .on_date = day,
				       .amount = amount,
				       .kind = "topup",
				       .source = source,
				       .actor = actor,
				       .lseq = ledger_next_seq(&t.w)};
		line(&t.c, "topup", fmt_int(region, r), fmt_money(amount, m), source,
		     date_format(day, d), actor ? actor : "", (const char *)NULL);
		rc = store_fund_move_insert(s, &mv);
	}
	return tx_end(&t, rc, err);
}

/* The open case with its fund; err says what is wrong. */
static int open_case(struct store *s, const char *case_ref, struct link_case *c, int64_t *fund,
		     struct msg *err)
{
	int rc = link_case_get(s, case_ref, c);
	if (rc == WG_ENOTFOUND) {
		msg_set(err, MSG_FUND_NO_CASE, "case", case_ref, MSG_END);
		return rc;
	}
	if (rc)
		return rc;
	rc = store_fund_for(s, c->region, fund);
	if (rc == WG_ENOTFOUND) {
		char r[24];
		msg_set(err, MSG_FUND_NO_FUND, "region", fmt_int(c->region, r), MSG_END);
	}
	return rc;
}

int fund_apply(struct store *s, const char *case_ref, const char *id_number, int64_t amount,
	       const char *purpose, int32_t day, const char *applicant, int64_t *id,
	       struct msg *err)
{
	char m[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], d[DATE_BUFSZ], r[24], masked[32],
		src[64];
	int rc;
	if ((rc = positive(amount, err)))
		return rc;
	if (!purpose || (strcmp(purpose, "living") && strcmp(purpose, "travel"))) {
		msg_set(err, MSG_FUND_PURPOSE_UNKNOWN, "purpose", purpose ? purpose : "", MSG_END);
		return WG_EINPUT;
	}
	struct tx t;
	if ((rc = tx_begin(s, &t, err)))
		return rc;
	struct link_case c;
	int64_t fund = 0, cap = 0, before = 0;
	bool worker = false;
	if ((rc = open_case(s, case_ref, &c, &fund, err)))
		goto done;
	if (!c.open) {
		msg_set(err, MSG_FUND_CASE_CLOSED, "case", case_ref, MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	if ((rc = link_case_has_worker(s, case_ref, id_number, &worker)))
		goto done;
	if (!worker) {
		msg_set(err, MSG_DEPOSIT_NOT_CASE_WORKER, "worker", mask_id(id_number, masked),
			"case", case_ref, MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	if ((rc = fund_cap(s, c.region, &cap, src, sizeof src)) ||
	    (rc = store_fund_app_worker_total(s, case_ref, id_number, &before)))
		goto done;
	if (before + amount > cap) {
		msg_set(err, MSG_FUND_OVER_CAP, "amount", money_format(amount, m), "cap",
			money_format(cap, m2), "before", fmt_money(before, m3), MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	if ((rc = tx_writer(&t)))
		goto done;
	struct fund_application a = {.region = fund,
				     .amount = amount,
				     .applied_on = day,
				     .lseq = ledger_next_seq(&t.w),
				     .case_ref = case_ref,
				     .project_code = c.project[0] ? c.project : NULL,
				     .id_number = id_number,
				     .purpose = purpose,
				     .applicant = applicant,
				     .employer = c.uscc};
	if ((rc = store_fund_app_insert(s, &a, id)))
		goto done;
	char idb[24];
	line(&t.c, "applied", fmt_int(*id, idb), fmt_int(fund, r), case_ref, id_number,
	     fmt_money(amount, m), purpose, date_format(day, d), applicant ? applicant : "",
	     (const char *)NULL);
done:
	return tx_end(&t, rc, err);
}

/* The application id in status want, into a; err otherwise. */
static int app_in(struct store *s, int64_t id, const char *want, struct fund_application *a,
		  struct msg *err)
{
	char n[24];
	int rc = store_fund_app_get(s, id, a);
	if (rc == WG_ENOTFOUND)
		msg_set(err, MSG_FUND_NO_APPLICATION, "id", fmt_int(id, n), MSG_END);
	else if (!rc && strcmp(a->status, want) != 0) {
		msg_set(err, MSG_FUND_APPLICATION_STATUS, "id", fmt_int(id, n), "status", a->status,
			"want", want, MSG_END);
		rc = WG_EINPUT;
	}
	return rc;
}

int fund_approve(struct store *s, int64_t id, int32_t day, const char *regulator, struct msg *err)
{
	char m[MONEY_BUFSZ], m2[MONEY_BUFSZ], d[DATE_BUFSZ], n[24];
	struct tx t;
	int rc = tx_begin(s, &t, err);
	if (rc)
		return rc;
	struct fund_application a;
	struct fund_sums now, then;
	if ((rc = app_in(s, id, "applied", &a, err)))
		goto done;
	int64_t region = a.region, amount = a.amount;
	/* the balance now, and on the day of the approval, less what approvals reserved: an
	 * advance may never take the fund below zero on any day */
	if ((rc = store_fund_sums(s, region, INT32_MAX, &now)) ||
	    (rc = store_fund_sums(s, region, day, &then)))
		goto done;
	int64_t avail = now.topups - now.advanced + now.recovered - now.reserved;
	int64_t avail_then = then.topups - then.advanced + then.recovered - then.reserved;
	if (avail_then < avail)
		avail = avail_then;
	if (amount > avail) {
		msg_set(err, MSG_FUND_INSUFFICIENT, "amount", money_format(amount, m), "available",
			money_format(avail < 0 ? 0 : avail, m2), MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	if ((rc = tx_writer(&t)) ||
	    (rc = store_fund_app_set(s, id, "approved", day, regulator, NULL)))
		goto done;
	line(&t.c, "approved", fmt_int(id, n), fmt_money(amount, m), date_format(day, d),
	     regulator ? regulator : "", (const char *)NULL);
done:
	return tx_end(&t, rc, err);
}

int fund_reject(struct store *s, int64_t id, int32_t day, const char *regulator, const char *reason,
		struct msg *err)
{
	char d[DATE_BUFSZ], n[24];
	if (!reason || !*reason) {
		msg_set(err, MSG_FUND_REASON_NEEDED, MSG_END);
		return WG_EINPUT;
	}
	struct tx t;
	int rc = tx_begin(s, &t, err);
	if (rc)
		return rc;
	struct fund_application a;
	if ((rc = app_in(s, id, "applied", &a, err)) || (rc = tx_writer(&t)) ||
	    (rc = store_fund_app_set(s, id, "rejected", day, regulator, reason)))
		goto done;
	line(&t.c, "rejected", fmt_int(id, n), date_format(day, d), regulator ? regulator : "",
	     reason, (const char *)NULL);
done:
	return tx_end(&t, rc, err);
}

int fund_pay(struct store *s, int64_t id, int32_t day, const char *actor, struct msg *err)
{
	char m[MONEY_BUFSZ], d[DATE_BUFSZ], n[24], card[64] = "";
	struct tx t;
	int rc = tx_begin(s, &t, err);
	if (rc)
		return rc;
	struct fund_application a;
	if ((rc = app_in(s, id, "approved", &a, err)))
		goto done;
	char case_ref[96], idn[24], employer[24];
	snprintf(case_ref, sizeof case_ref, "%s", a.case_ref);
	snprintf(idn, sizeof idn, "%s", a.id_number);
	snprintf(employer, sizeof employer, "%s", a.employer ? a.employer : "");
	int64_t region = a.region, amount = a.amount;
	rc = store_dep_worker_card(s, idn, card, sizeof card);
	if (rc == WG_ENOTFOUND)
		card[0] = '\0', rc = WG_OK; /* paid by the handler in cash, receipt on file */
	if (rc || (rc = tx_writer(&t)))
		goto done;
	struct fund_move mv = {.region = region,
			       .on_date = day,
			       .amount = amount,
			       .application_id = id,
			       .kind = "advance",
			       .case_ref = case_ref,
			       .employer = employer[0] ? employer : NULL,
			       .actor = actor,
			       .lseq = ledger_next_seq(&t.w)};
	if ((rc = store_fund_move_insert(s, &mv)) ||
	    (rc = store_fund_app_set(s, id, "paid", day, NULL, NULL)))
		goto done;
	line(&t.c, "advance", fmt_int(id, n), case_ref, idn, fmt_money(amount, m), card,
	     date_format(day, d), employer, (const char *)NULL);
done:
	return tx_end(&t, rc, err);
}

/* The first advance's fund and employer (store_fund_moves callback). */
struct first_advance {
	int64_t region;
	char employer[24];
	bool found;
};

static int first_advance_cb(void *ctx, const struct fund_move *mv)
{
	struct first_advance *fa = ctx;
	if (fa->found || strcmp(mv->kind, "advance") != 0)
		return 0;
	fa->region = mv->region;
	snprintf(fa->employer, sizeof fa->employer, "%s", mv->employer ? mv->employer : "");
	fa->found = true;
	return 0;
}

/* Recovery or write-off of amount (0: all) of case's outstanding advances, in t. */
static int settle(struct store *s, struct tx *t, const char *kind, const char *case_ref,
		  int64_t amount, const char *reason, int32_t day, const char *actor,
		  const char *source, bool quiet, struct msg *err)
{
	char m[MONEY_BUFSZ], m2[MONEY_BUFSZ], d[DATE_BUFSZ], r[24];
	struct fund_sums cs;
	int rc = store_fund_case_sums(s, case_ref, &cs);
	if (rc)
		return rc;
	int64_t outstanding = cs.advanced - cs.recovered - cs.written_off;
	if (!amount)
		amount = outstanding;
	if (outstanding <= 0 || amount > outstanding) {
		if (quiet && outstanding <= 0)
			return WG_OK;
		msg_set(err, MSG_FUND_NOT_OUTSTANDING, "amount", money_format(amount, m),
			"outstanding", money_format(outstanding, m2), "case", case_ref, MSG_END);
		return WG_EINPUT;
	}
	/* the fund and employer of the advances */
	struct first_advance fa = {0};
	if ((rc = store_fund_moves(s, 0, case_ref, NULL, INT32_MAX, first_advance_cb, &fa)))
		return rc;
	if ((rc = tx_writer(t)))
		return rc;
	struct fund_move mv = {.region = fa.region,
			       .on_date = day,
			       .amount = amount,
			       .kind = kind,
			       .source = source,
			       .case_ref = case_ref,
			       .employer = fa.employer[0] ? fa.employer : NULL,
			       .reason = reason,
			       .actor = actor,
			       .lseq = ledger_next_seq(&t->w)};
	if ((rc = store_fund_move_insert(s, &mv)))
		return rc;
	line(&t->c, kind, fmt_int(fa.region, r), case_ref, fmt_money(amount, m),
	     date_format(day, d), fa.employer, reason ? reason : "", source ? source : "",
	     (const char *)NULL);
	return WG_OK;
}

int fund_recover(struct store *s, const char *case_ref, int64_t amount, int32_t day,
		 const char *actor, struct msg *err)
{
	struct tx t;
	int rc = tx_begin(s, &t, err);
	if (!rc)
		rc = tx_end(&t,
			    settle(s, &t, "recovery", case_ref, amount, NULL, day, actor,
				   "employer", false, err),
			    err);
	return rc;
}

int fund_recover_tx(struct store *s, const char *case_ref, int64_t amount, int32_t day,
		    const char *actor, const char *source, struct msg *err)
{
	struct tx t;
	memset(&t, 0, sizeof t);
	t.s = s;
	int rc = settle(s, &t, "recovery", case_ref, amount, NULL, day, actor, source, true, err);
	if (!rc && t.c.len)
		rc = ledger_write(&t.w, LEDGER_INSERT, "fund", 0, dbuf_str(&t.c), NULL);
	if (t.writer)
		ledger_writer_release(&t.w);
	dbuf_release(&t.c);
	return rc;
}

int fund_writeoff(struct store *s, const char *case_ref, int64_t amount, const char *reason,
		  int32_t day, const char *actor, struct msg *err)
{
	if (!reason || !*reason) {
		msg_set(err, MSG_FUND_REASON_NEEDED, MSG_END);
		return WG_EINPUT;
	}
	struct tx t;
	int rc = tx_begin(s, &t, err);
	if (!rc)
		rc = tx_end(&t,
			    settle(s, &t, "writeoff", case_ref, amount, reason, day, actor, NULL,
				   false, err),
			    err);
	return rc;
}

/* ---- statements ---- */

static json_t *jmoney(int64_t fen)
{
	char b[MONEY_BUFSZ];
	return json_string(money_format(fen, b));
}

static int move_json(void *ctx, const struct fund_move *mv)
{
	char d[DATE_BUFSZ], r[24];
	return json_array_append_new(
		       ctx,
		       json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "date",
				 date_format((int32_t)mv->on_date, d), "fund",
				 fmt_int(mv->region, r), "kind", mv->kind, "amount",
				 jmoney(mv->amount), "source",
				 mv->source ? json_string(mv->source) : json_null(), "case",
				 mv->case_ref ? json_string(mv->case_ref) : json_null(), "employer",
				 mv->employer ? json_string(mv->employer) : json_null(), "reason",
				 mv->reason ? json_string(mv->reason) : json_null()))
		? WG_ENOMEM
		: 0;
}

json_t *fund_statement_json(struct store *s, int64_t region, const char *case_ref, const char *uscc,
			    int32_t day, bool moves)
{
	struct fund_sums x;
	int rc = case_ref ? store_fund_case_sums(s, case_ref, &x)
		: uscc    ? store_fund_employer_sums(s, region, uscc, &x)
			  : store_fund_sums(s, region, day, &x);
	if (rc)
		return NULL;
	char d[DATE_BUFSZ], r[24];
	int64_t balance = x.topups - x.advanced + x.recovered;
	json_t *j = json_object();
	if (case_ref)
		json_object_set_new(j, "case", json_string(case_ref));
	else if (uscc)
		json_object_set_new(j, "employer", json_string(uscc));
	if (!case_ref && (region || !uscc))
		json_object_set_new(j, "fund", json_string(fmt_int(region, r)));
	json_object_set_new(j, "as_of", json_string(date_format(day, d)));
	if (!case_ref && !uscc) {
		json_object_set_new(j, "balance", jmoney(balance));
		json_object_set_new(j, "topups", jmoney(x.topups));
	}
	json_object_set_new(j, "advanced", jmoney(x.advanced));
	json_object_set_new(j, "recovered", jmoney(x.recovered));
	json_object_set_new(j, "written_off", jmoney(x.written_off));
	json_object_set_new(j, "outstanding", jmoney(x.advanced - x.recovered - x.written_off));
	json_object_set_new(j, "reserved", jmoney(x.reserved));
	if (!case_ref && !uscc)
		json_object_set_new(j, "available", jmoney(balance - x.reserved));
	if (moves) {
		json_t *a = json_array();
		if (store_fund_moves(s, case_ref || uscc ? region : region, case_ref, uscc, day,
				     move_json, a)) {
			json_decref(a);
			json_decref(j);
			return NULL;
		}
		json_object_set_new(j, "moves", a);
	}
	return j;
}

int fund_statement_doc(struct store *s, int64_t region, const char *case_ref, const char *uscc,
		       int32_t day, struct doc *out)
{
	json_t *j = fund_statement_json(s, region, case_ref, uscc, day, true);
	if (!j)
		return WG_ESTORE;
	const char *subject = case_ref ? doc_strf(out, "案件 %s", case_ref)
		: uscc                 ? doc_strf(out, "用人单位 %s", uscc)
				       : doc_strf(out, "%" PRId64 " 应急周转金", region);
	doc_title(out, "农民工工资应急周转金对账单", subject);
	doc_heading(out, "一、汇总");
	static const struct {
		const char *key, *label;
	} sums[] = {{"balance", "余额"},          {"topups", "注入"},
		    {"advanced", "垫付"},         {"recovered", "追回"},
		    {"written_off", "核销"},      {"outstanding", "应收未收"},
		    {"reserved", "已批准待支付"}, {"available", "可用余额"}};
	for (size_t i = 0; i < sizeof sums / sizeof *sums; i++) {
		json_t *v = json_object_get(j, sums[i].key);
		if (v)
			doc_field(out, sums[i].label, doc_str(out, json_string_value(v)));
	}
	doc_field(out, "截至", doc_str(out, json_string_value(json_object_get(j, "as_of"))));
	doc_heading(out, "二、明细");
	static const char *const head[] = {"日期", "类别", "金额", "来源/原因", "案件", "用人单位"};
	static const double width[] = {1.2, 1, 1.2, 1.6, 1.8, 2};
	static const enum doc_align align[] = {DOC_LEFT, DOC_LEFT, DOC_RIGHT,
					       DOC_LEFT, DOC_LEFT, DOC_LEFT};
	doc_table(out, 6, head, width, align);
	size_t i;
	json_t *mv;
	json_array_foreach(json_object_get(j, "moves"), i, mv)
	{
		const char *kind = json_string_value(json_object_get(mv, "kind"));
		const char *label = strcmp(kind, "topup") == 0 ? "注入"
			: strcmp(kind, "advance") == 0         ? "垫付"
			: strcmp(kind, "recovery") == 0        ? "追回"
							       : "核销";
		const char *src = json_string_value(json_object_get(mv, "source"));
		const char *why = json_string_value(json_object_get(mv, "reason"));
		const char *cells[6] = {
			doc_str(out, json_string_value(json_object_get(mv, "date"))),
			label,
			doc_str(out, json_string_value(json_object_get(mv, "amount"))),
			doc_str(out,
				why           ? why
					: src ? src
					      : ""),
			doc_str(out,
				json_string_value(json_object_get(mv, "case"))
					? json_string_value(json_object_get(mv, "case"))
					: ""),
			doc_str(out,
				json_string_value(json_object_get(mv, "employer"))
					? json_string_value(json_object_get(mv, "employer"))
					: "")};
		doc_row(out, false, cells);
	}
	json_decref(j);
	return doc_status(out);
}

json_t *fund_application_json(const struct fund_application *a, bool reveal)
{
	char d[3][DATE_BUFSZ], masked[32], r[24];
	return json_pack("{s:I, s:s, s:s, s:o, s:s, s:o, s:s, s:o, s:s, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)a->id, "fund", fmt_int(a->region, r), "case", a->case_ref,
			 "employer", a->employer ? json_string(a->employer) : json_null(), "worker",
			 reveal ? a->id_number : mask_id(a->id_number, masked), "amount",
			 jmoney(a->amount), "purpose", a->purpose, "applied_on",
			 json_string(date_format((int32_t)a->applied_on, d[0])), "status",
			 a->status, "decided_on",
			 a->decided_on >= 0 ? json_string(date_format((int32_t)a->decided_on, d[1]))
					    : json_null(),
			 "paid_on",
			 a->paid_on >= 0 ? json_string(date_format((int32_t)a->paid_on, d[2]))
					 : json_null(),
			 "reason", a->reason ? json_string(a->reason) : json_null(), "applicant",
			 a->applicant ? json_string(a->applicant) : json_null());
}
