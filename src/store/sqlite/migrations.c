/* migrations.c — applies store/migrations.c's sequence to a SQLite database in order, one
 * transaction each; meta.schema_version records the last one. */
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

static int migrate_all(struct store *s, int *applied)
{
	struct sq_store *q = (struct sq_store *)s;
	const int n = store_migration_count();
	struct dbuf sql = DBUF_INIT;
	int rc = exec(q,
		      "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY,"
		      " value TEXT NOT NULL); COMMIT;");
	if (rc)
		return rc;
	*applied = 0;
	for (;;) {
		rc = exec(q, "BEGIN IMMEDIATE");
		if (rc)
			return rc;
		sqlite3_stmt *st = NULL;
		int version = 0;
		if (sqlite3_prepare_v2(q->db, "SELECT value FROM meta WHERE key='schema_version'",
				       -1, &st, NULL) != SQLITE_OK) {
			rc = sq_fail(q, "schema version");
			goto undo;
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (version > n) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg,
				 "database schema version %d is newer than this wageguard (%d)",
				 version, n);
			rc = WG_ESTORE;
			goto undo;
		}
		if (version == n) {
			dbuf_release(&sql);
			return exec(q, "COMMIT");
		}
		char err[128];
		if (store_migration_sql(DIALECT_SQLITE, version + 1, &sql, err, sizeof err) < 0) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg, "sqlite: migration: %s",
				 err);
			rc = WG_ESTORE;
			goto undo;
		}
		if ((rc = exec(q, sql.p)) || (rc = foreign_key_check(q)))
			goto undo;
		char set[128];
		snprintf(set, sizeof set,
			 "INSERT OR REPLACE INTO meta VALUES('schema_version', '%d'); COMMIT;",
			 version + 1);
		rc = exec(q, set);
		if (rc)
			goto undo;
		++*applied;
	}
undo:
	dbuf_release(&sql);
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int sq_migrate(struct store *s, int *applied)
{
	struct sq_store *q = (struct sq_store *)s;
	/* a migration may rebuild a table others reference (SQLite's way to change a column):
	 * foreign keys are off meanwhile, each migration checks them before it commits. The
	 * pragma only takes effect outside a transaction. */
	int rc = exec(q, "PRAGMA foreign_keys=OFF");
	if (!rc)
		rc = migrate_all(s, applied);
	int on = exec(q, "PRAGMA foreign_keys=ON");
	return rc ? rc : on;
}
