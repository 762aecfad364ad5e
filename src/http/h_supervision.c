/* h_supervision.c — the supervision API (SPEC §10): inspections and their tasks, the
 * inspectors' roster and conflicts, rectification orders, random draws (and their public
 * documents), campaigns with their screening registers, progress, reports and typical
 * cases. A regulator sees and acts within its region prefix, an enterprise sees the
 * inspections and orders addressed to it; anything outside the caller's scope is 404. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/campaign.h"
#include "domain/document.h"
#include "domain/draw.h"
#include "domain/links.h"
#include "domain/supervision.h"
#include "http/http.h"
#include "store/supervision.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

#define LIST_MAX 64

/* ---- scope ---- */

/* The region prefix the caller may see: "" for the admin, its scope for a regulator. */
static const char *region_scope(const struct http_req *rq)
{
	return rq->who.role == ROLE_REGULATOR ? rq->who.scope : "";
}

/* The prefix of a list: the caller's scope narrowed by ?region=; "-" (matches nothing)
 * when they do not overlap. */
static const char *list_prefix(const struct http_req *rq)
{
	const char *scope = region_scope(rq), *want = http_query(rq, "region");
	if (!want || !*want)
		return scope;
	if (strncmp(want, scope, strlen(scope)) == 0)
		return want;
	if (strncmp(scope, want, strlen(want)) == 0)
		return scope;
	return "-";
}

static int region_in_scope(const struct http_req *rq, int64_t region)
{
	char r[24];
	const char *scope = region_scope(rq);
	snprintf(r, sizeof r, "%lld", (long long)region);
	return strncmp(r, scope, strlen(scope)) == 0;
}

/* Whether the caller may see a record of region about uscc. */
static int may_see(const struct http_req *rq, int64_t region, const char *uscc)
{
	if (rq->who.role == ROLE_ENTERPRISE)
		return uscc && strcmp(uscc, rq->who.scope) == 0;
	return region_in_scope(rq, region);
}

/* A domain failure as the API's error: bad input 422, missing 404, conflict 409. */
static int domain_error(struct http_resp *rs, int rc, const struct msg *m)
{
	if (rc == WG_EINPUT)
		return http_error_msg(rs, 422, "INVALID", m);
	if (rc == WG_ENOTFOUND)
		return http_error_msg(rs, 404, "NOT_FOUND", m);
	if (rc == WG_ECONFLICT)
		return http_error_msg(rs, 409, "CONFLICT", m);
	return rc;
}

static int not_found(struct http_resp *rs, enum msg_id id, const char *name, const char *value)
{
	return http_error(rs, 404, "NOT_FOUND", id, name, value, MSG_END);
}

static int parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v < 1 || v > 0x7fffffffLL)
		return -1;
	*id = v;
	return 0;
}

/* Reads an optional date field: 0 (with *day, or def when absent), or -1 answered. */
static int body_day(json_t *in, struct http_resp *rs, const char *field, int32_t def, int32_t *day)
{
	const char *v;
	if (http_body_str(in, rs, field, false, &v))
		return -1;
	*day = def;
	if (v && date_parse(v, day)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_SV_CLI_NOT_DATE, "option", field,
				 "value", v, MSG_END);
		return -1;
	}
	return 0;
}

static int body_int(json_t *in, struct http_resp *rs, const char *field, int64_t lo, int64_t hi,
		    int64_t def, int64_t *out)
{
	json_t *v = json_object_get(in, field);
	*out = def;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_SV_REASON_REQUIRED, "field",
				 field, MSG_END);
		return -1;
	}
	*out = json_integer_value(v);
	return 0;
}

static int body_money(json_t *in, struct http_resp *rs, const char *field, int64_t *out)
{
	const char *v;
	*out = 0;
	if (http_body_str(in, rs, field, false, &v))
		return -1;
	if (v && money_parse(v, out)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_SV_CLI_NOT_AMOUNT, "value", v,
				 MSG_END);
		return -1;
	}
	return 0;
}

/* An array of strings into out (at most max). */
static int body_strings(json_t *in, struct http_resp *rs, const char *field, const char **out,
			size_t max, size_t *n)
{
	json_t *v = json_object_get(in, field), *x;
	size_t i;
	*n = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v) || json_array_size(v) > max) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_SV_REASON_REQUIRED, "field",
				 field, MSG_END);
		return -1;
	}
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x)) {
			http_field_error(rs, 400, "BAD_FIELD", field, MSG_SV_REASON_REQUIRED,
					 "field", field, MSG_END);
			return -1;
		}
		out[(*n)++] = json_string_value(x);
	}
	return 0;
}

