/* case.c — relief's tables (store/case.h) in SQL both stores run: cases, claims, timeline,
 * payments through cases, documents, counters, the intake queues and the calendar. */
#include "store/case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/dialect.h"
#include "store/project.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void bind_day(struct stmt *st, int i, int64_t v)
{
	if (v < 0)
		stmt_bind_null(st, i);
	else
		stmt_bind_int(st, i, v);
}

static void bind_opt(struct stmt *st, int i, const char *v)
{
	stmt_bind_text(st, i, v && *v ? v : NULL);
}

static int64_t col_day(struct stmt *st, int col)
{
	return stmt_null(st, col) ? -1 : stmt_int(st, col);
}

int store_counter_next(struct store *s, const char *name, int64_t *out)
{
	/* one statement: the row lock (PostgreSQL) or the write lock (SQLite) orders
	 * concurrent issuers; a rollback returns the number */
	static const char SQL[] = "INSERT INTO counters(name, last) VALUES($1, 1)"
				  " ON CONFLICT(name) DO UPDATE SET last=counters.last+1"
				  " RETURNING last";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, name);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc ? rc : WG_ESTORE;
	}
	*out = stmt_int(st, 0);
	return stmt_exec(st);
}

#define CASE_COLS                                                                                  \
	"id, number, region, channel, employer, employer_name, project, description, received,"    \
	" accept_by, accepted, rejected, reject_reason, conclude_by, conclude_by_original,"        \
	" extend_reason, status, outcome, closed, agreed, claimed, paid, workers, substantiated,"  \
	" order_number, order_deadline, order_issued, order_ignored, surcharge, reporter_name,"    \
	" reporter_phone, reporter_anonymous, absconded, created_by"

static void read_case(struct stmt *st, struct case_row *c)
{
	memset(c, 0, sizeof *c);
	c->id = stmt_int(st, 0);
	copy(c->number, sizeof c->number, stmt_text(st, 1));
	c->region = stmt_int(st, 2);
	copy(c->channel, sizeof c->channel, stmt_text(st, 3));
	copy(c->employer, sizeof c->employer, stmt_text(st, 4));
	copy(c->employer_name, sizeof c->employer_name, stmt_text(st, 5));
	copy(c->project, sizeof c->project, stmt_text(st, 6));
	copy(c->description, sizeof c->description, stmt_text(st, 7));
	c->received = stmt_int(st, 8);
	c->accept_by = stmt_int(st, 9);
	c->accepted = col_day(st, 10);
	c->rejected = col_day(st, 11);
	copy(c->reject_reason, sizeof c->reject_reason, stmt_text(st, 12));
	c->conclude_by = col_day(st, 13);
	c->conclude_by_original = col_day(st, 14);
	copy(c->extend_reason, sizeof c->extend_reason, stmt_text(st, 15));
	copy(c->status, sizeof c->status, stmt_text(st, 16));
	copy(c->outcome, sizeof c->outcome, stmt_text(st, 17));
	c->closed = col_day(st, 18);
	c->agreed = stmt_int(st, 19);
	c->claimed = stmt_int(st, 20);
	c->paid = stmt_int(st, 21);
	c->workers = stmt_int(st, 22);
	c->substantiated = col_day(st, 23);
	copy(c->order_number, sizeof c->order_number, stmt_text(st, 24));
	c->order_deadline = col_day(st, 25);
	c->order_issued = col_day(st, 26);
	c->order_ignored = col_day(st, 27);
	c->surcharge = stmt_int(st, 28);
	copy(c->reporter_name, sizeof c->reporter_name, stmt_text(st, 29));
	copy(c->reporter_phone, sizeof c->reporter_phone, stmt_text(st, 30));
	c->reporter_anonymous = stmt_int(st, 31) != 0;
	c->absconded = col_day(st, 32);
	copy(c->created_by, sizeof c->created_by, stmt_text(st, 33));
}

/* Binds the mutable fields as $2 … $30, in the order of CASE_COLS from employer_name on
 * (PostgreSQL's statements take at most 32 parameters). */
static void bind_mutable(struct stmt *st, const struct case_row *c)
{
	int i = 2;
	bind_opt(st, i++, c->employer_name);
	bind_opt(st, i++, c->project);
	bind_opt(st, i++, c->description);
	stmt_bind_int(st, i++, c->received);
	stmt_bind_int(st, i++, c->accept_by);
	bind_day(st, i++, c->accepted);
	bind_day(st, i++, c->rejected);
	bind_opt(st, i++, c->reject_reason);
	bind_day(st, i++, c->conclude_by);
	bind_day(st, i++, c->conclude_by_original);
	bind_opt(st, i++, c->extend_reason);
	stmt_bind_text(st, i++, c->status);
	bind_opt(st, i++, c->outcome);
	bind_day(st, i++, c->closed);
	stmt_bind_int(st, i++, c->agreed);
	stmt_bind_int(st, i++, c->claimed);
	stmt_bind_int(st, i++, c->paid);
	stmt_bind_int(st, i++, c->workers);
	bind_day(st, i++, c->substantiated);
	bind_opt(st, i++, c->order_number);
	bind_day(st, i++, c->order_deadline);
	bind_day(st, i++, c->order_issued);
	bind_day(st, i++, c->order_ignored);
	stmt_bind_int(st, i++, c->surcharge);
	bind_opt(st, i++, c->reporter_name);
	bind_opt(st, i++, c->reporter_phone);
	stmt_bind_int(st, i++, c->reporter_anonymous);
	bind_day(st, i++, c->absconded);
	bind_opt(st, i, c->created_by);
}

