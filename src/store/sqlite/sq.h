/* sq.h — internals shared by the SQLite backend's files: the store struct, the cache of
 * prepared statements and of resolved references. */
#ifndef WG_SQ_H
#define WG_SQ_H
#include <sqlite3.h>
#include <stdbool.h>
#include <zstd.h>

#include "store/stmtmap.h"
#include "store/store.h"
#include "util/dbuf.h"

/* Resolved natural keys (project code, USCC, ID number) to row ids: direct-mapped, so
 * sorted imports resolve each reference once. Emptied on rollback. */
#define SQ_REFCACHE 4096
struct sq_ref {
	char key[40];
	int64_t id, region;
	bool used;
};

/* Named statement slots. */
enum {
	SQN_REF_ENTERPRISE,
	SQN_REF_PROJECT,
	SQN_REF_PERSON,
	SQN_WORKER_EXISTS,
	SQN_PERSON_INSERT,
	SQN_OVERLAP,
	SQN_LEDGER_HEAD,
	SQN_LEDGER_APPEND,
	SQN_LEDGER_GET,
	SQN_KEY_PROJECT,
	SQN_KEY_ENTERPRISE,
	SQN_KEY_PERSON,
	SQN_DAYS_APPLY,
	SQN_DATA_VERSION,
	SQN__COUNT
};

enum sq_stmt_op { SQ_GET, SQ_INSERT, SQ_UPDATE, SQ__OPS };

struct sq_store {
	struct store base;
	sqlite3 *db;
	sqlite3_stmt *rec[REC__COUNT][SQ__OPS];
	sqlite3_stmt *named[SQN__COUNT];    /* other statements, prepared by sq_named */
	struct sq_ref refs[3][SQ_REFCACHE]; /* enterprise, project, person */
	struct dbuf scratch;                /* copies of text handed out by get operations */
	struct dbuf entry;                  /* the entry ledger_get hands out */
	struct dbuf zbuf;                   /* compressed content on its way in */
	ZSTD_CCtx *zctx;
	ZSTD_DCtx *dctx;
	struct stmt_map stmts; /* store/stmt.h's statements, by key */
	struct dbuf sqlbuf;    /* a statement's SQL as expanded for SQLite */
	bool in_tx;
	char *path; /* for clone */
};

/* Prepares (once) and returns the statement for slot; NULL on error (message in errmsg). */
sqlite3_stmt *sq_named(struct sq_store *q, int slot, const char *sql);
/* Records the database's error in errmsg and returns WG_ESTORE (or WG_ERETRY if busy). */
int sq_fail(struct sq_store *q, const char *what);
/* Copies a column's text into scratch; returns its offset, or -1 for NULL. */
long sq_keep(struct sq_store *q, sqlite3_stmt *st, int col);
const char *sq_kept(struct sq_store *q, long off);

/* Reference resolution: the row id (and region for projects) of a natural key. */
int sq_ref_id(struct sq_store *q, enum col_type t, const char *key, int64_t *id, int64_t *region);
void sq_ref_forget(struct sq_store *q);

extern const struct store_ops sq_ops;
int sq_migrate(struct store *s, int *applied);
int sq_rec_get(struct store *s, const struct rec *key, struct rec *cur, int64_t *lseq);
int sq_rec_insert(struct store *s, const struct rec *r, int64_t lseq);
int sq_rec_update(struct store *s, const struct rec *r, int64_t lseq);
int sq_rec_count(struct store *s, enum rec_kind kind, int64_t *n);
int sq_ref_exists(struct store *s, enum col_type ref, const char *key);
int sq_person_ensure(struct store *s, const char *id_number);
int sq_employment_overlap(struct store *s, const struct rec *e, int64_t *other_start);
int sq_ledger_head(struct store *s, int64_t *seq, unsigned char *hash);
int sq_ledger_append(struct store *s, const struct ledger_entry *e);
int sq_ledger_get(struct store *s, int64_t seq, struct ledger_entry *e);
int sq_ledger_scan(struct store *s, int64_t from, const char *kind, int64_t limit,
		   int (*cb)(void *, const struct ledger_entry *), void *ctx);
int sq_days_apply(struct store *s, const char *project, const char *id_number, int64_t period,
		  uint32_t set, uint32_t clear);
int sq_days_clear(struct store *s);
int sq_scan_open(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi,
		 struct scan_cursor **out);
int sq_scan_next(struct scan_cursor *c, struct scan_row *r);
void sq_scan_close(struct scan_cursor *c);
int sq_key_of(struct store *s, enum col_type t, int64_t id, char *buf, size_t n);
int sq_data_version(struct store *s, int64_t *v);

#endif
