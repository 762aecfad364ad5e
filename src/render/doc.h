/* doc.h — a printable document (a public notice): a title, then headings, paragraphs,
 * label/value field blocks and tables, then signature lines; built by the domain, rendered
 * as a self-contained HTML page (render_html) or an A4 PDF (render_pdf). */
#ifndef WG_DOC_H
#define WG_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/dbuf.h"

enum doc_align { DOC_LEFT, DOC_CENTER, DOC_RIGHT };

enum doc_block_kind {
	DOC_HEADING, /* a section heading ("一、项目基本信息") */
	DOC_PARA,    /* body text, first line indented */
	DOC_NOTE,    /* small print, not indented */
	DOC_FIELDS,  /* label/value pairs, drawn as a two-column grid */
	DOC_TABLE,   /* a table with a header row repeated on every page */
	DOC_CALLOUT, /* one prominent line in a box (the complaint hotline) */
};

struct doc_field {
	const char *label, *value;
};

#define DOC_MAXCOLS 12

struct doc_table {
	int ncols;
	const char *head[DOC_MAXCOLS];
	double width[DOC_MAXCOLS]; /* relative widths; they need not add up to 1 */
	enum doc_align align[DOC_MAXCOLS];
	const char **cells;          /* nrows * ncols, row after row */
	bool *strong;                /* per row: bold (a totals row) */
	size_t nrows, alloc, ralloc; /* rows; capacity of cells, of strong */
};

struct doc_block {
	enum doc_block_kind kind;
	const char *text;         /* DOC_HEADING, DOC_PARA, DOC_NOTE, DOC_CALLOUT */
	struct doc_field *fields; /* DOC_FIELDS */
	size_t nfields, falloc;
	struct doc_table table; /* DOC_TABLE */
};

#define DOC_MAXSIGN 4

struct doc {
	const char *title, *subtitle; /* subtitle may be NULL */
	struct doc_block *blocks;
	size_t nblocks, alloc;
	const char *sign[DOC_MAXSIGN]; /* right-aligned lines at the end: issuer, date */
	int nsign;
	const char *footer; /* small print on every page, or NULL */
	char **strs;        /* every string the document owns */
	size_t nstrs, salloc;
	bool failed; /* an allocation failed (sticky) */
};
#define DOC_INIT                                                                                   \
	{                                                                                          \
		0                                                                                  \
	}

/* Frees everything the document owns; it may be built again afterwards. */
void doc_release(struct doc *d);

/* The builders copy their text. They never fail loudly: a failed allocation sets d->failed
 * and doc_status reports it once at the end, so building reads as a list of lines. */
const char *doc_str(struct doc *d, const char *s);
const char *doc_strf(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_title(struct doc *d, const char *title, const char *subtitle);
void doc_heading(struct doc *d, const char *text);
void doc_para(struct doc *d, const char *text);
void doc_note(struct doc *d, const char *text);
void doc_callout(struct doc *d, const char *text);
/* Adds a pair to the fields block at the end, starting one if the last block is not. */
void doc_field(struct doc *d, const char *label, const char *value);
/* Starts a table of ncols columns (head, width, align each ncols long). */
void doc_table(struct doc *d, int ncols, const char *const *head, const double *width,
	       const enum doc_align *align);
/* Adds a row of the table at the end (ncols cells; NULL cells are empty). */
void doc_row(struct doc *d, bool strong, const char *const *cells);
void doc_sign(struct doc *d, const char *line);
void doc_footer(struct doc *d, const char *text);
/* WG_OK, or WG_ENOMEM when some builder could not allocate. */
int doc_status(const struct doc *d);

/* Appends the document as one self-contained HTML page (UTF-8, inline print CSS, no
 * external resources). Returns WG_OK or WG_ENOMEM. */
int render_html(const struct doc *d, struct dbuf *out);
/* The document as JSON (a jansson object; caller owns it) for the web UI to draw. */
struct json_t;
struct json_t *render_json(const struct doc *d);

/* Writes the document as an A4 PDF with a CJK font from the system (Noto CJK) to out.
 * Returns WG_OK, or WG_EIO with a message in err. */
int render_pdf(const struct doc *d, FILE *out, char *err, size_t errsz);
#endif
