/* backend.h — what each store backend provides behind store/stmt.h: its statements start
 * with struct stmt (the operations that serve them), its store points at stmt_ops. Internal
 * to src/store. */
#ifndef WG_STORE_BACKEND_H
#define WG_STORE_BACKEND_H
#include <stddef.h>
#include <stdint.h>

struct store;

struct stmt_ops {
	struct stmt *(*get)(struct store *s, const void *key, const char *sql);
	void (*free)(struct stmt *st);
	void (*bind_int)(struct stmt *st, int i, int64_t v);
	void (*bind_text)(struct stmt *st, int i, const char *v);
	void (*bind_null)(struct stmt *st, int i);
	void (*bind_blob)(struct stmt *st, int i, const void *p, size_t n);
	int (*step)(struct stmt *st);
	void (*reset)(struct stmt *st);
	int64_t (*changes)(struct stmt *st);
	int (*null)(struct stmt *st, int col);
	int64_t (*int64)(struct stmt *st, int col);
	const char *(*text)(struct stmt *st, int col);
	const void *(*blob)(struct stmt *st, int col, size_t *n);
};

/* The head of every backend's statement. */
struct stmt {
	const struct stmt_ops *ops;
	struct store *store;
};

extern const struct stmt_ops sq_stmt_ops, pg_stmt_ops;
#endif
