/* supervision.c — the supervision commands (SPEC §10): `wageguard inspector` (the roster and
 * declared conflicts), `wageguard inspection` (record, complete, list, tasks, compliance),
 * `wageguard rectify` (rectification orders and their escalation) and `wageguard draw` (the
 * random draw wg-draw-1, run and verify). --json prints one JSON object. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/campaign.h"
#include "domain/draw.h"
#include "domain/supervision.h"
#include "store/store.h"
#include "store/supervision.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

/* ---- small helpers ---- */

static int print_json(json_t *j)
{
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
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

static int store_fail(const char *cmd, struct store *s)
{
	struct msg m;
	msg_set(&m, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return fail_msg(cmd, &m);
}

static int parse_day(const char *cmd, const char *opt, const char *v, int32_t *day)
{
	if (date_parse(v, day) == 0)
		return 0;
	struct msg m;
	msg_set(&m, MSG_SV_CLI_NOT_DATE, "option", opt, "value", v, MSG_END);
	fail_msg(cmd, &m);
	return 2;
}

static int parse_int(const char *v, long lo, long hi, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < lo || n > hi)
		return -1;
	*out = n;
	return 0;
}

/* Splits a comma-separated list in place into out (at most max); returns how many. */
static size_t split(char *list, const char **out, size_t max)
{
	size_t n = 0;
	for (char *p = list; p && *p && n < max;) {
		char *c = strchr(p, ',');
		if (c)
			*c = '\0';
		if (*p)
			out[n++] = p;
		p = c ? c + 1 : NULL;
	}
	return n;
}

/* ITEM=RESULT or ITEM=RESULT:NOTE, in place. */
static int parse_finding(char *v, struct sv_finding *f)
{
	char *eq = strchr(v, '=');
	if (!eq)
		return -1;
	*eq = '\0';
	char *colon = strchr(eq + 1, ':');
	if (colon)
		*colon = '\0';
	*f = (struct sv_finding){v, eq + 1, colon ? colon + 1 : NULL};
	return 0;
}

#define MAXLIST 64

/* ---- wageguard inspector ---- */

struct roster_ctx {
	struct store *s;
	json_t *arr;
	const char *prefix;
};

static int cmd_inspector_list(struct store *s, const char *prefix, bool as_json)
{
	json_t *roster = json_array(), *conflicts = json_array();
	int rc = store_sv_roster(s, prefix, sv_json_roster_row, roster);
	if (!rc)
		rc = store_sv_conflict_list(s, prefix, -1, sv_json_conflict_row, conflicts);
	if (rc) {
		json_decref(roster);
		json_decref(conflicts);
		return store_fail("inspector", s);
	}
	if (as_json)
		return print_json(json_pack("{s:s, s:o, s:o}", "region", prefix, "roster", roster,
					    "conflicts", conflicts));
	size_t i, j;
	json_t *r, *c;
	json_array_foreach(roster, i, r)
	{
		const char *name = json_string_value(json_object_get(r, "inspector"));
		const char *disp = json_string_value(json_object_get(r, "name"));
		printf("%-20s %s\n", name, disp ? disp : "");
		json_array_foreach(conflicts, j, c)
		{
			if (strcmp(json_string_value(json_object_get(c, "inspector")), name) != 0)
				continue;
			printf("  #%lld %s %s (%s)\n",
			       (long long)json_integer_value(json_object_get(c, "id")),
			       json_string_value(json_object_get(c, "uscc")),
			       json_string_value(json_object_get(c, "declared_on")),
			       json_string_value(json_object_get(c, "reason")));
		}
	}
	json_decref(roster);
	json_decref(conflicts);
	return 0;
}

int cmd_inspector(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *prefix = "", *reason = NULL;
	const char *pos[2] = {0};
	int npos = 0;
	bool as_json = false;
	int32_t day = date_today();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
		} else if (strcmp(argv[i], "--region") == 0 && i + 1 < argc) {
			prefix = argv[++i];
		} else if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc) {
			reason = argv[++i];
		} else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			if (parse_day("inspector", "--date", argv[++i], &day))
				return 2;
		} else if (argv[i][0] != '-' && npos < 2) {
			pos[npos++] = argv[i];
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = 0;
	struct msg m = {0};
	if (strcmp(sub, "list") == 0 && npos == 0) {
		rc = cmd_inspector_list(s, prefix, as_json);
	} else if (strcmp(sub, "conflict") == 0 && npos == 2) {
		int64_t id;
		if (sv_conflict_declare(s, pos[0], pos[1], reason, day, NULL, &id, &m)) {
			rc = fail_msg("inspector", &m);
		} else if (as_json) {
			rc = print_json(json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id,
						  "inspector", pos[0], "uscc", pos[1]));
		} else {
			msg_set(&m, MSG_SV_CLI_CONFLICT_DECLARED, "inspector", pos[0], "uscc",
				pos[1], MSG_END);
			msg_add_int(&m, "id", (long long)id);
			puts(msg_cli(&m));
		}
	} else if (strcmp(sub, "withdraw") == 0 && npos == 1) {
		long id;
		if (parse_int(pos[0], 1, 0x7fffffffL, &id)) {
			store_close(s);
			return cli_usage(argv[0]);
		}
		int r = store_sv_conflict_withdraw(s, id, day);
		if (r == WG_ENOTFOUND) {
			msg_set(&m, MSG_SV_NO_CONFLICT, "id", pos[0], MSG_END);
			rc = fail_msg("inspector", &m);
		} else if (r) {
			rc = store_fail("inspector", s);
		}
	} else {
		store_close(s);
		return cli_usage(argv[0]);
	}
	store_close(s);
	return rc;
}

