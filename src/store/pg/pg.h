/* pg.h — internals shared by the PostgreSQL backend's files: the store struct, prepared
 * statements by slot, parameter lists, the reference caches and the COPY buffers that make
 * bulk imports fast. Not for use outside src/store/pg. */
#ifndef WG_PG_H
#define WG_PG_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/stmtmap.h"
#include "store/store.h"
#include "util/dbuf.h"

/* Resolved natural keys to row ids, direct-mapped like the SQLite backend's. Bigger, since
 * a province has millions of people and an unsorted attendance file visits them at random. */
#define PG_REFCACHE 16384
struct pg_ref {
	char key[40];
	int64_t id, region;
	bool used;
};

/* The other way round, row id to natural key, for reading records back without a join. */
struct pg_rref {
	int64_t id;
	char key[40];
};

/* Projects whose people were fetched in one go (refs.c, pg_prefetch_people). */
#define PG_PREFETCHED 1024

/* Registered workers already seen (ref_exists for people), by person id. */
#define PG_WORKERCACHE 16384

/* Per transaction, what the importer's lookups may skip. A scope is one project's rows of a
 * project-keyed kind, or a whole table for the other kinds. A scope found empty after the
 * chain lock was taken holds only rows this transaction inserted, and those are all in
 * `track`: a key that is not there cannot exist, and rec_get answers without a round trip. */
#define PG_SCOPES 8192
enum pg_scope_state { PG_SCOPE_UNKNOWN = 0, PG_SCOPE_EMPTY, PG_SCOPE_FULL };
struct pg_scope {
	int64_t project; /* 0 for whole-table scopes */
	int8_t kind;
	int8_t state;
};

/* A set of 64-bit key hashes (open addressing, 0 = free), capped so memory does not grow
 * with the file: when full, every buffer is flushed and the set and scopes start afresh. */
#define PG_TRACK_MAX (1u << 20)
struct pg_keyset {
	uint64_t *slot;
	size_t cap, n;
};

/* Rows waiting for COPY: one buffer per kind and one for the ledger. */
#define PG_COPY_BYTES (1u << 20)
#define PG_LEDGER_BUF REC__COUNT
#define PG_PERSON_BUF (REC__COUNT + 1) /* new people, with ids taken from their sequence */
#define PG_NBUF (REC__COUNT + 2)
#define PG_ID_BLOCK 1024
struct pg_copybuf {
	struct dbuf data; /* COPY text format, one line per row */
	int64_t rows;
};

/* Named statement slots, prepared on first use as "n<slot>". */
enum {
	PGN_REF_ENTERPRISE,
	PGN_REF_PROJECT,
	PGN_REF_PERSON,
	PGN_WORKER_EXISTS,
	PGN_PERSON_INSERT,
	PGN_LEDGER_HEAD,
	PGN_LEDGER_GET,
	PGN_LEDGER_SCAN,
	PGN_KEYS_ENTERPRISE,
	PGN_KEYS_PROJECT,
	PGN_KEYS_PERSON,
	PGN_PERSONS_ANY,
	PGN_PERSON_IDS,
	PGN__COUNT
};

enum pg_rec_op { PG_GET, PG_UPDATE, PG_DELETE, PG_BY_LSEQ, PG__OPS };

/* Outside a write transaction, the records one ledger entry wrote, fetched together the first
 * time one of them is asked for: verify asks for every line of each block in turn, and one
 * query a block beats one a line. Dropped by any write. */
struct pg_readahead {
	PGresult *res;    /* stored columns: references as row ids */
	struct dbuf text; /* the references' natural keys, NUL-terminated */
	long *off;        /* per row and reference column: offset in text, -1: none */
	size_t offcap;
	int kind; /* -1: empty */
	int64_t lseq;
	uint64_t *slot; /* key hash, 0 = free */
	int *row;
	size_t cap;
};

/* Worker-month day changes waiting to be applied in one statement, combined per key. */
#define PG_DAYS_SLOTS 8192
struct pg_days {
	int64_t project, person, period, region;
	uint32_t set, clear;
	bool used;
};

