/* h_credit.c — credit (SPEC §9): credit files, the grade overview with its movers, the
 * classified-supervision due list, the dishonest-list procedure (Order 45) for the
 * regulator, the enterprise's own file and its statement, and the public list with its
 * export. A regulator sees the enterprises of its region, an enterprise its own file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/credit.h"
#include "http/http.h"
#include "render/doc.h"
#include "render/table.h"
#include "store/credit.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

#define TEXT_MAX 4000 /* bytes of a reason, statement, commitment or note */

static int config(struct http_req *rq, struct http_resp *rs, struct credit_config *c)
{
	struct msg m = {0};
	int rc = credit_config_load(rq->store, c, &m);
	if (rc == WG_EINPUT)
		http_error_msg(rs, 500, "CONFIG", &m);
	return rc;
}

/* ?as_of= (default today): 0, or -1 after answering 400. */
static int day_query(struct http_req *rq, struct http_resp *rs, const char *key, int32_t *day)
{
	const char *v = http_query(rq, key);
	*day = date_today();
	if (!v || !*v)
		return 0;
	if (date_parse(v, day) == 0)
		return 0;
	http_field_error(rs, 400, "BAD_REQUEST", key, MSG_CREDIT_HTTP_NOT_DATE, "value", v,
			 MSG_END);
	return -1;
}

static bool region_in_scope(const struct http_req *rq, int64_t region)
{
	if (rq->who.role == ROLE_ADMIN)
		return true;
	if (rq->who.role != ROLE_REGULATOR)
		return false;
	char code[24];
	snprintf(code, sizeof code, "%06lld", (long long)region);
	return strncmp(code, rq->who.scope, strlen(rq->who.scope)) == 0;
}

/* The region a regulator may look at: its scope, narrowed by ?region= within it. NULL after
 * answering 400 when ?region= leaves the scope. */
static const char *region_query(struct http_req *rq, struct http_resp *rs)
{
	const char *want = http_query(rq, "region");
	const char *scope = rq->who.role == ROLE_REGULATOR ? rq->who.scope : "";
	if (!want || !*want)
		return scope;
	if (strncmp(want, scope, strlen(scope)) != 0 ||
	    strspn(want, "0123456789") != strlen(want)) {
		http_field_error(rs, 400, "BAD_REQUEST", "region", MSG_CREDIT_HTTP_REGION, "region",
				 want, MSG_END);
		return NULL;
	}
	return want;
}

/* Whether the caller may see the credit file of uscc: WG_OK with *name filled (the
 * registered name, "" when not registered), or answers 404 (also out of scope). */
static int file_access(struct http_req *rq, struct http_resp *rs, const char *uscc, char *name,
		       size_t n)
{
	struct credit_enterprise e;
	struct credit_file f;
	int64_t region = -1;
	name[0] = 0;
	if (!uscc || uscc_validate(uscc) != 0)
		goto none;
	if (rq->who.role == ROLE_ENTERPRISE && strcmp(rq->who.scope, uscc) != 0)
		goto none;
	int rc = store_credit_enterprise(rq->store, uscc, &e);
	if (rc == WG_OK) {
		snprintf(name, n, "%s", e.name);
		region = e.region;
	} else if (rc != WG_ENOTFOUND) {
		return rc;
	} else if ((rc = store_credit_file_get(rq->store, uscc, &f)) == WG_OK) {
		region = f.region;
	} else if (rc != WG_ENOTFOUND) {
		return rc;
	}
	if (rq->who.role == ROLE_ENTERPRISE || rq->who.role == ROLE_ADMIN)
		return WG_OK;
	if (region >= 0 && region_in_scope(rq, region))
		return WG_OK;
none:
	http_error(rs, 404, "NOT_FOUND", MSG_CREDIT_HTTP_NO_FILE, "uscc", uscc ? uscc : "",
		   MSG_END);
	return WG_ENOTFOUND;
}

