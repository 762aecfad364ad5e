/* rec.c — the generic record operations of the PostgreSQL backend: get, update and count
 * statements are built once per kind from the schema descriptors and prepared once per
 * connection; inserts go through the COPY buffers (copy.c) after a conflict check that
 * usually needs no round trip; gets outside a transaction read ahead a ledger entry's
 * records at a time. References travel as natural keys and are stored as row ids. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

/* The COPY statement of kind k, columns in the order rec_insert writes them. */
int pg_copy_sql(enum rec_kind k, struct dbuf *out)
{
	const struct kind_desc *d = schema_kind(k);
	int rc = dbuf_addf(out, "COPY %s(", d->table);
	rc |= schema_sql_columns(d, out);
	return rc | dbuf_adds(out, ") FROM STDIN");
}

static int build_sql(const struct kind_desc *d, enum pg_rec_op op, struct dbuf *b)
{
	char name[64];
	int rc = 0, pos = 1;
	switch (op) {
	case PG_GET: return schema_sql_get(d, b);
	case PG_BY_LSEQ:
		/* stored values, references as ids (readahead_load maps them back: a subselect
		 * a row costs more than the rest of the query); an entry holds at most
		 * LEDGER_BLOCK_LINES lines, the limit only bounds memory */
		rc |= dbuf_adds(b, "SELECT ");
		for (int i = 0; i < d->ncols; i++) {
			schema_col_stored(d->kind, &d->cols[i], name, sizeof name);
			rc |= dbuf_addf(b, "t.%s, ", name);
		}
		rc |= dbuf_addf(b, "t.lseq FROM %s t WHERE t.lseq=$1 LIMIT 4096", d->table);
		break;
	case PG_UPDATE:
		rc |= dbuf_addf(b, "UPDATE %s SET ", d->table);
		rc |= schema_sql_set(d, &pos, b);
		/* region is never updated in place: Citus cannot move a row between shards
		 * that way. A record whose region changed matches nothing here and is moved
		 * by pg_rec_update with a delete and an insert. */
		rc |= dbuf_addf(b, "lseq=$%d", pos++);
		rc |= schema_sql_key_where(d, pos, b);
		pos += schema_key_count(d);
		if (d->region_from >= 0)
			rc |= dbuf_addf(b, " AND region=$%d", pos++);
		break;
	case PG_DELETE:
		rc |= dbuf_addf(b, "DELETE FROM %s", d->table);
		rc |= schema_sql_key_where(d, 1, b);
		break;
	default: return -1;
	}
	return rc;
}

static int rec_run(struct pg_store *q, enum rec_kind k, enum pg_rec_op op,
		   const struct pg_params *p, PGresult **out, const char *what)
{
	char name[16];
	struct dbuf sql = DBUF_INIT;
	snprintf(name, sizeof name, "r%d_%d", (int)k, (int)op);
	if (!q->rec_prepared[k][op] && build_sql(schema_kind(k), op, &sql) < 0) {
		dbuf_release(&sql);
		snprintf(q->base.errmsg, sizeof q->base.errmsg, "out of memory");
		return WG_ENOMEM;
	}
	int rc = pg_run_named(q, name, &q->rec_prepared[k][op], dbuf_str(&sql), p, out, what);
	dbuf_release(&sql);
	return rc;
}

/* A key column's stored value: the row id of a reference, else the value itself. */
struct keyval {
	int col;
	int64_t i;
	const char *s; /* text columns that are no reference */
};

/* Resolves r's key columns; *h receives their hash. WG_ENOTFOUND: a reference is unknown,
 * so no such record can exist. */
static int resolve_key(struct pg_store *q, const struct rec *r, struct keyval *kv, int *nkv,
		       uint64_t *h, int64_t *project)
{
	const struct kind_desc *d = schema_kind(r->kind);
	int64_t kind = r->kind, region;
	*h = pg_hash(PG_HASH_SEED, &kind, sizeof kind);
	*nkv = 0;
	*project = 0;
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		struct keyval *v = &kv[(*nkv)++];
		*v = (struct keyval){.col = i};
		if (schema_col_is_ref(r->kind, d->cols[i].type)) {
			int rc = pg_ref_id(q, d->cols[i].type, r->v[i].s, &v->i, &region);
			if (rc)
				return rc;
			if (d->cols[i].type == COL_PROJECT)
				*project = v->i;
			*h = pg_hash(*h, &v->i, sizeof v->i);
		} else if (schema_col_is_text(d->cols[i].type)) {
			v->s = r->v[i].s;
			*h = pg_hash(*h, v->s, strlen(v->s) + 1);
		} else {
			v->i = r->v[i].i;
			*h = pg_hash(*h, &v->i, sizeof v->i);
		}
	}
	return WG_OK;
}

