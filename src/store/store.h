/* store.h — the one storage interface: a struct of operations that the SQLite backend
 * (store/sqlite) and the PostgreSQL backend fill. Domain code calls only these; no SQL
 * leaves the backends. Every operation returns 0 or a negative wg_status (util/err.h). */
#ifndef WG_STORE_H
#define WG_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "store/schema.h"

struct store;

/* What the ledger records (SPEC §6): a row imported, amended, a payment's status changed,
 * an import finished. */
enum ledger_op {
	LEDGER_INSERT = 1,
	LEDGER_AMEND = 2,
	LEDGER_STATUS = 3,
	LEDGER_IMPORT = 4,
	LEDGER_CONFIRM = 5, /* a worker confirmed a payroll line */
	LEDGER_DISPUTE = 6, /* a worker disputed one */
};

#define LEDGER_HASH_BYTES 32

struct ledger_entry {
	int64_t seq;          /* 1, 2, 3 … without gaps */
	int64_t at;           /* Unix time of the append */
	int op;               /* enum ledger_op */
	const char *kind;     /* "payroll", "import", … */
	int64_t prev_version; /* seq of this record's previous entry, 0 for none */
	const char *content;  /* canonical text the hash covers */
	unsigned char hash[LEDGER_HASH_BYTES];
};

/* A project's figures for `show project` and the API. Strings owned by the store until its
 * next call. */
struct project_summary {
	const char *code, *name, *industry, *owner_uscc, *owner_name, *contractor_uscc,
		*contractor_name, *bank_code, *account_no;
	int64_t region, contract_value, start_date, end_date; /* end_date -1: open */
	int64_t subcontracts, employments, workers, attendance_days, payroll_lines;
	int64_t gross, net, paid_ok, allocated, balance;
};

/* One row of a worker's monthly history. */
struct worker_month {
	const char *project;
	int64_t period, att_days, has_payroll, gross, deductions, net, paid;
};

struct worker_summary {
	const char *id_number, *name, *phone, *bank_card, *bank_code;
	int registered; /* 0: the person appears only in attendance */
	int64_t employments;
};

/* The streams the early-warning scan reads (SPEC §5), each in (project, person, period)
 * order of row ids so that the scan merges them without sorting. */
enum scan_stream {
	SCAN_PROJECTS,    /* every project: u.project; person = period = 0 */
	SCAN_DAYS,        /* worker-month attendance days (the maintained aggregate): u.days */
	SCAN_ATTENDANCE,  /* raw attendance with hours > 0, for --rebuild: u.att; period = month;
			    * ordered by project only (any order within a project) */
	SCAN_EMPLOYMENTS, /* u.emp, ordered by project, person, start date; period = 0 */
	SCAN_PAYROLL,     /* u.payroll */
	SCAN_PAYMENTS,    /* payments with paid_on <= as_of: u.payment */
	SCAN_ALLOCATIONS, /* allocations dated <= as_of, by project and date: u.alloc */
};

enum wage_type { WAGE_DAILY, WAGE_MONTHLY, WAGE_PIECE };

struct scan_row {
	int64_t project, person, period; /* row ids; period a month number */
	union {
		struct {
			uint32_t mask;
		} days; /* bit d-1: attended (hours > 0) on day d */
		struct {
			int64_t date;
		} att;
		struct {
			int64_t owner, contractor, region;
		} project;
		struct {
			int64_t employer, rate, start, end;
			int type;
		} emp; /* end -1: open */
		struct {
			int64_t employer, days, gross, deductions, net, due;
		} payroll; /* due -1 */
		struct {
			int64_t amount, paid_on;
			int ok;
			const char *card, *registered;
		} payment;
		struct {
			int64_t amount, date;
		} alloc;
	} u;
};

struct scan_cursor; /* a backend's open stream */

/* A warning as the store keeps it: references by row id (0: none), period -1: none. */
struct warning {
	int rule;  /* enum warn_rule (domain/warn.h) */
	int level; /* enum warn_level */
	int64_t project, employer, person, period;
	int64_t amount, overdue_days, days;
};

