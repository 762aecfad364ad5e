/* h_public.c — what anyone may do without logging in: check a payslip's receipt code, file
 * a complaint. */
#include <string.h>
#include <time.h>

#include "domain/payslip.h"
#include "http/http.h"
#include "store/complaint.h"
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
	if (!r.valid)
		return http_json(rs, 200, json_pack("{s:b, s:s}", "valid", 0, "reason", r.why));
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

int h_complaint(struct http_req *rq, struct http_resp *rs)
{
	json_error_t jerr;
	json_t *in = json_loadb(rq->body, rq->body_len, 0, &jerr);
	struct complaint c = {.channel = "web"};
	const char *claimed = NULL;
	if (!in ||
	    json_unpack(in, "{s:s, s?s, s?s, s?s, s?s, s?s, s:s}", "name", &c.name, "phone",
			&c.phone, "id_number", &c.id_number, "project", &c.project, "employer",
			&c.employer, "claimed", &claimed, "description", &c.description)) {
		json_decref(in);
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_COMPLAINT_BODY, MSG_END);
	}
	char id[19];
	int rc = 0;
	if (!*c.name || strlen(c.name) > 100 || !*c.description || strlen(c.description) > 4000)
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_COMPLAINT_FIELDS, MSG_END);
	else if (c.id_number && *c.id_number && idcard_validate(c.id_number, id))
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_COMPLAINT_ID, MSG_END);
	else if (claimed && *claimed && money_parse(claimed, &c.claimed))
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_COMPLAINT_CLAIMED, MSG_END);
	if (rs->json) {
		json_decref(in);
		return rc;
	}
	if (c.id_number && *c.id_number)
		c.id_number = id;
	/* a logged-in worker files under their own ID number */
	if (rq->who.role == ROLE_WORKER)
		c.id_number = rq->who.scope;
	c.received_on = date_today();
	rc = store_complaint_add(rq->store, &c);
	json_decref(in);
	if (rc)
		return rc;
	return http_json(rs, 201,
			 json_pack("{s:I, s:o, s:s}", "id", (json_int_t)c.id, "received_on",
				   http_date(c.received_on), "status", "received"));
}
