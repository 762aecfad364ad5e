/* warn.h — the early-warning engine (SPEC §5): every rule evaluated as of a date over the
 * worker-month aggregate and the payroll, payment and allocation streams, merged in one pass;
 * results as JSON Lines in the contract's order, stored with their life cycle. */
#ifndef WG_WARN_H
#define WG_WARN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/warn.h"
#include "util/dbuf.h"

/* Thresholds (SPEC §5 defaults), changed by the operator with `wageguard config set`. */
struct warn_config {
	int orange_from, red_from; /* overdue days: 1..14 yellow, 15..29 orange, 30+ red */
	int64_t criminal_worker;   /* fen one worker must be owed (over periods) */
	int criminal_periods;
	int64_t criminal_total; /* fen owed in all ... */
	int criminal_workers;   /* ... to at least this many workers */
	int low_balance_days;   /* need counts what falls due within this many days */
	int complaints_orange, complaints_red, complaints_window;
};

/* The configuration keys, their defaults and meaning, for `config` and the docs. */
struct warn_config_key {
	const char *key, *fallback, *help;
};
extern const struct warn_config_key warn_config_keys[];
extern const int warn_config_nkeys;

/* Loads the thresholds: defaults, overridden by the store's configuration. Returns 0, or
 * WG_EINPUT with a message naming the bad key in err. */
int warn_config_load(struct store *s, struct warn_config *c, char *err, size_t errsz);
/* Checks that value is acceptable for key (a known key, a number or amount in range). */
int warn_config_check(const char *key, const char *value, char *err, size_t errsz);

/* A scan's warnings, in the order of SPEC §5 (warn_scan sorts them before it returns). */
struct warn_result {
	struct warning *w;
	size_t n, alloc;
	struct dbuf keys; /* codes of project, employer, worker per warning */
	size_t *key_off;  /* 3 offsets per warning into keys, SIZE_MAX: null */
};

/* Evaluates every rule as of day as_of. With rebuild the attendance days are recomputed
 * from the raw attendance records instead of read from the maintained aggregate; the
 * output must be the same. Fills out (caller releases with warn_result_release) sorted.
 * Returns 0 or a wg_status. Never prints. */
int warn_scan(struct store *s, int32_t as_of, const struct warn_config *c, bool rebuild,
	      struct warn_result *out);
void warn_result_release(struct warn_result *r);

/* The codes of warning i: 0 project, 1 employer, 2 worker; NULL where none. */
const char *warn_key(const struct warn_result *r, size_t i, int which);
#endif
