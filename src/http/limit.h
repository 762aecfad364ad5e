/* limit.h — counting what clients do in fixed time windows, by exact key: login failures per
 * (user, address), per address and per user, form submissions per address, requests per
 * address. Keys are compared whole in a table of fixed size (keys of LIMIT_KEY_MAX bytes or
 * more are cut to it first, so two such keys sharing their first LIMIT_KEY_MAX - 1 bytes share
 * a counter); when it is full the counter whose window started longest ago is dropped first.
 * Thread-safe. Exports limit_* and the login throttle (limit_login_wait, limit_login_note). */
#ifndef WG_LIMIT_H
#define WG_LIMIT_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define LIMIT_KEY_MAX 160 /* longer keys are cut (user names and addresses are far shorter) */

struct limit_table;

/* A table of at most capacity counters. Returns NULL when out of memory. */
struct limit_table *limit_new(int capacity);
void limit_free(struct limit_table *t);

/* Counts one event for key in a window of window seconds that starts at its first event.
 * Returns the count in the current window, this event included. */
int64_t limit_hit(struct limit_table *t, const char *key, int window, time_t now);
/* The count of key's current window (0: none, or its window is over); *left receives the
 * seconds until the window ends (0 when none). */
int64_t limit_count(struct limit_table *t, const char *key, int window, time_t now, int *left);
/* Forgets key. */
void limit_clear(struct limit_table *t, const char *key);
/* Counters held (for tests). */
int limit_size(struct limit_table *t);

/* Login throttling (issue 9): failures are counted per (user, address) — 5 in 15 minutes
 * block that pair —, per address over all user names (20) and per user over all addresses
 * (100); the last blocks only addresses that have not logged in as that user in the last
 * 30 days, so strangers cannot lock a user out of the address they use. */
/* Whether name may try to log in from address now: 0, or the seconds to wait. */
int limit_login_wait(const char *name, const char *address, time_t now);
/* Records the outcome of a login attempt. */
void limit_login_note(const char *name, const char *address, bool ok, time_t now);
#endif
