/* credit.h — wage-payment credit (SPEC §9, issue 14): each enterprise's credit file of
 * events with their sources, its score and grade as of any day (a fold of the events alone,
 * equal to the maintained file), classified supervision (who is due for a routine
 * inspection), and the dishonest-employer list of Order 45 (proposal, prior notice and the
 * enterprise's statement, decision, 3-year term, early removal). Never prints; problems are
 * messages of the catalogue (msg/credit.def). */
#ifndef WG_CREDIT_H
#define WG_CREDIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/credit.h"
#include "store/store.h"
#include "util/msg.h"

/* Points and periods, SPEC §9 defaults, configurable under credit.* */
struct credit_config {
	int64_t start, cap;                                  /* 100, never above 100 */
	int64_t red_month, cased, order, deposit, rectify;   /* points taken: 5 10 20 15 10 */
	int64_t bonus, bonus_months;                         /* +5 per 12 clean months */
	int64_t grade_a, grade_b, grade_c;                   /* 90 75 60 */
	int64_t interval[4];                                 /* months, A..D: 12 6 3 1 */
	int64_t list_months, removal_months, statement_days; /* 36, 6, 5 working days */
};

struct credit_config_key {
	const char *key, *fallback, *help;
};
extern const struct credit_config_key credit_config_keys[];
extern const int credit_config_nkeys;
/* Loads the defaults overridden by the store's configuration. WG_EINPUT with err set when
 * a stored value is out of range. */
int credit_config_load(struct store *s, struct credit_config *c, struct msg *err);
/* Whether value is acceptable for key (a credit.* key, a whole number in range). */
int credit_config_check(const char *key, const char *value, struct msg *err);

/* day plus months calendar months, the day of the month kept or, when the month is shorter,
 * its last day (2024-02-29 + 12 months = 2025-02-28). */
int32_t credit_add_months(int32_t day, int64_t months);
/* The grade of a score: 'D' when listed, else by the thresholds. */
char credit_grade(const struct credit_config *c, int64_t score, bool listed);
/* The routine inspection interval of a grade, in months. */
int64_t credit_interval(const struct credit_config *c, char grade);

/* One line of a file as of a day: an event, or a clean 12 months (kind "clean_period",
 * delta what it added under the cap). */
struct credit_line {
	int32_t on;
	int64_t delta, score, amount, period; /* score after the line; period -1 none */
	char kind[24], source[96], project[72];
};
struct credit_view {
	char uscc[24];
	int64_t score;
	char grade;
	bool listed;
	int32_t listed_since;
	struct credit_line *lines;
	size_t n, alloc;
};
/* The file of uscc as of day: every event dated on or before it and each clean 12 months
 * earned by then, the score and grade. lines NULL: the score only. Caller releases with
 * credit_view_release. */
int credit_view(struct store *s, const struct credit_config *c, const char *uscc, int32_t day,
		bool lines, struct credit_view *out);
void credit_view_release(struct credit_view *v);

/* Records event e of an enterprise's file and keeps its maintained file, in the caller's
 * transaction; *added false when that source was already counted. */
int credit_record(struct store *s, const struct credit_config *c, const struct credit_event *e,
		  bool *added);
/* Derives the red-month events (SPEC §9) from the stored warnings, in a transaction of its
 * own; *added how many new. Run after each recorded scan. */
int credit_sync(struct store *s, const struct credit_config *c, int64_t *added);
/* credit_sync with the store's configuration, after a recorded scan. */
int credit_sync_scan(struct store *s);
/* Recomputes every maintained file from the events alone; cb is told each enterprise whose
 * maintained file differs (maintained NULL: missing). fix: rewrite them. *checked: files
 * recomputed. */
int credit_rebuild(struct store *s, const struct credit_config *c, bool fix,
		   int (*cb)(void *ctx, const struct credit_file *rebuilt,
			     const struct credit_file *maintained),
		   void *ctx, int64_t *checked);

/* An enterprise's standing on a day, for the grade list and the due list. */
struct credit_row {
	const char *uscc, *name; /* name NULL when not in the registry */
	int64_t region, score;
	char grade;
	bool listed;
	/* due list only: the routine interval, the last inspection (-1 none) and the day the
	 * next one falls due (-1: never inspected, due now) */
	int64_t interval, last, due_on;
};
/* Every registered enterprise whose region starts with region (NULL/"": all), and every
 * other enterprise with credit events there, by USCC, with score and grade on day. */
