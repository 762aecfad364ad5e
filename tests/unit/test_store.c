/* test_store.c — the store contract: the same cases against whichever backend the run names,
 * so a query that behaves differently on SQLite and PostgreSQL fails here, in one place.
 * Without WG_STORE it runs on a fresh SQLite file; with WG_STORE=pg on a fresh database of the
 * server at WG_PG_URL (tests/run.sh runs it both ways). */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "store/credit.h"
#include "store/dialect.h"
#include "store/stmt.h"
#include "store/store.h"
#include "store/user.h"
#include "store/case.h"
#include "store/project.h"
#include "store/deposit.h"
#include "store/supervision.h"
#include "util/date.h"
#include "util/err.h"

static struct store *S;
static const char *NAME; /* "sqlite" or "pg", in every check's name */

/* Runs sql (no parameters) to the end; WG_OK or the error. */
static int run(const char *sql)
{
	struct stmt *st = stmt_get(S, NULL, sql);
	if (!st)
		return WG_ESTORE;
	int rc = stmt_exec(st);
	stmt_free(st);
	return rc;
}

/* The one integer sql returns; -999 on error. */
static int64_t one_int(const char *sql)
{
	struct stmt *st = stmt_get(S, NULL, sql);
	int64_t v = -999;
	if (st && stmt_step(st) == 1)
		v = stmt_int(st, 0);
	stmt_free(st);
	return v;
}

static void parameters(void)
{
	static const char KEY[] = "SELECT $2, $1, $2 || $1, $3 + 1, '$1', $4";
	struct stmt *st = stmt_get(S, KEY, KEY);
	CHECK(st != NULL, "%s: a statement with $N parameters prepares", NAME);
	if (!st)
		return;
	stmt_bind_text(st, 1, "a");
	stmt_bind_text(st, 2, "b");
	stmt_bind_int(st, 3, 41);
	stmt_bind_text(st, 4, "中文");
	int step = stmt_step(st);
	CHECK(step == 1, "%s: it returns a row", NAME);
	CHECK_STR(stmt_text(st, 0), "b", "%s: $2 in first place", NAME);
	CHECK_STR(stmt_text(st, 1), "a", "%s: $1 in second place", NAME);
	CHECK_STR(stmt_text(st, 2), "ba", "%s: a parameter used twice", NAME);
	CHECK(stmt_int(st, 3) == 42, "%s: an integer parameter", NAME);
	CHECK_STR(stmt_text(st, 4), "$1", "%s: $1 inside a string literal is left alone", NAME);
	CHECK_STR(stmt_text(st, 5), "中文", "%s: UTF-8 text comes back as sent", NAME);
	step = stmt_step(st);
	CHECK(step == 0, "%s: then the end", NAME);

	/* the same key again: reset, unbound, new values */
	struct stmt *again = stmt_get(S, KEY, KEY);
	CHECK(again == st, "%s: the same key gives the cached statement", NAME);
	stmt_bind_text(again, 1, "x");
	stmt_bind_text(again, 2, "y");
	stmt_bind_int(again, 3, -1);
	stmt_bind_text(again, 4, NULL);
	step = stmt_step(again);
	CHECK(step == 1 && strcmp(stmt_text(again, 2), "yx") == 0 && stmt_int(again, 3) == 0,
	      "%s: a cached statement runs again with new bindings", NAME);
	CHECK(stmt_null(again, 5) && stmt_text(again, 5) == NULL,
	      "%s: a NULL text binding reads back as NULL", NAME);
	stmt_reset(again);

	/* a statement left in the middle of its rows comes back from stmt_get reset */
	static const char ROWS[] = "SELECT 1 UNION ALL SELECT 2 ORDER BY 1";
	st = stmt_get(S, ROWS, ROWS);
	step = st ? stmt_step(st) : -1;
	CHECK(step == 1 && stmt_int(st, 0) == 1, "%s: first of two rows", NAME);
	st = stmt_get(S, ROWS, ROWS);
	step = st ? stmt_step(st) : -1;
	CHECK(step == 1 && stmt_int(st, 0) == 1, "%s: stmt_get again starts from the first row",
	      NAME);
	stmt_reset(st);
}

