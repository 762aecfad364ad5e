/* user.c — users and credentials in the PostgreSQL store, as SQLite's. Credential hashes
 * travel as hex text and are stored as bytea (decode(…, 'hex')). */
#include <stdio.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

#define USER_COLUMNS                                                                               \
	"u.id, u.username, u.role, u.scope, u.display_name, u.pwhash, u.disabled, u.created"

static void hex(const unsigned char *h, char *out)
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static void read_user(const PGresult *res, int col, struct user *u)
{
	const char **str[5] = {&u->username, &u->role, &u->scope, &u->display_name, &u->pwhash};
	u->id = pg_int(res, 0, col);
	for (int i = 0; i < 5; i++)
		*str[i] = PQgetisnull(res, 0, col + 1 + i) ? NULL : PQgetvalue(res, 0, col + 1 + i);
	u->disabled = (int)pg_int(res, 0, col + 6);
	u->created = pg_int(res, 0, col + 7);
}

static int exec(struct pg_store *q, int slot, const char *sql, const struct pg_params *p,
		PGresult **res, const char *what)
{
	int rc = pg_flush_all(q);
	if (rc)
		return rc;
	return pg_run(q, slot, sql, p, res, what);
}

int pg_user_add(struct store *s, const struct user *u)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, u->username);
	pg_param_text(&p, u->role);
	pg_param_text(&p, u->scope);
	pg_param_text(&p, u->display_name);
	pg_param_text(&p, u->pwhash);
	pg_param_int(&p, u->disabled);
	pg_param_int(&p, u->created);
	int rc = exec(
		q, PGN_USER_ADD,
		"INSERT INTO users(username, role, scope, display_name, pwhash, disabled, created)"
		" VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
		&p, &res, "user");
	if (rc)
		return rc;
	int added = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	return added ? WG_OK : WG_ECONFLICT;
}

int pg_user_get(struct store *s, const char *username, struct user *out)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, username);
	int rc = exec(q, PGN_USER_GET, "SELECT " USER_COLUMNS " FROM users u WHERE u.username=$1",
		      &p, &res, "user");
	if (rc)
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	read_user(res, 0, out);
	pg_hand_out(q, res);
	return WG_OK;
}

int pg_user_list(struct store *s, int (*cb)(void *, const struct user *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	int rc = exec(q, PGN_USER_LIST, "SELECT " USER_COLUMNS " FROM users u ORDER BY u.username",
		      &p, &res, "users");
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++) {
		struct user u = {0};
		const char **str[5] = {&u.username, &u.role, &u.scope, &u.display_name, &u.pwhash};
		u.id = pg_int(res, i, 0);
		for (int k = 0; k < 5; k++)
			*str[k] = PQgetisnull(res, i, 1 + k) ? NULL : PQgetvalue(res, i, 1 + k);
		u.disabled = (int)pg_int(res, i, 6);
		u.created = pg_int(res, i, 7);
		rc = cb(ctx, &u);
	}
	PQclear(res);
	return rc;
}

int pg_user_set_disabled(struct store *s, const char *username, int disabled)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_int(&p, disabled);
	pg_param_text(&p, username);
	int rc = exec(q, PGN_USER_DISABLE, "UPDATE users SET disabled=$1 WHERE username=$2", &p,
		      &res, "user");
	if (rc)
		return rc;
	int changed = strcmp(PQcmdTuples(res), "0") != 0;
	PQclear(res);
	return changed ? WG_OK : WG_ENOTFOUND;
}

int pg_cred_add(struct store *s, const struct credential *c)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	char h[65];
	hex(c->hash, h);
	pg_param_text(&p, h);
	pg_param_int(&p, c->user_id);
	pg_param_int(&p, c->kind);
	pg_param_text(&p, c->name);
	pg_param_text(&p, c->csrf);
	pg_param_int(&p, c->created);
	pg_param_int(&p, c->expires);
	int rc = exec(q, PGN_CRED_ADD,
		      "INSERT INTO credentials(hash, user_id, kind, name, csrf, created, expires)"
		      " VALUES(decode($1, 'hex'), $2, $3, $4, $5, $6, $7)",
		      &p, &res, "credential");
	PQclear(res);
	return rc;
}

int pg_cred_get(struct store *s, const unsigned char *hash, struct credential *c, struct user *u)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	char h[65];
	hex(hash, h);
	pg_param_text(&p, h);
	int rc = exec(q, PGN_CRED_GET,
		      "SELECT c.kind, c.name, c.csrf, c.created, c.expires, " USER_COLUMNS
		      " FROM credentials c JOIN users u ON u.id=c.user_id"
		      " WHERE c.hash=decode($1, 'hex')",
		      &p, &res, "credential");
	if (rc)
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	memcpy(c->hash, hash, sizeof c->hash);
	c->kind = (int)pg_int(res, 0, 0);
	c->name = PQgetisnull(res, 0, 1) ? NULL : PQgetvalue(res, 0, 1);
	c->csrf = PQgetisnull(res, 0, 2) ? NULL : PQgetvalue(res, 0, 2);
	c->created = pg_int(res, 0, 3);
	c->expires = pg_int(res, 0, 4);
	read_user(res, 5, u);
	c->user_id = u->id;
	pg_hand_out(q, res);
	return WG_OK;
}

int pg_cred_delete(struct store *s, const unsigned char *hash)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	PGresult *res;
	char h[65];
	hex(hash, h);
	pg_param_text(&p, h);
	int rc = exec(q, PGN_CRED_DELETE, "DELETE FROM credentials WHERE hash=decode($1, 'hex')",
		      &p, &res, "credential");
	PQclear(res);
	return rc;
}
