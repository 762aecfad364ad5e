/* config.c — operator configuration (store/config.h), in SQL both stores run. */
#include "store/config.h"

#include <stdio.h>

#include "store/dialect.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

int store_config_get(struct store *s, const char *key, char *buf, size_t n)
{
	static const char SQL[] = "SELECT value FROM config WHERE key=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, key);
	int rc = stmt_step(st);
	if (rc == 1)
		snprintf(buf, n, "%s", stmt_text(st, 0));
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_config_set(struct store *s, const char *key, const char *value)
{
	static const char SQL[] = "INSERT INTO config VALUES($1, $2) ON CONFLICT(key) DO UPDATE"
				  " SET value=excluded.value";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, key);
	stmt_bind_text(st, 2, value);
	return stmt_exec(st);
}

int store_config_list(struct store *s, const char *prefix,
		      int (*cb)(void *, const char *, const char *), void *ctx)
{
	/* substr compares characters: a prefix with LIKE's wildcards in it stays literal */
	static const char SQL[] = "SELECT key, value FROM config"
				  " WHERE substr(key, 1, length($1))=$1 ORDER BY key" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), stmt_text(st, 1))))
			break;
	stmt_reset(st);
	return rc;
}