static void types(void)
{
	int rc = run("CREATE TABLE t_types(id " SQL_ID ", n " SQL_INT ", s TEXT, b " SQL_BLOB
		     ", UNIQUE(s))");
	CHECK(rc == WG_OK, "%s: a table written once with the DDL fragments", NAME);
	static const char INS[] = "INSERT INTO t_types(n, s, b) VALUES($1, $2, $3) RETURNING id";
	const unsigned char blob[5] = {0, 0xff, 'a', 0x80, 0};
	struct stmt *st = stmt_get(S, INS, INS);
	stmt_bind_int(st, 1, INT64_C(9007199254740993));
	stmt_bind_text(st, 2, "one");
	stmt_bind_blob(st, 3, blob, sizeof blob);
	int step = stmt_step(st);
	int64_t id1 = step == 1 ? stmt_int(st, 0) : 0;
	CHECK(step == 1 && id1 > 0, "%s: INSERT … RETURNING gives the new row's id", NAME);
	step = stmt_step(st);
	CHECK(step == 0 && stmt_changes(st) == 1, "%s: one row inserted", NAME);

	st = stmt_get(S, INS, INS);
	stmt_bind_null(st, 1);
	stmt_bind_text(st, 2, "two");
	stmt_bind_blob(st, 3, "", 0);
	step = stmt_step(st);
	int64_t id2 = step == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	CHECK(id2 > id1, "%s: ids number new rows upwards", NAME);

	st = stmt_get(S, INS, INS);
	stmt_bind_int(st, 1, 1);
	stmt_bind_text(st, 2, "one");
	stmt_bind_null(st, 3);
	step = stmt_step(st);
	CHECK(step == WG_ECONFLICT, "%s: a duplicate unique key is WG_ECONFLICT", NAME);
	CHECK(strstr(S->errmsg, "INSERT INTO t_types") != NULL,
	      "%s: the error names the statement (%s)", NAME, S->errmsg);

	static const char SEL[] = "SELECT n, s, b FROM t_types WHERE id=$1";
	st = stmt_get(S, SEL, SEL);
	stmt_bind_int(st, 1, id1);
	step = stmt_step(st);
	CHECK(step == 1, "%s: the row reads back", NAME);
	size_t n = 99;
	const unsigned char *b = stmt_blob(st, 2, &n);
	CHECK(stmt_int(st, 0) == INT64_C(9007199254740993), "%s: a 64-bit integer", NAME);
	CHECK(b && n == sizeof blob && memcmp(b, blob, n) == 0,
	      "%s: a blob with NUL and high bytes", NAME);
	st = stmt_get(S, SEL, SEL);
	stmt_bind_int(st, 1, id2);
	step = stmt_step(st);
	CHECK(step == 1 && stmt_null(st, 0) && stmt_int(st, 0) == 0,
	      "%s: a NULL integer reads as 0 and null", NAME);
	b = stmt_blob(st, 2, &n);
	CHECK(n == 0, "%s: an empty blob has size 0", NAME);
	stmt_reset(st);

	static const char UPD[] = "UPDATE t_types SET n=coalesce(n, 0)+$1 WHERE s<>$2";
	st = stmt_get(S, UPD, UPD);
	stmt_bind_int(st, 1, 1);
	stmt_bind_text(st, 2, "zzz");
	rc = stmt_exec(st);
	CHECK(rc == WG_OK && stmt_changes(st) == 2, "%s: UPDATE counts its rows", NAME);
	int64_t left = one_int("SELECT count(*) FROM t_types WHERE n IS NULL");
	CHECK(left == 0, "%s: the update happened", NAME);
	int64_t t = one_int("SELECT 1=1"), f = one_int("SELECT 1=2"),
		u = one_int("SELECT NULL IS NULL");
	CHECK(t == 1 && f == 0 && u == 1, "%s: truth values read as 1 and 0", NAME);
}

