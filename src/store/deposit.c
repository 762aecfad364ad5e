/* deposit.c — deposits, life-cycle events, return notices, document numbers and the
 * warnings the quote reads (store/deposit.h), each query once in SQL both stores run. */
#include "store/deposit.h"

#include <stdio.h>
#include <string.h>

#include "store/dialect.h"
#include "store/project.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

#define PROJECT_COLS                                                                               \
	"p.id, p.region_code, p.contractor_id, p.contract_value, p.start_date, p.code, p.name,"    \
	" p.industry, e.uscc, e.name FROM projects p JOIN enterprises e ON e.id=p.contractor_id"

static void read_project(struct stmt *st, struct dep_project *p, bool keep)
{
	p->id = stmt_int(st, 0);
	p->region = stmt_int(st, 1);
	p->contractor_id = stmt_int(st, 2);
	p->contract_value = stmt_int(st, 3);
	p->start_date = stmt_int(st, 4);
	const char **t[5] = {&p->code, &p->name, &p->industry, &p->contractor, &p->contractor_name};
	for (int i = 0; i < 5; i++)
		*t[i] = keep ? stmt_keep(st, 5 + i) : stmt_text(st, 5 + i);
}

int store_dep_project(struct store *s, const char *code, struct dep_project *out)
{
	static const char SQL[] = "SELECT " PROJECT_COLS " WHERE p.code=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, code);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_project(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_dep_projects(struct store *s, int (*cb)(void *, const struct dep_project *), void *ctx)
{
	static const char SQL[] = "SELECT " PROJECT_COLS " ORDER BY p.code" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct dep_project p;
		read_project(st, &p, false);
		if ((rc = cb(ctx, &p)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_project_events(struct store *s, int64_t project,
			 int (*cb)(void *, const struct project_event *), void *ctx)
{
	static const char SQL[] =
		"SELECT event, note, date, lseq FROM project_events WHERE project_id=$1"
		" ORDER BY date, CASE event WHEN 'started' THEN 0 WHEN 'suspended' THEN 1"
		" WHEN 'resumed' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, project);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct project_event e = {.event = stmt_text(st, 0),
					  .note = stmt_text(st, 1),
					  .date = stmt_int(st, 2),
					  .lseq = stmt_int(st, 3)};
		if ((rc = cb(ctx, &e)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_dep_earliest_start(struct store *s, int64_t enterprise, int64_t *day, bool *found)
{
	static const char SQL[] =
		"SELECT min(start_date), count(*) FROM projects WHERE contractor_id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, enterprise);
	int rc = stmt_step(st);
	if (rc == 1) {
		*found = stmt_int(st, 1) > 0;
		*day = stmt_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

int store_dep_warnings(struct store *s, int64_t enterprise, int64_t from, int64_t to,
		       int (*cb)(void *, const struct dep_warning *), void *ctx)
{
	static const char SQL[] =
		"SELECT w.rule, p.code, pe.id_number, w.period, w.first_seen, w.amount,"
		" EXISTS(SELECT 1 FROM warning_events ev WHERE ev.warning_id=w.id AND ev.level=2"
		"  AND ev.on_date<=$3)"
		" FROM warnings w JOIN projects p ON p.id=w.project_id"
		" LEFT JOIN persons pe ON pe.id=w.person_id"
		" WHERE w.rule IN ('UNPAID', 'UNREGISTERED', 'OFF_CARD', 'NO_LABOR_COST',"
		" 'LOW_BALANCE') AND w.first_seen>$2 AND w.first_seen<=$3"
		" AND (p.contractor_id=$1 OR w.employer_id=$1)"
		" ORDER BY w.first_seen, p.code" SQL_BYTES ", w.rule" SQL_BYTES ", w.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, enterprise);
	stmt_bind_int(st, 2, from);
	stmt_bind_int(st, 3, to);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct dep_warning w = {.rule = stmt_text(st, 0),
					.project = stmt_text(st, 1),
					.worker = stmt_text(st, 2),
					.period = stmt_int(st, 3),
					.first_seen = stmt_int(st, 4),
					.amount = stmt_int(st, 5),
					.red = stmt_int(st, 6) != 0};
		if ((rc = cb(ctx, &w)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_dep_open_arrears(struct store *s, int64_t project, int64_t *n)
{
	static const char SQL[] = "SELECT count(*) FROM warnings WHERE project_id=$1"
				  " AND rule IN ('UNPAID', 'NO_PAYROLL') AND resolved_on IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, project);
	int rc = stmt_step(st);
	if (rc == 1)
		*n = stmt_int(st, 0), rc = 0;
	else if (rc == 0)
		rc = WG_ESTORE;
	stmt_reset(st);
	return rc;
}

/* ---- deposits ---- */

int store_deposit_insert(struct store *s, const struct deposit *d, int64_t contractor_id,
			 int64_t *id)
{
	static const char SQL[] =
		"INSERT INTO deposits(region, project_id, contractor_id, form, number, issuer,"
		" amount, lodged_on, expires_on, interest_ppm, status, actor, lseq)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'held', $11, $12) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, d->region);
	stmt_bind_int(st, 2, d->project_id);
	stmt_bind_int(st, 3, contractor_id);
	stmt_bind_text(st, 4, d->form);
	stmt_bind_text(st, 5, d->number);
	stmt_bind_text(st, 6, d->issuer);
	stmt_bind_int(st, 7, d->amount);
	stmt_bind_int(st, 8, d->lodged_on);
	if (d->expires_on >= 0)
		stmt_bind_int(st, 9, d->expires_on);
	else
		stmt_bind_null(st, 9);
	stmt_bind_int(st, 10, d->interest_ppm);
	stmt_bind_text(st, 11, d->actor);
	stmt_bind_int(st, 12, d->lseq);
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

#define DEPOSIT_COLS                                                                               \
	"d.id, d.region, d.project_id, d.amount, d.lodged_on, coalesce(d.expires_on, -1),"         \
	" d.interest_ppm, coalesce(d.closed_on, -1), coalesce(d.replaced_by, 0), d.interest,"      \
	" d.lseq,"                                                                                 \
	" coalesce((SELECT sum(m.amount) FROM deposit_moves m WHERE m.deposit_id=d.id"             \
	"  AND m.kind='activation' AND m.on_date<=$1), 0),"                                        \
	" coalesce((SELECT sum(m.amount) FROM deposit_moves m WHERE m.deposit_id=d.id"             \
	"  AND m.kind='replenish' AND m.on_date<=$1), 0),"                                         \
	" p.code, e.uscc, e.name, d.form, d.number, d.issuer, d.status, d.actor"                   \
	" FROM deposits d JOIN projects p ON p.id=d.project_id"                                    \
	" JOIN enterprises e ON e.id=d.contractor_id"

static void read_deposit(struct stmt *st, struct deposit *d, bool keep)
{
	int64_t *n[13] = {&d->id,          &d->region,     &d->project_id,   &d->amount,
			  &d->lodged_on,   &d->expires_on, &d->interest_ppm, &d->closed_on,
			  &d->replaced_by, &d->interest,   &d->lseq,         &d->activated,
			  &d->replenished};
	for (int i = 0; i < 13; i++)
		*n[i] = stmt_int(st, i);
	const char **t[8] = {&d->project, &d->contractor, &d->contractor_name, &d->form,
			     &d->number,  &d->issuer,     &d->status,          &d->actor};
	for (int i = 0; i < 8; i++)
		*t[i] = keep ? stmt_keep(st, 13 + i) : stmt_text(st, 13 + i);
}

int store_deposit_get(struct store *s, int64_t id, int64_t day, struct deposit *out)
{
	static const char SQL[] = "SELECT " DEPOSIT_COLS " WHERE d.id=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, day);
	stmt_bind_int(st, 2, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_deposit(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_deposit_close(struct store *s, int64_t id, int64_t day, const char *status,
			int64_t replaced_by, int64_t interest)
{
	static const char SQL[] = "UPDATE deposits SET status=$2, closed_on=$3, replaced_by=$4,"
				  " interest=$5 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, status);
	stmt_bind_int(st, 3, day);
	if (replaced_by)
		stmt_bind_int(st, 4, replaced_by);
	else
		stmt_bind_null(st, 4);
	stmt_bind_int(st, 5, interest);
	return stmt_exec(st);
}

int store_deposit_list(struct store *s, const struct deposit_filter *f,
		       int (*cb)(void *, const struct deposit *), void *ctx)
{
	static const char SQL[] =
		"SELECT " DEPOSIT_COLS " WHERE ($2 IS NULL OR p.code=$2)"
		" AND d.lodged_on<=$1 AND ($3=0 OR d.closed_on IS NULL OR d.closed_on>$1)"
		" AND ($4=0 OR ($4=1 AND " SQL_PREFIXED("CAST(p.region_code AS TEXT)",
							"$5") ")"
							      "  OR ($4=2 AND e.uscc=$5))"
							      " ORDER BY p.code" SQL_BYTES
							      ", d.lodged_on, d.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, f->as_of);
	stmt_bind_text(st, 2, f->project);
	stmt_bind_int(st, 3, f->open_only);
	/* banks and workers see no deposits */
	int role = f->scope_role;
	stmt_bind_int(st, 4,
		      role == SCOPE_ADMIN                ? 0
			      : role == SCOPE_REGULATOR  ? 1
			      : role == SCOPE_ENTERPRISE ? 2
							 : 9);
	stmt_bind_text(st, 5, f->scope ? f->scope : "");
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct deposit d;
		read_deposit(st, &d, false);
		if ((rc = cb(ctx, &d)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_deposit_move_insert(struct store *s, const struct deposit_move *m, int64_t *id)
{
	static const char SQL[] =
		"INSERT INTO deposit_moves(region, deposit_id, kind, on_date, amount, ref, "
		"case_ref,"
		" notice_no, deadline, actor, lseq) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
		" $11) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, m->region);
	stmt_bind_int(st, 2, m->deposit_id);
	stmt_bind_text(st, 3, m->kind);
	stmt_bind_int(st, 4, m->on_date);
	stmt_bind_int(st, 5, m->amount);
	stmt_bind_text(st, 6, m->ref);
	stmt_bind_text(st, 7, m->case_ref);
	stmt_bind_text(st, 8, m->notice_no);
	if (m->deadline >= 0)
		stmt_bind_int(st, 9, m->deadline);
	else
		stmt_bind_null(st, 9);
	stmt_bind_text(st, 10, m->actor);
	stmt_bind_int(st, 11, m->lseq);
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

int store_deposit_moves(struct store *s, int64_t project, int64_t day,
			int (*cb)(void *, const struct deposit_move *), void *ctx)
{
	static const char SQL[] =
		"SELECT m.id, m.deposit_id, m.region, m.on_date, m.amount, coalesce(m.deadline, "
		"-1),"
		" m.kind, m.ref, m.case_ref, m.notice_no, m.actor, m.lseq FROM deposit_moves m"
		" JOIN deposits d ON d.id=m.deposit_id WHERE d.project_id=$1 AND m.on_date<=$2"
		" ORDER BY m.on_date, m.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, project);
	stmt_bind_int(st, 2, day);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct deposit_move m = {.id = stmt_int(st, 0),
					 .deposit_id = stmt_int(st, 1),
					 .region = stmt_int(st, 2),
					 .on_date = stmt_int(st, 3),
					 .amount = stmt_int(st, 4),
					 .deadline = stmt_int(st, 5),
					 .kind = stmt_text(st, 6),
					 .ref = stmt_text(st, 7),
					 .case_ref = stmt_text(st, 8),
					 .notice_no = stmt_text(st, 9),
					 .actor = stmt_text(st, 10),
					 .lseq = stmt_int(st, 11)};
		if ((rc = cb(ctx, &m)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_deposit_payment_insert(struct store *s, const struct deposit_payment *p)
{
	static const char SQL[] =
		"INSERT INTO deposit_payments(region, move_id, project_id, id_number, amount,"
		" paid_on, bank_card, txn_id, case_ref, lseq)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, p->region);
	stmt_bind_int(st, 2, p->move_id);
	stmt_bind_int(st, 3, p->project_id);
	stmt_bind_text(st, 4, p->id_number);
	stmt_bind_int(st, 5, p->amount);
	stmt_bind_int(st, 6, p->paid_on);
	stmt_bind_text(st, 7, p->bank_card);
	stmt_bind_text(st, 8, p->txn_id);
	stmt_bind_text(st, 9, p->case_ref);
	stmt_bind_int(st, 10, p->lseq);
	return stmt_exec(st);
}

int store_deposit_payments(struct store *s, int64_t move_id,
			   int (*cb)(void *, const struct deposit_payment *), void *ctx)
{
	static const char SQL[] =
		"SELECT move_id, region, project_id, amount, paid_on, lseq, id_number, bank_card,"
		" txn_id, case_ref FROM deposit_payments WHERE move_id=$1"
		" ORDER BY id_number" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, move_id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct deposit_payment p = {.move_id = stmt_int(st, 0),
					    .region = stmt_int(st, 1),
					    .project_id = stmt_int(st, 2),
					    .amount = stmt_int(st, 3),
					    .paid_on = stmt_int(st, 4),
					    .lseq = stmt_int(st, 5),
					    .id_number = stmt_text(st, 6),
					    .bank_card = stmt_text(st, 7),
					    .txn_id = stmt_text(st, 8),
					    .case_ref = stmt_text(st, 9)};
		if ((rc = cb(ctx, &p)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_dep_worker_card(struct store *s, const char *id_number, char *card, size_t n)
{
	static const char SQL[] = "SELECT w.bank_card FROM workers w JOIN persons pe"
				  " ON pe.id=w.person_id WHERE pe.id_number=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, id_number);
	int rc = stmt_step(st);
	if (rc == 1)
		snprintf(card, n, "%s", stmt_text(st, 0));
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

/* ---- returns ---- */

int store_deposit_return_insert(struct store *s, const struct deposit_return *r, int64_t *id)
{
	static const char SQL[] =
		"INSERT INTO deposit_returns(region, project_id, promise, published_on, ends_on,"
		" status, actor, lseq) VALUES($1, $2, $3, $4, $5, 'notice', $6, $7) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, r->region);
	stmt_bind_int(st, 2, r->project_id);
	stmt_bind_text(st, 3, r->promise);
	stmt_bind_int(st, 4, r->published_on);
	stmt_bind_int(st, 5, r->ends_on);
	stmt_bind_text(st, 6, r->actor);
	stmt_bind_int(st, 7, r->lseq);
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

#define RETURN_COLS                                                                                \
	"r.id, r.region, r.project_id, r.published_on, r.ends_on, coalesce(r.returned_on, -1),"    \
	" r.amount, r.interest, r.lseq, p.code, p.name, e.uscc, e.name, r.promise, r.status,"      \
	" r.actor FROM deposit_returns r JOIN projects p ON p.id=r.project_id"                     \
	" JOIN enterprises e ON e.id=p.contractor_id"

static void read_return(struct stmt *st, struct deposit_return *r, bool keep)
{
	int64_t *n[9] = {&r->id,          &r->region, &r->project_id, &r->published_on, &r->ends_on,
			 &r->returned_on, &r->amount, &r->interest,   &r->lseq};
	for (int i = 0; i < 9; i++)
		*n[i] = stmt_int(st, i);
	const char **t[7] = {&r->project, &r->project_name, &r->contractor, &r->contractor_name,
			     &r->promise, &r->status,       &r->actor};
	for (int i = 0; i < 7; i++)
		*t[i] = keep ? stmt_keep(st, 9 + i) : stmt_text(st, 9 + i);
}

int store_deposit_return_open(struct store *s, int64_t project, struct deposit_return *out)
{
	static const char SQL[] = "SELECT " RETURN_COLS " WHERE r.project_id=$1"
				  " AND r.status<>'withdrawn' ORDER BY r.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, project);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_return(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_deposit_return_done(struct store *s, int64_t id, int64_t day, int64_t amount,
			      int64_t interest)
{
	static const char SQL[] = "UPDATE deposit_returns SET status='returned', returned_on=$2,"
				  " amount=$3, interest=$4 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	stmt_bind_int(st, 3, amount);
	stmt_bind_int(st, 4, interest);
	return stmt_exec(st);
}

int store_deposit_returns(struct store *s, const char *region, int64_t day,
			  int (*cb)(void *, const struct deposit_return *), void *ctx)
{
	static const char SQL[] =
		"SELECT " RETURN_COLS " WHERE r.published_on<=$2"
		" AND r.status<>'withdrawn'"
		" AND " SQL_PREFIXED("CAST(r.region AS TEXT)",
				     "$1") ""
					   " ORDER BY r.published_on DESC, r.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	stmt_bind_int(st, 2, day);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct deposit_return r;
		read_return(st, &r, false);
		if ((rc = cb(ctx, &r)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_doc_next(struct store *s, int64_t region, const char *kind, int64_t year, int64_t *n)
{
	static const char BUMP[] =
		"INSERT INTO doc_numbers(region, kind, year, last) VALUES($1, $2, $3, 1)"
		" ON CONFLICT(region, kind, year) DO UPDATE SET last=doc_numbers.last+1"
		" RETURNING last";
	struct stmt *st = stmt_get(s, BUMP, BUMP);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, region);
	stmt_bind_text(st, 2, kind);
	stmt_bind_int(st, 3, year);
	int rc = stmt_step(st);
	if (rc == 1) {
		*n = stmt_int(st, 0);
		rc = stmt_exec(st);
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

int store_dep_calendar(struct store *s, struct calendar *cal)
{
	static const char SQL[] = "SELECT date, kind FROM calendar ORDER BY date";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		const char *k = stmt_text(st, 1);
		/* a festival (first day of the Spring Festival) is a holiday too */
		if (calendar_set(cal, (int32_t)stmt_int(st, 0),
				 k && strcmp(k, "workday") == 0 ? 'W' : 'H')) {
			rc = WG_ENOMEM;
			break;
		}
	}
	stmt_reset(st);
	return rc;
}
