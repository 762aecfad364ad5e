/* gen/stream.c — the violations chosen up front (criminal subcontractors, LOW_BALANCE and
 * NO_LABOR_COST projects) and the stream: attendance, payroll, payments and allocations project
 * by project, with the exact count of each rule's warnings. Exports gen_pick_criminals,
 * gen_pick_projects, gen_stream. */
#include "gen/internal.h"

#include <stdlib.h>

#include "util/err.h"
#include "util/banned.h"

/* ---- violations chosen up front ---- */

/* Criminal subcontractors: the ones with most hands in the arrears months get picked among
 * those with at least fifteen; their workers go unpaid for up to three months. */
void gen_pick_criminals(struct gen *g)
{
	int ncrim = (2 * g->o->scale_milli + 500) / 1000;
	if (ncrim < 1)
		ncrim = 1;
	if (g->mc1 < g->mc0)
		return;
	int32_t lo = period_first_day(g->p0 + g->mc0), hi = period_last_day(g->p0 + g->mc1);
	for (int i = 0; i < g->nemps; i++) {
		const struct emp *e = &g->emps[i];
		if (g->ents[e->employer].kind == EK_SUB && e->start <= hi &&
		    (e->end == NODAY || e->end >= lo))
			g->ents[e->employer].workers_in_window++;
	}
	struct rng r = rng_for(g->seed, T_PICK, 1, 0);
	for (int c = 0; c < ncrim; c++) {
		int best = -1, ncand = 0;
		for (int i = 0; i < g->nents; i++)
			if (!g->ents[i].criminal && g->ents[i].workers_in_window >= 15)
				ncand++;
		if (ncand) {
			int k = (int)rng_below(&r, (uint32_t)ncand);
			for (int i = 0; i < g->nents && best < 0; i++)
				if (!g->ents[i].criminal && g->ents[i].workers_in_window >= 15 &&
				    k-- == 0)
					best = i;
		} else {
			for (int i = 0; i < g->nents; i++)
				if (!g->ents[i].criminal && g->ents[i].kind == EK_SUB &&
				    g->ents[i].workers_in_window >= CRIM_WORKERS &&
				    (best < 0 ||
				     g->ents[i].workers_in_window >
					     g->ents[best].workers_in_window))
					best = i;
		}
		if (best < 0)
			return;
		g->ents[best].criminal = true;
	}
}

/* LOW_BALANCE and NO_LABOR_COST projects: disjoint, among projects that have workers. */
void gen_pick_projects(struct gen *g)
{
	int nlb = g->nproj / LB_PER_PROJECTS > 1 ? g->nproj / LB_PER_PROJECTS : 1;
	int nnlc = (g->nproj * g->M * NLC_PERCENT + 50) / 100;
	struct rng r = rng_for(g->seed, T_PICK, 2, 0);
	int active = 0;

	if (nnlc < 1)
		nnlc = 1;
	for (int i = 0; i < g->nproj; i++)
		active += g->projs[i].weight > 0;
	if (nlb + nnlc > active / 2) {
		nlb = active / 4 > 1 ? active / 4 : 1;
		nnlc = active / 4 > 1 ? active / 4 : 1;
	}
	for (int want = nlb + nnlc, got = 0, tries = 0; got < want && tries < 100000; tries++) {
		struct proj *p = &g->projs[rng_below(&r, (uint32_t)g->nproj)];
		if (!p->weight || p->lb || p->nlc)
			continue;
		if (got < nlb)
			p->lb = true;
		else
			p->nlc = true;
		got++;
	}
}

/* ---- the stream: attendance, payroll, payments, allocations ---- */
static int add_rec(struct gen *g, int employer, int worker, int32_t period, int64_t amount)
{
	if (g->nrecs == g->arecs) {
		size_t n = g->arecs ? 2 * g->arecs : 1024;
		struct rec *v = realloc(g->recs, n * sizeof(*v));
		if (!v)
			return gen_nomem(g);
		g->recs = v;
		g->arecs = n;
	}
	g->recs[g->nrecs++] = (struct rec){employer, worker, period, amount};
	return 0;
}

