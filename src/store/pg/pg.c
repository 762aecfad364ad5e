/* pg.c — the PostgreSQL backend (libpq). Until it lands (issue #5) a postgresql:// URL is
 * refused with a clear message instead of being taken for a file name. */
#include <stdio.h>

#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

int store_pg_open(struct store **out, const char *conninfo, char *err, size_t errsz)
{
	(void)out;
	(void)conninfo;
	snprintf(err, errsz, "PostgreSQL store is not available in this build yet");
	return WG_EUSAGE;
}
