/* pdf.c — a document (doc.h) as an A4 PDF drawn with cairo and laid out with pango in the
 * Noto CJK fonts (Debian's fonts-noto-cjk, embedded as subsets with their Unicode maps, so
 * the Chinese text can be searched and extracted): a red title with a double rule, tables
 * that break across pages repeating their header, page numbers "第 n 页 / 共 N 页". Exports
 * render_pdf. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "render/doc.h"
#include "util/err.h"
#include "util/banned.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN_X 56.0
#define MARGIN_TOP 46.0
#define MARGIN_BOTTOM 54.0 /* the footer lives in here */
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define PAD_X 4.0 /* cell padding */
#define PAD_Y 2.5
#define LINE_W 0.6 /* table rules */

#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

enum font {
	F_TITLE,
	F_SUB,
	F_HEAD,
	F_BODY,
	F_NOTE,
	F_CELL,
	F_CELL_BOLD,
	F_LABEL,
	F_FOOT,
	F_CALLOUT,
	F_TABLE,
	F_TABLE_BOLD,
	F__N
};

static const char *const font_spec[F__N] = {
	[F_TITLE] = SERIF " Bold 22",   [F_SUB] = SERIF " 12",
	[F_HEAD] = SANS " Bold 11.5",   [F_BODY] = SERIF " 10.5",
	[F_NOTE] = SERIF " 8.8",        [F_CELL] = SANS " 9",
	[F_CELL_BOLD] = SANS " Bold 9", [F_LABEL] = SANS " Bold 9",
	[F_FOOT] = SANS " 7.5",         [F_CALLOUT] = SANS " Bold 14",
	[F_TABLE] = SANS " 8.5",        [F_TABLE_BOLD] = SANS " Bold 8.5",
};

struct pdf {
	const struct doc *d;
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *font[F__N];
	double y;
	double label_w;  /* the label column of every field block, so they line up */
	int page, total; /* total 0: unknown yet (the counting pass) */
};

/* A layout of text in font f, width w points (0: unbounded), aligned. Caller unrefs. */
static PangoLayout *lay(struct pdf *p, enum font f, const char *text, double w,
			enum doc_align align)
{
	PangoLayout *l = pango_layout_new(p->pc);
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (w > 0)
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_alignment(l,
				   align == DOC_CENTER          ? PANGO_ALIGN_CENTER
					   : align == DOC_RIGHT ? PANGO_ALIGN_RIGHT
								: PANGO_ALIGN_LEFT);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void draw(struct pdf *p, PangoLayout *l, double x, double y, double r, double g, double b)
{
	cairo_set_source_rgb(p->cr, r, g, b);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

static void footer(struct pdf *p)
{
	double y = PAGE_H - MARGIN_BOTTOM + 24;
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.4);
	cairo_move_to(p->cr, MARGIN_X, y - 4);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, y - 4);
	cairo_stroke(p->cr);
	char num[64];
	snprintf(num, sizeof num, "第 %d 页 / 共 %d 页", p->page, p->total ? p->total : p->page);
	PangoLayout *l = lay(p, F_FOOT, num, CONTENT_W, DOC_RIGHT);
	draw(p, l, MARGIN_X, y, 0.35, 0.35, 0.35);
	g_object_unref(l);
	if (p->d->footer) {
		l = lay(p, F_FOOT, p->d->footer, CONTENT_W * 0.72, DOC_LEFT);
		draw(p, l, MARGIN_X, y, 0.35, 0.35, 0.35);
		g_object_unref(l);
	}
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
}

/* Starts a new page unless h more points fit on this one; true when it did. */
static bool ensure(struct pdf *p, double h)
{
	if (p->y + h <= PAGE_H - MARGIN_BOTTOM || p->y <= MARGIN_TOP)
		return false;
	new_page(p);
	return true;
}

static void rule(struct pdf *p, double y, double w)
{
	cairo_set_source_rgb(p->cr, 0.784, 0.086, 0.114);
	cairo_set_line_width(p->cr, w);
	cairo_move_to(p->cr, MARGIN_X, y);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, y);
	cairo_stroke(p->cr);
}

static void title(struct pdf *p)
{
	PangoLayout *l = lay(p, F_TITLE, p->d->title, CONTENT_W, DOC_CENTER);
	pango_layout_set_spacing(l, 2 * PANGO_SCALE);
	draw(p, l, MARGIN_X, p->y, 0.784, 0.086, 0.114);
	p->y += height(l) + 4;
	g_object_unref(l);
	if (p->d->subtitle) {
		l = lay(p, F_SUB, p->d->subtitle, CONTENT_W, DOC_CENTER);
		draw(p, l, MARGIN_X, p->y, 0.1, 0.1, 0.1);
		p->y += height(l) + 2;
		g_object_unref(l);
	}
	rule(p, p->y + 5, 2.2);
	rule(p, p->y + 9, 0.7);
	p->y += 17;
}

