/* supervision.c — the supervision store (store/supervision.h) in SQL both stores run: each
 * query next to its operation, over store/stmt.h. */
#include "store/supervision.h"

#include <stdio.h>
#include <string.h>

#include "store/dialect.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

#define TEXT_OR(st, col) (stmt_null(st, col) ? NULL : stmt_text(st, col))
#define DAY_OR(st, col) (stmt_null(st, col) ? -1 : stmt_int(st, col))

static void bind_day(struct stmt *st, int i, int64_t day)
{
	if (day < 0)
		stmt_bind_null(st, i);
	else
		stmt_bind_int(st, i, day);
}

static void bind_id(struct stmt *st, int i, int64_t id)
{
	if (id <= 0)
		stmt_bind_null(st, i);
	else
		stmt_bind_int(st, i, id);
}

/* Steps a statement expected to return one row of one integer into *out. */
static int one_int(struct stmt *st, int64_t *out)
{
	int rc = stmt_step(st);
	if (rc == 1)
		*out = stmt_int(st, 0);
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

/* Runs an INSERT … RETURNING id to its end, the id into *id. */
static int insert_id(struct stmt *st, int64_t *id)
{
	int rc = stmt_step(st);
	if (rc == 1) {
		*id = stmt_int(st, 0);
		rc = stmt_exec(st);
	} else if (rc == 0) {
		rc = WG_ESTORE;
	}
	stmt_reset(st);
	return rc;
}

/* Steps a statement expected to return one row of one text, kept. */
static int one_text(struct store *s, struct stmt *st, const char **out)
{
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		*out = stmt_keep(st, 0);
		if (!*out)
			rc = WG_ENOMEM;
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_region_of(struct store *s, const char *uscc, const char *project, int64_t *region)
{
	static const char PROJECT[] = "SELECT region_code FROM projects WHERE code=$1";
	static const char ENTERPRISE[] = "SELECT region_code FROM enterprises WHERE uscc=$1";
	struct stmt *st =
		project ? stmt_get(s, PROJECT, PROJECT) : stmt_get(s, ENTERPRISE, ENTERPRISE);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project ? project : uscc);
	return one_int(st, region);
}

int store_sv_enterprise_name(struct store *s, const char *uscc, const char **name)
{
	static const char SQL[] = "SELECT name FROM enterprises WHERE uscc=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	return one_text(s, st, name);
}

int store_sv_project_contractor(struct store *s, const char *project, const char **uscc)
{
	static const char SQL[] = "SELECT e.uscc FROM projects p JOIN enterprises e"
				  " ON e.id=p.contractor_id WHERE p.code=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, project);
	return one_text(s, st, uscc);
}

/* ---- inspectors ---- */

int store_sv_conflict_add(struct store *s, struct sv_conflict *c)
{
	static const char SQL[] =
		"INSERT INTO sv_conflicts(region, inspector, uscc, reason,"
		" declared_on, actor) VALUES($1, $2, $3, $4, $5, $6) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, c->region);
	stmt_bind_text(st, 2, c->inspector);
	stmt_bind_text(st, 3, c->uscc);
	stmt_bind_text(st, 4, c->reason);
	stmt_bind_int(st, 5, c->declared_on);
	stmt_bind_text(st, 6, c->actor);
	return insert_id(st, &c->id);
}

int store_sv_conflict_withdraw(struct store *s, int64_t id, int64_t day)
{
	static const char SQL[] = "UPDATE sv_conflicts SET withdrawn_on=$2 WHERE id=$1"
				  " AND withdrawn_on IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ENOTFOUND;
}

int store_sv_conflict_list(struct store *s, const char *prefix, int64_t day,
			   int (*cb)(void *, const struct sv_conflict *), void *ctx)
{
	static const char SQL[] =
		"SELECT id, region, inspector, uscc, reason, declared_on, withdrawn_on, actor"
		" FROM sv_conflicts WHERE " SQL_PREFIXED(
			"CAST(region AS TEXT)", "$1") ""
						      " AND (($2<0 AND withdrawn_on IS NULL)"
						      "  OR ($2>=0 AND declared_on<=$2 AND "
						      "(withdrawn_on IS NULL OR withdrawn_on>$2)))"
						      " ORDER BY inspector" SQL_BYTES
						      ", uscc" SQL_BYTES ", id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	stmt_bind_int(st, 2, day);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_conflict c = {.id = stmt_int(st, 0),
					.region = stmt_int(st, 1),
					.inspector = stmt_text(st, 2),
					.uscc = stmt_text(st, 3),
					.reason = stmt_text(st, 4),
					.declared_on = stmt_int(st, 5),
					.withdrawn_on = DAY_OR(st, 6),
					.actor = TEXT_OR(st, 7)};
		if ((rc = cb(ctx, &c)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_roster(struct store *s, const char *prefix,
		    int (*cb)(void *, const char *, const char *), void *ctx)
{
	static const char SQL[] =
		"SELECT username, display_name FROM users WHERE role='regulator'"
		" AND disabled=0 AND " SQL_PREFIXED("scope", "$1") " ORDER BY username" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), TEXT_OR(st, 1))))
			break;
	stmt_reset(st);
	return rc;
}