/* Whether one more worker owed amount keeps the employer clear of CRIMINAL_THRESHOLD. */
static bool crim_clear(const struct ent *e, int64_t amount)
{
	return !(e->aff + 1 >= CRIM_WORKERS && e->aff_sum + amount >= CRIM_ALL);
}

/* The day an employer pays project p's wages of month m: early payers on the last working
 * day of the month, the rest on a working day from the 5th to the 20th of the next month
 * (the 12th when payroll is due on the 15th), never after the due date. */
static int32_t pay_date(struct gen *g, int employer, int project, int m, int32_t due)
{
	const struct ent *e = &g->ents[employer];
	struct rng r = rng_for(g->seed, T_PAYDAY, (uint64_t)employer,
			       (uint64_t)project * 64 + (uint64_t)m);
	int32_t f;
	if (e->early)
		return prev_wd(g, period_last_day(g->p0 + m));
	f = next_wd(
		g, period_first_day(g->p0 + m + 1) + (int32_t)rng_range(&r, 4, e->due15 ? 11 : 19));
	return f > due ? prev_wd(g, due) : f;
}

static void put_card(struct obuf *b, const char *card, bool spaces)
{
	if (!spaces) {
		ob_s(b, card);
		return;
	}
	for (int i = 0; card[i]; i++) {
		if (i && i % 4 == 0)
			ob_c(b, ' ');
		ob_c(b, card[i]);
	}
}

static void put_payment(struct gen *g, const struct proj *p, const char *id, int m, int64_t amount,
			int32_t day, const char *card, bool spaces, const char *status)
{
	struct obuf *b = &g->out[GEN_PAYMENTS];
	char ds[DATE_BUFSZ], txn[24];
	date_format(day, ds);
	snprintf(txn, sizeof(txn), "-%.4s%.2s%.2s-%08llu", ds, ds + 5, ds + 8,
		 (unsigned long long)++g->txn_seq);
	ob_s(b, gen_banks[p->bank].code);
	ob_s(b, txn);
	ob_c(b, ',');
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, id);
	ob_c(b, ',');
	ob_s(b, g->pstr[m]);
	ob_c(b, ',');
	ob_money(b, amount);
	ob_c(b, ',');
	ob_s(b, ds);
	ob_c(b, ',');
	put_card(b, card, spaces);
	ob_c(b, ',');
	ob_s(b, status);
	ob_nl(b);
	if (spaces)
		g->n_spaces++;
}

enum inj {
	INJ_NONE,
	INJ_UNPAID,
	INJ_PARTIAL,
	INJ_NO_PAYROLL,
	INJ_UNDERPAID,
	INJ_EXCESS,
	INJ_OFF_CARD
};

/* One worker-month of a worker with employments on the project: payroll, payments, the
 * injected violation if any, and the exact bookkeeping of which rules fire at the end. */
