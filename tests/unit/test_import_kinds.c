/* test_import_kinds.c — the importable kinds as data: every kind of store/schema.h has its
 * row in domain/import_kinds.c; every named column index of schema.h is the column of that
 * name in the descriptor, none left out; and who may upload what over the API. */
#include <string.h>

#include "check.h"
#include "domain/import_kinds.h"

struct named {
	enum rec_kind kind;
	int ncols;
	const char *names[REC_MAXCOLS]; /* indexed by the kind's column enum */
};

/* clang-format off */
static const struct named named[] = {
	{REC_ENTERPRISE, ENT__COLS, {[ENT_USCC] = "uscc", [ENT_NAME] = "name",
		[ENT_REGION_CODE] = "region_code", [ENT_LEGAL_REP] = "legal_rep"}},
	{REC_PROJECT, PROJ__COLS, {[PROJ_CODE] = "code", [PROJ_NAME] = "name",
		[PROJ_REGION_CODE] = "region_code", [PROJ_INDUSTRY] = "industry",
		[PROJ_OWNER_USCC] = "owner_uscc", [PROJ_CONTRACTOR_USCC] = "contractor_uscc",
		[PROJ_CONTRACT_VALUE] = "contract_value", [PROJ_START_DATE] = "start_date",
		[PROJ_END_DATE] = "end_date"}},
	{REC_SUBCONTRACT, SUB__COLS, {[SUB_PROJECT_CODE] = "project_code",
		[SUB_SUBCONTRACTOR_USCC] = "subcontractor_uscc",
		[SUB_CONTRACT_VALUE] = "contract_value", [SUB_START_DATE] = "start_date",
		[SUB_END_DATE] = "end_date"}},
	{REC_ACCOUNT, ACC__COLS, {[ACC_PROJECT_CODE] = "project_code",
		[ACC_BANK_CODE] = "bank_code", [ACC_ACCOUNT_NO] = "account_no",
		[ACC_OPENED_ON] = "opened_on"}},
	{REC_WORKER, WRK__COLS, {[WRK_ID_NUMBER] = "id_number", [WRK_NAME] = "name",
		[WRK_PHONE] = "phone", [WRK_BANK_CARD] = "bank_card", [WRK_BANK_CODE] = "bank_code"}},
	{REC_EMPLOYMENT, EMP__COLS, {[EMP_PROJECT_CODE] = "project_code",
		[EMP_ID_NUMBER] = "id_number", [EMP_EMPLOYER_USCC] = "employer_uscc",
		[EMP_TEAM] = "team", [EMP_TRADE] = "trade", [EMP_WAGE_TYPE] = "wage_type",
		[EMP_WAGE_RATE] = "wage_rate", [EMP_START_DATE] = "start_date",
		[EMP_END_DATE] = "end_date"}},
	{REC_ATTENDANCE, ATT__COLS, {[ATT_PROJECT_CODE] = "project_code",
		[ATT_ID_NUMBER] = "id_number", [ATT_DATE] = "date", [ATT_HOURS] = "hours"}},
	{REC_ALLOCATION, ALLOC__COLS, {[ALLOC_TXN_ID] = "txn_id",
		[ALLOC_PROJECT_CODE] = "project_code", [ALLOC_DATE] = "date",
		[ALLOC_AMOUNT] = "amount"}},
	{REC_PAYROLL, PAYROLL__COLS, {[PAYROLL_PROJECT_CODE] = "project_code",
		[PAYROLL_EMPLOYER_USCC] = "employer_uscc", [PAYROLL_PERIOD] = "period",
		[PAYROLL_ID_NUMBER] = "id_number", [PAYROLL_DAYS] = "days",
		[PAYROLL_GROSS] = "gross", [PAYROLL_DEDUCTIONS] = "deductions",
		[PAYROLL_NET] = "net", [PAYROLL_DUE_DATE] = "due_date"}},
	{REC_PAYMENT, PAY__COLS, {[PAY_TXN_ID] = "txn_id", [PAY_PROJECT_CODE] = "project_code",
		[PAY_ID_NUMBER] = "id_number", [PAY_PERIOD] = "period", [PAY_AMOUNT] = "amount",
		[PAY_PAID_ON] = "paid_on", [PAY_BANK_CARD] = "bank_card", [PAY_STATUS] = "status"}},
};
/* clang-format on */

int main(void)
{
	for (int k = 0; k < REC__COUNT; k++) {
		const struct kind_desc *d = schema_kind((enum rec_kind)k);
		CHECK(import_kind((enum rec_kind)k)->kind == (enum rec_kind)k,
		      "%s has its row in import_kinds[]", d->name);
		int gaps = 0;
		for (int i = 0; i < d->ncols; i++)
			gaps += d->cols[i].name == NULL;
		CHECK(gaps == 0, "%s: no column of the descriptor is left out", d->name);
	}
	for (size_t n = 0; n < sizeof named / sizeof named[0]; n++) {
		const struct kind_desc *d = schema_kind(named[n].kind);
		CHECK(d->ncols == named[n].ncols, "%s: as many columns as its enum names", d->name);
		for (int i = 0; i < named[n].ncols && i < d->ncols; i++)
			CHECK_STR(d->cols[i].name, named[n].names[i], "%s: column %d is named %s",
				  d->name, i, named[n].names[i]);
	}

	/* who may upload what over the API (SPEC §1): what the upload page and the API tests
	 * rely on */
	static const char *const enterprise[] = {"subcontracts", "workers", "employments",
						 "attendance", "payroll"};
	static const char *const bank[] = {"allocations", "payments"};
	int ent = 0, bk = 0, others = 0, admin = 0;
	for (int k = 0; k < REC__COUNT; k++) {
		ent += import_kind_may_upload((enum rec_kind)k, ROLE_ENTERPRISE);
		bk += import_kind_may_upload((enum rec_kind)k, ROLE_BANK);
		admin += import_kind_may_upload((enum rec_kind)k, ROLE_ADMIN);
		others += import_kind_may_upload((enum rec_kind)k, ROLE_REGULATOR) +
			import_kind_may_upload((enum rec_kind)k, ROLE_WORKER) +
			import_kind_may_upload((enum rec_kind)k, ROLE_PUBLIC);
	}
	CHECK(admin == REC__COUNT, "the admin may upload every kind");
	CHECK(ent == 5, "an enterprise may upload five kinds");
	for (size_t i = 0; i < sizeof enterprise / sizeof *enterprise; i++)
		CHECK(import_kind_may_upload(schema_kind_by_name(enterprise[i])->kind,
					     ROLE_ENTERPRISE),
		      "an enterprise may upload %s", enterprise[i]);
	CHECK(bk == 2, "a bank may upload two kinds");
	for (size_t i = 0; i < sizeof bank / sizeof *bank; i++)
		CHECK(import_kind_may_upload(schema_kind_by_name(bank[i])->kind, ROLE_BANK),
		      "a bank may upload %s", bank[i]);
	CHECK(others == 0, "regulators, workers and the public upload nothing");
	return check_done();
}
