/* notice.h — the public notices of SPEC §6: the wage publicity notice of a project and
 * period (names, masked ID numbers, days, net, paid, pay date) and the rights notice board of
 * a project (Decree 724 Art 34), built as documents (render/doc.h) from the store and the
 * operator's notice configuration (notice.*, region.<code>.*, project.<CODE>.* keys). */
#ifndef WG_NOTICE_H
#define WG_NOTICE_H
#include <stddef.h>
#include <stdint.h>

#include "render/doc.h"
#include "store/store.h"

/* A configuration key with a fixed name, its default and meaning (for `config` and docs). */
struct notice_config_key {
	const char *key, *fallback, *help;
};
extern const struct notice_config_key notice_config_keys[];
extern const int notice_config_nkeys;

/* The keys whose names carry a region code or a project code, described for `config`:
 * pattern ("region.<code>.minimum_wage") and meaning. */
extern const struct notice_config_key notice_config_patterns[];
extern const int notice_config_npatterns;

/* True for a key this module owns: notice.*, region.*, project.*. */
int notice_config_owns(const char *key);

/* Checks that value is acceptable for key: a known key or pattern (region codes of 2, 4 or
 * 6 digits with a real province, project codes as imported), and a value of the right form
 * (a day 1..31 or "end", a positive amount, a phone number, one line of text); value NULL
 * checks the key alone. Returns WG_OK, or WG_EINPUT with the reason in err. Does not look
 * at the store. */
int notice_config_check(const char *key, const char *value, char *err, size_t errsz);

/* The value notices use for key: its own stored value, else for region.<code>.<name> the
 * value of the next shorter region prefix, then notice.<name>, then the default. Returns
 * WG_OK with the value in buf, WG_ENOTFOUND when key has no value at all (a minimum wage
 * nobody configured), or a store failure. */
int notice_config_value(struct store *s, const char *key, char *buf, size_t n);

/* Builds the publicity notice of project code for period (a month number), published on
 * day date: every payroll line of the project and period with the worker's name, masked ID,
 * employer, days, net, what was paid (status ok) and when. The document is Chinese text.
 * @param[out] out an initialised document (DOC_INIT); caller releases it.
 * Returns WG_OK; WG_ENOTFOUND with a message in err when the project is unknown or has no
 * payroll line in the period; another wg_status (message in err) when the store fails. */
int notice_publicity(struct store *s, const char *code, int32_t period, int32_t date,
		     struct doc *out, char *err, size_t errsz);

/* Builds the rights notice board of project code as of day date: construction unit,
 * general contractor and its project office, subcontractors, industry regulator, labour-
 * wage officer, local minimum wage, pay day, complaint hotline, arbitration and legal aid.
 * Same contract as notice_publicity (WG_ENOTFOUND: unknown project). */
int notice_board(struct store *s, const char *code, int32_t date, struct doc *out, char *err,
		 size_t errsz);
#endif
