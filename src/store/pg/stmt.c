/* stmt.c — store/stmt.h on PostgreSQL (libpq): a statement is prepared on the server on its
 * first run, with the parameter types of that run's bindings (int8, text, bytea; byte strings
 * travel in binary), and its rows are read one at a time (single-row mode), so a large result
 * never sits whole in memory. A statement still reading when the connection is wanted for
 * another command is parked: the rest of its rows are read into memory and it goes on from
 * there. Results come as text; bytea is decoded. */
#include "store/backend.h"
#include "store/stmt.h"

#include <stdlib.h>
#include <string.h>

#include "store/dialect.h"
#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

static void pg_stmt_free(struct stmt *b);
static void pg_stmt_reset(struct stmt *b);

/* Type OIDs (server/catalog/pg_type_d.h, stable) */
#define OID_BYTEA 17
#define OID_INT8 20
#define OID_TEXT 25

#define STMT_MAXPARAMS 32

enum stmt_state {
	ST_IDLE,   /* bound, not run */
	ST_STREAM, /* its rows are being read from the connection (q->active) */
	ST_PARKED, /* the rest of its rows are in memory */
	ST_DONE,
};

struct pg_stmt {
	struct stmt base;
	struct pg_store *q;
	const char *sql; /* as written, for messages */
	char *text;      /* as expanded for PostgreSQL */
	char name[16];   /* "" for a statement of one call (run unnamed) */
	bool prepared;
	enum stmt_state state;
	int n; /* highest parameter bound */
	Oid types[STMT_MAXPARAMS];
	const char *vals[STMT_MAXPARAMS];
	int lens[STMT_MAXPARAMS], fmts[STMT_MAXPARAMS];
	char *own[STMT_MAXPARAMS]; /* copies of text and blobs */
	bool nomem;                /* a copy could not be made: the run fails */
	char num[STMT_MAXPARAMS][24];
	PGresult *row; /* the current row (a single-row result) */
	PGresult **parked;
	size_t nparked, iparked, capparked;
	int err; /* a parked statement's failure, returned after its rows */
	char errmsg[sizeof(((struct store *)0)->errmsg)];
	int64_t changes;
	unsigned char *blob; /* the last bytea column decoded */
	size_t blobcap;
};

static void name_sql(const char *sql, char *out, size_t n)
{
	size_t len = strlen(sql), cut = len < 40 ? len : 40;
	while (cut < len && cut > 20 && sql[cut] != ' ')
		cut--;
	snprintf(out, n, "%.*s%s", (int)cut, sql, cut < len ? "…" : "");
}

/* pg_fail naming the statement, with a unique-key violation as WG_ECONFLICT. */
static int fail(struct pg_stmt *st, const PGresult *res)
{
	char what[64];
	name_sql(st->sql, what, sizeof what);
	int rc = pg_fail(st->q, what, res);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	return state && strcmp(state, "23505") == 0 ? WG_ECONFLICT : rc;
}

static void clear_params(struct pg_stmt *st)
{
	for (int i = 0; i < st->n; i++) {
		free(st->own[i]);
		st->own[i] = NULL;
		st->vals[i] = NULL;
	}
	st->n = 0;
	st->nomem = false;
}

static void clear_rows(struct pg_stmt *st)
{
	PQclear(st->row);
	st->row = NULL;
	for (size_t i = st->iparked; i < st->nparked; i++)
		PQclear(st->parked[i]);
	st->nparked = st->iparked = 0;
}

/* Reads what is left of the active statement's result; keep: into memory, else dropped. */
static void drain(struct pg_stmt *st, bool keep)
{
	struct pg_store *q = st->q;
	PGresult *res;
	while ((res = PQgetResult(q->conn))) {
		ExecStatusType s = PQresultStatus(res);
		if (s == PGRES_SINGLE_TUPLE && keep) {
			if (st->nparked == st->capparked) {
				size_t cap = st->capparked ? st->capparked * 2 : 64;
				PGresult **p = realloc(st->parked, cap * sizeof *p);
				if (!p) {
					PQclear(res);
					if (!st->err) {
						st->err = WG_ENOMEM;
						snprintf(st->errmsg, sizeof st->errmsg,
							 "out of memory");
					}
					keep = false;
					continue;
				}
				st->parked = p;
				st->capparked = cap;
			}
			st->parked[st->nparked++] = res;
			continue;
		}
		if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
			st->changes = strtoll(PQcmdTuples(res), NULL, 10);
		else if (s != PGRES_SINGLE_TUPLE && keep && !st->err) {
			st->err = fail(st, res);
			snprintf(st->errmsg, sizeof st->errmsg, "%s", q->base.errmsg);
		}
		PQclear(res);
	}
	q->active = NULL;
}

