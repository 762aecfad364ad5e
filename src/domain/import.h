/* import.h — atomic, idempotent import of one CSV file of one kind (SPEC §4): every field
 * validated, every problem reported with file, line and column, all rows stored or none,
 * each change appended to the ledger. The importer never prints: problems and progress go
 * through callbacks. */
#ifndef WG_IMPORT_H
#define WG_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/msg.h"

/* Receives each problem: line 0 = the file as a whole, col NULL = the row as a whole,
 * file NULL = msg already names file and line (the CSV reader's own messages). The
 * receiver renders msg (msg_render_problem) in its reader's language. */
typedef void import_report_fn(void *ctx, const char *file, long line, const char *col,
			      const struct msg *msg);

struct import_opts {
	bool amend;        /* allow changed values; the ledger keeps the old */
	const char *label; /* file name used in messages; default the path */
	/* called now and then with bytes read of total (total 0: unknown) */
	void (*progress)(void *ctx, long long done, long long total, long long rows);
	void *progress_ctx;
	/* optional: whether the caller may store row r (the API's scopes). Returns 0, or -1
	 * with the offending column's name in *col and the problem in *msg. */
	int (*allow)(void *ctx, const struct rec *r, const char **col, struct msg *msg);
	void *allow_ctx;
	/* the caller may not see stored values (the API's roles but admin): a row that differs
	 * from the stored record is reported without the stored value, and a row whose key is
	 * taken by a record allow() refuses without naming anything of that record */
	bool hide_stored;
};

struct import_stats {
	int64_t rows, inserted, unchanged, amended, status_changes, errors;
};

/* Imports path as kind. Returns WG_OK when stored (stats filled), WG_EINPUT when the file
 * had problems (all reported, nothing stored), or another wg_status when the store or the
 * file failed (reported too). */
int import_file(struct store *s, const struct kind_desc *kind, const char *path,
		const struct import_opts *o, struct import_stats *st, import_report_fn *report,
		void *ctx);

/* The largest amount of each money column is configuration: "import.max.<kind>.<column>"
 * (e.g. import.max.payroll.gross = 10000000.00), defaulting to the schema's. */
#define IMPORT_MAX_PREFIX "import.max."
/* Whether key is one of these. */
bool import_config_owns(const char *key);
/* Checks a value for key (value NULL: only that the key exists). 0, or -1 with err. */
int import_config_check(const char *key, const char *value, char *err, size_t errsz);
/* Calls cb with every key, its default and a line of help; stops at cb's first non-zero. */
int import_config_each(int (*cb)(void *ctx, const char *key, const char *fallback,
				 const char *help),
		       void *ctx);

/* The context a kind's row check sees. */
struct attend_days;
struct import_row {
	struct store *store;
	const struct kind_desc *kind;
	const char *file;
	long line;
	int errors;
	import_report_fn *report;
	void *report_ctx;
	struct attend_days *days; /* the worker-month aggregate this import keeps */
};

/* Reports problem id with column col (NULL: the row) of the current row; the message's
 * parameters follow as name, value pairs of strings, then NULL. */
void import_error(struct import_row *row, const char *col, enum msg_id id, ...)
	__attribute__((sentinel));
/* The same with a message already made. */
void import_problem(struct import_row *row, const char *col, const struct msg *m);

/* Checks a reference column: the enterprise, project or registered worker must exist.
 * Reports and returns -1 when it does not. */
int import_check_ref(struct import_row *row, const struct rec *r, int col);
/* Reports col_end < col_start (both dates); returns -1 then. */
int import_check_order(struct import_row *row, const struct rec *r, int col_start, int col_end);

/* What each kind checks and keeps besides its fields: domain/import_kinds.h. */
#endif
