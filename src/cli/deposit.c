/* deposit.c — `wageguard deposit quote|lodge|list|activate|replenish|return` (SPEC §7) and
 * `wageguard project event|events|state` (the life cycle deposits depend on). They parse,
 * call domain/deposit, print; --json prints one JSON object. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/deposit.h"
#include "domain/links.h"
#include "render/doc.h"
#include "store/project.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/msg.h"
#include "util/banned.h"

static int print_json(json_t *j)
{
	char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!text)
		return 1;
	puts(text);
	free(text);
	return 0;
}

static int fail_msg(const char *cmd, const struct msg *m)
{
	fprintf(stderr, "wageguard %s: %s\n", cmd, msg_cli(m));
	return 1;
}

/* Parses --as-of and similar date options; prints and returns 2 when bad. */
static int parse_date(const char *cmd, const char *opt, const char *v, int32_t *day)
{
	if (date_parse(v, day)) {
		fprintf(stderr, "wageguard %s: %s '%s' is not a date (YYYY-MM-DD)\n", cmd, opt, v);
		return 2;
	}
	return 0;
}

static int parse_money(const char *cmd, const char *what, const char *v, int64_t *fen)
{
	int rc = money_parse(v, fen);
	if (rc) {
		fprintf(stderr, "wageguard %s: %s '%s': %s\n", cmd, what, v, money_strerror(rc));
		return 2;
	}
	return 0;
}

/* ---- deposit quote ---- */

static int quote(struct store *s, int argc, char **argv)
{
	const char *project = NULL;
	int32_t day = date_today();
	bool json = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (parse_date("deposit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (argv[i][0] != '-' && !project) {
			project = argv[i];
		} else {
			return cli_usage("deposit");
		}
	}
	if (!project)
		return cli_usage("deposit");
	struct deposit_quote q;
	int rc = deposit_quote(s, project, day, &q);
	if (rc) {
		struct msg m;
		msg_set(&m, rc == WG_ENOTFOUND ? MSG_DEPOSIT_NO_PROJECT : MSG_STORE_FAILED,
			"project", project, "detail", s->errmsg, MSG_END);
		return fail_msg("deposit", &m);
	}
	json_t *j = deposit_quote_json(&q);
	deposit_quote_release(&q);
	if (json)
		return print_json(j);
	printf("project          %s\n", json_string_value(json_object_get(j, "project")));
	printf("contractor       %s\n", json_string_value(json_object_get(j, "contractor")));
	printf("as of            %s\n", json_string_value(json_object_get(j, "as_of")));
	printf("contract value   %s\n", json_string_value(json_object_get(j, "contract_value")));
	printf("rate             %s\n", json_string_value(json_object_get(j, "rate")));
	printf("multiplier       %s\n", json_string_value(json_object_get(j, "multiplier")));
	const char *reason = json_string_value(json_object_get(j, "reason"));
	printf("exempt           %s%s%s\n",
	       json_is_true(json_object_get(j, "exempt")) ? "yes" : "no", reason ? ": " : "",
	       reason ? reason : "");
	printf("amount           %s\n", json_string_value(json_object_get(j, "amount")));
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(j, "factors"), i, f)
	{
		char *t = json_dumps(f, JSON_COMPACT | JSON_PRESERVE_ORDER);
		printf("  factor         %s\n", t ? t : "?");
		free(t);
	}
	json_decref(j);
	return 0;
}

/* ---- deposit lodge ---- */

