/* store.h — opening a store and the operations each backend implements for itself, where
 * its speed comes from: transactions, record I/O and reference checks of the importer (COPY
 * buffers, key caches), the ledger chain, the scan's ordered streams. Everything else — read
 * models and ordinary writes — is written once over store/stmt.h, one header per system
 * (store/project.h, worker.h, warn.h, payslip.h, user.h, config.h, complaint.h), and so is
 * the SQL of the scan's streams (store/scan.h). Every operation returns 0 or a negative
 * wg_status (util/err.h). */
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

	/* A number that changes whenever anything in the database changed, by any connection
	 * (read caches check it). WG_ENOTFOUND when the backend cannot tell cheaply. */
	int (*data_version)(struct store *s, int64_t *v);
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
