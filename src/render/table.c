/* table.c — the CSV and XLSX table writers (table.h). Money is formatted from fen by
 * money_format for CSV; XLSX cells hold fen/100 as their number (the only place a double
 * meets an amount) shown through a "0.00" format. */
#include <errno.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/table.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

static int add_sheet(struct table_writer *w)
{
	char name[48]; /* a sheet name may have 31 characters; lxw checks */
	if (++w->sheets == 1)
		snprintf(name, sizeof name, "%s", w->sheet);
	else
		snprintf(name, sizeof name, "%.20s (%d)", w->sheet, w->sheets);
	w->ws = workbook_add_worksheet(w->wb, name);
	if (!w->ws) {
		snprintf(w->err, sizeof w->err, "cannot add sheet '%s'", name);
		return WG_EIO;
	}
	for (int i = 0; i < w->ncols; i++)
		worksheet_set_column(w->ws, (lxw_col_t)i, (lxw_col_t)i, w->cols[i].width,
				     w->cols[i].type == TCOL_MONEY ? w->money : NULL);
	worksheet_freeze_panes(w->ws, 1, 0);
	for (int i = 0; i < w->ncols; i++)
		worksheet_write_string(w->ws, 0, (lxw_col_t)i, w->cols[i].name, w->head);
	w->row = 1;
	return WG_OK;
}

int table_sheet(struct table_writer *w, const char *sheet, const struct table_col *cols, int ncols)
{
	if (w->fmt != TABLE_XLSX || !w->wb) {
		snprintf(w->err, sizeof w->err, "a CSV file has one table");
		return WG_EIO;
	}
	w->cols = cols;
	w->ncols = ncols;
	w->sheet = sheet;
	w->sheets = 0;
	return add_sheet(w);
}

int table_open(struct table_writer *w, enum table_format fmt, const char *path, const char *sheet,
	       const struct table_col *cols, int ncols)
{
	memset(w, 0, sizeof *w);
	w->fmt = fmt;
	w->cols = cols;
	w->ncols = ncols;
	w->sheet = sheet;
	if (fmt == TABLE_CSV) {
		if (!(w->csv = fopen(path, "w"))) {
			snprintf(w->err, sizeof w->err, "%s: %s", path, strerror(errno));
			return WG_EIO;
		}
		int rc = 0;
		for (int i = 0; i < ncols; i++)
			rc |= (i ? dbuf_addc(&w->line, ',') : 0) |
				dbuf_add_csv_field(&w->line, cols[i].name);
		if (rc || dbuf_addc(&w->line, '\n') < 0) {
			snprintf(w->err, sizeof w->err, "out of memory");
			table_close(w);
			return WG_ENOMEM;
		}
		fputs(dbuf_str(&w->line), w->csv);
		return WG_OK;
	}
	/* constant memory: each row goes to a temporary file as it is written, so a
	 * province's ledger does not sit in memory */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE};
	w->wb = workbook_new_opt(path, &opt);
	if (!w->wb) {
		snprintf(w->err, sizeof w->err, "%s: cannot create the workbook", path);
		return WG_EIO;
	}
	w->money = workbook_add_format(w->wb);
	format_set_num_format(w->money, "0.00");
	w->head = workbook_add_format(w->wb);
	format_set_bold(w->head);
	format_set_bg_color(w->head, 0xE8E8E8);
	format_set_bottom(w->head, LXW_BORDER_THIN);
	int rc = add_sheet(w);
	if (rc) {
		char why[sizeof w->err];
		memcpy(why, w->err, sizeof why);
		table_close(w);
		memcpy(w->err, why, sizeof why);
	}
	return rc;
}

/* A text cell a spreadsheet would take for a formula (starting with = + - @, a tab or a
 * carriage return) is written with a leading apostrophe, as spreadsheets expect for text: a
 * worker named "=HYPERLINK(…)" must not run in the reader's Excel. */
static int csv_text(struct dbuf *line, const char *s)
{
	if (*s && strchr("=+-@\t\r", *s)) {
		struct dbuf b = DBUF_INIT;
		int rc = dbuf_addc(&b, '\'') < 0 || dbuf_adds(&b, s) < 0
			? -1
			: dbuf_add_csv_field(line, dbuf_str(&b));
		dbuf_release(&b);
		return rc;
	}
	return dbuf_add_csv_field(line, s);
}

static int csv_row(struct table_writer *w, const struct table_cell *cells)
{
	int rc = 0;
	dbuf_reset(&w->line);
	for (int i = 0; i < w->ncols && rc == 0; i++) {
		const struct table_cell *c = &cells[i];
		char num[MONEY_BUFSZ];
		if (i)
			rc = dbuf_addc(&w->line, ',');
		if (c->null)
			continue;
		if (w->cols[i].type == TCOL_TEXT)
			rc |= csv_text(&w->line, c->s ? c->s : "");
		else if (w->cols[i].type == TCOL_MONEY)
			rc |= dbuf_adds(&w->line, money_format(c->i, num));
		else
			rc |= dbuf_addf(&w->line, "%lld", (long long)c->i);
	}
	if (rc || dbuf_addc(&w->line, '\n') < 0) {
		snprintf(w->err, sizeof w->err, "out of memory");
		return WG_ENOMEM;
	}
	if (fwrite(w->line.p, 1, w->line.len, w->csv) != w->line.len) {
		snprintf(w->err, sizeof w->err, "write failed: %s", strerror(errno));
		return WG_EIO;
	}
	return WG_OK;
}

static int xlsx_row(struct table_writer *w, const struct table_cell *cells)
{
	int rc;
	if (w->row >= LXW_ROW_MAX && (rc = add_sheet(w)))
		return rc;
	for (int i = 0; i < w->ncols; i++) {
		const struct table_cell *c = &cells[i];
		lxw_error e = LXW_NO_ERROR;
		if (c->null || (w->cols[i].type == TCOL_TEXT && (!c->s || !*c->s)))
			continue;
		if (w->cols[i].type == TCOL_TEXT)
			e = worksheet_write_string(w->ws, w->row, (lxw_col_t)i, c->s, NULL);
		else if (w->cols[i].type == TCOL_MONEY)
			e = worksheet_write_number(w->ws, w->row, (lxw_col_t)i,
						   (double)c->i / 100.0, w->money);
		else
			e = worksheet_write_number(w->ws, w->row, (lxw_col_t)i, (double)c->i, NULL);
		if (e != LXW_NO_ERROR) {
			snprintf(w->err, sizeof w->err, "row %u: %s", (unsigned)w->row,
				 lxw_strerror(e));
			return WG_EIO;
		}
	}
	w->row++;
	return WG_OK;
}

int table_row(struct table_writer *w, const struct table_cell *cells)
{
	return w->fmt == TABLE_CSV ? csv_row(w, cells) : xlsx_row(w, cells);
}

int table_close(struct table_writer *w)
{
	int rc = WG_OK;
	if (w->csv) {
		if (fclose(w->csv) != 0) {
			snprintf(w->err, sizeof w->err, "write failed: %s", strerror(errno));
			rc = WG_EIO;
		}
		w->csv = NULL;
	}
	if (w->wb) {
		lxw_error e = workbook_close(w->wb);
		if (e != LXW_NO_ERROR) {
			snprintf(w->err, sizeof w->err, "cannot write the workbook: %s",
				 lxw_strerror(e));
			rc = WG_EIO;
		}
		w->wb = NULL;
	}
	dbuf_release(&w->line);
	return rc;
}
