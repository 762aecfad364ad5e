/* h_cases.c — complaint cases (SPEC §11, issue 12): the list within the caller's scope (a
 * regulator's region, an enterprise's cases as respondent, a worker's own), one case, the
 * regulator's intake and steps, joint liability, and a tip-off's reporter (logged). A case
 * outside the caller's scope is 404, as if it did not exist. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "http/http.h"
#include "render/doc.h"
#include "store/case.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

#define MAX_CLAIMS 200

static bool staff(const struct http_req *rq)
{
	return rq->who.role == ROLE_ADMIN || rq->who.role == ROLE_REGULATOR;
}

static bool in_region(const struct http_req *rq, int64_t region)
{
	if (rq->who.role == ROLE_ADMIN)
		return true;
	char r[24];
	snprintf(r, sizeof r, "%lld", (long long)region);
	return rq->who.role == ROLE_REGULATOR &&
		strncmp(r, rq->who.scope, strlen(rq->who.scope)) == 0;
}

/* Loads the case of the path and checks the caller may see it: 0, or 1 after answering
 * (404 when out of scope too), or a negative wg_status. */
static int load(struct http_req *rq, struct http_resp *rs, struct case_row *c)
{
	const char *number = rq->params[0];
	int rc = store_case_get(rq->store, number, c);
	bool ok = rc == WG_OK;
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	if (ok && rq->who.role == ROLE_REGULATOR)
		ok = in_region(rq, c->region);
	else if (ok && rq->who.role == ROLE_ENTERPRISE)
		ok = strcmp(c->employer, rq->who.scope) == 0;
	else if (ok && rq->who.role == ROLE_WORKER) {
		bool yes = false;
		if ((rc = store_case_has_worker(rq->store, number, rq->who.scope, &yes)))
			return rc;
		ok = yes && strcmp(c->channel, "tipoff") != 0;
	} else if (ok && rq->who.role != ROLE_ADMIN)
		ok = false;
	if (!ok) {
		http_error(rs, 404, "NOT_FOUND", MSG_RELIEF_CASE_NOT_FOUND, "number", number,
			   MSG_END);
		return 1;
	}
	return 0;
}

/* The case as the caller may see it: staff in full (personal data revealed, no reporter);
 * the respondent without who did what and without a tip-off's text; a worker only their own
 * claim. */
static json_t *case_for(struct http_req *rq, const struct case_clock *k, const struct case_row *c,
			int32_t as_of, int flags)
{
	bool st = staff(rq);
	json_t *j = case_json(rq->store, k, c, as_of,
			      flags | (st || rq->who.role == ROLE_WORKER ? CASE_JSON_REVEAL : 0));
	if (!j || st)
		return j;
	json_t *events = json_object_get(j, "events");
	for (size_t i = json_array_size(events); i-- > 0;) {
		json_t *e = json_array_get(events, i);
		const char *kind = json_string_value(json_object_get(e, "kind"));
		if (kind && strcmp(kind, "reporter_viewed") == 0)
			json_array_remove(events, i);
		else
			json_object_set_new(e, "actor", json_null());
	}
	if (strcmp(c->channel, "tipoff") == 0)
		json_object_set_new(j, "description", json_null());
	if (rq->who.role == ROLE_WORKER) {
		json_t *cs = json_object_get(j, "complainants");
		for (size_t i = json_array_size(cs); i-- > 0;) {
			const char *id = json_string_value(
				json_object_get(json_array_get(cs, i), "id_number"));
			if (!id || strcmp(id, rq->who.scope) != 0)
				json_array_remove(cs, i);
		}
		/* payments to others are theirs */
		for (size_t i = json_array_size(events); i-- > 0;) {
			json_t *e = json_array_get(events, i);
			const char *kind = json_string_value(json_object_get(e, "kind"));
			const char *detail = json_string_value(json_object_get(e, "detail"));
			if (kind && strcmp(kind, "payment") == 0 &&
			    (!detail || strncmp(detail, rq->who.scope, 18) != 0))
				json_array_remove(events, i);
		}
	}
	return j;
}

