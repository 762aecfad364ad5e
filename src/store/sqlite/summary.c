/* summary.c — read models of the SQLite backend: a project's figures and a worker's monthly
 * history, for `show` and the API. */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

int sq_project_summary(struct store *s, const char *code, struct project_summary *out)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_PROJECT_SUMMARY,
		"SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, a.bank_code,"
		" a.account_no, p.region_code, p.contract_value, p.start_date,"
		" coalesce(p.end_date, -1),"
		" (SELECT count(*) FROM subcontracts WHERE project_id=p.id),"
		" (SELECT count(*) FROM employments WHERE project_id=p.id),"
		" (SELECT count(DISTINCT person_id) FROM employments WHERE project_id=p.id),"
		/* attendance days from the worker-month aggregate: the population count of each
		 * mask (SWAR), not a walk over the project's raw days */
		" (SELECT coalesce(sum((((v + (v >> 4)) & 252645135) * 16843009 >> 24) & 255), 0)"
		"  FROM (SELECT (v & 858993459) + ((v >> 2) & 858993459) AS v FROM (SELECT"
		"  mask - ((mask >> 1) & 1431655765) AS v FROM wm_days WHERE project_id=p.id))),"
		" (SELECT count(*) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(gross), 0) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(net), 0) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(amount), 0) FROM payments WHERE project_id=p.id"
		"  AND status='ok'),"
		" (SELECT coalesce(sum(amount), 0) FROM allocations WHERE project_id=p.id)"
		" FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		" JOIN enterprises c ON c.id=p.contractor_id"
		" LEFT JOIN accounts a ON a.project_id=p.id WHERE p.code=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "project summary");
	dbuf_reset(&q->scratch);
	long off[9];
	for (int i = 0; i < 9; i++)
		off[i] = sq_keep(q, st, i);
	const char **str[9] = {&out->code,
			       &out->name,
			       &out->industry,
			       &out->owner_uscc,
			       &out->owner_name,
			       &out->contractor_uscc,
			       &out->contractor_name,
			       &out->bank_code,
			       &out->account_no};
	for (int i = 0; i < 9; i++)
		*str[i] = sq_kept(q, off[i]);
	int64_t *num[] = {
		&out->region,        &out->contract_value, &out->start_date, &out->end_date,
		&out->subcontracts,  &out->employments,    &out->workers,    &out->attendance_days,
		&out->payroll_lines, &out->gross,          &out->net,        &out->paid_ok,
		&out->allocated};
	for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
		*num[i] = sqlite3_column_int64(st, 9 + (int)i);
	out->balance = out->allocated - out->paid_ok;
	sqlite3_reset(st);
	return WG_OK;
}

int sq_worker_summary(struct store *s, const char *id_number, struct worker_summary *out)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_WORKER_SUMMARY,
		"SELECT p.id_number, w.name, w.phone, w.bank_card, w.bank_code,"
		" w.person_id IS NOT NULL,"
		" (SELECT count(*) FROM employments WHERE person_id=p.id)"
		" FROM persons p LEFT JOIN workers w ON w.person_id=p.id WHERE p.id_number=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "worker summary");
	dbuf_reset(&q->scratch);
	long off[5];
	for (int i = 0; i < 5; i++)
		off[i] = sq_keep(q, st, i);
	out->id_number = sq_kept(q, off[0]);
	out->name = sq_kept(q, off[1]);
	out->phone = sq_kept(q, off[2]);
	out->bank_card = sq_kept(q, off[3]);
	out->bank_code = sq_kept(q, off[4]);
	out->registered = sqlite3_column_int(st, 5);
	out->employments = sqlite3_column_int64(st, 6);
	sqlite3_reset(st);
	return WG_OK;
}

int sq_worker_months(struct store *s, const char *id_number,
		     int (*cb)(void *, const struct worker_month *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	/* attendance days come from the worker-month aggregate (one row per month), reached
	 * through its index by person: the raw days are clustered by project and day */
	sqlite3_stmt *st = sq_named(
		q, SQN_WORKER_MONTHS,
		"WITH me AS (SELECT id FROM persons WHERE id_number=?1),"
		" projs AS (SELECT project_id FROM employments WHERE person_id=(SELECT id FROM me)"
		"  UNION SELECT project_id FROM payroll WHERE person_id=(SELECT id FROM me)"
		"  UNION SELECT project_id FROM payments WHERE person_id=(SELECT id FROM me)),"
		" a0 AS (SELECT project_id, period, mask - ((mask >> 1) & 1431655765) AS v"
		"  FROM wm_days WHERE person_id=(SELECT id FROM me) AND mask<>0),"
		" a1 AS (SELECT project_id, period, (v & 858993459) + ((v >> 2) & 858993459) AS v"
		"  FROM a0),"
		" att AS (SELECT project_id, period,"
		"  (((v + (v >> 4)) & 252645135) * 16843009 >> 24) & 255 AS days FROM a1),"
		" pr AS (SELECT project_id, period, gross, deductions, net FROM payroll"
		"  WHERE person_id=(SELECT id FROM me)),"
		" pay AS (SELECT project_id, period, sum(amount) AS paid FROM payments"
		"  WHERE person_id=(SELECT id FROM me) AND status='ok' GROUP BY 1, 2),"
		" keys AS (SELECT project_id, period FROM att UNION SELECT project_id, period FROM "
		"pr"
		"  UNION SELECT project_id, period FROM pay)"
		" SELECT p.code, k.period, coalesce(att.days, 0), pr.project_id IS NOT NULL,"
		"  coalesce(pr.gross, 0), coalesce(pr.deductions, 0), coalesce(pr.net, 0),"
		"  coalesce(pay.paid, 0)"
		" FROM keys k JOIN projects p ON p.id=k.project_id"
		" LEFT JOIN att USING(project_id, period) LEFT JOIN pr USING(project_id, period)"
		" LEFT JOIN pay USING(project_id, period) ORDER BY k.period, p.code");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	int step, rc = WG_OK;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct worker_month m = {
			.project = (const char *)sqlite3_column_text(st, 0),
			.period = sqlite3_column_int64(st, 1),
			.att_days = sqlite3_column_int64(st, 2),
			.has_payroll = sqlite3_column_int64(st, 3),
			.gross = sqlite3_column_int64(st, 4),
			.deductions = sqlite3_column_int64(st, 5),
			.net = sqlite3_column_int64(st, 6),
			.paid = sqlite3_column_int64(st, 7),
		};
		if ((rc = cb(ctx, &m)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "worker months");
	sqlite3_reset(st);
	return rc;
}
