/* warn.h — stored warnings (SPEC §5): the rules' and levels' names as the database keeps
 * them, recording a scan's result with each warning's life cycle, listing, and the
 * regulator's dashboard. Written once over store/stmt.h (store/warn.c). */
#ifndef WG_STORE_WARN_H
#define WG_STORE_WARN_H
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct store;

/* The rules, in byte order of their names: the order warnings are listed in. The number is a
 * rank in memory only; the database keeps the name (warn_rule_names), which never changes,
 * so a new rule goes in its place in the alphabet. */
enum warn_rule {
	WARN_COMPLAINTS,
	WARN_CRIMINAL_THRESHOLD,
	WARN_DEPOSIT_EXPIRING, /* SPEC §7 (domain/deposit.c) */
	WARN_DEPOSIT_MISSING,
	WARN_EXCESS_DEDUCTION,
	WARN_LISTED_EMPLOYER,
	WARN_LOW_BALANCE,
	WARN_NO_LABOR_COST,
	WARN_NO_PAYROLL,
	WARN_OFF_CARD,
	WARN_RECTIFY_OVERDUE,   /* SPEC §10 */
	WARN_REPLENISH_OVERDUE, /* SPEC §7 */
	WARN_UNDERPAID,
	WARN_UNPAID,
	WARN_UNREGISTERED,
	WARN__RULES
};

/* The levels of SPEC §5's ladder; stored as these numbers, which are their severity rank. */
enum warn_level { LEVEL_YELLOW = 0, LEVEL_ORANGE = 1, LEVEL_RED = 2 };

extern const char *const warn_rule_names[WARN__RULES];
extern const char *const warn_level_names[3];
/* The rule or level with this name, or -1. */
int warn_rule_by_name(const char *name);
int warn_level_by_name(const char *name);

/* A warning as the store keeps it: references by row id (0: none), period -1: none. */
struct warning {
	int rule;  /* enum warn_rule */
	int level; /* enum warn_level */
	int64_t project, employer, person, period;
	int64_t amount, overdue_days, days;
};

/* A stored warning with its life cycle, for listing. Text valid until the callback
 * returns. */
struct warning_view {
	struct warning w;
	const char *project, *employer, *worker;                /* codes; NULL where none */
	const char *project_name, *employer_name, *worker_name; /* NULL where none */
	int64_t region;                                         /* project's, else employer's */
	int64_t first_seen, last_seen, resolved_on;             /* days; resolved_on -1: open */
	int64_t id;
};

struct warning_filter {
	int open_only;  /* only warnings not resolved */
	int scope_role; /* SCOPE_*: restricts to the scope below (SCOPE_ADMIN: all) */
	const char *scope;
	const char *project; /* project code, or NULL */
	int level;           /* enum warn_level, or -1 */
	int rule;            /* enum warn_rule, or -1 */
	/* the work queue (the API): region code prefix (NULL: all), first seen within
	 * [seen_from, seen_to] (days; 0: open-ended), and its order: queue = 0 lists in the
	 * scan's order (rule, project, employer, worker, period: the CLI's), else by sort
	 * ("level", "overdue", "amount", "period", "first_seen", "rule", "project", "employer",
	 * "worker"; NULL: level) descending when desc, then level, overdue days and amount,
	 * highest first, then the scan's order */
	const char *region;
	int64_t seen_from, seen_to;
	int queue;
	const char *sort;
	int desc;
};
/* Whether name is one of the sort keys of struct warning_filter. */
int warn_sort_known(const char *name);

/* What the regulator's dashboard shows, delivered through callbacks. */
struct dashboard_sink {
	void *ctx;
	int (*level)(void *ctx, int64_t region, int level, int64_t count);
	int (*arrears)(void *ctx, int64_t period, int64_t unpaid, int64_t workers);
	int (*top)(void *ctx, const char *code, const char *name, int64_t region, int64_t red,
		   int64_t orange, int64_t unpaid);
	int64_t projects, workers, open_warnings; /* filled by the store */
	int64_t scanned_on; /* day of the last recorded scan, -1: none (filled by the store) */
};

/* Records the warnings of a scan as of day as_of (a write transaction of its own): new ones
 * open with first_seen = as_of, those still firing get last_seen, level and amount updated,
 * open ones not among them are resolved on as_of. Level changes, openings and resolutions
 * are kept as events. *opened_red receives how many warnings turned red (each opens an
 * inspection task for its project's region). */
int store_warn_record(struct store *s, int64_t as_of, const struct warning *w, size_t n,
		      int64_t *opened, int64_t *resolved, int64_t *opened_red);
/* Calls cb for the stored warnings that pass f, by rule, project, employer, worker (byte
 * order, nulls first), period. */
int store_warn_list(struct store *s, const struct warning_filter *f,
		    int (*cb)(void *ctx, const struct warning_view *v), void *ctx);
/* The dashboard of the open warnings within the scope of role (SCOPE_*). */
int store_dashboard(struct store *s, int role, const char *scope, struct dashboard_sink *k);
#endif
