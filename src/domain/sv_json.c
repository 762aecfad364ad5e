/* sv_json.c — supervision's records as JSON, the one shape the CLI's --json and the API
 * share (domain/supervision.h): money as two-decimal strings, days as YYYY-MM-DD, null
 * where none. The *_row functions are store callbacks appending to a JSON array (ctx). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "domain/supervision.h"
#include "util/date.h"
#include "util/money.h"
#include "util/banned.h"

static const char *day_text(int64_t day, char *buf)
{
	return day >= 0 ? date_format((int32_t)day, buf) : NULL;
}

/* Splits a comma-separated list in place into out (at most max); returns how many. */
static size_t split(char *list, const char **out, size_t max)
{
	size_t n = 0;
	for (char *p = list; p && *p && n < max;) {
		char *c = strchr(p, ',');
		if (c)
			*c = '\0';
		if (*p)
			out[n++] = p;
		p = c ? c + 1 : NULL;
	}
	return n;
}

#define MAXLIST 64

int sv_json_conflict_row(void *ctx, const struct sv_conflict *c)
{
	json_t *arr = ctx;
	char d[DATE_BUFSZ];
	return json_array_append_new(arr,
				     json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)c->id,
					       "inspector", c->inspector, "uscc", c->uscc, "reason",
					       c->reason, "declared_on",
					       date_format((int32_t)c->declared_on, d)));
}

int sv_json_roster_row(void *ctx, const char *name, const char *display)
{
	json_t *arr = ctx;
	return json_array_append_new(arr,
				     json_pack("{s:s, s:s?}", "inspector", name, "name", display));
}

int sv_json_finding_row(void *ctx, const struct sv_finding *f)
{
	return json_object_set_new(
		ctx, f->item,
		f->note ? json_pack("{s:s, s:s}", "result", f->result, "note", f->note)
			: json_pack("{s:s}", "result", f->result));
}

json_t *sv_json_inspection(struct store *s, const struct sv_inspection *in, bool findings)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	json_t *insp = json_array();
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", in->inspectors ? in->inspectors : "");
	const char *names[MAXLIST];
	size_t n = split(buf, names, MAXLIST);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(insp, json_string(names[i]));
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:I, s:s?, s:s?, s:s?, s:o, s:s?}", "id",
			      (json_int_t)in->id, "kind", in->kind, "status", in->status, "uscc",
			      in->uscc, "project", in->project, "region", (json_int_t)in->region,
			      "case", in->case_number, "planned_on", day_text(in->planned_on, a),
			      "inspected_on", day_text(in->inspected_on, b), "inspectors", insp,
			      "note", in->note);
	if (!j)
		return NULL;
	if (in->task_id)
		json_object_set_new(j, "task", json_integer(in->task_id));
	if (in->campaign_id)
		json_object_set_new(j, "campaign", json_integer(in->campaign_id));
	if (in->draw_id)
		json_object_set_new(j, "draw", json_integer(in->draw_id));
	if (findings) {
		json_t *f = json_object();
		store_sv_inspection_findings(s, in->id, sv_json_finding_row, f);
		json_object_set_new(j, "findings", f);
	}
	return j;
}

int sv_json_inspection_row(void *ctx, const struct sv_inspection *in)
{
	json_t *arr = ctx;
	return json_array_append_new(arr, sv_json_inspection(NULL, in, false));
}

int sv_json_task_row(void *ctx, const struct sv_task *t)
{
	json_t *arr = ctx;
	char d[DATE_BUFSZ], amount[MONEY_BUFSZ];
	static const char *const levels[3] = {"yellow", "orange", "red"};
	return json_array_append_new(
		arr,
		json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s, s:s, s:I}", "id",
			  (json_int_t)t->id, "opened_on", date_format((int32_t)t->opened_on, d),
			  "rule", t->rule, "project", t->project, "employer", t->employer,
			  "contractor", t->contractor, "level",
			  t->level >= 0 && t->level < 3 ? levels[t->level] : "?", "amount",
			  money_format(t->amount, amount), "status", t->status, "region",
			  (json_int_t)t->region));
}

