/* router.c — the route table walk, authentication and authorisation of every request, the
 * request's query, headers and paging, the project and worker scope checks handlers share, and
 * rate limits. Every endpoint is listed in http_routes[] (routes.c) with the roles allowed; the
 * helpers that build answers are in reply.c. */
#include "http/router.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/limit.h"
#include "store/project.h"
#include "store/worker.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/banned.h"

const char *http_query(const struct http_req *rq, const char *key)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *http_header(const struct http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

bool http_from_loopback(const struct http_req *rq)
{
	static const char *const proxied[] = {"Forwarded", "X-Forwarded-For", "X-Real-IP"};
	const char *a = rq->remote ? rq->remote : "";
	if (strncmp(a, "127.", 4) != 0 && strcmp(a, "::1") != 0 &&
	    strncmp(a, "::ffff:127.", 11) != 0)
		return false;
	/* a reverse proxy on this machine connects from loopback on behalf of anyone */
	for (size_t i = 0; i < sizeof proxied / sizeof proxied[0]; i++)
		if (http_header(rq, proxied[i]))
			return false;
	return true;
}

void http_paging(const struct http_req *rq, int64_t *offset, int64_t *limit, int64_t *page)
{
	const char *p = http_query(rq, "page"), *n = http_query(rq, "per_page");
	long long pg = p ? strtoll(p, NULL, 10) : 1, per = n ? strtoll(n, NULL, 10) : 50;
	if (pg < 1)
		pg = 1;
	if (per < 1)
		per = 50;
	if (per > 500)
		per = 500;
	/* no list is that long: a page past HTTP_PAGE_MAX is as empty as the one after the
	 * last, and (page - 1) * per_page stays far from overflowing */
	if (pg > HTTP_PAGE_MAX)
		pg = HTTP_PAGE_MAX;
	*page = pg;
	*limit = per;
	*offset = (pg - 1) * per;
}

int http_project_access(struct http_req *rq, struct http_resp *rs, const char *code)
{
	int rc = store_project_in_scope(rq->store, code, (int)rq->who.role, rq->who.scope);
	if (rc == WG_ENOTFOUND)
		http_error(rs, 404, "NOT_FOUND", MSG_HTTP_PROJECT_NOT_IN_SCOPE, "project", code,
			   MSG_END);
	else if (rc)
		http_error(rs, 500, "INTERNAL", MSG_HTTP_STORE, "detail", rq->store->errmsg,
			   MSG_END);
	return rc;
}

/* Project codes, each once. */
struct codes {
	char (*code)[72];
	int n, cap;
};

static int codes_add(struct codes *l, const char *code)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->code[i], code) == 0)
			return 0;
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 16;
		void *p = realloc(l->code, sizeof *l->code * (size_t)cap);
		if (!p)
			return WG_ENOMEM;
		l->code = p, l->cap = cap;
	}
	snprintf(l->code[l->n++], sizeof l->code[0], "%s", code);
	return 0;
}

static int code_of_project(void *ctx, const struct project_row *r)
{
	return codes_add(ctx, r->code);
}

static int code_of_month(void *ctx, const struct worker_month *m)
{
	return codes_add(ctx, m->project);
}

int http_worker_in_scope(struct http_req *rq, const char *id_number)
{
	if (rq->who.role == ROLE_ADMIN)
		return WG_OK;
	if (rq->who.role == ROLE_WORKER)
		return strcmp(rq->who.scope, id_number) == 0 ? WG_OK : WG_ENOTFOUND;
	/* the projects the person is employed on, or has attendance or payroll on: collected
	 * first, then checked, so that no query runs inside another */
	struct store *s = rq->store;
	struct codes l = {0};
	int64_t total;
	int rc = store_project_list(s, SCOPE_WORKER, id_number, NULL, NULL, 0, 1000,
				    code_of_project, &l, &total);
	if (!rc)
		rc = store_worker_months(s, id_number, code_of_month, &l);
	if (!rc)
		rc = WG_ENOTFOUND;
	for (int i = 0; i < l.n && rc == WG_ENOTFOUND; i++)
		rc = store_project_in_scope(s, l.code[i], (int)rq->who.role, rq->who.scope);
	free(l.code);
	return rc;
}