static void add_key_params(struct pg_params *p, const struct keyval *kv, int nkv)
{
	for (int i = 0; i < nkv; i++)
		if (kv[i].s)
			pg_param_text(p, kv[i].s);
		else
			pg_param_int(p, kv[i].i);
}

static void read_row(const PGresult *res, int row, const struct kind_desc *d, struct rec *out)
{
	out->kind = d->kind;
	for (int i = 0; i < d->ncols; i++) {
		struct val *v = &out->v[i];
		v->null = PQgetisnull(res, row, i);
		bool text = schema_col_is_text(d->cols[i].type);
		v->i = v->null || text ? 0 : pg_int(res, row, i);
		v->s = text && !v->null ? PQgetvalue(res, row, i) : NULL;
	}
}

/* The hash of a key by its natural values as text, the way a row of a get reads them. */
static uint64_t natural_hash(const struct kind_desc *d, const char *const *text)
{
	uint64_t h = PG_HASH_SEED;
	for (int i = 0; i < d->ncols; i++)
		if (d->cols[i].key)
			h = pg_hash(h, text[i], strlen(text[i]) + 1);
	return h | 1; /* never 0, the free mark */
}

static void rec_texts(const struct kind_desc *d, const struct rec *r, char num[][24],
		      const char **text)
{
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		if (schema_col_is_text(d->cols[i].type)) {
			text[i] = r->v[i].s ? r->v[i].s : "";
		} else {
			snprintf(num[i], sizeof num[i], "%" PRId64, r->v[i].i);
			text[i] = num[i];
		}
	}
}

void pg_readahead_drop(struct pg_store *q)
{
	PQclear(q->ra.res);
	q->ra.res = NULL;
	q->ra.kind = -1;
}

/* The natural text of column col of read-ahead row r; NULL for SQL NULL or a reference to a
 * row that does not exist. */
static const char *ra_text(const struct pg_readahead *ra, int r, int col, int ncols)
{
	if (PQgetisnull(ra->res, r, col))
		return NULL;
	long off = ra->off[(size_t)r * (size_t)ncols + (size_t)col];
	return off >= 0 ? ra->text.p + off : PQgetvalue(ra->res, r, col);
}

static void ra_row(const struct pg_readahead *ra, int r, const struct kind_desc *d, struct rec *out)
{
	out->kind = d->kind;
	for (int i = 0; i < d->ncols; i++) {
		struct val *v = &out->v[i];
		const char *t = ra_text(ra, r, i, d->ncols);
		bool text = schema_col_is_text(d->cols[i].type);
		v->null = t == NULL;
		v->i = v->null || text ? 0 : strtoll(t, NULL, 10);
		v->s = text ? t : NULL;
	}
}

