/* campaign.h — campaigns (SPEC §10): a named scope of regions and industries with dates (the
 * winter campaign's from the calendar's festival row), a target list built into the
 * screening register (排查台账) from open warnings, open cases, C/D grades and projects due
 * for settlement, entries screened (cause, responsible unit) and cleared and closed (销号)
 * only with evidence, the live progress report per region and over time, its XLSX export,
 * and typical cases published. Never prints; errors as catalogue messages. */
#ifndef WG_CAMPAIGN_H
#define WG_CAMPAIGN_H
#include <jansson.h>
#include <stdint.h>

#include "store/store.h"
#include "store/supervision.h"
#include "util/msg.h"

/* Industries a campaign may cover: SPEC §4's construction industries and the others the
 * winter clean-up also covers. Causes of the register (SPEC §10), "pending" until screened.
 * Sources of an entry. NULL-terminated. */
extern const char *const sv_industries[];
extern const char *const sv_causes[];
extern const char *const sv_sources[];

struct sv_campaign_request {
	const char *name;       /* NULL: the winter campaign's name from its year */
	const char *kind;       /* "winter" or "special" */
	const char *region;     /* the owning region code prefix */
	const char *regions;    /* comma-separated prefixes; NULL: region */
	const char *industries; /* comma-separated; NULL: all */
	int32_t from, to;       /* -1: winter defaults (festival row) */
	int32_t today;
	const char *actor;
};

/* How many targets each source added. */
struct sv_target_counts {
	int warnings, cases, grades, settlement;
};

/* Starts a campaign and builds its target list in one transaction. Winter defaults: it
 * ends the day before the first Spring Festival (calendar row `festival`) after today and
 * starts on 15 November before it, or today when later. */
int sv_campaign_start(struct store *s, const struct sv_campaign_request *r, int64_t *id,
		      struct sv_target_counts *counts, struct msg *err);
/* Adds the targets found on day that are not yet in the register (idempotent). */
int sv_campaign_targets(struct store *s, int64_t id, int32_t day, struct sv_target_counts *counts,
			struct msg *err);

/* An entry found by screening (source "screening" or "tip"). */
int sv_register_add(struct store *s, int64_t campaign, struct sv_entry *e, struct msg *err);
/* What screening found: cause (sv_causes), responsible unit, amount, workers (NULL / -1
 * keeps). */
int sv_register_update(struct store *s, int64_t id, const char *cause, const char *responsible,
		       int64_t amount, int64_t workers, struct msg *err);
/* Clears and closes an entry on day, with evidence: payments (txn ids with status ok, of the
 * entry's project when it names one) or a concluded case against the entry's enterprise.
 * Refused without either. */
int sv_register_clear(struct store *s, int64_t id, int32_t day, const char *const *payments,
		      size_t npayments, const char *case_number, struct msg *err);

/* The live progress of a campaign on day as JSON (caller json_decref): the campaign, days
 * left, totals, per region (its prefixes and the districts of its register), and a weekly
 * series from its start. */
int sv_campaign_progress(struct store *s, int64_t id, int32_t day, json_t **out, struct msg *err);
/* The periodic report as an XLSX workbook at path: progress per region, the register, the
 * weekly series, typical cases. */
int sv_campaign_report(struct store *s, int64_t id, int32_t day, const char *path, struct msg *err);
/* Publishes a typical case of a campaign. */
int sv_typical_publish(struct store *s, int64_t campaign, const char *title, const char *summary,
		       const char *case_number, int32_t day, const char *actor, int64_t *id,
		       struct msg *err);
#endif
