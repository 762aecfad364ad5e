/* h_projects.c — projects: the list within the caller's scope, one project's figures, its
 * months (payroll against payments, allocations) and its roster. */
#include <stdio.h>
#include <string.h>

#include "domain/view.h"
#include "http/http.h"
#include "store/project.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/banned.h"

static int add_row(void *ctx, const struct project_row *r)
{
	char region[8];
	snprintf(region, sizeof region, "%06lld", (long long)r->region);
	json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:I, s:I}",
				"code", r->code, "name", r->name, "region_code", region, "industry",
				r->industry, "owner", "uscc", r->owner_uscc, "name", r->owner_name,
				"contractor", "uscc", r->contractor_uscc, "name",
				r->contractor_name, "open_warnings", (json_int_t)r->open_warnings,
				"red_warnings", (json_int_t)r->red_warnings);
	return json_array_append_new(ctx, row);
}

int h_projects(struct http_req *rq, struct http_resp *rs)
{
	int64_t offset, limit, page, total = 0;
	http_paging(rq, &offset, &limit, &page);
	json_t *items = json_array();
	int rc =
		store_project_list(rq->store, (int)rq->who.role, rq->who.scope, http_query(rq, "q"),
				   http_query(rq, "region"), offset, limit, add_row, items, &total);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:I, s:I, s:I}", "items", items, "page", (json_int_t)page,
				   "per_page", (json_int_t)limit, "total", (json_int_t)total));
}

int h_project(struct http_req *rq, struct http_resp *rs)
{
	const char *code = rq->params[0];
	struct project_summary p;
	if (http_project_access(rq, rs, code))
		return 0;
	int rc = store_project_summary(rq->store, code, &p);
	if (rc == WG_ENOTFOUND)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_FOUND, "project", code,
				  MSG_END);
	if (rc)
		return rc;
	json_t *j = view_project(&p);
	return http_json(rs, 200, j);
}

static int add_month(void *ctx, const struct project_month *m)
{
	json_t *row = json_pack("{s:o, s:I, s:I, s:o, s:o, s:o, s:o}", "period",
				http_period(m->period), "attendance_days",
				(json_int_t)m->attendance_days, "workers", (json_int_t)m->workers,
				"gross", http_money(m->gross), "net", http_money(m->net), "paid",
				http_money(m->paid), "allocated", http_money(m->allocated));
	return json_array_append_new(ctx, row);
}

int h_project_months(struct http_req *rq, struct http_resp *rs)
{
	if (http_project_access(rq, rs, rq->params[0]))
		return 0;
	json_t *items = json_array();
	int rc = store_project_months(rq->store, rq->params[0], add_month, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	return http_json(rs, 200, items);
}

struct roster_ctx {
	struct http_req *rq;
	json_t *items;
};

static int add_worker(void *ctx, const struct roster_row *r)
{
	struct roster_ctx *c = ctx;
	char id[MASK_BUFSZ];
	json_t *row =
		json_pack("{s:s?, s:s?, s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "id_number",
			  http_id(c->rq, r->id_number, r->id_number, id), "name", r->name, "team",
			  r->team, "trade", r->trade, "employer", r->employer, "wage_type",
			  r->wage_type, "wage_rate", http_money(r->wage_rate), "start_date",
			  http_date(r->start_date), "end_date", http_date(r->end_date));
	return json_array_append_new(c->items, row);
}

int h_project_roster(struct http_req *rq, struct http_resp *rs)
{
	if (http_project_access(rq, rs, rq->params[0]))
		return 0;
	struct roster_ctx c = {rq, json_array()};
	int rc = store_project_roster(rq->store, rq->params[0], add_worker, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200, c.items);
}

static int add_attendance(void *ctx, const char *id_number, const char *name, uint32_t mask)
{
	struct roster_ctx *c = ctx;
	char id[MASK_BUFSZ];
	json_t *days = json_array();
	for (int d = 1; d <= 31; d++)
		if (mask & (1u << (d - 1)))
			json_array_append_new(days, json_integer(d));
	return json_array_append_new(c->items,
				     json_pack("{s:s?, s:s?, s:o}", "id_number",
					       http_id(c->rq, id_number, id_number, id), "name",
					       name, "days", days));
}

int h_project_attendance(struct http_req *rq, struct http_resp *rs)
{
	const char *p = http_query(rq, "period");
	int32_t period;
	if (!p || period_parse(p, &period))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_PERIOD_NEEDED, MSG_END);
	if (http_project_access(rq, rs, rq->params[0]))
		return 0;
	struct roster_ctx c = {rq, json_array()};
	int rc = store_project_attendance(rq->store, rq->params[0], period, add_attendance, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200, c.items);
}