/* The layout of a text block, and the space it takes below itself. Caller unrefs. */
static PangoLayout *text_layout(struct pdf *p, const struct doc_block *k, double *after)
{
	enum font f = k->kind == DOC_HEADING ? F_HEAD : k->kind == DOC_NOTE ? F_NOTE : F_BODY;
	PangoLayout *l = lay(p, f, k->text, CONTENT_W, DOC_LEFT);
	if (k->kind == DOC_PARA) {
		pango_layout_set_indent(l, 21 * PANGO_SCALE); /* two characters of 10.5 pt */
		pango_layout_set_justify(l, TRUE);
		pango_layout_set_spacing(l, 3 * PANGO_SCALE);
	}
	*after = k->kind == DOC_NOTE ? 2 : 4;
	return l;
}

static void text(struct pdf *p, const struct doc_block *k)
{
	double after;
	PangoLayout *l = text_layout(p, k, &after);
	double h = height(l);
	if (k->kind == DOC_HEADING) {
		/* keep a heading with at least two lines of what follows */
		ensure(p, h + 40);
		p->y += 4;
	} else {
		ensure(p, h);
	}
	draw(p, l, MARGIN_X, p->y, 0.07, 0.07, 0.07);
	p->y += h + after;
	g_object_unref(l);
}

/* A row of cells: layouts in ls (n of them, widths w), drawn at p->y; shade the cells whose
 * fill[i] is set. Returns the row's height. */
static double row(struct pdf *p, PangoLayout **ls, const double *w, const bool *fill, int n,
		  double gray, bool draw_it)
{
	double h = 0;
	for (int i = 0; i < n; i++)
		if (height(ls[i]) > h)
			h = height(ls[i]);
	h += 2 * PAD_Y;
	if (!draw_it)
		return h;
	double x = MARGIN_X;
	for (int i = 0; i < n; i++) {
		if (fill[i]) {
			cairo_set_source_rgb(p->cr, gray, gray, gray);
			cairo_rectangle(p->cr, x, p->y, w[i], h);
			cairo_fill(p->cr);
		}
		/* centred vertically, as a ruled form is read */
		draw(p, ls[i], x + PAD_X, p->y + (h - height(ls[i])) / 2, 0.05, 0.05, 0.05);
		cairo_set_source_rgb(p->cr, 0.2, 0.2, 0.2);
		cairo_set_line_width(p->cr, LINE_W);
		cairo_rectangle(p->cr, x, p->y, w[i], h);
		cairo_stroke(p->cr);
		x += w[i];
	}
	p->y += h;
	return h;
}

/* The label column fits the widest label on one line, within a quarter to a third of
 * the width, the same for every field block of the document: labels never wrap, values keep
 * the room, and the blocks line up. */
static double label_width(struct pdf *p)
{
	double w = 0;
	for (size_t b = 0; b < p->d->nblocks; b++) {
		const struct doc_block *k = &p->d->blocks[b];
		for (size_t i = 0; k->kind == DOC_FIELDS && i < k->nfields; i++) {
			PangoLayout *l = lay(p, F_LABEL, k->fields[i].label, 0, DOC_LEFT);
			int lw, lh;
			pango_layout_get_size(l, &lw, &lh);
			if ((double)lw / PANGO_SCALE > w)
				w = (double)lw / PANGO_SCALE;
			g_object_unref(l);
		}
	}
	w += 2 * PAD_X + 2;
	return w < CONTENT_W * 0.2 ? CONTENT_W * 0.2 : w > CONTENT_W * 0.34 ? CONTENT_W * 0.34 : w;
}

static void fields(struct pdf *p, const struct doc_block *k)
{
	double w[2] = {p->label_w, CONTENT_W - p->label_w};
	bool fill[2] = {true, false};
	p->y += 2;
	for (size_t i = 0; i < k->nfields; i++) {
		PangoLayout *ls[2] = {
			lay(p, F_LABEL, k->fields[i].label, w[0] - 2 * PAD_X, DOC_LEFT),
			lay(p, F_CELL, k->fields[i].value, w[1] - 2 * PAD_X, DOC_LEFT),
		};
		ensure(p, row(p, ls, w, fill, 2, 0, false));
		row(p, ls, w, fill, 2, 0.95, true);
		g_object_unref(ls[0]);
		g_object_unref(ls[1]);
	}
	p->y += 6;
}

