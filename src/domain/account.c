/* account.c — the dedicated wage account of each project and the labour-cost allocations
 * paid into it (SPEC §2 system 1). Here: their import rules. */
#include "domain/import.h"
#include "util/banned.h"

int account_check_row(struct import_row *row, const struct rec *r)
{
	/* accounts: project_code 0; allocations: project_code 1 */
	return import_check_ref(row, r, r->kind == REC_ACCOUNT ? 0 : 1) < 0;
}
