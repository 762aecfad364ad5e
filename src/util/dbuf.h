/* dbuf.h — a growable byte buffer with a size cap (curl's dynbuf): always NUL-terminated. */
#ifndef WG_DBUF_H
#define WG_DBUF_H
#include <stdarg.h>
#include <stddef.h>

struct dbuf {
	char *p;    /* NUL-terminated contents, or NULL before the first add */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* growth limit in bytes; 0 = 64 MiB */
};
#define DBUF_INIT                                                                                  \
	{                                                                                          \
		0                                                                                  \
	}

/* Each returns 0, or -1 when memory runs out or max would be exceeded (contents unchanged). */
int dbuf_add(struct dbuf *b, const void *data, size_t len);
int dbuf_adds(struct dbuf *b, const char *s);
int dbuf_addc(struct dbuf *b, char c);
int dbuf_addf(struct dbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dbuf_vaddf(struct dbuf *b, const char *fmt, va_list ap);
/* Makes room for len more bytes (plus the NUL) without changing the contents, so a caller
 * may write into p + len directly and then add to len. Returns 0 or -1. */
int dbuf_reserve(struct dbuf *b, size_t len);
/* Appends s as one RFC 4180 CSV field (quoted when it holds , " CR or LF). */
int dbuf_add_csv_field(struct dbuf *b, const char *s);
/* Empties the buffer, keeping the allocation. */
void dbuf_reset(struct dbuf *b);
/* Frees the contents; the struct may be reused. */
void dbuf_release(struct dbuf *b);
/* Returns the contents (never NULL: "" when empty); valid until the next add or release. */
const char *dbuf_str(const struct dbuf *b);
#endif
