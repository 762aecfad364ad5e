/* ledger.c — hashing, appending and verifying the wage ledger. The store keeps the entries;
 * this file decides what an entry covers and what "intact" means. */
#include "domain/ledger.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/record.h"
#include "store/payslip.h"
#include "util/date.h"
#include "util/money.h"
#include "util/err.h"
#include "util/banned.h"

const char *ledger_op_name(int op)
{
	switch (op) {
	case LEDGER_INSERT: return "insert";
	case LEDGER_AMEND: return "amend";
	case LEDGER_STATUS: return "status";
	case LEDGER_IMPORT: return "import";
	case LEDGER_CONFIRM: return "confirm";
	case LEDGER_DISPUTE: return "dispute";
	default: return "?";
	}
}

static const char *const ledger_extra_kinds[] = {"import", "confirmation", "deposit", "fund"};
#define NEXTRA (sizeof ledger_extra_kinds / sizeof ledger_extra_kinds[0])

bool ledger_kind_known(const char *kind)
{
	if (schema_kind_by_name(kind))
		return true;
	for (size_t i = 0; i < NEXTRA; i++)
		if (strcmp(kind, ledger_extra_kinds[i]) == 0)
			return true;
	return false;
}

char *ledger_kinds_text(char *buf, size_t n)
{
	size_t used = 0;
	for (size_t i = 0; i < REC__COUNT + NEXTRA && used < n; i++) {
		const char *k =
			i < REC__COUNT ? schema_kinds[i].name : ledger_extra_kinds[i - REC__COUNT];
		int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", k);
		used += w > 0 ? (size_t)w : 0;
	}
	if (n && used == 0)
		buf[0] = '\0';
	return buf;
}

static void put64(unsigned char *b, int64_t v)
{
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)((uint64_t)v >> (8 * i));
}

void ledger_hash(const unsigned char *prev, const struct ledger_entry *e, unsigned char *out)
{
	crypto_generichash_state st;
	unsigned char num[8 * 3 + 1];
	crypto_generichash_init(&st, NULL, 0, LEDGER_HASH_BYTES);
	crypto_generichash_update(&st, prev, LEDGER_HASH_BYTES);
	put64(num, e->seq);
	put64(num + 8, e->at);
	put64(num + 16, e->prev_version);
	num[24] = (unsigned char)e->op;
	crypto_generichash_update(&st, num, sizeof num);
	crypto_generichash_update(&st, (const unsigned char *)e->kind, strlen(e->kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)e->content, strlen(e->content));
	crypto_generichash_final(&st, out, LEDGER_HASH_BYTES);
}

int ledger_writer_init(struct ledger_writer *w, struct store *s)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->now = (int64_t)time(NULL);
	w->block.max = LEDGER_BLOCK_BYTES * 2;
	return s->ops->ledger_head(s, &w->seq, w->hash);
}

void ledger_writer_release(struct ledger_writer *w)
{
	dbuf_release(&w->block);
}

static int append(struct ledger_writer *w, enum ledger_op op, const char *kind,
		  int64_t prev_version, const char *content)
{
	struct ledger_entry e = {.seq = w->seq + 1,
				 .at = w->now,
				 .op = op,
				 .kind = kind,
				 .prev_version = prev_version,
				 .content = content};
	ledger_hash(w->hash, &e, e.hash);
	int rc = w->store->ops->ledger_append(w->store, &e);
	if (rc)
		return rc;
	w->seq = e.seq;
	memcpy(w->hash, e.hash, LEDGER_HASH_BYTES);
	return WG_OK;
}

int ledger_flush(struct ledger_writer *w)
{
	if (!w->block_lines)
		return WG_OK;
	int rc = append(w, LEDGER_INSERT, w->block_kind, 0, dbuf_str(&w->block));
	dbuf_reset(&w->block);
	w->block_lines = 0;
	w->block_kind = NULL;
	return rc;
}

