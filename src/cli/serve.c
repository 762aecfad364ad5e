/* serve.c — `wageguard serve`: the JSON API and the web UI over HTTP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/http.h"
#include "util/banned.h"

int cmd_serve(int argc, char **argv, const struct cli_global *g)
{
	struct http_options o = {.db = g->db, .listen = "127.0.0.1:8080", .web = "web/dist"};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
			o.listen = argv[++i];
		else if (strcmp(argv[i], "--web") == 0 && i + 1 < argc)
			o.web = argv[++i];
		else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
			o.threads = (int)strtol(argv[++i], NULL, 10);
		else
			return cli_usage(argv[0]);
	}
	return http_serve(&o);
}
