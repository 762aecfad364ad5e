/* pg.c — the PostgreSQL backend's life cycle (libpq): connect, transactions that serialise
 * writers on the ledger chain, the prepared-statement cache and error mapping. Exports
 * store_pg_open; the operations live in rec.c, refs.c, ledger.c, scan.c, copy.c, stmt.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/backend.h"
#include "store/dialect.h"
#include "store/pg/pg.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

/* The advisory lock every write transaction holds: the ledger is one chain, each entry's hash
 * covers the one before, so two writers must never both append after the same head. The
 * number is arbitrary but fixed ("wgch"); advisory locks are per database. */
#define PG_CHAIN_LOCK "2003265384"

void pg_param_int(struct pg_params *p, int64_t v)
{
	snprintf(p->num[p->n], sizeof p->num[p->n], "%" PRId64, v);
	p->v[p->n] = p->num[p->n];
	p->n++;
}

void pg_param_text(struct pg_params *p, const char *s)
{
	p->v[p->n++] = s;
}

int pg_fail(struct pg_store *q, const char *what, const PGresult *res)
{
	/* the primary message alone: "ERROR:  " and the statement add nothing for a person */
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg || !*msg)
		msg = PQerrorMessage(q->conn);
	int n = (int)strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	snprintf(q->base.errmsg, sizeof q->base.errmsg, "pg: %s: %.*s", what, n, msg);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0))
		return WG_ERETRY;
	return WG_ESTORE;
}

int pg_settle(struct pg_store *q)
{
	pg_stmt_park(q);
	if (!q->copy_pending)
		return WG_OK;
	const char *what = q->copy_pending;
	q->copy_pending = NULL;
	PGresult *res = PQgetResult(q->conn);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? WG_OK : pg_fail(q, what, res);
	PQclear(res);
	/* the protocol wants every result read before the next command */
	while ((res = PQgetResult(q->conn)))
		PQclear(res);
	return rc;
}

int pg_exec(struct pg_store *q, const char *sql, const char *what)
{
	int rc = pg_settle(q);
	if (rc)
		return rc;
	PGresult *res = PQexec(q->conn, sql);
	ExecStatusType st = PQresultStatus(res);
	rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? WG_OK : pg_fail(q, what, res);
	PQclear(res);
	return rc;
}

int pg_run_named(struct pg_store *q, const char *name, bool *prepared, const char *sql,
		 const struct pg_params *p, PGresult **out, const char *what)
{
	PGresult *res;
	*out = NULL;
	int rc = pg_settle(q);
	if (rc)
		return rc;
	if (!*prepared) {
		res = PQprepare(q->conn, name, sql, 0, NULL);
		rc = PQresultStatus(res) == PGRES_COMMAND_OK ? WG_OK : pg_fail(q, what, res);
		PQclear(res);
		if (rc)
			return rc;
		*prepared = true;
	}
	res = PQexecPrepared(q->conn, name, p ? p->n : 0, p ? p->v : NULL, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		rc = pg_fail(q, what, res);
		PQclear(res);
		return rc;
	}
	*out = res;
	return WG_OK;
}

int pg_run(struct pg_store *q, int slot, const char *sql, const struct pg_params *p, PGresult **out,
	   const char *what)
{
	char name[16];
	snprintf(name, sizeof name, "n%d", slot);
	return pg_run_named(q, name, &q->prepared[slot], sql, p, out, what);
}

int pg_run_custom(struct pg_store *q, const char *sql, const struct pg_params *p, PGresult **out,
		  const char *what)
{
	*out = NULL;
	int rc = pg_settle(q);
	if (rc)
		return rc;
	PGresult *res =
		PQexecParams(q->conn, sql, p ? p->n : 0, NULL, p ? p->v : NULL, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		rc = pg_fail(q, what, res);
		PQclear(res);
		return rc;
	}
	*out = res;
	return WG_OK;
}

void pg_hand_out(struct pg_store *q, PGresult *res)
{
	PQclear(q->res);
	q->res = res;
}

