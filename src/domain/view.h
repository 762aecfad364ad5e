/* view.h — the JSON shapes of the read models, one builder each, shared by the CLI (`--json`,
 * `scan`) and the HTTP API so that both print the same document: money as two-decimal
 * strings, dates and periods as text, null where a value does not apply, personal data masked
 * unless the reader is entitled (struct view_reader). Strings are escaped by jansson (quotes,
 * backslashes and every control character). */
#ifndef WG_VIEW_H
#define WG_VIEW_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "domain/payslip.h"
#include "store/project.h"
#include "store/store.h"
#include "store/warn.h"
#include "store/worker.h"

/* Who reads a view, which decides whose personal data (ID number, bank card, phone) they see in
 * full (SPEC §1): everyone's (an admin; the operator at the CLI, who holds the database), their
 * own (a worker: self is their ID number), or nobody's. Everything else is masked. */
struct view_reader {
	bool all;
	const char *self;
};
/* Whether r may see the personal data of the person with this ID number in full. */
bool view_may_reveal(const struct view_reader *r, const char *owner);
/* id_number / card / phone of the person owner, in full or masked for r, into buf
 * (MASK_BUFSZ bytes); NULL when the value is NULL. */
const char *view_id(const struct view_reader *r, const char *id_number, const char *owner,
		    char *buf);
const char *view_card(const struct view_reader *r, const char *card, const char *owner, char *buf);
const char *view_phone(const struct view_reader *r, const char *phone, const char *owner,
		       char *buf);

json_t *view_money(int64_t fen);
json_t *view_date(int64_t day);      /* day < 0: null */
json_t *view_period(int64_t period); /* period < 0: null */
/* A project's figures (SPEC §6 project summary). Caller owns the result. */
json_t *view_project(const struct project_summary *p);
/* One month of a worker's wage history. Caller owns the result. */
json_t *view_worker_month(const struct worker_month *m);

/* A warning as `wageguard scan` prints it (SPEC §5, one JSON Lines object in the contract's key
 * order): rule, level, project, employer, worker (masked for r), period, amount, overdue_days,
 * days. project, employer, worker: codes, NULL where none. Caller owns the result; NULL when
 * out of memory. */
json_t *view_warning(const struct warning *w, const char *project, const char *employer,
		     const char *worker, const struct view_reader *r);
/* A stored warning with its life cycle (`wageguard warnings --json`, GET /api/v1/warnings):
 * id, then view_warning's keys, then first_seen, last_seen, resolved_on (null while open). */
json_t *view_warning_stored(const struct warning_view *v, const struct view_reader *r);
/* A payslip (`wageguard payslip --json`, GET /api/v1/workers/{id}/payslips/{period}): the
 * line, the worker's card on record and each payment's card masked for r, the payments, the
 * worker's answer (dispute_reason null when none) and the receipt code. The caller adds the
 * ledger checkpoint. Caller owns the result; NULL when out of memory. */
json_t *view_payslip(const struct payslip *p, const struct view_reader *r);
#endif
