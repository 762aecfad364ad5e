/* migrate.h — the one numbered sequence of schema migrations both backends apply
 * (store/migrations.c). A new system appends its tables here, written once in SQL with the
 * DDL fragments of store/dialect.h (SQL_ID, SQL_INT, SQL_BLOB); a migration that cannot be
 * said the same way in both gives .sqlite and .pg instead. Internal to src/store. */
#ifndef WG_STORE_MIGRATE_H
#define WG_STORE_MIGRATE_H
#include <stddef.h>

#include "store/dialect.h"
#include "util/dbuf.h"

struct store_migration {
	const char *sql;         /* written once, with fragments; or NULL and: */
	const char *sqlite, *pg; /* written per dialect, as they run */
};

/* How many migrations there are: the schema version of an up-to-date database. */
int store_migration_count(void);
/* The SQL of migration n (1-based) for dialect d, into out. Returns 0, or -1 with err. */
int store_migration_sql(enum store_dialect d, int n, struct dbuf *out, char *err, size_t errsz);
#endif
