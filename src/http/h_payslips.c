/* h_payslips.c — a worker's payslip with its receipt code; the worker's confirmation or
 * dispute of the line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/checkpoint.h"
#include "domain/payslip.h"
#include "http/http.h"
#include "store/schema.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

/* The worker and period of the path, checked; a worker may only ask about themself. */
static int target(struct http_req *rq, struct http_resp *rs, char *id, int32_t *period)
{
	if (idcard_validate(rq->params[0], id) || period_parse(rq->params[1], period)) {
		http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_PAYSLIP_PATH, MSG_END);
		return -1;
	}
	if (rq->who.role == ROLE_WORKER && strcmp(rq->who.scope, id) != 0) {
		http_error(rs, 403, "FORBIDDEN", MSG_HTTP_PAYSLIP_OWN, MSG_END);
		return -1;
	}
	return 0;
}

/* 400 PROJECT_REQUIRED for a worker paid on several projects in the period; the worker and
 * an admin are told which. */
static int payslip_which(struct http_req *rq, struct http_resp *rs,
			 const struct payslip_projects *ps)
{
	char count[16];
	snprintf(count, sizeof count, "%d", ps->n);
	http_error(rs, 400, "PROJECT_REQUIRED", MSG_HTTP_PAYSLIP_WHICH, "count", count, MSG_END);
	if (rq->who.role == ROLE_WORKER || rq->who.role == ROLE_ADMIN) {
		json_t *codes = json_array();
		for (int i = 0; i < ps->n && i < PAYSLIP_MAX_PROJECTS; i++)
			json_array_append_new(codes, json_string(ps->code[i]));
		json_object_set_new(json_object_get(rs->json, "error"), "projects", codes);
	}
	return 0;
}

int h_payslip(struct http_req *rq, struct http_resp *rs)
{
	char id[19];
	int32_t period;
	const char *project = http_query(rq, "project");
	struct payslip_projects ps;
	if (target(rq, rs, id, &period))
		return 0;
	/* no project named: the worker's only one that period, as the CLI works it out */
	if (!project) {
		int rc = payslip_projects(rq->store, id, period, &ps);
		if (rc)
			return rc;
		if (ps.n == 0)
			return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PAYSLIP_NONE, MSG_END);
		if (ps.n > 1)
			return payslip_which(rq, rs, &ps);
		project = ps.code[0];
	}
	/* staff see the payslips of the projects within their scope (a regulator: region) */
	int rc = rq->who.role == ROLE_WORKER ? WG_OK : http_project_access(rq, rs, project);
	if (rc == WG_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	struct payslip p;
	rc = payslip_get(rq->store, project, id, period, &p);
	if (rc == WG_ENOTFOUND)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PAYSLIP_NOT_FOUND, MSG_END);
	if (rc)
		return rc;
	struct view_reader r = http_reader(rq);
	json_t *j = view_payslip(&p, &r);
	payslip_release(&p);
	if (!j)
		return WG_ENOMEM;
	/* the receipt comes with the ledger's signed head: proof, later, of what it held */
	struct checkpoint c;
	char *cp = NULL;
	if ((rc = http_checkpoint(rq->store, &c)) || !(cp = checkpoint_json(&c))) {
		json_decref(j);
		return rc ? rc : WG_ENOMEM;
	}
	json_object_set_new(j, "checkpoint", json_loads(cp, 0, NULL));
	free(cp);
	return http_json(rs, 200, j);
}

#define ANSWERS_PER_HOUR 30 /* confirmations and disputes of one worker */
#define REASON_MAX_BYTES 1000

/* The JSON document in owns the strings read from it (project, reason, amount): it is freed
 * once, at the end, after every use of them, error messages included. */
static int answer(struct http_req *rq, struct http_resp *rs, enum payroll_answer a)
{
	char id[19], err[256];
	int32_t period;
	if (target(rq, rs, id, &period) ||
	    http_rate_limit(rq, rs, "payroll answer", ANSWERS_PER_HOUR, 3600))
		return 0;
	static const char *const fields[] = {"project", "reason", "amount", NULL};
	json_t *in = http_body(rq, rs, fields);
	const char *project = NULL, *reason = NULL, *amount = NULL;
	int64_t claimed = 0;
	int rc = 0;
	if (!in)
		return 0;
	if (json_unpack(in, "{s:s, s?s, s?s}", "project", &project, "reason", &reason, "amount",
			&amount)) {
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_DISPUTE_BODY, MSG_END);
		goto cleanup;
	}
	if (reason && strlen(reason) > REASON_MAX_BYTES) {
		char most[16];
		snprintf(most, sizeof most, "%d", REASON_MAX_BYTES);
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_FIELD_TOO_LONG, "field", "reason",
				"max", most, MSG_END);
		goto cleanup;
	}
	if (amount && *amount && money_parse(amount, &claimed)) {
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_AMOUNT, "value", amount,
				MSG_END);
		goto cleanup;
	}
	/* payroll_answer's own checks, said here from the catalogue */
	if (a == ANSWER_DISPUTE && (!reason || !*reason)) {
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_DISPUTE_REASON, MSG_END);
		goto cleanup;
	}
	const struct kind_desc *pd = schema_kind(REC_PAYROLL);
	int64_t most = pd->cols[schema_col(pd, "net")].max;
	if (most && claimed > most) {
		char m[MONEY_BUFSZ];
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_CLAIM_TOO_LARGE, "max",
				money_format(most, m), MSG_END);
		goto cleanup;
	}
	rc = payroll_answer(rq->store, project, id, period, a, reason, claimed, err, sizeof err);
	if (rc == WG_ENOTFOUND)
		rc = http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PAYSLIP_NOT_FOUND, MSG_END);
	else if (rc == WG_EINPUT)
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_DISPUTE_BODY, MSG_END);
	else if (!rc)
		rc = http_json(rs, 200,
			       json_pack("{s:s}", "answer",
					 a == ANSWER_CONFIRM ? "confirmed" : "disputed"));
cleanup:
	json_decref(in);
	return rc;
}

int h_payslip_confirm(struct http_req *rq, struct http_resp *rs)
{
	return answer(rq, rs, ANSWER_CONFIRM);
}

int h_payslip_dispute(struct http_req *rq, struct http_resp *rs)
{
	return answer(rq, rs, ANSWER_DISPUTE);
}
