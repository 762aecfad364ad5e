/* case.h — relief's tables (SPEC §11): complaint cases, their complainants' claims, the
 * timeline, payments through a case, numbered documents and their service records, the
 * gap-free counters, and the intake queues the cases take over (received complaints, open
 * payroll disputes). Written once over store/stmt.h (store/case.c); the rules are in
 * domain/case.c. Days are day numbers, -1 where a step has not happened; money fen. */
#ifndef WG_STORE_CASE_H
#define WG_STORE_CASE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/date.h"

struct store;

#define CASE_NUMBER_SZ 40
#define CASE_REASON_SZ 1024
#define CASE_TEXT_SZ 4096

/* A case as stored. Text is copied into the struct. */
struct case_row {
	int64_t id, region;
	char number[CASE_NUMBER_SZ];
	char channel[16];
	char employer[24];
	char employer_name[256];
	char project[72]; /* "" none */
	char description[CASE_TEXT_SZ];
	int64_t received, accept_by, accepted, rejected, conclude_by, conclude_by_original;
	char reject_reason[CASE_REASON_SZ];
	char extend_reason[CASE_REASON_SZ];
	char status[16];  /* received, accepted, rejected, closed */
	char outcome[16]; /* "" while open */
	int64_t closed;
	int64_t agreed;  /* mediation or decision amount, fen */
	int64_t claimed; /* Σ of the complainants' claims */
	int64_t paid;    /* Σ of the payments through the case */
	int64_t workers; /* distinct complainants */
	int64_t substantiated;
	char order_number[96];
	int64_t order_deadline, order_issued, order_ignored;
	int64_t surcharge;
	char reporter_name[128], reporter_phone[32];
	bool reporter_anonymous;
	int64_t absconded;
	char created_by[64];
};

/* The next number of counter name (1 for a new one), in the caller's transaction: a
 * rolled-back transaction gives its number back, so the numbers have no gaps. */
int store_counter_next(struct store *s, const char *name, int64_t *out);

/* Inserts c (c->id receives the row id). WG_ECONFLICT when its number exists. */
int store_case_insert(struct store *s, struct case_row *c);
/* Writes every field but id, number, region and channel back. */
int store_case_update(struct store *s, const struct case_row *c);
/* The case with this number; WG_ENOTFOUND when none. */
int store_case_get(struct store *s, const char *number, struct case_row *out);
/* The open case (received or accepted, not a tip-off) against employer on project ("" or
 * NULL: none) that has complainant who; *id 0 when there is none. */
int store_case_find_open(struct store *s, const char *employer, const char *project,
			 const char *who, int64_t *id, char number[CASE_NUMBER_SZ]);

/* Records a complainant's claim from source: the claim of the same (case, who, source)
 * is replaced; then the case's claimed total and number of workers are recomputed. */
struct case_claim_row {
	const char *who; /* the resident ID number, or "name:NAME" when none was given */
	const char *id_number, *name, *phone, *source;
	int64_t amount;
};
int store_case_claim_put(struct store *s, int64_t case_id, int64_t region,
			 const struct case_claim_row *c);

/* A complainant with the sums of their claims and of what the case paid them. */
struct case_worker {
	const char *who, *id_number, *name, *phone; /* valid during the callback */
	int64_t claimed, paid;
};
int store_case_workers(struct store *s, int64_t case_id,
		       int (*cb)(void *ctx, const struct case_worker *w), void *ctx);

/* The timeline. */
struct case_event {
	int64_t on, at, amount;
	const char *kind, *detail, *actor; /* valid during the callback */
};
int store_case_event_add(struct store *s, int64_t case_id, int64_t region,
			 const struct case_event *e);
int store_case_events(struct store *s, int64_t case_id,
		      int (*cb)(void *ctx, const struct case_event *e), void *ctx);

/* A payment made through the case (ledgered: lseq is its entry); case.paid grows by it. */
struct case_payment {
	const char *who, *txn_id, *source, *receipt;
	int64_t amount, paid_on, lseq;
};
int store_case_payment_add(struct store *s, int64_t case_id, int64_t region,
			   const struct case_payment *p);
