/* ledger.c — the SQLite side of the hash-chained wage ledger: append, head, get, scan, count.
 * Hashing and verification live in domain/ledger.c; this file only stores. */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

int sq_ledger_head(struct store *s, int64_t *seq, unsigned char *hash)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_LEDGER_HEAD,
				    "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1");
	if (!st)
		return WG_ESTORE;
	int step = sqlite3_step(st);
	*seq = 0;
	memset(hash, 0, LEDGER_HASH_BYTES);
	if (step == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == LEDGER_HASH_BYTES)
			memcpy(hash, sqlite3_column_blob(st, 1), LEDGER_HASH_BYTES);
	} else if (step != SQLITE_DONE) {
		return sq_fail(q, "ledger head");
	}
	sqlite3_reset(st);
	return WG_OK;
}

int sq_ledger_append(struct store *s, const struct ledger_entry *e)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_LEDGER_APPEND,
				    "INSERT INTO ledger(seq, at, op, kind, prev_version, content, hash)"
				    " VALUES(?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, e->seq);
	sqlite3_bind_int64(st, 2, e->at);
	sqlite3_bind_int(st, 3, e->op);
	sqlite3_bind_text(st, 4, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, e->prev_version);
	sqlite3_bind_text(st, 6, e->content, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 7, e->hash, LEDGER_HASH_BYTES, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "ledger append");
	sqlite3_reset(st);
	return WG_OK;
}

static void read_entry(sqlite3_stmt *st, struct ledger_entry *e)
{
	e->seq = sqlite3_column_int64(st, 0);
	e->at = sqlite3_column_int64(st, 1);
	e->op = sqlite3_column_int(st, 2);
	e->kind = (const char *)sqlite3_column_text(st, 3);
	e->prev_version = sqlite3_column_int64(st, 4);
	e->content = (const char *)sqlite3_column_text(st, 5);
	memset(e->hash, 0, LEDGER_HASH_BYTES);
	if (sqlite3_column_bytes(st, 6) == LEDGER_HASH_BYTES)
		memcpy(e->hash, sqlite3_column_blob(st, 6), LEDGER_HASH_BYTES);
	if (!e->kind)
		e->kind = "";
	if (!e->content)
		e->content = "";
}

int sq_ledger_get(struct store *s, int64_t seq, struct ledger_entry *e)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_LEDGER_GET,
				    "SELECT seq, at, op, kind, prev_version, content, hash"
				    " FROM ledger WHERE seq=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, seq);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "ledger get");
	read_entry(st, e);
	/* keep the strings past the statement's next use */
	dbuf_reset(&q->scratch);
	long k = sq_keep(q, st, 3), c = sq_keep(q, st, 5);
	e->kind = k >= 0 ? sq_kept(q, k) : "";
	e->content = c >= 0 ? sq_kept(q, c) : "";
	sqlite3_reset(st);
	return WG_OK;
}

int sq_ledger_scan(struct store *s, int64_t from, const char *kind, int64_t limit,
		   int (*cb)(void *, const struct ledger_entry *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = NULL;
	int rc = WG_OK, step;
	if (sqlite3_prepare_v2(q->db,
			       "SELECT seq, at, op, kind, prev_version, content, hash FROM ledger"
			       " WHERE seq>=?1 AND (?2 IS NULL OR kind=?2) ORDER BY seq LIMIT ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "ledger scan");
	sqlite3_bind_int64(st, 1, from);
	if (kind)
		sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit > 0 ? limit : -1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct ledger_entry e;
		read_entry(st, &e);
		if ((rc = cb(ctx, &e)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = sq_fail(q, "ledger scan");
cleanup:
	sqlite3_finalize(st);
	return rc;
}
