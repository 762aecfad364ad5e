/* supervision.c — inspections, conflicts, rectification orders and their escalation, and
 * the draw over the store (domain/supervision.h). Each action validates, then writes in
 * one store transaction; events to the other systems go through links_emit inside it. */
#include "domain/supervision.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/document.h"
#include "domain/draw.h"
#include "domain/links.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/banned.h"

const char *const sv_kinds[] = {"routine", "complaint", "warning", "special", NULL};
const char *const sv_items[] = {
	"real_name", "wage_account", "bank_card_pay", "payroll_kept", "notice_board", "deposit",
	NULL};
const char *const sv_results[] = {"yes", "no", "na", NULL};

static int in_list(const char *const *list, const char *v)
{
	for (int i = 0; v && list[i]; i++)
		if (strcmp(list[i], v) == 0)
			return 1;
	return 0;
}

int sv_kind_ok(const char *kind)
{
	return in_list(sv_kinds, kind);
}
int sv_item_ok(const char *item)
{
	return in_list(sv_items, item);
}

static int store_failed(struct store *s, int rc, struct msg *err)
{
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	else
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}

static int fail(struct msg *err, int rc, enum msg_id id, const char *name, const char *value)
{
	msg_set(err, id, name, value, MSG_END);
	return rc;
}

/* The enterprise must be registered: its region into *region. */
static int enterprise_region(struct store *s, const char *uscc, int64_t *region, struct msg *err)
{
	if (!uscc || uscc_validate(uscc) != 0)
		return fail(err, WG_EINPUT, MSG_SV_USCC_BAD, "uscc", uscc ? uscc : "");
	int rc = store_sv_region_of(s, uscc, NULL, region);
	if (rc == WG_ENOTFOUND)
		return fail(err, rc, MSG_SV_NO_ENTERPRISE, "uscc", uscc);
	return rc ? store_failed(s, rc, err) : WG_OK;
}

struct conflict_find {
	const char *inspector, *uscc;
	int found;
};

static int conflict_match(void *ctx, const struct sv_conflict *c)
{
	struct conflict_find *f = ctx;
	if (strcmp(c->inspector, f->inspector) == 0 && strcmp(c->uscc, f->uscc) == 0)
		f->found = 1;
	return 0;
}

/* Whether inspector has a standing declared conflict with uscc on day. */
static int has_conflict(struct store *s, const char *inspector, const char *uscc, int32_t day,
			int *yes)
{
	struct conflict_find f = {inspector, uscc, 0};
	int rc = store_sv_conflict_list(s, "", day, conflict_match, &f);
	*yes = f.found;
	return rc;
}

/* A regulator who may inspect in region: enabled, scope a prefix of the region code. */
static int inspector_ok(struct store *s, const char *name, int64_t region, struct msg *err)
{
	const char *scope;
	char reg[24];
	int rc = store_sv_inspector_scope(s, name, &scope);
	if (rc == WG_ENOTFOUND)
		return fail(err, WG_EINPUT, MSG_SV_NOT_INSPECTOR, "inspector", name);
	if (rc)
		return store_failed(s, rc, err);
	snprintf(reg, sizeof reg, "%lld", (long long)region);
	if (strncmp(reg, scope, strlen(scope)) != 0) {
		msg_set(err, MSG_SV_INSPECTOR_OUT_OF_REGION, "inspector", name, "region", reg,
			MSG_END);
		return WG_EINPUT;
	}
	return WG_OK;
}

