/* h_session.c — logging in and out, and who am I. */
#include <stdio.h>
#include <string.h>

#include "http/http.h"
#include "http/router.h"
#include "util/err.h"
#include "util/banned.h"

static json_t *me(const struct principal *p)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s}", "username", p->username, "role",
			 role_name(p->role), "scope", p->scope, "display_name", p->display_name,
			 "csrf_token", p->csrf);
}

int h_login(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"username", "password", NULL};
	json_t *in = http_body(rq, rs, fields);
	const char *name = NULL, *password = NULL;
	if (!in)
		return 0;
	if (http_body_str(in, rs, "username", true, &name) ||
	    http_body_str(in, rs, "password", true, &password)) {
		json_decref(in);
		return 0;
	}
	if (router_throttled(name, rq->remote)) {
		json_decref(in);
		return http_error(rs, 429, "TOO_MANY_ATTEMPTS", MSG_AUTH_LOCKED, MSG_END);
	}
	struct principal p;
	char token[USER_TOKEN_BUFSZ];
	int rc = user_login(rq->store, name, password, &p, token);
	router_note_login(name, rq->remote, rc == WG_OK);
	json_decref(in);
	if (rc == WG_EINPUT)
		return http_error(rs, 401, "UNAUTHENTICATED", MSG_AUTH_WRONG_PASSWORD, MSG_END);
	if (rc)
		return rc;
	snprintf(rs->cookie, sizeof rs->cookie,
		 "wg_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
		 SESSION_SECONDS);
	json_t *user = me(&p);
	return http_json(rs, 200, json_pack("{s:o, s:s}", "user", user, "csrf_token", p.csrf));
}

int h_logout(struct http_req *rq, struct http_resp *rs)
{
	if (rq->token && rq->who.kind == 0) {
		int rc = user_logout(rq->store, rq->token);
		if (rc)
			return rc;
	}
	snprintf(rs->cookie, sizeof rs->cookie,
		 "wg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	return http_json(rs, 200, json_pack("{s:b}", "logged_out", 1));
}

int h_me(struct http_req *rq, struct http_resp *rs)
{
	return http_json(rs, 200, me(&rq->who));
}