static void fragments(void)
{
	int rc = run("CREATE TABLE t_text(s TEXT NOT NULL)");
	if (!rc)
		rc = run("INSERT INTO t_text VALUES('b'), ('B'), ('a'), ('é'), ('z'), ('_')");
	CHECK(rc == WG_OK, "%s: texts to sort", NAME);
	struct stmt *st = stmt_get(S, NULL,
				   "SELECT " SQL_AGG "(s, ',') FROM (SELECT s FROM t_text"
				   " ORDER BY s" SQL_BYTES ") x");
	int step = st ? stmt_step(st) : -1;
	CHECK_STR(step == 1 ? stmt_text(st, 0) : NULL, "B,_,a,b,z,é",
		  "%s: byte order, joined in order", NAME);
	stmt_free(st);

	int32_t d = date_from_ymd(2024, 2, 29), d2 = date_from_ymd(1999, 12, 31);
	static const char PER[] = "SELECT " SQL_PERIOD("$1") ", " SQL_PERIOD("$2");
	st = stmt_get(S, PER, PER);
	stmt_bind_int(st, 1, d);
	stmt_bind_int(st, 2, d2);
	step = st ? stmt_step(st) : -1;
	CHECK(step == 1 && stmt_int(st, 0) == 2024 * 12 + 1 && stmt_int(st, 1) == 1999 * 12 + 11,
	      "%s: the month of a day", NAME);
	stmt_reset(st);

	static const char POP[] =
		"SELECT " SQL_POPCOUNT("$1") ", " SQL_POPCOUNT("$2") ", " SQL_POPCOUNT("$3");
	st = stmt_get(S, POP, POP);
	stmt_bind_int(st, 1, 0);
	stmt_bind_int(st, 2, 0x7fffffff);
	stmt_bind_int(st, 3, 0x80000005);
	step = st ? stmt_step(st) : -1;
	CHECK(step == 1 && stmt_int(st, 0) == 0 && stmt_int(st, 1) == 31 && stmt_int(st, 2) == 3,
	      "%s: bits set in a day mask", NAME);
	stmt_reset(st);

	/* what pay cycles rely on: an ordered subquery grouped by its leading column joins each
	 * group's texts in that order; nulls sort first */
	rc = run("CREATE TABLE t_pay(k " SQL_INT ", d " SQL_INT ", t TEXT)");
	if (!rc)
		rc = run("INSERT INTO t_pay VALUES(2, 5, 'x'), (1, 9, 'c'), (1, 3, 'b'), (2, 1, "
			 "'y'),"
			 " (1, 3, 'a'), (3, 0, NULL)");
	st = rc ? NULL
		: stmt_get(S, NULL,
			   "SELECT k, " SQL_AGG "(t, ';') FROM (SELECT k, t FROM t_pay"
			   " ORDER BY k, d, t" SQL_BYTES ") o GROUP BY k ORDER BY k");
	char got[64] = "";
	while (st && stmt_step(st) == 1) {
		size_t len = strlen(got);
		snprintf(got + len, sizeof got - len, "%lld=%s|", (long long)stmt_int(st, 0),
			 stmt_text(st, 1) ? stmt_text(st, 1) : "NULL");
	}
	stmt_free(st);
	CHECK_STR(got, "1=a;b;c|2=y;x|3=NULL|", "%s: texts joined per group in order", NAME);
	st = stmt_get(S, NULL, "SELECT t FROM t_pay WHERE d<4 ORDER BY t" SQL_BYTES " NULLS FIRST");
	got[0] = '\0';
	while (st && stmt_step(st) == 1) {
		size_t len = strlen(got);
		snprintf(got + len, sizeof got - len, "%s,",
			 stmt_text(st, 0) ? stmt_text(st, 0) : "-");
	}
	stmt_free(st);
	CHECK_STR(got, "-,a,b,y,", "%s: NULLS FIRST", NAME);

	int64_t v = one_int("SELECT " SQL_GREATEST "(3, 7, 5) * 10 + " SQL_LEAST "(3, 7, 5)");
	CHECK(v == 73, "%s: greatest and least", NAME);
	v = one_int("SELECT count(*) FROM t_text WHERE s > 'Z'" SQL_BYTES);
	CHECK(v == 5, "%s: comparison in byte order", NAME);
}

/* Statements interleaved: a second one runs while the first is between rows. */
static void nesting(void)
{
	static const char OUTER[] = "SELECT s FROM t_text ORDER BY s" SQL_BYTES;
	static const char INNER[] = "SELECT count(*) FROM t_text WHERE s<$1" SQL_BYTES;
	struct stmt *o = stmt_get(S, OUTER, OUTER);
	int rows = 0, ok = 1, step;
	while ((step = stmt_step(o)) == 1) {
		char s[16];
		snprintf(s, sizeof s, "%s", stmt_text(o, 0));
		struct stmt *in = stmt_get(S, INNER, INNER);
		stmt_bind_text(in, 1, s);
		ok &= stmt_step(in) == 1 && stmt_int(in, 0) == rows;
		stmt_reset(in);
		ok &= strcmp(stmt_text(o, 0), s) == 0;
		rows++;
	}
	CHECK(step == 0 && rows == 6 && ok, "%s: a statement runs between another's rows", NAME);

	stmt_keep_clear(S);
	static const char K[] = "SELECT 'kept', 'also'";
	struct stmt *st = stmt_get(S, K, K);
	const char *a = NULL, *b = NULL;
	if (st && stmt_step(st) == 1) {
		a = stmt_keep(st, 0);
		b = stmt_keep(st, 1);
	}
	stmt_reset(st);
	int64_t five = one_int("SELECT 5");
	CHECK(five == 5, "%s: another statement runs", NAME);
	CHECK(a && b && strcmp(a, "kept") == 0 && strcmp(b, "also") == 0,
	      "%s: kept text outlives its statement", NAME);
	stmt_keep_clear(S);
}

