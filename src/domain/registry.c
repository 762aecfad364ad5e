/* registry.c — the real-name registry (SPEC §2 system 1): enterprises, projects and their
 * subcontracts, workers and their employments. Here: the import rules of these kinds. */
#include <string.h>

#include "domain/import.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

static int check_employment(struct import_row *row, const struct rec *r)
{
	/* columns: project_code 0, id_number 1, employer_uscc 2, team 3, trade 4,
	 * wage_type 5, wage_rate 6, start_date 7, end_date 8 */
	int bad = import_check_order(row, r, 7, 8) < 0;
	if (strcmp(r->v[5].s, "piece") != 0 && r->v[6].i == 0) {
		import_error(row, "wage_rate", MSG_IMPORT_WAGE_RATE, "wage_type", r->v[5].s,
			     MSG_END);
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

int registry_check_row(struct import_row *row, const struct rec *r)
{
	switch (r->kind) {
	case REC_PROJECT: return import_check_order(row, r, 7, 8) < 0;
	case REC_SUBCONTRACT: return import_check_order(row, r, 3, 4) < 0;
	case REC_EMPLOYMENT: return check_employment(row, r);
	default: return 0;
	}
}