int credit_grades(struct store *s, const struct credit_config *c, int32_t day, const char *region,
		  int (*cb)(void *ctx, const struct credit_row *r), void *ctx);
/* The enterprises due for a routine inspection on day (SPEC §9 classified supervision):
 * never inspected, or the last inspection plus the grade's interval is on or before day.
 * all: every enterprise, due or not. By due day (never inspected first), then USCC. */
int credit_due(struct store *s, const struct credit_config *c, int32_t day, const char *region,
	       bool all, int (*cb)(void *ctx, const struct credit_row *r), void *ctx);

/* ---- the dishonest-employer list (Order 45) ---- */

struct credit_proposal {
	const char *uscc, *grounds; /* "criminal_threshold" | "mass_incident" */
	int32_t on, deadline;       /* proposed on; the regulator's payment deadline, passed */
	int64_t amount, workers;    /* wages withheld, workers owed */
	int64_t region;             /* of an enterprise not in the registry (a referral) */
	const char *reason, *source, *legal_rep, *responsible, *actor;
};
/* Opens a listing proposal. Checks the grounds (a recorded CRIMINAL_THRESHOLD warning, or
 * the mass incident described), that the deadline passed unpaid and that no procedure is
 * under way or in force. *id its number. */
int credit_list_propose(struct store *s, const struct credit_config *c,
			const struct credit_proposal *p, int64_t *id, struct msg *err);
/* The same in the caller's transaction, for a referral from another system (links):
 * grounds as the emitter names them, else "criminal_threshold" when such a warning is
 * recorded, else "referral"; nothing
 * when a procedure is already under way or in force. */
int credit_list_refer(struct store *s, const struct credit_config *c,
		      const struct credit_proposal *p, int64_t *id, struct msg *err);
/* Prior notice (告知) on day on: the enterprise may state its case (陈述申辩) until the
 * statement_days-th working day after it; *due receives that day. */
int credit_list_notify(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       const char *actor, int32_t *due, struct msg *err);
/* The enterprise's statement, received on on (at the latest on the due day). */
int credit_list_statement(struct store *s, int64_t id, int32_t on, const char *text,
			  struct msg *err);
/* The regulator's decision on on: after the statement period, or once the statement is in.
 * list: listed from on for list_months; else rejected. */
int credit_list_decide(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       bool list, const char *note, const char *actor, struct msg *err);
/* Early removal on request on day on (6 months after paying in full on paid_on, with a
 * written commitment), or with revoke the decision withdrawn (reason in commitment). */
int credit_list_remove(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       int32_t paid_on, const char *commitment, bool revoke, const char *actor,
		       struct msg *err);
/* "proposed", "notified", "rejected", "listed", "expired", "removed" as of day, or
 * "pending" for a listing decided after day. */
const char *credit_list_state(const struct credit_listing *l, int32_t day);

/* The public list (Order 45 publication) on day: each listing in force, with the
 * enterprise's registered name (NULL when not registered), by listing day, newest first.
 * region: a division code prefix (NULL/"": all). */
int credit_list_public(struct store *s, int32_t day, const char *region,
		       int (*cb)(void *ctx, const struct credit_listing *l, const char *name),
		       void *ctx);
/* Writes the public list on day to path as CSV or XLSX (enum table_format of
 * render/table.h): what Order 45 publishes and nothing more. WG_EIO with err. */
int credit_list_export(struct store *s, int32_t day, const char *region, int format,
		       const char *path, char *err, size_t errsz);
struct doc;
/* The enterprise credit report (信用报告) of uscc as of day, in Chinese: the enterprise, its
 * score and grade, the grade's history, every event with its source, its listing
 * procedures, how the score is made. WG_ENOMEM when the document cannot be built. */
int credit_report(struct store *s, const struct credit_config *c, const char *uscc, int32_t day,
		  struct doc *d);
/* Splits a ';'-joined list of names (responsible persons) calling cb for each. */
void credit_names(const char *joined, void (*cb)(void *ctx, const char *name, size_t n), void *ctx);
#endif
