/* credit.c — `wageguard credit` (credit files, grades, classified supervision) and
 * `wageguard list` (the dishonest-employer list of Order 45): parse, call domain/credit,
 * print a table for people or one JSON object with --json. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/credit.h"
#include "domain/links.h"
#include "render/doc.h"
#include "store/config.h"
#include "store/credit.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

/* Prints j compactly on a line of its own and frees it. 0, or 1 when it cannot. */
static int put_json(json_t *j)
{
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text)
		return 1;
	puts(text);
	free(text);
	return 0;
}

static json_t *jdate(int64_t day)
{
	char d[DATE_BUFSZ];
	return day >= 0 ? json_string(date_format((int32_t)day, d)) : json_null();
}

static json_t *jtext(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* Parses a date option's value; prints why and returns 2 when it is not one. */
static int opt_date(const char *cmd, const char *opt, const char *v, int32_t *day)
{
	if (date_parse(v, day) == 0)
		return 0;
	fprintf(stderr, "wageguard %s: %s '%s' is not a date (YYYY-MM-DD)\n", cmd, opt, v);
	return 2;
}

static int fail(const char *cmd, struct store *s, int rc, const struct msg *m)
{
	if (m && m->id != MSG_NONE)
		fprintf(stderr, "wageguard %s: %s\n", cmd, msg_cli(m));
	else
		fprintf(stderr, "wageguard %s: %s\n", cmd,
			s && s->errmsg[0] ? s->errmsg : wg_strerror(rc));
	return 1;
}

/* Opens the store and loads the credit configuration; NULL after printing why. */
static struct store *open_with_config(const struct cli_global *g, const char *cmd,
				      struct credit_config *c)
{
	struct store *s = cli_open_store(g);
	struct msg m = {0};
	if (!s)
		return NULL;
	int rc = credit_config_load(s, c, &m);
	if (rc) {
		fail(cmd, s, rc, &m);
		store_close(s);
		return NULL;
	}
	return s;
}

/* ---- credit show ---- */

static int credit_show(int argc, char **argv, const struct cli_global *g)
{
	const char *uscc = NULL;
	int32_t day = date_today();
	bool as_json = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (opt_date("credit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
		} else if (argv[i][0] != '-' && !uscc) {
			uscc = argv[i];
		} else {
			return cli_usage("credit");
		}
	}
	if (!uscc)
		return cli_usage("credit");
	if (uscc_validate(uscc) != 0) {
		struct msg m;
		msg_set(&m, MSG_CREDIT_USCC_BAD, "uscc", uscc, MSG_END);
		return fail("credit", NULL, WG_EINPUT, &m);
	}
	struct credit_config c;
	struct store *s = open_with_config(g, "credit", &c);
	if (!s)
		return 1;
	struct credit_view v;
	int rc = credit_view(s, &c, uscc, day, true, &v);
	if (rc) {
		fail("credit", s, rc, NULL);
		store_close(s);
		return 1;
	}
	char d[DATE_BUFSZ], grade[2] = {v.grade, 0};
	if (as_json) {
		json_t *ev = json_array();
		for (size_t i = 0; i < v.n; i++) {
			const struct credit_line *l = &v.lines[i];
			json_array_append_new(ev,
					      json_pack("{s:s, s:I, s:s, s:s}", "date",
							date_format(l->on, d), "delta",
							(json_int_t)l->delta, "kind", l->kind,
							"source", l->source));
		}
		rc = put_json(json_pack("{s:s, s:I, s:s, s:b, s:o}", "uscc", uscc, "score",
					(json_int_t)v.score, "grade", grade, "listed", v.listed,
					"events", ev));
	} else {
		printf("%s  score %lld  grade %s  %s", uscc, (long long)v.score, grade,
		       v.listed ? "listed since " : "not listed");
		if (v.listed)
			printf("%s", date_format(v.listed_since, d));
		printf("  (as of %s)\n", date_format(day, d));
		printf("%-10s %6s %6s  %-20s %s\n", "date", "delta", "score", "kind", "source");
		for (size_t i = 0; i < v.n; i++) {
			const struct credit_line *l = &v.lines[i];
			printf("%-10s %+6lld %6lld  %-20s %s\n", date_format(l->on, d),
			       (long long)l->delta, (long long)l->score, l->kind, l->source);
		}
	}
	credit_view_release(&v);
	store_close(s);
	return rc;
}

/* ---- credit grades, credit due ---- */

struct rows_out {
	bool as_json, due;
	json_t *list;
	int64_t counts[4];
};

static int print_row(void *ctx, const struct credit_row *r)
{
	struct rows_out *o = ctx;
	char grade[2] = {r->grade, 0}, d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	o->counts[r->grade - 'A']++;
	if (o->as_json) {
		json_t *j = json_pack("{s:s, s:o, s:I, s:I, s:s, s:b}", "uscc", r->uscc, "name",
				      jtext(r->name), "region", (json_int_t)r->region, "score",
				      (json_int_t)r->score, "grade", grade, "listed", r->listed);
		if (o->due) {
			json_object_set_new(j, "interval_months", json_integer(r->interval));
			json_object_set_new(j, "last_inspection", jdate(r->last));
			json_object_set_new(j, "due_on", jdate(r->due_on));
		}
		return json_array_append_new(o->list, j) ? WG_ENOMEM : 0;
	}
	printf("%-18s %-4s %5lld %-3s", r->uscc, grade, (long long)r->score,
	       r->listed ? "yes" : "no");
	if (o->due)
		printf(" %4lldm %-10s %-10s", (long long)r->interval,
		       r->last >= 0 ? date_format((int32_t)r->last, d1) : "never",
		       r->due_on >= 0 ? date_format((int32_t)r->due_on, d2) : "now");
	printf(" %s\n", r->name ? r->name : "");
	return 0;
}

static int credit_rows(int argc, char **argv, const struct cli_global *g, bool due)
{
	int32_t day = date_today();
	const char *region = NULL;
	bool all = false;
	struct rows_out o = {.due = due};
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (opt_date("credit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--region") == 0 && i + 1 < argc) {
			region = argv[++i];
		} else if (strcmp(argv[i], "--json") == 0) {
			o.as_json = true;
		} else if (due && strcmp(argv[i], "--all") == 0) {
			all = true;
		} else {
			return cli_usage("credit");
		}
	}
	struct credit_config c;
	struct store *s = open_with_config(g, "credit", &c);
	if (!s)
		return 1;
	char d[DATE_BUFSZ];
	o.list = json_array();
	if (!o.as_json) {
		printf("%-18s %-4s %5s %-3s", "uscc", "grade", "score", "listed");
		if (due)
			printf(" %5s %-10s %-10s", "every", "last", "due");
		printf(" %s\n", "name");
	}
	int rc = due ? credit_due(s, &c, day, region, all, print_row, &o)
		     : credit_grades(s, &c, day, region, print_row, &o);
	if (rc) {
		json_decref(o.list);
		fail("credit", s, rc, NULL);
		store_close(s);
		return 1;
	}
	if (o.as_json) {
		json_t *j = json_pack("{s:s}", "as_of", date_format(day, d));
		if (due) {
			json_object_set_new(j, "due", o.list);
		} else {
			json_object_set_new(
				j, "counts",
				json_pack("{s:I, s:I, s:I, s:I}", "A", (json_int_t)o.counts[0], "B",
					  (json_int_t)o.counts[1], "C", (json_int_t)o.counts[2],
					  "D", (json_int_t)o.counts[3]));
			json_object_set_new(j, "enterprises", o.list);
		}
		rc = put_json(j);
	} else {
		json_decref(o.list);
		if (!due)
			printf("A %lld  B %lld  C %lld  D %lld\n", (long long)o.counts[0],
			       (long long)o.counts[1], (long long)o.counts[2],
			       (long long)o.counts[3]);
	}
	store_close(s);
	return rc;
}