static int worker_month(struct gen *g, const struct subj *s, int m)
{
	const struct emp *E = &g->emps[s->e0];
	struct worker *w = &g->ws[s->worker];
	const struct proj *p = &g->projs[s->project];
	struct rng r = rng_for(g->seed, T_WM, (uint64_t)s->worker,
			       (uint64_t)s->project * 64 + (uint64_t)m);
	int32_t P = g->p0 + m, end_next = period_last_day(P + 1);
	int64_t num = 0, piece = 0;
	int first = -1;

	for (int j = 0; j < s->ne; j++) {
		int64_t dj = g->t.edays[m][j];
		if (!dj)
			continue;
		if (first < 0)
			first = j;
		if (E[j].wtype == WT_DAILY)
			num += 2175 * E[j].rate * dj;
		else if (E[j].wtype == WT_MONTHLY)
			num += E[j].rate * (100 * dj < 2175 ? 100 * dj : 2175);
		else
			piece += dj * rng_range(&r, 30, 50) * 1000;
	}
	int64_t expected = (num + 1087) / 2175; /* 2175 is odd: no exact halves */
	int employer = E[first].employer;
	struct ent *en = &g->ents[employer];
	int32_t due = en->due15 ? period_first_day(P + 1) + 14 : NODAY;
	int32_t due_eff = due != NODAY ? due : end_next;
	int32_t payday = pay_date(g, employer, s->project, m, due_eff);
	bool eligible = end_next < g->dE; /* D = last day > due: arrears are visible */
	int days = g->t.days[m];

	/* Choose the violation. */
	enum inj inj = INJ_NONE;
	uint32_t u = rng_below(&r, PPM);
	if (en->criminal && m >= g->mc0 && m <= g->mc1)
		inj = rng_below(&r, 10) < 7 ? INJ_UNPAID : INJ_NO_PAYROLL;
	else if (eligible && !(w->flags & WF_INJ) && u < (p->lb ? RATE_UNPAID_LB : RATE_UNPAID))
		inj = rng_below(&r, 10) < 6 ? INJ_UNPAID : INJ_PARTIAL;
	else if (eligible && !(w->flags & WF_INJ) && u >= 200000 && u < 200000 + RATE_NO_PAYROLL)
		inj = INJ_NO_PAYROLL;
	else if (u >= 300000 && u < 300000 + RATE_UNDERPAID && !piece && expected >= 20000)
		inj = INJ_UNDERPAID;
	else if (u >= 400000 && u < 400000 + RATE_EXCESS)
		inj = INJ_EXCESS;
	else if (u >= 500000 && u < 500000 + RATE_OFF_CARD && payday <= g->dE && g->nlisted > 1)
		inj = INJ_OFF_CARD;

	/* Payroll amounts. */
	int64_t gross = expected + piece, ded = 0, net, paid_amt;
	if (inj == INJ_UNDERPAID)
		gross = expected - expected * rng_range(&r, 500, 2500) / 10000;
	if (inj == INJ_EXCESS) {
		ded = gross * rng_range(&r, 5200, 8000) / 10000;
		if (2 * ded <= gross)
			ded = gross / 2 + 1;
	} else if (rng_below(&r, 10) >= 4) {
		ded = gross * rng_range(&r, 50, 500) / 10000 / 100 * 100; /* meals, whole yuan */
	}
	net = gross - ded;
	paid_amt = net;
	if (inj == INJ_PARTIAL) {
		paid_amt = net * rng_range(&r, 30, 80) / 100 / 100 * 100;
		if (paid_amt <= 0 || paid_amt >= net)
			inj = INJ_UNPAID;
	}
	if (inj == INJ_UNPAID)
		paid_amt = 0;

	/* Keep everyone but the chosen criminals under CRIMINAL_THRESHOLD. */
	if (!en->criminal && (inj == INJ_UNPAID || inj == INJ_PARTIAL || inj == INJ_NO_PAYROLL)) {
		int64_t owed = inj == INJ_NO_PAYROLL ? expected : net - paid_amt;
		if (crim_clear(en, owed)) {
			en->aff++;
			en->aff_sum += owed;
			w->flags |= WF_INJ;
		} else {
			inj = INJ_NONE;
			paid_amt = net;
		}
	}
	if (inj == INJ_PARTIAL)
		g->n_partial++;

	char id[19];
	memcpy(id, w->id, sizeof(id));
	if ((w->flags & WF_XP) && id[17] == 'X')
		id[17] = 'x';
	g->ps.expected[m] += expected;

	if (inj == INJ_NO_PAYROLL) {
		if (end_next < g->dE) {
			g->viol[GEN_V_NO_PAYROLL]++;
			return add_rec(g, employer, s->worker, P, expected);
		}
		return 0;
	}

	struct obuf *b = &g->out[GEN_PAYROLL];
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, en->uscc);
	ob_c(b, ',');
	ob_s(b, g->pstr[m]);
	ob_c(b, ',');
	ob_s(b, id);
	ob_c(b, ',');
	ob_u(b, (uint64_t)days);
	ob_c(b, ',');
	ob_money(b, gross);
	ob_c(b, ',');
	ob_money(b, ded);
	ob_c(b, ',');
	ob_money(b, net);
	ob_c(b, ',');
	ob_date(b, due);
	ob_nl(b);
	g->ps.net[m] += net;

	/* Payments: only those dated inside the range exist yet. */
	int64_t paid = 0;
	bool off = false;
	if (paid_amt > 0) {
		const char *card = w->card;
		bool spaces = (w->flags & WF_SPACES) != 0;
		if (inj == INJ_OFF_CARD) {
			int o;
			do
				o = (int)rng_below(&r, (uint32_t)g->nlisted);
			while (o == s->worker);
			card = g->ws[o].card;
		}
		uint32_t v = rng_below(&r, PPM);
		if (v < RATE_FAILED + RATE_RETURNED) {
			int32_t before = prev_wd(g, payday - 1);
			if (before <= g->dE) {
				put_payment(g, p, id, m, paid_amt, before, card, spaces,
					    v < RATE_FAILED ? "failed" : "returned");
				if (v < RATE_FAILED)
					g->n_failed++;
				else
					g->n_returned++;
			}
		}
		if (payday <= g->dE) {
			put_payment(g, p, id, m, paid_amt, payday, card, spaces, "ok");
			paid = paid_amt;
			off = inj == INJ_OFF_CARD;
		}
	}
	g->ps.paid += paid;

	if (paid < net && due_eff < g->dE) {
		g->viol[GEN_V_UNPAID]++;
		int st = add_rec(g, employer, s->worker, P, net - paid);
		if (st)
			return st;
	}
	if (paid < net && due_eff <= g->dE + 7)
		g->ps.need += net - paid;
	if (gross + 100 < expected)
		g->viol[GEN_V_UNDERPAID]++;
	if (2 * ded > gross)
		g->viol[GEN_V_EXCESS_DEDUCTION]++;
	if (off)
		g->viol[GEN_V_OFF_CARD]++;
	return 0;
}

