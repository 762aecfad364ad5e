/* deposit.c — the wage guarantee deposit (domain/deposit.h): configuration per region, the
 * project life cycle, the quote of SPEC §7 with its factors, lodging, activation,
 * replenishment, return, and the deposit warnings of the scan. */
#include "domain/deposit.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/ledger.h"
#include "domain/links.h"
#include "domain/record.h"
#include "store/config.h"
#include "store/warn.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

/* 3,000,000.00: below it a contract with no arrears in the preceding year is exempt (must) */
#define SMALL_CONTRACT 300000000LL

/* ---- configuration --------------------------------------------------------------------- */

const struct deposit_config_key deposit_config_keys[] = {
	{"rate", "0.02", "deposit rate of the contract value (0.01 to 0.03)"},
	{"cap", "none", "largest deposit in yuan, or none"},
	{"industries", "housing,municipal,transport,water,railway,other",
	 "industries whose projects need a deposit (comma-separated, or none)"},
	{"interest", "0.0035", "yearly interest rate paid on cash deposits when returned"},
	{"replenish_days", "10", "working days to replenish a deposit after an activation"},
	{"missing_days", "30", "days after a project's start by which its deposit is lodged"},
	{"expiring_days", "30", "days before a guarantee's expiry that DEPOSIT_EXPIRING warns"},
	{"notice_days", "30", "days a deposit-return notice runs before the return"},
};
const int deposit_config_nkeys = (int)(sizeof deposit_config_keys / sizeof deposit_config_keys[0]);

static const char *const industries[] = {"housing", "municipal", "transport",
					 "water",   "railway",   "other"};

int deposit_rate_parse(const char *s, int64_t *ppm)
{
	if (strncmp(s, "0.", 2) != 0 || !s[2])
		return strcmp(s, "0") == 0 ? (*ppm = 0, 0) : -1;
	int64_t v = 0;
	int digits = 0;
	for (const char *p = s + 2; *p; p++) {
		if (!isdigit((unsigned char)*p) || ++digits > 6)
			return -1;
		v = v * 10 + (*p - '0');
	}
	while (digits++ < 6)
		v *= 10;
	*ppm = v;
	return 0;
}

char *deposit_rate_format(int64_t ppm, char *buf)
{
	char d[8];
	snprintf(d, sizeof d, "%06" PRId64, ppm % 1000000);
	int n = 6;
	while (n > 2 && d[n - 1] == '0')
		n--;
	snprintf(buf, 16, "%d.%.*s", (int)(ppm / 1000000 % 10), n, d);
	return buf;
}

bool deposit_config_owns(const char *key)
{
	return strncmp(key, "deposit.", 8) == 0 || strncmp(key, "fund.", 5) == 0;
}

