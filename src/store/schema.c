/* schema.c — the descriptors of the twelve importable kinds, in the column order of SPEC §4. */
#include "store/schema.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util/dbuf.h"
#include "util/banned.h"

static const char *const industries[] = {"housing", "municipal", "transport", "water",
					 "railway", "other",     NULL};
static const char *const wage_types[] = {"daily", "monthly", "piece", NULL};
static const char *const pay_statuses[] = {"ok", "failed", "returned", NULL};
static const char *const day_kinds[] = {"holiday", "workday", "festival", NULL};
static const char *const project_event_kinds[] = {"started",   "suspended", "resumed",
						  "completed", "settled",   NULL};

#define REQ true
#define OPT false
#define KEY true

/* The largest amounts a file may hold, in fen (defaults of "import.max.<kind>.<column>"):
 * far above any real one, and low enough that no sum of them overflows 64 bits — 9.2
 * billion payroll lines, or 92 million allocations, would be needed. */
#define MAX_LINE 1000000000LL         /* 10,000,000.00: a payroll line, a payment */
#define MAX_RATE 100000000LL          /* 1,000,000.00: a daily or monthly wage */
#define MAX_ALLOCATION 100000000000LL /* 1,000,000,000.00: a labour-cost allocation */
#define MAX_CONTRACT 10000000000000LL /* 100,000,000,000.00: a contract's value */

