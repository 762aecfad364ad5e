/* links.c — dispatch of the systems' events (links.h). */
#include "domain/links.h"
#include "util/banned.h"

const char *link_kind_name(enum link_kind k)
{
	switch (k) {
	case LINK_CASE_SUBSTANTIATED: return "case.substantiated";
	case LINK_ORDER_IGNORED: return "order.ignored";
	case LINK_CASE_CLOSED: return "case.closed";
	case LINK_LIST_PROPOSE: return "list.propose";
	case LINK_DEPOSIT_ACTIVATED: return "deposit.activated";
	case LINK_RECTIFY_OVERDUE: return "rectify.overdue";
	}
	return "?";
}

int links_emit(struct store *s, const struct link_event *e, struct msg *err)
{
	/* every system sees every event; the order is fixed so that a reaction that depends on
	 * another (credit scoring a deposit activation the deposit handler caused) sees it */
	int (*const handlers[])(struct store *, const struct link_event *, struct msg *) = {
		links_relief_on,
		links_deposit_on,
		links_supervision_on,
		links_credit_on,
	};
	for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
		int rc = handlers[i](s, e, err);
		if (rc)
			return rc;
	}
	return 0;
}
