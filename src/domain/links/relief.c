/* links/relief.c — what relief (SPEC §11, issue 12) tells the other systems, over its own
 * store (store/case.h), and how it reacts to their events. Relief emits its events from
 * domain/case.c inside each step's transaction: LINK_CASE_SUBSTANTIATED when an order to
 * pay is issued or a case closes paid, with a mediation amount or by decision;
 * LINK_CASE_CLOSED when a case closes or is rejected; LINK_ORDER_IGNORED and
 * LINK_LIST_PROPOSE when the regulator finds an order ignored (`case ignored`). Relief does
 * not act on the others' events. */
#include <stdio.h>
#include <string.h>

#include "domain/links.h"
#include "store/case.h"
#include "store/project.h"
#include "util/err.h"
#include "util/banned.h"

int links_relief_on(struct store *s, const struct link_event *e, struct msg *err)
{
	(void)s, (void)e, (void)err;
	return 0;
}

int link_substantiated_in(struct store *s, const char *uscc, int32_t from, int32_t to, bool *yes)
{
	return store_case_substantiated_in(s, uscc, from, to, yes);
}

int link_case_get(struct store *s, const char *number, struct link_case *out)
{
	memset(out, 0, sizeof *out);
	struct case_row c;
	int rc = store_case_get(s, number, &c);
	if (rc)
		return rc;
	snprintf(out->number, sizeof out->number, "%s", c.number);
	snprintf(out->uscc, sizeof out->uscc, "%s", c.employer);
	snprintf(out->project, sizeof out->project, "%s", c.project);
	out->region = c.region;
	out->open = strcmp(c.status, "received") == 0 || strcmp(c.status, "accepted") == 0;
	out->nworkers = (int)c.workers;
	out->claimed = c.claimed;
	return WG_OK;
}

int link_case_has_worker(struct store *s, const char *number, const char *id_number, bool *yes)
{
	return store_case_has_worker(s, number, id_number, yes);
}

int link_open_cases(struct store *s, const char *project, const char *uscc, int32_t day, int *n)
{
	int64_t count = 0;
	int rc = store_case_open_count(s, project, uscc, day, &count);
	*n = (int)count;
	return rc;
}

int link_relief_progress(struct store *s, const char *region, int32_t from, int32_t to,
			 struct link_relief_progress *out)
{
	memset(out, 0, sizeof *out);
	return store_case_progress(s, region, from, to, &out->cases_closed, &out->recovered,
				   &out->workers_paid, &out->cases_open);
}

struct open_each {
	int (*cb)(void *ctx, const struct link_case *c);
	void *ctx;
};

static int open_one(void *ctx, const struct case_row *c)
{
	struct open_each *o = ctx;
	struct link_case lc = {.region = c->region,
			       .open = true,
			       .nworkers = (int)c->workers,
			       .claimed = c->claimed};
	snprintf(lc.number, sizeof lc.number, "%s", c->number);
	snprintf(lc.uscc, sizeof lc.uscc, "%s", c->employer);
	snprintf(lc.project, sizeof lc.project, "%s", c->project);
	return o->cb(o->ctx, &lc);
}

/* The open cases of a region prefix, by number (supervision's campaign targets). */
int link_open_cases_each(struct store *s, const char *region,
			 int (*cb)(void *ctx, const struct link_case *c), void *ctx)
{
	struct open_each o = {.cb = cb, .ctx = ctx};
	struct case_filter f = {.open_only = true,
				.scope_role = region && *region ? SCOPE_REGULATOR : SCOPE_ADMIN,
				.scope = region};
	return store_case_list(s, &f, open_one, &o);
}

int link_complaints_by_project(struct store *s, int32_t from, int32_t to,
			       int (*cb)(void *ctx, int64_t project_id, int64_t cases,
					 int64_t claimed),
			       void *ctx)
{
	return store_case_complaints(s, from, to, cb, ctx);
}