int store_sv_inspector_scope(struct store *s, const char *username, const char **scope)
{
	static const char SQL[] = "SELECT scope FROM users WHERE username=$1"
				  " AND role='regulator' AND disabled=0";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, username);
	return one_text(s, st, scope);
}

int store_sv_enterprises(struct store *s, const char *prefix,
			 int (*cb)(void *, const char *, int64_t), void *ctx)
{
	static const char SQL[] = "SELECT uscc, region_code FROM enterprises"
				  " WHERE " SQL_PREFIXED("CAST(region_code AS TEXT)",
							 "$1") ""
							       " ORDER BY uscc" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), stmt_int(st, 1))))
			break;
	stmt_reset(st);
	return rc;
}

/* ---- draws ---- */

int store_sv_draw_add(struct store *s, struct sv_draw *d)
{
	static const char SQL[] =
		"INSERT INTO sv_draws(region, scope, campaign_id, seed, seeded_at, drawn_on, n, k,"
		" actor) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, d->region);
	stmt_bind_text(st, 2, d->scope);
	bind_id(st, 3, d->campaign_id);
	stmt_bind_text(st, 4, d->seed);
	stmt_bind_int(st, 5, d->seeded_at);
	stmt_bind_int(st, 6, d->drawn_on);
	stmt_bind_int(st, 7, d->n);
	stmt_bind_int(st, 8, d->k);
	stmt_bind_text(st, 9, d->actor);
	return insert_id(st, &d->id);
}

