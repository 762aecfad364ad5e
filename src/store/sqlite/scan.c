/* scan.c — what the early-warning scan reads from the SQLite store: the worker-month
 * attendance aggregate (kept by days_apply), and the ordered streams of store/scan.c, each
 * one prepared statement stepped row by row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/scan.h"
#include "store/sqlite/sq.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

struct scan_cursor {
	struct sq_store *q;
	sqlite3_stmt *st;
	enum scan_stream what;
};

int sq_scan_open(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi,
		 struct scan_cursor **out)
{
	struct sq_store *q = (struct sq_store *)s;
	struct scan_cursor *c = calloc(1, sizeof *c);
	if (!c)
		return WG_ENOMEM;
	c->q = q;
	c->what = what;
	struct dbuf sql = DBUF_INIT;
	int rc = scan_stream_sql(what, as_of, lo, hi, &sql);
	if (!rc && sqlite3_prepare_v2(q->db, sql.p, -1, &c->st, NULL) != SQLITE_OK)
		rc = sq_fail(q, "scan");
	dbuf_release(&sql);
	if (rc) {
		free(c);
		return rc;
	}
	*out = c;
	return WG_OK;
}

static int64_t col_int(void *ctx, int col)
{
	return sqlite3_column_int64(ctx, col);
}

static const char *col_text(void *ctx, int col)
{
	return (const char *)sqlite3_column_text(ctx, col);
}

int sq_scan_next(struct scan_cursor *c, struct scan_row *r)
{
	int step = sqlite3_step(c->st);
	if (step == SQLITE_DONE)
		return 0;
	if (step != SQLITE_ROW)
		return sq_fail(c->q, "scan");
	scan_decode(c->what, &(struct scan_cols){.ctx = c->st, .i = col_int, .t = col_text}, r);
	return 1;
}

void sq_scan_close(struct scan_cursor *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->st);
	free(c);
}

int sq_key_of(struct store *s, enum col_type t, int64_t id, char *buf, size_t n)
{
	struct sq_store *q = (struct sq_store *)s;
	int slot = t == COL_PROJECT ? SQN_KEY_PROJECT
		: t == COL_USCC     ? SQN_KEY_ENTERPRISE
				    : SQN_KEY_PERSON;
	sqlite3_stmt *st =
		sq_named(q, slot,
			 t == COL_PROJECT        ? "SELECT code FROM projects WHERE id=?"
				 : t == COL_USCC ? "SELECT uscc FROM enterprises WHERE id=?"
						 : "SELECT id_number FROM persons WHERE id=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		sqlite3_reset(st);
		return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "key");
	}
	snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return WG_OK;
}

int sq_days_apply(struct store *s, const char *project, const char *id_number, int64_t period,
		  uint32_t set, uint32_t clear)
{
	struct sq_store *q = (struct sq_store *)s;
	int64_t pid, person, region, unused;
	int rc = sq_ref_id(q, COL_PROJECT, project, &pid, &region);
	if (rc == WG_OK)
		rc = sq_ref_id(q, COL_PERSON, id_number, &person, &unused);
	if (rc)
		return rc;
	sqlite3_stmt *st =
		sq_named(q, SQN_DAYS_APPLY,
			 "INSERT INTO wm_days(project_id, person_id, period, mask, region)"
			 " VALUES(?1, ?2, ?3, ?4 & ~?5, ?6) ON CONFLICT DO UPDATE"
			 " SET mask=(mask & ~?5) | ?4");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_int64(st, 3, period);
	sqlite3_bind_int64(st, 4, set);
	sqlite3_bind_int64(st, 5, clear);
	sqlite3_bind_int64(st, 6, region);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "days");
	sqlite3_reset(st);
	return WG_OK;
}

int sq_days_clear(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	if (sqlite3_exec(q->db, "DELETE FROM wm_days", NULL, NULL, NULL) != SQLITE_OK)
		return sq_fail(q, "days");
	return WG_OK;
}

int sq_data_version(struct store *s, int64_t *v)
{
	struct sq_store *q = (struct sq_store *)s;
	/* data_version moves when another connection commits, total_changes when this one
	 * writes: together they change whenever the data does */
	sqlite3_stmt *st = sq_named(q, SQN_DATA_VERSION, "PRAGMA data_version");
	if (!st)
		return WG_ESTORE;
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_fail(q, "data version");
	*v = (sqlite3_column_int64(st, 0) << 32) ^ (int64_t)sqlite3_total_changes64(q->db);
	sqlite3_reset(st);
	return WG_OK;
}
