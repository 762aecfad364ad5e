/* notice.c — what publicity notices, rights boards and exports read from the PostgreSQL
 * store, as SQLite's: pay cycles (streamed row by row, so a province's ledger export does not
 * sit in memory), a project's subcontracts, configuration keys by prefix. */
#include <stdio.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

/* Runs the statement of slot (prepared once) in single-row mode, calling row for each result
 * row. After row returns non-zero the rest is read and dropped, so the connection is ready
 * for the next command; that return is returned. */
static int pg_stream(struct pg_store *q, int slot, const char *sql, const struct pg_params *p,
		     int (*row)(void *ctx, const PGresult *res), void *ctx, const char *what)
{
	char name[16];
	int rc;
	if ((rc = pg_flush_all(q)) || (rc = pg_settle(q)))
		return rc;
	snprintf(name, sizeof name, "n%d", slot);
	if (!q->prepared[slot]) {
		PGresult *res = PQprepare(q->conn, name, sql, 0, NULL);
		rc = PQresultStatus(res) == PGRES_COMMAND_OK ? WG_OK : pg_fail(q, what, res);
		PQclear(res);
		if (rc)
			return rc;
		q->prepared[slot] = true;
	}
	if (!PQsendQueryPrepared(q->conn, name, p->n, p->v, NULL, NULL, 0))
		return pg_fail(q, what, NULL);
	PQsetSingleRowMode(q->conn);
	PGresult *res;
	while ((res = PQgetResult(q->conn))) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_SINGLE_TUPLE) {
			if (!rc)
				rc = row(ctx, res);
		} else if (st != PGRES_TUPLES_OK && !rc) {
			rc = pg_fail(q, what, res);
		}
		PQclear(res);
	}
	return rc;
}

static const char *text_or_null(const PGresult *res, int col)
{
	return PQgetisnull(res, 0, col) ? NULL : PQgetvalue(res, 0, col);
}

struct cycles_ctx {
	int (*cb)(void *, const struct pay_cycle *);
	void *ctx;
};

static int cycle_row(void *ctx, const PGresult *res)
{
	struct cycles_ctx *cc = ctx;
	struct pay_cycle c = {0};
	const char **text[10] = {&c.project,   &c.project_name, &c.employer_uscc, &c.employer_name,
				 &c.id_number, &c.name,         &c.phone,         &c.bank_card,
				 &c.bank_code, &c.vouchers};
	for (int i = 0; i < 10; i++)
		*text[i] = text_or_null(res, i);
	int64_t *num[9] = {&c.period, &c.days, &c.gross,   &c.deductions, &c.net,
			   &c.due,    &c.paid, &c.paid_on, &c.payments};
	for (int i = 0; i < 9; i++)
		*num[i] = pg_int(res, 0, 10 + i);
	c.has_payroll = (int)pg_int(res, 0, 19);
	c.confirmation = (int)pg_int(res, 0, 20);
	return cc->cb(cc->ctx, &c);
}