int store_case_payments(struct store *s, int64_t case_id,
			int (*cb)(void *ctx, const struct case_payment *p), void *ctx);

/* Which cases a list shows. */
struct case_filter {
	bool open_only;    /* received or accepted */
	int scope_role;    /* SCOPE_* of store/project.h */
	const char *scope; /* region prefix, USCC or ID number for the role */
	const char *employer, *project, *status, *channel; /* NULL: any */
};
/* Calls cb for each case passing f, by number. */
int store_case_list(struct store *s, const struct case_filter *f,
		    int (*cb)(void *ctx, const struct case_row *c), void *ctx);

/* Cases as the other systems see them (links/relief.c). */
/* How many cases about project (code, or NULL) or against uscc (or NULL) were open on day:
 * received by then and neither rejected nor closed by then. */
int store_case_open_count(struct store *s, const char *project, const char *uscc, int64_t day,
			  int64_t *n);
int store_case_substantiated_in(struct store *s, const char *uscc, int64_t from, int64_t to,
				bool *yes);
int store_case_has_worker(struct store *s, const char *number, const char *id_number, bool *yes);
/* Progress within a region prefix ("" all) and window: cases closed in [from, to], paid
 * through cases in the window, distinct workers paid, cases open now. */
int store_case_progress(struct store *s, const char *region, int64_t from, int64_t to,
			int64_t *closed, int64_t *recovered, int64_t *workers, int64_t *open);

/* What the registry says about a respondent: the project's region (-1 when no such
 * project, or project NULL/""), the enterprise's region and name (-1, "" when not
 * registered). */
int store_case_respondent(struct store *s, const char *project, const char *employer,
			  int64_t *project_region, int64_t *employer_region, char *name, size_t n);

/* The name of project code into out ("" when none). */
int store_project_name(struct store *s, const char *project, char *out, size_t n);
/* The contractor's USCC of project code into out ("" when no such project). */
int store_project_contractor(struct store *s, const char *project, char *out, size_t n);

/* What joint liability (Arts 29–31, 36) is computed from, for employer on project. */
struct liability_facts {
	char owner[24], contractor[24];
	char owner_name[256], contractor_name[256];
	int64_t contract_value, allocated; /* fen; allocations dated on or before as_of */
	bool subcontract;                  /* employer has a registered subcontract on it */
	int64_t sub_value;                 /* its contract value */
	int64_t nlc_id, nlc_first_seen;    /* the earliest NO_LABOR_COST warning first seen on
					    * or before as_of; 0, -1 none */
	int64_t nlc_amount;
};
/* WG_ENOTFOUND when there is no such project. */
int store_liability_facts(struct store *s, const char *project, const char *employer, int64_t as_of,
			  struct liability_facts *out);

/* link_complaints_by_project (domain/links.h) over the cases table. */
int store_case_complaints(struct store *s, int64_t from, int64_t to,
			  int (*cb)(void *ctx, int64_t project_id, int64_t cases, int64_t claimed),
			  void *ctx);

/* The case a platform lead became (WG_ENOTFOUND: not imported yet), and recording it. */
int store_case_lead_get(struct store *s, const char *lead_id, char number[CASE_NUMBER_SZ]);
int store_case_lead_put(struct store *s, const char *lead_id, const char *number);

/* What government accountability (SPEC §11) counts, one case at a time: cases received in
 * [from, to] within the region prefix ("" all), with what was paid through each on or before
 * to. Days -1 where not happened. */
struct case_clock_row {
	int64_t region, received, accept_by, accepted, rejected, conclude_by, closed;
	int64_t claimed, paid;
};
int store_case_clock_rows(struct store *s, const char *region, int64_t from, int64_t to,
			  int (*cb)(void *ctx, const struct case_clock_row *r), void *ctx);
/* Open red warnings per region (the warning's region), within the prefix. */
int store_red_warnings_by_region(struct store *s, const char *region,
				 int (*cb)(void *ctx, int64_t region, int64_t n), void *ctx);

