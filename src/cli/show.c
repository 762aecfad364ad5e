/* show.c — `wageguard show project CODE` and `show worker ID`: a record with its figures,
 * as text or JSON. Personal data is masked unless --reveal is given. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/view.h"
#include "store/project.h"
#include "store/store.h"
#include "store/worker.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int print_json(json_t *j)
{
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!text)
		return 1;
	puts(text);
	free(text);
	return 0;
}

static int show_project(struct store *s, const char *code, bool as_json)
{
	struct project_summary p;
	int rc = store_project_summary(s, code, &p);
	if (rc) {
		fprintf(stderr, "wageguard show: %s\n",
			rc == WG_ENOTFOUND ? "no such project" : s->errmsg);
		return 1;
	}
	json_t *j = view_project(&p);
	if (as_json)
		return print_json(j);
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v)
	{
		if (json_is_object(v)) {
			const char *k2;
			json_t *v2;
			json_object_foreach(v, k2, v2)
			{
				char name[64];
				snprintf(name, sizeof name, "%s.%s", key, k2);
				printf("%-16s %s\n", name, json_string_value(v2));
			}
		} else if (json_is_integer(v)) {
			printf("%-16s %" JSON_INTEGER_FORMAT "\n", key, json_integer_value(v));
		} else {
			printf("%-16s %s\n", key, json_is_null(v) ? "-" : json_string_value(v));
		}
	}
	json_decref(j);
	return 0;
}

static int add_month(void *ctx, const struct worker_month *m)
{
	return json_array_append_new(ctx, view_worker_month(m));
}

static int show_worker(struct store *s, const char *id, bool as_json, bool reveal)
{
	char norm[19];
	if (idcard_validate(id, norm)) {
		fprintf(stderr, "wageguard show: '%s' is not a valid resident ID number\n", id);
		return 1;
	}
	struct worker_summary w;
	int rc = store_worker_summary(s, norm, &w);
	if (rc) {
		fprintf(stderr, "wageguard show: %s\n",
			rc == WG_ENOTFOUND ? "no such worker" : s->errmsg);
		return 1;
	}
	char mi[MASK_BUFSZ], mc[MASK_BUFSZ], mp[MASK_BUFSZ];
	json_t *j = json_object();
	json_object_set_new(j, "id_number",
			    json_string(reveal ? w.id_number : mask_id(w.id_number, mi)));
	json_object_set_new(j, "name", jstr(w.name));
	json_object_set_new(j, "registered", json_boolean(w.registered));
	json_object_set_new(j, "phone",
			    w.phone ? json_string(reveal ? w.phone : mask_phone(w.phone, mp))
				    : json_null());
	json_object_set_new(j, "bank_card",
			    w.bank_card
				    ? json_string(reveal ? w.bank_card : mask_card(w.bank_card, mc))
				    : json_null());
	json_object_set_new(j, "bank_code", jstr(w.bank_code));
	json_object_set_new(j, "employments", json_integer(w.employments));
	json_t *months = json_array();
	rc = store_worker_months(s, norm, add_month, months);
	json_object_set_new(j, "months", months);
	if (rc) {
		json_decref(j);
		fprintf(stderr, "wageguard show: %s\n", s->errmsg);
		return 1;
	}
	if (as_json)
		return print_json(j);
	printf("%-12s %s\n%-12s %s\n%-12s %s\n%-12s %s\n%-12s %s\n", "id_number",
	       json_string_value(json_object_get(j, "id_number")), "name",
	       w.name ? w.name : "- (not registered)", "phone",
	       json_is_null(json_object_get(j, "phone"))
		       ? "-"
		       : json_string_value(json_object_get(j, "phone")),
	       "bank_card",
	       json_is_null(json_object_get(j, "bank_card"))
		       ? "-"
		       : json_string_value(json_object_get(j, "bank_card")),
	       "bank_code", w.bank_code ? w.bank_code : "-");
	printf("\n%-12s %-8s %5s %12s %12s %12s %12s\n", "project", "period", "days", "gross",
	       "net", "paid", "unpaid");
	size_t i;
	json_t *m;
	json_array_foreach(months, i, m)
	{
		printf("%-12s %-8s %5" JSON_INTEGER_FORMAT " %12s %12s %12s %12s\n",
		       json_string_value(json_object_get(m, "project")),
		       json_string_value(json_object_get(m, "period")),
		       json_integer_value(json_object_get(m, "attendance_days")),
		       json_is_true(json_object_get(m, "payroll"))
			       ? json_string_value(json_object_get(m, "gross"))
			       : "-",
		       json_is_true(json_object_get(m, "payroll"))
			       ? json_string_value(json_object_get(m, "net"))
			       : "-",
		       json_string_value(json_object_get(m, "paid")),
		       json_string_value(json_object_get(m, "unpaid")));
	}
	json_decref(j);
	return 0;
}

int cmd_show(int argc, char **argv, const struct cli_global *g)
{
	bool as_json = false, reveal = false;
	const char *pos[2] = {NULL, NULL};
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			as_json = true;
		else if (strcmp(argv[i], "--reveal") == 0)
			reveal = true;
		else if (argv[i][0] != '-' && npos < 2)
			pos[npos++] = argv[i];
		else
			return cli_usage(argv[0]);
	}
	if (npos != 2 || (strcmp(pos[0], "project") != 0 && strcmp(pos[0], "worker") != 0))
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = strcmp(pos[0], "project") == 0 ? show_project(s, pos[1], as_json)
						: show_worker(s, pos[1], as_json, reveal);
	store_close(s);
	return rc;
}
