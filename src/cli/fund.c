/* fund.c — `wageguard fund topup|apply|approve|reject|pay|recover|writeoff|applications|
 * statement` (SPEC §8): the emergency wage fund of a region. They parse, call domain/fund,
 * print; --json prints one JSON object; statements also as CSV, XLSX, HTML and PDF. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "domain/fund.h"
#include "render/doc.h"
#include "render/table.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/msg.h"
#include "util/banned.h"

static const char *const ME = "fund";

static int print_json(json_t *j)
{
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text)
		return 1;
	puts(text);
	free(text);
	return 0;
}

static int failed(const struct msg *m)
{
	fprintf(stderr, "wageguard %s: %s\n", ME, msg_cli(m));
	return 1;
}

/* The options every subcommand takes, and up to three positional arguments. */
struct opts {
	const char *pos[3];
	int npos;
	int32_t day;
	const char *source, *worker, *amount, *purpose, *by, *reason, *status, *case_ref, *employer,
		*format, *out;
	bool json;
};

static int parse(int argc, char **argv, struct opts *o)
{
	memset(o, 0, sizeof *o);
	o->day = date_today();
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **slot = strcmp(a, "--source") == 0 ? &o->source
			: strcmp(a, "--worker") == 0           ? &o->worker
			: strcmp(a, "--amount") == 0           ? &o->amount
			: strcmp(a, "--purpose") == 0          ? &o->purpose
			: strcmp(a, "--by") == 0               ? &o->by
			: strcmp(a, "--reason") == 0           ? &o->reason
			: strcmp(a, "--status") == 0           ? &o->status
			: strcmp(a, "--case") == 0             ? &o->case_ref
			: strcmp(a, "--employer") == 0         ? &o->employer
			: strcmp(a, "--format") == 0           ? &o->format
			: strcmp(a, "-o") == 0                 ? &o->out
							       : NULL;
		if (slot && v) {
			*slot = v;
			i++;
		} else if (strcmp(a, "--as-of") == 0 && v) {
			if (date_parse(v, &o->day)) {
				fprintf(stderr, "wageguard fund: --as-of '%s' is not a date\n", v);
				return 2;
			}
			i++;
		} else if (strcmp(a, "--json") == 0) {
			o->json = true;
		} else if (a[0] != '-' && o->npos < 3) {
			o->pos[o->npos++] = a;
		} else {
			return cli_usage("fund");
		}
	}
	return 0;
}

static int money_arg(const char *what, const char *v, int64_t *fen)
{
	int rc = money_parse(v, fen);
	if (rc)
		fprintf(stderr, "wageguard fund: %s '%s': %s\n", what, v, money_strerror(rc));
	return rc ? 2 : 0;
}

static int id_arg(const char *v, int64_t *id)
{
	char *end;
	*id = strtoll(v, &end, 10);
	if (*end || *id <= 0) {
		fprintf(stderr, "wageguard fund: '%s' is not an application number\n", v);
		return 2;
	}
	return 0;
}

static int region_arg(const char *v, int64_t *region)
{
	if (fund_code_parse(v, region)) {
		fprintf(stderr, "wageguard fund: '%s' is not a region code of 2, 4 or 6 digits\n",
			v);
		return 2;
	}
	return 0;
}

static int topup(struct store *s, struct opts *o)
{
	int64_t region, amount;
	struct msg err = {0};
	if (o->npos != 2 || !o->source)
		return cli_usage("fund");
	int rc = region_arg(o->pos[0], &region);
	if (rc || (rc = money_arg("amount", o->pos[1], &amount)))
		return rc;
	if (fund_topup(s, region, amount, o->source, o->day, o->by, &err))
		return failed(&err);
	printf("fund %s topped up by %s (%s)\n", o->pos[0], o->pos[1], o->source);
	return 0;
}

static int apply(struct store *s, struct opts *o)
{
	int64_t amount, id;
	char norm[19];
	struct msg err = {0};
	if (o->npos != 1 || !o->worker || !o->amount)
		return cli_usage("fund");
	if (idcard_validate(o->worker, norm)) {
		fprintf(stderr, "wageguard fund: '%s' is not a valid ID number\n", o->worker);
		return 2;
	}
	int rc = money_arg("--amount", o->amount, &amount);
	if (rc)
		return rc;
	if (fund_apply(s, o->pos[0], norm, amount, o->purpose ? o->purpose : "living", o->day,
		       o->by, &id, &err))
		return failed(&err);
	if (o->json)
		return print_json(json_pack("{s:I, s:s, s:s}", "application", (json_int_t)id,
					    "case", o->pos[0], "status", "applied"));
	printf("%" PRId64 "\n", id);
	return 0;
}