/* ---- credit sync, rebuild, config, emit ---- */

static int credit_sync_cmd(const struct cli_global *g)
{
	struct credit_config c;
	struct store *s = open_with_config(g, "credit", &c);
	if (!s)
		return 1;
	int64_t added = 0;
	int rc = credit_sync(s, &c, &added);
	if (rc)
		fail("credit", s, rc, NULL);
	else
		fprintf(stderr, "wageguard credit: %lld red-month events added\n",
			(long long)added);
	store_close(s);
	return rc ? 1 : 0;
}

static int report_diff(void *ctx, const struct credit_file *r, const struct credit_file *m)
{
	(void)ctx;
	if (m)
		printf("%s: rebuilt score %lld (%lld events), maintained %lld (%lld events)\n",
		       r->uscc, (long long)r->score, (long long)r->events, (long long)m->score,
		       (long long)m->events);
	else
		printf("%s: rebuilt score %lld (%lld events), no maintained file\n", r->uscc,
		       (long long)r->score, (long long)r->events);
	return 0;
}

struct diff_count {
	int64_t n;
};

static int count_diff(void *ctx, const struct credit_file *r, const struct credit_file *m)
{
	((struct diff_count *)ctx)->n++;
	return report_diff(NULL, r, m);
}

static int credit_rebuild_cmd(int argc, char **argv, const struct cli_global *g)
{
	bool check = argc == 3 && strcmp(argv[2], "--check") == 0;
	if (argc > 3 || (argc == 3 && !check))
		return cli_usage("credit");
	struct credit_config c;
	struct store *s = open_with_config(g, "credit", &c);
	if (!s)
		return 1;
	struct diff_count dc = {0};
	int64_t checked = 0;
	int rc = credit_rebuild(s, &c, !check, count_diff, &dc, &checked);
	if (rc) {
		fail("credit", s, rc, NULL);
		store_close(s);
		return 1;
	}
	fprintf(stderr, "wageguard credit: %lld files rebuilt from their events, %lld %s\n",
		(long long)checked, (long long)dc.n,
		check ? "differ from the maintained files" : "corrected");
	store_close(s);
	return check && dc.n ? 1 : 0;
}

