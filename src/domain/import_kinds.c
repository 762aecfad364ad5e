/* import_kinds.c — the importable kinds as data: one row a kind (domain/import_kinds.h says
 * what each column means). Exports import_kinds and import_kind_may_upload. */
#include "domain/import_kinds.h"

#include "util/banned.h"

#define T IMPORT_TYPES
#define BY IMPORT_ROLE

/* clang-format off */
const struct import_kind import_kinds[] = {
	[REC_ENTERPRISE] = {.kind = REC_ENTERPRISE, .upload_roles = 0,
		.must_exist = 0, .person_col = -1, .status_col = -1},
	[REC_PROJECT] = {.kind = REC_PROJECT, .upload_roles = 0,
		.must_exist = T(COL_USCC), .person_col = -1, .status_col = -1,
		.check = registry_check_project},
	[REC_SUBCONTRACT] = {.kind = REC_SUBCONTRACT, .upload_roles = BY(ROLE_ENTERPRISE),
		.must_exist = T(COL_PROJECT) | T(COL_USCC), .person_col = -1, .status_col = -1,
		.check = registry_check_subcontract},
	[REC_ACCOUNT] = {.kind = REC_ACCOUNT, .upload_roles = 0,
		.must_exist = T(COL_PROJECT), .person_col = -1, .status_col = -1},
	[REC_WORKER] = {.kind = REC_WORKER, .upload_roles = BY(ROLE_ENTERPRISE),
		.must_exist = 0, .person_col = WRK_ID_NUMBER, .status_col = -1},
	[REC_EMPLOYMENT] = {.kind = REC_EMPLOYMENT, .upload_roles = BY(ROLE_ENTERPRISE),
		.must_exist = T(COL_PROJECT) | T(COL_PERSON) | T(COL_USCC), .person_col = -1,
		.status_col = -1, .check = registry_check_employment},
	[REC_ATTENDANCE] = {.kind = REC_ATTENDANCE, .upload_roles = BY(ROLE_ENTERPRISE),
		.must_exist = T(COL_PROJECT), .person_col = ATT_ID_NUMBER, .status_col = -1,
		.stored = attend_stored},
	[REC_ALLOCATION] = {.kind = REC_ALLOCATION, .upload_roles = BY(ROLE_BANK),
		.must_exist = T(COL_PROJECT), .person_col = -1, .status_col = -1},
	[REC_PAYROLL] = {.kind = REC_PAYROLL, .upload_roles = BY(ROLE_ENTERPRISE),
		.must_exist = T(COL_PROJECT) | T(COL_PERSON) | T(COL_USCC), .person_col = -1,
		.status_col = -1, .check = payroll_check_payroll},
	[REC_PAYMENT] = {.kind = REC_PAYMENT, .upload_roles = BY(ROLE_BANK),
		.must_exist = T(COL_PROJECT) | T(COL_PERSON), .person_col = -1,
		.status_col = PAY_STATUS},
	[REC_CALENDAR] = {.kind = REC_CALENDAR, .upload_roles = 0,
		.must_exist = 0, .person_col = -1, .status_col = -1},
	[REC_PROJECT_EVENT] = {.kind = REC_PROJECT_EVENT, .upload_roles = 0,
		.must_exist = T(COL_PROJECT), .person_col = -1, .status_col = -1},
};
/* clang-format on */

/* A kind added to store/schema.h without its row here would import with no checks at all. */
_Static_assert(sizeof import_kinds / sizeof import_kinds[0] == REC__COUNT,
	       "every kind of store/schema.h needs its row in import_kinds[]");

bool import_kind_may_upload(enum rec_kind k, enum role role)
{
	return role == ROLE_ADMIN || (import_kinds[k].upload_roles & IMPORT_ROLE(role)) != 0;
}
