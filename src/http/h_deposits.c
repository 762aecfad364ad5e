/* h_deposits.c — wage guarantee deposits (SPEC §7) over HTTP: a project's deposit file
 * (quote with its factors, deposits, life cycle, return notice), lodging, activation,
 * replenishment, return, life-cycle events, the regulator's register, and the public
 * deposit-return notices. Scope: a regulator its region, an enterprise the projects it is
 * contractor of (lodging, replenishing) or sees (reading). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/deposit.h"
#include "http/http.h"
#include "store/project.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

/* ?as_of= or today; -1 after answering 400. */
static int32_t as_of(struct http_req *rq, struct http_resp *rs)
{
	const char *v = http_query(rq, "as_of");
	int32_t d = date_today();
	if (v && date_parse(v, &d)) {
		http_field_error(rs, 400, "BAD_FIELD", "as_of", MSG_FIELD_NOT_DATE, "value", v,
				 MSG_END);
		return -1;
	}
	return d;
}

/* A date field of body (absent: today); -1 after answering 400. */
static int32_t body_date(json_t *b, struct http_resp *rs, const char *field, bool required)
{
	const char *v;
	int32_t d = date_today();
	if (http_body_str(b, rs, field, required, &v))
		return -1;
	if (v && date_parse(v, &d)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_FIELD_NOT_DATE, "value", v,
				 MSG_END);
		return -1;
	}
	return v || !required ? d : -1;
}

/* A money field of body; -1 after answering 400 (absent and not required: 0). */
static int body_money(json_t *b, struct http_resp *rs, const char *field, bool required,
		      int64_t *fen)
{
	const char *v;
	*fen = 0;
	if (http_body_str(b, rs, field, required, &v))
		return -1;
	if (v && money_parse(v, fen)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount",
				 v, MSG_END);
		return -1;
	}
	return 0;
}

/* The project, checked within the caller's scope; with contractor, an enterprise must be
 * its contractor. WG_OK, or answered (1), or a store failure. */
static int project_for(struct http_req *rq, struct http_resp *rs, bool contractor,
		       struct dep_project *p)
{
	if (http_project_access(rq, rs, rq->params[0]))
		return 1;
	int rc = store_dep_project(rq->store, rq->params[0], p);
	if (rc == WG_ENOTFOUND) {
		http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_FOUND, "project",
			   rq->params[0], MSG_END);
		return 1;
	}
	if (rc)
		return rc;
	if (contractor && rq->who.role == ROLE_ENTERPRISE &&
	    strcmp(p->contractor, rq->who.scope) != 0) {
		http_error(rs, 404, "NOT_FOUND", MSG_DEPOSIT_NOT_CONTRACTOR, "project",
			   rq->params[0], MSG_END);
		return 1;
	}
	return WG_OK;
}

static int domain_error(struct http_resp *rs, int rc, const struct msg *m)
{
	if (rc == WG_EINPUT || rc == WG_ENOTFOUND)
		return http_error_msg(rs, rc == WG_ENOTFOUND ? 404 : 422,
				      rc == WG_ENOTFOUND ? "NOT_FOUND" : "REFUSED", m);
	return rc;
}

static int add_deposit(void *ctx, const struct deposit *d)
{
	json_t **a = ctx;
	return json_array_append_new(a[0], deposit_json(d, (int32_t)json_integer_value(a[1])))
		? WG_ENOMEM
		: 0;
}

int h_project_deposit(struct http_req *rq, struct http_resp *rs)
{
	struct dep_project p;
	int32_t day = as_of(rq, rs);
	if (day < 0)
		return 0;
	int rc = project_for(rq, rs, false, &p);
	if (rc)
		return rc > 0 ? 0 : rc;
	int64_t id = p.id;
	char code[72];
	snprintf(code, sizeof code, "%s", p.code);
	struct deposit_quote q;
	if ((rc = deposit_quote(rq->store, code, day, &q)))
		return rc;
	json_t *quote = deposit_quote_json(&q);
	deposit_quote_release(&q);
	json_t *ctx[2] = {json_array(), json_integer(day)};
	struct deposit_filter f = {.project = code, .as_of = day};
	struct project_state st;
	json_t *events = lifecycle_json(rq->store, id);
	rc = store_deposit_list(rq->store, &f, add_deposit, ctx);
	if (!rc)
		rc = lifecycle_state(rq->store, id, day, &st);
	json_decref(ctx[1]);
	if (rc || !events) {
		json_decref(quote);
		json_decref(ctx[0]);
		json_decref(events);
		return rc ? rc : WG_ENOMEM;
	}
	bool held = false;
	deposit_held(rq->store, id, day, &held);
	struct deposit_return r;
	json_t *notice = json_null();
	if (store_deposit_return_open(rq->store, id, &r) == WG_OK)
		notice = json_pack("{s:I, s:o, s:o, s:s, s:o}", "id", (json_int_t)r.id,
				   "published_on", http_date(r.published_on), "ends_on",
				   http_date(r.ends_on), "status", r.status, "returned_on",
				   http_date(r.returned_on));
	return http_json(rs, 200,
			 json_pack("{s:s, s:o, s:s, s:b, s:o, s:o, s:o, s:o}", "project", code,
				   "as_of", http_date(day), "phase", project_phase_name(st.phase),
				   "held", held, "quote", quote, "deposits", ctx[0], "events",
				   events, "return_notice", notice));
}

