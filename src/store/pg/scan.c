/* scan.c — what the early-warning scan reads from the PostgreSQL store: the worker-month
 * attendance aggregate (days_apply, batched into one statement per few thousand changes),
 * ordered streams over projects, attendance, employments, payroll, payments and
 * allocations read through cursors in (project, person, period) order, key_of. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "store/scan.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

#define PG_SCAN_FETCH 2000

struct scan_cursor {
	struct pg_store *q;
	PGconn *conn; /* the store's, or its read connection */
	enum scan_stream what;
	char name[32];
	PGresult *batch;
	int row, rows;
	bool done;
};

/* Runs sql on conn; WG_OK or the failure in q's errmsg. */
static int run_on(struct pg_store *q, PGconn *conn, const char *sql, const char *what)
{
	PGresult *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = WG_OK;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		PGconn *saved = q->conn;
		q->conn = conn; /* pg_fail reads the connection's message */
		rc = pg_fail(q, what, res);
		q->conn = saved;
	}
	PQclear(res);
	return rc;
}

/* The read connection, opened on first use with the store's connection string. */
static int read_conn(struct pg_store *q)
{
	if (q->rconn && PQstatus(q->rconn) == CONNECTION_OK)
		return WG_OK;
	PQfinish(q->rconn);
	q->rconn = PQconnectdb(q->conninfo);
	if (PQstatus(q->rconn) != CONNECTION_OK) {
		int rc = run_on(q, q->rconn, "SELECT 1", "connect");
		PQfinish(q->rconn);
		q->rconn = NULL;
		return rc ? rc : WG_ESTORE;
	}
	return run_on(q, q->rconn, "SET client_encoding = 'UTF8'", "connect");
}

int pg_scan_open(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi,
		 struct scan_cursor **out)
{
	struct pg_store *q = (struct pg_store *)s;
	int rc;
	if ((rc = pg_flush_all(q)) || (rc = pg_settle(q)))
		return rc;
	struct scan_cursor *c = calloc(1, sizeof *c);
	if (!c)
		return WG_ENOMEM;
	c->q = q;
	c->what = what;
	c->conn = q->conn;
	if (!q->in_tx) {
		/* outside a write transaction: one read-only snapshot for every open stream, on
		 * a connection of their own, so the caller may begin a write meanwhile */
		if ((rc = read_conn(q)))
			goto fail;
		c->conn = q->rconn;
		if (q->rscans == 0 &&
		    (rc = run_on(q, c->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
				 "scan")))
			goto fail;
		q->rscans++;
	}
	snprintf(c->name, sizeof c->name, "wg_stream%d", ++q->scan_seq);
	struct dbuf sql = DBUF_INIT, body = DBUF_INIT;
	rc = scan_stream_sql(what, as_of, lo, hi, &body);
	if (!rc && dbuf_addf(&sql, "DECLARE %s NO SCROLL CURSOR FOR %s", c->name, body.p) < 0)
		rc = WG_ENOMEM;
	if (!rc)
		rc = run_on(q, c->conn, sql.p, "scan");
	dbuf_release(&sql);
	dbuf_release(&body);
	if (rc) {
		pg_scan_close(c);
		return rc;
	}
	*out = c;
	return WG_OK;
fail:
	free(c);
	return rc;
}

struct pg_row {
	const PGresult *b;
	int i;
};

static int64_t col_int(void *ctx, int col)
{
	const struct pg_row *r = ctx;
	return pg_int(r->b, r->i, col);
}

static const char *col_text(void *ctx, int col)
{
	const struct pg_row *r = ctx;
	return PQgetisnull(r->b, r->i, col) ? NULL : PQgetvalue(r->b, r->i, col);
}

int pg_scan_next(struct scan_cursor *c, struct scan_row *r)
{
	if (c->row >= c->rows) {
		if (c->done)
			return 0;
		char sql[64];
		PQclear(c->batch);
		snprintf(sql, sizeof sql, "FETCH %d FROM %s", PG_SCAN_FETCH, c->name);
		if (c->conn == c->q->conn)
			pg_stmt_park(c->q); /* a statement's rows still coming on this connection */
		c->batch = PQexec(c->conn, sql);
		if (PQresultStatus(c->batch) != PGRES_TUPLES_OK) {
			PGconn *saved = c->q->conn;
			c->q->conn = c->conn;
			int rc = pg_fail(c->q, "scan", c->batch);
			c->q->conn = saved;
			return rc;
		}
		c->rows = PQntuples(c->batch);
		c->row = 0;
		c->done = c->rows < PG_SCAN_FETCH;
		if (c->rows == 0)
			return 0;
	}
	struct pg_row row = {c->batch, c->row++};
	scan_decode(c->what, &(struct scan_cols){.ctx = &row, .i = col_int, .t = col_text}, r);
	return 1;
}

void pg_scan_close(struct scan_cursor *c)
{
	if (!c)
		return;
	struct pg_store *q = c->q;
	PQclear(c->batch);
	if (c->conn == q->rconn) {
		/* the last stream ends the read snapshot; its cursors close with it */
		if (--q->rscans == 0)
			run_on(q, c->conn, "ROLLBACK", "scan");
	} else if (q->in_tx && PQtransactionStatus(c->conn) == PQTRANS_INTRANS) {
		char sql[64];
		snprintf(sql, sizeof sql, "CLOSE %s", c->name);
		run_on(q, c->conn, sql, "scan");
	}
	free(c);
}

