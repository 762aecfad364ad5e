/* import.c — the import driver: reads a CSV file with csvr, parses every field by its column
 * type, runs the kind's checks, and applies each row (insert, unchanged, status change,
 * amendment) with a ledger entry, all inside one transaction that is committed only when
 * the whole file is clean. */
#include "domain/import.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/attend.h"
#include "domain/import_kinds.h"
#include "domain/import_read.h"
#include "domain/ledger.h"
#include "domain/record.h"
#include "store/config.h"
#include "util/csvr.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

struct importer {
	struct import_row row;
	import_report_fn *report; /* the caller's, behind clean_report */
	void *report_ctx;
	const struct import_opts *o;
	struct import_stats *st;
	struct ledger_writer lw;
	struct attend_days days;
	struct dbuf old, a, b;
};

/* Copies s into out with every control character written out (\n, \x1b): a quoted
 * line break in a field must not start a forged "FILE:LINE: …" line in the output. */
static const char *escape_controls(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 5 < n; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != 0x7f)
			out[k++] = (char)c;
		else if (c == '\n' || c == '\r' || c == '\t')
			k += (size_t)snprintf(out + k, n - k, "\\%c",
					      c == '\n'           ? 'n'
						      : c == '\r' ? 'r'
								  : 't');
		else
			k += (size_t)snprintf(out + k, n - k, "\\x%02x", c);
	}
	out[k] = '\0';
	return out;
}

/* Every problem goes out through here, its texts made safe to print. */
static void clean_report(void *ctx, const char *file, long line, const char *col,
			 const struct msg *m)
{
	struct importer *im = ctx;
	struct msg safe = *m;
	char c[256];
	for (int i = 0; i < safe.n; i++)
		if (safe.p[i].sub == MSG_NONE)
			escape_controls(m->p[i].value, safe.p[i].value, sizeof safe.p[i].value);
	im->report(im->report_ctx, file, line, col ? escape_controls(col, c, sizeof c) : NULL,
		   &safe);
}

void import_problem(struct import_row *row, const char *col, const struct msg *m)
{
	row->errors++;
	row->report(row->report_ctx, row->file, row->line, col, m);
}

void import_error(struct import_row *row, const char *col, enum msg_id id, ...)
{
	struct msg m = {.id = id};
	va_list ap;
	va_start(ap, id);
	for (const char *name; (name = va_arg(ap, const char *));)
		msg_add(&m, name, va_arg(ap, const char *));
	va_end(ap);
	import_problem(row, col, &m);
}

