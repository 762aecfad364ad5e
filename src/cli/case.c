/* case.c — `wageguard case …`: complaint cases on the statutory clock (SPEC §11, issue 12):
 * open, show, accept, reject, extend, order, ignored, pay, close, absconded, list, adopt. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "render/doc.h"
#include "store/project.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/msg.h"
#include "util/banned.h"

#define ME "wageguard case"
#define MAX_WORKERS 512

static int fail_msg(const struct msg *m)
{
	fprintf(stderr, ME ": %s\n", msg_cli(m));
	return 1;
}

static int usage_msg(enum msg_id id, const char *value)
{
	struct msg m;
	msg_set(&m, id, "value", value, MSG_END);
	fprintf(stderr, ME ": %s\n", msg_cli(&m));
	return 2;
}

static int print_json(json_t *j)
{
	char *text = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text) {
		fprintf(stderr, ME ": out of memory\n");
		return 1;
	}
	puts(text);
	free(text);
	return 0;
}

/* The CLI's actor in timelines: the operating system user. */
static const char *actor(void)
{
	const char *u = getenv("USER");
	static char buf[80];
	snprintf(buf, sizeof buf, "cli:%s", u && *u ? u : "operator");
	return buf;
}

/* Options every subcommand may take. */
struct opts {
	const char *number, *channel, *employer, *employer_name, *project, *reason, *outcome;
	const char *description, *reporter, *reporter_phone, *txn, *status, *format, *dest;
	int64_t region, amount;
	int32_t received, on, deadline, as_of;
	int depth;
	bool received_set;
	const char *region_prefix;
	bool json, reveal, open_only, overdue, anonymous, priority, has_on, has_amount, issue;
	struct case_claim claims[MAX_WORKERS];
	char ids[MAX_WORKERS][19];
	int nclaims;
};

static int parse_day(const char *v, int32_t *out)
{
	if (date_parse(v, out))
		return usage_msg(MSG_RELIEF_DATE_BAD, v);
	return 0;
}

/* ID:AMOUNT[:NAME] */
static int parse_worker(struct opts *o, char *v)
{
	if (o->nclaims == MAX_WORKERS)
		return usage_msg(MSG_RELIEF_WORKER_BAD, v);
	char *colon = strchr(v, ':');
	if (!colon)
		return usage_msg(MSG_RELIEF_WORKER_BAD, v);
	*colon = '\0';
	char *amount = colon + 1, *name = strchr(amount, ':');
	if (name)
		*name++ = '\0';
	struct case_claim *c = &o->claims[o->nclaims];
	if (idcard_validate(v, o->ids[o->nclaims]))
		return usage_msg(MSG_RELIEF_ID_BAD, v);
	if (money_parse(amount, &c->amount))
		return usage_msg(MSG_RELIEF_AMOUNT_BAD, amount);
	c->id_number = o->ids[o->nclaims];
	c->name = name;
	o->nclaims++;
	return 0;
}