/* A stored warning with its life cycle, for listing. Text owned by the store until the
 * callback returns. */
struct warning_view {
	struct warning w;
	const char *project, *employer, *worker;    /* codes; NULL where none */
	int64_t first_seen, last_seen, resolved_on; /* days; resolved_on -1: open */
	int64_t id;
};

struct warning_filter {
	int open_only;  /* only warnings not resolved */
	int scope_role; /* SCOPE_*: restricts to the scope below (SCOPE_ADMIN: all) */
	const char *scope;
	const char *project; /* project code, or NULL */
	int level;           /* enum warn_level, or -1 */
	int rule;            /* enum warn_rule, or -1 */
};

/* A worker's payroll line of one project and period, for the payslip. Text owned by the
 * store until its next call. */
struct payslip_line {
	const char *project, *project_name, *employer, *employer_name, *id_number, *name, *phone,
		*bank_card;
	int64_t period, days, gross, deductions, net, due; /* due -1: none given */
	int64_t lseq;       /* the ledger entry holding this version */
	int confirmation;   /* 0 none, 1 confirmed, 2 disputed (this version) */
	const char *reason; /* the dispute's reason, or NULL */
	int64_t claimed;    /* the amount the worker says is owed (disputes) */
};

struct payslip_payment {
	const char *txn_id, *status, *bank_card;
	int64_t amount, paid_on;
};

/* A worker's answer to a payroll line (SPEC §6): confirmed, or disputed with a reason. */
struct confirmation {
	const char *project, *id_number;
	int64_t period;
	int status;           /* 1 confirmed, 2 disputed */
	const char *reason;   /* disputes: required */
	int64_t claimed;      /* disputes: fen the worker claims, 0 if not said */
	int64_t payroll_lseq; /* the version answered */
	int64_t lseq;         /* the ledger entry recording the answer */
	int64_t at;           /* day */
};

/* One pay cycle of the wage ledger (SPEC §6): a worker's payroll line of a project and
 * period with what was paid against it, or a worker-month with payments and no payroll line
 * (has_payroll 0: the payroll fields are 0, employer NULL). Text owned by the store until the
 * callback returns. */
struct pay_cycle {
	const char *project, *project_name, *employer_uscc, *employer_name;
	const char *id_number, *name, *phone, *bank_card, *bank_code; /* worker's; NULL unknown */
	const char *vouchers; /* txn_ids of the ok payments by date, ';'-separated; NULL none */
	int64_t period, days, gross, deductions, net, due; /* due -1: none given */
	int64_t paid, paid_on, payments; /* ok payments: sum, last date (-1: none), count */
	int has_payroll;
	int confirmation; /* the worker's answer to this version: 0 none, 1 confirmed,
				   * 2 disputed */
};

/* Which pay cycles: NULL / -1 for all. */
struct pay_cycle_filter {
	const char *project;  /* project code */
	int64_t period;       /* month number */
	const char *employer; /* USCC of the payroll line's employer */
	int payroll_only;     /* leave out worker-months with payments and no payroll */
};

/* A subcontract of a project, with the subcontractor's name. */
struct subcontract_view {
	const char *uscc, *name;
	int64_t contract_value, start_date, end_date; /* end_date -1: open */
};

/* A user of the web UI and API (SPEC §1). */
struct user {
	int64_t id;
	const char *username, *role, *scope, *display_name;
	const char *pwhash; /* Argon2id string (libsodium crypto_pwhash_str) */
	int disabled;
	int64_t created;
};

/* A credential: a browser session (kind 0) or an API token for a feed (kind 1), stored by
 * the BLAKE2b hash of its secret so that a copy of the database lets nobody in. */
struct credential {
	unsigned char hash[32];
	int64_t user_id;
	int kind;
	const char *name;         /* tokens: what the feed is */
	const char *csrf;         /* sessions: the CSRF token */
	int64_t created, expires; /* Unix seconds; expires 0: never */
};

