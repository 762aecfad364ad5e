/* import_kinds.h — what differs between the importable kinds, as data: one row per kind of
 * store/schema.h with its checks (hooks the driver calls), the references that must name a
 * stored record, the column whose person is registered on first sight, the column a bank may
 * change without an amendment, and which roles may upload it through the API. domain/import.c
 * walks this table and never switches on a kind. Adding a kind: its descriptor in
 * store/schema.c, then one row in import_kinds.c (docs/architecture.md, "How an import flows"). */
#ifndef WG_IMPORT_KINDS_H
#define WG_IMPORT_KINDS_H
#include <stdbool.h>

#include "domain/import.h"
#include "domain/user.h"
#include "store/schema.h"

/* A set of column types (bit 1 << enum col_type). */
#define IMPORT_TYPES(t) (1u << (t))
/* A set of roles (bit 1 << enum role). */
#define IMPORT_ROLE(r) (1u << (r))

struct import_kind {
	enum rec_kind kind;
	/* Roles that may upload the kind over the API besides the admin, who may upload every
	 * kind; the CLI is the operator's and takes every kind. */
	unsigned upload_roles;
	/* Column types that must name a record already stored (import_check_ref): enterprises
	 * and projects, and a person where the row is about a registered worker (attendance may
	 * name anyone with a valid ID). */
	unsigned must_exist;
	/* The column whose person is registered (store person_ensure) before the row is stored;
	 * -1: none. */
	int person_col;
	/* The column that may change on its own without --amend (a bank reporting a payment
	 * returned): the change is a LEDGER_STATUS entry; -1: none. */
	int status_col;
	/* Cross-field rules, run once every field parsed and every reference checked: reports
	 * through row and returns the number of problems. NULL: field rules only. */
	int (*check)(struct import_row *row, const struct rec *r);
	/* Called for each row inserted or amended, inside the import's transaction (the
	 * attendance aggregate). NULL: nothing. */
	int (*stored)(struct import_row *row, const struct rec *r);
};

/* One row per enum rec_kind, indexed by it. */
extern const struct import_kind import_kinds[]; /* one row per enum rec_kind */

static inline const struct import_kind *import_kind(enum rec_kind k)
{
	return &import_kinds[k];
}

/* Whether role may upload kind k over the API. */
bool import_kind_may_upload(enum rec_kind k, enum role role);

/* The hooks of the rows, defined by the module owning the kinds. */
int registry_check_project(struct import_row *row, const struct rec *r);
int registry_check_subcontract(struct import_row *row, const struct rec *r);
int registry_check_employment(struct import_row *row, const struct rec *r);
int payroll_check_payroll(struct import_row *row, const struct rec *r);
int attend_stored(struct import_row *row, const struct rec *r);
#endif
