/* migrations.c — applies store/migrations.c's sequence to a SQLite database in order, one
 * transaction each; meta.schema_version records the last one. The loop is store/migrations.c's;
 * this file holds what is SQLite's own: the exclusive begin and the foreign key check. */
#include <stdio.h>
#include <stdlib.h>

#include "store/migrate.h"
#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

static int exec(struct sq_store *q, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(q->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(q->base.errmsg, sizeof q->base.errmsg, "sqlite: migration: %s",
			 msg ? msg : "?");
		sqlite3_free(msg);
		return WG_ESTORE;
	}
	return WG_OK;
}

/* Counts the rows of PRAGMA foreign_key_check. */
static int count_row(void *ctx, int n, char **v, char **names)
{
	(void)n, (void)v, (void)names;
	++*(int *)ctx;
	return 0;
}

/* With foreign keys off while a migration rebuilds a table, this checks them afterwards. */
static int foreign_key_check(struct sq_store *q)
{
	int bad = 0;
	if (sqlite3_exec(q->db, "PRAGMA foreign_key_check", count_row, &bad, NULL) != SQLITE_OK)
		return sq_fail(q, "migration: foreign key check");
	if (bad) {
		snprintf(q->base.errmsg, sizeof q->base.errmsg,
			 "sqlite: migration: %d rows break a foreign key", bad);
		return WG_ESTORE;
	}
	return WG_OK;
}

static int begin(struct store *s)
{
	return exec((struct sq_store *)s,
		    "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY,"
		    " value TEXT NOT NULL)");
}

static int run(struct store *s, const char *sql, const char *what)
{
	(void)what;
	return exec((struct sq_store *)s, sql);
}

static int check(struct store *s)
{
	return foreign_key_check((struct sq_store *)s);
}

static void rollback(struct store *s)
{
	sqlite3_exec(((struct sq_store *)s)->db, "ROLLBACK", NULL, NULL, NULL);
}

static const struct migrate_backend sq_migrate_backend = {
	.dialect = DIALECT_SQLITE,
	.begin = begin,
	.exec = run,
	.check = check,
	.rollback = rollback,
};

int sq_migrate(struct store *s, int *applied)
{
	struct sq_store *q = (struct sq_store *)s;
	/* a migration may rebuild a table others reference (SQLite's way to change a column):
	 * foreign keys are off meanwhile, each migration checks them before it commits. The
	 * pragma only takes effect outside a transaction. */
	int rc = exec(q, "PRAGMA foreign_keys=OFF");
	if (!rc)
		rc = store_migrate_run(s, &sq_migrate_backend, applied);
	int on = exec(q, "PRAGMA foreign_keys=ON");
	return rc ? rc : on;
}