/* Fetches every record of kind k that entry lseq wrote and indexes them by key. */
static int readahead_load(struct pg_store *q, enum rec_kind k, int64_t lseq)
{
	const struct kind_desc *d = schema_kind(k);
	struct pg_readahead *ra = &q->ra;
	struct pg_params p = {0};
	PGresult *res;
	int64_t *ids = NULL;
	pg_readahead_drop(q);
	pg_param_int(&p, lseq);
	int rc = rec_run(q, k, PG_BY_LSEQ, &p, &res, "get");
	if (rc)
		return rc;
	int n = PQntuples(res);
	size_t cap = 64, cells = (size_t)n * (size_t)d->ncols;
	while (cap < 2 * (size_t)n)
		cap *= 2;
	if (cap > ra->cap || cells > ra->offcap) {
		free(ra->slot);
		free(ra->row);
		free(ra->off);
		ra->row = malloc(cap * sizeof *ra->row);
		ra->slot = malloc(cap * sizeof *ra->slot);
		ra->off = malloc((cells + 1) * sizeof *ra->off);
		ra->cap = ra->row && ra->slot && ra->off ? cap : 0;
		ra->offcap = ra->cap ? cells : 0;
		if (!ra->cap) {
			rc = WG_ENOMEM;
			goto cleanup;
		}
	}
	/* references back to natural keys: the cache, one query per column for the rest */
	ids = malloc(((size_t)n + 1) * sizeof *ids);
	if (!ids) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	dbuf_reset(&ra->text);
	for (int i = 0; i < d->ncols; i++) {
		bool ref = schema_col_is_ref(k, d->cols[i].type);
		for (int r = 0; r < n; r++) {
			ra->off[(size_t)r * (size_t)d->ncols + (size_t)i] = -1;
			ids[r] = ref ? pg_int(res, r, i) : 0;
		}
		if (!ref)
			continue;
		if ((rc = pg_ref_keys(q, d->cols[i].type, ids, n)))
			goto cleanup;
		for (int r = 0; r < n; r++) {
			const char *key = pg_ref_key(q, d->cols[i].type, ids[r]);
			/* evicted by another id of this batch, or gone: the row is not indexed
			 * and a get for it asks the server */
			long off = (long)ra->text.len;
			if (!key)
				key = "";
			if (dbuf_add(&ra->text, key, strlen(key) + 1) < 0) {
				rc = WG_ENOMEM;
				goto cleanup;
			}
			ra->off[(size_t)r * (size_t)d->ncols + (size_t)i] =
				pg_ref_key(q, d->cols[i].type, ids[r]) ? off : -2;
		}
	}
	memset(ra->slot, 0, ra->cap * sizeof *ra->slot);
	size_t mask = ra->cap - 1;
	for (int r = 0; r < n; r++) {
		const char *text[REC_MAXCOLS];
		bool usable = true;
		for (int i = 0; i < d->ncols && usable; i++) {
			usable = ra->off[(size_t)r * (size_t)d->ncols + (size_t)i] != -2;
			text[i] = PQgetvalue(res, r, i);
		}
		if (!usable)
			continue;
		ra->res = res; /* ra_text reads it */
		for (int i = 0; i < d->ncols; i++)
			if (d->cols[i].key)
				text[i] = ra_text(ra, r, i, d->ncols);
		uint64_t h = natural_hash(d, text);
		size_t j = h & mask;
		while (ra->slot[j])
			j = (j + 1) & mask;
		ra->slot[j] = h;
		ra->row[j] = r;
	}
	ra->res = res;
	res = NULL;
	ra->kind = k;
	ra->lseq = lseq;
cleanup:
	PQclear(res);
	if (rc)
		ra->res = NULL;
	free(ids);
	return rc;
}

/* The read-ahead row holding key, or -1. */
static int readahead_find(const struct pg_store *q, const struct rec *key)
{
	const struct pg_readahead *ra = &q->ra;
	if (ra->kind != (int)key->kind)
		return -1;
	const struct kind_desc *d = schema_kind(key->kind);
	char num[REC_MAXCOLS][24];
	const char *text[REC_MAXCOLS];
	rec_texts(d, key, num, text);
	uint64_t h = natural_hash(d, text);
	size_t mask = ra->cap - 1;
	for (size_t j = h & mask; ra->slot[j]; j = (j + 1) & mask) {
		if (ra->slot[j] != h)
			continue;
		bool same = true;
		for (int i = 0; i < d->ncols && same; i++) {
			const char *t =
				d->cols[i].key ? ra_text(ra, ra->row[j], i, d->ncols) : NULL;
			same = !d->cols[i].key || (t && strcmp(t, text[i]) == 0);
		}
		if (same)
			return ra->row[j];
	}
	return -1;
}

/* Whether the record with r's key exists, for a get (found: *res holds it, caller clears)
 * or an insert's conflict check (res NULL). Answers from the tracked keys when it can. */