static json_t *jtext(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void add_name(void *ctx, const char *name, size_t n)
{
	json_array_append_new(ctx, json_stringn(name, n));
}

static json_t *names_json(const char *joined)
{
	json_t *a = json_array();
	credit_names(joined, add_name, a);
	return a;
}

/* A listing procedure as its parties see it (the regulator, the enterprise). */
static json_t *listing_json(const struct credit_listing *l, int32_t day)
{
	char region[24];
	snprintf(region, sizeof region, "%06lld", (long long)l->region);
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:I, s:s, s:o, s:o}",
			      "id", (json_int_t)l->id, "uscc", l->uscc, "region_code", region,
			      "state", credit_list_state(l, day), "status", l->status, "grounds",
			      l->grounds, "legal_rep", l->legal_rep, "responsible",
			      names_json(l->responsible), "amount", http_money(l->amount),
			      "workers", (json_int_t)l->workers, "reason", l->reason, "deadline",
			      http_date(l->deadline), "source", jtext(l->source));
	json_object_set_new(j, "proposed_on", http_date(l->proposed_on));
	json_object_set_new(j, "notified_on",
			    l->notified_on >= 0 ? http_date(l->notified_on) : json_null());
	json_object_set_new(j, "statement_due",
			    l->statement_due >= 0 ? http_date(l->statement_due) : json_null());
	json_object_set_new(j, "statement_on",
			    l->statement_on >= 0 ? http_date(l->statement_on) : json_null());
	json_object_set_new(j, "statement", jtext(l->statement));
	json_object_set_new(j, "decided_on",
			    l->decided_on >= 0 ? http_date(l->decided_on) : json_null());
	json_object_set_new(j, "decision_note", jtext(l->decision_note));
	json_object_set_new(j, "listed_on",
			    l->listed_on >= 0 ? http_date(l->listed_on) : json_null());
	json_object_set_new(j, "expires_on",
			    l->expires_on >= 0 ? http_date(l->expires_on) : json_null());
	json_object_set_new(j, "removed_on",
			    l->removed_on >= 0 ? http_date(l->removed_on) : json_null());
	json_object_set_new(j, "removal", jtext(l->removal));
	json_object_set_new(j, "paid_on", l->paid_on >= 0 ? http_date(l->paid_on) : json_null());
	json_object_set_new(j, "commitment", jtext(l->commitment));
	return j;
}

struct collect {
	json_t *items;
	int32_t day;
};

static int collect_listing(void *ctx, const struct credit_listing *l)
{
	struct collect *c = ctx;
	return json_array_append_new(c->items, listing_json(l, c->day)) ? WG_ENOMEM : 0;
}

/* GET /api/v1/credit/files/{uscc}: the file as of ?as_of=, with its listing procedures. */
int h_credit_file(struct http_req *rq, struct http_resp *rs)
{
	const char *uscc = rq->params[0];
	char name[256];
	int32_t day;
	struct credit_config c;
	if (day_query(rq, rs, "as_of", &day))
		return 0;
	int rc = file_access(rq, rs, uscc, name, sizeof name);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	if (config(rq, rs, &c))
		return 0;
	struct credit_view v;
	if ((rc = credit_view(rq->store, &c, uscc, day, true, &v)))
		return rc;
	json_t *events = json_array();
	for (size_t i = 0; i < v.n; i++) {
		const struct credit_line *l = &v.lines[i];
		json_array_append_new(
			events,
			json_pack("{s:o, s:I, s:s, s:s, s:I, s:o, s:o, s:o}", "date",
				  http_date(l->on), "delta", (json_int_t)l->delta, "kind", l->kind,
				  "source", l->source, "score", (json_int_t)l->score, "project",
				  l->project[0] ? json_string(l->project) : json_null(), "period",
				  l->period >= 0 ? http_period(l->period) : json_null(), "amount",
				  http_money(l->amount)));
	}
	char grade[2] = {v.grade, 0};
	struct collect col = {json_array(), day};
	if ((rc = store_credit_listings(rq->store, uscc, NULL, collect_listing, &col))) {
		json_decref(events), json_decref(col.items), credit_view_release(&v);
		return rc;
	}
	json_t *j = json_pack(
		"{s:s, s:o, s:o, s:I, s:s, s:b, s:o, s:I, s:o, s:o}", "uscc", uscc, "name",
		name[0] ? json_string(name) : json_null(), "as_of", http_date(day), "score",
		(json_int_t)v.score, "grade", grade, "listed", v.listed, "listed_since",
		v.listed ? http_date(v.listed_since) : json_null(), "interval_months",
		(json_int_t)credit_interval(&c, v.grade), "events", events, "listings", col.items);
	credit_view_release(&v);
	return http_json(rs, 200, j);
}