int http_worker_access(struct http_req *rq, struct http_resp *rs, const char *id_number)
{
	int rc = http_worker_in_scope(rq, id_number);
	if (rc == WG_ENOTFOUND && rq->who.role == ROLE_WORKER)
		http_error(rs, 403, "FORBIDDEN", MSG_HTTP_WORKER_OWN_RECORDS, MSG_END);
	else if (rc == WG_ENOTFOUND)
		http_error(rs, 404, "NOT_FOUND", MSG_HTTP_WORKER_NOT_IN_SCOPE, MSG_END);
	else if (rc)
		http_error(rs, 500, "INTERNAL", MSG_HTTP_STORE, "detail", rq->store->errmsg,
			   MSG_END);
	return rc;
}

/* ---- rates ---------------------------------------------------------------------------- */

static struct limit_table *rates;
static pthread_once_t rates_once = PTHREAD_ONCE_INIT;

static void rates_make(void)
{
	rates = limit_new(16384);
}

/* One more event of kind for who; the seconds to wait when it is one too many, else 0. */
static int rate_hit(const char *kind, const char *who, int max, int window)
{
	char key[LIMIT_KEY_MAX];
	pthread_once(&rates_once, rates_make);
	if (!rates)
		return 0;
	snprintf(key, sizeof key, "%s\n%s", kind, who);
	time_t now = time(NULL);
	if (limit_hit(rates, key, window, now) <= max)
		return 0;
	int left;
	limit_count(rates, key, window, now, &left);
	return left > 0 ? left : 1;
}

int http_rate_limit(struct http_req *rq, struct http_resp *rs, const char *action, int max,
		    int window)
{
	bool user = rq->who.role != ROLE_PUBLIC;
	char who[96];
	snprintf(who, sizeof who, "%s:%s", user ? "user" : "addr",
		 user                 ? rq->who.username
			 : rq->remote ? rq->remote
				      : "-");
	int wait = rate_hit(action, who, max, window);
	if (!wait)
		return 0;
	char minutes[16];
	snprintf(minutes, sizeof minutes, "%d", (wait + 59) / 60);
	http_error(rs, 429, "TOO_MANY_REQUESTS", MSG_HTTP_RATE_LIMITED, "minutes", minutes,
		   MSG_END);
	rs->retry_after = wait;
	return 1;
}

/* ---- read cache -----------------------------------------------------------------------
 * Each server thread keeps the answers of cacheable GETs and who its tokens belong to, all
 * dropped as soon as the store's data version moves: nothing is served that a fresh
 * computation would answer differently. */

#define CACHE_SLOTS 512
#define AUTH_SECONDS 60 /* a cached login is checked again after this (expiry, disable) */

struct cached_answer {
	char *key, *body;
	size_t len;
	int status;
};

struct cached_auth {
	char token[USER_TOKEN_BUFSZ];
	struct principal who;
	time_t at;
};

struct thread_cache {
	int64_t version;
	struct cached_answer answer[CACHE_SLOTS];
	struct cached_auth auth[CACHE_SLOTS];
};

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_clear(struct thread_cache *c)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		free(c->answer[i].key);
		free(c->answer[i].body);
	}
	memset(c->answer, 0, sizeof c->answer);
	memset(c->auth, 0, sizeof c->auth);
}

static void cache_free(void *p)
{
	cache_clear(p);
	free(p);
}

static void cache_make_key(void)
{
	pthread_key_create(&cache_key, cache_free);
}

/* This thread's cache, emptied when the data changed; NULL when the store cannot tell. */
static struct thread_cache *thread_cache(struct store *s)
{
	int64_t v;
	if (s->ops->data_version(s, &v) != WG_OK)
		return NULL;
	pthread_once(&cache_once, cache_make_key);
	struct thread_cache *c = pthread_getspecific(cache_key);
	if (!c) {
		c = calloc(1, sizeof *c);
		if (!c || pthread_setspecific(cache_key, c)) {
			free(c);
			return NULL;
		}
		c->version = v;
	}
	if (c->version != v) {
		cache_clear(c);
		c->version = v;
	}
	return c;
}

