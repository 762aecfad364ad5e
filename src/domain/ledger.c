/* ledger.c — hashing, appending and verifying the wage ledger. The store keeps the entries;
 * this file decides what an entry covers and what "intact" means. */
#include "domain/ledger.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/record.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/banned.h"

const char *ledger_op_name(int op)
{
	switch (op) {
	case LEDGER_INSERT: return "insert";
	case LEDGER_AMEND: return "amend";
	case LEDGER_STATUS: return "status";
	case LEDGER_IMPORT: return "import";
	default: return "?";
	}
}

static void put64(unsigned char *b, int64_t v)
{
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)((uint64_t)v >> (8 * i));
}

void ledger_hash(const unsigned char *prev, const struct ledger_entry *e, unsigned char *out)
{
	crypto_generichash_state st;
	unsigned char num[8 * 3 + 1];
	crypto_generichash_init(&st, NULL, 0, LEDGER_HASH_BYTES);
	crypto_generichash_update(&st, prev, LEDGER_HASH_BYTES);
	put64(num, e->seq);
	put64(num + 8, e->at);
	put64(num + 16, e->prev_version);
	num[24] = (unsigned char)e->op;
	crypto_generichash_update(&st, num, sizeof num);
	crypto_generichash_update(&st, (const unsigned char *)e->kind, strlen(e->kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)e->content, strlen(e->content));
	crypto_generichash_final(&st, out, LEDGER_HASH_BYTES);
}

int ledger_writer_init(struct ledger_writer *w, struct store *s)
{
	w->store = s;
	w->now = (int64_t)time(NULL);
	return s->ops->ledger_head(s, &w->seq, w->hash);
}

int ledger_write(struct ledger_writer *w, enum ledger_op op, const char *kind,
		 int64_t prev_version, const char *content, int64_t *seq)
{
	struct ledger_entry e = {.seq = w->seq + 1, .at = w->now, .op = op, .kind = kind,
				 .prev_version = prev_version, .content = content};
	ledger_hash(w->hash, &e, e.hash);
	int rc = w->store->ops->ledger_append(w->store, &e);
	if (rc)
		return rc;
	w->seq = e.seq;
	memcpy(w->hash, e.hash, LEDGER_HASH_BYTES);
	if (seq)
		*seq = e.seq;
	return WG_OK;
}

/* Keeps the earliest problem: the entry a person should look at first. */
static void problem(struct ledger_report *rep, int64_t seq, const char *fmt, const char *a,
		    const char *b)
{
	rep->problems++;
	if (rep->first_seq && rep->first_seq <= seq)
		return;
	rep->first_seq = seq;
	snprintf(rep->first, sizeof rep->first, fmt, a, b);
}

struct chain_walk {
	struct ledger_report *rep;
	int64_t expect;
	unsigned char prev[LEDGER_HASH_BYTES];
	int64_t inserts[REC__COUNT];
};

static int walk_entry(void *ctx, const struct ledger_entry *e)
{
	struct chain_walk *c = ctx;
	unsigned char h[LEDGER_HASH_BYTES];
	char num[32];
	c->rep->entries++;
	if (e->seq != c->expect) {
		snprintf(num, sizeof num, "%lld", (long long)c->expect);
		problem(c->rep, c->expect, "entry %s is missing (the chain jumps to %s)", num,
			"a later entry");
		c->expect = e->seq;
	}
	ledger_hash(c->prev, e, h);
	if (sodium_memcmp(h, e->hash, LEDGER_HASH_BYTES) != 0) {
		snprintf(num, sizeof num, "%lld", (long long)e->seq);
		problem(c->rep, e->seq, "entry %s (%s): its hash does not match its content or "
			"the entry before it", num, e->kind);
	}
	/* chain on the stored hash, so one altered entry is reported once, not forever */
	memcpy(c->prev, e->hash, LEDGER_HASH_BYTES);
	c->expect = e->seq + 1;
	if (e->op == LEDGER_INSERT) {
		const struct kind_desc *d = schema_kind_by_name(e->kind);
		if (d)
			c->inserts[d->kind]++;
	}
	return 0;
}

