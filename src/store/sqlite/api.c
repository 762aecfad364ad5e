/* api.c — read models of the SQLite store for the HTTP API: what a role may see (scope),
 * project lists, project-month figures, rosters, the dashboard, complaint intake. The scope
 * is always statement parameter ?9. */
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "store/scope.h"
#include "util/err.h"
#include "util/banned.h"

/* The scope condition of role with this store's scope parameter, into a static-sized
 * buffer the caller provides. */
#define SCOPE_SQL(role, buf) store_scope_sql((role), "?9", (buf), sizeof(buf))

int sq_project_in_scope(struct store *s, const char *code, int role, const char *scope)
{
	char scb[1024];
	struct sq_store *q = (struct sq_store *)s;
	if (role < SCOPE_ADMIN || role > SCOPE_WORKER)
		return WG_ENOTFOUND;
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT 1 FROM projects p WHERE p.code=?1 AND (%s)",
		 SCOPE_SQL(role, scb));
	sqlite3_stmt *st = sq_named(q, SQN_SCOPE + role, sql);
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, scope, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step == SQLITE_ROW)
		return WG_OK;
	return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "scope");
}

int sq_project_list(struct store *s, int role, const char *scope, const char *qtext,
		    const char *region, int64_t offset, int64_t limit,
		    int (*cb)(void *, const struct project_row *), void *ctx, int64_t *total)
{
	char scb[1024];
	struct sq_store *q = (struct sq_store *)s;
	char where[1400], sql[2600];
	snprintf(where, sizeof where,
		 " FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		 " JOIN enterprises c ON c.id=p.contractor_id WHERE (%s)"
		 " AND (?1 IS NULL OR instr(p.code, ?1) OR instr(p.name, ?1))"
		 " AND (?2 IS NULL OR CAST(p.region_code AS TEXT) LIKE ?2 || '%%')",
		 SCOPE_SQL(role, scb));
	snprintf(sql, sizeof sql,
		 "SELECT p.code, p.name, p.industry, o.uscc, o.name, c.uscc, c.name, p.region_code,"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id AND w.resolved_on IS "
		 "NULL),"
		 " (SELECT count(*) FROM warnings w WHERE w.project_id=p.id AND w.resolved_on IS "
		 "NULL"
		 "  AND w.level=2), count(*) OVER ()%s ORDER BY p.code LIMIT ?3 OFFSET ?4",
		 where);
	sqlite3_stmt *st = NULL;
	int rc = WG_OK, step;
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "projects");
	if (qtext && *qtext)
		sqlite3_bind_text(st, 1, qtext, -1, SQLITE_STATIC);
	if (region && *region)
		sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit);
	sqlite3_bind_int64(st, 4, offset);
	sqlite3_bind_text(st, 9, scope, -1, SQLITE_STATIC);
	*total = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
#define T(n) (const char *)sqlite3_column_text(st, n)
		struct project_row r = {T(0),
					T(1),
					T(2),
					T(3),
					T(4),
					T(5),
					T(6),
					sqlite3_column_int64(st, 7),
					sqlite3_column_int64(st, 8),
					sqlite3_column_int64(st, 9)};
