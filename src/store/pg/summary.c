/* summary.c — read models of the PostgreSQL backend: a project's figures and a worker's
 * monthly history, for `show` and the API; the same queries as SQLite's in PostgreSQL's
 * dialect. */
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

int pg_project_summary(struct store *s, const char *code, struct project_summary *out)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, code);
	if ((rc = pg_run(
		     q, PGN_PROJECT_SUMMARY,
		     "SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, "
		     "a.bank_code,"
		     " a.account_no, p.region_code, p.contract_value, p.start_date,"
		     " coalesce(p.end_date, -1),"
		     " (SELECT count(*) FROM subcontracts WHERE project_id=p.id),"
		     " (SELECT count(*) FROM employments WHERE project_id=p.id),"
		     " (SELECT count(DISTINCT person_id) FROM employments WHERE project_id=p.id),"
		     /* attendance days from the worker-month aggregate, as SQLite's */
		     " (SELECT coalesce(sum(length(replace(mask::bit(32)::text, '0', ''))), 0)"
		     "  FROM wm_days WHERE project_id=p.id),"
		     " (SELECT count(*) FROM payroll WHERE project_id=p.id),"
		     " (SELECT coalesce(sum(gross), 0) FROM payroll WHERE project_id=p.id),"
		     " (SELECT coalesce(sum(net), 0) FROM payroll WHERE project_id=p.id),"
		     " (SELECT coalesce(sum(amount), 0) FROM payments WHERE project_id=p.id"
		     "  AND status='ok'),"
		     " (SELECT coalesce(sum(amount), 0) FROM allocations WHERE project_id=p.id)"
		     " FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		     " JOIN enterprises c ON c.id=p.contractor_id"
		     " LEFT JOIN accounts a ON a.project_id=p.id WHERE p.code=$1",
		     &p, &res, "project summary")))
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
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
		*str[i] = PQgetisnull(res, 0, i) ? NULL : PQgetvalue(res, 0, i);
	int64_t *num[] = {
		&out->region,        &out->contract_value, &out->start_date, &out->end_date,
		&out->subcontracts,  &out->employments,    &out->workers,    &out->attendance_days,
		&out->payroll_lines, &out->gross,          &out->net,        &out->paid_ok,
		&out->allocated};
	for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
		*num[i] = pg_int(res, 0, 9 + (int)i);
	out->balance = out->allocated - out->paid_ok;
	pg_hand_out(q, res);
	return WG_OK;
}

int pg_worker_summary(struct store *s, const char *id_number, struct worker_summary *out)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, id_number);
	if ((rc = pg_run(
		     q, PGN_WORKER_SUMMARY,
		     "SELECT p.id_number, w.name, w.phone, w.bank_card, w.bank_code,"
		     " (w.person_id IS NOT NULL)::int,"
		     " (SELECT count(*) FROM employments WHERE person_id=p.id)"
		     " FROM persons p LEFT JOIN workers w ON w.person_id=p.id WHERE p.id_number=$1",
		     &p, &res, "worker summary")))
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	const char **str[5] = {&out->id_number, &out->name, &out->phone, &out->bank_card,
			       &out->bank_code};
	for (int i = 0; i < 5; i++)
		*str[i] = PQgetisnull(res, 0, i) ? NULL : PQgetvalue(res, 0, i);
	out->registered = (int)pg_int(res, 0, 5);
	out->employments = pg_int(res, 0, 6);
	pg_hand_out(q, res);
	return WG_OK;
}

int pg_worker_months(struct store *s, const char *id_number,
		     int (*cb)(void *, const struct worker_month *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, id_number);
	/* attendance days from the worker-month aggregate by person (one row a month), as
	 * SQLite's; codes sort bytewise, as SQLite's */
	if ((rc = pg_run(
		     q, PGN_WORKER_MONTHS,
		     "WITH me AS (SELECT id FROM persons WHERE id_number=$1),"
		     " projs AS (SELECT project_id FROM employments WHERE person_id=(SELECT id "
		     "FROM me)"
		     "  UNION SELECT project_id FROM payroll WHERE person_id=(SELECT id FROM me)"
		     "  UNION SELECT project_id FROM payments WHERE person_id=(SELECT id FROM me)),"
		     " att AS (SELECT project_id, period,"
		     "  length(replace(mask::bit(32)::text, '0', '')) AS days FROM wm_days"
		     "  WHERE person_id=(SELECT id FROM me) AND mask<>0),"
		     " pr AS (SELECT project_id, period, gross, deductions, net "
		     "FROM payroll"
		     "  WHERE person_id=(SELECT id FROM me)),"
		     " pay AS (SELECT project_id, period, sum(amount) AS paid FROM "
		     "payments"
		     "  WHERE person_id=(SELECT id FROM me) AND status='ok' GROUP "
		     "BY 1, 2),"
		     " keys AS (SELECT project_id, period FROM att UNION SELECT "
		     "project_id, period FROM pr"
		     "  UNION SELECT project_id, period FROM pay)"
		     " SELECT p.code, k.period, coalesce(att.days, 0), "
		     "(pr.project_id IS NOT NULL)::int,"
		     "  coalesce(pr.gross, 0), coalesce(pr.deductions, 0), "
		     "coalesce(pr.net, 0),"
		     "  coalesce(pay.paid, 0)"
		     " FROM keys k JOIN projects p ON p.id=k.project_id"
		     " LEFT JOIN att USING(project_id, period) LEFT JOIN pr "
		     "USING(project_id, period)"
		     " LEFT JOIN pay USING(project_id, period) ORDER BY k.period, "
		     "p.code COLLATE \"C\"",
		     &p, &res, "worker months")))
		return rc;
	int n = PQntuples(res);
	for (int i = 0; i < n && !rc; i++) {
		struct worker_month m = {
			.project = PQgetvalue(res, i, 0),
			.period = pg_int(res, i, 1),
			.att_days = pg_int(res, i, 2),
			.has_payroll = pg_int(res, i, 3),
			.gross = pg_int(res, i, 4),
			.deductions = pg_int(res, i, 5),
			.net = pg_int(res, i, 6),
			.paid = pg_int(res, i, 7),
		};
		rc = cb(ctx, &m);
	}
	PQclear(res);
	return rc;
}
