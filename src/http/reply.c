/* reply.c — what handlers answer with: the error shape of SPEC §12 in the caller's language,
 * JSON bodies, money, dates and periods as JSON values, personal data masked unless the caller
 * is entitled, and work deferred to a work thread. Exports the reply part of http/http.h. */
#include <jansson.h>
#include <stdarg.h>
#include <string.h>

#include "domain/view.h"
#include "http/http.h"
#include "util/banned.h"

json_t *http_error_object(const struct http_resp *rs, const char *code, const struct msg *m)
{
	char text[MSG_BUFSZ];
	return json_pack("{s:s, s:s, s:s, s:o*}", "code", code, "message",
			 msg_render(m, rs->lang, text, sizeof text), "message_id", msg_code(m->id),
			 "params", msg_params_json(m, rs->lang));
}

int http_error_msg(struct http_resp *rs, int status, const char *code, const struct msg *m)
{
	json_decref(rs->json);
	rs->status = status;
	rs->json = json_pack("{s:o*}", "error", http_error_object(rs, code, m));
	return 0;
}

int http_error(struct http_resp *rs, int status, const char *code, enum msg_id id, ...)
{
	struct msg m = {.id = id};
	va_list ap;
	va_start(ap, id);
	for (const char *name; (name = va_arg(ap, const char *));)
		msg_add(&m, name, va_arg(ap, const char *));
	va_end(ap);
	return http_error_msg(rs, status, code, &m);
}

int http_json(struct http_resp *rs, int status, json_t *j)
{
	json_decref(rs->json);
	rs->status = status;
	rs->json = j;
	if (!j)
		return http_error(rs, 500, "INTERNAL", MSG_HTTP_NOMEM, MSG_END);
	return 0;
}

json_t *http_money(int64_t fen)
{
	return view_money(fen);
}

json_t *http_date(int64_t day)
{
	return view_date(day);
}

json_t *http_period(int64_t period)
{
	return view_period(period);
}

struct view_reader http_reader(const struct http_req *rq)
{
	struct view_reader r = {.all = rq->who.role == ROLE_ADMIN};
	if (rq->who.role == ROLE_WORKER)
		r.self = rq->who.scope;
	return r;
}

bool http_may_reveal(const struct http_req *rq, const char *id_number)
{
	struct view_reader r = http_reader(rq);
	return view_may_reveal(&r, id_number);
}

const char *http_id(const struct http_req *rq, const char *id_number, const char *owner, char *buf)
{
	struct view_reader r = http_reader(rq);
	return view_id(&r, id_number, owner, buf);
}

const char *http_card(const struct http_req *rq, const char *card, const char *owner, char *buf)
{
	struct view_reader r = http_reader(rq);
	return view_card(&r, card, owner, buf);
}

const char *http_phone(const struct http_req *rq, const char *phone, const char *owner, char *buf)
{
	struct view_reader r = http_reader(rq);
	return view_phone(&r, phone, owner, buf);
}

int http_defer(struct http_resp *rs, void (*fn)(struct store *s, void *ctx, struct http_resp *rs),
	       void *ctx)
{
	rs->defer = fn;
	rs->defer_ctx = ctx;
	return 0;
}
