/* fund.h — the emergency wage fund (SPEC §8): a fund per region (named by a 2-, 4- or 6-digit
 * code prefix) with top-ups and their source; applications by or for the workers of an open
 * case; approval by a regulator that reserves the money, so the fund can never go below zero,
 * also when approvals race; payment (recorded, ledgered); each advance a receivable from the
 * employer, recovered when the case settles or written off with a reason; statements per
 * fund, case and employer. Never prints; problems are catalogue messages. */
#ifndef WG_DOMAIN_FUND_H
#define WG_DOMAIN_FUND_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "render/doc.h"
#include "store/fund.h"
#include "store/store.h"
#include "util/msg.h"

/* Parses a fund's region code: 2, 4 or 6 digits with a real province. 0 or -1. */
int fund_code_parse(const char *s, int64_t *region);

/* The cap of one worker's advances on one case in region (6 digits): fund.<code>.cap, else
 * fund.cap, else one month of the region's minimum wage (region.<code>.minimum_wage), else
 * 2,000.00. source says which. */
int fund_cap(struct store *s, int64_t region, int64_t *cap, char *source, size_t n);

/* Each operation is one transaction and one ledger entry (kind "fund"); WG_EINPUT or
 * WG_ENOTFOUND with err otherwise. day is the operation's date; actor who did it (NULL: the
 * operator). */
int fund_topup(struct store *s, int64_t region, int64_t amount, const char *source, int32_t day,
	       const char *actor, struct msg *err);
/* A worker of an open case (or the case handler for him) applies; *id the application. */
int fund_apply(struct store *s, const char *case_ref, const char *id_number, int64_t amount,
	       const char *purpose, int32_t day, const char *applicant, int64_t *id,
	       struct msg *err);
/* A regulator approves (the amount is reserved) or rejects with a reason. */
int fund_approve(struct store *s, int64_t id, int32_t day, const char *regulator, struct msg *err);
int fund_reject(struct store *s, int64_t id, int32_t day, const char *regulator, const char *reason,
		struct msg *err);
/* The fund pays an approved application: an advance, a receivable from the employer. */
int fund_pay(struct store *s, int64_t id, int32_t day, const char *actor, struct msg *err);
/* Recovers amount (0: all that is outstanding) of the advances on case from its employer. */
int fund_recover(struct store *s, const char *case_ref, int64_t amount, int32_t day,
		 const char *actor, struct msg *err);
/* The same inside the caller's transaction (LINK_CASE_CLOSED); nothing outstanding is no
 * error. */
int fund_recover_tx(struct store *s, const char *case_ref, int64_t amount, int32_t day,
		    const char *actor, const char *source, struct msg *err);
/* Writes off amount (0: all outstanding) of the advances on case, with a reason. */
int fund_writeoff(struct store *s, const char *case_ref, int64_t amount, const char *reason,
		  int32_t day, const char *actor, struct msg *err);

/* A statement: the sums as two-decimal strings (balance = top-ups − advanced + recovered;
 * outstanding = advanced − recovered − written off) and, with moves, every movement. One of
 * region (fund), case_ref, uscc (employer; region 0: every fund). */
json_t *fund_statement_json(struct store *s, int64_t region, const char *case_ref, const char *uscc,
			    int32_t day, bool moves);
/* The same as a printable document (Chinese, for PDF/HTML). */
int fund_statement_doc(struct store *s, int64_t region, const char *case_ref, const char *uscc,
		       int32_t day, struct doc *out);
/* An application as JSON (the worker's ID masked unless reveal). */
json_t *fund_application_json(const struct fund_application *a, bool reveal);
#endif
