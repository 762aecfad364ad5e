/* reply.c — what handlers answer with: the error shape of SPEC §12 in the caller's language,
 * JSON bodies, money, dates and periods as JSON values, personal data masked unless the caller
 * is entitled, and work deferred to a work thread. Exports the reply part of http/http.h. */
#include <jansson.h>
#include <stdarg.h>
#include <string.h>

#include "domain/view.h"
#include "http/http.h"
#include "util/mask.h"
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

bool http_may_reveal(const struct http_req *rq, const char *id_number)
{
	if (rq->who.role == ROLE_ADMIN)
		return true;
	return rq->who.role == ROLE_WORKER && id_number && strcmp(rq->who.scope, id_number) == 0;
}

const char *http_id(const struct http_req *rq, const char *id_number, const char *owner, char *buf)
{
	if (!id_number)
		return NULL;
	return http_may_reveal(rq, owner) ? id_number : mask_id(id_number, buf);
}

const char *http_card(const struct http_req *rq, const char *card, const char *owner, char *buf)
{
	if (!card)
		return NULL;
	return http_may_reveal(rq, owner) ? card : mask_card(card, buf);
}

const char *http_phone(const struct http_req *rq, const char *phone, const char *owner, char *buf)
{
	if (!phone)
		return NULL;
	return http_may_reveal(rq, owner) ? phone : mask_phone(phone, buf);
}

int http_defer(struct http_resp *rs, void (*fn)(struct store *s, void *ctx, struct http_resp *rs),
	       void *ctx)
{
	rs->defer = fn;
	rs->defer_ctx = ctx;
	return 0;
}
