/* warn.c — stored warnings (store/warn.h) in SQL both stores run: the names the database
 * keeps, recording a scan with each warning's life cycle (opened, level changed, resolved,
 * reopened) and an inspection task for each that turns red, listing, the dashboard. */
#include "store/warn.h"

#include <stdio.h>
#include <string.h>

#include "store/dialect.h"
#include "store/scope.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/err.h"
#include "util/banned.h"

const char *const warn_rule_names[WARN__RULES] = {
	"COMPLAINTS",       "CRIMINAL_THRESHOLD",
	"DEPOSIT_EXPIRING", "DEPOSIT_MISSING",
	"EXCESS_DEDUCTION", "LISTED_EMPLOYER",
	"LOW_BALANCE",      "NO_LABOR_COST",
	"NO_PAYROLL",       "OFF_CARD",
	"RECTIFY_OVERDUE",  "REPLENISH_OVERDUE",
	"UNDERPAID",        "UNPAID",
	"UNREGISTERED",
};
const char *const warn_level_names[3] = {"yellow", "orange", "red"};

int warn_rule_by_name(const char *name)
{
	for (int i = 0; name && i < WARN__RULES; i++)
		if (strcmp(warn_rule_names[i], name) == 0)
			return i;
	return -1;
}

int warn_level_by_name(const char *name)
{
	for (int i = 0; name && i < 3; i++)
		if (strcmp(warn_level_names[i], name) == 0)
			return i;
	return -1;
}

static int event(struct store *s, int64_t wid, int64_t on, const char *what, int level,
		 int64_t amount)
{
	static const char SQL[] = "INSERT INTO warning_events(warning_id, on_date, event, level,"
				  " amount) VALUES($1, $2, $3, $4, $5)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, wid);
	stmt_bind_int(st, 2, on);
	stmt_bind_text(st, 3, what);
	stmt_bind_int(st, 4, level);
	stmt_bind_int(st, 5, amount);
	return stmt_exec(st);
}

static int task(struct store *s, int64_t wid, int64_t on)
{
	static const char SQL[] = "INSERT INTO inspection_tasks(warning_id, region, opened_on)"
				  " SELECT id, region, $1 FROM warnings WHERE id=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, on);
	stmt_bind_int(st, 2, wid);
	return stmt_exec(st);
}

/* Binds the warning's key, $1 … $5. */
static void bind_key(struct stmt *st, const struct warning *w)
{
	stmt_bind_text(st, 1, warn_rule_names[w->rule]);
	stmt_bind_int(st, 2, w->project);
	stmt_bind_int(st, 3, w->employer);
	stmt_bind_int(st, 4, w->person);
	stmt_bind_int(st, 5, w->period);
}

