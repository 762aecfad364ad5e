/* demo.c — `wageguard demo`: builds the realistic demo data set (the generator at a small
 * scale) and loads every file of it into the database, in dependency order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/import.h"
#include "gen/gen.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

int cmd_demo(int argc, char **argv, const struct cli_global *g)
{
	struct gen_options o = GEN_OPTIONS_INIT;
	struct gen_stats stats;
	const char *dir = "out/demo-data";
	o.scale_milli = 200;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
			if (gen_parse_scale(argv[++i], &o.scale_milli))
				return cli_usage(argv[0]);
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else {
			return cli_usage(argv[0]);
		}
	}
	char err[512];
	o.dir = dir;
	o.stats = &stats;
	fprintf(stderr, "wageguard demo: generating the data set in %s ...\n", dir);
	if (gen_run(&o, err, sizeof err)) {
		fprintf(stderr, "wageguard demo: %s\n", err);
		return 1;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	for (int f = 0; f < GEN_NFILES && !rc; f++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", dir, gen_file_names[f]);
		struct import_opts io = {0};
		struct import_stats st;
		if (import_file(s, schema_kind_by_name(gen_file_names[f]), path, &io, &st,
				cli_print_problem, NULL)) {
			fprintf(stderr, "wageguard demo: loading %s failed\n", path);
			rc = 1;
			break;
		}
		fprintf(stderr, "  %-12s %9lld rows, %lld new\n", gen_file_names[f],
			(long long)st.rows, (long long)st.inserted);
	}
	store_close(s);
	if (!rc)
		fprintf(stderr, "wageguard demo: %d projects and %d workers loaded into %s\n",
			stats.projects, stats.workers, g->db);
	return rc;
}
