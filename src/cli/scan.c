/* scan.c — `wageguard scan`: evaluates every early-warning rule as of a date, prints the
 * warnings (JSON Lines, or a table for people) and records them with their life cycle. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/credit.h"
#include "domain/supervision.h"
#include "domain/view.h"
#include "domain/warn.h"
#include "store/store.h"
#include "store/warn.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

static void print_table(const struct warn_result *r)
{
	static const char *const colour[3] = {"\033[33m", "\033[38;5;208m", "\033[31m"};
	bool tty = isatty(STDOUT_FILENO);
	printf("%-18s %-6s %-12s %-18s %-18s %-7s %12s %7s %4s\n", "rule", "level", "project",
	       "employer", "worker", "period", "amount", "overdue", "days");
	for (size_t i = 0; i < r->n; i++) {
		const struct warning *w = &r->w[i];
		char amount[MONEY_BUFSZ], period[PERIOD_BUFSZ];
		const char *k[3];
		for (int j = 0; j < 3; j++)
			k[j] = warn_key(r, i, j) ? warn_key(r, i, j) : "-";
		printf("%-18s %s%-6s%s %-12s %-18s %-18s %-7s %12s %7lld %4lld\n",
		       warn_rule_names[w->rule], tty ? colour[w->level] : "",
		       warn_level_names[w->level], tty ? "\033[0m" : "", k[0], k[1], k[2],
		       w->period >= 0 ? period_format((int32_t)w->period, period) : "-",
		       money_format(w->amount, amount), (long long)w->overdue_days,
		       (long long)w->days);
	}
}

int cmd_scan(int argc, char **argv, const struct cli_global *g)
{
	int32_t as_of = date_today();
	bool rebuild = false, table = false, record = true;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (date_parse(argv[++i], &as_of)) {
				fprintf(stderr,
					"wageguard scan: --as-of '%s' is not a date (YYYY-MM-DD)\n",
					argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--rebuild") == 0) {
			rebuild = true;
		} else if (strcmp(argv[i], "--no-record") == 0) {
			record = false;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			const char *f = argv[++i];
			if (strcmp(f, "table") != 0 && strcmp(f, "json") != 0)
				return cli_usage(argv[0]);
			table = strcmp(f, "table") == 0;
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct warn_config cfg;
	struct warn_result r;
	char err[256];
	int rc = warn_config_load(s, &cfg, err, sizeof err);
	if (rc) {
		fprintf(stderr, "wageguard scan: %s\n", rc == WG_EINPUT ? err : s->errmsg);
		store_close(s);
		return 1;
	}
	if ((rc = warn_scan(s, as_of, &cfg, rebuild, &r))) {
		fprintf(stderr, "wageguard scan: %s\n", s->errmsg[0] ? s->errmsg : wg_strerror(rc));
		store_close(s);
		return 1;
	}
	if (table) {
		print_table(&r);
	} else {
		/* the operator holds the database: worker IDs in full, as the contract prints them */
		const struct view_reader full = {.all = true};
		for (size_t i = 0; i < r.n && !rc; i++) {
			json_t *j = view_warning(&r.w[i], warn_key(&r, i, 0), warn_key(&r, i, 1),
						 warn_key(&r, i, 2), &full);
			if (!j)
				rc = WG_ENOMEM;
			else if (json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) ||
				 putchar('\n') == EOF)
				rc = WG_EIO;
			json_decref(j);
		}
	}
	int64_t opened = 0, resolved = 0, red = 0;
	if (!rc && record && (rc = store_warn_record(s, as_of, r.w, r.n, &opened, &resolved, &red)))
		fprintf(stderr, "wageguard scan: recording warnings: %s\n", s->errmsg);
	else if (!rc && record && (rc = credit_sync_scan(s)))
		fprintf(stderr, "wageguard scan: credit files: %s\n", s->errmsg);
	else if (!rc)
		fprintf(stderr, "wageguard scan: %zu warnings as of %s%s", r.n,
			date_format(as_of, err), record ? "" : " (not recorded)\n");
	if (!rc && record)
		fprintf(stderr,
			": %lld new, %lld resolved, %lld turned red (inspection tasks opened)\n",
			(long long)opened, (long long)resolved, (long long)red);
	/* supervision (SPEC §10): a rectification order past its deadline escalates once */
	int escalated = 0, proposed = 0;
	struct msg m;
	if (!rc && record && (rc = sv_escalate(s, as_of, &escalated, &proposed, &m)))
		fprintf(stderr, "wageguard scan: %s\n", msg_cli(&m));
	else if (!rc && escalated) {
		msg_set(&m, MSG_SV_CLI_ESCALATED, MSG_END);
		msg_add_int(&m, "escalated", escalated);
		msg_add_int(&m, "proposed", proposed);
		fprintf(stderr, "wageguard scan: %s\n", msg_cli(&m));
	}
	warn_result_release(&r);
	store_close(s);
	return rc ? 1 : 0;
}
