/* migrations.c — the schema of both stores as one numbered sequence of migrations, each
 * applied in one transaction by the backend's migrate (store/sqlite/migrations.c,
 * store/pg/migrations.c), meta.schema_version recording the last. The first ones are written
 * per dialect; from 5 on a migration is written once with store/dialect.h's fragments. Never
 * edit a released migration: add the next number. */
#include "store/migrate.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/banned.h"

static const struct store_migration migrations[] = {
	{
		.sqlite =
			/* 1: the registry, monitoring records and the hash-chained ledger. Every table that
		 * grows with the region's activity carries `region` (the project's region code), the
		 * distribution column on PostgreSQL/Citus. Dates are day numbers, periods month
		 * numbers, money integer fen, hours hundredths. `lseq` is the record's latest ledger
		 * entry. */
		"CREATE TABLE enterprises(id INTEGER PRIMARY KEY, uscc TEXT NOT NULL UNIQUE,"
		" name TEXT NOT NULL, region_code INTEGER NOT NULL, legal_rep TEXT, lseq INTEGER "
		"NOT NULL);"
		"CREATE TABLE projects(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name "
		"TEXT NOT "
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
		" project_id INTEGER NOT NULL UNIQUE REFERENCES projects(id), bank_code TEXT NOT "
		"NULL,"
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
		" due_date INTEGER, lseq INTEGER NOT NULL, PRIMARY KEY(project_id, person_id, "
		"period))"
		" WITHOUT ROWID;"
		"CREATE INDEX payroll_person ON payroll(person_id, period);"
		"CREATE TABLE payments(txn_id TEXT NOT NULL UNIQUE,"
		" region INTEGER NOT NULL, project_id INTEGER NOT NULL REFERENCES projects(id),"
		" person_id INTEGER NOT NULL REFERENCES persons(id), period INTEGER NOT NULL,"
		" amount INTEGER NOT NULL, paid_on INTEGER NOT NULL, bank_card TEXT NOT NULL,"
		" status TEXT NOT NULL, lseq INTEGER NOT NULL,"
		" PRIMARY KEY(project_id, person_id, period, txn_id)) WITHOUT ROWID;"
		"CREATE INDEX payments_person ON payments(person_id, period);"
		"CREATE TABLE calendar(date INTEGER PRIMARY KEY, kind TEXT NOT NULL, lseq INTEGER "
		"NOT "
		"NULL);"
		/* content is stored zstd-compressed when codec = 1: an import block of attendance
		 * lines shrinks about tenfold, which is most of the ledger's size and write cost */
		"CREATE TABLE ledger(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, op INTEGER NOT "
		"NULL,"
		" kind TEXT NOT NULL, prev_version INTEGER NOT NULL, codec INTEGER NOT NULL,"
		" content BLOB NOT NULL, hash BLOB NOT NULL);",
		.pg =
			/* 1: the registry, monitoring records and the hash-chained ledger, as SQLite's
		 * migration 1. Laid out for Citus (docs/citus.md): every table that grows with a
		 * region's activity carries `region`, and its primary and unique keys include it
		 * (Citus can only enforce uniqueness within a shard). `region` comes last in those
		 * keys so lookups by the natural key alone still use them; since a project has one
		 * region, (project, …, region) is exactly as unique as (project, …). txn_id is unique
		 * per region in the database and globally by the importer, which looks txn_ids up
		 * across regions under the ledger chain lock. Only distributed tables reference
		 * reference tables (enterprises, projects, persons, workers, calendar), never the
		 * other way. bigserial rather than identity columns: Citus distributes both, sequences
		 * for longer. */
		"CREATE TABLE enterprises(id BIGSERIAL PRIMARY KEY, uscc TEXT NOT NULL UNIQUE,"
		" name TEXT NOT NULL, region_code BIGINT NOT NULL, legal_rep TEXT, lseq BIGINT NOT "
		"NULL);"
		"CREATE TABLE projects(id BIGSERIAL PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
		" name TEXT NOT NULL, region_code BIGINT NOT NULL, industry TEXT NOT NULL,"
		" owner_id BIGINT NOT NULL REFERENCES enterprises(id),"
		" contractor_id BIGINT NOT NULL REFERENCES enterprises(id),"
		" contract_value BIGINT NOT NULL, start_date BIGINT NOT NULL, end_date BIGINT,"
		" lseq BIGINT NOT NULL);"
		"CREATE TABLE subcontracts(id BIGSERIAL, region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id),"
		" subcontractor_id BIGINT NOT NULL REFERENCES enterprises(id),"
		" contract_value BIGINT NOT NULL, start_date BIGINT NOT NULL, end_date BIGINT,"
		" lseq BIGINT NOT NULL, PRIMARY KEY(id, region),"
		" UNIQUE(project_id, subcontractor_id, region));"
		"CREATE TABLE accounts(id BIGSERIAL, region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id), bank_code TEXT NOT NULL,"
		" account_no TEXT NOT NULL, opened_on BIGINT NOT NULL, lseq BIGINT NOT NULL,"
		" PRIMARY KEY(id, region), UNIQUE(project_id, region));"
		"CREATE TABLE persons(id BIGSERIAL PRIMARY KEY, id_number TEXT NOT NULL UNIQUE);"
		"CREATE TABLE workers(person_id BIGINT PRIMARY KEY REFERENCES persons(id),"
		" name TEXT NOT NULL, phone TEXT, bank_card TEXT NOT NULL, bank_code TEXT NOT NULL,"
		" lseq BIGINT NOT NULL);"
		"CREATE TABLE employments(id BIGSERIAL, region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id),"
		" person_id BIGINT NOT NULL REFERENCES persons(id),"
		" employer_id BIGINT NOT NULL REFERENCES enterprises(id), team TEXT NOT NULL,"
		" trade TEXT NOT NULL, wage_type TEXT NOT NULL, wage_rate BIGINT NOT NULL,"
		" start_date BIGINT NOT NULL, end_date BIGINT, lseq BIGINT NOT NULL,"
		" PRIMARY KEY(id, region), UNIQUE(project_id, person_id, start_date, region));"
		"CREATE INDEX employments_person ON employments(person_id);"
		/* the largest table: no surrogate id, references checked by the importer (a
		 * foreign-key probe per row would double its cost), keyed project, then day, as on
		 * SQLite: a day's feed appends at the end of each project's range of the index */
		"CREATE TABLE attendance(project_id BIGINT NOT NULL, person_id BIGINT NOT NULL,"
		" date BIGINT NOT NULL, hours BIGINT NOT NULL, region BIGINT NOT NULL,"
		" lseq BIGINT NOT NULL, PRIMARY KEY(project_id, date, person_id, region));"
		"CREATE TABLE allocations(id BIGSERIAL, txn_id TEXT NOT NULL, region BIGINT NOT "
		"NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id), date BIGINT NOT NULL,"
		" amount BIGINT NOT NULL, lseq BIGINT NOT NULL, PRIMARY KEY(id, region),"
		" UNIQUE(txn_id, region));"
		"CREATE INDEX allocations_project ON allocations(project_id, date);"
		/* payroll and payments have no surrogate id, as on SQLite: their keys (worker-month
		 * first) are what the scan reads them by */
		"CREATE TABLE payroll(region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id),"
		" employer_id BIGINT NOT NULL REFERENCES enterprises(id), period BIGINT NOT NULL,"
		" person_id BIGINT NOT NULL REFERENCES persons(id), days BIGINT NOT NULL,"
		" gross BIGINT NOT NULL, deductions BIGINT NOT NULL, net BIGINT NOT NULL,"
		" due_date BIGINT, lseq BIGINT NOT NULL,"
		" PRIMARY KEY(project_id, person_id, period, region));"
		"CREATE INDEX payroll_person ON payroll(person_id, period);"
		"CREATE TABLE payments(txn_id TEXT NOT NULL, region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL REFERENCES projects(id),"
		" person_id BIGINT NOT NULL REFERENCES persons(id), period BIGINT NOT NULL,"
		" amount BIGINT NOT NULL, paid_on BIGINT NOT NULL, bank_card TEXT NOT NULL,"
		" status TEXT NOT NULL, lseq BIGINT NOT NULL,"
		" PRIMARY KEY(project_id, person_id, period, txn_id, region), UNIQUE(txn_id, "
		"region));"
		"CREATE INDEX payments_person ON payments(person_id, period);"
		"CREATE TABLE calendar(date BIGINT PRIMARY KEY, kind TEXT NOT NULL, lseq BIGINT "
		"NOT NULL);"
		/* codec as on SQLite, but always 0 (text) here: PostgreSQL compresses large values
		 * itself (TOAST), and text keeps the content readable and comparable in SQL */
		"CREATE TABLE ledger(seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, op INTEGER NOT "
		"NULL,"
		" kind TEXT NOT NULL, prev_version BIGINT NOT NULL, codec INTEGER NOT NULL,"
		" content TEXT NOT NULL, hash BYTEA NOT NULL);"
		/* lz4 where the server has it: pglz costs more CPU than the rest of an import */
		"DO $$ BEGIN ALTER TABLE ledger ALTER COLUMN content SET COMPRESSION lz4;"
		" EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END "
		"$$;"
		/* verify reads each block's records together by the entry that wrote them; lseq
		 * only grows, so these indexes are appended to at their right edge */
		"CREATE INDEX enterprises_lseq ON enterprises(lseq);"
		"CREATE INDEX projects_lseq ON projects(lseq);"
		"CREATE INDEX subcontracts_lseq ON subcontracts(lseq);"
		"CREATE INDEX accounts_lseq ON accounts(lseq);"
		"CREATE INDEX workers_lseq ON workers(lseq);"
		"CREATE INDEX employments_lseq ON employments(lseq);"
		"CREATE INDEX attendance_lseq ON attendance(lseq);"
		"CREATE INDEX allocations_lseq ON allocations(lseq);"
		"CREATE INDEX payroll_lseq ON payroll(lseq);"
		"CREATE INDEX payments_lseq ON payments(lseq);"
		"CREATE INDEX calendar_lseq ON calendar(lseq);",
	},
	{
		.sqlite =
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
		" project_id INTEGER NOT NULL, employer_id INTEGER NOT NULL, person_id INTEGER NOT "
		"NULL,"
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
		.pg =
			/* 2: the early-warning engine (SPEC §5), as SQLite's migration 2. wm_days is the
		 * worker-month aggregate the importer maintains (bit d-1 of mask: attended on day d),
		 * large and distributed by region like attendance. Warnings, their events and the
		 * inspection tasks are few (a scan's findings) and reference row ids with 0 for none
		 * and period -1, so the natural key can be UNIQUE; region is part of it for Citus and
		 * follows from the project or employer, so it adds no uniqueness. */
		"CREATE TABLE wm_days(project_id BIGINT NOT NULL, person_id BIGINT NOT NULL,"
		" period BIGINT NOT NULL, mask BIGINT NOT NULL, region BIGINT NOT NULL,"
		" PRIMARY KEY(project_id, person_id, period, region));"
		"CREATE INDEX wm_days_person ON wm_days(person_id, period);"
		"CREATE TABLE config(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
		"CREATE TABLE warnings(id BIGSERIAL PRIMARY KEY, rule INTEGER NOT NULL,"
		" project_id BIGINT NOT NULL, employer_id BIGINT NOT NULL, person_id BIGINT NOT "
		"NULL,"
		" period BIGINT NOT NULL, region BIGINT NOT NULL, level INTEGER NOT NULL,"
		" amount BIGINT NOT NULL, overdue_days BIGINT NOT NULL, days BIGINT NOT NULL,"
		" first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, resolved_on BIGINT,"
		" scan BIGINT NOT NULL, UNIQUE(rule, project_id, employer_id, person_id, period, "
		"region));"
		"CREATE INDEX warnings_open ON warnings(resolved_on, scan);"
		"CREATE TABLE warning_events(id BIGSERIAL PRIMARY KEY,"
		" warning_id BIGINT NOT NULL REFERENCES warnings(id), on_date BIGINT NOT NULL,"
		" event TEXT NOT NULL, level INTEGER NOT NULL, amount BIGINT NOT NULL);"
		"CREATE INDEX warning_events_warning ON warning_events(warning_id);"
		"CREATE TABLE inspection_tasks(id BIGSERIAL PRIMARY KEY,"
		" warning_id BIGINT NOT NULL REFERENCES warnings(id), region BIGINT NOT NULL,"
		" opened_on BIGINT NOT NULL, status TEXT NOT NULL DEFAULT 'open');",
	},
	{
		.sqlite =
			/* 3: workers' answers to their payroll lines (SPEC §6 worker confirmation). One row per
		 * version of a line answered; a dispute waits with case_status 'open' for the cases
		 * module. */
		"CREATE TABLE confirmations(id INTEGER PRIMARY KEY, region INTEGER NOT NULL,"
		" project_id INTEGER NOT NULL REFERENCES projects(id),"
		" person_id INTEGER NOT NULL REFERENCES persons(id), period INTEGER NOT NULL,"
		" payroll_lseq INTEGER NOT NULL, status INTEGER NOT NULL, reason TEXT,"
		" claimed INTEGER NOT NULL, at INTEGER NOT NULL, lseq INTEGER NOT NULL,"
		" case_status TEXT, UNIQUE(project_id, person_id, period, payroll_lseq));",
		.pg =
			/* 3: workers' answers to their payroll lines, as SQLite's migration 3. */
		"CREATE TABLE confirmations(id BIGSERIAL, region BIGINT NOT NULL,"
		" project_id BIGINT NOT NULL, person_id BIGINT NOT NULL, period BIGINT NOT NULL,"
		" payroll_lseq BIGINT NOT NULL, status INTEGER NOT NULL, reason TEXT,"
		" claimed BIGINT NOT NULL, at BIGINT NOT NULL, lseq BIGINT NOT NULL, case_status "
		"TEXT,"
		" PRIMARY KEY(id, region), UNIQUE(project_id, person_id, period, payroll_lseq, "
		"region));",
	},
	{
		.sqlite =
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
		" project_code TEXT, employer TEXT, claimed INTEGER NOT NULL, description TEXT NOT "
		"NULL,"
		" received_on INTEGER NOT NULL, status TEXT NOT NULL);",
		.pg =
			/* 4: users and their credentials, as SQLite's migration 4 (small: reference tables on
		 * Citus). */
		"CREATE TABLE users(id BIGSERIAL PRIMARY KEY, username TEXT NOT NULL UNIQUE,"
		" role TEXT NOT NULL, scope TEXT NOT NULL, display_name TEXT, pwhash TEXT NOT NULL,"
		" disabled INTEGER NOT NULL DEFAULT 0, created BIGINT NOT NULL);"
		"CREATE TABLE credentials(hash BYTEA PRIMARY KEY, user_id BIGINT NOT NULL"
		" REFERENCES users(id), kind INTEGER NOT NULL, name TEXT, csrf TEXT,"
		" created BIGINT NOT NULL, expires BIGINT NOT NULL);"
		"CREATE TABLE complaints(id BIGSERIAL, region BIGINT NOT NULL,"
		" channel TEXT NOT NULL, name TEXT NOT NULL, phone TEXT, id_number TEXT,"
		" project_code TEXT, employer TEXT, claimed BIGINT NOT NULL, description TEXT NOT "
		"NULL,"
		" received_on BIGINT NOT NULL, status TEXT NOT NULL, PRIMARY KEY(id, region));",
	},
	{
		/* 5: a stored warning keeps its rule's name for ever (SPEC §5): the rule column
		 * holds the name instead of the number of the rule in this version's list, which
		 * a new rule would shift. The numbers below are the list of migrations 2–4. SQLite
		 * cannot change a column's type: the table is rebuilt (foreign keys are off while
		 * migrations run, store/sqlite/migrations.c). */
		.sqlite =
			"CREATE TABLE warnings_new(id INTEGER PRIMARY KEY, rule TEXT NOT NULL,"
			" project_id INTEGER NOT NULL, employer_id INTEGER NOT NULL,"
			" person_id INTEGER NOT NULL, period INTEGER NOT NULL, region INTEGER NOT "
			"NULL,"
			" level INTEGER NOT NULL, amount INTEGER NOT NULL, overdue_days INTEGER "
			"NOT NULL,"
			" days INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER "
			"NOT NULL,"
			" resolved_on INTEGER, scan INTEGER NOT NULL,"
			" UNIQUE(rule, project_id, employer_id, person_id, period));"
			"INSERT INTO warnings_new SELECT id, "
			"CASE rule WHEN 0 THEN 'COMPLAINTS' WHEN 1 THEN 'CRIMINAL_THRESHOLD'"
			" WHEN 2 THEN 'EXCESS_DEDUCTION' WHEN 3 THEN 'LOW_BALANCE'"
			" WHEN 4 THEN 'NO_LABOR_COST' WHEN 5 THEN 'NO_PAYROLL'"
			" WHEN 6 THEN 'OFF_CARD' WHEN 7 THEN 'UNDERPAID' WHEN 8 THEN 'UNPAID'"
			" WHEN 9 THEN 'UNREGISTERED' END"
			", project_id, employer_id,"
			" person_id, period, region, level, amount, overdue_days, days, first_seen,"
			" last_seen, resolved_on, scan FROM warnings;"
			"DROP TABLE warnings;"
			"ALTER TABLE warnings_new RENAME TO warnings;"
			"CREATE INDEX warnings_open ON warnings(resolved_on, scan);",
		.pg = "ALTER TABLE warnings ALTER COLUMN rule TYPE TEXT USING "
		      "CASE rule WHEN 0 THEN 'COMPLAINTS' WHEN 1 THEN 'CRIMINAL_THRESHOLD'"
		      " WHEN 2 THEN 'EXCESS_DEDUCTION' WHEN 3 THEN 'LOW_BALANCE'"
		      " WHEN 4 THEN 'NO_LABOR_COST' WHEN 5 THEN 'NO_PAYROLL'"
		      " WHEN 6 THEN 'OFF_CARD' WHEN 7 THEN 'UNDERPAID' WHEN 8 THEN 'UNPAID'"
		      " WHEN 9 THEN 'UNREGISTERED' END"
		      ";",
	},
	{
		/* 6: credit (SPEC §9, issue 14). credit_events is the credit file: every score event
		 * with its source record, unique per (enterprise, kind, source) so that a source is
		 * counted once; red-month events are derived from the warnings and kept here.
		 * credit_files is the maintained fold of each enterprise's events (score after its
		 * latest event, the last negative event), which a rebuild recomputes from the events
		 * alone. credit_listings holds the dishonest-list procedure of Order 45 (proposal,
		 * notice and statement, decision, removal). IF NOT EXISTS: a database carried back
		 * to an earlier version number re-applies it harmlessly. */
		.sql = "CREATE TABLE IF NOT EXISTS credit_events(id " SQL_ID ", region " SQL_INT
		       " NOT NULL, uscc TEXT NOT NULL, on_date " SQL_INT " NOT NULL, delta " SQL_INT
		       " NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, project TEXT,"
		       " period " SQL_INT ", amount " SQL_INT " NOT NULL, note TEXT, actor TEXT,"
		       " UNIQUE(uscc, kind, source));"
		       "CREATE INDEX IF NOT EXISTS credit_events_day ON credit_events(uscc, "
		       "on_date);"
		       "CREATE TABLE IF NOT EXISTS credit_files(uscc TEXT PRIMARY KEY, "
		       "region " SQL_INT " NOT NULL, score " SQL_INT
		       " NOT NULL, last_event " SQL_INT " NOT NULL,"
		       " last_negative " SQL_INT " NOT NULL, events " SQL_INT " NOT NULL);"
		       "CREATE TABLE IF NOT EXISTS credit_listings(id " SQL_ID ", region " SQL_INT
		       " NOT NULL, uscc TEXT NOT NULL, status TEXT NOT NULL, grounds TEXT NOT NULL,"
		       " deadline " SQL_INT " NOT NULL, amount " SQL_INT
		       " NOT NULL, workers " SQL_INT
		       " NOT NULL, reason TEXT NOT NULL, source TEXT, legal_rep TEXT NOT NULL,"
		       " responsible TEXT NOT NULL, proposed_on " SQL_INT
		       " NOT NULL, proposed_by TEXT,"
		       " notified_on " SQL_INT ", statement_due " SQL_INT ", statement_on " SQL_INT
		       ","
		       " statement TEXT, decided_on " SQL_INT
		       ", decided_by TEXT, decision_note TEXT,"
		       " listed_on " SQL_INT ", expires_on " SQL_INT ", removed_on " SQL_INT ","
		       " removal TEXT, paid_on " SQL_INT ", commitment TEXT, removed_by TEXT);"
		       "CREATE INDEX IF NOT EXISTS credit_listings_uscc ON credit_listings(uscc);",
	},
	{
		/* 7: relief (SPEC §11, issue 12): complaint cases on the statutory clock, their
		 * complainants' claims (one row per worker and source: a repeated complaint restates
		 * its source's claim, a dispute of another payroll line adds one), the timeline,
		 * payments made through a case, numbered documents with their service records, and
		 * gap-free counters (case and document numbers). Days are day numbers, NULL where a
		 * step has not happened; money fen. complaint_cases links a received complaint
		 * to the case that took it. Applied again harmlessly (IF NOT EXISTS), as a test
		 * rewinding the schema version does. A document's number is unique; its sequence
		 * belongs to the issuing authority (domain/document.c). */
		.sql = "CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, last " SQL_INT
		       " NOT NULL);"
		       "CREATE TABLE IF NOT EXISTS cases(id " SQL_ID
		       ", number TEXT NOT NULL UNIQUE,"
		       " region " SQL_INT
		       " NOT NULL, channel TEXT NOT NULL, employer TEXT NOT NULL,"
		       " employer_name TEXT, project TEXT, description TEXT,"
		       " received " SQL_INT " NOT NULL, accept_by " SQL_INT " NOT NULL,"
		       " accepted " SQL_INT ", rejected " SQL_INT ", reject_reason TEXT,"
		       " conclude_by " SQL_INT ", conclude_by_original " SQL_INT ","
		       " extend_reason TEXT, status TEXT NOT NULL, outcome TEXT, closed " SQL_INT
		       ","
		       " agreed " SQL_INT " NOT NULL, claimed " SQL_INT " NOT NULL,"
		       " paid " SQL_INT " NOT NULL, workers " SQL_INT " NOT NULL,"
		       " substantiated " SQL_INT ", order_number TEXT, order_deadline " SQL_INT ","
		       " order_issued " SQL_INT ", order_ignored " SQL_INT ","
		       " surcharge " SQL_INT " NOT NULL, reporter_name TEXT, reporter_phone TEXT,"
		       " reporter_anonymous " SQL_INT " NOT NULL, absconded " SQL_INT ","
		       " created_by TEXT);"
		       "CREATE INDEX IF NOT EXISTS cases_employer ON cases(employer, status);"
		       "CREATE INDEX IF NOT EXISTS cases_region ON cases(region, status);"
		       "CREATE TABLE IF NOT EXISTS case_workers(id " SQL_ID ", case_id " SQL_INT
		       " NOT NULL,"
		       " region " SQL_INT " NOT NULL, who TEXT NOT NULL, id_number TEXT, name TEXT,"
		       " phone TEXT, source TEXT NOT NULL, claimed " SQL_INT " NOT NULL,"
		       " UNIQUE(case_id, who, source));"
		       "CREATE INDEX IF NOT EXISTS case_workers_who ON case_workers(who);"
		       "CREATE TABLE IF NOT EXISTS case_events(id " SQL_ID ", case_id " SQL_INT
		       " NOT NULL,"
		       " region " SQL_INT " NOT NULL, on_date " SQL_INT " NOT NULL,"
		       " at " SQL_INT " NOT NULL, kind TEXT NOT NULL, detail TEXT,"
		       " amount " SQL_INT " NOT NULL, actor TEXT);"
		       "CREATE INDEX IF NOT EXISTS case_events_case ON case_events(case_id);"
		       "CREATE TABLE IF NOT EXISTS case_payments(id " SQL_ID ", case_id " SQL_INT
		       " NOT NULL,"
		       " region " SQL_INT " NOT NULL, who TEXT NOT NULL, amount " SQL_INT
		       " NOT NULL,"
		       " paid_on " SQL_INT " NOT NULL, txn_id TEXT, source TEXT NOT NULL,"
		       " lseq " SQL_INT " NOT NULL, receipt TEXT);"
		       "CREATE INDEX IF NOT EXISTS case_payments_case ON case_payments(case_id);"
		       "CREATE TABLE IF NOT EXISTS documents(id " SQL_ID
		       ", number TEXT NOT NULL UNIQUE,"
		       " region " SQL_INT " NOT NULL, kind TEXT NOT NULL, year " SQL_INT
		       " NOT NULL,"
		       " seq " SQL_INT " NOT NULL, case_id " SQL_INT ", addressee TEXT,"
		       " issued " SQL_INT " NOT NULL, deadline " SQL_INT ","
		       " amount " SQL_INT " NOT NULL, status TEXT NOT NULL, status_on " SQL_INT ","
		       " body TEXT, issued_by TEXT);"
		       "CREATE INDEX IF NOT EXISTS documents_case ON documents(case_id);"
		       "CREATE TABLE IF NOT EXISTS document_services(id " SQL_ID ","
		       " document_id " SQL_INT " NOT NULL, region " SQL_INT " NOT NULL,"
		       " method TEXT NOT NULL, served_on " SQL_INT " NOT NULL,"
		       " recipient TEXT NOT NULL, note TEXT, recorded_by TEXT);"
		       "CREATE TABLE IF NOT EXISTS complaint_cases(complaint_id " SQL_INT
		       " PRIMARY KEY,"
		       " case_number TEXT NOT NULL);",
	},
	{
		/* 8: deposits and the emergency wage fund (SPEC §7–8, issue 13). project_events is
		 * an import kind (the life cycle: started, suspended, resumed, completed, settled).
		 * A deposit's balance is its amount less activations plus replenishments
		 * (deposit_moves); deposit_payments are what an activation paid each worker;
		 * deposit_returns the public notices of a return and its outcome. The fund keeps one
		 * row per movement (fund_moves: topup, advance, recovery, writeoff) and the
		 * applications (fund_applications). Every table that grows carries region. IF NOT
		 * EXISTS: a database carried over from an older numbering applies it safely again. */
		.sql = "CREATE TABLE IF NOT EXISTS project_events(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " project_id " SQL_INT
		       " NOT NULL REFERENCES projects(id), event TEXT NOT NULL,"
		       " date " SQL_INT " NOT NULL, note TEXT, lseq " SQL_INT " NOT NULL,"
		       " UNIQUE(project_id, date, event));"
		       "CREATE TABLE IF NOT EXISTS deposits(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " project_id " SQL_INT " NOT NULL REFERENCES projects(id),"
		       " contractor_id " SQL_INT " NOT NULL REFERENCES enterprises(id),"
		       " form TEXT NOT NULL, number TEXT NOT NULL, issuer TEXT NOT NULL,"
		       " amount " SQL_INT " NOT NULL, lodged_on " SQL_INT " NOT NULL,"
		       " expires_on " SQL_INT ", interest_ppm " SQL_INT " NOT NULL,"
		       " status TEXT NOT NULL, closed_on " SQL_INT ", replaced_by " SQL_INT ","
		       " interest " SQL_INT " NOT NULL DEFAULT 0, actor TEXT, lseq " SQL_INT
		       " NOT NULL,"
		       " UNIQUE(form, issuer, number));"
		       "CREATE INDEX IF NOT EXISTS deposits_project ON deposits(project_id);"
		       "CREATE TABLE IF NOT EXISTS deposit_moves(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " deposit_id " SQL_INT
		       " NOT NULL REFERENCES deposits(id), kind TEXT NOT NULL,"
		       " on_date " SQL_INT " NOT NULL, amount " SQL_INT " NOT NULL, ref TEXT,"
		       " case_ref TEXT, notice_no TEXT, deadline " SQL_INT ", actor TEXT,"
		       " lseq " SQL_INT " NOT NULL);"
		       "CREATE INDEX IF NOT EXISTS deposit_moves_deposit ON "
		       "deposit_moves(deposit_id, on_date);"
		       "CREATE TABLE IF NOT EXISTS deposit_payments(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " move_id " SQL_INT " NOT NULL REFERENCES deposit_moves(id),"
		       " project_id " SQL_INT " NOT NULL, id_number TEXT NOT NULL,"
		       " amount " SQL_INT " NOT NULL, paid_on " SQL_INT " NOT NULL,"
		       " bank_card TEXT NOT NULL, txn_id TEXT NOT NULL UNIQUE, case_ref TEXT,"
		       " lseq " SQL_INT " NOT NULL);"
		       "CREATE TABLE IF NOT EXISTS deposit_returns(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " project_id " SQL_INT " NOT NULL REFERENCES projects(id),"
		       " promise TEXT NOT NULL, published_on " SQL_INT " NOT NULL,"
		       " ends_on " SQL_INT " NOT NULL, status TEXT NOT NULL, returned_on " SQL_INT
		       ","
		       " amount " SQL_INT " NOT NULL DEFAULT 0, interest " SQL_INT
		       " NOT NULL DEFAULT 0,"
		       " actor TEXT, lseq " SQL_INT " NOT NULL);"
		       "CREATE TABLE IF NOT EXISTS doc_numbers(region " SQL_INT
		       " NOT NULL, kind TEXT NOT NULL,"
		       " year " SQL_INT " NOT NULL, last " SQL_INT " NOT NULL,"
		       " PRIMARY KEY(region, kind, year));"
		       "CREATE TABLE IF NOT EXISTS fund_applications(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " case_ref TEXT NOT NULL, employer_id " SQL_INT " NOT NULL,"
		       " project_code TEXT, id_number TEXT NOT NULL, purpose TEXT NOT NULL,"
		       " amount " SQL_INT " NOT NULL, applied_on " SQL_INT " NOT NULL,"
		       " applicant TEXT, status TEXT NOT NULL, decided_on " SQL_INT ","
		       " decided_by TEXT, reason TEXT, paid_on " SQL_INT ", lseq " SQL_INT
		       " NOT NULL);"
		       "CREATE TABLE IF NOT EXISTS fund_moves(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " kind TEXT NOT NULL, on_date " SQL_INT " NOT NULL, amount " SQL_INT
		       " NOT NULL,"
		       " source TEXT, application_id " SQL_INT
		       ", case_ref TEXT, employer_id " SQL_INT ","
		       " reason TEXT, actor TEXT, lseq " SQL_INT " NOT NULL);"
		       "CREATE INDEX IF NOT EXISTS fund_moves_region ON fund_moves(region, "
		       "on_date);",
	},
	{
		/* 9: supervision and inspection (SPEC §10, issue 15). Few rows a region (a scan's
		 * findings, not its records): reference tables on Citus, each with the region code
		 * of what it is about. Inspectors are user names; enterprises and projects are
		 * kept by their SPEC §3 codes, as a document names them. Rectification orders are
		 * numbered gap-free per region and year (seq). A draw keeps its seed from before
		 * the draw (seeded_at) and the published document. Campaigns keep their scope as
		 * text lists; the screening register (排查台账) has one row per suspected arrears. IF NOT
		 * EXISTS: a database carried over from an older layout replays later migrations. */
		.sql = "CREATE TABLE IF NOT EXISTS sv_conflicts(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " inspector TEXT NOT NULL, uscc TEXT NOT NULL, reason TEXT NOT NULL,"
		       " declared_on " SQL_INT " NOT NULL, withdrawn_on " SQL_INT ", actor TEXT);"
		       "CREATE INDEX IF NOT EXISTS sv_conflicts_uscc ON sv_conflicts(uscc);"
		       "CREATE TABLE IF NOT EXISTS sv_draws(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " scope TEXT NOT NULL, campaign_id " SQL_INT ", seed TEXT NOT NULL,"
		       " seeded_at " SQL_INT " NOT NULL, drawn_on " SQL_INT " NOT NULL,"
		       " n " SQL_INT " NOT NULL, k " SQL_INT " NOT NULL, document TEXT,"
		       " published " SQL_INT " NOT NULL DEFAULT 0, actor TEXT);"
		       "CREATE TABLE IF NOT EXISTS sv_inspections(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " kind TEXT NOT NULL, status TEXT NOT NULL, uscc TEXT NOT NULL, project "
		       "TEXT,"
		       " case_number TEXT, task_id " SQL_INT ", campaign_id " SQL_INT ","
		       " draw_id " SQL_INT ", planned_on " SQL_INT ", inspected_on " SQL_INT ","
		       " note TEXT, created_at " SQL_INT " NOT NULL, actor TEXT);"
		       "CREATE INDEX IF NOT EXISTS sv_inspections_uscc ON sv_inspections(uscc, "
		       "inspected_on);"
		       "CREATE TABLE IF NOT EXISTS sv_inspectors(inspection_id " SQL_INT
		       " NOT NULL,"
		       " region " SQL_INT " NOT NULL, inspector TEXT NOT NULL,"
		       " PRIMARY KEY(inspection_id, inspector));"
		       "CREATE TABLE IF NOT EXISTS sv_findings(inspection_id " SQL_INT " NOT NULL,"
		       " region " SQL_INT " NOT NULL, item TEXT NOT NULL, result TEXT NOT NULL,"
		       " note TEXT, PRIMARY KEY(inspection_id, item));"
		       "CREATE TABLE IF NOT EXISTS sv_orders(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " year " SQL_INT " NOT NULL, seq " SQL_INT " NOT NULL, number TEXT NOT NULL,"
		       " inspection_id " SQL_INT " NOT NULL, uscc TEXT NOT NULL, project TEXT,"
		       " items TEXT NOT NULL, amount " SQL_INT " NOT NULL, workers " SQL_INT
		       " NOT NULL,"
		       " mass_incident " SQL_INT " NOT NULL, issued_on " SQL_INT " NOT NULL,"
		       " deadline " SQL_INT " NOT NULL, complied_on " SQL_INT ", evidence TEXT,"
		       " escalated_on " SQL_INT ", list_proposed " SQL_INT " NOT NULL DEFAULT 0,"
		       " actor TEXT, UNIQUE(region, year, seq), UNIQUE(number));"
		       "CREATE INDEX IF NOT EXISTS sv_orders_deadline ON sv_orders(deadline);"
		       "CREATE TABLE IF NOT EXISTS sv_campaigns(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " name TEXT NOT NULL, kind TEXT NOT NULL, regions TEXT NOT NULL,"
		       " industries TEXT NOT NULL, starts_on " SQL_INT " NOT NULL,"
		       " ends_on " SQL_INT " NOT NULL, created_at " SQL_INT
		       " NOT NULL, actor TEXT);"
		       "CREATE TABLE IF NOT EXISTS sv_register(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " campaign_id " SQL_INT " NOT NULL, uscc TEXT, project TEXT,"
		       " source TEXT NOT NULL, ref TEXT, cause TEXT NOT NULL, amount " SQL_INT
		       " NOT NULL,"
		       " workers " SQL_INT " NOT NULL, responsible TEXT, entered_on " SQL_INT
		       " NOT NULL,"
		       " cleared_on " SQL_INT ", evidence_kind TEXT, evidence TEXT, actor TEXT);"
		       "CREATE INDEX IF NOT EXISTS sv_register_campaign ON "
		       "sv_register(campaign_id);"
		       "CREATE TABLE IF NOT EXISTS sv_typical(id " SQL_ID ", region " SQL_INT
		       " NOT NULL,"
		       " campaign_id " SQL_INT
		       " NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,"
		       " case_number TEXT, published_on " SQL_INT " NOT NULL, actor TEXT);",
	},
	{
		/* 10: relief — the leads imported from the national arrears-lead platform, each
		 * once (docs/formats.md). */
		.sql = "CREATE TABLE IF NOT EXISTS case_leads(lead_id TEXT PRIMARY KEY,"
		       " case_number TEXT NOT NULL);",
	},
};

