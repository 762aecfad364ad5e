/* credit.c — credit files, grades, classified supervision and the dishonest-employer list
 * (domain/credit.h). A score is a fold of the file's events in day order: a negative event
 * takes its points and restarts the clean period; every full bonus_months after the latest
 * negative event adds bonus, never above cap. A negative event on the very day a clean
 * period would complete cancels that bonus (the period was not clean). */
#include "domain/credit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/links.h"
#include "render/doc.h"
#include "render/table.h"
#include "store/config.h"
#include "util/date.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

/* ---- configuration ---- */

const struct credit_config_key credit_config_keys[] = {
	{"credit.score.start", "100", "score of a file without events, and its ceiling"},
	{"credit.points.red_month", "5", "points per project-month with a red UNPAID/NO_PAYROLL"},
	{"credit.points.case", "10", "points per substantiated case"},
	{"credit.points.order_ignored", "20", "points per order to pay ignored"},
	{"credit.points.deposit", "15", "points per deposit activation"},
	{"credit.points.rectify", "10", "points per rectification order overdue"},
	{"credit.bonus.points", "5", "points added per clean period"},
	{"credit.bonus.months", "12", "months without a negative event that earn the bonus"},
	{"credit.grade.a", "90", "lowest score of grade A"},
	{"credit.grade.b", "75", "lowest score of grade B"},
	{"credit.grade.c", "60", "lowest score of grade C"},
	{"credit.interval.a", "12", "months between routine inspections, grade A"},
	{"credit.interval.b", "6", "months between routine inspections, grade B"},
	{"credit.interval.c", "3", "months between routine inspections, grade C"},
	{"credit.interval.d", "1", "months between routine inspections, grade D"},
	{"credit.list.months", "36", "months a listing stays in force"},
	{"credit.list.removal_months", "6", "months after full payment before early removal"},
	{"credit.list.statement_days", "5", "working days to state a case after the notice"},
};
const int credit_config_nkeys = (int)(sizeof credit_config_keys / sizeof credit_config_keys[0]);

static int parse_key(int k, const char *value, int64_t *out, struct msg *err)
{
	char *end;
	long v = strtol(value, &end, 10);
	long lo = k == 0 ? 1 : 0, hi = k == 0 ? 1000 : 1200;
	if (!*value || *end || v < lo || v > hi) {
		msg_set(err, MSG_CREDIT_CONFIG_BAD, "key", credit_config_keys[k].key, "value",
			value, MSG_END);
		return WG_EINPUT;
	}
	*out = v;
	return WG_OK;
}

int credit_config_check(const char *key, const char *value, struct msg *err)
{
	int64_t v;
	for (int k = 0; k < credit_config_nkeys; k++)
		if (strcmp(credit_config_keys[k].key, key) == 0)
			return parse_key(k, value, &v, err);
	msg_set(err, MSG_CREDIT_CONFIG_UNKNOWN, "key", key, MSG_END);
	return WG_EINPUT;
}

int credit_config_load(struct store *s, struct credit_config *c, struct msg *err)
{
	int64_t v[32];
	for (int k = 0; k < credit_config_nkeys; k++) {
		char buf[64];
		int rc = store_config_get(s, credit_config_keys[k].key, buf, sizeof buf);
		if (rc == WG_ENOTFOUND)
			snprintf(buf, sizeof buf, "%s", credit_config_keys[k].fallback);
		else if (rc)
			return rc;
		if ((rc = parse_key(k, buf, &v[k], err)))
			return rc;
	}
	*c = (struct credit_config){
		.start = v[0],
		.cap = v[0],
		.red_month = v[1],
		.cased = v[2],
		.order = v[3],
		.deposit = v[4],
		.rectify = v[5],
		.bonus = v[6],
		.bonus_months = v[7] ? v[7] : 12,
		.grade_a = v[8],
		.grade_b = v[9],
		.grade_c = v[10],
		.interval = {v[11], v[12], v[13], v[14]},
		.list_months = v[15],
		.removal_months = v[16],
		.statement_days = v[17],
	};
	return WG_OK;
}

/* ---- scores ---- */

int32_t credit_add_months(int32_t day, int64_t months)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	int64_t idx = (int64_t)y * 12 + (m - 1) + months;
	y = (int)(idx / 12);
	m = (int)(idx % 12) + 1;
	int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < last ? d : last);
}

char credit_grade(const struct credit_config *c, int64_t score, bool listed)
{
	if (listed)
		return 'D';
	return score >= c->grade_a    ? 'A'
		: score >= c->grade_b ? 'B'
		: score >= c->grade_c ? 'C'
				      : 'D';
}

int64_t credit_interval(const struct credit_config *c, char grade)
{
	return grade >= 'A' && grade <= 'D' ? c->interval[grade - 'A'] : c->interval[3];
}

/* The fold of a file: the score after every line so far, the day of the latest line and
 * of the latest negative event (-1 none). */
struct fold {
	const struct credit_config *c;
	int64_t score, last_event, last_negative, events;
	struct credit_view *v; /* lines wanted, or NULL */
	int rc;
};

static int add_line(struct fold *f, int32_t on, int64_t delta, const char *kind, const char *source,
		    const char *project, int64_t period, int64_t amount)
{
	struct credit_view *v = f->v;
	if (!v)
		return WG_OK;
	if (v->n == v->alloc) {
		size_t n = v->alloc ? 2 * v->alloc : 16;
		struct credit_line *p = realloc(v->lines, n * sizeof *p);
		if (!p)
			return WG_ENOMEM;
		v->lines = p;
		v->alloc = n;
	}
	struct credit_line *l = &v->lines[v->n++];
	memset(l, 0, sizeof *l);
	l->on = on;
	l->delta = delta;
	l->score = f->score;
	l->amount = amount;
	l->period = period;
	snprintf(l->kind, sizeof l->kind, "%s", kind);
	snprintf(l->source, sizeof l->source, "%s", source ? source : "");
	snprintf(l->project, sizeof l->project, "%s", project ? project : "");
	return WG_OK;
}