static int parse(int argc, char **argv, int first, struct opts *o)
{
	o->received = o->on = o->as_of = date_today();
	o->deadline = -1;
	o->depth = 6;
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		int rc = 0;
#define VAL(name) (strcmp(a, name) == 0 && v && (++i, 1))
		if (strcmp(a, "--json") == 0)
			o->json = true;
		else if (strcmp(a, "--reveal") == 0)
			o->reveal = true;
		else if (strcmp(a, "--open") == 0)
			o->open_only = true;
		else if (strcmp(a, "--overdue") == 0)
			o->overdue = true;
		else if (strcmp(a, "--anonymous") == 0)
			o->anonymous = true;
		else if (strcmp(a, "--priority") == 0)
			o->priority = true;
		else if (strcmp(a, "--issue") == 0)
			o->issue = true;
		else if (VAL("--channel"))
			o->channel = v;
		else if (VAL("--employer"))
			o->employer = v;
		else if (VAL("--employer-name"))
			o->employer_name = v;
		else if (VAL("--project"))
			o->project = v;
		else if (VAL("--reason"))
			o->reason = v;
		else if (VAL("--outcome"))
			o->outcome = v;
		else if (VAL("--description"))
			o->description = v;
		else if (VAL("--reporter"))
			o->reporter = v;
		else if (VAL("--reporter-phone"))
			o->reporter_phone = v;
		else if (VAL("--txn"))
			o->txn = v;
		else if (VAL("--status"))
			o->status = v;
		else if (VAL("--format"))
			o->format = v;
		else if (VAL("-o"))
			o->dest = v;
		else if (VAL("--worker"))
			rc = parse_worker(o, argv[i]);
		else if (VAL("--received"))
			rc = parse_day(v, &o->received), o->received_set = true;
		else if (VAL("--from"))
			rc = parse_day(v, &o->received), o->received_set = true;
		else if (VAL("--to"))
			rc = parse_day(v, &o->on), o->has_on = true;
		else if (VAL("--depth")) {
			o->depth = (int)strtol(v, NULL, 10);
			if (o->depth != 2 && o->depth != 4 && o->depth != 6)
				return -1;
		} else if (VAL("--region-prefix"))
			o->region_prefix = v;
		else if (VAL("--on"))
			rc = parse_day(v, &o->on), o->has_on = true;
		else if (VAL("--deadline"))
			rc = parse_day(v, &o->deadline);
		else if (VAL("--as-of"))
			rc = parse_day(v, &o->as_of);
		else if (VAL("--amount")) {
			if (money_parse(v, &o->amount))
				rc = usage_msg(MSG_RELIEF_AMOUNT_BAD, v);
			o->has_amount = true;
		} else if (VAL("--region")) {
			if (region_validate(v))
				rc = usage_msg(MSG_RELIEF_REGION_BAD, v);
			o->region = strtoll(v, NULL, 10);
		} else if (a[0] != '-' && !o->number)
			o->number = a;
		else
			return -1;
#undef VAL
		if (rc)
			return rc;
	}
	return 0;
}

static int show(struct store *s, const char *number, const struct opts *o)
{
	struct case_clock k;
	struct case_row *c = malloc(sizeof *c);
	struct msg err;
	int rc = c ? case_clock_load(s, &k) : WG_ENOMEM;
	if (rc) {
		free(c);
		fprintf(stderr, ME ": %s\n", s->errmsg);
		return 1;
	}
	if ((rc = case_get(s, number, c, &err))) {
		rc = fail_msg(&err);
		goto done;
	}
	int flags = o->reveal ? CASE_JSON_REVEAL | CASE_JSON_REPORTER : 0;
	if ((flags & CASE_JSON_REPORTER) && strcmp(c->channel, "tipoff") == 0 &&
	    case_reporter_seen(s, number, actor(), &err)) {
		rc = fail_msg(&err);
		goto done;
	}
	json_t *j = case_json(s, &k, c, o->as_of, flags);
	if (!j) {
		fprintf(stderr, ME ": %s\n", s->errmsg);
		rc = 1;
		goto done;
	}
	if (o->json) {
		rc = print_json(j);
		goto done;
	}
	/* the same facts, for a person */
	const char *fields[] = {"number",   "status",      "channel",   "employer",
				"project",  "received",    "accept_by", "accepted",
				"rejected", "conclude_by", "closed",    "outcome",
				"claimed",  "paid",        "owed",      "remaining_working_days",
				NULL};
	for (int i = 0; fields[i]; i++) {
		json_t *v = json_object_get(j, fields[i]);
		if (json_is_string(v))
			printf("%-24s %s\n", fields[i], json_string_value(v));
		else if (json_is_integer(v))
			printf("%-24s %lld\n", fields[i], (long long)json_integer_value(v));
	}
	if (json_is_true(json_object_get(j, "overdue")))
		printf("%-24s %s\n", "overdue", "yes");
	json_t *ord = json_object_get(j, "order");
	if (json_is_object(ord))
		printf("%-24s %s %s %s\n", "order",
		       json_string_value(json_object_get(ord, "number")),
		       json_string_value(json_object_get(ord, "deadline")),
		       json_string_value(json_object_get(ord, "status")));
	size_t i;
	json_t *w;
	json_array_foreach(json_object_get(j, "complainants"), i, w)
	{
		json_t *id = json_object_get(w, "id_number"), *nm = json_object_get(w, "name");
		printf("complainant              %s %s claimed %s paid %s\n",
		       json_is_string(id) ? json_string_value(id) : "-",
		       json_is_string(nm) ? json_string_value(nm) : "-",
		       json_string_value(json_object_get(w, "claimed")),
		       json_string_value(json_object_get(w, "paid")));
	}
	json_array_foreach(json_object_get(j, "events"), i, w)
	{
		json_t *d = json_object_get(w, "detail");
		printf("event                    %s %s %s\n",
		       json_string_value(json_object_get(w, "on")),
		       json_string_value(json_object_get(w, "kind")),
		       json_is_string(d) ? json_string_value(d) : "");
	}
	json_decref(j);
	rc = 0;
done:
	free(c);
	case_clock_release(&k);
	return rc;
}

