/* payslip.c — the PostgreSQL side of payslips and workers' confirmations, as SQLite's: one
 * payroll line with its names, the worker's latest answer and the worker-month's payments;
 * recording answers. */
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

int pg_payslip(struct store *s, const char *project, const char *id_number, int64_t period,
	       struct payslip_line *out, int (*cb)(void *, const struct payslip_payment *),
	       void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res, *pay;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, project);
	pg_param_text(&p, id_number);
	pg_param_int(&p, period);
	if ((rc = pg_run(q, PGN_PAYSLIP,
			 "SELECT p.code, p.name, e.uscc, e.name, pe.id_number, w.name, w.phone, "
			 "w.bank_card,"
			 " r.period, r.days, r.gross, r.deductions, r.net, coalesce(r.due_date, "
			 "-1), r.lseq,"
			 " coalesce(c.status, 0), c.reason, coalesce(c.claimed, 0), r.project_id, "
			 "r.person_id"
			 " FROM payroll r JOIN projects p ON p.id=r.project_id"
			 " JOIN enterprises e ON e.id=r.employer_id JOIN persons pe ON "
			 "pe.id=r.person_id"
			 " LEFT JOIN workers w ON w.person_id=r.person_id"
			 " LEFT JOIN confirmations c ON c.project_id=r.project_id AND "
			 "c.person_id=r.person_id"
			 "  AND c.period=r.period AND c.payroll_lseq=r.lseq"
			 " WHERE p.code=$1 AND pe.id_number=$2 AND r.period=$3",
			 &p, &res, "payslip")))
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	const int text_cols[9] = {0, 1, 2, 3, 4, 5, 6, 7, 16};
	const char **str[9] = {&out->project,       &out->project_name, &out->employer,
			       &out->employer_name, &out->id_number,    &out->name,
			       &out->phone,         &out->bank_card,    &out->reason};
	for (int i = 0; i < 9; i++)
		*str[i] =
			PQgetisnull(res, 0, text_cols[i]) ? NULL : PQgetvalue(res, 0, text_cols[i]);
	out->period = pg_int(res, 0, 8);
	out->days = pg_int(res, 0, 9);
	out->gross = pg_int(res, 0, 10);
	out->deductions = pg_int(res, 0, 11);
	out->net = pg_int(res, 0, 12);
	out->due = pg_int(res, 0, 13);
	out->lseq = pg_int(res, 0, 14);
	out->confirmation = (int)pg_int(res, 0, 15);
	out->claimed = pg_int(res, 0, 17);
	int64_t pid = pg_int(res, 0, 18), person = pg_int(res, 0, 19);
	pg_hand_out(q, res);
	if (!cb)
		return WG_OK;
	struct pg_params pp = {0};
	pg_param_int(&pp, pid);
	pg_param_int(&pp, person);
	pg_param_int(&pp, period);
	if ((rc = pg_run(
		     q, PGN_PAYSLIP_PAYMENTS,
		     "SELECT txn_id, status, bank_card, amount, paid_on FROM payments"
		     " WHERE project_id=$1 AND person_id=$2 AND period=$3 ORDER BY paid_on, txn_id",
		     &pp, &pay, "payslip payments")))
		return rc;
	for (int i = 0; i < PQntuples(pay) && !rc; i++) {
		struct payslip_payment py = {
			.txn_id = PQgetvalue(pay, i, 0),
			.status = PQgetvalue(pay, i, 1),
			.bank_card = PQgetvalue(pay, i, 2),
			.amount = pg_int(pay, i, 3),
			.paid_on = pg_int(pay, i, 4),
		};
		rc = cb(ctx, &py);
	}
	PQclear(pay);
	return rc;
}

int pg_confirmation_put(struct store *s, const struct confirmation *c)
{
	struct pg_store *q = (struct pg_store *)s;
	int64_t pid, region, person, unused;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	rc = pg_ref_id(q, COL_PROJECT, c->project, &pid, &region);
	if (rc == WG_OK)
		rc = pg_ref_id(q, COL_PERSON, c->id_number, &person, &unused);
	if (rc)
		return rc;
	struct pg_params p = {0};
	pg_param_int(&p, region);
	pg_param_int(&p, pid);
	pg_param_int(&p, person);
	pg_param_int(&p, c->period);
	pg_param_int(&p, c->payroll_lseq);
	pg_param_int(&p, c->status);
	pg_param_text(&p, c->reason);
	pg_param_int(&p, c->claimed);
	pg_param_int(&p, c->at);
	pg_param_int(&p, c->lseq);
	PGresult *res;
	rc = pg_run(q, PGN_CONFIRM_PUT,
		    "INSERT INTO confirmations(region, project_id, person_id, period, payroll_lseq,"
		    " status, reason, claimed, at, lseq, case_status) VALUES($1, $2, $3, $4, $5,"
		    " $6::int, $7, $8, $9, $10, CASE WHEN $6::int=2 THEN 'open' END)"
		    " ON CONFLICT(project_id, person_id, period, payroll_lseq, region) DO UPDATE"
		    " SET status=excluded.status, reason=excluded.reason, claimed=excluded.claimed,"
		    " at=excluded.at, lseq=excluded.lseq, case_status=excluded.case_status",
		    &p, &res, "confirmation");
	PQclear(res);
	return rc;
}