/* ---- the overview ---- */

struct gradeset {
	struct credit_row *r;
	char (*text)[2][160];
	size_t n, alloc;
};

static int keep_row(void *ctx, const struct credit_row *r)
{
	struct gradeset *g = ctx;
	if (g->n == g->alloc) {
		size_t n = g->alloc ? 2 * g->alloc : 64;
		struct credit_row *p = realloc(g->r, n * sizeof *p);
		if (p)
			g->r = p;
		char(*t)[2][160] = p ? realloc(g->text, n * sizeof *t) : NULL;
		if (!p || !t)
			return WG_ENOMEM;
		g->text = t;
		g->alloc = n;
	}
	g->r[g->n] = *r;
	snprintf(g->text[g->n][0], 160, "%s", r->uscc);
	snprintf(g->text[g->n][1], 160, "%s", r->name ? r->name : "");
	g->n++;
	return 0;
}

static json_t *row_json(const struct gradeset *g, size_t i)
{
	const struct credit_row *r = &g->r[i];
	char grade[2] = {r->grade, 0}, region[24];
	snprintf(region, sizeof region, "%06lld", (long long)r->region);
	return json_pack("{s:s, s:o, s:s, s:I, s:s, s:b}", "uscc", g->text[i][0], "name",
			 r->name ? json_string(g->text[i][1]) : json_null(), "region_code", region,
			 "score", (json_int_t)r->score, "grade", grade, "listed", r->listed);
}

struct mover {
	size_t i;
	int64_t delta, was;
	char was_grade;
};

