/* h_imports.c — CSV uploads through the same atomic, idempotent importer as the CLI. An
 * enterprise may upload its projects' records and the people on them, a bank the
 * allocations and payments of projects whose dedicated account it keeps; a row outside the
 * caller's scope is one more rejected line, a rejected file stores nothing, and no error
 * shows a stored value to a caller who may not see it. */
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "domain/import.h"
#include "domain/import_kinds.h"
#include "http/http.h"
#include "store/project.h"
#include "util/err.h"
#include "util/banned.h"

#define DETAILS_MAX 10000

struct problems {
	json_t *details;
	int64_t count;
	enum msg_lang lang;
	const char *label; /* the file as the uploader knows it: never the server's spool path */
};

static void collect(void *ctx, const char *file, long line, const char *col, const struct msg *m)
{
	struct problems *p = ctx;
	char text[MSG_BUFSZ];
	(void)file;
	if (++p->count > DETAILS_MAX)
		return;
	/* the CSV reader names the file it reads: the upload's spool file, which is nobody's
	 * business; the uploader sees the kind's file name instead */
	struct msg named = *m;
	for (int i = 0; i < named.n; i++)
		if (strcmp(named.p[i].name, "file") == 0)
			snprintf(named.p[i].value, sizeof named.p[i].value, "%s", p->label);
	m = &named;
	json_array_append_new(p->details,
			      json_pack("{s:I, s:s?, s:s, s:s, s:o*}", "line", (json_int_t)line,
					"column", col, "message",
					msg_render(m, p->lang, text, sizeof text), "message_id",
					msg_code(m->id), "params", msg_params_json(m, p->lang)));
}

#define CONVERT_MAX (64u << 20) /* larger files must come as UTF-8 */

/* Whether buf holds only well-formed UTF-8. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t k = c < 0x80      ? 1
			: (c >> 5) == 6  ? 2
			: (c >> 4) == 14 ? 3
			: (c >> 3) == 30 ? 4
					 : 0;
		if (!k || i + k > n || (k == 2 && c < 0xC2))
			return false;
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k;
	}
	return true;
}

/* Rewrites the upload at path in UTF-8 when it is not UTF-8 but reads as GB18030 (a superset
 * of GBK and GB2312, what Excel saves "CSV" as on Chinese Windows); leaves anything else as it
 * is for the reader to report. 0, or -1 when the file cannot be read or written. */
static int to_utf8(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct stat st;
	if (fstat(fileno(f), &st) || st.st_size <= 0 || (size_t)st.st_size > CONVERT_MAX) {
		fclose(f);
		return 0;
	}
	size_t n = (size_t)st.st_size, cap = n * 3 / 2 + 16;
	char *in = malloc(n), *out = malloc(cap);
	int rc = 0;
	if (!in || !out || fread(in, 1, n, f) != n) {
		rc = -1;
		goto done;
	}
	if (utf8_ok((const unsigned char *)in, n))
		goto done;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		goto done;
	char *ip = in, *op = out;
	size_t il = n, ol = cap;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1 || il)
		goto done; /* not GB18030 either: the reader says where it is not UTF-8 */
	FILE *w = freopen(path, "wb", f);
	f = w;
	if (!w || fwrite(out, 1, (size_t)(op - out), w) != (size_t)(op - out))
		rc = -1;
done:
	if (f)
		fclose(f);
	free(in);
	free(out);
	return rc;
}

struct scope_ctx {
	struct http_req *rq;
	char last[72];
	int last_ok;
};

/* A person's record may be uploaded by anyone (registering them) until it is stored;
 * afterwards only by those who have the person on one of their projects. */
static int allow_person(struct scope_ctx *c, const char *id_number, const char **col,
			const char *name, struct msg *msg)
{
	int rc = c->rq->store->ops->ref_exists(c->rq->store, COL_PERSON, id_number);
	if (rc == WG_ENOTFOUND)
		return 0;
	if (rc == WG_OK && http_worker_in_scope(c->rq, id_number) == WG_OK)
		return 0;
	*col = name;
	msg_set(msg, MSG_IMPORT_PERSON_NOT_YOURS, "value", id_number, MSG_END);
	return -1;
}

