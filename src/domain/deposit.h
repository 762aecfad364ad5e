/* deposit.h — the wage guarantee deposit (SPEC §7) and the project life cycle it depends on:
 * per-region configuration, the quote with every factor that made it, lodging in each form,
 * activation to pay workers, replenishment, return after a public notice, and the three
 * warnings the scan adds (DEPOSIT_MISSING, DEPOSIT_EXPIRING, REPLENISH_OVERDUE). Never
 * prints; problems come back as catalogue messages (util/msg/deposit.def). */
#ifndef WG_DOMAIN_DEPOSIT_H
#define WG_DOMAIN_DEPOSIT_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "render/doc.h"
#include "store/deposit.h"
#include "store/store.h"
#include "util/msg.h"

/* ---- configuration ---- */

/* A region's deposit rules: deposit.<code>.<name> for the longest matching 2-, 4- or 6-digit
 * prefix of the project's region, else deposit.<name>, else the default. */
struct deposit_config {
	int64_t rate_ppm;     /* 20000 = 2% (allowed 1–3%) */
	int64_t cap;          /* fen, -1: none */
	char industries[192]; /* comma-separated industries that need a deposit */
	int64_t interest_ppm; /* yearly interest of cash deposits, parts per million */
	int replenish_days;   /* working days to replenish after an activation */
	int missing_days;     /* days after a project's start a deposit must be lodged by */
	int expiring_days;    /* days before a guarantee's expiry it warns */
	int notice_days;      /* days a return notice runs */
	char source[8][64];   /* where each of the above came from: key or "default" */
};

struct deposit_config_key {
	const char *name, *fallback, *help;
};
extern const struct deposit_config_key deposit_config_keys[];
extern const int deposit_config_nkeys;

/* True for deposit.* and fund.* keys (`wageguard config`). */
bool deposit_config_owns(const char *key);
/* Checks a key and its value (NULL: the key only). 0, or WG_EINPUT with err. */
int deposit_config_check(const char *key, const char *value, char *err, size_t errsz);
/* The rules for a project in region (a 6-digit code). */
int deposit_config_load(struct store *s, int64_t region, struct deposit_config *c);
/* The value of fund.<name> for region the same way (fund.cap …); WG_ENOTFOUND when unset. */
int deposit_config_value(struct store *s, const char *family, int64_t region, const char *name,
			 char *buf, size_t n, char *source, size_t sourcesz);

/* Parses a rate "0.02" (at most 6 decimals, below 1) into parts per million. 0 or -1. */
int deposit_rate_parse(const char *s, int64_t *ppm);
/* Formats ppm as a decimal with at least two decimals ("0.02", "0.015") into buf (16). */
char *deposit_rate_format(int64_t ppm, char *buf);

/* ---- life cycle ---- */

enum project_phase {
	PHASE_NOT_STARTED,
	PHASE_STARTED, /* running: started or resumed */
	PHASE_SUSPENDED,
	PHASE_COMPLETED,
	PHASE_SETTLED
};
const char *project_phase_name(enum project_phase p);

struct project_state {
	enum project_phase phase;
	int32_t started_on, suspended_on, completed_on, settled_on; /* -1: not (yet) */
};
/* The life-cycle state of project id as of day, from its events dated up to day. */
int lifecycle_state(struct store *s, int64_t project, int32_t day, struct project_state *out);
/* Records event ("started" …) of project code on day with note (NULL: none), after checking
 * it fits the events already recorded (started first; suspended only while running; resumed
 * only while suspended; completed while running; settled after completion; each once except
 * suspended and resumed). Ledgered as a project_events record. WG_EINPUT (err says why),
 * WG_ENOTFOUND (no such project), or a store status. */
int lifecycle_record(struct store *s, const char *code, const char *event, int32_t day,
		     const char *note, struct msg *err);
/* The project's events as a JSON array [{"event","date","note"}]; NULL on failure. */
json_t *lifecycle_json(struct store *s, int64_t project);

/* ---- the quote (SPEC §7, must) ---- */

struct deposit_quote {
	struct dep_project p; /* text owned by the store until its next call */
	int32_t as_of;
	struct deposit_config cfg;
	bool required; /* the project's industry needs a deposit in its region */
	bool exempt;
	const char *reason; /* exempt: "industry_not_required", "small_contract", "clean_record" */
	const char *rule;   /* what set the multiplier: listed, arrears_2y, clean_2y, base, or
			     * the exemption */
	int m2;             /* the multiplier in halves: 3 = 1.5 */
	int64_t uncapped, amount;
	bool capped;
	json_t *factors; /* every factor with the records behind it; caller decrefs */
};
/* Quotes project code as of day. WG_ENOTFOUND (no project), or a store status. */
int deposit_quote(struct store *s, const char *code, int32_t day, struct deposit_quote *q);
/* The quote as the contract's JSON object (issue 13): project, contractor, contract_value,
 * rate, multiplier, exempt, reason, amount, factors. Takes a reference to q->factors. */
