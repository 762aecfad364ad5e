/* warnings.c — `wageguard warnings`: the stored warnings with their life cycle. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/view.h"
#include "domain/warn.h"
#include "store/store.h"
#include "store/warn.h"
#include "util/date.h"
#include "util/money.h"
#include "util/banned.h"

static int print_row(void *ctx, const struct warning_view *v)
{
	bool *as_json = ctx;
	char amount[MONEY_BUFSZ], period[PERIOD_BUFSZ], first[DATE_BUFSZ], last[DATE_BUFSZ],
		resolved[DATE_BUFSZ];
	const struct warning *w = &v->w;
	const char *per = w->period >= 0 ? period_format((int32_t)w->period, period) : NULL;
	money_format(w->amount, amount);
	date_format((int32_t)v->first_seen, first);
	date_format((int32_t)v->last_seen, last);
	const char *res =
		v->resolved_on >= 0 ? date_format((int32_t)v->resolved_on, resolved) : NULL;
	if (*as_json) {
		/* the operator holds the database: worker IDs in full */
		const struct view_reader full = {.all = true};
		json_t *j = view_warning_stored(v, &full);
		char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
		json_decref(j);
		if (!text)
			return -1;
		puts(text);
		free(text);
		return 0;
	}
	printf("%-18s %-6s %-12s %-18s %-18s %-7s %12s %5lld %-10s %-10s %s\n",
	       warn_rule_names[w->rule], warn_level_names[w->level], v->project ? v->project : "-",
	       v->employer ? v->employer : "-", v->worker ? v->worker : "-", per ? per : "-",
	       amount, (long long)(w->overdue_days ? w->overdue_days : w->days), first, last,
	       res ? res : "open");
	return 0;
}

int cmd_warnings(int argc, char **argv, const struct cli_global *g)
{
	struct warning_filter f = {.level = -1, .rule = -1};
	bool as_json = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--open") == 0) {
			f.open_only = 1;
		} else if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
		} else if (strcmp(argv[i], "--project") == 0 && i + 1 < argc) {
			f.project = argv[++i];
		} else if (strcmp(argv[i], "--level") == 0 && i + 1 < argc) {
			if ((f.level = warn_level_by_name(argv[++i])) < 0)
				return cli_usage(argv[0]);
		} else if (strcmp(argv[i], "--rule") == 0 && i + 1 < argc) {
			if ((f.rule = warn_rule_by_name(argv[++i])) < 0)
				return cli_usage(argv[0]);
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	if (!as_json)
		printf("%-18s %-6s %-12s %-18s %-18s %-7s %12s %5s %-10s %-10s %s\n", "rule",
		       "level", "project", "employer", "worker", "period", "amount", "days",
		       "first_seen", "last_seen", "resolved");
	int rc = store_warn_list(s, &f, print_row, &as_json);
	if (rc)
		fprintf(stderr, "wageguard warnings: %s\n", s->errmsg);
	store_close(s);
	return rc ? 1 : 0;
}