int store_migration_count(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int store_migration_sql(enum store_dialect d, int n, struct dbuf *out, char *err, size_t errsz)
{
	if (n < 1 || n > store_migration_count()) {
		snprintf(err, errsz, "no migration %d", n);
		return -1;
	}
	const struct store_migration *m = &migrations[n - 1];
	if (m->sql)
		return sql_expand(d, m->sql, out, err, errsz);
	dbuf_reset(out);
	if (dbuf_adds(out, d == DIALECT_SQLITE ? m->sqlite : m->pg) < 0) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	return 0;
}

/* The version the database is at (0: none yet), read inside the migration's transaction. */
static int schema_version(struct store *s, int *version)
{
	static const char sql[] = "SELECT value FROM meta WHERE key='schema_version'";
	struct stmt *st = stmt_get(s, sql, sql);
	if (!st)
		return WG_ESTORE;
	int rc = stmt_step(st);
	*version = rc == 1 ? (int)strtol(stmt_text(st, 0), NULL, 10) : 0;
	stmt_reset(st);
	return rc < 0 ? rc : 0;
}

int store_migrate_run(struct store *s, const struct migrate_backend *b, int *applied)
{
	static const char set_version[] = "INSERT INTO meta VALUES('schema_version', $1)"
					  " ON CONFLICT(key) DO UPDATE SET value=excluded.value";
	const int n = store_migration_count();
	struct dbuf sql = DBUF_INIT;
	int rc, version;
	*applied = 0;
	for (;;) {
		if ((rc = b->begin(s)) || (rc = schema_version(s, &version)))
			goto undo;
		if (version > n) {
			snprintf(s->errmsg, sizeof s->errmsg,
				 "database schema version %d is newer than this wageguard (%d)",
				 version, n);
			rc = WG_ESTORE;
			goto undo;
		}
		if (version == n)
			break;
		char what[32], err[128], num[16];
		snprintf(what, sizeof what, "migration %d", version + 1);
		if (store_migration_sql(b->dialect, version + 1, &sql, err, sizeof err) < 0) {
			snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, err);
			rc = WG_ESTORE;
			goto undo;
		}
		if ((rc = b->exec(s, sql.p, what)) || (b->check && (rc = b->check(s))))
			goto undo;
		snprintf(num, sizeof num, "%d", version + 1);
		struct stmt *st = stmt_get(s, set_version, set_version);
		if (!st) {
			rc = WG_ESTORE;
			goto undo;
		}
		stmt_bind_text(st, 1, num);
		if ((rc = stmt_exec(st)) || (rc = b->exec(s, "COMMIT", what)))
			goto undo;
		++*applied;
	}
	dbuf_release(&sql);
	return b->exec(s, "COMMIT", "migration");
undo:
	dbuf_release(&sql);
	b->rollback(s);
	return rc;
}
