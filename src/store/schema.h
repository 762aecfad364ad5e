/* schema.h — the record model every store backend keeps: one descriptor per importable kind
 * (SPEC §4) with its columns, their types and which of them form the key. The domain fills
 * `struct rec` values by these descriptors; each backend maps them to its own tables. */
#ifndef WG_SCHEMA_H
#define WG_SCHEMA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rec_kind {
	REC_ENTERPRISE,
	REC_PROJECT,
	REC_SUBCONTRACT,
	REC_ACCOUNT,
	REC_WORKER,
	REC_EMPLOYMENT,
	REC_ATTENDANCE,
	REC_ALLOCATION,
	REC_PAYROLL,
	REC_PAYMENT,
	REC_CALENDAR,
	REC_PROJECT_EVENT, /* a project's life cycle (SPEC §7), owned by deposits */
	REC__COUNT
};

enum col_type {
	COL_TEXT,    /* free text (names) */
	COL_CODE,    /* an identifier: project code, txn_id, bank code, account number */
	COL_ENUM,    /* one word from col.values */
	COL_MONEY,   /* int64 fen, formatted "1234.50" */
	COL_HOURS,   /* hours in hundredths, 0..2400, formatted "8.00" */
	COL_INT,     /* a small whole number (payroll days) */
	COL_DATE,    /* day number, "YYYY-MM-DD" */
	COL_PERIOD,  /* month number, "YYYY-MM" */
	COL_REGION,  /* 6-digit region code, held as an integer */
	COL_USCC,    /* reference to an enterprise by its credit code */
	COL_PROJECT, /* reference to a project by its code */
	COL_PERSON,  /* reference to a person by resident ID number */
	COL_CARD,    /* bank card number, digits only once normalised */
	COL_PHONE,   /* mobile number */
};

struct col_desc {
	const char *name; /* CSV column name, also the stored field's name */
	enum col_type type;
	bool required;             /* must be present in the CSV header and non-empty */
	bool key;                  /* part of the record's key */
	const char *const *values; /* COL_ENUM: NULL-terminated allowed words */
	/* COL_MONEY (fen) and COL_INT: the largest value accepted (0: none); a money column's
	 * maximum is configuration too, "import.max.<kind>.<column>" (domain/import.h) */
	int64_t max;
};

#define REC_MAXCOLS 10

/* Each kind's columns by name, in descriptor order (SPEC §4's CSV order): code reads a record
 * as r->v[PAYROLL_NET], never r->v[7]. schema.c lays each descriptor out with these as
 * designated indices and checks at compile time that every kind fits in REC_MAXCOLS; a kind
 * whose columns no code reads by position needs none (calendar). */
