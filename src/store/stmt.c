/* stmt.c — store/stmt.h's calls, passed to the backend the store or statement belongs to. */
#include "store/stmt.h"

#include "store/backend.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

struct stmt *stmt_get(struct store *s, const void *key, const char *sql)
{
	return s->stmt->get(s, key, sql);
}

void stmt_free(struct stmt *st)
{
	if (st)
		st->ops->free(st);
}

struct store *stmt_store(struct stmt *st)
{
	return st->store;
}

void stmt_bind_int(struct stmt *st, int i, int64_t v)
{
	st->ops->bind_int(st, i, v);
}

void stmt_bind_text(struct stmt *st, int i, const char *v)
{
	st->ops->bind_text(st, i, v);
}

void stmt_bind_null(struct stmt *st, int i)
{
	st->ops->bind_null(st, i);
}

void stmt_bind_blob(struct stmt *st, int i, const void *p, size_t n)
{
	st->ops->bind_blob(st, i, p, n);
}

int stmt_step(struct stmt *st)
{
	return st->ops->step(st);
}

int stmt_exec(struct stmt *st)
{
	int rc;
	while ((rc = st->ops->step(st)) == 1)
		;
	return rc;
}

int64_t stmt_changes(struct stmt *st)
{
	return st->ops->changes(st);
}

void stmt_reset(struct stmt *st)
{
	st->ops->reset(st);
}

int stmt_null(struct stmt *st, int col)
{
	return st->ops->null(st, col);
}

int64_t stmt_int(struct stmt *st, int col)
{
	return st->ops->int64(st, col);
}

const char *stmt_text(struct stmt *st, int col)
{
	return st->ops->text(st, col);
}

const void *stmt_blob(struct stmt *st, int col, size_t *n)
{
	return st->ops->blob(st, col, n);
}
