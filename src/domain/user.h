/* user.h — users of the web UI and API (SPEC §1): roles and their scopes, Argon2id
 * passwords, browser sessions with CSRF tokens and API tokens for feeds. */
#ifndef WG_USER_H
#define WG_USER_H
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum role { ROLE_ADMIN, ROLE_REGULATOR, ROLE_ENTERPRISE, ROLE_BANK, ROLE_WORKER, ROLE_PUBLIC };

/* Who is asking: a logged-in user, or the public. */
struct principal {
	enum role role;
	int64_t user_id;
	int kind; /* 0 session, 1 API token, -1 public */
	char username[64];
	char display_name[128];
	char scope[32]; /* region prefix, USCC, bank code or ID number */
	char csrf[48];  /* sessions only */
};

#define USER_TOKEN_BUFSZ 64
#define SESSION_SECONDS (12 * 3600)

const char *role_name(enum role r);
/* The role with this name, or -1. */
int role_by_name(const char *name);

/* Checks (and normalises into norm, 32 bytes) the scope a role needs: regulator a region
 * code prefix of 2–6 digits with a valid province, enterprise a USCC, bank a bank code,
 * worker a resident ID number, admin none. Returns 0 or WG_EINPUT with a message in err. */
int user_scope_check(enum role r, const char *scope, char *norm, char *err, size_t errsz);

/* Adds a user; the password is hashed with Argon2id. WG_ECONFLICT when the name is taken,
 * WG_EINPUT (err) for a bad name, role, scope or a password under 8 characters. */
int user_create(struct store *s, const char *username, const char *role, const char *scope,
		const char *display_name, const char *password, char *err, size_t errsz);

/* Checks a password and opens a session: *token receives the secret for the cookie,
 * p the user with its CSRF token. WG_EINPUT for a wrong name or password or a disabled
 * user (one message for all, so it tells an attacker nothing). */
int user_login(struct store *s, const char *username, const char *password, struct principal *p,
	       char *token);
/* Creates an API token for a feed; *token receives it (shown once). */
int user_token_create(struct store *s, const char *username, const char *name, char *token,
		      char *err, size_t errsz);
/* Finds who a session or API token belongs to. WG_ENOTFOUND when unknown, expired or
 * disabled. */
int user_authenticate(struct store *s, const char *token, struct principal *p);
/* Ends a session (or revokes a token). */
int user_logout(struct store *s, const char *token);
#endif
