/* api.c — read models of the PostgreSQL store for the HTTP API, as SQLite's: scope, project
 * lists, project-month figures, rosters, the dashboard, complaint intake. The scope is
 * always parameter $1. */
#include <stdio.h>
#include <string.h>

#include "store/pg/pg.h"
#include "store/scope.h"
#include "util/err.h"
#include "util/banned.h"

/* The scope condition of role with this store's scope parameter, into a static-sized
 * buffer the caller provides. */
#define SCOPE_SQL(role, buf) store_scope_sql((role), "$1::text", (buf), sizeof(buf))

/* Runs sql (prepared under name once per connection). */
static int query(struct pg_store *q, const char *sql, const struct pg_params *p, PGresult **res,
		 const char *what)
{
	int rc = pg_flush_all(q);
	if (rc)
		return rc;
	PGresult *r = PQexecParams(q->conn, sql, p->n, NULL, p->v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
		rc = pg_fail(q, what, r);
		PQclear(r);
		return rc;
	}
	*res = r;
	return WG_OK;
}

int pg_project_in_scope(struct store *s, const char *code, int role, const char *scope)
{
	char scb[1024];
	struct pg_store *q = (struct pg_store *)s;
	if (role < SCOPE_ADMIN || role > SCOPE_WORKER)
		return WG_ENOTFOUND;
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT 1 FROM projects p WHERE p.code=$2 AND (%s)",
		 SCOPE_SQL(role, scb));
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, scope);
	pg_param_text(&p, code);
	int rc = pg_flush_all(q);
	if (rc || (rc = pg_run(q, PGN_SCOPE + role, sql, &p, &res, "scope")))
		return rc;
	int found = PQntuples(res) > 0;
	PQclear(res);
	return found ? WG_OK : WG_ENOTFOUND;
}

int pg_project_list(struct store *s, int role, const char *scope, const char *qtext,
		    const char *region, int64_t offset, int64_t limit,
		    int (*cb)(void *, const struct project_row *), void *ctx, int64_t *total)
{
	char scb[1024];
	struct pg_store *q = (struct pg_store *)s;
	char sql[3000];
	snprintf(sql, sizeof sql,
		 "SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, p.region_code,"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id AND w.resolved_on IS "
		 "NULL),"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id AND w.resolved_on IS "
		 "NULL"
		 "  AND w.level=2), count(*) OVER ()"
		 " FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		 " JOIN enterprises c ON c.id=p.contractor_id WHERE (%s)"
		 " AND ($2::text IS NULL OR strpos(p.code, $2) > 0 OR strpos(p.name, $2) > 0)"
		 " AND ($3::text IS NULL OR p.region_code::text LIKE $3 || '%%')"
		 " ORDER BY p.code LIMIT $4 OFFSET $5",
		 SCOPE_SQL(role, scb));
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, scope);
	pg_param_text(&p, qtext && *qtext ? qtext : NULL);
	pg_param_text(&p, region && *region ? region : NULL);
	pg_param_int(&p, limit);
	pg_param_int(&p, offset);
	int rc = query(q, sql, &p, &res, "projects");
	if (rc)
		return rc;
	*total = 0;
	for (int i = 0; i < PQntuples(res) && !rc; i++) {
#define T(n) PQgetvalue(res, i, n)
		struct project_row r = {T(0),
					T(1),
					T(2),
					T(3),
					T(4),
					T(5),
					T(6),
					pg_int(res, i, 7),
					pg_int(res, i, 8),
					pg_int(res, i, 9)};
#undef T
		*total = pg_int(res, i, 10);
		rc = cb(ctx, &r);
	}
	PQclear(res);
	if (!rc && *total == 0 && offset > 0) {
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM projects p WHERE (%s)"
			 " AND ($2::text IS NULL OR strpos(p.code, $2) > 0 OR strpos(p.name, $2) > "
			 "0)"
			 " AND ($3::text IS NULL OR p.region_code::text LIKE $3 || '%%')",
			 SCOPE_SQL(role, scb));
		p.n = 3;
		if ((rc = query(q, sql, &p, &res, "projects")))
			return rc;
		*total = pg_int(res, 0, 0);
		PQclear(res);
	}
	return rc;
}

int pg_project_months(struct store *s, const char *code,
		      int (*cb)(void *, const struct project_month *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, code);
	int rc = query(
		q,
		"WITH p AS (SELECT id FROM projects WHERE code=$1),"
		" d AS (SELECT period, sum(length(replace((mask::bit(32))::text, '0', ''))) AS "
		"days,"
		"  count(*) AS workers FROM wm_days WHERE project_id=(SELECT id FROM p) AND mask<>0"
		"  GROUP BY period),"
		" r AS (SELECT period, sum(gross) AS gross, sum(net) AS net FROM payroll"
		"  WHERE project_id=(SELECT id FROM p) GROUP BY period),"
		" y AS (SELECT period, sum(amount) AS paid FROM payments"
		"  WHERE project_id=(SELECT id FROM p) AND status='ok' GROUP BY period),"
		" a AS (SELECT (extract(year FROM DATE '1970-01-01' + date::int)*12"
		"  + extract(month FROM DATE '1970-01-01' + date::int) - 1)::bigint AS period,"
		"  sum(amount) AS allocated FROM allocations WHERE project_id=(SELECT id FROM p)"
		"  GROUP BY 1),"
		" k AS (SELECT period FROM d UNION SELECT period FROM r UNION SELECT period FROM y"
		"  UNION SELECT period FROM a)"
		" SELECT k.period, coalesce(d.days, 0), coalesce(d.workers, 0), coalesce(r.gross, "
		"0),"
		" coalesce(r.net, 0), coalesce(y.paid, 0), coalesce(a.allocated, 0) FROM k"
		" LEFT JOIN d USING(period) LEFT JOIN r USING(period) LEFT JOIN y USING(period)"
		" LEFT JOIN a USING(period) ORDER BY k.period",
		&p, &res, "project months");
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++) {
		struct project_month m = {pg_int(res, i, 0), pg_int(res, i, 1), pg_int(res, i, 2),
					  pg_int(res, i, 3), pg_int(res, i, 4), pg_int(res, i, 5),
					  pg_int(res, i, 6)};
		rc = cb(ctx, &m);
	}
	PQclear(res);
	return rc;
}

