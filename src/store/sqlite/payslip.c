/* payslip.c — the SQLite side of payslips and workers' confirmations: one payroll line with
 * its names, the worker's latest answer and the worker-month's payments; recording answers. */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

int sq_payslip(struct store *s, const char *project, const char *id_number, int64_t period,
	       struct payslip_line *out, int (*cb)(void *, const struct payslip_payment *),
	       void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_PAYSLIP,
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
		" WHERE p.code=?1 AND pe.id_number=?2 AND r.period=?3");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, project, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, period);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "payslip");
	dbuf_reset(&q->scratch);
	long off[9];
	const int text_cols[9] = {0, 1, 2, 3, 4, 5, 6, 7, 16};
	for (int i = 0; i < 9; i++)
		off[i] = sq_keep(q, st, text_cols[i]);
	const char **str[9] = {&out->project,       &out->project_name, &out->employer,
			       &out->employer_name, &out->id_number,    &out->name,
			       &out->phone,         &out->bank_card,    &out->reason};
	for (int i = 0; i < 9; i++)
		*str[i] = sq_kept(q, off[i]);
	out->period = sqlite3_column_int64(st, 8);
	out->days = sqlite3_column_int64(st, 9);
	out->gross = sqlite3_column_int64(st, 10);
	out->deductions = sqlite3_column_int64(st, 11);
	out->net = sqlite3_column_int64(st, 12);
	out->due = sqlite3_column_int64(st, 13);
	out->lseq = sqlite3_column_int64(st, 14);
	out->confirmation = sqlite3_column_int(st, 15);
	out->claimed = sqlite3_column_int64(st, 17);
	int64_t pid = sqlite3_column_int64(st, 18), person = sqlite3_column_int64(st, 19);
	sqlite3_reset(st);
	if (!cb)
		return WG_OK;
	sqlite3_stmt *pay = NULL;
	int rc = WG_OK;
	if (sqlite3_prepare_v2(
		    q->db,
		    "SELECT txn_id, status, bank_card, amount, paid_on FROM payments"
		    " WHERE project_id=? AND person_id=? AND period=? ORDER BY paid_on, txn_id",
		    -1, &pay, NULL) != SQLITE_OK)
		return sq_fail(q, "payslip payments");
	sqlite3_bind_int64(pay, 1, pid);
	sqlite3_bind_int64(pay, 2, person);
	sqlite3_bind_int64(pay, 3, period);
	while ((step = sqlite3_step(pay)) == SQLITE_ROW) {
		struct payslip_payment p = {
			.txn_id = (const char *)sqlite3_column_text(pay, 0),
			.status = (const char *)sqlite3_column_text(pay, 1),
			.bank_card = (const char *)sqlite3_column_text(pay, 2),
			.amount = sqlite3_column_int64(pay, 3),
			.paid_on = sqlite3_column_int64(pay, 4),
		};
		if ((rc = cb(ctx, &p)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "payslip payments");
	sqlite3_finalize(pay);
	return rc;
}

int sq_confirmation_put(struct store *s, const struct confirmation *c)
{
	struct sq_store *q = (struct sq_store *)s;
	int64_t pid, region, person, unused;
	int rc = sq_ref_id(q, COL_PROJECT, c->project, &pid, &region);
	if (rc == WG_OK)
		rc = sq_ref_id(q, COL_PERSON, c->id_number, &person, &unused);
	if (rc)
		return rc;
	sqlite3_stmt *st = sq_named(
		q, SQN_CONFIRM_PUT,
		"INSERT INTO confirmations(region, project_id, person_id, period, payroll_lseq, "
		"status,"
		" reason, claimed, at, lseq, case_status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
		"?9, ?10,"
		" CASE WHEN ?6=2 THEN 'open' END)"
		" ON CONFLICT DO UPDATE SET status=excluded.status, reason=excluded.reason,"
		" claimed=excluded.claimed, at=excluded.at, lseq=excluded.lseq,"
		" case_status=excluded.case_status");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, region);
	sqlite3_bind_int64(st, 2, pid);
	sqlite3_bind_int64(st, 3, person);
	sqlite3_bind_int64(st, 4, c->period);
	sqlite3_bind_int64(st, 5, c->payroll_lseq);
	sqlite3_bind_int(st, 6, c->status);
	if (c->reason)
		sqlite3_bind_text(st, 7, c->reason, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 7);
	sqlite3_bind_int64(st, 8, c->claimed);
	sqlite3_bind_int64(st, 9, c->at);
	sqlite3_bind_int64(st, 10, c->lseq);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "confirmation");
	sqlite3_reset(st);
	return WG_OK;
}
