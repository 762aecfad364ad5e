/* attend.c — the worker-month attendance aggregate, maintained inside the import transaction:
 * changes are gathered per worker-month and written with one store call each. attend_stored is
 * the attendance kind's hook (domain/import_kinds.c). */
#include "domain/attend.h"

#include <stdio.h>
#include <string.h>

#include "domain/import_kinds.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

void attend_days_init(struct attend_days *a, struct store *s)
{
	memset(a, 0, sizeof *a);
	a->store = s;
}

int attend_days_flush(struct attend_days *a)
{
	if (!a->pending)
		return WG_OK;
	a->pending = false;
	return a->store->ops->days_apply(a->store, a->project, a->person, a->period, a->set,
					 a->clear);
}

int attend_days_note(struct attend_days *a, const char *project, const char *person, int32_t day,
		     bool attended)
{
	int32_t period = period_of_day(day);
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	if (!a->pending || a->period != period || strcmp(a->project, project) != 0 ||
	    strcmp(a->person, person) != 0) {
		int rc = attend_days_flush(a);
		if (rc)
			return rc;
		snprintf(a->project, sizeof a->project, "%s", project);
		snprintf(a->person, sizeof a->person, "%s", person);
		a->period = period;
		a->set = a->clear = 0;
		a->pending = true;
	}
	uint32_t bit = attend_day_bit(d);
	if (attended)
		a->set |= bit, a->clear &= ~bit;
	else
		a->clear |= bit, a->set &= ~bit;
	return WG_OK;
}

int attend_stored(struct import_row *row, const struct rec *r)
{
	return attend_days_note(row->days, r->v[ATT_PROJECT_CODE].s, r->v[ATT_ID_NUMBER].s,
				(int32_t)r->v[ATT_DATE].i, r->v[ATT_HOURS].i > 0);
}