static int credit_config_cmd(int argc, char **argv, const struct cli_global *g)
{
	struct msg m = {0};
	if (argc > 4)
		return cli_usage("credit");
	if (argc == 4 && credit_config_check(argv[2], argv[3], &m))
		return fail("credit", NULL, WG_EINPUT, &m);
	if (argc == 3 && credit_config_check(argv[2], "1", &m) && m.id == MSG_CREDIT_CONFIG_UNKNOWN)
		return fail("credit", NULL, WG_EINPUT, &m);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	if (argc == 4) {
		if ((rc = store_config_set(s, argv[2], argv[3])))
			fail("credit", s, rc, NULL);
		store_close(s);
		return rc ? 1 : 0;
	}
	for (int k = 0; k < credit_config_nkeys && !rc; k++) {
		const struct credit_config_key *key = &credit_config_keys[k];
		char value[64];
		if (argc == 3 && strcmp(argv[2], key->key) != 0)
			continue;
		rc = store_config_get(s, key->key, value, sizeof value);
		bool dflt = rc == WG_ENOTFOUND;
		if (dflt)
			rc = 0;
		if (rc)
			fail("credit", s, rc, NULL);
		else if (argc == 3)
			puts(dflt ? key->fallback : value);
		else
			printf("%-30s %-6s %s%s\n", key->key, dflt ? key->fallback : value,
			       key->help, dflt ? " (default)" : "");
	}
	store_close(s);
	return rc ? 1 : 0;
}

/* `credit emit KIND USCC --ref R [--on D] [--region N] [--amount Y] [--project P]
 * [--reason T]`: hands an event to every system as its emitter would (links_emit in a
 * transaction). For tests and for replaying another system's events; refused unless
 * WAGEGUARD_TEST_LINKS=1. */