/* Grants the bonus of each clean period completed in (f->last_event, day]. */
static int fold_advance(struct fold *f, int64_t day)
{
	if (f->last_negative < 0)
		return WG_OK;
	for (int64_t k = 1;; k++) {
		int32_t at = credit_add_months((int32_t)f->last_negative, k * f->c->bonus_months);
		if (at > day)
			break;
		if (at <= f->last_event)
			continue;
		int64_t before = f->score;
		if (f->score < f->c->cap)
			f->score = f->score + f->c->bonus > f->c->cap ? f->c->cap
								      : f->score + f->c->bonus;
		f->last_event = at;
		if (f->score != before) {
			char since[DATE_BUFSZ + 8], d[DATE_BUFSZ];
			snprintf(since, sizeof since, "since %s",
				 date_format((int32_t)f->last_negative, d));
			int rc = add_line(f, at, f->score - before, "clean_period", since, NULL, -1,
					  0);
			if (rc)
				return rc;
		}
	}
	return WG_OK;
}

static int fold_event(struct fold *f, const struct credit_event *e)
{
	int rc;
	if (e->delta < 0) {
		/* a clean period ending on this very day was not clean */
		if ((rc = fold_advance(f, e->on - 1)))
			return rc;
		f->score += e->delta;
		f->last_negative = e->on;
	} else {
		if ((rc = fold_advance(f, e->on)))
			return rc;
		f->score = f->score + e->delta > f->c->cap
			? (f->score > f->c->cap ? f->score : f->c->cap)
			: f->score + e->delta;
	}
	if (e->on > f->last_event)
		f->last_event = e->on;
	f->events++;
	return add_line(f, (int32_t)e->on, e->delta, e->kind, e->source, e->project, e->period,
			e->amount);
}

static int fold_cb(void *ctx, const struct credit_event *e)
{
	return fold_event(ctx, e);
}

static void fold_init(struct fold *f, const struct credit_config *c)
{
	*f = (struct fold){.c = c, .score = c->start, .last_event = -1, .last_negative = -1};
}

int credit_view(struct store *s, const struct credit_config *c, const char *uscc, int32_t day,
		bool lines, struct credit_view *out)
{
	struct fold f;
	memset(out, 0, sizeof *out);
	snprintf(out->uscc, sizeof out->uscc, "%s", uscc);
	fold_init(&f, c);
	f.v = lines ? out : NULL;
	int rc = store_credit_events(s, uscc, day, fold_cb, &f);
	if (!rc)
		rc = fold_advance(&f, day);
	int64_t since = 0;
	if (!rc)
		rc = store_credit_listed(s, uscc, day, &out->listed, &since);
	if (rc) {
		credit_view_release(out);
		return rc;
	}
	out->listed_since = (int32_t)since;
	out->score = f.score;
	out->grade = credit_grade(c, f.score, out->listed);
	return WG_OK;
}

void credit_view_release(struct credit_view *v)
{
	free(v->lines);
	v->lines = NULL;
	v->n = v->alloc = 0;
}

/* The maintained file of uscc recomputed from all its events. */
static int replay(struct store *s, const struct credit_config *c, const char *uscc, struct fold *f)
{
	fold_init(f, c);
	return store_credit_events(s, uscc, -1, fold_cb, f);
}

int credit_record(struct store *s, const struct credit_config *c, const struct credit_event *e,
		  bool *added)
{
	int rc = store_credit_event_add(s, e, added);
	if (rc || !*added)
		return rc;
	struct credit_file file;
	struct fold f;
	fold_init(&f, c);
	int64_t region = e->region;
	rc = store_credit_file_get(s, e->uscc, &file);
	if (rc == WG_OK && e->on >= file.last_event) {
		/* in day order: one more step of the fold from the maintained state */
		f.score = file.score;
		f.last_event = file.last_event;
		f.last_negative = file.last_negative;
		f.events = file.events;
		region = file.region;
		rc = fold_event(&f, e);
	} else if (rc == WG_OK || rc == WG_ENOTFOUND) {
		/* a first event, or one dated before the latest: fold them all again */
		if (rc == WG_OK)
			region = file.region;
		rc = replay(s, c, e->uscc, &f);
	}
	if (rc)
		return rc;
	struct credit_enterprise ent;
	int r2 = store_credit_enterprise(s, e->uscc, &ent);
	if (r2 == WG_OK)
		region = ent.region;
	else if (r2 != WG_ENOTFOUND)
		return r2;
	struct credit_file nf = {.uscc = e->uscc,
				 .region = region,
				 .score = f.score,
				 .last_event = f.last_event,
				 .last_negative = f.last_negative,
				 .events = f.events};
	return store_credit_file_put(s, &nf);
}

/* ---- red months from the warnings ---- */

struct red {
	char uscc[24], project[72];
	int64_t region, period, first_red, amount;
};

struct reds {
	struct red *r;
	size_t n, alloc;
};

static int collect_red(void *ctx, const struct credit_red_month *m)
{
	struct reds *rs = ctx;
	if (rs->n == rs->alloc) {
		size_t n = rs->alloc ? 2 * rs->alloc : 64;
		struct red *p = realloc(rs->r, n * sizeof *p);
		if (!p)
			return WG_ENOMEM;
		rs->r = p;
		rs->alloc = n;
	}
	struct red *r = &rs->r[rs->n++];
	snprintf(r->uscc, sizeof r->uscc, "%s", m->uscc);
	snprintf(r->project, sizeof r->project, "%s", m->project);
	r->region = m->region;
	r->period = m->period;
	r->first_red = m->first_red;
	r->amount = m->amount;
	return WG_OK;
}

static int cmp_red(const void *a, const void *b)
{
	const struct red *x = a, *y = b;
	/* day order within an enterprise keeps the maintained fold incremental */
	int k = strcmp(x->uscc, y->uscc);
	if (k)
		return k;
	if (x->first_red != y->first_red)
		return x->first_red < y->first_red ? -1 : 1;
	return strcmp(x->project, y->project);
}

