/* notice.c — what publicity notices, rights boards and exports read from the SQLite store:
 * pay cycles (payroll lines with their payments and the worker's answer), a project's
 * subcontracts, and configuration keys by prefix. */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

int sq_pay_cycles(struct store *s, const struct pay_cycle_filter *f,
		  int (*cb)(void *, const struct pay_cycle *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	/* keys first: the payroll lines (and, unless payroll_only, the worker-months that have
	 * payments only), then everything else by primary key; ?1 project code, ?2 period,
	 * ?3 employer USCC, ?4 payroll_only */
	sqlite3_stmt *st = sq_named(
		q, SQN_PAY_CYCLES,
		"WITH pj AS (SELECT id FROM projects WHERE ?1 IS NULL OR code=?1),"
		" keys AS (SELECT project_id, person_id, period FROM payroll"
		"  WHERE project_id IN pj AND (?2 < 0 OR period=?2)"
		"  UNION SELECT project_id, person_id, period FROM payments"
		"  WHERE ?4=0 AND project_id IN pj AND (?2 < 0 OR period=?2))"
		" SELECT p.code, p.name, e.uscc, e.name, pe.id_number, w.name, w.phone, "
		"w.bank_card,"
		"  w.bank_code,"
		"  (SELECT group_concat(txn_id, ';') FROM (SELECT txn_id FROM payments x"
		"   WHERE x.project_id=k.project_id AND x.person_id=k.person_id"
		"   AND x.period=k.period AND x.status='ok' ORDER BY x.paid_on, x.txn_id)),"
		"  k.period, coalesce(r.days, 0), coalesce(r.gross, 0), coalesce(r.deductions, 0),"
		"  coalesce(r.net, 0), coalesce(r.due_date, -1),"
		"  (SELECT coalesce(sum(amount), 0) FROM payments x WHERE x.project_id=k.project_id"
		"   AND x.person_id=k.person_id AND x.period=k.period AND x.status='ok'),"
		"  (SELECT coalesce(max(paid_on), -1) FROM payments x WHERE "
		"x.project_id=k.project_id"
		"   AND x.person_id=k.person_id AND x.period=k.period AND x.status='ok'),"
		"  (SELECT count(*) FROM payments x WHERE x.project_id=k.project_id"
		"   AND x.person_id=k.person_id AND x.period=k.period AND x.status='ok'),"
		"  r.project_id IS NOT NULL, coalesce(c.status, 0)"
		" FROM keys k JOIN projects p ON p.id=k.project_id"
		" JOIN persons pe ON pe.id=k.person_id"
		" LEFT JOIN workers w ON w.person_id=k.person_id"
		" LEFT JOIN payroll r ON r.project_id=k.project_id AND r.person_id=k.person_id"
		"  AND r.period=k.period"
		" LEFT JOIN enterprises e ON e.id=r.employer_id"
		" LEFT JOIN confirmations c ON c.project_id=r.project_id AND "
		"c.person_id=r.person_id"
		"  AND c.period=r.period AND c.payroll_lseq=r.lseq"
		" WHERE ?3 IS NULL OR e.uscc=?3"
		" ORDER BY p.code, k.period, coalesce(e.uscc, ''), pe.id_number");
	if (!st)
		return WG_ESTORE;
	if (f->project)
		sqlite3_bind_text(st, 1, f->project, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->period);
	if (f->employer)
		sqlite3_bind_text(st, 3, f->employer, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->payroll_only ? 1 : 0);
	int step, rc = WG_OK;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct pay_cycle c = {0};
		const char **text[10] = {&c.project,       &c.project_name, &c.employer_uscc,
					 &c.employer_name, &c.id_number,    &c.name,
					 &c.phone,         &c.bank_card,    &c.bank_code,
					 &c.vouchers};
		for (int i = 0; i < 10; i++)
			*text[i] = (const char *)sqlite3_column_text(st, i);
		int64_t *num[9] = {&c.period, &c.days, &c.gross,   &c.deductions, &c.net,
				   &c.due,    &c.paid, &c.paid_on, &c.payments};
		for (int i = 0; i < 9; i++)
			*num[i] = sqlite3_column_int64(st, 10 + i);
		c.has_payroll = sqlite3_column_int(st, 19);
		c.confirmation = sqlite3_column_int(st, 20);
		if ((rc = cb(ctx, &c)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "pay cycles");
	sqlite3_reset(st);
	return rc;
}

int sq_project_subcontracts(struct store *s, const char *code,
			    int (*cb)(void *, const struct subcontract_view *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	sqlite3_stmt *st = sq_named(
		q, SQN_SUBCONTRACTS,
		"SELECT e.uscc, e.name, s.contract_value, s.start_date, coalesce(s.end_date, -1)"
		" FROM subcontracts s JOIN projects p ON p.id=s.project_id"
		" JOIN enterprises e ON e.id=s.subcontractor_id"
		" WHERE p.code=? ORDER BY s.start_date, e.uscc");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int step, rc = WG_OK;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct subcontract_view v = {
			.uscc = (const char *)sqlite3_column_text(st, 0),
			.name = (const char *)sqlite3_column_text(st, 1),
			.contract_value = sqlite3_column_int64(st, 2),
			.start_date = sqlite3_column_int64(st, 3),
			.end_date = sqlite3_column_int64(st, 4),
		};
		if ((rc = cb(ctx, &v)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "subcontracts");
	sqlite3_reset(st);
	return rc;
}

int sq_config_list(struct store *s, const char *prefix,
		   int (*cb)(void *, const char *, const char *), void *ctx)
{
	struct sq_store *q = (struct sq_store *)s;
	/* substr compares bytes: a prefix with LIKE's wildcards in it stays literal */
	sqlite3_stmt *st = sq_named(
		q, SQN_CONFIG_LIST,
		"SELECT key, value FROM config WHERE substr(key, 1, length(?1))=?1 ORDER BY key");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	int step, rc = WG_OK;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = cb(ctx, (const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 1))))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(q, "config");
	sqlite3_reset(st);
	return rc;
}
