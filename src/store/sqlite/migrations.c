/* migrations.c — the SQLite schema as numbered migrations, applied in order inside one
 * transaction each; meta.schema_version records the last one. Never edit a released
 * migration: add the next number. */
#include <stdio.h>
#include <stdlib.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

static const char *const migrations[] = {
	/* 1: the registry, monitoring records and the hash-chained ledger. Every table that
	 * grows with the region's activity carries `region` (the project's region code), the
	 * distribution column on PostgreSQL/Citus. Dates are day numbers, periods month
	 * numbers, money integer fen, hours hundredths. `lseq` is the record's latest ledger
	 * entry. */
	"CREATE TABLE enterprises(id INTEGER PRIMARY KEY, uscc TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL, region_code INTEGER NOT NULL, legal_rep TEXT, lseq INTEGER NOT NULL);"
	"CREATE TABLE projects(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT "
	"NULL,"
	" region_code INTEGER NOT NULL, industry TEXT NOT NULL,"
	" owner_id INTEGER NOT NULL REFERENCES enterprises(id),"
	" contractor_id INTEGER NOT NULL REFERENCES enterprises(id),"
	" contract_value INTEGER NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,"
	" lseq INTEGER NOT NULL);"
	"CREATE TABLE subcontracts(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES projects(id),"
	" subcontractor_id INTEGER NOT NULL REFERENCES enterprises(id),"
	" contract_value INTEGER NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,"
	" lseq INTEGER NOT NULL, UNIQUE(project_id, subcontractor_id));"
	"CREATE TABLE accounts(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL UNIQUE REFERENCES projects(id), bank_code TEXT NOT NULL,"
	" account_no TEXT NOT NULL, opened_on INTEGER NOT NULL, lseq INTEGER NOT NULL);"
	"CREATE TABLE persons(id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE);"
	"CREATE TABLE workers(person_id INTEGER PRIMARY KEY REFERENCES persons(id),"
	" name TEXT NOT NULL, phone TEXT, bank_card TEXT NOT NULL, bank_code TEXT NOT NULL,"
	" lseq INTEGER NOT NULL);"
	"CREATE TABLE employments(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES projects(id),"
	" person_id INTEGER NOT NULL REFERENCES persons(id),"
	" employer_id INTEGER NOT NULL REFERENCES enterprises(id), team TEXT NOT NULL,"
	" trade TEXT NOT NULL, wage_type TEXT NOT NULL, wage_rate INTEGER NOT NULL,"
	" start_date INTEGER NOT NULL, end_date INTEGER, lseq INTEGER NOT NULL,"
	" UNIQUE(project_id, person_id, start_date));"
	"CREATE INDEX employments_person ON employments(person_id);"
	/* the largest table: clustered on its key, no rowid, references checked by the
	 * importer (a foreign-key probe per row would double its cost). Project, then day: a
	 * day's attendance from the devices appends at the end of each project's range instead
	 * of touching every worker's pages */
	"CREATE TABLE attendance(project_id INTEGER NOT NULL, person_id INTEGER NOT NULL,"
	" date INTEGER NOT NULL, hours INTEGER NOT NULL, region INTEGER NOT NULL,"
	" lseq INTEGER NOT NULL, PRIMARY KEY(project_id, date, person_id)) WITHOUT ROWID;"
	"CREATE TABLE allocations(id INTEGER PRIMARY KEY, txn_id TEXT NOT NULL UNIQUE,"
	" region INTEGER NOT NULL, project_id INTEGER NOT NULL REFERENCES projects(id),"
	" date INTEGER NOT NULL, amount INTEGER NOT NULL, lseq INTEGER NOT NULL);"
	"CREATE INDEX allocations_project ON allocations(project_id, date);"
	/* payroll and payments are clustered by worker-month: the scan reads them in that
	 * order without a table lookup per row */
	"CREATE TABLE payroll(region INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES projects(id),"
	" employer_id INTEGER NOT NULL REFERENCES enterprises(id), period INTEGER NOT NULL,"
	" person_id INTEGER NOT NULL REFERENCES persons(id), days INTEGER NOT NULL,"
	" gross INTEGER NOT NULL, deductions INTEGER NOT NULL, net INTEGER NOT NULL,"
	" due_date INTEGER, lseq INTEGER NOT NULL, PRIMARY KEY(project_id, person_id, period))"
	" WITHOUT ROWID;"
	"CREATE INDEX payroll_person ON payroll(person_id, period);"
	"CREATE TABLE payments(txn_id TEXT NOT NULL UNIQUE,"
	" region INTEGER NOT NULL, project_id INTEGER NOT NULL REFERENCES projects(id),"
	" person_id INTEGER NOT NULL REFERENCES persons(id), period INTEGER NOT NULL,"
	" amount INTEGER NOT NULL, paid_on INTEGER NOT NULL, bank_card TEXT NOT NULL,"
	" status TEXT NOT NULL, lseq INTEGER NOT NULL,"
	" PRIMARY KEY(project_id, person_id, period, txn_id)) WITHOUT ROWID;"
	"CREATE INDEX payments_person ON payments(person_id, period);"
	"CREATE TABLE calendar(date INTEGER PRIMARY KEY, kind TEXT NOT NULL, lseq INTEGER NOT "
	"NULL);"
	/* content is stored zstd-compressed when codec = 1: an import block of attendance
	 * lines shrinks about tenfold, which is most of the ledger's size and write cost */
	"CREATE TABLE ledger(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, op INTEGER NOT NULL,"
	" kind TEXT NOT NULL, prev_version INTEGER NOT NULL, codec INTEGER NOT NULL,"
	" content BLOB NOT NULL, hash BLOB NOT NULL);",

	/* 2: the early-warning engine (SPEC §5). wm_days is the worker-month aggregate the
	 * importer maintains: bit d-1 of mask set when the worker attended (hours > 0) on day d.
	 * Warnings keep their life cycle; references are row ids with 0 for none (and period
	 * -1), so the natural key can be UNIQUE. */
	"CREATE TABLE wm_days(project_id INTEGER NOT NULL, person_id INTEGER NOT NULL,"
	" period INTEGER NOT NULL, mask INTEGER NOT NULL, region INTEGER NOT NULL,"
	" PRIMARY KEY(project_id, person_id, period)) WITHOUT ROWID;"
	"CREATE INDEX wm_days_person ON wm_days(person_id, period);"
	"CREATE TABLE config(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE warnings(id INTEGER PRIMARY KEY, rule INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL, employer_id INTEGER NOT NULL, person_id INTEGER NOT NULL,"
	" period INTEGER NOT NULL, region INTEGER NOT NULL, level INTEGER NOT NULL,"
	" amount INTEGER NOT NULL, overdue_days INTEGER NOT NULL, days INTEGER NOT NULL,"
	" first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, resolved_on INTEGER,"
	" scan INTEGER NOT NULL, UNIQUE(rule, project_id, employer_id, person_id, period));"
	"CREATE INDEX warnings_open ON warnings(resolved_on, scan);"
	"CREATE TABLE warning_events(id INTEGER PRIMARY KEY,"
	" warning_id INTEGER NOT NULL REFERENCES warnings(id), on_date INTEGER NOT NULL,"
	" event TEXT NOT NULL, level INTEGER NOT NULL, amount INTEGER NOT NULL);"
	"CREATE INDEX warning_events_warning ON warning_events(warning_id);"
	"CREATE TABLE inspection_tasks(id INTEGER PRIMARY KEY,"
	" warning_id INTEGER NOT NULL REFERENCES warnings(id), region INTEGER NOT NULL,"
	" opened_on INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'open');",

	/* 3: workers' answers to their payroll lines (SPEC §6 worker confirmation). One row per
	 * version of a line answered; a dispute waits with case_status 'open' for the cases
	 * module. */
	"CREATE TABLE confirmations(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES projects(id),"
	" person_id INTEGER NOT NULL REFERENCES persons(id), period INTEGER NOT NULL,"
	" payroll_lseq INTEGER NOT NULL, status INTEGER NOT NULL, reason TEXT,"
	" claimed INTEGER NOT NULL, at INTEGER NOT NULL, lseq INTEGER NOT NULL,"
	" case_status TEXT, UNIQUE(project_id, person_id, period, payroll_lseq));",

	/* 4: users of the web UI and API, and their credentials (sessions and feed tokens),
	 * kept by the hash of their secret. */
	"CREATE TABLE users(id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL, scope TEXT NOT NULL, display_name TEXT, pwhash TEXT NOT NULL,"
	" disabled INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL);"
	"CREATE TABLE credentials(hash BLOB PRIMARY KEY, user_id INTEGER NOT NULL"
	" REFERENCES users(id), kind INTEGER NOT NULL, name TEXT, csrf TEXT,"
	" created INTEGER NOT NULL, expires INTEGER NOT NULL);"
	/* complaints as received (web form, hotline desk); the cases module (SPEC §11) takes
	 * them from status 'received' on */
	"CREATE TABLE complaints(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
	" channel TEXT NOT NULL, name TEXT NOT NULL, phone TEXT, id_number TEXT,"
	" project_code TEXT, employer TEXT, claimed INTEGER NOT NULL, description TEXT NOT NULL,"
	" received_on INTEGER NOT NULL, status TEXT NOT NULL);",
};

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

int sq_migrate(struct store *s, int *applied)
{
	struct sq_store *q = (struct sq_store *)s;
	const int n = (int)(sizeof migrations / sizeof migrations[0]);
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
		if (version == n)
			return exec(q, "COMMIT");
		rc = exec(q, migrations[version]);
		if (rc)
			goto undo;
		char sql[128];
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO meta VALUES('schema_version', '%d'); COMMIT;",
			 version + 1);
		rc = exec(q, sql);
		if (rc)
			goto undo;
		++*applied;
	}
undo:
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
