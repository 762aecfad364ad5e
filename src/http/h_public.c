/* h_public.c — what anyone may do without logging in: check a payslip's receipt code, file
 * a complaint. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/checkpoint.h"
#include "domain/payslip.h"
#include "http/http.h"
#include "domain/case.h"
#include "store/complaint.h"
#include "store/project.h"
#include "util/date.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

int h_receipt(struct http_req *rq, struct http_resp *rs)
{
	struct receipt_result r;
	int rc = receipt_check(rq->store, rq->params[0], &r);
	if (rc)
		return rc;
	if (!r.valid) {
		char why[MSG_BUFSZ];
		return http_json(rs, 200,
				 json_pack("{s:b, s:s, s:s, s:o}", "valid", 0, "reason",
					   msg_render(&r.why, rs->lang, why, sizeof why),
					   "reason_id", msg_code(r.why.id), "params",
					   msg_params_json(&r.why, rs->lang)));
	}
	char when[32];
	time_t t = (time_t)r.at + 8 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
	return http_json(rs, 200,
			 json_pack("{s:b, s:I, s:i, s:s, s:s, s:s}", "valid", 1, "seq",
				   (json_int_t)r.seq, "line", r.line, "kind", r.kind, "recorded_at",
				   when, "summary", r.summary));
}

#define COMPLAINTS_PER_HOUR 30 /* per address, or per logged-in worker */
#define CLAIM_MAX 1000000000LL /* fen: 10,000,000.00, as a payroll line */

/* The complaint form's fields and their length limits, in bytes. */
static const struct {
	const char *name;
	size_t max;
	const char *max_text;
} limits[] = {{"name", 100, "100"},         {"phone", 32, "32"},    {"id_number", 18, "18"},
	      {"project", 64, "64"},        {"employer", 64, "64"}, {"claimed", 32, "32"},
	      {"description", 4000, "4000"}};

/* The first field over its length limit, or NULL. */
static const char *too_long(const struct complaint *c, const char *claimed)
{
	const char *value[] = {c->name,     c->phone, c->id_number,  c->project,
			       c->employer, claimed,  c->description};
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (value[i] && strlen(value[i]) > limits[i].max)
			return limits[i].name;
	return NULL;
}

static const char *max_of(const char *field)
{
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (strcmp(limits[i].name, field) == 0)
			return limits[i].max_text;
	return "";
}

/* The ledger's head, signed: anyone may keep it and check later that the ledger still
 * reaches it (wageguard ledger verify --checkpoint FILE). */
int h_public_checkpoint(struct http_req *rq, struct http_resp *rs)
{
	struct checkpoint c;
	int rc = http_checkpoint(rq->store, &c);
	if (rc)
		return rc;
	char *text = checkpoint_json(&c);
	if (!text)
		return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOMEM, MSG_END);
	rs->body = text;
	rs->body_len = strlen(text);
	rs->content_type = "application/json; charset=utf-8";
	return 0;
}

/* A project named by its code or its exact name (the form asks for either): the code into
 * code. 0 found, 1 none, 2 several projects of that name, or a negative wg_status. */
struct project_match {
	const char *want;
	char code[72];
	int by_code, by_name;
};

static int match_project(void *ctx, const struct project_row *r)
{
	struct project_match *m = ctx;
	if (strcmp(r->code, m->want) == 0) {
		m->by_code = 1;
		snprintf(m->code, sizeof m->code, "%s", r->code);
	} else if (strcmp(r->name, m->want) == 0 && !m->by_code) {
		if (m->by_name++ == 0)
			snprintf(m->code, sizeof m->code, "%s", r->code);
	}
	return 0;
}

static int find_project(struct store *s, const char *want, char *code, size_t n)
{
	struct project_match m = {.want = want};
	int64_t total = 0;
	int rc = store_project_list(s, SCOPE_ADMIN, "", want, NULL, 0, 500, match_project, &m,
				    &total);
	if (rc)
		return rc;
	if (!m.by_code && m.by_name > 1)
		return 2;
	if (!m.by_code && !m.by_name)
		return 1;
	snprintf(code, n, "%s", m.code);
	return 0;
}

/* Shaped like a USCC (18 characters of digits and capital letters): then it must be one.
 * Anything else is an employer's name, which is what a worker usually knows. */
