/* h_dashboard.c — the regulator's dashboard: open warnings by level and region, arrears by
 * period, the projects most at risk, within the caller's scope. */
#include <stdio.h>
#include <string.h>

#include "http/http.h"
#include "store/warn.h"
#include "util/date.h"
#include "util/banned.h"

struct dash {
	json_t *levels, *regions, *arrears, *top;
};

static const char *const level_names[3] = {"yellow", "orange", "red"};

static int on_level(void *ctx, int64_t region, int level, int64_t count)
{
	struct dash *d = ctx;
	char code[8];
	if (level < 0 || level > 2)
		return 0;
	snprintf(code, sizeof code, "%06lld", (long long)region);
	json_object_set_new(
		d->levels, level_names[level],
		json_integer(json_integer_value(json_object_get(d->levels, level_names[level])) +
			     count));
	json_t *last = json_array_get(d->regions, json_array_size(d->regions) - 1);
	if (!last || strcmp(json_string_value(json_object_get(last, "region_code")), code) != 0) {
		last = json_pack("{s:s, s:i, s:i, s:i}", "region_code", code, "yellow", 0, "orange",
				 0, "red", 0);
		json_array_append_new(d->regions, last);
	}
	json_object_set_new(last, level_names[level], json_integer(count));
	return 0;
}

static int on_arrears(void *ctx, int64_t period, int64_t unpaid, int64_t workers)
{
	struct dash *d = ctx;
	return json_array_append_new(d->arrears,
				     json_pack("{s:o, s:o, s:I}", "period", http_period(period),
					       "unpaid", http_money(unpaid), "workers",
					       (json_int_t)workers));
}

static int on_top(void *ctx, const char *code, const char *name, int64_t region, int64_t red,
		  int64_t orange, int64_t unpaid)
{
	struct dash *d = ctx;
	char rc[8];
	snprintf(rc, sizeof rc, "%06lld", (long long)region);
	return json_array_append_new(d->top,
				     json_pack("{s:s, s:s, s:s, s:I, s:I, s:o}", "code", code,
					       "name", name, "region_code", rc, "red",
					       (json_int_t)red, "orange", (json_int_t)orange,
					       "unpaid", http_money(unpaid)));
}

int h_dashboard(struct http_req *rq, struct http_resp *rs)
{
	struct dash d = {json_pack("{s:i, s:i, s:i}", "yellow", 0, "orange", 0, "red", 0),
			 json_array(), json_array(), json_array()};
	struct dashboard_sink k = {
		.ctx = &d, .level = on_level, .arrears = on_arrears, .top = on_top};
	int rc = store_dashboard(rq->store, (int)rq->who.role, rq->who.scope, &k);
	if (rc) {
		json_decref(d.levels), json_decref(d.regions), json_decref(d.arrears);
		json_decref(d.top);
		return rc;
	}
	/* the figures are as of the last scan ("数据截至"); today where none was recorded */
	return http_json(rs, 200,
			 json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:I, s:I, s:I}}", "as_of",
				   http_date(k.scanned_on >= 0 ? k.scanned_on : date_today()),
				   "warnings_by_level", d.levels, "warnings_by_region", d.regions,
				   "arrears_by_period", d.arrears, "top_projects", d.top, "totals",
				   "projects", (json_int_t)k.projects, "workers",
				   (json_int_t)k.workers, "open_warnings",
				   (json_int_t)k.open_warnings));
}
