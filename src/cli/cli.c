/* cli.c — what the subcommands share: opening the store named on the command line. */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"
#include "util/banned.h"

struct store *cli_open_store(const struct cli_global *g)
{
	struct store *s = NULL;
	char err[512] = "";
	if (store_open(&s, g->db, err, sizeof err)) {
		fprintf(stderr, "wageguard: cannot open database '%s': %s\n", g->db, err);
		return NULL;
	}
	return s;
}