static int cmp_mover(const void *a, const void *b)
{
	const struct mover *x = a, *y = b;
	int64_t ax = x->delta < 0 ? -x->delta : x->delta, ay = y->delta < 0 ? -y->delta : y->delta;
	if (ax != ay)
		return ax > ay ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

#define MOVERS_MAX 20

/* GET /api/v1/credit/grades: every enterprise in scope with score and grade as of ?as_of=,
 * the count per grade, and the movers since ?since= (default 90 days before). */
int h_credit_grades(struct http_req *rq, struct http_resp *rs)
{
	int32_t day, since;
	struct credit_config c;
	const char *region;
	if (day_query(rq, rs, "as_of", &day) || !(region = region_query(rq, rs)))
		return 0;
	if (http_query(rq, "since")) {
		if (day_query(rq, rs, "since", &since))
			return 0;
	} else {
		since = day - 90;
	}
	if (config(rq, rs, &c))
		return 0;
	struct gradeset now = {0}, then = {0};
	int rc = credit_grades(rq->store, &c, day, region, keep_row, &now);
	if (!rc)
		rc = credit_grades(rq->store, &c, since, region, keep_row, &then);
	struct mover *mv = now.n ? calloc(now.n, sizeof *mv) : NULL;
	if (!rc && now.n && !mv)
		rc = WG_ENOMEM;
	if (rc) {
		free(now.r), free(now.text), free(then.r), free(then.text), free(mv);
		return rc;
	}
	int64_t counts[4] = {0};
	json_t *items = json_array(), *movers = json_array();
	size_t nm = 0, k = 0;
	for (size_t i = 0; i < now.n; i++) {
		counts[now.r[i].grade - 'A']++;
		json_array_append_new(items, row_json(&now, i));
		/* both lists are by USCC: walk them together */
		while (k < then.n && strcmp(then.text[k][0], now.text[i][0]) < 0)
			k++;
		int64_t was = k < then.n && strcmp(then.text[k][0], now.text[i][0]) == 0
			? then.r[k].score
			: c.start;
		char was_grade = k < then.n && strcmp(then.text[k][0], now.text[i][0]) == 0
			? then.r[k].grade
			: 'A';
		if (was != now.r[i].score || was_grade != now.r[i].grade)
			mv[nm++] = (struct mover){i, now.r[i].score - was, was, was_grade};
	}
	if (nm)
		qsort(mv, nm, sizeof *mv, cmp_mover);
	for (size_t i = 0; i < nm && i < MOVERS_MAX; i++) {
		json_t *j = row_json(&now, mv[i].i);
		char wg[2] = {mv[i].was_grade, 0};
		json_object_set_new(j, "was_score", json_integer(mv[i].was));
		json_object_set_new(j, "was_grade", json_string(wg));
		json_array_append_new(movers, j);
	}
	free(now.r), free(now.text), free(then.r), free(then.text), free(mv);
	return http_json(rs, 200,
			 json_pack("{s:o, s:o, s:{s:I, s:I, s:I, s:I}, s:o, s:o}", "as_of",
				   http_date(day), "since", http_date(since), "counts", "A",
				   (json_int_t)counts[0], "B", (json_int_t)counts[1], "C",
				   (json_int_t)counts[2], "D", (json_int_t)counts[3], "items",
				   items, "movers", movers));
}

static int due_row(void *ctx, const struct credit_row *r)
{
	char grade[2] = {r->grade, 0}, region[24];
	snprintf(region, sizeof region, "%06lld", (long long)r->region);
	return json_array_append_new(
		       ctx,
		       json_pack("{s:s, s:o, s:s, s:I, s:s, s:b, s:I, s:o, s:o}", "uscc", r->uscc,
				 "name", jtext(r->name), "region_code", region, "score",
				 (json_int_t)r->score, "grade", grade, "listed", r->listed,
				 "interval_months", (json_int_t)r->interval, "last_inspection",
				 r->last >= 0 ? http_date(r->last) : json_null(), "due_on",
				 r->due_on >= 0 ? http_date(r->due_on) : json_null()))
		? WG_ENOMEM
		: 0;
}

/* GET /api/v1/credit/due: who is due for a routine inspection as of ?as_of= (?all=1: every
 * enterprise with its next due day). */
int h_credit_due(struct http_req *rq, struct http_resp *rs)
{
	int32_t day;
	struct credit_config c;
	const char *region, *all = http_query(rq, "all");
	if (day_query(rq, rs, "as_of", &day) || !(region = region_query(rq, rs)))
		return 0;
	if (config(rq, rs, &c))
		return 0;
	json_t *items = json_array();
	int rc = credit_due(rq->store, &c, day, region, all && strcmp(all, "1") == 0, due_row,
			    items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o, s:o}", "as_of", http_date(day), "items", items));
}

/* ---- the list procedure ---- */

struct scoped {
	struct http_req *rq;
	struct collect col;
	const char *state;
};

static int scoped_listing(void *ctx, const struct credit_listing *l)
{
	struct scoped *s = ctx;
	if (s->state && strcmp(credit_list_state(l, s->col.day), s->state) != 0)
		return 0;
	return collect_listing(&s->col, l);
}

/* GET /api/v1/credit/listings: the procedures of the caller's region (?state= filters). */
int h_credit_listings(struct http_req *rq, struct http_resp *rs)
{
	const char *region;
	struct scoped sc = {.rq = rq, .state = http_query(rq, "state")};
	if (day_query(rq, rs, "as_of", &sc.col.day) || !(region = region_query(rq, rs)))
		return 0;
	sc.col.items = json_array();
	int rc = store_credit_listings(rq->store, NULL, region, scoped_listing, &sc);
	if (rc) {
		json_decref(sc.col.items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", sc.col.items));
}

/* The listing of path parameter 0 if the caller may see it (its region, or its own for an
 * enterprise), into l (the store's text); else answered 404. */
static int listing_access(struct http_req *rq, struct http_resp *rs, struct credit_listing *l)
{
	char *end;
	const char *p = rq->params[0];
	long long id = p ? strtoll(p, &end, 10) : 0;
	int rc = WG_ENOTFOUND;
	if (p && *p && !*end && id > 0)
		rc = store_credit_listing_get(rq->store, id, l);
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	if (!rc &&
	    (rq->who.role == ROLE_ENTERPRISE ? strcmp(rq->who.scope, l->uscc) == 0
					     : region_in_scope(rq, l->region)))
		return WG_OK;
	http_error(rs, 404, "NOT_FOUND", MSG_CREDIT_HTTP_NO_LISTING, "id", p ? p : "", MSG_END);
	return WG_ENOTFOUND;
}

int h_credit_listing(struct http_req *rq, struct http_resp *rs)
{
	struct credit_listing l;
	int32_t day;
	if (day_query(rq, rs, "as_of", &day))
		return 0;
	int rc = listing_access(rq, rs, &l);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	return http_json(rs, 200, listing_json(&l, day));
}

/* A date field of a body: 0 with *day (default today when absent), -1 after 400. */
static int body_date(json_t *in, struct http_resp *rs, const char *field, bool required,
		     int32_t *day)
{
	const char *v = NULL;
	*day = required ? -1 : date_today();
	if (http_body_str(in, rs, field, required, &v))
		return -1;
	if (!v)
		return 0;
	if (date_parse(v, day)) {
		http_field_error(rs, 400, "BAD_REQUEST", field, MSG_CREDIT_HTTP_NOT_DATE, "value",
				 v, MSG_END);
		return -1;
	}
	return 0;
}

/* A text field at most TEXT_MAX bytes: 0, or -1 after 400. */
static int body_text(json_t *in, struct http_resp *rs, const char *field, bool required,
		     const char **out)
{
	if (http_body_str(in, rs, field, required, out))
		return -1;
	if (*out && strlen(*out) > TEXT_MAX) {
		char most[16];
		snprintf(most, sizeof most, "%d", TEXT_MAX);
		http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_FIELD_TOO_LONG, "field", field, "max",
			   most, MSG_END);
		return -1;
	}
	return 0;
}

/* Answers a domain failure: its message with the fitting status. */
static int domain_error(struct http_resp *rs, int rc, const struct msg *m)
{
	if (m->id == MSG_NONE)
		return rc;
	int status = rc == WG_ENOTFOUND ? 404 : rc == WG_ECONFLICT ? 409 : 400;
	return http_error_msg(rs, status,
			      status == 404           ? "NOT_FOUND"
				      : status == 409 ? "CONFLICT"
						      : "BAD_REQUEST",
			      m);
}

/* POST /api/v1/credit/listings: a regulator proposes listing an enterprise of its region. */
int h_credit_propose(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"uscc",        "grounds", "deadline", "on",
					     "amount",      "workers", "reason",   "legal_rep",
					     "responsible", "source",  NULL};
	json_t *in = http_body(rq, rs, fields);
	struct credit_proposal p = {.actor = rq->who.username};
	struct credit_config c;
	const char *amount = NULL;
	char name[256], resp[1024] = "";
	struct msg m = {0};
	int rc = 0;
	if (!in)
		return 0;
	if (http_body_str(in, rs, "uscc", true, &p.uscc) ||
	    http_body_str(in, rs, "grounds", true, &p.grounds) ||
	    body_date(in, rs, "deadline", true, &p.deadline) ||
	    body_date(in, rs, "on", false, &p.on) ||
	    http_body_str(in, rs, "amount", false, &amount) ||
	    body_text(in, rs, "reason", false, &p.reason) ||
	    http_body_str(in, rs, "legal_rep", false, &p.legal_rep) ||
	    http_body_str(in, rs, "source", false, &p.source))
		goto cleanup;
	if (amount && money_parse(amount, &p.amount)) {
		http_field_error(rs, 400, "BAD_REQUEST", "amount", MSG_HTTP_NOT_AMOUNT, "value",
				 amount, MSG_END);
		goto cleanup;
	}
	json_t *w = json_object_get(in, "workers"), *r = json_object_get(in, "responsible");
	if (w && !json_is_null(w)) {
		if (!json_is_integer(w) || json_integer_value(w) < 0) {
			http_field_error(rs, 400, "BAD_REQUEST", "workers",
					 MSG_CREDIT_HTTP_BAD_FIELD, "field", "workers", MSG_END);
			goto cleanup;
		}
		p.workers = json_integer_value(w);
	}
	if (r && !json_is_null(r)) {
		size_t i;
		json_t *x;
		if (!json_is_array(r))
			goto bad_resp;
		json_array_foreach(r, i, x)
		{
			const char *s = json_string_value(x);
			size_t n = strlen(resp);
			if (!s || !*s || strchr(s, ';') || n + strlen(s) + 2 > sizeof resp)
				goto bad_resp;
			snprintf(resp + n, sizeof resp - n, "%s%s", n ? ";" : "", s);
		}
	}
	p.responsible = resp;
	if ((rc = file_access(rq, rs, p.uscc, name, sizeof name))) {
		rc = rc == WG_ENOTFOUND ? 0 : rc;
		goto cleanup;
	}
	if (config(rq, rs, &c))
		goto cleanup;
	int64_t id;
	if ((rc = credit_list_propose(rq->store, &c, &p, &id, &m))) {
		rc = domain_error(rs, rc, &m);
		goto cleanup;
	}
	struct credit_listing l;
	if (!(rc = store_credit_listing_get(rq->store, id, &l)))
		rc = http_json(rs, 201, listing_json(&l, p.on));
	goto cleanup;
bad_resp:
	http_field_error(rs, 400, "BAD_REQUEST", "responsible", MSG_CREDIT_HTTP_BAD_FIELD, "field",
			 "responsible", MSG_END);
cleanup:
	json_decref(in);
	return rc;
}

enum step { STEP_NOTIFY, STEP_STATEMENT, STEP_DECIDE, STEP_REMOVE };

static int step(struct http_req *rq, struct http_resp *rs, enum step what)
{
	static const char *const fields[] = {"on",      "text",       "decision", "note",
					     "paid_on", "commitment", "revoke",   NULL};
	struct credit_listing l;
	struct credit_config c;
	struct msg m = {0};
	/* the body is checked first, whoever it is about */
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	int rc = listing_access(rq, rs, &l);
	if (rc) {
		json_decref(in);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	int64_t id = l.id;
	int32_t on, paid_on = -1, due = 0;
	const char *text = NULL, *decision = NULL;
	if (body_date(in, rs, "on", false, &on) || config(rq, rs, &c))
		goto cleanup;
	switch (what) {
	case STEP_NOTIFY:
		rc = credit_list_notify(rq->store, &c, id, on, rq->who.username, &due, &m);
		break;
	case STEP_STATEMENT:
		if (body_text(in, rs, "text", true, &text))
			goto cleanup;
		rc = credit_list_statement(rq->store, id, on, text, &m);
		break;
	case STEP_DECIDE:
		if (http_body_str(in, rs, "decision", true, &decision) ||
		    body_text(in, rs, "note", false, &text))
			goto cleanup;
		if (strcmp(decision, "list") != 0 && strcmp(decision, "reject") != 0) {
			http_field_error(rs, 400, "BAD_REQUEST", "decision",
					 MSG_CREDIT_HTTP_BAD_FIELD, "field", "decision", MSG_END);
			goto cleanup;
		}
		rc = credit_list_decide(rq->store, &c, id, on, strcmp(decision, "list") == 0, text,
					rq->who.username, &m);
		break;
	case STEP_REMOVE: {
		json_t *rv = json_object_get(in, "revoke");
		bool revoke = rv && json_is_true(rv);
		if (body_text(in, rs, "commitment", true, &text) ||
		    (!revoke && body_date(in, rs, "paid_on", true, &paid_on)))
			goto cleanup;
		rc = credit_list_remove(rq->store, &c, id, on, paid_on, text, revoke,
					rq->who.username, &m);
		break;
	}
	}
	if (rc) {
		rc = domain_error(rs, rc, &m);
	} else if (!(rc = store_credit_listing_get(rq->store, id, &l))) {
		rc = http_json(rs, 200, listing_json(&l, on));
	}
cleanup:
	json_decref(in);
	return rc;
}

int h_credit_notify(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, STEP_NOTIFY);
}

int h_credit_statement(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, STEP_STATEMENT);
}