struct pg_store {
	struct store base;
	PGconn *conn;
	bool prepared[PGN__COUNT];
	bool rec_prepared[REC__COUNT][PG__OPS];
	PGresult *res;                      /* the result whose text the last get handed out */
	struct pg_ref refs[3][PG_REFCACHE]; /* enterprise, project, person */
	struct pg_rref rrefs[3][PG_REFCACHE];
	int64_t workers[PG_WORKERCACHE];
	int64_t prefetched[PG_PREFETCHED];
	int64_t hint_project; /* the project a reference check named last */
	struct pg_copybuf buf[PG_NBUF];
	int64_t person_ids[PG_ID_BLOCK]; /* taken from persons_id_seq, not used yet */
	int nperson_ids;
	int8_t persons_state; /* enum pg_scope_state of the persons table, this transaction */
	struct pg_keyset track;
	struct pg_scope scopes[PG_SCOPES];
	struct pg_readahead ra;
	struct pg_days *days; /* PG_DAYS_SLOTS, allocated on first use */
	int ndays;
	/* Scan streams opened outside a write transaction read on a second connection, in
	 * one read-only snapshot, so a write transaction can begin while they are open. */
	PGconn *rconn;
	int rscans, scan_seq;
	char *conninfo;
	bool in_tx;
	/* a COPY sent whose result is not read yet: the server ingests it while the importer
	 * parses the next rows; pg_settle reads it before the next command */
	const char *copy_pending;
	/* store/stmt.h's statements by key, the one whose rows are being read from the
	 * connection, the SQL being expanded, the number of the last one prepared */
	struct stmt_map stmts;
	struct stmt *active;
	struct dbuf sqlbuf;
	int stmt_seq;
};

/* Reads the rest of the rows of the statement being read (store/stmt.h) into memory, so the
 * connection is free for another command; pg_settle does it first. */
void pg_stmt_park(struct pg_store *q);

/* Up to PG_MAXPARAMS text parameters for PQexecPrepared. */
#define PG_MAXPARAMS 16
struct pg_params {
	int n;
	const char *v[PG_MAXPARAMS];
	char num[PG_MAXPARAMS][24];
};
void pg_param_int(struct pg_params *p, int64_t v);
void pg_param_text(struct pg_params *p, const char *s); /* NULL: SQL NULL */

/* Records the failure in errmsg ("pg: what: message") and returns WG_ERETRY for a
 * serialization failure or deadlock (SQLSTATE 40001, 40P01), WG_ESTORE otherwise. res may be
 * NULL (the connection's message is used). Does not clear res. */
int pg_fail(struct pg_store *q, const char *what, const PGresult *res);
/* Reads the result of a COPY still in flight; WG_OK, or its failure (errmsg set). Every
 * command on the connection goes after it. */
int pg_settle(struct pg_store *q);
/* Runs sql (no parameters, results dropped); WG_OK or pg_fail's code, what naming it. */
int pg_exec(struct pg_store *q, const char *sql, const char *what);
/* Prepares sql (once per connection) under slot's name and runs it with p.
 * @param[out] out the result (caller PQclears) when it is WG_OK; what names it in errors. */
int pg_run(struct pg_store *q, int slot, const char *sql, const struct pg_params *p, PGresult **out,
	   const char *what);
/* The same for a statement named name, prepared when *prepared is false. */
int pg_run_named(struct pg_store *q, const char *name, bool *prepared, const char *sql,
		 const struct pg_params *p, PGresult **out, const char *what);
/* The same, planned for these parameters and the table sizes of this moment, each time:
 * for statements on tables the running transaction is filling, whose plan made while they
 * were small (a sequential scan) would stay and grow slower with every row. */
int pg_run_custom(struct pg_store *q, const char *sql, const struct pg_params *p, PGresult **out,
		  const char *what);
/* Keeps res as the result handed out by a get (text valid until the next one). */
void pg_hand_out(struct pg_store *q, PGresult *res);
int64_t pg_int(const PGresult *res, int row, int col);

/* References (refs.c). */
int pg_ref_id(struct pg_store *q, enum col_type t, const char *key, int64_t *id, int64_t *region);
void pg_ref_forget(struct pg_store *q);
/* Caches everyone employed on the project a reference last named (refs.c); WG_ENOTFOUND
 * when that was done already or no project was named. */
