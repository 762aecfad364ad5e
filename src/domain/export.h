/* export.h — the wage ledger (SPEC §6: one row per pay cycle, the worker's full personal data,
 * for the operator) and one project-period's payroll (the columns `import payroll` reads)
 * written as CSV or XLSX through render/table. */
#ifndef WG_EXPORT_H
#define WG_EXPORT_H
#include <stddef.h>
#include <stdint.h>

#include "render/table.h"
#include "store/store.h"
#include "store/payslip.h"

/* Writes the pay cycles passing f to path (created or replaced) as fmt: project, employer,
 * period, pay date (the last ok payment), worker name, ID number, phone, days, gross,
 * deductions, net, paid, bank vouchers (txn_ids of the ok payments) and the worker's
 * confirmation. Rows stream from the store; memory does not grow with their number.
 * @param[out] rows the rows written. Returns WG_OK, or a wg_status with a message in err
 * (path is then incomplete: the caller removes it). */
int export_ledger(struct store *s, const struct pay_cycle_filter *f, enum table_format fmt,
		  const char *path, int64_t *rows, char *err, size_t errsz);

/* Writes the payroll lines of project code and period (a month number) to path with the
 * columns of `wageguard import payroll`, so the file imports back unchanged. WG_ENOTFOUND
 * (message in err) for an unknown project; otherwise as export_ledger. */
int export_payroll(struct store *s, const char *code, int32_t period, enum table_format fmt,
		   const char *path, int64_t *rows, char *err, size_t errsz);
#endif
