/* init.c — `wageguard init`: create the database or bring its schema up to date. */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"
#include "util/banned.h"

int cmd_init(int argc, char **argv, const struct cli_global *g)
{
	if (argc != 1)
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	/* opening applied every pending migration */
	fprintf(stderr, "wageguard: database '%s' is ready\n", g->db);
	store_close(s);
	return 0;
}
