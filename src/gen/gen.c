/* gen.c — the synthetic data set behind `wageguard gen`: one Hangzhou-like region, every import
 * kind as CSV, violations of each early-warning rule injected at documented rates and counted
 * exactly as `scan --as-of <last day of the range>` must report them (manifest.json).
 *
 * Everything is drawn from splitmix64 streams keyed by (seed, purpose, entity), so the files
 * are byte-identical on every machine. Entities (enterprises, projects, workers, employments)
 * are held in memory — O(workers); attendance, payroll, payments and allocations are
 * generated project by project, in (project, worker, date) order, and streamed to disk.
 * This file holds the entry points (gen_run, gen_parse_scale), the file names and headers and
 * the manifest; the sections are in the files gen/internal.h lists. */
#include "gen/internal.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "util/err.h"
#include "util/banned.h"

const char *const gen_file_names[GEN_NFILES] = {
	"calendar",    "enterprises", "projects",    "subcontracts", "accounts", "workers",
	"employments", "attendance",  "allocations", "payroll",      "payments",
};

const char *const gen_violation_names[GEN_NVIOL] = {
	"UNPAID",       "NO_PAYROLL",    "UNDERPAID",   "EXCESS_DEDUCTION",   "OFF_CARD",
	"UNREGISTERED", "NO_LABOR_COST", "LOW_BALANCE", "CRIMINAL_THRESHOLD",
};

/* Header rows: every column of SPEC §4, optional ones included, in the spec's order. */
static const char *const gen_headers[GEN_NFILES] = {
	"date,kind",
	"uscc,name,region_code,legal_rep",
	"code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date,"
	"end_date",
	"project_code,subcontractor_uscc,contract_value,start_date,end_date",
	"project_code,bank_code,account_no,opened_on",
	"id_number,name,phone,bank_card,bank_code",
	"project_code,id_number,employer_uscc,team,trade,wage_type,wage_rate,start_date,end_date",
	"project_code,id_number,date,hours",
	"txn_id,project_code,date,amount",
	"project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date",
	"txn_id,project_code,id_number,period,amount,paid_on,bank_card,status",
};

static int ob_open(struct gen *g, struct obuf *b, const char *dir, const char *name,
		   const char *ext)
{
	snprintf(b->path, sizeof(b->path), "%s/%s%s", dir, name, ext);
	b->buf = malloc(OBUF_CAP);
	if (!b->buf)
		return gen_nomem(g);
	b->f = fopen(b->path, "wb");
	if (!b->f)
		return gen_fail(g, WG_EIO, "cannot create %s: %s", b->path, strerror(errno));
	return 0;
}

/* Flushes and closes; returns the first write error as a status. */
static int ob_close(struct gen *g, struct obuf *b)
{
	int st = 0;
	if (b->f) {
		gen_ob_flush(b);
		if (fclose(b->f) != 0 && !b->err)
			b->err = errno ? errno : EIO;
		b->f = NULL;
		if (b->err)
			st = gen_fail(g, WG_EIO, "cannot write %s: %s", b->path, strerror(b->err));
	}
	free(b->buf);
	b->buf = NULL;
	return st;
}

/* ---- manifest ---- */
static void scale_str(int milli, char *buf, size_t n)
{
	if (milli % 1000 == 0)
		snprintf(buf, n, "%d", milli / 1000);
	else if (milli % 100 == 0)
		snprintf(buf, n, "%d.%d", milli / 1000, milli % 1000 / 100);
	else if (milli % 10 == 0)
		snprintf(buf, n, "%d.%02d", milli / 1000, milli % 1000 / 10);
	else
		snprintf(buf, n, "%d.%03d", milli / 1000, milli % 1000);
}