/* ---- wageguard inspection ---- */

static void print_inspection_line(const json_t *j)
{
	const char *on = json_string_value(json_object_get(j, "inspected_on"));
	const char *pl = json_string_value(json_object_get(j, "planned_on"));
	json_t *insp = json_object_get(j, "inspectors");
	size_t i;
	json_t *v;
	printf("%6lld %-9s %-8s %-10s %-18s %-12s ",
	       (long long)json_integer_value(json_object_get(j, "id")),
	       json_string_value(json_object_get(j, "kind")),
	       json_string_value(json_object_get(j, "status")),
	       on           ? on
		       : pl ? pl
			    : "-",
	       json_string_value(json_object_get(j, "uscc")),
	       json_string_value(json_object_get(j, "project"))
		       ? json_string_value(json_object_get(j, "project"))
		       : "-");
	json_array_foreach(insp, i, v)
	{
		printf("%s%s", i ? "," : "", json_string_value(v));
	}
	putchar('\n');
}

int cmd_inspection(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1];
	const char *inspectors[MAXLIST], *pos = NULL;
	struct sv_finding findings[MAXLIST];
	size_t ninsp = 0, nf = 0;
	struct sv_new_inspection in = {.planned_on = -1, .inspected_on = -1};
	struct sv_inspection_filter f = {0};
	bool as_json = false, all = false;
	char by = 'r';
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--json") == 0) {
			as_json = true;
		} else if (strcmp(a, "--all") == 0) {
			all = true;
		} else if (!v) {
			if (a[0] == '-' || pos)
				return cli_usage(argv[0]);
			pos = a;
		} else if (strcmp(a, "--kind") == 0) {
			in.kind = f.kind = argv[++i];
		} else if (strcmp(a, "--target") == 0) {
			in.uscc = f.uscc = argv[++i];
		} else if (strcmp(a, "--project") == 0) {
			in.project = argv[++i];
		} else if (strcmp(a, "--case") == 0) {
			in.case_number = argv[++i];
		} else if (strcmp(a, "--note") == 0) {
			in.note = argv[++i];
		} else if (strcmp(a, "--region") == 0) {
			f.region = argv[++i];
		} else if (strcmp(a, "--status") == 0) {
			f.status = argv[++i];
		} else if (strcmp(a, "--by") == 0) {
			by = argv[++i][0];
			if (by != 'p' && by != 'r')
				return cli_usage(argv[0]);
		} else if (strcmp(a, "--task") == 0 || strcmp(a, "--campaign") == 0) {
			long n;
			if (parse_int(argv[++i], 1, 0x7fffffffL, &n))
				return cli_usage(argv[0]);
			*(strcmp(a, "--task") == 0 ? &in.task_id : &in.campaign_id) = n;
			f.campaign_id = in.campaign_id;
		} else if (strcmp(a, "--inspector") == 0) {
			f.inspector = argv[i + 1];
			ninsp += split(argv[++i], inspectors + ninsp, MAXLIST - ninsp);
		} else if (strcmp(a, "--finding") == 0) {
			if (nf == MAXLIST || parse_finding(argv[++i], &findings[nf++]))
				return cli_usage(argv[0]);
		} else if (strcmp(a, "--date") == 0) {
			if (parse_day("inspection", a, argv[++i], &in.inspected_on))
				return 2;
		} else if (strcmp(a, "--planned") == 0) {
			if (parse_day("inspection", a, argv[++i], &in.planned_on))
				return 2;
		} else if (a[0] != '-' && !pos) {
			pos = a;
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct msg m = {0};
	int rc = 0;
	long id = 0;
	if (pos && parse_int(pos, 1, 0x7fffffffL, &id)) {
		store_close(s);
		return cli_usage(argv[0]);
	}
	if (strcmp(sub, "add") == 0 && !pos) {
		int64_t nid;
		in.inspectors = inspectors;
		in.ninspectors = ninsp;
		in.findings = findings;
		in.nfindings = nf;
		if (sv_inspection_add(s, &in, &nid, &m)) {
			rc = fail_msg("inspection", &m);
		} else if (as_json) {
			struct sv_inspection row;
			rc = store_sv_inspection_get(s, nid, &row)
				? store_fail("inspection", s)
				: print_json(sv_json_inspection(s, &row, true));
		} else {
			msg_set(&m, MSG_SV_CLI_INSPECTION_ADDED, MSG_END);
			msg_add_int(&m, "id", (long long)nid);
			puts(msg_cli(&m));
		}
	} else if (strcmp(sub, "record") == 0 && pos) {
		if (in.inspected_on < 0) {
			store_close(s);
			return cli_usage(argv[0]);
		}
		if (sv_inspection_record(s, id, in.inspected_on, findings, nf, in.note, &m))
			rc = fail_msg("inspection", &m);
	} else if (strcmp(sub, "show") == 0 && pos) {
		struct sv_inspection row;
		int r = store_sv_inspection_get(s, id, &row);
		if (r == WG_ENOTFOUND) {
			msg_set(&m, MSG_SV_NO_INSPECTION, "inspection", pos, MSG_END);
			rc = fail_msg("inspection", &m);
		} else if (r) {
			rc = store_fail("inspection", s);
		} else {
			json_t *j = sv_json_inspection(s, &row, true);
			if (as_json) {
				rc = print_json(j);
			} else {
				print_inspection_line(j);
				const char *key;
				json_t *v;
				json_object_foreach(json_object_get(j, "findings"), key, v)
				{
					const char *note =
						json_string_value(json_object_get(v, "note"));
					printf("  %-14s %s%s%s\n", key,
					       json_string_value(json_object_get(v, "result")),
					       note ? "  " : "", note ? note : "");
				}
				json_decref(j);
			}
		}
	} else if (strcmp(sub, "list") == 0 && !pos) {
		json_t *arr = json_array();
		if (ninsp > 1) {
			store_close(s);
			json_decref(arr);
			return cli_usage(argv[0]);
		}
		if (store_sv_inspection_list(s, &f, sv_json_inspection_row, arr)) {
			json_decref(arr);
			rc = store_fail("inspection", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "inspections", arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v)
			{
				print_inspection_line(v);
			}
			json_decref(arr);
		}
	} else if (strcmp(sub, "tasks") == 0 && !pos) {
		json_t *arr = json_array();
		if (store_sv_task_list(s, f.region, !all, sv_json_task_row, arr)) {
			json_decref(arr);
			rc = store_fail("inspection", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "tasks", arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v)
			{
#define S(k)                                                                                       \
	(json_string_value(json_object_get(v, k)) ? json_string_value(json_object_get(v, k)) : "-")
				printf("%6lld %-10s %-18s %-6s %-12s %-18s %12s %s\n",
				       (long long)json_integer_value(json_object_get(v, "id")),
				       S("opened_on"), S("rule"), S("level"), S("project"),
				       S("employer"), S("amount"), S("status"));
#undef S
			}
			json_decref(arr);
		}
	} else if (strcmp(sub, "compliance") == 0 && !pos) {
		json_t *arr = json_array();
		if (store_sv_compliance(s, by, f.region, sv_json_compliance_row, arr)) {
			json_decref(arr);
			rc = store_fail("inspection", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:s, s:o}", "by",
						  by == 'p' ? "project" : "region", "rows", arr));
		} else {
			size_t i;
			json_t *v;
			printf("%-14s %11s %5s %5s %7s\n", by == 'p' ? "project" : "region",
			       "inspections", "yes", "no", "rate%");
			json_array_foreach(arr, i, v)
			{
				const char *rate = json_string_value(json_object_get(v, "rate"));
				const char *key = json_string_value(json_object_get(v, "key"));
				printf("%-14s %11lld %5lld %5lld %7s\n", *key ? key : "-",
				       (long long)json_integer_value(
					       json_object_get(v, "inspections")),
				       (long long)json_integer_value(json_object_get(v, "yes")),
				       (long long)json_integer_value(json_object_get(v, "no")),
				       rate ? rate : "-");
			}
			json_decref(arr);
		}
	} else {
		store_close(s);
		return cli_usage(argv[0]);
	}
	store_close(s);
	return rc;
}