static int credit_emit(int argc, char **argv, const struct cli_global *g)
{
	static const struct {
		const char *name;
		enum link_kind kind;
	} kinds[] = {
		{"case.substantiated", LINK_CASE_SUBSTANTIATED},
		{"order.ignored", LINK_ORDER_IGNORED},
		{"case.closed", LINK_CASE_CLOSED},
		{"list.propose", LINK_LIST_PROPOSE},
		{"deposit.activated", LINK_DEPOSIT_ACTIVATED},
		{"rectify.overdue", LINK_RECTIFY_OVERDUE},
	};
	const char *env = getenv("WAGEGUARD_TEST_LINKS");
	if (!env || strcmp(env, "1") != 0) {
		fputs("wageguard credit: emit is for tests (WAGEGUARD_TEST_LINKS=1)\n", stderr);
		return 2;
	}
	if (argc < 4)
		return cli_usage("credit");
	struct link_event e = {.uscc = argv[3], .on = date_today()};
	bool known = false;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(kinds[k].name, argv[2]) == 0)
			e.kind = kinds[k].kind, known = true;
	if (!known)
		return cli_usage("credit");
	for (int i = 4; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			return cli_usage("credit");
		if (strcmp(argv[i], "--on") == 0) {
			if (opt_date("credit", "--on", v, &e.on))
				return 2;
		} else if (strcmp(argv[i], "--ref") == 0) {
			e.ref = v;
		} else if (strcmp(argv[i], "--region") == 0) {
			e.region = strtoll(v, NULL, 10);
		} else if (strcmp(argv[i], "--amount") == 0) {
			if (money_parse(v, &e.amount))
				return cli_usage("credit");
		} else if (strcmp(argv[i], "--project") == 0) {
			e.project = v;
		} else if (strcmp(argv[i], "--reason") == 0) {
			e.reason = v;
		} else if (strcmp(argv[i], "--actor") == 0) {
			e.actor = v;
		} else {
			return cli_usage("credit");
		}
		i++;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct msg m = {0};
	int rc = s->ops->begin(s);
	if (!rc && (rc = links_emit(s, &e, &m)))
		s->ops->rollback(s);
	else if (!rc)
		rc = s->ops->commit(s);
	if (rc)
		fail("credit", s, rc, &m);
	store_close(s);
	return rc ? 1 : 0;
}

/* `credit report USCC [--as-of D] [--format html|pdf] [-o FILE]`: the credit report. */
static int credit_report_cmd(int argc, char **argv, const struct cli_global *g)
{
	const char *uscc = NULL, *fmt = NULL, *dest = NULL, *me = "wageguard credit";
	int32_t day = date_today();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (opt_date("credit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			fmt = argv[++i];
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			dest = argv[++i];
		} else if (argv[i][0] != '-' && !uscc) {
			uscc = argv[i];
		} else {
			return cli_usage("credit");
		}
	}
	if (!uscc)
		return cli_usage("credit");
	if (!fmt && dest) {
		size_t n = strlen(dest);
		fmt = n > 4 && strcmp(dest + n - 4, ".pdf") == 0 ? "pdf" : "html";
	}
	if (!fmt)
		fmt = "html";
	if (strcmp(fmt, "html") != 0 && strcmp(fmt, "pdf") != 0)
		return cli_usage("credit");
	if (uscc_validate(uscc) != 0) {
		struct msg m;
		msg_set(&m, MSG_CREDIT_USCC_BAD, "uscc", uscc, MSG_END);
		return fail("credit", NULL, WG_EINPUT, &m);
	}
	struct credit_config c;
	struct store *s = open_with_config(g, "credit", &c);
	if (!s)
		return 1;
	struct doc d = DOC_INIT;
	int rc = credit_report(s, &c, uscc, day, &d);
	if (rc) {
		fail("credit", s, rc, NULL);
		doc_release(&d);
		store_close(s);
		return 1;
	}
	store_close(s);
	bool pdf = strcmp(fmt, "pdf") == 0;
	struct cli_out o;
	if (cli_out_open(&o, dest, pdf, me)) {
		doc_release(&d);
		return 1;
	}
	FILE *f = fopen(o.path, "wb");
	char err[256] = "cannot open the output file";
	rc = f ? WG_OK : WG_EIO;
	if (f && pdf) {
		rc = render_pdf(&d, f, err, sizeof err);
	} else if (f) {
		struct dbuf b = DBUF_INIT;
		b.max = 64u << 20;
		if ((rc = render_html(&d, &b)))
			snprintf(err, sizeof err, "out of memory");
		else if (fwrite(b.p, 1, b.len, f) != b.len)
			rc = WG_EIO, snprintf(err, sizeof err, "write failed");
		dbuf_release(&b);
	}
	if (f && fclose(f) != 0 && !rc)
		rc = WG_EIO, snprintf(err, sizeof err, "write failed");
	doc_release(&d);
	if (rc) {
		fprintf(stderr, "%s: %s\n", me, err);
		cli_out_abort(&o);
		return 1;
	}
	return cli_out_commit(&o, me);
}

