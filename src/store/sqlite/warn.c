/* warn.c — stored warnings of the SQLite backend: recording a scan's result with the life
 * cycle of each warning (opened, level changed, resolved, reopened), inspection tasks for
 * warnings that turn red, and listing. */
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

#define LEVEL_RED 2 /* enum warn_level in domain/warn.h */

static int event(struct sq_store *q, int64_t wid, int64_t on, const char *what, int level,
		 int64_t amount)
{
	sqlite3_stmt *st = sq_named(q, SQN_WARN_EVENT,
				    "INSERT INTO warning_events(warning_id, on_date, event, level,"
				    " amount) VALUES(?, ?, ?, ?, ?)");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, wid);
	sqlite3_bind_int64(st, 2, on);
	sqlite3_bind_text(st, 3, what, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, level);
	sqlite3_bind_int64(st, 5, amount);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "warning event");
	sqlite3_reset(st);
	return WG_OK;
}

static int task(struct sq_store *q, int64_t wid, int64_t on)
{
	sqlite3_stmt *st = sq_named(q, SQN_WARN_TASK,
				    "INSERT INTO inspection_tasks(warning_id, region, opened_on)"
				    " SELECT id, region, ? FROM warnings WHERE id=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, on);
	sqlite3_bind_int64(st, 2, wid);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "inspection task");
	sqlite3_reset(st);
	return WG_OK;
}

/* Upserts one warning of scan number scan; counts what happened. */
static int record_one(struct sq_store *q, int64_t scan, int64_t as_of, const struct warning *w,
		      int64_t *opened, int64_t *red)
{
	sqlite3_stmt *st =
		sq_named(q, SQN_WARN_FIND,
			 "SELECT id, level, resolved_on IS NOT NULL FROM warnings WHERE rule=?"
			 " AND project_id=? AND employer_id=? AND person_id=? AND period=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int(st, 1, w->rule);
	sqlite3_bind_int64(st, 2, w->project);
	sqlite3_bind_int64(st, 3, w->employer);
	sqlite3_bind_int64(st, 4, w->person);
	sqlite3_bind_int64(st, 5, w->period);
	int step = sqlite3_step(st), rc;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return sq_fail(q, "warning");
	int64_t wid = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	int old_level = step == SQLITE_ROW ? sqlite3_column_int(st, 1) : -1;
	int was_resolved = step == SQLITE_ROW && sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (!wid) {
		/* the region of the project, else of the employer (employer-wide warnings) */
		st = sq_named(
			q, SQN_WARN_INSERT,
			"INSERT INTO warnings(rule, project_id, employer_id, person_id, period,"
			" region, level, amount, overdue_days, days, first_seen, last_seen, scan)"
			" VALUES(?1, ?2, ?3, ?4, ?5, coalesce((SELECT region_code FROM projects"
			" WHERE id=?2), (SELECT region_code FROM enterprises WHERE id=?3), 0),"
			" ?6, ?7, ?8, ?9, ?10, ?10, ?11)");
	} else {
		st = sq_named(q, SQN_WARN_UPDATE,
			      "UPDATE warnings SET level=?6, amount=?7, overdue_days=?8, days=?9,"
			      " last_seen=?10, scan=?11, resolved_on=NULL WHERE id=?12");
	}
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int(st, 1, w->rule);
	sqlite3_bind_int64(st, 2, w->project);
	sqlite3_bind_int64(st, 3, w->employer);
	sqlite3_bind_int64(st, 4, w->person);
	sqlite3_bind_int64(st, 5, w->period);
	sqlite3_bind_int(st, 6, w->level);
	sqlite3_bind_int64(st, 7, w->amount);
	sqlite3_bind_int64(st, 8, w->overdue_days);
	sqlite3_bind_int64(st, 9, w->days);
	sqlite3_bind_int64(st, 10, as_of);
	sqlite3_bind_int64(st, 11, scan);
	if (wid)
		sqlite3_bind_int64(st, 12, wid);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "warning");
	sqlite3_reset(st);
	if (!wid) {
		wid = sqlite3_last_insert_rowid(q->db);
		++*opened;
		rc = event(q, wid, as_of, "opened", w->level, w->amount);
	} else if (was_resolved) {
		++*opened;
		rc = event(q, wid, as_of, "reopened", w->level, w->amount);
	} else if (old_level != w->level) {
		rc = event(q, wid, as_of, "level", w->level, w->amount);
	} else {
		rc = WG_OK;
	}
	if (rc)
		return rc;
	if (w->level == LEVEL_RED && (old_level != LEVEL_RED || was_resolved)) {
		++*red;
		return task(q, wid, as_of);
	}
	return WG_OK;
}