static int lookup(struct pg_store *q, const struct rec *r, PGresult **res)
{
	struct keyval kv[REC_MAXCOLS];
	int nkv, rc;
	uint64_t h;
	int64_t project;
	if ((rc = resolve_key(q, r, kv, &nkv, &h, &project)))
		return rc; /* an unknown reference: no such record */
	/* when the key's scope held nothing as this transaction began and the key is not one
	 * we inserted, it does not exist */
	bool mine = pg_track_has(q, h), empty = false;
	if (!mine && (rc = pg_scope_empty(q, r->kind, project, &empty)))
		return rc;
	if (empty && !mine)
		return WG_ENOTFOUND;
	if (mine && q->buf[r->kind].rows && (rc = pg_flush_upto(q, r->kind)))
		return rc;
	struct pg_params p = {0};
	add_key_params(&p, kv, nkv);
	PGresult *got;
	if ((rc = rec_run(q, r->kind, PG_GET, &p, &got, "get")))
		return rc;
	rc = PQntuples(got) ? WG_OK : WG_ENOTFOUND;
	if (rc == WG_OK && res)
		*res = got;
	else
		PQclear(got);
	return rc;
}

int pg_rec_get(struct store *s, const struct rec *key, struct rec *cur, int64_t *lseq)
{
	struct pg_store *q = (struct pg_store *)s;
	const struct kind_desc *d = schema_kind(key->kind);
	PGresult *res;
	int row = q->in_tx ? -1 : readahead_find(q, key), rc;
	if (row >= 0) {
		ra_row(&q->ra, row, d, cur);
		*lseq = pg_int(q->ra.res, row, d->ncols);
		return WG_OK;
	}
	if ((rc = lookup(q, key, &res)))
		return rc;
	read_row(res, 0, d, cur);
	*lseq = pg_int(res, 0, d->ncols);
	pg_hand_out(q, res); /* cur's text lives in it until the next get */
	/* a reader walking the ledger asks for this entry's other records next */
	if (!q->in_tx && (q->ra.kind != (int)key->kind || q->ra.lseq != *lseq) &&
	    (rc = readahead_load(q, key->kind, *lseq)))
		return rc;
	return WG_OK;
}

/* Appends one stored value to a COPY line: NULL, a row id, text or an integer. The
 * project's region goes into *region when asked. */
static int copy_val(struct pg_store *q, struct dbuf *line, enum rec_kind k,
		    const struct col_desc *c, const struct val *v, int64_t *region)
{
	if (v->null)
		return pg_copy_text(line, NULL) < 0 ? WG_ENOMEM : WG_OK;
	if (schema_col_is_ref(k, c->type)) {
		int64_t id, reg;
		int rc = pg_ref_id(q, c->type, v->s, &id, &reg);
		if (rc)
			return rc;
		if (region)
			*region = reg;
		return pg_copy_int(line, id) < 0 ? WG_ENOMEM : WG_OK;
	}
	if (schema_col_is_text(c->type))
		return pg_copy_text(line, v->s) < 0 ? WG_ENOMEM : WG_OK;
	return pg_copy_int(line, v->i) < 0 ? WG_ENOMEM : WG_OK;
}

static int unknown_ref(struct pg_store *q, const struct kind_desc *d, const struct rec *r, int i)
{
	snprintf(q->base.errmsg, sizeof q->base.errmsg, "%s: unknown %s '%s'", d->name,
		 d->cols[i].name, r->v[i].s);
	return WG_EINPUT;
}

int pg_rec_insert(struct store *s, const struct rec *r, int64_t lseq)
{
	struct pg_store *q = (struct pg_store *)s;
	const struct kind_desc *d = schema_kind(r->kind);
	struct dbuf line = DBUF_INIT;
	struct keyval kv[REC_MAXCOLS];
	int nkv, rc = WG_OK;
	uint64_t h;
	int64_t region = 0, project;
	pg_readahead_drop(q);
	for (int i = 0; i < d->ncols; i++) {
		if (i && dbuf_addc(&line, '\t') < 0) {
			rc = WG_ENOMEM;
			goto cleanup;
		}
		rc = copy_val(q, &line, r->kind, &d->cols[i], &r->v[i],
			      i == d->region_from ? &region : NULL);
		if (rc == WG_ENOTFOUND)
			rc = unknown_ref(q, d, r, i);
		if (rc)
			goto cleanup;
	}
	if ((d->region_from >= 0 &&
	     (dbuf_addc(&line, '\t') < 0 || pg_copy_int(&line, region) < 0)) ||
	    dbuf_addc(&line, '\t') < 0 || pg_copy_int(&line, lseq) < 0 ||
	    dbuf_addc(&line, '\n') < 0) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	/* the key may exist: the importer then compares. Most keys are new, and for them the
	 * check needs no round trip (lookup) */
	rc = lookup(q, r, NULL);
	if (rc == WG_OK) {
		rc = WG_ECONFLICT;
		goto cleanup;
	}
	if (rc != WG_ENOTFOUND)
		goto cleanup;
	/* every key this transaction inserts is tracked before its row is buffered: a lookup
	 * must never miss a row that waits in a buffer */
	if ((rc = resolve_key(q, r, kv, &nkv, &h, &project)) || (rc = pg_track_reserve(q, 2)))
		goto cleanup;
	pg_track_add(q, h);
	if (r->kind == REC_EMPLOYMENT)
		pg_track_add(q, pg_pair_hash(kv[0].i, kv[1].i));
	rc = pg_copy_row(q, r->kind, &line);
cleanup:
	dbuf_release(&line);
	return rc;
}