static int check_value(const char *family, const char *name, const char *value, char *err,
		       size_t errsz)
{
	int64_t v;
	if (strcmp(family, "fund") == 0) {
		if (strcmp(name, "cap") != 0) {
			snprintf(err, errsz, "fund.%s: unknown key (fund.cap, fund.<code>.cap)",
				 name);
			return WG_EINPUT;
		}
		if (value && (money_parse(value, &v) || v <= 0)) {
			snprintf(err, errsz, "fund.cap: '%s' is not a positive amount in yuan",
				 value);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	int k = -1;
	for (int i = 0; i < deposit_config_nkeys; i++)
		if (strcmp(deposit_config_keys[i].name, name) == 0)
			k = i;
	if (k < 0) {
		snprintf(err, errsz, "deposit.%s: unknown key", name);
		return WG_EINPUT;
	}
	if (!value)
		return WG_OK;
	if (strcmp(name, "rate") == 0) {
		if (deposit_rate_parse(value, &v) || v < 10000 || v > 30000) {
			snprintf(err, errsz, "deposit.rate: '%s' is not a rate from 0.01 to 0.03",
				 value);
			return WG_EINPUT;
		}
	} else if (strcmp(name, "interest") == 0) {
		if (deposit_rate_parse(value, &v) || v > 200000) {
			snprintf(err, errsz,
				 "deposit.interest: '%s' is not a yearly rate from 0 to 0.2",
				 value);
			return WG_EINPUT;
		}
	} else if (strcmp(name, "cap") == 0) {
		if (strcmp(value, "none") != 0 && (money_parse(value, &v) || v <= 0)) {
			snprintf(err, errsz, "deposit.cap: '%s' is not 'none' or a positive amount",
				 value);
			return WG_EINPUT;
		}
	} else if (strcmp(name, "industries") == 0) {
		if (strcmp(value, "none") == 0)
			return WG_OK;
		const char *p = value;
		while (*p) {
			size_t n = strcspn(p, ",");
			bool ok = false;
			for (size_t i = 0; i < sizeof industries / sizeof *industries; i++)
				ok |= strlen(industries[i]) == n &&
					strncmp(industries[i], p, n) == 0;
			if (!ok) {
				snprintf(err, errsz,
					 "deposit.industries: '%.*s' is not one of housing, "
					 "municipal, transport, water, railway, other",
					 (int)n, p);
				return WG_EINPUT;
			}
			p += n + (p[n] == ',');
		}
	} else {
		char *end;
		long d = strtol(value, &end, 10);
		if (!*value || *end || d < 1 || d > 3660) {
			snprintf(err, errsz,
				 "deposit.%s: '%s' is not a whole number from 1 to 3660", name,
				 value);
			return WG_EINPUT;
		}
	}
	return WG_OK;
}

int deposit_config_check(const char *key, const char *value, char *err, size_t errsz)
{
	const char *family = strncmp(key, "fund.", 5) == 0 ? "fund" : "deposit";
	const char *rest = key + strlen(family) + 1;
	const char *dot = strchr(rest, '.');
	if (dot) {
		size_t n = (size_t)(dot - rest);
		bool digits = n == 2 || n == 4 || n == 6;
		for (size_t i = 0; i < n && digits; i++)
			digits = isdigit((unsigned char)rest[i]);
		if (!digits || rest[0] == '0') {
			snprintf(err, errsz,
				 "%s: '%.*s' is not a region code of 2, 4 or 6 digits "
				 "(%s.<code>.%s)",
				 key, (int)n, rest, family, dot + 1);
			return WG_EINPUT;
		}
		rest = dot + 1;
	}
	return check_value(family, rest, value, err, errsz);
}

int deposit_config_value(struct store *s, const char *family, int64_t region, const char *name,
			 char *buf, size_t n, char *source, size_t sourcesz)
{
	const int64_t div[3] = {1, 100, 10000};
	char key[96];
	for (int i = 0; i < 4; i++) {
		if (i < 3 && region > 0)
			snprintf(key, sizeof key, "%s.%" PRId64 ".%s", family, region / div[i],
				 name);
		else if (i < 3)
			continue;
		else
			snprintf(key, sizeof key, "%s.%s", family, name);
		int rc = store_config_get(s, key, buf, n);
		if (rc == WG_OK) {
			if (source)
				snprintf(source, sourcesz, "%s", key);
			return WG_OK;
		}
		if (rc != WG_ENOTFOUND)
			return rc;
	}
	return WG_ENOTFOUND;
}

int deposit_config_load(struct store *s, int64_t region, struct deposit_config *c)
{
	memset(c, 0, sizeof *c);
	for (int k = 0; k < deposit_config_nkeys; k++) {
		char v[192];
		int rc = deposit_config_value(s, "deposit", region, deposit_config_keys[k].name, v,
					      sizeof v, c->source[k], sizeof c->source[k]);
		if (rc == WG_ENOTFOUND) {
			snprintf(v, sizeof v, "%s", deposit_config_keys[k].fallback);
			snprintf(c->source[k], sizeof c->source[k], "default");
		} else if (rc) {
			return rc;
		}
		/* a value stored behind the checks (SQL) falls back to the default */
		char err[160];
		if (check_value("deposit", deposit_config_keys[k].name, v, err, sizeof err)) {
			snprintf(v, sizeof v, "%s", deposit_config_keys[k].fallback);
			snprintf(c->source[k], sizeof c->source[k], "default");
		}
		switch (k) {
		case 0: deposit_rate_parse(v, &c->rate_ppm); break;
		case 1:
			if (strcmp(v, "none") == 0 || money_parse(v, &c->cap))
				c->cap = -1;
			break;
		case 2: snprintf(c->industries, sizeof c->industries, "%s", v); break;
		case 3: deposit_rate_parse(v, &c->interest_ppm); break;
		case 4: c->replenish_days = (int)strtol(v, NULL, 10); break;
		case 5: c->missing_days = (int)strtol(v, NULL, 10); break;
		case 6: c->expiring_days = (int)strtol(v, NULL, 10); break;
		case 7: c->notice_days = (int)strtol(v, NULL, 10); break;
		}
	}
	return WG_OK;
}

static bool industry_required(const struct deposit_config *c, const char *industry)
{
	size_t n = strlen(industry);
	for (const char *p = c->industries; *p;) {
		size_t k = strcspn(p, ",");
		if (k == n && strncmp(p, industry, n) == 0)
			return true;
		p += k + (p[k] == ',');
	}
	return false;
}

/* ---- dates ------------------------------------------------------------------------------ */

/* The same day n years earlier (29 February becomes 28 February). */
static int32_t years_before(int32_t day, int n)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	y -= n;
	int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

static json_t *jdate(int64_t day)
{
	char b[DATE_BUFSZ];
	return day < 0 ? json_null() : json_string(date_format((int32_t)day, b));
}

static json_t *jmoney(int64_t fen)
{
	char b[MONEY_BUFSZ];
	return json_string(money_format(fen, b));
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* ---- life cycle ------------------------------------------------------------------------- */

static const char *const phase_names[] = {"not_started", "started", "suspended", "completed",
					  "settled"};

const char *project_phase_name(enum project_phase p)
{
	return phase_names[p];
}

struct events {
	struct ev {
		char event[16], note[256];
		int32_t date;
		bool has_note;
	} * e;
	int n, alloc;
};

static int collect_event(void *ctx, const struct project_event *e)
{
	struct events *v = ctx;
	if (v->n == v->alloc) {
		int na = v->alloc ? 2 * v->alloc : 8;
		void *p = realloc(v->e, (size_t)na * sizeof *v->e);
		if (!p)
			return WG_ENOMEM;
		v->e = p;
		v->alloc = na;
	}
	struct ev *x = &v->e[v->n++];
	snprintf(x->event, sizeof x->event, "%s", e->event);
	snprintf(x->note, sizeof x->note, "%s", e->note ? e->note : "");
	x->has_note = e->note != NULL;
	x->date = (int32_t)e->date;
	return 0;
}

static int event_rank(const char *e)
{
	static const char *const order[] = {"started", "suspended", "resumed", "completed",
					    "settled"};
	for (int i = 0; i < 5; i++)
		if (strcmp(order[i], e) == 0)
			return i;
	return -1;
}

static int cmp_ev(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return event_rank(x->event) - event_rank(y->event);
}

/* Applies event e to state st: false when it does not fit. */
static bool apply_event(struct project_state *st, const char *e, int32_t date)
{
	switch (event_rank(e)) {
	case 0:
		if (st->phase != PHASE_NOT_STARTED)
			return false;
		st->phase = PHASE_STARTED, st->started_on = date;
		return true;
	case 1:
		if (st->phase != PHASE_STARTED)
			return false;
		st->phase = PHASE_SUSPENDED, st->suspended_on = date;
		return true;
	case 2:
		if (st->phase != PHASE_SUSPENDED)
			return false;
		st->phase = PHASE_STARTED, st->suspended_on = -1;
		return true;
	case 3:
		if (st->phase != PHASE_STARTED)
			return false;
		st->phase = PHASE_COMPLETED, st->completed_on = date;
		return true;
	case 4:
		if (st->phase != PHASE_COMPLETED)
			return false;
		st->phase = PHASE_SETTLED, st->settled_on = date;
		return true;
	}
	return false;
}

static void state_init(struct project_state *st)
{
	*st = (struct project_state){PHASE_NOT_STARTED, -1, -1, -1, -1};
}

int lifecycle_state(struct store *s, int64_t project, int32_t day, struct project_state *out)
{
	struct events v = {0};
	int rc = store_project_events(s, project, collect_event, &v);
	state_init(out);
	/* imported events are applied as far as they fit: a stray one does not hide the rest */
	for (int i = 0; !rc && i < v.n && v.e[i].date <= day; i++)
		apply_event(out, v.e[i].event, v.e[i].date);
	free(v.e);
	return rc;
}

json_t *lifecycle_json(struct store *s, int64_t project)
{
	struct events v = {0};
	json_t *a = json_array();
	if (store_project_events(s, project, collect_event, &v)) {
		free(v.e);
		json_decref(a);
		return NULL;
	}
	for (int i = 0; i < v.n; i++)
		json_array_append_new(
			a,
			json_pack("{s:s, s:o, s:o}", "event", v.e[i].event, "date",
				  jdate(v.e[i].date), "note",
				  v.e[i].has_note ? json_string(v.e[i].note) : json_null()));
	free(v.e);
	return a;
}

int lifecycle_record(struct store *s, const char *code, const char *event, int32_t day,
		     const char *note, struct msg *err)
{
	char dbuf[DATE_BUFSZ];
	if (event_rank(event) < 0) {
		msg_set(err, MSG_DEPOSIT_EVENT_UNKNOWN, "event", event, MSG_END);
		return WG_EINPUT;
	}
	struct dep_project p;
	struct events v = {0};
	struct ledger_writer w;
	struct dbuf line = DBUF_INIT;
	bool writer = false;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	if ((rc = store_dep_project(s, code, &p))) {
		if (rc == WG_ENOTFOUND)
			msg_set(err, MSG_DEPOSIT_NO_PROJECT, "project", code, MSG_END);
		goto fail;
	}
	if ((rc = store_project_events(s, p.id, collect_event, &v)))
		goto fail;
	for (int i = 0; i < v.n; i++)
		if (v.e[i].date == day && strcmp(v.e[i].event, event) == 0) {
			free(v.e); /* recorded already: nothing changes (as a re-import) */
			s->ops->rollback(s);
			return WG_OK;
		}
	if ((rc = collect_event(&v, &(struct project_event){.event = event, .date = day})))
		goto fail;
	qsort(v.e, (size_t)v.n, sizeof *v.e, cmp_ev);
	struct project_state st;
	state_init(&st);
	for (int i = 0; i < v.n; i++)
		if (!apply_event(&st, v.e[i].event, v.e[i].date)) {
			msg_set(err, MSG_DEPOSIT_EVENT_MISFIT, "event", v.e[i].event, "date",
				date_format(v.e[i].date, dbuf), "phase",
				project_phase_name(st.phase), MSG_END);
			rc = WG_EINPUT;
			goto fail;
		}
	struct rec r = {.kind = REC_PROJECT_EVENT};
	r.v[0].s = code;
	r.v[1].s = event;
	r.v[2].i = day;
	r.v[3].null = !note || !*note;
	r.v[3].s = note;
	if ((rc = ledger_writer_init(&w, s)))
		goto fail;
	writer = true;
	if (record_canon(&r, &line) < 0) {
		rc = WG_ENOMEM;
		goto fail;
	}
	if ((rc = s->ops->rec_insert(s, &r, ledger_next_seq(&w))) ||
	    (rc = ledger_add_line(&w, "project_events", dbuf_str(&line))) ||
	    (rc = ledger_flush(&w)) || (rc = s->ops->commit(s)))
		goto fail;
	ledger_writer_release(&w);
	dbuf_release(&line);
	free(v.e);
	return WG_OK;
fail:
	if (rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	s->ops->rollback(s);
	if (writer)
		ledger_writer_release(&w);
	dbuf_release(&line);
	free(v.e);
	return rc;
}

/* ---- the quote --------------------------------------------------------------------------- */

struct qwarn {
	char rule[24], project[72], worker[24];
	int64_t period, first_seen, amount;
	bool red, has_worker;
};

struct qwarns {
	struct qwarn *w;
	size_t n, alloc;
};

static int collect_warning(void *ctx, const struct dep_warning *w)
{
	struct qwarns *v = ctx;
	if (v->n == v->alloc) {
		size_t na = v->alloc ? 2 * v->alloc : 16;
		void *p = realloc(v->w, na * sizeof *v->w);
		if (!p)
			return WG_ENOMEM;
		v->w = p;
		v->alloc = na;
	}
	struct qwarn *x = &v->w[v->n++];
	snprintf(x->rule, sizeof x->rule, "%s", w->rule);
	snprintf(x->project, sizeof x->project, "%s", w->project);
	snprintf(x->worker, sizeof x->worker, "%s", w->worker ? w->worker : "");
	x->has_worker = w->worker != NULL;
	x->period = w->period;
	x->first_seen = w->first_seen;
	x->amount = w->amount;
	x->red = w->red;
	return 0;
}

static json_t *warning_json(const struct qwarn *w)
{
	char per[PERIOD_BUFSZ], masked[32];
	return json_pack(
		"{s:s, s:s, s:o, s:o, s:o, s:o, s:b}", "rule", w->rule, "project", w->project,
		"worker", w->has_worker ? json_string(mask_id(w->worker, masked)) : json_null(),
		"period",
		w->period >= 0 ? json_string(period_format((int32_t)w->period, per)) : json_null(),
		"first_seen", jdate(w->first_seen), "amount", jmoney(w->amount), "red", w->red);
}

/* Owned copies of the project's text (the store's keep area is reused by later calls). */
struct qtext {
	char code[72], name[256], industry[16], contractor[24], contractor_name[256];
};

static void quote_keep(struct deposit_quote *q, struct qtext *t)
{
	snprintf(t->code, sizeof t->code, "%s", q->p.code);
	snprintf(t->name, sizeof t->name, "%s", q->p.name);
	snprintf(t->industry, sizeof t->industry, "%s", q->p.industry);
	snprintf(t->contractor, sizeof t->contractor, "%s", q->p.contractor);
	snprintf(t->contractor_name, sizeof t->contractor_name, "%s", q->p.contractor_name);
	q->p.code = t->code;
	q->p.name = t->name;
	q->p.industry = t->industry;
	q->p.contractor = t->contractor;
	q->p.contractor_name = t->contractor_name;
}

static _Thread_local struct qtext quote_text;

int deposit_quote(struct store *s, const char *code, int32_t day, struct deposit_quote *q)
{
	memset(q, 0, sizeof *q);
	q->as_of = day;
	int rc = store_dep_project(s, code, &q->p);
	if (rc)
		return rc;
	quote_keep(q, &quote_text);
	if ((rc = deposit_config_load(s, q->p.region, &q->cfg)))
		return rc;
	struct qwarns ws = {0};
	int32_t from[4];
	for (int n = 1; n <= 3; n++)
		from[n] = years_before(day, n);
	bool listed = false, arrears[4] = {0}, cases[4] = {0}, history[4] = {0}, viol3 = false;
	int32_t since = 0;
	int64_t earliest = 0;
	bool any_project = false;
	if ((rc = store_dep_warnings(s, q->p.contractor_id, from[3], day, collect_warning, &ws)) ||
	    (rc = link_listed(s, q->p.contractor, day, &listed, &since)) ||
	    (rc = store_dep_earliest_start(s, q->p.contractor_id, &earliest, &any_project)))
		goto done;
	for (int n = 1; n <= 3 && !rc; n++) {
		rc = link_substantiated_in(s, q->p.contractor, from[n], day, &cases[n]);
		history[n] = any_project && earliest <= from[n];
	}
	if (rc)
		goto done;
	q->factors = json_array();
	char rate[16];
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:s, s:s}", "factor", "rate", "value",
					deposit_rate_format(q->cfg.rate_ppm, rate), "source",
					q->cfg.source[0]));
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:o, s:s}", "factor", "cap", "value",
					q->cfg.cap >= 0 ? jmoney(q->cfg.cap) : json_null(),
					"source", q->cfg.source[1]));
	q->required = industry_required(&q->cfg, q->p.industry);
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:s, s:b, s:s}", "factor", "industry", "industry",
					q->p.industry, "required", q->required, "source",
					q->cfg.source[2]));
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:b, s:o}", "factor", "listed", "value", listed,
					"since", listed ? jdate(since) : json_null()));
	for (int n = 1; n <= 3; n++) {
		json_t *recs = json_array();
		for (size_t i = 0; i < ws.n; i++)
			if (strcmp(ws.w[i].rule, "UNPAID") == 0 && ws.w[i].red &&
			    ws.w[i].first_seen > from[n]) {
				arrears[n] = true;
				json_array_append_new(recs, warning_json(&ws.w[i]));
			}
		arrears[n] |= cases[n];
		json_array_append_new(q->factors,
				      json_pack("{s:s, s:i, s:o, s:o, s:b, s:b, s:o}", "factor",
						"arrears", "years", n, "after", jdate(from[n]),
						"through", jdate(day), "value", arrears[n],
						"substantiated_case", cases[n], "warnings", recs));
	}
	json_t *vrecs = json_array();
	for (size_t i = 0; i < ws.n; i++)
		if (strcmp(ws.w[i].rule, "UNPAID") != 0) {
			viol3 = true;
			json_array_append_new(vrecs, warning_json(&ws.w[i]));
		}
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:i, s:o, s:o, s:b, s:o}", "factor", "violations",
					"years", 3, "after", jdate(from[3]), "through", jdate(day),
					"value", viol3, "warnings", vrecs));
	for (int n = 2; n <= 3; n++)
		json_array_append_new(q->factors,
				      json_pack("{s:s, s:i, s:o, s:o, s:b}", "factor", "history",
						"years", n, "earliest_start",
						any_project ? jdate(earliest) : json_null(),
						"needed_by", jdate(from[n]), "value", history[n]));
	bool small = q->p.contract_value < SMALL_CONTRACT;
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:o, s:o, s:b}", "factor", "small_contract",
					"contract_value", jmoney(q->p.contract_value), "below",
					jmoney(SMALL_CONTRACT), "value", small));
	/* the decision of SPEC §7, in its order */
	if (!q->required)
		q->exempt = true, q->reason = q->rule = "industry_not_required";
	else if (listed)
		q->m2 = 2 + (arrears[2] ? 1 : 0) + 2, q->rule = "listed";
	else if (small && !arrears[1])
		q->exempt = true, q->reason = q->rule = "small_contract";
	else if (!arrears[3] && !viol3 && history[3])
		q->exempt = true, q->reason = q->rule = "clean_record";
	else if (arrears[2])
		q->m2 = 3, q->rule = "arrears_2y";
	else if (history[2])
		q->m2 = 1, q->rule = "clean_2y";
	else
		q->m2 = 2, q->rule = "base";
	if (!q->exempt) {
		__int128 num = (__int128)q->p.contract_value * q->cfg.rate_ppm * q->m2;
		__int128 amt = (num + 1000000) / 2000000;
		q->uncapped = amt > INT64_MAX ? INT64_MAX : (int64_t)amt;
		q->amount = q->uncapped;
		if (q->cfg.cap >= 0 && q->amount > q->cfg.cap)
			q->amount = q->cfg.cap, q->capped = true;
	}
	char mult[32];
	snprintf(mult, sizeof mult, "%d.%d", q->m2 / 2, q->m2 % 2 ? 5 : 0);
	json_array_append_new(q->factors,
			      json_pack("{s:s, s:s, s:s, s:o, s:b}", "factor", "multiplier", "rule",
					q->rule, "value", mult, "uncapped", jmoney(q->uncapped),
					"capped", q->capped));
