/* h_documents.c — relief's numbered documents (SPEC §11): the list within the caller's scope
 * (a regulator's region, the documents addressed to an enterprise), one document as JSON for
 * the web UI, a Chinese HTML page or an A4 PDF, and the record of its service (送达回证); and
 * the inspection tasks that red warnings open (SPEC §5), listed where the regulator works. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/document.h"
#include "http/http.h"
#include "render/doc.h"
#include "store/case.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

static json_t *doc_json(const struct document_row *d)
{
	const struct document_kind *k = document_kind_by_name(d->kind);
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(d->id));
	json_object_set_new(j, "number", json_string(d->number));
	json_object_set_new(j, "kind", json_string(d->kind));
	json_object_set_new(j, "title", k ? json_string(k->title_zh) : json_null());
	json_object_set_new(j, "addressee", json_string(d->addressee));
	json_object_set_new(j, "issued", http_date(d->issued));
	json_object_set_new(j, "deadline", d->deadline >= 0 ? http_date(d->deadline) : json_null());
	json_object_set_new(j, "amount", http_money(d->amount));
	json_object_set_new(j, "status", json_string(d->status));
	return j;
}

struct list_ctx {
	json_t *items;
	int64_t offset, limit, seen;
};

static int add_doc(void *ctx, const struct document_row *d)
{
	struct list_ctx *c = ctx;
	if (c->seen++ < c->offset || c->seen > c->offset + c->limit)
		return 0;
	return json_array_append_new(c->items, doc_json(d)) ? WG_ENOMEM : 0;
}

int h_documents(struct http_req *rq, struct http_resp *rs)
{
	int64_t page;
	struct list_ctx c = {.items = json_array()};
	http_paging(rq, &c.offset, &c.limit, &page);
	int rc = store_documents_list(rq->store, (int)rq->who.role, rq->who.scope,
				      http_query(rq, "kind"), add_doc, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:I, s:I, s:I}", "items", c.items, "page",
				   (json_int_t)page, "per_page", (json_int_t)c.limit, "total",
				   (json_int_t)c.seen));
}

/* The document of the path, if the caller may see it: 0, 1 answered, or a wg_status. */
static int load(struct http_req *rq, struct http_resp *rs, struct document_row *d)
{
	char *end;
	long long id = strtoll(rq->params[0], &end, 10);
	int rc = *rq->params[0] && !*end && id > 0 ? store_document_get_id(rq->store, id, d)
						   : WG_ENOTFOUND;
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	bool ok = rc == WG_OK;
	if (ok && rq->who.role == ROLE_REGULATOR) {
		char r[24];
		snprintf(r, sizeof r, "%lld", (long long)d->region);
		ok = strncmp(r, rq->who.scope, strlen(rq->who.scope)) == 0;
	} else if (ok && rq->who.role == ROLE_ENTERPRISE) {
		ok = strcmp(d->addressee, rq->who.scope) == 0;
	} else if (ok) {
		ok = rq->who.role == ROLE_ADMIN;
	}
	if (!ok) {
		http_error(rs, 404, "NOT_FOUND", MSG_RELIEF_DOCUMENT_NOT_FOUND, "number",
			   rq->params[0], MSG_END);
		return 1;
	}
	return 0;
}

struct services {
	json_t *arr;
};

static int add_service(void *ctx, const struct document_service *v)
{
	struct services *s = ctx;
	json_t *j = json_pack("{s:s, s:o, s:s, s:s?}", "method", v->method, "served_on",
			      http_date(v->served_on), "recipient", v->recipient, "note", v->note);
	return json_array_append_new(s->arr, j) ? WG_ENOMEM : 0;
}

int h_document(struct http_req *rq, struct http_resp *rs)
{
	struct document_row d;
	int rc = load(rq, rs, &d);
	if (rc)
		return rc < 0 ? rc : 0;
	const char *format = http_query(rq, "format");
	if (format && strcmp(format, "json") != 0 && strcmp(format, "html") != 0 &&
	    strcmp(format, "pdf") != 0)
		return http_error(rs, 400, "BAD_REQUEST", MSG_RELIEF_DOCUMENT_FORMAT, MSG_END);
	struct doc doc = DOC_INIT;
	struct msg err;
	/* the regulator's own copy names the workers in full; the addressee's is masked */
	int flags = rq->who.role == ROLE_ENTERPRISE ? 0 : DOCUMENT_REVEAL;
	char *body = d.body ? strdup(d.body) : NULL;
	d.body = body;
	if ((rc = document_render(rq->store, &d, flags, &doc, &err))) {
		free(body);
		doc_release(&doc);
		return rc;
	}
	if (!format || strcmp(format, "json") == 0) {
		json_t *j = doc_json(&d);
		struct services sv = {.arr = json_array()};
		rc = store_document_services(rq->store, d.id, add_service, &sv);
		json_object_set_new(j, "services", sv.arr);
		json_object_set_new(j, "document", render_json(&doc));
		if (!rc)
			rc = http_json(rs, 200, j);
		else
			json_decref(j);
	} else if (strcmp(format, "html") == 0) {
		struct dbuf b = DBUF_INIT;
		b.max = 16u << 20;
		if (render_html(&doc, &b)) {
			dbuf_release(&b);
			rc = WG_ENOMEM;
		} else {
			rs->body = b.p ? b.p : strdup("");
			rs->body_len = b.len;
			rs->content_type = "text/html; charset=utf-8";
		}
	} else {
		char *buf = NULL, why[256];
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (!f) {
			rc = WG_ENOMEM;
		} else {
			int failed = render_pdf(&doc, f, why, sizeof why);
			fclose(f);
			if (failed) {
				free(buf);
				rc = http_error(rs, 500, "INTERNAL", MSG_RELIEF_DOCUMENT_DRAW,
						"reason", why, MSG_END);
			} else {
				rs->body = buf;
				rs->body_len = len;
				rs->content_type = "application/pdf";
			}
		}
	}
	free(body);
	doc_release(&doc);
	return rc;
}

