/* links/credit.c — what credit (SPEC §9, issue 14) tells the other systems (who is listed,
 * an enterprise's grade) and how it reacts to their events: a substantiated case, an
 * ignored order, a deposit activation and an overdue rectification order each become an
 * event of the enterprise's credit file; a listing referral opens a proposal for the
 * regulator's decision. All in the emitter's transaction. */
#include <string.h>

#include "domain/credit.h"
#include "domain/links.h"
#include "store/credit.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/banned.h"

int links_credit_on(struct store *s, const struct link_event *e, struct msg *err)
{
	struct credit_config c;
	const char *kind;
	int64_t points;
	int rc;
	switch (e->kind) {
	case LINK_CASE_SUBSTANTIATED:
	case LINK_ORDER_IGNORED:
	case LINK_DEPOSIT_ACTIVATED:
	case LINK_RECTIFY_OVERDUE:
	case LINK_LIST_PROPOSE: break;
	default: return WG_OK;
	}
	if (!e->uscc || !*e->uscc || !e->ref || !*e->ref) {
		msg_set(err, MSG_CREDIT_LINK_INCOMPLETE, "kind", link_kind_name(e->kind), MSG_END);
		return WG_EINPUT;
	}
	/* an employer known only by name (a complaint outside construction) has no credit
	 * file: credit files and the list are kept by unified social credit code */
	if (uscc_validate(e->uscc) != 0)
		return WG_OK;
	if ((rc = credit_config_load(s, &c, err)))
		return rc;
	switch (e->kind) {
	case LINK_CASE_SUBSTANTIATED: kind = "case_substantiated", points = c.cased; break;
	case LINK_ORDER_IGNORED: kind = "order_ignored", points = c.order; break;
	case LINK_DEPOSIT_ACTIVATED: kind = "deposit_activated", points = c.deposit; break;
	case LINK_RECTIFY_OVERDUE:
		/* not fixed by SPEC §9: a rectification order left unmet counts as much as a
		 * substantiated case (credit.points.rectify, NOTES-credit.md) */
		kind = "rectify_overdue", points = c.rectify;
		break;
	default: {
		/* the emitter's grounds, when its reason names them ("…mass_incident") */
		const char *grounds = e->reason && strstr(e->reason, "mass_incident")
			? "mass_incident"
			: e->reason && strstr(e->reason, "criminal_threshold")
			? "criminal_threshold"
			: NULL;
		struct credit_proposal p = {.uscc = e->uscc,
					    .grounds = grounds,
					    .region = e->region,
					    .on = e->on,
					    .deadline = e->on,
					    .amount = e->amount,
					    .workers = e->nworkers,
					    .reason = e->reason,
					    .source = e->ref,
					    .actor = e->actor};
		int64_t id;
		return credit_list_refer(s, &c, &p, &id, err);
	}
	}
	struct credit_event ev = {.region = e->region,
				  .on = e->on,
				  .delta = -points,
				  .amount = e->amount,
				  .period = -1,
				  .uscc = e->uscc,
				  .kind = kind,
				  .source = e->ref,
				  .project = e->project,
				  .note = e->reason,
				  .actor = e->actor};
	bool added;
	return credit_record(s, &c, &ev, &added);
}

int link_listed(struct store *s, const char *uscc, int32_t day, bool *listed, int32_t *since)
{
	int64_t d = 0;
	int rc = store_credit_listed(s, uscc, day, listed, &d);
	*since = (int32_t)d;
	return rc;
}

int link_grade(struct store *s, const char *uscc, int32_t day, char *grade)
{
	struct credit_config c;
	struct credit_view v;
	struct msg err;
	int rc = credit_config_load(s, &c, &err);
	if (!rc)
		rc = credit_view(s, &c, uscc, day, false, &v);
	*grade = rc ? 'A' : v.grade;
	return rc;
}