int cmd_credit(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1];
	if (strcmp(sub, "show") == 0)
		return credit_show(argc, argv, g);
	if (strcmp(sub, "grades") == 0)
		return credit_rows(argc, argv, g, false);
	if (strcmp(sub, "due") == 0)
		return credit_rows(argc, argv, g, true);
	if (strcmp(sub, "sync") == 0 && argc == 2)
		return credit_sync_cmd(g);
	if (strcmp(sub, "rebuild") == 0)
		return credit_rebuild_cmd(argc, argv, g);
	if (strcmp(sub, "config") == 0)
		return credit_config_cmd(argc, argv, g);
	if (strcmp(sub, "report") == 0)
		return credit_report_cmd(argc, argv, g);
	if (strcmp(sub, "emit") == 0)
		return credit_emit(argc, argv, g);
	if (strcmp(sub, "list") == 0)
		return cmd_list(argc - 1, argv + 1, g);
	return cli_usage(argv[0]);
}

/* ---- list ---- */

static json_t *listing_json(const struct credit_listing *l, const char *name, int32_t day)
{
	char amount[MONEY_BUFSZ];
	json_t *resp = json_array();
	if (l->responsible && *l->responsible) {
		/* names are kept ';'-separated */
		const char *p = l->responsible;
		while (*p) {
			const char *q = strchr(p, ';');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			if (n)
				json_array_append_new(resp, json_stringn(p, n));
			p += n + (q != NULL);
		}
	}
	return json_pack("{s:I, s:s, s:o, s:I, s:s, s:s, s:s, s:s, s:o, s:s, s:I, s:s, s:o, s:o,"
			 " s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "id", (json_int_t)l->id, "uscc", l->uscc, "name", jtext(name), "region",
			 (json_int_t)l->region, "state", credit_list_state(l, day), "status",
			 l->status, "grounds", l->grounds, "legal_rep", l->legal_rep, "responsible",
			 resp, "amount", money_format(l->amount, amount), "workers",
			 (json_int_t)l->workers, "reason", l->reason, "deadline",
			 jdate(l->deadline), "proposed_on", jdate(l->proposed_on), "notified_on",
			 jdate(l->notified_on), "statement_due", jdate(l->statement_due),
			 "statement_on", jdate(l->statement_on), "decided_on", jdate(l->decided_on),
			 "listed_on", jdate(l->listed_on), "expires_on", jdate(l->expires_on),
			 "removed_on", jdate(l->removed_on), "removal", jtext(l->removal),
			 "paid_on", jdate(l->paid_on), "source", jtext(l->source));
}

struct show_ctx {
	struct store *s;
	int32_t day;
	bool as_json, public_only;
	json_t *list;
};