int credit_sync(struct store *s, const struct credit_config *c, int64_t *added)
{
	struct reds rs = {0};
	*added = 0;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	if ((rc = store_credit_red_months(s, collect_red, &rs)))
		goto fail;
	if (rs.n)
		qsort(rs.r, rs.n, sizeof *rs.r, cmp_red);
	for (size_t i = 0; i < rs.n; i++) {
		const struct red *r = &rs.r[i];
		char source[96], per[PERIOD_BUFSZ];
		snprintf(source, sizeof source, "%s/%s", r->project,
			 period_format((int32_t)r->period, per));
		struct credit_event e = {.region = r->region,
					 .on = r->first_red,
					 .delta = -c->red_month,
					 .amount = r->amount,
					 .period = r->period,
					 .uscc = r->uscc,
					 .kind = "red_month",
					 .source = source,
					 .project = r->project};
		bool a;
		if ((rc = credit_record(s, c, &e, &a)))
			goto fail;
		*added += a;
	}
	free(rs.r);
	return s->ops->commit(s);
fail:
	free(rs.r);
	s->ops->rollback(s);
	return rc;
}

int credit_sync_scan(struct store *s)
{
	struct credit_config c;
	struct msg err;
	int64_t added;
	int rc = credit_config_load(s, &c, &err);
	if (rc == WG_EINPUT)
		snprintf(s->errmsg, sizeof s->errmsg, "%s",
			 msg_render(&err, MSG_EN, (char[256]){0}, 256));
	return rc ? rc : credit_sync(s, &c, &added);
}

/* ---- rebuild ---- */

struct rebuild {
	struct store *s;
	const struct credit_config *c;
	struct fold f;
	char uscc[24];
	int64_t region;
	bool fix;
	int (*cb)(void *, const struct credit_file *, const struct credit_file *);
	void *ctx;
	int64_t *checked;
	/* the rebuilt files, compared once the event stream is closed */
	struct credit_file *files;
	char (*usccs)[24];
	size_t n, alloc;
};

static int rebuild_flush(struct rebuild *r)
{
	if (!r->uscc[0])
		return WG_OK;
	if (r->n == r->alloc) {
		size_t n = r->alloc ? 2 * r->alloc : 64;
		struct credit_file *p = realloc(r->files, n * sizeof *p);
		char(*u)[24] = p ? realloc(r->usccs, n * sizeof *u) : NULL;
		if (p)
			r->files = p;
		if (!p || !u)
			return WG_ENOMEM;
		r->usccs = u;
		r->alloc = n;
	}
	snprintf(r->usccs[r->n], 24, "%s", r->uscc);
	r->files[r->n++] = (struct credit_file){.region = r->region,
						.score = r->f.score,
						.last_event = r->f.last_event,
						.last_negative = r->f.last_negative,
						.events = r->f.events};
	return WG_OK;
}

static int rebuild_event(void *ctx, const struct credit_event *e)
{
	struct rebuild *r = ctx;
	int rc;
	if (strcmp(r->uscc, e->uscc) != 0) {
		if ((rc = rebuild_flush(r)))
			return rc;
		snprintf(r->uscc, sizeof r->uscc, "%s", e->uscc);
		fold_init(&r->f, r->c);
		r->region = e->region;
	}
	return fold_event(&r->f, e);
}

int credit_rebuild(struct store *s, const struct credit_config *c, bool fix,
		   int (*cb)(void *, const struct credit_file *, const struct credit_file *),
		   void *ctx, int64_t *checked)
{
	struct rebuild r = {.s = s, .c = c, .fix = fix, .cb = cb, .ctx = ctx, .checked = checked};
	*checked = 0;
	int rc = fix ? s->ops->begin(s) : WG_OK;
	if (rc)
		return rc;
	if ((rc = store_credit_events(s, NULL, -1, rebuild_event, &r)) || (rc = rebuild_flush(&r)))
		goto done;
	for (size_t i = 0; i < r.n && !rc; i++) {
		struct credit_file *f = &r.files[i], m;
		f->uscc = r.usccs[i];
		++*checked;
		int g = store_credit_file_get(s, f->uscc, &m);
		if (g && g != WG_ENOTFOUND) {
			rc = g;
			break;
		}
		if (g == WG_OK) {
			f->region = m.region;
			if (m.score == f->score && m.last_event == f->last_event &&
			    m.last_negative == f->last_negative && m.events == f->events)
				continue;
		}
		if (cb && (rc = cb(ctx, f, g == WG_OK ? &m : NULL)))
			break;
		if (fix)
			rc = store_credit_file_put(s, f);
	}
done:
	free(r.files);
	free(r.usccs);
	if (fix)
		rc = rc ? (s->ops->rollback(s), rc) : s->ops->commit(s);
	return rc;
}

/* ---- grades and the due list ---- */

struct scored {
	char uscc[24];
	int64_t region, score;
};

struct scores {
	const struct credit_config *c;
	int32_t day;
	struct fold f;
	char cur[24];
	int64_t region;
	struct scored *a;
	size_t n, alloc;
};

static int scores_flush(struct scores *sc)
{
	if (!sc->cur[0])
		return WG_OK;
	int rc = fold_advance(&sc->f, sc->day);
	if (rc)
		return rc;
	if (sc->n == sc->alloc) {
		size_t n = sc->alloc ? 2 * sc->alloc : 64;
		struct scored *p = realloc(sc->a, n * sizeof *p);
		if (!p)
			return WG_ENOMEM;
		sc->a = p;
		sc->alloc = n;
	}
	struct scored *x = &sc->a[sc->n++];
	snprintf(x->uscc, sizeof x->uscc, "%s", sc->cur);
	x->region = sc->region;
	x->score = sc->f.score;
	return WG_OK;
}

static int scores_event(void *ctx, const struct credit_event *e)
{
	struct scores *sc = ctx;
	int rc;
	if (strcmp(sc->cur, e->uscc) != 0) {
		if ((rc = scores_flush(sc)))
			return rc;
		snprintf(sc->cur, sizeof sc->cur, "%s", e->uscc);
		fold_init(&sc->f, sc->c);
		sc->region = e->region;
	}
	return fold_event(&sc->f, e);
}

/* A row of the due list kept for sorting, with copies of its text. */
struct due_item {
	struct credit_row r;
	char uscc[24], name[128];
	bool has_name;
};

struct rows {
	struct store *s;
	const struct credit_config *c;
	int32_t day;
	const char *region;
	bool due, all;
	struct scores *sc;
	size_t next; /* the next scored enterprise not yet merged */
	struct due_item *items;
	size_t n, alloc;
	int (*cb)(void *, const struct credit_row *);
	void *ctx;
};

static bool in_region(const char *region, int64_t code)
{
	if (!region || !*region)
		return true;
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)code);
	return strncmp(buf, region, strlen(region)) == 0;
}