void pg_stmt_park(struct pg_store *q)
{
	struct pg_stmt *st = (struct pg_stmt *)q->active;
	if (!st)
		return;
	drain(st, true);
	st->state = ST_PARKED;
}

static struct stmt *pg_stmt_get(struct store *s, const void *key, const char *sql)
{
	struct pg_store *q = (struct pg_store *)s;
	/* a read sees every earlier write of this connection: COPY buffers go first */
	if (pg_flush_all(q) || pg_settle(q))
		return NULL;
	struct stmt *found = key ? stmt_map_get(&q->stmts, key) : NULL;
	if (found) {
		pg_stmt_reset(found);
		return found;
	}
	char err[128];
	if (sql_expand(DIALECT_PG, sql, &q->sqlbuf, err, sizeof err) < 0) {
		snprintf(s->errmsg, sizeof s->errmsg, "pg: %s", err);
		return NULL;
	}
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (!st || !(st->text = strdup(q->sqlbuf.p))) {
		free(st);
		snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
		return NULL;
	}
	st->base.ops = &pg_stmt_ops;
	st->base.store = s;
	st->q = q;
	st->sql = sql;
	if (key) {
		snprintf(st->name, sizeof st->name, "k%d", ++q->stmt_seq);
		if (stmt_map_put(&q->stmts, key, &st->base) < 0) {
			snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
			pg_stmt_free(&st->base);
			return NULL;
		}
	}
	return &st->base;
}

static void pg_stmt_free(struct stmt *b)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	if (!st)
		return;
	if (st->q->active == &st->base)
		drain(st, false);
	clear_rows(st);
	clear_params(st);
	free(st->parked);
	free(st->blob);
	free(st->text);
	free(st);
}

/* Parameter i's slot, with its old copy freed; NULL when i is out of range (a bug). */
static int slot(struct pg_stmt *st, int i)
{
	if (i < 1 || i > STMT_MAXPARAMS) {
		WG_BUG("statement parameter out of range");
		return -1;
	}
	int k = i - 1;
	free(st->own[k]);
	st->own[k] = NULL;
	st->lens[k] = 0;
	st->fmts[k] = 0;
	if (i > st->n) {
		for (int j = st->n; j < k; j++)
			st->vals[j] = NULL;
		st->n = i;
	}
	return k;
}

/* The type the server plans the parameter with, fixed by the first run's binding. */
static void type(struct pg_stmt *st, int k, Oid t)
{
	if (!st->prepared)
		st->types[k] = t;
}

static void pg_stmt_bind_int(struct stmt *b, int i, int64_t v)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	int k = slot(st, i);
	if (k < 0)
		return;
	snprintf(st->num[k], sizeof st->num[k], "%lld", (long long)v);
	st->vals[k] = st->num[k];
	type(st, k, OID_INT8);
}

static void pg_stmt_bind_text(struct stmt *b, int i, const char *v)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	int k = slot(st, i);
	if (k < 0)
		return;
	st->own[k] = v ? strdup(v) : NULL;
	st->nomem |= v && !st->own[k];
	st->vals[k] = st->own[k];
	type(st, k, OID_TEXT);
}

static void pg_stmt_bind_null(struct stmt *b, int i)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	int k = slot(st, i);
	if (k < 0)
		return;
	st->vals[k] = NULL;
	type(st, k, OID_INT8);
}

static void pg_stmt_bind_blob(struct stmt *b, int i, const void *p, size_t n)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	int k = slot(st, i);
	if (k < 0)
		return;
	st->own[k] = malloc(n ? n : 1);
	st->nomem |= !st->own[k];
	if (st->own[k] && n)
		memcpy(st->own[k], p, n);
	st->vals[k] = st->own[k];
	st->lens[k] = (int)n;
	st->fmts[k] = 1;
	type(st, k, OID_BYTEA);
}

/* Sends the statement and switches the connection to single-row mode. */
static int run(struct pg_stmt *st)
{
	struct pg_store *q = st->q;
	int rc = pg_settle(q);
	if (rc)
		return rc;
	if (st->nomem) {
		snprintf(q->base.errmsg, sizeof q->base.errmsg, "out of memory");
		return WG_ENOMEM;
	}
	int sent;
	if (st->name[0]) {
		if (!st->prepared) {
			PGresult *res = PQprepare(q->conn, st->name, st->text, st->n, st->types);
			rc = PQresultStatus(res) == PGRES_COMMAND_OK ? WG_OK : fail(st, res);
			PQclear(res);
			if (rc)
				return rc;
			st->prepared = true;
		}
		sent = PQsendQueryPrepared(q->conn, st->name, st->n, st->vals, st->lens, st->fmts,
					   0);
	} else {
		sent = PQsendQueryParams(q->conn, st->text, st->n, st->types, st->vals, st->lens,
					 st->fmts, 0);
	}
	if (!sent)
		return fail(st, NULL);
	PQsetSingleRowMode(q->conn);
	q->active = &st->base;
	st->state = ST_STREAM;
	st->changes = 0;
	return WG_OK;
}

