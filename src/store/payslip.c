/* payslip.c — payslips, workers' answers and pay cycles (store/payslip.h), in SQL both stores
 * run. */
#include "store/payslip.h"

#include "store/dialect.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

int store_payslip(struct store *s, const char *project, const char *id_number, int64_t period,
		  struct payslip_line *out, int (*cb)(void *, const struct payslip_payment *),
		  void *ctx)
{
	static const char SQL[] =
		"SELECT p.code, p.name, e.uscc, e.name, pe.id_number, w.name, w.phone, w.bank_card,"
		" r.period, r.days, r.gross, r.deductions, r.net, coalesce(r.due_date, -1), r.lseq,"
		" coalesce(c.status, 0), c.reason, coalesce(c.claimed, 0), r.project_id, "
		"r.person_id"
		" FROM payroll r JOIN projects p ON p.id=r.project_id"
		" JOIN enterprises e ON e.id=r.employer_id JOIN persons pe ON pe.id=r.person_id"
		" LEFT JOIN workers w ON w.person_id=r.person_id"
		" LEFT JOIN confirmations c ON c.project_id=r.project_id AND "
		"c.person_id=r.person_id"
		"  AND c.period=r.period AND c.payroll_lseq=r.lseq"
		" WHERE p.code=$1 AND pe.id_number=$2 AND r.period=$3";
	static const char PAYMENTS[] =
		"SELECT txn_id, status, bank_card, amount, paid_on FROM payments"
		" WHERE project_id=$1 AND person_id=$2 AND period=$3 ORDER BY paid_on, "
		"txn_id" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project);
	stmt_bind_text(st, 2, id_number);
	stmt_bind_int(st, 3, period);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc == 0 ? WG_ENOTFOUND : rc;
	}
	stmt_keep_clear(s);
	const int text_cols[9] = {0, 1, 2, 3, 4, 5, 6, 7, 16};
	const char **str[9] = {&out->project,       &out->project_name, &out->employer,
			       &out->employer_name, &out->id_number,    &out->name,
			       &out->phone,         &out->bank_card,    &out->reason};
	for (int i = 0; i < 9; i++)
		*str[i] = stmt_keep(st, text_cols[i]);
	out->period = stmt_int(st, 8);
	out->days = stmt_int(st, 9);
	out->gross = stmt_int(st, 10);
	out->deductions = stmt_int(st, 11);
	out->net = stmt_int(st, 12);
	out->due = stmt_int(st, 13);
	out->lseq = stmt_int(st, 14);
	out->confirmation = (int)stmt_int(st, 15);
	out->claimed = stmt_int(st, 17);
	int64_t pid = stmt_int(st, 18), person = stmt_int(st, 19);
	stmt_reset(st);
	if (!cb)
		return WG_OK;
	if (!(st = stmt_get(s, PAYMENTS, PAYMENTS)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, pid);
	stmt_bind_int(st, 2, person);
	stmt_bind_int(st, 3, period);
	while ((rc = stmt_step(st)) == 1) {
		struct payslip_payment p = {
			.txn_id = stmt_text(st, 0),
			.status = stmt_text(st, 1),
			.bank_card = stmt_text(st, 2),
			.amount = stmt_int(st, 3),
			.paid_on = stmt_int(st, 4),
		};
		if ((rc = cb(ctx, &p)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_confirmation_put(struct store *s, const struct confirmation *c)
{
	/* the answer to this version replaces an earlier one; else a new row. A confirmation
	 * after a dispute does not erase it: its reason, claim and case stay (the ledger holds
	 * both answers; the payslip shows the dispute beside the confirmation). The same two
	 * statements on both stores, whose unique keys differ (PostgreSQL's include region). */
	static const char UPDATE[] =
		"UPDATE confirmations SET status=$5,"
		" reason=CASE WHEN $5=1 AND reason IS NOT NULL THEN reason ELSE $6 END,"
		" claimed=CASE WHEN $5=1 AND reason IS NOT NULL THEN claimed ELSE $7 END,"
		" at=$8, lseq=$9,"
		" case_status=CASE WHEN $5=2 THEN 'open' ELSE case_status END"
		" WHERE project_id=(SELECT id FROM projects WHERE code=$1)"
		" AND person_id=(SELECT id FROM persons WHERE id_number=$2) AND period=$3"
		" AND payroll_lseq=$4";
	static const char INSERT[] =
		"INSERT INTO confirmations(region, project_id, person_id, period, payroll_lseq,"
		" status, reason, claimed, at, lseq, case_status)"
		" SELECT p.region_code, p.id, pe.id, $3, $4, $5, $6, $7, $8, $9,"
		" CASE WHEN $5=2 THEN 'open' END FROM projects p, persons pe"
		" WHERE p.code=$1 AND pe.id_number=$2";
	const char *const sql[2] = {UPDATE, INSERT};
	for (int i = 0; i < 2; i++) {
		struct stmt *st = stmt_get(s, sql[i], sql[i]);
		if (!st)
			return WG_ESTORE;
		stmt_bind_text(st, 1, c->project);
		stmt_bind_text(st, 2, c->id_number);
		stmt_bind_int(st, 3, c->period);
		stmt_bind_int(st, 4, c->payroll_lseq);
		stmt_bind_int(st, 5, c->status);
		stmt_bind_text(st, 6, c->reason);
		stmt_bind_int(st, 7, c->claimed);
		stmt_bind_int(st, 8, c->at);
		stmt_bind_int(st, 9, c->lseq);
		int rc = stmt_exec(st);
		if (rc)
			return rc;
		if (stmt_changes(st))
			return WG_OK;
	}
	return WG_ENOTFOUND;
}

static const char CONFIRMATION_GET[] =
	"SELECT c.status, c.reason, c.claimed, c.lseq FROM confirmations c"
	" JOIN projects p ON p.id=c.project_id"
	" JOIN persons w ON w.id=c.person_id"
	" WHERE p.code=$1 AND w.id_number=$2 AND c.period=$3"
	" AND c.payroll_lseq=$4";

int store_confirmation_get(struct store *s, const char *project, const char *id_number,
			   int64_t period, int64_t payroll_lseq, struct confirmation_row *out)
{
	struct stmt *st = stmt_get(s, CONFIRMATION_GET, CONFIRMATION_GET);
	if (!st)
		return WG_ESTORE;
	stmt_keep_clear(s);
	stmt_bind_text(st, 1, project);
	stmt_bind_text(st, 2, id_number);
	stmt_bind_int(st, 3, period);
	stmt_bind_int(st, 4, payroll_lseq);
	int rc = stmt_step(st);
	if (rc == 1) {
		out->status = (int)stmt_int(st, 0);
		out->reason = stmt_keep(st, 1);
		out->claimed = stmt_int(st, 2);
		out->lseq = stmt_int(st, 3);
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ENOTFOUND;
	}
	stmt_reset(st);
	return rc;
}

static const char CONFIRMATION_COUNT[] = "SELECT count(*) FROM confirmations";

int store_confirmation_count(struct store *s, int64_t *n)
{
	struct stmt *st = stmt_get(s, CONFIRMATION_COUNT, CONFIRMATION_COUNT);
	if (!st)
		return WG_ESTORE;
	int rc = stmt_step(st);
	*n = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

int store_pay_cycles(struct store *s, const struct pay_cycle_filter *f,
		     int (*cb)(void *, const struct pay_cycle *), void *ctx)
{
	/* keys first: the payroll lines (and, unless payroll_only, the worker-months that have
	 * payments only); then the ok payments of those keys aggregated once, the vouchers
	 * joined in date order (an ordered subquery grouped by its leading columns); $1 project
	 * code, $2 period, $3 employer USCC, $4 payroll_only */
	static const char SQL[] =
		"WITH pj AS (SELECT id FROM projects WHERE $1 IS NULL OR code=$1),"
		" keys AS (SELECT project_id, person_id, period FROM payroll"
		"  WHERE project_id IN (SELECT id FROM pj) AND ($2 < 0 OR period=$2)"
		"  UNION SELECT project_id, person_id, period FROM payments"
		"  WHERE $4=0 AND project_id IN (SELECT id FROM pj) AND ($2 < 0 OR period=$2)),"
		" pay AS (SELECT project_id, person_id, period, " SQL_AGG
		"(txn_id, ';') AS vouchers,"
		"  sum(amount) AS paid, max(paid_on) AS paid_on, count(*) AS n FROM"
		"  (SELECT x.project_id, x.person_id, x.period, x.txn_id, x.amount, x.paid_on"
		"   FROM payments x JOIN keys k ON k.project_id=x.project_id"
		"   AND k.person_id=x.person_id AND k.period=x.period WHERE x.status='ok'"
		"   ORDER BY x.project_id, x.person_id, x.period, x.paid_on, x.txn_id" SQL_BYTES
		") o"
		"  GROUP BY project_id, person_id, period)"
		" SELECT p.code, p.name, e.uscc, e.name, pe.id_number, w.name, w.phone, "
		"w.bank_card,"
		"  w.bank_code, pay.vouchers,"
		"  k.period, coalesce(r.days, 0), coalesce(r.gross, 0), coalesce(r.deductions, 0),"
		"  coalesce(r.net, 0), coalesce(r.due_date, -1), coalesce(pay.paid, 0),"
		"  coalesce(pay.paid_on, -1), coalesce(pay.n, 0),"
		"  r.project_id IS NOT NULL, coalesce(c.status, 0)"
		" FROM keys k JOIN projects p ON p.id=k.project_id"
		" JOIN persons pe ON pe.id=k.person_id"
		" LEFT JOIN workers w ON w.person_id=k.person_id"
		" LEFT JOIN payroll r ON r.project_id=k.project_id AND r.person_id=k.person_id"
		"  AND r.period=k.period"
		" LEFT JOIN enterprises e ON e.id=r.employer_id"
		" LEFT JOIN confirmations c ON c.project_id=r.project_id AND "
		"c.person_id=r.person_id"
		"  AND c.period=r.period AND c.payroll_lseq=r.lseq"
		" LEFT JOIN pay ON pay.project_id=k.project_id AND pay.person_id=k.person_id"
		"  AND pay.period=k.period"
		" WHERE $3 IS NULL OR e.uscc=$3"
		" ORDER BY p.code" SQL_BYTES ", k.period, coalesce(e.uscc, '')" SQL_BYTES
		", pe.id_number" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, f->project);
	stmt_bind_int(st, 2, f->period);
	stmt_bind_text(st, 3, f->employer);
	stmt_bind_int(st, 4, f->payroll_only ? 1 : 0);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct pay_cycle c = {0};
		const char **text[10] = {&c.project,       &c.project_name, &c.employer_uscc,
					 &c.employer_name, &c.id_number,    &c.name,
					 &c.phone,         &c.bank_card,    &c.bank_code,
					 &c.vouchers};
		for (int i = 0; i < 10; i++)
			*text[i] = stmt_text(st, i);
		int64_t *num[9] = {&c.period, &c.days, &c.gross,   &c.deductions, &c.net,
				   &c.due,    &c.paid, &c.paid_on, &c.payments};
		for (int i = 0; i < 9; i++)
			*num[i] = stmt_int(st, 10 + i);
		c.has_payroll = (int)stmt_int(st, 19);
		c.confirmation = (int)stmt_int(st, 20);
		if ((rc = cb(ctx, &c)))
			break;
	}
	stmt_reset(st);
	return rc;
}
