/* project.c — the read models of projects (store/project.h), in SQL both stores run. */
#include "store/project.h"

#include <stdio.h>

#include "store/dialect.h"
#include "store/scope.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

/* The dialect fragments these queries use, named so that the SQL reads (and formats) as text:
 * the days attended in a worker-month's mask, the month number of an allocation's date. */
#define DAYS_IN_MASK SQL_POPCOUNT("mask")
#define MONTH_OF_DATE SQL_PERIOD("date")

int store_project_summary(struct store *s, const char *code, struct project_summary *out)
{
	static const char SQL[] =
		"SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, a.bank_code,"
		" a.account_no, p.region_code, p.contract_value, p.start_date,"
		" coalesce(p.end_date, -1),"
		" (SELECT count(*) FROM subcontracts WHERE project_id=p.id),"
		" (SELECT count(*) FROM employments WHERE project_id=p.id),"
		" (SELECT count(DISTINCT person_id) FROM employments WHERE project_id=p.id),"
		/* attendance days from the worker-month aggregate, not a walk over the raw days */
		" (SELECT coalesce(sum(" DAYS_IN_MASK "), 0) FROM wm_days  WHERE project_id=p.id),"
		" (SELECT count(*) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(gross), 0) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(net), 0) FROM payroll WHERE project_id=p.id),"
		" (SELECT coalesce(sum(amount), 0) FROM payments WHERE project_id=p.id"
		"  AND status='ok'),"
		" (SELECT coalesce(sum(amount), 0) FROM allocations WHERE project_id=p.id)"
		" FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		" JOIN enterprises c ON c.id=p.contractor_id"
		" LEFT JOIN accounts a ON a.project_id=p.id WHERE p.code=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc == 0 ? WG_ENOTFOUND : rc;
	}
	stmt_keep_clear(s);
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
		*str[i] = stmt_keep(st, i);
	int64_t *num[] = {
		&out->region,        &out->contract_value, &out->start_date, &out->end_date,
		&out->subcontracts,  &out->employments,    &out->workers,    &out->attendance_days,
		&out->payroll_lines, &out->gross,          &out->net,        &out->paid_ok,
		&out->allocated};
	for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
		*num[i] = stmt_int(st, 9 + (int)i);
	out->balance = out->allocated - out->paid_ok;
	stmt_reset(st);
	return WG_OK;
}

/* One statement per role: the scope condition is part of the SQL (store/scope.c). */
static const char SCOPE_KEYS[5], LIST_KEYS[5], COUNT_KEYS[5];

int store_project_in_scope(struct store *s, const char *code, int role, const char *scope)
{
	if (role < SCOPE_ADMIN || role > SCOPE_WORKER)
		return WG_ENOTFOUND;
	char scb[1024], sql[1400];
	snprintf(sql, sizeof sql, "SELECT 1 FROM projects p WHERE p.code=$2 AND (%s)",
		 store_scope_sql(role, "$1", scb, sizeof scb));
	struct stmt *st = stmt_get(s, &SCOPE_KEYS[role], sql);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, scope);
	stmt_bind_text(st, 2, code);
	int rc = stmt_step(st);
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

/* The filter of store_project_list: $1 scope, $2 text, $3 region prefix (compared as text:
 * LIKE would take the caller's % and _ for wildcards). */
#define LIST_FILTER                                                                                \
	" AND ($2 IS NULL OR " SQL_INSTR "(p.code, $2) > 0 OR " SQL_INSTR "(p.name, $2) > 0)"      \
	" AND ($3 IS NULL OR substr(CAST(p.region_code AS TEXT), 1, length($3))=$3)"