/* A read sees this connection's earlier writes, also those a backend buffers (COPY). */
static void flush_before_read(void)
{
	struct rec e = {.kind = REC_ENTERPRISE};
	e.v[0].s = "91330000000000001X";
	e.v[1].s = "测试建设有限公司";
	e.v[2].i = 330100;
	e.v[3].null = true;
	int rc = S->ops->begin(S);
	if (!rc)
		rc = S->ops->rec_insert(S, &e, 1);
	CHECK(rc == WG_OK, "%s: a record inserted in a transaction", NAME);
	static const char Q[] = "SELECT name FROM enterprises WHERE uscc=$1";
	struct stmt *st = stmt_get(S, Q, Q);
	stmt_bind_text(st, 1, e.v[0].s);
	int step = st ? stmt_step(st) : -1;
	CHECK_STR(step == 1 ? stmt_text(st, 0) : NULL, e.v[1].s,
		  "%s: a statement in the same transaction reads it", NAME);
	stmt_reset(st);
	rc = S->ops->rollback(S);
	CHECK(rc == WG_OK, "%s: rollback", NAME);
	st = stmt_get(S, Q, Q);
	stmt_bind_text(st, 1, e.v[0].s);
	step = st ? stmt_step(st) : -1;
	CHECK(step == 0, "%s: after rollback it is gone", NAME);
}

/* Credit (store/credit.h): a source counted once, events by USCC in byte order then day,
 * a missing period read as -1, a listing in force from its day to the day before it
 * expires or is removed. */
static int credit_collect(void *ctx, const struct credit_event *e)
{
	char *out = ctx;
	size_t n = strlen(out);
	snprintf(out + n, 256 - n, "%s:%lld:%lld:%lld;", e->source, (long long)e->on,
		 (long long)e->delta, (long long)e->period);
	return 0;
}

static void credit_contract(void)
{
	struct credit_event e = {.region = 330100,
				 .on = 20000,
				 .delta = -10,
				 .period = -1,
				 .uscc = "b",
				 .kind = "case_substantiated",
				 .source = "C1"};
	bool added = false;
	int rc = S->ops->begin(S);
	rc = rc ? rc : store_credit_event_add(S, &e, &added);
	CHECK(rc == WG_OK && added, "%s: a credit event is added", NAME);
	rc = store_credit_event_add(S, &e, &added);
	CHECK(rc == WG_OK && !added, "%s: the same source again adds nothing", NAME);
	e.on = 19990, e.source = "C0", e.period = 656;
	store_credit_event_add(S, &e, &added);
	e.uscc = "B", e.source = "C2", e.on = 30000, e.period = -1;
	store_credit_event_add(S, &e, &added);
	char got[256] = "";
	rc = store_credit_events(S, NULL, -1, credit_collect, got);
	CHECK_STR(got, "C2:30000:-10:-1;C0:19990:-10:656;C1:20000:-10:-1;",
		  "%s: events by USCC in byte order, then day", NAME);
	got[0] = 0;
	rc = store_credit_events(S, "b", 19999, credit_collect, got);
	CHECK_STR(got, "C0:19990:-10:656;", "%s: events of one USCC up to a day", NAME);
	struct credit_listing l = {.region = 330100,
				   .uscc = "b",
				   .status = "proposed",
				   .grounds = "mass_incident",
				   .deadline = 100,
				   .proposed_on = 200};
	rc = store_credit_listing_add(S, &l);
	CHECK(rc == WG_OK && l.id > 0, "%s: a listing procedure is numbered", NAME);
	struct credit_listing g;
	rc = store_credit_listing_get(S, l.id, &g);
	CHECK(rc == WG_OK && g.notified_on == -1 && g.listed_on == -1 && g.statement == NULL,
	      "%s: days not reached read -1, text NULL", NAME);
	g.status = "listed", g.listed_on = 300, g.expires_on = 1395, g.removed_on = 1000;
	g.removal = "early";
	rc = store_credit_listing_update(S, &g);
	bool listed = true;
	int64_t since = 0, live = 0;
	store_credit_listed(S, "b", 299, &listed, &since);
	CHECK(rc == WG_OK && !listed, "%s: not listed before the listing's day", NAME);
	store_credit_listed(S, "b", 300, &listed, &since);
	CHECK(listed && since == 300, "%s: listed from its day", NAME);
	store_credit_listed(S, "b", 999, &listed, &since);
	CHECK(listed, "%s: listed the day before its removal", NAME);
	store_credit_listed(S, "b", 1000, &listed, &since);
	CHECK(!listed, "%s: not listed from its removal", NAME);
	store_credit_listing_live(S, "b", 999, &live);
	CHECK(live == l.id, "%s: a listing in force is live", NAME);
	store_credit_listing_live(S, "b", 1000, &live);
	CHECK(live == 0, "%s: a removed listing is not", NAME);
	S->ops->rollback(S);
}

