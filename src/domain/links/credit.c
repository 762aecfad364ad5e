/* links/credit.c — what credit (SPEC §9, issue 14) tells the other systems, and how it
 * reacts to their events. Until the credit module lands no enterprise has a credit event:
 * nobody is listed and every grade is A (score 100). */
#include "domain/links.h"
#include "util/banned.h"

int links_credit_on(struct store *s, const struct link_event *e, struct msg *err)
{
	(void)s, (void)e, (void)err;
	return 0;
}

int link_listed(struct store *s, const char *uscc, int32_t day, bool *listed, int32_t *since)
{
	(void)s, (void)uscc, (void)day;
	*listed = false;
	*since = 0;
	return 0;
}

int link_grade(struct store *s, const char *uscc, int32_t day, char *grade)
{
	(void)s, (void)uscc, (void)day;
	*grade = 'A';
	return 0;
}
