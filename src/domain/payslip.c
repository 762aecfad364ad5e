/* payslip.c — payslips with receipt codes, receipt checks, and workers' answers to their
 * payroll lines. A receipt code names a ledger entry, the line in it and 64 bits of a BLAKE2b
 * hash of that line: whoever holds it can have the line found, compared and its entry's hash
 * recomputed, without being able to forge a code for a line that is not there. */
#include "domain/payslip.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "domain/ledger.h"
#include "domain/record.h"
#include "store/payslip.h"
#include "store/worker.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

static uint64_t line_hash(const char *line)
{
	static const char domain[] = "wageguard receipt";
	unsigned char h[8];
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)domain, sizeof domain);
	crypto_generichash_update(&st, (const unsigned char *)line, strlen(line));
	crypto_generichash_final(&st, h, sizeof h);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | h[i];
	return v;
}

void receipt_code(int64_t seq, int line, const char *text, char *code, size_t n)
{
	snprintf(code, n, "%" PRId64 "-%d-%016" PRIx64, seq, line, line_hash(text));
}

/* Line n (1-based) of content into out; returns 0 or -1 when there is no such line. */
static int nth_line(const char *content, int n, struct dbuf *out)
{
	const char *p = content;
	for (int i = 1; i < n; i++) {
		p = strchr(p, '\n');
		if (!p)
			return -1;
		p++;
	}
	const char *nl = strchr(p, '\n');
	dbuf_reset(out);
	return dbuf_add(out, p, nl ? (size_t)(nl - p) : strlen(p));
}

/* The receipt code of the record whose current version is in entry seq. */
static int make_receipt(struct store *s, int64_t seq, const struct rec *key, char *code, size_t n)
{
	struct ledger_entry e;
	struct dbuf want = DBUF_INIT, line = DBUF_INIT, k = DBUF_INIT;
	char *split = NULL;
	int rc = s->ops->ledger_get(s, seq, &e);
	if (rc)
		goto cleanup;
	record_key(key, &want);
	rc = WG_ENOTFOUND;
	for (int i = 1; nth_line(e.content, i, &line) == 0; i++) {
		struct rec r;
		char *p = realloc(split, line.len + 1);
		if (!p) {
			rc = WG_ENOMEM;
			break;
		}
		split = p;
		if (record_uncanon(key->kind, dbuf_str(&line), split, line.len + 1, &r))
			continue;
		dbuf_reset(&k);
		record_key(&r, &k);
		if (strcmp(dbuf_str(&k), dbuf_str(&want)) == 0) {
			snprintf(code, n, "%" PRId64 "-%d-%016" PRIx64, seq, i,
				 line_hash(dbuf_str(&line)));
			rc = WG_OK;
			break;
		}
	}
cleanup:
	dbuf_release(&want);
	dbuf_release(&line);
	dbuf_release(&k);
	free(split);
	return rc;
}

/* Copies s into p's arena; returns its offset, or SIZE_MAX for NULL. */
static size_t keep(struct dbuf *b, const char *s)
{
	if (!s)
		return SIZE_MAX;
	size_t off = b->len;
	return dbuf_add(b, s, strlen(s) + 1) < 0 ? SIZE_MAX - 1 : off;
}

struct collect {
	struct payslip *p;
	size_t *off; /* 3 per payment: txn, status, card */
	size_t alloc;
	int rc;
};

static int collect_payment(void *ctx, const struct payslip_payment *py)
{
	struct collect *c = ctx;
	struct payslip *p = c->p;
	if (p->npay == c->alloc) {
		size_t n = c->alloc ? 2 * c->alloc : 4;
		struct payslip_payment *a = realloc(p->pay, n * sizeof *a);
		size_t *o = a ? realloc(c->off, 3 * n * sizeof *o) : NULL;
		if (a)
			p->pay = a;
		if (!o)
			return WG_ENOMEM;
		c->off = o;
		c->alloc = n;
	}
	p->pay[p->npay] = *py;
	c->off[3 * p->npay] = keep(&p->text, py->txn_id);
	c->off[3 * p->npay + 1] = keep(&p->text, py->status);
	c->off[3 * p->npay + 2] = keep(&p->text, py->bank_card);
	if (py->status && strcmp(py->status, "ok") == 0)
		p->paid = money_add_sat(p->paid, py->amount);
	p->npay++;
	return WG_OK;
}

struct month_pick {
	struct payslip_projects *out;
	int64_t period;
};

static int pick_month(void *ctx, const struct worker_month *m)
{
	struct month_pick *mp = ctx;
	if (m->has_payroll && m->period == mp->period) {
		if (mp->out->n < PAYSLIP_MAX_PROJECTS)
			snprintf(mp->out->code[mp->out->n], sizeof mp->out->code[0], "%s",
				 m->project);
		mp->out->n++;
	}
	return 0;
}