int h_project_events_get(struct http_req *rq, struct http_resp *rs)
{
	struct dep_project p;
	int rc = project_for(rq, rs, false, &p);
	if (rc)
		return rc > 0 ? 0 : rc;
	json_t *e = lifecycle_json(rq->store, p.id);
	return e
		? http_json(rs, 200, json_pack("{s:s, s:o}", "project", rq->params[0], "events", e))
		: WG_ENOMEM;
}

int h_project_events_post(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"event", "date", "note", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct dep_project p;
	int rc = project_for(rq, rs, true, &p);
	if (rc) {
		json_decref(b);
		return rc > 0 ? 0 : rc;
	}
	const char *event, *note;
	int32_t day;
	struct msg err = {0};
	if (http_body_str(b, rs, "event", true, &event) ||
	    (day = body_date(b, rs, "date", true)) < 0 ||
	    http_body_str(b, rs, "note", false, &note))
		goto done;
	if ((rc = lifecycle_record(rq->store, rq->params[0], event, day, note, &err)))
		rc = domain_error(rs, rc, &err);
	else
		rc = http_json(rs, 201,
			       json_pack("{s:s, s:s, s:o}", "project", rq->params[0], "event",
					 event, "date", http_date(day)));
done:
	json_decref(b);
	return rc;
}

int h_deposit_lodge(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"form",      "number",     "issuer",   "amount",
					     "lodged_on", "expires_on", "replaces", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct dep_project p;
	int rc = project_for(rq, rs, true, &p);
	if (rc) {
		json_decref(b);
		return rc > 0 ? 0 : rc;
	}
	struct deposit_lodge l = {
		.project = rq->params[0], .expires_on = -1, .actor = rq->who.username};
	const char *exp = NULL;
	json_t *rep = json_object_get(b, "replaces");
	struct msg err = {0};
	int64_t id;
	if (http_body_str(b, rs, "form", true, &l.form) ||
	    http_body_str(b, rs, "number", true, &l.number) ||
	    http_body_str(b, rs, "issuer", true, &l.issuer) ||
	    body_money(b, rs, "amount", true, &l.amount) ||
	    (l.lodged_on = body_date(b, rs, "lodged_on", false)) < 0 ||
	    http_body_str(b, rs, "expires_on", false, &exp))
		goto done;
	if (exp && (l.expires_on = body_date(b, rs, "expires_on", true)) < 0)
		goto done;
	if (rep && !json_is_null(rep)) {
		if (!json_is_integer(rep)) {
			http_field_error(rs, 400, "BAD_FIELD", "replaces", MSG_DEPOSIT_REPLACES_BAD,
					 "id", "?", MSG_END);
			goto done;
		}
		l.replaces = json_integer_value(rep);
	}
	if ((rc = deposit_lodge(rq->store, &l, &id, &err))) {
		rc = domain_error(rs, rc, &err);
		goto done;
	}
	struct deposit d;
	if (!(rc = store_deposit_get(rq->store, id, l.lodged_on, &d)))
		rc = http_json(rs, 201, deposit_json(&d, l.lodged_on));
done:
	json_decref(b);
	return rc;
}

int h_deposit_activate(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"order", "case", "on", "workers", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct dep_project p;
	int rc = project_for(rq, rs, false, &p);
	if (rc) {
		json_decref(b);
		return rc > 0 ? 0 : rc;
	}
	struct deposit_activation a = {.project = rq->params[0], .actor = rq->who.username};
	struct deposit_worker *w = NULL;
	char(*ids)[19] = NULL;
	json_t *ws = json_object_get(b, "workers");
	if (http_body_str(b, rs, "order", true, &a.order_ref) ||
	    http_body_str(b, rs, "case", false, &a.case_ref) ||
	    (a.on = body_date(b, rs, "on", false)) < 0)
		goto done;
	if (!json_is_array(ws) || json_array_size(ws) == 0 || json_array_size(ws) > 1000) {
		http_field_error(rs, 400, "MISSING_FIELD", "workers", MSG_DEPOSIT_NO_WORKERS,
				 MSG_END);
		goto done;
	}
	size_t n = json_array_size(ws), i;
	w = calloc(n, sizeof *w);
	ids = calloc(n, sizeof *ids);
	if (!w || !ids) {
		rc = WG_ENOMEM;
		goto done;
	}
	json_t *x;
	json_array_foreach(ws, i, x)
	{
		const char *id = json_string_value(json_object_get(x, "id_number"));
		const char *amt = json_string_value(json_object_get(x, "amount"));
		if (!id || idcard_validate(id, ids[i]) || !amt || money_parse(amt, &w[i].amount)) {
			http_field_error(rs, 400, "BAD_FIELD", "workers", MSG_DEPOSIT_NO_WORKERS,
					 MSG_END);
			goto done;
		}
		w[i].id_number = ids[i];
	}
	a.workers = w;
	a.nworkers = (int)n;
	struct deposit_activated out;
	struct msg err = {0};
	if ((rc = deposit_activate(rq->store, &a, &out, &err))) {
		rc = domain_error(rs, rc, &err);
		goto done;
	}
	rc = http_json(rs, 201,
		       json_pack("{s:s, s:s, s:o, s:o, s:o, s:i}", "project", rq->params[0],
				 "notice", out.notice_no, "owed", http_money(out.owed), "paid",
				 http_money(out.paid), "replenish_by", http_date(out.deadline),
				 "payments", out.payments));
done:
	free(w);
	free(ids);
	json_decref(b);
	return rc;
}