struct record_walk {
	struct ledger_report *rep;
	const struct kind_desc *d;
	struct dbuf canon;
	int64_t rows;
};

static int walk_record(void *ctx, const struct rec *r, int64_t lseq, const char *lkind,
		       const char *lcontent)
{
	struct record_walk *w = ctx;
	char num[32];
	w->rows++;
	w->rep->records++;
	dbuf_reset(&w->canon);
	if (record_canon(r, &w->canon) < 0)
		return WG_ENOMEM;
	snprintf(num, sizeof num, "%lld", (long long)lseq);
	if (!lcontent) {
		problem(w->rep, lseq, "entry %s, which record %s names, does not exist", num,
			dbuf_str(&w->canon));
	} else if (strcmp(lkind, w->d->name) != 0 || strcmp(lcontent, dbuf_str(&w->canon)) != 0) {
		char what[300];
		snprintf(what, sizeof what, "%s record %s", w->d->name, dbuf_str(&w->canon));
		problem(w->rep, lseq, "entry %s: the stored %s differs from it", num, what);
	}
	return 0;
}

struct missing_walk {
	struct store *s;
	struct ledger_report *rep;
	enum rec_kind kind;
	int64_t latest_of_key; /* unused marker */
};

static int find_deleted(void *ctx, const struct ledger_entry *e)
{
	struct missing_walk *m = ctx;
	if (e->op != LEDGER_INSERT)
		return 0;
	char buf[2048];
	struct rec key, cur;
	int64_t lseq;
	if (record_uncanon(m->kind, e->content, buf, sizeof buf, &key))
		return 0;
	if (m->s->ops->rec_get(m->s, &key, &cur, &lseq) == WG_ENOTFOUND) {
		char num[32];
		snprintf(num, sizeof num, "%lld", (long long)e->seq);
		problem(m->rep, e->seq, "entry %s: its %s record was deleted from the store", num,
			e->kind);
		return 1; /* the first is enough */
	}
	return 0;
}

int ledger_verify(struct store *s, struct ledger_report *rep)
{
	memset(rep, 0, sizeof *rep);
	struct chain_walk c = {.rep = rep, .expect = 1};
	int rc = s->ops->ledger_scan(s, 1, NULL, 0, walk_entry, &c);
	if (rc)
		return rc;
	for (int k = 0; k < REC__COUNT; k++) {
		struct record_walk w = {.rep = rep, .d = schema_kind(k), .canon = DBUF_INIT};
		rc = s->ops->rec_scan(s, k, walk_record, &w);
		dbuf_release(&w.canon);
		if (rc)
			return rc;
		if (w.rows != c.inserts[k]) {
			/* fewer records than insert entries: something was deleted; find it */
			struct missing_walk m = {.s = s, .rep = rep, .kind = k};
			int64_t before = rep->problems;
			rc = s->ops->ledger_scan(s, 1, schema_kind(k)->name, 0, find_deleted, &m);
			if (rc < 0)
				return rc;
			if (rep->problems == before) {
				char a[32], b[32];
				snprintf(a, sizeof a, "%lld", (long long)w.rows);
				snprintf(b, sizeof b, "%lld", (long long)c.inserts[k]);
				problem(rep, INT64_MAX, "%s stored records but the ledger recorded %s",
					a, b);
			}
		}
	}
	return rep->problems ? WG_ETAMPER : WG_OK;
}

int ledger_history(struct store *s, const struct rec *key,
		   int (*cb)(void *ctx, const struct ledger_entry *e), void *ctx)
{
	struct rec cur;
	int64_t seq;
	int rc = s->ops->rec_get(s, key, &cur, &seq);
	if (rc)
		return rc;
	while (seq > 0) {
		struct ledger_entry e;
		if ((rc = s->ops->ledger_get(s, seq, &e)))
			return rc;
		if ((rc = cb(ctx, &e)))
			return rc;
		seq = e.prev_version;
	}
	return WG_OK;
}
