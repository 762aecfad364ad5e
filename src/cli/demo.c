/* demo.c — `wageguard demo`: the realistic demo data set (the generator at a small scale)
 * loaded into an empty database in dependency order, scanned, its ledger verified, one user
 * per role with a fresh random password, and served with the web UI (SPEC §12); the URL and
 * the logins are printed first. --load-only stops after loading (tests add their own users). */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "domain/credit.h"
#include "domain/import.h"
#include "domain/ledger.h"
#include "domain/user.h"
#include "domain/warn.h"
#include "gen/gen.h"
#include "store/project.h"
#include "store/store.h"
#include "store/user.h"
#include "store/warn.h"
#include "store/worker.h"
#include "util/date.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/banned.h"

#define ME "wageguard demo"

static int count_row(void *ctx, const struct project_row *r)
{
	(void)r;
	++*(int64_t *)ctx;
	return 0;
}

static int count_user(void *ctx, const struct user *u)
{
	(void)u;
	++*(int64_t *)ctx;
	return 0;
}

/* WG_OK when the store holds no project and no user: the demo never mixes its made-up
 * data and well-known user names into a database in use. */
static int check_empty(struct store *s)
{
	int64_t projects = 0, users = 0, seen = 0;
	int rc = store_project_list(s, SCOPE_ADMIN, "", NULL, NULL, 0, 1, count_row, &seen,
				    &projects);
	if (!rc)
		rc = store_user_list(s, count_user, &users);
	if (rc) {
		fprintf(stderr, ME ": %s\n", s->errmsg);
		return rc;
	}
	if (projects || users) {
		struct msg m;
		msg_set(&m, MSG_CLI_DEMO_NOT_EMPTY, MSG_END);
		msg_add_int(&m, "projects", projects);
		msg_add_int(&m, "users", users);
		fprintf(stderr, ME ": %s\n", msg_cli(&m));
		return WG_EINPUT;
	}
	return WG_OK;
}

/* Who the demo users act as: the first project, its region, contractor and bank, and a
 * worker with payroll there. */
struct picks {
	char project[72], region[24], contractor[24], bank[24], worker[24];
};

static int first_project(void *ctx, const struct project_row *r)
{
	struct picks *p = ctx;
	snprintf(p->project, sizeof p->project, "%s", r->code);
	snprintf(p->region, sizeof p->region, "%04lld", (long long)(r->region / 100));
	snprintf(p->contractor, sizeof p->contractor, "%s", r->contractor_uscc);
	return 0;
}

struct paid_month {
	const char *project;
	bool found;
};

static int paid_there(void *ctx, const struct worker_month *m)
{
	struct paid_month *pm = ctx;
	if (m->has_payroll && strcmp(m->project, pm->project) == 0)
		pm->found = true;
	return 0;
}

/* Worker ID numbers of the project's roster, kept until one with payroll there is found. */
struct roster_ids {
	char id[64][24];
	int n;
};

static int roster_id(void *ctx, const struct roster_row *r)
{
	struct roster_ids *ids = ctx;
	if (ids->n < 64)
		snprintf(ids->id[ids->n++], sizeof ids->id[0], "%s", r->id_number);
	return 0;
}

static int pick(struct store *s, struct picks *p)
{
	int64_t total = 0;
	struct roster_ids ids = {.n = 0};
	struct project_summary sum;
	int rc = store_project_list(s, SCOPE_ADMIN, "", NULL, NULL, 0, 1, first_project, p, &total);
	if (!rc && !p->project[0])
		rc = WG_ENOTFOUND;
	if (!rc && !(rc = store_project_summary(s, p->project, &sum)))
		snprintf(p->bank, sizeof p->bank, "%s", sum.bank_code ? sum.bank_code : "");
	if (!rc)
		rc = store_project_roster(s, p->project, roster_id, &ids);
	for (int i = 0; !rc && i < ids.n && !p->worker[0]; i++) {
		struct paid_month pm = {.project = p->project};
		rc = store_worker_months(s, ids.id[i], paid_there, &pm);
		if (!rc && pm.found)
			snprintf(p->worker, sizeof p->worker, "%s", ids.id[i]);
	}
	if (!rc && (!p->bank[0] || !p->worker[0]))
		rc = WG_ENOTFOUND;
	return rc;
}

/* A password of 12 characters from an alphabet without look-alikes (about 59 bits). */
static void new_password(char *pw)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
	for (int i = 0; i < 12; i++)
		pw[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	pw[12] = '\0';
}

struct demo_user {
	const char *name, *role, *display, *scope;
	char password[16];
};

/* Creates the parents of dir (the generator makes dir itself). 0, or 1 (printed). */
static int make_parents(const char *dir)
{
	char path[4096];
	if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
		return 1;
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, ME ": cannot create directory %s: %s\n", path,
				strerror(errno));
			return 1;
		}
		*p = '/';
	}
	return 0;
}