/* ---- wageguard rectify ---- */

struct order_ctx {
	json_t *arr;
	int32_t today;
};

static int order_row(void *ctx, const struct sv_order *o)
{
	struct order_ctx *c = ctx;
	return json_array_append_new(c->arr, sv_json_order(o, c->today));
}

int cmd_rectify(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *pos = NULL, *evidence = NULL;
	struct sv_new_order o = {.deadline = -1, .days = 0, .issued_on = date_today()};
	struct sv_order_filter f = {.overdue_on = -1};
	bool as_json = false, overdue = false;
	int32_t day = date_today();
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		bool has = i + 1 < argc;
		if (strcmp(a, "--json") == 0) {
			as_json = true;
		} else if (strcmp(a, "--overdue") == 0) {
			overdue = true;
		} else if (strcmp(a, "--mass-incident") == 0) {
			o.mass_incident = 1;
		} else if (has && strcmp(a, "--items") == 0) {
			o.items = argv[++i];
		} else if (has && strcmp(a, "--evidence") == 0) {
			evidence = argv[++i];
		} else if (has && strcmp(a, "--region") == 0) {
			f.region = argv[++i];
		} else if (has && strcmp(a, "--target") == 0) {
			f.uscc = argv[++i];
		} else if (has && strcmp(a, "--amount") == 0) {
			if (money_parse(argv[++i], &o.amount)) {
				struct msg m;
				msg_set(&m, MSG_SV_CLI_NOT_AMOUNT, "value", argv[i], MSG_END);
				fail_msg("rectify", &m);
				return 2;
			}
		} else if (has && (strcmp(a, "--workers") == 0 || strcmp(a, "--days") == 0)) {
			long n;
			if (parse_int(argv[++i], 0, 100000, &n))
				return cli_usage(argv[0]);
			if (strcmp(a, "--days") == 0)
				o.days = (int)n;
			else
				o.workers = n;
		} else if (has && strcmp(a, "--deadline") == 0) {
			if (parse_day("rectify", a, argv[++i], &o.deadline))
				return 2;
		} else if (has && (strcmp(a, "--date") == 0 || strcmp(a, "--as-of") == 0)) {
			if (parse_day("rectify", a, argv[++i], &day))
				return 2;
			o.issued_on = day;
		} else if (a[0] != '-' && !pos) {
			pos = a;
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct msg m = {0};
	int rc = 0;
	char number[96];
	if (strcmp(sub, "issue") == 0 && pos) {
		long id;
		if (parse_int(pos, 1, 0x7fffffffL, &id)) {
			store_close(s);
			return cli_usage(argv[0]);
		}
		o.inspection_id = id;
		if (sv_order_issue(s, &o, number, sizeof number, &m)) {
			rc = fail_msg("rectify", &m);
		} else {
			struct sv_order row;
			if (store_sv_order_get(s, number, &row)) {
				rc = store_fail("rectify", s);
			} else if (as_json) {
				rc = print_json(sv_json_order(&row, day));
			} else {
				char d[DATE_BUFSZ];
				msg_set(&m, MSG_SV_CLI_ORDER_ISSUED, "order", number, "deadline",
					date_format((int32_t)row.deadline, d), MSG_END);
				puts(msg_cli(&m));
			}
		}
	} else if (strcmp(sub, "comply") == 0 && pos) {
		if (sv_order_comply(s, pos, day, evidence, &m))
			rc = fail_msg("rectify", &m);
	} else if (strcmp(sub, "show") == 0 && pos) {
		struct sv_order row;
		int r = store_sv_order_get(s, pos, &row);
		if (r == WG_ENOTFOUND) {
			msg_set(&m, MSG_SV_NO_ORDER, "order", pos, MSG_END);
			rc = fail_msg("rectify", &m);
		} else if (r) {
			rc = store_fail("rectify", s);
		} else {
			json_t *j = sv_json_order(&row, day);
			if (as_json) {
				rc = print_json(j);
			} else {
				const char *key;
				json_t *v;
				json_object_foreach(j, key, v)
				{
					if (json_is_string(v))
						printf("%-14s %s\n", key, json_string_value(v));
					else if (json_is_integer(v))
						printf("%-14s %lld\n", key,
						       (long long)json_integer_value(v));
					else if (json_is_boolean(v))
						printf("%-14s %s\n", key,
						       json_is_true(v) ? "yes" : "no");
				}
				json_decref(j);
			}
		}
	} else if (strcmp(sub, "list") == 0 && !pos) {
		struct order_ctx c = {json_array(), day};
		if (overdue)
			f.overdue_on = day;
		if (store_sv_order_list(s, &f, order_row, &c)) {
			json_decref(c.arr);
			rc = store_fail("rectify", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "orders", c.arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(c.arr, i, v)
			{
#define S(k)                                                                                       \
	(json_string_value(json_object_get(v, k)) ? json_string_value(json_object_get(v, k)) : "-")
				printf("%-22s %-18s %-12s %-10s %-10s %12s %s\n", S("number"),
				       S("uscc"), S("project"), S("issued_on"), S("deadline"),
				       S("amount"), S("state"));
#undef S
			}
			json_decref(c.arr);
		}
	} else if (strcmp(sub, "escalate") == 0 && !pos) {
		int esc, prop;
		if (sv_escalate(s, day, &esc, &prop, &m)) {
			rc = fail_msg("rectify", &m);
		} else if (as_json) {
			rc = print_json(
				json_pack("{s:i, s:i}", "escalated", esc, "list_proposed", prop));
		} else {
			msg_set(&m, MSG_SV_CLI_ESCALATED, MSG_END);
			msg_add_int(&m, "escalated", esc);
			msg_add_int(&m, "proposed", prop);
			puts(msg_cli(&m));
		}
	} else {
		store_close(s);
		return cli_usage(argv[0]);
	}
	store_close(s);
	return rc;
}

/* ---- wageguard draw ---- */

static int read_file(const char *path, char **text, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t alloc = 4096, n = 0;
	char *buf = malloc(alloc);
	size_t got;
	while (buf && (got = fread(buf + n, 1, alloc - n, fp)) > 0) {
		n += got;
		if (n == alloc) {
			char *nb = alloc < ((size_t)64 << 20) ? realloc(buf, alloc * 2) : NULL;
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			alloc *= 2;
		}
	}
	int bad = ferror(fp) || !buf;
	fclose(fp);
	if (bad) {
		free(buf);
		return -1;
	}
	*text = buf;
	*len = n;
	return 0;
}

int cmd_draw(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *pos = NULL, *out = NULL;
	struct sv_draw_request r = {.k = DRAW_K_DEFAULT, .day = date_today(), .region = NULL};
	const char *roster[MAXLIST * 4];
	bool as_json = false;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		bool has = i + 1 < argc;
		long n;
		if (strcmp(a, "--json") == 0) {
			as_json = true;
		} else if (has && strcmp(a, "--region") == 0) {
			r.region = argv[++i];
		} else if (has && strcmp(a, "--seed") == 0) {
			r.seed = argv[++i];
		} else if (has && strcmp(a, "-o") == 0) {
			out = argv[++i];
		} else if (has && strcmp(a, "--roster") == 0) {
			r.roster = roster;
			r.nroster += split(argv[++i], roster + r.nroster,
					   sizeof roster / sizeof roster[0] - r.nroster);
		} else if (has &&
			   (strcmp(a, "--targets") == 0 || strcmp(a, "--per-target") == 0 ||
			    strcmp(a, "--campaign") == 0)) {
			if (parse_int(argv[++i], 1, 1000000, &n))
				return cli_usage(argv[0]);
			if (strcmp(a, "--targets") == 0)
				r.n = (int)n;
			else if (strcmp(a, "--per-target") == 0)
				r.k = (int)n;
			else
				r.campaign_id = n;
		} else if (has && strcmp(a, "--date") == 0) {
			if (parse_day("draw", a, argv[++i], &r.day))
				return 2;
		} else if (a[0] != '-' && !pos) {
			pos = a;
		} else {
			return cli_usage(argv[0]);
		}
	}
	struct msg m = {0};
	if (strcmp(sub, "verify") == 0 && pos) {
		char *text;
		size_t len;
		if (read_file(pos, &text, &len)) {
			msg_set(&m, MSG_SV_CLI_CANNOT_READ, "file", pos, MSG_END);
			return fail_msg("draw verify", &m);
		}
		int rc = draw_verify(text, len, &m);
		if (rc) {
			free(text);
			if (as_json) {
				char buf[MSG_BUFSZ];
				print_json(json_pack(
					"{s:b, s:s, s:s}", "match", 0, "code", msg_code(m.id),
					"message", msg_render(&m, msg_cli_lang, buf, sizeof buf)));
			}
			fprintf(stderr, "wageguard draw verify: %s: %s\n", pos, msg_cli(&m));
			return 1;
		}
		json_t *doc = json_loadb(text, len, 0, NULL);
		free(text);
		const char *seed = json_string_value(json_object_get(doc, "seed"));
		long long n = json_integer_value(json_object_get(doc, "n"));
		if (as_json) {
			print_json(json_pack("{s:b, s:s, s:I}", "match", 1, "seed", seed, "n",
					     (json_int_t)n));
		} else {
			msg_set(&m, MSG_SV_DRAW_MATCHES, "file", pos, "seed", seed, MSG_END);
			msg_add_int(&m, "n", n);
			puts(msg_cli(&m));
		}
		json_decref(doc);
		return 0;
	}
	struct store *s;
	int rc = 0;
	if (strcmp(sub, "run") == 0 && !pos) {
		if (!r.seed || (!r.region && !r.campaign_id) || r.n < 1 || !out)
			return cli_usage(argv[0]);
		if (!(s = cli_open_store(g)))
			return 1;
		json_t *doc;
		int64_t id = 0;
		struct cli_out o;
		if (sv_draw(s, &r, &doc, &id, &m)) {
			rc = fail_msg("draw", &m);
			if (id) {
				msg_set(&m, MSG_SV_CLI_SEED_KEPT, MSG_END);
				msg_add_int(&m, "id", (long long)id);
				fprintf(stderr, "wageguard draw: %s\n", msg_cli(&m));
			}
		} else {
			char *text = draw_dumps(doc);
			FILE *fp = NULL;
			if (!text || cli_out_open(&o, out, false, "wageguard draw") ||
			    !(fp = fopen(o.path, "wb")) || fputs(text, fp) < 0 || fclose(fp) != 0 ||
			    (fp = NULL, cli_out_commit(&o, "wageguard draw"))) {
				if (fp)
					fclose(fp);
				rc = 1;
			} else if (as_json) {
				rc = print_json(json_pack(
					"{s:I, s:s, s:s, s:O}", "draw", (json_int_t)id, "file", out,
					"seed", r.seed, "drawn", json_object_get(doc, "drawn")));
			} else if (strcmp(out, "-") != 0) {
				msg_set(&m, MSG_SV_CLI_DRAWN, "file", out, MSG_END);
				msg_add_int(&m, "id", (long long)id);
				msg_add_int(&m, "n", r.n);
				fprintf(stderr, "%s\n", msg_cli(&m));
			}
			free(text);
			json_decref(doc);
		}
	} else if (strcmp(sub, "list") == 0 && !pos) {
		if (!(s = cli_open_store(g)))
			return 1;
		json_t *arr = json_array();
		if (store_sv_draw_list(s, r.region, 0, sv_json_draw_row, arr)) {
			json_decref(arr);
			rc = store_fail("draw", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "draws", arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v)
			{
				printf("%5lld %-8s %-10s %4lld %2lld %-9s %s\n",
				       (long long)json_integer_value(json_object_get(v, "id")),
				       json_string_value(json_object_get(v, "region")),
				       json_string_value(json_object_get(v, "drawn_on")),
				       (long long)json_integer_value(json_object_get(v, "n")),
				       (long long)json_integer_value(json_object_get(v, "k")),
				       json_is_true(json_object_get(v, "published")) ? "published"
										     : "seed only",
				       json_string_value(json_object_get(v, "seed")));
			}
			json_decref(arr);
		}
	} else if (strcmp(sub, "show") == 0 && pos) {
		long id;
		if (parse_int(pos, 1, 0x7fffffffL, &id))
			return cli_usage(argv[0]);
		if (!(s = cli_open_store(g)))
			return 1;
		struct sv_draw d;
		int x = store_sv_draw_get(s, id, &d);
		if (x == WG_ENOTFOUND || (!x && !d.document)) {
			msg_set(&m, MSG_SV_CLI_NO_DRAW, "draw", pos, MSG_END);
			rc = fail_msg("draw", &m);
		} else if (x) {
			rc = store_fail("draw", s);
		} else {
			fputs(d.document, stdout);
		}
	} else {
		return cli_usage(argv[0]);
	}
	store_close(s);
	return rc;
}

/* ---- wageguard campaign ---- */

static void print_counts(const struct sv_target_counts *c, int64_t id)
{
	struct msg m;
	msg_set(&m, MSG_SV_CLI_TARGETS, MSG_END);
	msg_add_int(&m, "id", (long long)id);
	msg_add_int(&m, "warnings", c->warnings);
	msg_add_int(&m, "cases", c->cases);
	msg_add_int(&m, "grades", c->grades);
	msg_add_int(&m, "settlement", c->settlement);
	puts(msg_cli(&m));
}

static void print_progress(const json_t *p)
{
	const json_t *c = json_object_get(p, "campaign"), *t = json_object_get(p, "totals");
	printf("%s  %s .. %s  (%lld days left)\n", json_string_value(json_object_get(c, "name")),
	       json_string_value(json_object_get(c, "starts_on")),
	       json_string_value(json_object_get(c, "ends_on")),
	       (long long)json_integer_value(json_object_get(p, "days_left")));
	printf("%-8s %6s %6s %14s %7s %7s %7s %7s %14s\n", "region", "closed", "open", "recovered",
	       "paid", "entries", "cleared", "rate%", "amt cleared");
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(p, "regions"), i, r)
	{
#define I(k) (long long)json_integer_value(json_object_get(r, k))
#define S(k) json_string_value(json_object_get(r, k))
		printf("%-8s %6lld %6lld %14s %7lld %7lld %7lld %7s %14s\n", S("region"),
		       I("cases_closed"), I("cases_open"), S("recovered"), I("workers_paid"),
		       I("entries"), I("cleared"), S("clearing_rate"), S("amount_cleared"));
	}
	r = t;
	if (r)
		printf("%-8s %6lld %6lld %14s %7lld %7lld %7lld %7s %14s\n", "total",
		       I("cases_closed"), I("cases_open"), S("recovered"), I("workers_paid"),
		       I("entries"), I("cleared"), S("clearing_rate"), S("amount_cleared"));
#undef I
#undef S
}

