/* gen/internal.h — what the files of `wageguard gen` share, and no one else includes: the
 * injection rates, the PRNG streams, the in-memory model (struct gen), the output buffers and the
 * small generators. One file per section of the data set: common.c (errors, unique-key sets,
 * names and identifiers, the reference data several sections use), calendar.c, projects.c
 * (enterprises, projects, subcontracts, accounts), workers.c (workers, employments), stream.c
 * (violations chosen up front; attendance, payroll, payments, allocations), gen.c (manifest and
 * entry points). */
#ifndef WG_GEN_INTERNAL_H
#define WG_GEN_INTERNAL_H
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gen/gen.h"
#include "util/date.h"
#include "util/dbuf.h"
#include "util/money.h"

/* ---- injection rates, in parts per million of the population named ---- */
#define PPM 1000000u
#define RATE_UNPAID 20000u     /* eligible worker-months: no or partial payment */
#define RATE_UNPAID_LB 100000u /* the same inside a LOW_BALANCE project */
#define RATE_NO_PAYROLL 10000u /* eligible worker-months: attendance, no payroll line */
#define RATE_UNDERPAID 10000u  /* worker-months: gross 5–25 % below the expected wage */
#define RATE_EXCESS 3000u      /* worker-months: deductions 52–80 % of gross */
#define RATE_OFF_CARD 3000u    /* worker-months paid by the data's end: paid to another card */
#define RATE_FAILED 10000u     /* payments: a failed attempt, retried the next working day */
#define RATE_RETURNED 2000u    /* payments: returned by the bank, paid again */
#define UNREG_PER_WORKERS 200  /* one unregistered person per 200 workers (0.5 %) */
#define NLC_PERCENT 2          /* project-months whose labour cost is two months late */
#define LB_PER_PROJECTS 33     /* one under-allocated project per 33 */
/* CRIMINAL_THRESHOLD defaults of SPEC §5 (fen): kept clear of by everyone but the chosen. */
#define CRIM_ONE 500000
#define CRIM_ALL 3000000
#define CRIM_WORKERS 10

#define NODAY INT32_MAX
#define NE_MAX 4 /* employments of one worker on one project */
#define OBUF_CAP (1u << 20)

/* ---- PRNG: splitmix64, one stream per (purpose, entity) ---- */
struct rng {
	uint64_t s;
};

static inline uint64_t mix64(uint64_t z)
{
	z += 0x9E3779B97F4A7C15u;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

enum tag { T_ENT = 1, T_PROJ, T_SUBS, T_WORKER, T_EMP, T_ATT, T_WM, T_PAYDAY, T_ALLOC, T_PICK };

static inline struct rng rng_for(uint64_t seed, enum tag tag, uint64_t a, uint64_t b)
{
	struct rng r = {mix64(mix64(mix64(mix64(seed) ^ (uint64_t)tag) ^ a) ^ b)};
	return r;
}

/* Uniform in [0, n), n >= 1 (multiply-shift: no division, same on every machine). */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]; lo when hi < lo. */
static inline int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* ---- a set of 64-bit hashes, to keep IDs, cards and names unique ---- */
struct hset {
	uint64_t *k;
	size_t cap, n;
};

static inline uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return mix64(h) | 1; /* never 0, the empty slot */
}

/* Returns 1 when key was added, 0 when present (or a 64-bit collision: the caller draws
 * again, which is harmless), -1 when out of memory. */
int gen_hset_add(struct hset *h, uint64_t key);

/* ---- reference data several sections use (common.c) ---- */
struct district {
	const char *code, *name, *shortname;
	const char *places[7];
};
#define NDISTRICTS 13
extern const struct district gen_districts[NDISTRICTS];

struct bank {
	const char *code;
	const char *bins[3];
	int card_len;
	const char *acct_prefix;
	int acct_len;
	int weight;
};
#define NBANKS 8
extern const struct bank gen_banks[NBANKS];

enum ekind { EK_OWNER, EK_GC, EK_SUB };
enum wtype { WT_DAILY, WT_MONTHLY, WT_PIECE };

/* ---- the model ---- */
struct ent {
	char uscc[19];
	char name[96];
	char rep[16];
	int district;
	uint8_t kind;
	bool early;    /* pays on the last working day of the month worked */
	bool due15;    /* files payroll due on the 15th of the next month */
	bool criminal; /* leaves its workers unpaid for months (CRIMINAL_THRESHOLD) */
	int aff;       /* workers with an injected UNPAID / NO_PAYROLL naming it */
	int64_t aff_sum;
	int workers_in_window; /* employments overlapping the criminal months */
};

