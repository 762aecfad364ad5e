/* config.c — `wageguard config get [KEY]` and `config set KEY VALUE`: the operator's
 * thresholds (SPEC §5 defaults until set) and the notice settings of domain/notice
 * (notice.*, region.<code>.*, project.<CODE>.*). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/deposit.h"
#include "domain/import.h"
#include "domain/notice.h"
#include "domain/warn.h"
#include "store/config.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

static void print_row(const char *key, const char *value, const char *help, bool dflt)
{
	printf("%-26s %-10s %s%s\n", key, value, help, dflt ? " (default)" : "");
}

static int list_stored(void *ctx, const char *key, const char *value)
{
	(void)ctx;
	print_row(key, value, "", false);
	return 0;
}

/* Every notice key: the fixed ones with value or default, then the region and project keys
 * the operator has set. */
static int list_notice(struct store *s)
{
	for (int k = 0; k < notice_config_nkeys; k++) {
		const struct notice_config_key *key = &notice_config_keys[k];
		char value[512];
		int rc = store_config_get(s, key->key, value, sizeof value);
		if (rc && rc != WG_ENOTFOUND)
			return rc;
		print_row(key->key, rc ? key->fallback : value, key->help, rc != 0);
	}
	int rc = store_config_list(s, "region.", list_stored, NULL);
	return rc ? rc : store_config_list(s, "project.", list_stored, NULL);
}

/* The import maxima: every key listed, or the one wanted printed. */
struct import_keys {
	struct store *s;
	const char *want;
	bool found;
};

static int show_import_key(void *ctx, const char *key, const char *fallback, const char *help)
{
	struct import_keys *k = ctx;
	char value[64];
	if (k->want && strcmp(k->want, key) != 0)
		return 0;
	int rc = store_config_get(k->s, key, value, sizeof value);
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	k->found = true;
	if (k->want)
		puts(rc ? fallback : value);
	else
		print_row(key, rc ? fallback : value, help, rc != 0);
	return 0;
}

/* set for a project key: the project must exist (a typo would configure nothing). */
static int check_project(struct store *s, const char *key)
{
	char code[128];
	const char *dot = strrchr(key + 8, '.');
	snprintf(code, sizeof code, "%.*s", (int)(dot - (key + 8)), key + 8);
	int rc = s->ops->ref_exists(s, COL_PROJECT, code);
	if (rc == WG_ENOTFOUND)
		fprintf(stderr, "wageguard config: %s: unknown project '%s'\n", key, code);
	else if (rc)
		fprintf(stderr, "wageguard config: %s\n", s->errmsg);
	return rc;
}

