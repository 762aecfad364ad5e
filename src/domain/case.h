/* case.h — complaint cases on the statutory clock (SPEC §3, §11; issue 12): intake from every
 * channel (joining an open case of the same workers, employer and project), acceptance or
 * rejection within 5 working days of receipt, conclusion within 60 of acceptance, one
 * extension to the 30th working day after the original deadline, orders to pay with their
 * numbered documents, payments through a case (ledgered), outcomes, and the events the other
 * systems act on (domain/links.h). Every operation is one store transaction; errors come back
 * as catalogue messages (msg/relief.def). Never prints. */
#ifndef WG_CASE_H
#define WG_CASE_H
#include <stdbool.h>
#include <stdint.h>

#include "store/case.h"
#include "store/store.h"
#include "util/date.h"
#include "util/msg.h"

/* The channels and outcomes, by the names the database and the API keep. */
extern const char *const case_channels[]; /* hotline walkin web platform dispute tipoff */
extern const char *const case_outcomes[]; /* paid mediation decision arbitration police
					    * no_violation */
bool case_channel_ok(const char *name);
bool case_outcome_ok(const char *name);

/* The clock's settings (config keys relief.*, SPEC §11 defaults) and the calendar. */
struct case_clock {
	int accept_days, conclude_days, extend_days;
	int surcharge_percent; /* 50–100 (Art 26), default 50 */
	struct calendar cal;
	int32_t fest[64]; /* the festival days (正月初一), ascending */
	size_t nfest;
};
/* The clock's configuration keys (relief.*): name, default, what it means, allowed range. */
struct case_config_key {
	const char *key, *fallback, *help;
	int lo, hi;
};
extern const struct case_config_key case_config_keys[];
extern const int case_config_nkeys;
bool case_config_owns(const char *key);
/* 0, or WG_EINPUT with the reason in err (English, for the operator's CLI). */
int case_config_check(const char *key, const char *value, char *err, size_t errsz);

/* Loads settings and calendar. Release with case_clock_release. */
int case_clock_load(struct store *s, struct case_clock *k);
void case_clock_release(struct case_clock *k);
/* The N-th working day strictly after day (SPEC §3). */
int32_t case_deadline(const struct case_clock *k, int32_t day, int n);
/* The first festival day on or after day, or -1 when the calendar has none. */
int32_t case_next_festival(const struct case_clock *k, int32_t day);

/* Where a case stands on day as_of: the deadline that runs (acceptance while received,
 * conclusion while accepted; -1 when closed or rejected), working days left to it (0 on the
 * deadline day; negative: working days late), and whether it is overdue (as_of after it). */
struct case_standing {
	int32_t deadline;
	const char *step; /* "accept", "conclude" or NULL */
	int remaining;
	bool overdue;
	bool order_overdue;   /* an order's deadline passed with the order neither met nor
			     * declared ignored */
	int days_to_festival; /* calendar days to the next festival, -1 none */
	int64_t priority;     /* the priority queue's points (case_priority) */
};
void case_standing_of(const struct case_clock *k, const struct case_row *c, int32_t as_of,
		      struct case_standing *out);

/* One complainant's claim at intake. */
struct case_claim {
	const char *id_number; /* resident ID, or NULL/"" when not known (public form) */
	const char *name, *phone;
	int64_t amount; /* fen */
};

struct case_intake {
	const char *channel;
	const char *employer;      /* USCC of the respondent */
	const char *employer_name; /* when the employer is not registered, or NULL */
	const char *project;       /* project code, or NULL/"" */
	int64_t region;            /* 0: the project's, else the employer's */
	int32_t received;
	const char *description;
	const struct case_claim *claims;
	int nclaims;
	const char *source; /* what a claim restates ("dispute:P:2026-05"), NULL: the channel */
	const char *reporter_name, *reporter_phone; /* tip-offs */
	bool anonymous;
	const char *actor; /* user, or NULL for the system */
};

/* Opens a case, or adds the claims to the open case of the same employer and project that
 * one of the complainants is already on (tip-offs always open their own). number receives
 * the case's number, *joined whether it joined. case_intake runs its own transaction;
 * case_intake_tx runs in the caller's. */