static int lodge(struct store *s, int argc, char **argv)
{
	struct deposit_lodge l = {.lodged_on = date_today(), .expires_on = -1};
	bool json = false;
	for (int i = 2; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(o, "--form") == 0 && v)
			l.form = v, i++;
		else if (strcmp(o, "--number") == 0 && v)
			l.number = v, i++;
		else if (strcmp(o, "--issuer") == 0 && v)
			l.issuer = v, i++;
		else if (strcmp(o, "--amount") == 0 && v) {
			if (parse_money("deposit", "--amount", v, &l.amount))
				return 2;
			i++;
		} else if ((strcmp(o, "--lodged") == 0 || strcmp(o, "--as-of") == 0) && v) {
			if (parse_date("deposit", o, v, &l.lodged_on))
				return 2;
			i++;
		} else if (strcmp(o, "--expires") == 0 && v) {
			if (parse_date("deposit", o, v, &l.expires_on))
				return 2;
			i++;
		} else if (strcmp(o, "--replaces") == 0 && v) {
			char *end;
			l.replaces = strtoll(v, &end, 10);
			if (*end || l.replaces <= 0)
				return cli_usage("deposit");
			i++;
		} else if (strcmp(o, "--json") == 0)
			json = true;
		else if (o[0] != '-' && !l.project)
			l.project = o;
		else
			return cli_usage("deposit");
	}
	if (!l.project || !l.form || !l.number || !l.issuer || !l.amount)
		return cli_usage("deposit");
	int64_t id;
	struct msg err = {0};
	if (deposit_lodge(s, &l, &id, &err))
		return fail_msg("deposit", &err);
	struct deposit d;
	if (store_deposit_get(s, id, l.lodged_on, &d))
		return 1;
	json_t *j = deposit_json(&d, l.lodged_on);
	if (json)
		return print_json(j);
	json_decref(j);
	char m[MONEY_BUFSZ];
	printf("deposit %" PRId64 " lodged: %s %s %s from %s, %s\n", id, l.project, l.form,
	       l.number, l.issuer, money_format(l.amount, m));
	return 0;
}

/* ---- deposit list ---- */

struct list_ctx {
	json_t *a;
	int32_t day;
};

static int list_one(void *ctx, const struct deposit *d)
{
	struct list_ctx *c = ctx;
	return json_array_append_new(c->a, deposit_json(d, c->day)) ? WG_ENOMEM : 0;
}

static int list(struct store *s, int argc, char **argv)
{
	struct deposit_filter f = {.as_of = date_today()};
	bool json = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			int32_t d;
			if (parse_date("deposit", "--as-of", argv[++i], &d))
				return 2;
			f.as_of = d;
		} else if (strcmp(argv[i], "--project") == 0 && i + 1 < argc) {
			f.project = argv[++i];
		} else if (strcmp(argv[i], "--open") == 0) {
			f.open_only = true;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else {
			return cli_usage("deposit");
		}
	}
	struct list_ctx c = {json_array(), (int32_t)f.as_of};
	if (store_deposit_list(s, &f, list_one, &c)) {
		json_decref(c.a);
		fprintf(stderr, "wageguard deposit: %s\n", s->errmsg);
		return 1;
	}
	if (json)
		return print_json(json_pack("{s:o}", "deposits", c.a));
	printf("%-5s %-12s %-15s %-20s %-12s %14s %14s %-10s %-10s\n", "id", "project", "form",
	       "number", "issuer", "amount", "balance", "expires", "status");
	size_t i;
	json_t *d;
	json_array_foreach(c.a, i, d)
	{
		const char *exp = json_string_value(json_object_get(d, "expires_on"));
		printf("%-5lld %-12s %-15s %-20s %-12s %14s %14s %-10s %-10s\n",
		       (long long)json_integer_value(json_object_get(d, "id")),
		       json_string_value(json_object_get(d, "project")),
		       json_string_value(json_object_get(d, "form")),
		       json_string_value(json_object_get(d, "number")),
		       json_string_value(json_object_get(d, "issuer")),
		       json_string_value(json_object_get(d, "amount")),
		       json_string_value(json_object_get(d, "balance")), exp ? exp : "-",
		       json_string_value(json_object_get(d, "status")));
	}
	json_decref(c.a);
	return 0;
}

/* ---- deposit activate ---- */