int pg_prefetch_people(struct pg_store *q);
/* The natural key of row id of reference type t, from the cache only; NULL when unknown. */
const char *pg_ref_key(const struct pg_store *q, enum col_type t, int64_t id);
/* Looks up the natural keys of ids not cached yet, in one query. */
int pg_ref_keys(struct pg_store *q, enum col_type t, const int64_t *ids, int n);

/* COPY buffers and key tracking (copy.c). */
/* Sends buffer which (a kind, PG_LEDGER_BUF or PG_PERSON_BUF) with COPY; WG_OK when
 * empty. */
int pg_flush(struct pg_store *q, int which);
/* Flushes the buffers of kinds 0..k in order (a kind only references earlier kinds). */
int pg_flush_upto(struct pg_store *q, enum rec_kind k);
/* Flushes every buffer, the ledger's last. */
int pg_flush_all(struct pg_store *q);
/* Drops buffered rows, tracked keys and scopes (rollback, or a transaction's end). */
void pg_track_reset(struct pg_store *q, bool drop_buffers);
/* Forgets the read-ahead records (any write, or a transaction's start). */
void pg_readahead_drop(struct pg_store *q);
/* Appends one COPY line to buffer which and flushes it when it is large. */
int pg_copy_row(struct pg_store *q, int which, const struct dbuf *line);
/* COPY text-format field helpers: escaped text, \N for NULL; a decimal integer. */
int pg_copy_text(struct dbuf *b, const char *s);
int pg_copy_int(struct dbuf *b, int64_t v);
bool pg_track_has(const struct pg_store *q, uint64_t h);
/* Makes room for n more keys; when the set is full first flushes everything and starts a
 * new set. Call before buffering a row, then add its keys: they must all go in together. */
int pg_track_reserve(struct pg_store *q, size_t n);
/* Adds h (room reserved with pg_track_reserve). */
void pg_track_add(struct pg_store *q, uint64_t h);
uint64_t pg_hash(uint64_t h, const void *data, size_t n);
#define PG_HASH_SEED 14695981039346656037ull
/* The scope of (kind, project): true when rec_get may trust the tracked keys alone. */
int pg_scope_empty(struct pg_store *q, enum rec_kind k, int64_t project, bool *empty);

/* Sends the buffered worker-month day changes (scan.c). */
int pg_days_flush(struct pg_store *q);

extern const struct store_ops pg_ops;
int pg_migrate(struct store *s, int *applied);
int pg_rec_get(struct store *s, const struct rec *key, struct rec *cur, int64_t *lseq);
int pg_rec_insert(struct store *s, const struct rec *r, int64_t lseq);
int pg_rec_update(struct store *s, const struct rec *r, int64_t lseq);
int pg_rec_count(struct store *s, enum rec_kind kind, int64_t *n);
int pg_ref_exists(struct store *s, enum col_type ref, const char *key);
int pg_person_ensure(struct store *s, const char *id_number);
int pg_employment_overlap(struct store *s, const struct rec *e, int64_t *other_start);
int pg_ledger_head(struct store *s, int64_t *seq, unsigned char *hash);
int pg_ledger_append(struct store *s, const struct ledger_entry *e);
int pg_ledger_get(struct store *s, int64_t seq, struct ledger_entry *e);
int pg_ledger_scan(struct store *s, int64_t from, const char *kind, int64_t limit,
		   int (*cb)(void *, const struct ledger_entry *), void *ctx);
/* Reads a bytea column (hex output) of LEDGER_HASH_BYTES into out; zeros otherwise. */
void pg_read_hash(const PGresult *res, int row, int col, unsigned char *out);
int pg_days_apply(struct store *s, const char *project, const char *id_number, int64_t period,
		  uint32_t set, uint32_t clear);
int pg_days_clear(struct store *s);
int pg_scan_open(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi,
		 struct scan_cursor **out);
int pg_scan_next(struct scan_cursor *c, struct scan_row *row);
void pg_scan_close(struct scan_cursor *c);
int pg_key_of(struct store *s, enum col_type t, int64_t id, char *buf, size_t n);

/* The hash of an employment's (project, person) pair in the tracked set. */
uint64_t pg_pair_hash(int64_t project, int64_t person);

#endif