int case_intake(struct store *s, const struct case_intake *in, char number[CASE_NUMBER_SZ],
		bool *joined, struct msg *err);
int case_intake_tx(struct store *s, const struct case_clock *k, const struct case_intake *in,
		   char number[CASE_NUMBER_SZ], bool *joined, struct msg *err);

/* Imports leads of the national arrears-lead platform (docs/formats.md): one row per worker,
 * the rows of one lead_id one case (channel platform unless the row says otherwise; a
 * `rejected` day records a rejection at acceptance, for registers carried over). Atomic:
 * every problem goes to report as FILE:LINE: column 'NAME': message and nothing is stored. A
 * lead_id imported before is left alone. Returns 0, WG_EINPUT (problems reported) or a
 * wg_status. */
typedef void case_import_report_fn(void *ctx, const char *file, long line, const char *col,
				   const struct msg *m);
struct case_import_stats {
	int leads, opened, joined, known;
};
int case_import(struct store *s, const char *path, case_import_report_fn *report, void *ctx,
		struct case_import_stats *st);

/* case_reject in the caller's transaction. */
int case_reject_tx(struct store *s, const char *number, int32_t on, const char *reason,
		   const char *actor, struct msg *err);

/* Takes every complaint still waiting in the complaints table and every payroll dispute still
 * waiting for a case into cases (in the caller's transaction); *n how many. A complaint whose
 * respondent cannot be told (no employer, no known project) stays waiting. */
int case_adopt_tx(struct store *s, const struct case_clock *k, int *n, struct msg *err);
/* Stores a complaint from the public form or a worker's page (store/complaint.h) and takes
 * it into a case in the same transaction; number receives the case's number, "" when the
 * complaint names no respondent the platform can tell (it waits for the regulator). */
struct complaint;
int case_from_complaint(struct store *s, struct complaint *c, char number[CASE_NUMBER_SZ],
			struct msg *err);
/* The same in a transaction of its own. */
int case_adopt(struct store *s, int *n, struct msg *err);

/* The steps. Each checks the case's state, records a timeline event, and commits. */
int case_accept(struct store *s, const char *number, int32_t on, const char *actor,
		struct msg *err);
int case_reject(struct store *s, const char *number, int32_t on, const char *reason,
		const char *actor, struct msg *err);
int case_extend(struct store *s, const char *number, int32_t on, const char *reason,
		const char *actor, struct msg *err);
/* Issues the order to pay (限期改正指令书) with a numbered document: the outstanding claims
 * (claimed − paid) by deadline. doc receives the document's number. Substantiates the case. */
int case_order(struct store *s, const char *number, int32_t on, int32_t deadline, const char *actor,
	       char doc[96], struct msg *err);
/* The regulator finds on day on (after the deadline) that the order was not met: the
 * surcharge (relief.surcharge_percent of what is still owed) is added, LINK_ORDER_IGNORED
 * (the deposit pays, credit −20) and LINK_LIST_PROPOSE are emitted. */
int case_order_ignored(struct store *s, const char *number, int32_t on, const char *actor,
		       struct msg *err);
/* Records a payment to a complainant through the case, in the ledger (kind case_payment);
 * receipt receives its receipt code (wageguard ledger check). */
int case_pay(struct store *s, const char *number, const char *id_number, int64_t amount, int32_t on,
	     const char *txn_id, const char *actor, char receipt[48], struct msg *err);
/* Concludes an accepted case with outcome on day on; amount: the agreed (mediation) or
 * decided amount, 0 for the outstanding claims. paid needs the claims paid in full. */
int case_close(struct store *s, const char *number, const char *outcome, int32_t on, int64_t amount,
	       const char *actor, struct msg *err);
/* Records that the employer has absconded (跑路), a ground for criminal referral. */
int case_absconded(struct store *s, const char *number, int32_t on, const char *actor,
		   struct msg *err);

/* The case with this number (adopting waiting complaints first is the caller's choice).
 * WG_ENOTFOUND with err set when none. */
