/* user.c — users and credentials in the SQLite store. */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

#define USER_COLUMNS                                                                               \
	"u.id, u.username, u.role, u.scope, u.display_name, u.pwhash, u.disabled, u.created"

/* Reads the user columns starting at col into u, text copied into scratch. */
static void read_user(struct sq_store *q, sqlite3_stmt *st, int col, struct user *u)
{
	long off[5];
	for (int i = 0; i < 5; i++)
		off[i] = sq_keep(q, st, col + 1 + i);
	u->id = sqlite3_column_int64(st, col);
	u->username = sq_kept(q, off[0]);
	u->role = sq_kept(q, off[1]);
	u->scope = sq_kept(q, off[2]);
	u->display_name = sq_kept(q, off[3]);
	u->pwhash = sq_kept(q, off[4]);
	u->disabled = sqlite3_column_int(st, col + 6);
	u->created = sqlite3_column_int64(st, col + 7);
}

int sq_user_add(struct store *s, const struct user *u)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st =
		sq_named(q, SQN_USER_ADD,
			 "INSERT INTO users(username, role, scope, display_name, pwhash, disabled,"
			 " created) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, u->username, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->display_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, u->pwhash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, u->disabled);
	sqlite3_bind_int64(st, 7, u->created);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "user");
	sqlite3_reset(st);
	return sqlite3_changes(q->db) ? WG_OK : WG_ECONFLICT;
}

int sq_user_get(struct store *s, const char *username, struct user *out)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_USER_GET,
				    "SELECT " USER_COLUMNS " FROM users u WHERE u.username=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		sqlite3_reset(st);
		return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "user");
	}
	dbuf_reset(&q->scratch);
	read_user(q, st, 0, out);
	sqlite3_reset(st);
	return WG_OK;
}

int sq_user_list(struct store *s, int (*cb)(void *, const struct user *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = NULL;
	int rc = WG_OK, step;
	if (sqlite3_prepare_v2(q->db, "SELECT " USER_COLUMNS " FROM users u ORDER BY u.username",
			       -1, &st, NULL) != SQLITE_OK)
		return sq_fail(q, "users");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct user u;
		dbuf_reset(&q->scratch);
		read_user(q, st, 0, &u);
		if ((rc = cb(ctx, &u)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "users");
	sqlite3_finalize(st);
	return rc;
}

int sq_user_set_disabled(struct store *s, const char *username, int disabled)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st =
		sq_named(q, SQN_USER_DISABLE, "UPDATE users SET disabled=? WHERE username=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int(st, 1, disabled);
	sqlite3_bind_text(st, 2, username, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "user");
	sqlite3_reset(st);
	return sqlite3_changes(q->db) ? WG_OK : WG_ENOTFOUND;
}

int sq_cred_add(struct store *s, const struct credential *c)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st =
		sq_named(q, SQN_CRED_ADD,
			 "INSERT INTO credentials(hash, user_id, kind, name, csrf, created,"
			 " expires) VALUES(?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_blob(st, 1, c->hash, sizeof c->hash, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->user_id);
	sqlite3_bind_int(st, 3, c->kind);
	sqlite3_bind_text(st, 4, c->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, c->created);
	sqlite3_bind_int64(st, 7, c->expires);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "credential");
	sqlite3_reset(st);
	return WG_OK;
}

int sq_cred_get(struct store *s, const unsigned char *hash, struct credential *c, struct user *u)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st =
		sq_named(q, SQN_CRED_GET,
			 "SELECT c.kind, c.name, c.csrf, c.created, c.expires, " USER_COLUMNS
			 " FROM credentials c JOIN users u ON u.id=c.user_id WHERE c.hash=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		sqlite3_reset(st);
		return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "credential");
	}
	dbuf_reset(&q->scratch);
	long name = sq_keep(q, st, 1), csrf = sq_keep(q, st, 2);
	memcpy(c->hash, hash, sizeof c->hash);
	c->kind = sqlite3_column_int(st, 0);
	c->created = sqlite3_column_int64(st, 3);
	c->expires = sqlite3_column_int64(st, 4);
	read_user(q, st, 5, u);
	c->name = sq_kept(q, name);
	c->csrf = sq_kept(q, csrf);
	c->user_id = u->id;
	sqlite3_reset(st);
	return WG_OK;
}

int sq_cred_delete(struct store *s, const unsigned char *hash)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(q, SQN_CRED_DELETE, "DELETE FROM credentials WHERE hash=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "credential");
	sqlite3_reset(st);
	return WG_OK;
}