/* findings: {"real_name": "yes"} or {"real_name": {"result": "no", "note": "…"}} */
static int body_findings(json_t *in, struct http_resp *rs, struct sv_finding *f, size_t *n)
{
	json_t *v = json_object_get(in, "findings"), *x;
	const char *key;
	*n = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_object(v) || json_object_size(v) > LIST_MAX)
		goto bad;
	json_object_foreach(v, key, x)
	{
		const char *result = json_is_string(x)
			? json_string_value(x)
			: json_string_value(json_object_get(x, "result"));
		const char *note =
			json_is_object(x) ? json_string_value(json_object_get(x, "note")) : NULL;
		if (!result)
			goto bad;
		f[(*n)++] = (struct sv_finding){key, result, note};
	}
	return 0;
bad:
	http_field_error(rs, 400, "BAD_FIELD", "findings", MSG_SV_REASON_REQUIRED, "field",
			 "findings", MSG_END);
	return -1;
}

/* An order as JSON with the id of its numbered document (/api/v1/documents/{id}: the
 * printable 限期整改指令书 and its service records). */
static json_t *order_json(struct store *st, const struct sv_order *o)
{
	json_t *j = sv_json_order(o, date_today());
	struct document_row d;
	char number[96];
	/* a copy: the order's text may be the store's, which the lookup reuses */
	snprintf(number, sizeof number, "%s", o->number ? o->number : "");
	if (j && *number && store_document_get(st, number, &d) == WG_OK)
		json_object_set_new(j, "document", json_integer(d.id));
	return j;
}

/* ---- inspections ---- */

struct scoped {
	const struct http_req *rq;
	json_t *items;
};

static int inspection_scoped(void *ctx, const struct sv_inspection *in)
{
	struct scoped *c = ctx;
	if (!may_see(c->rq, in->region, in->uscc))
		return 0;
	return sv_json_inspection_row(c->items, in);
}

int h_sv_inspections(struct http_req *rq, struct http_resp *rs)
{
	struct sv_inspection_filter f = {.region = list_prefix(rq),
					 .status = http_query(rq, "status"),
					 .kind = http_query(rq, "kind"),
					 .uscc = http_query(rq, "target"),
					 .inspector = http_query(rq, "inspector")};
	const char *campaign = http_query(rq, "campaign");
	if (campaign && parse_id(campaign, &f.campaign_id))
		return http_error(rs, 400, "BAD_REQUEST", MSG_SV_NO_CAMPAIGN, "campaign", campaign,
				  MSG_END);
	if (rq->who.role == ROLE_ENTERPRISE)
		f.uscc = rq->who.scope;
	struct scoped c = {rq, json_array()};
	int rc = store_sv_inspection_list(rq->store, &f, inspection_scoped, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:I, s:o}", "total", (json_int_t)json_array_size(c.items),
				   "items", c.items));
}

/* The region a new inspection's target lies in, for the scope check: the project's, the
 * target's, the task's or the case's; 0 when the body names none (the domain says why). */
static int target_region(struct http_req *rq, const struct sv_new_inspection *in, int64_t *region)
{
	*region = 0;
	int rc = WG_ENOTFOUND;
	if (in->project)
		rc = store_sv_region_of(rq->store, NULL, in->project, region);
	else if (in->uscc)
		rc = store_sv_region_of(rq->store, in->uscc, NULL, region);
	else if (in->task_id > 0) {
		struct sv_task t;
		if (!(rc = store_sv_task_get(rq->store, in->task_id, &t)))
			*region = t.region;
	} else if (in->case_number) {
		struct link_case lc;
		if (!(rc = link_case_get(rq->store, in->case_number, &lc)))
			*region = lc.region;
	}
	return rc == WG_ENOTFOUND ? WG_OK : rc;
}

