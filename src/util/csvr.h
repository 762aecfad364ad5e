/* csvr.h — a streaming RFC 4180 CSV reader on libcsv: header mapping by column name, rows
 * handed out one at a time with the physical line each starts on. Memory is bounded by the
 * longest record, never by the file. */
#ifndef WG_CSVR_H
#define WG_CSVR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/msg.h"

struct csvr;

/* A column an importer expects. */
struct csvr_col {
	const char *name;
	bool required;
};

/* Opens path ("-" = stdin) and reads its header row. Strips a UTF-8 BOM.
 * @param[out] out the reader; caller frees with csvr_free.
 * On failure returns a negative wg_status with the problem, naming the file, in *err. */
int csvr_open(struct csvr **out, const char *path, struct msg *err);

/* Maps the header to cols: idx[i] = field position of cols[i], or -1 for an absent optional
 * column. Every unknown header name, duplicate name and missing required column is reported
 * through report(ctx, line=1, column name, message id); returns the number of problems.
 * Names match exactly (case and spaces count). The line is the header's physical line: 1
 * unless blank lines precede it. */
int csvr_map(struct csvr *r, const struct csvr_col *cols, size_t ncols, int *idx,
	     void (*report)(void *ctx, long line, const char *col, enum msg_id msg), void *ctx);

/* Reads the next record. Returns 1 with *fields (n of them, NUL-terminated strings owned by
 * the reader, valid until the next call) and *line = physical line the record starts on;
 * 0 at end of file; a negative wg_status on I/O error or malformed CSV (the problem in *err,
 * with parameters file and line). Blank lines are skipped. Fields holding invalid UTF-8 are reported as
 * WG_EINPUT with the line.
 * Also: n always equals csvr_width (a record with another count is WG_EINPUT), so idx[] from
 * csvr_map can index fields safely. Spaces are kept (RFC 4180); CRLF inside a quoted field
 * reads as LF; a NUL byte counts as invalid UTF-8; records over 1 MiB are WG_EINPUT. After
 * WG_EINPUT, *line is set and the next call resumes with the next record (after malformed
 * quoting: with the next physical line), so an importer can report every bad record. */
int csvr_next(struct csvr *r, char ***fields, size_t *n, long *line, struct msg *err);

/* Number of header fields, and header name i. */
size_t csvr_width(const struct csvr *r);
const char *csvr_header(const struct csvr *r, size_t i);
/* Bytes consumed so far and total file size (0 when unknown, e.g. a pipe): for progress. */
long long csvr_offset(const struct csvr *r);
long long csvr_size(const struct csvr *r);
const char *csvr_path(const struct csvr *r);
void csvr_free(struct csvr *r);
#endif