int case_get(struct store *s, const char *number, struct case_row *out, struct msg *err);

/* A case as JSON (the CLI's `case show --json`, the API): number, status, channel,
 * employer, project, region, received, accept_by, accepted, rejected, conclude_by,
 * remaining_working_days, overdue, claimed (two-decimal strings for money), complainants,
 * order, events, documents. flags: CASE_JSON_REVEAL shows ID numbers and phones in full,
 * CASE_JSON_REPORTER a tip-off's reporter (the caller logs who saw it: case_reporter_seen),
 * CASE_JSON_BRIEF leaves out complainants, events and documents (lists). NULL on out of
 * memory or a store failure. */
#define CASE_JSON_REVEAL 1
#define CASE_JSON_REPORTER 2
#define CASE_JSON_BRIEF 4
struct json_t;
struct json_t *case_json(struct store *s, const struct case_clock *k, const struct case_row *c,
			 int32_t as_of, int flags);
/* Records in the case's timeline that actor saw a tip-off's reporter (SPEC §11). */
int case_reporter_seen(struct store *s, const char *number, const char *actor, struct msg *err);

/* Who owes what for case number (Arts 29–31, 36 of Decree 724), as of day as_of:
 * {"case", "owed", "parties":[{"uscc","name","role":"employer"|"general_contractor"|
 * "construction_unit","owes","recovery_from","basis","records":[…]}]}, the basis in lang —
 * docs/relief.md
 * gives the rules. Caller owns *out. */
int case_liability(struct store *s, const char *number, int32_t as_of, enum msg_lang lang,
		   struct json_t **out, struct msg *err);

/* Government accountability (SPEC §11): per region (the region codes cut to depth digits:
 * 2 province, 4 city, 6 district) for the cases received in [from, to], as of to: on-time
 * acceptance rate (accepted or rejected by accept_by, over those decided or past accept_by),
 * on-time conclusion rate (closed by conclude_by, over accepted cases closed or past it),
 * recovered over claimed (paid through the cases by to), open red warnings now; ranked by
 * the mean of the three rates (a rate with nothing to measure counts as met), then by fewer
 * red warnings; a region below a threshold (config relief.accountability.accept|conclude|
 * recovery, per cent, defaults 90, 90, 50) is flagged. {"from","to","depth","thresholds",
 * "regions":[{"rank","region","cases","accepted_in_time","accept_due","accept_rate",
 * "concluded_in_time","conclude_due","conclude_rate","claimed","recovered","recovery_rate",
 * "red_warnings","score","flagged","below":[…]}]}; rates are two-decimal per-cent strings or
 * null. Caller owns *out. */
int case_accountability(struct store *s, const char *region, int32_t from, int32_t to, int depth,
			struct json_t **out);

/* Produces the orders of the liability split (case_liability as of on): one numbered
 * document of kind liability_order to each party owing something — the general contractor,
 * the construction unit (the employer's own order is the case's order to pay) — with the rule
 * and records behind its amount, due by deadline. *issued receives [{"number","uscc","role",
 * "owes"}]. One transaction. */
int case_liability_orders(struct store *s, const char *number, int32_t on, int32_t deadline,
			  const char *actor, struct json_t **issued, struct msg *err);

/* The criminal referral dossier of case number (SPEC §11): allowed when the employer has
 * absconded, or when the case's order to pay was found ignored and a CRIMINAL_THRESHOLD
 * warning naming the employer is open (WG_EINPUT otherwise). The case, complainants, each
 * one's payroll lines, payments and attendance on the project, payments through the case,
 * documents and their service, every record with its ledger receipt code. Caller owns *out.
 * case_dossier_doc draws it as a printable Chinese document (render/doc.h). */
int case_dossier(struct store *s, const char *number, struct json_t **out, struct msg *err);
struct doc;
int case_dossier_doc(struct json_t *j, struct doc *d);

/* The priority queue's points: amount (1 per 1,000.00 outstanding, at most 100), workers
 * (5 each, at most 100) and the Spring Festival (100 − days to it, when within 100 days). */
int64_t case_priority(const struct case_row *c, int days_to_festival);
#endif
