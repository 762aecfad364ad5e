/* main.c — entry point: global options, then dispatch to one subcommand of cli_commands[]
 * (src/cli/commands.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/msg.h"
#include "util/banned.h"

int main(int argc, char **argv)
{
	struct cli_global g = {.db = getenv("WAGEGUARD_DB")};
	int i = 1;
	msg_cli_lang = msg_lang_env();
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			g.db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			g.db = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			return cmd_help(1, argv, &g);
		} else if (strcmp(argv[i], "--version") == 0) {
			puts("wageguard 0.1.0");
			return 0;
		} else {
			fprintf(stderr, "wageguard: unknown option '%s'\n%s", argv[i],
				cli_main_usage);
			return 2;
		}
	}
	if (!g.db || !*g.db)
		g.db = "wageguard.db";
	if (i >= argc) {
		fputs(cli_main_usage, stderr);
		return 2;
	}
	for (int c = 0; c < cli_ncommands; c++)
		if (strcmp(cli_commands[c].name, argv[i]) == 0)
			return cli_commands[c].fn(argc - i, argv + i, &g);
	fprintf(stderr, "wageguard: '%s' is not a command. See 'wageguard help'.\n", argv[i]);
	return 2;
}
