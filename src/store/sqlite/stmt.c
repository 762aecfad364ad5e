/* stmt.c — store/stmt.h on SQLite: statements prepared once per connection (persistent),
 * cached by their key; $N parameters and the dialect's fragments expanded when prepared. */
#include "store/backend.h"
#include "store/stmt.h"

#include <stdlib.h>
#include <string.h>

#include "store/dialect.h"
#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

static void sq_stmt_free(struct stmt *b);

struct sq_stmt {
	struct stmt base;
	struct sq_store *q;
	sqlite3_stmt *st;
	const char *sql; /* as written, for messages (the caller's: a key's SQL, or one call's) */
	int64_t changes;
};

/* The SQL's first words, for an error message: "SELECT p.code, p.name…". */
static void name_sql(const char *sql, char *out, size_t n)
{
	size_t len = sql ? strlen(sql) : 0, cut = len < 40 ? len : 40;
	while (cut < len && cut > 20 && sql[cut] != ' ')
		cut--;
	snprintf(out, n, "%.*s%s", (int)cut, sql ? sql : "", cut < len ? "…" : "");
}

static int fail(struct sq_stmt *st)
{
	struct sq_store *q = st->q;
	int code = sqlite3_extended_errcode(q->db);
	char what[64];
	name_sql(st->sql, what, sizeof what);
	snprintf(q->base.errmsg, sizeof q->base.errmsg, "sqlite: %s: %s", what,
		 sqlite3_errmsg(q->db));
	if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return WG_ECONFLICT;
	code &= 0xff;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED ? WG_ERETRY : WG_ESTORE;
}

static struct stmt *sq_stmt_get(struct store *s, const void *key, const char *sql)
{
	struct sq_store *q = (struct sq_store *)s;
	struct sq_stmt *st = key ? (struct sq_stmt *)stmt_map_get(&q->stmts, key) : NULL;
	if (st) {
		sqlite3_reset(st->st);
		sqlite3_clear_bindings(st->st);
		return &st->base;
	}
	char err[128];
	if (sql_expand(DIALECT_SQLITE, sql, &q->sqlbuf, err, sizeof err) < 0) {
		snprintf(s->errmsg, sizeof s->errmsg, "sqlite: %s", err);
		return NULL;
	}
	st = calloc(1, sizeof *st);
	if (!st) {
		snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
		return NULL;
	}
	st->base.ops = &sq_stmt_ops;
	st->base.store = s;
	st->q = q;
	st->sql = sql;
	if (sqlite3_prepare_v3(q->db, q->sqlbuf.p, -1, key ? SQLITE_PREPARE_PERSISTENT : 0, &st->st,
			       NULL) != SQLITE_OK) {
		fail(st);
		free(st);
		return NULL;
	}
	if (key && stmt_map_put(&q->stmts, key, &st->base) < 0) {
		snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
		sq_stmt_free(&st->base);
		return NULL;
	}
	return &st->base;
}

static void sq_stmt_free(struct stmt *b)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	if (!st)
		return;
	sqlite3_finalize(st->st);
	free(st);
}

static void sq_stmt_bind_int(struct stmt *b, int i, int64_t v)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	sqlite3_bind_int64(st->st, i, v);
}

static void sq_stmt_bind_text(struct stmt *b, int i, const char *v)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	if (v)
		sqlite3_bind_text(st->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, i);
}

static void sq_stmt_bind_null(struct stmt *b, int i)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	sqlite3_bind_null(st->st, i);
}

static void sq_stmt_bind_blob(struct stmt *b, int i, const void *p, size_t n)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	sqlite3_bind_blob64(st->st, i, p, n, SQLITE_TRANSIENT);
}

static int sq_stmt_step(struct stmt *b)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		st->changes = sqlite3_changes64(st->q->db);
		return 0;
	}
	rc = fail(st);
	sqlite3_reset(st->st);
	return rc;
}

static int64_t sq_stmt_changes(struct stmt *b)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	return st->changes;
}

static void sq_stmt_reset(struct stmt *b)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

static int sq_stmt_null(struct stmt *b, int col)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

static int64_t sq_stmt_int(struct stmt *b, int col)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	return sqlite3_column_int64(st->st, col);
}

static const char *sq_stmt_text(struct stmt *b, int col)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	return (const char *)sqlite3_column_text(st->st, col);
}

static const void *sq_stmt_blob(struct stmt *b, int col, size_t *n)
{
	struct sq_stmt *st = (struct sq_stmt *)b;
	const void *p = sqlite3_column_blob(st->st, col);
	*n = p ? (size_t)sqlite3_column_bytes(st->st, col) : 0;
	return p;
}

const struct stmt_ops sq_stmt_ops = {
	.get = sq_stmt_get,
	.free = sq_stmt_free,
	.bind_int = sq_stmt_bind_int,
	.bind_text = sq_stmt_bind_text,
	.bind_null = sq_stmt_bind_null,
	.bind_blob = sq_stmt_bind_blob,
	.step = sq_stmt_step,
	.reset = sq_stmt_reset,
	.changes = sq_stmt_changes,
	.null = sq_stmt_null,
	.int64 = sq_stmt_int,
	.text = sq_stmt_text,
	.blob = sq_stmt_blob,
};
