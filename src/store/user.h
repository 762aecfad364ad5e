/* user.h — the store's users of the web UI and API and their credentials (SPEC §1), written
 * once over store/stmt.h (store/user.c). */
#ifndef WG_STORE_USER_H
#define WG_STORE_USER_H
#include <stdint.h>

struct store;

/* A user of the web UI and API. */
struct user {
	int64_t id;
	const char *username, *role, *scope, *display_name;
	const char *pwhash; /* Argon2id string (libsodium crypto_pwhash_str) */
	int disabled;
	int64_t created;
};

/* A credential: a browser session (kind 0) or an API token for a feed (kind 1), stored by
 * the BLAKE2b hash of its secret so that a copy of the database lets nobody in. */
struct credential {
	unsigned char hash[32];
	int64_t user_id;
	int kind;
	const char *name;         /* tokens: what the feed is */
	const char *csrf;         /* sessions: the CSRF token */
	int64_t created, expires; /* Unix seconds; expires 0: never */
};

/* Adds u; WG_ECONFLICT when the name is taken. */
int store_user_add(struct store *s, const struct user *u);
/* The user called username (text owned by the store until its next call); WG_ENOTFOUND. */
int store_user_get(struct store *s, const char *username, struct user *out);
/* Calls cb for every user by name; a non-zero return stops and is returned. */
int store_user_list(struct store *s, int (*cb)(void *ctx, const struct user *u), void *ctx);
/* WG_ENOTFOUND when there is no such user. */
int store_user_set_disabled(struct store *s, const char *username, int disabled);
int store_cred_add(struct store *s, const struct credential *c);
/* The credential with this hash and its user (text owned by the store until its next call);
 * WG_ENOTFOUND when unknown. */
int store_cred_get(struct store *s, const unsigned char *hash, struct credential *c,
		   struct user *u);
int store_cred_delete(struct store *s, const unsigned char *hash);
#endif
