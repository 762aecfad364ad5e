/* scope.h — the SQL condition that keeps a project within a role's scope (SPEC §1), the same
 * text on both stores (store/project.c, store/warn.c). Internal to src/store. */
#ifndef WG_STORE_SCOPE_H
#define WG_STORE_SCOPE_H
#include <stddef.h>

/* Writes into buf the condition on project alias p for role (SCOPE_* of store/project.h), with
 * param standing for the scope value. Returns buf. */
const char *store_scope_sql(int role, const char *param, char *buf, size_t n);

/* The condition on a warning w without a project (employer-wide: CRIMINAL_THRESHOLD) for
 * role: a regulator's region against the employer's, kept in w.region. */
const char *store_scope_warning_sql(int role, const char *param, char *buf, size_t n);

#endif