static int pg_stmt_step(struct stmt *b)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	int rc;
	PQclear(st->row);
	st->row = NULL;
	switch (st->state) {
	case ST_IDLE:
		if ((rc = run(st))) {
			st->state = ST_DONE;
			return rc;
		}
		/* fall through */
	case ST_STREAM: {
		PGresult *res = PQgetResult(st->q->conn);
		ExecStatusType s = PQresultStatus(res);
		if (res && s == PGRES_SINGLE_TUPLE) {
			st->row = res;
			return 1;
		}
		if (!res || s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK) {
			rc = WG_OK;
			if (res)
				st->changes = strtoll(PQcmdTuples(res), NULL, 10);
		} else {
			rc = fail(st, res);
		}
		PQclear(res);
		drain(st, false); /* the terminating NULL, and nothing else */
		st->state = ST_DONE;
		return rc;
	}
	case ST_PARKED:
		if (st->iparked < st->nparked) {
			st->row = st->parked[st->iparked++];
			return 1;
		}
		st->state = ST_DONE;
		st->nparked = st->iparked = 0;
		if (st->err) {
			snprintf(st->q->base.errmsg, sizeof st->q->base.errmsg, "%s", st->errmsg);
			rc = st->err;
			st->err = 0;
			return rc;
		}
		return 0;
	case ST_DONE: break;
	}
	return 0;
}

static int64_t pg_stmt_changes(struct stmt *b)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	return st->changes;
}

static void pg_stmt_reset(struct stmt *b)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	if (st->q->active == &st->base)
		drain(st, false);
	clear_rows(st);
	clear_params(st);
	st->err = 0;
	st->state = ST_IDLE;
}

static int pg_stmt_null(struct stmt *b, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	return !st->row || PQgetisnull(st->row, 0, col);
}

static int64_t pg_stmt_int(struct stmt *b, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	if (pg_stmt_null(b, col))
		return 0;
	const char *v = PQgetvalue(st->row, 0, col);
	/* booleans (x IS NOT NULL, comparisons) read as SQLite's do */
	if (v[0] == 't')
		return 1;
	if (v[0] == 'f')
		return 0;
	return strtoll(v, NULL, 10);
}

static const char *pg_stmt_text(struct stmt *b, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	return pg_stmt_null(b, col) ? NULL : PQgetvalue(st->row, 0, col);
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static const void *pg_stmt_blob(struct stmt *b, int col, size_t *n)
{
	struct pg_stmt *st = (struct pg_stmt *)b;
	*n = 0;
	if (pg_stmt_null(b, col))
		return NULL;
	const char *v = PQgetvalue(st->row, 0, col);
	size_t len = (size_t)PQgetlength(st->row, 0, col);
	if (PQftype(st->row, col) != OID_BYTEA || len < 2 || v[0] != '\\' || v[1] != 'x') {
		*n = len;
		return v;
	}
	size_t m = (len - 2) / 2;
	if (m + 1 > st->blobcap) {
		unsigned char *p = realloc(st->blob, m + 1);
		if (!p)
			return NULL;
		st->blob = p;
		st->blobcap = m + 1;
	}
	for (size_t i = 0; i < m; i++) {
		int hi = hexval(v[2 + 2 * i]), lo = hexval(v[3 + 2 * i]);
		if (hi < 0 || lo < 0)
			return NULL;
		st->blob[i] = (unsigned char)(hi << 4 | lo);
	}
	*n = m;
	return st->blob;
}

const struct stmt_ops pg_stmt_ops = {
	.get = pg_stmt_get,
	.free = pg_stmt_free,
	.bind_int = pg_stmt_bind_int,
	.bind_text = pg_stmt_bind_text,
	.bind_null = pg_stmt_bind_null,
	.bind_blob = pg_stmt_bind_blob,
	.step = pg_stmt_step,
	.reset = pg_stmt_reset,
	.changes = pg_stmt_changes,
	.null = pg_stmt_null,
	.int64 = pg_stmt_int,
	.text = pg_stmt_text,
	.blob = pg_stmt_blob,
};