struct list_ctx {
	struct store *s;
	struct case_clock *k;
	const struct opts *o;
	json_t *arr;
};

static int list_one(void *p, const struct case_row *c)
{
	struct list_ctx *x = p;
	struct case_standing st;
	case_standing_of(x->k, c, x->o->as_of, &st);
	if (x->o->overdue && !st.overdue)
		return 0;
	json_t *j = case_json(x->s, x->k, c, x->o->as_of, CASE_JSON_BRIEF);
	if (!j)
		return WG_ENOMEM;
	return json_array_append_new(x->arr, j) ? WG_ENOMEM : 0;
}

static int by_priority(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t px = json_integer_value(json_object_get(x, "priority"));
	json_int_t py = json_integer_value(json_object_get(y, "priority"));
	if (px != py)
		return px > py ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "number")),
		      json_string_value(json_object_get(y, "number")));
}

static int list(struct store *s, const struct opts *o)
{
	struct case_clock k;
	int rc = case_clock_load(s, &k);
	if (rc) {
		fprintf(stderr, ME ": %s\n", s->errmsg);
		return 1;
	}
	struct case_filter f = {.open_only = o->open_only || o->priority,
				.scope_role = SCOPE_ADMIN,
				.employer = o->employer,
				.project = o->project,
				.status = o->status,
				.channel = o->channel};
	struct list_ctx x = {.s = s, .k = &k, .o = o, .arr = json_array()};
	rc = store_case_list(s, &f, list_one, &x);
	case_clock_release(&k);
	if (rc) {
		json_decref(x.arr);
		fprintf(stderr, ME ": %s\n", s->errmsg);
		return 1;
	}
	size_t n = json_array_size(x.arr);
	json_t **v = calloc(n ? n : 1, sizeof *v);
	if (!v) {
		json_decref(x.arr);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(x.arr, i);
	if (o->priority && n)
		qsort(v, n, sizeof *v, by_priority);
	if (o->json) {
		json_t *out = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append(out, v[i]);
		free(v);
		json_decref(x.arr);
		return print_json(json_pack("{s:o}", "cases", out));
	}
	for (size_t i = 0; i < n; i++) {
		json_t *j = v[i], *rem = json_object_get(j, "remaining_working_days");
		json_t *p = json_object_get(j, "project");
		char remaining[24] = "-";
		if (json_is_integer(rem))
			snprintf(remaining, sizeof remaining, "%lld",
				 (long long)json_integer_value(rem));
		printf("%-20s %-9s %-8s %-18s %-10s %-10s %12s %5s%s\n",
		       json_string_value(json_object_get(j, "number")),
		       json_string_value(json_object_get(j, "status")),
		       json_string_value(json_object_get(j, "channel")),
		       json_string_value(json_object_get(j, "employer")),
		       json_is_string(p) ? json_string_value(p) : "-",
		       json_string_value(json_object_get(j, "received")),
		       json_string_value(json_object_get(j, "claimed")), remaining,
		       json_is_true(json_object_get(j, "overdue")) ? " OVERDUE" : "");
	}
	free(v);
	json_decref(x.arr);
	return 0;
}

static int adopt(struct store *s, bool quiet)
{
	int n;
	struct msg err;
	if (case_adopt(s, &n, &err))
		return fail_msg(&err);
	if (!quiet && n)
		fprintf(stderr, ME ": %d waiting complaint%s taken into cases\n", n,
			n == 1 ? "" : "s");
	return 0;
}

int cmd_case(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1];
	struct opts *o = calloc(1, sizeof *o);
	if (!o)
		return 1;
	int rc = parse(argc, argv, 2, o);
	if (rc < 0) {
		free(o);
		return cli_usage(argv[0]);
	}
	if (rc) {
		free(o);
		return rc;
	}
	bool needs_number = strcmp(sub, "open") != 0 && strcmp(sub, "list") != 0 &&
		strcmp(sub, "adopt") != 0 && strcmp(sub, "accountability") != 0;
	if (needs_number && !o->number) {
		free(o);
		return cli_usage(argv[0]);
	}
	struct store *s = cli_open_store(g);
	if (!s) {
		free(o);
		return 1;
	}
	struct msg err = {0};
	const char *who = actor();
	char out[96] = "";
	/* complaints and disputes waiting for a case become cases before anything reads them */
	rc = adopt(s, strcmp(sub, "adopt") != 0);
	if (rc)
		goto done;
	if (strcmp(sub, "adopt") == 0) {
		rc = 0;
	} else if (strcmp(sub, "import") == 0) {
		struct case_import_stats st;
		rc = case_import(s, o->number, cli_print_problem, NULL, &st);
		if (!rc) {
			struct msg m;
			char a[16], b[16], c2[16], d[16];
			snprintf(a, sizeof a, "%d", st.leads);
			snprintf(b, sizeof b, "%d", st.opened);
			snprintf(c2, sizeof c2, "%d", st.joined);
			snprintf(d, sizeof d, "%d", st.known);
			msg_set(&m, MSG_RELIEF_IMPORT_DONE, "file", o->number, "leads", a, "opened",
				b, "joined", c2, "known", d, MSG_END);
			fprintf(stderr, "%s\n", msg_cli(&m));
		}
		rc = rc ? 1 : 0;
	} else if (strcmp(sub, "open") == 0) {
		if (!o->channel || !o->employer) {
			rc = cli_usage(argv[0]);
			goto done;
		}
		struct case_intake in = {.channel = o->channel,
					 .employer = o->employer,
					 .employer_name = o->employer_name,
					 .project = o->project,
					 .region = o->region,
					 .received = o->received,
					 .description = o->description,
					 .claims = o->claims,
					 .nclaims = o->nclaims,
					 .reporter_name = o->reporter,
					 .reporter_phone = o->reporter_phone,
					 .anonymous = o->anonymous,
					 .actor = who};
		char number[CASE_NUMBER_SZ];
		bool joined;
		if ((rc = case_intake(s, &in, number, &joined, &err))) {
			rc = fail_msg(&err);
			goto done;
		}
		if (o->json)
			rc = show(s, number, o);
		else
			printf("%s%s\n", number, joined ? " (joined)" : "");
	} else if (strcmp(sub, "show") == 0) {
		rc = show(s, o->number, o);
	} else if (strcmp(sub, "list") == 0) {
		rc = list(s, o);
	} else if (strcmp(sub, "dossier") == 0) {
		json_t *j;
		if ((rc = case_dossier(s, o->number, &j, &err))) {
			rc = fail_msg(&err);
		} else if (!o->format || strcmp(o->format, "json") == 0) {
			if (o->dest) {
				struct doc d = DOC_INIT;
				rc = case_dossier_doc(j, &d)
					? 1
					: relief_write_doc(&d, "json", o->dest);
				doc_release(&d);
				json_decref(j);
			} else {
				rc = print_json(j);
			}
		} else {
			struct doc d = DOC_INIT;
			rc = case_dossier_doc(j, &d) ? 1 : relief_write_doc(&d, o->format, o->dest);
			doc_release(&d);
			json_decref(j);
		}
	} else if (strcmp(sub, "accountability") == 0) {
		int y, m, d;
		date_to_ymd(o->as_of, &y, &m, &d);
		int32_t to = o->has_on ? o->on : o->as_of;
		int32_t from = o->received_set ? o->received : date_from_ymd(y, 1, 1);
		json_t *j;
		if ((rc = case_accountability(s, o->region_prefix, from, to, o->depth, &j))) {
			fprintf(stderr, ME ": %s\n", s->errmsg);
			rc = 1;
		} else if (o->json) {
			rc = print_json(j);
		} else {
			size_t i;
			json_t *r;
			printf("%-4s %-8s %5s %8s %8s %9s %6s %6s %s\n", "rank", "region", "cases",
			       "accept%", "conclude%", "recovery%", "red", "score", "flag");
			json_array_foreach(json_object_get(j, "regions"), i, r)
			{
				const char *v[4];
				const char *keys[4] = {"accept_rate", "conclude_rate",
						       "recovery_rate", "score"};
				for (int k = 0; k < 4; k++) {
					json_t *x = json_object_get(r, keys[k]);
					v[k] = json_is_string(x) ? json_string_value(x) : "-";
				}
				printf("%-4lld %-8s %5lld %8s %8s %9s %6lld %6s %s\n",
				       (long long)json_integer_value(json_object_get(r, "rank")),
				       json_string_value(json_object_get(r, "region")),
				       (long long)json_integer_value(json_object_get(r, "cases")),
				       v[0], v[1], v[2],
				       (long long)json_integer_value(
					       json_object_get(r, "red_warnings")),
				       v[3],
				       json_is_true(json_object_get(r, "flagged")) ? "BELOW" : "");
			}
			json_decref(j);
			rc = 0;
		}
	} else if (strcmp(sub, "liability") == 0 && o->issue) {
		json_t *j;
		if (o->deadline < 0) {
			rc = cli_usage(argv[0]);
		} else if ((rc = case_liability_orders(s, o->number, o->on, o->deadline, who, &j,
						       &err))) {
			rc = fail_msg(&err);
		} else {
			size_t i;
			json_t *d;
			json_array_foreach(j, i, d)
			{
				printf("%s\t%s\t%s\t%s\n",
				       json_string_value(json_object_get(d, "number")),
				       json_string_value(json_object_get(d, "uscc")),
				       json_string_value(json_object_get(d, "role")),
				       json_string_value(json_object_get(d, "owes")));
			}
			json_decref(j);
		}
	} else if (strcmp(sub, "liability") == 0) {
		json_t *j;
		if ((rc = case_liability(s, o->number, o->as_of, msg_cli_lang, &j, &err)))
			rc = fail_msg(&err);
		else if (o->json)
			rc = print_json(j);
		else {
			size_t i;
			json_t *p;
			json_array_foreach(json_object_get(j, "parties"), i, p)
			{
				json_t *r = json_object_get(p, "recovery_from");
				printf("%-18s %-18s %12s %s%s  %s\n",
				       json_string_value(json_object_get(p, "uscc")),
				       json_string_value(json_object_get(p, "role")),
				       json_string_value(json_object_get(p, "owes")),
				       json_is_string(r) ? "recovers from " : "",
				       json_is_string(r) ? json_string_value(r) : "",
				       json_string_value(json_object_get(p, "basis")));
			}
			json_decref(j);
			rc = 0;
		}
	} else {
		if (strcmp(sub, "accept") == 0)
			rc = case_accept(s, o->number, o->on, who, &err);
		else if (strcmp(sub, "reject") == 0)
			rc = case_reject(s, o->number, o->on, o->reason, who, &err);
		else if (strcmp(sub, "extend") == 0)
			rc = case_extend(s, o->number, o->on, o->reason, who, &err);
		else if (strcmp(sub, "order") == 0 && o->deadline >= 0)
			rc = case_order(s, o->number, o->on, o->deadline, who, out, &err);
		else if (strcmp(sub, "ignored") == 0)
			rc = case_order_ignored(s, o->number, o->on, who, &err);
		else if (strcmp(sub, "pay") == 0 && o->nclaims == 1)
			rc = case_pay(s, o->number, o->claims[0].id_number, o->claims[0].amount,
				      o->on, o->txn, who, out, &err);
		else if (strcmp(sub, "close") == 0 && o->outcome)
			rc = case_close(s, o->number, o->outcome, o->on, o->amount, who, &err);
		else if (strcmp(sub, "absconded") == 0)
			rc = case_absconded(s, o->number, o->on, who, &err);
		else {
			rc = cli_usage(argv[0]);
			goto done;
		}
		if (rc) {
			rc = fail_msg(&err);
			goto done;
		}
		if (o->json)
			rc = show(s, o->number, o);
		else if (out[0])
			printf("%s\n", out);
	}
done:
	store_close(s);
	free(o);
	return rc;
}