static int write_manifest(struct gen *g)
{
	struct obuf b = {0};
	struct dbuf d = DBUF_INIT;
	char sc[24], ps[PERIOD_BUFSZ], d0[DATE_BUFSZ], dE[DATE_BUFSZ];
	int st, bad = 0;

	if ((st = ob_open(g, &b, g->o->dir, "manifest", ".json")))
		goto cleanup;
	scale_str(g->o->scale_milli, sc, sizeof(sc));
	bad |= dbuf_addf(&d,
			 "{\n  \"generator\": \"wageguard gen\",\n  \"scale\": %s,\n"
			 "  \"seed\": %llu,\n  \"start\": \"%s\",\n  \"months\": %d,\n",
			 sc, (unsigned long long)g->seed, period_format(g->p0, ps), g->M);
	bad |= dbuf_addf(&d,
			 "  \"region\": {\"code\": \"330100\", \"name\": \"杭州市\"},\n"
			 "  \"from\": \"%s\",\n  \"to\": \"%s\",\n  \"as_of\": \"%s\",\n",
			 date_format(g->d0, d0), date_format(g->dE, dE), dE);
	bad |= dbuf_adds(&d, "  \"rows\": {");
	for (int i = 0; i < GEN_NFILES; i++)
		bad |= dbuf_addf(&d, "%s\"%s\": %lld", i ? ", " : "", gen_file_names[i],
				 g->out[i].rows);
	bad |= dbuf_adds(&d, "},\n  \"violations\": {");
	for (int i = 0; i < GEN_NVIOL; i++)
		bad |= dbuf_addf(&d, "%s\"%s\": %lld", i ? ", " : "", gen_violation_names[i],
				 g->viol[i]);
	bad |= dbuf_adds(
		&d,
		"},\n  \"violations_note\": \"warnings of each rule that `wageguard scan "
		"--as-of AS_OF` prints with the default thresholds; UNPAID, NO_PAYROLL and "
		"NO_LABOR_COST are injected only where AS_OF is past the due date; persons "
		"without an employment on the project are never on payroll, so their months "
		"before the due date also count in NO_PAYROLL (employer null, amount 0.00)\",\n");
	bad |= dbuf_addf(
		&d,
		"  \"rates_ppm\": {\"UNPAID\": %u, \"UNPAID_low_balance_project\": %u, "
		"\"NO_PAYROLL\": %u, \"UNDERPAID\": %u, \"EXCESS_DEDUCTION\": %u, "
		"\"OFF_CARD\": %u, \"payment_failed\": %u, \"payment_returned\": %u},\n"
		"  \"rates_note\": \"UNPAID and NO_PAYROLL: per worker-month whose due date is "
		"before AS_OF, at most one per worker, and none that would push a "
		"non-criminal employer over CRIMINAL_THRESHOLD; UNDERPAID, EXCESS_DEDUCTION, "
		"OFF_CARD: per worker-month; unregistered persons: one per %d workers; "
		"NO_LABOR_COST: %d %% of project-months, at most one per project; LOW_BALANCE: "
		"one project in %d\",\n",
		RATE_UNPAID, RATE_UNPAID_LB, RATE_NO_PAYROLL, RATE_UNDERPAID, RATE_EXCESS,
		RATE_OFF_CARD, RATE_FAILED, RATE_RETURNED, UNREG_PER_WORKERS, NLC_PERCENT,
		LB_PER_PROJECTS);
	bad |= dbuf_addf(&d,
			 "  \"criminal_employers\": [%s],\n  \"low_balance_projects\": [%s],\n"
			 "  \"no_labor_cost\": [%s],\n",
			 dbuf_str(&g->lst_crim), dbuf_str(&g->lst_lb), dbuf_str(&g->lst_nlc));
	bad |= dbuf_addf(&d,
			 "  \"payments\": {\"failed_then_ok\": %lld, \"returned_then_ok\": %lld, "
			 "\"partial\": %lld, \"card_with_spaces\": %lld},\n",
			 g->n_failed, g->n_returned, g->n_partial, g->n_spaces);
	bad |= dbuf_addf(&d,
			 "  \"persons\": {\"workers\": %d, \"unregistered_listed\": %lld, "
			 "\"unregistered_not_in_workers\": %lld, \"switched_project\": %lld, "
			 "\"rejoined_project\": %lld},\n",
			 g->nlisted, g->n_noemp, g->n_unlisted, g->n_switch, g->n_rejoin);
	bad |= dbuf_addf(&d,
			 "  \"employments_by_wage_type\": {\"daily\": %lld, \"monthly\": %lld, "
			 "\"piece\": %lld},\n",
			 g->n_wtype[WT_DAILY], g->n_wtype[WT_MONTHLY], g->n_wtype[WT_PIECE]);
	bad |= dbuf_addf(&d,
			 "  \"lowercase_x_ids\": {\"workers\": %lld, \"attendance\": %lld, "
			 "\"payroll_and_payments\": %lld}\n}\n",
			 g->n_lower[0], g->n_lower[1], g->n_lower[2]);
	if (bad)
		st = gen_nomem(g);
	else
		ob_s(&b, dbuf_str(&d));
cleanup:;
	int cst = ob_close(g, &b);
	dbuf_release(&d);
	return st ? st : cst;
}