/* A project in a list (API). Text owned by the store until the callback returns. */
struct project_row {
	const char *code, *name, *industry, *owner_uscc, *owner_name, *contractor_uscc,
		*contractor_name;
	int64_t region, open_warnings, red_warnings;
};

/* A project-month's figures (API charts). */
struct project_month {
	int64_t period, attendance_days, workers, gross, net, paid, allocated;
};

/* One line of a project's roster. */
struct roster_row {
	const char *id_number, *name, *team, *trade, *employer, *wage_type;
	int64_t wage_rate, start_date, end_date; /* end -1: open */
};

/* What the regulator's dashboard shows, delivered through callbacks. */
struct dashboard_sink {
	void *ctx;
	int (*level)(void *ctx, int64_t region, int level, int64_t count);
	int (*arrears)(void *ctx, int64_t period, int64_t unpaid, int64_t workers);
	int (*top)(void *ctx, const char *code, const char *name, int64_t region, int64_t red,
		   int64_t orange, int64_t unpaid);
	int64_t projects, workers, open_warnings; /* filled by the store */
};

/* A complaint received (SPEC §11 intake; the cases module takes it from there). */
struct complaint {
	const char *channel, *name, *phone, *id_number, *project, *employer, *description;
	int64_t claimed, received_on, id;
};

/* Roles as the store sees them (enum role in domain/user.h): scope filters by role. */
#define SCOPE_ADMIN 0
#define SCOPE_REGULATOR 1
#define SCOPE_ENTERPRISE 2
#define SCOPE_BANK 3
#define SCOPE_WORKER 4

struct store_ops {
	/* Releases everything; s is invalid afterwards. */
	void (*close)(struct store *s);
	/* Opens another connection to the same database, for work on another thread. */
	int (*clone)(struct store *s, struct store **out, char *err, size_t errsz);
	/* Applies pending migrations; *applied receives how many ran. */
	int (*migrate)(struct store *s, int *applied);

	/* A write transaction. Writers are serialised (the ledger chain needs one writer at a
	 * time): SQLite takes its write lock (BEGIN IMMEDIATE), PostgreSQL a transaction-level
	 * advisory lock. WG_ERETRY when the lock could not be had in time or the server asks
	 * for a retry. */
	int (*begin)(struct store *s);
	int (*commit)(struct store *s);
	int (*rollback)(struct store *s);

	/* Finds the record with key's key columns. WG_OK: *cur filled (text owned by the store
	 * until its next call), *lseq its latest ledger entry; WG_ENOTFOUND otherwise. */
	int (*rec_get)(struct store *s, const struct rec *key, struct rec *cur, int64_t *lseq);
	/* Inserts r (references must exist) with lseq as its ledger entry. WG_ECONFLICT when a
	 * record with r's key exists already (nothing written). */
	int (*rec_insert)(struct store *s, const struct rec *r, int64_t lseq);
	/* Replaces the non-key values of the record with r's key. */
	int (*rec_update)(struct store *s, const struct rec *r, int64_t lseq);
	int (*rec_count)(struct store *s, enum rec_kind kind, int64_t *n);

	/* WG_OK when an enterprise (COL_USCC), project (COL_PROJECT) or registered worker
	 * (COL_PERSON) with that key exists, WG_ENOTFOUND when not. */
	int (*ref_exists)(struct store *s, enum col_type ref, const char *key);
	/* Registers the person with this resident ID if unknown (attendance may name people
	 * who are on no roster). */
	int (*person_ensure)(struct store *s, const char *id_number);
	/* WG_OK if employment e overlaps no other employment (other start date) of the same
	 * worker on the same project; WG_ECONFLICT and *other_start otherwise. */
	int (*employment_overlap)(struct store *s, const struct rec *e, int64_t *other_start);

