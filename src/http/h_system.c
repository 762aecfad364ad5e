/* h_system.c — /healthz, /metrics and the OpenAPI document. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "store/project.h"
#include "util/err.h"
#include "util/banned.h"

/* docs/api/openapi.json, linked into the binary by the Makefile */
extern const char _binary_docs_api_openapi_json_start[], _binary_docs_api_openapi_json_end[];

int h_healthz(struct http_req *rq, struct http_resp *rs)
{
	struct project_summary p;
	/* a cheap query proves the database answers */
	int rc = store_project_summary(rq->store, "", &p);
	if (rc && rc != WG_ENOTFOUND)
		return http_error(rs, 503, "UNAVAILABLE", MSG_HTTP_DB_SILENT, MSG_END);
	return http_json(rs, 200, json_pack("{s:s}", "status", "ok"));
}

/* The counters tell load and error rates: for the operator's own scraper, on this machine. */
int h_metrics(struct http_req *rq, struct http_resp *rs)
{
	if (!http_from_loopback(rq))
		return http_error(rs, 403, "FORBIDDEN", MSG_HTTP_METRICS_LOOPBACK, MSG_END);
	http_metrics_text(&rs->body, &rs->body_len);
	rs->content_type = "text/plain; version=0.0.4; charset=utf-8";
	return 0;
}

int h_openapi(struct http_req *rq, struct http_resp *rs)
{
	(void)rq;
	/* the two symbols bound the linked-in bytes: compare them as addresses, not pointers */
	size_t n = (size_t)((uintptr_t)_binary_docs_api_openapi_json_end -
			    (uintptr_t)_binary_docs_api_openapi_json_start);
	rs->body = malloc(n + 1);
	if (!rs->body)
		return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOMEM, MSG_END);
	memcpy(rs->body, _binary_docs_api_openapi_json_start, n);
	rs->body[n] = '\0';
	rs->body_len = n;
	rs->content_type = "application/json; charset=utf-8";
	return 0;
}