/* Completes row r (grade, listing, due day) and hands it on, or keeps it for sorting. */
static int emit_row(struct rows *rw, struct credit_row *r)
{
	int64_t since;
	int rc = store_credit_listed(rw->s, r->uscc, rw->day, &r->listed, &since);
	if (rc)
		return rc;
	r->grade = credit_grade(rw->c, r->score, r->listed);
	r->interval = credit_interval(rw->c, r->grade);
	r->last = r->due_on = -1;
	if (!rw->due)
		return rw->cb(rw->ctx, r);
	int32_t last = 0;
	bool found = false;
	if ((rc = link_last_inspection(rw->s, r->uscc, rw->day, &last, &found)))
		return rc;
	if (found) {
		r->last = last;
		r->due_on = credit_add_months(last, r->interval);
	}
	if (!rw->all && found && r->due_on > rw->day)
		return WG_OK;
	if (rw->n == rw->alloc) {
		size_t n = rw->alloc ? 2 * rw->alloc : 64;
		struct due_item *p = realloc(rw->items, n * sizeof *p);
		if (!p)
			return WG_ENOMEM;
		rw->items = p;
		rw->alloc = n;
	}
	struct due_item *it = &rw->items[rw->n++];
	it->r = *r;
	snprintf(it->uscc, sizeof it->uscc, "%s", r->uscc);
	snprintf(it->name, sizeof it->name, "%s", r->name ? r->name : "");
	it->has_name = r->name != NULL;
	return WG_OK;
}

/* Scored enterprises before uscc (NULL: all the rest) that are not in the registry. */
static int merge_unregistered(struct rows *rw, const char *uscc)
{
	int rc;
	while (rw->next < rw->sc->n && (!uscc || strcmp(rw->sc->a[rw->next].uscc, uscc) < 0)) {
		const struct scored *x = &rw->sc->a[rw->next++];
		if (!in_region(rw->region, x->region))
			continue;
		struct credit_row r = {.uscc = x->uscc, .region = x->region, .score = x->score};
		if ((rc = emit_row(rw, &r)))
			return rc;
	}
	return WG_OK;
}

static int registered(void *ctx, const struct credit_enterprise *e)
{
	struct rows *rw = ctx;
	int rc = merge_unregistered(rw, e->uscc);
	if (rc)
		return rc;
	struct credit_row r = {
		.uscc = e->uscc, .name = e->name, .region = e->region, .score = rw->c->start};
	if (rw->next < rw->sc->n && strcmp(rw->sc->a[rw->next].uscc, e->uscc) == 0)
		r.score = rw->sc->a[rw->next++].score;
	return emit_row(rw, &r);
}

static int cmp_due(const void *a, const void *b)
{
	const struct due_item *x = a, *y = b;
	if (x->r.due_on != y->r.due_on)
		return x->r.due_on < y->r.due_on ? -1 : 1;
	return strcmp(x->uscc, y->uscc);
}

static int rows_run(struct store *s, const struct credit_config *c, int32_t day, const char *region,
		    bool due, bool all, int (*cb)(void *, const struct credit_row *), void *ctx)
{
	struct scores sc = {.c = c, .day = day};
	struct rows rw = {.s = s,
			  .c = c,
			  .day = day,
			  .region = region,
			  .due = due,
			  .all = all,
			  .sc = &sc,
			  .cb = cb,
			  .ctx = ctx};
	int rc = store_credit_events(s, NULL, day, scores_event, &sc);
	if (!rc)
		rc = scores_flush(&sc);
	if (!rc)
		rc = store_credit_enterprises(s, region, registered, &rw);
	if (!rc)
		rc = merge_unregistered(&rw, NULL);
	if (!rc && due) {
		if (rw.n)
			qsort(rw.items, rw.n, sizeof *rw.items, cmp_due);
		for (size_t i = 0; i < rw.n && !rc; i++) {
			struct due_item *it = &rw.items[i];
			it->r.uscc = it->uscc;
			it->r.name = it->has_name ? it->name : NULL;
			rc = cb(ctx, &it->r);
		}
	}
	free(sc.a);
	free(rw.items);
	return rc;
}

int credit_grades(struct store *s, const struct credit_config *c, int32_t day, const char *region,
		  int (*cb)(void *, const struct credit_row *), void *ctx)
{
	return rows_run(s, c, day, region, false, true, cb, ctx);
}

int credit_due(struct store *s, const struct credit_config *c, int32_t day, const char *region,
	       bool all, int (*cb)(void *, const struct credit_row *), void *ctx)
{
	return rows_run(s, c, day, region, true, all, cb, ctx);
}

/* ---- the dishonest-employer list (Order 45) ---- */

static int date_msg(struct msg *err, enum msg_id id, int64_t day, const char *name)
{
	char d[DATE_BUFSZ];
	msg_set(err, id, name, date_format((int32_t)day, d), MSG_END);
	return WG_EINPUT;
}

