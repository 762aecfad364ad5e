/* help.c — `wageguard help [COMMAND]` and the usage line a command prints when its
 * arguments are wrong, from the table of src/cli/commands.c. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/banned.h"

const char cli_main_usage[] = "usage: wageguard [--db PATH|postgresql://...] COMMAND [ARGS]\n";

int cli_usage(const char *name)
{
	for (int i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].name, name) == 0) {
			fprintf(stderr, "usage: %s", cli_commands[i].usage);
			return 2;
		}
	fputs(cli_main_usage, stderr);
	return 2;
}

int cmd_help(int argc, char **argv, const struct cli_global *g)
{
	(void)g;
	if (argc > 1) {
		for (int i = 0; i < cli_ncommands; i++)
			if (strcmp(cli_commands[i].name, argv[1]) == 0) {
				fputs(cli_commands[i].usage, stdout);
				return 0;
			}
		fprintf(stderr, "wageguard: no such command '%s'\n", argv[1]);
		return 2;
	}
	fputs(cli_main_usage, stdout);
	fputs("\ncommands:\n", stdout);
	for (int i = 0; i < cli_ncommands; i++)
		printf("  %-10s %s\n", cli_commands[i].name, cli_commands[i].summary);
	fputs("\nenvironment: WAGEGUARD_DB (default ./wageguard.db)\n", stdout);
	return 0;
}
