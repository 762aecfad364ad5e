/* import_read.c — the reading thread of the importer: csvr records → trimmed fields →
 * record_parse per column → canonical text, collected in a ring of batches. The writer
 * (import.c) only ever sees complete batches; memory is the ring, whatever the file size. */
#include "domain/import_read.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/record.h"
#include "util/err.h"
#include "util/banned.h"

#define RING 3
#define NORM_BYTES 40

struct reader {
	struct csvr *csv;
	const struct kind_desc *d;
	int idx[REC_MAXCOLS];
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct read_batch *ring[RING];
	int head, count; /* full batches: ring[head .. head+count) */
	int fill;        /* the batch being filled */
	bool stop, done;
	struct dbuf canon;
	size_t offs[READ_BATCH_ROWS][REC_MAXCOLS]; /* text offsets until the arena is final */
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Appends s and its NUL to the arena; returns its offset or SIZE_MAX on out of memory. */
static size_t keep(struct dbuf *a, const char *s)
{
	size_t off = a->len;
	if (dbuf_add(a, s, strlen(s) + 1) < 0)
		return SIZE_MAX;
	return off;
}

/* Parses one record into row; values' text offsets go to offs (fixed up later). */
static int parse(struct reader *rd, struct read_batch *b, struct parsed_row *row, char **fields,
		 size_t offs[REC_MAXCOLS])
{
	const struct kind_desc *d = rd->d;
	char norm[REC_MAXCOLS][NORM_BYTES];
	row->rec.kind = d->kind;
	row->errs = b->arena.len;
	for (int i = 0; i < d->ncols; i++) {
		struct msg msg;
		const char *text = rd->idx[i] >= 0 ? trim(fields[rd->idx[i]]) : "";
		offs[i] = SIZE_MAX;
		if (record_parse(&d->cols[i], text, &row->rec.v[i], norm[i], NORM_BYTES, &msg)) {
			row->nerr++;
			row->bad |= 1u << i;
			memset(&row->rec.v[i], 0, sizeof row->rec.v[i]);
			if (keep(&b->arena, d->cols[i].name) == SIZE_MAX ||
			    msg_pack(&msg, &b->arena) < 0)
				return WG_ENOMEM;
		}
	}
	if (!row->nerr) {
		dbuf_reset(&rd->canon);
		if (record_canon(&row->rec, &rd->canon) < 0 ||
		    (row->canon = keep(&b->arena, dbuf_str(&rd->canon))) == SIZE_MAX)
			return WG_ENOMEM;
	}
	/* the good fields of a bad row are kept too: their references get checked */
	for (int i = 0; i < d->ncols; i++)
		if (row->rec.v[i].s && (offs[i] = keep(&b->arena, row->rec.v[i].s)) == SIZE_MAX)
			return WG_ENOMEM;
	return WG_OK;
}

/* Fills b until it is full or the file ends. */
static void fill(struct reader *rd, struct read_batch *b)
{
	size_t(*offs)[REC_MAXCOLS] = rd->offs;
	char **fields;
	size_t n;
	long line;
	b->n = 0;
	b->end = 0;
	dbuf_reset(&b->arena);
	while (b->n < READ_BATCH_ROWS) {
		int rc = csvr_next(rd->csv, &fields, &n, &line, &b->fatal);
		if (rc == 0) {
			b->end = 1;
			break;
		}
		if (rc < 0 && rc != WG_EINPUT) {
			b->end = rc;
			break;
		}
		struct parsed_row *row = &b->rows[b->n];
		memset(row, 0, sizeof *row);
		row->line = line;
		if (rc == WG_EINPUT) {
			/* a record the CSV reader refused (field count, UTF-8, quoting):
			 * reported by the writer, and reading goes on */
			row->rejected = true;
			row->errs = b->arena.len;
			if (msg_pack(&b->fatal, &b->arena) < 0)
				goto nomem;
		} else if (parse(rd, b, row, fields, offs[b->n])) {
			goto nomem;
		}
		b->n++;
	}
	/* the arena is final now: turn offsets into pointers */
	for (int r = 0; r < b->n; r++)
		if (!b->rows[r].rejected)
			for (int i = 0; i < rd->d->ncols; i++)
				if (offs[r][i] != SIZE_MAX)
					b->rows[r].rec.v[i].s = b->arena.p + offs[r][i];
	b->offset = csvr_offset(rd->csv);
	b->size = csvr_size(rd->csv);
	return;
nomem:
	b->end = WG_ENOMEM;
	msg_set(&b->fatal, MSG_CSV_NOMEM, "file", csvr_path(rd->csv), MSG_END);
}

static void *run(void *arg)
{
	struct reader *rd = arg;
	pthread_mutex_lock(&rd->mu);
	for (;;) {
		while (!rd->stop && rd->count == RING)
			pthread_cond_wait(&rd->cv, &rd->mu); /* the writer is behind: wait */
		if (rd->stop)
			break;
		struct read_batch *b = rd->ring[rd->fill];
		pthread_mutex_unlock(&rd->mu);
		fill(rd, b);
		pthread_mutex_lock(&rd->mu);
		rd->fill = (rd->fill + 1) % RING;
		rd->count++;
		pthread_cond_broadcast(&rd->cv);
		if (b->end)
			break;
	}
	rd->done = true;
	pthread_mutex_unlock(&rd->mu);
	return NULL;
}

int reader_start(struct reader **out, struct csvr *r, const struct kind_desc *d, const int *idx)
{
	struct reader *rd = calloc(1, sizeof *rd);
	if (!rd)
		return WG_ENOMEM;
	rd->csv = r;
	rd->d = d;
	memcpy(rd->idx, idx, sizeof rd->idx);
	for (int i = 0; i < RING; i++) {
		rd->ring[i] = calloc(1, sizeof *rd->ring[i]);
		if (!rd->ring[i])
			goto nomem;
		rd->ring[i]->arena.max = 256u << 20;
	}
	pthread_mutex_init(&rd->mu, NULL);
	pthread_cond_init(&rd->cv, NULL);
	if (pthread_create(&rd->thread, NULL, run, rd) != 0) {
		pthread_mutex_destroy(&rd->mu);
		pthread_cond_destroy(&rd->cv);
		goto nomem;
	}
	*out = rd;
	return WG_OK;
nomem:
	for (int i = 0; i < RING; i++)
		free(rd->ring[i]);
	free(rd);
	return WG_ENOMEM;
}

struct read_batch *reader_next(struct reader *rd)
{
	pthread_mutex_lock(&rd->mu);
	while (rd->count == 0)
		pthread_cond_wait(&rd->cv, &rd->mu);
	struct read_batch *b = rd->ring[rd->head];
	pthread_mutex_unlock(&rd->mu);
	return b;
}

void reader_release(struct reader *rd, struct read_batch *b)
{
	pthread_mutex_lock(&rd->mu);
	if (rd->count && rd->ring[rd->head] == b) {
		rd->head = (rd->head + 1) % RING;
		rd->count--;
	}
	pthread_cond_broadcast(&rd->cv);
	pthread_mutex_unlock(&rd->mu);
}

void reader_stop(struct reader *rd)
{
	if (!rd)
		return;
	pthread_mutex_lock(&rd->mu);
	rd->stop = true;
	pthread_cond_broadcast(&rd->cv);
	pthread_mutex_unlock(&rd->mu);
	pthread_join(rd->thread, NULL);
	pthread_mutex_destroy(&rd->mu);
	pthread_cond_destroy(&rd->cv);
	for (int i = 0; i < RING; i++) {
		dbuf_release(&rd->ring[i]->arena);
		free(rd->ring[i]);
	}
	dbuf_release(&rd->canon);
	free(rd);
}