int ledger_add_line(struct ledger_writer *w, const char *kind, const char *line)
{
	int rc;
	if (w->block_lines && strcmp(w->block_kind, kind) != 0 && (rc = ledger_flush(w)))
		return rc;
	if ((w->block_lines && dbuf_addc(&w->block, '\n') < 0) || dbuf_adds(&w->block, line) < 0)
		return WG_ENOMEM;
	w->block_kind = kind;
	if (++w->block_lines >= LEDGER_BLOCK_LINES || w->block.len >= LEDGER_BLOCK_BYTES)
		return ledger_flush(w);
	return WG_OK;
}

int ledger_write(struct ledger_writer *w, enum ledger_op op, const char *kind, int64_t prev_version,
		 const char *content, int64_t *seq)
{
	int rc = ledger_flush(w);
	if (rc || (rc = append(w, op, kind, prev_version, content)))
		return rc;
	if (seq)
		*seq = w->seq;
	return WG_OK;
}

/* Keeps the earliest problem: the entry a person should look at first. */
static void problem(struct ledger_report *rep, int64_t seq, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct ledger_report *rep, int64_t seq, const char *fmt, ...)
{
	rep->problems++;
	if (rep->first_seq && rep->first_seq <= seq)
		return;
	rep->first_seq = seq;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rep->first, sizeof rep->first, fmt, ap);
	va_end(ap);
}

