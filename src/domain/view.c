/* view.c — read models as JSON, one shape for the CLI and the API, personal data masked for
 * readers not entitled to it. */
#include "domain/view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

bool view_may_reveal(const struct view_reader *r, const char *owner)
{
	return r->all || (r->self && owner && strcmp(r->self, owner) == 0);
}

const char *view_id(const struct view_reader *r, const char *id_number, const char *owner,
		    char *buf)
{
	if (!id_number)
		return NULL;
	return view_may_reveal(r, owner) ? id_number : mask_id(id_number, buf);
}

const char *view_card(const struct view_reader *r, const char *card, const char *owner, char *buf)
{
	if (!card)
		return NULL;
	return view_may_reveal(r, owner) ? card : mask_card(card, buf);
}

const char *view_phone(const struct view_reader *r, const char *phone, const char *owner, char *buf)
{
	if (!phone)
		return NULL;
	return view_may_reveal(r, owner) ? phone : mask_phone(phone, buf);
}

json_t *view_money(int64_t fen)
{
	char b[MONEY_BUFSZ];
	return json_string(money_format(fen, b));
}

json_t *view_date(int64_t day)
{
	char b[DATE_BUFSZ];
	return day < 0 ? json_null() : json_string(date_format((int32_t)day, b));
}

json_t *view_period(int64_t period)
{
	char b[PERIOD_BUFSZ];
	return period < 0 ? json_null() : json_string(period_format((int32_t)period, b));
}

json_t *view_project(const struct project_summary *p)
{
	char region[8];
	snprintf(region, sizeof region, "%06" PRId64, p->region);
	json_t *j = json_pack("{s:s, s:s, s:s, s:s}", "code", p->code, "name", p->name,
			      "region_code", region, "industry", p->industry);
	json_object_set_new(j, "owner",
			    json_pack("{s:s, s:s}", "uscc", p->owner_uscc, "name", p->owner_name));
	json_object_set_new(
		j, "contractor",
		json_pack("{s:s, s:s}", "uscc", p->contractor_uscc, "name", p->contractor_name));
	json_object_set_new(j, "contract_value", view_money(p->contract_value));
	json_object_set_new(j, "start_date", view_date(p->start_date));
	json_object_set_new(j, "end_date", view_date(p->end_date));
	json_object_set_new(j, "account",
			    p->account_no ? json_pack("{s:s, s:s}", "bank_code", p->bank_code,
						      "account_no", p->account_no)
					  : json_null());
	json_object_set_new(j, "subcontracts", json_integer(p->subcontracts));
	json_object_set_new(j, "employments", json_integer(p->employments));
	json_object_set_new(j, "workers", json_integer(p->workers));
	json_object_set_new(j, "attendance_days", json_integer(p->attendance_days));
	json_object_set_new(j, "payroll_lines", json_integer(p->payroll_lines));
	json_object_set_new(j, "gross", view_money(p->gross));
	json_object_set_new(j, "net", view_money(p->net));
	json_object_set_new(j, "paid", view_money(p->paid_ok));
	json_object_set_new(j, "allocated", view_money(p->allocated));
	json_object_set_new(j, "balance", view_money(p->balance));
	return j;
}

json_t *view_worker_month(const struct worker_month *m)
{
	json_t *row =
		json_pack("{s:s, s:s?, s:o, s:I, s:b}", "project", m->project, "project_name",
			  m->project_name, "period", view_period(m->period), "attendance_days",
			  (json_int_t)m->att_days, "payroll", (int)m->has_payroll);
	json_object_set_new(row, "gross", view_money(m->gross));
	json_object_set_new(row, "deductions", view_money(m->deductions));
	json_object_set_new(row, "net", view_money(m->net));
	json_object_set_new(row, "paid", view_money(m->paid));
	json_object_set_new(row, "unpaid", view_money(m->net > m->paid ? m->net - m->paid : 0));
	return row;
}

