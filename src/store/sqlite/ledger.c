/* ledger.c — the SQLite side of the hash-chained wage ledger: append, head, get, scan.
 * Content longer than a few hundred bytes is kept zstd-compressed (codec 1); callers only
 * ever see the text. Hashing and verification live in domain/ledger.c. */
#include <string.h>
#include <zstd.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

enum { CODEC_TEXT = 0, CODEC_ZSTD = 1 };
#define COMPRESS_FROM 256 /* bytes: below this zstd's frame overhead eats the gain */

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
	sqlite3_stmt *st =
		sq_named(q, SQN_LEDGER_APPEND,
			 "INSERT INTO ledger(seq, at, op, kind, prev_version, codec, content,"
			 " hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return WG_ESTORE;
	size_t len = strlen(e->content);
	int codec = CODEC_TEXT;
	const void *blob = e->content;
	size_t blen = len;
	if (len >= COMPRESS_FROM) {
		size_t cap = ZSTD_compressBound(len);
		dbuf_reset(&q->zbuf);
		if (dbuf_reserve(&q->zbuf, cap) < 0) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg, "out of memory");
			return WG_ENOMEM;
		}
		size_t z = ZSTD_compressCCtx(q->zctx, q->zbuf.p, cap, e->content, len, 3);
		if (!ZSTD_isError(z) && z < len) {
			codec = CODEC_ZSTD;
			blob = q->zbuf.p;
			blen = z;
		}
	}
	sqlite3_bind_int64(st, 1, e->seq);
	sqlite3_bind_int64(st, 2, e->at);
	sqlite3_bind_int(st, 3, e->op);
	sqlite3_bind_text(st, 4, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, e->prev_version);
	sqlite3_bind_int(st, 6, codec);
	sqlite3_bind_blob(st, 7, blob, (int)blen, SQLITE_STATIC);
	sqlite3_bind_blob(st, 8, e->hash, LEDGER_HASH_BYTES, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "ledger append");
	sqlite3_reset(st);
	return WG_OK;
}

/* Fills e from a row of (seq, at, op, kind, prev_version, codec, content, hash); kind and
 * content are copied into out, which e then points into. */
static int read_entry(struct sq_store *q, sqlite3_stmt *st, struct ledger_entry *e,
		      struct dbuf *out)
{
	e->seq = sqlite3_column_int64(st, 0);
	e->at = sqlite3_column_int64(st, 1);
	e->op = sqlite3_column_int(st, 2);
	e->prev_version = sqlite3_column_int64(st, 4);
	memset(e->hash, 0, LEDGER_HASH_BYTES);
	if (sqlite3_column_bytes(st, 7) == LEDGER_HASH_BYTES)
		memcpy(e->hash, sqlite3_column_blob(st, 7), LEDGER_HASH_BYTES);
	dbuf_reset(out);
	const unsigned char *kind = sqlite3_column_text(st, 3);
	if (dbuf_adds(out, kind ? (const char *)kind : "") < 0 || dbuf_addc(out, '\0') < 0)
		return WG_ENOMEM;
	size_t koff = 0, coff = out->len;
	const void *blob = sqlite3_column_blob(st, 6);
	size_t blen = (size_t)sqlite3_column_bytes(st, 6);
	if (sqlite3_column_int(st, 5) == CODEC_ZSTD) {
		unsigned long long n = ZSTD_getFrameContentSize(blob, blen);
		if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN ||
		    dbuf_reserve(out, (size_t)n) < 0)
			goto corrupt;
		size_t got = ZSTD_decompressDCtx(q->dctx, out->p + coff, (size_t)n, blob, blen);
		if (ZSTD_isError(got) || got != n)
			goto corrupt;
		out->len += got;
		out->p[out->len] = '\0';
	} else if (dbuf_add(out, blob ? blob : "", blen) < 0) {
		return WG_ENOMEM;
	}
	e->kind = out->p + koff;
	e->content = out->p + coff;
	return WG_OK;
corrupt:
	/* a damaged blob reads as content that cannot match its hash: verify reports it */
	dbuf_reset(out);
	dbuf_adds(out, kind ? (const char *)kind : "");
	dbuf_addc(out, '\0');
	coff = out->len;
	dbuf_adds(out, "(unreadable content)");
	e->kind = out->p;
	e->content = out->p + coff;
	return WG_OK;
}

#define ENTRY_COLUMNS "seq, at, op, kind, prev_version, codec, content, hash"

int sq_ledger_get(struct store *s, int64_t seq, struct ledger_entry *e)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st =
		sq_named(q, SQN_LEDGER_GET, "SELECT " ENTRY_COLUMNS " FROM ledger WHERE seq=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, seq);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "ledger get");
	int rc = read_entry(q, st, e, &q->entry);
	sqlite3_reset(st);
	return rc;
}

int sq_ledger_scan(struct store *s, int64_t from, const char *kind, int64_t limit,
		   int (*cb)(void *, const struct ledger_entry *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = NULL;
	struct dbuf text = DBUF_INIT;
	int rc = WG_OK, step;
	text.max = 256u << 20;
	if (sqlite3_prepare_v2(q->db,
			       "SELECT " ENTRY_COLUMNS " FROM ledger"
			       " WHERE seq>=?1 AND (?2 IS NULL OR kind=?2) ORDER BY seq LIMIT ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "ledger scan");
	sqlite3_bind_int64(st, 1, from);
	if (kind)
		sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit > 0 ? limit : -1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct ledger_entry e;
		if ((rc = read_entry(q, st, &e, &text)) || (rc = cb(ctx, &e)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = sq_fail(q, "ledger scan");
cleanup:
	sqlite3_finalize(st);
	dbuf_release(&text);
	return rc;
}
