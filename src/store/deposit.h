/* deposit.h — the stored side of deposits and the emergency wage fund (SPEC §7–8): projects'
 * life-cycle events, deposits with their movements and payments, return notices, document
 * numbers, fund applications and movements, and the warnings the quote reads. Written once
 * over store/stmt.h (store/deposit.c). Text handed to a callback is valid until it returns;
 * text in a struct filled by a getter is owned by the store until its next call. */
#ifndef WG_STORE_DEPOSIT_H
#define WG_STORE_DEPOSIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

/* A project as deposits see it. */
struct dep_project {
	int64_t id, region, contractor_id, contract_value, start_date;
	const char *code, *name, *industry, *contractor, *contractor_name;
};
/* WG_ENOTFOUND when there is no project code. */
int store_dep_project(struct store *s, const char *code, struct dep_project *out);
/* Calls cb for every project by code (the scan). */
int store_dep_projects(struct store *s, int (*cb)(void *ctx, const struct dep_project *p),
		       void *ctx);

/* ---- life cycle ---- */

struct project_event {
	const char *event, *note; /* note NULL: none */
	int64_t date, lseq;
};
/* The events of project id by date, then in life-cycle order. */
int store_project_events(struct store *s, int64_t project,
			 int (*cb)(void *ctx, const struct project_event *e), void *ctx);

/* ---- what the quote reads ---- */

/* The earliest start date of the projects enterprise id is contractor of; *found false when
 * none. */
int store_dep_earliest_start(struct store *s, int64_t enterprise, int64_t *day, bool *found);

/* A stored warning behind a quote factor. */
struct dep_warning {
	const char *rule, *project, *worker; /* worker NULL: none */
	int64_t period, first_seen, amount;  /* period -1: none */
	bool red;                            /* was red on some day up to the quote's date */
};
/* Warnings of rules UNPAID, UNREGISTERED, OFF_CARD, NO_LABOR_COST, LOW_BALANCE first seen
 * in (from, to], on a project enterprise id is contractor of or naming it as employer, by
 * first_seen. red says whether the warning was red on a day up to to. */
int store_dep_warnings(struct store *s, int64_t enterprise, int64_t from, int64_t to,
		       int (*cb)(void *ctx, const struct dep_warning *w), void *ctx);
/* How many open (unresolved) UNPAID or NO_PAYROLL warnings project id has. */
int store_dep_open_arrears(struct store *s, int64_t project, int64_t *n);

/* ---- deposits ---- */

struct deposit {
	int64_t id, region, project_id, amount, lodged_on, expires_on; /* expires -1: none */
	int64_t interest_ppm, closed_on, replaced_by, interest, lseq;  /* closed -1: open */
	int64_t activated, replenished;                                /* as of the day asked for */
	const char *project, *contractor, *contractor_name, *form, *number, *issuer, *status,
		*actor;
};
/* Inserts d (project_id, region, contractor from the project; status "held"); *id the new
 * row. WG_ECONFLICT when a deposit with this form, issuer and number exists. */
int store_deposit_insert(struct store *s, const struct deposit *d, int64_t contractor_id,
			 int64_t *id);
/* Deposit id with its movements up to day. WG_ENOTFOUND when none. */
int store_deposit_get(struct store *s, int64_t id, int64_t day, struct deposit *out);
/* Closes deposit id on day with status ("returned", "replaced"), replaced_by (0: none) and
 * the interest paid with it. */
int store_deposit_close(struct store *s, int64_t id, int64_t day, const char *status,
			int64_t replaced_by, int64_t interest);

struct deposit_filter {
	int scope_role; /* SCOPE_* (store/project.h) */
	const char *scope;
	const char *project; /* code, or NULL */
	int64_t as_of;       /* balances and states as of this day */
	bool open_only;      /* only deposits not closed by as_of */
};
/* Deposits passing f, by project code, lodged date, id, with movements up to f->as_of. */
int store_deposit_list(struct store *s, const struct deposit_filter *f,
		       int (*cb)(void *ctx, const struct deposit *d), void *ctx);

/* A movement of a deposit. */
struct deposit_move {
	int64_t id, deposit_id, region, on_date, amount, deadline; /* deadline -1: none */
	const char *kind, *ref, *case_ref, *notice_no, *actor;     /* activation, replenish */
	int64_t lseq;
};
int store_deposit_move_insert(struct store *s, const struct deposit_move *m, int64_t *id);
/* The movements of the deposits of project id up to day, by date and id. */
int store_deposit_moves(struct store *s, int64_t project, int64_t day,
			int (*cb)(void *ctx, const struct deposit_move *m), void *ctx);

struct deposit_payment {
	int64_t move_id, region, project_id, amount, paid_on, lseq;
	const char *id_number, *bank_card, *txn_id, *case_ref;
};
int store_deposit_payment_insert(struct store *s, const struct deposit_payment *p);
/* The payments of activation move_id, by id number. */
int store_deposit_payments(struct store *s, int64_t move_id,
			   int (*cb)(void *ctx, const struct deposit_payment *p), void *ctx);

/* A worker's registered card (for paying him); WG_ENOTFOUND when he is no registered
 * worker. */
int store_dep_worker_card(struct store *s, const char *id_number, char *card, size_t n);

/* ---- returns ---- */

struct deposit_return {
	int64_t id, region, project_id, published_on, ends_on, returned_on, amount, interest, lseq;
	const char *project, *project_name, *contractor, *contractor_name, *promise, *status,
		*actor; /* status: notice, returned, withdrawn */
};
int store_deposit_return_insert(struct store *s, const struct deposit_return *r, int64_t *id);
/* The latest return notice of project id not withdrawn; WG_ENOTFOUND when none. */
int store_deposit_return_open(struct store *s, int64_t project, struct deposit_return *out);
int store_deposit_return_done(struct store *s, int64_t id, int64_t day, int64_t amount,
			      int64_t interest);
/* Return notices published on or before day whose region starts with region ("" all), newest
 * first (the public page). */
int store_deposit_returns(struct store *s, const char *region, int64_t day,
			  int (*cb)(void *ctx, const struct deposit_return *r), void *ctx);

/* The next number of a gap-free sequence per region, kind and year (documents). */
int store_doc_next(struct store *s, int64_t region, const char *kind, int64_t year, int64_t *n);

/* ---- calendar ---- */
struct calendar;
/* Fills cal with the holidays and make-up working days of the imported calendar. */
int store_dep_calendar(struct store *s, struct calendar *cal);
#endif