int store_case_insert(struct store *s, struct case_row *c)
{
	/* the row with its identity first, then every other field as an update */
	static const char SQL[] =
		"INSERT INTO cases(number, region, channel, employer, received, accept_by, status,"
		" agreed, claimed, paid, workers, surcharge, reporter_anonymous) VALUES($1, $2, $3,"
		" $4, $5, $6, $7, 0, 0, 0, 0, 0, 0) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, c->number);
	stmt_bind_int(st, 2, c->region);
	stmt_bind_text(st, 3, c->channel);
	stmt_bind_text(st, 4, c->employer);
	stmt_bind_int(st, 5, c->received);
	stmt_bind_int(st, 6, c->accept_by);
	stmt_bind_text(st, 7, c->status);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc ? rc : WG_ESTORE;
	}
	c->id = stmt_int(st, 0);
	if ((rc = stmt_exec(st)))
		return rc;
	return store_case_update(s, c);
}

int store_case_update(struct store *s, const struct case_row *c)
{
	static const char SQL[] =
		"UPDATE cases SET employer_name=$2, project=$3, description=$4, received=$5,"
		" accept_by=$6, accepted=$7, rejected=$8, reject_reason=$9, conclude_by=$10,"
		" conclude_by_original=$11, extend_reason=$12, status=$13, outcome=$14, closed=$15,"
		" agreed=$16, claimed=$17, paid=$18, workers=$19, substantiated=$20,"
		" order_number=$21, order_deadline=$22, order_issued=$23, order_ignored=$24,"
		" surcharge=$25, reporter_name=$26, reporter_phone=$27, reporter_anonymous=$28,"
		" absconded=$29, created_by=$30 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, c->id);
	bind_mutable(st, c);
	int rc = stmt_exec(st);
	if (!rc && stmt_changes(st) != 1)
		rc = WG_ENOTFOUND;
	return rc;
}

int store_case_get(struct store *s, const char *number, struct case_row *out)
{
	static const char SQL[] = "SELECT " CASE_COLS " FROM cases WHERE number=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, number);
	int rc = stmt_step(st);
	if (rc == 1)
		read_case(st, out), rc = WG_OK;
	else if (rc == 0)
		rc = WG_ENOTFOUND;
	stmt_reset(st);
	return rc;
}

int store_case_find_open(struct store *s, const char *employer, const char *project,
			 const char *who, int64_t *id, char number[CASE_NUMBER_SZ])
{
	static const char SQL[] =
		"SELECT c.id, c.number FROM cases c WHERE c.employer=$1"
		" AND coalesce(c.project, '')=$2 AND c.status IN ('received', 'accepted')"
		" AND c.channel<>'tipoff'"
		" AND EXISTS(SELECT 1 FROM case_workers w WHERE w.case_id=c.id AND w.who=$3)"
		" ORDER BY c.received, c.id LIMIT 1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, employer);
	stmt_bind_text(st, 2, project ? project : "");
	stmt_bind_text(st, 3, who);
	int rc = stmt_step(st);
	*id = 0;
	if (rc == 1) {
		*id = stmt_int(st, 0);
		copy(number, CASE_NUMBER_SZ, stmt_text(st, 1));
		rc = WG_OK;
	}
	stmt_reset(st);
	return rc;
}

