/* serve.c — `wageguard serve`: the JSON API and the web UI over HTTP. The UI is found beside
 * the binary wherever the server is started from (cli_web_dir); without one the server says
 * so at start-up and serves the API alone. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/http.h"
#include "util/msg.h"
#include "util/banned.h"

/* A whole number 0..100000 from text: a typo must not become 0 ("no limit"). */
static bool count_of(const char *text, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 0 || v > 100000)
		return false;
	*out = (int)v;
	return true;
}

int cmd_serve(int argc, char **argv, const struct cli_global *g)
{
	struct http_options o = {.db = g->db,
				 .listen = "127.0.0.1:8080",
				 .public_url = getenv("WAGEGUARD_PUBLIC_URL"),
				 .secure_cookie = -1,
				 .per_address_connections = -1};
	const char *web = NULL;
	bool no_web = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
			o.listen = argv[++i];
		else if (strcmp(argv[i], "--web") == 0 && i + 1 < argc)
			web = argv[++i];
		else if (strcmp(argv[i], "--no-web") == 0)
			no_web = true;
		else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc &&
			 count_of(argv[i + 1], &o.threads))
			i++;
		else if (strcmp(argv[i], "--per-address-connections") == 0 && i + 1 < argc &&
			 count_of(argv[i + 1], &o.per_address_connections))
			i++;
		else if (strcmp(argv[i], "--login-queue") == 0 && i + 1 < argc &&
			 count_of(argv[i + 1], &o.login_queue))
			i++;
		else if (strcmp(argv[i], "--public-url") == 0 && i + 1 < argc)
			o.public_url = argv[++i];
		else if (strcmp(argv[i], "--secure-cookie") == 0 && i + 1 < argc &&
			 (strcmp(argv[i + 1], "yes") == 0 || strcmp(argv[i + 1], "no") == 0))
			o.secure_cookie = strcmp(argv[++i], "yes") == 0;
		else
			return cli_usage(argv[0]);
	}
	char dir[4096], looked[2048];
	if (!no_web && cli_web_dir(web, dir, sizeof dir, looked, sizeof looked))
		o.web = dir;
	else if (!no_web) {
		struct msg m;
		msg_set(&m, MSG_CLI_SERVE_NO_UI, "looked", looked, MSG_END);
		fprintf(stderr, "wageguard serve: %s\n", msg_cli(&m));
	}
	return http_serve(&o);
}
