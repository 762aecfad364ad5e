/* h_workers.c — a worker's record and wage history (the worker themself, or staff), and the
 * stored warnings within the caller's scope. */
#include <stdio.h>
#include <string.h>

#include "domain/view.h"
#include "domain/warn.h"
#include "http/http.h"
#include "store/warn.h"
#include "store/worker.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/banned.h"

static int add_month(void *ctx, const struct worker_month *m)
{
	return json_array_append_new(ctx, view_worker_month(m));
}

int h_worker(struct http_req *rq, struct http_resp *rs)
{
	char id[19], mi[MASK_BUFSZ], mc[MASK_BUFSZ], mp[MASK_BUFSZ];
	if (idcard_validate(rq->params[0], id))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_ID, "value", rq->params[0],
				  MSG_END);
	/* a regulator sees the people of the projects of their region, a worker themself */
	int rc = http_worker_access(rq, rs, id);
	if (rc == WG_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	struct worker_summary w;
	rc = store_worker_summary(rq->store, id, &w);
	if (rc == WG_ENOTFOUND)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_WORKER_NOT_FOUND, MSG_END);
	if (rc)
		return rc;
	json_t *j = json_pack("{s:s, s:s?, s:b, s:s?, s:s?, s:s?, s:I}", "id_number",
			      http_id(rq, w.id_number, id, mi), "name", w.name, "registered",
			      w.registered, "phone", http_phone(rq, w.phone, id, mp), "bank_card",
			      http_card(rq, w.bank_card, id, mc), "bank_code", w.bank_code,
			      "employments", (json_int_t)w.employments);
	json_t *months = json_array();
	json_object_set_new(j, "months", months);
	if ((rc = store_worker_months(rq->store, id, add_month, months))) {
		json_decref(j);
		return rc;
	}
	return http_json(rs, 200, j);
}

struct list_ctx {
	struct http_req *rq;
	json_t *items;
	int64_t offset, limit, seen;
};

static int add_warning(void *ctx, const struct warning_view *v)
{
	struct list_ctx *c = ctx;
	if (c->seen++ < c->offset || (int64_t)json_array_size(c->items) >= c->limit)
		return 0;
	struct view_reader r = http_reader(c->rq);
	json_t *row = view_warning_stored(v, &r);
	return json_array_append_new(c->items, row);
}

int h_warnings(struct http_req *rq, struct http_resp *rs)
{
	struct warning_filter f = {
		.level = -1, .rule = -1, .scope_role = (int)rq->who.role, .scope = rq->who.scope};
	const char *open = http_query(rq, "open"), *level = http_query(rq, "level"),
		   *rule = http_query(rq, "rule");
	f.open_only = open && strcmp(open, "0") != 0;
	f.project = http_query(rq, "project");
	if (level && (f.level = warn_level_by_name(level)) < 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_LEVEL, MSG_END);
	if (rule && (f.rule = warn_rule_by_name(rule)) < 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_RULE, "rule", rule, MSG_END);
	int64_t page;
	struct list_ctx c = {.rq = rq, .items = json_array()};
	http_paging(rq, &c.offset, &c.limit, &page);
	int rc = store_warn_list(rq->store, &f, add_warning, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:I, s:I, s:I}", "items", c.items, "page",
				   (json_int_t)page, "per_page", (json_int_t)c.limit, "total",
				   (json_int_t)c.seen));
}
