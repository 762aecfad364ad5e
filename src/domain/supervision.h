/* supervision.h — the rules of supervision and inspection (SPEC §10, issue 15): inspections
 * (routine, complaint-driven, warning-driven, special) with their inspectors and checklist
 * findings, declared conflicts of interest, rectification orders with deadlines, their
 * escalation when a deadline passes unmet (links: LINK_RECTIFY_OVERDUE, LINK_LIST_PROPOSE),
 * and the random draw over the store (the algorithm itself is domain/draw.h). Never prints;
 * every multi-step action is one store transaction; errors as catalogue messages. */
#ifndef WG_SUPERVISION_H
#define WG_SUPERVISION_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/supervision.h"
#include "util/msg.h"

/* The kinds of inspection and the checklist (Decree 724): real-name registration, the
 * dedicated wage account, payment through the bank to each worker's own card, payroll kept
 * 3 years, the rights notice board posted, the wage deposit lodged. NULL-terminated. */
extern const char *const sv_kinds[];
extern const char *const sv_items[];
extern const char *const sv_results[]; /* yes no na */
int sv_kind_ok(const char *kind);
int sv_item_ok(const char *item);

/* An inspector's conflict of interest with an enterprise (declared by the inspector or the
 * office): the draw never assigns the inspector to it, nor may an inspection name them. */
int sv_conflict_declare(struct store *s, const char *inspector, const char *uscc,
			const char *reason, int32_t day, const char *actor, int64_t *id,
			struct msg *err);

struct sv_new_inspection {
	const char *kind; /* sv_kinds */
	const char *uscc; /* the target; may be NULL for complaint (the case's respondent) and
			     warning (the warning's employer, else the project's contractor) */
	const char *project, *case_number, *note, *actor;
	int64_t task_id, campaign_id, draw_id; /* 0 none */
	int32_t planned_on;                    /* -1 none */
	int32_t inspected_on;                  /* -1: planned, not yet done */
	const char *const *inspectors;
	size_t ninspectors;
	const struct sv_finding *findings;
	size_t nfindings;
};
/* At least SV_MIN_INSPECTORS inspectors (Labour Security Supervision Regulations Art 16). */
#define SV_MIN_INSPECTORS 2
/* Records an inspection (planned, or done with its findings) in one transaction; *id. A
 * warning-driven inspection closes its task when done. WG_EINPUT / WG_ENOTFOUND with err. */
int sv_inspection_add(struct store *s, struct sv_new_inspection *in, int64_t *id, struct msg *err);
/* Completes planned inspection id on day with its findings. */
int sv_inspection_record(struct store *s, int64_t id, int32_t day, const struct sv_finding *f,
			 size_t nf, const char *note, struct msg *err);

struct sv_new_order {
	int64_t inspection_id;
	const char *items; /* what to rectify */
	int64_t amount;    /* fen of wages to pay (0 none) */
	int64_t workers;
	int mass_incident; /* the arrears caused a mass incident (Order 45) */
	int32_t issued_on;
	int32_t deadline; /* -1: from days */
	int days;         /* working days after issued_on (SPEC §3), when deadline is -1 */
	const char *actor;
};
/* Issues a rectification order to a done inspection's target: the next number of its
 * region and year into number (n bytes). */
int sv_order_issue(struct store *s, const struct sv_new_order *o, char *number, size_t n,
		   struct msg *err);
/* Records compliance with order number on day, with evidence (required). */
int sv_order_comply(struct store *s, const char *number, int32_t day, const char *evidence,
		    struct msg *err);
/* The state of an order on day: "open", "complied", "complied_late", "overdue". */
const char *sv_order_state(const struct sv_order *o, int32_t day);

/* Escalates every order whose deadline passed unmet before as_of and was not escalated:
 * LINK_RECTIFY_OVERDUE (credit's event, the deposit's activation) and, when the arrears
 * reach the criminal threshold (an open CRIMINAL_THRESHOLD warning) or caused a mass
 * incident and are still unpaid, LINK_LIST_PROPOSE (Order 45). One transaction. */
int sv_escalate(struct store *s, int32_t as_of, int *escalated, int *proposed, struct msg *err);

/* The draw over the store: candidates the enterprises of region prefix with their credit
 * grade's weight on day (links.h link_grade), the roster the region's regulators unless
 * roster is given, the standing declared conflicts; the seed recorded first, then the
 * draw, its document stored and published, and each drawn target a planned inspection
 * (special with a campaign, else routine) with its drawn inspectors. *doc receives the
 * document (caller json_decref), *draw_id the draw. */
struct sv_draw_request {
	const char *region; /* prefix */
	int64_t campaign_id;
	const char *seed;
	int n, k;
	int32_t day;
	const char *const *roster; /* NULL: the region's regulators */
	size_t nroster;
	const char *actor;
};
int sv_draw(struct store *s, const struct sv_draw_request *r, json_t **doc, int64_t *draw_id,
	    struct msg *err);
/* ---- as JSON (domain/sv_json.c): the CLI's --json and the API's shape ---- */
json_t *sv_json_inspection(struct store *s, const struct sv_inspection *in, bool findings);
json_t *sv_json_order(const struct sv_order *o, int32_t today);
json_t *sv_json_entry(const struct sv_entry *e);
/* Store callbacks appending one JSON object to the array ctx. */
int sv_json_conflict_row(void *ctx, const struct sv_conflict *c);
int sv_json_roster_row(void *ctx, const char *name, const char *display);
int sv_json_finding_row(void *ctx, const struct sv_finding *f); /* ctx: an object by item */
int sv_json_inspection_row(void *ctx, const struct sv_inspection *in);
int sv_json_task_row(void *ctx, const struct sv_task *t);
int sv_json_compliance_row(void *ctx, const char *key, int64_t yes, int64_t no, int64_t n);
int sv_json_draw_row(void *ctx, const struct sv_draw *d);
int sv_json_campaign_row(void *ctx, const struct sv_campaign *c);
int sv_json_entry_row(void *ctx, const struct sv_entry *e);
#endif
