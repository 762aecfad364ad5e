/* confirm.h — workers' confirmations read back one by one, for the ledger's check that each
 * stored answer is the one its entry records (domain/ledger.c). Written once over
 * store/stmt.h, for both stores. */
#ifndef WG_STORE_CONFIRM_H
#define WG_STORE_CONFIRM_H
#include <stdint.h>

#include "store/store.h"

struct confirmation_row {
	int status;         /* 1 confirmed, 2 disputed */
	const char *reason; /* NULL: none; owned by the store until its next call */
	int64_t claimed, lseq;
};

/* The answer to payroll version payroll_lseq of (project code, ID number, period).
 * Returns WG_OK, WG_ENOTFOUND, or a store status. */
int confirmation_get(struct store *s, const char *project, const char *id_number, int64_t period,
		     int64_t payroll_lseq, struct confirmation_row *out);
/* How many answers are stored. */
int confirmation_count(struct store *s, int64_t *n);
#endif
