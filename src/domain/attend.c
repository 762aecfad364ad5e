/* attend.c — attendance and the working-day calendar (SPEC §3, §4). Here: their import
 * rules. Attendance may name a person on no roster (that is what UNREGISTERED reports), so
 * only the project must exist; the ID number itself was validated with the field. */
#include "domain/import.h"
#include "util/banned.h"

int attend_check_row(struct import_row *row, const struct rec *r)
{
	if (r->kind == REC_ATTENDANCE)
		return import_check_ref(row, r, 0) < 0;
	return 0;
}
