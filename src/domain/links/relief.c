/* links/relief.c — what relief (SPEC §11, issue 12) tells the other systems, and how it
 * reacts to their events. Until the cases module lands there are no cases: every fact
 * answers "none". */
#include <string.h>

#include "domain/links.h"
#include "util/err.h"
#include "util/banned.h"

int links_relief_on(struct store *s, const struct link_event *e, struct msg *err)
{
	(void)s, (void)e, (void)err;
	return 0;
}

int link_substantiated_in(struct store *s, const char *uscc, int32_t from, int32_t to, bool *yes)
{
	(void)s, (void)uscc, (void)from, (void)to;
	*yes = false;
	return 0;
}

int link_case_get(struct store *s, const char *number, struct link_case *out)
{
	(void)s, (void)number;
	memset(out, 0, sizeof *out);
	return WG_ENOTFOUND;
}

int link_case_has_worker(struct store *s, const char *number, const char *id_number, bool *yes)
{
	(void)s, (void)number, (void)id_number;
	*yes = false;
	return 0;
}

int link_relief_progress(struct store *s, const char *region, int32_t from, int32_t to,
			 struct link_relief_progress *out)
{
	(void)s, (void)region, (void)from, (void)to;
	memset(out, 0, sizeof *out);
	return 0;
}

/* Declared by supervision (campaign targets); relief fills it: until then no open case. */
int link_open_cases(struct store *s, const char *region,
		    int (*cb)(void *ctx, const struct link_case *c), void *ctx)
{
	(void)s, (void)region, (void)cb, (void)ctx;
	return 0;
}
