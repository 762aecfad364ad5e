/* import_sif.c — `wageguard import-sif --project CODE FILE`: a UAE WPS SIF payroll file
 * imported as payroll of the project, every problem printed as FILE:LINE: field 'NAME':
 * message; exit 1 when nothing was stored. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/sif.h"
#include "store/store.h"
#include "util/banned.h"

static void print_problem(void *ctx, const char *file, long line, const char *col, const char *msg)
{
	(void)ctx;
	if (!file)
		fprintf(stderr, "%s\n", msg);
	else if (line > 0 && col)
		fprintf(stderr, "%s:%ld: field '%s': %s\n", file, line, col, msg);
	else if (line > 0)
		fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "%s: %s\n", file, msg);
}

int cmd_import_sif(int argc, char **argv, const struct cli_global *g)
{
	struct import_opts o = {0};
	const char *project = NULL, *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--amend") == 0)
			o.amend = true;
		else if (strcmp(argv[i], "--project") == 0 && i + 1 < argc)
			project = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage(argv[0]);
		else if (!path)
			path = argv[i];
		else
			return cli_usage(argv[0]);
	}
	if (!project || !path)
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct import_stats st;
	int rc = sif_import(s, path, project, &o, &st, print_problem, NULL);
	store_close(s);
	if (rc) {
		fprintf(stderr, "%s: %lld problem%s; nothing was imported\n", path,
			(long long)st.errors, st.errors == 1 ? "" : "s");
		return 1;
	}
	fprintf(stderr, "%s: %lld rows of payroll: %lld new, %lld unchanged, %lld amended\n", path,
		(long long)st.rows, (long long)st.inserted, (long long)st.unchanged,
		(long long)st.amended);
	return 0;
}