static int propose(struct store *s, const struct credit_config *c, const struct credit_proposal *p,
		   bool referral, int64_t *id, struct msg *err)
{
	(void)c;
	struct credit_enterprise ent;
	int64_t live;
	bool criminal = false;
	*id = 0;
	if (!p->uscc || uscc_validate(p->uscc) != 0) {
		msg_set(err, MSG_CREDIT_USCC_BAD, "uscc", p->uscc ? p->uscc : "", MSG_END);
		return WG_EINPUT;
	}
	int rc = store_credit_enterprise(s, p->uscc, &ent);
	if (rc == WG_ENOTFOUND && !referral) {
		msg_set(err, MSG_CREDIT_NO_ENTERPRISE, "uscc", p->uscc, MSG_END);
		return WG_ENOTFOUND;
	}
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	bool known = rc == WG_OK;
	/* copies: the store's text lasts until its next call */
	char name_rep[160];
	snprintf(name_rep, sizeof name_rep, "%s",
		 p->legal_rep && *p->legal_rep    ? p->legal_rep
			 : known && ent.legal_rep ? ent.legal_rep
						  : "");
	int64_t region = known ? ent.region : p->region;
	if ((rc = store_credit_listing_live(s, p->uscc, p->on, &live)))
		return rc;
	if (live) {
		if (referral) /* already before the regulator: the referral adds nothing */
			return WG_OK;
		msg_set(err, MSG_CREDIT_LIST_LIVE, "uscc", p->uscc, MSG_END);
		msg_add_int(err, "id", (long long)live);
		return WG_ECONFLICT;
	}
	if ((rc = store_credit_criminal_warning(s, p->uscc, p->on, &criminal)))
		return rc;
	const char *grounds = p->grounds;
	if (referral) {
		/* the emitter's grounds when it names them, else what the warnings show */
		if (!grounds)
			grounds = criminal ? "criminal_threshold" : "referral";
	} else if (!grounds ||
		   (strcmp(grounds, "criminal_threshold") != 0 &&
		    strcmp(grounds, "mass_incident") != 0)) {
		msg_set(err, MSG_CREDIT_LIST_GROUNDS, "grounds", grounds ? grounds : "", MSG_END);
		return WG_EINPUT;
	} else if (strcmp(grounds, "criminal_threshold") == 0 && !criminal) {
		msg_set(err, MSG_CREDIT_LIST_NOT_CRIMINAL, "uscc", p->uscc, MSG_END);
		return WG_EINPUT;
	} else if (strcmp(grounds, "mass_incident") == 0 && (!p->reason || !*p->reason)) {
		msg_set(err, MSG_CREDIT_LIST_NEEDS_REASON, MSG_END);
		return WG_EINPUT;
	}
	if (!referral && p->deadline >= p->on)
		return date_msg(err, MSG_CREDIT_LIST_DEADLINE_OPEN, p->deadline, "deadline");
	if (!referral && !name_rep[0]) {
		msg_set(err, MSG_CREDIT_LIST_NEEDS_REP, "uscc", p->uscc, MSG_END);
		return WG_EINPUT;
	}
	struct credit_listing l = {
		.region = region,
		.deadline = p->deadline,
		.amount = p->amount,
		.workers = p->workers,
		.uscc = p->uscc,
		.status = "proposed",
		.grounds = grounds,
		.reason = p->reason,
		.source = p->source,
		.legal_rep = name_rep,
		.responsible = p->responsible,
		.proposed_on = p->on,
		.proposed_by = p->actor,
	};
	if ((rc = store_credit_listing_add(s, &l)))
		return rc;
	*id = l.id;
	return WG_OK;
}

/* Runs fn in a transaction of its own: committed when it returns 0. */
#define IN_TXN(s, call)                                                                            \
	do {                                                                                       \
		int rc_ = (s)->ops->begin(s);                                                      \
		if (rc_)                                                                           \
			return rc_;                                                                \
		rc_ = (call);                                                                      \
		return rc_ ? ((s)->ops->rollback(s), rc_) : (s)->ops->commit(s);                   \
	} while (0)

int credit_list_propose(struct store *s, const struct credit_config *c,
			const struct credit_proposal *p, int64_t *id, struct msg *err)
{
	IN_TXN(s, propose(s, c, p, false, id, err));
}

int credit_list_refer(struct store *s, const struct credit_config *c,
		      const struct credit_proposal *p, int64_t *id, struct msg *err)
{
	return propose(s, c, p, true, id, err);
}

/* Reads listing id into l (the store's text), WG_ENOTFOUND with err when there is none. */
static int get_listing(struct store *s, int64_t id, struct credit_listing *l, struct msg *err)
{
	int rc = store_credit_listing_get(s, id, l);
	if (rc == WG_ENOTFOUND) {
		msg_set(err, MSG_CREDIT_LIST_NOT_FOUND, MSG_END);
		msg_add_int(err, "id", (long long)id);
	}
	return rc;
}

static int wrong_state(struct msg *err, const struct credit_listing *l, const char *want)
{
	msg_set(err, MSG_CREDIT_LIST_STATE, "status", l->status, "want", want, MSG_END);
	msg_add_int(err, "id", (long long)l->id);
	return WG_ECONFLICT;
}

static int notify(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		  const char *actor, int32_t *due, struct msg *err)
{
	(void)actor;
	struct credit_listing l;
	struct calendar cal = CALENDAR_INIT;
	int rc = get_listing(s, id, &l, err);
	if (rc)
		return rc;
	if (strcmp(l.status, "proposed") != 0)
		return wrong_state(err, &l, "proposed");
	if (on < l.proposed_on)
		return date_msg(err, MSG_CREDIT_LIST_BEFORE, l.proposed_on, "day");
	if ((rc = store_credit_calendar(s, &cal)) == WG_OK) {
		*due = calendar_add_working_days(&cal, on, (int)c->statement_days);
		l.status = "notified";
		l.notified_on = on;
		l.statement_due = *due;
		rc = store_credit_listing_update(s, &l);
	}
	calendar_release(&cal);
	return rc;
}

int credit_list_notify(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       const char *actor, int32_t *due, struct msg *err)
{
	IN_TXN(s, notify(s, c, id, on, actor, due, err));
}

static int statement(struct store *s, int64_t id, int32_t on, const char *text, struct msg *err)
{
	struct credit_listing l;
	int rc = get_listing(s, id, &l, err);
	if (rc)
		return rc;
	if (strcmp(l.status, "notified") != 0)
		return wrong_state(err, &l, "notified");
	if (!text || !*text) {
		msg_set(err, MSG_CREDIT_LIST_NEEDS_TEXT, MSG_END);
		return WG_EINPUT;
	}
	if (on < l.notified_on)
		return date_msg(err, MSG_CREDIT_LIST_BEFORE, l.notified_on, "day");
	if (on > l.statement_due) /* an act on the deadline day is in time (SPEC §3) */
		return date_msg(err, MSG_CREDIT_LIST_STATEMENT_LATE, l.statement_due, "due");
	l.statement_on = on;
	l.statement = text;
	return store_credit_listing_update(s, &l);
}

int credit_list_statement(struct store *s, int64_t id, int32_t on, const char *text,
			  struct msg *err)
{
	IN_TXN(s, statement(s, id, on, text, err));
}