static int show_one(void *ctx, const struct credit_listing *l)
{
	struct show_ctx *sc = ctx;
	const char *state = credit_list_state(l, sc->day);
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	if (sc->public_only && strcmp(state, "listed") != 0)
		return 0;
	if (sc->as_json)
		return json_array_append_new(sc->list, listing_json(l, NULL, sc->day)) ? WG_ENOMEM
										       : 0;
	printf("%-5lld %-18s %-9s %-18s %-10s %-10s %s\n", (long long)l->id, l->uscc, state,
	       l->grounds, l->listed_on >= 0 ? date_format((int32_t)l->listed_on, d1) : "-",
	       l->expires_on >= 0 ? date_format((int32_t)l->expires_on, d2) : "-", l->legal_rep);
	return 0;
}

/* The names of the enterprises in a JSON list of listings, added afterwards: the
 * listings' statement cannot be interrupted by another read on every store. */
static int add_names(struct store *s, json_t *list)
{
	size_t i;
	json_t *j;
	json_array_foreach(list, i, j)
	{
		struct credit_enterprise e;
		int rc = store_credit_enterprise(s, json_string_value(json_object_get(j, "uscc")),
						 &e);
		if (rc == WG_OK)
			json_object_set_new(j, "name", json_string(e.name));
		else if (rc != WG_ENOTFOUND)
			return rc;
	}
	return WG_OK;
}

static int list_show(int argc, char **argv, const struct cli_global *g)
{
	struct show_ctx sc = {.day = date_today(), .public_only = true};
	const char *uscc = NULL;
	int64_t id = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (opt_date("list", "--as-of", argv[++i], &sc.day))
				return 2;
		} else if (strcmp(argv[i], "--json") == 0) {
			sc.as_json = true;
		} else if (strcmp(argv[i], "--all") == 0) {
			sc.public_only = false;
		} else if (strcmp(argv[i], "--id") == 0 && i + 1 < argc) {
			id = strtoll(argv[++i], NULL, 10);
			sc.public_only = false;
		} else if (argv[i][0] != '-' && !uscc) {
			uscc = argv[i];
			sc.public_only = false;
		} else {
			return cli_usage("list");
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	sc.s = s;
	sc.list = json_array();
	char d[DATE_BUFSZ];
	int rc;
	if (!sc.as_json)
		printf("%-5s %-18s %-9s %-18s %-10s %-10s %s\n", "id", "uscc", "state", "grounds",
		       "listed", "expires", "legal_rep");
	if (id) {
		struct credit_listing l;
		struct msg m = {0};
		rc = store_credit_listing_get(s, id, &l);
		if (rc == WG_ENOTFOUND) {
			msg_set(&m, MSG_CREDIT_LIST_NOT_FOUND, MSG_END);
			msg_add_int(&m, "id", (long long)id);
			json_decref(sc.list);
			fail("list", s, rc, &m);
			store_close(s);
			return 1;
		}
		if (!rc)
			rc = show_one(&sc, &l);
	} else {
		rc = store_credit_listings(s, uscc, NULL, show_one, &sc);
	}
	if (!rc && sc.as_json)
		rc = add_names(s, sc.list);
	if (rc) {
		json_decref(sc.list);
		fail("list", s, rc, NULL);
		store_close(s);
		return 1;
	}
	if (sc.as_json) {
		json_t *j = json_pack("{s:s, s:o}", "as_of", date_format(sc.day, d), "listings",
				      sc.list);
		rc = put_json(j);
	} else {
		json_decref(sc.list);
	}
	store_close(s);
	return rc;
}

static int64_t parse_id(const char *v)
{
	char *end;
	long long id = strtoll(v, &end, 10);
	return *v && !*end && id > 0 ? id : 0;
}