static const char *const hours_str[5] = {"0", "8", "8.5", "9", "10"};

/* Writes one subject's attendance and settles each of its months. */
static int subject(struct gen *g, const struct subj *s)
{
	const struct worker *w = &g->ws[s->worker];
	const struct proj *p = &g->projs[s->project];
	struct obuf *b = &g->out[GEN_ATTENDANCE];
	struct rng r = rng_for(g->seed, T_ATT, (uint64_t)s->worker, (uint64_t)s->project);
	uint32_t pres = (uint32_t)(rng_range(&r, 820, 970) * 1048576 / 1000);
	char prefix[64];
	size_t plen = strlen(p->code);
	int st;

	memcpy(prefix, p->code, plen);
	prefix[plen] = ',';
	memcpy(prefix + plen + 1, w->id, 18);
	if ((w->flags & WF_XA) && w->id[17] == 'X')
		prefix[plen + 18] = 'x';
	prefix[plen + 19] = ',';
	plen += 20;
	memset(g->t.rows, 0, (size_t)g->M * sizeof(*g->t.rows));
	memset(g->t.days, 0, (size_t)g->M * sizeof(*g->t.days));
	memset(g->t.edays, 0, (size_t)g->M * sizeof(*g->t.edays));

	int nseg = s->e0 >= 0 ? s->ne : 1;
	for (int j = 0; j < nseg; j++) {
		int32_t a = s->e0 >= 0 ? g->emps[s->e0 + j].start : s->from;
		int32_t z = s->e0 >= 0 ? g->emps[s->e0 + j].end : s->to;
		a = max32(a, g->d0);
		z = min32(z, g->dE);
		for (int32_t d = a; d <= z; d++) {
			if (!g->wd[d - g->wd_base])
				continue;
			uint64_t x = rng_next(&r);
			if ((x & 0xFFFFF) >= pres)
				continue;
			uint32_t h = (uint32_t)((x >> 20) % 1000);
			int hi = h < 30 ? 0 : h < 730 ? 1 : h < 800 ? 2 : h < 900 ? 3 : 4;
			const char *hs = hours_str[hi];
			size_t hl = hi == 2 ? 3 : hi == 4 ? 2 : 1;
			char *o = ob_room(b, plen + DATE_BUFSZ + 5);
			memcpy(o, prefix, plen);
			memcpy(o + plen, g->dstr[d - g->d0], 10);
			o[plen + 10] = ',';
			memcpy(o + plen + 11, hs, hl);
			o[plen + 11 + hl] = '\n';
			b->len += plen + 12 + hl;
			b->rows++;
			int m = g->dmon[d - g->d0];
			g->t.rows[m]++;
			if (hi) {
				g->t.days[m]++;
				g->t.edays[m][j]++;
			}
		}
	}
	for (int m = 0; m < g->M; m++) {
		g->ps.rows[m] += g->t.rows[m];
		g->ps.days[m] += g->t.days[m];
		if (!g->t.days[m])
			continue;
		if (s->e0 >= 0) {
			if ((st = worker_month(g, s, m)))
				return st;
			continue;
		}
		/* Unregistered: never on payroll, so its arrears surface as NO_PAYROLL too. */
		g->viol[GEN_V_UNREGISTERED]++;
		if (period_last_day(g->p0 + m + 1) < g->dE)
			g->viol[GEN_V_NO_PAYROLL]++;
	}
	return 0;
}

