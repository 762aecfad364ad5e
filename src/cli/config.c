/* config.c — `wageguard config get [KEY]` and `config set KEY VALUE`: the operator's
 * thresholds (SPEC §5 defaults until set). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/warn.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

int cmd_config(int argc, char **argv, const struct cli_global *g)
{
	bool get = argc >= 2 && strcmp(argv[1], "get") == 0;
	bool set = argc == 4 && strcmp(argv[1], "set") == 0;
	if ((!get || argc > 3) && !set)
		return cli_usage(argv[0]);
	char err[256];
	if (set && warn_config_check(argv[2], argv[3], err, sizeof err)) {
		fprintf(stderr, "wageguard config: %s\n", err);
		return 1;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	if (set) {
		rc = s->ops->config_set(s, argv[2], argv[3]);
		if (rc)
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		store_close(s);
		return rc ? 1 : 0;
	}
	bool found = false;
	for (int k = 0; k < warn_config_nkeys && !rc; k++) {
		const struct warn_config_key *key = &warn_config_keys[k];
		if (argc == 3 && strcmp(argv[2], key->key) != 0)
			continue;
		char value[64];
		found = true;
		rc = s->ops->config_get(s, key->key, value, sizeof value);
		bool dflt = rc == WG_ENOTFOUND;
		if (dflt)
			rc = 0;
		if (rc)
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		else if (argc == 3)
			puts(dflt ? key->fallback : value);
		else
			printf("%-26s %-10s %s%s\n", key->key, dflt ? key->fallback : value, key->help,
			       dflt ? " (default)" : "");
	}
	store_close(s);
	if (!found) {
		fprintf(stderr, "wageguard config: unknown key '%s'\n", argv[2]);
		return 1;
	}
	return rc ? 1 : 0;
}
