/* gen/workers.c — workers (ID numbers, names, phones, cards; the unregistered), their
 * employments (stayers, joiners, leavers, switchers, rejoiners, wage types), the order
 * attendance is written in, and their CSV files. Exports gen_make_workers, gen_build_subjects,
 * gen_write_workers, gen_write_employments. */
#include "gen/internal.h"

#include <stdlib.h>

#include "util/err.h"
#include "util/banned.h"

/* ---- reference data ---- */
static const char *const phone_prefixes[] = {"130", "131", "132", "133", "135", "136", "137",
					     "138", "139", "150", "151", "152", "153", "155",
					     "156", "157", "158", "159", "180", "181", "182",
					     "183", "185", "186", "187", "188", "189"};
#define NPHONE ((int)(sizeof(phone_prefixes) / sizeof(phone_prefixes[0])))

enum trade {
	TR_REBAR,
	TR_CARPENTER,
	TR_MASON,
	TR_SCAFFOLD,
	TR_ELECTRIC,
	TR_WELDER,
	TR_LABOUR,
	NTRADE
};
static const char *const trade_names[NTRADE] = {"钢筋工", "木工", "泥瓦工", "架子工",
						"电工",   "焊工", "普工"};
static const char *const team_stems[NTRADE] = {"钢筋", "木工", "泥工", "架子",
					       "水电", "焊工", "杂工"};
static const int trade_weight[NTRADE] = {20, 20, 15, 10, 8, 7, 20};
static const int trade_day_min[NTRADE] = {320, 330, 300, 330, 350, 360, 250};
static const int trade_day_max[NTRADE] = {420, 450, 420, 430, 450, 450, 320};
static const char *const team_ordinals[3] = {"一", "二", "三"};

static const char *const wtype_names[3] = {"daily", "monthly", "piece"};