/* The monitoring records of a worker on a project, for a criminal referral dossier, each with
 * its latest ledger entry (lseq): kind "payroll" (period, employer, days, gross, deductions,
 * net), "payment" (txn_id, period, amount, paid_on, status), "attendance" (date, hours in
 * hundredths). Text valid during the callback. */
struct dossier_record {
	const char *kind, *text1, *text2; /* payroll: employer; payment: txn_id, status */
	int64_t day, period, a, b, c, d, lseq;
};
int store_dossier_records(struct store *s, const char *project, const char *id_number,
			  int (*cb)(void *ctx, const struct dossier_record *r), void *ctx);
/* Whether a CRIMINAL_THRESHOLD warning naming uscc is open. */
int store_criminal_open(struct store *s, const char *uscc, bool *yes);

/* ---- numbered documents ---- */
struct document_row {
	int64_t id, region, year, seq, case_id;
	char number[96];
	char kind[32];
	char addressee[24];
	int64_t issued, deadline, amount, status_on;
	char status[16];
	const char *body; /* JSON text, or NULL; on read valid until the store's next call */
	char issued_by[64];
};
/* Inserts d (d->id receives the row id). */
int store_document_insert(struct store *s, struct document_row *d);
int store_document_get(struct store *s, const char *number, struct document_row *out);
int store_document_get_id(struct store *s, int64_t id, struct document_row *out);
int store_document_set_status(struct store *s, int64_t id, const char *status, int64_t on);
/* A service record (送达回证) of a document. */
struct document_service {
	const char *method, *recipient, *note, *recorded_by; /* valid during the callback */
	int64_t served_on;
};
int store_document_service_add(struct store *s, int64_t document_id, int64_t region,
			       const struct document_service *v);
int store_document_services(struct store *s, int64_t document_id,
			    int (*cb)(void *ctx, const struct document_service *v), void *ctx);
/* Documents within a role's scope (regulator: region prefix, enterprise: addressed to it),
 * newest first; kind NULL: any. */
int store_documents_list(struct store *s, int scope_role, const char *scope, const char *kind,
			 int (*cb)(void *ctx, const struct document_row *d), void *ctx);

/* The inspection tasks red warnings opened (SPEC §5), within a regulator's region prefix
 * ("" all), open only or all, newest first. */
struct inspection_task {
	int64_t id, region, opened_on, warning_id, level, amount, first_seen;
	const char *status, *rule, *project, *project_name, *employer, *employer_name;
	int64_t resolved_on; /* of the warning, -1 open */
};
int store_inspection_tasks(struct store *s, const char *region, bool open_only,
			   int (*cb)(void *ctx, const struct inspection_task *t), void *ctx);
int store_documents_of_case(struct store *s, int64_t case_id,
			    int (*cb)(void *ctx, const struct document_row *d), void *ctx);

/* ---- intake queues the cases take over ---- */
struct pending_complaint {
	int64_t id, region, claimed, received;
	const char *channel, *name, *phone, *id_number, *project, *employer, *description;
};
/* Complaints still 'received' (no case yet), oldest first. Text valid during the callback;
 * the callback must not call the store (the rows are read first, then handed over). */
int store_complaints_pending(struct store *s,
			     int (*cb)(void *ctx, const struct pending_complaint *c), void *ctx);
int store_complaint_set_case(struct store *s, int64_t id, const char *status, const char *number);

struct pending_dispute {
	int64_t id, region, period, claimed, at;
	const char *project, *id_number, *reason, *name, *phone, *employer;
};
/* Disputes waiting for a case (confirmations.case_status 'open'). As above. */
int store_disputes_pending(struct store *s, int (*cb)(void *ctx, const struct pending_dispute *d),
			   void *ctx);
int store_dispute_set_case(struct store *s, int64_t id, const char *number);

/* The calendar (SPEC §3) into cal: holidays and festivals as 'H', make-up days as 'W'; the
 * festival days (正月初一) into fest, ascending, at most max, *nfest how many. */
int store_calendar_load(struct store *s, struct calendar *cal, int32_t *fest, size_t max,
			size_t *nfest);
#endif