/* Upserts one warning of scan number scan; counts what happened. */
static int record_one(struct store *s, int64_t scan, int64_t as_of, const struct warning *w,
		      int64_t *opened, int64_t *red)
{
	static const char FIND[] =
		"SELECT id, level, resolved_on IS NOT NULL FROM warnings WHERE rule=$1"
		" AND project_id=$2 AND employer_id=$3 AND person_id=$4 AND period=$5";
	/* the region of the project, else of the employer (employer-wide warnings) */
	static const char INSERT[] =
		"INSERT INTO warnings(rule, project_id, employer_id, person_id, period,"
		" region, level, amount, overdue_days, days, first_seen, last_seen, scan)"
		" VALUES($1, $2, $3, $4, $5, coalesce((SELECT region_code FROM projects"
		" WHERE id=$2), (SELECT region_code FROM enterprises WHERE id=$3), 0),"
		" $6, $7, $8, $9, $10, $10, $11) RETURNING id";
	/* the key as well as the id: PostgreSQL/Citus routes by it */
	static const char UPDATE[] =
		"UPDATE warnings SET level=$6, amount=$7, overdue_days=$8, days=$9,"
		" last_seen=$10, scan=$11, resolved_on=NULL WHERE id=$12"
		" AND rule=$1 AND project_id=$2 AND employer_id=$3 AND person_id=$4 AND period=$5";
	if (w->rule < 0 || w->rule >= WARN__RULES) {
		WG_BUG("warning with an unknown rule");
		return WG_ESTORE;
	}
	struct stmt *st = stmt_get(s, FIND, FIND);
	if (!st)
		return WG_ESTORE;
	bind_key(st, w);
	int rc = stmt_step(st);
	if (rc < 0)
		return rc;
	int found = rc == 1;
	int64_t wid = found ? stmt_int(st, 0) : 0;
	int old_level = found ? (int)stmt_int(st, 1) : -1;
	int was_resolved = found && stmt_int(st, 2);
	stmt_reset(st);
	if (!(st = found ? stmt_get(s, UPDATE, UPDATE) : stmt_get(s, INSERT, INSERT)))
		return WG_ESTORE;
	bind_key(st, w);
	stmt_bind_int(st, 6, w->level);
	stmt_bind_int(st, 7, w->amount);
	stmt_bind_int(st, 8, w->overdue_days);
	stmt_bind_int(st, 9, w->days);
	stmt_bind_int(st, 10, as_of);
	stmt_bind_int(st, 11, scan);
	if (found) {
		stmt_bind_int(st, 12, wid);
		rc = stmt_exec(st);
	} else if ((rc = stmt_step(st)) == 1) {
		wid = stmt_int(st, 0);
		rc = stmt_exec(st);
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	if (rc)
		return rc;
	if (!found) {
		++*opened;
		rc = event(s, wid, as_of, "opened", w->level, w->amount);
	} else if (was_resolved) {
		++*opened;
		rc = event(s, wid, as_of, "reopened", w->level, w->amount);
	} else if (old_level != w->level) {
		rc = event(s, wid, as_of, "level", w->level, w->amount);
	}
	if (rc)
		return rc;
	if (w->level == LEVEL_RED && (old_level != LEVEL_RED || was_resolved)) {
		++*red;
		return task(s, wid, as_of);
	}
	return WG_OK;
}

int store_warn_record(struct store *s, int64_t as_of, const struct warning *w, size_t n,
		      int64_t *opened, int64_t *resolved, int64_t *opened_red)
{
	static const char NEXT[] = "SELECT coalesce(max(scan), 0) + 1 FROM warnings";
	/* every open warning this scan did not see has stopped firing */
	static const char EVENTS[] =
		"INSERT INTO warning_events(warning_id, on_date, event, level, amount)"
		" SELECT id, $1, 'resolved', level, amount FROM warnings"
		" WHERE resolved_on IS NULL AND scan<>$2";
	static const char RESOLVE[] = "UPDATE warnings SET resolved_on=$1"
				      " WHERE resolved_on IS NULL AND scan<>$2";
	*opened = *resolved = *opened_red = 0;
	int rc = s->ops->begin(s);
	if (rc)
		return rc;
	struct stmt *st = stmt_get(s, NEXT, NEXT);
	if (!st || (rc = stmt_step(st)) != 1) {
		rc = rc < 0 ? rc : WG_ESTORE;
		goto fail;
	}
	int64_t scan = stmt_int(st, 0);
	stmt_reset(st);
	for (size_t i = 0; i < n; i++)
		if ((rc = record_one(s, scan, as_of, &w[i], opened, opened_red)))
			goto fail;
	const char *const sql[2] = {EVENTS, RESOLVE};
	for (int i = 0; i < 2; i++) {
		if (!(st = stmt_get(s, sql[i], sql[i]))) {
			rc = WG_ESTORE;
			goto fail;
		}
		stmt_bind_int(st, 1, as_of);
		stmt_bind_int(st, 2, scan);
		if ((rc = stmt_exec(st)))
			goto fail;
		if (i == 0)
			*resolved = stmt_changes(st);
	}
	return s->ops->commit(s);
fail:
	s->ops->rollback(s);
	return rc;
}

int warn_sort_known(const char *name)
{
	static const char *const keys[] = {"level", "overdue", "amount",   "period", "first_seen",
					   "rule",  "project", "employer", "worker", NULL};
	for (int i = 0; keys[i]; i++)
		if (strcmp(name, keys[i]) == 0)
			return 1;
	return 0;
}

#define WARN_LIST_SELECT                                                                                                              \
	"SELECT w.id, w.rule, w.level, w.project_id, w.employer_id, w.person_id, w.period,"                                           \
	" w.amount, w.overdue_days, w.days, w.first_seen, w.last_seen,"                                                               \
	" coalesce(w.resolved_on, -1), p.code, e.uscc, pe.id_number, p.name, e.name, wk.name,"                                        \
	" coalesce(p.region_code, e.region_code, 0) FROM warnings w"                                                                  \
	" LEFT JOIN projects p ON p.id=w.project_id"                                                                                  \
	" LEFT JOIN enterprises e ON e.id=w.employer_id"                                                                              \
	" LEFT JOIN persons pe ON pe.id=w.person_id"                                                                                  \
	" LEFT JOIN workers wk ON wk.person_id=w.person_id"                                                                           \
	" WHERE ($1=0 OR w.resolved_on IS NULL) AND ($2 IS NULL OR p.code=$2)"                                                        \
	" AND ($3<0 OR w.level=$3) AND ($4 IS NULL OR w.rule=$4)" /* the caller's scope: region, own enterprise, bank, own records */ \
	" AND ($5=0"                                                                                                                  \
	"  OR ($5=1 AND " SQL_PREFIXED(                                                                                               \
		"CAST(coalesce(p.region_code, e.region_code) AS TEXT)",                                                               \
		"$6") ")"                                                                                                             \
		      "  OR ($5=2 AND (e.uscc=$6 OR p.owner_id=(SELECT id FROM enterprises WHERE "                                    \
		      "uscc=$6)"                                                                                                      \
		      "   OR p.contractor_id=(SELECT id FROM enterprises WHERE uscc=$6)))"                                            \
		      "  OR ($5=3 AND EXISTS(SELECT 1 FROM accounts a WHERE "                                                         \
		      "a.project_id=w.project_id"                                                                                     \
		      "   AND a.bank_code=$6))"                                                                                       \
		      "  OR ($5=4 AND pe.id_number=$6))" /* the queue's filters: a district, a first-seen window */                   \
		      " AND ($7 IS NULL OR " SQL_PREFIXED(                                                                            \
			      "CAST(coalesce(p.region_code, e.region_code) AS TEXT)",                                                 \
			      "$7") ")"                                                                                               \
				    " AND ($8=0 OR w.first_seen>=$8) AND ($9=0 OR "                                                   \
				    "w.first_seen<=$9)"

#define WARN_LIST_SCAN_ORDER                                                                       \
	"w.rule" SQL_BYTES ", p.code" SQL_BYTES " NULLS FIRST, e.uscc" SQL_BYTES                   \
	" NULLS FIRST, pe.id_number" SQL_BYTES " NULLS FIRST, w.period"

int store_warn_list(struct store *s, const struct warning_filter *f,
		    int (*cb)(void *, const struct warning_view *), void *ctx)
{
	static const char SCAN_SQL[] = WARN_LIST_SELECT " ORDER BY " WARN_LIST_SCAN_ORDER;
	/* the work queue: the chosen key ($10; numbers, then texts, each way by $11: 1 or -1),
	 * then the most urgent first */
	static const char QUEUE_SQL[] = WARN_LIST_SELECT
		" ORDER BY"
		" $11 * (CASE $10 WHEN 'level' THEN w.level WHEN 'overdue' THEN w.overdue_days"
		"  WHEN 'amount' THEN w.amount WHEN 'period' THEN coalesce(w.period, -1)"
		"  WHEN 'first_seen' THEN w.first_seen ELSE 0 END),"
		" (CASE WHEN $11>0 THEN (CASE $10 WHEN 'rule' THEN w.rule WHEN 'project' THEN "
		"p.code"
		"  WHEN 'employer' THEN coalesce(e.name, e.uscc) WHEN 'worker' THEN pe.id_number "
		"END)"
		" END)" SQL_BYTES " NULLS FIRST,"
		" (CASE WHEN $11<0 THEN (CASE $10 WHEN 'rule' THEN w.rule WHEN 'project' THEN "
		"p.code"
		"  WHEN 'employer' THEN coalesce(e.name, e.uscc) WHEN 'worker' THEN pe.id_number "
		"END)"
		" END)" SQL_BYTES " DESC NULLS LAST,"
		" w.level DESC, w.overdue_days DESC, w.amount DESC, " WARN_LIST_SCAN_ORDER;
	const char *SQL = f->queue ? QUEUE_SQL : SCAN_SQL;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, f->open_only);
	stmt_bind_text(st, 2, f->project);
	stmt_bind_int(st, 3, f->level);
	stmt_bind_text(st, 4,
		       f->rule >= 0 && f->rule < WARN__RULES ? warn_rule_names[f->rule] : NULL);
	stmt_bind_int(st, 5, f->scope_role);
	stmt_bind_text(st, 6, f->scope ? f->scope : "");
	stmt_bind_text(st, 7, f->region && *f->region ? f->region : NULL);
	stmt_bind_int(st, 8, f->seen_from);
	stmt_bind_int(st, 9, f->seen_to);
	if (f->queue) {
		stmt_bind_text(st, 10, f->sort ? f->sort : "level");
		/* the default order is the most urgent first */
		stmt_bind_int(st, 11, f->desc || !f->sort ? -1 : 1);
	}
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct warning_view v = {
			.id = stmt_int(st, 0),
			.w = {.rule = warn_rule_by_name(stmt_text(st, 1)),
			      .level = (int)stmt_int(st, 2),
			      .project = stmt_int(st, 3),
			      .employer = stmt_int(st, 4),
			      .person = stmt_int(st, 5),
			      .period = stmt_int(st, 6),
			      .amount = stmt_int(st, 7),
			      .overdue_days = stmt_int(st, 8),
			      .days = stmt_int(st, 9)},
			.first_seen = stmt_int(st, 10),
			.last_seen = stmt_int(st, 11),
			.resolved_on = stmt_int(st, 12),
			.project = stmt_text(st, 13),
			.employer = stmt_text(st, 14),
			.worker = stmt_text(st, 15),
			.project_name = stmt_text(st, 16),
			.employer_name = stmt_text(st, 17),
			.worker_name = stmt_text(st, 18),
			.region = stmt_int(st, 19),
		};
		if (v.w.rule < 0 || v.w.level < 0 || v.w.level > LEVEL_RED)
			continue; /* a rule this version does not know: not ours to show */
		if ((rc = cb(ctx, &v)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* The dashboard's queries, with "%s" standing for the scope conditions: open warnings by
 * region and level (the warning condition, then the project one); unpaid arrears (UNPAID and
 * NO_PAYROLL) by period; the ten projects most at risk; totals (project condition twice,
 * warning condition, project condition). An employer-wide warning counts where its
 * employer's region is, as in the warnings list. */
static const char *const dashboard_sql[4] = {
	"SELECT w.region, w.level, count(*) FROM warnings w LEFT JOIN projects p"
	" ON p.id=w.project_id WHERE w.resolved_on IS NULL"
	" AND ((w.project_id=0 AND %s) OR (w.project_id<>0 AND (%s)))"
	" GROUP BY 1, 2 ORDER BY 1, 2",
	"SELECT w.period, sum(w.amount), count(DISTINCT w.person_id) FROM warnings w"
	" JOIN projects p ON p.id=w.project_id WHERE w.resolved_on IS NULL"
	" AND w.rule IN ('NO_PAYROLL', 'UNPAID') AND (%s) GROUP BY 1 ORDER BY 1",
	"SELECT p.code, p.name, p.region_code, sum(CASE WHEN w.level=2 THEN 1 ELSE 0 END),"
	" sum(CASE WHEN w.level=1 THEN 1 ELSE 0 END),"
	" sum(CASE WHEN w.rule IN ('NO_PAYROLL', 'UNPAID') THEN w.amount ELSE 0 END)"
	" FROM warnings w JOIN projects p ON p.id=w.project_id WHERE w.resolved_on IS NULL"
	" AND (%s) GROUP BY p.id, p.code, p.name, p.region_code"
	" ORDER BY 4 DESC, 6 DESC, 5 DESC, p.code" SQL_BYTES " LIMIT 10",
	"SELECT (SELECT count(*) FROM projects p WHERE %s),"
	" (SELECT count(DISTINCT em.person_id) FROM employments em JOIN projects p"
	"  ON p.id=em.project_id WHERE %s),"
	" (SELECT count(*) FROM warnings w LEFT JOIN projects p ON p.id=w.project_id"
	"  WHERE w.resolved_on IS NULL"
	"  AND ((w.project_id=0 AND %s) OR (w.project_id<>0 AND (%s))))",
};

/* One statement per part and role. */
static const char DASHBOARD_KEYS[4][5];

int store_dashboard(struct store *s, int role, const char *scope, struct dashboard_sink *k)
{
	if (role < SCOPE_ADMIN || role > SCOPE_WORKER)
		return WG_ENOTFOUND;
	char scb[1024], sql[4000];
	char wscb[256];
	const char *sc = store_scope_sql(role, "$1", scb, sizeof scb);
	const char *wsc = store_scope_warning_sql(role, "$1", wscb, sizeof wscb);
	const char *args[4][4] = {{wsc, sc}, {sc}, {sc}, {sc, sc, wsc, sc}};
	int rc = WG_OK;
	for (int part = 0; part < 4 && !rc; part++) {
		snprintf(sql, sizeof sql, dashboard_sql[part], args[part][0], args[part][1],
			 args[part][2], args[part][3]);
		struct stmt *st = stmt_get(s, &DASHBOARD_KEYS[part][role], sql);
		if (!st)
			return WG_ESTORE;
		stmt_bind_text(st, 1, scope);
		while ((rc = stmt_step(st)) == 1) {
#define I(n) stmt_int(st, n)
			if (part == 0)
				rc = k->level(k->ctx, I(0), (int)I(1), I(2));
			else if (part == 1)
				rc = k->arrears(k->ctx, I(0), I(1), I(2));
			else if (part == 2)
				rc = k->top(k->ctx, stmt_text(st, 0), stmt_text(st, 1), I(2), I(3),
					    I(4), I(5));
			else {
				k->projects = I(0);
				k->workers = I(1);
				k->open_warnings = I(2);
				rc = 0;
			}
#undef I
			if (rc)
				break;
		}
		stmt_reset(st);
	}
	/* the day of the last recorded scan: what the figures are as of (every scan touches
	 * each warning it sees, or resolves it, on its day) */
	static const char SCANNED[] =
		"SELECT coalesce(max(" SQL_GREATEST "(last_seen, coalesce(resolved_on, 0))), -1)"
		" FROM warnings";
	k->scanned_on = -1;
	struct stmt *st = rc ? NULL : stmt_get(s, SCANNED, SCANNED);
	if (!rc && !st)
		return WG_ESTORE;
	if (st) {
		if ((rc = stmt_step(st)) == 1) {
			k->scanned_on = stmt_int(st, 0);
			rc = 0;
		}
		stmt_reset(st);
	}
	return rc;
}
