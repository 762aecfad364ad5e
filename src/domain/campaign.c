/* campaign.c — campaigns, their target lists and screening registers, progress and report
 * (domain/campaign.h). What other systems know comes through domain/links.h: relief's
 * progress and open cases, credit's grades. */
#include "domain/campaign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/links.h"
#include "render/table.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

const char *const sv_industries[] = {"housing",  "municipal",      "transport",     "water",
				     "railway",  "other",          "manufacturing", "catering",
				     "services", "small_business", "individual",    NULL};
const char *const sv_causes[] = {"pending",
				 "owner_late",
				 "government_project",
				 "cash_flow",
				 "subcontracting",
				 "quantity_dispute",
				 "other",
				 NULL};
const char *const sv_sources[] = {"warning",   "case", "grade", "settlement",
				  "screening", "tip",  NULL};

#define LIST_MAX 512 /* bytes of a comma-separated list */

static int in_list(const char *const *list, const char *v, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncmp(list[i], v, n) == 0)
			return 1;
	return 0;
}

static int store_failed(struct store *s, int rc, struct msg *err)
{
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	else if (err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

static int prefix_ok(const char *p, size_t n)
{
	return n >= 2 && n <= 6 && strspn(p, "0123456789") >= n;
}

/* Checks a comma-separated list of region prefixes or industries. */
static int check_list(const char *list, int regions, struct msg *err)
{
	if (!list || !*list || strlen(list) >= LIST_MAX)
		goto bad;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (regions ? !prefix_ok(p, n) : !in_list(sv_industries, p, n))
			goto bad;
		p += n;
		if (*p == ',' && *++p == '\0')
			goto bad;
	}
	return WG_OK;
bad:
	msg_set(err, regions ? MSG_SV_REGIONS_BAD : MSG_SV_INDUSTRIES_BAD, "value",
		list ? list : "", MSG_END);
	return WG_EINPUT;
}

/* The region code a prefix stands for: padded with zeros to six digits. */
static int64_t prefix_region(const char *prefix)
{
	char buf[7] = "000000";
	size_t n = strspn(prefix, "0123456789");
	memcpy(buf, prefix, n > 6 ? 6 : n);
	return strtoll(buf, NULL, 10);
}

/* ---- the target list ---- */

struct build {
	struct store *s;
	int64_t campaign;
	int32_t day;
	const char *actor;
	struct sv_target_counts *counts;
	struct msg *err;
};

static int add_target(struct build *b, const char *source, const char *uscc, const char *project,
		      int64_t region, const char *ref, int64_t amount, int64_t workers, int *count)
{
	int yes;
	int rc = store_sv_entry_exists(b->s, b->campaign, source, uscc, project, &yes);
	if (rc || yes)
		return rc;
	struct sv_entry e = {.region = region,
			     .campaign_id = b->campaign,
			     .uscc = uscc,
			     .project = project,
			     .source = source,
			     .ref = ref,
			     .cause = "pending",
			     .amount = amount,
			     .workers = workers,
			     .entered_on = b->day,
			     .actor = b->actor};
	if ((rc = store_sv_entry_add(b->s, &e)))
		return rc;
	++*count;
	return WG_OK;
}

static int warning_target(void *ctx, const char *uscc, const char *project, int64_t region,
			  const char *rules, int64_t amount, int64_t workers)
{
	struct build *b = ctx;
	return add_target(b, "warning", uscc, project, region, rules, amount, workers,
			  &b->counts->warnings);
}

static int settlement_target(void *ctx, const char *uscc, const char *project, int64_t region)
{
	struct build *b = ctx;
	return add_target(b, "settlement", uscc, project, region, NULL, 0, 0,
			  &b->counts->settlement);
}

static int case_target(void *ctx, const struct link_case *c)
{
	struct build *b = ctx;
	return add_target(b, "case", c->uscc, *c->project ? c->project : NULL, c->region, c->number,
			  c->claimed, c->nworkers, &b->counts->cases);
}

/* Enterprises of the scope graded C or D on the day (credit's grade). */
struct graded {
	struct build *b;
	char (*uscc)[24];
	int64_t *region;
	size_t n, alloc;
};

static int collect_enterprise(void *ctx, const char *uscc, int64_t region)
{
	struct graded *g = ctx;
	if (g->n == g->alloc) {
		size_t na = g->alloc ? 2 * g->alloc : 64;
		char(*u)[24] = realloc(g->uscc, na * sizeof *u);
		if (!u)
			return WG_ENOMEM;
		g->uscc = u;
		int64_t *r = realloc(g->region, na * sizeof *r);
		if (!r)
			return WG_ENOMEM;
		g->region = r;
		g->alloc = na;
	}
	snprintf(g->uscc[g->n], sizeof g->uscc[g->n], "%s", uscc);
	g->region[g->n++] = region;
	return 0;
}

static int build_targets(struct build *b, const struct sv_campaign *c)
{
	char regions[LIST_MAX];
	snprintf(regions, sizeof regions, "%s", c->regions);
	const char *ind = c->industries;
	int rc = WG_OK;
	for (char *p = regions; p && *p && !rc;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if ((rc = store_sv_target_warnings(b->s, p, ind, warning_target, b)) ||
		    (rc = link_open_cases_each(b->s, p, case_target, b)) ||
		    (rc = store_sv_target_settlement(b->s, p, ind, c->ends_on, settlement_target,
						     b)))
			break;
		struct graded g = {.b = b};
		rc = store_sv_enterprises(b->s, p, collect_enterprise, &g);
		for (size_t i = 0; i < g.n && !rc; i++) {
			char grade = 'A', ref[2] = "";
			if ((rc = link_grade(b->s, g.uscc[i], b->day, &grade)))
				break;
			ref[0] = grade;
			if (grade == 'C' || grade == 'D')
				rc = add_target(b, "grade", g.uscc[i], NULL, g.region[i], ref, 0, 0,
						&b->counts->grades);
		}
		free(g.uscc);
		free(g.region);
		p = comma ? comma + 1 : NULL;
	}
	return rc;
}

/* ---- starting ---- */

struct festival_find {
	int32_t after, found;
};

static int festival_after(void *ctx, int64_t day)
{
	struct festival_find *f = ctx;
	if (day > f->after && !f->found)
		f->found = (int32_t)day;
	return 0;
}

int sv_campaign_start(struct store *s, const struct sv_campaign_request *r, int64_t *id,
		      struct sv_target_counts *counts, struct msg *err)
{
	char name[256];
	int winter = r->kind && strcmp(r->kind, "winter") == 0;
	memset(counts, 0, sizeof *counts);
	if (!r->kind || (!winter && strcmp(r->kind, "special") != 0)) {
		msg_set(err, MSG_SV_CAMPAIGN_KIND_BAD, "kind", r->kind ? r->kind : "", MSG_END);
		return WG_EINPUT;
	}
	if (!r->region || !prefix_ok(r->region, strlen(r->region)) ||
	    strlen(r->region) != strspn(r->region, "0123456789")) {
		msg_set(err, MSG_SV_REGION_BAD, "region", r->region ? r->region : "", MSG_END);
		return WG_EINPUT;
	}
	const char *regions = r->regions ? r->regions : r->region;
	char all[LIST_MAX] = "";
	for (int i = 0; sv_industries[i]; i++) {
		size_t n = strlen(all);
		snprintf(all + n, sizeof all - n, "%s%s", i ? "," : "", sv_industries[i]);
	}
	const char *industries = r->industries ? r->industries : all;
	int rc;
	if ((rc = check_list(regions, 1, err)) || (rc = check_list(industries, 0, err)))
		return rc;
	int32_t from = r->from, to = r->to;
	if (winter && (from < 0 || to < 0)) {
		struct festival_find f = {.after = r->today};
		if ((rc = store_sv_calendar(s, NULL, festival_after, &f)))
			return store_failed(s, rc, err);
		if (!f.found) {
			char d[DATE_BUFSZ];
			msg_set(err, MSG_SV_NO_FESTIVAL, "date", date_format(r->today, d), MSG_END);
			return WG_EINPUT;
		}
		int y, m, dd;
		date_to_ymd(f.found, &y, &m, &dd);
		if (to < 0)
			to = f.found -
				1; /* 除夕: the campaign clears arrears before the festival */
		if (from < 0) {
			from = date_from_ymd(y - 1, 11, 15);
			if (from < r->today)
				from = r->today;
		}
	}
	if (from < 0 || to < 0 || to < from) {
		msg_set(err, MSG_SV_CAMPAIGN_DATES_BAD, MSG_END);
		return WG_EINPUT;
	}
	if (r->name && *r->name) {
		snprintf(name, sizeof name, "%s", r->name);
	} else if (winter) {
		int y, m, dd;
		date_to_ymd(to, &y, &m, &dd);
		snprintf(name, sizeof name, "%d—%d年冬季根治欠薪专项行动", y - (m < 7),
			 y + (m >= 7));
	} else {
		msg_set(err, MSG_SV_REASON_REQUIRED, "field", "name", MSG_END);
		return WG_EINPUT;
	}
	struct sv_campaign c = {.region = prefix_region(r->region),
				.name = name,
				.kind = r->kind,
				.regions = regions,
				.industries = industries,
				.starts_on = from,
				.ends_on = to,
				.created_at = (int64_t)time(NULL),
				.actor = r->actor};
	if ((rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	if ((rc = store_sv_campaign_add(s, &c)))
		goto fail;
	struct build b = {s, c.id, r->today > from ? r->today : from, r->actor, counts, err};
	if ((rc = build_targets(&b, &c)))
		goto fail;
	if ((rc = s->ops->commit(s)))
		return store_failed(s, rc, err);
	*id = c.id;
	return WG_OK;
fail:
	store_failed(s, rc, err);
	s->ops->rollback(s);
	memset(counts, 0, sizeof *counts);
	return rc;
}

static int campaign_get(struct store *s, int64_t id, struct sv_campaign *c, struct msg *err)
{
	int rc = store_sv_campaign_get(s, id, c);
	if (rc == WG_ENOTFOUND) {
		char n[24];
		snprintf(n, sizeof n, "%lld", (long long)id);
		msg_set(err, MSG_SV_NO_CAMPAIGN, "campaign", n, MSG_END);
		return rc;
	}
	return rc ? store_failed(s, rc, err) : WG_OK;
}

int sv_campaign_targets(struct store *s, int64_t id, int32_t day, struct sv_target_counts *counts,
			struct msg *err)
{
	struct sv_campaign c;
	char regions[LIST_MAX], industries[LIST_MAX];
	memset(counts, 0, sizeof *counts);
	int rc = campaign_get(s, id, &c, err);
	if (rc)
		return rc;
	snprintf(regions, sizeof regions, "%s", c.regions);
	snprintf(industries, sizeof industries, "%s", c.industries);
	c.regions = regions;
	c.industries = industries;
	if ((rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	struct build b = {s, id, day, NULL, counts, err};
	if ((rc = build_targets(&b, &c))) {
		store_failed(s, rc, err);
		s->ops->rollback(s);
		memset(counts, 0, sizeof *counts);
		return rc;
	}
	if ((rc = s->ops->commit(s)))
		return store_failed(s, rc, err);
	return WG_OK;
}

/* ---- the register ---- */

static int cause_ok(const char *cause)
{
	return cause && in_list(sv_causes, cause, strlen(cause));
}

int sv_register_add(struct store *s, int64_t campaign, struct sv_entry *e, struct msg *err)
{
	struct sv_campaign c;
	int rc = campaign_get(s, campaign, &c, err);
	if (rc)
		return rc;
	if (!e->source || (strcmp(e->source, "screening") != 0 && strcmp(e->source, "tip") != 0)) {
		msg_set(err, MSG_SV_SOURCE_BAD, "source", e->source ? e->source : "", MSG_END);
		return WG_EINPUT;
	}
	if (!e->cause)
		e->cause = "pending";
	if (!cause_ok(e->cause)) {
		msg_set(err, MSG_SV_CAUSE_BAD, "cause", e->cause, MSG_END);
		return WG_EINPUT;
	}
	if (e->amount < 0 || e->workers < 0) {
		msg_set(err, MSG_SV_NEGATIVE, "field", "amount", MSG_END);
		return WG_EINPUT;
	}
	if (!e->uscc && !e->project) {
		msg_set(err, MSG_SV_REASON_REQUIRED, "field", "uscc", MSG_END);
		return WG_EINPUT;
	}
	if (e->uscc && uscc_validate(e->uscc) != 0) {
		msg_set(err, MSG_SV_USCC_BAD, "uscc", e->uscc, MSG_END);
		return WG_EINPUT;
	}
	/* the project's region, else the enterprise's: both must be registered */
	if (e->project && (rc = store_sv_region_of(s, NULL, e->project, &e->region))) {
		if (rc != WG_ENOTFOUND)
			return store_failed(s, rc, err);
		msg_set(err, MSG_SV_NO_PROJECT, "project", e->project, MSG_END);
		return rc;
	}
	if (e->uscc) {
		int64_t r;
		if ((rc = store_sv_region_of(s, e->uscc, NULL, &r)) == WG_ENOTFOUND) {
			msg_set(err, MSG_SV_NO_ENTERPRISE, "uscc", e->uscc, MSG_END);
			return rc;
		}
		if (rc)
			return store_failed(s, rc, err);
		if (!e->project)
			e->region = r;
	}
	e->campaign_id = campaign;
	if ((rc = store_sv_entry_add(s, e)))
		return store_failed(s, rc, err);
	return WG_OK;
}

static int entry_get(struct store *s, int64_t id, struct sv_entry *e, struct msg *err)
{
	int rc = store_sv_entry_get(s, id, e);
	if (rc == WG_ENOTFOUND) {
		char n[24];
		snprintf(n, sizeof n, "%lld", (long long)id);
		msg_set(err, MSG_SV_NO_ENTRY, "entry", n, MSG_END);
		return rc;
	}
	return rc ? store_failed(s, rc, err) : WG_OK;
}

int sv_register_update(struct store *s, int64_t id, const char *cause, const char *responsible,
		       int64_t amount, int64_t workers, struct msg *err)
{
	struct sv_entry e;
	int rc = entry_get(s, id, &e, err);
	if (rc)
		return rc;
	if (cause && !cause_ok(cause)) {
		msg_set(err, MSG_SV_CAUSE_BAD, "cause", cause, MSG_END);
		return WG_EINPUT;
	}
	if (e.cleared_on >= 0) {
		char n[24];
		snprintf(n, sizeof n, "%lld", (long long)id);
		msg_set(err, MSG_SV_ENTRY_CLEARED, "entry", n, MSG_END);
		return WG_ECONFLICT;
	}
	if ((rc = store_sv_entry_update(s, id, cause, responsible, amount, workers)))
		return store_failed(s, rc, err);
	return WG_OK;
}

int sv_register_clear(struct store *s, int64_t id, int32_t day, const char *const *payments,
		      size_t npayments, const char *case_number, struct msg *err)
{
	struct sv_entry e;
	char n[24], evidence[LIST_MAX];
	snprintf(n, sizeof n, "%lld", (long long)id);
	int rc = entry_get(s, id, &e, err);
	if (rc)
		return rc;
	if (e.cleared_on >= 0) {
		msg_set(err, MSG_SV_ENTRY_CLEARED, "entry", n, MSG_END);
		return WG_ECONFLICT;
	}
	if (!npayments && !case_number) {
		msg_set(err, MSG_SV_CLEAR_NEEDS_EVIDENCE, "entry", n, MSG_END);
		return WG_EINPUT;
	}
	if (day < e.entered_on) {
		msg_set(err, MSG_SV_CLEAR_BEFORE_ENTRY, "entry", n, MSG_END);
		return WG_EINPUT;
	}
	/* copies: the entry's text belongs to the store until its next call */
	char uscc[24] = "", project[72] = "";
	snprintf(uscc, sizeof uscc, "%s", e.uscc ? e.uscc : "");
	snprintf(project, sizeof project, "%s", e.project ? e.project : "");
	const char *kind;
	evidence[0] = '\0';
	if (case_number) {
		struct link_case lc;
		kind = "case";
		if ((rc = link_case_get(s, case_number, &lc)) == WG_ENOTFOUND) {
			msg_set(err, MSG_SV_NO_CASE, "case", case_number, MSG_END);
			return WG_EINPUT;
		}
		if (rc)
			return store_failed(s, rc, err);
		if (lc.open) {
			msg_set(err, MSG_SV_CASE_OPEN, "case", case_number, MSG_END);
			return WG_EINPUT;
		}
		if (*uscc && strcmp(lc.uscc, uscc) != 0) {
			msg_set(err, MSG_SV_CASE_OTHER_PARTY, "case", case_number, "uscc", uscc,
				MSG_END);
			return WG_EINPUT;
		}
		snprintf(evidence, sizeof evidence, "%s", case_number);
	} else {
		kind = "payments";
		for (size_t i = 0; i < npayments; i++) {
			int ok;
			int64_t amount;
			if ((rc = store_sv_payment_ok(s, payments[i], *project ? project : NULL,
						      &ok, &amount)))
				return store_failed(s, rc, err);
			if (!ok) {
				msg_set(err, MSG_SV_PAYMENT_NOT_EVIDENCE, "txn", payments[i],
					MSG_END);
				return WG_EINPUT;
			}
			size_t len = strlen(evidence);
			if (len + strlen(payments[i]) + 2 >= sizeof evidence) {
				msg_set(err, MSG_SV_REGIONS_BAD, "value", payments[i], MSG_END);
				return WG_EINPUT;
			}
			snprintf(evidence + len, sizeof evidence - len, "%s%s", len ? "," : "",
				 payments[i]);
		}
	}
	if ((rc = store_sv_entry_clear(s, id, day, kind, evidence)) == WG_ECONFLICT) {
		msg_set(err, MSG_SV_ENTRY_CLEARED, "entry", n, MSG_END);
		return rc;
	}
	return rc ? store_failed(s, rc, err) : WG_OK;
}

/* ---- progress ---- */

static void rate_text(int64_t part, int64_t whole, char *buf, size_t n)
{
	if (whole <= 0) {
		snprintf(buf, n, "0.0");
		return;
	}
	int64_t permille = (part * 2000 + whole) / (2 * whole);
	snprintf(buf, n, "%lld.%lld", (long long)(permille / 10), (long long)(permille % 10));
}

/* One scope's figures on day: relief's from the campaign's start, the register's. */
static int figures(struct store *s, const struct sv_campaign *c, const char *prefix, int32_t day,
		   json_t **out)
{
	struct link_relief_progress p;
	struct sv_register_totals t;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d[MONEY_BUFSZ], rate[32];
	int32_t to = day < c->ends_on ? day : (int32_t)c->ends_on;
	int rc = link_relief_progress(s, prefix, (int32_t)c->starts_on, to, &p);
	if (!rc)
		rc = store_sv_register_totals(s, c->id, prefix, day, &t);
	if (rc)
		return rc;
	rate_text(t.cleared, t.entries, rate, sizeof rate);
	*out = json_pack("{s:I, s:I, s:s, s:I, s:I, s:I, s:s, s:s, s:s, s:I, s:I}", "cases_closed",
			 (json_int_t)p.cases_closed, "cases_open", (json_int_t)p.cases_open,
			 "recovered", money_format(p.recovered, a), "workers_paid",
			 (json_int_t)p.workers_paid, "entries", (json_int_t)t.entries, "cleared",
			 (json_int_t)t.cleared, "clearing_rate", rate, "amount",
			 money_format(t.amount, b), "amount_cleared",
			 money_format(t.amount_cleared, d), "workers", (json_int_t)t.workers,
			 "workers_cleared", (json_int_t)t.workers_cleared);
	return *out ? WG_OK : WG_ENOMEM;
}

static int district_row(void *ctx, const struct sv_entry *e)
{
	json_t *set = ctx;
	char r[24];
	snprintf(r, sizeof r, "%lld", (long long)e->region);
	return json_object_set_new(set, r, json_true());
}

static json_t *campaign_json(const struct sv_campaign *c)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	json_t *regions = json_array(), *industries = json_array();
	char buf[LIST_MAX];
	for (int k = 0; k < 2; k++) {
		snprintf(buf, sizeof buf, "%s", k ? c->industries : c->regions);
		for (char *p = buf; p && *p;) {
			char *comma = strchr(p, ',');
			if (comma)
				*comma = '\0';
			json_array_append_new(k ? industries : regions, json_string(p));
			p = comma ? comma + 1 : NULL;
		}
	}
	return json_pack("{s:I, s:s, s:s, s:I, s:o, s:o, s:s, s:s}", "id", (json_int_t)c->id,
			 "name", c->name, "kind", c->kind, "region", (json_int_t)c->region,
			 "regions", regions, "industries", industries, "starts_on",
			 date_format((int32_t)c->starts_on, a), "ends_on",
			 date_format((int32_t)c->ends_on, b));
}

int sv_campaign_progress(struct store *s, int64_t id, int32_t day, json_t **out, struct msg *err)
{
	struct sv_campaign c;
	char regions[LIST_MAX], industries[LIST_MAX], name[256], kind[16], d[DATE_BUFSZ];
	json_t *j = NULL, *v = NULL;
	int rc = campaign_get(s, id, &c, err);
	if (rc)
		return rc;
	snprintf(regions, sizeof regions, "%s", c.regions);
	snprintf(industries, sizeof industries, "%s", c.industries);
	snprintf(name, sizeof name, "%s", c.name);
	snprintf(kind, sizeof kind, "%s", c.kind);
	c.regions = regions, c.industries = industries, c.name = name, c.kind = kind;
	int64_t left = c.ends_on - day;
	j = json_pack("{s:o, s:s, s:I, s:o, s:o}", "campaign", campaign_json(&c), "as_of",
		      date_format(day, d), "days_left", (json_int_t)(left < 0 ? 0 : left),
		      "regions", json_array(), "series", json_array());
	if (!j)
		goto nomem;
	/* totals: over each prefix (they do not overlap) */
	json_t *total = NULL, *rows = json_object_get(j, "regions");
	char buf[LIST_MAX];
	snprintf(buf, sizeof buf, "%s", regions);
	json_t *districts = json_object();
	for (char *p = buf; p && *p;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if ((rc = figures(s, &c, p, day, &v)))
			goto fail;
		json_object_set_new(v, "region", json_string(p));
		json_object_set_new(v, "scope", json_true());
		if (!total) {
			total = json_deep_copy(v);
		} else {
			const char *key;
			json_t *x;
			json_object_foreach(v, key, x)
			{
				json_t *t = json_object_get(total, key);
				if (json_is_integer(x))
					json_integer_set(
						t, json_integer_value(t) + json_integer_value(x));
				else if (json_is_string(x) && strcmp(key, "region") != 0 &&
					 strcmp(key, "clearing_rate") != 0) {
					int64_t m1 = 0, m2 = 0;
					char sum[MONEY_BUFSZ];
					money_parse(json_string_value(t), &m1);
					money_parse(json_string_value(x), &m2);
					json_string_set(t, money_format(m1 + m2, sum));
				}
			}
		}
		json_array_append_new(rows, v);
		v = NULL;
		struct sv_entry_filter f = {.campaign_id = id, .region = p};
		if ((rc = store_sv_entry_list(s, &f, district_row, districts)))
			goto fail;
		p = comma ? comma + 1 : NULL;
	}
	if (total) {
		char rate[32];
		rate_text(json_integer_value(json_object_get(total, "cleared")),
			  json_integer_value(json_object_get(total, "entries")), rate, sizeof rate);
		json_object_set_new(total, "clearing_rate", json_string(rate));
		json_object_del(total, "region");
		json_object_del(total, "scope");
		json_object_set_new(j, "totals", total);
	}
	/* the districts of the register, where they are finer than the campaign's prefixes */
	const char *key;
	json_t *x;
	json_object_foreach(districts, key, x)
	{
		int dup = 0;
		size_t i;
		json_t *row;
		json_array_foreach(rows, i, row)
		{
			dup |= strcmp(json_string_value(json_object_get(row, "region")), key) == 0;
		}
		if (dup)
			continue;
		if ((rc = figures(s, &c, key, day, &v)))
			goto fail;
		json_object_set_new(v, "region", json_string(key));
		json_object_set_new(v, "scope", json_false());
		json_array_append_new(rows, v);
		v = NULL;
	}
	json_decref(districts);
	districts = NULL;
	/* weekly, cumulative from the start: the board's chart over time */
	json_t *series = json_object_get(j, "series");
	int32_t last = day < c.ends_on ? day : (int32_t)c.ends_on;
	for (int32_t t = (int32_t)c.starts_on; t <= last; t = t + 7 < last ? t + 7 : last) {
		json_t *all = NULL;
		snprintf(buf, sizeof buf, "%s", regions);
		int64_t closed = 0, paid = 0, cleared = 0, entries = 0, recovered = 0,
			amount_cleared = 0;
		for (char *p = buf; p && *p;) {
			char *comma = strchr(p, ',');
			if (comma)
				*comma = '\0';
			struct link_relief_progress rp;
			struct sv_register_totals rt;
			if ((rc = link_relief_progress(s, p, (int32_t)c.starts_on, t, &rp)) ||
			    (rc = store_sv_register_totals(s, id, p, t, &rt)))
				goto fail;
			closed += rp.cases_closed, paid += rp.workers_paid,
				recovered += rp.recovered;
			cleared += rt.cleared, entries += rt.entries,
				amount_cleared += rt.amount_cleared;
			p = comma ? comma + 1 : NULL;
		}
		char a[MONEY_BUFSZ], b[MONEY_BUFSZ], rate[32];
		rate_text(cleared, entries, rate, sizeof rate);
		all = json_pack("{s:s, s:I, s:s, s:I, s:I, s:I, s:s, s:s}", "date",
				date_format(t, d), "cases_closed", (json_int_t)closed, "recovered",
				money_format(recovered, a), "workers_paid", (json_int_t)paid,
				"entries", (json_int_t)entries, "cleared", (json_int_t)cleared,
				"clearing_rate", rate, "amount_cleared",
				money_format(amount_cleared, b));
		if (!all || json_array_append_new(series, all))
			goto nomem;
		if (t == last)
			break;
	}
	*out = j;
	return WG_OK;
nomem:
	rc = WG_ENOMEM;
fail:
	json_decref(v);
	json_decref(j);
	return store_failed(s, rc, err);
}

/* ---- the periodic report ---- */

struct report_ctx {
	struct table_writer *w;
	int rc;
};

static int register_row(void *ctx, const struct sv_entry *e)
{
	struct report_ctx *r = ctx;
	char region[24], entered[DATE_BUFSZ], cleared[DATE_BUFSZ];
	snprintf(region, sizeof region, "%lld", (long long)e->region);
	struct table_cell cells[13] = {
		{.i = e->id},
		{.s = region},
		{.s = e->uscc},
		{.s = e->project},
		{.s = e->source},
		{.s = e->ref},
		{.s = e->cause},
		{.i = e->amount},
		{.i = e->workers},
		{.s = e->responsible},
		{.s = date_format((int32_t)e->entered_on, entered)},
		{.s = e->cleared_on >= 0 ? date_format((int32_t)e->cleared_on, cleared) : NULL},
		{.s = e->evidence_kind ? e->evidence : NULL},
	};
	return table_row(r->w, cells);
}

static int typical_row(void *ctx, const struct sv_typical *t)
{
	struct report_ctx *r = ctx;
	char d[DATE_BUFSZ];
	struct table_cell cells[4] = {{.s = date_format((int32_t)t->published_on, d)},
				      {.s = t->title},
				      {.s = t->case_number},
				      {.s = t->summary}};
	return table_row(r->w, cells);
}

static int64_t fen_of(const json_t *v)
{
	int64_t f = 0;
	money_parse(json_string_value(v), &f);
	return f;
}

int sv_campaign_report(struct store *s, int64_t id, int32_t day, const char *path, struct msg *err)
{
	static const struct table_col progress_cols[] = {
		{"地区 region", TCOL_TEXT, 12},
		{"结案 cases closed", TCOL_INT, 14},
		{"在办 cases open", TCOL_INT, 14},
		{"追回金额 recovered", TCOL_MONEY, 18},
		{"受偿人数 workers paid", TCOL_INT, 18},
		{"台账 entries", TCOL_INT, 12},
		{"销号 cleared", TCOL_INT, 12},
		{"销号率% clearing rate", TCOL_TEXT, 18},
		{"涉欠金额 amount", TCOL_MONEY, 16},
		{"已销号金额 amount cleared", TCOL_MONEY, 20},
		{"涉及人数 workers", TCOL_INT, 14},
		{"剩余天数 days left", TCOL_INT, 14},
	};
	static const struct table_col register_cols[] = {
		{"编号 id", TCOL_INT, 8},         {"地区 region", TCOL_TEXT, 10},
		{"企业 USCC", TCOL_TEXT, 22},     {"项目 project", TCOL_TEXT, 12},
		{"来源 source", TCOL_TEXT, 12},   {"依据 ref", TCOL_TEXT, 24},
		{"原因 cause", TCOL_TEXT, 18},    {"金额 amount", TCOL_MONEY, 14},
		{"人数 workers", TCOL_INT, 10},   {"责任单位 responsible", TCOL_TEXT, 24},
		{"录入 entered", TCOL_TEXT, 12},  {"销号 cleared", TCOL_TEXT, 12},
		{"证明 evidence", TCOL_TEXT, 30},
	};
	static const struct table_col series_cols[] = {
		{"日期 date", TCOL_TEXT, 12},
		{"结案 cases closed", TCOL_INT, 14},
		{"追回金额 recovered", TCOL_MONEY, 18},
		{"受偿人数 workers paid", TCOL_INT, 18},
		{"台账 entries", TCOL_INT, 12},
		{"销号 cleared", TCOL_INT, 12},
		{"销号率% clearing rate", TCOL_TEXT, 18},
		{"已销号金额 amount cleared", TCOL_MONEY, 20},
	};
	static const struct table_col typical_cols[] = {
		{"发布日期 published", TCOL_TEXT, 14},
		{"标题 title", TCOL_TEXT, 40},
		{"案件 case", TCOL_TEXT, 24},
		{"简介 summary", TCOL_TEXT, 80},
	};
	json_t *p = NULL;
	int rc = sv_campaign_progress(s, id, day, &p, err);
	if (rc)
		return rc;
	struct table_writer w;
	struct report_ctx r = {&w, 0};
	if ((rc = table_open(&w, TABLE_XLSX, path, "进度 progress", progress_cols, 12))) {
		msg_set(err, MSG_SV_REPORT_FAILED, "reason", w.err, MSG_END);
		json_decref(p);
		return rc;
	}
	int64_t left = json_integer_value(json_object_get(p, "days_left"));
	json_t *rows = json_object_get(p, "regions"), *row;
	size_t i;
	for (i = 0; i <= json_array_size(rows) && !rc; i++) {
		row = i < json_array_size(rows) ? json_array_get(rows, i)
						: json_object_get(p, "totals");
		if (!row)
			break;
		const char *region = json_string_value(json_object_get(row, "region"));
#define I(k) json_integer_value(json_object_get(row, k))
		struct table_cell cells[12] = {
			{.s = region ? region : "合计 total"},
			{.i = I("cases_closed")},
			{.i = I("cases_open")},
			{.i = fen_of(json_object_get(row, "recovered"))},
			{.i = I("workers_paid")},
			{.i = I("entries")},
			{.i = I("cleared")},
			{.s = json_string_value(json_object_get(row, "clearing_rate"))},
			{.i = fen_of(json_object_get(row, "amount"))},
			{.i = fen_of(json_object_get(row, "amount_cleared"))},
			{.i = I("workers")},
			{.i = left},
		};
#undef I
		rc = table_row(&w, cells);
	}
	if (!rc && !(rc = table_sheet(&w, "排查台账 register", register_cols, 13))) {
		struct sv_entry_filter f = {.campaign_id = id};
		rc = store_sv_entry_list(s, &f, register_row, &r);
	}
	if (!rc && !(rc = table_sheet(&w, "趋势 series", series_cols, 8))) {
		json_array_foreach(json_object_get(p, "series"), i, row)
		{
			struct table_cell cells[8] = {
				{.s = json_string_value(json_object_get(row, "date"))},
				{.i = json_integer_value(json_object_get(row, "cases_closed"))},
				{.i = fen_of(json_object_get(row, "recovered"))},
				{.i = json_integer_value(json_object_get(row, "workers_paid"))},
				{.i = json_integer_value(json_object_get(row, "entries"))},
				{.i = json_integer_value(json_object_get(row, "cleared"))},
				{.s = json_string_value(json_object_get(row, "clearing_rate"))},
				{.i = fen_of(json_object_get(row, "amount_cleared"))},
			};
			if ((rc = table_row(&w, cells)))
				break;
		}
	}
	if (!rc && !(rc = table_sheet(&w, "典型案例 cases", typical_cols, 4)))
		rc = store_sv_typical_list(s, id, "", typical_row, &r);
	json_decref(p);
	char why[600];
	snprintf(why, sizeof why, "%s", w.err[0] ? w.err : s->errmsg);
	int crc = table_close(&w);
	if (rc || crc) {
		if (!why[0])
			snprintf(why, sizeof why, "%s", w.err);
		msg_set(err, MSG_SV_REPORT_FAILED, "reason", why, MSG_END);
		return rc ? rc : crc;
	}
	return WG_OK;
}

int sv_typical_publish(struct store *s, int64_t campaign, const char *title, const char *summary,
		       const char *case_number, int32_t day, const char *actor, int64_t *id,
		       struct msg *err)
{
	struct sv_campaign c;
	int rc = campaign_get(s, campaign, &c, err);
	if (rc)
		return rc;
	if (!title || !*title || !summary || !*summary) {
		msg_set(err, MSG_SV_REASON_REQUIRED, "field",
			!title || !*title ? "title" : "summary", MSG_END);
		return WG_EINPUT;
	}
	if (case_number) {
		struct link_case lc;
		if ((rc = link_case_get(s, case_number, &lc)) == WG_ENOTFOUND) {
			msg_set(err, MSG_SV_NO_CASE, "case", case_number, MSG_END);
			return WG_EINPUT;
		}
		if (rc)
			return store_failed(s, rc, err);
	}
	struct sv_typical t = {.region = c.region,
			       .campaign_id = campaign,
			       .title = title,
			       .summary = summary,
			       .case_number = case_number,
			       .published_on = day,
			       .actor = actor};
	if ((rc = store_sv_typical_add(s, &t)))
		return store_failed(s, rc, err);
	*id = t.id;
	return WG_OK;
}