int store_case_claim_put(struct store *s, int64_t case_id, int64_t region,
			 const struct case_claim_row *c)
{
	static const char PUT[] =
		"INSERT INTO case_workers(case_id, region, who, id_number, name, phone, source,"
		" claimed) VALUES($1, $2, $3, $4,"
		" coalesce($5, (SELECT w.name FROM workers w JOIN persons p ON p.id=w.person_id"
		"  WHERE p.id_number=$4)),"
		" coalesce($6, (SELECT w.phone FROM workers w JOIN persons p ON p.id=w.person_id"
		"  WHERE p.id_number=$4)), $7, $8)"
		" ON CONFLICT(case_id, who, source) DO UPDATE SET claimed=$8,"
		" name=coalesce($5, case_workers.name), phone=coalesce($6, case_workers.phone)";
	static const char SUM[] =
		"UPDATE cases SET claimed=(SELECT coalesce(sum(claimed), 0) FROM case_workers"
		" WHERE case_id=$1), workers=(SELECT count(DISTINCT who) FROM case_workers"
		" WHERE case_id=$1) WHERE id=$1";
	struct stmt *st = stmt_get(s, PUT, PUT);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	stmt_bind_int(st, 2, region);
	stmt_bind_text(st, 3, c->who);
	bind_opt(st, 4, c->id_number);
	bind_opt(st, 5, c->name);
	bind_opt(st, 6, c->phone);
	stmt_bind_text(st, 7, c->source);
	stmt_bind_int(st, 8, c->amount);
	int rc = stmt_exec(st);
	if (rc)
		return rc;
	if (!(st = stmt_get(s, SUM, SUM)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	return stmt_exec(st);
}

int store_case_workers(struct store *s, int64_t case_id,
		       int (*cb)(void *ctx, const struct case_worker *w), void *ctx)
{
	static const char SQL[] =
		"SELECT w.who, max(w.id_number), max(w.name), max(w.phone), sum(w.claimed),"
		" coalesce((SELECT sum(p.amount) FROM case_payments p WHERE p.case_id=$1"
		"  AND p.who=w.who), 0)"
		" FROM case_workers w WHERE w.case_id=$1 GROUP BY w.who ORDER BY w.who" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct case_worker w = {.who = stmt_text(st, 0),
					.id_number = stmt_text(st, 1),
					.name = stmt_text(st, 2),
					.phone = stmt_text(st, 3),
					.claimed = stmt_int(st, 4),
					.paid = stmt_int(st, 5)};
		if ((rc = cb(ctx, &w)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_case_event_add(struct store *s, int64_t case_id, int64_t region,
			 const struct case_event *e)
{
	static const char SQL[] =
		"INSERT INTO case_events(case_id, region, on_date, at, kind, detail, amount, actor)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	stmt_bind_int(st, 2, region);
	stmt_bind_int(st, 3, e->on);
	stmt_bind_int(st, 4, e->at);
	stmt_bind_text(st, 5, e->kind);
	bind_opt(st, 6, e->detail);
	stmt_bind_int(st, 7, e->amount);
	bind_opt(st, 8, e->actor);
	return stmt_exec(st);
}

int store_case_events(struct store *s, int64_t case_id,
		      int (*cb)(void *ctx, const struct case_event *e), void *ctx)
{
	static const char SQL[] = "SELECT on_date, at, amount, kind, detail, actor FROM case_events"
				  " WHERE case_id=$1 ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct case_event e = {.on = stmt_int(st, 0),
				       .at = stmt_int(st, 1),
				       .amount = stmt_int(st, 2),
				       .kind = stmt_text(st, 3),
				       .detail = stmt_text(st, 4),
				       .actor = stmt_text(st, 5)};
		if ((rc = cb(ctx, &e)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_case_payment_add(struct store *s, int64_t case_id, int64_t region,
			   const struct case_payment *p)
{
	static const char INS[] =
		"INSERT INTO case_payments(case_id, region, who, amount, paid_on, txn_id, source,"
		" lseq, receipt) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)";
	static const char SUM[] = "UPDATE cases SET paid=(SELECT coalesce(sum(amount), 0)"
				  " FROM case_payments WHERE case_id=$1) WHERE id=$1";
	struct stmt *st = stmt_get(s, INS, INS);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	stmt_bind_int(st, 2, region);
	stmt_bind_text(st, 3, p->who);
	stmt_bind_int(st, 4, p->amount);
	stmt_bind_int(st, 5, p->paid_on);
	bind_opt(st, 6, p->txn_id);
	stmt_bind_text(st, 7, p->source);
	stmt_bind_int(st, 8, p->lseq);
	bind_opt(st, 9, p->receipt);
	int rc = stmt_exec(st);
	if (rc)
		return rc;
	if (!(st = stmt_get(s, SUM, SUM)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	return stmt_exec(st);
}

int store_case_payments(struct store *s, int64_t case_id,
			int (*cb)(void *ctx, const struct case_payment *p), void *ctx)
{
	static const char SQL[] = "SELECT who, txn_id, source, receipt, amount, paid_on, lseq"
				  " FROM case_payments WHERE case_id=$1 ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct case_payment p = {.who = stmt_text(st, 0),
					 .txn_id = stmt_text(st, 1),
					 .source = stmt_text(st, 2),
					 .receipt = stmt_text(st, 3),
					 .amount = stmt_int(st, 4),
					 .paid_on = stmt_int(st, 5),
					 .lseq = stmt_int(st, 6)};
		if ((rc = cb(ctx, &p)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_case_list(struct store *s, const struct case_filter *f,
		    int (*cb)(void *ctx, const struct case_row *c), void *ctx)
{
	/* the scope: a regulator's region prefix, an enterprise's own cases (as respondent),
	 * a worker's own (as complainant); $1 role, $2 scope */
	static const char SQL[] =
		"SELECT " CASE_COLS " FROM cases c WHERE"
		" ($1=0"
		"  OR ($1=1 AND " SQL_PREFIXED(
			"CAST(c.region AS TEXT)",
			"$2") ")"
			      "  OR ($1=2 AND c.employer=$2)"
			      "  OR ($1=4 AND c.channel<>'tipoff' AND EXISTS(SELECT 1 FROM "
			      "case_workers w"
			      "   WHERE w.case_id=c.id AND w.who=$2)))"
			      " AND ($3=0 OR c.status IN ('received', 'accepted'))"
			      " AND ($4 IS NULL OR c.employer=$4) AND ($5 IS NULL OR c.project=$5)"
			      " AND ($6 IS NULL OR c.status=$6) AND ($7 IS NULL OR c.channel=$7)"
			      " ORDER BY c.number" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, f->scope_role);
	stmt_bind_text(st, 2, f->scope ? f->scope : "");
	stmt_bind_int(st, 3, f->open_only);
	stmt_bind_text(st, 4, f->employer);
	stmt_bind_text(st, 5, f->project);
	stmt_bind_text(st, 6, f->status);
	stmt_bind_text(st, 7, f->channel);
	struct case_row *c = malloc(sizeof *c);
	if (!c) {
		stmt_reset(st);
		return WG_ENOMEM;
	}
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		read_case(st, c);
		if ((rc = cb(ctx, c)))
			break;
	}
	stmt_reset(st);
	free(c);
	return rc;
}

int store_case_open_count(struct store *s, const char *project, const char *uscc, int64_t day,
			  int64_t *n)
{
	static const char SQL[] =
		"SELECT count(*) FROM cases WHERE ((CAST($1 AS TEXT) IS NOT NULL AND project=$1)"
		" OR (CAST($2 AS TEXT) IS NOT NULL AND employer=$2)) AND received<=$3"
		" AND (rejected IS NULL OR rejected>$3) AND (closed IS NULL OR closed>$3)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project);
	stmt_bind_text(st, 2, uscc);
	stmt_bind_int(st, 3, day);
	int rc = stmt_step(st);
	*n = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

int store_case_substantiated_in(struct store *s, const char *uscc, int64_t from, int64_t to,
				bool *yes)
{
	static const char SQL[] = "SELECT count(*) FROM cases WHERE employer=$1"
				  " AND substantiated IS NOT NULL AND received>$2 AND received<=$3";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, from);
	stmt_bind_int(st, 3, to);
	int rc = stmt_step(st);
	*yes = rc == 1 && stmt_int(st, 0) > 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

int store_case_has_worker(struct store *s, const char *number, const char *id_number, bool *yes)
{
	static const char SQL[] = "SELECT count(*) FROM case_workers w JOIN cases c"
				  " ON c.id=w.case_id WHERE c.number=$1 AND w.id_number=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, number);
	stmt_bind_text(st, 2, id_number);
	int rc = stmt_step(st);
	*yes = rc == 1 && stmt_int(st, 0) > 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

int store_case_progress(struct store *s, const char *region, int64_t from, int64_t to,
			int64_t *closed, int64_t *recovered, int64_t *workers, int64_t *open)
{
	static const char SQL[] = "SELECT (SELECT count(*) FROM cases WHERE " SQL_PREFIXED(
		"CAST(region AS TEXT)",
		"$1") ""
		      "  AND status='closed' AND closed>=$2 AND closed<=$3),"
		      " (SELECT coalesce(sum(amount), 0) FROM case_payments WHERE"
		      "  " SQL_PREFIXED(
			      "CAST(region AS TEXT)",
			      "$1") " AND paid_on>=$2 AND paid_on<=$3),"
				    " (SELECT count(DISTINCT who) FROM case_payments WHERE"
				    "  " SQL_PREFIXED(
					    "CAST(region AS TEXT)",
					    "$1") " AND paid_on>=$2 AND paid_on<=$3),"
						  " (SELECT count(*) FROM cases "
						  "WHERE " SQL_PREFIXED(
							  "CAST(region AS TEXT)",
							  "$1") ""
								"  AND status IN ('received', "
								"'accepted'))";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	stmt_bind_int(st, 2, from);
	stmt_bind_int(st, 3, to);
	int rc = stmt_step(st);
	if (rc == 1) {
		*closed = stmt_int(st, 0);
		*recovered = stmt_int(st, 1);
		*workers = stmt_int(st, 2);
		*open = stmt_int(st, 3);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

int store_case_respondent(struct store *s, const char *project, const char *employer,
			  int64_t *project_region, int64_t *employer_region, char *name, size_t n)
{
	static const char SQL[] = "SELECT (SELECT region_code FROM projects WHERE code=$1),"
				  " (SELECT region_code FROM enterprises WHERE uscc=$2),"
				  " (SELECT name FROM enterprises WHERE uscc=$2)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project ? project : "");
	stmt_bind_text(st, 2, employer ? employer : "");
	int rc = stmt_step(st);
	if (rc == 1) {
		*project_region = col_day(st, 0);
		*employer_region = col_day(st, 1);
		copy(name, n, stmt_text(st, 2));
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

int store_project_name(struct store *s, const char *project, char *out, size_t n)
{
	static const char SQL[] = "SELECT name FROM projects WHERE code=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project);
	int rc = stmt_step(st);
	out[0] = '\0';
	if (rc == 1)
		copy(out, n, stmt_text(st, 0));
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_project_contractor(struct store *s, const char *project, char *out, size_t n)
{
	static const char SQL[] = "SELECT e.uscc FROM projects p JOIN enterprises e"
				  " ON e.id=p.contractor_id WHERE p.code=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project);
	int rc = stmt_step(st);
	out[0] = '\0';
	if (rc == 1)
		copy(out, n, stmt_text(st, 0));
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_liability_facts(struct store *s, const char *project, const char *employer, int64_t as_of,
			  struct liability_facts *out)
{
	static const char SQL[] =
		"SELECT o.uscc, o.name, c.uscc, c.name, p.contract_value,"
		" (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.project_id=p.id"
		"  AND a.date<=$3),"
		" (SELECT sc.contract_value FROM subcontracts sc JOIN enterprises e"
		"  ON e.id=sc.subcontractor_id WHERE sc.project_id=p.id AND e.uscc=$2),"
		" (SELECT min(w.id) FROM warnings w WHERE w.project_id=p.id"
		"  AND w.rule='NO_LABOR_COST' AND w.first_seen<=$3)"
		" FROM projects p JOIN enterprises o ON o.id=p.owner_id"
		" JOIN enterprises c ON c.id=p.contractor_id WHERE p.code=$1";
	static const char WARN[] = "SELECT first_seen, amount FROM warnings WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	memset(out, 0, sizeof *out);
	stmt_bind_text(st, 1, project);
	stmt_bind_text(st, 2, employer);
	stmt_bind_int(st, 3, as_of);
	int rc = stmt_step(st);
	if (rc == 1) {
		copy(out->owner, sizeof out->owner, stmt_text(st, 0));
		copy(out->owner_name, sizeof out->owner_name, stmt_text(st, 1));
		copy(out->contractor, sizeof out->contractor, stmt_text(st, 2));
		copy(out->contractor_name, sizeof out->contractor_name, stmt_text(st, 3));
		out->contract_value = stmt_int(st, 4);
		out->allocated = stmt_int(st, 5);
		out->subcontract = !stmt_null(st, 6);
		out->sub_value = stmt_int(st, 6);
		out->nlc_id = stmt_null(st, 7) ? 0 : stmt_int(st, 7);
		out->nlc_first_seen = -1;
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ENOTFOUND;
	}
	stmt_reset(st);
	if (rc || !out->nlc_id)
		return rc;
	if (!(st = stmt_get(s, WARN, WARN)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, out->nlc_id);
	if ((rc = stmt_step(st)) == 1) {
		out->nlc_first_seen = stmt_int(st, 0);
		out->nlc_amount = stmt_int(st, 1);
		rc = WG_OK;
	}
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_case_complaints(struct store *s, int64_t from, int64_t to,
			  int (*cb)(void *ctx, int64_t project_id, int64_t cases, int64_t claimed),
			  void *ctx)
{
	static const char SQL[] =
		"SELECT p.id, count(*), coalesce(sum(c.claimed), 0) FROM cases c"
		" JOIN projects p ON p.code=c.project WHERE c.channel<>'tipoff'"
		" AND c.received>=$1 AND c.received<=$2 AND (c.rejected IS NULL OR c.rejected>$2)"
		" GROUP BY p.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, from);
	stmt_bind_int(st, 2, to);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0), stmt_int(st, 1), stmt_int(st, 2))))
			break;
	stmt_reset(st);
	return rc;
}

int store_case_lead_get(struct store *s, const char *lead_id, char number[CASE_NUMBER_SZ])
{
	static const char SQL[] = "SELECT case_number FROM case_leads WHERE lead_id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, lead_id);
	int rc = stmt_step(st);
	if (rc == 1)
		copy(number, CASE_NUMBER_SZ, stmt_text(st, 0)), rc = WG_OK;
	else if (rc == 0)
		rc = WG_ENOTFOUND;
	stmt_reset(st);
	return rc;
}

int store_case_lead_put(struct store *s, const char *lead_id, const char *number)
{
	static const char SQL[] = "INSERT INTO case_leads(lead_id, case_number) VALUES($1, $2)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, lead_id);
	stmt_bind_text(st, 2, number);
	return stmt_exec(st);
}

int store_case_clock_rows(struct store *s, const char *region, int64_t from, int64_t to,
			  int (*cb)(void *ctx, const struct case_clock_row *r), void *ctx)
{
	static const char SQL[] =
		"SELECT c.region, c.received, c.accept_by, c.accepted, c.rejected, c.conclude_by,"
		" c.closed, c.claimed, coalesce((SELECT sum(p.amount) FROM case_payments p"
		"  WHERE p.case_id=c.id AND p.paid_on<=$3), 0)"
		" FROM cases c WHERE " SQL_PREFIXED(
			"CAST(c.region AS TEXT)",
			"$1") ""
			      " AND c.received>=$2 AND c.received<=$3 ORDER BY c.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	stmt_bind_int(st, 2, from);
	stmt_bind_int(st, 3, to);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct case_clock_row r = {.region = stmt_int(st, 0),
					   .received = stmt_int(st, 1),
					   .accept_by = stmt_int(st, 2),
					   .accepted = col_day(st, 3),
					   .rejected = col_day(st, 4),
					   .conclude_by = col_day(st, 5),
					   .closed = col_day(st, 6),
					   .claimed = stmt_int(st, 7),
					   .paid = stmt_int(st, 8)};
		if ((rc = cb(ctx, &r)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_red_warnings_by_region(struct store *s, const char *region,
				 int (*cb)(void *ctx, int64_t region, int64_t n), void *ctx)
{
	static const char SQL[] =
		"SELECT region, count(*) FROM warnings WHERE level=2 AND resolved_on IS NULL"
		" AND " SQL_PREFIXED("CAST(region AS TEXT)", "$1") " GROUP BY region";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0), stmt_int(st, 1))))
			break;
	stmt_reset(st);
	return rc;
}

int store_dossier_records(struct store *s, const char *project, const char *id_number,
			  int (*cb)(void *ctx, const struct dossier_record *r), void *ctx)
{
	static const char PAYROLL[] =
		"SELECT pr.period, e.uscc, pr.days, pr.gross, pr.deductions, pr.net, pr.lseq"
		" FROM payroll pr JOIN projects p ON p.id=pr.project_id"
		" JOIN persons pe ON pe.id=pr.person_id JOIN enterprises e ON e.id=pr.employer_id"
		" WHERE p.code=$1 AND pe.id_number=$2 ORDER BY pr.period";
	static const char PAYMENTS[] =
		"SELECT pa.txn_id, pa.status, pa.period, pa.amount, pa.paid_on, pa.lseq"
		" FROM payments pa JOIN projects p ON p.id=pa.project_id"
		" JOIN persons pe ON pe.id=pa.person_id WHERE p.code=$1 AND pe.id_number=$2"
		" ORDER BY pa.paid_on, pa.txn_id" SQL_BYTES;
	static const char ATTENDANCE[] =
		"SELECT a.date, a.hours, a.lseq FROM attendance a JOIN projects p ON "
		"p.id=a.project_id"
		" JOIN persons pe ON pe.id=a.person_id WHERE p.code=$1 AND pe.id_number=$2"
		" ORDER BY a.date";
	const char *const sql[3] = {PAYROLL, PAYMENTS, ATTENDANCE};
	int rc = 0;
	for (int k = 0; k < 3 && !rc; k++) {
		struct stmt *st = stmt_get(s, sql[k], sql[k]);
		if (!st)
			return WG_ESTORE;
		stmt_bind_text(st, 1, project);
		stmt_bind_text(st, 2, id_number);
		while ((rc = stmt_step(st)) == 1) {
			struct dossier_record r = {0};
			if (k == 0)
				r = (struct dossier_record){.kind = "payroll",
							    .period = stmt_int(st, 0),
							    .text1 = stmt_text(st, 1),
							    .a = stmt_int(st, 2),
							    .b = stmt_int(st, 3),
							    .c = stmt_int(st, 4),
							    .d = stmt_int(st, 5),
							    .lseq = stmt_int(st, 6)};
			else if (k == 1)
				r = (struct dossier_record){.kind = "payment",
							    .text1 = stmt_text(st, 0),
							    .text2 = stmt_text(st, 1),
							    .period = stmt_int(st, 2),
							    .a = stmt_int(st, 3),
							    .day = stmt_int(st, 4),
							    .lseq = stmt_int(st, 5)};
			else
				r = (struct dossier_record){.kind = "attendance",
							    .day = stmt_int(st, 0),
							    .a = stmt_int(st, 1),
							    .lseq = stmt_int(st, 2)};
			if ((rc = cb(ctx, &r)))
				break;
		}
		stmt_reset(st);
	}
	return rc;
}

int store_criminal_open(struct store *s, const char *uscc, bool *yes)
{
	static const char SQL[] = "SELECT count(*) FROM warnings w JOIN enterprises e"
				  " ON e.id=w.employer_id WHERE w.rule='CRIMINAL_THRESHOLD'"
				  " AND w.resolved_on IS NULL AND e.uscc=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	int rc = stmt_step(st);
	*yes = rc == 1 && stmt_int(st, 0) > 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}

/* ---- documents ---- */

#define DOC_COLS                                                                                   \
	"id, region, year, seq, case_id, number, kind, addressee, issued, deadline, amount,"       \
	" status_on, status, body, issued_by"

static void read_doc(struct stmt *st, struct document_row *d)
{
	memset(d, 0, sizeof *d);
	d->id = stmt_int(st, 0);
	d->region = stmt_int(st, 1);
	d->year = stmt_int(st, 2);
	d->seq = stmt_int(st, 3);
	d->case_id = stmt_null(st, 4) ? 0 : stmt_int(st, 4);
	copy(d->number, sizeof d->number, stmt_text(st, 5));
	copy(d->kind, sizeof d->kind, stmt_text(st, 6));
	copy(d->addressee, sizeof d->addressee, stmt_text(st, 7));
	d->issued = stmt_int(st, 8);
	d->deadline = col_day(st, 9);
	d->amount = stmt_int(st, 10);
	d->status_on = col_day(st, 11);
	copy(d->status, sizeof d->status, stmt_text(st, 12));
	d->body = stmt_text(st, 13);
	copy(d->issued_by, sizeof d->issued_by, stmt_text(st, 14));
}

int store_document_insert(struct store *s, struct document_row *d)
{
	static const char SQL[] =
		"INSERT INTO documents(number, region, kind, year, seq, case_id, addressee, issued,"
		" deadline, amount, status, status_on, body, issued_by) VALUES($1, $2, $3, $4, $5,"
		" $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, d->number);
	stmt_bind_int(st, 2, d->region);
	stmt_bind_text(st, 3, d->kind);
	stmt_bind_int(st, 4, d->year);
	stmt_bind_int(st, 5, d->seq);
	if (d->case_id)
		stmt_bind_int(st, 6, d->case_id);
	else
		stmt_bind_null(st, 6);
	bind_opt(st, 7, d->addressee);
	stmt_bind_int(st, 8, d->issued);
	bind_day(st, 9, d->deadline);
	stmt_bind_int(st, 10, d->amount);
	stmt_bind_text(st, 11, d->status);
	bind_day(st, 12, d->status_on);
	stmt_bind_text(st, 13, d->body);
	bind_opt(st, 14, d->issued_by);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc ? rc : WG_ESTORE;
	}
	d->id = stmt_int(st, 0);
	return stmt_exec(st);
}

int store_document_get(struct store *s, const char *number, struct document_row *out)
{
	static const char SQL[] = "SELECT " DOC_COLS " FROM documents WHERE number=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_keep_clear(s);
	stmt_bind_text(st, 1, number);
	int rc = stmt_step(st);
	if (rc == 1) {
		read_doc(st, out);
		out->body = stmt_keep(st, 13);
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ENOTFOUND;
	}
	stmt_reset(st);
	return rc;
}

int store_document_get_id(struct store *s, int64_t id, struct document_row *out)
{
	static const char SQL[] = "SELECT " DOC_COLS " FROM documents WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_keep_clear(s);
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		read_doc(st, out);
		out->body = stmt_keep(st, 13);
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ENOTFOUND;
	}
	stmt_reset(st);
	return rc;
}

int store_document_service_add(struct store *s, int64_t document_id, int64_t region,
			       const struct document_service *v)
{
	static const char SQL[] =
		"INSERT INTO document_services(document_id, region, method, served_on, recipient,"
		" note, recorded_by) VALUES($1, $2, $3, $4, $5, $6, $7)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, document_id);
	stmt_bind_int(st, 2, region);
	stmt_bind_text(st, 3, v->method);
	stmt_bind_int(st, 4, v->served_on);
	stmt_bind_text(st, 5, v->recipient);
	bind_opt(st, 6, v->note);
	bind_opt(st, 7, v->recorded_by);
	return stmt_exec(st);
}

int store_document_services(struct store *s, int64_t document_id,
			    int (*cb)(void *ctx, const struct document_service *v), void *ctx)
{
	static const char SQL[] = "SELECT method, recipient, note, recorded_by, served_on"
				  " FROM document_services WHERE document_id=$1 ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, document_id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct document_service v = {.method = stmt_text(st, 0),
					     .recipient = stmt_text(st, 1),
					     .note = stmt_text(st, 2),
					     .recorded_by = stmt_text(st, 3),
					     .served_on = stmt_int(st, 4)};
		if ((rc = cb(ctx, &v)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_documents_list(struct store *s, int scope_role, const char *scope, const char *kind,
			 int (*cb)(void *ctx, const struct document_row *d), void *ctx)
{
	static const char SQL[] =
		"SELECT " DOC_COLS " FROM documents WHERE"
		" ($1=0 OR ($1=1 AND " SQL_PREFIXED(
			"CAST(region AS TEXT)",
			"$2") ")"
			      "  OR ($1=2 AND addressee=$2)) AND ($3 IS NULL OR kind=$3)"
			      " ORDER BY issued DESC, id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1,
		      scope_role == SCOPE_ADMIN                ? 0
			      : scope_role == SCOPE_REGULATOR  ? 1
			      : scope_role == SCOPE_ENTERPRISE ? 2
							       : 3);
	stmt_bind_text(st, 2, scope ? scope : "");
	stmt_bind_text(st, 3, kind);
	int rc;
	struct document_row d;
	while ((rc = stmt_step(st)) == 1) {
		read_doc(st, &d);
		if ((rc = cb(ctx, &d)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_inspection_tasks(struct store *s, const char *region, bool open_only,
			   int (*cb)(void *ctx, const struct inspection_task *t), void *ctx)
{
	static const char SQL[] =
		"SELECT t.id, t.region, t.opened_on, t.warning_id, w.level, w.amount, w.first_seen,"
		" t.status, w.rule, p.code, p.name, e.uscc, e.name, w.resolved_on"
		" FROM inspection_tasks t JOIN warnings w ON w.id=t.warning_id"
		" LEFT JOIN projects p ON p.id=w.project_id"
		" LEFT JOIN enterprises e ON e.id=w.employer_id"
		" WHERE " SQL_PREFIXED("CAST(t.region AS TEXT)",
				       "$1") " AND ($2=0 OR t.status='open')"
					     " ORDER BY t.opened_on DESC, t.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	stmt_bind_int(st, 2, open_only);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct inspection_task t = {.id = stmt_int(st, 0),
					    .region = stmt_int(st, 1),
					    .opened_on = stmt_int(st, 2),
					    .warning_id = stmt_int(st, 3),
					    .level = stmt_int(st, 4),
					    .amount = stmt_int(st, 5),
					    .first_seen = stmt_int(st, 6),
					    .status = stmt_text(st, 7),
					    .rule = stmt_text(st, 8),
					    .project = stmt_text(st, 9),
					    .project_name = stmt_text(st, 10),
					    .employer = stmt_text(st, 11),
					    .employer_name = stmt_text(st, 12),
					    .resolved_on = col_day(st, 13)};
		if ((rc = cb(ctx, &t)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_document_set_status(struct store *s, int64_t id, const char *status, int64_t on)
{
	static const char SQL[] = "UPDATE documents SET status=$2, status_on=$3 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, status);
	stmt_bind_int(st, 3, on);
	return stmt_exec(st);
}

int store_documents_of_case(struct store *s, int64_t case_id,
			    int (*cb)(void *ctx, const struct document_row *d), void *ctx)
{
	static const char SQL[] = "SELECT " DOC_COLS " FROM documents WHERE case_id=$1 ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, case_id);
	int rc;
	struct document_row d;
	while ((rc = stmt_step(st)) == 1) {
		read_doc(st, &d);
		if ((rc = cb(ctx, &d)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* ---- intake queues ---- */

int store_complaints_pending(struct store *s,
			     int (*cb)(void *ctx, const struct pending_complaint *c), void *ctx)
{
	static const char SQL[] =
		"SELECT id, region, claimed, received_on, channel, name, phone, id_number,"
		" project_code, employer, description FROM complaints WHERE status='received'"
		" ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct pending_complaint c = {.id = stmt_int(st, 0),
					      .region = stmt_int(st, 1),
					      .claimed = stmt_int(st, 2),
					      .received = stmt_int(st, 3),
					      .channel = stmt_text(st, 4),
					      .name = stmt_text(st, 5),
					      .phone = stmt_text(st, 6),
					      .id_number = stmt_text(st, 7),
					      .project = stmt_text(st, 8),
					      .employer = stmt_text(st, 9),
					      .description = stmt_text(st, 10)};
		if ((rc = cb(ctx, &c)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_complaint_set_case(struct store *s, int64_t id, const char *status, const char *number)
{
	static const char SET[] = "UPDATE complaints SET status=$2 WHERE id=$1";
	static const char LINK[] =
		"INSERT INTO complaint_cases(complaint_id, case_number)"
		" VALUES($1, $2) ON CONFLICT(complaint_id) DO UPDATE SET case_number=$2";
	struct stmt *st = stmt_get(s, SET, SET);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, status);
	int rc = stmt_exec(st);
	if (rc)
		return rc;
	if (!(st = stmt_get(s, LINK, LINK)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, number);
	return stmt_exec(st);
}

int store_disputes_pending(struct store *s, int (*cb)(void *ctx, const struct pending_dispute *d),
			   void *ctx)
{
	static const char SQL[] =
		"SELECT c.id, c.region, c.period, c.claimed, c.at, p.code, pe.id_number, c.reason,"
		" w.name, w.phone, e.uscc, pr.net"
		" FROM confirmations c JOIN projects p ON p.id=c.project_id"
		" JOIN persons pe ON pe.id=c.person_id"
		" LEFT JOIN workers w ON w.person_id=c.person_id"
		" LEFT JOIN payroll pr ON pr.project_id=c.project_id AND pr.person_id=c.person_id"
		"  AND pr.period=c.period"
		" LEFT JOIN enterprises e ON e.id=pr.employer_id"
		" WHERE c.case_status='open' ORDER BY c.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct pending_dispute d = {.id = stmt_int(st, 0),
					    .region = stmt_int(st, 1),
					    .period = stmt_int(st, 2),
					    .claimed = stmt_int(st, 3),
					    .at = stmt_int(st, 4),
					    .project = stmt_text(st, 5),
					    .id_number = stmt_text(st, 6),
					    .reason = stmt_text(st, 7),
					    .name = stmt_text(st, 8),
					    .phone = stmt_text(st, 9),
					    .employer = stmt_text(st, 10)};
		/* a dispute that names no amount claims the line's net pay */
		if (!d.claimed && !stmt_null(st, 11))
			d.claimed = stmt_int(st, 11);
		if ((rc = cb(ctx, &d)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_dispute_set_case(struct store *s, int64_t id, const char *number)
{
	static const char SQL[] = "UPDATE confirmations SET case_status=$2 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, number);
	return stmt_exec(st);
}

int store_calendar_load(struct store *s, struct calendar *cal, int32_t *fest, size_t max,
			size_t *nfest)
{
	static const char SQL[] = "SELECT date, kind FROM calendar ORDER BY date";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	*nfest = 0;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		int32_t day = (int32_t)stmt_int(st, 0);
		const char *kind = stmt_text(st, 1);
		bool work = kind && strcmp(kind, "workday") == 0;
		if (kind && strcmp(kind, "festival") == 0 && *nfest < max)
			fest[(*nfest)++] = day;
		if (calendar_set(cal, day, work ? 'W' : 'H')) {
			rc = WG_ENOMEM;
			break;
		}
	}
	stmt_reset(st);
	return rc;
}
