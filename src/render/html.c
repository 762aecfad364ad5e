/* html.c — a document (doc.h) as one self-contained HTML page: UTF-8, Chinese, inline CSS
 * laid out for A4 printing (the table header repeats on every printed page), no scripts,
 * fonts or images from anywhere else. Exports render_html. */
#include <string.h>

#include "render/doc.h"
#include "util/err.h"
#include "util/banned.h"

static const char css[] =
	"@page{size:A4 portrait;margin:16mm 15mm 18mm}"
	"*{box-sizing:border-box}"
	"body{margin:0;background:#f4f1ea;color:#111;"
	"font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",SimSun,serif;"
	"font-size:11pt;line-height:1.6}"
	".page{max-width:210mm;margin:12px auto;background:#fff;padding:16mm 15mm 14mm;"
	"box-shadow:0 1px 4px rgba(0,0,0,.15)}"
	"h1{color:#c8161d;text-align:center;font-size:24pt;letter-spacing:.15em;margin:0 0 4px;"
	"font-weight:bold}"
	".sub{text-align:center;font-size:12pt;margin:0 0 6px}"
	".rule{border-top:2.5px solid #c8161d;border-bottom:1px solid #c8161d;height:4px;"
	"margin:8px 0 14px}"
	"h2{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif;font-size:12pt;margin:14px 0 6px}"
	"p{margin:4px 0;text-indent:2em;text-align:justify}"
	"p.note{text-indent:0;font-size:9pt;color:#333}"
	"table{border-collapse:collapse;width:100%;margin:6px 0 10px;"
	"font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif;font-size:9.5pt;line-height:1.4}"
	"th,td{border:.75pt solid #333;padding:3px 5px;vertical-align:middle}"
	"th{background:#e8e8e8;font-weight:bold;text-align:center}"
	"table.fields th{width:24%;background:#f2f2f2;text-align:left}"
	"tr.strong td{font-weight:bold;background:#f7f7f7}"
	"td.l{text-align:left}td.c{text-align:center}"
	"td.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"thead{display:table-header-group}tr{page-break-inside:avoid;break-inside:avoid}"
	".callout{border:1.5pt solid #c8161d;color:#c8161d;text-align:center;font-size:15pt;"
	"font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft "
	"YaHei\","
	"sans-serif;"
	"font-weight:bold;padding:6px;margin:10px 0;letter-spacing:.05em}"
	".sign{margin-top:22px;text-align:right;line-height:1.9}"
	".foot{margin-top:18px;border-top:1px solid #ccc;padding-top:4px;font-size:8pt;"
	"color:#666}"
	"@media print{body{background:#fff}.page{margin:0;padding:0;box-shadow:none;"
	"max-width:none}}";

/* Appends s with &, <, >, " escaped. */
static int esc(struct dbuf *b, const char *s)
{
	int rc = 0;
	for (const char *p = s ? s : ""; *p && rc == 0; p++) {
		switch (*p) {
		case '&': rc = dbuf_adds(b, "&amp;"); break;
		case '<': rc = dbuf_adds(b, "&lt;"); break;
		case '>': rc = dbuf_adds(b, "&gt;"); break;
		case '"': rc = dbuf_adds(b, "&quot;"); break;
		case '\n': rc = dbuf_adds(b, "<br>"); break;
		default: rc = dbuf_addc(b, *p);
		}
	}
	return rc;
}

/* Appends open, s escaped, close. */
static int wrap(struct dbuf *b, const char *open, const char *s, const char *close)
{
	return dbuf_adds(b, open) | esc(b, s) | dbuf_adds(b, close);
}

static int table(struct dbuf *b, const struct doc_table *t)
{
	static const char *const cls[] = {"l", "c", "r"};
	double total = 0;
	int rc = dbuf_adds(b, "<table>\n<colgroup>");
	for (int i = 0; i < t->ncols; i++)
		total += t->width[i];
	for (int i = 0; i < t->ncols; i++)
		rc |= dbuf_addf(b, "<col style=\"width:%.1f%%\">", 100.0 * t->width[i] / total);
	rc |= dbuf_adds(b, "</colgroup>\n<thead><tr>");
	for (int i = 0; i < t->ncols; i++)
		rc |= wrap(b, "<th>", t->head[i], "</th>");
	rc |= dbuf_adds(b, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows && rc == 0; r++) {
		rc |= dbuf_adds(b, t->strong[r] ? "<tr class=\"strong\">" : "<tr>");
		for (int i = 0; i < t->ncols; i++) {
			rc |= dbuf_addf(b, "<td class=\"%s\">", cls[t->align[i]]);
			rc |= esc(b, t->cells[r * (size_t)t->ncols + (size_t)i]);
			rc |= dbuf_adds(b, "</td>");
		}
		rc |= dbuf_adds(b, "</tr>\n");
	}
	return rc | dbuf_adds(b, "</tbody>\n</table>\n");
}

int render_html(const struct doc *d, struct dbuf *b)
{
	int rc = dbuf_adds(
		b,
		"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	rc |= wrap(b, "<title>", d->title, d->subtitle ? " · " : "</title>\n");
	if (d->subtitle)
		rc |= wrap(b, "", d->subtitle, "</title>\n");
	rc |= dbuf_adds(b, "<style>") | dbuf_adds(b, css) | dbuf_adds(b, "</style>\n</head>\n");
	rc |= dbuf_adds(b, "<body>\n<div class=\"page\">\n");
	rc |= wrap(b, "<h1>", d->title, "</h1>\n");
	if (d->subtitle)
		rc |= wrap(b, "<p class=\"sub\">", d->subtitle, "</p>\n");
	rc |= dbuf_adds(b, "<div class=\"rule\"></div>\n");
	for (size_t i = 0; i < d->nblocks && rc == 0; i++) {
		const struct doc_block *k = &d->blocks[i];
		switch (k->kind) {
		case DOC_HEADING: rc |= wrap(b, "<h2>", k->text, "</h2>\n"); break;
		case DOC_PARA: rc |= wrap(b, "<p>", k->text, "</p>\n"); break;
		case DOC_NOTE: rc |= wrap(b, "<p class=\"note\">", k->text, "</p>\n"); break;
		case DOC_CALLOUT:
			rc |= wrap(b, "<div class=\"callout\">", k->text, "</div>\n");
			break;
		case DOC_FIELDS:
			rc |= dbuf_adds(b, "<table class=\"fields\">\n");
			for (size_t f = 0; f < k->nfields; f++) {
				rc |= wrap(b, "<tr><th>", k->fields[f].label, "</th>");
				rc |= wrap(b, "<td class=\"l\">", k->fields[f].value,
					   "</td></tr>\n");
			}
			rc |= dbuf_adds(b, "</table>\n");
			break;
		case DOC_TABLE: rc |= table(b, &k->table); break;
		}
	}
	if (d->nsign) {
		rc |= dbuf_adds(b, "<div class=\"sign\">");
		for (int i = 0; i < d->nsign; i++)
			rc |= wrap(b, "<div>", d->sign[i], "</div>");
		rc |= dbuf_adds(b, "</div>\n");
	}
	if (d->footer)
		rc |= wrap(b, "<div class=\"foot\">", d->footer, "</div>\n");
	rc |= dbuf_adds(b, "</div>\n</body>\n</html>\n");
	return rc ? WG_ENOMEM : WG_OK;
}