int cmd_campaign(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *pos = NULL, *out = NULL, *state = NULL, *case_number = NULL;
	const char *title = NULL, *summary = NULL;
	struct sv_campaign_request r = {.kind = "special", .from = -1, .to = -1};
	struct sv_entry e = {.amount = 0, .workers = 0};
	const char *payments[MAXLIST];
	size_t npay = 0;
	int64_t amount = -1, workers = -1;
	bool as_json = false;
	int32_t day = date_today();
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		bool has = i + 1 < argc;
		long n;
		if (strcmp(a, "--json") == 0) {
			as_json = true;
		} else if (strcmp(a, "--winter") == 0) {
			r.kind = "winter";
		} else if (has && strcmp(a, "--name") == 0) {
			r.name = argv[++i];
		} else if (has && strcmp(a, "--region") == 0) {
			r.region = argv[++i];
		} else if (has && strcmp(a, "--regions") == 0) {
			r.regions = argv[++i];
		} else if (has && strcmp(a, "--industries") == 0) {
			r.industries = argv[++i];
		} else if (has && (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0)) {
			if (parse_day("campaign", a, argv[++i], a[2] == 'f' ? &r.from : &r.to))
				return 2;
		} else if (has && strcmp(a, "--date") == 0) {
			if (parse_day("campaign", a, argv[++i], &day))
				return 2;
		} else if (has && strcmp(a, "-o") == 0) {
			out = argv[++i];
		} else if (has && strcmp(a, "--state") == 0) {
			state = argv[++i];
		} else if (has && strcmp(a, "--target") == 0) {
			e.uscc = argv[++i];
		} else if (has && strcmp(a, "--project") == 0) {
			e.project = argv[++i];
		} else if (has && strcmp(a, "--source") == 0) {
			e.source = argv[++i];
		} else if (has && strcmp(a, "--cause") == 0) {
			e.cause = argv[++i];
		} else if (has && strcmp(a, "--responsible") == 0) {
			e.responsible = argv[++i];
		} else if (has && strcmp(a, "--case") == 0) {
			case_number = argv[++i];
		} else if (has && strcmp(a, "--title") == 0) {
			title = argv[++i];
		} else if (has && strcmp(a, "--summary") == 0) {
			summary = argv[++i];
		} else if (has && strcmp(a, "--payments") == 0) {
			npay += split(argv[++i], payments + npay, MAXLIST - npay);
		} else if (has && strcmp(a, "--amount") == 0) {
			if (money_parse(argv[++i], &amount)) {
				struct msg m;
				msg_set(&m, MSG_SV_CLI_NOT_AMOUNT, "value", argv[i], MSG_END);
				fail_msg("campaign", &m);
				return 2;
			}
		} else if (has && strcmp(a, "--workers") == 0) {
			if (parse_int(argv[++i], 0, 10000000, &n))
				return cli_usage(argv[0]);
			workers = n;
		} else if (a[0] != '-' && !pos) {
			pos = a;
		} else {
			return cli_usage(argv[0]);
		}
	}
	long id = 0;
	if (pos && parse_int(pos, 1, 0x7fffffffL, &id))
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct msg m = {0};
	int rc = 0;
	if (strcmp(sub, "start") == 0 && !pos) {
		int64_t nid;
		struct sv_target_counts c;
		r.today = day;
		if (sv_campaign_start(s, &r, &nid, &c, &m)) {
			rc = fail_msg("campaign", &m);
		} else if (as_json) {
			json_t *p = NULL;
			rc = sv_campaign_progress(s, nid, day, &p, &m) ? fail_msg("campaign", &m)
								       : print_json(p);
		} else {
			print_counts(&c, nid);
		}
	} else if (strcmp(sub, "targets") == 0 && pos) {
		struct sv_target_counts c;
		if (sv_campaign_targets(s, id, day, &c, &m))
			rc = fail_msg("campaign", &m);
		else if (as_json)
			rc = print_json(json_pack("{s:i, s:i, s:i, s:i}", "warnings", c.warnings,
						  "cases", c.cases, "grades", c.grades,
						  "settlement", c.settlement));
		else
			print_counts(&c, id);
	} else if (strcmp(sub, "list") == 0 && !pos) {
		json_t *arr = json_array();
		if (store_sv_campaign_list(s, r.region, sv_json_campaign_row, arr)) {
			json_decref(arr);
			rc = store_fail("campaign", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "campaigns", arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v)
			{
				printf("%4lld %-8s %-10s %-10s %s\n",
				       (long long)json_integer_value(json_object_get(v, "id")),
				       json_string_value(json_object_get(v, "kind")),
				       json_string_value(json_object_get(v, "starts_on")),
				       json_string_value(json_object_get(v, "ends_on")),
				       json_string_value(json_object_get(v, "name")));
			}
			json_decref(arr);
		}
	} else if (strcmp(sub, "show") == 0 && pos) {
		json_t *p = NULL;
		if (sv_campaign_progress(s, id, day, &p, &m)) {
			rc = fail_msg("campaign", &m);
		} else if (as_json) {
			rc = print_json(p);
		} else {
			print_progress(p);
			json_decref(p);
		}
	} else if (strcmp(sub, "register") == 0 && pos) {
		struct sv_entry_filter f = {.campaign_id = id, .region = r.region};
		f.state = !state                        ? 0
			: strcmp(state, "open") == 0    ? 1
			: strcmp(state, "cleared") == 0 ? 2
							: -1;
		json_t *arr = json_array();
		if (f.state < 0) {
			json_decref(arr);
			store_close(s);
			return cli_usage(argv[0]);
		}
		if (store_sv_entry_list(s, &f, sv_json_entry_row, arr)) {
			json_decref(arr);
			rc = store_fail("campaign", s);
		} else if (as_json) {
			rc = print_json(json_pack("{s:o}", "entries", arr));
		} else {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v)
			{
#define S(k)                                                                                       \
	(json_string_value(json_object_get(v, k)) ? json_string_value(json_object_get(v, k)) : "-")
				printf("%5lld %-6lld %-18s %-10s %-10s %-16s %12s %5lld %-10s %s\n",
				       (long long)json_integer_value(json_object_get(v, "id")),
				       (long long)json_integer_value(json_object_get(v, "region")),
				       S("uscc"), S("project"), S("source"), S("cause"),
				       S("amount"),
				       (long long)json_integer_value(json_object_get(v, "workers")),
				       S("cleared_on"), S("responsible"));
#undef S
			}
			json_decref(arr);
		}
	} else if (strcmp(sub, "enter") == 0 && pos) {
		e.amount = amount < 0 ? 0 : amount;
		e.workers = workers < 0 ? 0 : workers;
		e.entered_on = day;
		if (sv_register_add(s, id, &e, &m))
			rc = fail_msg("campaign", &m);
		else if (as_json)
			rc = print_json(json_pack("{s:I}", "id", (json_int_t)e.id));
		else {
			msg_set(&m, MSG_SV_CLI_ENTERED, MSG_END);
			msg_add_int(&m, "id", (long long)e.id);
			puts(msg_cli(&m));
		}
	} else if (strcmp(sub, "screen") == 0 && pos) {
		if (sv_register_update(s, id, e.cause, e.responsible, amount, workers, &m))
			rc = fail_msg("campaign", &m);
	} else if (strcmp(sub, "clear") == 0 && pos) {
		if (sv_register_clear(s, id, day, payments, npay, case_number, &m))
			rc = fail_msg("campaign", &m);
	} else if (strcmp(sub, "report") == 0 && pos && out) {
		if (sv_campaign_report(s, id, day, out, &m))
			rc = fail_msg("campaign", &m);
	} else if (strcmp(sub, "typical") == 0 && pos) {
		int64_t tid;
		if (sv_typical_publish(s, id, title, summary, case_number, day, NULL, &tid, &m))
			rc = fail_msg("campaign", &m);
		else if (as_json)
			rc = print_json(json_pack("{s:I}", "id", (json_int_t)tid));
	} else {
		store_close(s);
		return cli_usage(argv[0]);
	}
	store_close(s);
	return rc;
}
