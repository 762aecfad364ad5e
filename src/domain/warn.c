/* warn.c — the early-warning engine. One pass over projects in id order; within a project
 * the worker-month streams (attendance days, payroll, payments) and the employments are
 * merged by (person, period), so a scan costs one step per worker-month, payment and
 * allocation — never one per attendance day, unless --rebuild asks for exactly that. */
#include "domain/warn.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/attend.h"
#include "domain/deposit.h"
#include "domain/links.h"
#include "store/credit.h"
#include "store/config.h"
#include "store/supervision.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

/* ---- configuration -------------------------------------------------------------------- */

const struct warn_config_key warn_config_keys[] = {
	{"warn.ladder.orange", "15", "overdue days from which a warning is orange"},
	{"warn.ladder.red", "30", "overdue days from which a warning is red"},
	{"warn.criminal.worker", "5000.00", "yuan one worker must be owed (CRIMINAL_THRESHOLD)"},
	{"warn.criminal.periods", "3", "... over at least this many periods"},
	{"warn.criminal.total", "30000.00", "yuan owed in all (CRIMINAL_THRESHOLD) ..."},
	{"warn.criminal.workers", "10", "... to at least this many workers"},
	{"warn.low_balance.days", "7", "LOW_BALANCE counts what falls due within this many days"},
	{"warn.complaints.orange", "3", "complaint cases in the window that raise COMPLAINTS"},
	{"warn.complaints.red", "10", "complaint cases in the window that make it red"},
	{"warn.complaints.window", "30", "days up to the scan date that complaints count in"},
};
const int warn_config_nkeys = (int)(sizeof warn_config_keys / sizeof warn_config_keys[0]);

static int find_key(const char *key)
{
	for (int i = 0; i < warn_config_nkeys; i++)
		if (strcmp(warn_config_keys[i].key, key) == 0)
			return i;
	return -1;
}

/* Parses value of key k: amounts (criminal.worker, .total) in fen, the rest whole numbers
 * from 1 to 3660. */
