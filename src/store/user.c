/* user.c — users and credentials (store/user.h), in SQL both stores run. */
#include "store/user.h"

#include <string.h>

#include "store/dialect.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

#define USER_COLUMNS                                                                               \
	"u.id, u.username, u.role, u.scope, u.display_name, u.pwhash, u.disabled, u.created"

/* Reads the user columns starting at col; text kept (keep) or valid for the row only. */
static void read_user(struct stmt *st, int col, struct user *u, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
	u->id = stmt_int(st, col);
	u->username = text(st, col + 1);
	u->role = text(st, col + 2);
	u->scope = text(st, col + 3);
	u->display_name = text(st, col + 4);
	u->pwhash = text(st, col + 5);
	u->disabled = (int)stmt_int(st, col + 6);
	u->created = stmt_int(st, col + 7);
}

int store_user_add(struct store *s, const struct user *u)
{
	static const char SQL[] =
		"INSERT INTO users(username, role, scope, display_name, pwhash, disabled, created)"
		" VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, u->username);
	stmt_bind_text(st, 2, u->role);
	stmt_bind_text(st, 3, u->scope);
	stmt_bind_text(st, 4, u->display_name);
	stmt_bind_text(st, 5, u->pwhash);
	stmt_bind_int(st, 6, u->disabled);
	stmt_bind_int(st, 7, u->created);
	int rc = stmt_exec(st);
	if (rc)
		return rc;
	return stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

int store_user_get(struct store *s, const char *username, struct user *out)
{
	static const char SQL[] = "SELECT " USER_COLUMNS " FROM users u WHERE u.username=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, username);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_user(st, 0, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_user_list(struct store *s, int (*cb)(void *, const struct user *), void *ctx)
{
	/* byte order on both stores: PostgreSQL's own collation may be a language's */
	static const char SQL[] =
		"SELECT " USER_COLUMNS " FROM users u ORDER BY u.username" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct user u;
		read_user(st, 0, &u, 0);
		if ((rc = cb(ctx, &u)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_user_set_disabled(struct store *s, const char *username, int disabled)
{
	static const char SQL[] = "UPDATE users SET disabled=$1 WHERE username=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, disabled);
	stmt_bind_text(st, 2, username);
	int rc = stmt_exec(st);
	if (rc)
		return rc;
	return stmt_changes(st) ? WG_OK : WG_ENOTFOUND;
}

int store_cred_add(struct store *s, const struct credential *c)
{
	static const char SQL[] =
		"INSERT INTO credentials(hash, user_id, kind, name, csrf, created, expires)"
		" VALUES($1, $2, $3, $4, $5, $6, $7)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_blob(st, 1, c->hash, sizeof c->hash);
	stmt_bind_int(st, 2, c->user_id);
	stmt_bind_int(st, 3, c->kind);
	stmt_bind_text(st, 4, c->name);
	stmt_bind_text(st, 5, c->csrf);
	stmt_bind_int(st, 6, c->created);
	stmt_bind_int(st, 7, c->expires);
	return stmt_exec(st);
}

int store_cred_get(struct store *s, const unsigned char *hash, struct credential *c, struct user *u)
{
	static const char SQL[] =
		"SELECT c.kind, c.name, c.csrf, c.created, c.expires, " USER_COLUMNS
		" FROM credentials c JOIN users u ON u.id=c.user_id"
		" WHERE c.hash=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_blob(st, 1, hash, 32);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		memcpy(c->hash, hash, sizeof c->hash);
		c->kind = (int)stmt_int(st, 0);
		c->name = stmt_keep(st, 1);
		c->csrf = stmt_keep(st, 2);
		c->created = stmt_int(st, 3);
		c->expires = stmt_int(st, 4);
		read_user(st, 5, u, 1);
		c->user_id = u->id;
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_cred_delete(struct store *s, const unsigned char *hash)
{
	static const char SQL[] = "DELETE FROM credentials WHERE hash=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_blob(st, 1, hash, 32);
	return stmt_exec(st);
}
