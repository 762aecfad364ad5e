/* gen.c — `wageguard gen [--scale S] [--seed N] [--start YYYY-MM] [--months M] DIR`: parses
 * the options, runs the generator (gen/gen.h) and prints a one-line summary on stderr. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "gen/gen.h"
#include "util/date.h"
#include "util/progress.h"
#include "util/banned.h"

static void show_progress(void *ctx, long long done, long long total, long long rows)
{
	struct progress *p = ctx;
	if (done < 0) {
		progress_done(p);
		return;
	}
	if (!p->total)
		p->total = total;
	progress_update(p, done, rows);
}

/* "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i past a separate value. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int bad_value(const char *opt, const char *v, const char *want)
{
	fprintf(stderr, "wageguard gen: bad %s '%s': %s\n", opt, v, want);
	return cli_usage("gen");
}

int cmd_gen(int argc, char **argv, const struct cli_global *g)
{
	struct gen_options o = GEN_OPTIONS_INIT;
	struct gen_stats stats = {0};
	struct progress bar;
	char err[512];
	const char *v;
	int i = 1;

	(void)g;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if ((v = opt_value(argc, argv, &i, "--scale"))) {
			if (gen_parse_scale(v, &o.scale_milli))
				return bad_value("--scale", v,
						 "a number above 0 and at most 100, "
						 "up to three decimals");
		} else if ((v = opt_value(argc, argv, &i, "--seed"))) {
			char *end;
			errno = 0;
			uintmax_t n = strtoumax(v, &end, 10);
			if (!*v || *end || *v == '-' || errno || n > UINT64_MAX)
				return bad_value("--seed", v, "an unsigned 64-bit integer");
			o.seed = (uint64_t)n;
		} else if ((v = opt_value(argc, argv, &i, "--start"))) {
			if (period_parse(v, &o.start) || o.start / 12 < 2000 || o.start / 12 > 2099)
				return bad_value("--start", v, "a month YYYY-MM of 2000 to 2099");
		} else if ((v = opt_value(argc, argv, &i, "--months"))) {
			char *end;
			errno = 0;
			long n = strtol(v, &end, 10);
			if (!*v || *end || errno || n < 1 || n > GEN_MONTHS_MAX) {
				char want[64];
				snprintf(want, sizeof(want), "an integer from 1 to %d",
					 GEN_MONTHS_MAX);
				return bad_value("--months", v, want);
			}
			o.months = (int)n;
		} else {
			fprintf(stderr, "wageguard gen: unknown option '%s'\n", argv[i]);
			return cli_usage(argv[0]);
		}
	}
	if (argc - i != 1)
		return cli_usage(argv[0]);
	o.dir = argv[i];
	o.stats = &stats;
	progress_init(&bar, "gen", 0);
	o.progress = show_progress;
	o.progress_ctx = &bar;
	if (gen_run(&o, err, sizeof(err))) {
		fprintf(stderr, "wageguard gen: %s\n", err);
		return 1;
	}
	long long viol = 0;
	for (int k = 0; k < GEN_NVIOL; k++)
		viol += stats.violations[k];
	fprintf(stderr,
		"wageguard gen: wrote %s: %d projects, %d workers, %lld employments, "
		"%lld attendance rows, %lld payroll lines, %lld payments, %lld warnings "
		"expected (manifest.json)\n",
		o.dir, stats.projects, stats.workers, stats.rows[GEN_EMPLOYMENTS],
		stats.rows[GEN_ATTENDANCE], stats.rows[GEN_PAYROLL], stats.rows[GEN_PAYMENTS],
		viol);
	return 0;
}
