/* sif.h — payroll files in the UAE Wage Protection System's Salary Information File format
 * (SIF): one EDR record per worker, one SCR control record at the end. Export writes one
 * employer's payroll lines of a project and period; import checks the records and the
 * control totals, then stores the lines through the CSV payroll importer (domain/import),
 * atomic and idempotent like any import. The field mapping is in docs/notices.md. */
#ifndef WG_SIF_H
#define WG_SIF_H
#include <stddef.h>
#include <stdint.h>

#include "domain/import.h"
#include "store/store.h"

struct sif_totals {
	int64_t records;   /* EDR records */
	int64_t total;     /* fen: Σ fixed + variable income */
	char employer[24]; /* the SCR's employer id (USCC) */
};

/* Writes the payroll lines of project code, period (a month number) and employer (a USCC;
 * NULL: the period's only employer) as a SIF file at path, created at Unix time created
 * (shown in Asia/Shanghai time). Each line's worker needs a registered bank card; the SCR's
 * bank code is the project's dedicated wage account's. Returns WG_OK with out filled, or
 * WG_ENOTFOUND / WG_EINPUT / a store status with a message in err (path is then incomplete:
 * the caller removes it). */
int sif_export(struct store *s, const char *code, int32_t period, const char *employer,
	       int64_t created, const char *path, struct sif_totals *out, char *err, size_t errsz);

/* Imports the SIF file at path as payroll of project code. Every problem is reported with
 * the file's name and line and the SIF field ("person_id", "total_salary"); the control
 * totals of the SCR must match the EDR records. Then the lines are imported by import_file
 * with the same options, each EDR becoming the payroll line (project, SCR employer, pay
 * period, person id, days, gross, deductions, net = fixed + variable, due date); gross,
 * deductions and due date are those of the stored line when its net is the same, else
 * gross = net, no deductions and no due date. Returns what import_file returns (WG_EINPUT
 * when the file had problems: nothing stored); st counts rows and problems. */
int sif_import(struct store *s, const char *path, const char *code, const struct import_opts *o,
	       struct import_stats *st, import_report_fn *report, void *ctx);
#endif