/* A row's project must be within the uploader's scope (remembered for the last project:
 * files come sorted by project). */
static int allow(void *ctx, const struct rec *r, const char **col, struct msg *msg)
{
	struct scope_ctx *c = ctx;
	const struct kind_desc *d = schema_kind(r->kind);
	int pc = -1;
	for (int i = 0; i < d->ncols && pc < 0; i++)
		if (d->cols[i].type == COL_PROJECT)
			pc = i;
	if (c->rq->who.role == ROLE_ADMIN)
		return 0;
	if (r->kind == REC_WORKER)
		return allow_person(c, r->v[WRK_ID_NUMBER].s, col, d->cols[WRK_ID_NUMBER].name,
				    msg);
	if (pc < 0)
		return 0;
	const char *code = r->v[pc].s;
	if (strcmp(c->last, code) != 0) {
		snprintf(c->last, sizeof c->last, "%s", code);
		c->last_ok = store_project_in_scope(c->rq->store, code, (int)c->rq->who.role,
						    c->rq->who.scope) == WG_OK;
	}
	if (c->last_ok)
		return 0;
	*col = d->cols[pc].name;
	msg_set(msg, MSG_IMPORT_NOT_YOURS, "project", code, MSG_END);
	return -1;
}

int h_import(struct http_req *rq, struct http_resp *rs)
{
	const struct kind_desc *kind = schema_kind_by_name(rq->params[0]);
	if (!kind)
		return http_error(rs, 404, "NOT_FOUND", MSG_HTTP_IMPORT_KIND, "kind", rq->params[0],
				  MSG_END);
	if (!import_kind_may_upload(kind->kind, rq->who.role))
		return http_error(rs, 403, "FORBIDDEN", MSG_HTTP_IMPORT_FORBIDDEN, "role",
				  role_name(rq->who.role), "kind", kind->name, MSG_END);
	if (!rq->body_file)
		return http_error(rs, 400, "BAD_REQUEST", MSG_HTTP_UPLOAD_BODY, MSG_END);
	const char *path = rq->body_file;
	char label[64];
	snprintf(label, sizeof label, "%s.csv", kind->name);
	struct scope_ctx sc = {.rq = rq};
	struct import_opts o = {.label = label,
				.allow = allow,
				.allow_ctx = &sc,
				.hide_stored = rq->who.role != ROLE_ADMIN};
	struct problems pr = {.details = json_array(), .lang = rs->lang, .label = label};
	/* a CSV saved by Excel on a Chinese Windows is GBK / GB18030: read as such */
	if (to_utf8(path) < 0) {
		json_decref(pr.details);
		return http_error(rs, 500, "INTERNAL", MSG_HTTP_UPLOAD_HOLD, MSG_END);
	}
	struct import_stats st;
	int rc = import_file(rq->store, kind, path, &o, &st, collect, &pr);
	if (rc == WG_EINPUT) {
		struct msg m;
		json_t *e = http_error_object(rs, "IMPORT_REJECTED",
					      msg_set(&m, MSG_IMPORT_REJECTED_API, MSG_END));
		if (e) {
			json_object_set_new(e, "details", pr.details);
			json_object_set_new(e, "problems", json_integer(pr.count));
		} else {
			json_decref(pr.details);
		}
		return http_json(rs, 422, e ? json_pack("{s:o}", "error", e) : NULL);
	}
	json_decref(pr.details);
	if (rc == WG_ERETRY)
		return http_error(rs, 503, "BUSY", MSG_HTTP_DB_BUSY, MSG_END);
	if (rc)
		return rc;
	return http_json(rs, 200,
			 json_pack("{s:s, s:I, s:I, s:I, s:I, s:I}", "kind", kind->name, "rows",
				   (json_int_t)st.rows, "inserted", (json_int_t)st.inserted,
				   "unchanged", (json_int_t)st.unchanged, "amended",
				   (json_int_t)st.amended, "status_changes",
				   (json_int_t)st.status_changes));
}
