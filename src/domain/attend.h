/* attend.h — attendance (SPEC §2 system 1, §5): the worker-month aggregate of attendance days
 * that the importer keeps up to date, so that the early-warning scan reads one row per
 * worker-month instead of one per day. */
#ifndef WG_ATTEND_H
#define WG_ATTEND_H
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Pending changes to one worker-month's days, written when the importer moves on to
 * another worker-month (attendance files come sorted by project, worker and date, so this
 * is one write per worker-month). */
struct attend_days {
	struct store *store;
	char project[72], person[24];
	int64_t period;
	uint32_t set, clear;
	bool pending;
};

void attend_days_init(struct attend_days *a, struct store *s);
/* Notes that the worker attended (hours > 0) on day, or did not (a day amended to 0
 * hours). Returns 0 or a wg_status from writing the previous worker-month. */
int attend_days_note(struct attend_days *a, const char *project, const char *person, int32_t day,
		     bool attended);
/* Writes what is pending. */
int attend_days_flush(struct attend_days *a);

/* The bit of day within its month's mask. */
static inline uint32_t attend_day_bit(int dom)
{
	return (uint32_t)1 << (dom - 1);
}
#endif