static int activate(struct store *s, int argc, char **argv)
{
	struct deposit_activation a = {.on = date_today()};
	struct deposit_worker *w = calloc((size_t)argc, sizeof *w);
	char(*ids)[19] = calloc((size_t)argc, sizeof *ids);
	bool json = false;
	int rc = 2;
	if (!w || !ids)
		goto done;
	for (int i = 2; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(o, "--order") == 0 && v) {
			a.order_ref = v, i++;
		} else if (strcmp(o, "--case") == 0 && v) {
			a.case_ref = v, i++;
		} else if (strcmp(o, "--as-of") == 0 && v) {
			if (parse_date("deposit", o, v, &a.on))
				goto done;
			i++;
		} else if (strcmp(o, "--worker") == 0 && v) {
			/* ID:AMOUNT */
			const char *colon = strchr(v, ':');
			char id[32];
			if (!colon || colon - v >= (long)sizeof id) {
				fprintf(stderr,
					"wageguard deposit: --worker '%s' is not ID:AMOUNT\n", v);
				goto done;
			}
			snprintf(id, sizeof id, "%.*s", (int)(colon - v), v);
			if (idcard_validate(id, ids[a.nworkers])) {
				fprintf(stderr,
					"wageguard deposit: '%s' is not a valid ID number\n", id);
				goto done;
			}
			if (parse_money("deposit", "--worker amount", colon + 1,
					&w[a.nworkers].amount))
				goto done;
			w[a.nworkers].id_number = ids[a.nworkers];
			a.nworkers++;
			i++;
		} else if (strcmp(o, "--json") == 0) {
			json = true;
		} else if (o[0] != '-' && !a.project) {
			a.project = o;
		} else {
			rc = cli_usage("deposit");
			goto done;
		}
	}
	if (!a.project || !a.order_ref || !a.nworkers) {
		rc = cli_usage("deposit");
		goto done;
	}
	a.workers = w;
	if (a.case_ref) {
		struct link_case c;
		int lr = link_case_get(s, a.case_ref, &c);
		if (lr) {
			fprintf(stderr, "wageguard deposit: no case '%s'\n", a.case_ref);
			rc = 1;
			goto done;
		}
	}
	struct deposit_activated out;
	struct msg err = {0};
	if (deposit_activate(s, &a, &out, &err)) {
		rc = fail_msg("deposit", &err);
		goto done;
	}
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], dl[DATE_BUFSZ];
	money_format(out.owed, m1);
	money_format(out.paid, m2);
	date_format(out.deadline, dl);
	if (json)
		rc = print_json(json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "project", a.project,
					  "notice", out.notice_no, "owed", m1, "paid", m2,
					  "replenish_by", dl, "payments", out.payments));
	else
		rc = 0,
		printf("payment notice %s: paid %s of %s owed to %d workers; replenish by %s\n",
		       out.notice_no, m2, m1, out.payments, dl);
done:
	free(w);
	free(ids);
	return rc;
}

/* ---- deposit replenish ---- */

static int replenish(struct store *s, int argc, char **argv)
{
	const char *project = NULL, *amount = NULL;
	int64_t id = 0, fen;
	int32_t day = date_today();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (parse_date("deposit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--deposit") == 0 && i + 1 < argc) {
			id = strtoll(argv[++i], NULL, 10);
		} else if (argv[i][0] != '-' && !project) {
			project = argv[i];
		} else if (argv[i][0] != '-' && !amount) {
			amount = argv[i];
		} else {
			return cli_usage("deposit");
		}
	}
	if (!project || !amount)
		return cli_usage("deposit");
	if (parse_money("deposit", "amount", amount, &fen))
		return 2;
	struct msg err = {0};
	if (deposit_replenish(s, project, id, fen, day, NULL, &err))
		return fail_msg("deposit", &err);
	char m[MONEY_BUFSZ];
	printf("deposit of %s replenished by %s\n", project, money_format(fen, m));
	return 0;
}