static void callout(struct pdf *p, const struct doc_block *k)
{
	PangoLayout *l = lay(p, F_CALLOUT, k->text, CONTENT_W - 20, DOC_CENTER);
	double h = height(l) + 12;
	ensure(p, h + 8);
	p->y += 4;
	cairo_set_source_rgb(p->cr, 0.784, 0.086, 0.114);
	cairo_set_line_width(p->cr, 1.4);
	cairo_rectangle(p->cr, MARGIN_X, p->y, CONTENT_W, h);
	cairo_stroke(p->cr);
	draw(p, l, MARGIN_X + 10, p->y + 6, 0.784, 0.086, 0.114);
	p->y += h + 8;
	g_object_unref(l);
}

static double table_head(struct pdf *p, const struct doc_table *t, const double *w, bool draw_it)
{
	PangoLayout *ls[DOC_MAXCOLS];
	bool fill[DOC_MAXCOLS];
	for (int i = 0; i < t->ncols; i++) {
		ls[i] = lay(p, F_TABLE_BOLD, t->head[i], w[i] - 2 * PAD_X, DOC_CENTER);
		fill[i] = true;
	}
	double h = row(p, ls, w, fill, t->ncols, 0.91, draw_it);
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(ls[i]);
	return h;
}

static double natural(struct pdf *p, enum font f, const char *text)
{
	PangoLayout *l = lay(p, f, text, 0, DOC_LEFT);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)w / PANGO_SCALE + 2 * PAD_X + 1;
}

/* Column widths that fit the line: each column's natural width (its widest cell on one
 * line; a header may take two lines), the room left shared by the document's weights; when
 * the natural widths do not fit, the widest columns are capped at one width so that only
 * they wrap (numbers and dates, being narrow, never do). */
static void fit_columns(struct pdf *p, const struct doc_table *t, double *w)
{
	double nat[DOC_MAXCOLS], sum = 0, weights = 0;
	for (int i = 0; i < t->ncols; i++) {
		/* a header may wrap once, but keeps two characters on a line */
		double h = natural(p, F_TABLE_BOLD, t->head[i]), two = 2 * 8.5 + 2 * PAD_X + 1;
		nat[i] = h / 2 + PAD_X > (h < two ? h : two) ? h / 2 + PAD_X : (h < two ? h : two);
		for (size_t r = 0; r < t->nrows; r++) {
			double n = natural(p, t->strong[r] ? F_TABLE_BOLD : F_TABLE,
					   t->cells[r * (size_t)t->ncols + (size_t)i]);
			if (n > nat[i])
				nat[i] = n;
		}
		sum += nat[i];
		weights += t->width[i];
	}
	if (sum <= CONTENT_W) {
		for (int i = 0; i < t->ncols; i++)
			w[i] = nat[i] + (CONTENT_W - sum) * t->width[i] / weights;
		return;
	}
	double lo = 0, hi = CONTENT_W;
	for (int it = 0; it < 40; it++) {
		double cap = (lo + hi) / 2, used = 0;
		for (int i = 0; i < t->ncols; i++)
			used += nat[i] < cap ? nat[i] : cap;
		if (used > CONTENT_W)
			hi = cap;
		else
			lo = cap;
	}
	for (int i = 0; i < t->ncols; i++)
		w[i] = nat[i] < lo ? nat[i] : lo;
	double used = 0;
	int capped = 0;
	for (int i = 0; i < t->ncols; i++) {
		used += w[i];
		capped += w[i] >= lo;
	}
	for (int i = 0; i < t->ncols; i++) /* what the search left over, to the capped columns */
		if (w[i] >= lo)
			w[i] += (CONTENT_W - used) / capped;
}

static void table(struct pdf *p, const struct doc_table *t)
{
	double w[DOC_MAXCOLS];
	fit_columns(p, t, w);
	p->y += 2;
	bool head_drawn = false;
	for (size_t r = 0; r < t->nrows || !head_drawn; r++) {
		PangoLayout *ls[DOC_MAXCOLS];
		bool fill[DOC_MAXCOLS];
		int n = r < t->nrows ? t->ncols : 0;
		for (int i = 0; i < n; i++) {
			ls[i] = lay(p, t->strong[r] ? F_TABLE_BOLD : F_TABLE,
				    t->cells[r * (size_t)t->ncols + (size_t)i], w[i] - 2 * PAD_X,
				    t->align[i]);
			fill[i] = t->strong[r];
		}
		double h = n ? row(p, ls, w, fill, n, 0, false) : 0;
		double hh = table_head(p, t, w, false);
		/* a header never ends a page alone, and every page of the table starts with one */
		if (ensure(p, h + (head_drawn ? 0 : hh)) || !head_drawn) {
			table_head(p, t, w, true);
			head_drawn = true;
		}
		if (n)
			row(p, ls, w, fill, n, 0.96, true);
		for (int i = 0; i < n; i++)
			g_object_unref(ls[i]);
	}
	p->y += 8;
}