int cmd_list(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage("list");
	const char *sub = argv[1];
	if (strcmp(sub, "show") == 0)
		return list_show(argc, argv, g);
	struct credit_proposal p = {.on = date_today(), .deadline = -1, .actor = "cli"};
	int32_t on = date_today(), paid_on = -1;
	const char *text = NULL, *note = NULL;
	bool list = false, reject = false, revoke = false, as_json = false;
	char responsible[1024] = "";
	int64_t id = 0;
	int first = 2;
	bool propose = strcmp(sub, "propose") == 0;
	if (argc < 3)
		return cli_usage("list");
	if (propose)
		p.uscc = argv[2];
	else if (!(id = parse_id(argv[2])))
		return cli_usage("list");
	for (int i = first + 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(o, "--json") == 0) {
			as_json = true;
			continue;
		}
		if (strcmp(o, "--list") == 0 || strcmp(o, "--reject") == 0 ||
		    strcmp(o, "--revoke") == 0) {
			list |= o[2] == 'l';
			reject |= strcmp(o, "--reject") == 0;
			revoke |= strcmp(o, "--revoke") == 0;
			continue;
		}
		if (!v)
			return cli_usage("list");
		i++;
		if (strcmp(o, "--on") == 0) {
			if (opt_date("list", o, v, &on))
				return 2;
			p.on = on;
		} else if (strcmp(o, "--deadline") == 0) {
			if (opt_date("list", o, v, &p.deadline))
				return 2;
		} else if (strcmp(o, "--paid-on") == 0) {
			if (opt_date("list", o, v, &paid_on))
				return 2;
		} else if (strcmp(o, "--grounds") == 0) {
			p.grounds = v;
		} else if (strcmp(o, "--amount") == 0) {
			if (money_parse(v, &p.amount))
				return cli_usage("list");
		} else if (strcmp(o, "--workers") == 0) {
			p.workers = strtoll(v, NULL, 10);
		} else if (strcmp(o, "--reason") == 0) {
			p.reason = v, text = v;
		} else if (strcmp(o, "--legal-rep") == 0) {
			p.legal_rep = v;
		} else if (strcmp(o, "--responsible") == 0) {
			size_t n = strlen(responsible);
			snprintf(responsible + n, sizeof responsible - n, "%s%s", n ? ";" : "", v);
		} else if (strcmp(o, "--source") == 0) {
			p.source = v;
		} else if (strcmp(o, "--text") == 0 || strcmp(o, "--commitment") == 0) {
			text = v;
		} else if (strcmp(o, "--note") == 0) {
			note = v;
		} else {
			return cli_usage("list");
		}
	}
	p.responsible = responsible;
	struct credit_config c;
	struct store *s = open_with_config(g, "list", &c);
	if (!s)
		return 1;
	struct msg m = {0};
	int rc;
	char d[DATE_BUFSZ];
	if (propose) {
		if (p.deadline < 0) {
			store_close(s);
			return cli_usage("list");
		}
		if (!(rc = credit_list_propose(s, &c, &p, &id, &m))) {
			if (as_json)
				put_json(json_pack("{s:I, s:s}", "id", (json_int_t)id, "status",
						   "proposed"));
			else
				printf("proposal %lld opened\n", (long long)id);
		}
	} else if (strcmp(sub, "notify") == 0) {
		int32_t due;
		if (!(rc = credit_list_notify(s, &c, id, on, "cli", &due, &m))) {
			if (as_json)
				put_json(json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id,
						   "status", "notified", "statement_due",
						   date_format(due, d)));
			else
				printf("notice served; the enterprise may state its case until "
				       "%s\n",
				       date_format(due, d));
		}
	} else if (strcmp(sub, "statement") == 0) {
		rc = credit_list_statement(s, id, on, text, &m);
	} else if (strcmp(sub, "decide") == 0) {
		if (list == reject) {
			store_close(s);
			return cli_usage("list");
		}
		rc = credit_list_decide(s, &c, id, on, list, note ? note : text, "cli", &m);
	} else if (strcmp(sub, "remove") == 0) {
		rc = credit_list_remove(s, &c, id, on, paid_on, text, revoke, "cli", &m);
	} else {
		store_close(s);
		return cli_usage("list");
	}
	if (rc)
		fail("list", s, rc, &m);
	store_close(s);
	return rc ? 1 : 0;
}