int sv_json_compliance_row(void *ctx, const char *key, int64_t yes, int64_t no, int64_t n)
{
	json_t *arr = ctx;
	char rate[48] = "";
	/* the share of checked items found compliant, in per cent with one decimal, exactly */
	if (yes + no > 0) {
		int64_t permille = (yes * 1000 * 2 + (yes + no)) / (2 * (yes + no));
		snprintf(rate, sizeof rate, "%lld.%lld", (long long)(permille / 10),
			 (long long)(permille % 10));
	}
	return json_array_append_new(arr,
				     json_pack("{s:s, s:I, s:I, s:I, s:s?}", "key", key,
					       "inspections", (json_int_t)n, "yes", (json_int_t)yes,
					       "no", (json_int_t)no, "rate",
					       yes + no > 0 ? rate : NULL));
}

json_t *sv_json_order(const struct sv_order *o, int32_t today)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], c[DATE_BUFSZ], d[DATE_BUFSZ], amount[MONEY_BUFSZ];
	return json_pack(
		"{s:s, s:I, s:s, s:s?, s:s, s:s, s:I, s:b, s:s, s:s, s:s?, s:s?, s:s?,"
		" s:b, s:s}",
		"number", o->number, "inspection", (json_int_t)o->inspection_id, "uscc", o->uscc,
		"project", o->project, "items", o->items, "amount", money_format(o->amount, amount),
		"workers", (json_int_t)o->workers, "mass_incident", o->mass_incident, "issued_on",
		date_format((int32_t)o->issued_on, a), "deadline",
		date_format((int32_t)o->deadline, b), "complied_on", day_text(o->complied_on, c),
		"evidence", o->evidence, "escalated_on", day_text(o->escalated_on, d),
		"list_proposed", o->list_proposed, "state", sv_order_state(o, today));
}

int sv_json_draw_row(void *ctx, const struct sv_draw *d)
{
	json_t *arr = ctx;
	char a[DATE_BUFSZ];
	return json_array_append_new(
		arr,
		json_pack("{s:I, s:s, s:s, s:I, s:I, s:s, s:I, s:b}", "id", (json_int_t)d->id,
			  "region", d->scope, "seed", d->seed, "n", (json_int_t)d->n, "k",
			  (json_int_t)d->k, "drawn_on", date_format((int32_t)d->drawn_on, a),
			  "seeded_at", (json_int_t)d->seeded_at, "published", d->document != NULL));
}

int sv_json_campaign_row(void *ctx, const struct sv_campaign *c)
{
	json_t *arr = ctx;
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	return json_array_append_new(arr,
				     json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
					       (json_int_t)c->id, "name", c->name, "kind", c->kind,
					       "regions", c->regions, "industries", c->industries,
					       "starts_on", date_format((int32_t)c->starts_on, a),
					       "ends_on", date_format((int32_t)c->ends_on, b)));
}

json_t *sv_json_entry(const struct sv_entry *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], amount[MONEY_BUFSZ];
	return json_pack("{s:I, s:I, s:s?, s:s?, s:s, s:s?, s:s, s:s, s:I, s:s?, s:s, s:s?, s:s?,"
			 " s:s?}",
			 "id", (json_int_t)e->id, "region", (json_int_t)e->region, "uscc", e->uscc,
			 "project", e->project, "source", e->source, "ref", e->ref, "cause",
			 e->cause, "amount", money_format(e->amount, amount), "workers",
			 (json_int_t)e->workers, "responsible", e->responsible, "entered_on",
			 date_format((int32_t)e->entered_on, a), "cleared_on",
			 day_text(e->cleared_on, b), "evidence_kind", e->evidence_kind, "evidence",
			 e->evidence);
}

int sv_json_entry_row(void *ctx, const struct sv_entry *e)
{
	return json_array_append_new(ctx, sv_json_entry(e));
}
