/* credit.h — the credit system's data (SPEC §9): credit events with their sources, the
 * maintained credit files, the dishonest-list procedure (Order 45), and the few reads of
 * the registry and the warnings that credit derives from. Written once over store/stmt.h
 * (store/credit.c). Text in a struct handed to a callback is valid until it returns; text a
 * get operation fills is the store's until its next call. */
#ifndef WG_STORE_CREDIT_H
#define WG_STORE_CREDIT_H
#include <stdbool.h>
#include <stdint.h>

struct store;
struct calendar;

/* One event of a credit file. kind is a stable name ("red_month", "case_substantiated",
 * "order_ignored", "deposit_activated", "rectify_overdue"); source names the record it
 * comes from (a case or order number, "PROJECT/YYYY-MM" for a red month). */
struct credit_event {
	int64_t id, region, on, delta, amount;
	int64_t period; /* month number, -1 none */
	const char *uscc, *kind, *source, *project, *note, *actor;
};

/* Adds e unless an event of the same enterprise, kind and source exists; *added says
 * which. Runs in the caller's transaction. */
int store_credit_event_add(struct store *s, const struct credit_event *e, bool *added);
/* Calls cb for the events of uscc (NULL: every enterprise, by USCC in byte order) dated on
 * or before upto (-1: all), by day, then id. */
int store_credit_events(struct store *s, const char *uscc, int64_t upto,
			int (*cb)(void *ctx, const struct credit_event *e), void *ctx);

/* A project-month in which a red UNPAID or NO_PAYROLL warning named an employer, from the
 * stored warnings: the day the first of them turned red, their amounts now. */
struct credit_red_month {
	const char *uscc, *project;
	int64_t region, period, first_red, amount;
};
/* Calls cb for each red project-month that has no red_month event yet. */
int store_credit_red_months(struct store *s, int (*cb)(void *ctx, const struct credit_red_month *m),
			    void *ctx);

/* The maintained fold of an enterprise's events: the score after its latest event, the
 * day of that event and of the latest negative one (-1 none), and how many events. */
struct credit_file {
	const char *uscc;
	int64_t region, score, last_event, last_negative, events;
};
/* WG_ENOTFOUND when uscc has no file (no event). */
int store_credit_file_get(struct store *s, const char *uscc, struct credit_file *out);
int store_credit_file_put(struct store *s, const struct credit_file *f);
/* Every file by USCC (byte order). */
int store_credit_files(struct store *s, int (*cb)(void *ctx, const struct credit_file *f),
		       void *ctx);

/* An enterprise of the registry as credit shows it. */
struct credit_enterprise {
	const char *uscc, *name, *legal_rep; /* legal_rep NULL when not recorded */
	int64_t region;
};
/* WG_ENOTFOUND when uscc is not registered. */
int store_credit_enterprise(struct store *s, const char *uscc, struct credit_enterprise *out);
/* The registered enterprises whose region code starts with region ("" or NULL: all), by
 * USCC in byte order. */
int store_credit_enterprises(struct store *s, const char *region,
			     int (*cb)(void *ctx, const struct credit_enterprise *e), void *ctx);
/* Whether a CRIMINAL_THRESHOLD warning naming uscc was first seen on or before day. */
int store_credit_criminal_warning(struct store *s, const char *uscc, int64_t day, bool *yes);
/* The holiday calendar (SPEC §3) imported with `import calendar`, into cal. */
int store_credit_calendar(struct store *s, struct calendar *cal);

/* A dishonest-list procedure (Order 45): proposed, notified (告知, with the day by which the
 * enterprise may state its case), then listed or rejected; a listing ends on expires_on or
 * when removed. Days -1 when not reached. */
struct credit_listing {
	int64_t id, region, deadline, amount, workers;
	const char *uscc, *status, *grounds, *reason, *source, *legal_rep, *responsible,
		*proposed_by, *statement, *decided_by, *decision_note, *removal, *commitment,
		*removed_by;
	int64_t proposed_on, notified_on, statement_due, statement_on, decided_on, listed_on,
		expires_on, removed_on, paid_on;
};
/* Stores a new proposal; l->id receives its number. */
int store_credit_listing_add(struct store *s, struct credit_listing *l);
/* WG_ENOTFOUND when there is no listing id. */
int store_credit_listing_get(struct store *s, int64_t id, struct credit_listing *out);
/* Writes the procedure's later columns (status onwards) of l->id. */
int store_credit_listing_update(struct store *s, const struct credit_listing *l);
/* Calls cb for the procedures of uscc (NULL: all) whose region starts with region (NULL or
 * "": all), newest first. */
int store_credit_listings(struct store *s, const char *uscc, const char *region,
			  int (*cb)(void *ctx, const struct credit_listing *l), void *ctx);
/* The procedure of uscc still under way or in force on day (proposed, notified, or listed
 * and neither expired nor removed by day): its id, or 0. */
int store_credit_listing_live(struct store *s, const char *uscc, int64_t day, int64_t *id);
/* Whether uscc is listed on day; *since the listing's day. */
int store_credit_listed(struct store *s, const char *uscc, int64_t day, bool *listed,
			int64_t *since);
/* The projects started on or after the day of a listing in force on day (and by day) whose
 * contractor or a subcontractor is that listed enterprise: cb(project id, enterprise id),
 * each pair once (LISTED_EMPLOYER, SPEC §9). */
int store_credit_listed_projects(struct store *s, int64_t day,
				 int (*cb)(void *ctx, int64_t project, int64_t enterprise),
				 void *ctx);
#endif
