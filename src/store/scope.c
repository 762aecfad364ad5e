/* scope.c — the scope condition of each role as SQL both stores run. */
#include "store/scope.h"

#include <stdio.h>

#include "store/store.h"
#include "util/banned.h"

const char *store_scope_sql(int role, const char *param, char *buf, size_t n)
{
	switch (role) {
	case SCOPE_REGULATOR:
		snprintf(buf, n, "CAST(p.region_code AS TEXT) LIKE %s || '%%'", param);
		break;
	case SCOPE_ENTERPRISE:
		/* what it owns, contracts, subcontracts or employs people on */
		snprintf(buf, n,
			 "(p.owner_id=(SELECT id FROM enterprises WHERE uscc=%1$s)"
			 " OR p.contractor_id=(SELECT id FROM enterprises WHERE uscc=%1$s)"
			 " OR EXISTS(SELECT 1 FROM subcontracts sc WHERE sc.project_id=p.id"
			 " AND sc.subcontractor_id=(SELECT id FROM enterprises WHERE uscc=%1$s))"
			 " OR EXISTS(SELECT 1 FROM employments em WHERE em.project_id=p.id"
			 " AND em.employer_id=(SELECT id FROM enterprises WHERE uscc=%1$s)))",
			 param);
		break;
	case SCOPE_BANK:
		snprintf(buf, n,
			 "EXISTS(SELECT 1 FROM accounts a WHERE a.project_id=p.id AND "
			 "a.bank_code=%s)",
			 param);
		break;
	case SCOPE_WORKER:
		snprintf(buf, n,
			 "EXISTS(SELECT 1 FROM employments em WHERE em.project_id=p.id"
			 " AND em.person_id=(SELECT id FROM persons WHERE id_number=%s))",
			 param);
		break;
	default:
		/* the parameter is still mentioned: PostgreSQL wants every one typed */
		snprintf(buf, n, "(%s IS NULL OR 1=1)", param);
		break;
	}
	return buf;
}

/* rule 5 is NO_PAYROLL and 8 UNPAID, level 2 red and 1 orange (domain/warn.h) */
const char *const store_dashboard_sql[4] = {
	"SELECT w.region, w.level, count(*) FROM warnings w LEFT JOIN projects p"
	" ON p.id=w.project_id WHERE w.resolved_on IS NULL AND (w.project_id=0 OR (%s))"
	" GROUP BY 1, 2 ORDER BY 1, 2",
	"SELECT w.period, sum(w.amount), count(DISTINCT w.person_id) FROM warnings w"
	" JOIN projects p ON p.id=w.project_id WHERE w.resolved_on IS NULL AND w.rule IN (5, 8)"
	" AND (%s) GROUP BY 1 ORDER BY 1",
	"SELECT p.code, p.name, p.region_code, sum(CASE WHEN w.level=2 THEN 1 ELSE 0 END),"
	" sum(CASE WHEN w.level=1 THEN 1 ELSE 0 END),"
	" sum(CASE WHEN w.rule IN (5, 8) THEN w.amount ELSE 0 END) FROM warnings w"
	" JOIN projects p ON p.id=w.project_id WHERE w.resolved_on IS NULL AND (%s)"
	" GROUP BY p.id, p.code, p.name, p.region_code ORDER BY 4 DESC, 6 DESC, 5 DESC, p.code"
	" LIMIT 10",
	"SELECT (SELECT count(*) FROM projects p WHERE %s),"
	" (SELECT count(DISTINCT em.person_id) FROM employments em JOIN projects p"
	"  ON p.id=em.project_id WHERE %s),"
	" (SELECT count(*) FROM warnings w LEFT JOIN projects p ON p.id=w.project_id"
	"  WHERE w.resolved_on IS NULL AND (w.project_id=0 OR (%s)))",
};
