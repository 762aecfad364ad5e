/* supervision.h — the store of supervision and inspection (SPEC §10): inspectors' declared
 * conflicts, random draws with their seeds and published documents, inspections with their
 * inspectors and checklist findings, rectification orders, the inspection tasks red
 * warnings open, campaigns and their screening registers. Written once over store/stmt.h
 * (store/supervision.c). Days are day numbers, -1 where none; money fen; ids 0 where none.
 * Text handed to a callback is valid until it returns; text a *_get fills is owned by the
 * store until its next call. */
#ifndef WG_STORE_SUPERVISION_H
#define WG_STORE_SUPERVISION_H
#include <stddef.h>
#include <stdint.h>

struct store;

/* The region code of a project (when given) or else of an enterprise: WG_ENOTFOUND when
 * the one named is not registered. */
int store_sv_region_of(struct store *s, const char *uscc, const char *project, int64_t *region);
/* The enterprise's name (owned by the store until its next call); WG_ENOTFOUND. */
int store_sv_enterprise_name(struct store *s, const char *uscc, const char **name);
/* The contractor's USCC of a project; WG_ENOTFOUND. */
int store_sv_project_contractor(struct store *s, const char *project, const char **uscc);

/* ---- inspectors ---- */

struct sv_conflict {
	int64_t id, region, declared_on, withdrawn_on;
	const char *inspector, *uscc, *reason, *actor;
};
int store_sv_conflict_add(struct store *s, struct sv_conflict *c); /* c->id set */
/* Withdraws conflict id on day: WG_ENOTFOUND when there is no such standing conflict. */
int store_sv_conflict_withdraw(struct store *s, int64_t id, int64_t day);
/* Standing conflicts (declared on or before day, not withdrawn by then; day -1: all
 * standing now) of enterprises in region prefix ("" all), by inspector, uscc. */
int store_sv_conflict_list(struct store *s, const char *prefix, int64_t day,
			   int (*cb)(void *ctx, const struct sv_conflict *c), void *ctx);
/* The inspectors of a region: enabled users with the regulator role whose scope lies
 * within prefix (starts with it), by name. */
int store_sv_roster(struct store *s, const char *prefix,
		    int (*cb)(void *ctx, const char *username, const char *display), void *ctx);
/* Whether username is an enabled regulator; its scope (owned by the store until its next
 * call). WG_ENOTFOUND otherwise. */
int store_sv_inspector_scope(struct store *s, const char *username, const char **scope);
/* The enterprises registered in region prefix, by USCC. */
int store_sv_enterprises(struct store *s, const char *prefix,
			 int (*cb)(void *ctx, const char *uscc, int64_t region), void *ctx);

/* ---- draws ---- */

struct sv_draw {
	int64_t id, region, campaign_id, seeded_at, drawn_on, n, k;
	int published;
	const char *scope, *seed, *document, *actor; /* document NULL until drawn */
};
/* Records a seed before its draw: d->id set. */
int store_sv_draw_add(struct store *s, struct sv_draw *d);
/* Stores the published document of draw id. */
int store_sv_draw_publish(struct store *s, int64_t id, const char *document, int64_t drawn_on);
int store_sv_draw_get(struct store *s, int64_t id, struct sv_draw *out); /* WG_ENOTFOUND */
/* Draws in region prefix ("" all), newest first; published_only: those with a document. */
int store_sv_draw_list(struct store *s, const char *prefix, int published_only,
		       int (*cb)(void *ctx, const struct sv_draw *d), void *ctx);

/* ---- inspections ---- */

struct sv_inspection {
	int64_t id, region, task_id, campaign_id, draw_id;
	int64_t planned_on, inspected_on, created_at;
	const char *kind;   /* routine complaint warning special */
	const char *status; /* planned done */
	const char *uscc, *project, *case_number, *note, *actor;
	const char *inspectors; /* in lists: names joined with ',' */
};
struct sv_finding {
	const char *item;   /* a checklist item (domain/supervision.h) */
	const char *result; /* yes no na */
	const char *note;
};
int store_sv_inspection_add(struct store *s, struct sv_inspection *in); /* in->id set */
int store_sv_inspection_add_inspector(struct store *s, int64_t id, int64_t region,
				      const char *inspector);
