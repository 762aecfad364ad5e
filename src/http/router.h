/* router.h — matching a request to a route of http_routes[], who is asking (session cookie
 * or bearer token), whether they may, CSRF for cookie-authenticated writes, the anonymous
 * request rate — all before the body is read; then the handler. */
#ifndef WG_ROUTER_H
#define WG_ROUTER_H
#include <stddef.h>

#include "http/http.h"

/* What the router decided when a request's headers arrived, kept until its body is in. */
struct router_state {
	struct http_req rq;
	const struct http_route *route;
	bool cookie;      /* authenticated by the session cookie */
	size_t body_max;  /* the largest body this caller may send to this route */
	bool body_upload; /* a file upload: the server spools it to a temporary file */
};

/* Phase 1, as soon as the headers are in and before any byte of the body is read: finds the
 * route, authenticates the caller, checks role, CSRF and the anonymous request rate. Returns
 * true when the request may go on (st says how large a body it may send), or false with
 * the answer in rs. conn is the libmicrohttpd connection; user receives the user name for
 * the access log. */
bool router_admit(struct router_state *st, void *conn, struct store *s, const char *method,
		  const char *path, const char *remote, struct http_resp *rs, char *user,
		  size_t usersz);

/* Phase 2: the body is in (body_file: the spooled upload, else body); answers into rs. */
void router_dispatch(struct router_state *st, const char *body, size_t body_len,
		     const char *body_file, struct http_resp *rs);

/* How many anonymous API requests one address may make per ROUTER_ANON_WINDOW seconds. */
#define ROUTER_ANON_REQUESTS 600
#define ROUTER_ANON_WINDOW 10
#endif