/* Calls fn for each line of an entry's content, with a NUL-terminated copy in buf. */
static int each_line(const char *content, struct dbuf *buf,
		     int (*fn)(void *ctx, const char *line, int n), void *ctx)
{
	int n = 0, rc;
	for (const char *p = content; *p || n == 0;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		dbuf_reset(buf);
		if (dbuf_add(buf, p, len) < 0)
			return WG_ENOMEM;
		if ((rc = fn(ctx, dbuf_str(buf), ++n)))
			return rc;
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

struct verify {
	struct store *s;
	struct ledger_report *rep;
	int64_t expect;
	int64_t answers; /* confirmations matched with the entry of their latest version */
	unsigned char prev[LEDGER_HASH_BYTES];
	const struct ledger_entry *e;
	const struct kind_desc *d;
	int64_t matched[REC__COUNT];
	struct dbuf line, canon, keybuf;
	char *split;
	size_t splitsz;
};

/* v->split grown to hold need bytes: 0, or -1 when memory runs out. */
static int split_room(struct verify *v, size_t need)
{
	if (need <= v->splitsz)
		return 0;
	char *p = realloc(v->split, need);
	if (!p)
		return -1;
	v->split = p, v->splitsz = need;
	return 0;
}

/* One line of an entry: the record it names must exist and, if this entry holds its latest
 * version, be exactly this line. */
static int verify_line(void *ctx, const char *line, int n)
{
	struct verify *v = ctx;
	struct rec key, cur;
	int64_t lseq;
	if (split_room(v, strlen(line) + 1))
		return WG_ENOMEM;
	if (record_uncanon(v->d->kind, line, v->split, v->splitsz, &key)) {
		problem(v->rep, v->e->seq, "entry %lld line %d: not a %s record",
			(long long)v->e->seq, n, v->d->name);
		return 0;
	}
	dbuf_reset(&v->keybuf);
	record_key(&key, &v->keybuf);
	int rc = v->s->ops->rec_get(v->s, &key, &cur, &lseq);
	if (rc == WG_ENOTFOUND) {
		problem(v->rep, v->e->seq,
			"entry %lld line %d: the %s record %s was deleted from "
			"the store",
			(long long)v->e->seq, n, v->d->name, dbuf_str(&v->keybuf));
		return 0;
	}
	if (rc)
		return rc;
	if (lseq < v->e->seq) {
		problem(v->rep, v->e->seq,
			"entry %lld line %d: the %s record %s names an older "
			"entry (%lld)",
			(long long)v->e->seq, n, v->d->name, dbuf_str(&v->keybuf), (long long)lseq);
		return 0;
	}
	if (lseq > v->e->seq)
		return 0; /* a later entry holds its current version */
	v->rep->records++;
	v->matched[v->d->kind]++;
	dbuf_reset(&v->canon);
	if (record_canon(&cur, &v->canon) < 0)
		return WG_ENOMEM;
	if (strcmp(dbuf_str(&v->canon), line) != 0)
		problem(v->rep, v->e->seq,
			"entry %lld line %d: the stored %s record %s differs "
			"from it",
			(long long)v->e->seq, n, v->d->name, dbuf_str(&v->keybuf));
	return 0;
}

/* A worker's answer (payslip.c writes project,id_number,period,confirmed|disputed,
 * payroll_lseq,reason,claimed): the stored answer must be this one if this entry is its
 * latest version. */
static int verify_answer(struct verify *v, const struct ledger_entry *e)
{
	char *f[8];
	int32_t period;
	int64_t claimed;
	size_t need = strlen(e->content) + 1;
	if (split_room(v, need))
		return WG_ENOMEM;
	memcpy(v->split, e->content, need);
	if (record_split(v->split, f, 8) != 7 || period_parse(f[2], &period) ||
	    money_parse(f[6], &claimed)) {
		problem(v->rep, e->seq, "entry %lld: not a worker's confirmation",
			(long long)e->seq);
		return 0;
	}
	int status = strcmp(f[3], "confirmed") == 0 ? 1 : strcmp(f[3], "disputed") == 0 ? 2 : 0;
	struct confirmation_row row;
	int rc = store_confirmation_get(v->s, f[0], f[1], period, strtoll(f[4], NULL, 10), &row);
	if (rc == WG_ENOTFOUND) {
		problem(v->rep, e->seq,
			"entry %lld: the worker's answer to payroll %s %s %s was deleted from the "
			"store",
			(long long)e->seq, f[0], f[2], f[1]);
		return 0;
	}
	if (rc)
		return rc;
	if (row.lseq < e->seq) {
		problem(v->rep, e->seq,
			"entry %lld: the worker's answer to payroll %s %s %s names an older entry "
			"(%lld)",
			(long long)e->seq, f[0], f[2], f[1], (long long)row.lseq);
		return 0;
	}
	if (row.lseq > e->seq)
		return 0;
	v->answers++;
	v->rep->answers++;
	if (row.status != status || row.claimed != claimed ||
	    strcmp(row.reason ? row.reason : "", f[5]) != 0)
		problem(v->rep, e->seq,
			"entry %lld: the stored answer to payroll %s %s %s differs from it "
			"(stored: %s)",
			(long long)e->seq, f[0], f[2], f[1],
			row.status == 1           ? "confirmed"
				: row.status == 2 ? "disputed"
						  : "unknown");
	return 0;
}

static int verify_entry(void *ctx, const struct ledger_entry *e)
{
	struct verify *v = ctx;
	unsigned char h[LEDGER_HASH_BYTES];
	v->rep->entries++;
	if (e->seq != v->expect)
		problem(v->rep, v->expect, "entry %lld is missing (the chain goes on at %lld)",
			(long long)v->expect, (long long)e->seq);
	ledger_hash(v->prev, e, h);
	if (sodium_memcmp(h, e->hash, LEDGER_HASH_BYTES) != 0)
		problem(v->rep, e->seq,
			"entry %lld (%s): its hash does not match its content or "
			"the entry before it",
			(long long)e->seq, e->kind);
	/* chain on the stored hash, so one altered entry is reported once, not forever */
	memcpy(v->prev, e->hash, LEDGER_HASH_BYTES);
	v->expect = e->seq + 1;
	if (e->op == LEDGER_CONFIRM || e->op == LEDGER_DISPUTE)
		return verify_answer(v, e);
	v->d = e->op == LEDGER_IMPORT ? NULL : schema_kind_by_name(e->kind);
	if (!v->d)
		return 0;
	v->e = e;
	return each_line(e->content, &v->line, verify_line, v);
}

int ledger_verify(struct store *s, struct ledger_report *rep)
{
	memset(rep, 0, sizeof *rep);
	struct verify v = {.s = s,
			   .rep = rep,
			   .expect = 1,
			   .line = DBUF_INIT,
			   .canon = DBUF_INIT,
			   .keybuf = DBUF_INIT};
	int rc = s->ops->ledger_scan(s, 1, NULL, 0, verify_entry, &v);
	for (int k = 0; k < REC__COUNT && !rc; k++) {
		int64_t n;
		if ((rc = s->ops->rec_count(s, k, &n)))
			break;
		if (n != v.matched[k])
			problem(rep, INT64_MAX,
				"%lld %s records are stored but %lld are in the ledger",
				(long long)n, schema_kind(k)->name, (long long)v.matched[k]);
	}
	int64_t answers;
	if (!rc && !(rc = store_confirmation_count(s, &answers)) && answers != v.answers)
		problem(rep, INT64_MAX,
			"%lld workers' answers are stored but %lld are in the ledger",
			(long long)answers, (long long)v.answers);
	dbuf_release(&v.line);
	dbuf_release(&v.canon);
	dbuf_release(&v.keybuf);
	free(v.split);
	if (rc)
		return rc;
	return rep->problems ? WG_ETAMPER : WG_OK;
}

/* One worker-month's attendance days: bit d-1 for day d. */
struct wm_cell {
	int64_t person, period;
	uint32_t mask;
};

static int cmp_wm(const void *a, const void *b)
{
	const struct wm_cell *x = a, *y = b;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* Sorts cells and merges those of one worker-month; returns how many are left. */
static size_t fold(struct wm_cell *c, size_t n)
{
	size_t k = 0;
	if (n)
		qsort(c, n, sizeof *c, cmp_wm);
	for (size_t i = 0; i < n; i++) {
		if (k && c[k - 1].person == c[i].person && c[k - 1].period == c[i].period)
			c[k - 1].mask |= c[i].mask;
		else
			c[k++] = c[i];
	}
	return k;
}

static int push_cell(struct wm_cell **c, size_t *n, size_t *alloc, struct wm_cell v)
{
	if (*n == *alloc) {
		size_t a = *alloc ? 2 * *alloc : 256;
		void *p = realloc(*c, a * sizeof **c);
		if (!p)
			return WG_ENOMEM;
		*c = p, *alloc = a;
	}
	(*c)[(*n)++] = v;
	return WG_OK;
}

int ledger_verify_deep(struct store *s, struct ledger_report *rep)
{
	struct scan_cursor *raw = NULL, *agg = NULL;
	struct scan_row r, a;
	struct wm_cell *rc_cells = NULL, *ag_cells = NULL;
	size_t nr_alloc = 0, na_alloc = 0;
	int64_t wrong = 0;
	struct wm_cell first_got = {0}, first_want = {0};
	int64_t first_project = 0;
	int32_t end_of_time;
	date_parse("2999-12-31", &end_of_time);
	int rc = s->ops->scan_open(s, SCAN_ATTENDANCE, end_of_time, 0, INT64_MAX, &raw);
	if (!rc)
		rc = s->ops->scan_open(s, SCAN_DAYS, end_of_time, 0, INT64_MAX, &agg);
	int hr = rc ? rc : s->ops->scan_next(raw, &r);
	int ha = rc || hr < 0 ? 0 : s->ops->scan_next(agg, &a);
	while (!rc && (hr > 0 || ha > 0)) {
		int64_t p = hr > 0 && (ha <= 0 || r.project <= a.project) ? r.project : a.project;
		size_t nr = 0, na = 0;
		/* the project's raw rows come in any order: fold them into worker-months */
		for (; hr > 0 && r.project == p && !rc; hr = s->ops->scan_next(raw, &r)) {
			int y, m, d;
			date_to_ymd((int32_t)r.u.att.date, &y, &m, &d);
			rc = push_cell(&rc_cells, &nr, &nr_alloc,
				       (struct wm_cell){r.person, r.period, 1u << (d - 1)});
		}
		for (; ha > 0 && a.project == p && !rc; ha = s->ops->scan_next(agg, &a))
			if (a.u.days.mask)
				rc = push_cell(&ag_cells, &na, &na_alloc,
					       (struct wm_cell){a.person, a.period, a.u.days.mask});
		if (rc || hr < 0 || ha < 0)
			break;
		nr = fold(rc_cells, nr);
		na = fold(ag_cells, na);
		for (size_t i = 0, j = 0; i < nr || j < na;) {
			int c = i == nr ? 1 : j == na ? -1 : cmp_wm(&rc_cells[i], &ag_cells[j]);
			struct wm_cell want = c <= 0 ? rc_cells[i] : (struct wm_cell){0};
			struct wm_cell got = c >= 0 ? ag_cells[j] : (struct wm_cell){0};
			if (c > 0)
				want.person = got.person, want.period = got.period;
			if (c < 0)
				got.person = want.person, got.period = want.period;
			rep->aggregates++;
			if (want.mask != got.mask && !wrong++)
				first_want = want, first_got = got, first_project = p;
			i += c <= 0;
			j += c >= 0;
		}
	}
	if (!rc)
		rc = hr < 0 ? hr : ha < 0 ? ha : WG_OK;
	if (raw)
		s->ops->scan_close(raw);
	if (agg)
		s->ops->scan_close(agg);
	free(rc_cells);
	free(ag_cells);
	if (rc)
		return rc;
	if (wrong) {
		char project[72] = "?", person[24] = "?", per[PERIOD_BUFSZ];
		s->ops->key_of(s, COL_PROJECT, first_project, project, sizeof project);
		s->ops->key_of(s, COL_PERSON, first_want.person, person, sizeof person);
		problem(rep, INT64_MAX,
			"%lld worker-months' attendance days differ from the attendance records; "
			"the first: project %s, worker %s, %s: %d days stored, %d recorded",
			(long long)wrong, project, person,
			period_format((int32_t)first_want.period, per),
			__builtin_popcount(first_got.mask), __builtin_popcount(first_want.mask));
		rep->problems += wrong - 1;
	}
	return rep->problems ? WG_ETAMPER : WG_OK;
}

struct find_line {
	const struct kind_desc *d;
	const char *want; /* the record's key */
	struct dbuf key, found;
	char *split;
	size_t splitsz;
};

static int match_line(void *ctx, const char *line, int n)
{
	struct find_line *f = ctx;
	struct rec r;
	size_t need = strlen(line) + 1;
	(void)n;
	if (need > f->splitsz) {
		char *p = realloc(f->split, need);
		if (!p)
			return WG_ENOMEM;
		f->split = p, f->splitsz = need;
	}
	if (record_uncanon(f->d->kind, line, f->split, f->splitsz, &r))
		return 0;
	dbuf_reset(&f->key);
	record_key(&r, &f->key);
	if (strcmp(dbuf_str(&f->key), f->want) != 0)
		return 0;
	dbuf_reset(&f->found);
	return dbuf_adds(&f->found, line) < 0 ? WG_ENOMEM : 1;
}

int ledger_history(struct store *s, const struct rec *key,
		   int (*cb)(void *ctx, const struct ledger_entry *e, const char *line), void *ctx)
{
	struct rec cur;
	int64_t seq;
	struct dbuf want = DBUF_INIT, line = DBUF_INIT;
	struct find_line f = {.d = schema_kind(key->kind), .key = DBUF_INIT, .found = DBUF_INIT};
	int rc = s->ops->rec_get(s, key, &cur, &seq);
	if (rc)
		goto cleanup;
	if (record_key(&cur, &want) < 0) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	f.want = dbuf_str(&want);
	while (seq > 0) {
		struct ledger_entry e;
		if ((rc = s->ops->ledger_get(s, seq, &e)))
			goto cleanup;
		dbuf_reset(&f.found);
		rc = each_line(e.content, &line, match_line, &f);
		if (rc < 0)
			goto cleanup;
		if ((rc = cb(ctx, &e, f.found.len ? dbuf_str(&f.found) : e.content)))
			goto cleanup;
		seq = e.prev_version;
	}
cleanup:
	dbuf_release(&want);
	dbuf_release(&line);
	dbuf_release(&f.key);
	dbuf_release(&f.found);
	free(f.split);
	return rc;
}