static int as_of_of(struct http_req *rq, struct http_resp *rs, int32_t *as_of)
{
	const char *v = http_query(rq, "as_of");
	*as_of = date_today();
	if (v && date_parse(v, as_of)) {
		http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DATE_BAD, "value", v, MSG_END);
		return 1;
	}
	return 0;
}

struct list_ctx {
	struct http_req *rq;
	struct case_clock *k;
	int32_t as_of;
	bool overdue;
	json_t *items;
};

static int list_one(void *p, const struct case_row *c)
{
	struct list_ctx *x = p;
	struct case_standing st;
	case_standing_of(x->k, c, x->as_of, &st);
	if (x->overdue && !st.overdue && !st.order_overdue)
		return 0;
	json_t *j = case_for(x->rq, x->k, c, x->as_of, CASE_JSON_BRIEF);
	if (!j)
		return WG_ENOMEM;
	return json_array_append_new(x->items, j) ? WG_ENOMEM : 0;
}

static int by_priority(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t px = json_integer_value(json_object_get(x, "priority"));
	json_int_t py = json_integer_value(json_object_get(y, "priority"));
	if (px != py)
		return px > py ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "number")),
		      json_string_value(json_object_get(y, "number")));
}

int h_cases(struct http_req *rq, struct http_resp *rs)
{
	int32_t as_of;
	if (as_of_of(rq, rs, &as_of))
		return 0;
	const char *open = http_query(rq, "open"), *overdue = http_query(rq, "overdue"),
		   *priority = http_query(rq, "priority");
	struct case_filter f = {.open_only = open && strcmp(open, "0") != 0,
				.scope_role = (int)rq->who.role,
				.scope = rq->who.scope,
				.employer = http_query(rq, "employer"),
				.project = http_query(rq, "project"),
				.status = http_query(rq, "status"),
				.channel = http_query(rq, "channel")};
	bool by_prio = priority && strcmp(priority, "0") != 0;
	if (by_prio)
		f.open_only = true;
	struct msg err;
	int n, rc;
	/* complaints waiting in the intake queue become cases before the regulator looks */
	if (staff(rq) && (rc = case_adopt(rq->store, &n, &err)))
		return rc;
	struct case_clock k;
	if ((rc = case_clock_load(rq->store, &k)))
		return rc;
	struct list_ctx x = {.rq = rq,
			     .k = &k,
			     .as_of = as_of,
			     .overdue = overdue && strcmp(overdue, "0") != 0,
			     .items = json_array()};
	rc = store_case_list(rq->store, &f, list_one, &x);
	case_clock_release(&k);
	if (rc) {
		json_decref(x.items);
		return rc;
	}
	size_t total = json_array_size(x.items);
	json_t **v = calloc(total ? total : 1, sizeof *v);
	if (!v) {
		json_decref(x.items);
		return WG_ENOMEM;
	}
	for (size_t i = 0; i < total; i++)
		v[i] = json_array_get(x.items, i);
	if (by_prio && total)
		qsort(v, total, sizeof *v, by_priority);
	int64_t offset, limit, page;
	http_paging(rq, &offset, &limit, &page);
	json_t *items = json_array();
	for (size_t i = (size_t)offset; i < total && i < (size_t)(offset + limit); i++)
		json_array_append(items, v[i]);
	free(v);
	json_decref(x.items);
	return http_json(rs, 200,
			 json_pack("{s:o, s:I, s:I, s:I}", "items", items, "page", (json_int_t)page,
				   "per_page", (json_int_t)limit, "total", (json_int_t)total));
}

