/* import.c — `wageguard import [--amend] KIND FILE`: prints each problem as
 * FILE:LINE: column 'NAME': message, and a summary; exit 1 when nothing was stored. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/import.h"
#include "store/store.h"
#include "util/progress.h"
#include "util/banned.h"

static void print_problem(void *ctx, const char *file, long line, const char *col, const char *msg)
{
	(void)ctx;
	if (!file)
		fprintf(stderr, "%s\n", msg);
	else if (line > 0 && col)
		fprintf(stderr, "%s:%ld: column '%s': %s\n", file, line, col, msg);
	else if (line > 0)
		fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "%s: %s\n", file, msg);
}

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

int cmd_import(int argc, char **argv, const struct cli_global *g)
{
	struct import_opts o = {0};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--amend") == 0)
			o.amend = true;
		else
			return cli_usage(argv[0]);
	}
	if (argc - i != 2)
		return cli_usage(argv[0]);
	const struct kind_desc *kind = schema_kind_by_name(argv[i]);
	if (!kind) {
		fprintf(stderr, "wageguard import: unknown kind '%s'\n", argv[i]);
		return cli_usage(argv[0]);
	}
	const char *path = argv[i + 1];
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct progress bar;
	progress_init(&bar, kind->name, 0);
	o.progress = show_progress;
	o.progress_ctx = &bar;
	struct import_stats st;
	int rc = import_file(s, kind, path, &o, &st, print_problem, NULL);
	store_close(s);
	if (rc) {
		fprintf(stderr, "%s: %lld problem%s; nothing was imported\n", path,
			(long long)st.errors, st.errors == 1 ? "" : "s");
		return 1;
	}
	fprintf(stderr,
		"%s: %lld rows of %s: %lld new, %lld unchanged, %lld amended, %lld status "
		"changes\n",
		path, (long long)st.rows, kind->name, (long long)st.inserted,
		(long long)st.unchanged, (long long)st.amended, (long long)st.status_changes);
	return 0;
}
