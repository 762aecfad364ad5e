/* import_sif.c — `wageguard import-sif --project CODE FILE`: a UAE WPS SIF payroll file
 * imported as payroll of the project, every problem printed as FILE:LINE: field 'NAME':
 * message; exit 1 when nothing was stored. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/sif.h"
#include "store/store.h"
#include "util/msg.h"
#include "util/banned.h"

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
	int rc = sif_import(s, path, project, &o, &st, cli_print_problem, "field");
	store_close(s);
	struct msg m;
	if (rc) {
		msg_set(&m, MSG_IMPORT_REJECTED, "file", path, MSG_END);
		msg_add_int(&m, "problems", st.errors);
		fprintf(stderr, "%s\n", msg_cli(&m));
		return 1;
	}
	msg_set(&m, MSG_SIF_DONE, "file", path, MSG_END);
	msg_add_int(&m, "rows", st.rows);
	msg_add_int(&m, "inserted", st.inserted);
	msg_add_int(&m, "unchanged", st.unchanged);
	msg_add_int(&m, "amended", st.amended);
	fprintf(stderr, "%s\n", msg_cli(&m));
	return 0;
}
