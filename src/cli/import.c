/* import.c — `wageguard import [--amend] KIND FILE`: prints each problem as
 * FILE:LINE: column 'NAME': message, and a summary; exit 1 when nothing was stored. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/import.h"
#include "store/store.h"
#include "util/msg.h"
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
		struct msg m;
		fprintf(stderr, "wageguard import: %s\n",
			msg_cli(msg_set(&m, MSG_IMPORT_UNKNOWN_KIND, "kind", argv[i], MSG_END)));
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
	int rc = import_file(s, kind, path, &o, &st, cli_print_problem, NULL);
	store_close(s);
	struct msg m;
	if (rc) {
		msg_set(&m, MSG_IMPORT_REJECTED, "file", path, MSG_END);
		msg_add_int(&m, "problems", st.errors);
		fprintf(stderr, "%s\n", msg_cli(&m));
		return 1;
	}
	msg_set(&m, MSG_IMPORT_DONE, "file", path, "kind", kind->name, MSG_END);
	msg_add_int(&m, "rows", st.rows);
	msg_add_int(&m, "inserted", st.inserted);
	msg_add_int(&m, "unchanged", st.unchanged);
	msg_add_int(&m, "amended", st.amended);
	msg_add_int(&m, "status_changes", st.status_changes);
	fprintf(stderr, "%s\n", msg_cli(&m));
	return 0;
}
