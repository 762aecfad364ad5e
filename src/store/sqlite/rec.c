/* rec.c — the generic record operations of the SQLite backend: statements for get, insert,
 * update are built once per kind from the schema descriptors and kept prepared.
 * References travel as natural keys and are stored as row ids. */
#include <stdio.h>
#include <string.h>

#include "store/dialect.h"
#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

/* The statement of op for kind d, with $N parameters numbered in the order bind_val and
 * bind_key bind them. */
static int build_sql(const struct kind_desc *d, enum sq_stmt_op op, struct dbuf *b)
{
	int rc = 0, pos = 1;
	switch (op) {
	case SQ_GET: return schema_sql_get(d, b);
	case SQ_INSERT:
		/* the key may exist: the caller then compares (cheaper than a probe first) */
		rc |= dbuf_addf(b, "INSERT INTO %s(", d->table);
		rc |= schema_sql_columns(d, b);
		rc |= dbuf_adds(b, ") VALUES(");
		for (int i = 0; i < d->ncols + (d->region_from >= 0); i++)
			rc |= dbuf_addf(b, "$%d, ", pos++);
		rc |= dbuf_addf(b, "$%d) ON CONFLICT DO NOTHING", pos);
		break;
	case SQ_UPDATE:
		rc |= dbuf_addf(b, "UPDATE %s SET ", d->table);
		rc |= schema_sql_set(d, &pos, b);
		if (d->region_from >= 0)
			rc |= dbuf_addf(b, "region=$%d, ", pos++);
		rc |= dbuf_addf(b, "lseq=$%d", pos++);
		rc |= schema_sql_key_where(d, pos, b);
		break;
	default: return -1;
	}
	return rc;
}

static sqlite3_stmt *rec_stmt(struct sq_store *q, enum rec_kind k, enum sq_stmt_op op)
{
	if (!q->rec[k][op]) {
		struct dbuf b = DBUF_INIT, sql = DBUF_INIT;
		char err[128] = "out of memory";
		if (build_sql(schema_kind(k), op, &b) < 0 ||
		    sql_expand(DIALECT_SQLITE, b.p, &sql, err, sizeof err) < 0) {
			dbuf_release(&b);
			dbuf_release(&sql);
			snprintf(q->base.errmsg, sizeof q->base.errmsg, "sqlite: %s", err);
			return NULL;
		}
		int rc = sqlite3_prepare_v3(q->db, sql.p, -1, SQLITE_PREPARE_PERSISTENT,
					    &q->rec[k][op], NULL);
		dbuf_release(&b);
		dbuf_release(&sql);
		if (rc != SQLITE_OK) {
			sq_fail(q, "prepare");
			return NULL;
		}
	}
	/* every parameter is bound on each use: no need to clear bindings */
	sqlite3_reset(q->rec[k][op]);
	return q->rec[k][op];
}

/* Binds value v of column c at position pos; references are resolved to ids (and the
 * project's region into *region when asked). */
static int bind_val(struct sq_store *q, sqlite3_stmt *st, int pos, enum rec_kind k,
		    const struct col_desc *c, const struct val *v, int64_t *region)
{
	if (v->null)
		return sqlite3_bind_null(st, pos) == SQLITE_OK ? WG_OK : sq_fail(q, "bind");
	if (schema_col_is_ref(k, c->type)) {
		int64_t id, reg;
		int rc = sq_ref_id(q, c->type, v->s, &id, &reg);
		if (rc)
			return rc;
		if (region)
			*region = reg;
		return sqlite3_bind_int64(st, pos, id) == SQLITE_OK ? WG_OK : sq_fail(q, "bind");
	}
	if (schema_col_is_text(c->type))
		return sqlite3_bind_text(st, pos, v->s, -1, SQLITE_STATIC) == SQLITE_OK
			? WG_OK
			: sq_fail(q, "bind");
	return sqlite3_bind_int64(st, pos, v->i) == SQLITE_OK ? WG_OK : sq_fail(q, "bind");
}

/* Binds the key columns starting at position pos. */
static int bind_key(struct sq_store *q, sqlite3_stmt *st, int pos, const struct rec *r)
{
	const struct kind_desc *d = schema_kind(r->kind);
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		int rc = bind_val(q, st, pos++, r->kind, &d->cols[i], &r->v[i], NULL);
		if (rc)
			return rc;
	}
	return WG_OK;
}

