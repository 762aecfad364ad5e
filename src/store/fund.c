/* fund.c — the emergency wage fund's movements and applications (store/fund.h), each query
 * once in SQL both stores run. An employer is kept as its enterprise's row id (0: not in the
 * registry) and read back as its USCC. */
#include "store/fund.h"

#include <stdio.h>
#include <string.h>

#include "store/dialect.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

int store_fund_move_insert(struct store *s, const struct fund_move *m)
{
	static const char SQL[] =
		"INSERT INTO fund_moves(region, kind, on_date, amount, source, application_id,"
		" case_ref, employer_id, reason, actor, lseq) VALUES($1, $2, $3, $4, $5, $6, $7,"
		" coalesce((SELECT id FROM enterprises WHERE uscc=$8), 0), $9, $10, $11)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, m->region);
	stmt_bind_text(st, 2, m->kind);
	stmt_bind_int(st, 3, m->on_date);
	stmt_bind_int(st, 4, m->amount);
	stmt_bind_text(st, 5, m->source);
	if (m->application_id)
		stmt_bind_int(st, 6, m->application_id);
	else
		stmt_bind_null(st, 6);
	stmt_bind_text(st, 7, m->case_ref);
	stmt_bind_text(st, 8, m->employer);
	stmt_bind_text(st, 9, m->reason);
	stmt_bind_text(st, 10, m->actor);
	stmt_bind_int(st, 11, m->lseq);
	return stmt_exec(st);
}

#define SUMS                                                                                       \
	"coalesce(sum(CASE WHEN kind='topup' THEN amount ELSE 0 END), 0),"                         \
	" coalesce(sum(CASE WHEN kind='advance' THEN amount ELSE 0 END), 0),"                      \
	" coalesce(sum(CASE WHEN kind='recovery' THEN amount ELSE 0 END), 0),"                     \
	" coalesce(sum(CASE WHEN kind='writeoff' THEN amount ELSE 0 END), 0)"

static int read_sums(struct stmt *st, struct fund_sums *out)
{
	int rc = stmt_step(st);
	if (rc == 1) {
		out->topups = stmt_int(st, 0);
		out->advanced = stmt_int(st, 1);
		out->recovered = stmt_int(st, 2);
		out->written_off = stmt_int(st, 3);
		out->reserved = stmt_int(st, 4);
		rc = 0;
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

int store_fund_sums(struct store *s, int64_t region, int64_t day, struct fund_sums *out)
{
	static const char SQL[] =
		"SELECT " SUMS ", (SELECT coalesce(sum(amount), 0) FROM fund_applications"
		" WHERE region=$1 AND status='approved') FROM fund_moves WHERE region=$1"
		" AND on_date<=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	stmt_bind_int(st, 2, day);
	return read_sums(st, out);
}

int store_fund_case_sums(struct store *s, const char *case_ref, struct fund_sums *out)
{
	static const char SQL[] =
		"SELECT " SUMS ", (SELECT coalesce(sum(amount), 0) FROM fund_applications"
		" WHERE case_ref=$1 AND status='approved') FROM fund_moves WHERE case_ref=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, case_ref);
	return read_sums(st, out);
}

int store_fund_employer_sums(struct store *s, int64_t region, const char *uscc,
			     struct fund_sums *out)
{
	static const char SQL[] =
		"SELECT " SUMS ", (SELECT coalesce(sum(a.amount), 0) FROM fund_applications a"
		" JOIN enterprises e ON e.id=a.employer_id WHERE e.uscc=$2 AND ($1=0 OR "
		"a.region=$1)"
		" AND a.status='approved') FROM fund_moves m JOIN enterprises e"
		" ON e.id=m.employer_id WHERE e.uscc=$2 AND ($1=0 OR m.region=$1)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	stmt_bind_text(st, 2, uscc);
	return read_sums(st, out);
}

int store_fund_for(struct store *s, int64_t region, int64_t *fund)
{
	static const char SQL[] =
		"SELECT region FROM fund_moves WHERE kind='topup'"
		" AND substr(CAST($1 AS TEXT), 1, length(CAST(region AS TEXT)))=CAST(region AS "
		"TEXT)"
		" GROUP BY region ORDER BY length(CAST(region AS TEXT)) DESC LIMIT 1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	int rc = stmt_step(st);
	if (rc == 1)
		*fund = stmt_int(st, 0);
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_fund_list(struct store *s, int (*cb)(void *, int64_t), void *ctx)
{
	static const char SQL[] = "SELECT DISTINCT region FROM fund_moves ORDER BY region";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0))))
			break;
	stmt_reset(st);
	return rc;
}