static int load(struct store *s, const char *dir, int scale_milli, int32_t *as_of)
{
	struct gen_options o = GEN_OPTIONS_INIT;
	struct gen_stats stats;
	char err[512];
	o.scale_milli = scale_milli;
	o.dir = dir;
	o.stats = &stats;
	struct msg m;
	fprintf(stderr, ME ": %s\n",
		msg_cli(msg_set(&m, MSG_CLI_DEMO_GENERATING, "dir", dir, MSG_END)));
	if (make_parents(dir))
		return 1;
	if (gen_run(&o, err, sizeof err)) {
		fprintf(stderr, ME ": %s\n", err);
		return 1;
	}
	for (int f = 0; f < GEN_NFILES; f++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", dir, gen_file_names[f]);
		struct import_opts io = {0};
		struct import_stats st;
		if (import_file(s, schema_kind_by_name(gen_file_names[f]), path, &io, &st,
				cli_print_problem, NULL)) {
			fprintf(stderr, ME ": %s\n",
				msg_cli(msg_set(&m, MSG_CLI_DEMO_LOAD_FAILED, "file", path,
						MSG_END)));
			return 1;
		}
		msg_set(&m, MSG_CLI_DEMO_FILE_LOADED, "kind", gen_file_names[f], MSG_END);
		msg_add_int(&m, "rows", (long long)st.rows);
		msg_add_int(&m, "inserted", (long long)st.inserted);
		fprintf(stderr, "  %s\n", msg_cli(&m));
	}
	msg_set(&m, MSG_CLI_DEMO_LOADED, MSG_END);
	msg_add_int(&m, "projects", stats.projects);
	msg_add_int(&m, "workers", stats.workers);
	fprintf(stderr, ME ": %s\n", msg_cli(&m));
	*as_of = period_last_day(o.start + o.months - 1);
	return 0;
}

/* The early-warning scan as of the data set's last day, recorded as `scan` does, and the
 * ledger verified. */
static int scan_and_verify(struct store *s, int32_t as_of)
{
	struct warn_config cfg;
	struct warn_result r = {0};
	struct ledger_report rep;
	int64_t opened = 0, resolved = 0, red = 0;
	char err[512], day[DATE_BUFSZ];
	struct msg m;
	int rc = warn_config_load(s, &cfg, err, sizeof err);
	if (rc) {
		fprintf(stderr, ME ": %s\n", err);
		return 1;
	}
	if ((rc = warn_scan(s, as_of, &cfg, false, &r)) ||
	    (rc = store_warn_record(s, as_of, r.w, r.n, &opened, &resolved, &red)) ||
	    (rc = credit_sync_scan(s))) {
		fprintf(stderr, ME ": %s\n",
			msg_cli(msg_set(&m, MSG_CLI_DEMO_SCAN_FAILED, "detail", s->errmsg,
					MSG_END)));
		warn_result_release(&r);
		return 1;
	}
	msg_set(&m, MSG_CLI_DEMO_SCANNED, "date", date_format(as_of, day), MSG_END);
	msg_add_int(&m, "count", (long long)r.n);
	msg_add_int(&m, "red", red);
	fprintf(stderr, ME ": %s\n", msg_cli(&m));
	warn_result_release(&r);
	rc = ledger_verify(s, &rep);
	if (rc) {
		fprintf(stderr, ME ": %s\n",
			msg_cli(msg_set(&m, MSG_CLI_DEMO_LEDGER_BROKEN, "detail",
					rc == WG_ETAMPER ? rep.first : s->errmsg, MSG_END)));
		return 1;
	}
	msg_set(&m, MSG_CLI_DEMO_LEDGER_OK, MSG_END);
	msg_add_int(&m, "entries", rep.entries);
	fprintf(stderr, ME ": %s\n", msg_cli(&m));
	return 0;
}

int cmd_demo(int argc, char **argv, const struct cli_global *g)
{
	const char *dir = "out/demo-data", *listen = "127.0.0.1:8080";
	int scale_milli = 200;
	bool load_only = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
			if (gen_parse_scale(argv[++i], &scale_milli))
				return cli_usage(argv[0]);
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
			listen = argv[++i];
		} else if (strcmp(argv[i], "--load-only") == 0) {
			load_only = true;
		} else {
			return cli_usage(argv[0]);
		}
	}
	if (sodium_init() < 0) {
		fprintf(stderr, ME ": libsodium cannot start\n");
		return 1;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	int32_t as_of = 0;
	int rc = check_empty(s) ? 1 : load(s, dir, scale_milli, &as_of);
	if (rc || load_only) {
		store_close(s);
		return rc;
	}
	struct picks p = {.project = ""};
	if ((rc = scan_and_verify(s, as_of)) == 0 && pick(s, &p)) {
		struct msg m;
		fprintf(stderr, ME ": %s\n", msg_cli(msg_set(&m, MSG_CLI_DEMO_NO_PICK, MSG_END)));
		rc = 1;
	}
	struct demo_user users[] = {
		{"admin", "admin", "平台管理员", NULL, ""},
		{"inspector", "regulator", "劳动监察员", p.region, ""},
		{"wageofficer", "enterprise", "劳资专管员", p.contractor, ""},
		{"bankfeed", "bank", "银行代发", p.bank, ""},
		{"worker", "worker", "农民工", p.worker, ""},
	};
	const int nusers = (int)(sizeof users / sizeof users[0]);
	for (int i = 0; i < nusers && !rc; i++) {
		char err[256];
		new_password(users[i].password);
		if (user_create(s, users[i].name, users[i].role, users[i].scope, users[i].display,
				users[i].password, err, sizeof err)) {
			struct msg m;
			fprintf(stderr, ME ": %s\n",
				msg_cli(msg_set(&m, MSG_CLI_DEMO_USER_FAILED, "user", users[i].name,
						"detail", err, MSG_END)));
			rc = 1;
		}
	}
	store_close(s);
	if (rc)
		return rc;
	printf("\nwageguard demo: http://%s/  (project %s)\n", listen, p.project);
	struct msg m;
	printf("%s\n", msg_cli(msg_set(&m, MSG_CLI_DEMO_LOGINS, MSG_END)));
	for (int i = 0; i < nusers; i++)
		printf("  %-11s %-12s %-14s %s\n", users[i].role, users[i].name, users[i].password,
		       users[i].scope ? users[i].scope : "");
	printf("\n");
	fflush(stdout);
	char *serve_argv[] = {"serve", "--listen", (char *)listen, NULL};
	return cmd_serve(3, serve_argv, g);
}