int payslip_projects(struct store *s, const char *id_number, int32_t period,
		     struct payslip_projects *out)
{
	struct month_pick mp = {.out = out, .period = period};
	out->n = 0;
	return store_worker_months(s, id_number, pick_month, &mp);
}

int payslip_get(struct store *s, const char *project, const char *id_number, int32_t period,
		struct payslip *out)
{
	memset(out, 0, sizeof *out);
	struct collect c = {.p = out};
	struct payslip_line l;
	int rc = store_payslip(s, project, id_number, period, &l, collect_payment, &c);
	if (rc)
		goto fail;
	/* the store's text goes away with its next call: keep copies */
	const char **str[9] = {&l.project,       &l.project_name, &l.employer,
			       &l.employer_name, &l.id_number,    &l.name,
			       &l.phone,         &l.bank_card,    &l.reason};
	size_t off[9];
	for (int i = 0; i < 9; i++)
		off[i] = keep(&out->text, *str[i]);
	out->line = l;
	const char **dst[9] = {
		&out->line.project,       &out->line.project_name, &out->line.employer,
		&out->line.employer_name, &out->line.id_number,    &out->line.name,
		&out->line.phone,         &out->line.bank_card,    &out->line.reason};
	for (int i = 0; i < 9; i++)
		*dst[i] = off[i] >= SIZE_MAX - 1 ? NULL : out->text.p + off[i];
	for (size_t i = 0; i < out->npay; i++) {
		out->pay[i].txn_id = out->text.p + c.off[3 * i];
		out->pay[i].status = out->text.p + c.off[3 * i + 1];
		out->pay[i].bank_card = out->text.p + c.off[3 * i + 2];
	}
	struct rec key = {.kind = REC_PAYROLL};
	key.v[PAYROLL_PROJECT_CODE].s = out->line.project;
	key.v[PAYROLL_PERIOD].i = period;
	key.v[PAYROLL_ID_NUMBER].s = out->line.id_number;
	rc = make_receipt(s, out->line.lseq, &key, out->receipt, sizeof out->receipt);
	if (rc)
		goto fail;
	free(c.off);
	return WG_OK;
fail:
	free(c.off);
	payslip_release(out);
	return rc;
}

int receipt_for(struct store *s, int64_t seq, const struct rec *key, char *code, size_t n)
{
	return make_receipt(s, seq, key, code, n);
}

void payslip_release(struct payslip *p)
{
	free(p->pay);
	dbuf_release(&p->text);
	memset(p, 0, sizeof *p);
}

/* A masked one-line description of a ledger line of kind. */
static void describe(const char *kind, const char *line, char *out, size_t n)
{
	const struct kind_desc *d = schema_kind_by_name(kind);
	struct rec r;
	char buf[1024];
	if (!d || record_uncanon(d->kind, line, buf, sizeof buf, &r)) {
		snprintf(out, n, "%s record", kind);
		return;
	}
	size_t used = (size_t)snprintf(out, n, "%s", d->name);
	for (int i = 0; i < d->ncols && used < n; i++) {
		struct dbuf v = DBUF_INIT;
		char m[MASK_BUFSZ];
		const char *text;
		record_format(&d->cols[i], &r.v[i], &v);
		text = dbuf_str(&v);
		/* personal data stays masked: anyone may hold a receipt */
		if (d->cols[i].type == COL_PERSON)
			text = mask_id(text, m);
		else if (d->cols[i].type == COL_CARD)
			text = mask_card(text, m);
		else if (d->cols[i].type == COL_PHONE || d->cols[i].type == COL_TEXT)
			text = "";
		if (*text)
			used += (size_t)snprintf(out + used, n - used, " %s=%s", d->cols[i].name,
						 text);
		dbuf_release(&v);
	}
}