int store_fund_moves(struct store *s, int64_t region, const char *case_ref, const char *uscc,
		     int64_t day, int (*cb)(void *, const struct fund_move *), void *ctx)
{
	static const char SQL[] =
		"SELECT m.id, m.region, m.on_date, m.amount, coalesce(m.application_id, 0),"
		" m.employer_id, m.lseq, m.kind, m.source, m.case_ref, m.reason, m.actor, e.uscc"
		" FROM fund_moves m LEFT JOIN enterprises e ON e.id=m.employer_id"
		" WHERE ($1=0 OR m.region=$1) AND ($2 IS NULL OR m.case_ref=$2)"
		" AND ($3 IS NULL OR e.uscc=$3) AND m.on_date<=$4 ORDER BY m.on_date, m.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	stmt_bind_text(st, 2, case_ref);
	stmt_bind_text(st, 3, uscc);
	stmt_bind_int(st, 4, day);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct fund_move m = {.id = stmt_int(st, 0),
				      .region = stmt_int(st, 1),
				      .on_date = stmt_int(st, 2),
				      .amount = stmt_int(st, 3),
				      .application_id = stmt_int(st, 4),
				      .employer_id = stmt_int(st, 5),
				      .lseq = stmt_int(st, 6),
				      .kind = stmt_text(st, 7),
				      .source = stmt_text(st, 8),
				      .case_ref = stmt_text(st, 9),
				      .reason = stmt_text(st, 10),
				      .actor = stmt_text(st, 11),
				      .employer = stmt_text(st, 12)};
		if ((rc = cb(ctx, &m)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_fund_app_insert(struct store *s, const struct fund_application *a, int64_t *id)
{
	static const char SQL[] =
		"INSERT INTO fund_applications(region, case_ref, employer_id, project_code,"
		" id_number, purpose, amount, applied_on, applicant, status, lseq)"
		" VALUES($1, $2, coalesce((SELECT id FROM enterprises WHERE uscc=$3), 0), $4, $5, "
		"$6,"
		" $7, $8, $9, 'applied', $10) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, a->region);
	stmt_bind_text(st, 2, a->case_ref);
	stmt_bind_text(st, 3, a->employer);
	stmt_bind_text(st, 4, a->project_code);
	stmt_bind_text(st, 5, a->id_number);
	stmt_bind_text(st, 6, a->purpose);
	stmt_bind_int(st, 7, a->amount);
	stmt_bind_int(st, 8, a->applied_on);
	stmt_bind_text(st, 9, a->applicant);
	stmt_bind_int(st, 10, a->lseq);
	int rc = stmt_step(st);
	if (rc == 1) {
		*id = stmt_int(st, 0);
		rc = stmt_exec(st);
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

#define APP_COLS                                                                                   \
	"a.id, a.region, a.employer_id, a.amount, a.applied_on, coalesce(a.decided_on, -1),"       \
	" coalesce(a.paid_on, -1), a.lseq, a.case_ref, a.project_code, a.id_number, a.purpose,"    \
	" a.applicant, a.status, a.decided_by, a.reason, e.uscc FROM fund_applications a"          \
	" LEFT JOIN enterprises e ON e.id=a.employer_id"

static void read_app(struct stmt *st, struct fund_application *a, bool keep)
{
	int64_t *n[8] = {&a->id,         &a->region,     &a->employer_id, &a->amount,
			 &a->applied_on, &a->decided_on, &a->paid_on,     &a->lseq};
	for (int i = 0; i < 8; i++)
		*n[i] = stmt_int(st, i);
	const char **t[9] = {&a->case_ref,   &a->project_code, &a->id_number,
			     &a->purpose,    &a->applicant,    &a->status,
			     &a->decided_by, &a->reason,       &a->employer};
	for (int i = 0; i < 9; i++)
		*t[i] = keep ? stmt_keep(st, 8 + i) : stmt_text(st, 8 + i);
}

int store_fund_app_get(struct store *s, int64_t id, struct fund_application *out)
{
	static const char SQL[] = "SELECT " APP_COLS " WHERE a.id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_app(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_fund_app_set(struct store *s, int64_t id, const char *status, int64_t day, const char *by,
		       const char *reason)
{
	static const char DECIDE[] = "UPDATE fund_applications SET status=$2, decided_on=$3,"
				     " decided_by=$4, reason=$5 WHERE id=$1";
	static const char PAY[] = "UPDATE fund_applications SET status=$2, paid_on=$3 WHERE id=$1";
	bool paid = strcmp(status, "paid") == 0;
	struct stmt *st = paid ? stmt_get(s, PAY, PAY) : stmt_get(s, DECIDE, DECIDE);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, status);
	stmt_bind_int(st, 3, day);
	if (!paid) {
		stmt_bind_text(st, 4, by);
		stmt_bind_text(st, 5, reason);
	}
	return stmt_exec(st);
}

int store_fund_app_worker_total(struct store *s, const char *case_ref, const char *id_number,
				int64_t *total)
{
	static const char SQL[] = "SELECT coalesce(sum(amount), 0) FROM fund_applications"
				  " WHERE case_ref=$1 AND id_number=$2"
				  " AND status IN ('applied', 'approved', 'paid')";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, case_ref);
	stmt_bind_text(st, 2, id_number);
	int rc = stmt_step(st);
	if (rc == 1)
		*total = stmt_int(st, 0), rc = 0;
	else if (rc == 0)
		rc = WG_ESTORE;
	stmt_reset(st);
	return rc;
}

int store_fund_apps(struct store *s, int64_t region, const char *status, const char *case_ref,
		    int (*cb)(void *, const struct fund_application *), void *ctx)
{
	static const char SQL[] =
		"SELECT " APP_COLS " WHERE ($1=0 OR a.region=$1)"
		" AND ($2 IS NULL OR a.status=$2) AND ($3 IS NULL OR a.case_ref=$3)"
		" ORDER BY a.applied_on DESC, a.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	stmt_bind_text(st, 2, status);
	stmt_bind_text(st, 3, case_ref);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct fund_application a;
		read_app(st, &a, false);
		if ((rc = cb(ctx, &a)))
			break;
	}
	stmt_reset(st);
	return rc;
}
