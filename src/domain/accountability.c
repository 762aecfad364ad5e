/* accountability.c — government accountability per region and period (SPEC §11; case.h
 * case_accountability): how each region's bureau keeps the statutory clock and recovers
 * wages, with its open red warnings, ranked, those below the thresholds flagged. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "store/case.h"
#include "store/config.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

struct acc_region {
	int64_t code;
	int64_t cases, accept_ok, accept_due, conclude_ok, conclude_due, claimed, recovered, red;
	int64_t score; /* hundredths of a per cent */
	bool flagged;
	bool below[3];
};

struct acc {
	struct acc_region *r;
	size_t n, alloc;
	int depth;
	int32_t to;
};

static int64_t cut(int64_t region, int depth)
{
	int64_t div = depth >= 6 ? 1 : depth >= 4 ? 100 : 10000;
	return region / div;
}

static struct acc_region *find(struct acc *a, int64_t code)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->r[i].code == code)
			return &a->r[i];
	if (a->n == a->alloc) {
		size_t n = a->alloc ? a->alloc * 2 : 16;
		void *p = realloc(a->r, n * sizeof *a->r);
		if (!p)
			return NULL;
		a->r = p, a->alloc = n;
	}
	memset(&a->r[a->n], 0, sizeof a->r[a->n]);
	a->r[a->n].code = code;
	return &a->r[a->n++];
}

static int add_case(void *ctx, const struct case_clock_row *c)
{
	struct acc *a = ctx;
	struct acc_region *r = find(a, cut(c->region, a->depth));
	if (!r)
		return WG_ENOMEM;
	r->cases++;
	int64_t decided = c->accepted >= 0 ? c->accepted : c->rejected;
	if ((decided >= 0 && decided <= a->to) || a->to > c->accept_by) {
		r->accept_due++;
		if (decided >= 0 && decided <= c->accept_by)
			r->accept_ok++;
	}
	if (c->accepted >= 0 && c->accepted <= a->to && c->conclude_by >= 0 &&
	    ((c->closed >= 0 && c->closed <= a->to) || a->to > c->conclude_by)) {
		r->conclude_due++;
		if (c->closed >= 0 && c->closed <= c->conclude_by)
			r->conclude_ok++;
	}
	r->claimed += c->claimed;
	r->recovered += c->paid < c->claimed ? c->paid : c->claimed;
	return 0;
}

struct red_ctx {
	struct acc *a;
};

static int add_red(void *ctx, int64_t region, int64_t n)
{
	struct acc *a = ctx;
	struct acc_region *r = find(a, cut(region, a->depth));
	if (!r)
		return WG_ENOMEM;
	r->red += n;
	return 0;
}

/* a rate in hundredths of a per cent, rounded half up; -1 when nothing to measure */
static int64_t rate(int64_t num, int64_t den)
{
	return den ? (num * 20000 / den + 1) / 2 : -1;
}

static json_t *pct(int64_t hundredths)
{
	if (hundredths < 0)
		return json_null();
	char b[32];
	snprintf(b, sizeof b, "%" PRId64 ".%02" PRId64, hundredths / 100, hundredths % 100);
	return json_string(b);
}

static int by_score(const void *x, const void *y)
{
	const struct acc_region *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->red != b->red)
		return a->red < b->red ? -1 : 1;
	return a->code < b->code ? -1 : a->code > b->code;
}

static int threshold(struct store *s, const char *key, int fallback)
{
	char buf[16];
	if (store_config_get(s, key, buf, sizeof buf))
		return fallback;
	char *end;
	long v = strtol(buf, &end, 10);
	return *buf && !*end && v >= 0 && v <= 100 ? (int)v : fallback;
}

int case_accountability(struct store *s, const char *region, int32_t from, int32_t to, int depth,
			json_t **out)
{
	*out = NULL;
	struct acc a = {.depth = depth, .to = to};
	int rc = store_case_clock_rows(s, region, from, to, add_case, &a);
	if (!rc)
		rc = store_red_warnings_by_region(s, region, add_red, &a);
	if (rc) {
		free(a.r);
		return rc;
	}
	int th[3] = {threshold(s, "relief.accountability.accept", 90),
		     threshold(s, "relief.accountability.conclude", 90),
		     threshold(s, "relief.accountability.recovery", 50)};
	static const char *const names[3] = {"accept", "conclude", "recovery"};
	for (size_t i = 0; i < a.n; i++) {
		struct acc_region *r = &a.r[i];
		int64_t rates[3] = {rate(r->accept_ok, r->accept_due),
				    rate(r->conclude_ok, r->conclude_due),
				    rate(r->recovered, r->claimed)};
		int64_t sum = 0;
		for (int k = 0; k < 3; k++) {
			sum += rates[k] < 0 ? 10000 : rates[k];
			r->below[k] = rates[k] >= 0 && rates[k] < th[k] * 100;
			r->flagged |= r->below[k];
		}
		r->score = (sum + 1) / 3;
	}
	if (a.n)
		qsort(a.r, a.n, sizeof *a.r, by_score);
	json_t *regions = json_array();
	for (size_t i = 0; i < a.n; i++) {
		struct acc_region *r = &a.r[i];
		char code[24], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
		snprintf(code, sizeof code, "%" PRId64, r->code);
		json_t *below = json_array();
		for (int k = 0; k < 3; k++)
			if (r->below[k])
				json_array_append_new(below, json_string(names[k]));
		json_t *j = json_object();
		json_object_set_new(j, "rank", json_integer((json_int_t)i + 1));
		json_object_set_new(j, "region", json_string(code));
		json_object_set_new(j, "cases", json_integer(r->cases));
		json_object_set_new(j, "accepted_in_time", json_integer(r->accept_ok));
		json_object_set_new(j, "accept_due", json_integer(r->accept_due));
		json_object_set_new(j, "accept_rate", pct(rate(r->accept_ok, r->accept_due)));
		json_object_set_new(j, "concluded_in_time", json_integer(r->conclude_ok));
		json_object_set_new(j, "conclude_due", json_integer(r->conclude_due));
		json_object_set_new(j, "conclude_rate", pct(rate(r->conclude_ok, r->conclude_due)));
		json_object_set_new(j, "claimed", json_string(money_format(r->claimed, m1)));
		json_object_set_new(j, "recovered", json_string(money_format(r->recovered, m2)));
		json_object_set_new(j, "recovery_rate", pct(rate(r->recovered, r->claimed)));
		json_object_set_new(j, "red_warnings", json_integer(r->red));
		json_object_set_new(j, "score", pct(r->score));
		json_object_set_new(j, "flagged", json_boolean(r->flagged));
		json_object_set_new(j, "below", below);
		json_array_append_new(regions, j);
	}
	free(a.r);
	char f[DATE_BUFSZ], t[DATE_BUFSZ];
	*out = json_pack("{s:s, s:s, s:i, s:{s:i, s:i, s:i}, s:o}", "from", date_format(from, f),
			 "to", date_format(to, t), "depth", depth, "thresholds", "accept", th[0],
			 "conclude", th[1], "recovery", th[2], "regions", regions);
	return *out ? WG_OK : WG_ENOMEM;
}
