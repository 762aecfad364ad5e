/* h_warnings.c — the warnings queue (GET /api/v1/warnings): the stored warnings within the
 * caller's scope, most urgent first (level, then overdue days, then amount), filtered by
 * state, project, district, rule, level and first-seen date, sortable by any column, with
 * the names beside the codes (a worker's masked like the ID unless the caller may see
 * them), as a JSON page or the whole list as CSV or XLSX (?format=csv|xlsx). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/view.h"
#include "http/http.h"
#include "render/table.h"
#include "store/warn.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/banned.h"

struct list_ctx {
	struct http_req *rq;
	json_t *items;
	int64_t offset, limit, seen;
	struct table_writer *tw; /* an export: every row goes here instead */
	enum msg_lang lang;
	int failed;
};

/* The worker's ID and name as the caller may see them. */
static void worker_shown(const struct http_req *rq, const struct warning_view *v, char *id,
			 const char **idp, char *name, const char **namep)
{
	*idp = http_id(rq, v->worker, v->worker, id);
	*namep = v->worker_name;
	if (v->worker && v->worker_name && *idp != v->worker)
		*namep = mask_name(v->worker_name, name);
}

static const char *msg_text(enum msg_id id, enum msg_lang lang, char *buf, size_t n)
{
	struct msg m;
	return msg_render(msg_set(&m, id, MSG_END), lang, buf, n);
}

/* The name of rule in lang from the catalogue ("warn.rule.<name>", lower case); a rule without one (a
 * system's new rule not yet named there) shows as its code. */
static const char *rule_text(int rule, enum msg_lang lang, char *buf, size_t n)
{
	char code[80];
	int len = snprintf(code, sizeof code, "warn.rule.%s", warn_rule_names[rule]);
	for (int i = 10; i < len && code[i]; i++)
		code[i] = (char)tolower((unsigned char)code[i]);
	for (int id = 1; id < MSG_COUNT; id++)
		if (strcmp(msg_code((enum msg_id)id), code) == 0)
			return msg_text((enum msg_id)id, lang, buf, n);
	snprintf(buf, n, "%s", warn_rule_names[rule]);
	return buf;
}

static int export_row(struct list_ctx *c, const struct warning_view *v)
{
	char id[MASK_BUFSZ], name[MASK_BUFSZ], region[24], per[PERIOD_BUFSZ], first[DATE_BUFSZ];
	char rule[256], level[64], status[64];
	const char *idp, *namep;
	worker_shown(c->rq, v, id, &idp, name, &namep);
	rule_text(v->w.rule, c->lang, rule, sizeof rule);
	msg_text((enum msg_id)(MSG_WARN_LEVEL_YELLOW + v->w.level), c->lang, level, sizeof level);
	msg_text(v->resolved_on >= 0 ? MSG_WARN_COL_RESOLVED : MSG_WARN_COL_OPEN, c->lang, status,
		 sizeof status);
	snprintf(region, sizeof region, "%lld", (long long)v->region);
	struct table_cell cells[14] = {
		{.s = level},
		{.s = rule},
		{.s = v->region ? region : NULL},
		{.s = v->project},
		{.s = v->project_name},
		{.s = v->employer},
		{.s = v->employer_name},
		{.s = idp},
		{.s = namep},
		{.s = v->w.period >= 0 ? period_format((int32_t)v->w.period, per) : NULL},
		{.i = v->w.amount},
		{.i = v->w.overdue_days},
		{.s = date_format((int32_t)v->first_seen, first)},
		{.s = status},
	};
	return table_row(c->tw, cells);
}

static int add_warning(void *ctx, const struct warning_view *v)
{
	struct list_ctx *c = ctx;
	if (c->tw)
		return export_row(c, v);
	char id[MASK_BUFSZ], name[MASK_BUFSZ];
	if (c->seen++ < c->offset || (int64_t)json_array_size(c->items) >= c->limit)
		return 0;
	const char *idp, *namep;
	worker_shown(c->rq, v, id, &idp, name, &namep);
	char region[24];
	snprintf(region, sizeof region, "%lld", (long long)v->region);
	struct view_reader r = http_reader(c->rq);
	json_t *row = view_warning_stored(v, &r);
	if (!row)
		return WG_ENOMEM;
	json_object_set_new(row, "project_name",
			    v->project_name ? json_string(v->project_name) : json_null());
	json_object_set_new(row, "employer_name",
			    v->employer_name ? json_string(v->employer_name) : json_null());
	json_object_set_new(row, "worker_name", namep ? json_string(namep) : json_null());
	json_object_set_new(row, "region", v->region ? json_string(region) : json_null());
	return json_array_append_new(c->items, row);
}

