/* http.h — the HTTP server's request, response and route types, shared by the server core
 * (server.c), the router with authentication (router.c), the answer helpers (reply.c, body.c)
 * and the handlers, one file per resource (h_*.c). Handlers never touch libmicrohttpd: they read a struct http_req and fill
 * a struct http_resp. */
#ifndef WG_HTTP_H
#define WG_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/user.h"
#include "domain/view.h"
#include "store/store.h"
#include "util/msg.h"

#define HTTP_MAX_PARAMS 4

struct http_req {
	const char *method;
	const char *path;                    /* without the query string */
	const char *params[HTTP_MAX_PARAMS]; /* the {} segments of the route, decoded */
	int nparams;
	const char *body; /* NUL-terminated; "" when none (and for uploads) */
	size_t body_len;
	const char *body_file; /* an upload route's body, spooled to this file; else NULL */
	struct principal who;  /* ROLE_PUBLIC when not logged in */
	const char *token;     /* the session or API token presented, or NULL */
	struct store *store;   /* this thread's connection */
	const char *remote;    /* client address, for throttling and logs */
	void *conn;            /* the server's connection (for query values) */
	char segbuf[1024];     /* storage for params */
};

struct http_resp {
	int status;
	json_t *json; /* owned; sent as the body when set */
	char *body;   /* owned (malloc); sent when json is NULL */
	size_t body_len;
	const char *content_type; /* for body */
	char disposition[160];    /* a Content-Disposition value (a download), or "" */
	char cookie[320];         /* a Set-Cookie value, or "" */
	enum msg_lang lang;       /* of messages: the request's Accept-Language */
	int retry_after;          /* seconds, sent as Retry-After when above 0 (429, 503) */
	/* set by http_defer: the answer is made by this work on a work thread */
	void (*defer)(struct store *s, void *ctx, struct http_resp *rs);
	void *defer_ctx;
};

/* Work too slow for a request thread (password hashing): fn runs later on one of the
 * server's work threads, with that thread's store, and fills rs; the request thread
 * serves others meanwhile. fn owns ctx and frees it; it is called with s NULL (and fills
 * rs with nothing) when the work cannot be queued — the server then answers 503 with
 * Retry-After. Returns 0. */
int http_defer(struct http_resp *rs, void (*fn)(struct store *s, void *ctx, struct http_resp *rs),
	       void *ctx);

/* A handler fills rs (status defaults to 200) and returns 0; it may return a negative
 * wg_status to have the router answer 500 with the store's message logged. */
typedef int http_handler(struct http_req *rq, struct http_resp *rs);

#define ROLE_BIT(r) (1u << (r))
#define ANYONE 0x3fu /* every role, public included */
#define LOGGED_IN (ANYONE & ~ROLE_BIT(ROLE_PUBLIC))
#define STAFF (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_REGULATOR))

struct http_route {
	const char *method;
	const char *path; /* "/api/v1/projects/{}": {} matches one segment */
	http_handler *handler;
	unsigned roles;   /* ROLE_BIT()s allowed */
	bool csrf_exempt; /* login: there is no session yet */
	bool cache;       /* a GET whose answer depends only on the data, path, query and caller */
	bool upload;      /* takes a file (up to HTTP_UPLOAD_MAX bytes), spooled to disk */
};

#define HTTP_BODY_MAX (64u << 10)    /* a JSON body */
#define HTTP_UPLOAD_MAX (256u << 20) /* an uploaded file */

extern const struct http_route http_routes[];
extern const int http_nroutes;

/* ---- answering (reply.c; the body readers in body.c) ---- */
/* Fills rs with the error shape of SPEC §12 and returns 0: {"error": {"code": code (the
 * documented class: NOT_FOUND, FORBIDDEN, …), "message": message id rendered in rs->lang,
 * "message_id": its catalogue code, "params": {its parameters}}}. The parameters follow id
 * as name, value pairs of strings, then NULL. */
