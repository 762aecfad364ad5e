/* ledger.h — the wage ledger (SPEC §6): an append-only chain of entries, each hashed with
 * BLAKE2b-256 over the previous entry's hash and its own content. Imported rows go into
 * block entries (one canonical line per row, up to LEDGER_BLOCK_LINES); amendments and
 * status changes are single-line entries that name the version they replace. Writing
 * happens inside a store transaction through a ledger_writer; ledger_verify checks the chain
 * and every stored record against it. */
#ifndef WG_LEDGER_H
#define WG_LEDGER_H
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/dbuf.h"

#define LEDGER_BLOCK_LINES 512
#define LEDGER_BLOCK_BYTES (128 * 1024)

struct ledger_writer {
	struct store *store;
	int64_t seq;                           /* last entry written */
	unsigned char hash[LEDGER_HASH_BYTES]; /* its hash */
	int64_t now;
	const char *block_kind; /* the open block's kind, NULL: none */
	struct dbuf block;      /* its lines */
	int block_lines;
};

/* Reads the chain head; call after store begin. Returns 0 or a wg_status. Release with
 * ledger_writer_release (the open block is dropped, not written: flush first). */
int ledger_writer_init(struct ledger_writer *w, struct store *s);
void ledger_writer_release(struct ledger_writer *w);

/* The number the next entry will get: what a record inserted now names as its lseq before
 * its line is added with ledger_add_line. */
static inline int64_t ledger_next_seq(const struct ledger_writer *w)
{
	return w->seq + 1;
}

/* Adds the canonical line of a newly inserted record of kind to the open block, writing the
 * block when it is full. */
int ledger_add_line(struct ledger_writer *w, const char *kind, const char *line);
/* Writes the open block, if any. */
int ledger_flush(struct ledger_writer *w);

/* Writes the open block, then one entry; *seq (may be NULL) receives its number. */
int ledger_write(struct ledger_writer *w, enum ledger_op op, const char *kind, int64_t prev_version,
		 const char *content, int64_t *seq);

/* The hash of entry e chained onto prev. */
void ledger_hash(const unsigned char *prev, const struct ledger_entry *e, unsigned char *out);

/* What verify found. */
struct ledger_report {
	int64_t entries;    /* entries checked */
	int64_t records;    /* records checked against their entries */
	int64_t answers;    /* workers' confirmations checked against their entries */
	int64_t aggregates; /* worker-months recomputed (ledger_verify_deep) */
	int64_t problems;   /* how many things are wrong */
	int64_t first_seq;  /* the first broken entry (0: none) */
	char first[512];    /* what is wrong with it */
};

/* Walks the whole chain checking every hash, checks each stored record — and each worker's
 * confirmation or dispute — against the entry holding its latest version, and that every
 * record and answer is in the ledger and every recorded one still stored. Returns WG_OK when intact, WG_ETAMPER when something is broken (rep
 * says what, naming the first broken entry), another wg_status when the store fails. */
int ledger_verify(struct store *s, struct ledger_report *rep);

/* Recomputes the derived aggregates from the raw records — each worker-month's attendance
 * days from the attendance rows — and compares them with the stored ones; adds to rep what
 * differs. Returns WG_OK, WG_ETAMPER (rep says what) or a store status. */
int ledger_verify_deep(struct store *s, struct ledger_report *rep);

/* Calls cb with each version of the record whose key is given, newest first: the entry and
 * the line in it that is this record. WG_ENOTFOUND if there is no such record. */
int ledger_history(struct store *s, const struct rec *key,
		   int (*cb)(void *ctx, const struct ledger_entry *e, const char *line), void *ctx);

const char *ledger_op_name(int op);

/* The kinds of entry the ledger holds: each import KIND (store/schema.h), "import" (an
 * import's summary) and "confirmation" (a worker's answer to a payroll line). A system that
 * writes entries of another kind adds it to ledger_extra_kinds in ledger.c. */
bool ledger_kind_known(const char *kind);
/* The known kinds, ", "-separated, into buf (n bytes); returns buf. */
char *ledger_kinds_text(char *buf, size_t n);
#endif