int h_case(struct http_req *rq, struct http_resp *rs)
{
	int32_t as_of;
	if (as_of_of(rq, rs, &as_of))
		return 0;
	struct case_row *c = malloc(sizeof *c);
	if (!c)
		return WG_ENOMEM;
	int rc = load(rq, rs, c);
	if (rc) {
		free(c);
		return rc < 0 ? rc : 0;
	}
	struct case_clock k;
	if ((rc = case_clock_load(rq->store, &k))) {
		free(c);
		return rc;
	}
	json_t *j = case_for(rq, &k, c, as_of, 0);
	case_clock_release(&k);
	free(c);
	if (!j)
		return WG_ESTORE;
	return http_json(rs, 200, j);
}

/* A domain failure as the answer: 422 for what the case's state or the input refuses, 404 for
 * a case or document that does not exist; a store failure goes up as 500. */
static int domain_error(struct http_resp *rs, int rc, const struct msg *err)
{
	if (rc == WG_EINPUT)
		return http_error_msg(rs, 422, "INVALID", err);
	if (rc == WG_ENOTFOUND)
		return http_error_msg(rs, 404, "NOT_FOUND", err);
	return rc;
}

/* The day field of body (default today). 0, or 1 after answering. */
static int day_field(json_t *in, struct http_resp *rs, const char *field, bool required,
		     int32_t *out)
{
	const char *v = NULL;
	if (http_body_str(in, rs, field, required, &v))
		return 1;
	if (!v) {
		*out = date_today();
		return 0;
	}
	if (date_parse(v, out)) {
		http_field_error(rs, 422, "INVALID_FIELD", field, MSG_RELIEF_DATE_BAD, "value", v,
				 MSG_END);
		return 1;
	}
	return 0;
}

static int amount_field(json_t *in, struct http_resp *rs, const char *field, bool required,
			int64_t *out)
{
	json_t *v = json_object_get(in, field);
	*out = 0;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		http_field_error(rs, 400, "MISSING_FIELD", field, MSG_RELIEF_AMOUNT_BAD, "value",
				 "", MSG_END);
		return 1;
	}
	char buf[64];
	const char *text = buf;
	if (json_is_string(v))
		text = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
	else
		snprintf(buf, sizeof buf, "?");
	if (money_parse(text, out)) {
		http_field_error(rs, 422, "INVALID_FIELD", field, MSG_RELIEF_AMOUNT_BAD, "value",
				 text, MSG_END);
		return 1;
	}
	return 0;
}

/* Answers with the case after a step. */
static int reply_case(struct http_req *rq, struct http_resp *rs, const char *number, int status)
{
	struct case_row *c = malloc(sizeof *c);
	struct case_clock k;
	if (!c)
		return WG_ENOMEM;
	int rc = store_case_get(rq->store, number, c);
	if (!rc)
		rc = case_clock_load(rq->store, &k);
	if (rc) {
		free(c);
		return rc;
	}
	json_t *j = case_for(rq, &k, c, date_today(), 0);
	case_clock_release(&k);
	free(c);
	return j ? http_json(rs, status, j) : WG_ESTORE;
}

