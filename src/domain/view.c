/* view.c — read models as JSON, one shape for the CLI and the API. */
#include "domain/view.h"

#include <inttypes.h>
#include <stdio.h>

#include "util/date.h"
#include "util/money.h"
#include "util/banned.h"

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
	json_t *row = json_pack("{s:s, s:o, s:I, s:b}", "project", m->project, "period",
				view_period(m->period), "attendance_days", (json_int_t)m->att_days,
				"payroll", (int)m->has_payroll);
	json_object_set_new(row, "gross", view_money(m->gross));
	json_object_set_new(row, "deductions", view_money(m->deductions));
	json_object_set_new(row, "net", view_money(m->net));
	json_object_set_new(row, "paid", view_money(m->paid));
	json_object_set_new(row, "unpaid", view_money(m->net > m->paid ? m->net - m->paid : 0));
	return row;
}