/* Records or replaces one finding of inspection id. */
int store_sv_finding_set(struct store *s, int64_t id, int64_t region, const struct sv_finding *f);
/* Marks a planned inspection done on day (note replaces the old one when not NULL). */
int store_sv_inspection_done(struct store *s, int64_t id, int64_t day, const char *note);
int store_sv_inspection_get(struct store *s, int64_t id, struct sv_inspection *out);
int store_sv_inspection_findings(struct store *s, int64_t id,
				 int (*cb)(void *ctx, const struct sv_finding *f), void *ctx);
struct sv_inspection_filter {
	const char *region;                           /* prefix, "" or NULL all */
	const char *uscc, *status, *kind, *inspector; /* NULL: any */
	int64_t campaign_id;                          /* 0: any */
};
/* Inspections passing f, newest (by date, planned or done) first. */
int store_sv_inspection_list(struct store *s, const struct sv_inspection_filter *f,
			     int (*cb)(void *ctx, const struct sv_inspection *in), void *ctx);
/* The day of the latest done inspection of uscc on or before day. */
int store_sv_last_inspection(struct store *s, const char *uscc, int64_t day, int64_t *last,
			     int *found);
/* Compliance from the findings of done inspections in region prefix: per project (by ==
 * 'p', inspections without a project count as their enterprise's "") or per region code
 * (by == 'r'): items found yes, items found no, inspections. */
int store_sv_compliance(struct store *s, char by, const char *prefix,
			int (*cb)(void *ctx, const char *key, int64_t yes, int64_t no,
				  int64_t inspections),
			void *ctx);

/* ---- inspection tasks (opened by red warnings, SPEC §5) ---- */

struct sv_task {
	int64_t id, region, opened_on, warning_id;
	const char *status, *rule, *project, *employer, *contractor;
	int level;
	int64_t amount;
};
int store_sv_task_get(struct store *s, int64_t id, struct sv_task *out);
int store_sv_task_list(struct store *s, const char *prefix, int open_only,
		       int (*cb)(void *ctx, const struct sv_task *t), void *ctx);
int store_sv_task_set_status(struct store *s, int64_t id, const char *status);

/* ---- rectification orders ---- */

struct sv_order {
	int64_t id, region, year, seq, inspection_id, amount, workers;
	int64_t issued_on, deadline, complied_on, escalated_on;
	int mass_incident, list_proposed;
	const char *number, *uscc, *project, *items, *evidence, *actor;
};
/* Stores a new order with the next number of its region and year (o->seq, o->id set; the
 * caller sets o->number from o->seq through numberfn before the row is written). */
int store_sv_order_add(struct store *s, struct sv_order *o,
		       void (*numberfn)(struct sv_order *o, char *buf, size_t n));
int store_sv_order_get(struct store *s, const char *number, struct sv_order *out);
struct sv_order_filter {
	const char *region, *uscc; /* prefix / exact; NULL any */
	int64_t inspection_id;     /* 0 any */
	int64_t overdue_on;        /* >= 0: only orders overdue and unmet on that day */
};
int store_sv_order_list(struct store *s, const struct sv_order_filter *f,
			int (*cb)(void *ctx, const struct sv_order *o), void *ctx);
int store_sv_order_comply(struct store *s, int64_t id, int64_t day, const char *evidence);
/* Orders whose deadline is before day, not complied by their deadline and not yet
 * escalated, by id. */
int store_sv_orders_to_escalate(struct store *s, int64_t day,
				int (*cb)(void *ctx, const struct sv_order *o), void *ctx);
int store_sv_order_escalated(struct store *s, int64_t id, int64_t day, int list_proposed);
/* For the scan (RECTIFY_OVERDUE): per (project id, employer id) of the registry, the
 * orders issued on or before day whose deadline is before day and that were not complied
 * on or before day: the sum of their amounts. */
int store_sv_overdue(struct store *s, int64_t day,
		     int (*cb)(void *ctx, int64_t project_id, int64_t employer_id, int64_t amount),
		     void *ctx);
/* Whether a CRIMINAL_THRESHOLD warning naming uscc is open. */
int store_sv_criminal_open(struct store *s, const char *uscc, int *open);

/* The calendar of SPEC §3 into cal (when not NULL): holidays and festivals 'H', make-up
 * workdays 'W'; festival (when not NULL) is called with each festival day, in order. */
struct calendar;
int store_sv_calendar(struct store *s, struct calendar *cal,
		      int (*festival)(void *ctx, int64_t day), void *ctx);
