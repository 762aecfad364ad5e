/* user.c — users, passwords and credentials. Secrets never reach the store: passwords as
 * Argon2id strings, sessions and tokens as BLAKE2b hashes. */
#include "domain/user.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/user.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/banned.h"

static const char *const roles[] = {"admin", "regulator", "enterprise", "bank", "worker", "public"};

const char *role_name(enum role r)
{
	return r >= ROLE_ADMIN && r <= ROLE_PUBLIC ? roles[r] : "?";
}

int role_by_name(const char *name)
{
	for (int i = ROLE_ADMIN; i < ROLE_PUBLIC; i++)
		if (strcmp(roles[i], name) == 0)
			return i;
	return -1;
}

int user_scope_check(enum role r, const char *scope, char *norm, char *err, size_t errsz)
{
	size_t n = strlen(scope);
	switch (r) {
	case ROLE_ADMIN: norm[0] = '\0'; return WG_OK;
	case ROLE_REGULATOR:
		if (n < 2 || n > 6 || strspn(scope, "0123456789") != n ||
		    !region_province_ok((scope[0] - '0') * 10 + scope[1] - '0')) {
			snprintf(err, errsz,
				 "a regulator's scope is a region code prefix (2 to 6"
				 " digits, e.g. 3301), not '%s'",
				 scope);
			return WG_EINPUT;
		}
		break;
	case ROLE_ENTERPRISE:
		if (uscc_validate(scope)) {
			snprintf(err, errsz, "an enterprise's scope is its USCC, not '%s'", scope);
			return WG_EINPUT;
		}
		break;
	case ROLE_BANK:
		for (size_t i = 0; i < n; i++)
			if (!isalnum((unsigned char)scope[i]))
				n = 0;
		if (n == 0 || n > 16) {
			snprintf(err, errsz, "a bank's scope is its bank code, not '%s'", scope);
			return WG_EINPUT;
		}
		break;
	case ROLE_WORKER:
		if (idcard_validate(scope, norm)) {
			snprintf(err, errsz, "a worker's scope is a resident ID number, not '%s'",
				 scope);
			return WG_EINPUT;
		}
		return WG_OK;
	default: snprintf(err, errsz, "no such role"); return WG_EINPUT;
	}
	snprintf(norm, 32, "%s", scope);
	return WG_OK;
}

int user_create(struct store *s, const char *username, const char *role, const char *scope,
		const char *display_name, const char *password, char *err, size_t errsz)
{
	int r = role_by_name(role);
	char norm[32], hash[crypto_pwhash_STRBYTES];
	size_t n = strlen(username);
	if (n == 0 || n > 63 || strspn(username, "abcdefghijklmnopqrstuvwxyz0123456789._-@") != n) {
		snprintf(err, errsz, "a user name is 1 to 63 of a-z 0-9 . _ - @");
		return WG_EINPUT;
	}
	if (r < 0) {
		snprintf(err, errsz, "no role '%s' (admin, regulator, enterprise, bank, worker)",
			 role);
		return WG_EINPUT;
	}
	int rc = user_scope_check((enum role)r, scope ? scope : "", norm, err, errsz);
	if (rc)
		return rc;
	if (!password || strlen(password) < 8) {
		snprintf(err, errsz, "a password has at least 8 characters");
		return WG_EINPUT;
	}
	if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return WG_ENOMEM;
	struct user u = {.username = username,
			 .role = role,
			 .scope = norm,
			 .display_name = display_name ? display_name : username,
			 .pwhash = hash,
			 .created = (int64_t)time(NULL)};
	rc = store_user_add(s, &u);
	if (rc == WG_ECONFLICT)
		snprintf(err, errsz, "user '%s' exists already", username);
	return rc;
}