static int decide(struct store *s, struct opts *o, const char *what)
{
	int64_t id;
	struct msg err = {0};
	if (o->npos != 1)
		return cli_usage("fund");
	int rc = id_arg(o->pos[0], &id);
	if (rc)
		return rc;
	rc = strcmp(what, "approve") == 0     ? fund_approve(s, id, o->day, o->by, &err)
		: strcmp(what, "reject") == 0 ? fund_reject(s, id, o->day, o->by, o->reason, &err)
					      : fund_pay(s, id, o->day, o->by, &err);
	if (rc)
		return failed(&err);
	printf("application %" PRId64 " %s\n", id,
	       strcmp(what, "approve") == 0          ? "approved"
		       : strcmp(what, "reject") == 0 ? "rejected"
						     : "paid");
	return 0;
}

static int settle(struct store *s, struct opts *o, bool writeoff)
{
	int64_t amount = 0;
	struct msg err = {0};
	if (o->npos < 1 || o->npos > 2)
		return cli_usage("fund");
	if (o->npos == 2 && money_arg("amount", o->pos[1], &amount))
		return 2;
	if (o->npos == 2 && amount <= 0) {
		fprintf(stderr, "wageguard fund: the amount must be above 0.00\n");
		return 2;
	}
	int rc = writeoff ? fund_writeoff(s, o->pos[0], amount, o->reason, o->day, o->by, &err)
			  : fund_recover(s, o->pos[0], amount, o->day, o->by, &err);
	if (rc)
		return failed(&err);
	printf("case %s: %s\n", o->pos[0], writeoff ? "written off" : "recovered");
	return 0;
}

static int add_app(void *ctx, const struct fund_application *a)
{
	return json_array_append_new(ctx, fund_application_json(a, false)) ? WG_ENOMEM : 0;
}

static int applications(struct store *s, struct opts *o)
{
	int64_t region = 0;
	if (o->npos > 1)
		return cli_usage("fund");
	if (o->npos == 1 && region_arg(o->pos[0], &region))
		return 2;
	json_t *a = json_array();
	if (store_fund_apps(s, region, o->status, o->case_ref, add_app, a)) {
		json_decref(a);
		fprintf(stderr, "wageguard fund: %s\n", s->errmsg);
		return 1;
	}
	if (o->json)
		return print_json(json_pack("{s:o}", "applications", a));
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x)
	{
		printf("%-5lld %-6s %-22s %-20s %10s %-8s %-9s %s\n",
		       (long long)json_integer_value(json_object_get(x, "id")),
		       json_string_value(json_object_get(x, "fund")),
		       json_string_value(json_object_get(x, "case")),
		       json_string_value(json_object_get(x, "worker")),
		       json_string_value(json_object_get(x, "amount")),
		       json_string_value(json_object_get(x, "purpose")),
		       json_string_value(json_object_get(x, "status")),
		       json_string_value(json_object_get(x, "applied_on")));
	}
	json_decref(a);
	return 0;
}

/* The statement's movements as a CSV or XLSX table. */
static int write_table(json_t *j, enum table_format fmt, const char *dest)
{
	static const struct table_col cols[] = {
		{"date", TCOL_TEXT, 12},     {"fund", TCOL_TEXT, 8},    {"kind", TCOL_TEXT, 10},
		{"amount", TCOL_MONEY, 14},  {"source", TCOL_TEXT, 10}, {"case", TCOL_TEXT, 24},
		{"employer", TCOL_TEXT, 22}, {"reason", TCOL_TEXT, 30}};
	struct cli_out o;
	struct table_writer w;
	if (cli_out_open(&o, dest, fmt == TABLE_XLSX, "wageguard fund"))
		return 1;
	if (table_open(&w, fmt, o.path, "statement", cols, 8)) {
		fprintf(stderr, "wageguard fund: %s\n", w.err);
		cli_out_abort(&o);
		return 1;
	}
	size_t i;
	json_t *mv;
	int rc = 0;
	json_array_foreach(json_object_get(j, "moves"), i, mv)
	{
		int64_t fen = 0;
		money_parse(json_string_value(json_object_get(mv, "amount")), &fen);
		struct table_cell c[8] = {{.s = json_string_value(json_object_get(mv, "date"))},
					  {.s = json_string_value(json_object_get(mv, "fund"))},
					  {.s = json_string_value(json_object_get(mv, "kind"))},
					  {.i = fen},
					  {.s = json_string_value(json_object_get(mv, "source"))},
					  {.s = json_string_value(json_object_get(mv, "case"))},
					  {.s = json_string_value(json_object_get(mv, "employer"))},
					  {.s = json_string_value(json_object_get(mv, "reason"))}};
		if ((rc = table_row(&w, c)))
			break;
	}
	if (table_close(&w) || rc) {
		fprintf(stderr, "wageguard fund: %s\n", w.err);
		cli_out_abort(&o);
		return 1;
	}
	return cli_out_commit(&o, "wageguard fund");
}

