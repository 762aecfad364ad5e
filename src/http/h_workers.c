/* h_workers.c — a worker's record and wage history (the worker themself, or staff). */
#include <stdio.h>
#include <string.h>

#include "domain/view.h"
#include "http/http.h"
#include "store/worker.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/banned.h"

static int add_month(void *ctx, const struct worker_month *m)
{
	return json_array_append_new(ctx, view_worker_month(m));
}

int h_worker(struct http_req *rq, struct http_resp *rs)
{
	char id[19], mi[MASK_BUFSZ], mc[MASK_BUFSZ], mp[MASK_BUFSZ];
	if (idcard_validate(rq->params[0], id))
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_NOT_ID, "value", rq->params[0],
				  MSG_END);
	/* a regulator sees the people of the projects of their region, a worker themself */
	int rc = http_worker_access(rq, rs, id);
	if (rc == WG_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	struct worker_summary w;
	rc = store_worker_summary(rq->store, id, &w);
	if (rc == WG_ENOTFOUND)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_WORKER_NOT_FOUND, MSG_END);
	if (rc)
		return rc;
	json_t *j = json_pack("{s:s, s:s?, s:b, s:s?, s:s?, s:s?, s:I}", "id_number",
			      http_id(rq, w.id_number, id, mi), "name", w.name, "registered",
			      w.registered, "phone", http_phone(rq, w.phone, id, mp), "bank_card",
			      http_card(rq, w.bank_card, id, mc), "bank_code", w.bank_code,
			      "employments", (json_int_t)w.employments);
	json_t *months = json_array();
	json_object_set_new(j, "months", months);
	if ((rc = store_worker_months(rq->store, id, add_month, months))) {
		json_decref(j);
		return rc;
	}
	return http_json(rs, 200, j);
}
