/* dialect.c — expands the named fragments of store/dialect.h into each backend's SQL, and
 * PostgreSQL's $N parameters into SQLite's ?N. Runs once per statement and connection. */
#include "store/dialect.h"

#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "util/banned.h"

enum store_dialect store_dialect(const struct store *s)
{
	return s->dialect;
}

/* Each fragment's text per dialect; '@' stands for the argument. */
struct fragment {
	const char *name, *sqlite, *pg;
};

static const struct fragment fragments[] = {
	{"bytes", "", " COLLATE \"C\""},
	{"period",
	 "(CAST(strftime('%Y', (@)*86400, 'unixepoch') AS INTEGER)*12"
	 " + CAST(strftime('%m', (@)*86400, 'unixepoch') AS INTEGER) - 1)",
	 "CAST(extract(year FROM DATE '1970-01-01' + CAST(@ AS INTEGER))*12"
	 " + extract(month FROM DATE '1970-01-01' + CAST(@ AS INTEGER)) - 1 AS BIGINT)"},
	/* SQLite 3.40 has no bit count: the SWAR population count, expanded below */
	{"popcount", NULL, "length(replace(CAST(CAST(@ AS bit(32)) AS TEXT), '0', ''))"},
	{"greatest", "max", "greatest"},
	{"least", "min", "least"},
	{"agg", "group_concat", "string_agg"},
	{"instr", "instr", "strpos"},
	{"id", "INTEGER PRIMARY KEY", "BIGSERIAL PRIMARY KEY"},
	{"int", "INTEGER", "BIGINT"},
	{"blob", "BLOB", "BYTEA"},
};

/* Appends tpl with each '@' replaced by arg. */
static int put_template(struct dbuf *out, const char *tpl, const char *arg, size_t argn)
{
	for (const char *p = tpl; *p; p++) {
		int rc = *p == '@' ? dbuf_add(out, arg, argn) : dbuf_addc(out, *p);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The population count of a 32-bit value in integer arithmetic both dialects share. */
static int put_popcount(struct dbuf *out, const char *arg, size_t argn)
{
	struct dbuf a = DBUF_INIT, b = DBUF_INIT;
	int rc = -1;
	if (dbuf_addf(&a, "((%.*s) - (((%.*s) >> 1) & 1431655765))", (int)argn, arg, (int)argn,
		      arg) < 0 ||
	    dbuf_addf(&b, "((%s & 858993459) + ((%s >> 2) & 858993459))", a.p, a.p) < 0 ||
	    dbuf_addf(out, "(((((%s + (%s >> 4)) & 252645135) * 16843009) >> 24) & 255)", b.p,
		      b.p) < 0)
		goto done;
	rc = 0;
done:
	dbuf_release(&a);
	dbuf_release(&b);
	return rc;
}

/* Copies a quoted run (string literal or quoted name) starting at *p, quote included. */
static int put_quoted(struct dbuf *out, const char **p)
{
	char quote = **p;
	const char *s = *p + 1;
	while (*s && *s != quote)
		s++;
	if (*s)
		s++;
	if (dbuf_add(out, *p, (size_t)(s - *p)) < 0)
		return -1;
	*p = s;
	return 0;
}

int sql_expand(enum store_dialect d, const char *sql, struct dbuf *out, char *err, size_t errsz)
{
	dbuf_reset(out);
	const char *p = sql;
	while (*p) {
		if (*p == '\'' || *p == '"') {
			/* a doubled quote inside ends one run and starts the next: the same */
			if (put_quoted(out, &p) < 0)
				goto nomem;
		} else if (p[0] == '-' && p[1] == '-') {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (dbuf_add(out, p, n) < 0)
				goto nomem;
			p += n;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9' && d == DIALECT_SQLITE) {
			if (dbuf_addc(out, '?') < 0)
				goto nomem;
			p++;
		} else if (*p == '{') {
			const char *end = strchr(p, '}');
			if (!end)
				goto bad;
			const char *colon = memchr(p, ':', (size_t)(end - p));
			size_t namen = (size_t)((colon ? colon : end) - p - 1);
			const char *arg = colon ? colon + 1 : "";
			size_t argn = colon ? (size_t)(end - colon - 1) : 0;
			const struct fragment *f = NULL;
			for (size_t i = 0; i < sizeof fragments / sizeof fragments[0]; i++)
				if (strlen(fragments[i].name) == namen &&
				    memcmp(fragments[i].name, p + 1, namen) == 0)
					f = &fragments[i];
			if (!f)
				goto bad;
			const char *tpl = d == DIALECT_SQLITE ? f->sqlite : f->pg;
			int rc = tpl ? put_template(out, tpl, arg, argn)
				     : put_popcount(out, arg, argn);
			if (rc < 0)
				goto nomem;
			p = end + 1;
		} else {
			if (dbuf_addc(out, *p++) < 0)
				goto nomem;
		}
	}
	if (dbuf_adds(out, "") < 0) /* NUL-terminated even when sql is "" */
		goto nomem;
	return 0;
bad:
	snprintf(err, errsz, "unknown SQL fragment at \"%.24s\"", p);
	return -1;
nomem:
	snprintf(err, errsz, "out of memory");
	return -1;
}