int sv_conflict_declare(struct store *s, const char *inspector, const char *uscc,
			const char *reason, int32_t day, const char *actor, int64_t *id,
			struct msg *err)
{
	int64_t region;
	int rc, dup;
	if (!reason || !*reason)
		return fail(err, WG_EINPUT, MSG_SV_REASON_REQUIRED, "field", "reason");
	if ((rc = enterprise_region(s, uscc, &region, err)))
		return rc;
	const char *scope;
	if ((rc = store_sv_inspector_scope(s, inspector, &scope)) == WG_ENOTFOUND)
		return fail(err, WG_EINPUT, MSG_SV_NOT_INSPECTOR, "inspector", inspector);
	if (rc || (rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	if ((rc = has_conflict(s, inspector, uscc, -1, &dup)))
		goto fail;
	if (dup) {
		s->ops->rollback(s);
		msg_set(err, MSG_SV_CONFLICT_EXISTS, "inspector", inspector, "uscc", uscc, MSG_END);
		return WG_ECONFLICT;
	}
	struct sv_conflict c = {.region = region,
				.inspector = inspector,
				.uscc = uscc,
				.reason = reason,
				.declared_on = day,
				.actor = actor};
	if ((rc = store_sv_conflict_add(s, &c)))
		goto fail;
	*id = c.id;
	if ((rc = s->ops->commit(s)))
		return store_failed(s, rc, err);
	return WG_OK;
fail:
	store_failed(s, rc, err);
	s->ops->rollback(s);
	return rc;
}

static int check_findings(const struct sv_finding *f, size_t nf, struct msg *err)
{
	for (size_t i = 0; i < nf; i++) {
		if (!sv_item_ok(f[i].item))
			return fail(err, WG_EINPUT, MSG_SV_ITEM_BAD, "item",
				    f[i].item ? f[i].item : "");
		if (!in_list(sv_results, f[i].result)) {
			msg_set(err, MSG_SV_RESULT_BAD, "item", f[i].item, "result",
				f[i].result ? f[i].result : "", MSG_END);
			return WG_EINPUT;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(f[i].item, f[j].item) == 0)
				return fail(err, WG_EINPUT, MSG_SV_ITEM_TWICE, "item", f[i].item);
	}
	return WG_OK;
}

int sv_inspection_add(struct store *s, struct sv_new_inspection *in, int64_t *id, struct msg *err)
{
	struct link_case lc;
	struct sv_task task;
	char uscc[24] = "", project[72] = "";
	int64_t region;
	int rc;
	if (!sv_kind_ok(in->kind))
		return fail(err, WG_EINPUT, MSG_SV_KIND_BAD, "kind", in->kind ? in->kind : "");
	if (in->uscc)
		snprintf(uscc, sizeof uscc, "%s", in->uscc);
	if (in->project)
		snprintf(project, sizeof project, "%s", in->project);
	if (strcmp(in->kind, "complaint") == 0) {
		if (!in->case_number || !*in->case_number)
			return fail(err, WG_EINPUT, MSG_SV_CASE_REQUIRED, "kind", in->kind);
		if ((rc = link_case_get(s, in->case_number, &lc)) == WG_ENOTFOUND)
			return fail(err, rc, MSG_SV_NO_CASE, "case", in->case_number);
		if (rc)
			return store_failed(s, rc, err);
		if (!*uscc)
			snprintf(uscc, sizeof uscc, "%s", lc.uscc);
		if (!*project)
			snprintf(project, sizeof project, "%s", lc.project);
	} else if (in->case_number) {
		return fail(err, WG_EINPUT, MSG_SV_CASE_ONLY_COMPLAINT, "kind", in->kind);
	}
	if (strcmp(in->kind, "warning") == 0) {
		if (in->task_id <= 0)
			return fail(err, WG_EINPUT, MSG_SV_TASK_REQUIRED, "kind", in->kind);
		if ((rc = store_sv_task_get(s, in->task_id, &task)) == WG_ENOTFOUND) {
			msg_set(err, MSG_SV_NO_TASK, MSG_END);
			msg_add_int(err, "task", (long long)in->task_id);
			return rc;
		}
		if (rc)
			return store_failed(s, rc, err);
		if (!*uscc && (task.employer || task.contractor))
			snprintf(uscc, sizeof uscc, "%s",
				 task.employer ? task.employer : task.contractor);
		if (!*project && task.project)
			snprintf(project, sizeof project, "%s", task.project);
	} else if (in->task_id > 0) {
		return fail(err, WG_EINPUT, MSG_SV_TASK_ONLY_WARNING, "kind", in->kind);
	}
	if (in->campaign_id > 0) {
		struct sv_campaign c;
		char num[24];
		snprintf(num, sizeof num, "%lld", (long long)in->campaign_id);
		if ((rc = store_sv_campaign_get(s, in->campaign_id, &c)) == WG_ENOTFOUND)
			return fail(err, rc, MSG_SV_NO_CAMPAIGN, "campaign", num);
		if (rc)
			return store_failed(s, rc, err);
	}
	if ((rc = enterprise_region(s, uscc, &region, err)))
		return rc;
	if (*project) {
		if ((rc = store_sv_region_of(s, NULL, project, &region)) == WG_ENOTFOUND)
			return fail(err, rc, MSG_SV_NO_PROJECT, "project", project);
		if (rc)
			return store_failed(s, rc, err);
	}
	if (in->inspected_on < 0 && in->planned_on < 0)
		return fail(err, WG_EINPUT, MSG_SV_DATE_REQUIRED, "field", "date");
	if (in->ninspectors < SV_MIN_INSPECTORS) {
		msg_set(err, MSG_SV_TOO_FEW_INSPECTORS, MSG_END);
		msg_add_int(err, "min", SV_MIN_INSPECTORS);
		return WG_EINPUT;
	}
	int32_t on = in->inspected_on >= 0 ? in->inspected_on : in->planned_on;
	for (size_t i = 0; i < in->ninspectors; i++) {
		int conflict;
		for (size_t j = 0; j < i; j++)
			if (strcmp(in->inspectors[i], in->inspectors[j]) == 0)
				return fail(err, WG_EINPUT, MSG_SV_INSPECTOR_TWICE, "inspector",
					    in->inspectors[i]);
		if ((rc = inspector_ok(s, in->inspectors[i], region, err)))
			return rc;
		if ((rc = has_conflict(s, in->inspectors[i], uscc, on, &conflict)))
			return store_failed(s, rc, err);
		if (conflict) {
			msg_set(err, MSG_SV_INSPECTOR_CONFLICT, "inspector", in->inspectors[i],
				"uscc", uscc, MSG_END);
			return WG_EINPUT;
		}
	}
	if (in->inspected_on < 0 && in->nfindings)
		return fail(err, WG_EINPUT, MSG_SV_FINDINGS_NEED_DATE, "field", "date");
	if ((rc = check_findings(in->findings, in->nfindings, err)))
		return rc;
	struct sv_inspection row = {.region = region,
				    .kind = in->kind,
				    .status = in->inspected_on >= 0 ? "done" : "planned",
				    .uscc = uscc,
				    .project = *project ? project : NULL,
				    .case_number = in->case_number,
				    .task_id = in->task_id,
				    .campaign_id = in->campaign_id,
				    .draw_id = in->draw_id,
				    .planned_on = in->planned_on,
				    .inspected_on = in->inspected_on,
				    .note = in->note,
				    .created_at = (int64_t)time(NULL),
				    .actor = in->actor};
	if ((rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	if ((rc = store_sv_inspection_add(s, &row)))
		goto fail;
	for (size_t i = 0; i < in->ninspectors && !rc; i++)
		rc = store_sv_inspection_add_inspector(s, row.id, region, in->inspectors[i]);
	for (size_t i = 0; i < in->nfindings && !rc; i++)
		rc = store_sv_finding_set(s, row.id, region, &in->findings[i]);
	if (!rc && in->task_id > 0)
		rc = store_sv_task_set_status(s, in->task_id,
					      in->inspected_on >= 0 ? "done" : "assigned");
	if (rc)
		goto fail;
	if ((rc = s->ops->commit(s)))
		return store_failed(s, rc, err);
	*id = row.id;
	return WG_OK;
fail:
	store_failed(s, rc, err);
	s->ops->rollback(s);
	return rc;
}

int sv_inspection_record(struct store *s, int64_t id, int32_t day, const struct sv_finding *f,
			 size_t nf, const char *note, struct msg *err)
{
	struct sv_inspection in;
	char num[24];
	int rc = store_sv_inspection_get(s, id, &in);
	snprintf(num, sizeof num, "%lld", (long long)id);
	if (rc == WG_ENOTFOUND)
		return fail(err, rc, MSG_SV_NO_INSPECTION, "inspection", num);
	if (rc)
		return store_failed(s, rc, err);
	if (strcmp(in.status, "planned") != 0)
		return fail(err, WG_ECONFLICT, MSG_SV_INSPECTION_DONE, "inspection", num);
	if ((rc = check_findings(f, nf, err)))
		return rc;
	int64_t region = in.region, task = in.task_id;
	if ((rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	rc = store_sv_inspection_done(s, id, day, note);
	for (size_t i = 0; i < nf && !rc; i++)
		rc = store_sv_finding_set(s, id, region, &f[i]);
	if (!rc && task > 0)
		rc = store_sv_task_set_status(s, task, "done");
	if (rc) {
		store_failed(s, rc, err);
		s->ops->rollback(s);
		return rc;
	}
	if ((rc = s->ops->commit(s)))
		return store_failed(s, rc, err);
	return WG_OK;
}

/* ---- rectification orders ---- */

/* The order's number is its document's (relief's numbered documents, domain/document.h): the
 * issuing authority's gap-free sequence of kind "rectify" for the year. */
static void order_number(struct sv_order *o, char *buf, size_t n)
{
	snprintf(buf, n, "%s", o->number ? o->number : "");
}

/* The order's wording as the document's body: what was found, what to do by when, what
 * follows a missed deadline (Decree 724 Arts 55-56, Order 45). */
static char *order_body(struct store *s, const struct sv_order *o, const char *deadline_text)
{
	const char *name = NULL;
	char ename[256] = "", where[160] = "";
	if (store_sv_enterprise_name(s, o->uscc, &name) == WG_OK && name)
		snprintf(ename, sizeof ename, "%s", name);
	if (o->project)
		snprintf(where, sizeof where, "在“%s”项目中", o->project);
	char text[2048];
	snprintf(
		text, sizeof text,
		"经检查，你单位%s存在下列违反《保障农民工工资支付条例》的问题：%s。根据《保障农民工"
		"工资支付条例》第五十五条、第五十六条和《劳动保障监察条例》的规定，责令你单位于%s前"
		"改正，并将改正情况书面报送本机构。逾期不改正的，将依法予以处罚，记入工资支付信用"
		"记录；拖欠工资的，依法启用工资保证金，并按规定列入拖欠农民工工资失信联合惩戒对象"
		"名单。",
		where, o->items, deadline_text);
	json_t *b = json_pack("{s:s, s:s, s:s?, s:I, s:I}", "text", text, "employer_name", ename,
			      "project", o->project, "inspection", (json_int_t)o->inspection_id,
			      "workers", (json_int_t)o->workers);
	char *out = b ? json_dumps(b, JSON_COMPACT) : NULL;
	json_decref(b);
	return out;
}

int sv_order_issue(struct store *s, const struct sv_new_order *o, char *number, size_t n,
		   struct msg *err)
{
	struct sv_inspection in;
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)o->inspection_id);
	int rc = store_sv_inspection_get(s, o->inspection_id, &in);
	if (rc == WG_ENOTFOUND)
		return fail(err, rc, MSG_SV_NO_INSPECTION, "inspection", num);
	if (rc)
		return store_failed(s, rc, err);
	if (strcmp(in.status, "done") != 0)
		return fail(err, WG_EINPUT, MSG_SV_ORDER_NEEDS_DONE, "inspection", num);
	if (!o->items || !*o->items)
		return fail(err, WG_EINPUT, MSG_SV_REASON_REQUIRED, "field", "items");
	if (o->issued_on < in.inspected_on)
		return fail(err, WG_EINPUT, MSG_SV_ORDER_BEFORE_INSPECTION, "inspection", num);
	if (o->amount < 0 || o->workers < 0)
		return fail(err, WG_EINPUT, MSG_SV_NEGATIVE, "field", "amount");
	int32_t deadline = o->deadline;
	if (deadline < 0) {
		struct calendar cal = CALENDAR_INIT;
		if (o->days < 1 || o->days > 365) {
			msg_set(err, MSG_SV_DAYS_BAD, MSG_END);
			return WG_EINPUT;
		}
		if ((rc = store_sv_calendar(s, &cal, NULL, NULL))) {
			calendar_release(&cal);
			return store_failed(s, rc, err);
		}
		deadline = calendar_add_working_days(&cal, o->issued_on, o->days);
		calendar_release(&cal);
	}
	if (deadline <= o->issued_on)
		return fail(err, WG_EINPUT, MSG_SV_DEADLINE_BAD, "field", "deadline");
	int y, m, d;
	date_to_ymd(o->issued_on, &y, &m, &d);
	/* copies: the inspection's text belongs to the store until its next call */
	char uscc[24], project[72];
	snprintf(uscc, sizeof uscc, "%s", in.uscc);
	snprintf(project, sizeof project, "%s", in.project ? in.project : "");
	int64_t in_region = in.region;
	struct sv_order row = {.region = in.region,
			       .year = y,
			       .inspection_id = o->inspection_id,
			       .uscc = uscc,
			       .project = *project ? project : NULL,
			       .items = o->items,
			       .amount = o->amount,
			       .workers = o->workers,
			       .mass_incident = o->mass_incident,
			       .issued_on = o->issued_on,
			       .deadline = deadline,
			       .actor = o->actor};
	char dl[48], docnum[96];
	int dy, dm, dd;
	date_to_ymd(deadline, &dy, &dm, &dd);
	snprintf(dl, sizeof dl, "%d年%d月%d日", dy, dm, dd);
	char *body = order_body(s, &row, dl);
	if (!body) {
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		return WG_ENOMEM;
	}
	struct document_issue doc = {.kind = "rectify",
				     .region = in_region,
				     .addressee = uscc,
				     .issued = o->issued_on,
				     .deadline = deadline,
				     .amount = o->amount,
				     .body = body,
				     .actor = o->actor};
	/* the document and the order together: a rollback gives the number back */
	if ((rc = s->ops->begin(s))) {
		free(body);
		return store_failed(s, rc, err);
	}
	if ((rc = document_issue_tx(s, &doc, docnum, err))) {
		s->ops->rollback(s);
		free(body);
		return rc;
	}
	free(body);
	row.number = docnum;
	if ((rc = store_sv_order_add(s, &row, order_number)) || (rc = s->ops->commit(s))) {
		store_failed(s, rc, err);
		s->ops->rollback(s);
		return rc;
	}
	snprintf(number, n, "%s", docnum);
	return WG_OK;
}

int sv_order_comply(struct store *s, const char *number, int32_t day, const char *evidence,
		    struct msg *err)
{
	struct sv_order o;
	if (!evidence || !*evidence)
		return fail(err, WG_EINPUT, MSG_SV_EVIDENCE_REQUIRED, "order", number);
	int rc = store_sv_order_get(s, number, &o);
	if (rc == WG_ENOTFOUND)
		return fail(err, rc, MSG_SV_NO_ORDER, "order", number);
	if (rc)
		return store_failed(s, rc, err);
	if (o.complied_on >= 0)
		return fail(err, WG_ECONFLICT, MSG_SV_ORDER_COMPLIED, "order", number);
	if (day < o.issued_on)
		return fail(err, WG_EINPUT, MSG_SV_COMPLY_BEFORE_ISSUE, "order", number);
	/* the order and its document, met, together */
	int64_t id = o.id;
	struct document_row d;
	if ((rc = s->ops->begin(s)))
		return store_failed(s, rc, err);
	if ((rc = store_sv_order_comply(s, id, day, evidence)) ||
	    (rc = store_document_get(s, number, &d)) ||
	    (rc = store_document_set_status(s, d.id, "met", day)) || (rc = s->ops->commit(s))) {
		store_failed(s, rc, err);
		s->ops->rollback(s);
		return rc;
	}
	return WG_OK;
}

const char *sv_order_state(const struct sv_order *o, int32_t day)
{
	if (o->complied_on >= 0 && o->complied_on <= day)
		return o->complied_on <= o->deadline ? "complied" : "complied_late";
	return day > o->deadline ? "overdue" : "open";
}

/* The orders to escalate, copied out before anything is written. */
struct due {
	struct sv_order *o;
	size_t n, alloc;
};

static char *dup(const char *v)
{
	return v ? strdup(v) : NULL;
}

static int collect(void *ctx, const struct sv_order *o)
{
	struct due *d = ctx;
	if (d->n == d->alloc) {
		size_t na = d->alloc ? 2 * d->alloc : 8;
		struct sv_order *p = realloc(d->o, na * sizeof *p);
		if (!p)
			return WG_ENOMEM;
		d->o = p;
		d->alloc = na;
	}
	struct sv_order c = *o;
	c.number = dup(o->number);
	c.uscc = dup(o->uscc);
	c.project = dup(o->project);
	c.items = dup(o->items);
	c.evidence = c.actor = NULL;
	d->o[d->n++] = c;
	return c.number && c.uscc && c.items ? 0 : WG_ENOMEM;
}

int sv_escalate(struct store *s, int32_t as_of, int *escalated, int *proposed, struct msg *err)
{
	struct due d = {0};
	*escalated = *proposed = 0;
	int rc = s->ops->begin(s);
	if (rc)
		return store_failed(s, rc, err);
	if ((rc = store_sv_orders_to_escalate(s, as_of, collect, &d))) {
		store_failed(s, rc, err);
		goto fail;
	}
	for (size_t i = 0; i < d.n; i++) {
		const struct sv_order *o = &d.o[i];
		int unpaid = o->complied_on < 0 || o->complied_on > as_of, criminal = 0;
		struct link_event e = {.kind = LINK_RECTIFY_OVERDUE,
				       .uscc = o->uscc,
				       .project = o->project,
				       .ref = o->number,
				       .region = o->region,
				       .on = (int32_t)o->deadline + 1,
				       .amount = unpaid ? o->amount : 0,
				       .reason = o->items};
		if ((rc = links_emit(s, &e, err)))
			goto fail;
		if (unpaid && o->amount > 0 && !o->mass_incident &&
		    (rc = store_sv_criminal_open(s, o->uscc, &criminal))) {
			store_failed(s, rc, err);
			goto fail;
		}
		int propose = unpaid && o->amount > 0 && (o->mass_incident || criminal);
		if (propose) {
			e.kind = LINK_LIST_PROPOSE;
			e.reason = o->mass_incident ? "rectify.overdue.mass_incident"
						    : "rectify.overdue.criminal_threshold";
			if ((rc = links_emit(s, &e, err)))
				goto fail;
			++*proposed;
		}
		struct document_row doc;
		if (unpaid &&
		    ((rc = store_document_get(s, o->number, &doc)) ||
		     (rc = store_document_set_status(s, doc.id, "ignored",
						     (int32_t)o->deadline + 1)))) {
			store_failed(s, rc, err);
			goto fail;
		}
		if ((rc = store_sv_order_escalated(s, o->id, as_of, propose))) {
			store_failed(s, rc, err);
			goto fail;
		}
		++*escalated;
	}
	if ((rc = s->ops->commit(s)))
		store_failed(s, rc, err);
	goto cleanup;
fail:
	s->ops->rollback(s);
	*escalated = *proposed = 0;
cleanup:
	for (size_t i = 0; i < d.n; i++) {
		free((char *)d.o[i].number);
		free((char *)d.o[i].uscc);
		free((char *)d.o[i].project);
		free((char *)d.o[i].items);
	}
	free(d.o);
	return rc;
}

/* ---- the draw over the store ---- */

struct pool {
	struct draw_candidate *c;
	size_t nc, ac;
	char **names;
	size_t nn, an;
	struct draw_exclusion *x;
	size_t nx, ax;
	struct store *s;
	int32_t day;
	int rc;
};

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return 0;
	size_t n = *alloc ? *alloc * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return WG_ENOMEM;
	*p = q;
	*alloc = n;
	return 0;
}

static int add_candidate(void *ctx, const char *uscc, int64_t region)
{
	struct pool *p = ctx;
	(void)region;
	if (grow((void **)&p->c, &p->ac, p->nc + 1, sizeof *p->c))
		return WG_ENOMEM;
	p->c[p->nc].weight = 0;
	if (!(p->c[p->nc].uscc = strdup(uscc)))
		return WG_ENOMEM;
	p->nc++;
	return 0;
}

static int add_name(void *ctx, const char *name, const char *display)
{
	struct pool *p = ctx;
	(void)display;
	if (grow((void **)&p->names, &p->an, p->nn + 1, sizeof *p->names))
		return WG_ENOMEM;
	if (!(p->names[p->nn] = strdup(name)))
		return WG_ENOMEM;
	p->nn++;
	return 0;
}

static int add_exclusion(void *ctx, const struct sv_conflict *c)
{
	struct pool *p = ctx;
	if (grow((void **)&p->x, &p->ax, p->nx + 1, sizeof *p->x))
		return WG_ENOMEM;
	struct draw_exclusion *x = &p->x[p->nx];
	x->uscc = strdup(c->uscc);
	x->inspector = strdup(c->inspector);
	p->nx++; /* released by pool_release, also when one copy failed */
	if (!x->uscc || !x->inspector)
		return WG_ENOMEM;
	return 0;
}

static void pool_release(struct pool *p)
{
	for (size_t i = 0; i < p->nc; i++)
		free((char *)p->c[i].uscc);
	for (size_t i = 0; i < p->nn; i++)
		free(p->names[i]);
	for (size_t i = 0; i < p->nx; i++) {
		free((char *)p->x[i].uscc);
		free((char *)p->x[i].inspector);
	}
	free(p->c);
	free(p->names);
	free(p->x);
}

/* The region code a prefix stands for: the prefix padded with zeros to six digits. */
static int64_t prefix_region(const char *prefix)
{
	char buf[7] = "000000";
	size_t n = strspn(prefix, "0123456789");
	memcpy(buf, prefix, n > 6 ? 6 : n);
	return strtoll(buf, NULL, 10);
}

int sv_draw(struct store *s, const struct sv_draw_request *r, json_t **doc, int64_t *draw_id,
	    struct msg *err)
{
	struct pool p = {.s = s, .day = r->day};
	json_t *d = NULL;
	char *text = NULL;
	int rc;
	*doc = NULL;
	/* the scope: the region, else the campaign's regions (comma-separated prefixes) */
	char scope[512] = "";
	if (r->campaign_id > 0) {
		struct sv_campaign c;
		char num[24];
		snprintf(num, sizeof num, "%lld", (long long)r->campaign_id);
		if ((rc = store_sv_campaign_get(s, r->campaign_id, &c)) == WG_ENOTFOUND)
			return fail(err, rc, MSG_SV_NO_CAMPAIGN, "campaign", num);
		if (rc)
			return store_failed(s, rc, err);
		snprintf(scope, sizeof scope, "%s", c.regions);
	}
	if (r->region) {
		size_t plen = strlen(r->region);
		if (plen < 2 || plen > 6 || strspn(r->region, "0123456789") != plen)
			return fail(err, WG_EINPUT, MSG_SV_REGION_BAD, "region", r->region);
		snprintf(scope, sizeof scope, "%s", r->region);
	}
	if (!*scope)
		return fail(err, WG_EINPUT, MSG_SV_REGION_BAD, "region", "");
	if (!draw_seed_ok(r->seed)) {
		msg_set(err, MSG_SV_DRAW_SEED_BAD, MSG_END);
		msg_add_int(err, "max", DRAW_SEED_MAX);
		return WG_EINPUT;
	}
	/* the seed is on record before anything about the draw is computed */
	struct sv_draw row = {.region = prefix_region(scope),
			      .scope = scope,
			      .campaign_id = r->campaign_id,
			      .seed = r->seed,
			      .seeded_at = (int64_t)time(NULL),
			      .drawn_on = r->day,
			      .n = r->n,
			      .k = r->k,
			      .actor = r->actor};
	if ((rc = s->ops->begin(s)) || (rc = store_sv_draw_add(s, &row)) ||
	    (rc = s->ops->commit(s))) {
		store_failed(s, rc, err);
		s->ops->rollback(s);
		return rc;
	}
	*draw_id = row.id;
	char buf[sizeof scope];
	snprintf(buf, sizeof buf, "%s", scope);
	for (char *pre = buf; pre && *pre;) {
		char *comma = strchr(pre, ',');
		if (comma)
			*comma = '\0';
		if ((rc = store_sv_enterprises(s, pre, add_candidate, &p)))
			goto store_fail;
		if (!r->roster && (rc = store_sv_roster(s, pre, add_name, &p)))
			goto store_fail;
		pre = comma ? comma + 1 : NULL;
	}
	for (size_t i = 0; i < p.nc; i++) {
		char grade = 'A';
		if ((rc = link_grade(s, p.c[i].uscc, r->day, &grade)))
			goto store_fail;
		p.c[i].weight = draw_grade_weight(grade);
		if (!p.c[i].weight) {
			WG_BUG("link_grade answered a grade outside A-D");
			p.c[i].weight = 1;
		}
	}
	for (size_t i = 0; r->roster && i < r->nroster; i++)
		if ((rc = add_name(&p, r->roster[i], NULL)))
			goto store_fail;
	if ((rc = store_sv_conflict_list(s, "", r->day, add_exclusion, &p)))
		goto store_fail;
	if ((rc = draw_run(r->seed, r->n, r->k, p.c, p.nc, (const char *const *)p.names, p.nn, p.x,
			   p.nx, &d, err)))
		goto cleanup;
	if (!(text = draw_dumps(d))) {
		rc = WG_ENOMEM;
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		goto cleanup;
	}
	/* the document and a planned inspection per drawn target, together */
	if ((rc = s->ops->begin(s)))
		goto store_fail;
	if ((rc = store_sv_draw_publish(s, row.id, text, r->day)))
		goto rollback;
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(d, "drawn"), i, t)
	{
		const char *uscc = json_string_value(json_object_get(t, "uscc"));
		int64_t region;
		if ((rc = store_sv_region_of(s, uscc, NULL, &region)))
			goto rollback;
		struct sv_inspection in = {.region = region,
					   .kind = r->campaign_id > 0 ? "special" : "routine",
					   .status = "planned",
					   .uscc = uscc,
					   .campaign_id = r->campaign_id,
					   .draw_id = row.id,
					   .planned_on = r->day,
					   .inspected_on = -1,
					   .created_at = (int64_t)time(NULL),
					   .actor = r->actor};
		if ((rc = store_sv_inspection_add(s, &in)))
			goto rollback;
		size_t j;
		json_t *id;
		json_array_foreach(json_object_get(t, "inspectors"), j, id)
		{
			const char *name = json_string_value(id);
			if ((rc = store_sv_inspection_add_inspector(s, in.id, region, name)))
				goto rollback;
		}
	}
	if ((rc = s->ops->commit(s)))
		goto store_fail;
	*doc = d;
	d = NULL;
	goto cleanup;
rollback:
	s->ops->rollback(s);
store_fail:
	store_failed(s, rc, err);
cleanup:
	json_decref(d);
	free(text);
	pool_release(&p);
	return rc;
}
