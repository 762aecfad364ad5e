/* stmtmap.h — the per-connection cache of prepared statements both backends keep: statement
 * keys (addresses) to the backend's statements, open addressing. Internal to src/store. */
#ifndef WG_STMTMAP_H
#define WG_STMTMAP_H
#include <stddef.h>

struct stmt;

struct stmt_map {
	const void **keys;
	struct stmt **vals;
	size_t cap, n;
};

/* The statement cached under key, or NULL. */
struct stmt *stmt_map_get(const struct stmt_map *m, const void *key);
/* Caches st under key (not present yet). Returns 0, or -1 when memory runs out. */
int stmt_map_put(struct stmt_map *m, const void *key, struct stmt *st);
/* Calls release for each cached statement, then frees the map. */
void stmt_map_release(struct stmt_map *m, void (*release)(struct stmt *st));
#endif
