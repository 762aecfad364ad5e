/* router.h — matching a request to a route of http_routes[], who is asking (session cookie
 * or bearer token), whether they may, CSRF for cookie-authenticated writes, login
 * throttling; then the handler. */
#ifndef WG_ROUTER_H
#define WG_ROUTER_H
#include <stddef.h>

#include "http/http.h"

/* Answers one API request into rs. conn is the libmicrohttpd connection (for query values,
 * cookies and headers); user receives the user name for the access log. */
void router_dispatch(void *conn, struct store *s, const char *method, const char *path,
		     const char *body, size_t body_len, const char *remote, struct http_resp *rs,
		     char *user, size_t usersz);

/* Login throttling: whether name may try now; record a failure or a success. */
int router_throttled(const char *name, const char *remote);
void router_note_login(const char *name, const char *remote, int ok);
#endif
