/* sqlite.c — the SQLite backend's life cycle: open with WAL and foreign keys, transactions,
 * the statement cache and the reference cache. Exports store_sqlite_open. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/backend.h"
#include "store/dialect.h"
#include "store/sqlite/sq.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

int sq_fail(struct sq_store *q, const char *what)
{
	int code = sqlite3_errcode(q->db);
	snprintf(q->base.errmsg, sizeof q->base.errmsg, "sqlite: %s: %s", what,
		 sqlite3_errmsg(q->db));
	return (code == SQLITE_BUSY || code == SQLITE_LOCKED) ? WG_ERETRY : WG_ESTORE;
}

sqlite3_stmt *sq_named(struct sq_store *q, int slot, const char *sql)
{
	if (!q->named[slot] &&
	    sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q->named[slot], NULL) !=
		    SQLITE_OK) {
		sq_fail(q, "prepare");
		return NULL;
	}
	sqlite3_reset(q->named[slot]);
	sqlite3_clear_bindings(q->named[slot]);
	return q->named[slot];
}

long sq_keep(struct sq_store *q, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return -1;
	long off = (long)q->scratch.len;
	if (dbuf_add(&q->scratch, t, (size_t)sqlite3_column_bytes(st, col)) < 0 ||
	    dbuf_addc(&q->scratch, '\0') < 0)
		return -1;
	return off;
}

const char *sq_kept(struct sq_store *q, long off)
{
	return off < 0 ? NULL : q->scratch.p + off;
}

static void sq_close(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	for (int k = 0; k < REC__COUNT; k++)
		for (int o = 0; o < SQ__OPS; o++)
			sqlite3_finalize(q->rec[k][o]);
	for (size_t i = 0; i < sizeof q->named / sizeof q->named[0]; i++)
		sqlite3_finalize(q->named[i]);
	stmt_map_release(&q->stmts, stmt_free);
	stmt_keep_clear(s);
	dbuf_release(&q->sqlbuf);
	if (q->in_tx)
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(q->db);
	free(q->path);
	dbuf_release(&q->scratch);
	dbuf_release(&q->entry);
	dbuf_release(&q->zbuf);
	ZSTD_freeCCtx(q->zctx);
	ZSTD_freeDCtx(q->dctx);
	free(q);
}

static int sq_exec(struct sq_store *q, const char *sql)
{
	if (sqlite3_exec(q->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sq_fail(q, sql);
	return WG_OK;
}

static int sq_begin(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	/* IMMEDIATE takes the write lock now: the ledger head read next cannot go stale. */
	int rc = sq_exec(q, "BEGIN IMMEDIATE");
	if (rc == WG_OK)
		q->in_tx = true;
	return rc;
}

static int sq_commit(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	int rc = sq_exec(q, "COMMIT");
	if (rc == WG_OK)
		q->in_tx = false;
	return rc;
}

static int sq_rollback(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	/* ids handed out inside the transaction are gone with it */
	sq_ref_forget(q);
	q->in_tx = false;
	return sq_exec(q, "ROLLBACK");
}

static int sq_clone(struct store *s, struct store **out, char *err, size_t errsz)
{
	return store_sqlite_open(out, ((struct sq_store *)s)->path, err, errsz);
}

const struct store_ops sq_ops = {
	.close = sq_close,
	.clone = sq_clone,
	.migrate = sq_migrate,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.rec_get = sq_rec_get,
	.rec_insert = sq_rec_insert,
	.rec_update = sq_rec_update,
	.rec_count = sq_rec_count,
	.ref_exists = sq_ref_exists,
	.person_ensure = sq_person_ensure,
	.employment_overlap = sq_employment_overlap,
	.ledger_head = sq_ledger_head,
	.ledger_append = sq_ledger_append,
	.ledger_get = sq_ledger_get,
	.ledger_scan = sq_ledger_scan,
	.days_apply = sq_days_apply,
	.days_clear = sq_days_clear,
	.scan_open = sq_scan_open,
	.scan_next = sq_scan_next,
	.scan_close = sq_scan_close,
	.key_of = sq_key_of,
	.data_version = sq_data_version,
};

/* Process-wide settings, before the first connection: no allocation statistics (they take
 * a global mutex on every malloc, which the importer does per row). */
static void configure_sqlite(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_sqlite_open(struct store **out, const char *path, char *err, size_t errsz)
{
	struct sq_store *q = calloc(1, sizeof *q);
	if (!q)
		return WG_ENOMEM;
	q->base.ops = &sq_ops;
	q->base.stmt = &sq_stmt_ops;
	q->base.dialect = DIALECT_SQLITE;
	q->scratch.max = 16u << 20;
	q->path = strdup(path);
	q->entry.max = q->zbuf.max = 256u << 20;
	q->zctx = ZSTD_createCCtx();
	q->dctx = ZSTD_createDCtx();
	int rc = WG_OK;
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, configure_sqlite);
	if (!q->zctx || !q->dctx || !q->path) {
		snprintf(q->base.errmsg, sizeof q->base.errmsg, "out of memory");
		rc = WG_ENOMEM;
		goto fail;
	}
	if (sqlite3_open_v2(path, &q->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		rc = sq_fail(q, path);
		goto fail;
	}
	/* one connection per thread: SQLite's own mutexes would only cost */
	sqlite3_busy_timeout(q->db, 10000);
	/* WAL: readers (the server) never block the importer; NORMAL sync is durable at
	 * checkpoints and safe against corruption. A bounded page cache keeps memory flat. */
	rc = sq_exec(q,
		     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
		     "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
	if (rc)
		goto fail;
	int applied;
	rc = sq_migrate(&q->base, &applied);
	if (rc)
		goto fail;
	*out = &q->base;
	return WG_OK;
fail:
	snprintf(err, errsz, "%s", q->base.errmsg);
	sq_close(&q->base);
	return rc;
}
