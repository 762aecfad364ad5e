/* case_import.c — leads from the national arrears-lead platform (全国根治欠薪线索反映平台) as
 * CSV (docs/formats.md): one row per worker, the rows of one lead_id one case. Atomic like
 * every import: every problem is reported as FILE:LINE: column 'NAME': message and nothing is
 * stored; a lead imported before (by its lead_id) is not imported again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "store/case.h"
#include "util/csvr.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

enum {
	C_LEAD,
	C_RECEIVED,
	C_EMPLOYER,
	C_ID,
	C_AMOUNT,
	C_EMPLOYER_NAME,
	C_PROJECT,
	C_REGION,
	C_NAME,
	C_PHONE,
	C_DESCRIPTION,
	C_CHANNEL,
	C_REJECTED,
	C__N
};

static const struct csvr_col cols[C__N] = {
	{"lead_id", true},       {"received", true},     {"employer_uscc", true},
	{"id_number", true},     {"amount", true},       {"employer_name", false},
	{"project_code", false}, {"region_code", false}, {"name", false},
	{"phone", false},        {"description", false}, {"channel", false},
	{"rejected", false},
};

/* One row, its text copied. */
struct lead_row {
	char *f[C__N];
	char id[19];
	int32_t received, rejected;
	int64_t amount, region;
	long line;
};

struct report {
	case_import_report_fn *fn;
	void *ctx;
	const char *file;
	int problems;
};

static void problem(struct report *r, long line, const char *col, const struct msg *m)
{
	r->problems++;
	r->fn(r->ctx, r->file, line, col, m);
}

static void map_report(void *ctx, long line, const char *col, enum msg_id id)
{
	struct msg m;
	msg_set(&m, id, MSG_END);
	problem(ctx, line, col, &m);
}

static void bad(struct report *r, long line, int col, enum msg_id id, const char *value)
{
	struct msg m;
	msg_set(&m, id, "value", value, MSG_END);
	problem(r, line, cols[col].name, &m);
}

static void free_rows(struct lead_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < C__N; k++)
			free(rows[i].f[k]);
	free(rows);
}

static const char *opt(const struct lead_row *r, int k)
{
	return r->f[k] && *r->f[k] ? r->f[k] : NULL;
}

/* Checks one row's fields; problems reported. */
static void check(struct report *r, struct lead_row *row)
{
	long l = row->line;
	if (!*row->f[C_LEAD] || strlen(row->f[C_LEAD]) > 64)
		bad(r, l, C_LEAD, MSG_RELIEF_LEAD_ID, row->f[C_LEAD]);
	if (date_parse(row->f[C_RECEIVED], &row->received))
		bad(r, l, C_RECEIVED, MSG_RELIEF_DATE_BAD, row->f[C_RECEIVED]);
	if (uscc_validate(row->f[C_EMPLOYER]))
		bad(r, l, C_EMPLOYER, MSG_RELIEF_EMPLOYER_BAD, row->f[C_EMPLOYER]);
	if (idcard_validate(row->f[C_ID], row->id))
		bad(r, l, C_ID, MSG_RELIEF_ID_BAD, row->f[C_ID]);
	if (money_parse(row->f[C_AMOUNT], &row->amount))
		bad(r, l, C_AMOUNT, MSG_RELIEF_AMOUNT_BAD, row->f[C_AMOUNT]);
	if (opt(row, C_REGION)) {
		if (region_validate(row->f[C_REGION]))
			bad(r, l, C_REGION, MSG_RELIEF_REGION_BAD, row->f[C_REGION]);
		else
			row->region = strtoll(row->f[C_REGION], NULL, 10);
	}
	if (opt(row, C_CHANNEL) && !case_channel_ok(row->f[C_CHANNEL]))
		bad(r, l, C_CHANNEL, MSG_RELIEF_LEAD_CHANNEL, row->f[C_CHANNEL]);
	row->rejected = -1;
	if (opt(row, C_REJECTED) && date_parse(row->f[C_REJECTED], &row->rejected))
		bad(r, l, C_REJECTED, MSG_RELIEF_DATE_BAD, row->f[C_REJECTED]);
}

