/* limit.c — counters in fixed time windows, by exact key, in a table of fixed size
 * (limit.h), and the login throttle built on them. */
#include "http/limit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

struct node {
	char key[LIMIT_KEY_MAX];
	int64_t count;
	time_t start; /* the window's first event */
	int next;     /* next in the bucket's chain or the free list, -1: none */
};

struct limit_table {
	pthread_mutex_t mu;
	int cap, n, nbuckets, free_head;
	int *bucket;
	struct node *node;
};

static unsigned hash_key(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct limit_table *limit_new(int capacity)
{
	struct limit_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->cap = capacity;
	for (t->nbuckets = 64; t->nbuckets < 2 * capacity; t->nbuckets *= 2)
		;
	t->bucket = malloc(sizeof *t->bucket * (size_t)t->nbuckets);
	t->node = calloc((size_t)capacity, sizeof *t->node);
	if (!t->bucket || !t->node) {
		limit_free(t);
		return NULL;
	}
	for (int i = 0; i < t->nbuckets; i++)
		t->bucket[i] = -1;
	for (int i = 0; i < capacity; i++)
		t->node[i].next = i + 1 < capacity ? i + 1 : -1;
	t->free_head = 0;
	pthread_mutex_init(&t->mu, NULL);
	return t;
}

void limit_free(struct limit_table *t)
{
	if (!t)
		return;
	if (t->bucket && t->node)
		pthread_mutex_destroy(&t->mu);
	free(t->bucket);
	free(t->node);
	free(t);
}

/* The node of key, or -1; *prev receives the node before it in its chain (-1: first). */
static int find(struct limit_table *t, const char *key, int *prev)
{
	int p = -1;
	for (int i = t->bucket[hash_key(key) & (unsigned)(t->nbuckets - 1)]; i >= 0;
	     p = i, i = t->node[i].next)
		if (strcmp(t->node[i].key, key) == 0) {
			if (prev)
				*prev = p;
			return i;
		}
	return -1;
}

static void unlink_node(struct limit_table *t, int i)
{
	int prev;
	if (find(t, t->node[i].key, &prev) != i)
		return;
	if (prev < 0)
		t->bucket[hash_key(t->node[i].key) & (unsigned)(t->nbuckets - 1)] = t->node[i].next;
	else
		t->node[prev].next = t->node[i].next;
	t->node[i].next = t->free_head;
	t->free_head = i;
	t->n--;
}

/* A node for key, made room for by dropping the counter whose window started first. */
static int add(struct limit_table *t, const char *key, time_t now)
{
	if (t->free_head < 0) {
		/* full: only under a flood of new keys, so a linear pass is affordable */
		int oldest = -1;
		for (int i = 0; i < t->cap; i++)
			if (oldest < 0 || t->node[i].start < t->node[oldest].start)
				oldest = i;
		if (oldest < 0)
			return -1;
		unlink_node(t, oldest);
	}
	int i = t->free_head;
	t->free_head = t->node[i].next;
	memcpy(t->node[i].key, key, strlen(key) + 1); /* cut() made it fit */
	t->node[i].count = 0;
	t->node[i].start = now;
	unsigned b = hash_key(t->node[i].key) & (unsigned)(t->nbuckets - 1);
	t->node[i].next = t->bucket[b];
	t->bucket[b] = i;
	t->n++;
	return i;
}

/* keys longer than the table holds are cut the same way on every call */
static const char *cut(const char *key, char *buf)
{
	if (strlen(key) < LIMIT_KEY_MAX)
		return key;
	memcpy(buf, key, LIMIT_KEY_MAX - 1);
	buf[LIMIT_KEY_MAX - 1] = '\0';
	return buf;
}

int64_t limit_hit(struct limit_table *t, const char *key, int window, time_t now)
{
	char buf[LIMIT_KEY_MAX];
	key = cut(key, buf);
	pthread_mutex_lock(&t->mu);
	int i = find(t, key, NULL);
	if (i >= 0 && now - t->node[i].start >= window) {
		t->node[i].count = 0;
		t->node[i].start = now;
	}
	if (i < 0)
		i = add(t, key, now);
	int64_t n = i >= 0 ? ++t->node[i].count : 1;
	pthread_mutex_unlock(&t->mu);
	return n;
}

int64_t limit_count(struct limit_table *t, const char *key, int window, time_t now, int *left)
{
	char buf[LIMIT_KEY_MAX];
	key = cut(key, buf);
	pthread_mutex_lock(&t->mu);
	int i = find(t, key, NULL);
	int64_t n = 0;
	*left = 0;
	if (i >= 0 && now - t->node[i].start < window) {
		n = t->node[i].count;
		*left = (int)(t->node[i].start + window - now);
	}
	pthread_mutex_unlock(&t->mu);
	return n;
}

void limit_clear(struct limit_table *t, const char *key)
{
	char buf[LIMIT_KEY_MAX];
	key = cut(key, buf);
	pthread_mutex_lock(&t->mu);
	int i = find(t, key, NULL);
	if (i >= 0)
		unlink_node(t, i);
	pthread_mutex_unlock(&t->mu);
}

int limit_size(struct limit_table *t)
{
	pthread_mutex_lock(&t->mu);
	int n = t->n;
	pthread_mutex_unlock(&t->mu);
	return n;
}

/* ---- login throttling ----------------------------------------------------------------- */

#define TRUST_WINDOW (30 * 86400) /* an address stays known for a user this long */

static const struct {
	int per_pair, per_address, per_user, window;
} login = {.per_pair = 5, .per_address = 20, .per_user = 100, .window = 900};
static struct limit_table *pairs, *addresses, *users, *trusted;
static pthread_once_t login_once = PTHREAD_ONCE_INIT;

static void login_tables(void)
{
	pairs = limit_new(16384);
	addresses = limit_new(8192);
	users = limit_new(8192);
	trusted = limit_new(16384);
}

/* address first: an address never holds a line break, so no two pairs share a key */
static const char *pair_key(const char *name, const char *address, char *buf)
{
	snprintf(buf, LIMIT_KEY_MAX, "%s\n%s", address, name);
	return buf;
}

int limit_login_wait(const char *name, const char *address, time_t now)
{
	char key[LIMIT_KEY_MAX];
	int left;
	pthread_once(&login_once, login_tables);
	if (!pairs || !addresses || !users || !trusted)
		return login.window; /* out of memory: closed rather than open */
	pair_key(name, address, key);
	if (limit_count(pairs, key, login.window, now, &left) >= login.per_pair)
		return left;
	if (limit_count(addresses, address, login.window, now, &left) >= login.per_address)
		return left;
	int known;
	if (limit_count(users, name, login.window, now, &left) >= login.per_user &&
	    limit_count(trusted, key, TRUST_WINDOW, now, &known) == 0)
		return left;
	return 0;
}

void limit_login_note(const char *name, const char *address, bool ok, time_t now)
{
	char key[LIMIT_KEY_MAX];
	pthread_once(&login_once, login_tables);
	if (!pairs || !addresses || !users || !trusted)
		return;
	pair_key(name, address, key);
	if (ok) {
		/* only this pair starts afresh: the address's and the user's counts stand */
		limit_clear(pairs, key);
		/* trusted for TRUST_WINDOW from this login, not from the first one: a window
		 * counted from the first would lapse 30 days later however often the user
		 * logged in since */
		limit_clear(trusted, key);
		limit_hit(trusted, key, TRUST_WINDOW, now);
		return;
	}
	limit_hit(pairs, key, login.window, now);
	limit_hit(addresses, address, login.window, now);
	limit_hit(users, name, login.window, now);
}