int pg_rec_update(struct store *s, const struct rec *r, int64_t lseq)
{
	struct pg_store *q = (struct pg_store *)s;
	const struct kind_desc *d = schema_kind(r->kind);
	struct pg_params p = {0};
	struct keyval kv[REC_MAXCOLS];
	int nkv, rc;
	uint64_t h;
	int64_t region = 0, project;
	/* updates are rare (amendments, a payment's status): flush rather than patch buffers */
	pg_readahead_drop(q);
	if ((rc = pg_flush_upto(q, r->kind)))
		return rc;
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].key)
			continue;
		const struct val *v = &r->v[i];
		if (v->null) {
			pg_param_text(&p, NULL);
		} else if (schema_col_is_ref(r->kind, d->cols[i].type)) {
			int64_t id, reg;
			rc = pg_ref_id(q, d->cols[i].type, v->s, &id, &reg);
			if (rc == WG_ENOTFOUND)
				return unknown_ref(q, d, r, i);
			if (rc)
				return rc;
			if (i == d->region_from)
				region = reg;
			pg_param_int(&p, id);
		} else if (schema_col_is_text(d->cols[i].type)) {
			pg_param_text(&p, v->s);
		} else {
			pg_param_int(&p, v->i);
		}
	}
	if ((rc = resolve_key(q, r, kv, &nkv, &h, &project)))
		return rc;
	pg_param_int(&p, lseq);
	add_key_params(&p, kv, nkv);
	if (d->region_from >= 0) {
		if (d->cols[d->region_from].key) {
			/* the project is part of the key: the region is its project's */
			int64_t id;
			if ((rc = pg_ref_id(q, COL_PROJECT, r->v[d->region_from].s, &id, &region)))
				return rc;
		}
		pg_param_int(&p, region);
	}
	PGresult *res;
	if ((rc = rec_run(q, r->kind, PG_UPDATE, &p, &res, "update")))
		return rc;
	bool moved = d->region_from >= 0 && strcmp(PQcmdTuples(res), "0") == 0;
	PQclear(res);
	if (moved) {
		/* the record's region changed (its project, or the project's region code): as
		 * on SQLite it now carries the new one, by delete and insert */
		struct pg_params k = {0};
		add_key_params(&k, kv, nkv);
		if ((rc = rec_run(q, r->kind, PG_DELETE, &k, &res, "update")))
			return rc;
		PQclear(res);
		if ((rc = pg_rec_insert(s, r, lseq)) || (rc = pg_flush_upto(q, r->kind)))
			return rc;
	}
	if (r->kind == REC_PROJECT || r->kind == REC_ENTERPRISE)
		pg_ref_forget(q); /* a cached region may have changed */
	return WG_OK;
}

int pg_rec_count(struct store *s, enum rec_kind kind, int64_t *n)
{
	struct pg_store *q = (struct pg_store *)s;
	char sql[96];
	int rc;
	if ((rc = pg_flush_all(q)) || (rc = pg_settle(q)))
		return rc;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", schema_kind(kind)->table);
	PGresult *res = PQexec(q->conn, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_fail(q, "count", res);
	} else {
		*n = pg_int(res, 0, 0);
	}
	PQclear(res);
	return rc;
}
