/* store.c — picks the backend for a database URL. */
#include "store/store.h"

#include <string.h>

#include "util/err.h"
#include "util/banned.h"

int store_open(struct store **out, const char *url, char *err, size_t errsz)
{
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return store_pg_open(out, url, err, errsz);
	return store_sqlite_open(out, url, err, errsz);
}

void store_close(struct store *s)
{
	if (s)
		s->ops->close(s);
}
