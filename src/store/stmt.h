/* stmt.h — the portable statement interface: every query is written once, in SQL that both
 * stores run, over these calls (shaped like SQLite's own: prepare by key, bind, step, column);
 * each backend implements them once (store/sqlite/stmt.c, store/pg/stmt.c).
 *
 * SQL text uses PostgreSQL's parameter syntax $1 … $n (SQLite's backend rewrites it to ?1 …
 * ?n); a parameter may appear several times. What the two dialects spell differently comes
 * from the named fragments of store/dialect.h. Results are read by column number. */
#ifndef WG_STMT_H
#define WG_STMT_H
#include <stddef.h>
#include <stdint.h>

struct store;
struct stmt;

/* The statement cached on this connection under key (the address of any static object of
 * the caller's, normally a `static const char KEY[]` holding the SQL itself), prepared on
 * first use from sql. The same key must always come with the same SQL. Before handing it out
 * the backend finishes whatever it has buffered (PostgreSQL's pending COPY rows), so a read
 * sees every earlier write of this connection. The statement comes reset, parameters unbound.
 * key NULL: a statement prepared for this call only; the caller releases it with stmt_free.
 * Returns NULL on error, the message in the store's errmsg. Owned by the store otherwise. */
struct stmt *stmt_get(struct store *s, const void *key, const char *sql);
/* Releases a statement got with key NULL (no-op for NULL). */
void stmt_free(struct stmt *st);

/* Binds parameter i (1-based). Text and blobs are copied. A NULL text binds an SQL NULL
 * typed as text; stmt_bind_null an SQL NULL typed as an integer. */
void stmt_bind_int(struct stmt *st, int i, int64_t v);
void stmt_bind_text(struct stmt *st, int i, const char *v);
void stmt_bind_null(struct stmt *st, int i);
void stmt_bind_blob(struct stmt *st, int i, const void *p, size_t n);

/* Runs the statement (on the first call after binding) and moves to its next row: 1 a row is
 * there, 0 done, or a negative wg_status (WG_ECONFLICT for a unique-key violation, WG_ERETRY
 * for a busy database or serialization failure, WG_ESTORE otherwise; message in the store's
 * errmsg, naming the key's SQL's first words). */
int stmt_step(struct stmt *st);
/* Steps to the end: WG_OK or stmt_step's error. For INSERT, UPDATE, DELETE. */
int stmt_exec(struct stmt *st);
/* Rows the last INSERT, UPDATE or DELETE changed. */
int64_t stmt_changes(struct stmt *st);
/* Makes the statement ready for new bindings and another run; cheap; also frees its rows. */
void stmt_reset(struct stmt *st);

/* Column col (0-based) of the current row. Text and blobs stay valid until the next
 * stmt_step, stmt_reset or stmt_get of the same key. A NULL reads as 0, NULL text, or a
 * NULL blob of size 0. */
int stmt_null(struct stmt *st, int col);
int64_t stmt_int(struct stmt *st, int col);
const char *stmt_text(struct stmt *st, int col);
const void *stmt_blob(struct stmt *st, int col, size_t *n);

/* Text that outlives the row, for an operation that hands out what it read ("owned by the
 * store until its next call"): stmt_keep copies column col's text (NULL stays NULL) into the
 * store's keep area, where it stays valid until stmt_keep_clear. Such an operation clears
 * first, then keeps, then resets the statement: on SQLite a statement left on a row holds its
 * read snapshot open. NULL also when memory runs out (the store's errmsg says so). */
const char *stmt_keep(struct stmt *st, int col);
void stmt_keep_clear(struct store *s);
/* The store a statement belongs to. */
struct store *stmt_store(struct stmt *st);
#endif