/* relief's store (store/case.h): gap-free counters that a rollback gives back, a case's days
 * read back as -1 where NULL, claims restated by source and summed, the scope of a list. */
static int count_cases(void *ctx, const struct case_row *c)
{
	(void)c;
	++*(int *)ctx;
	return 0;
}

static void relief(void)
{
	int64_t a = 0, b = 0, c = 0;
	int rc = S->ops->begin(S);
	rc = rc ? rc : store_counter_next(S, "t:1", &a);
	rc = rc ? rc : store_counter_next(S, "t:1", &b);
	rc = rc ? rc : S->ops->commit(S);
	CHECK(rc == WG_OK && a == 1 && b == 2, "%s: a counter starts at 1 and counts up", NAME);
	S->ops->begin(S);
	store_counter_next(S, "t:1", &c);
	S->ops->rollback(S);
	S->ops->begin(S);
	store_counter_next(S, "t:1", &c);
	S->ops->commit(S);
	CHECK(c == 3, "%s: a rolled-back number is given again (no gaps)", NAME);
	store_counter_next(S, "t:2", &c);
	CHECK(c == 1, "%s: each counter has its own sequence", NAME);

	struct case_row *r = calloc(1, sizeof *r), *g = calloc(1, sizeof *g);
	snprintf(r->number, sizeof r->number, "C330102-2026-00001");
	snprintf(r->channel, sizeof r->channel, "hotline");
	snprintf(r->employer, sizeof r->employer, "91330100MA2AAAAA3L");
	snprintf(r->status, sizeof r->status, "received");
	r->region = 330102;
	r->received = 20500;
	r->accept_by = 20507;
	r->accepted = r->rejected = r->conclude_by = r->conclude_by_original = r->closed = -1;
	r->substantiated = r->order_deadline = r->order_issued = r->order_ignored = -1;
	r->absconded = -1;
	r->reporter_anonymous = true;
	rc = store_case_insert(S, r);
	CHECK(rc == WG_OK && r->id > 0, "%s: a case is inserted", NAME);
	rc = store_case_get(S, r->number, g);
	CHECK(rc == WG_OK && g->accepted == -1 && g->closed == -1 && g->accept_by == 20507 &&
		      g->project[0] == '\0' && g->reporter_anonymous,
	      "%s: days not set read back as -1, an empty project as \"\"", NAME);
	CHECK(store_case_insert(S, r) == WG_ECONFLICT, "%s: a case number is unique", NAME);
	struct case_claim_row cl = {.who = "510122198503150028",
				    .id_number = "510122198503150028",
				    .source = "hotline",
				    .amount = 100};
	store_case_claim_put(S, r->id, r->region, &cl);
	cl.amount = 250; /* restated */
	store_case_claim_put(S, r->id, r->region, &cl);
	cl.source = "dispute:P:2026-05";
	cl.amount = 1000;
	store_case_claim_put(S, r->id, r->region, &cl);
	store_case_get(S, r->number, g);
	CHECK(g->claimed == 1250 && g->workers == 1,
	      "%s: a restated claim replaces, another source adds", NAME);
	int64_t id;
	char number[CASE_NUMBER_SZ];
	rc = store_case_find_open(S, "91330100MA2AAAAA3L", NULL, "510122198503150028", &id, number);
	CHECK(rc == WG_OK && id == r->id, "%s: the open case of a worker is found", NAME);
	int n = 0;
	struct case_filter f = {.scope_role = SCOPE_REGULATOR, .scope = "3301"};
	store_case_list(S, &f, count_cases, &n);
	CHECK(n == 1, "%s: a regulator of the city sees the district's case", NAME);
	n = 0;
	f.scope = "3302";
	store_case_list(S, &f, count_cases, &n);
	CHECK(n == 0, "%s: another city's regulator does not", NAME);
	free(r);
	free(g);
}

