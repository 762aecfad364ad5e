/* body.c — reading a request's JSON body, for every handler that takes one: one JSON object
 * whose keys are all fields the endpoint knows, so that a misspelt field ("project_code" for
 * "project") is refused naming it instead of silently ignored; typed field access that names
 * the field at fault; the error answer that names a field. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http/http.h"
#include "util/msg.h"
#include "util/banned.h"

int http_field_error(struct http_resp *rs, int status, const char *code, const char *field,
		     enum msg_id id, ...)
{
	struct msg m;
	va_list ap;
	va_start(ap, id);
	msg_setv(&m, id, ap);
	va_end(ap);
	http_error_msg(rs, status, code, &m);
	json_t *e = json_object_get(rs->json, "error");
	if (e)
		json_object_set_new(e, "field", json_string(field));
	return 0;
}

json_t *http_body(const struct http_req *rq, struct http_resp *rs, const char *const fields[])
{
	json_error_t jerr;
	json_t *in = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in) {
		char line[16], column[16];
		snprintf(line, sizeof line, "%d", jerr.line);
		snprintf(column, sizeof column, "%d", jerr.column);
		http_error(rs, 400, "BAD_JSON", MSG_HTTP_BAD_JSON, "reason", jerr.text, "line",
			   line, "column", column, MSG_END);
		return NULL;
	}
	if (!json_is_object(in)) {
		json_decref(in);
		http_error(rs, 400, "BAD_JSON", MSG_HTTP_BODY_NOT_OBJECT, MSG_END);
		return NULL;
	}
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v)
	{
		bool known = false;
		for (int i = 0; fields[i] && !known; i++)
			known = strcmp(key, fields[i]) == 0;
		if (known)
			continue;
		char list[256];
		size_t used = 0;
		list[0] = '\0';
		for (int i = 0; fields[i] && used < sizeof list; i++) {
			int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
					 fields[i]);
			used += w > 0 ? (size_t)w : 0;
		}
		/* the key is the client's own text: cut, and sent back as JSON (escaped) */
		char name[80];
		snprintf(name, sizeof name, "%.64s", key);
		http_field_error(rs, 400, "UNKNOWN_FIELD", name, MSG_HTTP_UNKNOWN_FIELD, "field",
				 name, "fields", list, MSG_END);
		json_decref(in);
		return NULL;
	}
	return in;
}

int http_body_str(json_t *in, struct http_resp *rs, const char *field, bool required,
		  const char **out)
{
	json_t *v = json_object_get(in, field);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		http_field_error(rs, 400, "MISSING_FIELD", field, MSG_HTTP_MISSING_FIELD, "field",
				 field, MSG_END);
		return -1;
	}
	if (!json_is_string(v)) {
		http_field_error(rs, 400, "BAD_FIELD", field, MSG_HTTP_FIELD_NOT_STRING, "field",
				 field, MSG_END);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}
