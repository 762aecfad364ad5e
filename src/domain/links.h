/* links.h — how the six systems reach each other without reading each other's tables.
 *
 * Two kinds of link, both written once here so that each system is built on its own:
 *
 * - Facts: questions one system answers for the others ("is this enterprise on the
 *   dishonest list on day D", "was a substantiated case received against it in a window").
 *   Each fact is implemented by the system that owns the data, in src/domain/links/<system>.c,
 *   over that system's store header. A consumer calls the fact and never the owner's tables.
 *
 * - Events: something happened that other systems act on (an order to pay was ignored, a
 *   deposit was activated). The system where it happened calls links_emit inside its own
 *   store transaction; links_emit hands the event to every system's handler
 *   (links_<system>_on, in the same files) in that transaction, so the emitter's write and
 *   every reaction commit together or not at all. A handler that fails returns a wg_status
 *   and the emitter rolls back.
 *
 * Days are day numbers (util/date.h); money is integer fen; USCCs and project codes are the
 * SPEC §3 identifiers. A fact returns 0 or a negative wg_status. */
#ifndef WG_LINKS_H
#define WG_LINKS_H
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/msg.h"

/* ---- events ---- */

enum link_kind {
	/* relief (SPEC §11): a case concluded with a substantiated outcome (SPEC §9: paid,
	 * mediation with an amount, order to pay, decision); amount = the arrears it found */
	LINK_CASE_SUBSTANTIATED = 1,
	/* relief: the deadline of an order to pay passed unmet; workers = who is owed what.
	 * Deposit activates (SPEC §7), credit records −20 (SPEC §9). */
	LINK_ORDER_IGNORED = 2,
	/* relief: a case closed (any outcome); the fund recovers its advances (SPEC §8) */
	LINK_CASE_CLOSED = 3,
	/* relief or supervision: the enterprise meets Order 45's conditions; credit opens a
	 * listing proposal for the regulator's decision (SPEC §9) */
	LINK_LIST_PROPOSE = 4,
	/* deposit (SPEC §7): the deposit paid workers; credit records −15 */
	LINK_DEPOSIT_ACTIVATED = 5,
	/* supervision (SPEC §10): a rectification order's deadline passed unmet */
	LINK_RECTIFY_OVERDUE = 6,
};

struct link_worker {
	const char *id_number; /* resident ID (SPEC §3) */
	int64_t amount;        /* fen */
};

struct link_event {
	enum link_kind kind;
	const char *uscc;    /* the enterprise it is about */
	const char *project; /* project code, or NULL (employers outside construction) */
	const char *ref;     /* the emitter's record: case number, order number, deposit id */
	int64_t region;      /* administrative division code of the emitter's record */
	int32_t on;          /* the day it happened */
	int64_t amount;      /* fen: arrears found, paid, … (0 when none) */
	const struct link_worker *workers;
	int nworkers;
	const char *reason; /* free text the emitter recorded (a listing's grounds), or NULL */
	const char *actor;  /* the user who caused it, or NULL for the system */
};

/* Hands e to every system's handler, in the caller's transaction. Returns 0, or the first
 * handler's failure (its message in err) — the caller then rolls back. */
int links_emit(struct store *s, const struct link_event *e, struct msg *err);
const char *link_kind_name(enum link_kind k); /* "case.substantiated", … (logs, timelines) */

/* Each system's handler (in src/domain/links/<system>.c); an event it does not act on
 * returns 0. */
int links_relief_on(struct store *s, const struct link_event *e, struct msg *err);
int links_deposit_on(struct store *s, const struct link_event *e, struct msg *err);
int links_credit_on(struct store *s, const struct link_event *e, struct msg *err);
int links_supervision_on(struct store *s, const struct link_event *e, struct msg *err);

/* ---- facts relief answers (src/domain/links/relief.c) ---- */

/* Whether a substantiated case (SPEC §9) against uscc was received in (from, to]. */
int link_substantiated_in(struct store *s, const char *uscc, int32_t from, int32_t to, bool *yes);

/* A case as the other systems see it: the fund advances to its workers, supervision opens
 * a complaint-driven inspection from it. */
struct link_case {
	char number[64];
	char uscc[24];
	char project[72]; /* "" when none */
	int64_t region;
	bool open;
	int nworkers;
	int64_t claimed; /* fen, all workers */
};
/* WG_ENOTFOUND when there is no such case. */
int link_case_get(struct store *s, const char *number, struct link_case *out);
/* Whether id_number is a complainant of case number (the fund pays only a case's workers). */
int link_case_has_worker(struct store *s, const char *number, const char *id_number, bool *yes);

/* How many cases about project (code; NULL: any) or against uscc are open on day (a
 * deposit is returned only when none is, SPEC §7). Asked by deposits; answered by relief. */
int link_open_cases(struct store *s, const char *project, const char *uscc, int32_t day, int *n);

/* What relief achieved in a scope and window (a campaign's live progress, SPEC §10): region
 * is a division code prefix ("" all); cases closed in [from, to], amount recovered (paid to
 * workers through cases), distinct workers paid. */
struct link_relief_progress {
	int64_t cases_closed, recovered, workers_paid, cases_open;
};
int link_relief_progress(struct store *s, const char *region, int32_t from, int32_t to,
			 struct link_relief_progress *out);

/* The open cases (not concluded) of region prefix ("" all), by number: a campaign's target
 * list takes them (SPEC §10). Declared by supervision; relief answers it. */
int link_open_cases_each(struct store *s, const char *region,
			 int (*cb)(void *ctx, const struct link_case *c), void *ctx);
/* The cases SPEC §5's COMPLAINTS rule counts, per project: received on a day in [from, to],
 * tip-offs left out, and those rejected at acceptance on or before to left out. cb gets the
 * project's row id, how many cases and their Σ claimed (fen), in no particular order; it
 * must not call the store. */
int link_complaints_by_project(struct store *s, int32_t from, int32_t to,
			       int (*cb)(void *ctx, int64_t project_id, int64_t cases,
					 int64_t claimed),
			       void *ctx);

/* ---- facts credit answers (src/domain/links/credit.c) ---- */

/* Whether uscc is on the dishonest-employer list on day (SPEC §9); *since = the listing's
 * day when listed. */
int link_listed(struct store *s, const char *uscc, int32_t day, bool *listed, int32_t *since);
/* The grade of uscc on day: 'A' 'B' 'C' 'D' (SPEC §9); an enterprise with no credit event
 * has score 100, grade A. */
int link_grade(struct store *s, const char *uscc, int32_t day, char *grade);

/* ---- facts supervision answers (src/domain/links/supervision.c) ---- */

/* The day of the latest inspection of uscc on or before day; *found false when none. */
int link_last_inspection(struct store *s, const char *uscc, int32_t day, int32_t *last,
			 bool *found);

/* ---- facts deposit answers (src/domain/links/deposit.c) ---- */

/* Whether project has a deposit (cash or an unexpired guarantee) lodged on day. */
int link_deposit_lodged(struct store *s, const char *project, int32_t day, bool *yes);
#endif
