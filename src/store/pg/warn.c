/* warn.c — stored warnings of the PostgreSQL backend, as SQLite's: recording a scan's result
 * with the life cycle of each warning (opened, level changed, resolved, reopened),
 * inspection tasks for warnings that turn red, and listing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

#define LEVEL_RED 2 /* enum warn_level in domain/warn.h */

static int run(struct pg_store *q, int slot, const char *sql, const struct pg_params *p,
	       const char *what)
{
	PGresult *res;
	int rc = pg_run(q, slot, sql, p, &res, what);
	PQclear(res);
	return rc;
}

static int event(struct pg_store *q, int64_t wid, int64_t on, const char *what, int level,
		 int64_t amount)
{
	struct pg_params p = {0};
	pg_param_int(&p, wid);
	pg_param_int(&p, on);
	pg_param_text(&p, what);
	pg_param_int(&p, level);
	pg_param_int(&p, amount);
	return run(q, PGN_WARN_EVENT,
		   "INSERT INTO warning_events(warning_id, on_date, event, level, amount)"
		   " VALUES($1, $2, $3, $4, $5)",
		   &p, "warning event");
}

static int task(struct pg_store *q, int64_t wid, int64_t on)
{
	struct pg_params p = {0};
	pg_param_int(&p, on);
	pg_param_int(&p, wid);
	return run(q, PGN_WARN_TASK,
		   "INSERT INTO inspection_tasks(warning_id, region, opened_on)"
		   " SELECT id, region, $1 FROM warnings WHERE id=$2",
		   &p, "inspection task");
}

/* Upserts one warning of scan number scan; counts what happened. */
static int record_one(struct pg_store *q, int64_t scan, int64_t as_of, const struct warning *w,
		      int64_t *opened, int64_t *red)
{
	struct pg_params p = {0};
	PGresult *res;
	pg_param_int(&p, w->rule);
	pg_param_int(&p, w->project);
	pg_param_int(&p, w->employer);
	pg_param_int(&p, w->person);
	pg_param_int(&p, w->period);
	int rc = pg_run(
		q, PGN_WARN_FIND,
		"SELECT id, level, (resolved_on IS NOT NULL)::int FROM warnings WHERE rule=$1"
		" AND project_id=$2 AND employer_id=$3 AND person_id=$4 AND period=$5",
		&p, &res, "warning");
	if (rc)
		return rc;
	bool found = PQntuples(res) > 0;
	int64_t wid = found ? pg_int(res, 0, 0) : 0;
	int old_level = found ? (int)pg_int(res, 0, 1) : -1;
	int was_resolved = found && pg_int(res, 0, 2);
	PQclear(res);
	pg_param_int(&p, w->level);
	pg_param_int(&p, w->amount);
	pg_param_int(&p, w->overdue_days);
	pg_param_int(&p, w->days);
	pg_param_int(&p, as_of);
	pg_param_int(&p, scan);
	if (!wid) {
		/* the region of the project, else of the employer (employer-wide warnings) */
		rc = pg_run(
			q, PGN_WARN_INSERT,
			"INSERT INTO warnings(rule, project_id, employer_id, person_id, period,"
			" region, level, amount, overdue_days, days, first_seen, last_seen, scan)"
			" VALUES($1, $2, $3, $4, $5, coalesce((SELECT region_code FROM projects"
			" WHERE id=$2), (SELECT region_code FROM enterprises WHERE id=$3), 0),"
			" $6, $7, $8, $9, $10, $10, $11) RETURNING id",
			&p, &res, "warning");
		if (rc)
			return rc;
		wid = pg_int(res, 0, 0);
		PQclear(res);
	} else {
		/* the key parameters are the same: the statement leaves $1..$5 unused */
		pg_param_int(&p, wid);
		rc = run(q, PGN_WARN_UPDATE,
			 "UPDATE warnings SET level=$6, amount=$7, overdue_days=$8, days=$9,"
			 " last_seen=$10, scan=$11, resolved_on=NULL WHERE id=$12"
			 " AND rule=$1 AND project_id=$2 AND employer_id=$3 AND person_id=$4"
			 " AND period=$5",
			 &p, "warning");
		if (rc)
			return rc;
	}
	if (!found) {
		++*opened;
		rc = event(q, wid, as_of, "opened", w->level, w->amount);
	} else if (was_resolved) {
		++*opened;
		rc = event(q, wid, as_of, "reopened", w->level, w->amount);
	} else if (old_level != w->level) {
		rc = event(q, wid, as_of, "level", w->level, w->amount);
	}
	if (rc)
		return rc;
	if (w->level == LEVEL_RED && (old_level != LEVEL_RED || was_resolved)) {
		++*red;
		return task(q, wid, as_of);
	}
	return WG_OK;
}