int store_sv_draw_publish(struct store *s, int64_t id, const char *document, int64_t drawn_on)
{
	static const char SQL[] = "UPDATE sv_draws SET document=$2, drawn_on=$3, published=1"
				  " WHERE id=$1 AND document IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, document);
	stmt_bind_int(st, 3, drawn_on);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

#define DRAW_COLS                                                                                  \
	"id, region, scope, coalesce(campaign_id, 0), seed, seeded_at, drawn_on, n, k,"            \
	" document, published, actor"

static void read_draw(struct stmt *st, struct sv_draw *d, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
	d->id = stmt_int(st, 0);
	d->region = stmt_int(st, 1);
	d->scope = text(st, 2);
	d->campaign_id = stmt_int(st, 3);
	d->seed = text(st, 4);
	d->seeded_at = stmt_int(st, 5);
	d->drawn_on = stmt_int(st, 6);
	d->n = stmt_int(st, 7);
	d->k = stmt_int(st, 8);
	d->document = stmt_null(st, 9) ? NULL : text(st, 9);
	d->published = (int)stmt_int(st, 10);
	d->actor = stmt_null(st, 11) ? NULL : text(st, 11);
}

int store_sv_draw_get(struct store *s, int64_t id, struct sv_draw *out)
{
	static const char SQL[] = "SELECT " DRAW_COLS " FROM sv_draws WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_draw(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_draw_list(struct store *s, const char *prefix, int published_only,
		       int (*cb)(void *, const struct sv_draw *), void *ctx)
{
	static const char SQL[] =
		"SELECT " DRAW_COLS " FROM sv_draws"
		" WHERE " SQL_PREFIXED("CAST(region AS TEXT)",
				       "$1") ""
					     " AND ($2=0 OR document IS NOT NULL) ORDER BY id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	stmt_bind_int(st, 2, published_only);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_draw d;
		read_draw(st, &d, 0);
		if ((rc = cb(ctx, &d)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* ---- inspections ---- */

int store_sv_inspection_add(struct store *s, struct sv_inspection *in)
{
	static const char SQL[] =
		"INSERT INTO sv_inspections(region, kind, status, uscc, project, case_number,"
		" task_id, campaign_id, draw_id, planned_on, inspected_on, note, created_at, actor)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, in->region);
	stmt_bind_text(st, 2, in->kind);
	stmt_bind_text(st, 3, in->status);
	stmt_bind_text(st, 4, in->uscc);
	stmt_bind_text(st, 5, in->project);
	stmt_bind_text(st, 6, in->case_number);
	bind_id(st, 7, in->task_id);
	bind_id(st, 8, in->campaign_id);
	bind_id(st, 9, in->draw_id);
	bind_day(st, 10, in->planned_on);
	bind_day(st, 11, in->inspected_on);
	stmt_bind_text(st, 12, in->note);
	stmt_bind_int(st, 13, in->created_at);
	stmt_bind_text(st, 14, in->actor);
	return insert_id(st, &in->id);
}

int store_sv_inspection_add_inspector(struct store *s, int64_t id, int64_t region,
				      const char *inspector)
{
	static const char SQL[] = "INSERT INTO sv_inspectors(inspection_id, region, inspector)"
				  " VALUES($1, $2, $3) ON CONFLICT DO NOTHING";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, region);
	stmt_bind_text(st, 3, inspector);
	return stmt_exec(st);
}

int store_sv_finding_set(struct store *s, int64_t id, int64_t region, const struct sv_finding *f)
{
	static const char SQL[] =
		"INSERT INTO sv_findings(inspection_id, region, item, result, note)"
		" VALUES($1, $2, $3, $4, $5) ON CONFLICT(inspection_id, item)"
		" DO UPDATE SET result=excluded.result, note=excluded.note";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, region);
	stmt_bind_text(st, 3, f->item);
	stmt_bind_text(st, 4, f->result);
	stmt_bind_text(st, 5, f->note);
	return stmt_exec(st);
}

int store_sv_inspection_done(struct store *s, int64_t id, int64_t day, const char *note)
{
	static const char SQL[] = "UPDATE sv_inspections SET status='done', inspected_on=$2,"
				  " note=coalesce($3, note) WHERE id=$1 AND status='planned'";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	stmt_bind_text(st, 3, note);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

/* The inspectors of an inspection joined with ',' in name order: a correlated aggregate
 * over an ordered subquery (SQL_AGG keeps the order rows come in). */
#define INSPECTION_COLS                                                                            \
	"i.id, i.region, i.kind, i.status, i.uscc, i.project, i.case_number,"                      \
	" coalesce(i.task_id, 0), coalesce(i.campaign_id, 0), coalesce(i.draw_id, 0),"             \
	" i.planned_on, i.inspected_on, i.note, i.created_at, i.actor,"                            \
	" (SELECT " SQL_AGG "(x.inspector, ',') FROM (SELECT inspector FROM sv_inspectors"         \
	"  WHERE inspection_id=i.id ORDER BY inspector" SQL_BYTES ") x)"

static void read_inspection(struct stmt *st, struct sv_inspection *in, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
#define T(c) (stmt_null(st, c) ? NULL : text(st, c))
	in->id = stmt_int(st, 0);
	in->region = stmt_int(st, 1);
	in->kind = T(2);
	in->status = T(3);
	in->uscc = T(4);
	in->project = T(5);
	in->case_number = T(6);
	in->task_id = stmt_int(st, 7);
	in->campaign_id = stmt_int(st, 8);
	in->draw_id = stmt_int(st, 9);
	in->planned_on = DAY_OR(st, 10);
	in->inspected_on = DAY_OR(st, 11);
	in->note = T(12);
	in->created_at = stmt_int(st, 13);
	in->actor = T(14);
	in->inspectors = stmt_null(st, 15) ? "" : text(st, 15);
#undef T
}

int store_sv_inspection_get(struct store *s, int64_t id, struct sv_inspection *out)
{
	static const char SQL[] = "SELECT " INSPECTION_COLS " FROM sv_inspections i WHERE i.id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_inspection(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_inspection_findings(struct store *s, int64_t id,
				 int (*cb)(void *, const struct sv_finding *), void *ctx)
{
	static const char SQL[] = "SELECT item, result, note FROM sv_findings"
				  " WHERE inspection_id=$1 ORDER BY item" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_finding f = {stmt_text(st, 0), stmt_text(st, 1), TEXT_OR(st, 2)};
		if ((rc = cb(ctx, &f)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_inspection_list(struct store *s, const struct sv_inspection_filter *f,
			     int (*cb)(void *, const struct sv_inspection *), void *ctx)
{
	static const char SQL[] =
		"SELECT " INSPECTION_COLS " FROM sv_inspections i"
		" WHERE " SQL_PREFIXED(
			"CAST(i.region AS TEXT)",
			"$1") " AND ($2 IS NULL OR i.uscc=$2)"
			      " AND ($3 IS NULL OR i.status=$3) AND ($4 IS NULL OR i.kind=$4)"
			      " AND ($5=0 OR i.campaign_id=$5) AND ($6 IS NULL OR EXISTS(SELECT 1"
			      "  FROM sv_inspectors x WHERE x.inspection_id=i.id AND "
			      "x.inspector=$6))"
			      " ORDER BY coalesce(i.inspected_on, i.planned_on, 0) DESC, i.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, f->region ? f->region : "");
	stmt_bind_text(st, 2, f->uscc);
	stmt_bind_text(st, 3, f->status);
	stmt_bind_text(st, 4, f->kind);
	stmt_bind_int(st, 5, f->campaign_id);
	stmt_bind_text(st, 6, f->inspector);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_inspection in;
		read_inspection(st, &in, 0);
		if ((rc = cb(ctx, &in)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_last_inspection(struct store *s, const char *uscc, int64_t day, int64_t *last,
			     int *found)
{
	static const char SQL[] = "SELECT max(inspected_on) FROM sv_inspections WHERE uscc=$1"
				  " AND status='done' AND inspected_on<=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, day);
	int rc = stmt_step(st);
	*found = 0;
	*last = 0;
	if (rc == 1 && !stmt_null(st, 0)) {
		*found = 1;
		*last = stmt_int(st, 0);
	}
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_sv_compliance(struct store *s, char by, const char *prefix,
			int (*cb)(void *, const char *, int64_t, int64_t, int64_t), void *ctx)
{
	static const char BY_PROJECT[] =
		"SELECT coalesce(i.project, ''), sum(CASE WHEN f.result='yes' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN f.result='no' THEN 1 ELSE 0 END), count(DISTINCT i.id)"
		" FROM sv_inspections i LEFT JOIN sv_findings f ON f.inspection_id=i.id"
		" WHERE i.status='done' AND " SQL_PREFIXED(
			"CAST(i.region AS TEXT)", "$1") ""
							" GROUP BY coalesce(i.project, '') ORDER "
							"BY coalesce(i.project, '')" SQL_BYTES;
	static const char BY_REGION[] =
		"SELECT CAST(i.region AS TEXT), sum(CASE WHEN f.result='yes' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN f.result='no' THEN 1 ELSE 0 END), count(DISTINCT i.id)"
		" FROM sv_inspections i LEFT JOIN sv_findings f ON f.inspection_id=i.id"
		" WHERE i.status='done' AND " SQL_PREFIXED(
			"CAST(i.region AS TEXT)", "$1") ""
							" GROUP BY CAST(i.region AS TEXT) ORDER BY "
							"CAST(i.region AS TEXT)" SQL_BYTES;
	struct stmt *st =
		by == 'p' ? stmt_get(s, BY_PROJECT, BY_PROJECT) : stmt_get(s, BY_REGION, BY_REGION);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), stmt_int(st, 1), stmt_int(st, 2),
			     stmt_int(st, 3))))
			break;
	stmt_reset(st);
	return rc;
}

/* ---- inspection tasks ---- */

#define TASK_COLS                                                                                  \
	"t.id, t.region, t.opened_on, t.warning_id, t.status, w.rule, p.code, e.uscc, c.uscc,"     \
	" w.level, w.amount"
#define TASK_FROM                                                                                  \
	" FROM inspection_tasks t JOIN warnings w ON w.id=t.warning_id"                            \
	" LEFT JOIN projects p ON p.id=w.project_id LEFT JOIN enterprises e ON e.id=w.employer_id" \
	" LEFT JOIN enterprises c ON c.id=p.contractor_id"

static void read_task(struct stmt *st, struct sv_task *t, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
#define T(c) (stmt_null(st, c) ? NULL : text(st, c))
	t->id = stmt_int(st, 0);
	t->region = stmt_int(st, 1);
	t->opened_on = stmt_int(st, 2);
	t->warning_id = stmt_int(st, 3);
	t->status = T(4);
	t->rule = T(5);
	t->project = T(6);
	t->employer = T(7);
	t->contractor = T(8);
	t->level = (int)stmt_int(st, 9);
	t->amount = stmt_int(st, 10);
#undef T
}

int store_sv_task_get(struct store *s, int64_t id, struct sv_task *out)
{
	static const char SQL[] = "SELECT " TASK_COLS TASK_FROM " WHERE t.id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_task(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_task_list(struct store *s, const char *prefix, int open_only,
		       int (*cb)(void *, const struct sv_task *), void *ctx)
{
	static const char SQL[] = "SELECT " TASK_COLS TASK_FROM " WHERE " SQL_PREFIXED(
		"CAST(t.region AS TEXT)",
		"$1") ""
		      " AND ($2=0 OR t.status='open') ORDER BY t.opened_on DESC, t.id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	stmt_bind_int(st, 2, open_only);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_task t;
		read_task(st, &t, 0);
		if ((rc = cb(ctx, &t)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_task_set_status(struct store *s, int64_t id, const char *status)
{
	static const char SQL[] = "UPDATE inspection_tasks SET status=$2 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, status);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ENOTFOUND;
}

/* ---- rectification orders ---- */

int store_sv_order_add(struct store *s, struct sv_order *o,
		       void (*numberfn)(struct sv_order *, char *, size_t))
{
	static const char NEXT[] = "SELECT coalesce(max(seq), 0) + 1 FROM sv_orders"
				   " WHERE region=$1 AND year=$2";
	static const char SQL[] =
		"INSERT INTO sv_orders(region, year, seq, number, inspection_id, uscc, project,"
		" items, amount, workers, mass_incident, issued_on, deadline, actor)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
	char number[96];
	struct stmt *st = stmt_get(s, NEXT, NEXT);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, o->region);
	stmt_bind_int(st, 2, o->year);
	int rc = one_int(st, &o->seq);
	if (rc)
		return rc == WG_ENOTFOUND ? WG_ESTORE : rc;
	numberfn(o, number, sizeof number);
	o->number = number;
	if (!(st = stmt_get(s, SQL, SQL)))
		return WG_ESTORE;
	stmt_bind_int(st, 1, o->region);
	stmt_bind_int(st, 2, o->year);
	stmt_bind_int(st, 3, o->seq);
	stmt_bind_text(st, 4, number);
	stmt_bind_int(st, 5, o->inspection_id);
	stmt_bind_text(st, 6, o->uscc);
	stmt_bind_text(st, 7, o->project);
	stmt_bind_text(st, 8, o->items);
	stmt_bind_int(st, 9, o->amount);
	stmt_bind_int(st, 10, o->workers);
	stmt_bind_int(st, 11, o->mass_incident);
	stmt_bind_int(st, 12, o->issued_on);
	stmt_bind_int(st, 13, o->deadline);
	stmt_bind_text(st, 14, o->actor);
	rc = insert_id(st, &o->id);
	o->number = NULL; /* the local buffer goes out of scope: read it back with _get */
	return rc;
}

#define ORDER_COLS                                                                                 \
	"id, region, year, seq, number, inspection_id, uscc, project, items, amount, workers,"     \
	" mass_incident, issued_on, deadline, complied_on, evidence, escalated_on,"                \
	" list_proposed, actor"

static void read_order(struct stmt *st, struct sv_order *o, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
#define T(c) (stmt_null(st, c) ? NULL : text(st, c))
	o->id = stmt_int(st, 0);
	o->region = stmt_int(st, 1);
	o->year = stmt_int(st, 2);
	o->seq = stmt_int(st, 3);
	o->number = T(4);
	o->inspection_id = stmt_int(st, 5);
	o->uscc = T(6);
	o->project = T(7);
	o->items = T(8);
	o->amount = stmt_int(st, 9);
	o->workers = stmt_int(st, 10);
	o->mass_incident = (int)stmt_int(st, 11);
	o->issued_on = stmt_int(st, 12);
	o->deadline = stmt_int(st, 13);
	o->complied_on = DAY_OR(st, 14);
	o->evidence = T(15);
	o->escalated_on = DAY_OR(st, 16);
	o->list_proposed = (int)stmt_int(st, 17);
	o->actor = T(18);
#undef T
}

int store_sv_order_get(struct store *s, const char *number, struct sv_order *out)
{
	static const char SQL[] = "SELECT " ORDER_COLS " FROM sv_orders WHERE number=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, number);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_order(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_order_list(struct store *s, const struct sv_order_filter *f,
			int (*cb)(void *, const struct sv_order *), void *ctx)
{
	static const char SQL[] = "SELECT " ORDER_COLS " FROM sv_orders WHERE " SQL_PREFIXED(
		"CAST(region AS TEXT)",
		"$1") ""
		      " AND ($2 IS NULL OR uscc=$2) AND ($3=0 OR inspection_id=$3)"
		      " AND ($4<0 OR (issued_on<=$4 AND deadline<$4"
		      "  AND (complied_on IS NULL OR complied_on>$4)))"
		      " ORDER BY issued_on DESC, id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, f->region ? f->region : "");
	stmt_bind_text(st, 2, f->uscc);
	stmt_bind_int(st, 3, f->inspection_id);
	stmt_bind_int(st, 4, f->overdue_on);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_order o;
		read_order(st, &o, 0);
		if ((rc = cb(ctx, &o)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_order_comply(struct store *s, int64_t id, int64_t day, const char *evidence)
{
	static const char SQL[] = "UPDATE sv_orders SET complied_on=$2, evidence=$3"
				  " WHERE id=$1 AND complied_on IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	stmt_bind_text(st, 3, evidence);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

int store_sv_orders_to_escalate(struct store *s, int64_t day,
				int (*cb)(void *, const struct sv_order *), void *ctx)
{
	static const char SQL[] = "SELECT " ORDER_COLS " FROM sv_orders WHERE deadline<$1"
				  " AND escalated_on IS NULL"
				  " AND (complied_on IS NULL OR complied_on>deadline) ORDER BY id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, day);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_order o;
		read_order(st, &o, 0);
		if ((rc = cb(ctx, &o)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_order_escalated(struct store *s, int64_t id, int64_t day, int list_proposed)
{
	static const char SQL[] = "UPDATE sv_orders SET escalated_on=$2, list_proposed=$3"
				  " WHERE id=$1 AND escalated_on IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	stmt_bind_int(st, 3, list_proposed);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

int store_sv_overdue(struct store *s, int64_t day, int (*cb)(void *, int64_t, int64_t, int64_t),
		     void *ctx)
{
	static const char SQL[] =
		"SELECT coalesce(p.id, 0), e.id, sum(o.amount) FROM sv_orders o"
		" JOIN enterprises e ON e.uscc=o.uscc LEFT JOIN projects p ON p.code=o.project"
		" WHERE o.issued_on<=$1 AND o.deadline<$1"
		" AND (o.complied_on IS NULL OR o.complied_on>$1)"
		" GROUP BY coalesce(p.id, 0), e.id ORDER BY 1, 2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, day);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0), stmt_int(st, 1), stmt_int(st, 2))))
			break;
	stmt_reset(st);
	return rc;
}

int store_sv_criminal_open(struct store *s, const char *uscc, int *open)
{
	static const char SQL[] = "SELECT count(*) FROM warnings w JOIN enterprises e"
				  " ON e.id=w.employer_id WHERE w.rule='CRIMINAL_THRESHOLD'"
				  " AND w.resolved_on IS NULL AND e.uscc=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	int64_t n = 0;
	int rc = one_int(st, &n);
	*open = n > 0;
	return rc;
}

/* ---- the calendar (SPEC §3) ---- */

int store_sv_calendar(struct store *s, struct calendar *cal,
		      int (*festival)(void *ctx, int64_t day), void *ctx)
{
	static const char SQL[] = "SELECT date, kind FROM calendar ORDER BY date";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		int64_t day = stmt_int(st, 0);
		const char *kind = stmt_text(st, 1);
		int workday = kind && strcmp(kind, "workday") == 0;
		if (cal && calendar_set(cal, (int32_t)day, workday ? 'W' : 'H')) {
			rc = WG_ENOMEM;
			break;
		}
		if (festival && kind && strcmp(kind, "festival") == 0 && (rc = festival(ctx, day)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* ---- campaigns and their screening registers ---- */

#define CAMPAIGN_COLS                                                                              \
	"id, region, name, kind, regions, industries, starts_on, ends_on, created_at, actor"

static void read_campaign(struct stmt *st, struct sv_campaign *c, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
	c->id = stmt_int(st, 0);
	c->region = stmt_int(st, 1);
	c->name = text(st, 2);
	c->kind = text(st, 3);
	c->regions = text(st, 4);
	c->industries = text(st, 5);
	c->starts_on = stmt_int(st, 6);
	c->ends_on = stmt_int(st, 7);
	c->created_at = stmt_int(st, 8);
	c->actor = stmt_null(st, 9) ? NULL : text(st, 9);
}

int store_sv_campaign_add(struct store *s, struct sv_campaign *c)
{
	static const char SQL[] =
		"INSERT INTO sv_campaigns(region, name, kind, regions, industries, starts_on,"
		" ends_on, created_at, actor) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING "
		"id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, c->region);
	stmt_bind_text(st, 2, c->name);
	stmt_bind_text(st, 3, c->kind);
	stmt_bind_text(st, 4, c->regions);
	stmt_bind_text(st, 5, c->industries);
	stmt_bind_int(st, 6, c->starts_on);
	stmt_bind_int(st, 7, c->ends_on);
	stmt_bind_int(st, 8, c->created_at);
	stmt_bind_text(st, 9, c->actor);
	return insert_id(st, &c->id);
}

int store_sv_campaign_get(struct store *s, int64_t id, struct sv_campaign *out)
{
	static const char SQL[] = "SELECT " CAMPAIGN_COLS " FROM sv_campaigns WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_campaign(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_campaign_list(struct store *s, const char *prefix,
			   int (*cb)(void *, const struct sv_campaign *), void *ctx)
{
	/* its owner's region, or one of its regions, lies in the prefix (or contains it) */
	static const char SQL[] = "SELECT " CAMPAIGN_COLS " FROM sv_campaigns WHERE " SQL_PREFIXED(
		"CAST(region AS TEXT)",
		"$1") ""
		      " OR ',' || regions || ',' LIKE '%,' || $1 || '%' OR $1 LIKE regions || '%'"
		      " ORDER BY starts_on DESC, id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_campaign c;
		read_campaign(st, &c, 0);
		if ((rc = cb(ctx, &c)))
			break;
	}
	stmt_reset(st);
	return rc;
}

#define ENTRY_COLS                                                                                 \
	"id, region, campaign_id, uscc, project, source, ref, cause, amount, workers,"             \
	" responsible, entered_on, cleared_on, evidence_kind, evidence, actor"

static void read_entry(struct stmt *st, struct sv_entry *e, int keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
#define T(c) (stmt_null(st, c) ? NULL : text(st, c))
	e->id = stmt_int(st, 0);
	e->region = stmt_int(st, 1);
	e->campaign_id = stmt_int(st, 2);
	e->uscc = T(3);
	e->project = T(4);
	e->source = T(5);
	e->ref = T(6);
	e->cause = T(7);
	e->amount = stmt_int(st, 8);
	e->workers = stmt_int(st, 9);
	e->responsible = T(10);
	e->entered_on = stmt_int(st, 11);
	e->cleared_on = DAY_OR(st, 12);
	e->evidence_kind = T(13);
	e->evidence = T(14);
	e->actor = T(15);
#undef T
}

int store_sv_entry_add(struct store *s, struct sv_entry *e)
{
	static const char SQL[] =
		"INSERT INTO sv_register(region, campaign_id, uscc, project, source, ref, cause,"
		" amount, workers, responsible, entered_on, actor)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, e->region);
	stmt_bind_int(st, 2, e->campaign_id);
	stmt_bind_text(st, 3, e->uscc);
	stmt_bind_text(st, 4, e->project);
	stmt_bind_text(st, 5, e->source);
	stmt_bind_text(st, 6, e->ref);
	stmt_bind_text(st, 7, e->cause);
	stmt_bind_int(st, 8, e->amount);
	stmt_bind_int(st, 9, e->workers);
	stmt_bind_text(st, 10, e->responsible);
	stmt_bind_int(st, 11, e->entered_on);
	stmt_bind_text(st, 12, e->actor);
	return insert_id(st, &e->id);
}

int store_sv_entry_get(struct store *s, int64_t id, struct sv_entry *out)
{
	static const char SQL[] = "SELECT " ENTRY_COLS " FROM sv_register WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_entry(st, out, 1);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_sv_entry_exists(struct store *s, int64_t campaign, const char *source, const char *uscc,
			  const char *project, int *yes)
{
	static const char SQL[] = "SELECT count(*) FROM sv_register WHERE campaign_id=$1"
				  " AND source=$2 AND coalesce(uscc, '')=coalesce($3, '')"
				  " AND coalesce(project, '')=coalesce($4, '')";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, campaign);
	stmt_bind_text(st, 2, source);
	stmt_bind_text(st, 3, uscc);
	stmt_bind_text(st, 4, project);
	int64_t n = 0;
	int rc = one_int(st, &n);
	*yes = n > 0;
	return rc;
}

int store_sv_entry_list(struct store *s, const struct sv_entry_filter *f,
			int (*cb)(void *, const struct sv_entry *), void *ctx)
{
	static const char SQL[] =
		"SELECT " ENTRY_COLS " FROM sv_register WHERE campaign_id=$1"
		" AND " SQL_PREFIXED("CAST(region AS TEXT)",
				     "$2") ""
					   " AND ($3=0 OR ($3=1 AND cleared_on IS NULL)"
					   "  OR ($3=2 AND cleared_on IS NOT NULL))"
					   " ORDER BY region, id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, f->campaign_id);
	stmt_bind_text(st, 2, f->region ? f->region : "");
	stmt_bind_int(st, 3, f->state);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_entry e;
		read_entry(st, &e, 0);
		if ((rc = cb(ctx, &e)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_sv_entry_update(struct store *s, int64_t id, const char *cause, const char *responsible,
			  int64_t amount, int64_t workers)
{
	static const char SQL[] = "UPDATE sv_register SET cause=coalesce($2, cause),"
				  " responsible=coalesce($3, responsible),"
				  " amount=CASE WHEN $4<0 THEN amount ELSE $4 END,"
				  " workers=CASE WHEN $5<0 THEN workers ELSE $5 END WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_text(st, 2, cause);
	stmt_bind_text(st, 3, responsible);
	stmt_bind_int(st, 4, amount);
	stmt_bind_int(st, 5, workers);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ENOTFOUND;
}

int store_sv_entry_clear(struct store *s, int64_t id, int64_t day, const char *kind,
			 const char *evidence)
{
	static const char SQL[] = "UPDATE sv_register SET cleared_on=$2, evidence_kind=$3,"
				  " evidence=$4 WHERE id=$1 AND cleared_on IS NULL";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	stmt_bind_int(st, 2, day);
	stmt_bind_text(st, 3, kind);
	stmt_bind_text(st, 4, evidence);
	int rc = stmt_exec(st);
	return rc ? rc : stmt_changes(st) ? WG_OK : WG_ECONFLICT;
}

int store_sv_register_totals(struct store *s, int64_t campaign, const char *prefix, int64_t day,
			     struct sv_register_totals *out)
{
	static const char SQL[] =
		"SELECT count(*), coalesce(sum(CASE WHEN cleared_on<=$3 THEN 1 ELSE 0 END), 0),"
		" coalesce(sum(amount), 0),"
		" coalesce(sum(CASE WHEN cleared_on<=$3 THEN amount ELSE 0 END), 0),"
		" coalesce(sum(workers), 0),"
		" coalesce(sum(CASE WHEN cleared_on<=$3 THEN workers ELSE 0 END), 0)"
		" FROM sv_register WHERE campaign_id=$1 AND " SQL_PREFIXED(
			"CAST(region AS TEXT)", "$2") ""
						      " AND entered_on<=$3";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, campaign);
	stmt_bind_text(st, 2, prefix ? prefix : "");
	stmt_bind_int(st, 3, day);
	int rc = stmt_step(st);
	if (rc == 1)
		*out = (struct sv_register_totals){stmt_int(st, 0), stmt_int(st, 1),
						   stmt_int(st, 2), stmt_int(st, 3),
						   stmt_int(st, 4), stmt_int(st, 5)};
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ESTORE : rc;
}

/* The industry condition on p.industry for a comma-separated list in $2 (NULL: any). */
#define IN_INDUSTRIES " ($2 IS NULL OR ',' || $2 || ',' LIKE '%,' || p.industry || ',%')"

int store_sv_target_warnings(struct store *s, const char *prefix, const char *industries,
			     int (*cb)(void *, const char *, const char *, int64_t, const char *,
				       int64_t, int64_t),
			     void *ctx)
{
	/* rows per warning in (enterprise, project, rule) order, grouped here */
	static const char SQL[] =
		"SELECT coalesce(e.uscc, c.uscc), p.code, coalesce(p.region_code, e.region_code),"
		" w.rule, CASE WHEN w.rule IN ('NO_PAYROLL', 'UNDERPAID', 'UNPAID') THEN w.amount"
		" ELSE 0 END, w.person_id FROM warnings w"
		" LEFT JOIN projects p ON p.id=w.project_id"
		" LEFT JOIN enterprises e ON e.id=w.employer_id"
		" LEFT JOIN enterprises c ON c.id=p.contractor_id"
		" WHERE w.resolved_on IS NULL AND w.rule IN ('COMPLAINTS', 'CRIMINAL_THRESHOLD',"
		" 'LOW_BALANCE', 'NO_LABOR_COST', 'NO_PAYROLL', 'RECTIFY_OVERDUE', 'UNDERPAID',"
		" 'UNPAID') AND coalesce(e.uscc, c.uscc) IS NOT NULL"
		" AND " SQL_PREFIXED("CAST(coalesce(p.region_code, e.region_code) AS TEXT)",
				     "$1") " AND (p.id IS NULL OR" IN_INDUSTRIES ")"
					   " ORDER BY coalesce(e.uscc, c.uscc)" SQL_BYTES
					   ", p.code" SQL_BYTES " NULLS FIRST, w.rule" SQL_BYTES
					   ", w.person_id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	stmt_bind_text(st, 2, industries);
	char uscc[24] = "", project[72] = "", rules[256] = "", last_rule[32] = "";
	int64_t region = 0, amount = 0, workers = 0, last_person = -1;
	int have = 0, rc;
	while ((rc = stmt_step(st)) >= 0) {
		const char *u = rc == 1 ? stmt_text(st, 0) : NULL;
		const char *p = rc == 1 && !stmt_null(st, 1) ? stmt_text(st, 1) : "";
		if (have && (rc == 0 || strcmp(u, uscc) != 0 || strcmp(p, project) != 0)) {
			int x = cb(ctx, uscc, *project ? project : NULL, region, rules, amount,
				   workers);
			if (x) {
				rc = x;
				break;
			}
			have = 0;
		}
		if (rc == 0)
			break;
		if (!have) {
			snprintf(uscc, sizeof uscc, "%s", u);
			snprintf(project, sizeof project, "%s", p);
			region = stmt_int(st, 2);
			amount = workers = 0;
			rules[0] = last_rule[0] = '\0';
			last_person = -1;
			have = 1;
		}
		const char *rule = stmt_text(st, 3);
		if (strcmp(rule, last_rule) != 0) {
			size_t n = strlen(rules);
			snprintf(rules + n, sizeof rules - n, "%s%s", n ? "," : "", rule);
			snprintf(last_rule, sizeof last_rule, "%s", rule);
			last_person = -1;
		}
		amount += stmt_int(st, 4);
		/* workers: distinct people of the rule with the most (rows come by person) */
		int64_t person = stmt_int(st, 5);
		if (person && person != last_person) {
			last_person = person;
			if (strcmp(rule, "UNPAID") == 0 || strcmp(rule, "NO_PAYROLL") == 0 ||
			    strcmp(rule, "UNDERPAID") == 0)
				workers++;
		}
	}
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_sv_target_settlement(struct store *s, const char *prefix, const char *industries,
			       int64_t day, int (*cb)(void *, const char *, const char *, int64_t),
			       void *ctx)
{
	static const char SQL[] =
		"SELECT c.uscc, p.code, p.region_code FROM projects p"
		" JOIN enterprises c ON c.id=p.contractor_id"
		" WHERE " SQL_PREFIXED("CAST(p.region_code AS TEXT)",
				       "$1") " AND" IN_INDUSTRIES
					     " AND p.end_date IS NOT NULL AND p.end_date<=$3 ORDER "
					     "BY p.code" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, prefix ? prefix : "");
	stmt_bind_text(st, 2, industries);
	stmt_bind_int(st, 3, day);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_text(st, 0), stmt_text(st, 1), stmt_int(st, 2))))
			break;
	stmt_reset(st);
	return rc;
}

int store_sv_payment_ok(struct store *s, const char *txn_id, const char *project, int *ok,
			int64_t *amount)
{
	static const char SQL[] = "SELECT pm.amount FROM payments pm"
				  " JOIN projects p ON p.id=pm.project_id WHERE pm.txn_id=$1"
				  " AND pm.status='ok' AND ($2 IS NULL OR p.code=$2)";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, txn_id);
	stmt_bind_text(st, 2, project);
	int rc = stmt_step(st);
	*ok = rc == 1;
	*amount = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_sv_typical_add(struct store *s, struct sv_typical *t)
{
	static const char SQL[] =
		"INSERT INTO sv_typical(region, campaign_id, title, summary, case_number,"
		" published_on, actor) VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, t->region);
	stmt_bind_int(st, 2, t->campaign_id);
	stmt_bind_text(st, 3, t->title);
	stmt_bind_text(st, 4, t->summary);
	stmt_bind_text(st, 5, t->case_number);
	stmt_bind_int(st, 6, t->published_on);
	stmt_bind_text(st, 7, t->actor);
	return insert_id(st, &t->id);
}

int store_sv_typical_list(struct store *s, int64_t campaign, const char *prefix,
			  int (*cb)(void *, const struct sv_typical *), void *ctx)
{
	static const char SQL[] =
		"SELECT id, region, campaign_id, title, summary, case_number, published_on, actor"
		" FROM sv_typical WHERE ($1=0 OR campaign_id=$1)"
		" AND " SQL_PREFIXED("CAST(region AS TEXT)",
				     "$2") " ORDER BY published_on DESC, id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, campaign);
	stmt_bind_text(st, 2, prefix ? prefix : "");
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct sv_typical t = {.id = stmt_int(st, 0),
				       .region = stmt_int(st, 1),
				       .campaign_id = stmt_int(st, 2),
				       .title = stmt_text(st, 3),
				       .summary = stmt_text(st, 4),
				       .case_number = TEXT_OR(st, 5),
				       .published_on = stmt_int(st, 6),
				       .actor = TEXT_OR(st, 7)};
		if ((rc = cb(ctx, &t)))
			break;
	}
	stmt_reset(st);
	return rc;
}
