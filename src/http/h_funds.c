/* h_funds.c — the emergency wage fund (SPEC §8) over HTTP: the funds within a regulator's
 * region with their statements and movements (the balance chart), top-ups, applications (by
 * a worker for himself or by staff for a case's worker), decisions, payments, recovery and
 * write-off of a case's advances. A regulator acts on funds whose code and his region share
 * a prefix (the province's fund and his city's). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/fund.h"
#include "domain/links.h"
#include "http/http.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

/* Whether the caller may act on fund region: admin always; a regulator when one of the
 * codes is a prefix of the other. */
static bool fund_in_scope(const struct http_req *rq, int64_t region)
{
	if (rq->who.role == ROLE_ADMIN)
		return true;
	char code[24];
	snprintf(code, sizeof code, "%" PRId64, region);
	size_t a = strlen(code), b = strlen(rq->who.scope);
	return rq->who.role == ROLE_REGULATOR && strncmp(code, rq->who.scope, a < b ? a : b) == 0;
}

/* The fund of the path, in scope; 1 after answering 404. */
static int fund_of(struct http_req *rq, struct http_resp *rs, int64_t *region)
{
	if (fund_code_parse(rq->params[0], region) || !fund_in_scope(rq, *region)) {
		http_error(rs, 404, "NOT_FOUND", MSG_FUND_NO_FUND, "region", rq->params[0],
			   MSG_END);
		return 1;
	}
	return 0;
}

static int domain_error(struct http_resp *rs, int rc, const struct msg *m)
{
	if (rc == WG_EINPUT || rc == WG_ENOTFOUND)
		return http_error_msg(rs, rc == WG_ENOTFOUND ? 404 : 422,
				      rc == WG_ENOTFOUND ? "NOT_FOUND" : "REFUSED", m);
	return rc;
}

static int32_t body_day(json_t *b, struct http_resp *rs, const char *field)
{
	const char *v;
	int32_t d = date_today();
	if (http_body_str(b, rs, field, false, &v))
		return -1;
	if (v && date_parse(v, &d)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_FIELD_NOT_DATE, "value", v,
				 MSG_END);
		return -1;
	}
	return d;
}

static int body_amount(json_t *b, struct http_resp *rs, bool required, int64_t *fen)
{
	const char *v;
	*fen = 0;
	if (http_body_str(b, rs, "amount", required, &v))
		return -1;
	if (v && money_parse(v, fen)) {
		http_field_error(rs, 400, "BAD_FIELD", "amount", MSG_DEPOSIT_AMOUNT_POSITIVE,
				 "amount", v, MSG_END);
		return -1;
	}
	return 0;
}

struct funds_ctx {
	struct http_req *rq;
	json_t *items;
};

static int add_fund(void *ctx, int64_t region)
{
	struct funds_ctx *c = ctx;
	if (!fund_in_scope(c->rq, region))
		return 0;
	json_t *j = fund_statement_json(c->rq->store, region, NULL, NULL, date_today(), false);
	return !j || json_array_append_new(c->items, j) ? WG_ENOMEM : 0;
}

int h_funds(struct http_req *rq, struct http_resp *rs)
{
	struct funds_ctx c = {rq, json_array()};
	int rc = store_fund_list(rq->store, add_fund, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", c.items));
}

int h_fund(struct http_req *rq, struct http_resp *rs)
{
	int64_t region;
	if (fund_of(rq, rs, &region))
		return 0;
	int32_t day = date_today();
	const char *v = http_query(rq, "as_of");
	if (v && date_parse(v, &day))
		return http_field_error(rs, 400, "BAD_FIELD", "as_of", MSG_FIELD_NOT_DATE, "value",
					v, MSG_END);
	json_t *j = fund_statement_json(rq->store, region, NULL, NULL, day, true);
	return j ? http_json(rs, 200, j) : WG_ESTORE;
}

int h_fund_topup(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"amount", "source", "on", NULL};
	int64_t region, amount;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	if (fund_of(rq, rs, &region)) {
		json_decref(b);
		return 0;
	}
	const char *source;
	int32_t day;
	int rc = 0;
	struct msg err = {0};
	if (body_amount(b, rs, true, &amount) || http_body_str(b, rs, "source", true, &source) ||
	    (day = body_day(b, rs, "on")) < 0)
		goto done;
	if ((rc = fund_topup(rq->store, region, amount, source, day, rq->who.username, &err)))
		rc = domain_error(rs, rc, &err);
	else
		rc = http_json(
			rs, 201,
			fund_statement_json(rq->store, region, NULL, NULL, date_today(), false));
done:
	json_decref(b);
	return rc;
}

static int add_app(void *ctx, const struct fund_application *a)
{
	return json_array_append_new(ctx, fund_application_json(a, false)) ? WG_ENOMEM : 0;
}