int h_credit_decide(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, STEP_DECIDE);
}

int h_credit_remove(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, STEP_REMOVE);
}

/* ---- the public list ---- */

static int public_row(void *ctx, const struct credit_listing *l, const char *name)
{
	char region[24];
	snprintf(region, sizeof region, "%06lld", (long long)l->region);
	return json_array_append_new(
		       ctx,
		       json_pack("{s:s, s:o, s:s, s:o, s:s, s:s, s:o, s:I, s:o, s:o, s:s}", "uscc",
				 l->uscc, "name", jtext(name), "legal_rep", l->legal_rep,
				 "responsible", names_json(l->responsible), "grounds", l->grounds,
				 "facts", l->reason, "amount", http_money(l->amount), "workers",
				 (json_int_t)l->workers, "listed_on", http_date(l->listed_on),
				 "expires_on", http_date(l->expires_on), "region_code", region))
		? WG_ENOMEM
		: 0;
}

/* GET /api/v1/public/dishonest-list: the list in force on ?as_of= (Order 45 publication). */
int h_public_list(struct http_req *rq, struct http_resp *rs)
{
	int32_t day;
	if (day_query(rq, rs, "as_of", &day))
		return 0;
	json_t *items = json_array();
	int rc = credit_list_public(rq->store, day, http_query(rq, "region"), public_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o, s:o}", "as_of", http_date(day), "items", items));
}

