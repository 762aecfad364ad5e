/* payroll.c — payroll filing and the bank payment feed (SPEC §4). Here: their import
 * cross-field rules; net must equal gross minus deductions to the fen. */
#include <stdio.h>

#include "domain/import.h"
#include "util/money.h"
#include "util/banned.h"

int payroll_check_row(struct import_row *row, const struct rec *r)
{
	int bad = 0;
	if (r->kind == REC_PAYROLL) {
		/* project_code 0, employer_uscc 1, period 2, id_number 3, days 4, gross 5,
		 * deductions 6, net 7, due_date 8 */
		if (r->v[4].i > 31) {
			char days[24];
			snprintf(days, sizeof days, "%lld", (long long)r->v[4].i);
			import_error(row, "days", MSG_IMPORT_PAYROLL_DAYS, "days", days, MSG_END);
			bad++;
		}
		if (r->v[6].i > r->v[5].i) {
			import_error(row, "deductions", MSG_IMPORT_PAYROLL_DEDUCTIONS, MSG_END);
			bad++;
		} else if (r->v[7].i != r->v[5].i - r->v[6].i) {
			char g[MONEY_BUFSZ], d[MONEY_BUFSZ], n[MONEY_BUFSZ];
			import_error(row, "net", MSG_IMPORT_PAYROLL_NET, "net",
				     money_format(r->v[7].i, n), "gross",
				     money_format(r->v[5].i, g), "deductions",
				     money_format(r->v[6].i, d), MSG_END);
			bad++;
		}
		return bad;
	}
	return 0; /* payments: every rule is a field rule or a reference */
}