/* Keys asked for one after another are mostly of rows created together (a project's
 * workers, registered in one file): on a miss, the ids that follow come along, so a scan
 * printing its warnings does not pay a round trip for each name. */
#define PG_KEY_AHEAD 256

int pg_key_of(struct store *s, enum col_type t, int64_t id, char *buf, size_t n)
{
	struct pg_store *q = (struct pg_store *)s;
	const char *key = pg_ref_key(q, t, id);
	int64_t ids[PG_KEY_AHEAD];
	int rc;
	if (t == COL_PROJECT)
		q->hint_project = id; /* the worker asked for next is likely on it */
	if (!key && t == COL_PERSON) {
		/* a warning names its project first: everyone employed there in one query */
		if ((rc = pg_prefetch_people(q)) && rc != WG_ENOTFOUND)
			return rc;
		key = pg_ref_key(q, t, id);
	}
	if (!key) {
		if ((rc = t == COL_PERSON
			     ? pg_flush(q, PG_PERSON_BUF)
			     : pg_flush_upto(q, t == COL_PROJECT ? REC_PROJECT : REC_ENTERPRISE)))
			return rc;
		for (int i = 0; i < PG_KEY_AHEAD; i++)
			ids[i] = id + i;
		if ((rc = pg_ref_keys(q, t, ids, PG_KEY_AHEAD)))
			return rc;
		key = pg_ref_key(q, t, id);
	}
	if (!key)
		return WG_ENOTFOUND;
	snprintf(buf, n, "%s", key);
	return WG_OK;
}

static int add_arr(struct dbuf *b, int64_t v)
{
	return dbuf_addc(b, b->len ? ',' : '{') | pg_copy_int(b, v);
}

int pg_days_flush(struct pg_store *q)
{
	if (!q->ndays)
		return WG_OK;
	struct dbuf a[6] = {DBUF_INIT, DBUF_INIT, DBUF_INIT, DBUF_INIT, DBUF_INIT, DBUF_INIT};
	struct pg_params p = {0};
	PGresult *res = NULL;
	int rc = WG_OK, r = 0;
	for (int i = 0; i < PG_DAYS_SLOTS; i++) {
		const struct pg_days *d = &q->days[i];
		if (!d->used)
			continue;
		r |= add_arr(&a[0], d->project) | add_arr(&a[1], d->person) |
			add_arr(&a[2], d->period) | add_arr(&a[3], d->set) |
			add_arr(&a[4], d->clear) | add_arr(&a[5], d->region);
	}
	for (int i = 0; i < 6; i++) {
		r |= dbuf_addc(&a[i], '}');
		pg_param_text(&p, dbuf_str(&a[i]));
	}
	if (r) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	/* each key once per batch (combined in pg_days_apply), so one statement updates the
	 * months that exist and inserts the others; the chain lock keeps writers out */
	/* planned afresh: wm_days grows with the import that calls this */
	rc = pg_run_custom(
		q,
		"WITH i AS (SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[],"
		" $4::bigint[], $5::bigint[], $6::bigint[])"
		" AS i(project_id, person_id, period, s, c, region)),"
		" u AS (UPDATE wm_days w SET mask=(w.mask & ~i.c) | i.s FROM i"
		"  WHERE w.project_id=i.project_id AND w.person_id=i.person_id"
		"  AND w.period=i.period RETURNING w.project_id, w.person_id, w.period)"
		" INSERT INTO wm_days(project_id, person_id, period, mask, region)"
		" SELECT i.project_id, i.person_id, i.period, i.s, i.region FROM i"
		" WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.project_id=i.project_id"
		"  AND u.person_id=i.person_id AND u.period=i.period)",
		&p, &res, "days");
	PQclear(res);
cleanup:
	for (int i = 0; i < 6; i++)
		dbuf_release(&a[i]);
	memset(q->days, 0, PG_DAYS_SLOTS * sizeof *q->days);
	q->ndays = 0;
	return rc;
}

int pg_days_apply(struct store *s, const char *project, const char *id_number, int64_t period,
		  uint32_t set, uint32_t clear)
{
	struct pg_store *q = (struct pg_store *)s;
	int64_t pid, person, region, unused;
	int rc = pg_ref_id(q, COL_PROJECT, project, &pid, &region);
	if (rc == WG_OK)
		rc = pg_ref_id(q, COL_PERSON, id_number, &person, &unused);
	if (rc)
		return rc;
	if (!q->days && !(q->days = calloc(PG_DAYS_SLOTS, sizeof *q->days)))
		return WG_ENOMEM;
	int64_t key[3] = {pid, person, period};
	size_t mask = PG_DAYS_SLOTS - 1;
	size_t j = pg_hash(PG_HASH_SEED, key, sizeof key) & mask;
	for (; q->days[j].used; j = (j + 1) & mask) {
		struct pg_days *d = &q->days[j];
		if (d->project == pid && d->person == person && d->period == period) {
			/* this change after the earlier: (m & ~c1 | s1) & ~c2 | s2 */
			d->set = (d->set & ~clear) | set;
			d->clear |= clear;
			goto added;
		}
	}
	q->days[j] = (struct pg_days){pid, person, period, region, set, clear, true};
	q->ndays++;
added:
	if (q->ndays >= PG_DAYS_SLOTS / 2 || !q->in_tx)
		return pg_days_flush(q);
	return WG_OK;
}

int pg_days_clear(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	if (q->days)
		memset(q->days, 0, PG_DAYS_SLOTS * sizeof *q->days);
	q->ndays = 0;
	return pg_exec(q, "DELETE FROM wm_days", "days");
}