/* Deposits (store/deposit.c): gap-free document numbers by upsert, a NULL expiry read as -1,
 * a duplicate letter a conflict, balances summed from movements up to a day. */
static int count_deposit(void *ctx, const struct deposit *d)
{
	int *n = ctx;
	++*n;
	CHECK(d->expires_on == -1 && d->activated == 500 && d->replenished == 0,
	      "%s: a cash deposit lists no expiry and its activation up to the day", NAME);
	return 0;
}

static void deposits(void)
{
	int rc = run("INSERT INTO enterprises(uscc, name, region_code, lseq)"
		     " VALUES('91330000000000002X', 'D', 330106, 1)");
	if (!rc)
		rc = run("INSERT INTO projects(code, name, region_code, industry, owner_id,"
			 " contractor_id, contract_value, start_date, lseq) SELECT 'DP1', 'D',"
			 " 330106, 'housing', id, id, 100, 0, 1 FROM enterprises"
			 " WHERE uscc='91330000000000002X'");
	CHECK(rc == WG_OK, "%s: a project for deposits", NAME);
	int64_t n1 = 0, n2 = 0, n3 = 0, pid = one_int("SELECT id FROM projects WHERE code='DP1'");
	int64_t eid = one_int("SELECT id FROM enterprises WHERE uscc='91330000000000002X'");
	rc = store_doc_next(S, 330106, "k", 2026, &n1);
	if (!rc)
		rc = store_doc_next(S, 330106, "k", 2026, &n2);
	if (!rc)
		rc = store_doc_next(S, 330106, "k", 2027, &n3);
	CHECK(rc == WG_OK && n1 == 1 && n2 == 2 && n3 == 1,
	      "%s: document numbers run 1, 2 per region, kind and year (%lld %lld %lld)", NAME,
	      (long long)n1, (long long)n2, (long long)n3);
	struct deposit d = {.region = 330106,
			    .project_id = pid,
			    .form = "cash",
			    .number = "A1",
			    .issuer = "B",
			    .amount = 1000,
			    .lodged_on = 10,
			    .expires_on = -1,
			    .lseq = 1};
	int64_t id = 0, id2 = 0, mid = 0;
	rc = store_deposit_insert(S, &d, eid, &id);
	CHECK(rc == WG_OK && id > 0, "%s: a deposit inserted with its id", NAME);
	rc = store_deposit_insert(S, &d, eid, &id2);
	CHECK(rc == WG_ECONFLICT, "%s: the same letter twice is a conflict (%d)", NAME, rc);
	struct deposit_move m = {.deposit_id = id,
				 .region = 330106,
				 .on_date = 20,
				 .amount = 500,
				 .deadline = 30,
				 .kind = "activation",
				 .lseq = 1};
	rc = store_deposit_move_insert(S, &m, &mid);
	m.on_date = 40;
	if (!rc)
		rc = store_deposit_move_insert(S, &m, &mid);
	CHECK(rc == WG_OK, "%s: movements inserted", NAME);
	int n = 0;
	struct deposit_filter f = {.project = "DP1", .as_of = 25, .open_only = true};
	rc = store_deposit_list(S, &f, count_deposit, &n);
	CHECK(rc == WG_OK && n == 1, "%s: the project's deposit is listed once (%d)", NAME, n);
}

/* Supervision (store/supervision.c): gap-free order numbers per region and year, the
 * inspectors of an inspection joined in byte order, a finding replaced by an upsert, NULL
 * days, the scan's overdue sums with a NULL project, conflicts standing on a day. */
static int count_order(void *ctx, const struct sv_order *o)
{
	(void)o;
	++*(int *)ctx;
	return 0;
}

static int overdue_row(void *ctx, int64_t project, int64_t employer, int64_t amount)
{
	int64_t *v = ctx;
	v[0] = project, v[1] = employer, v[2] = amount, v[3]++;
	return 0;
}

static int conflict_row(void *ctx, const struct sv_conflict *c)
{
	(void)c;
	++*(int *)ctx;
	return 0;
}

static void number_fn(struct sv_order *o, char *buf, size_t n)
{
	snprintf(buf, n, "T%lld-%lld-%lld", (long long)o->region, (long long)o->year,
		 (long long)o->seq);
}