int pg_warn_record(struct store *s, int64_t as_of, const struct warning *w, size_t n,
		   int64_t *opened, int64_t *resolved, int64_t *opened_red)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res = NULL;
	struct pg_params p = {0};
	*opened = *resolved = *opened_red = 0;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	res = PQexec(q->conn, "SELECT coalesce(max(scan), 0) + 1 FROM warnings");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_fail(q, "warnings", res);
		goto fail;
	}
	int64_t scan = pg_int(res, 0, 0);
	PQclear(res);
	res = NULL;
	for (size_t i = 0; i < n; i++)
		if ((rc = record_one(q, scan, as_of, &w[i], opened, opened_red)))
			goto fail;
	/* every open warning this scan did not see has stopped firing */
	pg_param_int(&p, as_of);
	pg_param_int(&p, scan);
	const char *const values[2] = {p.v[0], p.v[1]};
	res = PQexecParams(q->conn,
			   "INSERT INTO warning_events(warning_id, on_date, event, level, amount)"
			   " SELECT id, $1, 'resolved', level, amount FROM warnings"
			   " WHERE resolved_on IS NULL AND scan<>$2",
			   2, NULL, values, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_fail(q, "warnings", res);
		goto fail;
	}
	*resolved = strtoll(PQcmdTuples(res), NULL, 10);
	PQclear(res);
	res = PQexecParams(q->conn,
			   "UPDATE warnings SET resolved_on=$1 WHERE resolved_on IS NULL"
			   " AND scan<>$2",
			   2, NULL, values, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_fail(q, "warnings", res);
		goto fail;
	}
	PQclear(res);
	return s->ops->commit(s);
fail:
	PQclear(res);
	s->ops->rollback(s);
	return rc;
}

int pg_warn_list(struct store *s, const struct warning_filter *f,
		 int (*cb)(void *, const struct warning_view *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	int rc;
	pg_param_int(&p, f->open_only);
	pg_param_text(&p, f->project);
	pg_param_int(&p, f->level);
	pg_param_int(&p, f->rule);
	pg_param_int(&p, f->scope_role);
	pg_param_text(&p, f->scope ? f->scope : "");
	/* codes sort bytewise, as SQLite's do */
	if ((rc = pg_flush_all(q)) ||
	    (rc = pg_run(
		     q, PGN_WARN_LIST,
		     "SELECT w.id, w.rule, w.level, w.project_id, w.employer_id, w.person_id, "
		     "w.period,"
		     " w.amount, w.overdue_days, w.days, w.first_seen, w.last_seen,"
		     " coalesce(w.resolved_on, -1), p.code, e.uscc, pe.id_number FROM warnings w"
		     " LEFT JOIN projects p ON p.id=w.project_id LEFT JOIN enterprises e ON "
		     "e.id=w.employer_id"
		     " LEFT JOIN persons pe ON pe.id=w.person_id"
		     " WHERE ($1::int=0 OR w.resolved_on IS NULL) AND ($2::text IS NULL OR "
		     "p.code=$2)"
		     " AND ($3::int<0 OR w.level=$3) AND ($4::int<0 OR w.rule=$4)"
		     " AND ($5::int=0"
		     "  OR ($5::int=1 AND coalesce(p.region_code, e.region_code)::text LIKE "
		     "$6::text || '%')"
		     "  OR ($5::int=2 AND (e.uscc=$6 OR p.owner_id=(SELECT id FROM enterprises "
		     "WHERE uscc=$6)"
		     "   OR p.contractor_id=(SELECT id FROM enterprises WHERE uscc=$6)))"
		     "  OR ($5::int=3 AND EXISTS(SELECT 1 FROM accounts a WHERE "
		     "a.project_id=w.project_id"
		     "   AND a.bank_code=$6))"
		     "  OR ($5::int=4 AND pe.id_number=$6))"
		     " ORDER BY w.rule, p.code COLLATE \"C\", e.uscc COLLATE \"C\","
		     " pe.id_number COLLATE \"C\", w.period",
		     &p, &res, "warnings")))
		return rc;
	int n = PQntuples(res);
	for (int i = 0; i < n && !rc; i++) {
#define I(c) pg_int(res, i, c)
#define T(c) (PQgetisnull(res, i, c) ? NULL : PQgetvalue(res, i, c))
		struct warning_view v = {
			.id = I(0),
			.w = {.rule = (int)I(1),
			      .level = (int)I(2),
			      .project = I(3),
			      .employer = I(4),
			      .person = I(5),
			      .period = I(6),
			      .amount = I(7),
			      .overdue_days = I(8),
			      .days = I(9)},
			.first_seen = I(10),
			.last_seen = I(11),
			.resolved_on = I(12),
			.project = T(13),
			.employer = T(14),
			.worker = T(15),
		};
#undef I
#undef T
		rc = cb(ctx, &v);
	}
	PQclear(res);
	return rc;
}
