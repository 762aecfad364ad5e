/* scan.c — the scan's ordered streams (scan.h): their SQL, once for both stores, and the
 * decoding of a row. Each stream walks an index in (project, person, period) order — the
 * same key on both stores — so the scan merges them without sorting. */
#include "store/scan.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

/* $1 is the as-of day, $2 and $3 the range of project ids. */
static const char *const stream_sql[] = {
	[SCAN_PROJECTS] = "SELECT id, owner_id, contractor_id, region_code FROM projects"
			  " WHERE id BETWEEN $2 AND $3 ORDER BY id",
	[SCAN_DAYS] = "SELECT project_id, person_id, period, mask FROM wm_days"
		      " WHERE project_id BETWEEN $2 AND $3 ORDER BY project_id, person_id, period",
	/* in the key's order, project then day (the daily feed appends there): the stream
	 * promises project order only */
	[SCAN_ATTENDANCE] = "SELECT project_id, person_id, date FROM attendance WHERE hours>0"
			    " AND date<=$1 AND project_id BETWEEN $2 AND $3"
			    " ORDER BY project_id, date, person_id",
	[SCAN_EMPLOYMENTS] = "SELECT project_id, person_id, employer_id, wage_type, wage_rate,"
			     " start_date, coalesce(end_date, -1) FROM employments"
			     " WHERE project_id BETWEEN $2 AND $3"
			     " ORDER BY project_id, person_id, start_date",
	[SCAN_PAYROLL] =
		"SELECT project_id, person_id, period, employer_id, days, gross, deductions,"
		" net, coalesce(due_date, -1) FROM payroll WHERE project_id BETWEEN $2 AND $3"
		" ORDER BY project_id, person_id, period",
	[SCAN_PAYMENTS] = "SELECT p.project_id, p.person_id, p.period, p.amount, p.paid_on,"
			  " CASE WHEN p.status='ok' THEN 1 ELSE 0 END, p.bank_card, w.bank_card"
			  " FROM payments p LEFT JOIN workers w ON w.person_id=p.person_id"
			  " WHERE p.paid_on<=$1 AND p.project_id BETWEEN $2 AND $3"
			  " ORDER BY p.project_id, p.person_id, p.period",
	[SCAN_ALLOCATIONS] = "SELECT project_id, date, amount FROM allocations WHERE date<=$1"
			     " AND project_id BETWEEN $2 AND $3 ORDER BY project_id, date",
};

int scan_stream_sql(enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi, struct dbuf *out)
{
	const int64_t v[] = {as_of, lo, hi};
	dbuf_reset(out);
	for (const char *p = stream_sql[what]; *p; p++) {
		if (p[0] == '$' && p[1] >= '1' && p[1] <= '3') {
			if (dbuf_addf(out, "%" PRId64, v[p[1] - '1']) < 0)
				return WG_ENOMEM;
			p++;
		} else if (dbuf_addc(out, *p) < 0) {
			return WG_ENOMEM;
		}
	}
	return 0;
}

static int wage_type_of(const char *t)
{
	if (!t || strcmp(t, "daily") == 0)
		return WAGE_DAILY;
	return strcmp(t, "monthly") == 0 ? WAGE_MONTHLY : WAGE_PIECE;
}

void scan_decode(enum scan_stream what, const struct scan_cols *c, struct scan_row *r)
{
#define I(n) c->i(c->ctx, n)
	memset(r, 0, sizeof *r);
	r->project = I(0);
	switch (what) {
	case SCAN_PROJECTS:
		r->u.project.owner = I(1);
		r->u.project.contractor = I(2);
		r->u.project.region = I(3);
		break;
	case SCAN_DAYS:
		r->person = I(1), r->period = I(2);
		r->u.days.mask = (uint32_t)I(3);
		break;
	case SCAN_ATTENDANCE:
		r->person = I(1);
		r->u.att.date = I(2);
		r->period = period_of_day((int32_t)r->u.att.date);
		break;
	case SCAN_EMPLOYMENTS:
		r->person = I(1);
		r->u.emp.employer = I(2);
		r->u.emp.type = wage_type_of(c->t(c->ctx, 3));
		r->u.emp.rate = I(4), r->u.emp.start = I(5), r->u.emp.end = I(6);
		break;
	case SCAN_PAYROLL:
		r->person = I(1), r->period = I(2);
		r->u.payroll.employer = I(3), r->u.payroll.days = I(4), r->u.payroll.gross = I(5);
		r->u.payroll.deductions = I(6), r->u.payroll.net = I(7), r->u.payroll.due = I(8);
		break;
	case SCAN_PAYMENTS:
		r->person = I(1), r->period = I(2);
		r->u.payment.amount = I(3), r->u.payment.paid_on = I(4);
		r->u.payment.ok = (int)I(5);
		r->u.payment.card = c->t(c->ctx, 6);
		r->u.payment.registered = c->t(c->ctx, 7);
		break;
	case SCAN_ALLOCATIONS:
		r->u.alloc.date = I(1), r->u.alloc.amount = I(2);
		r->period = period_of_day((int32_t)r->u.alloc.date);
		break;
	}
#undef I
}
