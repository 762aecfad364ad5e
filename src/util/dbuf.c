/* dbuf.c — a growable, always NUL-terminated byte buffer with a size cap (curl's dynbuf):
 * raw, string, char, printf-style and CSV-field appends. A failed append changes nothing. */
#include "util/dbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

#define DBUF_DEFAULT_MAX ((size_t)64 << 20)

/* Makes room for len more bytes plus the NUL. Returns 0 or -1 (cap or memory). */
int dbuf_reserve(struct dbuf *b, size_t len)
{
	size_t max = b->max ? b->max : DBUF_DEFAULT_MAX;
	size_t need, cap;
	char *p;

	if (len > max || b->len > max - len)
		return -1;
	need = b->len + len + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	/* The cap bounds the contents; the allocation may hold max + 1 for the NUL. */
	if (cap > max + 1)
		cap = max + 1;
	p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int dbuf_add(struct dbuf *b, const void *data, size_t len)
{
	if (dbuf_reserve(b, len))
		return -1;
	if (len)
		memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = '\0';
	return 0;
}

int dbuf_adds(struct dbuf *b, const char *s)
{
	return dbuf_add(b, s, strlen(s));
}

int dbuf_addc(struct dbuf *b, char c)
{
	return dbuf_add(b, &c, 1);
}

int dbuf_vaddf(struct dbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	/* Measure first, so the buffer grows once and is untouched on failure. */
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || dbuf_reserve(b, (size_t)n))
		return -1;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int dbuf_addf(struct dbuf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = dbuf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

int dbuf_add_csv_field(struct dbuf *b, const char *s)
{
	size_t len = strlen(s), quotes = 0;

	if (!strpbrk(s, ",\"\r\n"))
		return dbuf_add(b, s, len);
	for (const char *p = s; (p = strchr(p, '"')); p++)
		quotes++;
	if (dbuf_reserve(b, len + quotes + 2))
		return -1;
	/* Room is reserved, so none of these appends can fail half-way. */
	dbuf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			dbuf_addc(b, '"');
		dbuf_addc(b, *p);
	}
	dbuf_addc(b, '"');
	return 0;
}

void dbuf_reset(struct dbuf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void dbuf_release(struct dbuf *b)
{
	size_t max = b->max;

	free(b->p);
	*b = (struct dbuf)DBUF_INIT;
	/* The cap is configuration, not contents: keep it so the struct may be reused. */
	b->max = max;
}

const char *dbuf_str(const struct dbuf *b)
{
	return b->p ? b->p : "";
}
