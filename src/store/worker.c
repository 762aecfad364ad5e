/* worker.c — the read models of a worker (store/worker.h), in SQL both stores run. */
#include "store/worker.h"

#include "store/dialect.h"
#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

int store_worker_summary(struct store *s, const char *id_number, struct worker_summary *out)
{
	static const char SQL[] =
		"SELECT p.id_number, w.name, w.phone, w.bank_card, w.bank_code,"
		" w.person_id IS NOT NULL, (SELECT count(*) FROM employments WHERE person_id=p.id)"
		" FROM persons p LEFT JOIN workers w ON w.person_id=p.id WHERE p.id_number=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, id_number);
	int rc = stmt_step(st);
	if (rc != 1) {
		stmt_reset(st);
		return rc == 0 ? WG_ENOTFOUND : rc;
	}
	stmt_keep_clear(s);
	out->id_number = stmt_keep(st, 0);
	out->name = stmt_keep(st, 1);
	out->phone = stmt_keep(st, 2);
	out->bank_card = stmt_keep(st, 3);
	out->bank_code = stmt_keep(st, 4);
	out->registered = (int)stmt_int(st, 5);
	out->employments = stmt_int(st, 6);
	stmt_reset(st);
	return WG_OK;
}

int store_worker_months(struct store *s, const char *id_number,
			int (*cb)(void *, const struct worker_month *), void *ctx)
{
	/* attendance days from the worker-month aggregate (one row a month), reached through
	 * its index by person: the raw days are clustered by project and day */
	static const char SQL[] =
		"WITH me AS (SELECT id FROM persons WHERE id_number=$1),"
		" att AS (SELECT project_id, period, " SQL_POPCOUNT(
			"mask") " AS days FROM wm_days"
				"  WHERE person_id=(SELECT id FROM me) AND mask<>0),"
				" pr AS (SELECT project_id, period, gross, deductions, net FROM "
				"payroll"
				"  WHERE person_id=(SELECT id FROM me)),"
				" pay AS (SELECT project_id, period, sum(amount) AS paid FROM "
				"payments"
				"  WHERE person_id=(SELECT id FROM me) AND status='ok' GROUP BY 1, "
				"2),"
				" keys AS (SELECT project_id, period FROM att UNION SELECT "
				"project_id, period FROM pr"
				"  UNION SELECT project_id, period FROM pay)"
				" SELECT p.code, k.period, coalesce(att.days, 0), pr.project_id IS "
				"NOT NULL,"
				"  coalesce(pr.gross, 0), coalesce(pr.deductions, 0), "
				"coalesce(pr.net, 0),"
				"  coalesce(pay.paid, 0), p.name"
				" FROM keys k JOIN projects p ON p.id=k.project_id"
				" LEFT JOIN att USING(project_id, period) LEFT JOIN pr "
				"USING(project_id, period)"
				" LEFT JOIN pay USING(project_id, period) ORDER BY k.period, "
				"p.code" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, id_number);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct worker_month m = {
			.project = stmt_text(st, 0),
			.period = stmt_int(st, 1),
			.att_days = stmt_int(st, 2),
			.has_payroll = stmt_int(st, 3),
			.gross = stmt_int(st, 4),
			.deductions = stmt_int(st, 5),
			.net = stmt_int(st, 6),
			.paid = stmt_int(st, 7),
			.project_name = stmt_text(st, 8),
		};
		if ((rc = cb(ctx, &m)))
			break;
	}
	stmt_reset(st);
	return rc;
}