/* Reports a problem of the file as a whole (line 0) or one the store had. */
static void report_store(struct importer *im, long line)
{
	struct store *s = im->row.store;
	struct msg m;
	msg_set(&m, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	im->row.report(im->row.report_ctx, im->row.file, line, NULL, &m);
}

int import_check_ref(struct import_row *row, const struct rec *r, int col)
{
	const struct col_desc *c = &row->kind->cols[col];
	const struct val *v = &r->v[col];
	if (v->null)
		return 0;
	int rc = row->store->ops->ref_exists(row->store, c->type, v->s);
	if (rc == WG_OK)
		return 0;
	if (rc == WG_ENOTFOUND) {
		enum msg_id what = c->type == COL_USCC ? MSG_IMPORT_UNKNOWN_ENTERPRISE
			: c->type == COL_PROJECT       ? MSG_IMPORT_UNKNOWN_PROJECT
						       : MSG_IMPORT_UNKNOWN_WORKER;
		import_error(row, c->name, what, "value", v->s, MSG_END);
	} else {
		import_error(row, c->name, MSG_IMPORT_REF_UNCHECKED, "detail", row->store->errmsg,
			     MSG_END);
	}
	return -1;
}

int import_check_order(struct import_row *row, const struct rec *r, int col_start, int col_end)
{
	if (r->v[col_end].null || r->v[col_end].i >= r->v[col_start].i)
		return 0;
	import_error(row, row->kind->cols[col_end].name, MSG_IMPORT_DATE_ORDER, "other",
		     row->kind->cols[col_start].name, MSG_END);
	return -1;
}

/* The largest amount configurable for a column: sums of a hundred thousand of them stay
 * far from overflowing 64 bits. */
#define CONFIG_MAX_CEILING 100000000000000LL /* 1,000,000,000,000.00 */

/* The money column a key names, or NULL. */
static const struct col_desc *config_col(const char *key, const struct kind_desc **kind)
{
	size_t n = strlen(IMPORT_MAX_PREFIX);
	if (strncmp(key, IMPORT_MAX_PREFIX, n) != 0)
		return NULL;
	const char *dot = strchr(key + n, '.');
	char name[32];
	if (!dot || (size_t)(dot - (key + n)) >= sizeof name)
		return NULL;
	snprintf(name, sizeof name, "%.*s", (int)(dot - (key + n)), key + n);
	const struct kind_desc *d = schema_kind_by_name(name);
	int c = d ? schema_col(d, dot + 1) : -1;
	if (c < 0 || d->cols[c].type != COL_MONEY)
		return NULL;
	if (kind)
		*kind = d;
	return &d->cols[c];
}

bool import_config_owns(const char *key)
{
	return strncmp(key, IMPORT_MAX_PREFIX, strlen(IMPORT_MAX_PREFIX)) == 0;
}

int import_config_check(const char *key, const char *value, char *err, size_t errsz)
{
	int64_t v;
	char most[MONEY_BUFSZ];
	if (!config_col(key, NULL)) {
		snprintf(err, errsz, "unknown key '%s' (import.max.KIND.COLUMN of a money column)",
			 key);
		return -1;
	}
	if (value && (money_parse(value, &v) || v < 1 || v > CONFIG_MAX_CEILING)) {
		snprintf(err, errsz, "%s: '%s' is not an amount from 0.01 to %s", key, value,
			 money_format(CONFIG_MAX_CEILING, most));
		return -1;
	}
	return 0;
}

int import_config_each(int (*cb)(void *ctx, const char *key, const char *fallback,
				 const char *help),
		       void *ctx)
{
	for (int k = 0; k < REC__COUNT; k++) {
		const struct kind_desc *d = schema_kind(k);
		for (int i = 0; i < d->ncols; i++) {
			if (d->cols[i].type != COL_MONEY || !d->cols[i].max)
				continue;
			char key[96], most[MONEY_BUFSZ];
			snprintf(key, sizeof key, "%s%s.%s", IMPORT_MAX_PREFIX, d->name,
				 d->cols[i].name);
			int rc = cb(ctx, key, money_format(d->cols[i].max, most),
				    "largest amount an import accepts in this column");
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* kind with the configured maxima of its money columns. */
static int configured_kind(struct store *s, const struct kind_desc *kind, struct kind_desc *out)
{
	*out = *kind;
	for (int i = 0; i < out->ncols; i++) {
		char key[96], value[64];
		int64_t v;
		if (out->cols[i].type != COL_MONEY || !out->cols[i].max)
			continue;
		snprintf(key, sizeof key, "%s%s.%s", IMPORT_MAX_PREFIX, kind->name,
			 out->cols[i].name);
		int rc = store_config_get(s, key, value, sizeof value);
		if (rc == WG_ENOTFOUND)
			continue;
		if (rc)
			return rc;
		if (money_parse(value, &v) == MONEY_OK && v > 0 && v <= CONFIG_MAX_CEILING)
			out->cols[i].max = v;
	}
	return WG_OK;
}

static void report_header(void *ctx, long line, const char *col, enum msg_id msg)
{
	struct import_row *row = ctx;
	row->line = line;
	import_error(row, col, msg, MSG_END);
}

static void sleep_ms(unsigned ms)
{
	struct timespec t = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

/* The first column whose value differs between cur and r, or -1. */
static int first_difference(struct importer *im, const struct rec *cur, const struct rec *r)
{
	const struct kind_desc *d = im->row.kind;
	for (int i = 0; i < d->ncols; i++) {
		dbuf_reset(&im->a);
		dbuf_reset(&im->b);
		record_format(&d->cols[i], &cur->v[i], &im->a);
		record_format(&d->cols[i], &r->v[i], &im->b);
		if (strcmp(dbuf_str(&im->a), dbuf_str(&im->b)) != 0)
			return i;
	}
	return -1;
}

/* The kind's own bookkeeping of a stored row (the attendance aggregate). */
static int stored(struct importer *im, const struct rec *r)
{
	const struct import_kind *ik = import_kind(r->kind);
	return ik->stored ? ik->stored(&im->row, r) : WG_OK;
}

/* Stores one clean row, whose canonical text is canon: new, unchanged, a payment's new
 * status, or an amendment. */
static int apply(struct importer *im, const struct rec *r, const char *canon)
{
	struct store *s = im->row.store;
	const struct kind_desc *d = im->row.kind;
	const struct import_kind *ik = import_kind(r->kind);
	struct rec cur;
	int64_t lseq, seq;
	int rc;
	if (ik->person_col >= 0 && (rc = s->ops->person_ensure(s, r->v[ik->person_col].s)))
		return rc;
	/* most rows are new: insert first, with the number the ledger entry will get */
	rc = s->ops->rec_insert(s, r, ledger_next_seq(&im->lw));
	if (rc == WG_OK) {
		if ((rc = ledger_add_line(&im->lw, d->name, canon)))
			return rc;
		im->st->inserted++;
		return stored(im, r);
	}
	if (rc != WG_ECONFLICT)
		return rc;
	if ((rc = s->ops->rec_get(s, r, &cur, &lseq)))
		return rc;
	dbuf_reset(&im->old);
	if (record_canon(&cur, &im->old) < 0)
		return WG_ENOMEM;
	if (strcmp(dbuf_str(&im->old), canon) == 0) {
		im->st->unchanged++;
		return WG_OK;
	}
	int diff = first_difference(im, &cur, r);
	enum ledger_op op = LEDGER_AMEND;
	if (diff >= 0 && diff == ik->status_col) {
		/* a bank reporting a payment returned later: the only change allowed freely */
		bool only_status = true;
		for (int i = diff + 1; i < d->ncols && only_status; i++) {
			dbuf_reset(&im->a);
			dbuf_reset(&im->b);
			record_format(&d->cols[i], &cur.v[i], &im->a);
			record_format(&d->cols[i], &r->v[i], &im->b);
			only_status = strcmp(dbuf_str(&im->a), dbuf_str(&im->b)) == 0;
		}
		if (only_status)
			op = LEDGER_STATUS;
	}
	if (op == LEDGER_AMEND && !im->o->amend) {
		const char *col;
		struct msg why;
		if (im->o->hide_stored && im->o->allow &&
		    im->o->allow(im->o->allow_ctx, &cur, &col, &why)) {
			/* someone else's record: not even which of its values differ */
			import_error(&im->row, NULL, MSG_IMPORT_KEY_TAKEN, "kind", d->name,
				     MSG_END);
			return WG_OK;
		}
		if (im->o->hide_stored) {
			import_error(&im->row, d->cols[diff].name, MSG_IMPORT_STORED_OTHER, "kind",
				     d->name, MSG_END);
			return WG_OK;
		}
		dbuf_reset(&im->a);
		record_format(&d->cols[diff], &cur.v[diff], &im->a);
		import_error(&im->row, d->cols[diff].name, MSG_IMPORT_NEEDS_AMEND, "kind", d->name,
			     "value", dbuf_str(&im->a), MSG_END);
		return WG_OK;
	}
	if ((rc = ledger_write(&im->lw, op, d->name, lseq, canon, &seq)))
		return rc;
	if ((rc = s->ops->rec_update(s, r, seq)))
		return rc;
	if (op == LEDGER_STATUS)
		im->st->status_changes++;
	else
		im->st->amended++;
	return stored(im, r);
}

/* Reports what the reader found wrong with a row, then checks references and the kind's
 * rules; returns the number of problems. */
static int check_row(struct importer *im, const struct read_batch *b, const struct parsed_row *pr)
{
	const struct kind_desc *d = im->row.kind;
	const char *p = b->arena.p + pr->errs;
	int before = im->row.errors;
	struct msg m;
	if (pr->rejected) {
		msg_unpack(p, &m);
		im->row.errors++;
		im->row.report(im->row.report_ctx, NULL, pr->line, NULL, &m);
		return 1;
	}
	for (int e = 0; e < pr->nerr; e++) {
		const char *col = p;
		p = msg_unpack(p + strlen(p) + 1, &m);
		import_problem(&im->row, col, &m);
	}
	const struct import_kind *ik = import_kind(d->kind);
	for (int i = 0; i < d->ncols; i++)
		if (!(pr->bad & 1u << i) && (ik->must_exist & IMPORT_TYPES(d->cols[i].type)))
			import_check_ref(&im->row, &pr->rec, i);
	if (im->row.errors == before && im->o->allow) {
		const char *col = NULL;
		if (im->o->allow(im->o->allow_ctx, &pr->rec, &col, &m))
			import_problem(&im->row, col, &m);
	}
	/* cross-field rules only make sense once every reference is right */
	if (im->row.errors == before && ik->check)
		ik->check(&im->row, &pr->rec);
	return im->row.errors - before;
}

int import_file(struct store *s, const struct kind_desc *kind, const char *path,
		const struct import_opts *o, struct import_stats *st, import_report_fn *report,
		void *ctx)
{
	struct importer im = {
		.row = {.store = s,
			.kind = kind,
			.file = o->label ? o->label : path,
			.report = clean_report},
		.report = report,
		.report_ctx = ctx,
		.o = o,
		.st = st,
		.old = DBUF_INIT,
		.a = DBUF_INIT,
		.b = DBUF_INIT,
	};
	struct csvr *r = NULL;
	struct reader *rd = NULL;
	struct msg err;
	int rc, idx[REC_MAXCOLS];
	bool in_tx = false;
	memset(st, 0, sizeof *st);
	/* from here on every problem, the reader's and the store's too, goes through
	 * clean_report */
	im.row.report_ctx = &im;
	report = clean_report;
	ctx = &im;
	/* the reader checks each amount against the configured maxima */
	struct kind_desc limited;
	if ((rc = configured_kind(s, kind, &limited))) {
		report_store(&im, 0);
		goto cleanup;
	}
	kind = im.row.kind = &limited;

	if ((rc = csvr_open(&r, path, &err))) {
		report(ctx, NULL, 0, NULL, &err);
		goto cleanup;
	}
	struct csvr_col cols[REC_MAXCOLS];
	for (int i = 0; i < kind->ncols; i++)
		cols[i] = (struct csvr_col){kind->cols[i].name, kind->cols[i].required};
	if (csvr_map(r, cols, (size_t)kind->ncols, idx, report_header, &im.row)) {
		st->errors = im.row.errors;
		rc = WG_EINPUT;
		goto cleanup;
	}
	/* another importer may hold the write lock for a while (SQLite waits 10 s at a time):
	 * keep asking, with growing pauses, for up to about two minutes */
	for (int attempt = 0; (rc = s->ops->begin(s)) == WG_ERETRY && attempt < 12; attempt++)
		sleep_ms(250u << (attempt < 5 ? attempt : 5));
	if (rc) {
		report_store(&im, 0);
		goto cleanup;
	}
	in_tx = true;
	if ((rc = ledger_writer_init(&im.lw, s)))
		goto store_failed;
	attend_days_init(&im.days, s);
	im.row.days = &im.days;

	if ((rc = reader_start(&rd, r, kind, idx))) {
		report(ctx, im.row.file, 0, NULL, msg_set(&err, MSG_IMPORT_READ_START, MSG_END));
		goto cleanup;
	}
	for (bool more = true; more;) {
		struct read_batch *b = reader_next(rd);
		for (int i = 0; i < b->n; i++) {
			const struct parsed_row *pr = &b->rows[i];
			im.row.line = pr->line;
			st->rows++;
			if (check_row(&im, b, pr) == 0 &&
			    (rc = apply(&im, &pr->rec, b->arena.p + pr->canon)))
				goto store_failed;
		}
		if (b->end < 0) {
			/* the file could not be read to its end */
			im.row.errors++;
			report(ctx, NULL, 0, NULL, &b->fatal);
		}
		if (o->progress)
			o->progress(o->progress_ctx, b->offset, b->size, st->rows);
		more = b->end == 0;
		reader_release(rd, b);
	}
	st->errors = im.row.errors;
	if (im.row.errors) {
		rc = WG_EINPUT;
		goto cleanup;
	}
	if (st->inserted + st->amended + st->status_changes == 0) {
		rc = WG_OK; /* nothing new: leave the store, ledger included, as it was */
		goto cleanup;
	}
	if ((rc = attend_days_flush(&im.days)))
		goto store_failed;
	/* the import itself is an entry too: which file, and what it changed */
	json_t *summary = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I}", "kind", kind->name,
				    "file", im.row.file, "rows", (json_int_t)st->rows, "inserted",
				    (json_int_t)st->inserted, "unchanged",
				    (json_int_t)st->unchanged, "amended", (json_int_t)st->amended,
				    "status_changes", (json_int_t)st->status_changes);
	char *text = summary ? json_dumps(summary, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(summary);
	if (!text) {
		rc = WG_ENOMEM;
		goto store_failed;
	}
	rc = ledger_write(&im.lw, LEDGER_IMPORT, "import", 0, text, NULL);
	free(text);
	if (rc)
		goto store_failed;
	if ((rc = s->ops->commit(s)))
		goto store_failed;
	in_tx = false;
	rc = WG_OK;
	goto cleanup;

store_failed:
	if (s->errmsg[0])
		report_store(&im, im.row.line);
	else
		report(ctx, im.row.file, im.row.line, NULL,
		       msg_set(&err, MSG_STORE_FAILED, "detail", wg_strerror(rc), MSG_END));
	st->errors = ++im.row.errors;
cleanup:
	if (in_tx)
		s->ops->rollback(s);
	if (o->progress && r)
		o->progress(o->progress_ctx, -1, 0, st->rows);
	ledger_writer_release(&im.lw);
	reader_stop(rd);
	csvr_free(r);
	dbuf_release(&im.old);
	dbuf_release(&im.a);
	dbuf_release(&im.b);
	return rc;
}
