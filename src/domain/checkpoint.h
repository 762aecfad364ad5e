/* checkpoint.h — signed checkpoints of the wage ledger: the chain head (entry number, its
 * hash, the time) signed with the installation's Ed25519 key (libsodium). Handed out with
 * every notice and payslip and published on a public endpoint, a checkpoint lets anyone who
 * kept one prove later that the ledger still reaches that entry unchanged — a removed tail
 * or a rewritten history no longer verifies against it. Exports checkpoint_*. */
#ifndef WG_CHECKPOINT_H
#define WG_CHECKPOINT_H
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define CHECKPOINT_ALGORITHM "wg-checkpoint-1"
#define CHECKPOINT_KEY_ENV "WAGEGUARD_LEDGER_KEY"

/* A key pair; the secret part only when loaded from the key file. */
struct checkpoint_key {
	unsigned char pk[32];
	unsigned char sk[64];
};

struct checkpoint {
	int64_t seq;                  /* the last entry covered (0: the empty ledger) */
	unsigned char hash[32];       /* its hash */
	int64_t at;                   /* the entry's time, Unix seconds */
	unsigned char public_key[32]; /* who signed */
	unsigned char signature[64];  /* over CHECKPOINT_ALGORITHM, seq, hash, at */
};

/* Where the ledger key of the database at url lives: $WAGEGUARD_LEDGER_KEY when set; else,
 * for a SQLite file, beside it ("wageguard.db.ledger-key"); for PostgreSQL,
 * ~/.config/wageguard/ledger-HOST_PORT-DBNAME.key (any character but letters, digits, '.',
 * '-' and '_' written as '_'). Writes the path into buf. */
void checkpoint_key_path(const char *url, char *buf, size_t n);

/* Loads the key at path, creating it (mode 0600, a fresh random key) on first use when
 * create is set. Returns WG_OK, WG_ENOTFOUND (absent, create unset), or WG_EIO with why. */
int checkpoint_key_load(const char *path, int create, struct checkpoint_key *k, char *err,
			size_t errsz);

/* Signs the current head of s's ledger — its number, hash and time — with k. The same head
 * gives the same checkpoint. Returns WG_OK or a store status. */
int checkpoint_make(struct store *s, const struct checkpoint_key *k, struct checkpoint *c);

/* The checkpoint as one JSON object: {"algorithm", "seq", "hash", "at", "recorded_at",
 * "public_key", "signature"} (hex). Caller frees. NULL when out of memory. */
char *checkpoint_json(const struct checkpoint *c);
/* Parses checkpoint_json's output. Returns 0, or -1 with why in err. */
int checkpoint_parse(const char *text, struct checkpoint *c, char *err, size_t errsz);

/* Checks c's signature, by the key pk (NULL: the key named in c), and that s's ledger still
 * holds entry c->seq with c->hash. Returns WG_OK, WG_ETAMPER with why in err, or a store
 * status. */
int checkpoint_verify(struct store *s, const struct checkpoint *c, const unsigned char *pk,
		      char *err, size_t errsz);

/* Adds c to a notice as its last note: entry, time, hash, key and signature, everything a
 * reader needs to check it later. */
struct doc;
void checkpoint_doc(struct doc *d, const struct checkpoint *c);
/* Adds c's entry and the start of its hash to the small print of a one-page notice (the
 * rights board), the full checkpoint being public (GET /api/v1/public/ledger/checkpoint). */
void checkpoint_doc_footer(struct doc *d, const struct checkpoint *c);

/* Lower-case hex of n bytes into out (2n + 1 bytes). Returns out. */
char *checkpoint_hex(const unsigned char *b, size_t n, char *out);
#endif