static double sign_height(struct pdf *p, PangoLayout **ls)
{
	double h = 16;
	for (int i = 0; i < p->d->nsign; i++) {
		ls[i] = lay(p, F_BODY, p->d->sign[i], CONTENT_W - 16, DOC_RIGHT);
		h += height(ls[i]) + 6;
	}
	return h;
}

static void signature(struct pdf *p)
{
	PangoLayout *ls[DOC_MAXSIGN];
	ensure(p, sign_height(p, ls));
	p->y += 16;
	for (int i = 0; i < p->d->nsign; i++) {
		draw(p, ls[i], MARGIN_X, p->y, 0.07, 0.07, 0.07);
		p->y += height(ls[i]) + 6;
		g_object_unref(ls[i]);
	}
}

/* The height of the text blocks from `from` to the end and the signature, or -1 when a
 * table or field block comes among them: the closing words are kept on one page with the
 * signature, so a signature never stands alone on the last page. */
static double tail_height(struct pdf *p, size_t from)
{
	double h = 0, after;
	for (size_t i = from; i < p->d->nblocks; i++) {
		const struct doc_block *k = &p->d->blocks[i];
		if (k->kind != DOC_PARA && k->kind != DOC_NOTE)
			return -1;
		PangoLayout *l = text_layout(p, k, &after);
		h += height(l) + after;
		g_object_unref(l);
	}
	PangoLayout *ls[DOC_MAXSIGN];
	h += sign_height(p, ls);
	for (int i = 0; i < p->d->nsign; i++)
		g_object_unref(ls[i]);
	return h;
}

/* Draws the whole document on surface; returns the number of pages. */
static int paint(struct pdf *p, cairo_surface_t *surface)
{
	p->cr = cairo_create(surface);
	p->pc = pango_cairo_create_context(p->cr);
	/* sizes in points: the PDF's unit, not 96 dpi pixels */
	pango_cairo_context_set_resolution(p->pc, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pc, fo);
	cairo_font_options_destroy(fo);
	p->page = 1;
	p->y = MARGIN_TOP;
	p->label_w = label_width(p);
	title(p);
	bool tail = false;
	for (size_t i = 0; i < p->d->nblocks; i++) {
		const struct doc_block *k = &p->d->blocks[i];
		double th;
		if (!tail && (th = tail_height(p, i)) >= 0) {
			tail = true;
			if (th < PAGE_H - MARGIN_TOP - MARGIN_BOTTOM)
				ensure(p, th);
		}
		switch (k->kind) {
		case DOC_HEADING:
		case DOC_PARA:
		case DOC_NOTE: text(p, k); break;
		case DOC_FIELDS: fields(p, k); break;
		case DOC_TABLE: table(p, &k->table); break;
		case DOC_CALLOUT: callout(p, k); break;
		}
	}
	if (p->d->nsign)
		signature(p);
	footer(p);
	cairo_show_page(p->cr);
	g_object_unref(p->pc);
	cairo_destroy(p->cr);
	return p->page;
}

struct sink {
	FILE *out; /* NULL: count only */
	bool failed;
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;
	if (s->out && fwrite(data, 1, len, s->out) != len) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* One pass onto a PDF surface writing to sink; returns pages, or -1 when cairo failed. */
static int pass(struct pdf *p, struct sink *sink, char *err, size_t errsz)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, sink, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, p->d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "wageguard");
	int pages = paint(p, s);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS || sink->failed) {
		snprintf(err, errsz, "cannot write the PDF: %s",
			 sink->failed ? "write failed" : cairo_status_to_string(st));
		return -1;
	}
	return pages;
}

int render_pdf(const struct doc *d, FILE *out, char *err, size_t errsz)
{
	struct pdf p = {.d = d};
	for (int i = 0; i < F__N; i++)
		p.font[i] = pango_font_description_from_string(font_spec[i]);
	/* the first pass only counts pages, for "共 N 页" on every page of the second */
	struct sink count = {0}, real = {.out = out};
	int rc = WG_OK;
	int pages = pass(&p, &count, err, errsz);
	if (pages < 0) {
		rc = WG_EIO;
		goto cleanup;
	}
	p.total = pages;
	if (pass(&p, &real, err, errsz) < 0)
		rc = WG_EIO;
cleanup:
	for (int i = 0; i < F__N; i++)
		pango_font_description_free(p.font[i]);
	return rc;
}
