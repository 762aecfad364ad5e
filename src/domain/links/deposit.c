/* links/deposit.c — what deposits and the fund (SPEC §7–8, issue 13) tell the other systems,
 * and how they react to their events. Until the deposit module lands nothing is lodged. */
#include "domain/links.h"
#include "util/banned.h"

int links_deposit_on(struct store *s, const struct link_event *e, struct msg *err)
{
	(void)s, (void)e, (void)err;
	return 0;
}

int link_deposit_lodged(struct store *s, const char *project, int32_t day, bool *yes)
{
	(void)s, (void)project, (void)day;
	*yes = false;
	return 0;
}