/* Reads the whole file at path into rs's body. */
static int body_from_file(struct http_resp *rs, const char *path, const char *type)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return WG_EIO;
	struct dbuf b = DBUF_INIT;
	char buf[8192];
	size_t n;
	int rc = WG_OK;
	while (!rc && (n = fread(buf, 1, sizeof buf, f)) > 0)
		rc = dbuf_add(&b, buf, n) ? WG_ENOMEM : WG_OK;
	if (ferror(f))
		rc = WG_EIO;
	fclose(f);
	if (rc) {
		dbuf_release(&b);
		return rc;
	}
	rs->status = 200;
	rs->body_len = b.len;
	rs->body = b.len ? b.p : malloc(1);
	rs->content_type = type;
	return rs->body ? WG_OK : WG_ENOMEM;
}

/* GET /api/v1/public/dishonest-list/export?format=csv|xlsx */
int h_public_list_export(struct http_req *rq, struct http_resp *rs)
{
	int32_t day;
	const char *fmt = http_query(rq, "format");
	bool xlsx = fmt && strcmp(fmt, "xlsx") == 0;
	if (fmt && !xlsx && strcmp(fmt, "csv") != 0)
		return http_field_error(rs, 400, "BAD_REQUEST", "format", MSG_CREDIT_HTTP_FORMAT,
					"value", fmt, MSG_END);
	if (day_query(rq, rs, "as_of", &day))
		return 0;
	char path[] = "/tmp/wg-list-XXXXXX", err[256] = "";
	int fd = mkstemp(path);
	if (fd < 0)
		return WG_EIO;
	close(fd);
	int rc = credit_list_export(rq->store, day, http_query(rq, "region"),
				    xlsx ? TABLE_XLSX : TABLE_CSV, path, err, sizeof err);
	if (!rc)
		rc = body_from_file(rs, path,
				    xlsx ? "application/vnd.openxmlformats-officedocument."
					   "spreadsheetml.sheet"
					 : "text/csv; charset=utf-8");
	unlink(path);
	return rc;
}

