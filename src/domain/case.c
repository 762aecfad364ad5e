/* case.c — complaint cases on the statutory clock (domain/case.h): intake and joining, the
 * clock in working days of the imported calendar, the steps of a case, payments through it
 * (ledgered), orders to pay with numbered documents, and the events relief emits
 * (domain/links.h) inside the same transaction. */
#include "domain/case.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/document.h"
#include "domain/ledger.h"
#include "domain/links.h"
#include "domain/payslip.h"
#include "store/complaint.h"
#include "store/config.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

const char *const case_channels[] = {"hotline", "walkin", "web", "platform",
				     "dispute", "tipoff", NULL};
const char *const case_outcomes[] = {"paid",   "mediation",    "decision", "arbitration",
				     "police", "no_violation", NULL};

static bool one_of(const char *const *list, const char *name)
{
	for (int i = 0; name && list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

bool case_channel_ok(const char *name)
{
	return one_of(case_channels, name);
}

bool case_outcome_ok(const char *name)
{
	return one_of(case_outcomes, name);
}

/* ---- the clock ---- */

const struct case_config_key case_config_keys[] = {
	{"relief.accept_days", "5", "working days to accept or reject a complaint", 1, 365},
	{"relief.conclude_days", "60", "working days to conclude an accepted case", 1, 365},
	{"relief.extend_days", "30", "working days one extension adds", 1, 365},
	{"relief.surcharge_percent", "50", "surcharge on an ignored order, % (Art 26: 50-100)", 50,
	 100},
	{"relief.accountability.accept", "90",
	 "accountability: on-time acceptance below this % is flagged", 0, 100},
	{"relief.accountability.conclude", "90",
	 "accountability: on-time conclusion below this % is flagged", 0, 100},
	{"relief.accountability.recovery", "50",
	 "accountability: recovered/claimed below this % is flagged", 0, 100},
};
const int case_config_nkeys = (int)(sizeof case_config_keys / sizeof case_config_keys[0]);

bool case_config_owns(const char *key)
{
	return strncmp(key, "relief.", 7) == 0;
}

int case_config_check(const char *key, const char *value, char *err, size_t errsz)
{
	bool prefix = strncmp(key, "relief.prefix.", 14) == 0;
	if (prefix || strncmp(key, "relief.authority.", 17) == 0) {
		/* relief.prefix.<2, 4 or 6 digits of a region>: a document number's prefix;
		 * relief.authority.<code>: the issuing authority's name on its documents */
		const char *code = key + (prefix ? 14 : 17);
		size_t n = strspn(code, "0123456789");
		if (code[n] || (n != 2 && n != 4 && n != 6) ||
		    !region_province_ok((code[0] - '0') * 10 + (code[1] - '0'))) {
			snprintf(err, errsz,
				 "%s: expected relief.prefix.<region code: 2, 4 or 6 digits>", key);
			return WG_EINPUT;
		}
		if (!*value || strlen(value) > (prefix ? 60 : 200) || strpbrk(value, "\n\r\t")) {
			snprintf(err, errsz, "%s: 1 to %d bytes of text on one line", key,
				 prefix ? 60 : 200);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	for (int i = 0; i < case_config_nkeys; i++) {
		const struct case_config_key *k = &case_config_keys[i];
		if (strcmp(k->key, key) != 0)
			continue;
		char *end;
		long v = strtol(value, &end, 10);
		if (!*value || *end || v < k->lo || v > k->hi) {
			snprintf(err, errsz, "%s: '%s' is not a whole number from %d to %d", key,
				 value, k->lo, k->hi);
			return WG_EINPUT;
		}
		return WG_OK;
	}
	snprintf(err, errsz, "unknown configuration key '%s'", key);
	return WG_EINPUT;
}

static int config_int(struct store *s, const char *key, int fallback, int lo, int hi, int *out)
{
	char buf[32];
	int rc = store_config_get(s, key, buf, sizeof buf);
	*out = fallback;
	if (rc == WG_ENOTFOUND)
		return WG_OK;
	if (rc)
		return rc;
	char *end;
	long v = strtol(buf, &end, 10);
	if (*buf && !*end && v >= lo && v <= hi)
		*out = (int)v;
	return WG_OK;
}

int case_clock_load(struct store *s, struct case_clock *k)
{
	memset(k, 0, sizeof *k);
	int rc;
	if ((rc = config_int(s, "relief.accept_days", 5, 1, 365, &k->accept_days)) ||
	    (rc = config_int(s, "relief.conclude_days", 60, 1, 365, &k->conclude_days)) ||
	    (rc = config_int(s, "relief.extend_days", 30, 1, 365, &k->extend_days)) ||
	    (rc = config_int(s, "relief.surcharge_percent", 50, 50, 100, &k->surcharge_percent)))
		return rc;
	rc = store_calendar_load(s, &k->cal, k->fest, sizeof k->fest / sizeof k->fest[0],
				 &k->nfest);
	if (rc)
		calendar_release(&k->cal);
	return rc;
}

void case_clock_release(struct case_clock *k)
{
	calendar_release(&k->cal);
}

int32_t case_deadline(const struct case_clock *k, int32_t day, int n)
{
	return calendar_add_working_days(&k->cal, day, n);
}

int32_t case_next_festival(const struct case_clock *k, int32_t day)
{
	for (size_t i = 0; i < k->nfest; i++)
		if (k->fest[i] >= day)
			return k->fest[i];
	return -1;
}

int64_t case_priority(const struct case_row *c, int days_to_festival)
{
	int64_t owed = c->claimed > c->paid ? c->claimed - c->paid : 0;
	int64_t amount = owed / 100000; /* one point per 1,000.00 */
	if (amount > 100)
		amount = 100;
	int64_t workers = c->workers * 5;
	if (workers > 100)
		workers = 100;
	int64_t fest = days_to_festival >= 0 && days_to_festival < 100 ? 100 - days_to_festival : 0;
	return amount + workers + fest;
}

void case_standing_of(const struct case_clock *k, const struct case_row *c, int32_t as_of,
		      struct case_standing *out)
{
	memset(out, 0, sizeof *out);
	out->deadline = -1;
	if (strcmp(c->status, "received") == 0) {
		out->deadline = (int32_t)c->accept_by;
		out->step = "accept";
	} else if (strcmp(c->status, "accepted") == 0) {
		out->deadline = (int32_t)c->conclude_by;
		out->step = "conclude";
	}
	if (out->deadline >= 0) {
		if (as_of <= out->deadline) {
			out->remaining =
				calendar_working_days_between(&k->cal, as_of, out->deadline);
		} else {
			out->overdue = true;
			out->remaining =
				-calendar_working_days_between(&k->cal, out->deadline, as_of);
		}
	}
	out->order_overdue = c->order_deadline >= 0 && c->order_ignored < 0 &&
		strcmp(c->status, "accepted") == 0 && as_of > c->order_deadline &&
		c->paid < c->claimed;
	int32_t fest = case_next_festival(k, as_of);
	out->days_to_festival = fest >= 0 ? fest - as_of : -1;
	out->priority = out->step ? case_priority(c, out->days_to_festival) : 0;
}

/* ---- helpers ---- */

static int64_t now_unix(void)
{
	return (int64_t)time(NULL);
}

static int add_event(struct store *s, const struct case_row *c, int32_t on, const char *kind,
		     const char *detail, int64_t amount, const char *actor)
{
	struct case_event e = {.on = on,
			       .at = now_unix(),
			       .amount = amount,
			       .kind = kind,
			       .detail = detail,
			       .actor = actor};
	return store_case_event_add(s, c->id, c->region, &e);
}

static int not_found(struct msg *err, const char *number)
{
	msg_set(err, MSG_RELIEF_CASE_NOT_FOUND, "number", number, MSG_END);
	return WG_ENOTFOUND;
}

static int store_failed(struct store *s, struct msg *err, int rc)
{
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	else
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

static int input(struct msg *err, enum msg_id id)
{
	msg_set(err, id, MSG_END);
	return WG_EINPUT;
}

static int before(struct msg *err, int32_t day, const char *what, int64_t since)
{
	char d[DATE_BUFSZ], s[DATE_BUFSZ];
	msg_set(err, MSG_RELIEF_BEFORE, "date", date_format(day, d), "what", what, "since",
		date_format((int32_t)since, s), MSG_END);
	return WG_EINPUT;
}

int case_get(struct store *s, const char *number, struct case_row *out, struct msg *err)
{
	int rc = store_case_get(s, number, out);
	if (rc == WG_ENOTFOUND)
		return not_found(err, number);
	if (rc)
		return store_failed(s, err, rc);
	return WG_OK;
}

/* A transaction around op: begin, load the clock and the case, run op, commit. */
struct step {
	const char *number;
	int32_t on;
	const char *reason, *actor, *outcome, *id_number, *txn_id;
	int64_t amount;
	int32_t deadline;
	char *out; /* doc number or receipt */
	size_t outsz;
};
typedef int step_fn(struct store *s, const struct case_clock *k, struct case_row *c,
		    const struct step *a, struct msg *err);

static int run_step(struct store *s, const struct step *a, step_fn *fn, struct msg *err)
{
	struct case_clock k;
	int rc = s->ops->begin(s);
	if (rc)
		return store_failed(s, err, rc);
	if ((rc = case_clock_load(s, &k))) {
		s->ops->rollback(s);
		return store_failed(s, err, rc);
	}
	struct case_row *c = malloc(sizeof *c);
	if (!c) {
		rc = WG_ENOMEM;
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		goto done;
	}
	if ((rc = case_get(s, a->number, c, err)))
		goto done;
	if ((rc = fn(s, &k, c, a, err)))
		goto done;
	if ((rc = s->ops->commit(s)))
		store_failed(s, err, rc);
done:
	if (rc)
		s->ops->rollback(s);
	free(c);
	case_clock_release(&k);
	return rc;
}

static int need_accepted(const struct case_row *c, struct msg *err)
{
	if (strcmp(c->status, "accepted") == 0)
		return WG_OK;
	msg_set(err, MSG_RELIEF_NOT_ACCEPTED, "number", c->number, "status", c->status, MSG_END);
	return WG_EINPUT;
}

static int emit(struct store *s, const struct case_row *c, enum link_kind kind, int32_t on,
		int64_t amount, const struct link_worker *w, int nw, const char *reason,
		const char *actor, struct msg *err)
{
	struct link_event e = {.kind = kind,
			       .uscc = c->employer,
			       .project = c->project[0] ? c->project : NULL,
			       .ref = c->number,
			       .region = c->region,
			       .on = on,
			       .amount = amount,
			       .workers = w,
			       .nworkers = nw,
			       .reason = reason,
			       .actor = actor};
	return links_emit(s, &e, err);
}

/* ---- intake ---- */

static int new_number(struct store *s, int64_t region, int32_t received, char *out, size_t n)
{
	int y, m, d;
	date_to_ymd(received, &y, &m, &d);
	char name[64];
	snprintf(name, sizeof name, "case:%" PRId64 ":%d", region, y);
	int64_t seq;
	int rc = store_counter_next(s, name, &seq);
	if (!rc)
		snprintf(out, n, "C%" PRId64 "-%d-%05" PRId64, region, y, seq);
	return rc;
}

static int put_claims(struct store *s, const struct case_row *c, const struct case_intake *in)
{
	for (int i = 0; i < in->nclaims; i++) {
		const struct case_claim *cl = &in->claims[i];
		char who[160];
		if (cl->id_number && *cl->id_number)
			snprintf(who, sizeof who, "%s", cl->id_number);
		else
			snprintf(who, sizeof who, "name:%s", cl->name ? cl->name : "");
		struct case_claim_row r = {.who = who,
					   .id_number = cl->id_number,
					   .name = cl->name,
					   .phone = cl->phone,
					   .source = in->source ? in->source : in->channel,
					   .amount = cl->amount};
		int rc = store_case_claim_put(s, c->id, c->region, &r);
		if (rc)
			return rc;
	}
	return WG_OK;
}

int case_intake_tx(struct store *s, const struct case_clock *k, const struct case_intake *in,
		   char number[CASE_NUMBER_SZ], bool *joined, struct msg *err)
{
	*joined = false;
	if (!case_channel_ok(in->channel)) {
		msg_set(err, MSG_RELIEF_CHANNEL, "value", in->channel ? in->channel : "", "allowed",
			"hotline, walkin, web, platform, dispute, tipoff", MSG_END);
		return WG_EINPUT;
	}
	if (!in->employer || uscc_validate(in->employer)) {
		msg_set(err, MSG_RELIEF_EMPLOYER_BAD, "value", in->employer ? in->employer : "",
			MSG_END);
		return WG_EINPUT;
	}
	bool tipoff = strcmp(in->channel, "tipoff") == 0;
	if (!tipoff && in->nclaims < 1)
		return input(err, MSG_RELIEF_NO_COMPLAINANT);
	for (int i = 0; i < in->nclaims; i++) {
		const char *id = in->claims[i].id_number;
		char norm[19];
		if (id && *id && idcard_validate(id, norm)) {
			msg_set(err, MSG_RELIEF_ID_BAD, "value", id, MSG_END);
			return WG_EINPUT;
		}
		if ((!id || !*id) && (!in->claims[i].name || !*in->claims[i].name))
			return input(err, MSG_RELIEF_NO_COMPLAINANT);
	}
	const char *project = in->project && *in->project ? in->project : NULL;
	int64_t preg, ereg;
	char ename[256];
	int rc = store_case_respondent(s, project, in->employer, &preg, &ereg, ename, sizeof ename);
	if (rc)
		return store_failed(s, err, rc);
	if (project && preg < 0) {
		msg_set(err, MSG_RELIEF_PROJECT_UNKNOWN, "project", project, MSG_END);
		return WG_EINPUT;
	}
	int64_t region = in->region ? in->region : project ? preg : ereg;
	if (region <= 0) {
		msg_set(err, MSG_RELIEF_EMPLOYER_UNKNOWN, "employer", in->employer, MSG_END);
		return WG_EINPUT;
	}
	struct case_row *c = calloc(1, sizeof *c);
	if (!c)
		return store_failed(s, err, WG_ENOMEM);
	/* a complainant already on an open case against the same employer and project: the
	 * complaint joins that case (tip-offs keep their own, their reporter confidential) */
	int64_t target = 0;
	for (int i = 0; !tipoff && !target && i < in->nclaims; i++) {
		const char *id = in->claims[i].id_number;
		if (!id || !*id)
			continue;
		if ((rc = store_case_find_open(s, in->employer, project, id, &target, number)))
			goto fail;
	}
	char detail[512];
	if (target) {
		if ((rc = store_case_get(s, number, c)))
			goto fail;
		if ((rc = put_claims(s, c, in)))
			goto fail;
		snprintf(detail, sizeof detail, "%s", in->channel);
		if ((rc = add_event(s, c, in->received, "joined", detail, 0, in->actor)))
			goto fail;
		*joined = true;
		free(c);
		return WG_OK;
	}
	c->region = region;
	if ((rc = new_number(s, region, in->received, c->number, sizeof c->number)))
		goto fail;
	snprintf(c->channel, sizeof c->channel, "%s", in->channel);
	snprintf(c->employer, sizeof c->employer, "%s", in->employer);
	snprintf(c->employer_name, sizeof c->employer_name, "%s",
		 ename[0]                    ? ename
			 : in->employer_name ? in->employer_name
					     : "");
	snprintf(c->project, sizeof c->project, "%s", project ? project : "");
	snprintf(c->description, sizeof c->description, "%s",
		 in->description ? in->description : "");
	c->received = in->received;
	c->accept_by = case_deadline(k, in->received, k->accept_days);
	c->accepted = c->rejected = c->conclude_by = c->conclude_by_original = -1;
	c->closed = c->substantiated = c->order_deadline = c->order_issued = c->order_ignored = -1;
	c->absconded = -1;
	snprintf(c->status, sizeof c->status, "received");
	if (tipoff) {
		snprintf(c->reporter_name, sizeof c->reporter_name, "%s",
			 in->anonymous || !in->reporter_name ? "" : in->reporter_name);
		snprintf(c->reporter_phone, sizeof c->reporter_phone, "%s",
			 in->anonymous || !in->reporter_phone ? "" : in->reporter_phone);
		c->reporter_anonymous = in->anonymous;
	}
	snprintf(c->created_by, sizeof c->created_by, "%s", in->actor ? in->actor : "");
	if ((rc = store_case_insert(s, c)) || (rc = put_claims(s, c, in)))
		goto fail;
	if ((rc = add_event(s, c, in->received, "received", in->channel, 0, in->actor)))
		goto fail;
	snprintf(number, CASE_NUMBER_SZ, "%s", c->number);
	free(c);
	return WG_OK;
fail:
	free(c);
	return store_failed(s, err, rc);
}

int case_intake(struct store *s, const struct case_intake *in, char number[CASE_NUMBER_SZ],
		bool *joined, struct msg *err)
{
	struct case_clock k;
	int rc = s->ops->begin(s);
	if (rc)
		return store_failed(s, err, rc);
	if ((rc = case_clock_load(s, &k))) {
		s->ops->rollback(s);
		return store_failed(s, err, rc);
	}
	rc = case_intake_tx(s, &k, in, number, joined, err);
	if (!rc && (rc = s->ops->commit(s)))
		store_failed(s, err, rc);
	if (rc)
		s->ops->rollback(s);
	case_clock_release(&k);
	return rc;
}

/* ---- adopting the intake queues ---- */

struct pending {
	struct pending_complaint *c;
	struct pending_dispute *d;
	size_t n, alloc;
	struct dbuf text; /* the rows' text, NUL-separated; pointers are offsets until used */
};

static char *dup_or_null(const char *v)
{
	if (!v)
		return NULL;
	size_t n = strlen(v) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, v, n);
	return p;
}

static int keep_complaint(void *ctx, const struct pending_complaint *c)
{
	struct pending *p = ctx;
	if (p->n == p->alloc) {
		size_t a = p->alloc ? p->alloc * 2 : 16;
		void *q = realloc(p->c, a * sizeof *p->c);
		if (!q)
			return WG_ENOMEM;
		p->c = q, p->alloc = a;
	}
	struct pending_complaint *o = &p->c[p->n++];
	*o = *c;
	o->channel = dup_or_null(c->channel);
	o->name = dup_or_null(c->name);
	o->phone = dup_or_null(c->phone);
	o->id_number = dup_or_null(c->id_number);
	o->project = dup_or_null(c->project);
	o->employer = dup_or_null(c->employer);
	o->description = dup_or_null(c->description);
	return 0;
}

static int keep_dispute(void *ctx, const struct pending_dispute *d)
{
	struct pending *p = ctx;
	if (p->n == p->alloc) {
		size_t a = p->alloc ? p->alloc * 2 : 16;
		void *q = realloc(p->d, a * sizeof *p->d);
		if (!q)
			return WG_ENOMEM;
		p->d = q, p->alloc = a;
	}
	struct pending_dispute *o = &p->d[p->n++];
	*o = *d;
	o->project = dup_or_null(d->project);
	o->id_number = dup_or_null(d->id_number);
	o->reason = dup_or_null(d->reason);
	o->name = dup_or_null(d->name);
	o->phone = dup_or_null(d->phone);
	o->employer = dup_or_null(d->employer);
	return 0;
}

static void free_complaints(struct pending *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct pending_complaint *c = &p->c[i];
		free((char *)c->channel), free((char *)c->name), free((char *)c->phone);
		free((char *)c->id_number), free((char *)c->project), free((char *)c->employer);
		free((char *)c->description);
	}
	free(p->c);
}

static void free_disputes(struct pending *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct pending_dispute *d = &p->d[i];
		free((char *)d->project), free((char *)d->id_number), free((char *)d->reason);
		free((char *)d->name), free((char *)d->phone), free((char *)d->employer);
	}
	free(p->d);
}

/* The respondent of a complaint: the employer it names, else its project's contractor. */
static int complaint_employer(struct store *s, const struct pending_complaint *c, char *out,
			      size_t n);

/* Takes complaint c into a case (opening or joining); *took false when it cannot become a
 * case as it stands (no respondent to tell), number the case's number otherwise. */
static int adopt_complaint(struct store *s, const struct case_clock *k,
			   const struct pending_complaint *c, char number[CASE_NUMBER_SZ],
			   bool *took, struct msg *err)
{
	*took = false;
	char employer[24] = "";
	int rc = complaint_employer(s, c, employer, sizeof employer);
	if (rc)
		return store_failed(s, err, rc);
	if (!employer[0] || uscc_validate(employer))
		return WG_OK; /* stays waiting: the regulator opens the case by hand */
	/* an employer the complainant named by name only: the project's contractor answers
	 * (Art 30), and the name the complainant gave stays with the description */
	char desc[CASE_TEXT_SZ];
	if (c->employer && *c->employer && strcmp(c->employer, employer) != 0)
		snprintf(desc, sizeof desc, "%s（投诉人所称用人单位：%s）",
			 c->description ? c->description : "", c->employer);
	else
		snprintf(desc, sizeof desc, "%s", c->description ? c->description : "");
	struct case_claim cl = {.id_number = c->id_number,
				.name = c->name,
				.phone = c->phone,
				.amount = c->claimed};
	struct case_intake in = {.channel = c->channel,
				 .employer = employer,
				 .project = c->project,
				 .region = c->region,
				 .received = (int32_t)c->received,
				 .description = desc,
				 .claims = &cl,
				 .nclaims = 1};
	bool joined;
	struct msg why;
	rc = case_intake_tx(s, k, &in, number, &joined, &why);
	if (rc == WG_EINPUT)
		return WG_OK; /* cannot become a case as it stands: stays waiting */
	if (rc) {
		*err = why;
		return rc;
	}
	if ((rc = store_complaint_set_case(s, c->id, "case", number)))
		return store_failed(s, err, rc);
	*took = true;
	return WG_OK;
}

int case_adopt_tx(struct store *s, const struct case_clock *k, int *n, struct msg *err)
{
	*n = 0;
	struct pending p = {0};
	int rc = store_complaints_pending(s, keep_complaint, &p);
	if (rc)
		store_failed(s, err, rc);
	for (size_t i = 0; !rc && i < p.n; i++) {
		char number[CASE_NUMBER_SZ];
		bool took;
		rc = adopt_complaint(s, k, &p.c[i], number, &took, err);
		*n += took;
	}
	free_complaints(&p);
	if (rc)
		return rc;
	memset(&p, 0, sizeof p);
	rc = store_disputes_pending(s, keep_dispute, &p);
	if (rc)
		store_failed(s, err, rc);
	for (size_t i = 0; !rc && i < p.n; i++) {
		struct pending_dispute *d = &p.d[i];
		if (!d->employer)
			continue;
		char per[PERIOD_BUFSZ], source[160], number[CASE_NUMBER_SZ];
		period_format((int32_t)d->period, per);
		snprintf(source, sizeof source, "dispute:%s:%s", d->project, per);
		char desc[CASE_TEXT_SZ];
		snprintf(desc, sizeof desc, "%s %s: %s", d->project, per,
			 d->reason ? d->reason : "");
		struct case_claim cl = {.id_number = d->id_number,
					.name = d->name,
					.phone = d->phone,
					.amount = d->claimed};
		struct case_intake in = {.channel = "dispute",
					 .employer = d->employer,
					 .project = d->project,
					 .region = d->region,
					 .received = (int32_t)d->at,
					 .description = desc,
					 .claims = &cl,
					 .nclaims = 1,
					 .source = source};
		bool joined;
		struct msg why;
		rc = case_intake_tx(s, k, &in, number, &joined, &why);
		if (rc == WG_EINPUT) {
			rc = 0;
			continue;
		}
		if (rc) {
			*err = why;
			break;
		}
		if ((rc = store_dispute_set_case(s, d->id, number))) {
			store_failed(s, err, rc);
			break;
		}
		++*n;
	}
	free_disputes(&p);
	return rc;
}

int case_from_complaint(struct store *s, struct complaint *c, char number[CASE_NUMBER_SZ],
			struct msg *err)
{
	struct case_clock k;
	number[0] = '\0';
	int rc = s->ops->begin(s);
	if (rc)
		return store_failed(s, err, rc);
	if ((rc = case_clock_load(s, &k))) {
		s->ops->rollback(s);
		return store_failed(s, err, rc);
	}
	if ((rc = store_complaint_add(s, c))) {
		store_failed(s, err, rc);
		goto done;
	}
	struct pending_complaint pc = {.id = c->id,
				       .region = 0,
				       .claimed = c->claimed,
				       .received = c->received_on,
				       .channel = c->channel,
				       .name = c->name,
				       .phone = c->phone,
				       .id_number = c->id_number,
				       .project = c->project,
				       .employer = c->employer,
				       .description = c->description};
	bool took;
	if ((rc = adopt_complaint(s, &k, &pc, number, &took, err)))
		goto done;
	if ((rc = s->ops->commit(s)))
		store_failed(s, err, rc);
done:
	if (rc)
		s->ops->rollback(s);
	case_clock_release(&k);
	return rc;
}

int case_adopt(struct store *s, int *n, struct msg *err)
{
	struct case_clock k;
	memset(err, 0, sizeof *err);
	int rc = s->ops->begin(s);
	if (rc)
		return store_failed(s, err, rc);
	if ((rc = case_clock_load(s, &k))) {
		s->ops->rollback(s);
		return store_failed(s, err, rc);
	}
	rc = case_adopt_tx(s, &k, n, err);
	if (!rc && (rc = s->ops->commit(s)))
		store_failed(s, err, rc);
	if (rc)
		s->ops->rollback(s);
	case_clock_release(&k);
	return rc;
}

/* ---- the steps ---- */

static int do_accept(struct store *s, const struct case_clock *k, struct case_row *c,
		     const struct step *a, struct msg *err)
{
	if (strcmp(c->status, "received") != 0) {
		msg_set(err, MSG_RELIEF_NOT_RECEIVED, "number", c->number, "status", c->status,
			MSG_END);
		return WG_EINPUT;
	}
	if (a->on < c->received)
		return before(err, a->on, "receipt", c->received);
	c->accepted = a->on;
	c->conclude_by = c->conclude_by_original = case_deadline(k, a->on, k->conclude_days);
	snprintf(c->status, sizeof c->status, "accepted");
	int rc = store_case_update(s, c);
	if (!rc)
		rc = add_event(s, c, a->on, "accepted", a->on > c->accept_by ? "late" : NULL, 0,
			       a->actor);
	return rc ? store_failed(s, err, rc) : WG_OK;
}

int case_accept(struct store *s, const char *number, int32_t on, const char *actor, struct msg *err)
{
	struct step a = {.number = number, .on = on, .actor = actor};
	return run_step(s, &a, do_accept, err);
}

static int do_reject(struct store *s, const struct case_clock *k, struct case_row *c,
		     const struct step *a, struct msg *err)
{
	(void)k;
	if (strcmp(c->status, "received") != 0) {
		msg_set(err, MSG_RELIEF_NOT_RECEIVED, "number", c->number, "status", c->status,
			MSG_END);
		return WG_EINPUT;
	}
	if (!a->reason || !*a->reason)
		return input(err, MSG_RELIEF_REASON_REQUIRED);
	if (a->on < c->received)
		return before(err, a->on, "receipt", c->received);
	c->rejected = a->on;
	snprintf(c->reject_reason, sizeof c->reject_reason, "%s", a->reason);
	snprintf(c->status, sizeof c->status, "rejected");
	int rc = store_case_update(s, c);
	if (!rc)
		rc = add_event(s, c, a->on, "rejected", a->reason, 0, a->actor);
	if (rc)
		return store_failed(s, err, rc);
	/* the fund recovers what it advanced to the workers of a case that ends */
	return emit(s, c, LINK_CASE_CLOSED, a->on, 0, NULL, 0, "rejected", a->actor, err);
}

int case_reject_tx(struct store *s, const char *number, int32_t on, const char *reason,
		   const char *actor, struct msg *err)
{
	struct step a = {.number = number, .on = on, .reason = reason, .actor = actor};
	struct case_row *c = malloc(sizeof *c);
	if (!c)
		return store_failed(s, err, WG_ENOMEM);
	int rc = case_get(s, number, c, err);
	if (!rc)
		rc = do_reject(s, NULL, c, &a, err);
	free(c);
	return rc;
}

int case_reject(struct store *s, const char *number, int32_t on, const char *reason,
		const char *actor, struct msg *err)
{
	struct step a = {.number = number, .on = on, .reason = reason, .actor = actor};
	return run_step(s, &a, do_reject, err);
}

static int do_extend(struct store *s, const struct case_clock *k, struct case_row *c,
		     const struct step *a, struct msg *err)
{
	int rc = need_accepted(c, err);
	if (rc)
		return rc;
	if (c->extend_reason[0]) {
		msg_set(err, MSG_RELIEF_EXTENDED_ALREADY, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	if (!a->reason || !*a->reason)
		return input(err, MSG_RELIEF_REASON_REQUIRED);
	if (a->on < c->accepted)
		return before(err, a->on, "acceptance", c->accepted);
	c->conclude_by = case_deadline(k, (int32_t)c->conclude_by_original, k->extend_days);
	snprintf(c->extend_reason, sizeof c->extend_reason, "%s", a->reason);
	if (!(rc = store_case_update(s, c)))
		rc = add_event(s, c, a->on, "extended", a->reason, 0, a->actor);
	return rc ? store_failed(s, err, rc) : WG_OK;
}

int case_extend(struct store *s, const char *number, int32_t on, const char *reason,
		const char *actor, struct msg *err)
{
	struct step a = {.number = number, .on = on, .reason = reason, .actor = actor};
	return run_step(s, &a, do_extend, err);
}

/* The facts a document keeps as issued (its body): the addressee's name, the project, and
 * the workers with what is still owed to each. Caller frees. */
struct body_workers {
	json_t *arr;
};

static int body_worker(void *ctx, const struct case_worker *w)
{
	struct body_workers *b = ctx;
	if (w->claimed <= w->paid)
		return 0;
	char m[MONEY_BUFSZ];
	json_t *j = json_pack("{s:s?, s:s?, s:s}", "name", w->name, "id_number", w->id_number,
			      "amount", money_format(w->claimed - w->paid, m));
	return json_array_append_new(b->arr, j) ? WG_ENOMEM : 0;
}

static char *doc_body(struct store *s, const struct case_row *c)
{
	char pname[256] = "";
	if (c->project[0])
		store_project_name(s, c->project, pname, sizeof pname);
	struct body_workers b = {.arr = json_array()};
	if (store_case_workers(s, c->id, body_worker, &b)) {
		json_decref(b.arr);
		return NULL;
	}
	json_t *j = json_pack("{s:s, s:s, s:s, s:o}", "employer_name",
			      c->employer_name[0] ? c->employer_name : c->employer, "project",
			      c->project, "project_name", pname, "workers", b.arr);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	return text;
}

/* Substantiates the case on day on (once): LINK_CASE_SUBSTANTIATED with the arrears found. */
static int substantiate(struct store *s, struct case_row *c, int32_t on, int64_t amount,
			const char *actor, struct msg *err)
{
	if (c->substantiated >= 0)
		return WG_OK;
	c->substantiated = on;
	int rc = store_case_update(s, c);
	if (rc)
		return store_failed(s, err, rc);
	return emit(s, c, LINK_CASE_SUBSTANTIATED, on, amount, NULL, 0, NULL, actor, err);
}

static int do_order(struct store *s, const struct case_clock *k, struct case_row *c,
		    const struct step *a, struct msg *err)
{
	(void)k;
	int rc = need_accepted(c, err);
	if (rc)
		return rc;
	if (c->order_number[0]) {
		msg_set(err, MSG_RELIEF_ORDER_EXISTS, "number", c->number, "order", c->order_number,
			MSG_END);
		return WG_EINPUT;
	}
	if (a->on < c->accepted)
		return before(err, a->on, "acceptance", c->accepted);
	if (a->deadline <= a->on) {
		char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
		msg_set(err, MSG_RELIEF_DEADLINE_BAD, "deadline", date_format(a->deadline, d1),
			"on", date_format(a->on, d2), MSG_END);
		return WG_EINPUT;
	}
	int64_t owed = c->claimed > c->paid ? c->claimed - c->paid : 0;
	char *body = doc_body(s, c);
	if (!body)
		return store_failed(s, err, WG_ENOMEM);
	struct document_issue di = {.kind = "order",
				    .body = body,
				    .region = c->region,
				    .case_id = c->id,
				    .case_number = c->number,
				    .addressee = c->employer,
				    .issued = a->on,
				    .deadline = a->deadline,
				    .amount = owed,
				    .actor = a->actor};
	char docnum[96];
	rc = document_issue_tx(s, &di, docnum, err);
	free(body);
	if (rc)
		return rc;
	snprintf(c->order_number, sizeof c->order_number, "%s", docnum);
	c->order_issued = a->on;
	c->order_deadline = a->deadline;
	if ((rc = store_case_update(s, c)))
		return store_failed(s, err, rc);
	char detail[160], dl[DATE_BUFSZ];
	snprintf(detail, sizeof detail, "%s %s", docnum, date_format(a->deadline, dl));
	if ((rc = add_event(s, c, a->on, "order", detail, owed, a->actor)))
		return store_failed(s, err, rc);
	if (a->out)
		snprintf(a->out, a->outsz, "%s", docnum);
	return substantiate(s, c, a->on, owed, a->actor, err);
}

int case_order(struct store *s, const char *number, int32_t on, int32_t deadline, const char *actor,
	       char doc[96], struct msg *err)
{
	struct step a = {.number = number,
			 .on = on,
			 .deadline = deadline,
			 .actor = actor,
			 .out = doc,
			 .outsz = 96};
	return run_step(s, &a, do_order, err);
}

/* The complainants with what is still owed to each, for LINK_ORDER_IGNORED. */
struct owed_list {
	struct link_worker *w;
	char (*ids)[24];
	int n, alloc;
	int64_t total;
};

static int collect_owed(void *ctx, const struct case_worker *w)
{
	struct owed_list *o = ctx;
	if (!w->id_number || w->claimed <= w->paid)
		return 0;
	if (o->n == o->alloc) {
		int a = o->alloc ? o->alloc * 2 : 8;
		void *p = realloc(o->w, (size_t)a * sizeof *o->w);
		if (!p)
			return WG_ENOMEM;
		o->w = p;
		if (!(p = realloc(o->ids, (size_t)a * sizeof *o->ids)))
			return WG_ENOMEM;
		o->ids = p;
		o->alloc = a;
	}
	snprintf(o->ids[o->n], sizeof o->ids[o->n], "%s", w->id_number);
	o->w[o->n].amount = w->claimed - w->paid;
	o->total += w->claimed - w->paid;
	o->n++;
	return 0;
}

static int do_ignored(struct store *s, const struct case_clock *k, struct case_row *c,
		      const struct step *a, struct msg *err)
{
	int rc = need_accepted(c, err);
	if (rc)
		return rc;
	if (!c->order_number[0]) {
		msg_set(err, MSG_RELIEF_NO_ORDER, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	if (c->order_ignored >= 0) {
		msg_set(err, MSG_RELIEF_ORDER_DONE, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	if (a->on <= c->order_deadline) {
		char d[DATE_BUFSZ];
		msg_set(err, MSG_RELIEF_ORDER_NOT_DUE, "deadline",
			date_format((int32_t)c->order_deadline, d), MSG_END);
		return WG_EINPUT;
	}
	if (c->paid >= c->claimed) {
		msg_set(err, MSG_RELIEF_ORDER_MET, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	struct owed_list o = {0};
	if ((rc = store_case_workers(s, c->id, collect_owed, &o))) {
		store_failed(s, err, rc);
		goto done;
	}
	for (int i = 0; i < o.n; i++)
		o.w[i].id_number = o.ids[i];
	int64_t owed = c->claimed - c->paid;
	/* Art 26 of the supervision regulations: 50–100% of what is owed, rounded half up */
	c->surcharge = (owed * k->surcharge_percent + 50) / 100;
	c->order_ignored = a->on;
	if ((rc = store_case_update(s, c))) {
		store_failed(s, err, rc);
		goto done;
	}
	char detail[64];
	snprintf(detail, sizeof detail, "surcharge %d%%", k->surcharge_percent);
	if ((rc = add_event(s, c, a->on, "order_ignored", detail, c->surcharge, a->actor))) {
		store_failed(s, err, rc);
		goto done;
	}
	/* the document's status follows */
	struct document_row d;
	if (!(rc = store_document_get(s, c->order_number, &d)))
		rc = store_document_set_status(s, d.id, "ignored", a->on);
	if (rc) {
		store_failed(s, err, rc);
		goto done;
	}
	if ((rc = emit(s, c, LINK_ORDER_IGNORED, a->on, owed, o.w, o.n, c->order_number, a->actor,
		       err)))
		goto done;
	/* Order 45: not paying by the regulator's deadline is a ground for listing; credit
	 * weighs it with the thresholds and the regulator decides */
	rc = emit(s, c, LINK_LIST_PROPOSE, a->on, owed, o.w, o.n, "order_ignored", a->actor, err);
done:
	free(o.w);
	free(o.ids);
	return rc;
}

int case_order_ignored(struct store *s, const char *number, int32_t on, const char *actor,
		       struct msg *err)
{
	struct step a = {.number = number, .on = on, .actor = actor};
	return run_step(s, &a, do_ignored, err);
}

struct find_worker {
	const char *id;
	int64_t claimed, paid;
	bool found;
};

static int find_worker_cb(void *ctx, const struct case_worker *w)
{
	struct find_worker *f = ctx;
	if (w->id_number && strcmp(w->id_number, f->id) == 0) {
		f->found = true;
		f->claimed = w->claimed;
		f->paid = w->paid;
	}
	return 0;
}

static int do_pay(struct store *s, const struct case_clock *k, struct case_row *c,
		  const struct step *a, struct msg *err)
{
	(void)k;
	if (strcmp(c->status, "received") != 0 && strcmp(c->status, "accepted") != 0) {
		msg_set(err, MSG_RELIEF_CLOSED, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	if (a->amount <= 0)
		return input(err, MSG_RELIEF_PAY_ZERO);
	if (a->on < c->received)
		return before(err, a->on, "receipt", c->received);
	struct find_worker f = {.id = a->id_number};
	int rc = store_case_workers(s, c->id, find_worker_cb, &f);
	if (rc)
		return store_failed(s, err, rc);
	if (!f.found) {
		msg_set(err, MSG_RELIEF_NOT_COMPLAINANT, "worker", a->id_number, "number",
			c->number, MSG_END);
		return WG_EINPUT;
	}
	if (a->amount > f.claimed - f.paid) {
		char m[MONEY_BUFSZ];
		msg_set(err, MSG_RELIEF_PAY_TOO_MUCH, "owed",
			money_format(f.claimed > f.paid ? f.claimed - f.paid : 0, m), MSG_END);
		return WG_EINPUT;
	}
	/* ledgered: case,ID,amount,date,txn — one entry, its receipt code checkable */
	struct ledger_writer w;
	struct dbuf line = DBUF_INIT;
	char amount[MONEY_BUFSZ], day[DATE_BUFSZ];
	dbuf_add_csv_field(&line, c->number);
	dbuf_addc(&line, ',');
	dbuf_add_csv_field(&line, a->id_number);
	dbuf_addf(&line, ",%s,%s,", money_format(a->amount, amount), date_format(a->on, day));
	if (dbuf_add_csv_field(&line, a->txn_id ? a->txn_id : "") < 0) {
		dbuf_release(&line);
		return store_failed(s, err, WG_ENOMEM);
	}
	if ((rc = ledger_writer_init(&w, s))) {
		dbuf_release(&line);
		return store_failed(s, err, rc);
	}
	int64_t seq = 0;
	rc = ledger_write(&w, LEDGER_INSERT, "case_payment", 0, dbuf_str(&line), &seq);
	ledger_writer_release(&w);
	char receipt[RECEIPT_BUFSZ] = "";
	if (!rc)
		receipt_code(seq, 1, dbuf_str(&line), receipt, sizeof receipt);
	dbuf_release(&line);
	if (rc)
		return store_failed(s, err, rc);
	struct case_payment p = {.who = a->id_number,
				 .txn_id = a->txn_id,
				 .source = "employer",
				 .receipt = receipt,
				 .amount = a->amount,
				 .paid_on = a->on,
				 .lseq = seq};
	if ((rc = store_case_payment_add(s, c->id, c->region, &p)))
		return store_failed(s, err, rc);
	char detail[128];
	snprintf(detail, sizeof detail, "%s %s", a->id_number, receipt);
	if ((rc = add_event(s, c, a->on, "payment", detail, a->amount, a->actor)))
		return store_failed(s, err, rc);
	if (a->out)
		snprintf(a->out, a->outsz, "%s", receipt);
	return WG_OK;
}

int case_pay(struct store *s, const char *number, const char *id_number, int64_t amount, int32_t on,
	     const char *txn_id, const char *actor, char receipt[48], struct msg *err)
{
	struct step a = {.number = number,
			 .on = on,
			 .id_number = id_number,
			 .amount = amount,
			 .txn_id = txn_id,
			 .actor = actor,
			 .out = receipt,
			 .outsz = 48};
	return run_step(s, &a, do_pay, err);
}

static int do_close(struct store *s, const struct case_clock *k, struct case_row *c,
		    const struct step *a, struct msg *err)
{
	(void)k;
	int rc = need_accepted(c, err);
	if (rc)
		return rc;
	if (!case_outcome_ok(a->outcome)) {
		msg_set(err, MSG_RELIEF_OUTCOME, "value", a->outcome ? a->outcome : "", "allowed",
			"paid, mediation, decision, arbitration, police, no_violation", MSG_END);
		return WG_EINPUT;
	}
	if (a->on < c->accepted)
		return before(err, a->on, "acceptance", c->accepted);
	int64_t owed = c->claimed > c->paid ? c->claimed - c->paid : 0;
	bool paid = strcmp(a->outcome, "paid") == 0;
	bool mediation = strcmp(a->outcome, "mediation") == 0;
	bool decision = strcmp(a->outcome, "decision") == 0;
	if (paid && owed > 0) {
		char m[MONEY_BUFSZ];
		msg_set(err, MSG_RELIEF_NOT_PAID, "owed", money_format(owed, m), MSG_END);
		return WG_EINPUT;
	}
	if (mediation && a->amount <= 0)
		return input(err, MSG_RELIEF_AMOUNT_NEEDED);
	int64_t found = paid ? c->paid
		: mediation  ? a->amount
		: decision   ? (a->amount ? a->amount : owed)
			     : 0;
	c->agreed = mediation || decision ? found : 0;
	c->closed = a->on;
	snprintf(c->outcome, sizeof c->outcome, "%s", a->outcome);
	snprintf(c->status, sizeof c->status, "closed");
	/* the decision (处理决定书) and the referral letters are numbered documents addressed
	 * to the employer, keeping the facts as they were */
	const char *kind = decision                      ? "decision"
		: strcmp(a->outcome, "police") == 0      ? "referral_police"
		: strcmp(a->outcome, "arbitration") == 0 ? "referral_arbitration"
							 : NULL;
	if (kind) {
		char *body = doc_body(s, c);
		if (!body)
			return store_failed(s, err, WG_ENOMEM);
		struct document_issue di = {.kind = kind,
					    .body = body,
					    .region = c->region,
					    .case_id = c->id,
					    .case_number = c->number,
					    .addressee = c->employer,
					    .issued = a->on,
					    .deadline = -1,
					    .amount = decision ? found : owed,
					    .actor = a->actor};
		char docnum[96];
		rc = document_issue_tx(s, &di, docnum, err);
		free(body);
		if (rc)
			return rc;
	}
	/* an order met: its document says so */
	if (c->order_number[0] && c->order_ignored < 0 && paid) {
		struct document_row d;
		if (!(rc = store_document_get(s, c->order_number, &d)))
			rc = store_document_set_status(s, d.id, "met", a->on);
		if (rc)
			return store_failed(s, err, rc);
	}
	if ((rc = store_case_update(s, c)))
		return store_failed(s, err, rc);
	if ((rc = add_event(s, c, a->on, "closed", a->outcome, found, a->actor)))
		return store_failed(s, err, rc);
	/* SPEC §9: paid, a mediation agreement with an amount, an order, a decision */
	if ((paid && found > 0) || (mediation && found > 0) || decision)
		if ((rc = substantiate(s, c, a->on, found, a->actor, err)))
			return rc;
	return emit(s, c, LINK_CASE_CLOSED, a->on, c->paid, NULL, 0, a->outcome, a->actor, err);
}

int case_close(struct store *s, const char *number, const char *outcome, int32_t on, int64_t amount,
	       const char *actor, struct msg *err)
{
	struct step a = {
		.number = number, .on = on, .outcome = outcome, .amount = amount, .actor = actor};
	return run_step(s, &a, do_close, err);
}

static int do_absconded(struct store *s, const struct case_clock *k, struct case_row *c,
			const struct step *a, struct msg *err)
{
	(void)k;
	if (strcmp(c->status, "received") != 0 && strcmp(c->status, "accepted") != 0) {
		msg_set(err, MSG_RELIEF_CLOSED, "number", c->number, MSG_END);
		return WG_EINPUT;
	}
	c->absconded = a->on;
	int rc = store_case_update(s, c);
	if (!rc)
		rc = add_event(s, c, a->on, "absconded", NULL, 0, a->actor);
	return rc ? store_failed(s, err, rc) : WG_OK;
}

int case_absconded(struct store *s, const char *number, int32_t on, const char *actor,
		   struct msg *err)
{
	struct step a = {.number = number, .on = on, .actor = actor};
	return run_step(s, &a, do_absconded, err);
}

static int complaint_employer(struct store *s, const struct pending_complaint *c, char *out,
			      size_t n)
{
	if (c->employer && *c->employer) {
		snprintf(out, n, "%s", c->employer);
		return WG_OK;
	}
	if (!c->project || !*c->project)
		return WG_OK;
	return store_project_contractor(s, c->project, out, n);
}