#define MAXSUBS 5
struct proj {
	char code[24]; /* "HZ" + year + 4-digit sequence */
	char name[128];
	int district, industry, owner, gc, bank;
	int64_t value;          /* fen */
	int32_t start, end;     /* end = NODAY when open */
	int32_t act_lo, act_hi; /* active days inside the range */
	int32_t opened;
	char account[24];
	int nsubs;
	int subs[MAXSUBS];
	int32_t sub_start[MAXSUBS], sub_end[MAXSUBS];
	int64_t sub_value[MAXSUBS];
	int sub_w[MAXSUBS];
	int64_t weight; /* share of the workers */
	uint32_t sortkey;
	bool lb, nlc;
};

#define WF_UNLISTED 0x01 /* not in workers.csv */
#define WF_NOEMP 0x02    /* no employment: every attendance day is UNREGISTERED */
#define WF_XW 0x04       /* lowercase x in workers.csv */
#define WF_XA 0x08       /* lowercase x in attendance */
#define WF_XP 0x10       /* lowercase x in payroll and payments */
#define WF_SPACES 0x20   /* bank card written in groups of four in payments */
#define WF_INJ 0x40      /* already has an injected UNPAID or NO_PAYROLL */
struct worker {
	char id[19];
	char name[16];
	char phone[12];
	char card[20];
	uint8_t bank, flags;
	int rank; /* position in id order */
};

struct emp {
	int worker, project, employer;
	int64_t rate; /* fen per day or month; 0 for piece */
	int32_t start, end;
	uint8_t trade, team, wtype;
};

/* Everything one person does on one project: a run of employments, or (e0 < 0) an
 * unregistered stint from..to. */
struct subj {
	int worker, project, e0, ne;
	int32_t from, to;
	int rank; /* the worker's, for sorting */
};

/* An UNPAID or NO_PAYROLL warning naming an employer, for CRIMINAL_THRESHOLD. */
struct rec {
	int employer, worker;
	int32_t period;
	int64_t amount;
};

struct obuf {
	FILE *f;
	char *buf;
	size_t len;
	long long rows;
	int err;
	char path[4096];
};

/* Per-project accumulators, reset for each project. */
struct pstate {
	long long *rows;   /* attendance rows per month */
	long long *days;   /* worker-days with hours > 0 per month */
	int64_t *expected; /* Σ expected wage per month */
	int64_t *net;      /* Σ payroll net per month */
	int64_t paid;      /* ok payments dated in the range */
	int64_t need;      /* SPEC §5 LOW_BALANCE need as of the last day */
};

/* Per-subject attendance tallies. */
struct tally {
	int *rows, *days;
	int (*edays)[NE_MAX];
};

struct gen {
	const struct gen_options *o;
	char *err;
	size_t errsz;
	uint64_t seed;
	int32_t p0;     /* first period */
	int M;          /* months */
	int32_t d0, dE; /* first and last day of the range */
	struct calendar cal;
	int32_t wd_base;
	int wd_n;
	uint8_t *wd; /* working-day flags from d0 - 62 to dE + 70 */
	char (*dstr)[DATE_BUFSZ];
	uint8_t *dmon; /* month index of each day of the range */
	char (*pstr)[PERIOD_BUFSZ];

	struct ent *ents;
	int nents, nown, ngc, nsub;
	struct proj *projs;
	int nproj;
	int64_t *pcum; /* cumulative project weights */
	struct worker *ws;
	int nws, nlisted;
	struct emp *emps;
	int nemps, aemps;
	struct subj *subj;
	int nsubj;
	struct hset ids, cards, names;

	struct obuf out[GEN_NFILES];
	struct pstate ps;
	struct tally t;
	struct rec *recs;
	size_t nrecs, arecs;
	uint64_t txn_seq, alloc_seq;
	int mc0, mc1; /* months of the criminal employers' arrears */

	long long viol[GEN_NVIOL];
	long long n_failed, n_returned, n_spaces, n_partial, n_noemp, n_unlisted;
	long long n_switch, n_rejoin, n_wtype[3], n_lower[3];
	struct dbuf lst_crim, lst_lb, lst_nlc;
};

