/* ledger.c — the PostgreSQL side of the hash-chained wage ledger: append (buffered for COPY),
 * head, get, scan. Hashing and verification live in domain/ledger.c; this file only stores.
 * Every read flushes the buffered entries first. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

/* entries a page of a scan: blocks hold up to 128 KiB of text each, so pages stay small */
#define PG_LEDGER_PAGE 64

static int hexval(char c)
{
	return c >= '0' && c <= '9'    ? c - '0'
		: c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10
				       : -1;
}

void pg_read_hash(const PGresult *res, int row, int col, unsigned char *out)
{
	/* bytea in hex output: "\x" then two digits a byte */
	const char *t = PQgetvalue(res, row, col);
	memset(out, 0, LEDGER_HASH_BYTES);
	if (PQgetlength(res, row, col) != 2 + 2 * LEDGER_HASH_BYTES || t[0] != '\\' || t[1] != 'x')
		return;
	for (int i = 0; i < LEDGER_HASH_BYTES; i++) {
		int hi = hexval(t[2 + 2 * i]), lo = hexval(t[3 + 2 * i]);
		if (hi < 0 || lo < 0) {
			memset(out, 0, LEDGER_HASH_BYTES);
			return;
		}
		out[i] = (unsigned char)(hi << 4 | lo);
	}
}

int pg_ledger_head(struct store *s, int64_t *seq, unsigned char *hash)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush(q, PG_LEDGER_BUF)))
		return rc;
	if ((rc = pg_run(q, PGN_LEDGER_HEAD,
			 "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1", NULL, &res,
			 "ledger head")))
		return rc;
	*seq = 0;
	memset(hash, 0, LEDGER_HASH_BYTES);
	if (PQntuples(res)) {
		*seq = pg_int(res, 0, 0);
		pg_read_hash(res, 0, 1, hash);
	}
	PQclear(res);
	return WG_OK;
}

int pg_ledger_append(struct store *s, const struct ledger_entry *e)
{
	struct pg_store *q = (struct pg_store *)s;
	struct dbuf line = DBUF_INIT;
	int r = dbuf_addf(&line, "%" PRId64 "\t%" PRId64 "\t%d\t", e->seq, e->at, e->op);
	r |= pg_copy_text(&line, e->kind);
	r |= dbuf_addf(&line, "\t%" PRId64 "\t0\t", e->prev_version); /* codec 0: text */
	r |= pg_copy_text(&line, e->content);
	/* bytea hex input; the backslash doubled for COPY's text format */
	r |= dbuf_adds(&line, "\t\\\\x");
	for (int i = 0; i < LEDGER_HASH_BYTES; i++)
		r |= dbuf_addf(&line, "%02x", e->hash[i]);
	r |= dbuf_addc(&line, '\n');
	int rc = r < 0 ? WG_ENOMEM : pg_copy_row(q, PG_LEDGER_BUF, &line);
	dbuf_release(&line);
	return rc;
}

#define ENTRY_COLUMNS "seq, at, op, kind, prev_version, codec, content, hash"

static void read_entry(const PGresult *res, int row, struct ledger_entry *e)
{
	e->seq = pg_int(res, row, 0);
	e->at = pg_int(res, row, 1);
	e->op = (int)pg_int(res, row, 2);
	e->kind = PQgetvalue(res, row, 3);
	e->prev_version = pg_int(res, row, 4);
	/* this backend writes text only; anything else reads as content that cannot match
	 * its hash, so verify reports it, as SQLite's does a damaged blob */
	e->content = pg_int(res, row, 5) == 0 ? PQgetvalue(res, row, 6) : "(unreadable content)";
	pg_read_hash(res, row, 7, e->hash);
}

int pg_ledger_get(struct store *s, int64_t seq, struct ledger_entry *e)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush(q, PG_LEDGER_BUF)))
		return rc;
	struct pg_params p = {0};
	pg_param_int(&p, seq);
	if ((rc = pg_run(q, PGN_LEDGER_GET, "SELECT " ENTRY_COLUMNS " FROM ledger WHERE seq=$1", &p,
			 &res, "ledger get")))
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	read_entry(res, 0, e);
	pg_hand_out(q, res); /* e's strings live in it until the next get */
	return WG_OK;
}

int pg_ledger_scan(struct store *s, int64_t from, const char *kind, int64_t limit,
		   int (*cb)(void *, const struct ledger_entry *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	int rc;
	if ((rc = pg_flush(q, PG_LEDGER_BUF)))
		return rc;
	/* Pages by seq rather than a cursor: the chain only grows, each page is one indexed
	 * range read, and no transaction has to stay open while the callback works. */
	int64_t left = limit > 0 ? limit : INT64_MAX;
	while (left > 0) {
		int64_t page = left < PG_LEDGER_PAGE ? left : PG_LEDGER_PAGE;
		struct pg_params p = {0};
		PGresult *res;
		pg_param_int(&p, from);
		pg_param_text(&p, kind);
		pg_param_int(&p, page);
		if ((rc = pg_run(q, PGN_LEDGER_SCAN,
				 "SELECT " ENTRY_COLUMNS " FROM ledger WHERE seq>=$1 AND ($2::text "
				 "IS NULL OR kind=$2) ORDER BY seq"
				 " LIMIT $3",
				 &p, &res, "ledger scan")))
			return rc;
		int n = PQntuples(res);
		for (int i = 0; i < n; i++) {
			struct ledger_entry e;
			read_entry(res, i, &e);
			from = e.seq + 1;
			if ((rc = cb(ctx, &e))) {
				PQclear(res);
				return rc;
			}
		}
		PQclear(res);
		if (n < page)
			break;
		left -= n;
	}
	return WG_OK;
}