int h_fund_applications(struct http_req *rq, struct http_resp *rs)
{
	int64_t region;
	if (fund_of(rq, rs, &region))
		return 0;
	json_t *a = json_array();
	int rc = store_fund_apps(rq->store, region, http_query(rq, "status"),
				 http_query(rq, "case"), add_app, a);
	if (rc) {
		json_decref(a);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", a));
}

int h_fund_apply(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"case", "worker", "amount", "purpose", "on", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	const char *case_ref, *worker, *purpose;
	int64_t amount, id;
	int32_t day;
	char norm[19];
	int rc = 0;
	struct msg err = {0};
	if (http_body_str(b, rs, "case", true, &case_ref) ||
	    http_body_str(b, rs, "worker", rq->who.role != ROLE_WORKER, &worker) ||
	    body_amount(b, rs, true, &amount) || http_body_str(b, rs, "purpose", false, &purpose) ||
	    (day = body_day(b, rs, "on")) < 0)
		goto done;
	/* a worker applies for himself only */
	if (rq->who.role == ROLE_WORKER)
		worker = rq->who.scope;
	if (idcard_validate(worker, norm)) {
		http_field_error(rs, 400, "BAD_FIELD", "worker", MSG_FUND_NO_APPLICATION, "id", "?",
				 MSG_END);
		goto done;
	}
	if (rq->who.role == ROLE_REGULATOR) {
		struct link_case c;
		if (link_case_get(rq->store, case_ref, &c) == WG_OK) {
			char r[24];
			snprintf(r, sizeof r, "%06" PRId64, c.region);
			if (strncmp(r, rq->who.scope, strlen(rq->who.scope)) != 0) {
				rc = http_error(rs, 404, "NOT_FOUND", MSG_FUND_NO_CASE, "case",
						case_ref, MSG_END);
				goto done;
			}
		}
	}
	if ((rc = fund_apply(rq->store, case_ref, norm, amount, purpose ? purpose : "living", day,
			     rq->who.username, &id, &err))) {
		rc = domain_error(rs, rc, &err);
		goto done;
	}
	struct fund_application a;
	if (!(rc = store_fund_app_get(rq->store, id, &a)))
		rc = http_json(rs, 201, fund_application_json(&a, rq->who.role == ROLE_WORKER));
done:
	json_decref(b);
	return rc;
}

/* The application of the path within the caller's funds; 1 after answering 404. */
static int app_of(struct http_req *rq, struct http_resp *rs, int64_t *id)
{
	char *end;
	struct fund_application a;
	*id = strtoll(rq->params[0], &end, 10);
	if (*end || *id <= 0 || store_fund_app_get(rq->store, *id, &a) ||
	    !fund_in_scope(rq, a.region)) {
		http_error(rs, 404, "NOT_FOUND", MSG_FUND_NO_APPLICATION, "id", rq->params[0],
			   MSG_END);
		return 1;
	}
	return 0;
}

int h_fund_decision(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"decision", "reason", "on", NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	if (app_of(rq, rs, &id)) {
		json_decref(b);
		return 0;
	}
	const char *decision, *reason;
	int32_t day;
	int rc = 0;
	struct msg err = {0};
	if (http_body_str(b, rs, "decision", true, &decision) ||
	    http_body_str(b, rs, "reason", false, &reason) || (day = body_day(b, rs, "on")) < 0)
		goto done;
	if (strcmp(decision, "approve") && strcmp(decision, "reject")) {
		rc = http_field_error(rs, 400, "BAD_FIELD", "decision", MSG_FUND_APPLICATION_STATUS,
				      "id", rq->params[0], "status", decision, "want",
				      "approve|reject", MSG_END);
		goto done;
	}
	rc = strcmp(decision, "approve") == 0
		? fund_approve(rq->store, id, day, rq->who.username, &err)
		: fund_reject(rq->store, id, day, rq->who.username, reason, &err);
	struct fund_application a;
	if (rc)
		rc = domain_error(rs, rc, &err);
	else if (!(rc = store_fund_app_get(rq->store, id, &a)))
		rc = http_json(rs, 200, fund_application_json(&a, false));
done:
	json_decref(b);
	return rc;
}

int h_fund_payment(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"on", NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	if (app_of(rq, rs, &id)) {
		json_decref(b);
		return 0;
	}
	int32_t day;
	int rc = 0;
	struct msg err = {0};
	if ((day = body_day(b, rs, "on")) < 0)
		goto done;
	struct fund_application a;
	if ((rc = fund_pay(rq->store, id, day, rq->who.username, &err)))
		rc = domain_error(rs, rc, &err);
	else if (!(rc = store_fund_app_get(rq->store, id, &a)))
		rc = http_json(rs, 200, fund_application_json(&a, false));
done:
	json_decref(b);
	return rc;
}

/* recovery and write-off of a case's advances */
static int settle(struct http_req *rq, struct http_resp *rs, bool writeoff)
{
	static const char *const fields[] = {"amount", "reason", "on", NULL};
	const char *case_ref = rq->params[0];
	struct link_case c;
	char r[24];
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	if (link_case_get(rq->store, case_ref, &c) ||
	    (snprintf(r, sizeof r, "%06" PRId64, c.region),
	     rq->who.role == ROLE_REGULATOR &&
		     strncmp(r, rq->who.scope, strlen(rq->who.scope)) != 0)) {
		json_decref(b);
		return http_error(rs, 404, "NOT_FOUND", MSG_FUND_NO_CASE, "case", case_ref,
				  MSG_END);
	}
	int64_t amount;
	const char *reason;
	int32_t day;
	int rc = 0;
	struct msg err = {0};
	if (body_amount(b, rs, false, &amount) || http_body_str(b, rs, "reason", false, &reason) ||
	    (day = body_day(b, rs, "on")) < 0)
		goto done;
	rc = writeoff
		? fund_writeoff(rq->store, case_ref, amount, reason, day, rq->who.username, &err)
		: fund_recover(rq->store, case_ref, amount, day, rq->who.username, &err);
	if (rc)
		rc = domain_error(rs, rc, &err);
	else
		rc = http_json(
			rs, 200,
			fund_statement_json(rq->store, 0, case_ref, NULL, date_today(), false));
done:
	json_decref(b);
	return rc;
}

int h_fund_recovery(struct http_req *rq, struct http_resp *rs)
{
	return settle(rq, rs, false);
}

int h_fund_writeoff(struct http_req *rq, struct http_resp *rs)
{
	return settle(rq, rs, true);
}