	/* The last ledger entry's seq and hash (0 and zeros on an empty ledger). */
	int (*ledger_head)(struct store *s, int64_t *seq, unsigned char *hash);
	int (*ledger_append)(struct store *s, const struct ledger_entry *e);
	/* Fetches entry seq (strings owned by the store until its next call). */
	int (*ledger_get)(struct store *s, int64_t seq, struct ledger_entry *e);
	/* Calls cb for entries with seq >= from in order (kind NULL = all kinds), at most limit
	 * (0 = all). A non-zero cb return stops and is returned. */
	int (*ledger_scan)(struct store *s, int64_t from, const char *kind, int64_t limit,
			   int (*cb)(void *ctx, const struct ledger_entry *e), void *ctx);

	/* Adds set and removes clear from the attendance days of (project, person, period),
	 * the worker-month aggregate the importer keeps up to date. */
	int (*days_apply)(struct store *s, const char *project, const char *id_number,
			  int64_t period, uint32_t set, uint32_t clear);
	/* Empties the aggregate, so a rebuild can fill it again with days_apply. */
	int (*days_clear)(struct store *s);

	/* Opens stream what over the projects with row ids from lo to hi (inclusive); rows
	 * with a date after as_of are left out where the stream says so. Several streams may
	 * be open at once. next returns 1 with *row filled (text owned by the cursor until the
	 * next call), 0 at the end, or a negative wg_status. */
	int (*scan_open)(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo,
			 int64_t hi, struct scan_cursor **out);
	int (*scan_next)(struct scan_cursor *c, struct scan_row *row);
	void (*scan_close)(struct scan_cursor *c);
	/* The natural key of row id: a project's code (COL_PROJECT), an enterprise's USCC
	 * (COL_USCC) or a person's ID number (COL_PERSON), into buf. */
	int (*key_of)(struct store *s, enum col_type t, int64_t id, char *buf, size_t n);

	/* Records the warnings of a scan as of day as_of (a write transaction of its own):
	 * new ones open with first_seen = as_of, those still firing get last_seen, level and
	 * amount updated, open ones not among them are resolved on as_of. Level changes,
	 * openings and resolutions are kept as events. *opened_red receives how many warnings
	 * turned red (each opens an inspection task for its project's region). */
	int (*warn_record)(struct store *s, int64_t as_of, const struct warning *w, size_t n,
			   int64_t *opened, int64_t *resolved, int64_t *opened_red);
	/* Calls cb for the stored warnings that pass f, by rule, project, employer, worker. */
	int (*warn_list)(struct store *s, const struct warning_filter *f,
			 int (*cb)(void *ctx, const struct warning_view *v), void *ctx);

	/* A number that changes whenever anything in the database changed, by any connection
	 * (read caches check it). WG_ENOTFOUND when the backend cannot tell cheaply. */
	int (*data_version)(struct store *s, int64_t *v);

	/* Operator configuration (thresholds): value into buf, WG_ENOTFOUND when unset. */
	int (*config_get)(struct store *s, const char *key, char *buf, size_t n);
	int (*config_set)(struct store *s, const char *key, const char *value);

	/* The payroll line of (project, worker, period) with the worker's latest answer to
	 * it, then cb for each payment of that worker-month by date. WG_ENOTFOUND: no line. */
	int (*payslip)(struct store *s, const char *project, const char *id_number, int64_t period,
		       struct payslip_line *out,
		       int (*cb)(void *ctx, const struct payslip_payment *p), void *ctx);
	/* Records a worker's answer (inside a write transaction; the domain writes the ledger
	 * entry). A later answer to the same version replaces the earlier one; disputes stay
	 * listed for the cases module until it takes them up. */
	int (*confirmation_put)(struct store *s, const struct confirmation *c);

	/* Users: add (WG_ECONFLICT when the name is taken), get by name, list, disable. */
	int (*user_add)(struct store *s, const struct user *u);
	int (*user_get)(struct store *s, const char *username, struct user *out);
	int (*user_list)(struct store *s, int (*cb)(void *ctx, const struct user *u), void *ctx);
	int (*user_set_disabled)(struct store *s, const char *username, int disabled);
	/* Credentials: add; find by hash with its user (WG_ENOTFOUND when unknown); delete. */
	int (*cred_add)(struct store *s, const struct credential *c);
	int (*cred_get)(struct store *s, const unsigned char *hash, struct credential *c,
			struct user *u);
	int (*cred_delete)(struct store *s, const unsigned char *hash);