int pg_pay_cycles(struct store *s, const struct pay_cycle_filter *f,
		  int (*cb)(void *, const struct pay_cycle *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_params p = {0};
	pg_param_text(&p, f->project);
	pg_param_int(&p, f->period);
	pg_param_text(&p, f->employer);
	pg_param_int(&p, f->payroll_only ? 1 : 0);
	struct cycles_ctx cc = {cb, ctx};
	/* keys first, then the ok payments of those keys aggregated once (no correlated
	 * subqueries: they do not distribute on Citus); text sorts bytewise as on SQLite */
	return pg_stream(
		q, PGN_PAY_CYCLES,
		"WITH pj AS (SELECT id FROM projects WHERE $1::text IS NULL OR code=$1),"
		" keys AS (SELECT project_id, person_id, period FROM payroll"
		"  WHERE project_id IN (SELECT id FROM pj) AND ($2::bigint < 0 OR period=$2)"
		"  UNION SELECT project_id, person_id, period FROM payments"
		"  WHERE $4::int=0 AND project_id IN (SELECT id FROM pj)"
		"  AND ($2::bigint < 0 OR period=$2)),"
		" pay AS (SELECT x.project_id, x.person_id, x.period,"
		"  string_agg(x.txn_id, ';' ORDER BY x.paid_on, x.txn_id COLLATE \"C\") AS "
		"vouchers,"
		"  sum(x.amount) AS paid, max(x.paid_on) AS paid_on, count(*) AS n"
		"  FROM payments x JOIN keys k ON k.project_id=x.project_id"
		"  AND k.person_id=x.person_id AND k.period=x.period"
		"  WHERE x.status='ok' GROUP BY 1, 2, 3)"
		" SELECT p.code, p.name, e.uscc, e.name, pe.id_number, w.name, w.phone, "
		"w.bank_card,"
		"  w.bank_code, pay.vouchers,"
		"  k.period, coalesce(r.days, 0), coalesce(r.gross, 0), coalesce(r.deductions, 0),"
		"  coalesce(r.net, 0), coalesce(r.due_date, -1), coalesce(pay.paid, 0),"
		"  coalesce(pay.paid_on, -1), coalesce(pay.n, 0),"
		"  (r.project_id IS NOT NULL)::int, coalesce(c.status, 0)"
		" FROM keys k JOIN projects p ON p.id=k.project_id"
		" JOIN persons pe ON pe.id=k.person_id"
		" LEFT JOIN workers w ON w.person_id=k.person_id"
		" LEFT JOIN payroll r ON r.project_id=k.project_id AND r.person_id=k.person_id"
		"  AND r.period=k.period"
		" LEFT JOIN enterprises e ON e.id=r.employer_id"
		" LEFT JOIN confirmations c ON c.project_id=r.project_id AND "
		"c.person_id=r.person_id"
		"  AND c.period=r.period AND c.payroll_lseq=r.lseq"
		" LEFT JOIN pay ON pay.project_id=k.project_id AND pay.person_id=k.person_id"
		"  AND pay.period=k.period"
		" WHERE $3::text IS NULL OR e.uscc=$3"
		" ORDER BY p.code COLLATE \"C\", k.period, coalesce(e.uscc, '') COLLATE \"C\","
		"  pe.id_number COLLATE \"C\"",
		&p, cycle_row, &cc, "pay cycles");
}

int pg_project_subcontracts(struct store *s, const char *code,
			    int (*cb)(void *, const struct subcontract_view *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	if ((rc = pg_flush_all(q)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, code);
	if ((rc = pg_run(q, PGN_SUBCONTRACTS,
			 "SELECT e.uscc, e.name, s.contract_value, s.start_date, "
			 "coalesce(s.end_date, -1)"
			 " FROM subcontracts s JOIN projects p ON p.id=s.project_id"
			 " JOIN enterprises e ON e.id=s.subcontractor_id"
			 " WHERE p.code=$1 ORDER BY s.start_date, e.uscc COLLATE \"C\"",
			 &p, &res, "subcontracts")))
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++) {
		struct subcontract_view v = {
			.uscc = PQgetvalue(res, i, 0),
			.name = PQgetvalue(res, i, 1),
			.contract_value = pg_int(res, i, 2),
			.start_date = pg_int(res, i, 3),
			.end_date = pg_int(res, i, 4),
		};
		rc = cb(ctx, &v);
	}
	PQclear(res);
	return rc;
}

int pg_config_list(struct store *s, const char *prefix,
		   int (*cb)(void *, const char *, const char *), void *ctx)
{
	struct pg_store *q = (struct pg_store *)s;
	PGresult *res;
	int rc;
	struct pg_params p = {0};
	pg_param_text(&p, prefix);
	/* left() compares characters literally: a prefix with LIKE's wildcards stays literal */
	if ((rc = pg_run(q, PGN_CONFIG_LIST,
			 "SELECT key, value FROM config WHERE left(key, length($1))=$1"
			 " ORDER BY key COLLATE \"C\"",
			 &p, &res, "config")))
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++)
		rc = cb(ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
	PQclear(res);
	return rc;
}