static int decide(struct store *s, const struct credit_config *c, int64_t id, int32_t on, bool list,
		  const char *note, const char *actor, struct msg *err)
{
	struct credit_listing l;
	int rc = get_listing(s, id, &l, err);
	if (rc)
		return rc;
	if (strcmp(l.status, "notified") != 0)
		return wrong_state(err, &l, "notified");
	/* the enterprise has until the end of the due day to state its case */
	if (l.statement_on < 0 && on <= l.statement_due)
		return date_msg(err, MSG_CREDIT_LIST_TOO_EARLY, l.statement_due, "due");
	if (on < l.notified_on || (l.statement_on >= 0 && on < l.statement_on))
		return date_msg(err, MSG_CREDIT_LIST_BEFORE,
				l.statement_on >= 0 ? l.statement_on : l.notified_on, "day");
	l.decided_on = on;
	l.decided_by = actor;
	l.decision_note = note;
	if (list) {
		l.status = "listed";
		l.listed_on = on;
		l.expires_on = credit_add_months(on, c->list_months);
	} else {
		l.status = "rejected";
	}
	return store_credit_listing_update(s, &l);
}

int credit_list_decide(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       bool list, const char *note, const char *actor, struct msg *err)
{
	IN_TXN(s, decide(s, c, id, on, list, note, actor, err));
}

static int removal(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		   int32_t paid_on, const char *commitment, bool revoke, const char *actor,
		   struct msg *err)
{
	struct credit_listing l;
	int rc = get_listing(s, id, &l, err);
	if (rc)
		return rc;
	if (strcmp(l.status, "listed") != 0)
		return wrong_state(err, &l, "listed");
	if (on < l.listed_on)
		return date_msg(err, MSG_CREDIT_LIST_BEFORE, l.listed_on, "day");
	if (on >= l.expires_on)
		return date_msg(err, MSG_CREDIT_LIST_EXPIRED, l.expires_on, "day");
	if (!commitment || !*commitment) {
		msg_set(err,
			revoke ? MSG_CREDIT_LIST_NEEDS_REASON : MSG_CREDIT_LIST_NEEDS_COMMITMENT,
			MSG_END);
		return WG_EINPUT;
	}
	if (!revoke) {
		if (paid_on < 0 || paid_on > on) {
			msg_set(err, MSG_CREDIT_LIST_NEEDS_PAID, MSG_END);
			return WG_EINPUT;
		}
		int32_t from = credit_add_months(paid_on, c->removal_months);
		if (on < from) {
			date_msg(err, MSG_CREDIT_LIST_REMOVAL_EARLY, from, "day");
			msg_add_int(err, "months", (long long)c->removal_months);
			return WG_EINPUT;
		}
	}
	l.status = "removed";
	l.removed_on = on;
	l.removal = revoke ? "revoked" : "early";
	l.paid_on = revoke ? -1 : paid_on;
	l.commitment = commitment;
	l.removed_by = actor;
	return store_credit_listing_update(s, &l);
}

int credit_list_remove(struct store *s, const struct credit_config *c, int64_t id, int32_t on,
		       int32_t paid_on, const char *commitment, bool revoke, const char *actor,
		       struct msg *err)
{
	IN_TXN(s, removal(s, c, id, on, paid_on, commitment, revoke, actor, err));
}

const char *credit_list_state(const struct credit_listing *l, int32_t day)
{
	if (l->listed_on >= 0) {
		if (day < l->listed_on)
			return "pending";
		if (l->removed_on >= 0 && day >= l->removed_on)
			return "removed";
		return day >= l->expires_on ? "expired" : "listed";
	}
	return l->status;
}

/* ---- publication ---- */

void credit_names(const char *joined, void (*cb)(void *, const char *, size_t), void *ctx)
{
	const char *p = joined ? joined : "";
	while (*p) {
		const char *q = strchr(p, ';');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		if (n)
			cb(ctx, p, n);
		p += n + (q != NULL);
	}
}

struct publish {
	struct store *s;
	int32_t day;
	int (*cb)(void *, const struct credit_listing *, const char *);
	void *ctx;
};

static int publish_one(void *ctx, const struct credit_listing *l)
{
	struct publish *p = ctx;
	if (strcmp(credit_list_state(l, p->day), "listed") != 0)
		return WG_OK;
	struct credit_enterprise e;
	char name[256] = "";
	int rc = store_credit_enterprise(p->s, l->uscc, &e);
	if (rc == WG_OK)
		snprintf(name, sizeof name, "%s", e.name);
	else if (rc != WG_ENOTFOUND)
		return rc;
	return p->cb(p->ctx, l, rc == WG_OK ? name : NULL);
}

int credit_list_public(struct store *s, int32_t day, const char *region,
		       int (*cb)(void *, const struct credit_listing *, const char *), void *ctx)
{
	struct publish p = {.s = s, .day = day, .cb = cb, .ctx = ctx};
	return store_credit_listings(s, NULL, region, publish_one, &p);
}

struct export_ctx {
	struct table_writer w;
};

static void join_names(void *ctx, const char *name, size_t n)
{
	struct dbuf *b = ctx;
	if (b->len)
		dbuf_adds(b, "、");
	dbuf_add(b, name, n);
}

static int export_row(void *ctx, const struct credit_listing *l, const char *name)
{
	struct export_ctx *x = ctx;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], region[24];
	struct dbuf resp = DBUF_INIT;
	credit_names(l->responsible, join_names, &resp);
	snprintf(region, sizeof region, "%06lld", (long long)l->region);
	struct table_cell cells[11] = {
		{.s = l->uscc},
		{.s = name},
		{.s = l->legal_rep},
		{.s = resp.len ? dbuf_str(&resp) : NULL},
		{.s = strcmp(l->grounds, "mass_incident") == 0 ? "拖欠工资引发群体性事件"
			 : strcmp(l->grounds, "criminal_threshold") == 0
			 ? "拖欠工资数额达到犯罪标准"
			 : "拖欠工资经责令限期支付逾期未付"},
		{.s = l->reason},
		{.i = l->amount},
		{.i = l->workers},
		{.s = date_format((int32_t)l->listed_on, d1)},
		{.s = date_format((int32_t)l->expires_on, d2)},
		{.s = region},
	};
	int rc = table_row(&x->w, cells);
	dbuf_release(&resp);
	return rc;
}