int pg_project_roster(struct store *s, const char *code,
		      int (*cb)(void *, const struct roster_row *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, code);
	int rc = query(q,
		       "SELECT pe.id_number, w.name, em.team, em.trade, e.uscc, em.wage_type, "
		       "em.wage_rate,"
		       " em.start_date, coalesce(em.end_date, -1) FROM employments em"
		       " JOIN persons pe ON pe.id=em.person_id LEFT JOIN workers w ON "
		       "w.person_id=em.person_id"
		       " JOIN enterprises e ON e.id=em.employer_id"
		       " WHERE em.project_id=(SELECT id FROM projects WHERE code=$1)"
		       " ORDER BY em.team, w.name, em.start_date",
		       &p, &res, "roster");
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++) {
#define T(n) (PQgetisnull(res, i, n) ? NULL : PQgetvalue(res, i, n))
		struct roster_row r = {T(0),
				       T(1),
				       T(2),
				       T(3),
				       T(4),
				       T(5),
				       pg_int(res, i, 6),
				       pg_int(res, i, 7),
				       pg_int(res, i, 8)};
#undef T
		rc = cb(ctx, &r);
	}
	PQclear(res);
	return rc;
}

int pg_dashboard(struct store *s, int role, const char *scope, struct dashboard_sink *k)
{
	char scb[1024];
	struct pg_store *q = (struct pg_store *)s;
	char sql[3000];
	PGresult *res;
	int rc = WG_OK;
	const char *sc = SCOPE_SQL(role, scb);
	struct pg_params p = {0};
	pg_param_text(&p, scope);
	for (int part = 0; part < 3 && !rc; part++) {
		snprintf(sql, sizeof sql, store_dashboard_sql[part], sc);
		if ((rc = query(q, sql, &p, &res, "dashboard")))
			return rc;
		for (int i = 0; i < PQntuples(res) && !rc; i++) {
			if (part == 0)
				rc = k->level(k->ctx, pg_int(res, i, 0), (int)pg_int(res, i, 1),
					      pg_int(res, i, 2));
			else if (part == 1)
				rc = k->arrears(k->ctx, pg_int(res, i, 0), pg_int(res, i, 1),
						pg_int(res, i, 2));
			else
				rc = k->top(k->ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
					    pg_int(res, i, 2), pg_int(res, i, 3), pg_int(res, i, 4),
					    pg_int(res, i, 5));
		}
		PQclear(res);
	}
	if (rc)
		return rc;
	snprintf(sql, sizeof sql, store_dashboard_sql[3], sc, sc, sc);
	if ((rc = query(q, sql, &p, &res, "dashboard")))
		return rc;
	k->projects = pg_int(res, 0, 0);
	k->workers = pg_int(res, 0, 1);
	k->open_warnings = pg_int(res, 0, 2);
	PQclear(res);
	return WG_OK;
}

int pg_complaint_add(struct store *s, struct complaint *c)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, c->channel);
	pg_param_text(&p, c->name);
	pg_param_text(&p, c->phone);
	pg_param_text(&p, c->id_number);
	pg_param_text(&p, c->project);
	pg_param_text(&p, c->employer);
	pg_param_int(&p, c->claimed);
	pg_param_text(&p, c->description);
	pg_param_int(&p, c->received_on);
	int rc = query(
		q,
		"INSERT INTO complaints(channel, name, phone, id_number, project_code, employer,"
		" claimed, description, received_on, status, region) VALUES($1, $2, $3, $4, $5, $6,"
		" $7, $8, $9, 'received', coalesce((SELECT region_code FROM projects WHERE "
		"code=$5), 0))"
		" RETURNING id",
		&p, &res, "complaint");
	if (rc)
		return rc;
	c->id = pg_int(res, 0, 0);
	PQclear(res);
	return WG_OK;
}

int pg_project_attendance(struct store *s, const char *code, int64_t period,
			  int (*cb)(void *, const char *, const char *, uint32_t), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, code);
	pg_param_int(&p, period);
	int rc = query(q,
		       "SELECT pe.id_number, w.name, d.mask FROM wm_days d"
		       " JOIN persons pe ON pe.id=d.person_id"
		       " LEFT JOIN workers w ON w.person_id=d.person_id"
		       " WHERE d.project_id=(SELECT id FROM projects WHERE code=$1)"
		       " AND d.period=$2 AND d.mask<>0 ORDER BY w.name COLLATE \"C\", pe.id_number "
		       "COLLATE \"C\"",
		       &p, &res, "attendance");
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++)
		rc = cb(ctx, PQgetvalue(res, i, 0),
			PQgetisnull(res, i, 1) ? NULL : PQgetvalue(res, i, 1),
			(uint32_t)pg_int(res, i, 2));
	PQclear(res);
	return rc;
}
