/* keep.c — the keep area of stmt_keep (store/stmt.h): text copied out of rows in blocks that
 * never move, so every pointer handed out stays valid until stmt_keep_clear. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/stmt.h"
#include "store/store.h"
#include "util/banned.h"

#define KEEP_BLOCK 8192

struct keep_block {
	struct keep_block *next;
	size_t used, cap;
	char data[];
};

const char *stmt_keep(struct stmt *st, int col)
{
	const char *t = stmt_text(st, col);
	if (!t)
		return NULL;
	struct store *s = stmt_store(st);
	size_t n = strlen(t) + 1;
	struct keep_block *b = s->keep;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > KEEP_BLOCK ? n : KEEP_BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b) {
			snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
			return NULL;
		}
		b->next = s->keep;
		b->used = 0;
		b->cap = cap;
		s->keep = b;
	}
	char *p = b->data + b->used;
	memcpy(p, t, n);
	b->used += n;
	return p;
}

void stmt_keep_clear(struct store *s)
{
	while (s->keep) {
		struct keep_block *b = s->keep;
		s->keep = b->next;
		free(b);
	}
}