static unsigned hash_text(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int authenticate(struct thread_cache *c, struct store *s, const char *token,
			struct principal *who)
{
	struct cached_auth *a = c ? &c->auth[hash_text(token) % CACHE_SLOTS] : NULL;
	time_t now = time(NULL);
	if (a && a->at && now - a->at < AUTH_SECONDS && strcmp(a->token, token) == 0) {
		*who = a->who;
		return WG_OK;
	}
	int rc = user_authenticate(s, token, who);
	if (rc == WG_OK && a && strlen(token) < sizeof a->token) {
		snprintf(a->token, sizeof a->token, "%s", token);
		a->who = *who;
		a->at = now;
	}
	return rc;
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	(void)kind;
	dbuf_addf(cls, "%s=%s&", k, v ? v : "");
	return MHD_YES;
}

/* The cache key of a request: path, query, and who asks (role and scope decide answers). */
static void answer_key(void *conn, const char *path, const struct principal *who, struct dbuf *b)
{
	dbuf_addf(b, "%s?", path);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_arg, b);
	dbuf_addf(b, "#%d:%s", (int)who->role, who->scope);
}

/* ---- dispatch ------------------------------------------------------------------------- */

/* Matches path against pattern; fills rq's params. libmicrohttpd has already percent-decoded
 * the path once: decoding again would turn "%252F" into "/". */
static bool match(const char *pattern, const char *path, struct http_req *rq)
{
	size_t used = 0;
	rq->nparams = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			const char *end = strchr(path, '/');
			size_t n = end ? (size_t)(end - path) : strlen(path);
			if (n == 0 || rq->nparams == HTTP_MAX_PARAMS ||
			    used + n + 1 > sizeof rq->segbuf)
				return false;
			char *out = rq->segbuf + used;
			memcpy(out, path, n);
			out[n] = '\0';
			rq->params[rq->nparams++] = out;
			used += n + 1;
			path += n;
			pattern += 2;
			continue;
		}
		if (*pattern != *path)
			return false;
		pattern++, path++;
	}
	return !*pattern && !*path;
}

/* The token presented: a bearer token, else the session cookie. */
static const char *presented_token(void *conn, bool *cookie)
{
	const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
	*cookie = false;
	if (auth && strncmp(auth, "Bearer ", 7) == 0)
		return auth + 7;
	const char *c = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "wg_session");
	*cookie = c != NULL;
	return c;
}

bool router_admit(struct router_state *st, void *conn, struct store *s, const char *method,
		  const char *path, const char *remote, struct http_resp *rs, char *user,
		  size_t usersz)
{
	memset(st, 0, sizeof *st);
	struct http_req *rq = &st->rq;
	*rq = (struct http_req){
		.method = method, .path = path, .store = s, .remote = remote, .conn = conn};
	rq->who.role = ROLE_PUBLIC;
	rq->who.kind = -1;
	const struct http_route *route = NULL;
	bool path_known = false;
	for (int i = 0; i < http_nroutes && !route; i++) {
		if (!match(http_routes[i].path, path, rq))
			continue;
		path_known = true;
		if (strcmp(http_routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(http_routes[i].method, "GET") == 0))
			route = &http_routes[i];
	}
	if (!route) {
		if (path_known)
			http_error(rs, 405, "METHOD_NOT_ALLOWED", MSG_HTTP_METHOD, "method", method,
				   "path", path, MSG_END);
		else
			http_error(rs, 404, "NOT_FOUND", MSG_HTTP_NO_RESOURCE, "path", path,
				   MSG_END);
		return false;
	}
	st->route = route;
	rq->token = presented_token(conn, &st->cookie);
	if (rq->token && authenticate(thread_cache(s), s, rq->token, &rq->who) != WG_OK) {
		rq->who.role = ROLE_PUBLIC;
		rq->who.kind = -1;
		if (!st->cookie) {
			/* a wrong bearer token is an error, not an anonymous request */
			http_error(rs, 401, "UNAUTHENTICATED", MSG_AUTH_BAD_TOKEN, MSG_END);
			return false;
		}
	}
	snprintf(user, usersz, "%s", rq->who.role == ROLE_PUBLIC ? "" : rq->who.username);
	if (!(route->roles & ROLE_BIT(rq->who.role))) {
		if (rq->who.role == ROLE_PUBLIC && rq->token && st->cookie)
			/* a session cookie the store no longer knows: it has expired (or ended) */
			http_error(rs, 401, "UNAUTHENTICATED", MSG_AUTH_SESSION_EXPIRED, MSG_END);
		else if (rq->who.role == ROLE_PUBLIC)
			http_error(rs, 401, "UNAUTHENTICATED", MSG_AUTH_LOGIN_FIRST, MSG_END);
		else
			http_error(rs, 403, "FORBIDDEN", MSG_AUTH_ROLE_FORBIDDEN, "role",
				   role_name(rq->who.role), MSG_END);
		return false;
	}
	bool writes = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
	if (writes && st->cookie && rq->who.kind == 0 && !route->csrf_exempt) {
		const char *t = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
		if (!t || strcmp(t, rq->who.csrf) != 0) {
			http_error(rs, 403, "CSRF", MSG_AUTH_CSRF, MSG_END);
			return false;
		}
	}
	if (rq->who.role == ROLE_PUBLIC) {
		int wait = rate_hit("anonymous", remote, ROUTER_ANON_REQUESTS, ROUTER_ANON_WINDOW);
		if (wait) {
			char seconds[16];
			snprintf(seconds, sizeof seconds, "%d", wait);
			http_error(rs, 429, "TOO_MANY_REQUESTS", MSG_HTTP_ADDRESS_RATE, "seconds",
				   seconds, MSG_END);
			rs->retry_after = wait;
			return false;
		}
	}
	st->body_upload = route->upload;
	st->body_max = route->upload ? HTTP_UPLOAD_MAX : HTTP_BODY_MAX;
	return true;
}

