/* worker.h — the store's read models of a worker: who they are and their monthly history
 * (`show worker`, the API, payslips). Written once over store/stmt.h (store/worker.c). */
#ifndef WG_STORE_WORKER_H
#define WG_STORE_WORKER_H
#include <stdint.h>

struct store;

struct worker_summary {
	const char *id_number, *name, *phone, *bank_card, *bank_code;
	int registered; /* 0: the person appears only in attendance */
	int64_t employments;
};

/* One row of a worker's monthly history. */
struct worker_month {
	const char *project, *project_name;
	int64_t period, att_days, has_payroll, gross, deductions, net, paid;
};

/* The person with this ID number (text owned by the store until its next call);
 * WG_ENOTFOUND. */
int store_worker_summary(struct store *s, const char *id_number, struct worker_summary *out);
/* Calls cb for each (project, period) the worker has attendance, payroll or payments in,
 * ordered by period then project. */
int store_worker_months(struct store *s, const char *id_number,
			int (*cb)(void *ctx, const struct worker_month *m), void *ctx);
#endif
