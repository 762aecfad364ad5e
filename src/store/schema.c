/* schema.c — the descriptors of the eleven importable kinds, in the column order of SPEC §4. */
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

/* One descriptor a kind, laid out as a table. */
/* clang-format off */
const struct kind_desc schema_kinds[REC__COUNT] = {
	[REC_ENTERPRISE] = {REC_ENTERPRISE, "enterprises", "enterprises", 4,
		{{"uscc", COL_USCC, REQ, KEY, NULL},
		 {"name", COL_TEXT, REQ, false, NULL},
		 {"region_code", COL_REGION, REQ, false, NULL},
		 {"legal_rep", COL_TEXT, OPT, false, NULL}}, -1},
	[REC_PROJECT] = {REC_PROJECT, "projects", "projects", 9,
		{{"code", COL_CODE, REQ, KEY, NULL},
		 {"name", COL_TEXT, REQ, false, NULL},
		 {"region_code", COL_REGION, REQ, false, NULL},
		 {"industry", COL_ENUM, REQ, false, industries},
		 {"owner_uscc", COL_USCC, REQ, false, NULL},
		 {"contractor_uscc", COL_USCC, REQ, false, NULL},
		 {"contract_value", COL_MONEY, REQ, false, NULL, MAX_CONTRACT},
		 {"start_date", COL_DATE, REQ, false, NULL},
		 {"end_date", COL_DATE, OPT, false, NULL}}, -1},
	[REC_SUBCONTRACT] = {REC_SUBCONTRACT, "subcontracts", "subcontracts", 5,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"subcontractor_uscc", COL_USCC, REQ, KEY, NULL},
		 {"contract_value", COL_MONEY, REQ, false, NULL, MAX_CONTRACT},
		 {"start_date", COL_DATE, REQ, false, NULL},
		 {"end_date", COL_DATE, OPT, false, NULL}}, 0},
	[REC_ACCOUNT] = {REC_ACCOUNT, "accounts", "accounts", 4,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"bank_code", COL_CODE, REQ, false, NULL},
		 {"account_no", COL_CARD, REQ, false, NULL},
		 {"opened_on", COL_DATE, REQ, false, NULL}}, 0},
	[REC_WORKER] = {REC_WORKER, "workers", "workers", 5,
		{{"id_number", COL_PERSON, REQ, KEY, NULL},
		 {"name", COL_TEXT, REQ, false, NULL},
		 {"phone", COL_PHONE, OPT, false, NULL},
		 {"bank_card", COL_CARD, REQ, false, NULL},
		 {"bank_code", COL_CODE, REQ, false, NULL}}, -1},
	[REC_EMPLOYMENT] = {REC_EMPLOYMENT, "employments", "employments", 9,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"id_number", COL_PERSON, REQ, KEY, NULL},
		 {"employer_uscc", COL_USCC, REQ, false, NULL},
		 {"team", COL_TEXT, REQ, false, NULL},
		 {"trade", COL_TEXT, REQ, false, NULL},
		 {"wage_type", COL_ENUM, REQ, false, wage_types},
		 {"wage_rate", COL_MONEY, REQ, false, NULL, MAX_RATE},
		 {"start_date", COL_DATE, REQ, KEY, NULL},
		 {"end_date", COL_DATE, OPT, false, NULL}}, 0},
	[REC_ATTENDANCE] = {REC_ATTENDANCE, "attendance", "attendance", 4,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"id_number", COL_PERSON, REQ, KEY, NULL},
		 {"date", COL_DATE, REQ, KEY, NULL},
		 {"hours", COL_HOURS, REQ, false, NULL}}, 0},
	[REC_ALLOCATION] = {REC_ALLOCATION, "allocations", "allocations", 4,
		{{"txn_id", COL_CODE, REQ, KEY, NULL},
		 {"project_code", COL_PROJECT, REQ, false, NULL},
		 {"date", COL_DATE, REQ, false, NULL},
		 {"amount", COL_MONEY, REQ, false, NULL, MAX_ALLOCATION}}, 1},
	[REC_PAYROLL] = {REC_PAYROLL, "payroll", "payroll", 9,
		{{"project_code", COL_PROJECT, REQ, KEY, NULL},
		 {"employer_uscc", COL_USCC, REQ, false, NULL},
		 {"period", COL_PERIOD, REQ, KEY, NULL},
		 {"id_number", COL_PERSON, REQ, KEY, NULL},
		 {"days", COL_INT, REQ, false, NULL, 31},
		 {"gross", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 {"deductions", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 {"net", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 {"due_date", COL_DATE, OPT, false, NULL}}, 0},
	[REC_PAYMENT] = {REC_PAYMENT, "payments", "payments", 8,
		{{"txn_id", COL_CODE, REQ, KEY, NULL},
		 {"project_code", COL_PROJECT, REQ, false, NULL},
		 {"id_number", COL_PERSON, REQ, false, NULL},
		 {"period", COL_PERIOD, REQ, false, NULL},
		 {"amount", COL_MONEY, REQ, false, NULL, MAX_LINE},
		 {"paid_on", COL_DATE, REQ, false, NULL},
		 {"bank_card", COL_CARD, REQ, false, NULL},
		 {"status", COL_ENUM, REQ, false, pay_statuses}}, 1},
	[REC_CALENDAR] = {REC_CALENDAR, "calendar", "calendar", 2,
		{{"date", COL_DATE, REQ, KEY, NULL},
		 {"kind", COL_ENUM, REQ, false, day_kinds}}, -1},
};
/* clang-format on */

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
