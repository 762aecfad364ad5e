/* copy.c — bulk writes for the PostgreSQL backend: inserted records and ledger entries wait
 * in per-table buffers and go to the server with COPY … FROM STDIN; a capped set of the keys
 * this transaction inserted, and per-scope emptiness, let rec_get skip the server when a key
 * cannot exist. Every read of a table flushes that table's buffer first. */
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

int pg_copy_sql(enum rec_kind k, struct dbuf *out); /* rec.c */

uint64_t pg_hash(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ull; /* FNV-1a */
	return h;
}

/* FNV's low bits are weak for a power-of-two table: mix before masking (splitmix64). */
static uint64_t mix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	return (h ^ (h >> 31)) | 1; /* never 0, the free mark */
}

bool pg_track_has(const struct pg_store *q, uint64_t h)
{
	if (!q->track.n)
		return false;
	h = mix(h);
	size_t mask = q->track.cap - 1;
	for (size_t i = h & mask; q->track.slot[i]; i = (i + 1) & mask)
		if (q->track.slot[i] == h)
			return true;
	return false;
}

static void track_put(struct pg_keyset *t, uint64_t h)
{
	size_t mask = t->cap - 1, i;
	for (i = h & mask; t->slot[i]; i = (i + 1) & mask)
		if (t->slot[i] == h)
			return;
	t->slot[i] = h;
	t->n++;
}

int pg_track_reserve(struct pg_store *q, size_t n)
{
	struct pg_keyset *t = &q->track;
	if (t->n + n > PG_TRACK_MAX) {
		/* Full: after a flush everything this transaction wrote is on the server, where
		 * the scope checks see it, so forgetting the keys loses nothing but speed. */
		int rc = pg_flush_all(q);
		if (rc)
			return rc;
		pg_track_reset(q, false);
	}
	if ((t->n + n) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		while ((t->n + n) * 2 > cap)
			cap *= 2;
		uint64_t *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return WG_ENOMEM;
		struct pg_keyset bigger = {slot, cap, 0};
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i])
				track_put(&bigger, t->slot[i]);
		free(t->slot);
		*t = bigger;
	}
	return WG_OK;
}

void pg_track_add(struct pg_store *q, uint64_t h)
{
	track_put(&q->track, mix(h));
}

void pg_track_reset(struct pg_store *q, bool drop_buffers)
{
	if (q->track.n)
		memset(q->track.slot, 0, q->track.cap * sizeof *q->track.slot);
	q->track.n = 0;
	memset(q->scopes, 0, sizeof q->scopes);
	q->persons_state = PG_SCOPE_UNKNOWN;
	if (!drop_buffers)
		return;
	for (int i = 0; i < PG_NBUF; i++) {
		dbuf_reset(&q->buf[i].data);
		q->buf[i].rows = 0;
	}
	if (q->days)
		memset(q->days, 0, PG_DAYS_SLOTS * sizeof *q->days);
	q->ndays = 0;
}

int pg_scope_empty(struct pg_store *q, enum rec_kind k, int64_t project, bool *empty)
{
	*empty = false;
	/* outside a transaction nobody holds the chain lock: another writer may add rows */
	if (!q->in_tx)
		return WG_OK;
	const struct kind_desc *d = schema_kind(k);
	bool by_project = d->cols[0].type == COL_PROJECT && d->cols[0].key;
	if (!by_project)
		project = 0;
	int64_t v[2] = {k, project};
	struct pg_scope *sc = &q->scopes[mix(pg_hash(PG_HASH_SEED, v, sizeof v)) % PG_SCOPES];
	if (sc->state != PG_SCOPE_UNKNOWN && sc->kind == (int8_t)k && sc->project == project) {
		*empty = sc->state == PG_SCOPE_EMPTY;
		return WG_OK;
	}
	/* Rows this transaction inserted into the scope are either buffered (and tracked) or
	 * flushed (and then this finds them): either way the answer stays right. */
	char sql[160];
	snprintf(sql, sizeof sql,
		 by_project ? "SELECT 1 FROM %s WHERE project_id=$1 LIMIT 1"
			    : "SELECT 1 FROM %s LIMIT 1",
		 d->table);
	struct pg_params p = {0};
	if (by_project)
		pg_param_int(&p, project);
	PGresult *res;
	/* the table may be the one this transaction fills: plan for its size now */
	int rc = pg_run_custom(q, sql, &p, &res, "scope");
	if (rc)
		return rc;
	*empty = PQntuples(res) == 0;
	PQclear(res);
	*sc = (struct pg_scope){.project = project,
				.kind = (int8_t)k,
				.state = *empty ? PG_SCOPE_EMPTY : PG_SCOPE_FULL};
	return WG_OK;
}