done:
	free(ws.w);
	if (rc) {
		json_decref(q->factors);
		q->factors = NULL;
	}
	return rc;
}

json_t *deposit_quote_json(const struct deposit_quote *q)
{
	char rate[16], mult[32], day[DATE_BUFSZ];
	snprintf(mult, sizeof mult, "%d.%d", q->m2 / 2, q->m2 % 2 ? 5 : 0);
	json_t *j =
		json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:b, s:o, s:o, s:O}", "project",
			  q->p.code, "contractor", q->p.contractor, "as_of",
			  date_format(q->as_of, day), "contract_value", jmoney(q->p.contract_value),
			  "rate", deposit_rate_format(q->cfg.rate_ppm, rate), "multiplier", mult,
			  "exempt", q->exempt, "reason", jstr(q->exempt ? q->reason : NULL),
			  "amount", jmoney(q->amount), "factors", q->factors);
	return j;
}

void deposit_quote_release(struct deposit_quote *q)
{
	json_decref(q->factors);
	q->factors = NULL;
}

/* ---- deposits ------------------------------------------------------------------------------ */

static const char *const forms[] = {"cash", "bank_guarantee", "insurance", "guarantor"};

bool deposit_form_known(const char *form)
{
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (strcmp(forms[i], form) == 0)
			return true;
	return false;
}