int h_document_service(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"method", "served_on", "recipient", "note", NULL};
	json_t *in = http_body(rq, rs, fields);
	if (!in)
		return 0;
	struct document_row d;
	int rc = load(rq, rs, &d);
	const char *method = NULL, *on = NULL, *recipient = NULL, *note = NULL;
	int32_t day = date_today();
	if (rc) {
		json_decref(in);
		return rc < 0 ? rc : 0;
	}
	if (http_body_str(in, rs, "method", true, &method) ||
	    http_body_str(in, rs, "served_on", false, &on) ||
	    http_body_str(in, rs, "recipient", true, &recipient) ||
	    http_body_str(in, rs, "note", false, &note))
		goto done;
	if (on && date_parse(on, &day)) {
		http_field_error(rs, 422, "INVALID_FIELD", "served_on", MSG_RELIEF_DATE_BAD,
				 "value", on, MSG_END);
		goto done;
	}
	struct msg err;
	char number[96];
	snprintf(number, sizeof number, "%s", d.number);
	rc = document_serve(rq->store, number, method, day, recipient, note, rq->who.username,
			    &err);
	if (rc == WG_EINPUT)
		rc = http_error_msg(rs, 422, "INVALID", &err);
	else if (!rc) {
		json_t *j = doc_json(&d);
		struct services sv = {.arr = json_array()};
		rc = store_document_services(rq->store, d.id, add_service, &sv);
		json_object_set_new(j, "services", sv.arr);
		if (!rc)
			rc = http_json(rs, 201, j);
		else
			json_decref(j);
	}
done:
	json_decref(in);
	return rc;
}

/* ---- inspection tasks ---- */

static const char *const levels[] = {"yellow", "orange", "red"};

struct tasks_ctx {
	json_t *items;
	int64_t offset, limit, seen;
};

static int add_task(void *ctx, const struct inspection_task *t)
{
	struct tasks_ctx *c = ctx;
	if (c->seen++ < c->offset || c->seen > c->offset + c->limit)
		return 0;
	char region[24];
	snprintf(region, sizeof region, "%lld", (long long)t->region);
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(t->id));
	json_object_set_new(j, "status", json_string(t->status));
	json_object_set_new(j, "opened_on", http_date(t->opened_on));
	json_object_set_new(j, "region", json_string(region));
	json_object_set_new(j, "warning_id", json_integer(t->warning_id));
	json_object_set_new(j, "rule", json_string(t->rule));
	json_object_set_new(j, "level",
			    json_string(t->level >= 0 && t->level <= 2 ? levels[t->level] : "red"));
	json_object_set_new(j, "amount", http_money(t->amount));
	json_object_set_new(j, "project", t->project ? json_string(t->project) : json_null());
	json_object_set_new(j, "project_name",
			    t->project_name ? json_string(t->project_name) : json_null());
	json_object_set_new(j, "employer", t->employer ? json_string(t->employer) : json_null());
	json_object_set_new(j, "employer_name",
			    t->employer_name ? json_string(t->employer_name) : json_null());
	json_object_set_new(j, "warning_resolved_on",
			    t->resolved_on >= 0 ? http_date(t->resolved_on) : json_null());
	return json_array_append_new(c->items, j) ? WG_ENOMEM : 0;
}

int h_inspection_tasks(struct http_req *rq, struct http_resp *rs)
{
	const char *open = http_query(rq, "open");
	int64_t page;
	struct tasks_ctx c = {.items = json_array()};
	http_paging(rq, &c.offset, &c.limit, &page);
	int rc = store_inspection_tasks(rq->store, rq->who.role == ROLE_ADMIN ? "" : rq->who.scope,
					!open || strcmp(open, "0") != 0, add_task, &c);
	if (rc) {
		json_decref(c.items);
		return rc;
	}
	return http_json(rs, 200,
			 json_pack("{s:o, s:I, s:I, s:I}", "items", c.items, "page",
				   (json_int_t)page, "per_page", (json_int_t)c.limit, "total",
				   (json_int_t)c.seen));
}