/* Writes the message into g's error buffer; returns status. */
int gen_fail(struct gen *g, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* gen_fail(g, WG_ENOMEM, "out of memory"). */
int gen_nomem(struct gen *g);

static inline int32_t max32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

static inline int32_t min32(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

/* ---- output buffers: our own formatting, one fwrite per MiB ---- */
/* Writes out what b holds; a write error is kept in b->err. */
void gen_ob_flush(struct obuf *b);

/* Makes room for n more bytes (n <= OBUF_CAP). */
static inline char *ob_room(struct obuf *b, size_t n)
{
	if (b->len + n > OBUF_CAP)
		gen_ob_flush(b);
	return b->buf + b->len;
}

static inline void ob_put(struct obuf *b, const char *s, size_t n)
{
	if (n > OBUF_CAP) {
		gen_ob_flush(b);
		if (!b->err && fwrite(s, 1, n, b->f) != n)
			b->err = errno ? errno : EIO;
		return;
	}
	memcpy(ob_room(b, n), s, n);
	b->len += n;
}

static inline void ob_c(struct obuf *b, char c)
{
	*ob_room(b, 1) = c;
	b->len++;
}

static inline void ob_s(struct obuf *b, const char *s)
{
	ob_put(b, s, strlen(s));
}

/* One RFC 4180 field: quoted only when it holds a comma, quote, CR or LF. */
static inline void ob_csv(struct obuf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		ob_s(b, s);
		return;
	}
	ob_c(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			ob_c(b, '"');
		ob_c(b, *s);
	}
	ob_c(b, '"');
}

static inline void ob_u(struct obuf *b, uint64_t v)
{
	char t[24];
	int n = 0;
	do {
		t[sizeof(t) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	ob_put(b, t + sizeof(t) - n, (size_t)n);
}

static inline void ob_money(struct obuf *b, int64_t fen)
{
	char t[MONEY_BUFSZ];
	ob_s(b, money_format(fen, t));
}

/* A date, or an empty field for NODAY. */
static inline void ob_date(struct obuf *b, int32_t day)
{
	char t[DATE_BUFSZ];
	if (day != NODAY)
		ob_s(b, date_format(day, t));
}

static inline void ob_nl(struct obuf *b)
{
	ob_c(b, '\n');
	b->rows++;
}

/* ---- small generators (common.c) ---- */
void gen_put_char3(char **p, const char *pool, uint32_t i);
/* A Chinese personal name: common surnames more often, one or two given characters. */
void gen_person_name(struct rng *r, bool male, char out[16]);
/* n random decimal digits at p (no terminator). */
void gen_digits(struct rng *r, char *p, int n);
/* A unique USCC registered in region (6 digits); returns 0 or WG_ENOMEM. */
int gen_make_uscc(struct gen *g, struct rng *r, const char *region, char out[19]);
/* A unique, Luhn-valid debit card number of bank b; returns 0 or WG_ENOMEM. */
int gen_make_card(struct gen *g, struct rng *r, int b, char out[20]);
/* A bank index by market weight. */
int gen_pick_bank(struct rng *r);
/* An index in [0, n) by the weights w. */
int gen_pick_weighted(struct rng *r, const int *w, int n);
/* A unique resident ID number of someone born in [by0, by1]; returns 0 or WG_ENOMEM. */
int gen_make_idcard(struct gen *g, struct rng *r, int by0, int by1, bool male, char out[19]);

/* ---- calendar (calendar.c) ---- */
/* Fills g->cal with the public holidays and make-up days around the range and g->wd with the
 * working-day flags; returns 0 or WG_ENOMEM. */
int gen_build_calendar(struct gen *g);
void gen_write_calendar(struct gen *g);

static inline bool is_wd(const struct gen *g, int32_t d)
{
	int i = d - g->wd_base;
	if (i >= 0 && i < g->wd_n)
		return g->wd[i];
	return calendar_is_working_day(&g->cal, d);
}

/* The first working day on or after d / the last on or before d. */
static inline int32_t next_wd(const struct gen *g, int32_t d)
{
	while (!is_wd(g, d))
		d++;
	return d;
}

static inline int32_t prev_wd(const struct gen *g, int32_t d)
{
	while (!is_wd(g, d))
		d--;
	return d;
}

/* ---- the sections; each returns 0 or a status with g->err set ---- */
int gen_make_enterprises(struct gen *g, int nproj); /* projects.c */
void gen_write_enterprises(struct gen *g);
int gen_make_projects(struct gen *g);
void gen_write_projects(struct gen *g); /* projects, subcontracts, accounts */
int gen_make_workers(struct gen *g);    /* workers.c */
/* Sorts employments by (project, worker ID, start) and builds the subjects in the order
 * attendance is written. */
int gen_build_subjects(struct gen *g);
void gen_write_workers(struct gen *g);
void gen_write_employments(struct gen *g);
void gen_pick_criminals(struct gen *g); /* stream.c */
void gen_pick_projects(struct gen *g);
/* Attendance, payroll, payments and allocations, project by project, then CRIMINAL_THRESHOLD. */
int gen_stream(struct gen *g);
#endif