enum enterprise_col { ENT_USCC, ENT_NAME, ENT_REGION_CODE, ENT_LEGAL_REP, ENT__COLS };
enum project_col {
	PROJ_CODE,
	PROJ_NAME,
	PROJ_REGION_CODE,
	PROJ_INDUSTRY,
	PROJ_OWNER_USCC,
	PROJ_CONTRACTOR_USCC,
	PROJ_CONTRACT_VALUE,
	PROJ_START_DATE,
	PROJ_END_DATE,
	PROJ__COLS
};
enum subcontract_col {
	SUB_PROJECT_CODE,
	SUB_SUBCONTRACTOR_USCC,
	SUB_CONTRACT_VALUE,
	SUB_START_DATE,
	SUB_END_DATE,
	SUB__COLS
};
enum account_col { ACC_PROJECT_CODE, ACC_BANK_CODE, ACC_ACCOUNT_NO, ACC_OPENED_ON, ACC__COLS };
enum worker_col { WRK_ID_NUMBER, WRK_NAME, WRK_PHONE, WRK_BANK_CARD, WRK_BANK_CODE, WRK__COLS };
enum employment_col {
	EMP_PROJECT_CODE,
	EMP_ID_NUMBER,
	EMP_EMPLOYER_USCC,
	EMP_TEAM,
	EMP_TRADE,
	EMP_WAGE_TYPE,
	EMP_WAGE_RATE,
	EMP_START_DATE,
	EMP_END_DATE,
	EMP__COLS
};
enum attendance_col { ATT_PROJECT_CODE, ATT_ID_NUMBER, ATT_DATE, ATT_HOURS, ATT__COLS };
enum allocation_col { ALLOC_TXN_ID, ALLOC_PROJECT_CODE, ALLOC_DATE, ALLOC_AMOUNT, ALLOC__COLS };
enum payroll_col {
	PAYROLL_PROJECT_CODE,
	PAYROLL_EMPLOYER_USCC,
	PAYROLL_PERIOD,
	PAYROLL_ID_NUMBER,
	PAYROLL_DAYS,
	PAYROLL_GROSS,
	PAYROLL_DEDUCTIONS,
	PAYROLL_NET,
	PAYROLL_DUE_DATE,
	PAYROLL__COLS
};
enum payment_col {
	PAY_TXN_ID,
	PAY_PROJECT_CODE,
	PAY_ID_NUMBER,
	PAY_PERIOD,
	PAY_AMOUNT,
	PAY_PAID_ON,
	PAY_BANK_CARD,
	PAY_STATUS,
	PAY__COLS
};

struct kind_desc {
	enum rec_kind kind;
	const char *name;  /* "enterprises", as in `wageguard import KIND` */
	const char *table; /* backend table name */
	int ncols;
	struct col_desc cols[REC_MAXCOLS];
	int region_from; /* column whose project gives the region, -1: none */
};

/* One value: integers for numeric, date, reference-free types; text otherwise. */
struct val {
	bool null;
	int64_t i;
	const char *s; /* text types and references; not owned */
};

/* A record of one kind, values in descriptor column order. */
struct rec {
	enum rec_kind kind;
	struct val v[REC_MAXCOLS];
};

extern const struct kind_desc schema_kinds[REC__COUNT];

/* The descriptor of kind k. */
static inline const struct kind_desc *schema_kind(enum rec_kind k)
{
	return &schema_kinds[k];
}
/* Looks a kind up by its import name; NULL if unknown. */
const struct kind_desc *schema_kind_by_name(const char *name);
/* Index of column name in kind, or -1. */
int schema_col(const struct kind_desc *d, const char *name);
/* True when column type t of kind k refers to another record (stored as its row id):
 * projects and people always, enterprises except in the enterprises kind itself. */
bool schema_col_is_ref(enum rec_kind k, enum col_type t);
/* The stored column of descriptor column c: references become <role>_id ("owner_id"). */
void schema_col_stored(enum rec_kind k, const struct col_desc *c, char *buf, size_t n);
/* True for types held as text (including references by natural key). */
bool schema_col_is_text(enum col_type t);

/* The statements both backends build from a kind's descriptor (parameters $N, as stmt.h):
 * schema_sql_get — "SELECT <every column as its natural value>, t.lseq FROM <table> t WHERE
 * <key>=$1 AND …" (references read back as their natural keys);
 * schema_sql_key_where — " WHERE <key>=$pos AND <key>=$pos+1 …";
 * schema_sql_columns — "<stored column>, …, [region, ]lseq", the order rec_insert writes;
 * schema_sql_set — "<non-key column>=$pos, …, " for an UPDATE, advancing *pos.
 * Each appends to b and returns 0 or -1 (out of memory). */
struct dbuf;
int schema_sql_get(const struct kind_desc *d, struct dbuf *b);
int schema_sql_key_where(const struct kind_desc *d, int pos, struct dbuf *b);
int schema_sql_columns(const struct kind_desc *d, struct dbuf *b);
int schema_sql_set(const struct kind_desc *d, int *pos, struct dbuf *b);
int schema_key_count(const struct kind_desc *d);
#endif
