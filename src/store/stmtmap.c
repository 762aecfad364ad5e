/* stmtmap.c — the statement cache of store/stmtmap.h: linear probing on the key's address. */
#include "store/stmtmap.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/banned.h"

static size_t slot_of(const void *key, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) & (cap - 1);
}

struct stmt *stmt_map_get(const struct stmt_map *m, const void *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key)
			return m->vals[i];
		if (!m->keys[i])
			return NULL;
	}
}

static void insert(struct stmt_map *m, const void *key, struct stmt *st)
{
	size_t i = slot_of(key, m->cap);
	while (m->keys[i])
		i = (i + 1) & (m->cap - 1);
	m->keys[i] = key;
	m->vals[i] = st;
	m->n++;
}

int stmt_map_put(struct stmt_map *m, const void *key, struct stmt *st)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct stmt_map g = {0};
		g.cap = m->cap ? m->cap * 2 : 64;
		g.keys = calloc(g.cap, sizeof *g.keys);
		g.vals = calloc(g.cap, sizeof *g.vals);
		if (!g.keys || !g.vals) {
			free(g.keys);
			free(g.vals);
			return -1;
		}
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				insert(&g, m->keys[i], m->vals[i]);
		free(m->keys);
		free(m->vals);
		*m = g;
	}
	insert(m, key, st);
	return 0;
}

void stmt_map_release(struct stmt_map *m, void (*release)(struct stmt *st))
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			release(m->vals[i]);
	free(m->keys);
	free(m->vals);
	*m = (struct stmt_map){0};
}
