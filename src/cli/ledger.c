/* ledger.c — `wageguard ledger verify|log|history`: check the chain, list entries, show
 * every version of one record. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/ledger.h"
#include "domain/payslip.h"
#include "domain/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/banned.h"

static void print_head(const struct ledger_entry *e)
{
	char when[32];
	time_t t = (time_t)e->at + 8 * 3600; /* Asia/Shanghai */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	char hex[2 * 8 + 1];
	for (int i = 0; i < 8; i++)
		snprintf(hex + 2 * i, 3, "%02x", e->hash[i]);
	printf("%" PRId64 "\t%s\t%s\t%s\t%s", e->seq, when, ledger_op_name(e->op), e->kind, hex);
}

/* `log`: the entry's head, then each line of its content indented by a tab. */
static int print_entry(void *ctx, const struct ledger_entry *e)
{
	(void)ctx;
	print_head(e);
	putchar('\n');
	for (const char *p = e->content; *p;) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);
		printf("\t%.*s\n", len, p);
		p += len + (nl != NULL);
	}
	return 0;
}

/* `history`: one line per version, the entry's head and the record's line in it. */
static int print_version(void *ctx, const struct ledger_entry *e, const char *line)
{
	(void)ctx;
	print_head(e);
	printf("\t%s\n", line);
	return 0;
}

static int verify(struct store *s)
{
	struct ledger_report rep;
	int rc = ledger_verify(s, &rep);
	if (rc == WG_OK) {
		printf("ledger intact: %" PRId64 " entries, %" PRId64 " records checked\n",
		       rep.entries, rep.records);
		return 0;
	}
	if (rc == WG_ETAMPER) {
		printf("ledger BROKEN: %s\n", rep.first);
		printf("%" PRId64 " problem(s) in %" PRId64 " entries and %" PRId64 " records\n",
		       rep.problems, rep.entries, rep.records);
		return 1;
	}
	fprintf(stderr, "wageguard ledger verify: %s\n", s->errmsg);
	return 1;
}

static int history(struct store *s, const char *kind_name, int nkeys, char **keys)
{
	const struct kind_desc *d = schema_kind_by_name(kind_name);
	if (!d) {
		fprintf(stderr, "wageguard ledger history: unknown kind '%s'\n", kind_name);
		return 2;
	}
	struct rec key = {.kind = d->kind};
	char norm[REC_MAXCOLS][40];
	int k = 0;
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		struct msg msg;
		if (k >= nkeys) {
			fprintf(stderr, "wageguard ledger history: %s needs its %s\n", d->name,
				d->cols[i].name);
			return 2;
		}
		if (record_parse(&d->cols[i], keys[k++], &key.v[i], norm[i], sizeof norm[i],
				 &msg)) {
			fprintf(stderr, "wageguard ledger history: %s %s\n", d->cols[i].name,
				msg_cli(&msg));
			return 2;
		}
	}
	if (k != nkeys) {
		fprintf(stderr, "wageguard ledger history: too many key values for %s\n", d->name);
		return 2;
	}
	int rc = ledger_history(s, &key, print_version, NULL);
	if (rc == WG_ENOTFOUND) {
		fprintf(stderr, "wageguard ledger history: no such %s record\n", d->name);
		return 1;
	}
	if (rc) {
		fprintf(stderr, "wageguard ledger history: %s\n", s->errmsg);
		return 1;
	}
	return 0;
}

static int check(struct store *s, const char *code)
{
	struct receipt_result r;
	int rc = receipt_check(s, code, &r);
	if (rc) {
		fprintf(stderr, "wageguard ledger check: %s\n", s->errmsg);
		return 1;
	}
	if (!r.valid) {
		printf("receipt %s is NOT valid: %s\n", code, r.why);
		return 1;
	}
	char when[32];
	time_t t = (time_t)r.at + 8 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	printf("receipt %s is valid: ledger entry %" PRId64 " line %d, recorded %s\n%s\n", code,
	       r.seq, r.line, when, r.summary);
	return 0;
}

int cmd_ledger(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1];
	const char *kind = NULL;
	long long from = 1, limit = 0;
	if (strcmp(sub, "log") == 0) {
		for (int i = 2; i < argc; i++) {
			if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc)
				kind = argv[++i];
			else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
				from = strtoll(argv[++i], NULL, 10);
			else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
				limit = strtoll(argv[++i], NULL, 10);
			else
				return cli_usage(argv[0]);
		}
		if (kind && !ledger_kind_known(kind)) {
			char known[512];
			struct msg m;
			msg_set(&m, MSG_CLI_LEDGER_UNKNOWN_KIND, "kind", kind, "kinds",
				ledger_kinds_text(known, sizeof known), MSG_END);
			fprintf(stderr, "wageguard ledger log: %s\n", msg_cli(&m));
			return 2;
		}
	} else if (strcmp(sub, "verify") == 0) {
		if (argc != 2)
			return cli_usage(argv[0]);
	} else if (strcmp(sub, "history") == 0) {
		if (argc < 4)
			return cli_usage(argv[0]);
	} else if (strcmp(sub, "check") == 0) {
		if (argc != 3)
			return cli_usage(argv[0]);
	} else {
		return cli_usage(argv[0]);
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc;
	if (strcmp(sub, "verify") == 0) {
		rc = verify(s);
	} else if (strcmp(sub, "history") == 0) {
		rc = history(s, argv[2], argc - 3, argv + 3);
	} else if (strcmp(sub, "check") == 0) {
		rc = check(s, argv[2]);
	} else {
		rc = s->ops->ledger_scan(s, from, kind, limit, print_entry, NULL) ? 1 : 0;
		if (rc)
			fprintf(stderr, "wageguard ledger log: %s\n", s->errmsg);
	}
	store_close(s);
	return rc;
}
