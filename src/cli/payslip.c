/* payslip.c — `wageguard payslip ID PERIOD [--project CODE]`: a worker's payslip with its
 * receipt code (personal data masked unless --reveal), as text or JSON. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/checkpoint.h"
#include "domain/payslip.h"
#include "domain/view.h"
#include "store/store.h"
#include "store/worker.h"
#include "util/date.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

static void print_payslip(const struct payslip *p, const char *checkpoint, bool as_json,
			  bool reveal)
{
	const struct view_reader r = {.all = reveal};
	const struct payslip_line *l = &p->line;
	if (as_json) {
		json_t *j = view_payslip(p, &r);
		if (j)
			json_object_set_new(j, "checkpoint", json_loads(checkpoint, 0, NULL));
		char *text = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
		json_decref(j);
		if (text)
			puts(text);
		free(text);
		return;
	}
	static const char *const answers[] = {"none", "confirmed", "disputed"};
	char id[MASK_BUFSZ], per[PERIOD_BUFSZ], d[DATE_BUFSZ];
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];
	printf("工资条 payslip  %s  %s %s\n", period_format((int32_t)l->period, per), l->project,
	       l->project_name);
	printf("%-10s %s (%s)\n", "employer", l->employer_name, l->employer);
	printf("%-10s %s  %s\n", "worker", l->name ? l->name : "-",
	       view_id(&r, l->id_number, l->id_number, id));
	printf("%-10s %lld\n", "days", (long long)l->days);
	printf("%-10s %s\n%-10s %s\n%-10s %s\n", "gross", money_format(l->gross, a), "deductions",
	       money_format(l->deductions, b), "net", money_format(l->net, c));
	for (size_t i = 0; i < p->npay; i++) {
		char m[MASK_BUFSZ];
		const char *card = view_card(&r, p->pay[i].bank_card, l->id_number, m);
		printf("%-10s %s %12s %-8s %s %s\n", i ? "" : "payments", p->pay[i].txn_id,
		       money_format(p->pay[i].amount, a), p->pay[i].status,
		       date_format((int32_t)p->pay[i].paid_on, d), card ? card : "-");
	}
	printf("%-10s %s\n%-10s %s\n", "paid", money_format(p->paid, a), "unpaid",
	       money_format(l->net > p->paid ? l->net - p->paid : 0, b));
	printf("%-10s %s%s%s\n", "answer", answers[l->confirmation], l->reason ? ": " : "",
	       l->reason ? l->reason : "");
	printf("%-10s %s  (check: wageguard ledger check %s)\n", "receipt", p->receipt, p->receipt);
	printf("%-10s %s\n", "checkpoint", checkpoint);
}

int cmd_payslip(int argc, char **argv, const struct cli_global *g)
{
	const char *project = NULL, *pos[2] = {NULL, NULL};
	bool as_json = false, reveal = false;
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--project") == 0 && i + 1 < argc)
			project = argv[++i];
		else if (strcmp(argv[i], "--json") == 0)
			as_json = true;
		else if (strcmp(argv[i], "--reveal") == 0)
			reveal = true;
		else if (argv[i][0] != '-' && npos < 2)
			pos[npos++] = argv[i];
		else
			return cli_usage(argv[0]);
	}
	char id[19];
	int32_t period;
	if (npos != 2 || idcard_validate(pos[0], id) || period_parse(pos[1], &period))
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct payslip_projects ps = {.n = 0};
	int rc = 0;
	if (project)
		snprintf(ps.code[ps.n++], sizeof ps.code[0], "%s", project);
	else if ((rc = payslip_projects(s, id, period, &ps)))
		fprintf(stderr, "wageguard payslip: %s\n", s->errmsg);
	if (ps.n > PAYSLIP_MAX_PROJECTS)
		ps.n = PAYSLIP_MAX_PROJECTS;
	if (!rc && ps.n == 0) {
		fprintf(stderr, "wageguard payslip: no payroll line for %s in %s\n", pos[0],
			pos[1]);
		rc = 1;
	}
	/* every receipt comes with the ledger's signed head */
	char key_path[4096], err[512] = "", *cp = NULL;
	struct checkpoint_key k;
	struct checkpoint c;
	checkpoint_key_path(g->db, key_path, sizeof key_path);
	if (!rc &&
	    (checkpoint_key_load(key_path, 1, &k, err, sizeof err) || checkpoint_make(s, &k, &c) ||
	     !(cp = checkpoint_json(&c)))) {
		fprintf(stderr, "wageguard payslip: the ledger checkpoint: %s\n",
			err[0] ? err : s->errmsg);
		rc = 1;
	}
	sodium_memzero(&k, sizeof k);
	for (int i = 0; i < ps.n && !rc; i++) {
		struct payslip p;
		rc = payslip_get(s, ps.code[i], id, period, &p);
		if (rc == WG_ENOTFOUND) {
			fprintf(stderr, "wageguard payslip: no payroll line for %s in %s on %s\n",
				pos[0], pos[1], ps.code[i]);
		} else if (rc) {
			fprintf(stderr, "wageguard payslip: %s\n", s->errmsg);
		} else {
			print_payslip(&p, cp, as_json, reveal);
			payslip_release(&p);
		}
	}
	free(cp);
	store_close(s);
	return rc ? 1 : 0;
}

int cmd_payroll(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 4 || (strcmp(argv[1], "confirm") != 0 && strcmp(argv[1], "dispute") != 0))
		return cli_usage(argv[0]);
	enum payroll_answer a = strcmp(argv[1], "confirm") == 0 ? ANSWER_CONFIRM : ANSWER_DISPUTE;
	const char *project = NULL, *reason = NULL;
	int64_t claimed = 0;
	for (int i = 4; i < argc; i++) {
		if (strcmp(argv[i], "--project") == 0 && i + 1 < argc)
			project = argv[++i];
		else if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc && a == ANSWER_DISPUTE)
			reason = argv[++i];
		else if (strcmp(argv[i], "--amount") == 0 && i + 1 < argc && a == ANSWER_DISPUTE) {
			if (money_parse(argv[++i], &claimed)) {
				fprintf(stderr,
					"wageguard payroll: --amount '%s' is not an amount\n",
					argv[i]);
				return 2;
			}
		} else
			return cli_usage(argv[0]);
	}
	char id[19], err[256];
	int32_t period;
	if (!project || idcard_validate(argv[2], id) || period_parse(argv[3], &period))
		return cli_usage(argv[0]);
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int rc = payroll_answer(s, project, id, period, a, reason, claimed, err, sizeof err);
	if (rc == WG_ENOTFOUND)
		fprintf(stderr, "wageguard payroll: no payroll line for %s in %s on %s\n", argv[2],
			argv[3], project);
	else if (rc == WG_EINPUT)
		fprintf(stderr, "wageguard payroll: %s\n", err);
	else if (rc)
		fprintf(stderr, "wageguard payroll: %s\n", s->errmsg);
	else
		fprintf(stderr, "wageguard payroll: %s %s %s on %s recorded%s\n", argv[1], argv[2],
			argv[3], project,
			a == ANSWER_DISPUTE ? "; a case is opened or joined (wageguard case list)"
					    : "");
	store_close(s);
	return rc ? 1 : 0;
}
