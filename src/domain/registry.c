/* registry.c — the real-name registry (SPEC §2 system 1): enterprises, projects and their
 * subcontracts, workers and their employments. Here: the import rules of these kinds (hooks of
 * domain/import_kinds.c). */
#include <string.h>

#include "domain/import_kinds.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

int registry_check_project(struct import_row *row, const struct rec *r)
{
	return import_check_order(row, r, PROJ_START_DATE, PROJ_END_DATE) < 0;
}

int registry_check_subcontract(struct import_row *row, const struct rec *r)
{
	return import_check_order(row, r, SUB_START_DATE, SUB_END_DATE) < 0;
}

int registry_check_employment(struct import_row *row, const struct rec *r)
{
	int bad = import_check_order(row, r, EMP_START_DATE, EMP_END_DATE) < 0;
	if (strcmp(r->v[EMP_WAGE_TYPE].s, "piece") != 0 && r->v[EMP_WAGE_RATE].i == 0) {
		import_error(row, "wage_rate", MSG_IMPORT_WAGE_RATE, "wage_type",
			     r->v[EMP_WAGE_TYPE].s, MSG_END);
		bad++;
	}
	if (bad)
		return bad;
	int64_t other;
	int rc = row->store->ops->employment_overlap(row->store, r, &other);
	if (rc == WG_ECONFLICT) {
		char d[DATE_BUFSZ];
		import_error(row, "start_date", MSG_IMPORT_OVERLAP, "start",
			     date_format((int32_t)other, d), MSG_END);
		return 1;
	}
	if (rc) {
		import_error(row, NULL, MSG_IMPORT_OVERLAP_UNCHECKED, "detail", row->store->errmsg,
			     MSG_END);
		return 1;
	}
	return 0;
}