int h_sv_inspection_add(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"kind",    "target",   "project",    "case",
					     "task",    "campaign", "inspectors", "date",
					     "planned", "findings", "note",       NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	const char *inspectors[LIST_MAX];
	struct sv_finding findings[LIST_MAX];
	struct sv_new_inspection n = {
		.planned_on = -1, .inspected_on = -1, .actor = rq->who.username};
	size_t ni, nf;
	int64_t task, campaign;
	int rc = 0;
	struct msg m = {0};
	if (http_body_str(in, rs, "kind", true, &n.kind) ||
	    http_body_str(in, rs, "target", false, &n.uscc) ||
	    http_body_str(in, rs, "project", false, &n.project) ||
	    http_body_str(in, rs, "case", false, &n.case_number) ||
	    http_body_str(in, rs, "note", false, &n.note) ||
	    body_int(in, rs, "task", 1, 0x7fffffff, 0, &task) ||
	    body_int(in, rs, "campaign", 1, 0x7fffffff, 0, &campaign) ||
	    body_strings(in, rs, "inspectors", inspectors, LIST_MAX, &ni) ||
	    body_findings(in, rs, findings, &nf) || body_day(in, rs, "date", -1, &n.inspected_on) ||
	    body_day(in, rs, "planned", -1, &n.planned_on))
		goto done;
	n.task_id = task, n.campaign_id = campaign;
	n.inspectors = inspectors, n.ninspectors = ni, n.findings = findings, n.nfindings = nf;
	int64_t region, id;
	if ((rc = target_region(rq, &n, &region)))
		goto done;
	if (region && !region_in_scope(rq, region)) {
		http_error(rs, 404, "NOT_FOUND", MSG_SV_NO_ENTERPRISE, "uscc",
			   n.uscc              ? n.uscc
				   : n.project ? n.project
					       : "",
			   MSG_END);
		goto done;
	}
	if ((rc = sv_inspection_add(rq->store, &n, &id, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	struct sv_inspection row;
	if (!(rc = store_sv_inspection_get(rq->store, id, &row)))
		http_json(rs, 201, sv_json_inspection(rq->store, &row, true));
done:
	json_decref(in);
	return rc;
}

/* The inspection of the path, when the caller may see it; otherwise answered 404. */
static int inspection_of(struct http_req *rq, struct http_resp *rs, struct sv_inspection *in,
			 int64_t *id)
{
	int rc;
	if (parse_id(rq->params[0], id) ||
	    (rc = store_sv_inspection_get(rq->store, *id, in)) == WG_ENOTFOUND ||
	    (!rc && !may_see(rq, in->region, in->uscc))) {
		not_found(rs, MSG_SV_NO_INSPECTION, "inspection", rq->params[0]);
		return WG_ENOTFOUND;
	}
	return rc;
}

struct order_list {
	struct store *s;
	json_t *items;
};

static int order_today(void *ctx, const struct sv_order *o)
{
	struct order_list *l = ctx;
	return json_array_append_new(l->items, order_json(l->s, o));
}

int h_sv_inspection(struct http_req *rq, struct http_resp *rs)
{
	struct sv_inspection in;
	int64_t id;
	int rc = inspection_of(rq, rs, &in, &id);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	json_t *j = sv_json_inspection(rq->store, &in, true);
	/* its rectification orders, so the page shows what followed */
	struct sv_order_filter f = {.inspection_id = id, .overdue_on = -1};
	json_t *orders = json_array();
	struct order_list ol = {rq->store, orders};
	if ((rc = store_sv_order_list(rq->store, &f, order_today, &ol))) {
		json_decref(orders);
		json_decref(j);
		return rc;
	}
	json_object_set_new(j, "orders", orders);
	return http_json(rs, 200, j);
}

int h_sv_inspection_record(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"date", "findings", "note", NULL};
	struct sv_inspection in;
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = inspection_of(rq, rs, &in, &id);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	struct sv_finding findings[LIST_MAX];
	size_t nf;
	int32_t day;
	const char *note;
	struct msg m = {0};
	if (body_day(b, rs, "date", date_today(), &day) || body_findings(b, rs, findings, &nf) ||
	    http_body_str(b, rs, "note", false, &note))
		goto done;
	if ((rc = sv_inspection_record(rq->store, id, day, findings, nf, note, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	if (!(rc = store_sv_inspection_get(rq->store, id, &in)))
		http_json(rs, 200, sv_json_inspection(rq->store, &in, true));
done:
	json_decref(b);
	return rc;
}

int h_sv_tasks(struct http_req *rq, struct http_resp *rs)
{
	const char *all = http_query(rq, "all");
	json_t *items = json_array();
	int rc = store_sv_task_list(rq->store, list_prefix(rq), !(all && strcmp(all, "0") != 0),
				    sv_json_task_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", items));
}

int h_sv_compliance(struct http_req *rq, struct http_resp *rs)
{
	const char *by = http_query(rq, "by");
	char b = by && strcmp(by, "project") == 0 ? 'p' : 'r';
	json_t *items = json_array();
	int rc = store_sv_compliance(rq->store, b, list_prefix(rq), sv_json_compliance_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(
		rs, 200,
		json_pack("{s:s, s:o}", "by", b == 'p' ? "project" : "region", "items", items));
}

/* ---- inspectors ---- */

int h_sv_inspectors(struct http_req *rq, struct http_resp *rs)
{
	const char *prefix = list_prefix(rq);
	json_t *roster = json_array(), *conflicts = json_array();
	int rc = store_sv_roster(rq->store, prefix, sv_json_roster_row, roster);
	if (!rc)
		rc = store_sv_conflict_list(rq->store, prefix, -1, sv_json_conflict_row, conflicts);
	if (rc) {
		json_decref(roster);
		json_decref(conflicts);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:o}", "roster", roster, "conflicts", conflicts));
}

int h_sv_conflict_add(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"inspector", "uscc", "reason", "date", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	const char *inspector, *uscc, *reason;
	int32_t day;
	int64_t id, region;
	int rc = 0;
	struct msg m = {0};
	if (http_body_str(b, rs, "inspector", true, &inspector) ||
	    http_body_str(b, rs, "uscc", true, &uscc) ||
	    http_body_str(b, rs, "reason", true, &reason) ||
	    body_day(b, rs, "date", date_today(), &day))
		goto done;
	if (store_sv_region_of(rq->store, uscc, NULL, &region) == WG_OK &&
	    !region_in_scope(rq, region)) {
		not_found(rs, MSG_SV_NO_ENTERPRISE, "uscc", uscc);
		goto done;
	}
	if ((rc = sv_conflict_declare(rq->store, inspector, uscc, reason, day, rq->who.username,
				      &id, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	http_json(rs, 201,
		  json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "inspector", inspector,
			    "uscc", uscc, "reason", reason));
done:
	json_decref(b);
	return rc;
}

/* ---- rectification orders ---- */

struct orders_ctx {
	const struct http_req *rq;
	json_t *items;
	int32_t today;
};

static int order_scoped(void *ctx, const struct sv_order *o)
{
	struct orders_ctx *c = ctx;
	if (!may_see(c->rq, o->region, o->uscc))
		return 0;
	return json_array_append_new(c->items, order_json(c->rq->store, o));
}

int h_sv_orders(struct http_req *rq, struct http_resp *rs)
{
	const char *overdue = http_query(rq, "overdue");
	struct orders_ctx c = {rq, json_array(), date_today()};
	struct sv_order_filter f = {.region = list_prefix(rq),
				    .uscc = http_query(rq, "target"),
				    .overdue_on =
					    overdue && strcmp(overdue, "0") != 0 ? c.today : -1};
	if (rq->who.role == ROLE_ENTERPRISE)
		f.uscc = rq->who.scope;
	int rc = store_sv_order_list(rq->store, &f, order_scoped, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:I, s:o}", "total", (json_int_t)json_array_size(c.items),
				   "items", c.items));
}

int h_sv_order_issue(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"inspection", "items",         "deadline",
					     "days",       "amount",        "workers",
					     "date",       "mass_incident", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct sv_new_order o = {.actor = rq->who.username};
	int64_t inspection, days, workers;
	char number[96];
	struct msg m = {0};
	int rc = 0;
	if (body_int(b, rs, "inspection", 1, 0x7fffffff, 0, &inspection) ||
	    http_body_str(b, rs, "items", true, &o.items) ||
	    body_day(b, rs, "deadline", -1, &o.deadline) ||
	    body_int(b, rs, "days", 1, 365, 0, &days) || body_money(b, rs, "amount", &o.amount) ||
	    body_int(b, rs, "workers", 0, 10000000, 0, &workers) ||
	    body_day(b, rs, "date", date_today(), &o.issued_on))
		goto done;
	if (!inspection) {
		http_field_error(rs, 400, "MISSING_FIELD", "inspection", MSG_SV_REASON_REQUIRED,
				 "field", "inspection", MSG_END);
		goto done;
	}
	o.inspection_id = inspection, o.days = (int)days, o.workers = workers;
	o.mass_incident = json_is_true(json_object_get(b, "mass_incident"));
	struct sv_inspection in;
	if ((rc = store_sv_inspection_get(rq->store, inspection, &in)) == WG_ENOTFOUND ||
	    (!rc && !region_in_scope(rq, in.region))) {
		char n[24];
		snprintf(n, sizeof n, "%lld", (long long)inspection);
		rc = 0;
		not_found(rs, MSG_SV_NO_INSPECTION, "inspection", n);
		goto done;
	}
	if (rc)
		goto done;
	if ((rc = sv_order_issue(rq->store, &o, number, sizeof number, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	struct sv_order row;
	if (!(rc = store_sv_order_get(rq->store, number, &row)))
		http_json(rs, 201, order_json(rq->store, &row));
done:
	json_decref(b);
	return rc;
}

static int order_of(struct http_req *rq, struct http_resp *rs, struct sv_order *o)
{
	int rc = store_sv_order_get(rq->store, rq->params[0], o);
	if (rc == WG_ENOTFOUND || (!rc && !may_see(rq, o->region, o->uscc))) {
		not_found(rs, MSG_SV_NO_ORDER, "order", rq->params[0]);
		return WG_ENOTFOUND;
	}
	return rc;
}

int h_sv_order(struct http_req *rq, struct http_resp *rs)
{
	struct sv_order o;
	int rc = order_of(rq, rs, &o);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	return http_json(rs, 200, order_json(rq->store, &o));
}

int h_sv_order_comply(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"date", "evidence", NULL};
	struct sv_order o;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = order_of(rq, rs, &o);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	const char *evidence;
	int32_t day;
	struct msg m = {0};
	if (http_body_str(b, rs, "evidence", false, &evidence) ||
	    body_day(b, rs, "date", date_today(), &day))
		goto done;
	if ((rc = sv_order_comply(rq->store, rq->params[0], day, evidence, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	if (!(rc = store_sv_order_get(rq->store, rq->params[0], &o)))
		http_json(rs, 200, order_json(rq->store, &o));
done:
	json_decref(b);
	return rc;
}

/* ---- draws ---- */

int h_sv_draws(struct http_req *rq, struct http_resp *rs)
{
	json_t *items = json_array();
	int rc = store_sv_draw_list(rq->store, list_prefix(rq), 0, sv_json_draw_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", items));
}

int h_sv_draw_run(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"region",     "campaign", "seed",   "targets",
					     "per_target", "date",     "roster", NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct sv_draw_request r = {.actor = rq->who.username};
	const char *roster[LIST_MAX];
	int64_t campaign, n, k;
	int rc = 0;
	struct msg m = {0};
	if (http_body_str(b, rs, "region", false, &r.region) ||
	    http_body_str(b, rs, "seed", true, &r.seed) ||
	    body_int(b, rs, "campaign", 1, 0x7fffffff, 0, &campaign) ||
	    body_int(b, rs, "targets", 1, 100000, 0, &n) ||
	    body_int(b, rs, "per_target", 1, 100, DRAW_K_DEFAULT, &k) ||
	    body_day(b, rs, "date", date_today(), &r.day) ||
	    body_strings(b, rs, "roster", roster, LIST_MAX, &r.nroster))
		goto done;
	if (!n) {
		http_field_error(rs, 400, "MISSING_FIELD", "targets", MSG_SV_REASON_REQUIRED,
				 "field", "targets", MSG_END);
		goto done;
	}
	if (json_object_get(b, "roster"))
		r.roster = roster;
	r.campaign_id = campaign, r.n = (int)n, r.k = (int)k;
	/* a regulator draws within its region: the region defaults to its scope */
	if (!r.region && !campaign && rq->who.role == ROLE_REGULATOR)
		r.region = rq->who.scope;
	if (r.region && strncmp(r.region, region_scope(rq), strlen(region_scope(rq))) != 0) {
		http_field_error(rs, 404, "NOT_FOUND", "region", MSG_SV_REGION_BAD, "region",
				 r.region, MSG_END);
		goto done;
	}
	if (campaign && !r.region && rq->who.role == ROLE_REGULATOR) {
		struct sv_campaign c;
		char buf[24];
		snprintf(buf, sizeof buf, "%lld", (long long)campaign);
		if (store_sv_campaign_get(rq->store, campaign, &c) ||
		    !region_in_scope(rq, c.region)) {
			not_found(rs, MSG_SV_NO_CAMPAIGN, "campaign", buf);
			goto done;
		}
	}
	json_t *doc;
	int64_t id = 0;
	if ((rc = sv_draw(rq->store, &r, &doc, &id, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	http_json(rs, 201, json_pack("{s:I, s:o}", "id", (json_int_t)id, "document", doc));
done:
	json_decref(b);
	return rc;
}

int h_public_draws(struct http_req *rq, struct http_resp *rs)
{
	json_t *items = json_array();
	const char *region = http_query(rq, "region");
	int rc = store_sv_draw_list(rq->store, region ? region : "", 1, sv_json_draw_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", items));
}

/* The published document, byte for byte as it was published: anyone can save it and run
 * `wageguard draw verify FILE`. */
int h_public_draw(struct http_req *rq, struct http_resp *rs)
{
	struct sv_draw d;
	int64_t id;
	int rc;
	if (parse_id(rq->params[0], &id) ||
	    (rc = store_sv_draw_get(rq->store, id, &d)) == WG_ENOTFOUND || (!rc && !d.document))
		return not_found(rs, MSG_SV_CLI_NO_DRAW, "draw", rq->params[0]);
	if (rc)
		return rc;
	size_t n = strlen(d.document);
	if (!(rs->body = malloc(n + 1)))
		return WG_ENOMEM;
	memcpy(rs->body, d.document, n + 1);
	rs->body_len = n;
	rs->content_type = "application/json; charset=utf-8";
	rs->status = 200;
	return 0;
}

/* ---- campaigns ---- */

/* Whether the caller may see campaign c: one of its regions overlaps the caller's scope. */
static int campaign_visible(const struct http_req *rq, const struct sv_campaign *c)
{
	const char *scope = region_scope(rq);
	size_t sl = strlen(scope);
	for (const char *p = c->regions; p && *p;) {
		size_t n = strcspn(p, ",");
		if (strncmp(p, scope, n < sl ? n : sl) == 0)
			return 1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

struct campaign_ctx {
	const struct http_req *rq;
	json_t *items;
};

static int campaign_scoped(void *ctx, const struct sv_campaign *c)
{
	struct campaign_ctx *x = ctx;
	return campaign_visible(x->rq, c) ? sv_json_campaign_row(x->items, c) : 0;
}

int h_sv_campaigns(struct http_req *rq, struct http_resp *rs)
{
	struct campaign_ctx c = {rq, json_array()};
	int rc = store_sv_campaign_list(rq->store, "", campaign_scoped, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", c.items));
}

int h_sv_campaign_start(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"name", "kind", "region", "regions", "industries",
					     "from", "to",   "date",   NULL};
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	struct sv_campaign_request r = {.actor = rq->who.username};
	int rc = 0;
	struct msg m = {0};
	if (http_body_str(b, rs, "name", false, &r.name) ||
	    http_body_str(b, rs, "kind", true, &r.kind) ||
	    http_body_str(b, rs, "region", false, &r.region) ||
	    http_body_str(b, rs, "regions", false, &r.regions) ||
	    http_body_str(b, rs, "industries", false, &r.industries) ||
	    body_day(b, rs, "from", -1, &r.from) || body_day(b, rs, "to", -1, &r.to) ||
	    body_day(b, rs, "date", date_today(), &r.today))
		goto done;
	if (!r.region)
		r.region = rq->who.role == ROLE_REGULATOR ? rq->who.scope : NULL;
	/* every region of the campaign within the caller's */
	const char *scope = region_scope(rq);
	const char *list = r.regions ? r.regions : r.region ? r.region : "";
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n < strlen(scope) || strncmp(p, scope, strlen(scope)) != 0) {
			http_field_error(rs, 404, "NOT_FOUND", "regions", MSG_SV_REGIONS_BAD,
					 "value", list, MSG_END);
			goto done;
		}
		p += n;
		if (*p)
			p++;
	}
	int64_t id;
	struct sv_target_counts counts;
	if ((rc = sv_campaign_start(rq->store, &r, &id, &counts, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	json_t *p = NULL;
	if ((rc = sv_campaign_progress(rq->store, id, r.today, &p, &m)))
		goto done;
	json_object_set_new(p, "targets",
			    json_pack("{s:i, s:i, s:i, s:i}", "warnings", counts.warnings, "cases",
				      counts.cases, "grades", counts.grades, "settlement",
				      counts.settlement));
	http_json(rs, 201, p);
done:
	json_decref(b);
	return rc;
}

/* The campaign of the path when visible; otherwise answered 404. */
static int campaign_of(struct http_req *rq, struct http_resp *rs, int64_t *id)
{
	struct sv_campaign c;
	int rc;
	if (parse_id(rq->params[0], id) ||
	    (rc = store_sv_campaign_get(rq->store, *id, &c)) == WG_ENOTFOUND ||
	    (!rc && !campaign_visible(rq, &c))) {
		not_found(rs, MSG_SV_NO_CAMPAIGN, "campaign", rq->params[0]);
		return WG_ENOTFOUND;
	}
	return rc;
}

int h_sv_campaign(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	int rc = campaign_of(rq, rs, &id);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	json_t *p = NULL;
	struct msg m = {0};
	int32_t day = date_today();
	const char *as_of = http_query(rq, "date");
	if (as_of && date_parse(as_of, &day))
		return http_error(rs, 400, "BAD_REQUEST", MSG_SV_CLI_NOT_DATE, "option", "date",
				  "value", as_of, MSG_END);
	if ((rc = sv_campaign_progress(rq->store, id, day, &p, &m)))
		return domain_error(rs, rc, &m);
	/* a regulator sees the regions of its scope only */
	if (rq->who.role == ROLE_REGULATOR) {
		json_t *rows = json_object_get(p, "regions");
		for (size_t i = json_array_size(rows); i-- > 0;) {
			const char *r = json_string_value(
				json_object_get(json_array_get(rows, i), "region"));
			size_t sl = strlen(rq->who.scope), rl = strlen(r);
			if (strncmp(r, rq->who.scope, rl < sl ? rl : sl) != 0)
				json_array_remove(rows, i);
		}
	}
	return http_json(rs, 200, p);
}

int h_sv_register(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	int rc = campaign_of(rq, rs, &id);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	const char *state = http_query(rq, "state");
	struct sv_entry_filter f = {.campaign_id = id, .region = list_prefix(rq)};
	f.state = !state                        ? 0
		: strcmp(state, "open") == 0    ? 1
		: strcmp(state, "cleared") == 0 ? 2
						: 0;
	json_t *items = json_array();
	if ((rc = store_sv_entry_list(rq->store, &f, sv_json_entry_row, items))) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", items));
}

int h_sv_register_add(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"uscc",    "project",     "source", "cause", "amount",
					     "workers", "responsible", "date",   NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = campaign_of(rq, rs, &id);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	struct sv_entry e = {.actor = rq->who.username};
	int32_t day;
	struct msg m = {0};
	if (http_body_str(b, rs, "uscc", false, &e.uscc) ||
	    http_body_str(b, rs, "project", false, &e.project) ||
	    http_body_str(b, rs, "source", true, &e.source) ||
	    http_body_str(b, rs, "cause", false, &e.cause) ||
	    http_body_str(b, rs, "responsible", false, &e.responsible) ||
	    body_money(b, rs, "amount", &e.amount) ||
	    body_int(b, rs, "workers", 0, 10000000, 0, &e.workers) ||
	    body_day(b, rs, "date", date_today(), &day))
		goto done;
	e.entered_on = day;
	int64_t region;
	if (((e.project && !store_sv_region_of(rq->store, NULL, e.project, &region)) ||
	     (!e.project && e.uscc && !store_sv_region_of(rq->store, e.uscc, NULL, &region))) &&
	    !region_in_scope(rq, region)) {
		not_found(rs, MSG_SV_NO_ENTERPRISE, "uscc", e.uscc ? e.uscc : e.project);
		goto done;
	}
	if ((rc = sv_register_add(rq->store, id, &e, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	struct sv_entry row;
	if (!(rc = store_sv_entry_get(rq->store, e.id, &row)))
		http_json(rs, 201, sv_json_entry(&row));
done:
	json_decref(b);
	return rc;
}

/* The register entry of the path when its campaign and region are visible. */
static int entry_of(struct http_req *rq, struct http_resp *rs, int64_t *id)
{
	struct sv_entry e;
	int rc;
	if (parse_id(rq->params[0], id) ||
	    (rc = store_sv_entry_get(rq->store, *id, &e)) == WG_ENOTFOUND ||
	    (!rc && !region_in_scope(rq, e.region))) {
		not_found(rs, MSG_SV_NO_ENTRY, "entry", rq->params[0]);
		return WG_ENOTFOUND;
	}
	return rc;
}

int h_sv_entry_screen(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"cause", "responsible", "amount", "workers", NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = entry_of(rq, rs, &id);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	const char *cause, *responsible;
	int64_t amount = -1, workers;
	struct msg m = {0};
	if (http_body_str(b, rs, "cause", false, &cause) ||
	    http_body_str(b, rs, "responsible", false, &responsible) ||
	    body_int(b, rs, "workers", 0, 10000000, -1, &workers))
		goto done;
	if (json_object_get(b, "amount") && body_money(b, rs, "amount", &amount))
		goto done;
	if ((rc = sv_register_update(rq->store, id, cause, responsible, amount, workers, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	struct sv_entry row;
	if (!(rc = store_sv_entry_get(rq->store, id, &row)))
		http_json(rs, 200, sv_json_entry(&row));
done:
	json_decref(b);
	return rc;
}

int h_sv_entry_clear(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"payments", "case", "date", NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = entry_of(rq, rs, &id);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	const char *payments[LIST_MAX], *case_number;
	size_t np;
	int32_t day;
	struct msg m = {0};
	if (body_strings(b, rs, "payments", payments, LIST_MAX, &np) ||
	    http_body_str(b, rs, "case", false, &case_number) ||
	    body_day(b, rs, "date", date_today(), &day))
		goto done;
	if ((rc = sv_register_clear(rq->store, id, day, payments, np, case_number, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	struct sv_entry row;
	if (!(rc = store_sv_entry_get(rq->store, id, &row)))
		http_json(rs, 200, sv_json_entry(&row));
done:
	json_decref(b);
	return rc;
}

/* The periodic report as an XLSX download. */
int h_sv_campaign_report(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	int rc = campaign_of(rq, rs, &id);
	if (rc)
		return rc == WG_ENOTFOUND ? 0 : rc;
	char path[] = "/tmp/wg-campaign-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return WG_EIO;
	close(fd);
	struct msg m = {0};
	if ((rc = sv_campaign_report(rq->store, id, date_today(), path, &m))) {
		unlink(path);
		return domain_error(rs, rc, &m);
	}
	FILE *fp = fopen(path, "rb");
	long n = -1;
	if (fp && fseek(fp, 0, SEEK_END) == 0)
		n = ftell(fp);
	if (fp && n >= 0 && fseek(fp, 0, SEEK_SET) == 0 && (rs->body = malloc((size_t)n + 1)) &&
	    fread(rs->body, 1, (size_t)n, fp) == (size_t)n) {
		rs->body_len = (size_t)n;
		rs->content_type =
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		rs->status = 200;
		rc = 0;
	} else {
		free(rs->body);
		rs->body = NULL;
		rc = WG_EIO;
	}
	if (fp)
		fclose(fp);
	unlink(path);
	return rc;
}

int h_sv_typical_add(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"title", "summary", "case", "date", NULL};
	int64_t id;
	json_t *b = http_body(rq, rs, fields);
	if (!b)
		return 0;
	int rc = campaign_of(rq, rs, &id);
	if (rc) {
		json_decref(b);
		return rc == WG_ENOTFOUND ? 0 : rc;
	}
	const char *title, *summary, *case_number;
	int32_t day;
	int64_t tid;
	struct msg m = {0};
	if (http_body_str(b, rs, "title", true, &title) ||
	    http_body_str(b, rs, "summary", true, &summary) ||
	    http_body_str(b, rs, "case", false, &case_number) ||
	    body_day(b, rs, "date", date_today(), &day))
		goto done;
	if ((rc = sv_typical_publish(rq->store, id, title, summary, case_number, day,
				     rq->who.username, &tid, &m))) {
		rc = domain_error(rs, rc, &m);
		goto done;
	}
	http_json(rs, 201,
		  json_pack("{s:I, s:s, s:s}", "id", (json_int_t)tid, "title", title, "summary",
			    summary));
done:
	json_decref(b);
	return rc;
}

static int typical_row(void *ctx, const struct sv_typical *t)
{
	char d[DATE_BUFSZ];
	return json_array_append_new(
		ctx,
		json_pack("{s:I, s:I, s:s, s:s, s:s?, s:s}", "id", (json_int_t)t->id, "campaign",
			  (json_int_t)t->campaign_id, "title", t->title, "summary", t->summary,
			  "case", t->case_number, "published_on",
			  date_format((int32_t)t->published_on, d)));
}

int h_public_typical(struct http_req *rq, struct http_resp *rs)
{
	const char *region = http_query(rq, "region");
	json_t *items = json_array();
	int rc = store_sv_typical_list(rq->store, 0, region ? region : "", typical_row, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, json_pack("{s:o}", "items", items));
}