/* A random secret as URL-safe base64 (43 characters for 32 bytes). */
static void secret(char *out, size_t outsz, size_t bytes)
{
	unsigned char raw[32];
	randombytes_buf(raw, bytes);
	sodium_bin2base64(out, outsz, raw, bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void token_hash(const char *token, unsigned char *hash)
{
	crypto_generichash(hash, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

static void fill(struct principal *p, const struct user *u, int kind, const char *csrf)
{
	memset(p, 0, sizeof *p);
	int r = role_by_name(u->role);
	p->role = r < 0 ? ROLE_PUBLIC : (enum role)r;
	p->user_id = u->id;
	p->kind = kind;
	snprintf(p->username, sizeof p->username, "%s", u->username);
	snprintf(p->display_name, sizeof p->display_name, "%s",
		 u->display_name ? u->display_name : u->username);
	snprintf(p->scope, sizeof p->scope, "%s", u->scope ? u->scope : "");
	snprintf(p->csrf, sizeof p->csrf, "%s", csrf ? csrf : "");
}

int user_login(struct store *s, const char *username, const char *password, struct principal *p,
	       char *token)
{
	struct user u;
	int rc = store_user_get(s, username, &u);
	if (rc == WG_ENOTFOUND) {
		/* spend the same time as a real check, so timing tells nothing either */
		char dummy[crypto_pwhash_STRBYTES];
		if (crypto_pwhash_str(dummy, password, strlen(password),
				      crypto_pwhash_OPSLIMIT_INTERACTIVE,
				      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
			return WG_ENOMEM;
		return WG_EINPUT;
	}
	if (rc)
		return rc;
	if (u.disabled || crypto_pwhash_str_verify(u.pwhash, password, strlen(password)) != 0)
		return WG_EINPUT;
	char csrf[48];
	struct user copy = u;
	char name[64], display[128], role[16], scope[32];
	snprintf(name, sizeof name, "%s", u.username);
	snprintf(display, sizeof display, "%s", u.display_name ? u.display_name : u.username);
	snprintf(role, sizeof role, "%s", u.role);
	snprintf(scope, sizeof scope, "%s", u.scope);
	copy.username = name, copy.display_name = display, copy.role = role, copy.scope = scope;
	secret(token, USER_TOKEN_BUFSZ, 32);
	secret(csrf, sizeof csrf, 24);
	struct credential c = {
		.user_id = u.id, .kind = 0, .csrf = csrf, .created = (int64_t)time(NULL)};
	c.expires = c.created + SESSION_SECONDS;
	token_hash(token, c.hash);
	if ((rc = store_cred_add(s, &c)))
		return rc;
	fill(p, &copy, 0, csrf);
	return WG_OK;
}

int user_token_create(struct store *s, const char *username, const char *name, char *token,
		      char *err, size_t errsz)
{
	struct user u;
	int rc = store_user_get(s, username, &u);
	if (rc == WG_ENOTFOUND) {
		snprintf(err, errsz, "no user '%s'", username);
		return WG_EINPUT;
	}
	if (rc)
		return rc;
	char t[USER_TOKEN_BUFSZ - 3];
	secret(t, sizeof t, 32);
	snprintf(token, USER_TOKEN_BUFSZ, "wg_%s", t);
	struct credential c = {.user_id = u.id,
			       .kind = 1,
			       .name = name,
			       .created = (int64_t)time(NULL),
			       .expires = 0};
	token_hash(token, c.hash);
	return store_cred_add(s, &c);
}

int user_authenticate(struct store *s, const char *token, struct principal *p)
{
	unsigned char h[32];
	struct credential c;
	struct user u;
	if (!token || !*token || strlen(token) >= USER_TOKEN_BUFSZ)
		return WG_ENOTFOUND;
	token_hash(token, h);
	int rc = store_cred_get(s, h, &c, &u);
	if (rc)
		return rc;
	if (u.disabled || (c.expires && c.expires < (int64_t)time(NULL)))
		return WG_ENOTFOUND;
	fill(p, &u, c.kind, c.csrf);
	return WG_OK;
}

int user_logout(struct store *s, const char *token)
{
	unsigned char h[32];
	token_hash(token, h);
	return store_cred_delete(s, h);
}
