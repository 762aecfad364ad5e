/* import_read.h — the importer's reading half, run on its own thread: CSV records parsed
 * field by field and formatted canonically, handed over in batches, so that parsing on one
 * core overlaps storing on the other. Internal to the importer (import.c). */
#ifndef WG_IMPORT_READ_H
#define WG_IMPORT_READ_H
#include <stdbool.h>
#include <stddef.h>

#include "store/schema.h"
#include "util/csvr.h"
#include "util/dbuf.h"

#define READ_BATCH_ROWS 2048

struct parsed_row {
	long line;
	bool rejected;  /* the CSV reader refused the record: errs holds its message (msg_pack) */
	int nerr;       /* field problems: nerr of "column\0" + msg_pack'ed message at errs */
	unsigned bad;   /* bit i: column i did not parse (its value is not set) */
	size_t errs;    /* offset in the batch arena */
	size_t canon;   /* offset of the canonical line (when nerr == 0) */
	struct rec rec; /* values of the columns that parsed; text points into the arena */
};

struct read_batch {
	struct parsed_row rows[READ_BATCH_ROWS];
	int n;
	struct dbuf arena;
	long long offset, size; /* bytes read so far, file size: for progress */
	int end;                /* 0: more follow; 1: end of file; < 0: the file failed (fatal) */
	struct msg fatal;
};

struct reader;

/* Starts reading r (its header already mapped to idx) on a new thread.
 * @param[out] out the reader; stop it with reader_stop. Returns 0 or a wg_status. */
int reader_start(struct reader **out, struct csvr *r, const struct kind_desc *d, const int *idx);
/* The next batch, waiting for it; hand it back with reader_release once used. */
struct read_batch *reader_next(struct reader *rd);
void reader_release(struct reader *rd, struct read_batch *b);
/* Stops the thread (at once, if it is still reading) and frees everything. */
void reader_stop(struct reader *rd);
#endif
