/* payroll.c — payroll filing and the bank payment feed (SPEC §4). Here: their import
 * cross-field rules (a hook of domain/import_kinds.c); net must equal gross minus deductions to
 * the fen. Payments have field rules and references only. */
#include <stdio.h>

#include "domain/import_kinds.h"
#include "util/money.h"
#include "util/banned.h"

int payroll_check_payroll(struct import_row *row, const struct rec *r)
{
	const struct val *v = r->v;
	int bad = 0;
	if (v[PAYROLL_DAYS].i > 31) {
		char days[24];
		snprintf(days, sizeof days, "%lld", (long long)v[PAYROLL_DAYS].i);
		import_error(row, "days", MSG_IMPORT_PAYROLL_DAYS, "days", days, MSG_END);
		bad++;
	}
	if (v[PAYROLL_DEDUCTIONS].i > v[PAYROLL_GROSS].i) {
		import_error(row, "deductions", MSG_IMPORT_PAYROLL_DEDUCTIONS, MSG_END);
		bad++;
	} else if (v[PAYROLL_NET].i != v[PAYROLL_GROSS].i - v[PAYROLL_DEDUCTIONS].i) {
		char g[MONEY_BUFSZ], d[MONEY_BUFSZ], n[MONEY_BUFSZ];
		import_error(row, "net", MSG_IMPORT_PAYROLL_NET, "net",
			     money_format(v[PAYROLL_NET].i, n), "gross",
			     money_format(v[PAYROLL_GROSS].i, g), "deductions",
			     money_format(v[PAYROLL_DEDUCTIONS].i, d), MSG_END);
		bad++;
	}
	return bad;
}