/* ---- deposit return ---- */

static int do_return(struct store *s, int argc, char **argv)
{
	const char *project = NULL, *promise = NULL;
	int32_t day = date_today();
	bool json = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (parse_date("deposit", "--as-of", argv[++i], &day))
				return 2;
		} else if (strcmp(argv[i], "--promise") == 0 && i + 1 < argc) {
			promise = argv[++i];
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (argv[i][0] != '-' && !project) {
			project = argv[i];
		} else {
			return cli_usage("deposit");
		}
	}
	if (!project)
		return cli_usage("deposit");
	struct deposit_return_result r;
	struct msg err = {0};
	int rc = deposit_return(s, project, promise, day, NULL, &r, &err);
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	if (rc) {
		fail_msg("deposit", &err);
		for (int i = 0; i < r.nfailed; i++)
			fprintf(stderr, "  - %s\n", msg_cli(&r.failed[i]));
		if (json) {
			json_t *a = json_array();
			for (int i = 0; i < r.nfailed; i++) {
				char b[MSG_BUFSZ];
				json_array_append_new(
					a,
					json_pack("{s:s, s:s}", "code", msg_code(r.failed[i].id),
						  "message",
						  msg_render(&r.failed[i], msg_cli_lang, b,
							     sizeof b)));
			}
			print_json(json_pack("{s:s, s:b, s:o}", "project", project, "returned", 0,
					     "failed", a));
		}
		return 1;
	}
	date_format(r.published_on, d1);
	date_format(r.ends_on, d2);
	money_format(r.amount, m1);
	money_format(r.interest, m2);
	if (json)
		return print_json(json_pack("{s:s, s:b, s:s, s:s, s:s, s:s}", "project", project,
					    "returned", r.returned, "notice_published", d1,
					    "notice_ends", d2, "amount", m1, "interest", m2));
	if (r.returned)
		printf("deposit of %s returned: %s with interest %s\n", project, m1, m2);
	else
		printf("return notice of %s published on %s; it runs until %s\n", project, d1, d2);
	return 0;
}

/* ---- deposit notice: the return notice as HTML or PDF ---- */

static int notice(struct store *s, int argc, char **argv)
{
	const char *project = NULL, *fmt = NULL, *dest = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			dest = argv[++i];
		else if (argv[i][0] != '-' && !project)
			project = argv[i];
		else
			return cli_usage("deposit");
	}
	if (!fmt && dest) {
		const char *dot = strrchr(dest, '.');
		fmt = dot && strcmp(dot, ".pdf") == 0 ? "pdf" : "html";
	}
	if (!project || (fmt && strcmp(fmt, "pdf") != 0 && strcmp(fmt, "html") != 0))
		return cli_usage("deposit");
	bool pdf = fmt && strcmp(fmt, "pdf") == 0;
	struct doc d = DOC_INIT;
	int rc = deposit_return_notice_doc(s, project, &d);
	if (rc) {
		doc_release(&d);
		fprintf(stderr, "wageguard deposit: %s\n",
			rc == WG_ENOTFOUND ? "no return notice for this project" : s->errmsg);
		return 1;
	}
	struct cli_out o;
	char err[256] = "write failed";
	if (cli_out_open(&o, dest, pdf, "wageguard deposit")) {
		doc_release(&d);
		return 1;
	}
	FILE *f = fopen(o.path, "wb");
	rc = f ? WG_OK : WG_EIO;
	if (f && pdf) {
		rc = render_pdf(&d, f, err, sizeof err);
	} else if (f) {
		struct dbuf b = DBUF_INIT;
		rc = render_html(&d, &b);
		if (!rc && fwrite(b.p, 1, b.len, f) != b.len)
			rc = WG_EIO;
		dbuf_release(&b);
	}
	if (f && fclose(f) != 0)
		rc = WG_EIO;
	doc_release(&d);
	if (rc) {
		fprintf(stderr, "wageguard deposit: %s\n", err);
		cli_out_abort(&o);
		return 1;
	}
	return cli_out_commit(&o, "wageguard deposit");
}