int h_case_open(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"channel",        "employer",  "employer_name",
					     "project",        "region",    "received",
					     "description",    "workers",   "reporter_name",
					     "reporter_phone", "anonymous", NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	struct case_intake ci = {0};
	const char *region = NULL;
	struct case_claim *claims = calloc(MAX_CLAIMS, sizeof *claims);
	char(*ids)[19] = calloc(MAX_CLAIMS, sizeof *ids);
	int rc = 0;
	if (!claims || !ids) {
		rc = WG_ENOMEM;
		goto done;
	}
	if (http_body_str(in, rs, "channel", true, &ci.channel) ||
	    http_body_str(in, rs, "employer", true, &ci.employer) ||
	    http_body_str(in, rs, "employer_name", false, &ci.employer_name) ||
	    http_body_str(in, rs, "project", false, &ci.project) ||
	    http_body_str(in, rs, "region", false, &region) ||
	    http_body_str(in, rs, "description", false, &ci.description) ||
	    http_body_str(in, rs, "reporter_name", false, &ci.reporter_name) ||
	    http_body_str(in, rs, "reporter_phone", false, &ci.reporter_phone) ||
	    day_field(in, rs, "received", false, &ci.received))
		goto done;
	ci.anonymous = json_is_true(json_object_get(in, "anonymous"));
	if (region && region_validate(region)) {
		http_field_error(rs, 422, "INVALID_FIELD", "region", MSG_RELIEF_REGION_BAD, "value",
				 region, MSG_END);
		goto done;
	}
	ci.region = region ? strtoll(region, NULL, 10) : 0;
	json_t *ws = json_object_get(in, "workers");
	if (ws && !json_is_array(ws)) {
		http_field_error(rs, 400, "BAD_FIELD", "workers", MSG_RELIEF_NO_COMPLAINANT,
				 MSG_END);
		goto done;
	}
	size_t i;
	json_t *w;
	json_array_foreach(ws, i, w)
	{
		if (i >= MAX_CLAIMS || !json_is_object(w)) {
			http_field_error(rs, 422, "INVALID_FIELD", "workers", MSG_RELIEF_WORKER_BAD,
					 "value", "", MSG_END);
			goto done;
		}
		const char *id = json_string_value(json_object_get(w, "id_number"));
		if (id && *id && idcard_validate(id, ids[i])) {
			http_field_error(rs, 422, "INVALID_FIELD", "workers", MSG_RELIEF_ID_BAD,
					 "value", id, MSG_END);
			goto done;
		}
		claims[i].id_number = id && *id ? ids[i] : NULL;
		claims[i].name = json_string_value(json_object_get(w, "name"));
		claims[i].phone = json_string_value(json_object_get(w, "phone"));
		if (amount_field(w, rs, "amount", true, &claims[i].amount))
			goto done;
		ci.nclaims++;
	}
	ci.claims = claims;
	ci.actor = rq->who.username;
	/* a regulator opens cases of their own region only */
	if (rq->who.role == ROLE_REGULATOR) {
		int64_t preg, ereg;
		char name[256];
		if ((rc = store_case_respondent(rq->store, ci.project, ci.employer, &preg, &ereg,
						name, sizeof name)))
			goto done;
		int64_t reg = ci.region ? ci.region : ci.project && *ci.project ? preg : ereg;
		if (reg > 0 && !in_region(rq, reg)) {
			http_error(rs, 403, "FORBIDDEN", MSG_RELIEF_OUT_OF_REGION, MSG_END);
			goto done;
		}
	}
	char number[CASE_NUMBER_SZ];
	bool joined;
	struct msg err;
	rc = case_intake(rq->store, &ci, number, &joined, &err);
	if (rc) {
		rc = domain_error(rs, rc, &err);
		goto done;
	}
	rc = reply_case(rq, rs, number, joined ? 200 : 201);
	if (!rc && rs->json)
		json_object_set_new(rs->json, "joined", json_boolean(joined));
done:
	free(claims);
	free(ids);
	json_decref(in);
	return rc;
}

/* The steps: one body each, run by the domain, answered with the case. */
enum step { ACCEPT, REJECT, EXTEND, ORDER, IGNORED, PAY, CLOSE, ABSCONDED };