/* Sets key to value (NULL: null) on j, in order; a failed value makes the whole object fail. */
static int put(json_t *j, const char *key, json_t *value)
{
	return json_object_set_new(j, key, value);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int put_warning(json_t *j, const struct warning *w, const char *project,
		       const char *employer, const char *worker, const struct view_reader *r)
{
	char id[MASK_BUFSZ];
	int rc = put(j, "rule", json_string(warn_rule_names[w->rule]));
	rc |= put(j, "level", json_string(warn_level_names[w->level]));
	rc |= put(j, "project", str_or_null(project));
	rc |= put(j, "employer", str_or_null(employer));
	rc |= put(j, "worker", str_or_null(view_id(r, worker, worker, id)));
	rc |= put(j, "period", view_period(w->period));
	rc |= put(j, "amount", view_money(w->amount));
	rc |= put(j, "overdue_days", json_integer(w->overdue_days));
	rc |= put(j, "days", json_integer(w->days));
	return rc;
}

json_t *view_warning(const struct warning *w, const char *project, const char *employer,
		     const char *worker, const struct view_reader *r)
{
	json_t *j = json_object();
	if (j && put_warning(j, w, project, employer, worker, r)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

json_t *view_warning_stored(const struct warning_view *v, const struct view_reader *r)
{
	json_t *j = json_object();
	if (!j)
		return NULL;
	int rc = put(j, "id", json_integer(v->id));
	rc |= put_warning(j, &v->w, v->project, v->employer, v->worker, r);
	rc |= put(j, "first_seen", view_date(v->first_seen));
	rc |= put(j, "last_seen", view_date(v->last_seen));
	rc |= put(j, "resolved_on", view_date(v->resolved_on));
	if (rc) {
		json_decref(j);
		return NULL;
	}
	return j;
}

json_t *view_payslip(const struct payslip *p, const struct view_reader *r)
{
	static const char *const answers[] = {"none", "confirmed", "disputed"};
	const struct payslip_line *l = &p->line;
	const char *owner = l->id_number;
	char id[MASK_BUFSZ], card[MASK_BUFSZ];
	json_t *j = json_object(), *pays = json_array();
	int rc = !j || !pays;
	for (size_t i = 0; i < p->npay && !rc; i++) {
		const struct payslip_payment *y = &p->pay[i];
		json_t *x = json_object();
		rc = !x;
		rc = rc || put(x, "txn_id", json_string(y->txn_id));
		rc = rc || put(x, "paid_on", view_date(y->paid_on));
		rc = rc || put(x, "amount", view_money(y->amount));
		rc = rc || put(x, "status", json_string(y->status));
		rc = rc ||
			put(x, "bank_card", str_or_null(view_card(r, y->bank_card, owner, card)));
		rc = json_array_append_new(pays, x) || rc;
	}
	if (rc) {
		json_decref(j);
		json_decref(pays);
		return NULL;
	}
	rc |= put(j, "project", json_string(l->project));
	rc |= put(j, "project_name", json_string(l->project_name));
	rc |= put(j, "employer", json_string(l->employer));
	rc |= put(j, "employer_name", json_string(l->employer_name));
	rc |= put(j, "name", str_or_null(l->name));
	rc |= put(j, "id_number", str_or_null(view_id(r, l->id_number, owner, id)));
	rc |= put(j, "period", view_period(l->period));
	rc |= put(j, "days", json_integer(l->days));
	rc |= put(j, "gross", view_money(l->gross));
	rc |= put(j, "deductions", view_money(l->deductions));
	rc |= put(j, "net", view_money(l->net));
	rc |= put(j, "paid", view_money(p->paid));
	rc |= put(j, "unpaid", view_money(l->net > p->paid ? l->net - p->paid : 0));
	rc |= put(j, "bank_card", str_or_null(view_card(r, l->bank_card, owner, card)));
	rc |= put(j, "payments", pays);
	rc |= put(j, "answer", json_string(answers[l->confirmation]));
	rc |= put(j, "dispute_reason", str_or_null(l->reason));
	rc |= put(j, "receipt", json_string(p->receipt));
	if (rc) {
		json_decref(j);
		return NULL;
	}
	return j;
}