json_t *deposit_quote_json(const struct deposit_quote *q);
void deposit_quote_release(struct deposit_quote *q);

/* ---- deposits ---- */

/* The forms a deposit takes: cash into a deposit account (number = account, issuer = bank),
 * a bank's guarantee letter, guarantee insurance, a guarantee company's letter. */
bool deposit_form_known(const char *form);

struct deposit_lodge {
	const char *project, *form, *number, *issuer;
	int64_t amount;
	int32_t lodged_on, expires_on; /* expires -1: none (cash only) */
	int64_t replaces;              /* a held deposit of the project it replaces, 0: none */
	const char *actor;
};
/* Lodges a deposit (one transaction, ledgered); *id the new deposit. WG_EINPUT with err. */
int deposit_lodge(struct store *s, const struct deposit_lodge *l, int64_t *id, struct msg *err);

struct deposit_worker {
	const char *id_number;
	int64_t amount;
};
struct deposit_activation {
	const char *project, *order_ref, *case_ref; /* case_ref NULL: none */
	int32_t on;
	const struct deposit_worker *workers;
	int nworkers;
	const char *actor;
	/* from relief's LINK_ORDER_IGNORED: the workers are the order's; one without a
	 * registered card is left to the fund instead of refusing the activation */
	bool from_event;
};
struct deposit_activated {
	int64_t owed, paid;
	int32_t deadline;
	char notice_no[96];
	int payments;
};
/* Pays the named workers from the project's held deposits as the payment notice orders,
 * within the caller's transaction: payments recorded and ledgered, linked to the case, the
 * replenishment deadline set, LINK_DEPOSIT_ACTIVATED emitted. Pays everything owed when the
 * deposits hold it, else what they hold, shared in proportion. WG_ENOTFOUND when the project
 * has no deposit with a balance (nothing is written), WG_EINPUT with err. */
int deposit_activate_tx(struct store *s, const struct deposit_activation *a,
			struct deposit_activated *out, struct msg *err);
/* The same in a transaction of its own. */
int deposit_activate(struct store *s, const struct deposit_activation *a,
		     struct deposit_activated *out, struct msg *err);

/* Replenishes deposit id (0: the project's deposit with a shortfall) of project by amount
 * on day; at most what activations took. */
int deposit_replenish(struct store *s, const char *project, int64_t id, int64_t amount, int32_t day,
		      const char *actor, struct msg *err);

/* The outcome of `deposit return`: a notice published, or the deposits returned. */
struct deposit_return_result {
	bool returned;
	int32_t published_on, ends_on;
	int64_t amount, interest;
	struct msg failed[8]; /* the conditions that fail, when refused */
	int nfailed;
};
/* Returns the project's deposits (SPEC §7): with no notice yet, checks completion, no open
 * arrears or cases and the promise, and publishes the 30-day notice; once the notice has run
 * (day after its last day), checks again and returns every held deposit with its interest.
 * WG_EINPUT with r->failed listing every condition that fails. */
int deposit_return(struct store *s, const char *project, const char *promise, int32_t day,
		   const char *actor, struct deposit_return_result *r, struct msg *err);

/* ---- the scan ---- */

/* Adds the deposit warnings as of day through add (rule by enum warn_rule). */
typedef int deposit_warn_fn(void *ctx, int rule, int level, int64_t project, int64_t employer,
			    int64_t amount);
int deposit_scan(struct store *s, int32_t day, deposit_warn_fn *add, void *ctx);

/* Whether project id has a deposit held on day (cash, or a guarantee not expired). */
int deposit_held(struct store *s, int64_t project, int32_t day, bool *yes);

/* The project's deposit as the public sees it on its publicity notice, in Chinese, into buf:
 * held (form, issuer, balance, expiry), returned, exempt (why) or not lodged (the amount
 * required). */
int deposit_status_text(struct store *s, const char *code, int32_t day, char *buf, size_t n);

/* The public notice of the project's deposit return (the latest, SPEC §7) as a Chinese
 * document for HTML and PDF. WG_ENOTFOUND when the project has no return notice. */
int deposit_return_notice_doc(struct store *s, const char *code, struct doc *out);

/* One deposit as JSON (money as strings; balance = amount − activated + replenished). */
json_t *deposit_json(const struct deposit *d, int32_t day);
#endif