int pg_copy_int(struct dbuf *b, int64_t v)
{
	/* by hand: printf's machinery is a tenth of an import's time otherwise */
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return dbuf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

int pg_copy_text(struct dbuf *b, const char *s)
{
	if (!s)
		return dbuf_adds(b, "\\N");
	/* COPY text format: backslash escapes for the delimiter, line ends and itself */
	const char *run = s;
	int rc = 0;
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\"
			: *s == '\t'         ? "\\t"
			: *s == '\n'         ? "\\n"
			: *s == '\r'         ? "\\r"
					     : NULL;
		if (!esc)
			continue;
		rc |= dbuf_add(b, run, (size_t)(s - run));
		rc |= dbuf_adds(b, esc);
		run = s + 1;
	}
	rc |= dbuf_add(b, run, (size_t)(s - run));
	return rc ? -1 : 0;
}

int pg_flush(struct pg_store *q, int which)
{
	struct pg_copybuf *b = &q->buf[which];
	if (!b->rows)
		return WG_OK;
	struct dbuf sql = DBUF_INIT;
	PGresult *res = NULL;
	const char *what = which == PG_LEDGER_BUF ? "ledger"
		: which == PG_PERSON_BUF          ? "persons"
						  : schema_kind(which)->table;
	int rc = pg_settle(q);
	if (rc)
		goto cleanup;
	if (which == PG_LEDGER_BUF
		    ? dbuf_adds(&sql,
				"COPY ledger(seq, at, op, kind, prev_version, codec, content,"
				" hash) FROM STDIN") < 0
		    : which == PG_PERSON_BUF
		    ? dbuf_adds(&sql, "COPY persons(id, id_number) FROM STDIN") < 0
		    : pg_copy_sql((enum rec_kind)which, &sql) < 0) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	res = PQexec(q->conn, dbuf_str(&sql));
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rc = pg_fail(q, what, res);
		goto cleanup;
	}
	if (PQputCopyData(q->conn, b->data.p, (int)b->data.len) != 1 ||
	    PQputCopyEnd(q->conn, NULL) != 1) {
		rc = pg_fail(q, what, NULL);
		goto cleanup;
	}
	/* the result is read by pg_settle before the next command: meanwhile the server
	 * ingests these rows and the importer reads the next ones, on two cores */
	q->copy_pending = what;
cleanup:
	PQclear(res);
	dbuf_release(&sql);
	/* sent or failed, these rows are done: a failure aborts the transaction anyway */
	dbuf_reset(&b->data);
	b->rows = 0;
	return rc;
}

int pg_flush_upto(struct pg_store *q, enum rec_kind k)
{
	/* people first: workers and the records about them reference persons */
	int rc = pg_flush(q, PG_PERSON_BUF);
	if (rc)
		return rc;
	for (int i = 0; i <= (int)k; i++)
		if ((rc = pg_flush(q, i)))
			return rc;
	return WG_OK;
}

int pg_flush_all(struct pg_store *q)
{
	int rc = pg_flush_upto(q, REC__COUNT - 1);
	if (!rc)
		rc = pg_days_flush(q);
	return rc ? rc : pg_flush(q, PG_LEDGER_BUF);
}

int pg_copy_row(struct pg_store *q, int which, const struct dbuf *line)
{
	struct pg_copybuf *b = &q->buf[which];
	if (dbuf_add(&b->data, line->p, line->len) < 0)
		return WG_ENOMEM;
	b->rows++;
	/* outside a transaction each write stands alone, as on SQLite */
	if (b->data.len < PG_COPY_BYTES && q->in_tx)
		return WG_OK;
	if (which == PG_LEDGER_BUF || which == PG_PERSON_BUF)
		return pg_flush(q, which);
	return pg_flush_upto(q, (enum rec_kind)which);
}