/* One descriptor a kind, laid out as a table, each column at its named index (schema.h). */
/* clang-format off */
const struct kind_desc schema_kinds[REC__COUNT] = {
	[REC_ENTERPRISE] = {REC_ENTERPRISE, "enterprises", "enterprises", ENT__COLS,
		{[ENT_USCC] = {"uscc", COL_USCC, REQ, KEY, NULL},
		 [ENT_NAME] = {"name", COL_TEXT, REQ, false, NULL},
		 [ENT_REGION_CODE] = {"region_code", COL_REGION, REQ, false, NULL},
		 [ENT_LEGAL_REP] = {"legal_rep", COL_TEXT, OPT, false, NULL}}, -1},
	[REC_PROJECT] = {REC_PROJECT, "projects", "projects", PROJ__COLS,
		{[PROJ_CODE] = {"code", COL_CODE, REQ, KEY, NULL},
		 [PROJ_NAME] = {"name", COL_TEXT, REQ, false, NULL},
		 [PROJ_REGION_CODE] = {"region_code", COL_REGION, REQ, false, NULL},
		 [PROJ_INDUSTRY] = {"industry", COL_ENUM, REQ, false, industries},
		 [PROJ_OWNER_USCC] = {"owner_uscc", COL_USCC, REQ, false, NULL},
		 [PROJ_CONTRACTOR_USCC] = {"contractor_uscc", COL_USCC, REQ, false, NULL},
		 [PROJ_CONTRACT_VALUE] = {"contract_value", COL_MONEY, REQ, false, NULL, MAX_CONTRACT},
		 [PROJ_START_DATE] = {"start_date", COL_DATE, REQ, false, NULL},
		 [PROJ_END_DATE] = {"end_date", COL_DATE, OPT, false, NULL}}, -1},
	[REC_SUBCONTRACT] = {REC_SUBCONTRACT, "subcontracts", "subcontracts", SUB__COLS,
		{[SUB_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, KEY, NULL},
		 [SUB_SUBCONTRACTOR_USCC] = {"subcontractor_uscc", COL_USCC, REQ, KEY, NULL},
		 [SUB_CONTRACT_VALUE] = {"contract_value", COL_MONEY, REQ, false, NULL, MAX_CONTRACT},
		 [SUB_START_DATE] = {"start_date", COL_DATE, REQ, false, NULL},
		 [SUB_END_DATE] = {"end_date", COL_DATE, OPT, false, NULL}}, SUB_PROJECT_CODE},
	[REC_ACCOUNT] = {REC_ACCOUNT, "accounts", "accounts", ACC__COLS,
		{[ACC_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, KEY, NULL},
		 [ACC_BANK_CODE] = {"bank_code", COL_CODE, REQ, false, NULL},
		 [ACC_ACCOUNT_NO] = {"account_no", COL_CARD, REQ, false, NULL},
		 [ACC_OPENED_ON] = {"opened_on", COL_DATE, REQ, false, NULL}}, ACC_PROJECT_CODE},
	[REC_WORKER] = {REC_WORKER, "workers", "workers", WRK__COLS,
		{[WRK_ID_NUMBER] = {"id_number", COL_PERSON, REQ, KEY, NULL},
		 [WRK_NAME] = {"name", COL_TEXT, REQ, false, NULL},
		 [WRK_PHONE] = {"phone", COL_PHONE, OPT, false, NULL},
		 [WRK_BANK_CARD] = {"bank_card", COL_CARD, REQ, false, NULL},
		 [WRK_BANK_CODE] = {"bank_code", COL_CODE, REQ, false, NULL}}, -1},
	[REC_EMPLOYMENT] = {REC_EMPLOYMENT, "employments", "employments", EMP__COLS,
		{[EMP_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, KEY, NULL},
		 [EMP_ID_NUMBER] = {"id_number", COL_PERSON, REQ, KEY, NULL},
		 [EMP_EMPLOYER_USCC] = {"employer_uscc", COL_USCC, REQ, false, NULL},
		 [EMP_TEAM] = {"team", COL_TEXT, REQ, false, NULL},
		 [EMP_TRADE] = {"trade", COL_TEXT, REQ, false, NULL},
		 [EMP_WAGE_TYPE] = {"wage_type", COL_ENUM, REQ, false, wage_types},
		 [EMP_WAGE_RATE] = {"wage_rate", COL_MONEY, REQ, false, NULL, MAX_RATE},
		 [EMP_START_DATE] = {"start_date", COL_DATE, REQ, KEY, NULL},
		 [EMP_END_DATE] = {"end_date", COL_DATE, OPT, false, NULL}}, EMP_PROJECT_CODE},
	[REC_ATTENDANCE] = {REC_ATTENDANCE, "attendance", "attendance", ATT__COLS,
		{[ATT_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, KEY, NULL},
		 [ATT_ID_NUMBER] = {"id_number", COL_PERSON, REQ, KEY, NULL},
		 [ATT_DATE] = {"date", COL_DATE, REQ, KEY, NULL},
		 [ATT_HOURS] = {"hours", COL_HOURS, REQ, false, NULL}}, ATT_PROJECT_CODE},
	[REC_ALLOCATION] = {REC_ALLOCATION, "allocations", "allocations", ALLOC__COLS,
		{[ALLOC_TXN_ID] = {"txn_id", COL_CODE, REQ, KEY, NULL},
		 [ALLOC_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, false, NULL},
		 [ALLOC_DATE] = {"date", COL_DATE, REQ, false, NULL},
		 [ALLOC_AMOUNT] = {"amount", COL_MONEY, REQ, false, NULL, MAX_ALLOCATION}}, ALLOC_PROJECT_CODE},
	[REC_PAYROLL] = {REC_PAYROLL, "payroll", "payroll", PAYROLL__COLS,
		{[PAYROLL_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, KEY, NULL},
		 [PAYROLL_EMPLOYER_USCC] = {"employer_uscc", COL_USCC, REQ, false, NULL},
		 [PAYROLL_PERIOD] = {"period", COL_PERIOD, REQ, KEY, NULL},
		 [PAYROLL_ID_NUMBER] = {"id_number", COL_PERSON, REQ, KEY, NULL},
		 [PAYROLL_DAYS] = {"days", COL_INT, REQ, false, NULL, 31},
		 [PAYROLL_GROSS] = {"gross", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 [PAYROLL_DEDUCTIONS] = {"deductions", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 [PAYROLL_NET] = {"net", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 [PAYROLL_DUE_DATE] = {"due_date", COL_DATE, OPT, false, NULL}}, PAYROLL_PROJECT_CODE},
	[REC_PAYMENT] = {REC_PAYMENT, "payments", "payments", PAY__COLS,
		{[PAY_TXN_ID] = {"txn_id", COL_CODE, REQ, KEY, NULL},
		 [PAY_PROJECT_CODE] = {"project_code", COL_PROJECT, REQ, false, NULL},
		 [PAY_ID_NUMBER] = {"id_number", COL_PERSON, REQ, false, NULL},
		 [PAY_PERIOD] = {"period", COL_PERIOD, REQ, false, NULL},
		 [PAY_AMOUNT] = {"amount", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 [PAY_PAID_ON] = {"paid_on", COL_DATE, REQ, false, NULL},
		 [PAY_BANK_CARD] = {"bank_card", COL_CARD, REQ, false, NULL},
		 [PAY_STATUS] = {"status", COL_ENUM, REQ, false, pay_statuses}}, PAY_PROJECT_CODE},
	[REC_CALENDAR] = {REC_CALENDAR, "calendar", "calendar", 2,
		{{"date", COL_DATE, REQ, KEY, NULL},
		 {"kind", COL_ENUM, REQ, false, day_kinds}}, -1},
	[REC_PROJECT_EVENT] = {REC_PROJECT_EVENT, "project_events", "project_events", 4,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"event", COL_ENUM, REQ, KEY, project_event_kinds},
		 {"date", COL_DATE, REQ, KEY, NULL},
		 {"note", COL_TEXT, OPT, false, NULL}}, 0},
};
/* clang-format on */

/* The named columns of store/schema.h index these descriptors: each must fit the record (an
 * index past REC_MAXCOLS does not compile either, nor does one column named twice: -Werror,
 * -Woverride-init), and tests/unit/test_import_kinds.c checks that none is left out. */
_Static_assert(ENT__COLS <= REC_MAXCOLS && PROJ__COLS <= REC_MAXCOLS && SUB__COLS <= REC_MAXCOLS &&
		       ACC__COLS <= REC_MAXCOLS && WRK__COLS <= REC_MAXCOLS &&
		       EMP__COLS <= REC_MAXCOLS && ATT__COLS <= REC_MAXCOLS &&
		       ALLOC__COLS <= REC_MAXCOLS && PAYROLL__COLS <= REC_MAXCOLS &&
		       PAY__COLS <= REC_MAXCOLS,
	       "a kind has more columns than struct rec holds");

const struct kind_desc *schema_kind_by_name(const char *name)
{
	for (int k = 0; k < REC__COUNT; k++)
		if (strcmp(schema_kinds[k].name, name) == 0)
			return &schema_kinds[k];
	return NULL;
}

int schema_col(const struct kind_desc *d, const char *name)
{
	for (int i = 0; i < d->ncols; i++)
		if (strcmp(d->cols[i].name, name) == 0)
			return i;
	return -1;
}

bool schema_col_is_text(enum col_type t)
{
	switch (t) {
	case COL_TEXT:
	case COL_CODE:
	case COL_ENUM:
	case COL_USCC:
	case COL_PROJECT:
	case COL_PERSON:
	case COL_CARD:
	case COL_PHONE: return true;
	default: return false;
	}
}

bool schema_col_is_ref(enum rec_kind k, enum col_type t)
{
	return t == COL_PROJECT || t == COL_PERSON || (t == COL_USCC && k != REC_ENTERPRISE);
}

void schema_col_stored(enum rec_kind k, const struct col_desc *c, char *buf, size_t n)
{
	if (c->type == COL_PROJECT)
		snprintf(buf, n, "project_id");
	else if (c->type == COL_PERSON)
		snprintf(buf, n, "person_id");
	else if (schema_col_is_ref(k, c->type))
		snprintf(buf, n, "%.*s_id", (int)(strlen(c->name) - 5), c->name);
	else
		snprintf(buf, n, "%s", c->name);
}

/* The select-list expression that turns a stored column back into its natural value. */
static int add_select(struct dbuf *b, enum rec_kind k, const struct col_desc *c)
{
	char name[64];
	schema_col_stored(k, c, name, sizeof name);
	if (c->type == COL_PROJECT)
		return dbuf_addf(b, "(SELECT code FROM projects WHERE id=t.%s)", name);
	if (c->type == COL_PERSON)
		return dbuf_addf(b, "(SELECT id_number FROM persons WHERE id=t.%s)", name);
	if (schema_col_is_ref(k, c->type))
		return dbuf_addf(b, "(SELECT uscc FROM enterprises WHERE id=t.%s)", name);
	return dbuf_addf(b, "t.%s", name);
}

int schema_sql_key_where(const struct kind_desc *d, int pos, struct dbuf *b)
{
	const char *sep = " WHERE ";
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		char name[64];
		schema_col_stored(d->kind, &d->cols[i], name, sizeof name);
		if (dbuf_addf(b, "%s%s=$%d", sep, name, pos++) < 0)
			return -1;
		sep = " AND ";
	}
	return 0;
}

int schema_key_count(const struct kind_desc *d)
{
	int n = 0;
	for (int i = 0; i < d->ncols; i++)
		n += d->cols[i].key;
	return n;
}

int schema_sql_get(const struct kind_desc *d, struct dbuf *b)
{
	int rc = dbuf_adds(b, "SELECT ");
	for (int i = 0; i < d->ncols; i++) {
		rc |= add_select(b, d->kind, &d->cols[i]);
		rc |= dbuf_adds(b, ", ");
	}
	rc |= dbuf_addf(b, "t.lseq FROM %s t", d->table);
	return rc | schema_sql_key_where(d, 1, b);
}

int schema_sql_columns(const struct kind_desc *d, struct dbuf *b)
{
	char name[64];
	int rc = 0;
	for (int i = 0; i < d->ncols; i++) {
		schema_col_stored(d->kind, &d->cols[i], name, sizeof name);
		rc |= dbuf_addf(b, "%s, ", name);
	}
	return rc | dbuf_adds(b, d->region_from >= 0 ? "region, lseq" : "lseq");
}

int schema_sql_set(const struct kind_desc *d, int *pos, struct dbuf *b)
{
	char name[64];
	int rc = 0;
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].key)
			continue;
		schema_col_stored(d->kind, &d->cols[i], name, sizeof name);
		rc |= dbuf_addf(b, "%s=$%d, ", name, (*pos)++);
	}
	return rc;
}