/* The whole list as a CSV or XLSX file in rs. */
static int export(struct http_req *rq, struct http_resp *rs, const struct warning_filter *f,
		  enum table_format fmt)
{
	static const enum msg_id heads[14] = {
		MSG_WARN_COL_LEVEL,         MSG_WARN_COL_RULE,         MSG_WARN_COL_REGION,
		MSG_WARN_COL_PROJECT,       MSG_WARN_COL_PROJECT_NAME, MSG_WARN_COL_EMPLOYER,
		MSG_WARN_COL_EMPLOYER_NAME, MSG_WARN_COL_WORKER,       MSG_WARN_COL_WORKER_NAME,
		MSG_WARN_COL_PERIOD,        MSG_WARN_COL_AMOUNT,       MSG_WARN_COL_OVERDUE,
		MSG_WARN_COL_FIRST_SEEN,    MSG_WARN_COL_STATUS};
	static const double widths[14] = {8, 24, 8, 14, 30, 20, 30, 20, 10, 10, 14, 10, 12, 8};
	char names[14][64], sheet[64];
	struct table_col cols[14];
	for (int i = 0; i < 14; i++) {
		msg_text(heads[i], rs->lang, names[i], sizeof names[i]);
		cols[i] = (struct table_col){.name = names[i],
					     .type = i == 10   ? TCOL_MONEY
						     : i == 11 ? TCOL_INT
							       : TCOL_TEXT,
					     .width = widths[i]};
	}
	msg_text(MSG_WARN_COL_SHEET, rs->lang, sheet, sizeof sheet);
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/wageguard-export-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return WG_EIO;
	close(fd);
	struct table_writer tw;
	int rc = table_open(&tw, fmt, path, sheet, cols, 14);
	if (rc) {
		unlink(path);
		return rc;
	}
	struct list_ctx c = {.rq = rq, .tw = &tw, .lang = rs->lang};
	rc = store_warn_list(rq->store, f, add_warning, &c);
	int crc = table_close(&tw);
	if (!rc)
		rc = crc;
	FILE *in = rc ? NULL : fopen(path, "rb");
	if (!rc && !in)
		rc = WG_EIO;
	if (in) {
		struct dbuf b = DBUF_INIT;
		char chunk[65536];
		/* a byte-order mark: Excel opens a UTF-8 CSV as such only with one */
		if (fmt == TABLE_CSV && dbuf_add(&b, "\xEF\xBB\xBF", 3))
			rc = WG_ENOMEM;
		size_t n;
		while (!rc && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
			if (dbuf_add(&b, chunk, n))
				rc = WG_ENOMEM;
		fclose(in);
		if (!rc) {
			rs->body = b.p ? b.p : strdup("");
			rs->body_len = b.len;
			rs->content_type = fmt == TABLE_XLSX
				? "application/"
				  "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv; charset=utf-8";
			char day[DATE_BUFSZ];
			snprintf(rs->disposition, sizeof rs->disposition,
				 "attachment; filename=\"warnings-%s.%s\"",
				 date_format(date_today(), day),
				 fmt == TABLE_XLSX ? "xlsx" : "csv");
		} else {
			dbuf_release(&b);
		}
	}
	unlink(path);
	return rc;
}

static int parse_day(const char *s, int64_t *out)
{
	int32_t d;
	if (!s || !*s) {
		*out = 0;
		return 0;
	}
	if (date_parse(s, &d))
		return -1;
	*out = d;
	return 0;
}

int h_warnings(struct http_req *rq, struct http_resp *rs)
{
	struct warning_filter f = {.level = -1,
				   .rule = -1,
				   .scope_role = (int)rq->who.role,
				   .scope = rq->who.scope,
				   .queue = 1};
	const char *open = http_query(rq, "open"), *level = http_query(rq, "level"),
		   *rule = http_query(rq, "rule"), *sort = http_query(rq, "sort"),
		   *format = http_query(rq, "format"), *from = http_query(rq, "from"),
		   *to = http_query(rq, "to");
	f.open_only = open && strcmp(open, "0") != 0;
	f.project = http_query(rq, "project");
	f.region = http_query(rq, "region");
	if (level && *level && (f.level = warn_level_by_name(level)) < 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_LEVEL, MSG_END);
	if (rule && *rule && (f.rule = warn_rule_by_name(rule)) < 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_RULE, "rule", rule, MSG_END);
	if (f.region)
		for (const char *p = f.region; *p; p++)
			if (!isdigit((unsigned char)*p) || p - f.region > 11)
				return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_REGION,
						  "value", f.region, MSG_END);
	if (parse_day(from, &f.seen_from))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_DATE, "value", from,
				  MSG_END);
	if (parse_day(to, &f.seen_to))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_DATE, "value", to, MSG_END);
	if (sort && *sort) {
		f.desc = sort[0] == '-';
		f.sort = sort + f.desc;
		if (!warn_sort_known(f.sort))
			return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_SORT, "sort", sort,
					  MSG_END);
	}
	if (format && *format && strcmp(format, "json") != 0) {
		if (strcmp(format, "csv") == 0)
			return export(rq, rs, &f, TABLE_CSV);
		if (strcmp(format, "xlsx") == 0)
			return export(rq, rs, &f, TABLE_XLSX);
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_BAD_FORMAT, MSG_END);
	}
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