int credit_list_export(struct store *s, int32_t day, const char *region, int format,
		       const char *path, char *err, size_t errsz)
{
	static const struct table_col cols[11] = {
		{"统一社会信用代码", TCOL_TEXT, 22}, {"单位名称", TCOL_TEXT, 32},
		{"法定代表人", TCOL_TEXT, 12},       {"其他责任人", TCOL_TEXT, 18},
		{"列入事由", TCOL_TEXT, 28},         {"主要失信事实", TCOL_TEXT, 40},
		{"拖欠金额（元）", TCOL_MONEY, 14},  {"涉及人数", TCOL_INT, 10},
		{"列入日期", TCOL_TEXT, 12},         {"届满日期", TCOL_TEXT, 12},
		{"作出决定地区", TCOL_TEXT, 12},
	};
	struct export_ctx x;
	int rc = table_open(&x.w, (enum table_format)format, path, "失信联合惩戒名单", cols, 11);
	if (rc) {
		snprintf(err, errsz, "%s", x.w.err);
		return rc;
	}
	rc = credit_list_public(s, day, region, export_row, &x);
	if (rc && x.w.err[0])
		snprintf(err, errsz, "%s", x.w.err);
	int rc2 = table_close(&x.w);
	if (!rc && rc2)
		snprintf(err, errsz, "%s", x.w.err);
	return rc ? rc : rc2;
}

/* ---- the credit report (信用报告) ---- */

static const char *kind_zh(const char *kind)
{
	static const char *const k[][2] = {
		{"red_month", "项目当月出现红色欠薪预警"},
		{"case_substantiated", "投诉案件查实"},
		{"order_ignored", "逾期不执行限期支付指令"},
		{"deposit_activated", "动用工资保证金支付"},
		{"rectify_overdue", "逾期未按整改指令整改"},
		{"clean_period", "连续 12 个月无不良记录"},
	};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strcmp(k[i][0], kind) == 0)
			return k[i][1];
	return kind;
}

static const char *grounds_zh(const char *g)
{
	return strcmp(g, "criminal_threshold") == 0 ? "拖欠工资数额达到拒不支付劳动报酬罪标准"
		: strcmp(g, "mass_incident") == 0 ? "拖欠工资引发群体性事件"
						  : "逾期不执行限期支付指令（移送）";
}

static const char *state_zh(const char *st)
{
	static const char *const k[][2] = {
		{"proposed", "已提请"},     {"notified", "已告知，陈述申辩期内"},
		{"rejected", "决定不列入"}, {"listed", "列入中"},
		{"expired", "期满移出"},    {"removed", "已移出"},
		{"pending", "尚未生效"},
	};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strcmp(k[i][0], st) == 0)
			return k[i][1];
	return st;
}

static const char *cn_day(struct doc *d, int64_t day)
{
	int y, m, dd;
	if (day < 0)
		return "—";
	date_to_ymd((int32_t)day, &y, &m, &dd);
	return doc_strf(d, "%d年%d月%d日", y, m, dd);
}

struct report_ctx {
	struct doc *d;
	int32_t day;
	int n;
	/* grade changes from listings: day, 'L' listed / 'U' off the list */
	int64_t marks[64][2];
	int nmarks;
};

static int report_listing(void *ctx, const struct credit_listing *l)
{
	struct report_ctx *r = ctx;
	struct doc *d = r->d;
	char amount[MONEY_BUFSZ];
	const char *state = credit_list_state(l, r->day);
	const char *cells[7] = {
		doc_strf(d, "%lld", (long long)l->id),
		grounds_zh(l->grounds),
		state_zh(state),
		cn_day(d, l->proposed_on),
		cn_day(d, l->listed_on),
		l->listed_on >= 0 ? cn_day(d,
					   l->removed_on >= 0 && l->removed_on < l->expires_on
						   ? l->removed_on
						   : l->expires_on)
				  : "—",
		doc_str(d, money_format(l->amount, amount)),
	};
	doc_row(d, false, cells);
	r->n++;
	if (l->listed_on >= 0 && l->listed_on <= r->day && r->nmarks + 2 <= 64) {
		r->marks[r->nmarks][0] = l->listed_on, r->marks[r->nmarks++][1] = 'L';
		int64_t end = l->removed_on >= 0 && l->removed_on < l->expires_on ? l->removed_on
										  : l->expires_on;
		if (end <= r->day)
			r->marks[r->nmarks][0] = end, r->marks[r->nmarks++][1] = 'U';
	}
	return WG_OK;
}

int credit_report(struct store *s, const struct credit_config *c, const char *uscc, int32_t day,
		  struct doc *d)
{
	struct credit_enterprise e;
	struct credit_view v;
	char name[256] = "", rep[128] = "—", region[24] = "—";
	int rc = store_credit_enterprise(s, uscc, &e);
	if (rc == WG_OK) {
		snprintf(name, sizeof name, "%s", e.name);
		if (e.legal_rep && *e.legal_rep)
			snprintf(rep, sizeof rep, "%s", e.legal_rep);
		snprintf(region, sizeof region, "%06lld", (long long)e.region);
	} else if (rc != WG_ENOTFOUND) {
		return rc;
	}
	if ((rc = credit_view(s, c, uscc, day, true, &v)))
		return rc;
	doc_title(d, "企业工资支付信用报告", name[0] ? name : uscc);
	doc_heading(d, "一、基本信息");
	doc_field(d, "单位名称", name[0] ? name : "（未在平台登记）");
	doc_field(d, "统一社会信用代码", uscc);
	doc_field(d, "法定代表人", rep);
	doc_field(d, "所在地区（区划代码）", region);
	doc_field(d, "报告截至", cn_day(d, day));
	doc_field(d, "信用分", doc_strf(d, "%lld", (long long)v.score));
	doc_field(d, "信用等级", doc_strf(d, "%c 级", v.grade));
	doc_field(d, "失信联合惩戒名单",
		  v.listed ? doc_strf(d, "列入中（自%s起）", cn_day(d, v.listed_since)) : "未列入");
	doc_field(d, "日常检查频次",
		  doc_strf(d, "每 %lld 个月", (long long)credit_interval(c, v.grade)));

	/* the listing procedures first into a table of their own (section 四), collecting the
	 * days the grade was forced to D */
	struct report_ctx r = {.d = d, .day = day};

