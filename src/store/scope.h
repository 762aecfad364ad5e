/* scope.h — the SQL condition that keeps a project within a role's scope (SPEC §1), shared
 * by the SQLite and PostgreSQL stores: the same text in both dialects, only the parameter
 * differs ("?9", "$1::text"); and the dashboard's queries. Internal to src/store. */
#ifndef WG_STORE_SCOPE_H
#define WG_STORE_SCOPE_H
#include <stddef.h>

/* Writes into buf the condition on project alias p for role (SCOPE_* of store.h), with
 * param standing for the scope value. Returns buf. */
const char *store_scope_sql(int role, const char *param, char *buf, size_t n);

/* The dashboard's four queries, in SQL both stores run, each with "%s" standing for the scope
 * condition (three times in the last): open warnings by region and level; unpaid arrears
 * (UNPAID and NO_PAYROLL) by period; the ten projects most at risk; totals. */
extern const char *const store_dashboard_sql[4];
#endif