#undef T
		*total = sqlite3_column_int64(st, 10);
		if ((rc = cb(ctx, &r)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "projects");
	sqlite3_finalize(st);
	if (!rc && *total == 0 && offset > 0) {
		/* a page past the end: still say how many there are */
		snprintf(sql, sizeof sql, "SELECT count(*)%s", where);
		if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
			return sq_fail(q, "projects");
		if (qtext && *qtext)
			sqlite3_bind_text(st, 1, qtext, -1, SQLITE_STATIC);
		if (region && *region)
			sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, scope, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			*total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return rc;
}

#define SQL_PERIOD(col)                                                                            \
	"(CAST(strftime('%Y', " col "*86400, 'unixepoch') AS INTEGER)*12 + "                       \
	"CAST(strftime('%m', " col "*86400, 'unixepoch') AS INTEGER) - 1)"

int sq_project_months(struct store *s, const char *code,
		      int (*cb)(void *, const struct project_month *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_PROJECT_MONTHS,
		"WITH p AS (SELECT id FROM projects WHERE code=?1),"
		/* attendance days: the population count of each worker-month's mask (SWAR) */
		" m0 AS (SELECT period, mask - ((mask >> 1) & 1431655765) AS v FROM wm_days"
		"  WHERE project_id=(SELECT id FROM p) AND mask<>0),"
		" m1 AS (SELECT period, (v & 858993459) + ((v >> 2) & 858993459) AS v FROM m0),"
		" d AS (SELECT period, sum((((v + (v >> 4)) & 252645135) * 16843009 >> 24) & 255) "
		"AS days,"
		"  count(*) AS workers FROM m1 GROUP BY period),"
		" r AS (SELECT period, sum(gross) AS gross, sum(net) AS net FROM payroll"
		"  WHERE project_id=(SELECT id FROM p) GROUP BY period),"
		" y AS (SELECT period, sum(amount) AS paid FROM payments"
		"  WHERE project_id=(SELECT id FROM p) AND status='ok' GROUP BY period),"
		" a AS (SELECT " SQL_PERIOD(
			"date") " AS period, sum(amount) AS allocated FROM allocations"
				"  WHERE project_id=(SELECT id FROM p) GROUP BY 1),"
				" k AS (SELECT period FROM d UNION SELECT period FROM r UNION "
				"SELECT period FROM y"
				"  UNION SELECT period FROM a)"
				" SELECT k.period, coalesce(d.days, 0), coalesce(d.workers, 0), "
				"coalesce(r.gross, 0),"
				" coalesce(r.net, 0), coalesce(y.paid, 0), coalesce(a.allocated, "
				"0) FROM k"
				" LEFT JOIN d USING(period) LEFT JOIN r USING(period) LEFT JOIN y "
				"USING(period)"
				" LEFT JOIN a USING(period) ORDER BY k.period");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = WG_OK, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct project_month m = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
					  sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
					  sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
					  sqlite3_column_int64(st, 6)};
		if ((rc = cb(ctx, &m)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "project months");
	sqlite3_reset(st);
	return rc;
}

int sq_project_roster(struct store *s, const char *code,
		      int (*cb)(void *, const struct roster_row *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_PROJECT_ROSTER,
				    "SELECT pe.id_number, w.name, em.team, em.trade, e.uscc, "
				    "em.wage_type, em.wage_rate,"
				    " em.start_date, coalesce(em.end_date, -1) FROM employments em"
				    " JOIN persons pe ON pe.id=em.person_id LEFT JOIN workers w ON "
				    "w.person_id=em.person_id"
				    " JOIN enterprises e ON e.id=em.employer_id"
				    " WHERE em.project_id=(SELECT id FROM projects WHERE code=?1)"
				    " ORDER BY em.team, w.name, em.start_date");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = WG_OK, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
#define T(n) (const char *)sqlite3_column_text(st, n)
		struct roster_row r = {T(0),
				       T(1),
				       T(2),
				       T(3),
				       T(4),
				       T(5),
				       sqlite3_column_int64(st, 6),
				       sqlite3_column_int64(st, 7),
				       sqlite3_column_int64(st, 8)};
#undef T
		if ((rc = cb(ctx, &r)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "roster");
	sqlite3_reset(st);
	return rc;
}

int sq_dashboard(struct store *s, int role, const char *scope, struct dashboard_sink *k)
{
	char scb[1024];
	struct sq_store *q = (struct sq_store *)s;
	char sql[3000];
	sqlite3_stmt *st = NULL;
	int rc = WG_OK, step;
	const char *sc = SCOPE_SQL(role, scb);
	/* 1: open warnings by region and level; 2: unpaid by period; 3: projects most at risk */
	for (int part = 0; part < 3 && !rc; part++) {
		snprintf(sql, sizeof sql, store_dashboard_sql[part], sc);
		if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
			return sq_fail(q, "dashboard");
		sqlite3_bind_text(st, 9, scope, -1, SQLITE_STATIC);
		while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
#define I(n) sqlite3_column_int64(st, n)
			if (part == 0)
				rc = k->level(k->ctx, I(0), (int)I(1), I(2));
			else if (part == 1)
				rc = k->arrears(k->ctx, I(0), I(1), I(2));
			else
				rc = k->top(k->ctx, (const char *)sqlite3_column_text(st, 0),
					    (const char *)sqlite3_column_text(st, 1), I(2), I(3),
					    I(4), I(5));
#undef I
		}
		if (!rc && step != SQLITE_DONE)
			rc = sq_fail(q, "dashboard");
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc)
		return rc;
	snprintf(sql, sizeof sql, store_dashboard_sql[3], sc, sc, sc);
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "dashboard");
	sqlite3_bind_text(st, 9, scope, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		k->projects = sqlite3_column_int64(st, 0);
		k->workers = sqlite3_column_int64(st, 1);
		k->open_warnings = sqlite3_column_int64(st, 2);
	} else {
		rc = sq_fail(q, "dashboard");
	}
	sqlite3_finalize(st);
	return rc;
}

int sq_complaint_add(struct store *s, struct complaint *c)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_COMPLAINT_ADD,
		"INSERT INTO complaints(channel, name, phone, id_number, project_code, employer,"
		" claimed, description, received_on, status, region) VALUES(?, ?, ?, ?, ?, ?, ?, "
		"?, ?,"
		" 'received', coalesce((SELECT region_code FROM projects WHERE code=?5), 0))");
	if (!st)
		return WG_ESTORE;
	const char *t[8] = {c->channel, c->name,     c->phone, c->id_number,
			    c->project, c->employer, NULL,     c->description};
	for (int i = 0; i < 8; i++)
		if (i != 6)
			sqlite3_bind_text(st, i + 1, t[i], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, c->claimed);
	sqlite3_bind_int64(st, 9, c->received_on);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "complaint");
	sqlite3_reset(st);
	c->id = sqlite3_last_insert_rowid(q->db);
	return WG_OK;
}

int sq_project_attendance(struct store *s, const char *code, int64_t period,
			  int (*cb)(void *, const char *, const char *, uint32_t), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_PROJECT_ATTENDANCE,
				    "SELECT pe.id_number, w.name, d.mask FROM wm_days d"
				    " JOIN persons pe ON pe.id=d.person_id"
				    " LEFT JOIN workers w ON w.person_id=d.person_id"
				    " WHERE d.project_id=(SELECT id FROM projects WHERE code=?1)"
				    " AND d.period=?2 AND d.mask<>0 ORDER BY w.name, pe.id_number");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, period);
	int rc = WG_OK, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = cb(ctx, (const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 1),
			     (uint32_t)sqlite3_column_int64(st, 2))))
			break;
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "attendance");
	sqlite3_reset(st);
	return rc;
}
