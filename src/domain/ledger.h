/* ledger.h — the wage ledger (SPEC §6): an append-only chain of entries, each hashed with
 * BLAKE2b-256 over the previous hash and its own content. Writing happens inside a store
 * transaction through a ledger_writer; ledger_verify checks the chain and every record. */
#ifndef WG_LEDGER_H
#define WG_LEDGER_H
#include <stdint.h>

#include "store/store.h"

struct ledger_writer {
	struct store *store;
	int64_t seq;                              /* last entry written */
	unsigned char hash[LEDGER_HASH_BYTES];    /* its hash */
	int64_t now;
};

/* Reads the chain head; call after store begin. Returns 0 or a wg_status. */
int ledger_writer_init(struct ledger_writer *w, struct store *s);

/* Appends one entry; *seq receives its number. content is copied by the store. */
int ledger_write(struct ledger_writer *w, enum ledger_op op, const char *kind,
		 int64_t prev_version, const char *content, int64_t *seq);

/* The hash of entry e chained onto prev. */
void ledger_hash(const unsigned char *prev, const struct ledger_entry *e, unsigned char *out);

/* What verify found. */
struct ledger_report {
	int64_t entries;       /* entries checked */
	int64_t records;       /* records checked against their entries */
	int64_t problems;      /* how many things are wrong */
	int64_t first_seq;     /* the first broken entry (0: none) */
	char first[512];       /* what is wrong with it */
};

/* Walks the whole chain, then checks every stored record against its latest entry and
 * that no recorded record is missing. Returns WG_OK when intact, WG_ETAMPER when something
 * is broken (rep says what), another wg_status when the store fails. Never prints. */
int ledger_verify(struct store *s, struct ledger_report *rep);

/* Calls cb with each version of the record whose key is given, newest first, following
 * prev_version links. Returns WG_ENOTFOUND if no such record. */
int ledger_history(struct store *s, const struct rec *key,
		   int (*cb)(void *ctx, const struct ledger_entry *e), void *ctx);

const char *ledger_op_name(int op);
#endif