struct deps {
	struct deposit *d;
	char (*text)[8][128];
	size_t n, alloc;
};

/* Copies a listed deposit with its text (the list's rows are gone after the callback). */
static int collect_deposit(void *ctx, const struct deposit *d)
{
	struct deps *v = ctx;
	if (v->n == v->alloc) {
		size_t na = v->alloc ? 2 * v->alloc : 8;
		void *p = realloc(v->d, na * sizeof *v->d), *t;
		if (!p)
			return WG_ENOMEM;
		v->d = p;
		if (!(t = realloc(v->text, na * sizeof *v->text)))
			return WG_ENOMEM;
		v->text = t;
		v->alloc = na;
	}
	struct deposit *x = &v->d[v->n];
	*x = *d;
	const char **f[8] = {&x->project, &x->contractor, &x->contractor_name, &x->form,
			     &x->number,  &x->issuer,     &x->status,          &x->actor};
	for (int i = 0; i < 8; i++) {
		snprintf(v->text[v->n][i], sizeof v->text[v->n][i], "%s", *f[i] ? *f[i] : "");
		*f[i] = *f[i] ? v->text[v->n][i] : NULL;
	}
	v->n++;
	return 0;
}

/* Re-points the text of deposits after the arrays moved (realloc). */
static void deps_fix(struct deps *v)
{
	for (size_t k = 0; k < v->n; k++) {
		struct deposit *x = &v->d[k];
		const char **f[8] = {&x->project, &x->contractor, &x->contractor_name, &x->form,
				     &x->number,  &x->issuer,     &x->status,          &x->actor};
		for (int i = 0; i < 8; i++)
			if (*f[i])
				*f[i] = v->text[k][i];
	}
}

static int project_deposits(struct store *s, const char *code, int32_t day, bool open_only,
			    struct deps *v)
{
	struct deposit_filter f = {
		.scope_role = 0, .project = code, .as_of = day, .open_only = open_only};
	memset(v, 0, sizeof *v);
	int rc = store_deposit_list(s, &f, collect_deposit, v);
	deps_fix(v);
	return rc;
}

static void deps_release(struct deps *v)
{
	free(v->d);
	free(v->text);
	memset(v, 0, sizeof *v);
}

static int64_t balance(const struct deposit *d)
{
	return d->amount - d->activated + d->replenished;
}

/* Held on day: lodged, not closed, and (a guarantee) not expired. */
static bool held_on(const struct deposit *d, int32_t day)
{
	return d->lodged_on <= day && (d->closed_on < 0 || d->closed_on > day) &&
		(d->expires_on < 0 || d->expires_on >= day);
}

int deposit_held(struct store *s, int64_t project, int32_t day, bool *yes)
{
	char code[72];
	*yes = false;
	int rc = s->ops->key_of(s, COL_PROJECT, project, code, sizeof code);
	if (rc)
		return rc == WG_ENOTFOUND ? WG_OK : rc;
	struct deps v;
	rc = project_deposits(s, code, day, true, &v);
	for (size_t i = 0; i < v.n && !rc && !*yes; i++)
		*yes = held_on(&v.d[i], day);
	deps_release(&v);
	return rc;
}

static int write_entry(struct ledger_writer *w, const struct dbuf *content, int64_t *seq)
{
	return ledger_write(w, LEDGER_INSERT, "deposit", 0, dbuf_str(content), seq);
}

static void csv(struct dbuf *b, const char *s)
{
	dbuf_addc(b, ',');
	dbuf_add_csv_field(b, s ? s : "");
}

static void csv_money(struct dbuf *b, int64_t fen)
{
	char m[MONEY_BUFSZ];
	dbuf_addf(b, ",%s", money_format(fen, m));
}

static void csv_date(struct dbuf *b, int64_t day)
{
	char d[DATE_BUFSZ];
	dbuf_addf(b, ",%s", day >= 0 ? date_format((int32_t)day, d) : "");
}