int h_deposit_replenish(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"amount", "on", "deposit", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct dep_project p;
	int rc = project_for(rq, rs, true, &p);
	if (rc) {
		json_decref(b);
		return rc > 0 ? 0 : rc;
	}
	int64_t amount;
	int32_t day;
	struct msg err = {0};
	json_t *dep = json_object_get(b, "deposit");
	if (body_money(b, rs, "amount", true, &amount) || (day = body_date(b, rs, "on", false)) < 0)
		goto done;
	if ((rc = deposit_replenish(rq->store, rq->params[0],
				    json_is_integer(dep) ? json_integer_value(dep) : 0, amount, day,
				    rq->who.username, &err)))
		rc = domain_error(rs, rc, &err);
	else
		rc = http_json(rs, 201,
			       json_pack("{s:s, s:o, s:o}", "project", rq->params[0], "replenished",
					 http_money(amount), "on", http_date(day)));
done:
	json_decref(b);
	return rc;
}

int h_deposit_return(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"promise", "on", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct dep_project p;
	int rc = project_for(rq, rs, false, &p);
	if (rc) {
		json_decref(b);
		return rc > 0 ? 0 : rc;
	}
	const char *promise;
	int32_t day;
	struct msg err = {0};
	struct deposit_return_result r;
	if (http_body_str(b, rs, "promise", false, &promise) ||
	    (day = body_date(b, rs, "on", false)) < 0)
		goto done;
	rc = deposit_return(rq->store, rq->params[0], promise, day, rq->who.username, &r, &err);
	if (rc == WG_EINPUT && r.nfailed) {
		json_t *e = http_error_object(rs, "REFUSED", &err), *f = json_array();
		for (int i = 0; i < r.nfailed; i++)
			json_array_append_new(f, http_error_object(rs, "CONDITION", &r.failed[i]));
		json_object_set_new(e, "conditions", f);
		rc = http_json(rs, 422, json_pack("{s:o}", "error", e));
	} else if (rc) {
		rc = domain_error(rs, rc, &err);
	} else {
		rc = http_json(rs, r.returned ? 200 : 201,
			       json_pack("{s:s, s:b, s:o, s:o, s:o, s:o}", "project", rq->params[0],
					 "returned", r.returned, "notice_published",
					 http_date(r.published_on), "notice_ends",
					 http_date(r.ends_on), "amount", http_money(r.amount),
					 "interest", http_money(r.interest)));
	}
done:
	json_decref(b);
	return rc;
}

int h_deposits(struct http_req *rq, struct http_resp *rs)
{
	int32_t day = as_of(rq, rs);
	if (day < 0)
		return 0;
	const char *open = http_query(rq, "open");
	struct deposit_filter f = {.scope_role = (int)rq->who.role,
				   .scope = rq->who.scope,
				   .project = http_query(rq, "project"),
				   .as_of = day,
				   .open_only = open && strcmp(open, "0") != 0};
	json_t *ctx[2] = {json_array(), json_integer(day)};
	int rc = store_deposit_list(rq->store, &f, add_deposit, ctx);
	json_decref(ctx[1]);
	if (rc) {
		json_decref(ctx[0]);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:o}", "as_of", http_date(day), "items", ctx[0]));
}

/* ---- public ---- */

static int add_return(void *ctx, const struct deposit_return *r)
{
	return json_array_append_new(
		       ctx,
		       json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:s}", "id",
				 (json_int_t)r->id, "project", r->project, "project_name",
				 r->project_name, "contractor", r->contractor, "contractor_name",
				 r->contractor_name, "published_on", http_date(r->published_on),
				 "ends_on", http_date(r->ends_on), "status", r->status,
				 "returned_on", http_date(r->returned_on), "promise", r->promise))
		? WG_ENOMEM
		: 0;
}

int h_public_deposit_returns(struct http_req *rq, struct http_resp *rs)
{
	const char *region = http_query(rq, "region");
	json_t *a = json_array();
	int rc = store_deposit_returns(rq->store, region, date_today(), add_return, a);
	if (rc) {
		json_decref(a);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", a));
}