static void put_allocation(struct gen *g, const struct proj *p, int32_t day, int64_t amount)
{
	struct obuf *b = &g->out[GEN_ALLOCATIONS];
	char ds[DATE_BUFSZ], txn[32];
	date_format(day, ds);
	snprintf(txn, sizeof(txn), "%s-%.4s%.2s%.2s-A%07llu", gen_banks[p->bank].code, ds, ds + 5,
		 ds + 8, (unsigned long long)++g->alloc_seq);
	ob_s(b, txn);
	ob_c(b, ',');
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, ds);
	ob_c(b, ',');
	ob_money(b, amount);
	ob_nl(b);
}

/* Labour-cost allocations of one project: each month with attendance gets its month's cost
 * plus 5–20 %, rounded up to a thousand yuan, dated in the month; NO_LABOR_COST projects get
 * two months late; LOW_BALANCE projects get only part of what their workers are owed. */
static int project_allocations(struct gen *g, int pi)
{
	struct proj *p = &g->projs[pi];
	struct rng r = rng_for(g->seed, T_ALLOC, (uint64_t)pi, 0);
	int64_t amount[GEN_MONTHS_MAX] = {0}, base[GEN_MONTHS_MAX] = {0}, wsum = 0, total = 0;
	int month_of[GEN_MONTHS_MAX];
	bool dated[GEN_MONTHS_MAX + 1] = {false};
	int late = -1;

	for (int m = 0; m < g->M; m++) {
		month_of[m] = m;
		if (!g->ps.rows[m])
			continue;
		base[m] = g->ps.net[m] > g->ps.expected[m] ? g->ps.net[m] : g->ps.expected[m];
		int64_t a = base[m] * rng_range(&r, 105, 120) / 100;
		a = (a + 99999) / 100000 * 100000;
		amount[m] = a < 1000000 ? 1000000 : a;
		wsum += base[m];
	}
	if (p->nlc) {
		int cand[GEN_MONTHS_MAX], nc = 0;
		for (int m = 0; m + 2 < g->M; m++)
			if (g->ps.days[m] && period_last_day(g->p0 + m + 1) < g->dE)
				cand[nc++] = m;
		if (nc) {
			late = cand[rng_below(&r, (uint32_t)nc)];
			month_of[late] = month_of[late + 1] = late + 2;
		}
	}
	if (p->lb && g->ps.need > 0 && wsum > 0) {
		/* Enough for what was paid and half of what is owed. */
		int64_t A = g->ps.paid + g->ps.need / 2, left = A;
		int last = -1;
		for (int m = 0; m < g->M; m++)
			if (g->ps.rows[m])
				last = m;
		for (int m = 0; m < g->M; m++) {
			if (!g->ps.rows[m])
				continue;
			int64_t a = m == last ? left : A / 100 * base[m] / wsum * 100;
			amount[m] = a < 100 ? 100 : a;
			left -= amount[m];
		}
	}
	for (int t = 0; t < g->M; t++)
		for (int m = 0; m < g->M; m++) {
			if (month_of[m] != t || !amount[m])
				continue;
			int32_t first = max32(period_first_day(g->p0 + t), p->opened);
			int32_t last = period_last_day(g->p0 + t);
			int32_t day = (int32_t)rng_range(&r, max32(first, last - 12), last);
			/* Banks post on working days; a transfer at the very end may land on a
			 * weekend rather than slip into the next month. */
			put_allocation(g, p, next_wd(g, day) <= last ? next_wd(g, day) : day,
				       amount[m]);
			dated[t] = true;
			total += amount[m];
		}

	/* What a scan on the last day finds. */
	char ps[PERIOD_BUFSZ];
	for (int m = 0; m < g->M; m++)
		if (g->ps.days[m] && period_last_day(g->p0 + m + 1) < g->dE && !dated[m] &&
		    !dated[m + 1]) {
			g->viol[GEN_V_NO_LABOR_COST]++;
			if (dbuf_addf(&g->lst_nlc, "%s{\"project\":\"%s\",\"period\":\"%s\"}",
				      g->lst_nlc.len ? "," : "", p->code,
				      period_format(g->p0 + m, ps)))
				return gen_nomem(g);
		}
	if (total - g->ps.paid < g->ps.need) {
		g->viol[GEN_V_LOW_BALANCE]++;
		if (dbuf_addf(&g->lst_lb, "%s\"%s\"", g->lst_lb.len ? "," : "", p->code))
			return gen_nomem(g);
	}
	return 0;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->employer != y->employer)
		return x->employer < y->employer ? -1 : 1;
	if (x->worker != y->worker)
		return x->worker < y->worker ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* CRIMINAL_THRESHOLD exactly as SPEC §5 evaluates it over this scan's UNPAID and NO_PAYROLL
 * warnings (default thresholds). */