int deposit_lodge(struct store *s, const struct deposit_lodge *l, int64_t *id, struct msg *err)
{
	char m[MONEY_BUFSZ];
	if (!deposit_form_known(l->form)) {
		msg_set(err, MSG_DEPOSIT_FORM_UNKNOWN, "form", l->form, MSG_END);
		return WG_EINPUT;
	}
	if (!l->number || !*l->number || !l->issuer || !*l->issuer) {
		msg_set(err, MSG_DEPOSIT_NUMBER_ISSUER, MSG_END);
		return WG_EINPUT;
	}
	if (l->amount <= 0) {
		msg_set(err, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount", money_format(l->amount, m),
			MSG_END);
		return WG_EINPUT;
	}
	bool cash = strcmp(l->form, "cash") == 0;
	if (!cash && l->expires_on < 0) {
		msg_set(err, MSG_DEPOSIT_EXPIRY_NEEDED, "form", l->form, MSG_END);
		return WG_EINPUT;
	}
	if (!cash && l->expires_on <= l->lodged_on) {
		msg_set(err, MSG_DEPOSIT_EXPIRY_BEFORE, MSG_END);
		return WG_EINPUT;
	}
	struct dep_project p;
	struct deposit_config cfg;
	struct ledger_writer w;
	struct dbuf c = DBUF_INIT;
	bool writer = false;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	if ((rc = store_dep_project(s, l->project, &p))) {
		if (rc == WG_ENOTFOUND)
			msg_set(err, MSG_DEPOSIT_NO_PROJECT, "project", l->project, MSG_END);
		goto fail;
	}
	int64_t project_id = p.id, region = p.region, contractor = p.contractor_id;
	if ((rc = deposit_config_load(s, region, &cfg)))
		goto fail;
	if (l->replaces) {
		struct deposit old;
		rc = store_deposit_get(s, l->replaces, l->lodged_on, &old);
		if (rc == WG_ENOTFOUND ||
		    (!rc && (old.project_id != project_id || old.closed_on >= 0))) {
			char n[24];
			snprintf(n, sizeof n, "%" PRId64, l->replaces);
			msg_set(err, MSG_DEPOSIT_REPLACES_BAD, "id", n, MSG_END);
			rc = WG_EINPUT;
		}
		if (rc)
			goto fail;
	}
	if ((rc = ledger_writer_init(&w, s)))
		goto fail;
	writer = true;
	struct deposit d = {.region = region,
			    .project_id = project_id,
			    .form = l->form,
			    .number = l->number,
			    .issuer = l->issuer,
			    .amount = l->amount,
			    .lodged_on = l->lodged_on,
			    .expires_on = cash ? -1 : l->expires_on,
			    .interest_ppm = cash ? cfg.interest_ppm : 0,
			    .actor = l->actor,
			    .lseq = ledger_next_seq(&w)};
	rc = store_deposit_insert(s, &d, contractor, id);
	if (rc == WG_ECONFLICT) {
		msg_set(err, MSG_DEPOSIT_DUPLICATE, "form", l->form, "issuer", l->issuer, "number",
			l->number, MSG_END);
		rc = WG_EINPUT;
	}
	if (rc)
		goto fail;
	dbuf_addf(&c, "lodged,%" PRId64, *id);
	csv(&c, l->project);
	csv(&c, l->form);
	csv(&c, l->number);
	csv(&c, l->issuer);
	csv_money(&c, l->amount);
	csv_date(&c, l->lodged_on);
	csv_date(&c, cash ? -1 : l->expires_on);
	dbuf_addf(&c, ",%" PRId64, l->replaces);
	if ((rc = write_entry(&w, &c, NULL)))
		goto fail;
	if (l->replaces &&
	    (rc = store_deposit_close(s, l->replaces, l->lodged_on, "replaced", *id, 0)))
		goto fail;
	if ((rc = s->ops->commit(s)))
		goto fail;
	ledger_writer_release(&w);
	dbuf_release(&c);
	return WG_OK;
fail:
	if (rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	s->ops->rollback(s);
	if (writer)
		ledger_writer_release(&w);
	dbuf_release(&c);
	return rc;
}

/* ---- activation ---------------------------------------------------------------------------- */

int deposit_activate_tx(struct store *s, const struct deposit_activation *a,
			struct deposit_activated *out, struct msg *err)
{
	memset(out, 0, sizeof *out);
	struct dep_project p;
	struct deps v = {0};
	struct calendar cal = CALENDAR_INIT;
	struct ledger_writer w;
	struct dbuf c = DBUF_INIT;
	bool writer = false;
	int64_t *share = NULL;
	char(*cards)[64] = NULL;
	char contractor[24], code[72];
	int rc = store_dep_project(s, a->project, &p);
	if (rc) {
		if (rc == WG_ENOTFOUND)
			msg_set(err, MSG_DEPOSIT_NO_PROJECT, "project", a->project, MSG_END);
		return rc;
	}
	snprintf(contractor, sizeof contractor, "%s", p.contractor);
	snprintf(code, sizeof code, "%s", p.code);
	int64_t project_id = p.id, region = p.region;
	if (a->nworkers < 1) {
		msg_set(err, MSG_DEPOSIT_NO_WORKERS, MSG_END);
		return WG_EINPUT;
	}
	share = calloc((size_t)a->nworkers, sizeof *share);
	cards = calloc((size_t)a->nworkers, sizeof *cards);
	if (!share || !cards) {
		rc = WG_ENOMEM;
		goto done;
	}
	for (int i = 0; i < a->nworkers; i++) {
		char m[MONEY_BUFSZ];
		if (a->workers[i].amount <= 0) {
			msg_set(err, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount",
				money_format(a->workers[i].amount, m), MSG_END);
			rc = WG_EINPUT;
			goto done;
		}
		rc = store_dep_worker_card(s, a->workers[i].id_number, cards[i], sizeof cards[i]);
		if (rc == WG_ENOTFOUND && a->from_event) {
			/* no card of his own to pay: the fund advances to him instead */
			cards[i][0] = '\0';
			rc = WG_OK;
			continue;
		}
		if (rc == WG_ENOTFOUND) {
			char masked[32];
			msg_set(err, MSG_DEPOSIT_WORKER_UNKNOWN, "worker",
				mask_id(a->workers[i].id_number, masked), MSG_END);
			rc = WG_EINPUT;
		}
		if (rc)
			goto done;
		if (a->case_ref && !a->from_event) {
			bool yes = false;
			if ((rc = link_case_has_worker(s, a->case_ref, a->workers[i].id_number,
						       &yes)))
				goto done;
			if (!yes) {
				char masked[32];
				msg_set(err, MSG_DEPOSIT_NOT_CASE_WORKER, "worker",
					mask_id(a->workers[i].id_number, masked), "case",
					a->case_ref, MSG_END);
				rc = WG_EINPUT;
				goto done;
			}
		}
		if (!cards[i][0])
			continue;
		if (!money_add(out->owed, a->workers[i].amount, &out->owed)) {
			rc = WG_EINPUT;
			msg_set(err, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount", "?", MSG_END);
			goto done;
		}
	}
	if ((rc = project_deposits(s, code, a->on, true, &v)))
		goto done;
	int64_t available = 0;
	for (size_t i = 0; i < v.n; i++)
		if (held_on(&v.d[i], a->on) && balance(&v.d[i]) > 0)
			available += balance(&v.d[i]);
	if (available <= 0) {
		msg_set(err, MSG_DEPOSIT_NOTHING_HELD, "project", code, MSG_END);
		rc = WG_ENOTFOUND;
		goto done;
	}
	if (out->owed == 0) {
		msg_set(err, MSG_DEPOSIT_NO_WORKERS, MSG_END);
		rc = WG_ENOTFOUND;
		goto done;
	}
	out->paid = available < out->owed ? available : out->owed;
	/* each worker his share: all of it, or in proportion with the leftover fen going to
	 * the first workers in the order named */
	int64_t given = 0;
	for (int i = 0; i < a->nworkers; i++) {
		if (!cards[i][0])
			continue;
		share[i] = out->paid == out->owed
			? a->workers[i].amount
			: (int64_t)((__int128)a->workers[i].amount * out->paid / out->owed);
		given += share[i];
	}
	for (int i = 0; given < out->paid; i = (i + 1) % a->nworkers)
		if (cards[i][0] && share[i] < a->workers[i].amount)
			share[i]++, given++;
	if ((rc = store_dep_calendar(s, &cal)))
		goto done;
	struct deposit_config cfg;
	if ((rc = deposit_config_load(s, region, &cfg)))
		goto done;
	out->deadline = calendar_add_working_days(&cal, a->on, cfg.replenish_days);
	int y, mo, d;
	date_to_ymd(a->on, &y, &mo, &d);
	int64_t seqno;
	if ((rc = store_doc_next(s, region, "deposit_payment_notice", y, &seqno)))
		goto done;
	/* the payment notice's number: issuing region, kind, year, gap-free sequence (the
	 * document module of relief will render it as the other notices) */
	snprintf(out->notice_no, sizeof out->notice_no, "%06" PRId64 "人社保付〔%d〕%" PRId64 "号",
		 region, y, seqno);
	if ((rc = ledger_writer_init(&w, s)))
		goto done;
	writer = true;
	int64_t left = out->paid, first_move = 0;
	for (size_t i = 0; i < v.n && left > 0 && !rc; i++) {
		if (!held_on(&v.d[i], a->on) || balance(&v.d[i]) <= 0)
			continue;
		int64_t take = balance(&v.d[i]) < left ? balance(&v.d[i]) : left;
		left -= take;
		struct deposit_move m = {.deposit_id = v.d[i].id,
					 .region = region,
					 .on_date = a->on,
					 .amount = take,
					 .deadline = out->deadline,
					 .kind = "activation",
					 .ref = a->order_ref,
					 .case_ref = a->case_ref,
					 .notice_no = out->notice_no,
					 .actor = a->actor,
					 .lseq = ledger_next_seq(&w)};
		int64_t mid;
		if ((rc = store_deposit_move_insert(s, &m, &mid)))
			break;
		if (!first_move)
			first_move = mid;
		dbuf_reset(&c);
		dbuf_addf(&c, "activated,%" PRId64, v.d[i].id);
		csv(&c, code);
		csv(&c, out->notice_no);
		csv(&c, a->order_ref);
		csv(&c, a->case_ref);
		csv_date(&c, a->on);
		csv_money(&c, take);
		csv_date(&c, out->deadline);
		if (i == 0 || mid == first_move) {
			for (int k = 0; k < a->nworkers; k++) {
				if (!share[k])
					continue;
				char txn[128];
				snprintf(txn, sizeof txn, "DEP-%06" PRId64 "-%d-%" PRId64 "-%d",
					 region, y, seqno, k + 1);
				dbuf_adds(&c, "\npaid");
				csv(&c, txn);
				csv(&c, a->workers[k].id_number);
				csv_money(&c, share[k]);
				csv(&c, cards[k]);
				struct deposit_payment pay = {.move_id = mid,
							      .region = region,
							      .project_id = project_id,
							      .amount = share[k],
							      .paid_on = a->on,
							      .lseq = ledger_next_seq(&w),
							      .id_number = a->workers[k].id_number,
							      .bank_card = cards[k],
							      .txn_id = txn,
							      .case_ref = a->case_ref};
				if ((rc = store_deposit_payment_insert(s, &pay)))
					break;
				out->payments++;
			}
		}
		if (!rc)
			rc = write_entry(&w, &c, NULL);
	}
	if (rc)
		goto done;
	struct link_worker *lw = calloc((size_t)a->nworkers, sizeof *lw);
	if (!lw) {
		rc = WG_ENOMEM;
		goto done;
	}
	int nlw = 0;
	for (int k = 0; k < a->nworkers; k++)
		if (share[k])
			lw[nlw++] = (struct link_worker){a->workers[k].id_number, share[k]};
	struct link_event e = {.kind = LINK_DEPOSIT_ACTIVATED,
			       .uscc = contractor,
			       .project = code,
			       .ref = out->notice_no,
			       .region = region,
			       .on = a->on,
			       .amount = out->paid,
			       .workers = lw,
			       .nworkers = nlw,
			       .reason = a->order_ref,
			       .actor = a->actor};
	rc = links_emit(s, &e, err);
	free(lw);
done:
	if (rc && rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	if (writer)
		ledger_writer_release(&w);
	dbuf_release(&c);
	calendar_release(&cal);
	deps_release(&v);
	free(share);
	free(cards);
	return rc;
}

int deposit_activate(struct store *s, const struct deposit_activation *a,
		     struct deposit_activated *out, struct msg *err)
{
	int rc = s->ops->begin(s);
	if (rc) {
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		return rc;
	}
	if ((rc = deposit_activate_tx(s, a, out, err)) || (rc = s->ops->commit(s))) {
		s->ops->rollback(s);
		return rc;
	}
	return WG_OK;
}

/* ---- replenishment ------------------------------------------------------------------------- */

int deposit_replenish(struct store *s, const char *project, int64_t id, int64_t amount, int32_t day,
		      const char *actor, struct msg *err)
{
	char m[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	if (amount <= 0) {
		msg_set(err, MSG_DEPOSIT_AMOUNT_POSITIVE, "amount", money_format(amount, m),
			MSG_END);
		return WG_EINPUT;
	}
	struct deps v = {0};
	struct ledger_writer w;
	struct dbuf c = DBUF_INIT;
	bool writer = false;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	struct dep_project p;
	if ((rc = store_dep_project(s, project, &p))) {
		if (rc == WG_ENOTFOUND)
			msg_set(err, MSG_DEPOSIT_NO_PROJECT, "project", project, MSG_END);
		goto fail;
	}
	int64_t region = p.region;
	if ((rc = project_deposits(s, project, day, true, &v)))
		goto fail;
	const struct deposit *target = NULL;
	for (size_t i = 0; i < v.n && !target; i++)
		if (id ? v.d[i].id == id : v.d[i].activated > v.d[i].replenished)
			target = &v.d[i];
	if (!target) {
		msg_set(err, MSG_DEPOSIT_NOTHING_TO_REPLENISH, "project", project, MSG_END);
		rc = WG_EINPUT;
		goto fail;
	}
	int64_t shortfall = target->activated - target->replenished;
	if (amount > shortfall) {
		msg_set(err, MSG_DEPOSIT_REPLENISH_TOO_MUCH, "amount", money_format(amount, m),
			"shortfall", money_format(shortfall, m2), MSG_END);
		rc = WG_EINPUT;
		goto fail;
	}
	if ((rc = ledger_writer_init(&w, s)))
		goto fail;
	writer = true;
	struct deposit_move mv = {.deposit_id = target->id,
				  .region = region,
				  .on_date = day,
				  .amount = amount,
				  .deadline = -1,
				  .kind = "replenish",
				  .actor = actor,
				  .lseq = ledger_next_seq(&w)};
	int64_t mid;
	dbuf_addf(&c, "replenished,%" PRId64, target->id);
	csv(&c, project);
	csv_money(&c, amount);
	csv_date(&c, day);
	if ((rc = store_deposit_move_insert(s, &mv, &mid)) || (rc = write_entry(&w, &c, NULL)) ||
	    (rc = s->ops->commit(s)))
		goto fail;
	ledger_writer_release(&w);
	dbuf_release(&c);
	deps_release(&v);
	return WG_OK;
fail:
	if (rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	s->ops->rollback(s);
	if (writer)
		ledger_writer_release(&w);
	dbuf_release(&c);
	deps_release(&v);
	return rc;
}

/* ---- return ------------------------------------------------------------------------------- */

/* Simple interest on fen for days at ppm a year, rounded half up. */
static int64_t interest_of(int64_t fen, int64_t ppm, int64_t days)
{
	if (fen <= 0 || ppm <= 0 || days <= 0)
		return 0;
	__int128 num = (__int128)fen * ppm * days, den = (__int128)365 * 1000000;
	return (int64_t)((2 * num + den) / (2 * den));
}

static void fail_cond(struct deposit_return_result *r, enum msg_id id, const char *k1,
		      const char *v1)
{
	if (r->nfailed < 8)
		msg_set(&r->failed[r->nfailed++], id, k1, v1, MSG_END);
}

int deposit_return(struct store *s, const char *project, const char *promise, int32_t day,
		   const char *actor, struct deposit_return_result *r, struct msg *err)
{
	memset(r, 0, sizeof *r);
	struct deps v = {0};
	struct ledger_writer w;
	struct dbuf c = DBUF_INIT;
	bool writer = false;
	char dbuf[DATE_BUFSZ], n[24];
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	struct dep_project p;
	if ((rc = store_dep_project(s, project, &p))) {
		if (rc == WG_ENOTFOUND)
			msg_set(err, MSG_DEPOSIT_NO_PROJECT, "project", project, MSG_END);
		goto fail;
	}
	int64_t project_id = p.id, region = p.region;
	char contractor[24];
	snprintf(contractor, sizeof contractor, "%s", p.contractor);
	struct deposit_config cfg;
	struct project_state st;
	struct deposit_return notice;
	int64_t arrears = 0;
	int cases = 0;
	if ((rc = deposit_config_load(s, region, &cfg)) ||
	    (rc = lifecycle_state(s, project_id, day, &st)) ||
	    (rc = store_dep_open_arrears(s, project_id, &arrears)) ||
	    (rc = link_open_cases(s, project, contractor, day, &cases)))
		goto fail;
	rc = store_deposit_return_open(s, project_id, &notice);
	bool have_notice = rc == WG_OK;
	if (rc && rc != WG_ENOTFOUND)
		goto fail;
	rc = WG_OK;
	if (have_notice && strcmp(notice.status, "returned") == 0) {
		msg_set(err, MSG_DEPOSIT_ALREADY_RETURNED, "project", project, "date",
			date_format((int32_t)notice.returned_on, dbuf), MSG_END);
		rc = WG_EINPUT;
		goto fail;
	}
	int32_t published = have_notice ? (int32_t)notice.published_on : day;
	int32_t ends = have_notice ? (int32_t)notice.ends_on : day + cfg.notice_days;
	if ((rc = project_deposits(s, project, day, true, &v)))
		goto fail;
	int64_t held = 0;
	for (size_t i = 0; i < v.n; i++)
		held += v.d[i].closed_on < 0 ? balance(&v.d[i]) : 0;
	if (!v.n)
		fail_cond(r, MSG_DEPOSIT_RET_NO_DEPOSIT, "project", project);
	if (st.completed_on < 0)
		fail_cond(r, MSG_DEPOSIT_RET_NOT_COMPLETED, "phase", project_phase_name(st.phase));
	if (arrears > 0) {
		snprintf(n, sizeof n, "%" PRId64, arrears);
		fail_cond(r, MSG_DEPOSIT_RET_ARREARS, "count", n);
	}
	if (cases > 0) {
		snprintf(n, sizeof n, "%d", cases);
		fail_cond(r, MSG_DEPOSIT_RET_CASES, "count", n);
	}
	if (!have_notice && (!promise || !*promise))
		fail_cond(r, MSG_DEPOSIT_RET_NO_PROMISE, "project", project);
	if (have_notice && day <= ends)
		fail_cond(r, MSG_DEPOSIT_RET_NOTICE_RUNNING, "date", date_format(ends, dbuf));
	r->published_on = published;
	r->ends_on = ends;
	if (r->nfailed) {
		msg_set(err, MSG_DEPOSIT_RET_REFUSED, "project", project, MSG_END);
		rc = WG_EINPUT;
		goto fail;
	}
	if ((rc = ledger_writer_init(&w, s)))
		goto fail;
	writer = true;
	if (!have_notice) {
		struct deposit_return nr = {.region = region,
					    .project_id = project_id,
					    .promise = promise,
					    .published_on = day,
					    .ends_on = ends,
					    .actor = actor,
					    .lseq = ledger_next_seq(&w)};
		int64_t rid;
		dbuf_adds(&c, "return_notice");
		csv(&c, project);
		csv_date(&c, day);
		csv_date(&c, ends);
		csv(&c, promise);
		if ((rc = store_deposit_return_insert(s, &nr, &rid)) ||
		    (rc = write_entry(&w, &c, NULL)))
			goto fail;
	} else {
		for (size_t i = 0; i < v.n; i++) {
			const struct deposit *d = &v.d[i];
			int64_t b = balance(d),
				in = interest_of(b, d->interest_ppm, day - d->lodged_on);
			dbuf_reset(&c);
			dbuf_addf(&c, "returned,%" PRId64, d->id);
			csv(&c, project);
			csv_money(&c, b);
			csv_money(&c, in);
			csv_date(&c, day);
			if ((rc = store_deposit_close(s, d->id, day, "returned", 0, in)) ||
			    (rc = write_entry(&w, &c, NULL)))
				goto fail;
			r->amount += b;
			r->interest += in;
		}
		if ((rc = store_deposit_return_done(s, notice.id, day, r->amount, r->interest)))
			goto fail;
		r->returned = true;
	}
	(void)held;
	if ((rc = s->ops->commit(s)))
		goto fail;
	ledger_writer_release(&w);
	dbuf_release(&c);
	deps_release(&v);
	return WG_OK;
fail:
	if (rc != WG_EINPUT && rc != WG_ENOTFOUND && err->id == MSG_NONE)
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	s->ops->rollback(s);
	if (writer)
		ledger_writer_release(&w);
	dbuf_release(&c);
	deps_release(&v);
	return rc;
}

/* ---- the scan ------------------------------------------------------------------------------- */

struct scan_projects {
	struct sp {
		int64_t id, region, contractor, start;
		char code[72];
	} * p;
	size_t n, alloc;
};

static int collect_project(void *ctx, const struct dep_project *p)
{
	struct scan_projects *v = ctx;
	if (v->n == v->alloc) {
		size_t na = v->alloc ? 2 * v->alloc : 64;
		void *q = realloc(v->p, na * sizeof *v->p);
		if (!q)
			return WG_ENOMEM;
		v->p = q;
		v->alloc = na;
	}
	struct sp *x = &v->p[v->n++];
	x->id = p->id;
	x->region = p->region;
	x->contractor = p->contractor_id;
	x->start = p->start_date;
	snprintf(x->code, sizeof x->code, "%s", p->code);
	return 0;
}

struct moves {
	int64_t activated[64], deadline[64];
	int n;
	int64_t replenished;
};

static int collect_move(void *ctx, const struct deposit_move *m)
{
	struct moves *v = ctx;
	if (strcmp(m->kind, "replenish") == 0)
		v->replenished += m->amount;
	else if (strcmp(m->kind, "activation") == 0 && v->n < 64) {
		v->activated[v->n] = m->amount;
		v->deadline[v->n++] = m->deadline;
	}
	return 0;
}

int deposit_scan(struct store *s, int32_t day, deposit_warn_fn *add, void *ctx)
{
	struct scan_projects v = {0};
	struct deposit_config cfg;
	int64_t cfg_region = -1;
	int rc = store_dep_projects(s, collect_project, &v);
	for (size_t i = 0; i < v.n && !rc; i++) {
		const struct sp *p = &v.p[i];
		if (p->region != cfg_region) {
			if ((rc = deposit_config_load(s, p->region, &cfg)))
				break;
			cfg_region = p->region;
		}
		struct deps d;
		if ((rc = project_deposits(s, p->code, day, false, &d)))
			break;
		bool held = false, returned = false;
		int64_t expiring = 0;
		for (size_t k = 0; k < d.n; k++) {
			const struct deposit *x = &d.d[k];
			held |= held_on(x, day);
			returned |= x->closed_on >= 0 && x->closed_on <= day &&
				strcmp(x->status, "returned") == 0;
			/* a guarantee still held that lapses within the window (SPEC §7) */
			if (x->expires_on >= 0 && (x->closed_on < 0 || x->closed_on > day) &&
			    x->expires_on >= day && x->expires_on <= day + cfg.expiring_days)
				expiring += balance(x);
		}
		size_t ndeposits = d.n;
		deps_release(&d);
		if (expiring > 0 &&
		    (rc = add(ctx, WARN_DEPOSIT_EXPIRING, LEVEL_YELLOW, p->id, p->contractor,
			      expiring)))
			break;
		if (ndeposits) {
			struct moves m = {0};
			if ((rc = store_deposit_moves(s, p->id, day, collect_move, &m)))
				break;
			int64_t cover = m.replenished, shortfall = 0;
			int32_t overdue_from = -1;
			for (int k = 0; k < m.n; k++) {
				int64_t took = cover < m.activated[k] ? cover : m.activated[k];
				cover -= took;
				if (took < m.activated[k]) {
					shortfall += m.activated[k] - took;
					if (overdue_from < 0)
						overdue_from = (int32_t)m.deadline[k];
				}
			}
			if (shortfall > 0 && overdue_from >= 0 && day > overdue_from &&
			    (rc = add(ctx, WARN_REPLENISH_OVERDUE, LEVEL_RED, p->id, p->contractor,
				      shortfall)))
				break;
		}
		if (held || returned || day <= p->start + cfg.missing_days)
			continue;
		struct project_state st;
		if ((rc = lifecycle_state(s, p->id, day, &st)))
			break;
		if (st.settled_on >= 0)
			continue;
		struct deposit_quote q;
		if ((rc = deposit_quote(s, p->code, (int32_t)p->start, &q)))
			break;
		int64_t amount = q.amount;
		deposit_quote_release(&q);
		if (amount > 0 &&
		    (rc = add(ctx, WARN_DEPOSIT_MISSING, LEVEL_ORANGE, p->id, p->contractor,
			      amount)))
			break;
	}
	free(v.p);
	return rc;
}

json_t *deposit_json(const struct deposit *d, int32_t day)
{
	const char *state = d->status;
	if (strcmp(state, "held") == 0 && d->expires_on >= 0 && d->expires_on < day)
		state = "expired";
	if (d->closed_on >= 0 && d->closed_on > day)
		state = "held";
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o,"
			 " s:o, s:o, s:o}",
			 "id", (json_int_t)d->id, "project", d->project, "contractor",
			 d->contractor, "contractor_name", d->contractor_name, "form", d->form,
			 "number", d->number, "issuer", d->issuer, "amount", jmoney(d->amount),
			 "lodged_on", jdate(d->lodged_on), "expires_on", jdate(d->expires_on),
			 "status", state, "activated", jmoney(d->activated), "replenished",
			 jmoney(d->replenished), "balance", jmoney(balance(d)), "closed_on",
			 jdate(d->closed_on > day ? -1 : d->closed_on), "interest",
			 jmoney(d->interest), "lodged_by", jstr(d->actor));
}

int deposit_status_text(struct store *s, const char *code, int32_t day, char *buf, size_t n)
{
	static const struct {
		const char *form, *label;
	} labels[] = {{"cash", "现金存储"},
		      {"bank_guarantee", "银行保函"},
		      {"insurance", "工程保证保险"},
		      {"guarantor", "担保公司保函"}};
	static const struct {
		const char *reason, *label;
	} reasons[] = {{"small_contract", "合同金额300万元以下且上一年度无欠薪"},
		       {"clean_record", "连续三年无欠薪且无实名制、专户违规"},
		       {"industry_not_required", "本地区该行业无需缴存"}};
	struct deps v;
	char m[MONEY_BUFSZ], d[DATE_BUFSZ];
	int rc = project_deposits(s, code, day, false, &v);
	if (rc)
		return rc;
	const struct deposit *held = NULL, *returned = NULL;
	int64_t total = 0;
	for (size_t i = 0; i < v.n; i++) {
		if (held_on(&v.d[i], day)) {
			total += balance(&v.d[i]);
			held = held ? held : &v.d[i];
		} else if (v.d[i].closed_on >= 0 && v.d[i].closed_on <= day &&
			   strcmp(v.d[i].status, "returned") == 0) {
			returned = &v.d[i];
		}
	}
	if (held) {
		const char *form = held->form;
		for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
			if (strcmp(labels[i].form, held->form) == 0)
				form = labels[i].label;
		snprintf(buf, n, "已缴存（%s，%s），余额 %s 元%s%s", form, held->issuer,
			 money_format(total, m), held->expires_on >= 0 ? "，有效期至 " : "",
			 held->expires_on >= 0 ? date_format((int32_t)held->expires_on, d) : "");
	} else if (returned) {
		snprintf(buf, n, "已于 %s 返还", date_format((int32_t)returned->closed_on, d));
	} else {
		struct deposit_quote q;
		if ((rc = deposit_quote(s, code, day, &q)))
			goto done;
		if (q.exempt) {
			const char *why = q.reason;
			for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
				if (strcmp(reasons[i].reason, q.reason) == 0)
					why = reasons[i].label;
			snprintf(buf, n, "免缴（%s）", why);
		} else {
			snprintf(buf, n, "未缴存（应缴 %s 元）", money_format(q.amount, m));
		}
		deposit_quote_release(&q);
	}
done:
	deps_release(&v);
	return rc;
}

int deposit_return_notice_doc(struct store *s, const char *code, struct doc *out)
{
	struct dep_project p;
	struct deposit_return r;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], d3[DATE_BUFSZ], status[256];
	int rc = store_dep_project(s, code, &p);
	if (rc)
		return rc;
	int64_t id = p.id;
	char name[256], contractor[256], uscc[24];
	snprintf(name, sizeof name, "%s", p.name);
	snprintf(contractor, sizeof contractor, "%s", p.contractor_name);
	snprintf(uscc, sizeof uscc, "%s", p.contractor);
	struct project_state st;
	if ((rc = lifecycle_state(s, id, INT32_MAX, &st)) ||
	    (rc = store_deposit_return_open(s, id, &r)))
		return rc;
	int64_t published = r.published_on, ends = r.ends_on, returned = r.returned_on;
	const char *promise = doc_str(out, r.promise);
	if ((rc = deposit_status_text(s, code, (int32_t)published, status, sizeof status)))
		return rc;
	doc_title(out, "农民工工资保证金返还公示", doc_strf(out, "%s", name));
	doc_field(out, "项目名称", doc_strf(out, "%s（项目编号 %s）", name, code));
	doc_field(out, "施工总承包单位",
		  doc_strf(out, "%s（统一社会信用代码 %s）", contractor, uscc));
	doc_field(out, "工资保证金", doc_str(out, status));
	doc_field(out, "竣工日期",
		  st.completed_on >= 0 ? doc_str(out, date_format(st.completed_on, d1)) : "—");
	doc_field(out, "公示期",
		  doc_strf(out, "%s 至 %s", date_format((int32_t)published, d2),
			   date_format((int32_t)ends, d3)));
	doc_para(out,
		 "根据《保障农民工工资支付条例》及工资保证金管理规定，该项目已竣工，施工总承包单位"
		 "申请返还工资保证金，并作出如下书面承诺：");
	doc_callout(out, promise);
	doc_para(out,
		 "公示期内，凡该项目存在拖欠农民工工资情形的，农民工本人或知情人可向项目所在地"
		 "人力资源社会保障行政部门反映，或拨打劳动保障监察投诉举报电话 12333。"
		 "公示期满无异议的，依规返还工资保证金。");
	if (returned >= 0)
		doc_note(out,
			 doc_strf(out, "公示期满无异议，保证金已于 %s 返还。",
				  date_format((int32_t)returned, d1)));
	doc_sign(out, "项目所在地人力资源社会保障行政部门");
	doc_sign(out, doc_str(out, date_format((int32_t)published, d1)));
	return doc_status(out);
}
