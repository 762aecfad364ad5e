/* scan.h — what both backends share of the scan's ordered streams (store.h, scan_open and
 * scan_next): each stream's SQL, written once, and the decoding of its rows. The backends
 * keep only how they walk a stream (a prepared statement on SQLite, a server-side cursor
 * on PostgreSQL). Internal to src/store. */
#ifndef WG_STORE_SCAN_H
#define WG_STORE_SCAN_H
#include <stdint.h>

#include "store/store.h"
#include "util/dbuf.h"

/* The SQL of stream what with the as-of day and the range [lo, hi] of project ids written
 * in as numbers (they are integers: nothing to quote), into out. Returns 0 or WG_ENOMEM. */
int scan_stream_sql(enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi, struct dbuf *out);

/* How a backend hands over the columns of its current row: i reads an integer, t a text
 * (NULL for an SQL NULL; valid until the backend's next row). */
struct scan_cols {
	void *ctx;
	int64_t (*i)(void *ctx, int col);
	const char *(*t)(void *ctx, int col);
};

/* Fills r from the current row of stream what. */
void scan_decode(enum scan_stream what, const struct scan_cols *c, struct scan_row *r);
#endif
