/* user.c — `wageguard user add|list|disable|enable|token`: the people and feeds that may use
 * the web UI and the API. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/user.h"
#include "store/store.h"
#include "store/user.h"
#include "util/err.h"
#include "util/banned.h"

static int print_user(void *ctx, const struct user *u)
{
	(void)ctx;
	char when[32];
	time_t t = (time_t)u->created + 8 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d", &tm);
	printf("%-20s %-10s %-20s %-10s %s %s\n", u->username, u->role, *u->scope ? u->scope : "-",
	       u->disabled ? "disabled" : "active", when, u->display_name ? u->display_name : "");
	return 0;
}

/* Reads a password from a file's first line ("-": standard input). */
static int read_password(const char *path, char *buf, size_t n)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!f || !fgets(buf, (int)n, f)) {
		if (f && f != stdin)
			fclose(f);
		return -1;
	}
	if (f != stdin)
		fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

int cmd_user(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *name = NULL, *role = NULL, *scope = "", *display = NULL;
	const char *password = NULL, *token_name = "feed";
	char pw[256];
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strcmp(argv[i], "--scope") == 0 && i + 1 < argc)
			scope = argv[++i];
		else if (strcmp(argv[i], "--display") == 0 && i + 1 < argc)
			display = argv[++i];
		else if (strcmp(argv[i], "--password") == 0 && i + 1 < argc)
			password = argv[++i];
		else if (strcmp(argv[i], "--password-file") == 0 && i + 1 < argc) {
			if (read_password(argv[++i], pw, sizeof pw)) {
				fprintf(stderr, "wageguard user: cannot read a password from %s\n",
					argv[i]);
				return 1;
			}
			password = pw;
		} else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			token_name = argv[++i];
		else if (argv[i][0] != '-' && !name)
			name = argv[i];
		else
			return cli_usage(argv[0]);
	}
	bool list = strcmp(sub, "list") == 0;
	if (!list && !name)
		return cli_usage(argv[0]);
	if (strcmp(sub, "add") == 0 && (!role || !password))
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	char err[256] = "", token[USER_TOKEN_BUFSZ];
	int rc;
	if (list) {
		rc = store_user_list(s, print_user, NULL);
	} else if (strcmp(sub, "add") == 0) {
		rc = user_create(s, name, role, scope, display, password, err, sizeof err);
	} else if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) {
		rc = store_user_set_disabled(s, name, strcmp(sub, "disable") == 0);
		if (rc == WG_ENOTFOUND)
			snprintf(err, sizeof err, "no user '%s'", name);
	} else if (strcmp(sub, "token") == 0) {
		rc = user_token_create(s, name, token_name, token, err, sizeof err);
		if (!rc)
			printf("%s\n", token);
	} else {
		store_close(s);
		return cli_usage(argv[0]);
	}
	if (rc)
		fprintf(stderr, "wageguard user: %s\n", *err ? err : s->errmsg);
	store_close(s);
	return rc ? 1 : 0;
}
