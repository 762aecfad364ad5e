/* ledger.c — `wageguard ledger verify|checkpoint|log|history|check`: check the chain (against
 * a signed checkpoint, and the derived aggregates with --deep), sign its head, list entries,
 * show every version of one record, check a receipt. */
#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/checkpoint.h"
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

struct verify_opts {
	const char *checkpoint; /* --checkpoint FILE */
	const char *public_key; /* --public-key HEX */
	bool deep;
};

/* The checkpoint of FILE against the ledger: signed by this ledger's key (or --public-key)
 * and still reached. 0, or 1 after saying why. */
static int verify_checkpoint(struct store *s, const struct cli_global *g,
			     const struct verify_opts *o)
{
	char text[4096], err[512], path[4096];
	struct checkpoint c;
	struct checkpoint_key k;
	struct msg m;
	unsigned char pk[32];
	FILE *f = fopen(o->checkpoint, "r");
	size_t len = f ? fread(text, 1, sizeof text - 1, f) : 0;
	if (f)
		fclose(f);
	text[len] = '\0';
	if (!f || checkpoint_parse(text, &c, err, sizeof err)) {
		fprintf(stderr, "wageguard ledger verify: %s: %s\n", o->checkpoint,
			f ? err : strerror(errno));
		return 1;
	}
	if (o->public_key) {
		size_t n;
		if (sodium_hex2bin(pk, sizeof pk, o->public_key, strlen(o->public_key), NULL, &n,
				   NULL) != 0 ||
		    n != sizeof pk) {
			fprintf(stderr, "wageguard ledger verify: %s\n",
				msg_cli(msg_set(&m, MSG_CLI_LEDGER_PUBLIC_KEY, MSG_END)));
			return 1;
		}
	} else {
		checkpoint_key_path(g->db, path, sizeof path);
		int rc = checkpoint_key_load(path, 0, &k, err, sizeof err);
		if (rc) {
			if (rc == WG_ENOTFOUND)
				msg_set(&m, MSG_CLI_LEDGER_NO_KEY, MSG_END);
			else
				msg_set(&m, MSG_CLI_LEDGER_KEY_UNREADABLE, "detail", err, MSG_END);
			fprintf(stderr, "wageguard ledger verify: %s\n", msg_cli(&m));
			return 1;
		}
		memcpy(pk, k.pk, sizeof pk);
		sodium_memzero(&k, sizeof k);
	}
	int rc = checkpoint_verify(s, &c, pk, err, sizeof err);
	if (rc == WG_OK) {
		msg_set(&m, MSG_CLI_LEDGER_CHECKPOINT_OK, MSG_END);
		msg_add_int(&m, "seq", (long long)c.seq);
		printf("%s\n", msg_cli(&m));
		return 0;
	}
	if (rc == WG_ETAMPER)
		printf("%s\n",
		       msg_cli(msg_set(&m, MSG_CLI_LEDGER_CHECKPOINT_BROKEN, "detail", err,
				       MSG_END)));
	else
		fprintf(stderr, "wageguard ledger verify: %s\n", s->errmsg);
	return 1;
}

static int verify(struct store *s, const struct cli_global *g, const struct verify_opts *o)
{
	struct ledger_report rep;
	struct msg m;
	int rc = ledger_verify(s, &rep);
	if (rc == WG_OK && o->deep)
		rc = ledger_verify_deep(s, &rep);
	if (rc == WG_OK) {
		msg_set(&m, MSG_CLI_LEDGER_INTACT, MSG_END);
		msg_add_int(&m, "entries", (long long)rep.entries);
		msg_add_int(&m, "records", (long long)rep.records);
		msg_add_int(&m, "answers", (long long)rep.answers);
		printf("%s\n", msg_cli(&m));
		if (o->deep) {
			msg_set(&m, MSG_CLI_LEDGER_AGGREGATES_OK, MSG_END);
			msg_add_int(&m, "months", (long long)rep.aggregates);
			printf("%s\n", msg_cli(&m));
		}
		return o->checkpoint ? verify_checkpoint(s, g, o) : 0;
	}
	if (rc == WG_ETAMPER) {
		printf("%s\n",
		       msg_cli(msg_set(&m, MSG_CLI_LEDGER_BROKEN, "detail", rep.first, MSG_END)));
		msg_set(&m, MSG_CLI_LEDGER_PROBLEMS, MSG_END);
		msg_add_int(&m, "problems", (long long)rep.problems);
		msg_add_int(&m, "entries", (long long)rep.entries);
		msg_add_int(&m, "records", (long long)rep.records);
		printf("%s\n", msg_cli(&m));
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
		printf("receipt %s is NOT valid: %s\n", code, msg_cli(&r.why));
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

/* `checkpoint`: the head signed with this ledger's key (made on first use). */
static int checkpoint(struct store *s, const struct cli_global *g, const char *dest)
{
	char path[4096], err[512];
	struct checkpoint_key k;
	struct checkpoint c;
	checkpoint_key_path(g->db, path, sizeof path);
	int rc = checkpoint_key_load(path, 1, &k, err, sizeof err);
	if (rc) {
		fprintf(stderr, "wageguard ledger checkpoint: %s\n", err);
		return 1;
	}
	rc = checkpoint_make(s, &k, &c);
	sodium_memzero(&k, sizeof k);
	if (rc) {
		fprintf(stderr, "wageguard ledger checkpoint: %s\n", s->errmsg);
		return 1;
	}
	char *text = checkpoint_json(&c);
	struct cli_out o;
	if (!text || cli_out_open(&o, dest, false, "wageguard ledger checkpoint")) {
		free(text);
		return 1;
	}
	FILE *f = fopen(o.path, "w");
	bool ok = f && fprintf(f, "%s\n", text) > 0;
	if (f && fclose(f) != 0)
		ok = false;
	free(text);
	struct msg m;
	if (!ok) {
		fprintf(stderr, "wageguard ledger checkpoint: %s\n",
			msg_cli(msg_set(&m, MSG_CLI_CANNOT_WRITE, "file", o.path, MSG_END)));
		cli_out_abort(&o);
		return 1;
	}
	if (cli_out_commit(&o, "wageguard ledger checkpoint"))
		return 1;
	msg_set(&m, MSG_CLI_LEDGER_SIGNED, "key", path, MSG_END);
	msg_add_int(&m, "seq", (long long)c.seq);
	fprintf(stderr, "wageguard ledger checkpoint: %s\n", msg_cli(&m));
	return 0;
}

int cmd_ledger(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1];
	const char *kind = NULL, *out = NULL;
	long long from = 1, limit = 0;
	struct verify_opts vo = {0};
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
		for (int i = 2; i < argc; i++) {
			if (strcmp(argv[i], "--checkpoint") == 0 && i + 1 < argc)
				vo.checkpoint = argv[++i];
			else if (strcmp(argv[i], "--public-key") == 0 && i + 1 < argc)
				vo.public_key = argv[++i];
			else if (strcmp(argv[i], "--deep") == 0)
				vo.deep = true;
			else
				return cli_usage(argv[0]);
		}
	} else if (strcmp(sub, "checkpoint") == 0) {
		for (int i = 2; i < argc; i++) {
			if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
				out = argv[++i];
			else
				return cli_usage(argv[0]);
		}
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
		rc = verify(s, g, &vo);
	} else if (strcmp(sub, "checkpoint") == 0) {
		rc = checkpoint(s, g, out);
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
