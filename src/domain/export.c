/* export.c — the wage ledger and payroll exports: pay cycles from the store, one table row
 * each, money kept in fen until the table writer formats it. */
#include "domain/export.h"

#include <stdio.h>
#include <string.h>

#include "store/payslip.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

static const struct table_col ledger_cols[] = {
	{"project_code", TCOL_TEXT, 12},  {"project_name", TCOL_TEXT, 24},
	{"employer_uscc", TCOL_TEXT, 20}, {"employer_name", TCOL_TEXT, 28},
	{"period", TCOL_TEXT, 9},         {"pay_date", TCOL_TEXT, 11},
	{"worker_name", TCOL_TEXT, 10},   {"id_number", TCOL_TEXT, 20},
	{"phone", TCOL_TEXT, 13},         {"days", TCOL_INT, 6},
	{"gross", TCOL_MONEY, 11},        {"deductions", TCOL_MONEY, 11},
	{"net", TCOL_MONEY, 11},          {"paid", TCOL_MONEY, 11},
	{"vouchers", TCOL_TEXT, 22},      {"confirmation", TCOL_TEXT, 12},
};
#define LEDGER_NCOLS ((int)(sizeof ledger_cols / sizeof ledger_cols[0]))

/* The columns of `import payroll` (SPEC §4), in its order. */
static const struct table_col payroll_cols[] = {
	{"project_code", TCOL_TEXT, 12}, {"employer_uscc", TCOL_TEXT, 20},
	{"period", TCOL_TEXT, 9},        {"id_number", TCOL_TEXT, 20},
	{"days", TCOL_INT, 6},           {"gross", TCOL_MONEY, 11},
	{"deductions", TCOL_MONEY, 11},  {"net", TCOL_MONEY, 11},
	{"due_date", TCOL_TEXT, 11},
};
#define PAYROLL_NCOLS ((int)(sizeof payroll_cols / sizeof payroll_cols[0]))

static const char *const confirmation_names[] = {"", "confirmed", "disputed"};

struct run {
	struct table_writer w;
	int64_t rows;
	int rc;
};

static struct table_cell text(const char *s)
{
	return (struct table_cell){.s = s, .null = !s};
}
static struct table_cell num(int64_t i)
{
	return (struct table_cell){.i = i};
}
static struct table_cell num_if(int64_t i, bool has)
{
	return (struct table_cell){.i = i, .null = !has};
}

static int ledger_row(void *ctx, const struct pay_cycle *c)
{
	struct run *r = ctx;
	char period[PERIOD_BUFSZ], paid_on[DATE_BUFSZ];
	bool p = c->has_payroll;
	const struct table_cell cells[LEDGER_NCOLS] = {
		text(c->project),
		text(c->project_name),
		text(c->employer_uscc),
		text(c->employer_name),
		text(period_format((int32_t)c->period, period)),
		text(c->paid_on >= 0 ? date_format((int32_t)c->paid_on, paid_on) : NULL),
		text(c->name),
		text(c->id_number),
		text(c->phone),
		num_if(c->days, p),
		num_if(c->gross, p),
		num_if(c->deductions, p),
		num_if(c->net, p),
		num(c->paid),
		text(c->vouchers),
		text(c->confirmation >= 1 && c->confirmation <= 2
			     ? confirmation_names[c->confirmation]
			     : NULL),
	};
	if ((r->rc = table_row(&r->w, cells)))
		return r->rc;
	r->rows++;
	return 0;
}

static int payroll_row(void *ctx, const struct pay_cycle *c)
{
	struct run *r = ctx;
	char period[PERIOD_BUFSZ], due[DATE_BUFSZ];
	const struct table_cell cells[PAYROLL_NCOLS] = {
		text(c->project),
		text(c->employer_uscc),
		text(period_format((int32_t)c->period, period)),
		text(c->id_number),
		num(c->days),
		num(c->gross),
		num(c->deductions),
		num(c->net),
		text(c->due >= 0 ? date_format((int32_t)c->due, due) : NULL),
	};
	if ((r->rc = table_row(&r->w, cells)))
		return r->rc;
	r->rows++;
	return 0;
}

/* Opens the writer, streams the pay cycles of f through row, closes. */
static int run(struct store *s, const struct pay_cycle_filter *f, enum table_format fmt,
	       const char *path, const char *sheet, const struct table_col *cols, int ncols,
	       int (*row)(void *, const struct pay_cycle *), int64_t *rows, char *err, size_t errsz)
{
	struct run r = {.rc = WG_OK};
	int rc = table_open(&r.w, fmt, path, sheet, cols, ncols);
	if (rc) {
		snprintf(err, errsz, "%s", r.w.err);
		return rc;
	}
	rc = store_pay_cycles(s, f, row, &r);
	if (rc && r.rc)
		snprintf(err, errsz, "%s", r.w.err); /* the writer failed */
	else if (rc)
		snprintf(err, errsz, "%s", s->errmsg);
	int crc = table_close(&r.w);
	if (!rc && crc) {
		snprintf(err, errsz, "%s", r.w.err);
		rc = crc;
	}
	*rows = r.rows;
	return rc;
}

int export_ledger(struct store *s, const struct pay_cycle_filter *f, enum table_format fmt,
		  const char *path, int64_t *rows, char *err, size_t errsz)
{
	if (f->project) {
		int rc = s->ops->ref_exists(s, COL_PROJECT, f->project);
		if (rc) {
			snprintf(err, errsz, rc == WG_ENOTFOUND ? "unknown project '%s'" : "%s",
				 rc == WG_ENOTFOUND ? f->project : s->errmsg);
			return rc;
		}
	}
	return run(s, f, fmt, path, "ledger", ledger_cols, LEDGER_NCOLS, ledger_row, rows, err,
		   errsz);
}

int export_payroll(struct store *s, const char *code, int32_t period, enum table_format fmt,
		   const char *path, int64_t *rows, char *err, size_t errsz)
{
	int rc = s->ops->ref_exists(s, COL_PROJECT, code);
	if (rc) {
		snprintf(err, errsz, rc == WG_ENOTFOUND ? "unknown project '%s'" : "%s",
			 rc == WG_ENOTFOUND ? code : s->errmsg);
		return rc;
	}
	struct pay_cycle_filter f = {.project = code, .period = period, .payroll_only = 1};
	return run(s, &f, fmt, path, "payroll", payroll_cols, PAYROLL_NCOLS, payroll_row, rows, err,
		   errsz);
}