int cmd_deposit(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	static const struct {
		const char *name;
		int (*fn)(struct store *, int, char **);
	} subs[] = {{"quote", quote},       {"lodge", lodge},         {"list", list},
		    {"activate", activate}, {"replenish", replenish}, {"return", do_return},
		    {"notice", notice}};
	for (size_t k = 0; k < sizeof subs / sizeof subs[0]; k++) {
		if (strcmp(argv[1], subs[k].name) != 0)
			continue;
		struct store *s = cli_open_store(g);
		if (!s)
			return 1;
		int rc = subs[k].fn(s, argc, argv);
		store_close(s);
		return rc;
	}
	return cli_usage(argv[0]);
}

/* ---- project event|events|state ---- */

int cmd_project(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 3)
		return cli_usage(argv[0]);
	bool json = false;
	const char *note = NULL;
	int32_t day = date_today();
	const char *pos[3] = {0};
	int npos = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--note") == 0 && i + 1 < argc)
			note = argv[++i];
		else if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (parse_date("project", "--as-of", argv[++i], &day))
				return 2;
		} else if (argv[i][0] != '-' && npos < 3)
			pos[npos++] = argv[i];
		else
			return cli_usage(argv[0]);
	}
	bool event = strcmp(argv[1], "event") == 0 && npos == 3;
	bool events =
		(strcmp(argv[1], "events") == 0 || strcmp(argv[1], "state") == 0) && npos == 1;
	if (!event && !events)
		return cli_usage(argv[0]);
	if (event && parse_date("project", "date", pos[2], &day))
		return 2;
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	if (event) {
		struct msg err = {0};
		if (lifecycle_record(s, pos[0], pos[1], day, note, &err))
			rc = fail_msg("project", &err);
		else
			printf("project %s: %s on %s recorded\n", pos[0], pos[1], pos[2]);
		store_close(s);
		return rc;
	}
	struct dep_project p;
	if ((rc = store_dep_project(s, pos[0], &p))) {
		struct msg m;
		msg_set(&m, MSG_DEPOSIT_NO_PROJECT, "project", pos[0], MSG_END);
		store_close(s);
		return fail_msg("project", &m);
	}
	int64_t id = p.id;
	struct project_state st;
	json_t *ev = lifecycle_json(s, id);
	if (!ev || lifecycle_state(s, id, day, &st)) {
		fprintf(stderr, "wageguard project: %s\n", s->errmsg);
		json_decref(ev);
		store_close(s);
		return 1;
	}
	char d[5][DATE_BUFSZ];
	json_t *j = json_pack(
		"{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "project", pos[0], "as_of",
		date_format(day, d[0]), "phase", project_phase_name(st.phase), "started_on",
		st.started_on >= 0 ? json_string(date_format(st.started_on, d[1])) : json_null(),
		"suspended_on",
		st.suspended_on >= 0 ? json_string(date_format(st.suspended_on, d[2]))
				     : json_null(),
		"completed_on",
		st.completed_on >= 0 ? json_string(date_format(st.completed_on, d[3]))
				     : json_null(),
		"settled_on",
		st.settled_on >= 0 ? json_string(date_format(st.settled_on, d[4])) : json_null(),
		"events", ev);
	store_close(s);
	if (json)
		return print_json(j);
	printf("%s: %s as of %s\n", pos[0], project_phase_name(st.phase), d[0]);
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(j, "events"), i, e)
	{
		const char *n = json_string_value(json_object_get(e, "note"));
		printf("  %s  %-10s %s\n", json_string_value(json_object_get(e, "date")),
		       json_string_value(json_object_get(e, "event")), n ? n : "");
	}
	json_decref(j);
	return 0;
}
