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