int64_t pg_int(const PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* Notices ("relation already exists, skipping") are not for the user's terminal. */
static void pg_ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void pg_close(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	if (q->conn && (q->in_tx || q->copy_pending)) {
		pg_settle(q); /* its failure is moot: everything is rolled back */
		pg_exec(q, "ROLLBACK", "rollback");
	}
	stmt_map_release(&q->stmts, stmt_free);
	stmt_keep_clear(s);
	dbuf_release(&q->sqlbuf);
	PQclear(q->res);
	pg_readahead_drop(q);
	free(q->ra.slot);
	free(q->ra.row);
	free(q->ra.off);
	dbuf_release(&q->ra.text);
	PQfinish(q->conn);
	pg_track_reset(q, true);
	for (int i = 0; i < PG_NBUF; i++)
		dbuf_release(&q->buf[i].data);
	free(q->track.slot);
	free(q->days);
	PQfinish(q->rconn);
	free(q->conninfo);
	free(q);
}

static int pg_begin(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	if (q->in_tx) {
		snprintf(s->errmsg, sizeof s->errmsg, "pg: begin: a transaction is already open");
		WG_BUG("pg_begin inside a transaction");
		return WG_ESTORE;
	}
	/* READ COMMITTED after the chain lock: every statement sees every writer that finished
	 * before us, and no writer runs beside us, so the transaction behaves as serial without
	 * the aborts SERIALIZABLE would add. The lock is the first statement for that reason. */
	int rc = pg_exec(q,
			 "BEGIN ISOLATION LEVEL READ COMMITTED; "
			 "SELECT pg_advisory_xact_lock(" PG_CHAIN_LOCK ")",
			 "begin");
	if (rc) {
		pg_exec(q, "ROLLBACK", "rollback");
		return rc;
	}
	q->in_tx = true;
	pg_track_reset(q, true);
	pg_readahead_drop(q);
	/* people employed on a project may have changed since the last transaction */
	memset(q->prefetched, 0, sizeof q->prefetched);
	return WG_OK;
}

static int pg_commit(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	int rc = pg_flush_all(q);
	if (!rc)
		rc = pg_settle(q);
	if (rc)
		return rc; /* the caller rolls back */
	PGresult *res = PQexec(q->conn, "COMMIT");
	/* COMMIT of a failed transaction reports success with the tag ROLLBACK */
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_fail(q, "commit", res);
	} else if (strcmp(PQcmdStatus(res), "COMMIT") != 0) {
		snprintf(s->errmsg, sizeof s->errmsg,
			 "pg: commit: the transaction was rolled back");
		rc = WG_ESTORE;
	}
	PQclear(res);
	q->in_tx = false;
	pg_track_reset(q, true);
	if (rc)
		pg_ref_forget(q);
	return rc;
}

static int pg_rollback(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	/* ids handed out inside the transaction are gone with it */
	pg_ref_forget(q);
	pg_track_reset(q, true);
	q->nperson_ids = 0; /* numbers drawn in the transaction may be reused by nobody: skip */
	q->in_tx = false;
	pg_settle(q); /* a failed COPY in flight is moot now */
	return pg_exec(q, "ROLLBACK", "rollback");
}

/* Another connection to the same database, for a scan thread. */
static int pg_clone(struct store *s, struct store **out, char *err, size_t errsz)
{
	return store_pg_open(out, ((struct pg_store *)s)->conninfo, err, errsz);
}

/* PostgreSQL has no cheap "changed since" for the whole database: no read caching. */
static int pg_data_version(struct store *s, int64_t *v)
{
	(void)s;
	*v = 0;
	return WG_ENOTFOUND;
}

const struct store_ops pg_ops = {
	.close = pg_close,
	.clone = pg_clone,
	.data_version = pg_data_version,
	.migrate = pg_migrate,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.rec_get = pg_rec_get,
	.rec_insert = pg_rec_insert,
	.rec_update = pg_rec_update,
	.rec_count = pg_rec_count,
	.ref_exists = pg_ref_exists,
	.person_ensure = pg_person_ensure,
	.employment_overlap = pg_employment_overlap,
	.ledger_head = pg_ledger_head,
	.ledger_append = pg_ledger_append,
	.ledger_get = pg_ledger_get,
	.ledger_scan = pg_ledger_scan,
	.days_apply = pg_days_apply,
	.days_clear = pg_days_clear,
	.scan_open = pg_scan_open,
	.scan_next = pg_scan_next,
	.scan_close = pg_scan_close,
	.key_of = pg_key_of,
};

int store_pg_open(struct store **out, const char *conninfo, char *err, size_t errsz)
{
	struct pg_store *q = calloc(1, sizeof *q);
	if (!q)
		return WG_ENOMEM;
	q->base.ops = &pg_ops;
	q->base.stmt = &pg_stmt_ops;
	q->base.dialect = DIALECT_PG;
	q->ra.kind = -1;
	int rc = WG_OK, applied;
	for (int i = 0; i < PG_NBUF; i++)
		q->buf[i].data.max = 4 * PG_COPY_BYTES;
	q->conninfo = strdup(conninfo);
	q->conn = PQconnectdb(conninfo);
	if (!q->conninfo || PQstatus(q->conn) != CONNECTION_OK) {
		pg_fail(q, "connect", NULL);
		rc = WG_ESTORE;
		goto fail;
	}
	PQsetNoticeProcessor(q->conn, pg_ignore_notice, NULL);
	/* text we send and read is UTF-8 whatever the server's default; day numbers and
	 * integers need no other setting */
	if ((rc = pg_exec(q, "SET client_encoding = 'UTF8'; SET application_name = 'wageguard'",
			  "connect")))
		goto fail;
	if ((rc = pg_migrate(&q->base, &applied)))
		goto fail;
	*out = &q->base;
	return WG_OK;
fail:
	snprintf(err, errsz, "%s", q->base.errmsg);
	pg_close(&q->base);
	return rc;
}
