/* fund.h — the stored side of the emergency wage fund (SPEC §8): movements (topup, advance,
 * recovery, writeoff) and applications, and the sums statements are made of. Written once
 * over store/stmt.h (store/fund.c). A fund is named by a region code prefix (2, 4 or 6
 * digits) kept as an integer; text handed to a callback is valid until it returns. */
#ifndef WG_STORE_FUND_H
#define WG_STORE_FUND_H
#include <stdbool.h>
#include <stdint.h>

struct store;

struct fund_move {
	int64_t id, region, on_date, amount, application_id, employer_id, lseq;
	const char *kind; /* topup, advance, recovery, writeoff */
	const char *source, *case_ref, *reason, *actor, *employer; /* employer: USCC or NULL */
};
int store_fund_move_insert(struct store *s, const struct fund_move *m);

/* Sums of a fund, a case or an employer (fen). */
struct fund_sums {
	int64_t topups, advanced, recovered, written_off, reserved; /* reserved: approved, unpaid */
};
/* Sums of fund region up to day (reserved regardless of day). */
int store_fund_sums(struct store *s, int64_t region, int64_t day, struct fund_sums *out);
/* Sums of the advances of case (every fund). */
int store_fund_case_sums(struct store *s, const char *case_ref, struct fund_sums *out);
/* Sums of the advances to the workers of employer (USCC) in fund region (0: every fund). */
int store_fund_employer_sums(struct store *s, int64_t region, const char *uscc,
			     struct fund_sums *out);
/* The fund that serves region code (6 digits): the longest fund code, among funds with a
 * top-up, that is a prefix of it. WG_ENOTFOUND when none. */
int store_fund_for(struct store *s, int64_t region, int64_t *fund);
/* Every fund's code, ascending. */
int store_fund_list(struct store *s, int (*cb)(void *ctx, int64_t region), void *ctx);
/* The movements of fund region (0: all), case (NULL: all) or employer (NULL: all) up to day,
 * by date and id. */
int store_fund_moves(struct store *s, int64_t region, const char *case_ref, const char *uscc,
		     int64_t day, int (*cb)(void *ctx, const struct fund_move *m), void *ctx);

struct fund_application {
	int64_t id, region, employer_id, amount, applied_on, decided_on, paid_on, lseq;
	const char *case_ref, *project_code, *id_number, *purpose, *applicant, *status, *decided_by,
		*reason, *employer; /* status: applied, approved, rejected, paid */
};
int store_fund_app_insert(struct store *s, const struct fund_application *a, int64_t *id);
/* WG_ENOTFOUND when none; text owned by the store until its next call. */
int store_fund_app_get(struct store *s, int64_t id, struct fund_application *out);
int store_fund_app_set(struct store *s, int64_t id, const char *status, int64_t day, const char *by,
		       const char *reason);
/* What worker id_number was advanced or promised (approved, paid) on case. */
int store_fund_app_worker_total(struct store *s, const char *case_ref, const char *id_number,
				int64_t *total);
/* Applications of fund region (0: all) with status (NULL: all), newest first; region_prefix
 * (NULL: all) restricts to funds whose code starts with it (a regulator's scope). */
int store_fund_apps(struct store *s, int64_t region, const char *status, const char *case_ref,
		    int (*cb)(void *ctx, const struct fund_application *a), void *ctx);
#endif