int http_error(struct http_resp *rs, int status, const char *code, enum msg_id id, ...)
	__attribute__((sentinel));
/* The same with a message already made. */
int http_error_msg(struct http_resp *rs, int status, const char *code, const struct msg *m);
/* The "error" object of m for rs's language (code, message, message_id, params); caller
 * owns it. Used for errors that carry more (an import's rejected lines). */
json_t *http_error_object(const struct http_resp *rs, const char *code, const struct msg *m);
/* http_error with the request field at fault named in the error object ("field"). */
int http_field_error(struct http_resp *rs, int status, const char *code, const char *field,
		     enum msg_id id, ...) __attribute__((sentinel));
/* The request's body as a JSON object whose keys are all among fields (NULL-terminated).
 * Every handler that takes a JSON body reads it through here. Returns the object (caller
 * decrefs; strings in it live as long as it does), or NULL after answering 400: BAD_JSON
 * (not JSON, with line and column, or not an object), UNKNOWN_FIELD naming the first key
 * not in fields and listing them. */
json_t *http_body(const struct http_req *rq, struct http_resp *rs, const char *const fields[]);
/* The string field of body in: 0 with *out (NULL when absent or null and not required), or
 * -1 after answering 400 MISSING_FIELD / BAD_FIELD (not a string) naming it. */
int http_body_str(json_t *in, struct http_resp *rs, const char *field, bool required,
		  const char **out);
/* Sets rs->json (taking ownership) with status. Returns 0. */
int http_json(struct http_resp *rs, int status, json_t *j);
/* ---- the request, scope and rate limits (router.c) ---- */
/* Counts one use of a rate-limited action (a form) by the caller — a logged-in user by
 * name, anyone else by address — allowing max per window seconds. Returns 0, or answers
 * 429 with Retry-After in rs and returns 1. */
int http_rate_limit(struct http_req *rq, struct http_resp *rs, const char *action, int max,
		    int window);
/* A query-string value, or NULL. */
const char *http_query(const struct http_req *rq, const char *key);
/* A request header's value, or NULL. */
const char *http_header(const struct http_req *rq, const char *name);
/* Whether the request comes from this machine itself: a loopback peer address and no proxy
 * header saying it forwards someone else's request. */
bool http_from_loopback(const struct http_req *rq);
/* The attributes every cookie the server sets ends with: "; Secure" when the server is
 * reached over https (see struct http_options), else "". */
const char *http_cookie_secure(void);
/* The ?page= and ?per_page= of a list (defaults 1 and 50, per_page at most 500, page at most
 * HTTP_PAGE_MAX). */
#define HTTP_PAGE_MAX 1000000000LL
void http_paging(const struct http_req *rq, int64_t *offset, int64_t *limit, int64_t *page);
/* ---- values and masking (reply.c) ---- */
/* json helpers: money as "1234.50", dates and periods as text, NULL as null. */
json_t *http_money(int64_t fen);
json_t *http_date(int64_t day);
json_t *http_period(int64_t period);
/* The caller as a reader of views (domain/view.h): an admin sees everyone's personal data, a
 * worker their own, everyone else none. */
struct view_reader http_reader(const struct http_req *rq);
/* Whether the caller may see personal data of the worker with this ID number unmasked. */
bool http_may_reveal(const struct http_req *rq, const char *id_number);
/* A masked or full ID number / card / phone for the caller, into buf (48 bytes). */
const char *http_id(const struct http_req *rq, const char *id_number, const char *owner, char *buf);
const char *http_card(const struct http_req *rq, const char *card, const char *owner, char *buf);
const char *http_phone(const struct http_req *rq, const char *phone, const char *owner, char *buf);

/* ---- scope (router.c) ---- */
/* Checks the caller may see project code: WG_OK, WG_ENOTFOUND (answered 404: also when out of
 * scope, so codes outside the scope are not confirmed to exist), or another wg_status. */
int http_project_access(struct http_req *rq, struct http_resp *rs, const char *code);