static void supervision(void)
{
	struct rec e = {.kind = REC_ENTERPRISE};
	e.v[0].s = "91330100MA2AAAAA2H";
	e.v[1].s = "浙江宏达建设集团有限公司";
	e.v[2].i = 330106;
	e.v[3].null = true;
	int rc = S->ops->begin(S);
	if (!rc)
		rc = S->ops->rec_insert(S, &e, 1);
	if (!rc)
		rc = S->ops->commit(S);
	CHECK(rc == WG_OK, "%s: supervision: an enterprise to inspect", NAME);
	struct sv_inspection in = {.region = 330106,
				   .kind = "routine",
				   .status = "planned",
				   .uscc = e.v[0].s,
				   .planned_on = 20000,
				   .inspected_on = -1};
	rc = store_sv_inspection_add(S, &in);
	CHECK(rc == WG_OK && in.id > 0, "%s: an inspection is added with its id", NAME);
	const char *names[] = {"zhao", "li", "chen", "li"};
	for (int i = 0; i < 4 && !rc; i++)
		rc = store_sv_inspection_add_inspector(S, in.id, 330106, names[i]);
	CHECK(rc == WG_OK, "%s: inspectors added (a repeat is ignored)", NAME);
	struct sv_finding f1 = {"real_name", "no", "x"}, f2 = {"real_name", "yes", NULL};
	rc = store_sv_finding_set(S, in.id, 330106, &f1);
	if (!rc)
		rc = store_sv_finding_set(S, in.id, 330106, &f2);
	CHECK(rc == WG_OK, "%s: a finding set twice (upsert)", NAME);
	CHECK(one_int("SELECT count(*) FROM sv_findings WHERE result='yes' AND note IS NULL") == 1,
	      "%s: the second replaced the first", NAME);
	struct sv_inspection got;
	rc = store_sv_inspection_get(S, in.id, &got);
	CHECK(rc == WG_OK, "%s: the inspection reads back", NAME);
	CHECK_STR(rc ? NULL : got.inspectors, "chen,li,zhao", "%s: inspectors joined in byte order",
		  NAME);
	CHECK(!rc && got.inspected_on == -1 && got.planned_on == 20000 && got.task_id == 0,
	      "%s: NULL days read -1, NULL ids 0", NAME);
	rc = store_sv_inspection_done(S, in.id, 20001, NULL);
	CHECK(rc == WG_OK, "%s: the planned inspection is done", NAME);
	CHECK(store_sv_inspection_done(S, in.id, 20002, NULL) == WG_ECONFLICT, "%s: and only once",
	      NAME);
	int64_t last = 0;
	int found = 0;
	rc = store_sv_last_inspection(S, e.v[0].s, 20000, &last, &found);
	CHECK(rc == WG_OK && !found, "%s: no inspection on or before the day before", NAME);
	rc = store_sv_last_inspection(S, e.v[0].s, 20005, &last, &found);
	CHECK(rc == WG_OK && found && last == 20001, "%s: the latest inspection's day", NAME);

	int64_t seqs[3];
	int64_t regions[3] = {330106, 330106, 330102};
	for (int i = 0; i < 3; i++) {
		struct sv_order o = {.region = regions[i],
				     .year = 2026,
				     .inspection_id = in.id,
				     .uscc = e.v[0].s,
				     .items = "x",
				     .amount = 100 * (i + 1),
				     .issued_on = 20001,
				     .deadline = 20010};
		rc = store_sv_order_add(S, &o, number_fn);
		seqs[i] = rc ? -1 : o.seq;
	}
	CHECK(seqs[0] == 1 && seqs[1] == 2 && seqs[2] == 1,
	      "%s: order numbers run per region and year without gaps", NAME);
	struct sv_order o;
	rc = store_sv_order_get(S, "T330106-2026-2", &o);
	CHECK(rc == WG_OK && o.amount == 200 && o.complied_on == -1 && !o.project,
	      "%s: an order reads back by its number", NAME);
	int64_t v[4] = {0};
	rc = store_sv_overdue(S, 20011, overdue_row, v);
	CHECK(rc == WG_OK && v[3] == 1 && v[0] == 0 && v[1] > 0 && v[2] == 600,
	      "%s: overdue orders sum per enterprise, no project reads 0", NAME);
	v[3] = 0;
	rc = store_sv_overdue(S, 20010, overdue_row, v);
	CHECK(rc == WG_OK && v[3] == 0, "%s: on the deadline day nothing is overdue", NAME);
	int n = 0;
	rc = store_sv_orders_to_escalate(S, 20011, count_order, &n);
	CHECK(rc == WG_OK && n == 3, "%s: three orders to escalate", NAME);
	rc = store_sv_order_escalated(S, o.id, 20011, 1);
	CHECK(rc == WG_OK && store_sv_order_escalated(S, o.id, 20012, 0) == WG_ECONFLICT,
	      "%s: an order is escalated once", NAME);

	struct sv_conflict c = {.region = 330106,
				.inspector = "li",
				.uscc = e.v[0].s,
				.reason = "r",
				.declared_on = 20000};
	rc = store_sv_conflict_add(S, &c);
	if (!rc)
		rc = store_sv_conflict_withdraw(S, c.id, 20005);
	int before = 0, during = 0, after = 0;
	store_sv_conflict_list(S, "33", 19999, conflict_row, &before);
	store_sv_conflict_list(S, "33", 20004, conflict_row, &during);
	store_sv_conflict_list(S, "33", 20005, conflict_row, &after);
	CHECK(rc == WG_OK && before == 0 && during == 1 && after == 0,
	      "%s: a conflict stands from its declaration until its withdrawal", NAME);
}