static void read_row(sqlite3_stmt *st, const struct kind_desc *d, struct rec *out)
{
	out->kind = d->kind;
	for (int i = 0; i < d->ncols; i++) {
		struct val *v = &out->v[i];
		v->null = sqlite3_column_type(st, i) == SQLITE_NULL;
		v->i = v->null ? 0 : sqlite3_column_int64(st, i);
		v->s = schema_col_is_text(d->cols[i].type) && !v->null
			? (const char *)sqlite3_column_text(st, i)
			: NULL;
	}
}

int sq_rec_get(struct store *s, const struct rec *key, struct rec *cur, int64_t *lseq)
{
	struct sq_store *q = (struct sq_store *)s;
	const struct kind_desc *d = schema_kind(key->kind);
	sqlite3_stmt *st = rec_stmt(q, key->kind, SQ_GET);
	if (!st)
		return WG_ESTORE;
	int rc = bind_key(q, st, 1, key);
	if (rc)
		return rc; /* an unknown reference: no such record */
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "get");
	/* copy text out of the statement: later calls reuse it */
	dbuf_reset(&q->scratch);
	long off[REC_MAXCOLS];
	for (int i = 0; i < d->ncols; i++)
		off[i] = schema_col_is_text(d->cols[i].type) ? sq_keep(q, st, i) : -1;
	read_row(st, d, cur);
	for (int i = 0; i < d->ncols; i++)
		if (off[i] >= 0)
			cur->v[i].s = sq_kept(q, off[i]);
	*lseq = sqlite3_column_int64(st, d->ncols);
	sqlite3_reset(st);
	return WG_OK;
}

static int write_rec(struct sq_store *q, const struct rec *r, int64_t lseq, enum sq_stmt_op op)
{
	const struct kind_desc *d = schema_kind(r->kind);
	sqlite3_stmt *st = rec_stmt(q, r->kind, op);
	if (!st)
		return WG_ESTORE;
	int pos = 1, rc;
	int64_t region = 0;
	for (int i = 0; i < d->ncols; i++) {
		if (op == SQ_UPDATE && d->cols[i].key)
			continue;
		rc = bind_val(q, st, pos++, r->kind, &d->cols[i], &r->v[i],
			      i == d->region_from ? &region : NULL);
		if (rc == WG_ENOTFOUND) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg, "%s: unknown %s '%s'",
				 d->name, d->cols[i].name, r->v[i].s);
			return WG_EINPUT;
		}
		if (rc)
			return rc;
	}
	if (d->region_from >= 0) {
		if (op == SQ_UPDATE && d->cols[d->region_from].key) {
			/* the project is part of the key: look its region up for the SET */
			int64_t id;
			rc = sq_ref_id(q, COL_PROJECT, r->v[d->region_from].s, &id, &region);
			if (rc)
				return rc;
		}
		sqlite3_bind_int64(st, pos++, region);
	}
	sqlite3_bind_int64(st, pos++, lseq);
	if (op == SQ_UPDATE && (rc = bind_key(q, st, pos, r)))
		return rc;
	int step = sqlite3_step(st);
	if (step != SQLITE_DONE) {
		rc = sq_fail(q, op == SQ_INSERT ? "insert" : "update");
		sqlite3_reset(st);
		return rc;
	}
	if (op == SQ_INSERT && sqlite3_changes(q->db) == 0)
		return WG_ECONFLICT;
	if (op == SQ_UPDATE && (r->kind == REC_PROJECT || r->kind == REC_ENTERPRISE))
		sq_ref_forget(q); /* a cached region may have changed */
	return WG_OK;
}

int sq_rec_insert(struct store *s, const struct rec *r, int64_t lseq)
{
	return write_rec((struct sq_store *)s, r, lseq, SQ_INSERT);
}

int sq_rec_update(struct store *s, const struct rec *r, int64_t lseq)
{
	return write_rec((struct sq_store *)s, r, lseq, SQ_UPDATE);
}

int sq_rec_count(struct store *s, enum rec_kind kind, int64_t *n)
{
	struct sq_store *q = (struct sq_store *)s;
	char sql[96];
	sqlite3_stmt *st = NULL;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", schema_kind(kind)->table);
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "count");
	int rc = sqlite3_step(st) == SQLITE_ROW ? WG_OK : sq_fail(q, "count");
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}
