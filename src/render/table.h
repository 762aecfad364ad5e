/* table.h — writing a table of rows to a file as CSV (RFC 4180, money as "1234.50") or as
 * an XLSX workbook (libxlsxwriter in constant-memory mode: money as numbers in a 0.00
 * format, rows streamed, a new sheet when one is full). Used by the exports. */
#ifndef WG_TABLE_H
#define WG_TABLE_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/dbuf.h"

enum table_format { TABLE_CSV, TABLE_XLSX };

enum table_col_type {
	TCOL_TEXT,  /* cell.s */
	TCOL_MONEY, /* cell.i in fen */
	TCOL_INT,   /* cell.i */
};

struct table_col {
	const char *name; /* header text */
	enum table_col_type type;
	double width; /* XLSX column width in characters */
};

struct table_cell {
	const char *s; /* TCOL_TEXT; NULL: empty */
	int64_t i;     /* TCOL_MONEY, TCOL_INT */
	bool null;     /* empty whatever the type */
};

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

struct table_writer {
	enum table_format fmt;
	const struct table_col *cols;
	int ncols;
	const char *sheet; /* XLSX sheet name; later sheets get " (2)", " (3)" … */
	FILE *csv;
	struct dbuf line;
	struct lxw_workbook *wb;
	struct lxw_worksheet *ws;
	struct lxw_format *money, *head;
	uint32_t row; /* next row of the current sheet */
	int sheets;
	char err[256];
};

/* Creates path and writes the header row. cols must outlive the writer. Returns WG_OK, or
 * WG_EIO with the reason in w->err (nothing to close then). */
int table_open(struct table_writer *w, enum table_format fmt, const char *path, const char *sheet,
	       const struct table_col *cols, int ncols);
/* XLSX only: goes on in the same workbook on a new sheet with its own name and columns (a
 * report of several tables). cols must outlive the writer. WG_OK or WG_EIO (w->err). */
int table_sheet(struct table_writer *w, const char *sheet, const struct table_col *cols, int ncols);
/* Writes one row of w->ncols cells. WG_OK, or WG_EIO / WG_ENOMEM (w->err says why). */
int table_row(struct table_writer *w, const struct table_cell *cells);
/* Finishes the file and frees the writer's resources (also after a failed row: the file is
 * then incomplete and the caller removes it). WG_OK or WG_EIO with w->err. */
int table_close(struct table_writer *w);
#endif
