/* h_notices.c — the public notices of a project (SPEC §6): its rights notice board and its
 * wage publicity notice of a period, as JSON for the web UI (?format=json, the default), a
 * self-contained HTML page (?format=html) or an A4 PDF (?format=pdf). Personal data in them
 * is masked: anyone may read them. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/checkpoint.h"
#include "domain/notice.h"
#include "http/http.h"
#include "store/project.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

static int send_doc(struct http_req *rq, struct http_resp *rs, struct doc *d, bool one_page)
{
	/* every notice carries the ledger's signed head of the moment */
	struct checkpoint c;
	int crc = http_checkpoint(rq->store, &c);
	if (crc)
		return crc;
	if (one_page)
		checkpoint_doc_footer(d, &c);
	else
		checkpoint_doc(d, &c);
	const char *format = http_query(rq, "format");
	int rc = 0;
	if (!format || strcmp(format, "json") == 0) {
		rc = http_json(rs, 200, render_json(d));
	} else if (strcmp(format, "html") == 0) {
		struct dbuf b = DBUF_INIT;
		b.max = 64u << 20;
		if (render_html(d, &b)) {
			dbuf_release(&b);
			return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOTICE_DRAW, MSG_END);
		}
		rs->body = b.p ? b.p : strdup("");
		rs->body_len = b.len;
		rs->content_type = "text/html; charset=utf-8";
	} else if (strcmp(format, "pdf") == 0) {
		char *buf = NULL, err[256];
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (!f)
			return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOMEM, MSG_END);
		int failed = render_pdf(d, f, err, sizeof err);
		fclose(f);
		if (failed) {
			free(buf);
			return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOTICE_DRAW_WHY, "reason",
					  err, MSG_END);
		}
		rs->body = buf;
		rs->body_len = len;
		rs->content_type = "application/pdf";
	} else {
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOTICE_FORMAT, MSG_END);
	}
	return rc;
}

int h_public_board(struct http_req *rq, struct http_resp *rs)
{
	struct doc d = DOC_INIT;
	char err[256];
	int rc = notice_board(rq->store, rq->params[0], date_today(), &d, err, sizeof err);
	if (rc == WG_ENOTFOUND)
		rc = http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_FOUND, "project",
				rq->params[0], MSG_END);
	else if (!rc)
		rc = send_doc(rq, rs, &d, true);
	doc_release(&d);
	return rc;
}

int h_public_publicity(struct http_req *rq, struct http_resp *rs)
{
	struct doc d = DOC_INIT;
	char err[256];
	int32_t period;
	if (period_parse(rq->params[1], &period))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_PERIOD, "value",
				  rq->params[1], MSG_END);
	int rc = notice_publicity(rq->store, rq->params[0], period, date_today(), &d, err,
				  sizeof err);
	if (rc == WG_ENOTFOUND &&
	    store_project_in_scope(rq->store, rq->params[0], SCOPE_ADMIN, NULL) == WG_ENOTFOUND)
		rc = http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_FOUND, "project",
				rq->params[0], MSG_END);
	else if (rc == WG_ENOTFOUND)
		rc = http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PUBLICITY_NO_PAYROLL, "project",
				rq->params[0], "period", rq->params[1], MSG_END);
	else if (!rc)
		rc = send_doc(rq, rs, &d, false);
	doc_release(&d);
	return rc;
}

static int add_period(void *ctx, int64_t period)
{
	return json_array_append_new(ctx, http_period(period));
}

/* The months a project's wage publicity can be shown for (those with payroll), latest
 * first: the public page opens on the first. */
int h_public_periods(struct http_req *rq, struct http_resp *rs)
{
	if (store_project_in_scope(rq->store, rq->params[0], SCOPE_ADMIN, NULL) == WG_ENOTFOUND)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_FOUND, "project",
				  rq->params[0], MSG_END);
	json_t *periods = json_array();
	int rc = store_project_payroll_periods(rq->store, rq->params[0], add_period, periods);
	if (rc) {
		json_decref(periods);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:s, s:o}", "project", rq->params[0], "periods", periods));
}