int sq_warn_record(struct store *s, int64_t as_of, const struct warning *w, size_t n,
		   int64_t *opened, int64_t *resolved, int64_t *opened_red)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = NULL;
	int rc = s->ops->begin(s);
	*opened = *resolved = *opened_red = 0;
	if (rc)
		return rc;
	int64_t scan = 1;
	if (sqlite3_prepare_v2(q->db, "SELECT coalesce(max(scan), 0) + 1 FROM warnings", -1, &st,
			       NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		rc = sq_fail(q, "warnings");
		goto fail;
	}
	scan = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	for (size_t i = 0; i < n; i++)
		if ((rc = record_one(q, scan, as_of, &w[i], opened, opened_red)))
			goto fail;
	/* every open warning this scan did not see has stopped firing */
	if (sqlite3_prepare_v2(
		    q->db,
		    "INSERT INTO warning_events(warning_id, on_date, event, level, amount)"
		    " SELECT id, ?1, 'resolved', level, amount FROM warnings"
		    " WHERE resolved_on IS NULL AND scan<>?2",
		    -1, &st, NULL) != SQLITE_OK) {
		rc = sq_fail(q, "warnings");
		goto fail;
	}
	sqlite3_bind_int64(st, 1, as_of);
	sqlite3_bind_int64(st, 2, scan);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = sq_fail(q, "warnings");
		goto fail;
	}
	*resolved = sqlite3_changes(q->db);
	sqlite3_finalize(st);
	st = NULL;
	char sql[160];
	snprintf(sql, sizeof sql,
		 "UPDATE warnings SET resolved_on=%lld WHERE resolved_on IS NULL"
		 " AND scan<>%lld",
		 (long long)as_of, (long long)scan);
	if (sqlite3_exec(q->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		rc = sq_fail(q, "warnings");
		goto fail;
	}
	return s->ops->commit(s);
fail:
	sqlite3_finalize(st);
	s->ops->rollback(s);
	return rc;
}

int sq_warn_list(struct store *s, const struct warning_filter *f,
		 int (*cb)(void *, const struct warning_view *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = NULL;
	int rc = WG_OK, step;
	if (sqlite3_prepare_v2(
		    q->db,
		    "SELECT w.id, w.rule, w.level, w.project_id, w.employer_id, w.person_id, "
		    "w.period,"
		    " w.amount, w.overdue_days, w.days, w.first_seen, w.last_seen,"
		    " coalesce(w.resolved_on, -1), p.code, e.uscc, pe.id_number FROM warnings w"
		    " LEFT JOIN projects p ON p.id=w.project_id LEFT JOIN enterprises e ON "
		    "e.id=w.employer_id"
		    " LEFT JOIN persons pe ON pe.id=w.person_id"
		    " WHERE (?1=0 OR w.resolved_on IS NULL) AND (?2 IS NULL OR p.code=?2)"
		    " AND (?3<0 OR w.level=?3) AND (?4<0 OR w.rule=?4)"
		    /* the caller's scope: region, own enterprise, bank, own records */
		    " AND (?5=0"
		    "  OR (?5=1 AND CAST(coalesce(p.region_code, e.region_code) AS TEXT) LIKE ?6 "
		    "|| '%')"
		    "  OR (?5=2 AND (e.uscc=?6 OR p.owner_id=(SELECT id FROM enterprises WHERE "
		    "uscc=?6)"
		    "   OR p.contractor_id=(SELECT id FROM enterprises WHERE uscc=?6)))"
		    "  OR (?5=3 AND EXISTS(SELECT 1 FROM accounts a WHERE a.project_id=w.project_id"
		    "   AND a.bank_code=?6))"
		    "  OR (?5=4 AND pe.id_number=?6))"
		    " ORDER BY w.rule, p.code, e.uscc, pe.id_number, w.period",
		    -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "warnings");
	sqlite3_bind_int(st, 1, f->open_only);
	if (f->project)
		sqlite3_bind_text(st, 2, f->project, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->level);
	sqlite3_bind_int(st, 4, f->rule);
	sqlite3_bind_int(st, 5, f->scope_role);
	sqlite3_bind_text(st, 6, f->scope ? f->scope : "", -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
#define I(n) sqlite3_column_int64(st, n)
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
			.project = (const char *)sqlite3_column_text(st, 13),
			.employer = (const char *)sqlite3_column_text(st, 14),
			.worker = (const char *)sqlite3_column_text(st, 15),
		};
#undef I
		if ((rc = cb(ctx, &v)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "warnings");
	sqlite3_finalize(st);
	return rc;
}