static int step(struct http_req *rq, struct http_resp *rs, enum step which)
{
	static const char *const fields[] = {"on",     "reason",    "deadline", "outcome",
					     "amount", "id_number", "txn_id",   NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	struct case_row *c = malloc(sizeof *c);
	int rc = c ? load(rq, rs, c) : WG_ENOMEM;
	free(c);
	if (rc) {
		json_decref(in);
		return rc < 0 ? rc : 0;
	}
	const char *number = rq->params[0], *reason = NULL, *outcome = NULL, *id = NULL,
		   *txn = NULL;
	int32_t on, deadline = -1;
	int64_t amount = 0;
	char norm[19], out[96];
	struct msg err;
	if (day_field(in, rs, "on", false, &on) ||
	    http_body_str(in, rs, "reason", which == REJECT || which == EXTEND, &reason) ||
	    (which == ORDER && day_field(in, rs, "deadline", true, &deadline)) ||
	    http_body_str(in, rs, "outcome", which == CLOSE, &outcome) ||
	    amount_field(in, rs, "amount", which == PAY, &amount) ||
	    http_body_str(in, rs, "id_number", which == PAY, &id) ||
	    http_body_str(in, rs, "txn_id", false, &txn))
		goto done;
	if (which == PAY && idcard_validate(id, norm)) {
		http_field_error(rs, 422, "INVALID_FIELD", "id_number", MSG_RELIEF_ID_BAD, "value",
				 id, MSG_END);
		goto done;
	}
	const char *who = rq->who.username;
	switch (which) {
	case ACCEPT: rc = case_accept(rq->store, number, on, who, &err); break;
	case REJECT: rc = case_reject(rq->store, number, on, reason, who, &err); break;
	case EXTEND: rc = case_extend(rq->store, number, on, reason, who, &err); break;
	case ORDER: rc = case_order(rq->store, number, on, deadline, who, out, &err); break;
	case IGNORED: rc = case_order_ignored(rq->store, number, on, who, &err); break;
	case PAY: rc = case_pay(rq->store, number, norm, amount, on, txn, who, out, &err); break;
	case CLOSE: rc = case_close(rq->store, number, outcome, on, amount, who, &err); break;
	case ABSCONDED: rc = case_absconded(rq->store, number, on, who, &err); break;
	}
	if (rc)
		rc = domain_error(rs, rc, &err);
	else
		rc = reply_case(rq, rs, number, 200);
	if (!rc && which == PAY && rs->json)
		json_object_set_new(rs->json, "receipt", json_string(out));
done:
	json_decref(in);
	return rc;
}

int h_case_accept(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, ACCEPT);
}
int h_case_reject(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, REJECT);
}
int h_case_extend(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, EXTEND);
}
int h_case_order(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, ORDER);
}
int h_case_ignored(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, IGNORED);
}
int h_case_pay(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, PAY);
}
int h_case_close(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, CLOSE);
}
int h_case_absconded(struct http_req *rq, struct http_resp *rs)
{
	return step(rq, rs, ABSCONDED);
}

int h_case_liability(struct http_req *rq, struct http_resp *rs)
{
	int32_t as_of;
	if (as_of_of(rq, rs, &as_of))
		return 0;
	struct case_row *c = malloc(sizeof *c);
	int rc = c ? load(rq, rs, c) : WG_ENOMEM;
	free(c);
	if (rc)
		return rc < 0 ? rc : 0;
	json_t *j;
	struct msg err;
	if ((rc = case_liability(rq->store, rq->params[0], as_of, rs->lang, &j, &err)))
		return domain_error(rs, rc, &err);
	return http_json(rs, 200, j);
}

/* A tip-off's reporter: staff only, each look recorded in the case's timeline. */
int h_case_reporter(struct http_req *rq, struct http_resp *rs)
{
	struct case_row *c = malloc(sizeof *c);
	int rc = c ? load(rq, rs, c) : WG_ENOMEM;
	if (rc) {
		free(c);
		return rc < 0 ? rc : 0;
	}
	struct msg err;
	if (strcmp(c->channel, "tipoff") != 0) {
		free(c);
		return http_error(rs, 404, "NOT_FOUND", MSG_RELIEF_NOT_TIPOFF, "number",
				  rq->params[0], MSG_END);
	}
	if ((rc = case_reporter_seen(rq->store, c->number, rq->who.username, &err))) {
		free(c);
		return domain_error(rs, rc, &err);
	}
	json_t *j = json_pack("{s:s, s:b, s:s?, s:s?}", "number", c->number, "anonymous",
			      c->reporter_anonymous, "name",
			      c->reporter_name[0] ? c->reporter_name : NULL, "phone",
			      c->reporter_phone[0] ? c->reporter_phone : NULL);
	free(c);
	return http_json(rs, 200, j);
}

