/* migrations.c — applies store/migrations.c's sequence to a PostgreSQL database in order, one
 * transaction each under an advisory lock; meta.schema_version records the last. */
#include <stdio.h>
#include <stdlib.h>

#include "store/migrate.h"
#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

/* Concurrent `wageguard` processes opening a fresh database must not both create it. */
#define PG_MIGRATION_LOCK "2003265389"

int pg_migrate(struct store *s, int *applied)
{
	struct pg_store *q = (struct pg_store *)s;
	const int n = store_migration_count();
	struct dbuf sql = DBUF_INIT;
	int rc;
	*applied = 0;
	for (;;) {
		/* the lock first: CREATE TABLE IF NOT EXISTS races with itself otherwise */
		rc = pg_exec(q,
			     "BEGIN; SELECT pg_advisory_xact_lock(" PG_MIGRATION_LOCK ");"
			     " CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY,"
			     " value TEXT NOT NULL)",
			     "migration");
		if (rc)
			goto undo;
		PGresult *res =
			PQexec(q->conn, "SELECT value FROM meta WHERE key='schema_version'");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			rc = pg_fail(q, "schema version", res);
			PQclear(res);
			goto undo;
		}
		int version = PQntuples(res) ? (int)strtol(PQgetvalue(res, 0, 0), NULL, 10) : 0;
		PQclear(res);
		if (version > n) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg,
				 "database schema version %d is newer than this wageguard (%d)",
				 version, n);
			rc = WG_ESTORE;
			goto undo;
		}
		if (version == n) {
			dbuf_release(&sql);
			return pg_exec(q, "COMMIT", "migration");
		}
		char what[32], err[128];
		snprintf(what, sizeof what, "migration %d", version + 1);
		if (store_migration_sql(DIALECT_PG, version + 1, &sql, err, sizeof err) < 0) {
			snprintf(q->base.errmsg, sizeof q->base.errmsg, "pg: %s: %s", what, err);
			rc = WG_ESTORE;
			goto undo;
		}
		if ((rc = pg_exec(q, sql.p, what)))
			goto undo;
		char set[160];
		snprintf(set, sizeof set,
			 "INSERT INTO meta VALUES('schema_version', '%d') ON CONFLICT(key)"
			 " DO UPDATE SET value=excluded.value; COMMIT",
			 version + 1);
		if ((rc = pg_exec(q, set, what)))
			goto undo;
		++*applied;
	}
undo:
	dbuf_release(&sql);
	pg_settle(q);
	pg_exec(q, "ROLLBACK", "rollback");
	return rc;
}
