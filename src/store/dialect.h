/* dialect.h — what the SQLite and PostgreSQL dialects spell differently, as small named
 * fragments written inside the SQL text of a statement (store/stmt.h) or a migration
 * (store/migrate.h); each backend expands them once, when it prepares the statement.
 *
 * A fragment is `{name}` or `{name:argument}` outside string literals and quoted names, and
 * the macros below write them, so a query reads as SQL:
 *   "SELECT code FROM projects ORDER BY code" SQL_BYTES
 *   "SELECT " SQL_PERIOD("date") ", sum(amount) FROM allocations GROUP BY 1"
 * What both dialects take the same way needs no fragment: CAST(x AS TEXT) (never `::`),
 * coalesce, CASE, `x IS NOT NULL` read with stmt_int (PostgreSQL's booleans read 1 and 0),
 * ON CONFLICT … DO NOTHING, RETURNING, $1 … $n parameters. */
#ifndef WG_DIALECT_H
#define WG_DIALECT_H
#include "util/dbuf.h"

struct store;

enum store_dialect { DIALECT_SQLITE, DIALECT_PG };

/* The dialect of the store's backend. */
enum store_dialect store_dialect(const struct store *s);

/* Byte order for text (ORDER BY, comparisons): SQLite's default; PostgreSQL's "C" collation,
 * since a server's own collation may be a language's. Put after the expression. */
#define SQL_BYTES "{bytes}"
/* The month number (year*12 + month-1) of a day number expression. */
#define SQL_PERIOD(day) "{period:" day "}"
/* The number of bits set in a 32-bit non-negative integer expression (a day mask). */
#define SQL_POPCOUNT(x) "{popcount:" x "}"
/* The larger and the smaller of two or more values: SQLite's scalar max/min, PostgreSQL's
 * greatest/least. Followed by the argument list: SQL_GREATEST "(a, b)". */
#define SQL_GREATEST "{greatest}"
#define SQL_LEAST "{least}"
/* The position of a text inside another, 1-based, 0 when absent (no wildcards):
 * SQL_INSTR "(haystack, needle)". */
#define SQL_INSTR "{instr}"
/* Text joined with a separator, an aggregate: SQL_AGG "(txn_id, ';')". In the order rows
 * come: aggregate over an ordered subquery. */
#define SQL_AGG "{agg}"
/* text starts with the prefix p (a parameter): compared as text, so that % and _ in a
 * caller's prefix stay literal (LIKE p || '%' would read them as wildcards) */
#define SQL_PREFIXED(text, p) "substr(" text ", 1, length(" p "))=" p

/* DDL, for migrations written once: a table's own row id (an integer key that numbers new
 * rows itself), a 64-bit integer column, a byte string column. */
#define SQL_ID "{id}"
#define SQL_INT "{int}"
#define SQL_BLOB "{blob}"

/* Expands the fragments of sql for dialect d into out; with d DIALECT_SQLITE also rewrites
 * the parameters $N to ?N. Returns 0, or -1 with a message in err (an unknown fragment, out of
 * memory). */
int sql_expand(enum store_dialect d, const char *sql, struct dbuf *out, char *err, size_t errsz);
#endif