void router_dispatch(struct router_state *st, const char *body, size_t body_len,
		     const char *body_file, struct http_resp *rs)
{
	struct http_req *rq = &st->rq;
	const struct http_route *route = st->route;
	struct store *s = rq->store;
	const char *path = rq->path, *method = rq->method;
	rq->body = body ? body : "";
	rq->body_len = body ? body_len : 0;
	rq->body_file = body_file;
	struct thread_cache *cache = thread_cache(s);
	struct dbuf key = DBUF_INIT;
	struct cached_answer *slot = NULL;
	if (cache && route->cache && strcmp(method, "HEAD") != 0) {
		answer_key(rq->conn, path, &rq->who, &key);
		slot = &cache->answer[hash_text(dbuf_str(&key)) % CACHE_SLOTS];
		if (slot->key && strcmp(slot->key, dbuf_str(&key)) == 0 &&
		    (rs->body = malloc(slot->len + 1))) {
			memcpy(rs->body, slot->body, slot->len + 1);
			rs->body_len = slot->len;
			rs->status = slot->status;
			rs->content_type = "application/json; charset=utf-8";
			dbuf_release(&key);
			return;
		}
	}
	int rc = route->handler(rq, rs);
	if (!rc && slot && rs->status == 200 && rs->json) {
		/* keep the text: the next identical request is answered from it */
		char *text = json_dumps(rs->json, JSON_COMPACT | JSON_PRESERVE_ORDER);
		char *copy = text ? strdup(text) : NULL;
		char *k = copy ? strdup(dbuf_str(&key)) : NULL;
		if (k) {
			free(slot->key);
			free(slot->body);
			*slot = (struct cached_answer){
				.key = k, .body = copy, .len = strlen(copy), .status = 200};
			json_decref(rs->json);
			rs->json = NULL;
			rs->body = text;
			rs->body_len = strlen(text);
			rs->content_type = "application/json; charset=utf-8";
		} else {
			free(copy);
			free(text);
		}
	}
	dbuf_release(&key);
	if (rc) {
		json_t *line = json_pack("{s:s, s:s, s:s}", "log", "error", "path", path, "message",
					 s->errmsg[0] ? s->errmsg : wg_strerror(rc));
		char *text = line ? json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
		if (text)
			fprintf(stderr, "%s\n", text);
		free(text);
		json_decref(line);
		http_error(rs, 500, "INTERNAL", MSG_HTTP_INTERNAL, MSG_END);
	}
}