int case_import(struct store *s, const char *path, case_import_report_fn *report, void *ctx,
		struct case_import_stats *st)
{
	memset(st, 0, sizeof *st);
	struct report r = {.fn = report, .ctx = ctx, .file = path};
	struct msg m;
	struct csvr *in;
	int rc = csvr_open(&in, path, &m);
	if (rc) {
		report(ctx, NULL, 0, NULL, &m);
		return rc;
	}
	int idx[C__N];
	struct lead_row *rows = NULL;
	size_t n = 0, alloc = 0;
	if (csvr_map(in, cols, C__N, idx, map_report, &r)) {
		rc = WG_EINPUT;
		goto done;
	}
	char **fields;
	size_t nf;
	long line;
	while ((rc = csvr_next(in, &fields, &nf, &line, &m)) != 0) {
		if (rc < 0) {
			problem(&r, line, NULL, &m);
			if (rc != WG_EINPUT)
				goto done;
			continue;
		}
		if (n == alloc) {
			size_t a = alloc ? alloc * 2 : 64;
			void *p = realloc(rows, a * sizeof *rows);
			if (!p) {
				rc = WG_ENOMEM;
				goto done;
			}
			rows = p, alloc = a;
		}
		struct lead_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		row->line = line;
		for (int k = 0; k < C__N; k++) {
			const char *v = idx[k] >= 0 ? fields[idx[k]] : "";
			size_t len = strlen(v) + 1;
			if (!(row->f[k] = malloc(len))) {
				rc = WG_ENOMEM;
				goto done;
			}
			memcpy(row->f[k], v, len);
		}
		check(&r, row);
	}
	if (r.problems) {
		rc = WG_EINPUT;
		goto done;
	}
	/* the rows of one lead must agree on what makes the case */
	static const int same[] = {C_RECEIVED, C_EMPLOYER, C_PROJECT, C_CHANNEL, C_REJECTED};
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			if (strcmp(rows[i].f[C_LEAD], rows[j].f[C_LEAD]) != 0)
				continue;
			for (size_t k = 0; k < sizeof same / sizeof same[0]; k++)
				if (strcmp(rows[i].f[same[k]], rows[j].f[same[k]]) != 0)
					bad(&r, rows[i].line, same[k], MSG_RELIEF_LEAD_DIFFERS,
					    rows[i].f[same[k]]);
			break;
		}
	if (r.problems) {
		rc = WG_EINPUT;
		goto done;
	}
	struct case_clock k;
	if ((rc = s->ops->begin(s)))
		goto done;
	if ((rc = case_clock_load(s, &k))) {
		s->ops->rollback(s);
		goto done;
	}
	struct case_claim *claims = calloc(n ? n : 1, sizeof *claims);
	if (!claims)
		rc = WG_ENOMEM;
	for (size_t i = 0; !rc && i < n; i++) {
		bool first = true;
		for (size_t j = 0; j < i && first; j++)
			first = strcmp(rows[i].f[C_LEAD], rows[j].f[C_LEAD]) != 0;
		if (!first)
			continue;
		st->leads++;
		char known[CASE_NUMBER_SZ];
		if ((rc = store_case_lead_get(s, rows[i].f[C_LEAD], known)) == WG_OK) {
			st->known++;
			continue;
		}
		if (rc != WG_ENOTFOUND)
			break;
		int nc = 0;
		for (size_t j = i; j < n; j++) {
			if (strcmp(rows[i].f[C_LEAD], rows[j].f[C_LEAD]) != 0)
				continue;
			claims[nc++] = (struct case_claim){.id_number = rows[j].id,
							   .name = opt(&rows[j], C_NAME),
							   .phone = opt(&rows[j], C_PHONE),
							   .amount = rows[j].amount};
		}
		const struct lead_row *l = &rows[i];
		char source[96], number[CASE_NUMBER_SZ];
		snprintf(source, sizeof source, "lead:%s", l->f[C_LEAD]);
		struct case_intake ci = {.channel =
						 opt(l, C_CHANNEL) ? l->f[C_CHANNEL] : "platform",
					 .employer = l->f[C_EMPLOYER],
					 .employer_name = opt(l, C_EMPLOYER_NAME),
					 .project = opt(l, C_PROJECT),
					 .region = l->region,
					 .received = l->received,
					 .description = opt(l, C_DESCRIPTION),
					 .claims = claims,
					 .nclaims = nc,
					 .source = source,
					 .actor = "import"};
		bool joined;
		rc = case_intake_tx(s, &k, &ci, number, &joined, &m);
		if (rc == WG_EINPUT) {
			problem(&r, l->line, NULL, &m);
			rc = 0;
			continue;
		}
		if (!rc)
			rc = store_case_lead_put(s, l->f[C_LEAD], number);
		if (!rc && l->rejected >= 0 && !joined)
			rc = case_reject_tx(s, number, l->rejected,
					    "全国根治欠薪线索反映平台：不予受理", "import", &m);
		if (rc == WG_EINPUT) {
			problem(&r, l->line, cols[C_REJECTED].name, &m);
			rc = 0;
		}
		if (!rc)
			joined ? st->joined++ : st->opened++;
	}
	free(claims);
	case_clock_release(&k);
	if (!rc && r.problems)
		rc = WG_EINPUT;
	if (!rc)
		rc = s->ops->commit(s);
	if (rc)
		s->ops->rollback(s);
	if (rc && rc != WG_EINPUT) {
		msg_set(&m, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		report(ctx, path, 0, NULL, &m);
	}
done:
	csvr_free(in);
	free_rows(rows, n);
	return rc;
}
