/* links/deposit.c — what deposits and the fund (SPEC §7–8, issue 13) tell the other systems,
 * and how they react to their events: an ignored order to pay activates the project's
 * deposit (domain/deposit.c), which pays the named workers and emits LINK_DEPOSIT_ACTIVATED. */
#include <stdlib.h>
#include <string.h>

#include "domain/deposit.h"
#include "domain/fund.h"
#include "domain/links.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

/* LINK_ORDER_IGNORED: the regulator's payment notice has the deposit pay the workers the
 * order named. An order about no project, or a project without a deposit holding money,
 * activates nothing (the fund and the listing proposal take over). */
static int order_ignored(struct store *s, const struct link_event *e, struct msg *err)
{
	if (!e->project || !*e->project || e->nworkers < 1)
		return WG_OK;
	struct deposit_worker *w = calloc((size_t)e->nworkers, sizeof *w);
	if (!w)
		return WG_ENOMEM;
	for (int i = 0; i < e->nworkers; i++)
		w[i] = (struct deposit_worker){e->workers[i].id_number, e->workers[i].amount};
	struct deposit_activation a = {.project = e->project,
				       .order_ref = e->ref,
				       .case_ref = e->ref,
				       .on = e->on,
				       .workers = w,
				       .nworkers = e->nworkers,
				       .actor = e->actor,
				       .from_event = true};
	struct deposit_activated out;
	struct msg why = {0};
	int rc = deposit_activate_tx(s, &a, &out, &why);
	free(w);
	if (rc == WG_ENOTFOUND)
		return WG_OK; /* nothing held: nothing to activate */
	if (rc && err)
		*err = why;
	return rc;
}

/* LINK_CASE_CLOSED: a case that ends with the employer paying (paid, mediation, decision)
 * settles; the fund recovers what it advanced to the case's workers from it (SPEC §8). Any
 * other end leaves the receivable outstanding for the regulator to pursue or write off. */
static int case_closed(struct store *s, const struct link_event *e, struct msg *err)
{
	const char *why = e->reason ? e->reason : "";
	if (!e->ref || (strcmp(why, "paid") && strcmp(why, "mediation") && strcmp(why, "decision")))
		return WG_OK;
	struct msg m = {0};
	int rc = fund_recover_tx(s, e->ref, 0, e->on, e->actor, "case.closed", &m);
	if (rc && err)
		*err = m;
	return rc;
}

int links_deposit_on(struct store *s, const struct link_event *e, struct msg *err)
{
	switch (e->kind) {
	case LINK_ORDER_IGNORED: return order_ignored(s, e, err);
	case LINK_CASE_CLOSED: return case_closed(s, e, err);
	default: return WG_OK;
	}
}

int link_deposit_lodged(struct store *s, const char *project, int32_t day, bool *yes)
{
	struct dep_project p;
	*yes = false;
	int rc = store_dep_project(s, project, &p);
	if (rc == WG_ENOTFOUND)
		return WG_OK;
	return rc ? rc : deposit_held(s, p.id, day, yes);
}