/* ---- workers and employments ---- */
static int pick_project(struct gen *g, struct rng *r)
{
	int64_t total = g->pcum[g->nproj - 1];
	int64_t u = (int64_t)(rng_next(r) % (uint64_t)total);
	int lo = 0, hi = g->nproj - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (g->pcum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The employer of a new hire on p: the general contractor for one in five, else one of the
 * subcontractors present long enough before the range ends. *lo is when it can start. */
static int pick_employer(struct gen *g, struct rng *r, const struct proj *p, int32_t *lo)
{
	int w[MAXSUBS], total = 0;
	for (int k = 0; k < p->nsubs; k++) {
		w[k] = p->sub_start[k] <= p->act_hi - 20 ? p->sub_w[k] : 0;
		total += w[k];
	}
	if (total && rng_below(r, 5)) {
		int k = gen_pick_weighted(r, w, p->nsubs);
		*lo = p->sub_start[k];
		return p->subs[k];
	}
	*lo = p->start;
	return p->gc;
}

static int add_emp(struct gen *g, const struct emp *e)
{
	if (g->nemps == g->aemps) {
		int n = g->aemps ? 2 * g->aemps : 1024;
		struct emp *v = realloc(g->emps, (size_t)n * sizeof(*v));
		if (!v)
			return gen_nomem(g);
		g->emps = v;
		g->aemps = n;
	}
	g->emps[g->nemps++] = *e;
	return 0;
}

enum ekind_emp { K_STAYER, K_JOINER, K_LEAVER, K_SWITCHER, K_REJOINER };

/* Start and end of an employment on p with an employer present from lo. Returns false when
 * fewer than two weeks of p lie in the range after lo. */
static bool emp_window(struct gen *g, struct rng *r, const struct proj *p, int32_t lo, int kind,
		       int32_t *start, int32_t *end)
{
	int32_t a = max32(lo, g->d0), b = p->act_hi;
	if (b - a < 14)
		return false;
	*end = p->end <= g->dE ? p->end : NODAY;
	if (kind == K_JOINER)
		*start = (int32_t)rng_range(r, a + 1, b - 14);
	else if (lo < g->d0)
		*start = (int32_t)rng_range(r, max32(lo, g->d0 - 540), g->d0 - 1);
	else
		*start = lo + (int32_t)rng_range(r, 0, min32(20, (b - a) / 4));
	if (kind >= K_LEAVER) {
		int32_t from = max32(*start, g->d0) + 14, to = b - 7;
		if (from <= to)
			*end = (int32_t)rng_range(r, from, to);
	}
	return true;
}

static void pick_wage(struct rng *r, struct emp *e)
{
	uint32_t u = rng_below(r, 100);
	bool piece_ok = e->trade == TR_REBAR || e->trade == TR_MASON || e->trade == TR_CARPENTER;
	if (u < 4 && piece_ok) {
		e->wtype = WT_PIECE;
		e->rate = 0;
	} else if (u >= 88) {
		e->wtype = WT_MONTHLY;
		e->rate = rng_range(r, 60, 90) * 10000;
	} else {
		e->wtype = WT_DAILY;
		e->rate = rng_range(r, trade_day_min[e->trade] / 10, trade_day_max[e->trade] / 10) *
			1000;
	}
}

int gen_make_workers(struct gen *g)
{
	int nunreg = g->nlisted / UNREG_PER_WORKERS > 3 ? g->nlisted / UNREG_PER_WORKERS : 3;
	int nnoemp = nunreg * 2 / 5, nunlisted = nunreg - nnoemp;
	int stride = g->nlisted / (nnoemp + 1);
	int y0, mo, dd, st;

	date_to_ymd(g->d0, &y0, &mo, &dd);
	g->nws = g->nlisted + nunlisted;
	g->ws = calloc((size_t)g->nws, sizeof(*g->ws));
	g->subj = calloc((size_t)nunreg, sizeof(*g->subj));
	if (!g->ws || !g->subj)
		return gen_nomem(g);
	for (int i = 0; i < g->nws; i++) {
		struct worker *w = &g->ws[i];
		struct rng r = rng_for(g->seed, T_WORKER, (uint64_t)i, 0);
		bool male = rng_below(&r, 10) != 0;
		if ((st = gen_make_idcard(g, &r, y0 - 61, y0 - 22, male, w->id)))
			return st;
		gen_person_name(&r, male, w->name);
		if (rng_below(&r, 100) >= 3) {
			memcpy(w->phone, phone_prefixes[rng_below(&r, NPHONE)], 3);
			gen_digits(&r, w->phone + 3, 8);
		}
		w->bank = (uint8_t)gen_pick_bank(&r);
		if ((st = gen_make_card(g, &r, w->bank, w->card)))
			return st;
		if (i >= g->nlisted) {
			w->flags |= WF_UNLISTED | WF_NOEMP;
			g->n_unlisted++;
		} else if (stride > 0 && i % stride == stride / 2 && g->n_noemp < nnoemp) {
			w->flags |= WF_NOEMP;
			g->n_noemp++;
		}
		if (!(w->flags & WF_UNLISTED)) {
			uint32_t u = rng_below(&r, 100);
			if (w->id[17] == 'X' && u < 15) {
				w->flags |= u < 5 ? WF_XW : u < 10 ? WF_XA : WF_XP;
				g->n_lower[u / 5]++;
			}
			if (rng_below(&r, 100) == 0)
				w->flags |= WF_SPACES;
		}
	}

	for (int i = 0; i < g->nws; i++) {
		struct worker *w = &g->ws[i];
		struct rng r = rng_for(g->seed, T_EMP, (uint64_t)i, 0);
		if (w->flags & WF_NOEMP) {
			/* An unregistered stint of three to eleven weeks on one project. */
			for (int tries = 0; tries < 100; tries++) {
				const struct proj *p = &g->projs[pick_project(g, &r)];
				if (p->act_hi - p->act_lo < 25)
					continue;
				struct subj *s = &g->subj[g->nsubj++];
				s->worker = i;
				s->project = (int)(p - g->projs);
				s->e0 = -1;
				s->from = (int32_t)rng_range(&r, p->act_lo, p->act_hi - 20);
				s->to = min32(p->act_hi, s->from + (int32_t)rng_range(&r, 20, 75));
				break;
			}
			continue;
		}
		struct emp e = {.worker = i};
		e.trade = (uint8_t)gen_pick_weighted(&r, trade_weight, NTRADE);
		uint32_t t = rng_below(&r, 10);
		e.team = (uint8_t)(t < 6 ? 0 : t < 9 ? 1 : 2);
		pick_wage(&r, &e);
		uint32_t u = rng_below(&r, 100);
		int kind = u < 74 ? K_STAYER
			: u < 89  ? K_JOINER
			: u < 94  ? K_LEAVER
			: u < 99  ? K_SWITCHER
				  : K_REJOINER;
		int32_t lo = 0;
		bool ok = false;
		for (int tries = 0; tries < 100 && !ok; tries++) {
			e.project = pick_project(g, &r);
			e.employer = pick_employer(g, &r, &g->projs[e.project], &lo);
			ok = emp_window(g, &r, &g->projs[e.project], lo, kind, &e.start, &e.end);
		}
		if (!ok)
			continue; /* cannot happen while some project is active; harmless if it does */
		if ((st = add_emp(g, &e)))
			return st;
		if (kind < K_SWITCHER || e.end == NODAY || e.end >= g->dE - 20)
			continue;
		struct emp f = e;
		f.start = e.end +
			(int32_t)(kind == K_REJOINER ? rng_range(&r, 10, 40)
						     : rng_range(&r, 3, 30));
		if (kind == K_REJOINER) {
			const struct proj *p = &g->projs[e.project];
			if (f.start > p->act_hi - 14)
				continue;
			f.end = p->end <= g->dE ? p->end : NODAY;
			if (f.wtype == WT_DAILY)
				f.rate += rng_range(&r, 1, 3) * 1000;
			else if (f.wtype == WT_MONTHLY)
				f.rate += rng_range(&r, 2, 5) * 10000;
			g->n_rejoin++;
		} else {
			bool found = false;
			for (int tries = 0; tries < 10 && !found; tries++) {
				f.project = pick_project(g, &r);
				const struct proj *q = &g->projs[f.project];
				if (f.project == e.project)
					continue;
				f.employer = pick_employer(g, &r, q, &lo);
				found = lo <= f.start && q->start <= f.start &&
					f.start <= q->act_hi - 14;
			}
			if (!found)
				continue;
			const struct proj *q = &g->projs[f.project];
			f.end = q->end <= g->dE ? q->end : NODAY;
			f.team = (uint8_t)rng_below(&r, 3);
			pick_wage(&r, &f);
			g->n_switch++;
		}
		if ((st = add_emp(g, &f)))
			return st;
	}
	for (int i = 0; i < g->nemps; i++)
		g->n_wtype[g->emps[i].wtype]++;
	return 0;
}

static int cmp_worker_id(const void *a, const void *b)
{
	const struct worker *const *x = a, *const *y = b;
	return memcmp((*x)->id, (*y)->id, 18);
}

/* qsort has no context argument: ranks are copied into the records being sorted. */
struct emp_key {
	int project, rank;
	int32_t start;
	int idx;
};

static int cmp_emp_key(const void *a, const void *b)
{
	const struct emp_key *x = a, *y = b;
	if (x->project != y->project)
		return x->project < y->project ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_subj(const void *a, const void *b)
{
	const struct subj *x = a, *y = b;
	if (x->project != y->project)
		return x->project < y->project ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Sorts employments by (project, worker ID, start) and builds the subjects in the order
 * attendance is written. */
int gen_build_subjects(struct gen *g)
{
	struct worker **byid = malloc((size_t)g->nws * sizeof(*byid));
	struct emp_key *keys = malloc(((size_t)g->nemps + 1) * sizeof(*keys));
	struct emp *sorted = malloc(((size_t)g->nemps + 1) * sizeof(*sorted));
	int nunreg = g->nsubj, st = 0;
	struct subj *subj = NULL;

	if (!byid || !keys || !sorted) {
		st = gen_nomem(g);
		goto cleanup;
	}
	for (int i = 0; i < g->nws; i++)
		byid[i] = &g->ws[i];
	qsort(byid, (size_t)g->nws, sizeof(*byid), cmp_worker_id);
	for (int i = 0; i < g->nws; i++)
		byid[i]->rank = i;
	for (int i = 0; i < g->nemps; i++)
		keys[i] = (struct emp_key){g->emps[i].project, g->ws[g->emps[i].worker].rank,
					   g->emps[i].start, i};
	qsort(keys, (size_t)g->nemps, sizeof(*keys), cmp_emp_key);
	for (int i = 0; i < g->nemps; i++)
		sorted[i] = g->emps[keys[i].idx];
	free(g->emps);
	g->emps = sorted;
	sorted = NULL;

	subj = calloc((size_t)g->nemps + (size_t)nunreg + 1, sizeof(*subj));
	if (!subj) {
		st = gen_nomem(g);
		goto cleanup;
	}
	int n = 0;
	for (int i = 0; i < g->nemps;) {
		int j = i + 1;
		while (j < g->nemps && g->emps[j].project == g->emps[i].project &&
		       g->emps[j].worker == g->emps[i].worker)
			j++;
		if (j - i > NE_MAX) {
			WG_BUG("too many employments of one worker on one project");
			st = gen_fail(g, WG_EUSAGE, "internal error: employments");
			goto cleanup;
		}
		subj[n++] = (struct subj){g->emps[i].worker,
					  g->emps[i].project,
					  i,
					  j - i,
					  0,
					  0,
					  g->ws[g->emps[i].worker].rank};
		i = j;
	}
	for (int i = 0; i < nunreg; i++) {
		subj[n] = g->subj[i];
		subj[n++].rank = g->ws[g->subj[i].worker].rank;
	}
	qsort(subj, (size_t)n, sizeof(*subj), cmp_subj);
	free(g->subj);
	g->subj = subj;
	g->nsubj = n;
	subj = NULL;
cleanup:
	free(byid);
	free(keys);
	free(sorted);
	free(subj);
	return st;
}

void gen_write_workers(struct gen *g)
{
	struct obuf *b = &g->out[GEN_WORKERS];
	for (int i = 0; i < g->nws; i++) {
		const struct worker *w = &g->ws[i];
		if (w->flags & WF_UNLISTED)
			continue;
		ob_put(b, w->id, 17);
		ob_c(b, (w->flags & WF_XW) ? 'x' : w->id[17]);
		ob_c(b, ',');
		ob_csv(b, w->name);
		ob_c(b, ',');
		ob_s(b, w->phone);
		ob_c(b, ',');
		ob_s(b, w->card);
		ob_c(b, ',');
		ob_s(b, gen_banks[w->bank].code);
		ob_nl(b);
	}
}

void gen_write_employments(struct gen *g)
{
	struct obuf *b = &g->out[GEN_EMPLOYMENTS];
	for (int i = 0; i < g->nemps; i++) {
		const struct emp *e = &g->emps[i];
		ob_s(b, g->projs[e->project].code);
		ob_c(b, ',');
		ob_s(b, g->ws[e->worker].id);
		ob_c(b, ',');
		ob_s(b, g->ents[e->employer].uscc);
		ob_c(b, ',');
		ob_s(b, team_stems[e->trade]);
		ob_s(b, team_ordinals[e->team]);
		ob_s(b, "班,");
		ob_s(b, trade_names[e->trade]);
		ob_c(b, ',');
		ob_s(b, wtype_names[e->wtype]);
		ob_c(b, ',');
		ob_money(b, e->rate);
		ob_c(b, ',');
		ob_date(b, e->start);
		ob_c(b, ',');
		ob_date(b, e->end);
		ob_nl(b);
	}
}
