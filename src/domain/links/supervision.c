/* links/supervision.c — what supervision (SPEC §10, issue 15) tells the other systems, and
 * how it reacts to their events. It emits LINK_RECTIFY_OVERDUE and LINK_LIST_PROPOSE itself
 * (domain/supervision.c, sv_escalate); no other system's event changes its records: a
 * complaint-driven inspection is opened by the inspector from the case (link_case_get). */
#include "domain/links.h"
#include "store/supervision.h"
#include "util/banned.h"

int links_supervision_on(struct store *s, const struct link_event *e, struct msg *err)
{
	(void)s, (void)e, (void)err;
	return 0;
}

int link_last_inspection(struct store *s, const char *uscc, int32_t day, int32_t *last, bool *found)
{
	int64_t d = 0;
	int f = 0;
	int rc = store_sv_last_inspection(s, uscc, day, &d, &f);
	*last = f ? (int32_t)d : 0;
	*found = f != 0;
	return rc;
}