int cmd_config(int argc, char **argv, const struct cli_global *g)
{
	bool get = argc >= 2 && strcmp(argv[1], "get") == 0;
	bool set = argc == 4 && strcmp(argv[1], "set") == 0;
	if ((!get || argc > 3) && !set)
		return cli_usage(argv[0]);
	bool notice = argc >= 3 && notice_config_owns(argv[2]);
	char err[256];
	bool relief = argc >= 3 && case_config_owns(argv[2]);
	bool deposit = argc >= 3 && deposit_config_owns(argv[2]);
	if (set &&
	    (deposit          ? deposit_config_check(argv[2], argv[3], err, sizeof err)
		     : relief ? case_config_check(argv[2], argv[3], err, sizeof err)
		     : notice ? notice_config_check(argv[2], argv[3], err, sizeof err)
		     : import_config_owns(argv[2])
		     ? import_config_check(argv[2], argv[3], err, sizeof err)
		     : warn_config_check(argv[2], argv[3], err, sizeof err))) {
		fprintf(stderr, "wageguard config: %s\n", err);
		return 1;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	if (set) {
		if (strncmp(argv[2], "project.", 8) == 0 && check_project(s, argv[2])) {
			store_close(s);
			return 1;
		}
		rc = store_config_set(s, argv[2], argv[3]);
		if (rc)
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		store_close(s);
		return rc ? 1 : 0;
	}
	if (notice) {
		/* one notice key: the value notices use, inherited where it is not set itself */
		char value[512];
		if (notice_config_check(argv[2], NULL, err, sizeof err)) {
			fprintf(stderr, "wageguard config: %s\n", err);
			store_close(s);
			return 1;
		}
		rc = notice_config_value(s, argv[2], value, sizeof value);
		if (rc == WG_OK)
			puts(value);
		else if (rc == WG_ENOTFOUND)
			fprintf(stderr, "wageguard config: '%s' is not set\n", argv[2]);
		else
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		store_close(s);
		return rc ? 1 : 0;
	}
	if (deposit) {
		/* one deposit or fund key: its own value, else the default */
		char value[192];
		if (deposit_config_check(argv[2], NULL, err, sizeof err)) {
			fprintf(stderr, "wageguard config: %s\n", err);
			store_close(s);
			return 1;
		}
		rc = store_config_get(s, argv[2], value, sizeof value);
		const char *name = strrchr(argv[2], '.') + 1;
		const char *fallback =
			strcmp(name, "cap") == 0 && argv[2][0] == 'f' ? "none" : NULL;
		for (int k = 0; k < deposit_config_nkeys && !fallback; k++)
			if (strcmp(deposit_config_keys[k].name, name) == 0)
				fallback = deposit_config_keys[k].fallback;
		if (rc == WG_OK || rc == WG_ENOTFOUND)
			puts(rc == WG_OK ? value : fallback), rc = 0;
		else
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		store_close(s);
		return rc ? 1 : 0;
	}
	struct import_keys ik = {.s = s, .want = argc == 3 ? argv[2] : NULL};
	bool found = false;
	for (int k = 0; k < warn_config_nkeys && !rc; k++) {
		const struct warn_config_key *key = &warn_config_keys[k];
		if (argc == 3 && strcmp(argv[2], key->key) != 0)
			continue;
		char value[64];
		found = true;
		rc = store_config_get(s, key->key, value, sizeof value);
		bool dflt = rc == WG_ENOTFOUND;
		if (dflt)
			rc = 0;
		if (rc)
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		else if (argc == 3)
			puts(dflt ? key->fallback : value);
		else
			print_row(key->key, dflt ? key->fallback : value, key->help, dflt);
	}
	/* relief's clock (SPEC §11) */
	for (int k = 0; k < case_config_nkeys && !rc; k++) {
		const struct case_config_key *key = &case_config_keys[k];
		if (argc == 3 && strcmp(argv[2], key->key) != 0)
			continue;
		char value[64];
		found = true;
		rc = store_config_get(s, key->key, value, sizeof value);
		bool dflt = rc == WG_ENOTFOUND;
		if (dflt)
			rc = 0;
		if (rc)
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
		else if (argc == 3)
			puts(dflt ? key->fallback : value);
		else
			print_row(key->key, dflt ? key->fallback : value, key->help, dflt);
	}
	if (argc == 3 && strncmp(argv[2], "relief.prefix.", 14) == 0) {
		char value[128];
		found = true;
		rc = store_config_get(s, argv[2], value, sizeof value);
		if (rc == WG_OK)
			puts(value);
		else if (rc == WG_ENOTFOUND)
			fprintf(stderr, "wageguard config: '%s' is not set\n", argv[2]);
		else
			fprintf(stderr, "wageguard config: %s\n", s->errmsg);
	} else if (argc == 2 && !rc) {
		rc = store_config_list(s, "relief.prefix.", list_stored, NULL);
	}
	if (!rc && (rc = import_config_each(show_import_key, &ik)))
		fprintf(stderr, "wageguard config: %s\n", s->errmsg);
	found |= ik.found;
	for (int k = 0; argc == 2 && !rc && k < deposit_config_nkeys; k++) {
		char key[64], value[192];
		snprintf(key, sizeof key, "deposit.%s", deposit_config_keys[k].name);
		rc = store_config_get(s, key, value, sizeof value);
		print_row(key, rc ? deposit_config_keys[k].fallback : value,
			  deposit_config_keys[k].help, rc != 0);
		rc = rc == WG_ENOTFOUND ? 0 : rc;
	}
	if (argc == 2 && !rc)
		rc = store_config_list(s, "deposit.", list_stored, NULL);
	if (argc == 2 && !rc)
		rc = store_config_list(s, "fund.", list_stored, NULL);
	if (argc == 2 && !rc && (rc = list_notice(s)))
		fprintf(stderr, "wageguard config: %s\n", s->errmsg);
	store_close(s);
	if (!found) {
		fprintf(stderr, "wageguard config: unknown key '%s'\n", argv[2]);
		return 1;
	}
	return rc ? 1 : 0;
}
