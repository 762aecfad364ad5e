/* h_session.c — logging in (throttled per user and address, the password checked on a
 * work thread) and out, and who am I. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/http.h"
#include "http/limit.h"
#include "util/err.h"
#include "util/banned.h"

static json_t *me(const struct principal *p)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s}", "username", p->username, "role",
			 role_name(p->role), "scope", p->scope, "display_name", p->display_name,
			 "csrf_token", p->csrf);
}

#define NAME_MAX_BYTES 64
#define NAME_MAX_TEXT "64"
#define PASSWORD_MAX_BYTES 1024
#define PASSWORD_MAX_TEXT "1024"

/* A login waiting for its password check on a work thread: its own copies of everything. */
struct login_job {
	char name[NAME_MAX_BYTES + 1], remote[64];
	char *password;
};

static void login_free(struct login_job *j)
{
	if (j->password) {
		sodium_memzero(j->password, strlen(j->password));
		free(j->password);
	}
	free(j);
}

/* The throttle's answer: 429 with the time to wait, in words and in Retry-After. */
static int throttled(struct http_resp *rs, int wait)
{
	char minutes[16];
	snprintf(minutes, sizeof minutes, "%d", (wait + 59) / 60);
	http_error(rs, 429, "TOO_MANY_ATTEMPTS", MSG_AUTH_LOCKED, "minutes", minutes, MSG_END);
	rs->retry_after = wait;
	return 0;
}

/* On a work thread: checks the password, records the outcome, answers. s NULL: cancelled. */
static void login_work(struct store *s, void *ctx, struct http_resp *rs)
{
	struct login_job *j = ctx;
	if (!s) {
		login_free(j);
		return;
	}
	/* another attempt may have used the allowance while this one waited */
	time_t now = time(NULL);
	int wait = limit_login_wait(j->name, j->remote, now);
	if (wait) {
		throttled(rs, wait);
		login_free(j);
		return;
	}
	struct principal p;
	char token[USER_TOKEN_BUFSZ];
	int rc = user_login(s, j->name, j->password, &p, token);
	limit_login_note(j->name, j->remote, rc == WG_OK, now);
	login_free(j);
	if (rc == WG_EINPUT) {
		http_error(rs, 401, "UNAUTHENTICATED", MSG_AUTH_WRONG_PASSWORD, MSG_END);
		return;
	}
	if (rc) {
		http_error(rs, 500, "INTERNAL", MSG_HTTP_INTERNAL, MSG_END);
		fprintf(stderr,
			"{\"log\":\"error\",\"path\":\"/api/v1/session\",\"message\":\"%s\"}\n",
			wg_strerror(rc));
		return;
	}
	snprintf(rs->cookie, sizeof rs->cookie,
		 "wg_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
		 SESSION_SECONDS, http_cookie_secure());
	json_t *user = me(&p);
	http_json(rs, 200, json_pack("{s:o, s:s}", "user", user, "csrf_token", p.csrf));
}

int h_login(struct http_req *rq, struct http_resp *rs)
{
	static const char *const fields[] = {"username", "password", NULL};
	json_t *in = http_body(rq, rs, fields);
	const char *name = NULL, *password = NULL;
	struct login_job *j = NULL;
	int rc = 0;
	if (!in)
		return 0;
	if (http_body_str(in, rs, "username", true, &name) ||
	    http_body_str(in, rs, "password", true, &password))
		goto cleanup;
	if (strlen(name) > NAME_MAX_BYTES || strlen(password) > PASSWORD_MAX_BYTES) {
		rc = http_error(rs, 400, "BAD_REQUEST", MSG_AUTH_FIELDS_TOO_LONG, "name_max",
				NAME_MAX_TEXT, "password_max", PASSWORD_MAX_TEXT, MSG_END);
		goto cleanup;
	}
	int wait = limit_login_wait(name, rq->remote ? rq->remote : "-", time(NULL));
	if (wait) {
		rc = throttled(rs, wait);
		goto cleanup;
	}
	if (!(j = calloc(1, sizeof *j)) || !(j->password = strdup(password))) {
		free(j);
		rc = WG_ENOMEM;
		goto cleanup;
	}
	snprintf(j->name, sizeof j->name, "%s", name);
	snprintf(j->remote, sizeof j->remote, "%s", rq->remote ? rq->remote : "-");
	rc = http_defer(rs, login_work, j);
cleanup:
	json_decref(in);
	return rc;
}

int h_logout(struct http_req *rq, struct http_resp *rs)
{
	if (rq->token && rq->who.kind == 0) {
		int rc = user_logout(rq->store, rq->token);
		if (rc)
			return rc;
	}
	snprintf(rs->cookie, sizeof rs->cookie,
		 "wg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		 http_cookie_secure());
	return http_json(rs, 200, json_pack("{s:b}", "logged_out", 1));
}

int h_me(struct http_req *rq, struct http_resp *rs)
{
	return http_json(rs, 200, me(&rq->who));
}