/* GET /api/v1/credit/files/{uscc}/report?format=json|html|pdf: the credit report (信用报告). */
int h_credit_report(struct http_req *rq, struct http_resp *rs)
{
	const char *uscc = rq->params[0], *format = http_query(rq, "format");
	char name[256];
	int32_t day;
	struct credit_config c;
	if (format && strcmp(format, "json") != 0 && strcmp(format, "html") != 0 &&
	    strcmp(format, "pdf") != 0)
		return http_field_error(rs, 400, "BAD_REQUEST", "format", MSG_CREDIT_HTTP_FORMAT,
					"value", format, MSG_END);
	if (day_query(rq, rs, "as_of", &day))
		return 0;
	int rc = file_access(rq, rs, uscc, name, sizeof name);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	if (config(rq, rs, &c))
		return 0;
	struct doc d = DOC_INIT;
	if ((rc = credit_report(rq->store, &c, uscc, day, &d))) {
		doc_release(&d);
		return rc;
	}
	if (!format || strcmp(format, "json") == 0) {
		rc = http_json(rs, 200, render_json(&d));
	} else if (strcmp(format, "html") == 0) {
		struct dbuf b = DBUF_INIT;
		b.max = 64u << 20;
		if ((rc = render_html(&d, &b)) == WG_OK) {
			rs->body = b.p ? b.p : strdup("");
			rs->body_len = b.len;
			rs->content_type = "text/html; charset=utf-8";
		} else {
			dbuf_release(&b);
		}
	} else {
		char *buf = NULL, err[256];
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		rc = f ? WG_OK : WG_ENOMEM;
		if (f) {
			rc = render_pdf(&d, f, err, sizeof err);
			fclose(f);
		}
		if (rc) {
			free(buf);
		} else {
			rs->body = buf;
			rs->body_len = len;
			rs->content_type = "application/pdf";
		}
	}
	doc_release(&d);
	return rc;
}