int receipt_check(struct store *s, const char *code, struct receipt_result *out)
{
	memset(out, 0, sizeof *out);
	long long seq;
	int line;
	unsigned long long h;
	char tail;
	if (sscanf(code, "%lld-%d-%16llx%c", &seq, &line, &h, &tail) != 3 || seq < 1 || line < 1) {
		msg_set(&out->why, MSG_RECEIPT_NOT_CODE, MSG_END);
		return WG_OK;
	}
	out->seq = seq;
	out->line = line;
	struct ledger_entry e;
	struct dbuf l = DBUF_INIT, content = DBUF_INIT;
	int rc = s->ops->ledger_get(s, seq, &e);
	if (rc == WG_ENOTFOUND) {
		msg_set(&out->why, MSG_RECEIPT_NO_ENTRY, MSG_END);
		msg_add_int(&out->why, "seq", seq);
		return WG_OK;
	}
	if (rc)
		return rc;
	/* ledger_get reuses its buffer: keep what is needed before fetching the previous entry */
	struct ledger_entry mine = e;
	unsigned char prev[LEDGER_HASH_BYTES] = {0};
	snprintf(out->kind, sizeof out->kind, "%s", e.kind);
	if (dbuf_adds(&content, e.content) < 0) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	mine.kind = out->kind;
	mine.content = dbuf_str(&content);
	out->at = e.at;
	if (nth_line(mine.content, line, &l) || line_hash(dbuf_str(&l)) != h) {
		msg_set(&out->why, MSG_RECEIPT_NO_LINE, MSG_END);
		msg_add_int(&out->why, "seq", seq);
		msg_add_int(&out->why, "line", line);
		goto cleanup;
	}
	if (seq > 1) {
		struct ledger_entry p;
		if ((rc = s->ops->ledger_get(s, seq - 1, &p)))
			goto cleanup;
		memcpy(prev, p.hash, sizeof prev);
	}
	unsigned char again[LEDGER_HASH_BYTES];
	ledger_hash(prev, &mine, again);
	if (sodium_memcmp(again, mine.hash, sizeof again) != 0) {
		msg_set(&out->why, MSG_RECEIPT_ALTERED, MSG_END);
		msg_add_int(&out->why, "seq", seq);
		goto cleanup;
	}
	out->valid = 1;
	describe(out->kind, dbuf_str(&l), out->summary, sizeof out->summary);
cleanup:
	dbuf_release(&l);
	dbuf_release(&content);
	return rc;
}

int payroll_answer(struct store *s, const char *project, const char *id_number, int32_t period,
		   enum payroll_answer a, const char *reason, int64_t claimed, char *err,
		   size_t errsz)
{
	if (a == ANSWER_DISPUTE && (!reason || !*reason)) {
		snprintf(err, errsz, "a dispute needs a reason");
		return WG_EINPUT;
	}
	/* a claim is bounded like the payroll line it disputes */
	const struct kind_desc *pd = schema_kind(REC_PAYROLL);
	int64_t most = pd->cols[PAYROLL_NET].max;
	if (most && claimed > most) {
		char m[MONEY_BUFSZ];
		snprintf(err, errsz, "amount is more than the largest accepted, %s",
			 money_format(most, m));
		return WG_EINPUT;
	}
	struct rec key = {.kind = REC_PAYROLL}, cur;
	key.v[PAYROLL_PROJECT_CODE].s = project;
	key.v[PAYROLL_PERIOD].i = period;
	key.v[PAYROLL_ID_NUMBER].s = id_number;
	struct ledger_writer w;
	struct dbuf content = DBUF_INIT;
	int64_t lseq, seq;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	if ((rc = s->ops->rec_get(s, &key, &cur, &lseq)))
		goto fail;
	if ((rc = ledger_writer_init(&w, s)))
		goto fail;
	char per[PERIOD_BUFSZ], amount[MONEY_BUFSZ];
	dbuf_add_csv_field(&content, project);
	dbuf_addc(&content, ',');
	dbuf_add_csv_field(&content, id_number);
	dbuf_addf(&content, ",%s,%s,%" PRId64 ",", period_format(period, per),
		  a == ANSWER_CONFIRM ? "confirmed" : "disputed", lseq);
	dbuf_add_csv_field(&content, reason ? reason : "");
	if (dbuf_addf(&content, ",%s", money_format(claimed, amount)) < 0) {
		rc = WG_ENOMEM;
		goto release;
	}
	rc = ledger_write(&w, a == ANSWER_CONFIRM ? LEDGER_CONFIRM : LEDGER_DISPUTE, "confirmation",
			  lseq, dbuf_str(&content), &seq);
	if (!rc) {
		struct confirmation c = {.project = project,
					 .id_number = id_number,
					 .period = period,
					 .status = a,
					 .reason = reason,
					 .claimed = claimed,
					 .payroll_lseq = lseq,
					 .lseq = seq,
					 .at = date_today()};
		rc = store_confirmation_put(s, &c);
	}
	/* a dispute opens a case, or joins the worker's open case against the same employer
	 * and project (SPEC §6, §11), in this transaction */
	if (!rc && a == ANSWER_DISPUTE) {
		struct case_clock k;
		struct msg why;
		int n;
		msg_set(&why, MSG_STORE_FAILED, "detail", "calendar", MSG_END);
		if (!(rc = case_clock_load(s, &k))) {
			rc = case_adopt_tx(s, &k, &n, &why);
			case_clock_release(&k);
		}
		if (rc)
			snprintf(err, errsz, "%s", msg_cli(&why));
	}
	if (!rc)
		rc = s->ops->commit(s);
release:
	ledger_writer_release(&w);
	dbuf_release(&content);
	if (!rc)
		return WG_OK;
fail:
	s->ops->rollback(s);
	return rc;
}