static int parse_value(int k, const char *value, int64_t *out, char *err, size_t errsz)
{
	const char *key = warn_config_keys[k].key;
	if (strcmp(key, "warn.criminal.worker") == 0 || strcmp(key, "warn.criminal.total") == 0) {
		int rc = money_parse(value, out);
		if (rc || *out <= 0) {
			snprintf(err, errsz, "%s: '%s' is not a positive amount in yuan", key,
				 value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	char *end;
	long v = strtol(value, &end, 10);
	if (!*value || *end || v < 1 || v > 3660) {
		snprintf(err, errsz, "%s: '%s' is not a whole number from 1 to 3660", key, value);
		return WG_EINPUT;
	}
	*out = v;
	return WG_OK;
}

int warn_config_check(const char *key, const char *value, char *err, size_t errsz)
{
	int k = find_key(key);
	int64_t v;
	if (k < 0) {
		snprintf(err, errsz, "unknown configuration key '%s'", key);
		return WG_EINPUT;
	}
	return parse_value(k, value, &v, err, errsz);
}

int warn_config_load(struct store *s, struct warn_config *c, char *err, size_t errsz)
{
	int64_t v[16];
	for (int k = 0; k < warn_config_nkeys; k++) {
		char buf[64];
		int rc = store_config_get(s, warn_config_keys[k].key, buf, sizeof buf);
		if (rc == WG_ENOTFOUND)
			snprintf(buf, sizeof buf, "%s", warn_config_keys[k].fallback);
		else if (rc)
			return rc;
		if ((rc = parse_value(k, buf, &v[k], err, errsz)))
			return rc;
	}
	*c = (struct warn_config){
		.orange_from = (int)v[0],
		.red_from = (int)v[1],
		.criminal_worker = v[2],
		.criminal_periods = (int)v[3],
		.criminal_total = v[4],
		.criminal_workers = (int)v[5],
		.low_balance_days = (int)v[6],
		.complaints_orange = (int)v[7],
		.complaints_red = (int)v[8],
		.complaints_window = (int)v[9],
	};
	if (c->orange_from >= c->red_from) {
		snprintf(err, errsz, "warn.ladder.orange (%d) must be below warn.ladder.red (%d)",
			 c->orange_from, c->red_from);
		return WG_EINPUT;
	}
	return WG_OK;
}

/* ---- the engine ----------------------------------------------------------------------- */

struct stream {
	struct scan_cursor *c;
	struct scan_row row;
	bool has;
};

struct emp {
	int64_t employer, rate, start, end;
	int type;
};

/* A project-month's accumulators for NO_LABOR_COST. */
struct pmonth {
	int64_t period, expected;
	bool attended;
};

/* An UNPAID or NO_PAYROLL amount, for CRIMINAL_THRESHOLD. */
struct owed {
	int64_t employer, person, period, amount;
};

/* A worker-month's attendance days folded from raw records (rebuild mode). */
struct daycell {
	int64_t person, period;
	uint32_t mask;
};

struct engine {
	struct store *s;
	const struct warn_config *c;
	int32_t as_of, as_of_period;
	uint32_t as_of_mask; /* days of the as-of month up to the as-of day */
	bool rebuild;
	struct stream projects, days, emps, payroll, payments, allocs;
	/* the attendance days of the next worker-month, grouped from the raw stream in
	 * rebuild mode */
	bool wm_has;
	int64_t wm_project, wm_person, wm_period;
	uint32_t wm_mask;
	struct daycell *cells; /* rebuild: the current project's worker-months */
	size_t ncells, acells, icell;
	int64_t cells_project;
	/* the current project */
	int64_t project, owner, contractor;
	struct emp *emp;
	size_t nemp, aemp;
	struct pmonth *pm;
	size_t npm, apm;
	int64_t need, paid_ok;
	bool need_overdue;
	struct owed *owed;
	size_t nowed, aowed;
	struct warn_result *out;
};

static int advance(struct engine *e, struct stream *st)
{
	int rc = e->s->ops->scan_next(st->c, &st->row);
	st->has = rc > 0;
	return rc < 0 ? rc : WG_OK;
}

static int grow(void **p, size_t *alloc, size_t need, size_t size);

static int cmp_cell(const void *a, const void *b)
{
	const struct daycell *x = a, *y = b;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* Rebuild mode: reads every raw attendance row of the next project (they come in any order
 * within a project) and folds them into worker-month masks, sorted by person and period. */
static int load_project_days(struct engine *e)
{
	struct stream *st = &e->days;
	int64_t p = st->row.project;
	int rc;
	e->ncells = e->icell = 0;
	e->cells_project = p;
	while (st->has && st->row.project == p) {
		int y, m, d;
		if (grow((void **)&e->cells, &e->acells, e->ncells + 1, sizeof *e->cells))
			return WG_ENOMEM;
		date_to_ymd((int32_t)st->row.u.att.date, &y, &m, &d);
		e->cells[e->ncells++] =
			(struct daycell){st->row.person, st->row.period, attend_day_bit(d)};
		if ((rc = advance(e, st)))
			return rc;
	}
	qsort(e->cells, e->ncells, sizeof *e->cells, cmp_cell);
	size_t k = 0;
	for (size_t i = 0; i < e->ncells; i++) {
		if (k && e->cells[k - 1].person == e->cells[i].person &&
		    e->cells[k - 1].period == e->cells[i].period)
			e->cells[k - 1].mask |= e->cells[i].mask;
		else
			e->cells[k++] = e->cells[i];
	}
	e->ncells = k;
	return WG_OK;
}

/* Reads the next worker-month's days: one row of the maintained aggregate, or in rebuild
 * mode the next mask folded from the raw attendance records. */
static int next_days(struct engine *e)
{
	struct stream *st = &e->days;
	if (e->rebuild) {
		int rc;
		if (e->icell == e->ncells && st->has && (rc = load_project_days(e)))
			return rc;
		e->wm_has = e->icell < e->ncells;
		if (!e->wm_has)
			return WG_OK;
		const struct daycell *c = &e->cells[e->icell++];
		e->wm_project = e->cells_project;
		e->wm_person = c->person;
		e->wm_period = c->period;
		e->wm_mask = c->mask;
		return WG_OK;
	}
	e->wm_has = st->has;
	if (!st->has)
		return WG_OK;
	e->wm_project = st->row.project;
	e->wm_person = st->row.person;
	e->wm_period = st->row.period;
	e->wm_mask = st->row.u.days.mask;
	return advance(e, st);
}

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return WG_OK;
	size_t n = *alloc ? *alloc * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return WG_ENOMEM;
	*p = q;
	*alloc = n;
	return WG_OK;
}

static int emit(struct engine *e, int rule, int level, int64_t project, int64_t employer,
		int64_t person, int64_t period, int64_t amount, int64_t overdue, int64_t days)
{
	struct warn_result *r = e->out;
	if (grow((void **)&r->w, &r->alloc, r->n + 1, sizeof *r->w))
		return WG_ENOMEM;
	r->w[r->n++] = (struct warning){.rule = rule,
					.level = level,
					.project = project,
					.employer = employer,
					.person = person,
					.period = period,
					.amount = amount,
					.overdue_days = overdue,
					.days = days};
	if ((rule == WARN_UNPAID || rule == WARN_NO_PAYROLL) && employer) {
		if (grow((void **)&e->owed, &e->aowed, e->nowed + 1, sizeof *e->owed))
			return WG_ENOMEM;
		e->owed[e->nowed++] = (struct owed){employer, person, period, amount};
	}
	return WG_OK;
}

static int ladder(const struct warn_config *c, int64_t overdue)
{
	return overdue >= c->red_from       ? LEVEL_RED
		: overdue >= c->orange_from ? LEVEL_ORANGE
					    : LEVEL_YELLOW;
}

static struct pmonth *pmonth(struct engine *e, int64_t period)
{
	for (size_t i = 0; i < e->npm; i++)
		if (e->pm[i].period == period)
			return &e->pm[i];
	if (grow((void **)&e->pm, &e->apm, e->npm + 1, sizeof *e->pm))
		return NULL;
	e->pm[e->npm] = (struct pmonth){.period = period};
	return &e->pm[e->npm++];
}

/* The days of period's month that [start, end] covers, as a mask. */
static uint32_t range_mask(int64_t period, int64_t start, int64_t end)
{
	int64_t first = period_first_day((int32_t)period), last = period_last_day((int32_t)period);
	int64_t lo = start > first ? start : first;
	int64_t hi = end >= 0 && end < last ? end : last;
	if (lo > hi)
		return 0;
	uint32_t upto = hi - first >= 31 ? ~0u : ((uint32_t)2 << (hi - first)) - 1;
	return upto & ~(((uint32_t)1 << (lo - first)) - 1);
}

struct wm {
	int64_t person, period;
	uint32_t mask;
	const struct scan_row *payroll; /* NULL: no payroll line */
	int64_t paid, off_card;
	int off_card_payments;
};

/* Evaluates the worker-month rules of SPEC §5 and feeds the project-month accumulators. */
static int eval_wm(struct engine *e, const struct wm *w)
{
	const struct warn_config *c = e->c;
	int64_t p = e->project, D = e->as_of;
	uint32_t mask = w->period > e->as_of_period ? 0
		: w->period == e->as_of_period      ? w->mask & e->as_of_mask
						    : w->mask;
	int att = __builtin_popcount(mask);
	/* expected, exactly: (2175·Σ daily rate·days + Σ monthly rate·min(100·days, 2175)) / 2175
	 * rounded half up; 128-bit so no rate can overflow it */
	__int128 num = 0;
	uint32_t covered = 0, first_covered_bit = 0;
	int64_t first_employer = 0;
	for (size_t i = 0; i < e->nemp; i++) {
		const struct emp *m = &e->emp[i];
		uint32_t r = range_mask(w->period, m->start, m->end);
		int days = __builtin_popcount(mask & r);
		covered |= r;
		if (m->type == WAGE_DAILY)
			num += (__int128)2175 * m->rate * days;
		else if (m->type == WAGE_MONTHLY)
			num += (__int128)m->rate * (100 * days < 2175 ? 100 * days : 2175);
	}
	__int128 q = (2 * num + 2175) / (2 * 2175);
	int64_t expected = q > INT64_MAX ? INT64_MAX : (int64_t)q;
	uint32_t cov = mask & covered;
	if (cov) {
		first_covered_bit = cov & (0u - cov);
		for (size_t i = 0; i < e->nemp; i++)
			if (range_mask(w->period, e->emp[i].start, e->emp[i].end) &
			    first_covered_bit) {
				first_employer = e->emp[i].employer;
				break;
			}
	}
	int unregistered = __builtin_popcount(mask & ~covered);
	int64_t after = period_last_day((int32_t)w->period + 1); /* last day of the month after */
	int rc = WG_OK;

	if (w->payroll) {
		const struct scan_row *pr = w->payroll;
		int64_t employer = pr->u.payroll.employer, gross = pr->u.payroll.gross;
		int64_t ded = pr->u.payroll.deductions, net = pr->u.payroll.net;
		int64_t due = pr->u.payroll.due >= 0 ? pr->u.payroll.due : after;
		if (D > due && w->paid < net)
			rc = emit(e, WARN_UNPAID, ladder(c, D - due), p, employer, w->person,
				  w->period, net - w->paid, D - due, 0);
		if (!rc && gross + 100 < expected)
			rc = emit(e, WARN_UNDERPAID,
				  2 * gross < expected ? LEVEL_ORANGE : LEVEL_YELLOW, p, employer,
				  w->person, w->period, expected - gross, 0, 0);
		if (!rc && 2 * ded > gross)
			rc = emit(e, WARN_EXCESS_DEDUCTION, LEVEL_ORANGE, p, employer, w->person,
				  w->period, ded - gross / 2, 0, 0);
		if (w->paid < net && due <= D + c->low_balance_days) {
			e->need = money_add_sat(e->need, net - w->paid);
			e->need_overdue |= D > due;
		}
	} else if (att > 0 && D > after) {
		rc = emit(e, WARN_NO_PAYROLL, ladder(c, D - after), p, first_employer, w->person,
			  w->period, expected, D - after, 0);
	}
	if (!rc && w->off_card_payments)
		rc = emit(e, WARN_OFF_CARD, LEVEL_ORANGE, p, e->contractor, w->person, w->period,
			  w->off_card, 0, 0);
	if (!rc && unregistered)
		rc = emit(e, WARN_UNREGISTERED, LEVEL_ORANGE, p, 0, w->person, w->period, 0, 0,
			  unregistered);
	if (rc || att == 0)
		return rc;
	struct pmonth *pm = pmonth(e, w->period);
	if (!pm)
		return WG_ENOMEM;
	pm->attended = true;
	pm->expected = money_add_sat(pm->expected, expected);
	return WG_OK;
}

/* Collects the employments of (project, person) from the employment stream. */
static int load_employments(struct engine *e, int64_t person)
{
	struct stream *st = &e->emps;
	int rc;
	e->nemp = 0;
	while (st->has &&
	       (st->row.project < e->project ||
		(st->row.project == e->project && st->row.person < person)))
		if ((rc = advance(e, st)))
			return rc;
	while (st->has && st->row.project == e->project && st->row.person == person) {
		if (grow((void **)&e->emp, &e->aemp, e->nemp + 1, sizeof *e->emp))
			return WG_ENOMEM;
		e->emp[e->nemp++] =
			(struct emp){st->row.u.emp.employer, st->row.u.emp.rate,
				     st->row.u.emp.start, st->row.u.emp.end, st->row.u.emp.type};
		if ((rc = advance(e, st)))
			return rc;
	}
	return WG_OK;
}

/* Whether stream row r belongs to the current project at or before key (person, period). */
static bool at(const struct stream *st, int64_t project, int64_t person, int64_t period)
{
	return st->has && st->row.project == project && st->row.person == person &&
		st->row.period == period;
}

static void least(bool has, int64_t project, int64_t person, int64_t period, int64_t cur,
		  int64_t *kp, int64_t *kq, bool *found)
{
	if (!has || project != cur)
		return;
	if (!*found || person < *kp || (person == *kp && period < *kq)) {
		*kp = person;
		*kq = period;
		*found = true;
	}
}

/* Skips rows of projects before the current one (none exist while references hold). */
static int skip_to_project(struct engine *e, struct stream *st)
{
	int rc;
	while (st->has && st->row.project < e->project)
		if ((rc = advance(e, st)))
			return rc;
	return WG_OK;
}

static int project_rules(struct engine *e)
{
	const struct warn_config *c = e->c;
	int64_t allocated = 0;
	int rc;
	if ((rc = skip_to_project(e, &e->allocs)))
		return rc;
	/* allocations of this project, dated up to as_of, in date order: few per project */
	int64_t *dates = NULL;
	size_t n = 0, alloc = 0;
	while (e->allocs.has && e->allocs.row.project == e->project) {
		if (grow((void **)&dates, &alloc, n + 1, sizeof *dates)) {
			free(dates);
			return WG_ENOMEM;
		}
		dates[n++] = e->allocs.row.u.alloc.date;
		allocated = money_add_sat(allocated, e->allocs.row.u.alloc.amount);
		if ((rc = advance(e, &e->allocs))) {
			free(dates);
			return rc;
		}
	}
	for (size_t i = 0; i < e->npm && !rc; i++) {
		const struct pmonth *pm = &e->pm[i];
		int64_t from = period_first_day((int32_t)pm->period);
		int64_t to = period_last_day((int32_t)pm->period + 1);
		if (!pm->attended || e->as_of <= to)
			continue;
		bool funded = false;
		for (size_t k = 0; k < n && !funded; k++)
			funded = dates[k] >= from && dates[k] <= to;
		if (!funded)
			rc = emit(e, WARN_NO_LABOR_COST, ladder(c, e->as_of - to), e->project,
				  e->owner, 0, pm->period, pm->expected, e->as_of - to, 0);
	}
	free(dates);
	int64_t balance = allocated - e->paid_ok;
	if (!rc && e->need > 0 && balance < e->need)
		rc = emit(e, WARN_LOW_BALANCE, e->need_overdue ? LEVEL_ORANGE : LEVEL_YELLOW,
			  e->project, e->contractor, 0, -1, money_add_sat(e->need, -balance), 0, 0);
	return rc;
}

static int scan_project(struct engine *e)
{
	int rc;
	const int64_t p = e->project;
	e->npm = 0;
	e->need = e->paid_ok = 0;
	e->need_overdue = false;
	e->nemp = 0;
	int64_t emp_person = -1;
	while (e->wm_has && e->wm_project < p)
		if ((rc = next_days(e)))
			return rc;
	if ((rc = skip_to_project(e, &e->payroll)) || (rc = skip_to_project(e, &e->payments)))
		return rc;
	for (;;) {
		int64_t person = 0, period = 0;
		bool found = false;
		least(e->wm_has, e->wm_project, e->wm_person, e->wm_period, p, &person, &period,
		      &found);
		least(e->payroll.has, e->payroll.row.project, e->payroll.row.person,
		      e->payroll.row.period, p, &person, &period, &found);
		least(e->payments.has, e->payments.row.project, e->payments.row.person,
		      e->payments.row.period, p, &person, &period, &found);
		if (!found)
			break;
		if (person != emp_person) {
			if ((rc = load_employments(e, person)))
				return rc;
			emp_person = person;
		}
		struct wm w = {.person = person, .period = period};
		if (e->wm_has && e->wm_project == p && e->wm_person == person &&
		    e->wm_period == period) {
			w.mask = e->wm_mask;
			if ((rc = next_days(e)))
				return rc;
		}
		struct scan_row payroll;
		if (at(&e->payroll, p, person, period)) {
			payroll = e->payroll.row;
			w.payroll = &payroll;
			if ((rc = advance(e, &e->payroll)))
				return rc;
		}
		while (at(&e->payments, p, person, period)) {
			const struct scan_row *r = &e->payments.row;
			if (r->u.payment.ok) {
				w.paid = money_add_sat(w.paid, r->u.payment.amount);
				e->paid_ok = money_add_sat(e->paid_ok, r->u.payment.amount);
				if (!r->u.payment.registered ||
				    strcmp(r->u.payment.card, r->u.payment.registered) != 0) {
					w.off_card = money_add_sat(w.off_card, r->u.payment.amount);
					w.off_card_payments++;
				}
			}
			if ((rc = advance(e, &e->payments)))
				return rc;
		}
		if ((rc = eval_wm(e, &w)))
			return rc;
	}
	return project_rules(e);
}

static int cmp_owed(const void *a, const void *b)
{
	const struct owed *x = a, *y = b;
	if (x->employer != y->employer)
		return x->employer < y->employer ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* CRIMINAL_THRESHOLD over this scan's UNPAID and NO_PAYROLL amounts, per employer. */
static int criminal(struct engine *e)
{
	const struct warn_config *c = e->c;
	if (e->nowed) /* qsort wants a real array even when empty */
		qsort(e->owed, e->nowed, sizeof *e->owed, cmp_owed);
	for (size_t i = 0; i < e->nowed;) {
		int64_t employer = e->owed[i].employer, total = 0;
		int workers = 0;
		bool one_big = false;
		while (i < e->nowed && e->owed[i].employer == employer) {
			int64_t person = e->owed[i].person, sum = 0, last_period = -1;
			int periods = 0;
			for (; i < e->nowed && e->owed[i].employer == employer &&
			     e->owed[i].person == person;
			     i++) {
				sum = money_add_sat(sum, e->owed[i].amount);
				/* a period counts when something is owed in it: a 0.00 NO_PAYROLL
				 * (piece work) is no arrears */
				if (e->owed[i].amount > 0 && e->owed[i].period != last_period)
					periods++, last_period = e->owed[i].period;
			}
			total = money_add_sat(total, sum);
			workers += sum > 0;
			one_big |= sum >= c->criminal_worker && periods >= c->criminal_periods;
		}
		if (one_big || (workers >= c->criminal_workers && total >= c->criminal_total)) {
			int rc = emit(e, WARN_CRIMINAL_THRESHOLD, LEVEL_RED, 0, employer, 0, -1,
				      total, 0, 0);
			if (rc)
				return rc;
		}
	}
	return WG_OK;
}

static int listed_one(void *ctx, int64_t project, int64_t enterprise)
{
	return emit(ctx, WARN_LISTED_EMPLOYER, LEVEL_RED, project, enterprise, 0, -1, 0, 0, 0);
}

/* LISTED_EMPLOYER (SPEC §9): a project started on or after the day of a listing in force has
 * that enterprise as contractor or subcontractor. A project (or subcontract) not started by
 * the scan's day does not count yet; the amount is 0.00, as for the other rules without
 * money. */
static int listed(struct engine *e)
{
	return store_credit_listed_projects(e->s, e->as_of, listed_one, e);
}

/* Resolves the codes of every warning into r->keys. */
static int rectify_one(void *ctx, int64_t project, int64_t employer, int64_t amount)
{
	struct engine *e = ctx;
	return emit(e, WARN_RECTIFY_OVERDUE, LEVEL_ORANGE, project, employer, 0, -1, amount, 0, 0);
}

/* RECTIFY_OVERDUE (SPEC §10): rectification orders past their deadline and not complied
 * with as of D, one warning per project (null for an employer outside construction) and
 * enterprise, amount the wages the orders name. */
static int rectify_overdue(struct engine *e)
{
	return store_sv_overdue(e->s, e->as_of, rectify_one, e);
}

static int resolve_keys(struct store *s, struct warn_result *r)
{
	r->key_off = malloc((r->n ? r->n : 1) * 3 * sizeof *r->key_off);
	if (!r->key_off)
		return WG_ENOMEM;
	static const enum col_type types[3] = {COL_PROJECT, COL_USCC, COL_PERSON};
	for (size_t i = 0; i < r->n; i++) {
		int64_t ids[3] = {r->w[i].project, r->w[i].employer, r->w[i].person};
		for (int k = 0; k < 3; k++) {
			char buf[80];
			r->key_off[3 * i + k] = SIZE_MAX;
			if (!ids[k])
				continue;
			int rc = s->ops->key_of(s, types[k], ids[k], buf, sizeof buf);
			if (rc)
				return rc;
			r->key_off[3 * i + k] = r->keys.len;
			if (dbuf_add(&r->keys, buf, strlen(buf) + 1) < 0)
				return WG_ENOMEM;
		}
	}
	return WG_OK;
}

const char *warn_key(const struct warn_result *r, size_t i, int which)
{
	size_t off = r->key_off[3 * i + which];
	return off == SIZE_MAX ? NULL : r->keys.p + off;
}

/* Nulls first, then byte order. */
static int cmp_key(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static const struct warn_result *sorting;

static int cmp_warning(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct warning *x = &sorting->w[i], *y = &sorting->w[j];
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	for (int k = 0; k < 3; k++) {
		int c = cmp_key(warn_key(sorting, i, k), warn_key(sorting, j, k));
		if (c)
			return c;
	}
	return x->period < y->period ? -1 : x->period > y->period;
}

/* Sorts r into the contract's order: rule, project, employer, worker, period. */
static int sort_result(struct warn_result *r)
{
	size_t *order = malloc((r->n ? r->n : 1) * sizeof *order);
	struct warning *w = malloc((r->n ? r->n : 1) * sizeof *w);
	size_t *off = malloc((r->n ? r->n : 1) * 3 * sizeof *off);
	if (!order || !w || !off) {
		free(order), free(w), free(off);
		return WG_ENOMEM;
	}
	for (size_t i = 0; i < r->n; i++)
		order[i] = i;
	sorting = r; /* qsort has no context argument; the scan is single-threaded */
	qsort(order, r->n, sizeof *order, cmp_warning);
	sorting = NULL;
	for (size_t i = 0; i < r->n; i++) {
		w[i] = r->w[order[i]];
		memcpy(&off[3 * i], &r->key_off[3 * order[i]], 3 * sizeof *off);
	}
	free(r->w);
	free(r->key_off);
	free(order);
	r->w = w;
	r->key_off = off;
	r->alloc = r->n ? r->n : 1;
	return WG_OK;
}

/* A deposit warning of SPEC §7 (domain/deposit.c) into the scan's result. */
static int add_deposit(void *ctx, int rule, int level, int64_t project, int64_t employer,
		       int64_t amount)
{
	return emit(ctx, rule, level, project, employer, 0, -1, amount, 0, 0);
}

/* Runs the engine over the projects with ids lo..hi into e->out and e->owed. */
static int run_engine(struct engine *e, int64_t lo, int64_t hi)
{
	int rc;
	struct {
		struct stream *st;
		enum scan_stream what;
	} streams[] = {
		{&e->projects, SCAN_PROJECTS}, {&e->days, e->rebuild ? SCAN_ATTENDANCE : SCAN_DAYS},
		{&e->emps, SCAN_EMPLOYMENTS},  {&e->payroll, SCAN_PAYROLL},
		{&e->payments, SCAN_PAYMENTS}, {&e->allocs, SCAN_ALLOCATIONS},
	};
	const size_t nstreams = sizeof streams / sizeof streams[0];
	for (size_t i = 0; i < nstreams; i++) {
		if ((rc = e->s->ops->scan_open(e->s, streams[i].what, e->as_of, lo, hi,
					       &streams[i].st->c)) ||
		    (rc = advance(e, streams[i].st)))
			goto cleanup;
	}
	if ((rc = next_days(e)))
		goto cleanup;
	while (e->projects.has) {
		e->project = e->projects.row.project;
		e->owner = e->projects.row.u.project.owner;
		e->contractor = e->projects.row.u.project.contractor;
		if ((rc = scan_project(e)) || (rc = advance(e, &e->projects)))
			goto cleanup;
	}
cleanup:
	for (size_t i = 0; i < nstreams; i++)
		e->s->ops->scan_close(streams[i].st->c);
	free(e->emp);
	free(e->pm);
	free(e->cells);
	e->emp = NULL;
	e->pm = NULL;
	e->cells = NULL;
	return rc;
}

/* COMPLAINTS (SPEC §5): a project named by enough complaint cases in the window. */
static int complaints(void *ctx, int64_t project, int64_t cases, int64_t claimed)
{
	struct engine *e = ctx;
	if (cases < e->c->complaints_orange)
		return 0;
	return emit(e, WARN_COMPLAINTS, cases >= e->c->complaints_red ? LEVEL_RED : LEVEL_ORANGE,
		    project, 0, 0, -1, claimed, 0, 0);
}

/* One share of the projects, scanned on a thread of its own with a connection of its own. */
struct part {
	struct engine e;
	struct warn_result r;
	int64_t lo, hi;
	int rc;
	pthread_t thread;
	char err[256];
};

static void *run_part(void *arg)
{
	struct part *p = arg;
	p->rc = run_engine(&p->e, p->lo, p->hi);
	return NULL;
}

#define SCAN_THREADS_MAX 4
#define PROJECTS_PER_THREAD 32 /* below this a thread costs more than it saves */

/* Project ids, in order, to share out among the threads. */
static int project_ids(struct store *s, int32_t as_of, int64_t **ids, size_t *n)
{
	struct scan_cursor *c;
	struct scan_row row;
	size_t alloc = 0;
	int rc = s->ops->scan_open(s, SCAN_PROJECTS, as_of, 0, INT64_MAX, &c);
	*ids = NULL;
	*n = 0;
	if (rc)
		return rc;
	while ((rc = s->ops->scan_next(c, &row)) > 0) {
		if (grow((void **)ids, &alloc, *n + 1, sizeof **ids)) {
			rc = WG_ENOMEM;
			break;
		}
		(*ids)[(*n)++] = row.project;
	}
	s->ops->scan_close(c);
	return rc < 0 ? rc : WG_OK;
}

int warn_scan(struct store *s, int32_t as_of, const struct warn_config *c, bool rebuild,
	      struct warn_result *out)
{
	struct part parts[SCAN_THREADS_MAX];
	struct store *clones[SCAN_THREADS_MAX] = {0};
	struct engine merged = {.s = s, .c = c, .out = out, .as_of = as_of};
	int64_t *ids = NULL;
	size_t nids;
	int y, m, d, rc, k = 1, started = 0;
	memset(out, 0, sizeof *out);
	memset(parts, 0, sizeof parts);
	if ((rc = project_ids(s, as_of, &ids, &nids)))
		goto cleanup;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	while (k < SCAN_THREADS_MAX && k < cores && nids / (size_t)(k + 1) >= PROJECTS_PER_THREAD)
		k++;
	date_to_ymd(as_of, &y, &m, &d);
	for (int i = 0; i < k; i++) {
		struct part *p = &parts[i];
		p->lo = nids ? ids[nids * (size_t)i / (size_t)k] : 0;
		p->hi = i + 1 < k ? ids[nids * (size_t)(i + 1) / (size_t)k] - 1 : INT64_MAX;
		p->e = (struct engine){.s = s,
				       .c = c,
				       .as_of = as_of,
				       .rebuild = rebuild,
				       .out = &p->r,
				       .as_of_period = period_of_day(as_of),
				       .as_of_mask = d >= 32 ? ~0u : ((uint32_t)1 << d) - 1};
		if (i > 0) {
			if ((rc = s->ops->clone(s, &clones[i], p->err, sizeof p->err))) {
				snprintf(s->errmsg, sizeof s->errmsg, "%s", p->err);
				goto join;
			}
			p->e.s = clones[i];
			if (pthread_create(&p->thread, NULL, run_part, p) != 0) {
				rc = WG_ENOMEM;
				goto join;
			}
			started = i;
		}
	}
	parts[0].rc = run_engine(&parts[0].e, parts[0].lo, parts[0].hi);
join:
	for (int i = 1; i <= started; i++)
		pthread_join(parts[i].thread, NULL);
	for (int i = 0; i < k && !rc; i++) {
		if ((rc = parts[i].rc) && i > 0)
			snprintf(s->errmsg, sizeof s->errmsg, "%s", clones[i]->errmsg);
	}
	/* one result in project order, then the employer-wide rule over all of it */
	for (int i = 0; i < k && !rc; i++) {
		struct warn_result *r = &parts[i].r;
		if (grow((void **)&out->w, &out->alloc, out->n + r->n, sizeof *out->w) ||
		    grow((void **)&merged.owed, &merged.aowed, merged.nowed + parts[i].e.nowed,
			 sizeof *merged.owed)) {
			rc = WG_ENOMEM;
			break;
		}
		if (r->n)
			memcpy(out->w + out->n, r->w, r->n * sizeof *r->w);
		out->n += r->n;
		if (parts[i].e.nowed)
			memcpy(merged.owed + merged.nowed, parts[i].e.owed,
			       parts[i].e.nowed * sizeof *merged.owed);
		merged.nowed += parts[i].e.nowed;
	}
	/* COMPLAINTS: relief's cases of the window, per project (domain/links.h) */
	merged.as_of = as_of;
	if (!rc)
		rc = link_complaints_by_project(s, as_of - (c->complaints_window - 1), as_of,
						complaints, &merged);
	if (!rc && !(rc = criminal(&merged)) && !(rc = listed(&merged)) &&
	    !(rc = deposit_scan(s, as_of, add_deposit, &merged)) &&
	    !(rc = rectify_overdue(&merged)) && !(rc = resolve_keys(s, out)))
		rc = sort_result(out);
cleanup:
	for (int i = 0; i < SCAN_THREADS_MAX; i++) {
		warn_result_release(&parts[i].r);
		free(parts[i].e.owed);
		if (clones[i])
			store_close(clones[i]);
	}
	free(merged.owed);
	free(ids);
	if (rc)
		warn_result_release(out);
	return rc;
}

void warn_result_release(struct warn_result *r)
{
	free(r->w);
	free(r->key_off);
	dbuf_release(&r->keys);
	memset(r, 0, sizeof *r);
}