/* ---- campaigns and their screening registers ---- */

struct sv_campaign {
	int64_t id, region, starts_on, ends_on, created_at;
	const char *name, *kind; /* kind: winter, special */
	const char *regions;     /* region code prefixes, comma-separated */
	const char *industries;  /* comma-separated */
	const char *actor;
};
int store_sv_campaign_add(struct store *s, struct sv_campaign *c); /* c->id set */
int store_sv_campaign_get(struct store *s, int64_t id, struct sv_campaign *out);
/* Campaigns whose owning region lies in prefix, or one of whose regions does; newest first. */
int store_sv_campaign_list(struct store *s, const char *prefix,
			   int (*cb)(void *ctx, const struct sv_campaign *c), void *ctx);

/* One entry of a screening register (排查台账): a suspected arrears of a project or employer. */
struct sv_entry {
	int64_t id, region, campaign_id, amount, workers, entered_on, cleared_on;
	const char *uscc, *project;
	const char *source; /* warning case grade settlement screening tip */
	const char *ref;    /* what the source names: rules, a case number, a grade */
	const char *cause;  /* SPEC §10 causes, or "pending" until screened */
	const char *responsible, *evidence_kind, *evidence, *actor;
};
int store_sv_entry_add(struct store *s, struct sv_entry *e); /* e->id set */
int store_sv_entry_get(struct store *s, int64_t id, struct sv_entry *out);
/* Whether campaign has an entry of source for (uscc, project) (NULL project: none). */
int store_sv_entry_exists(struct store *s, int64_t campaign, const char *source, const char *uscc,
			  const char *project, int *yes);
struct sv_entry_filter {
	int64_t campaign_id;
	const char *region; /* prefix, NULL all */
	int state;          /* 0 all, 1 open, 2 cleared */
};
/* Entries by region, id. */
int store_sv_entry_list(struct store *s, const struct sv_entry_filter *f,
			int (*cb)(void *ctx, const struct sv_entry *e), void *ctx);
/* Changes what screening found; NULL or negative keeps a value. */
int store_sv_entry_update(struct store *s, int64_t id, const char *cause, const char *responsible,
			  int64_t amount, int64_t workers);
/* Clears and closes (销号) an open entry. WG_ECONFLICT when already cleared. */
int store_sv_entry_clear(struct store *s, int64_t id, int64_t day, const char *kind,
			 const char *evidence);
/* Register totals of campaign in region prefix, entries cleared on or before day counting as
 * cleared: entries, cleared, their amounts and workers. */
struct sv_register_totals {
	int64_t entries, cleared, amount, amount_cleared, workers, workers_cleared;
};
int store_sv_register_totals(struct store *s, int64_t campaign, const char *prefix, int64_t day,
			     struct sv_register_totals *out);

/* Targets a campaign's list is built from. Open warnings of the arrears rules on projects (in
 * region prefix and of one of industries, comma-separated; NULL: any) or naming an employer of
 * the region: per project and enterprise (the employer, else the project's contractor), the
 * rules, the arrears amount (UNPAID, NO_PAYROLL, UNDERPAID) and the workers. */
int store_sv_target_warnings(struct store *s, const char *prefix, const char *industries,
			     int (*cb)(void *ctx, const char *uscc, const char *project,
				       int64_t region, const char *rules, int64_t amount,
				       int64_t workers),
			     void *ctx);
/* Projects in region prefix and industries whose end date is on or before day (completed,
 * due for settlement), with their contractor. */
int store_sv_target_settlement(
	struct store *s, const char *prefix, const char *industries, int64_t day,
	int (*cb)(void *ctx, const char *uscc, const char *project, int64_t region), void *ctx);
/* Whether payment txn_id is a payment with status ok of project (NULL: any project) and the
 * amount paid. */
int store_sv_payment_ok(struct store *s, const char *txn_id, const char *project, int *ok,
			int64_t *amount);

/* Typical cases a campaign publishes. */
struct sv_typical {
	int64_t id, region, campaign_id, published_on;
	const char *title, *summary, *case_number, *actor;
};
int store_sv_typical_add(struct store *s, struct sv_typical *t);
/* Typical cases of campaign (0: all campaigns in region prefix), newest first. */
int store_sv_typical_list(struct store *s, int64_t campaign, const char *prefix,
			  int (*cb)(void *ctx, const struct sv_typical *t), void *ctx);
#endif