/* Lists written once over stmt.h come out in the same order on both stores. */
static int add_name(void *ctx, const struct user *u)
{
	size_t len = strlen(ctx);
	snprintf((char *)ctx + len, 64 - len, "%s,", u->username);
	return 0;
}

static void orders(void)
{
	const char *names[] = {"b", "B", "a", "_x"};
	int rc = 0;
	for (int i = 0; i < 4 && !rc; i++) {
		struct user u = {.username = names[i], .role = "admin", .scope = "", .pwhash = "x"};
		rc = store_user_add(S, &u);
	}
	CHECK(rc == WG_OK, "%s: users added", NAME);
	char got[64] = "";
	rc = store_user_list(S, add_name, got);
	CHECK_STR(rc ? NULL : got, "B,_x,a,b,", "%s: users listed in byte order", NAME);
}

int main(void)
{
	const char *which = getenv("WG_STORE");
	char err[512], url[600], tmp[] = "/tmp/wgstore.XXXXXX", db[640];
	PGconn *admin = NULL;
	char pgdb[64];
	if (which && strcmp(which, "pg") == 0) {
		const char *base = getenv("WG_PG_URL");
		if (!base) {
			printf("not ok 1 - WG_STORE=pg needs WG_PG_URL\n");
			return 1;
		}
		NAME = "pg";
		snprintf(pgdb, sizeof pgdb, "wgstore_%d", (int)getpid());
		admin = PQconnectdb(base);
		char sql[256];
		/* a language's collation (ICU's root), not the test server's C.UTF-8: in C.UTF-8
		 * text sorts bytewise anyway, and a query missing SQL_BYTES would pass unseen */
		snprintf(
			sql, sizeof sql,
			"CREATE DATABASE %s TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und'"
			" LOCALE 'C.UTF-8'",
			pgdb);
		PGresult *r = PQexec(admin, sql);
		int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (!ok) {
			printf("# no ICU collation (%s): the server's default collation instead\n",
			       PQerrorMessage(admin));
			snprintf(sql, sizeof sql, "CREATE DATABASE %s", pgdb);
			r = PQexec(admin, sql);
			ok = PQresultStatus(r) == PGRES_COMMAND_OK;
			PQclear(r);
		}
		if (!ok) {
			printf("not ok 1 - create database: %s\n", PQerrorMessage(admin));
			PQfinish(admin);
			return 1;
		}
		const char *slash = strrchr(base, '/');
		snprintf(url, sizeof url, "%.*s/%s", (int)(slash - base), base, pgdb);
	} else {
		NAME = "sqlite";
		if (!mkdtemp(tmp)) {
			printf("not ok 1 - temporary directory\n");
			return 1;
		}
		snprintf(url, sizeof url, "%s/contract.db", tmp);
	}
	snprintf(db, sizeof db, "%s", url);
	int rc = store_open(&S, db, err, sizeof err);
	CHECK(rc == WG_OK, "%s: the store opens (%s)", NAME, rc ? err : "ok");
	if (rc == WG_OK) {
		CHECK(store_dialect(S) == (admin ? DIALECT_PG : DIALECT_SQLITE),
		      "%s: the store says its dialect", NAME);
		parameters();
		types();
		fragments();
		nesting();
		flush_before_read();
		credit_contract();
		relief();
		deposits();
		supervision();
		orders();
		store_close(S);
	}
	if (admin) {
		char sql[128];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", pgdb);
		PQclear(PQexec(admin, sql));
		PQfinish(admin);
	} else {
		char path[700];
		const char *sfx[] = {"", "-wal", "-shm"};
		for (int i = 0; i < 3; i++) {
			snprintf(path, sizeof path, "%s%s", url, sfx[i]);
			unlink(path);
		}
		rmdir(tmp);
	}
	return check_done();
}
