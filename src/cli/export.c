/* export.c — `wageguard export ledger` (every pay cycle, full personal data: an operator's
 * command) and `wageguard export payroll PROJECT PERIOD` as CSV, XLSX or a UAE WPS SIF file. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/export.h"
#include "domain/sif.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

static const char *const me = "wageguard export";

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* "YYYY-MM-DD HH:MM" (Asia/Shanghai) as Unix time; -1 when it is not one. */
static int64_t parse_created(const char *s)
{
	int32_t day;
	char date[DATE_BUFSZ];
	if (strlen(s) != 16 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	int h = (s[11] - '0') * 10 + (s[12] - '0'), m = (s[14] - '0') * 10 + (s[15] - '0');
	if (date_parse(date, &day) || h < 0 || h > 23 || m < 0 || m > 59 || s[11] > '9' ||
	    s[12] > '9' || s[14] > '9' || s[15] > '9')
		return -1;
	return (int64_t)day * 86400 + h * 3600 + m * 60 - 8 * 3600;
}

int cmd_export(int argc, char **argv, const struct cli_global *g)
{
	const char *fmt = NULL, *dest = NULL, *project = NULL, *employer = NULL, *pos[3] = {0};
	int npos = 0;
	int32_t period = -1;
	int64_t created = (int64_t)time(NULL);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool arg = i + 1 < argc;
		if (strcmp(a, "--format") == 0 && arg) {
			fmt = argv[++i];
		} else if (strcmp(a, "-o") == 0 && arg) {
			dest = argv[++i];
		} else if (strcmp(a, "--project") == 0 && arg) {
			project = argv[++i];
		} else if (strcmp(a, "--employer") == 0 && arg) {
			employer = argv[++i];
		} else if (strcmp(a, "--period") == 0 && arg) {
			if (period_parse(argv[++i], &period)) {
				fprintf(stderr, "%s: '%s' is not a period (YYYY-MM)\n", me,
					argv[i]);
				return 2;
			}
		} else if (strcmp(a, "--created") == 0 && arg) {
			if ((created = parse_created(argv[++i])) < 0) {
				fprintf(stderr, "%s: '%s' is not 'YYYY-MM-DD HH:MM'\n", me,
					argv[i]);
				return 2;
			}
		} else if (a[0] == '-' && a[1]) {
			return cli_usage(argv[0]);
		} else if (npos < 3) {
			pos[npos++] = a;
		} else {
			return cli_usage(argv[0]);
		}
	}
	bool ledger = npos == 1 && strcmp(pos[0], "ledger") == 0 && !employer;
	bool payroll = npos == 3 && strcmp(pos[0], "payroll") == 0 && !project && period < 0;
	if (!ledger && !payroll)
		return cli_usage(argv[0]);
	if (!fmt)
		fmt = dest && ends_with(dest, ".xlsx")                                 ? "xlsx"
			: dest && (ends_with(dest, ".sif") || ends_with(dest, ".SIF")) ? "sif"
										       : "csv";
	bool sif = strcmp(fmt, "sif") == 0, xlsx = strcmp(fmt, "xlsx") == 0;
	if ((!sif && !xlsx && strcmp(fmt, "csv") != 0) || (sif && ledger)) {
		fprintf(stderr, "%s: unknown format '%s' (csv, xlsx%s)\n", me, fmt,
			ledger ? "" : " or sif");
		return 2;
	}
	if (employer && !sif) {
		fprintf(stderr, "%s: --employer is for --format sif\n", me);
		return 2;
	}
	if (payroll && period_parse(pos[2], &period)) {
		fprintf(stderr, "%s: '%s' is not a period (YYYY-MM)\n", me, pos[2]);
		return 2;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct cli_out o;
	if (cli_out_open(&o, dest, xlsx, me)) {
		store_close(s);
		return 1;
	}
	char err[512] = "";
	int64_t rows = 0;
	int rc;
	enum table_format tf = xlsx ? TABLE_XLSX : TABLE_CSV;
	if (ledger) {
		struct pay_cycle_filter f = {.project = project, .period = period};
		rc = export_ledger(s, &f, tf, o.path, &rows, err, sizeof err);
	} else if (sif) {
		struct sif_totals t;
		rc = sif_export(s, pos[1], period, employer, created, o.path, &t, err, sizeof err);
		rows = t.records;
	} else {
		rc = export_payroll(s, pos[1], period, tf, o.path, &rows, err, sizeof err);
	}
	store_close(s);
	if (rc) {
		fprintf(stderr, "%s: %s\n", me, err);
		cli_out_abort(&o);
		return 1;
	}
	if (cli_out_commit(&o, me))
		return 1;
	fprintf(stderr, "%s: %lld %s\n", me, (long long)rows,
		sif ? (rows == 1 ? "EDR record" : "EDR records") : (rows == 1 ? "row" : "rows"));
	return 0;
}
