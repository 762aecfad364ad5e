/* migrations.c — applies store/migrations.c's sequence to a PostgreSQL database in order, one
 * transaction each under an advisory lock; meta.schema_version records the last. The loop is
 * store/migrations.c's; this file holds the lock. */
#include <stdio.h>
#include <stdlib.h>

#include "store/migrate.h"
#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

/* Concurrent `wageguard` processes opening a fresh database must not both create it. */
#define PG_MIGRATION_LOCK "2003265389"

/* The lock first: CREATE TABLE IF NOT EXISTS races with itself otherwise. */
static int begin(struct store *s)
{
	return pg_exec(
		(struct pg_store *)s,
		"BEGIN; SELECT pg_advisory_xact_lock(" PG_MIGRATION_LOCK ");"
		" CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
		"migration");
}

static int run(struct store *s, const char *sql, const char *what)
{
	return pg_exec((struct pg_store *)s, sql, what);
}

static void rollback(struct store *s)
{
	struct pg_store *q = (struct pg_store *)s;
	pg_settle(q);
	pg_exec(q, "ROLLBACK", "rollback");
}

static const struct migrate_backend pg_migrate_backend = {
	.dialect = DIALECT_PG,
	.begin = begin,
	.exec = run,
	.rollback = rollback,
};

int pg_migrate(struct store *s, int *applied)
{
	return store_migrate_run(s, &pg_migrate_backend, applied);
}