int store_project_list(struct store *s, int role, const char *scope, const char *qtext,
		       const char *region, int64_t offset, int64_t limit,
		       int (*cb)(void *, const struct project_row *), void *ctx, int64_t *total)
{
	if (role < SCOPE_ADMIN || role > SCOPE_WORKER)
		return WG_ENOTFOUND;
	char scb[1024], sql[3000];
	const char *sc = store_scope_sql(role, "$1", scb, sizeof scb);
	snprintf(sql, sizeof sql,
		 "SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, p.region_code,"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id"
		 "  AND w.resolved_on IS NULL),"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id"
		 "  AND w.resolved_on IS NULL AND w.level=2), count(*) OVER ()"
		 " FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		 " JOIN enterprises c ON c.id=p.contractor_id WHERE (%s)" LIST_FILTER
		 " ORDER BY p.code" SQL_BYTES " LIMIT $4 OFFSET $5",
		 sc);
	struct stmt *st = stmt_get(s, &LIST_KEYS[role], sql);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, scope);
	stmt_bind_text(st, 2, qtext && *qtext ? qtext : NULL);
	stmt_bind_text(st, 3, region && *region ? region : NULL);
	stmt_bind_int(st, 4, limit);
	stmt_bind_int(st, 5, offset);
	*total = 0;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct project_row r = {
			stmt_text(st, 0), stmt_text(st, 1), stmt_text(st, 2), stmt_text(st, 3),
			stmt_text(st, 4), stmt_text(st, 5), stmt_text(st, 6), stmt_int(st, 7),
			stmt_int(st, 8),  stmt_int(st, 9),
		};
		*total = stmt_int(st, 10);
		if ((rc = cb(ctx, &r)))
			break;
	}
	stmt_reset(st);
	if (rc || *total || offset <= 0)
		return rc;
	/* a page past the end: still say how many there are */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM projects p WHERE (%s)" LIST_FILTER, sc);
	if (!(st = stmt_get(s, &COUNT_KEYS[role], sql)))
		return WG_ESTORE;
	stmt_bind_text(st, 1, scope);
	stmt_bind_text(st, 2, qtext && *qtext ? qtext : NULL);
	stmt_bind_text(st, 3, region && *region ? region : NULL);
	if ((rc = stmt_step(st)) == 1)
		*total = stmt_int(st, 0);
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_project_months(struct store *s, const char *code,
			 int (*cb)(void *, const struct project_month *), void *ctx)
{
	static const char SQL[] =
		"WITH p AS (SELECT id FROM projects WHERE code=$1),"
		" d AS (SELECT period, sum(" DAYS_IN_MASK ") AS days, count(*) AS workers"
		"  FROM wm_days WHERE project_id=(SELECT id FROM p) AND mask<>0 GROUP BY period),"
		" r AS (SELECT period, sum(gross) AS gross, sum(net) AS net FROM payroll"
		"  WHERE project_id=(SELECT id FROM p) GROUP BY period),"
		" y AS (SELECT period, sum(amount) AS paid FROM payments"
		"  WHERE project_id=(SELECT id FROM p) AND status='ok' GROUP BY period),"
		" a AS (SELECT " MONTH_OF_DATE " AS period, sum(amount) AS allocated"
		"  FROM allocations WHERE project_id=(SELECT id FROM p) GROUP BY 1),"
		" k AS (SELECT period FROM d UNION SELECT period FROM r UNION SELECT period FROM y"
		"  UNION SELECT period FROM a)"
		" SELECT k.period, coalesce(d.days, 0), coalesce(d.workers, 0), coalesce(r.gross, "
		"0),"
		" coalesce(r.net, 0), coalesce(y.paid, 0), coalesce(a.allocated, 0) FROM k"
		" LEFT JOIN d USING(period) LEFT JOIN r USING(period) LEFT JOIN y USING(period)"
		" LEFT JOIN a USING(period) ORDER BY k.period";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct project_month m = {stmt_int(st, 0), stmt_int(st, 1), stmt_int(st, 2),
					  stmt_int(st, 3), stmt_int(st, 4), stmt_int(st, 5),
					  stmt_int(st, 6)};
		if ((rc = cb(ctx, &m)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_project_roster(struct store *s, const char *code,
			 int (*cb)(void *, const struct roster_row *), void *ctx)
{
	static const char SQL[] =
		"SELECT pe.id_number, w.name, em.team, em.trade, e.uscc, em.wage_type, "
		"em.wage_rate,"
		" em.start_date, coalesce(em.end_date, -1) FROM employments em"
		" JOIN persons pe ON pe.id=em.person_id"
		" LEFT JOIN workers w ON w.person_id=em.person_id"
		" JOIN enterprises e ON e.id=em.employer_id"
		" WHERE em.project_id=(SELECT id FROM projects WHERE code=$1)"
		" ORDER BY em.team" SQL_BYTES ", w.name" SQL_BYTES ", em.start_date";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct roster_row r = {
			stmt_text(st, 0), stmt_text(st, 1), stmt_text(st, 2),
			stmt_text(st, 3), stmt_text(st, 4), stmt_text(st, 5),
			stmt_int(st, 6),  stmt_int(st, 7),  stmt_int(st, 8),
		};
		if ((rc = cb(ctx, &r)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_project_attendance(struct store *s, const char *code, int64_t period,
			     int (*cb)(void *, const char *, const char *, uint32_t), void *ctx)
{
	static const char SQL[] = "SELECT pe.id_number, w.name, d.mask FROM wm_days d"
				  " JOIN persons pe ON pe.id=d.person_id"
				  " LEFT JOIN workers w ON w.person_id=d.person_id"
				  " WHERE d.project_id=(SELECT id FROM projects WHERE code=$1)"
				  " AND d.period=$2 AND d.mask<>0 ORDER BY w.name" SQL_BYTES
				  ", pe.id_number" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	stmt_bind_int(st, 2, period);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), stmt_text(st, 1), (uint32_t)stmt_int(st, 2))))
			break;
	stmt_reset(st);
	return rc;
}

int store_project_subcontracts(struct store *s, const char *code,
			       int (*cb)(void *, const struct subcontract_view *), void *ctx)
{
	static const char SQL[] =
		"SELECT e.uscc, e.name, s.contract_value, s.start_date, coalesce(s.end_date, -1)"
		" FROM subcontracts s JOIN projects p ON p.id=s.project_id"
		" JOIN enterprises e ON e.id=s.subcontractor_id"
		" WHERE p.code=$1 ORDER BY s.start_date, e.uscc" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct subcontract_view v = {
			.uscc = stmt_text(st, 0),
			.name = stmt_text(st, 1),
			.contract_value = stmt_int(st, 2),
			.start_date = stmt_int(st, 3),
			.end_date = stmt_int(st, 4),
		};
		if ((rc = cb(ctx, &v)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_project_payroll_periods(struct store *s, const char *code,
				  int (*cb)(void *ctx, int64_t period), void *ctx)
{
	/* the payroll's key begins with the project: a range of its index */
	static const char SQL[] = "SELECT DISTINCT period FROM payroll"
				  " WHERE project_id=(SELECT id FROM projects WHERE code=$1)"
				  " ORDER BY period DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0))))
			break;
	stmt_reset(st);
	return rc;
}
