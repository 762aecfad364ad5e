/* project.h — the store's read models of projects for `show`, notices and the API: a
 * project's figures, lists within a role's scope, months, roster, attendance, subcontracts.
 * Written once over store/stmt.h (store/project.c). Text in a struct handed to a callback is
 * valid until it returns; a summary's until the store's next call. */
#ifndef WG_STORE_PROJECT_H
#define WG_STORE_PROJECT_H
#include <stdint.h>

struct store;

/* Roles as the store sees them (enum role in domain/user.h): scope filters by role. */
#define SCOPE_ADMIN 0
#define SCOPE_REGULATOR 1
#define SCOPE_ENTERPRISE 2
#define SCOPE_BANK 3
#define SCOPE_WORKER 4

/* A project's figures for `show project` and the API. */
struct project_summary {
	const char *code, *name, *industry, *owner_uscc, *owner_name, *contractor_uscc,
		*contractor_name, *bank_code, *account_no;
	int64_t region, contract_value, start_date, end_date; /* end_date -1: open */
	int64_t subcontracts, employments, workers, attendance_days, payroll_lines;
	int64_t gross, net, paid_ok, allocated, balance;
};

/* A project in a list (API). */
struct project_row {
	const char *code, *name, *industry, *owner_uscc, *owner_name, *contractor_uscc,
		*contractor_name;
	int64_t region, open_warnings, red_warnings;
};

/* A project-month's figures (API charts). */
struct project_month {
	int64_t period, attendance_days, workers, gross, net, paid, allocated;
};

/* One line of a project's roster. */
struct roster_row {
	const char *id_number, *name, *team, *trade, *employer, *wage_type;
	int64_t wage_rate, start_date, end_date; /* end -1: open */
};

/* A subcontract of a project, with the subcontractor's name. */
struct subcontract_view {
	const char *uscc, *name;
	int64_t contract_value, start_date, end_date; /* end_date -1: open */
};

/* WG_ENOTFOUND when there is no project code. */
int store_project_summary(struct store *s, const char *code, struct project_summary *out);
/* Calls cb for each period project code has payroll lines in, latest first. */
int store_project_payroll_periods(struct store *s, const char *code,
				  int (*cb)(void *ctx, int64_t period), void *ctx);
/* Whether project code is within the scope of role (SCOPE_*): WG_OK, or WG_ENOTFOUND when
 * there is no such project or it is outside the scope. */
int store_project_in_scope(struct store *s, const char *code, int role, const char *scope);
/* Projects within scope whose code or name contains q (NULL: all) and whose region code
 * starts with region (NULL: all), by code, offset and limit; *total all that match. */
int store_project_list(struct store *s, int role, const char *scope, const char *q,
		       const char *region, int64_t offset, int64_t limit,
		       int (*cb)(void *ctx, const struct project_row *r), void *ctx,
		       int64_t *total);
/* The months a project has attendance, payroll, payments or allocations in, in order. */
int store_project_months(struct store *s, const char *code,
			 int (*cb)(void *ctx, const struct project_month *m), void *ctx);
/* The employments of project code by team, name, start date. */
int store_project_roster(struct store *s, const char *code,
			 int (*cb)(void *ctx, const struct roster_row *r), void *ctx);
/* The attendance of project code in period: cb per person with attendance, with the days
 * attended (bit d-1 of mask: day d), by name. */
int store_project_attendance(struct store *s, const char *code, int64_t period,
			     int (*cb)(void *ctx, const char *id_number, const char *name,
				       uint32_t mask),
			     void *ctx);
/* Calls cb for each subcontract of project code by start date, then USCC. A project without
 * subcontracts calls nothing (whether it exists is store_project_summary's to say). */
int store_project_subcontracts(struct store *s, const char *code,
			       int (*cb)(void *ctx, const struct subcontract_view *v), void *ctx);
#endif