	/* Whether project code is within the scope of role (SCOPE_*): WG_OK, or WG_ENOTFOUND
	 * when there is no such project or it is outside the scope. */
	int (*project_in_scope)(struct store *s, const char *code, int role, const char *scope);
	/* Projects within scope whose code or name contains q (NULL: all) and whose region code
	 * starts with region (NULL: all), by code, offset and limit; *total all that match. */
	int (*project_list)(struct store *s, int role, const char *scope, const char *q,
			    const char *region, int64_t offset, int64_t limit,
			    int (*cb)(void *ctx, const struct project_row *r), void *ctx,
			    int64_t *total);
	int (*project_months)(struct store *s, const char *code,
			      int (*cb)(void *ctx, const struct project_month *m), void *ctx);
	int (*project_roster)(struct store *s, const char *code,
			      int (*cb)(void *ctx, const struct roster_row *r), void *ctx);
	/* The attendance of project code in period: cb per person with attendance, with the
	 * days attended (bit d-1 of mask: day d), by name. */
	int (*project_attendance)(struct store *s, const char *code, int64_t period,
				  int (*cb)(void *ctx, const char *id_number, const char *name,
					    uint32_t mask),
				  void *ctx);
	/* The dashboard of the open warnings within scope. */
	int (*dashboard)(struct store *s, int role, const char *scope, struct dashboard_sink *k);
	/* Stores a complaint; c->id receives its number. */
	int (*complaint_add)(struct store *s, struct complaint *c);

	int (*project_summary)(struct store *s, const char *code, struct project_summary *out);
	int (*worker_summary)(struct store *s, const char *id_number, struct worker_summary *out);
	/* Calls cb for each (project, period) the worker has attendance, payroll or payments
	 * in, ordered by period then project. */
	int (*worker_months)(struct store *s, const char *id_number,
			     int (*cb)(void *ctx, const struct worker_month *m), void *ctx);
	/* notices and exports (domain/notice, domain/export, domain/sif) */

	/* Calls cb for each pay cycle passing f, ordered by project code, period, employer USCC
	 * (none first) and ID number, all bytewise. cb must not call the store; a non-zero
	 * return stops and is returned. */
	int (*pay_cycles)(struct store *s, const struct pay_cycle_filter *f,
			  int (*cb)(void *ctx, const struct pay_cycle *c), void *ctx);
	/* Calls cb for each subcontract of project code by start date, then USCC. A project
	 * without subcontracts calls nothing (whether it exists is project_summary's to say). */
	int (*project_subcontracts)(struct store *s, const char *code,
				    int (*cb)(void *ctx, const struct subcontract_view *v),
				    void *ctx);
	/* Calls cb for each configuration key starting with prefix ("" for all), in byte order
	 * of keys. cb must not call the store. */
	int (*config_list)(struct store *s, const char *prefix,
			   int (*cb)(void *ctx, const char *key, const char *value), void *ctx);
};

struct keep_block;
struct stmt_ops;

struct store {
	const struct store_ops *ops;
	const struct stmt_ops *stmt; /* store/stmt.h's calls (store/backend.h) */
	char errmsg[512];            /* the backend's last error, for messages */
	int dialect;                 /* enum store_dialect (store/dialect.h) */
	struct keep_block *keep;     /* text copied by stmt_keep (store/stmt.h) */
};

/* Opens the store named by url: "postgresql://…" or "postgres://…" selects PostgreSQL,
 * anything else is a SQLite file path. Migrations are applied on open.
 * @param[out] out the store; caller closes with store_close. On failure a message naming the
 * database goes into err. */
int store_open(struct store **out, const char *url, char *err, size_t errsz);
void store_close(struct store *s);

/* The backends' constructors; same contract as store_open. */
int store_sqlite_open(struct store **out, const char *path, char *err, size_t errsz);
int store_pg_open(struct store **out, const char *conninfo, char *err, size_t errsz);
#endif