/* ---- entry points ---- */
int gen_parse_scale(const char *s, int *milli)
{
	long v = 0;
	int frac = 0, decimals = -1;
	if (!s || !*s)
		return -1;
	for (; *s; s++) {
		if (*s == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		if (decimals >= 0) {
			if (++decimals > 3)
				return -1;
			frac = frac * 10 + (*s - '0');
		} else if ((v = v * 10 + (*s - '0')) > GEN_SCALE_MAX_MILLI) {
			return -1;
		}
	}
	if (decimals == 0)
		return -1; /* "5." */
	for (int d = decimals < 0 ? 0 : decimals; d < 3; d++)
		frac *= 10;
	long m = v * 1000 + frac;
	if (m <= 0 || m > GEN_SCALE_MAX_MILLI)
		return -1;
	*milli = (int)m;
	return 0;
}

static int make_dir(struct gen *g, const char *dir)
{
	struct stat sb;
	if (mkdir(dir, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	return gen_fail(g, WG_EIO, "cannot create directory %s: %s", dir,
			errno == EEXIST ? "a file of that name exists" : strerror(errno));
}

int gen_run(const struct gen_options *o, char *err, size_t errsz)
{
	struct gen G = {.o = o, .err = err, .errsz = errsz}, *g = &G;
	int st = 0, y;

	if (errsz)
		err[0] = '\0';
	y = o->start / 12;
	if (!o->dir || !*o->dir)
		return gen_fail(g, WG_EUSAGE, "no output directory");
	if (o->scale_milli < 1 || o->scale_milli > GEN_SCALE_MAX_MILLI)
		return gen_fail(g, WG_EUSAGE, "scale must be in (0, %d]",
				GEN_SCALE_MAX_MILLI / 1000);
	if (o->months < 1 || o->months > GEN_MONTHS_MAX)
		return gen_fail(g, WG_EUSAGE, "months must be 1 to %d", GEN_MONTHS_MAX);
	if (y < 2000 || y > 2099)
		return gen_fail(g, WG_EUSAGE, "start must be a month of 2000 to 2099");

	g->seed = o->seed;
	g->p0 = o->start;
	g->M = o->months;
	g->d0 = period_first_day(g->p0);
	g->dE = period_last_day(g->p0 + g->M - 1);
	g->nproj = (100 * o->scale_milli + 500) / 1000;
	if (g->nproj < 1)
		g->nproj = 1;
	g->nlisted = (10000 * o->scale_milli + 500) / 1000;
	if (g->nlisted < 20)
		g->nlisted = 20;
	g->mc1 = g->M - 3;
	g->mc0 = g->M - 5 > 0 ? g->M - 5 : 0;

	size_t ndays = (size_t)(g->dE - g->d0 + 1);
	g->dstr = malloc(ndays * sizeof(*g->dstr));
	g->dmon = malloc(ndays);
	g->pstr = malloc((size_t)g->M * sizeof(*g->pstr));
	if (!g->dstr || !g->dmon || !g->pstr) {
		st = gen_nomem(g);
		goto cleanup;
	}
	for (size_t i = 0; i < ndays; i++) {
		date_format(g->d0 + (int32_t)i, g->dstr[i]);
		g->dmon[i] = (uint8_t)(period_of_day(g->d0 + (int32_t)i) - g->p0);
	}
	for (int m = 0; m < g->M; m++)
		period_format(g->p0 + m, g->pstr[m]);

	if ((st = make_dir(g, o->dir)) || (st = gen_build_calendar(g)) ||
	    (st = gen_make_enterprises(g, g->nproj)) || (st = gen_make_projects(g)) ||
	    (st = gen_make_workers(g)) || (st = gen_build_subjects(g)))
		goto cleanup;
	gen_pick_criminals(g);
	gen_pick_projects(g);

	for (int i = 0; i < GEN_NFILES; i++) {
		if ((st = ob_open(g, &g->out[i], o->dir, gen_file_names[i], ".csv")))
			goto cleanup;
		ob_s(&g->out[i], gen_headers[i]);
		ob_c(&g->out[i], '\n');
	}
	gen_write_calendar(g);
	gen_write_enterprises(g);
	gen_write_projects(g);
	gen_write_workers(g);
	gen_write_employments(g);
	if ((st = gen_stream(g)))
		goto cleanup;
	for (int i = 0; i < GEN_NFILES; i++) {
		int cst = ob_close(g, &g->out[i]);
		if (cst && !st)
			st = cst;
	}
	if (st || (st = write_manifest(g)))
		goto cleanup;
	if (o->stats) {
		for (int i = 0; i < GEN_NFILES; i++)
			o->stats->rows[i] = g->out[i].rows;
		for (int i = 0; i < GEN_NVIOL; i++)
			o->stats->violations[i] = g->viol[i];
		o->stats->projects = g->nproj;
		o->stats->workers = g->nlisted;
	}
cleanup:
	if (o->progress)
		o->progress(o->progress_ctx, -1, g->nproj, g->out[GEN_ATTENDANCE].rows);
	for (int i = 0; i < GEN_NFILES; i++) {
		if (g->out[i].f)
			fclose(g->out[i].f);
		free(g->out[i].buf);
	}
	calendar_release(&g->cal);
	free(g->wd);
	free(g->dstr);
	free(g->dmon);
	free(g->pstr);
	free(g->ents);
	free(g->projs);
	free(g->pcum);
	free(g->ws);
	free(g->emps);
	free(g->subj);
	free(g->ids.k);
	free(g->cards.k);
	free(g->names.k);
	free(g->ps.rows);
	free(g->ps.days);
	free(g->ps.expected);
	free(g->ps.net);
	free(g->t.rows);
	free(g->t.days);
	free(g->t.edays);
	free(g->recs);
	dbuf_release(&g->lst_crim);
	dbuf_release(&g->lst_lb);
	dbuf_release(&g->lst_nlc);
	return st;
}