/* Government accountability (SPEC §11): the regions within the caller's scope ranked. */
int h_accountability(struct http_req *rq, struct http_resp *rs)
{
	int32_t to = date_today(), from;
	const char *f = http_query(rq, "from"), *t = http_query(rq, "to"),
		   *d = http_query(rq, "depth");
	if (t && date_parse(t, &to))
		return http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DATE_BAD, "value", t, MSG_END);
	int y, m, day;
	date_to_ymd(to, &y, &m, &day);
	from = date_from_ymd(y, 1, 1);
	if (f && date_parse(f, &from))
		return http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DATE_BAD, "value", f, MSG_END);
	int depth = rq->who.role == ROLE_REGULATOR && strlen(rq->who.scope) >= 4 ? 6 : 4;
	if (d && (strcmp(d, "2") == 0 || strcmp(d, "4") == 0 || strcmp(d, "6") == 0))
		depth = d[0] - '0';
	else if (d)
		return http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DEPTH, MSG_END);
	json_t *j;
	int rc = case_accountability(rq->store, rq->who.role == ROLE_ADMIN ? "" : rq->who.scope,
				     from, to, depth, &j);
	return rc ? rc : http_json(rs, 200, j);
}

/* The criminal referral dossier of a case: JSON (default), Chinese HTML or A4 PDF. */
int h_case_dossier(struct http_req *rq, struct http_resp *rs)
{
	struct case_row *c = malloc(sizeof *c);
	int rc = c ? load(rq, rs, c) : WG_ENOMEM;
	free(c);
	if (rc)
		return rc < 0 ? rc : 0;
	const char *format = http_query(rq, "format");
	if (format && strcmp(format, "json") != 0 && strcmp(format, "html") != 0 &&
	    strcmp(format, "pdf") != 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DOCUMENT_FORMAT, MSG_END);
	json_t *j;
	struct msg err;
	if ((rc = case_dossier(rq->store, rq->params[0], &j, &err)))
		return domain_error(rs, rc, &err);
	if (!format || strcmp(format, "json") == 0)
		return http_json(rs, 200, j);
	struct doc d = DOC_INIT;
	rc = case_dossier_doc(j, &d);
	json_decref(j);
	if (!rc && strcmp(format, "html") == 0) {
		struct dbuf b = DBUF_INIT;
		b.max = 64u << 20;
		if ((rc = render_html(&d, &b))) {
			dbuf_release(&b);
		} else {
			rs->body = b.p ? b.p : strdup("");
			rs->body_len = b.len;
			rs->content_type = "text/html; charset=utf-8";
		}
	} else if (!rc) {
		char *buf = NULL, why[256];
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (!f) {
			rc = WG_ENOMEM;
		} else {
			int failed = render_pdf(&d, f, why, sizeof why);
			fclose(f);
			if (failed) {
				free(buf);
				rc = http_error(rs, 500, "INTERNAL", MSG_RELIEF_DOCUMENT_DRAW,
						"reason", why, MSG_END);
			} else {
				rs->body = buf;
				rs->body_len = len;
				rs->content_type = "application/pdf";
			}
		}
	}
	doc_release(&d);
	return rc;
}

/* The orders of the liability split, one to each party owing something. */
int h_case_liability_orders(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"on", "deadline", NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	struct case_row *c = malloc(sizeof *c);
	int rc = c ? load(rq, rs, c) : WG_ENOMEM;
	free(c);
	int32_t on, deadline;
	if (rc || day_field(in, rs, "on", false, &on) ||
	    day_field(in, rs, "deadline", true, &deadline)) {
		json_decref(in);
		return rc < 0 ? rc : 0;
	}
	json_decref(in);
	json_t *issued;
	struct msg err;
	if ((rc = case_liability_orders(rq->store, rq->params[0], on, deadline, rq->who.username,
					&issued, &err)))
		return domain_error(rs, rc, &err);
	return http_json(rs, 201, json_pack("{s:o}", "issued", issued));
}