static bool uscc_shaped(const char *s)
{
	size_t n = strlen(s);
	if (n != 18)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= 'a' && s[i] <= 'z')))
			return false;
	return true;
}

int h_complaint(struct http_req *rq, struct http_resp *rs)
{
	if (http_rate_limit(rq, rs, "complaint", COMPLAINTS_PER_HOUR, 3600))
		return 0;
	static const char *const fields[] = {"name",     "phone",   "id_number",   "project",
					     "employer", "claimed", "description", NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	struct complaint c = {.channel = "web"};
	const char *claimed = NULL;
	char id[19], code[72];
	int rc = 0;
	if (http_body_str(in, rs, "name", true, &c.name) ||
	    http_body_str(in, rs, "phone", false, &c.phone) ||
	    http_body_str(in, rs, "id_number", false, &c.id_number) ||
	    http_body_str(in, rs, "project", false, &c.project) ||
	    http_body_str(in, rs, "employer", false, &c.employer) ||
	    http_body_str(in, rs, "claimed", false, &claimed) ||
	    http_body_str(in, rs, "description", true, &c.description))
		goto done;
	const char *longest = too_long(&c, claimed);
	if (longest)
		http_field_error(rs, 400, "BAD_FIELD", longest, MSG_HTTP_FIELD_TOO_LONG, "field",
				 longest, "max", max_of(longest), MSG_END);
	else if (!*c.name) /* too_long checked the lengths */
		http_field_error(rs, 400, "BAD_FIELD", "name", MSG_HTTP_COMPLAINT_FIELDS, MSG_END);
	else if (!*c.description)
		http_field_error(rs, 400, "BAD_FIELD", "description", MSG_HTTP_COMPLAINT_FIELDS,
				 MSG_END);
	else if (c.id_number && *c.id_number && idcard_validate(c.id_number, id))
		http_field_error(rs, 422, "INVALID_FIELD", "id_number", MSG_HTTP_COMPLAINT_ID,
				 MSG_END);
	else if (claimed && *claimed && money_parse(claimed, &c.claimed))
		http_field_error(rs, 422, "INVALID_FIELD", "claimed", MSG_HTTP_COMPLAINT_CLAIMED,
				 MSG_END);
	else if (c.claimed > CLAIM_MAX)
		http_field_error(rs, 422, "INVALID_FIELD", "claimed", MSG_HTTP_COMPLAINT_CLAIM_MAX,
				 "max", "10000000.00", MSG_END);
	else if (c.employer && *c.employer && uscc_shaped(c.employer) && uscc_validate(c.employer))
		http_field_error(rs, 422, "INVALID_FIELD", "employer", MSG_HTTP_COMPLAINT_EMPLOYER,
				 MSG_END);
	if (rs->json)
		goto done;
	if (c.project && *c.project) {
		/* a complaint must reach the regulator of its project: an unknown one is refused
		 * rather than stored where no region's regulator sees it */
		rc = find_project(rq->store, c.project, code, sizeof code);
		if (rc == 1 || rc == 2) {
			http_field_error(rs, 422, "INVALID_FIELD", "project",
					 rc == 1 ? MSG_HTTP_COMPLAINT_PROJECT
						 : MSG_HTTP_COMPLAINT_PROJECT_AMBIGUOUS,
					 "project", c.project, MSG_END);
			rc = 0;
			goto done;
		}
		if (rc)
			goto done;
		c.project = code;
	}
	if (c.id_number && *c.id_number)
		c.id_number = id;
	/* a logged-in worker files under their own ID number */
	if (rq->who.role == ROLE_WORKER)
		c.id_number = rq->who.scope;
	c.received_on = date_today();
	/* stored and taken into a case (opened or joined) in one transaction; a complaint
	 * whose respondent cannot be told waits for the regulator */
	char number[CASE_NUMBER_SZ];
	struct msg why;
	rc = case_from_complaint(rq->store, &c, number, &why);
	if (!rc)
		http_json(rs, 201,
			  json_pack("{s:I, s:o, s:s, s:s?}", "id", (json_int_t)c.id, "received_on",
				    http_date(c.received_on), "status",
				    number[0] ? "case" : "received", "case",
				    number[0] ? number : NULL));
done:
	json_decref(in);
	return rc;
}