/* Whether the caller may see the person with this ID number: the admin always, a worker
 * themself, others when the person is employed on, or has attendance or payroll on, a
 * project within their scope. WG_OK, WG_ENOTFOUND, or another wg_status. */
int http_worker_in_scope(struct http_req *rq, const char *id_number);
/* The same, answering rs when not: 403 for another worker, 404 (also for no such person),
 * 500 when the store fails. */
int http_worker_access(struct http_req *rq, struct http_resp *rs, const char *id_number);

/* The ledger's head signed with the server's ledger key (domain/checkpoint.h). */
struct checkpoint;
int http_checkpoint(struct store *s, struct checkpoint *c);

/* Runs the server until SIGTERM or SIGINT. Returns 0, or 1 with a message on stderr. */
struct http_options {
	const char *db;     /* store URL: each server thread opens its own connection */
	const char *listen; /* "ADDR:PORT" */
	const char *web;    /* directory of the built web UI; NULL: none (the API alone) */
	int threads;
	/* the address people use to reach the server, e.g. behind a TLS proxy
	 * ("https://wages.example.gov.cn/"); NULL: unknown */
	const char *public_url;
	/* cookies carry Secure: 1 yes, 0 no, -1 when public_url is https (default) */
	int secure_cookie;
	/* connections one client address may hold open (default 64; 0: no limit) */
	int per_address_connections;
	/* logins waiting for a password check beyond which the server answers 503 (default 64) */
	int login_queue;
};
int http_serve(const struct http_options *o);

/* Handlers (h_*.c). */
http_handler h_healthz, h_metrics, h_openapi, h_login, h_logout, h_me, h_dashboard, h_projects,
	h_project, h_project_months, h_project_roster, h_project_attendance, h_worker, h_warnings,
	h_import, h_payslip, h_payslip_confirm, h_payslip_dispute, h_receipt, h_complaint,
	h_public_board, h_public_publicity, h_public_periods, h_public_checkpoint;
/* deposits and the emergency wage fund (h_deposits.c, h_funds.c) */
http_handler h_project_deposit, h_deposit_lodge, h_deposit_activate, h_deposit_replenish,
	h_deposit_return, h_project_events_get, h_project_events_post, h_deposits,
	h_public_deposit_returns, h_funds, h_fund, h_fund_topup, h_fund_applications, h_fund_apply,
	h_fund_decision, h_fund_payment, h_fund_recovery, h_fund_writeoff;

/* relief (SPEC §11): cases, documents, inspection tasks (h_cases.c, h_documents.c) */
http_handler h_cases, h_case, h_case_open, h_case_accept, h_case_reject, h_case_extend,
	h_case_order, h_case_ignored, h_case_pay, h_case_close, h_case_absconded, h_case_liability,
	h_case_reporter, h_documents, h_document, h_document_service, h_inspection_tasks,
	h_accountability, h_case_dossier, h_case_liability_orders;
/* supervision (SPEC §10, h_supervision.c) */
http_handler h_sv_inspections, h_sv_inspection_add, h_sv_inspection, h_sv_inspection_record,
	h_sv_tasks, h_sv_compliance, h_sv_inspectors, h_sv_conflict_add, h_sv_orders,
	h_sv_order_issue, h_sv_order, h_sv_order_comply, h_sv_draws, h_sv_draw_run, h_public_draws,
	h_public_draw, h_sv_campaigns, h_sv_campaign_start, h_sv_campaign, h_sv_register,
	h_sv_register_add, h_sv_entry_screen, h_sv_entry_clear, h_sv_campaign_report,
	h_sv_typical_add, h_public_typical;
/* credit (SPEC §9) */
http_handler h_credit_file, h_credit_grades, h_credit_due, h_credit_listings, h_credit_listing,
	h_credit_propose, h_credit_notify, h_credit_statement, h_credit_decide, h_credit_remove,
	h_public_list, h_public_list_export, h_credit_report;

/* The server's counters for /metrics. */
void http_metrics_text(char **out, size_t *len);
#endif