	doc_heading(d, "二、信用等级变化");
	static const char *const hh[4] = {"日期", "变化", "信用分", "等级"};
	static const double hw[4] = {1.2, 2.6, 0.8, 0.8};
	static const enum doc_align ha[4] = {DOC_LEFT, DOC_LEFT, DOC_RIGHT, DOC_CENTER};
	/* listing marks are read before drawing the history */
	struct report_ctx probe = {.d = d, .day = day};
	struct doc scratch = DOC_INIT;
	probe.d = &scratch;
	doc_table(&scratch, 7, (const char *const[7]){"", "", "", "", "", "", ""},
		  (const double[7]){1, 1, 1, 1, 1, 1, 1},
		  (const enum doc_align[7]){DOC_LEFT, DOC_LEFT, DOC_LEFT, DOC_LEFT, DOC_LEFT,
					    DOC_LEFT, DOC_LEFT});
	rc = store_credit_listings(s, uscc, NULL, report_listing, &probe);
	doc_release(&scratch);
	if (rc) {
		credit_view_release(&v);
		return rc;
	}
	doc_table(d, 4, hh, hw, ha);
	char grade = 'A';
	int64_t score = c->start;
	bool listed = false;
	size_t li = 0;
	int rows = 0;
	for (;;) {
		/* the next change: a line of the file, or a listing's start or end */
		int64_t next_line = li < v.n ? v.lines[li].on : INT64_MAX;
		int mk = -1;
		for (int k = 0; k < probe.nmarks; k++)
			if (probe.marks[k][0] != INT64_MIN &&
			    (mk < 0 || probe.marks[k][0] < probe.marks[mk][0]))
				mk = k;
		if (li >= v.n && mk < 0)
			break;
		const char *what;
		int64_t on;
		if (mk >= 0 && probe.marks[mk][0] <= next_line) {
			on = probe.marks[mk][0];
			listed = probe.marks[mk][1] == 'L';
			what = listed ? "列入失信联合惩戒名单" : "移出失信联合惩戒名单";
			probe.marks[mk][0] = INT64_MIN;
		} else {
			on = v.lines[li].on;
			score = v.lines[li].score;
			what = kind_zh(v.lines[li].kind);
			li++;
		}
		char g = credit_grade(c, score, listed);
		if (g != grade || strcmp(what, "列入失信联合惩戒名单") == 0 ||
		    strcmp(what, "移出失信联合惩戒名单") == 0) {
			const char *cells[4] = {
				cn_day(d, on), doc_strf(d, "%s：%c → %c", what, grade, g),
				doc_strf(d, "%lld", (long long)score), doc_strf(d, "%c", g)};
			doc_row(d, false, cells);
			rows++;
			grade = g;
		}
	}
	if (!rows)
		doc_para(d, "报告期内信用等级未发生变化，保持 A 级。");

	doc_heading(d, "三、信用事件及来源");
	static const char *const eh[6] = {"日期", "事件",   "来源记录",
					  "分值", "变动后", "金额（元）"};
	static const double ew[6] = {1.1, 2.0, 2.0, 0.6, 0.7, 1.0};
	static const enum doc_align ea[6] = {DOC_LEFT,  DOC_LEFT,  DOC_LEFT,
					     DOC_RIGHT, DOC_RIGHT, DOC_RIGHT};
	if (v.n) {
		doc_table(d, 6, eh, ew, ea);
		for (size_t i = 0; i < v.n; i++) {
			const struct credit_line *l = &v.lines[i];
			char amount[MONEY_BUFSZ];
			const char *cells[6] = {
				cn_day(d, l->on),
				kind_zh(l->kind),
				doc_str(d, l->source),
				doc_strf(d, "%+lld", (long long)l->delta),
				doc_strf(d, "%lld", (long long)l->score),
				l->amount ? doc_str(d, money_format(l->amount, amount)) : "—"};
			doc_row(d, false, cells);
		}
	} else {
		doc_para(d, "没有信用事件：信用分 100，A 级。");
	}

	doc_heading(d, "四、失信联合惩戒名单记录");
	static const char *const lh[7] = {"编号",     "事由",       "状态",          "提请日期",
					  "列入日期", "移出或届满", "拖欠金额（元）"};
	static const double lw[7] = {0.5, 2.2, 1.2, 1.2, 1.2, 1.2, 1.0};
	static const enum doc_align la[7] = {DOC_RIGHT, DOC_LEFT, DOC_LEFT, DOC_LEFT,
					     DOC_LEFT,  DOC_LEFT, DOC_RIGHT};
	if (probe.n) {
		doc_table(d, 7, lh, lw, la);
		rc = store_credit_listings(s, uscc, NULL, report_listing, &r);
	} else {
		doc_para(d, "无。");
	}

	doc_heading(d, "五、说明");
	doc_note(
		d,
		doc_strf(
			d,
			"信用分自 %lld 分起算：项目当月出现红色欠薪预警（逾期未足额支付、"
			"有考勤无工资表）每个项目每月扣 %lld 分，投诉案件查实扣 %lld 分，逾期不执行"
			"限期支付指令扣 %lld 分，动用工资保证金扣 %lld 分，逾期未整改扣 %lld 分；"
			"自最近一次不良记录起每满 %lld 个月无不良记录加 %lld 分，最高 %lld 分。",
			(long long)c->start, (long long)c->red_month, (long long)c->cased,
			(long long)c->order, (long long)c->deposit, (long long)c->rectify,
			(long long)c->bonus_months, (long long)c->bonus, (long long)c->cap));
	doc_note(
		d,
		doc_strf(
			d,
			"信用等级：%lld 分及以上为 A 级，%lld–%lld 分为 B 级，%lld–%lld 分为 C 级，"
			"%lld 分以下或列入失信联合惩戒名单为 D 级。日常检查频次：A 级每 %lld 个月，"
			"B 级每 %lld 个月，C 级每 %lld 个月，D 级每 %lld 个月。",
			(long long)c->grade_a, (long long)c->grade_b, (long long)c->grade_a - 1,
			(long long)c->grade_c, (long long)c->grade_b - 1, (long long)c->grade_c,
			(long long)c->interval[0], (long long)c->interval[1],
			(long long)c->interval[2], (long long)c->interval[3]));
	doc_note(d, "本报告由平台依据信用事件及其来源记录自动生成，可按报告截至日重新计算核验。");
	doc_sign(d, "农民工工资支付监管平台");
	doc_sign(d, cn_day(d, day));
	credit_view_release(&v);
	return rc ? rc : doc_status(d);
}
