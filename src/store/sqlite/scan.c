/* scan.c — what the early-warning scan reads from the SQLite store: the worker-month
 * attendance aggregate (kept by days_apply), and ordered streams over projects, attendance,
 * employments, payroll, payments and allocations, each walking an index in
 * (project, person, period) order so the scan merges them without sorting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

struct scan_cursor {
	struct sq_store *q;
	sqlite3_stmt *st;
	enum scan_stream what;
};

/* ?1 is the as-of day, ?2 and ?3 the range of project ids. */
static const char *const stream_sql[] = {
	[SCAN_PROJECTS] = "SELECT id, owner_id, contractor_id, region_code FROM projects"
			  " WHERE id BETWEEN ?2 AND ?3 ORDER BY id",
	[SCAN_DAYS] = "SELECT project_id, person_id, period, mask FROM wm_days"
		      " WHERE project_id BETWEEN ?2 AND ?3 ORDER BY project_id, person_id, period",
	/* in the table's own order: by project, then day (the daily feed appends there) */
	[SCAN_ATTENDANCE] = "SELECT project_id, person_id, date FROM attendance WHERE hours>0"
			    " AND date<=?1 AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id",
	[SCAN_EMPLOYMENTS] = "SELECT project_id, person_id, employer_id, wage_type, wage_rate,"
			     " start_date, coalesce(end_date, -1) FROM employments"
			     " WHERE project_id BETWEEN ?2 AND ?3"
			     " ORDER BY project_id, person_id, start_date",
	[SCAN_PAYROLL] =
		"SELECT project_id, person_id, period, employer_id, days, gross, deductions,"
		" net, coalesce(due_date, -1) FROM payroll WHERE project_id BETWEEN ?2 AND ?3"
		" ORDER BY project_id, person_id, period",
	[SCAN_PAYMENTS] = "SELECT p.project_id, p.person_id, p.period, p.amount, p.paid_on,"
			  " p.status='ok', p.bank_card, w.bank_card FROM payments p"
			  " LEFT JOIN workers w ON w.person_id=p.person_id WHERE p.paid_on<=?1"
			  " AND p.project_id BETWEEN ?2 AND ?3"
			  " ORDER BY p.project_id, p.person_id, p.period",
	[SCAN_ALLOCATIONS] = "SELECT project_id, date, amount FROM allocations WHERE date<=?1"
			     " AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id, date",
};

int sq_scan_open(struct store *s, enum scan_stream what, int64_t as_of, int64_t lo, int64_t hi,
		 struct scan_cursor **out)
{
	struct sq_store *q = (struct sq_store *)s;
	struct scan_cursor *c = calloc(1, sizeof *c);
	if (!c)
		return WG_ENOMEM;
	c->q = q;
	c->what = what;
	if (sqlite3_prepare_v2(q->db, stream_sql[what], -1, &c->st, NULL) != SQLITE_OK) {
		int rc = sq_fail(q, "scan");
		free(c);
		return rc;
	}
	/* ?1 may be unused in a statement: bind by position regardless */
	sqlite3_bind_int64(c->st, 1, as_of);
	sqlite3_bind_int64(c->st, 2, lo);
	sqlite3_bind_int64(c->st, 3, hi);
	*out = c;
	return WG_OK;
}

static int wage_type_of(const unsigned char *t)
{
	if (!t || strcmp((const char *)t, "daily") == 0)
		return WAGE_DAILY;
	return strcmp((const char *)t, "monthly") == 0 ? WAGE_MONTHLY : WAGE_PIECE;
}

int sq_scan_next(struct scan_cursor *c, struct scan_row *r)
{
	int step = sqlite3_step(c->st);
	if (step == SQLITE_DONE)
		return 0;
	if (step != SQLITE_ROW)
		return sq_fail(c->q, "scan");
	sqlite3_stmt *st = c->st;
#define I(n) sqlite3_column_int64(st, n)
	memset(r, 0, sizeof *r);
	r->project = I(0);
	switch (c->what) {
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
		r->u.emp.type = wage_type_of(sqlite3_column_text(st, 3));
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
		r->u.payment.card = (const char *)sqlite3_column_text(st, 6);
		r->u.payment.registered = (const char *)sqlite3_column_text(st, 7);
		break;
	case SCAN_ALLOCATIONS:
		r->u.alloc.date = I(1), r->u.alloc.amount = I(2);
		r->period = period_of_day((int32_t)r->u.alloc.date);
		break;
	}
#undef I
	return 1;
}

void sq_scan_close(struct scan_cursor *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->st);
	free(c);
}

int sq_key_of(struct store *s, enum col_type t, int64_t id, char *buf, size_t n)
{
	struct sq_store *q = (struct sq_store *)s;
	int slot = t == COL_PROJECT ? SQN_KEY_PROJECT
		: t == COL_USCC     ? SQN_KEY_ENTERPRISE
				    : SQN_KEY_PERSON;
	sqlite3_stmt *st =
		sq_named(q, slot,
			 t == COL_PROJECT        ? "SELECT code FROM projects WHERE id=?"
				 : t == COL_USCC ? "SELECT uscc FROM enterprises WHERE id=?"
						 : "SELECT id_number FROM persons WHERE id=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		sqlite3_reset(st);
		return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "key");
	}
	snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return WG_OK;
}

int sq_days_apply(struct store *s, const char *project, const char *id_number, int64_t period,
		  uint32_t set, uint32_t clear)
{
	struct sq_store *q = (struct sq_store *)s;
	int64_t pid, person, region, unused;
	int rc = sq_ref_id(q, COL_PROJECT, project, &pid, &region);
	if (rc == WG_OK)
		rc = sq_ref_id(q, COL_PERSON, id_number, &person, &unused);
	if (rc)
		return rc;
	sqlite3_stmt *st =
		sq_named(q, SQN_DAYS_APPLY,
			 "INSERT INTO wm_days(project_id, person_id, period, mask, region)"
			 " VALUES(?1, ?2, ?3, ?4 & ~?5, ?6) ON CONFLICT DO UPDATE"
			 " SET mask=(mask & ~?5) | ?4");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_int64(st, 3, period);
	sqlite3_bind_int64(st, 4, set);
	sqlite3_bind_int64(st, 5, clear);
	sqlite3_bind_int64(st, 6, region);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "days");
	sqlite3_reset(st);
	return WG_OK;
}

int sq_days_clear(struct store *s)
{
	struct sq_store *q = (struct sq_store *)s;
	if (sqlite3_exec(q->db, "DELETE FROM wm_days", NULL, NULL, NULL) != SQLITE_OK)
		return sq_fail(q, "days");
	return WG_OK;
}

int sq_data_version(struct store *s, int64_t *v)
{
	struct sq_store *q = (struct sq_store *)s;
	/* data_version moves when another connection commits, total_changes when this one
	 * writes: together they change whenever the data does */
	sqlite3_stmt *st = sq_named(q, SQN_DATA_VERSION, "PRAGMA data_version");
	if (!st)
		return WG_ESTORE;
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_fail(q, "data version");
	*v = (sqlite3_column_int64(st, 0) << 32) ^ (int64_t)sqlite3_total_changes64(q->db);
	sqlite3_reset(st);
	return WG_OK;
}
