/* scope.c — the scope condition of each role as SQL both stores run. */
#include "store/scope.h"

#include <stdio.h>

#include "store/project.h"
#include "util/banned.h"

const char *store_scope_sql(int role, const char *param, char *buf, size_t n)
{
	switch (role) {
	case SCOPE_REGULATOR:
		/* a prefix compared as text: LIKE would read % and _ in it as wildcards */
		snprintf(buf, n, "substr(CAST(p.region_code AS TEXT), 1, length(%1$s))=%1$s",
			 param);
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

const char *store_scope_warning_sql(int role, const char *param, char *buf, size_t n)
{
	switch (role) {
	case SCOPE_REGULATOR:
		/* the employer's region (warn.c stores it in w.region) */
		snprintf(buf, n, "substr(CAST(w.region AS TEXT), 1, length(%1$s))=%1$s", param);
		break;
	case SCOPE_ENTERPRISE:
		snprintf(buf, n, "w.employer_id=(SELECT id FROM enterprises WHERE uscc=%s)", param);
		break;
	case SCOPE_ADMIN: snprintf(buf, n, "(%s IS NULL OR 1=1)", param); break;
	default: snprintf(buf, n, "(%s IS NULL AND 1=0)", param); break;
	}
	return buf;
}
