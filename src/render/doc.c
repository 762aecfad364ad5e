/* doc.c — building a document (doc.h): copies of every string kept in the document, blocks
 * appended in order, a sticky failure flag instead of a status per call. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "render/doc.h"
#include "util/err.h"
#include "util/banned.h"

/* Grows the array whose pointer is at pp (of *alloc elements of size sz) to hold n; false
 * when memory runs out. pp is the address of any object pointer: copied, not type-punned. */
static bool grow(void *pp, size_t *alloc, size_t n, size_t sz)
{
	if (n <= *alloc)
		return true;
	size_t want = *alloc ? *alloc * 2 : 8;
	while (want < n)
		want *= 2;
	void *p;
	memcpy(&p, pp, sizeof p);
	void *np = realloc(p, want * sz);
	if (!np)
		return false;
	memcpy(pp, &np, sizeof np);
	*alloc = want;
	return true;
}

static const char *keep(struct doc *d, char *s)
{
	if (!s || !grow(&d->strs, &d->salloc, d->nstrs + 1, sizeof *d->strs)) {
		free(s);
		d->failed = true;
		return "";
	}
	d->strs[d->nstrs++] = s;
	return s;
}

const char *doc_str(struct doc *d, const char *s)
{
	return keep(d, strdup(s ? s : ""));
}

const char *doc_strf(struct doc *d, const char *fmt, ...)
{
	struct dbuf b = DBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	int rc = dbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (rc < 0) {
		dbuf_release(&b);
		d->failed = true;
		return "";
	}
	const char *s = doc_str(d, dbuf_str(&b));
	dbuf_release(&b);
	return s;
}

static struct doc_block *add_block(struct doc *d, enum doc_block_kind kind)
{
	if (!grow(&d->blocks, &d->alloc, d->nblocks + 1, sizeof *d->blocks)) {
		d->failed = true;
		return NULL;
	}
	struct doc_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void doc_title(struct doc *d, const char *title, const char *subtitle)
{
	d->title = doc_str(d, title);
	d->subtitle = subtitle ? doc_str(d, subtitle) : NULL;
}

static void text_block(struct doc *d, enum doc_block_kind kind, const char *text)
{
	const char *s = doc_str(d, text);
	struct doc_block *b = add_block(d, kind);
	if (b)
		b->text = s;
}

void doc_heading(struct doc *d, const char *text)
{
	text_block(d, DOC_HEADING, text);
}
void doc_para(struct doc *d, const char *text)
{
	text_block(d, DOC_PARA, text);
}
void doc_note(struct doc *d, const char *text)
{
	text_block(d, DOC_NOTE, text);
}
void doc_callout(struct doc *d, const char *text)
{
	text_block(d, DOC_CALLOUT, text);
}

void doc_field(struct doc *d, const char *label, const char *value)
{
	struct doc_block *b = d->nblocks ? &d->blocks[d->nblocks - 1] : NULL;
	if (!b || b->kind != DOC_FIELDS)
		b = add_block(d, DOC_FIELDS);
	if (!b || !grow(&b->fields, &b->falloc, b->nfields + 1, sizeof *b->fields)) {
		d->failed = true;
		return;
	}
	b->fields[b->nfields++] = (struct doc_field){doc_str(d, label), doc_str(d, value)};
}

void doc_table(struct doc *d, int ncols, const char *const *head, const double *width,
	       const enum doc_align *align)
{
	struct doc_block *b = add_block(d, DOC_TABLE);
	if (!b)
		return;
	if (ncols > DOC_MAXCOLS)
		ncols = DOC_MAXCOLS;
	b->table.ncols = ncols;
	for (int i = 0; i < ncols; i++) {
		b->table.head[i] = doc_str(d, head[i]);
		b->table.width[i] = width[i] > 0 ? width[i] : 1;
		b->table.align[i] = align[i];
	}
}

void doc_row(struct doc *d, bool strong, const char *const *cells)
{
	struct doc_block *b = d->nblocks ? &d->blocks[d->nblocks - 1] : NULL;
	if (!b || b->kind != DOC_TABLE) {
		WG_BUG("doc_row without a table");
		d->failed = true;
		return;
	}
	struct doc_table *t = &b->table;
	if (!grow(&t->cells, &t->alloc, (t->nrows + 1) * (size_t)t->ncols, sizeof *t->cells) ||
	    !grow(&t->strong, &t->ralloc, t->nrows + 1, sizeof *t->strong)) {
		d->failed = true;
		return;
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = doc_str(d, cells[i]);
	t->strong[t->nrows++] = strong;
}

void doc_sign(struct doc *d, const char *line)
{
	if (d->nsign < DOC_MAXSIGN)
		d->sign[d->nsign++] = doc_str(d, line);
}

void doc_footer(struct doc *d, const char *text)
{
	d->footer = doc_str(d, text);
}

int doc_status(const struct doc *d)
{
	return d->failed ? WG_ENOMEM : WG_OK;
}

void doc_release(struct doc *d)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].fields);
		free(d->blocks[i].table.cells);
		free(d->blocks[i].table.strong);
	}
	free(d->blocks);
	for (size_t i = 0; i < d->nstrs; i++)
		free(d->strs[i]);
	free(d->strs);
	memset(d, 0, sizeof *d);
}