static int eval_criminal(struct gen *g)
{
	if (g->nrecs)
		qsort(g->recs, g->nrecs, sizeof(*g->recs), cmp_rec);
	for (size_t i = 0; i < g->nrecs;) {
		int e = g->recs[i].employer, nw = 0;
		int64_t total = 0;
		bool one = false;
		while (i < g->nrecs && g->recs[i].employer == e) {
			int w = g->recs[i].worker, periods = 0;
			int32_t lastp = -1;
			int64_t sv = 0;
			for (; i < g->nrecs && g->recs[i].employer == e && g->recs[i].worker == w;
			     i++) {
				sv += g->recs[i].amount;
				periods += g->recs[i].period != lastp;
				lastp = g->recs[i].period;
			}
			if (sv > 0) {
				nw++;
				total += sv;
			}
			one |= sv >= CRIM_ONE && periods >= 3;
		}
		if (one || (nw >= CRIM_WORKERS && total >= CRIM_ALL)) {
			g->viol[GEN_V_CRIMINAL_THRESHOLD]++;
			if (dbuf_addf(&g->lst_crim, "%s\"%s\"", g->lst_crim.len ? "," : "",
				      g->ents[e].uscc))
				return gen_nomem(g);
		}
	}
	return 0;
}

int gen_stream(struct gen *g)
{
	size_t M = (size_t)g->M;
	int st, si = 0;

	g->ps.rows = calloc(M, sizeof(*g->ps.rows));
	g->ps.days = calloc(M, sizeof(*g->ps.days));
	g->ps.expected = calloc(M, sizeof(*g->ps.expected));
	g->ps.net = calloc(M, sizeof(*g->ps.net));
	g->t.rows = calloc(M, sizeof(*g->t.rows));
	g->t.days = calloc(M, sizeof(*g->t.days));
	g->t.edays = calloc(M, sizeof(*g->t.edays));
	if (!g->ps.rows || !g->ps.days || !g->ps.expected || !g->ps.net || !g->t.rows ||
	    !g->t.days || !g->t.edays)
		return gen_nomem(g);
	for (int pi = 0; pi < g->nproj; pi++) {
		memset(g->ps.rows, 0, M * sizeof(*g->ps.rows));
		memset(g->ps.days, 0, M * sizeof(*g->ps.days));
		memset(g->ps.expected, 0, M * sizeof(*g->ps.expected));
		memset(g->ps.net, 0, M * sizeof(*g->ps.net));
		g->ps.paid = g->ps.need = 0;
		for (; si < g->nsubj && g->subj[si].project == pi; si++)
			if ((st = subject(g, &g->subj[si])))
				return st;
		if ((st = project_allocations(g, pi)))
			return st;
		if (g->o->progress)
			g->o->progress(g->o->progress_ctx, pi + 1, g->nproj,
				       g->out[GEN_ATTENDANCE].rows);
	}
	return eval_criminal(g);
}
