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

struct store;
/* What a backend does for the one migration loop (store_migrate_run): each migration is one
 * transaction, begun so that no other process migrates meanwhile and with the table meta
 * existing; exec runs a script of statements; check (may be NULL) vets the result before
 * the commit. Each returns 0 or a wg_status with the message in the store's errmsg. */
struct migrate_backend {
	enum store_dialect dialect;
	int (*begin)(struct store *s);
	int (*exec)(struct store *s, const char *sql, const char *what);
	int (*check)(struct store *s);
	void (*rollback)(struct store *s);
};
/* Applies every migration after meta.schema_version in order, counting them in *applied;
 * refuses a database newer than this binary. Returns 0 or a wg_status. */
int store_migrate_run(struct store *s, const struct migrate_backend *b, int *applied);
#endif