static int write_doc(struct store *s, int64_t region, const struct opts *o, bool pdf)
{
	struct doc d = DOC_INIT;
	struct cli_out out;
	char err[256] = "cannot write the statement";
	int rc = fund_statement_doc(s, region, o->case_ref, o->employer, o->day, &d);
	if (rc || cli_out_open(&out, o->out, pdf, "wageguard fund")) {
		doc_release(&d);
		return 1;
	}
	FILE *f = fopen(out.path, "wb");
	rc = f ? WG_OK : WG_EIO;
	if (f && pdf) {
		rc = render_pdf(&d, f, err, sizeof err);
	} else if (f) {
		struct dbuf b = DBUF_INIT;
		rc = render_html(&d, &b);
		if (!rc && fwrite(b.p, 1, b.len, f) != b.len)
			rc = WG_EIO;
		dbuf_release(&b);
	}
	if (f && fclose(f) != 0)
		rc = WG_EIO;
	doc_release(&d);
	if (rc) {
		fprintf(stderr, "wageguard fund: %s\n", err);
		cli_out_abort(&out);
		return 1;
	}
	return cli_out_commit(&out, "wageguard fund");
}

static int statement(struct store *s, struct opts *o)
{
	int64_t region = 0;
	if (o->npos > 1 || (o->npos == 0 && !o->case_ref && !o->employer))
		return cli_usage("fund");
	if (o->npos == 1 && region_arg(o->pos[0], &region))
		return 2;
	const char *fmt = o->format;
	if (!fmt && o->out) {
		const char *dot = strrchr(o->out, '.');
		fmt = !dot                              ? NULL
			: strcasecmp(dot, ".csv") == 0  ? "csv"
			: strcasecmp(dot, ".xlsx") == 0 ? "xlsx"
			: strcasecmp(dot, ".pdf") == 0  ? "pdf"
			: strcasecmp(dot, ".html") == 0 ? "html"
							: NULL;
	}
	if (fmt && strcmp(fmt, "csv") && strcmp(fmt, "xlsx") && strcmp(fmt, "pdf") &&
	    strcmp(fmt, "html"))
		return cli_usage("fund");
	if (fmt && (strcmp(fmt, "pdf") == 0 || strcmp(fmt, "html") == 0))
		return write_doc(s, region, o, strcmp(fmt, "pdf") == 0);
	json_t *j = fund_statement_json(s, region, o->case_ref, o->employer, o->day, fmt != NULL);
	if (!j) {
		fprintf(stderr, "wageguard fund: %s\n", s->errmsg);
		return 1;
	}
	if (fmt) {
		int rc = write_table(j, strcmp(fmt, "xlsx") == 0 ? TABLE_XLSX : TABLE_CSV, o->out);
		json_decref(j);
		return rc;
	}
	if (o->json)
		return print_json(j);
	const char *k;
	json_t *v;
	json_object_foreach(j, k, v)
	{
		printf("%-12s %s\n", k, json_string_value(v));
	}
	json_decref(j);
	return 0;
}

int cmd_fund(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	struct opts o;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc;
	static const char *const subs[] = {"topup",   "apply",    "approve",      "reject",   "pay",
					   "recover", "writeoff", "applications", "statement"};
	size_t k = 0;
	while (k < sizeof subs / sizeof *subs && strcmp(argv[1], subs[k]) != 0)
		k++;
	if (k == sizeof subs / sizeof *subs)
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	switch (k) {
	case 0: rc = topup(s, &o); break;
	case 1: rc = apply(s, &o); break;
	case 2:
	case 3:
	case 4: rc = decide(s, &o, subs[k]); break;
	case 5:
	case 6: rc = settle(s, &o, k == 6); break;
	case 7: rc = applications(s, &o); break;
	default: rc = statement(s, &o); break;
	}
	store_close(s);
	return rc;
}
