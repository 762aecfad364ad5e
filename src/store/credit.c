/* credit.c — the credit system's data (store/credit.h) in SQL both stores run: events,
 * maintained files, listings, and the reads of the registry, warnings and calendar credit
 * derives from. */
#include "store/credit.h"

#include <string.h>

#include "store/dialect.h"
#include "store/stmt.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/banned.h"

/* ---- events ---- */

int store_credit_event_add(struct store *s, const struct credit_event *e, bool *added)
{
	static const char SQL[] =
		"INSERT INTO credit_events(region, uscc, on_date, delta, kind, source, project,"
		" period, amount, note, actor) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
		" ON CONFLICT DO NOTHING";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, e->region);
	stmt_bind_text(st, 2, e->uscc);
	stmt_bind_int(st, 3, e->on);
	stmt_bind_int(st, 4, e->delta);
	stmt_bind_text(st, 5, e->kind);
	stmt_bind_text(st, 6, e->source);
	stmt_bind_text(st, 7, e->project);
	if (e->period >= 0)
		stmt_bind_int(st, 8, e->period);
	else
		stmt_bind_null(st, 8);
	stmt_bind_int(st, 9, e->amount);
	stmt_bind_text(st, 10, e->note);
	stmt_bind_text(st, 11, e->actor);
	int rc = stmt_exec(st);
	*added = !rc && stmt_changes(st) > 0;
	return rc;
}

int store_credit_events(struct store *s, const char *uscc, int64_t upto,
			int (*cb)(void *, const struct credit_event *), void *ctx)
{
	static const char SQL[] = "SELECT id, region, uscc, on_date, delta, kind, source, project,"
				  " coalesce(period, -1), amount, note, actor FROM credit_events"
				  " WHERE ($1 IS NULL OR uscc=$1) AND ($2<0 OR on_date<=$2)"
				  " ORDER BY uscc" SQL_BYTES ", on_date, id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, upto);
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct credit_event e = {
			.id = stmt_int(st, 0),
			.region = stmt_int(st, 1),
			.uscc = stmt_text(st, 2),
			.on = stmt_int(st, 3),
			.delta = stmt_int(st, 4),
			.kind = stmt_text(st, 5),
			.source = stmt_text(st, 6),
			.project = stmt_text(st, 7),
			.period = stmt_int(st, 8),
			.amount = stmt_int(st, 9),
			.note = stmt_text(st, 10),
			.actor = stmt_text(st, 11),
		};
		if ((rc = cb(ctx, &e)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_credit_red_months(struct store *s, int (*cb)(void *, const struct credit_red_month *),
			    void *ctx)
{
	/* the day a warning turned red is that of its first event at level red (opened,
	 * level changed or reopened red); the project-month's is the earliest of its
	 * warnings' */
	static const char SQL[] =
		"SELECT e.uscc, p.code, p.region_code, w.period, min(ev.on_date), sum(w.amount)"
		" FROM warnings w JOIN warning_events ev ON ev.warning_id=w.id AND ev.level=2"
		" AND ev.event<>'resolved'"
		" JOIN enterprises e ON e.id=w.employer_id JOIN projects p ON p.id=w.project_id"
		" WHERE w.rule IN ('UNPAID', 'NO_PAYROLL') AND NOT EXISTS(SELECT 1 FROM"
		" credit_events c WHERE c.uscc=e.uscc AND c.kind='red_month' AND c.project=p.code"
		" AND c.period=w.period)"
		" GROUP BY e.uscc, p.code, p.region_code, w.period"
		" ORDER BY e.uscc" SQL_BYTES ", p.code" SQL_BYTES ", w.period";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct credit_red_month m = {
			.uscc = stmt_text(st, 0),
			.project = stmt_text(st, 1),
			.region = stmt_int(st, 2),
			.period = stmt_int(st, 3),
			.first_red = stmt_int(st, 4),
			.amount = stmt_int(st, 5),
		};
		if ((rc = cb(ctx, &m)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* ---- files ---- */

#define FILE_COLUMNS "uscc, region, score, last_event, last_negative, events"

static void read_file(struct stmt *st, struct credit_file *f, bool keep)
{
	f->uscc = keep ? stmt_keep(st, 0) : stmt_text(st, 0);
	f->region = stmt_int(st, 1);
	f->score = stmt_int(st, 2);
	f->last_event = stmt_int(st, 3);
	f->last_negative = stmt_int(st, 4);
	f->events = stmt_int(st, 5);
}

int store_credit_file_get(struct store *s, const char *uscc, struct credit_file *out)
{
	static const char SQL[] = "SELECT " FILE_COLUMNS " FROM credit_files WHERE uscc=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_file(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_credit_file_put(struct store *s, const struct credit_file *f)
{
	static const char SQL[] =
		"INSERT INTO credit_files(" FILE_COLUMNS ") VALUES($1, $2, $3, $4, $5, $6)"
		" ON CONFLICT(uscc) DO UPDATE SET region=excluded.region, score=excluded.score,"
		" last_event=excluded.last_event, last_negative=excluded.last_negative,"
		" events=excluded.events";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, f->uscc);
	stmt_bind_int(st, 2, f->region);
	stmt_bind_int(st, 3, f->score);
	stmt_bind_int(st, 4, f->last_event);
	stmt_bind_int(st, 5, f->last_negative);
	stmt_bind_int(st, 6, f->events);
	return stmt_exec(st);
}

int store_credit_files(struct store *s, int (*cb)(void *, const struct credit_file *), void *ctx)
{
	static const char SQL[] =
		"SELECT " FILE_COLUMNS " FROM credit_files ORDER BY uscc" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct credit_file f;
		read_file(st, &f, false);
		if ((rc = cb(ctx, &f)))
			break;
	}
	stmt_reset(st);
	return rc;
}

/* ---- the registry, warnings, calendar ---- */

int store_credit_enterprise(struct store *s, const char *uscc, struct credit_enterprise *out)
{
	static const char SQL[] =
		"SELECT uscc, name, legal_rep, region_code FROM enterprises WHERE uscc=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		out->uscc = stmt_keep(st, 0);
		out->name = stmt_keep(st, 1);
		out->legal_rep = stmt_keep(st, 2);
		out->region = stmt_int(st, 3);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_credit_enterprises(struct store *s, const char *region,
			     int (*cb)(void *, const struct credit_enterprise *), void *ctx)
{
	static const char SQL[] = "SELECT uscc, name, legal_rep, region_code FROM enterprises"
				  " WHERE " SQL_PREFIXED("CAST(region_code AS TEXT)",
							 "$1") " ORDER BY uscc" SQL_BYTES;
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, region ? region : "");
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct credit_enterprise e = {
			.uscc = stmt_text(st, 0),
			.name = stmt_text(st, 1),
			.legal_rep = stmt_text(st, 2),
			.region = stmt_int(st, 3),
		};
		if ((rc = cb(ctx, &e)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_credit_criminal_warning(struct store *s, const char *uscc, int64_t day, bool *yes)
{
	static const char SQL[] =
		"SELECT count(*) FROM warnings w JOIN enterprises e ON e.id=w.employer_id"
		" WHERE w.rule='CRIMINAL_THRESHOLD' AND e.uscc=$1 AND w.first_seen<=$2";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, day);
	int rc = stmt_step(st);
	*yes = rc == 1 && stmt_int(st, 0) > 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc ? rc : WG_ESTORE;
}

int store_credit_calendar(struct store *s, struct calendar *cal)
{
	static const char SQL[] = "SELECT date, kind FROM calendar ORDER BY date";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		const char *kind = stmt_text(st, 1);
		/* a festival (正月初一) is also a holiday */
		char k = kind && strcmp(kind, "workday") == 0 ? 'W' : 'H';
		if (calendar_set(cal, (int32_t)stmt_int(st, 0), k)) {
			rc = WG_ENOMEM;
			break;
		}
	}
	stmt_reset(st);
	return rc;
}

/* ---- listings ---- */

#define LISTING_COLUMNS                                                                            \
	"id, region, uscc, deadline, amount, workers, grounds, reason, source, legal_rep,"         \
	" responsible, proposed_on, proposed_by, status, notified_on, statement_due,"              \
	" statement_on, statement, decided_on, decided_by, decision_note, listed_on, expires_on,"  \
	" removed_on, removal, paid_on, commitment, removed_by"

static int64_t day_or_none(struct stmt *st, int col)
{
	return stmt_null(st, col) ? -1 : stmt_int(st, col);
}

static void read_listing(struct stmt *st, struct credit_listing *l, bool keep)
{
	const char *(*text)(struct stmt *, int) = keep ? stmt_keep : stmt_text;
	l->id = stmt_int(st, 0);
	l->region = stmt_int(st, 1);
	l->uscc = text(st, 2);
	l->deadline = stmt_int(st, 3);
	l->amount = stmt_int(st, 4);
	l->workers = stmt_int(st, 5);
	l->grounds = text(st, 6);
	l->reason = text(st, 7);
	l->source = text(st, 8);
	l->legal_rep = text(st, 9);
	l->responsible = text(st, 10);
	l->proposed_on = stmt_int(st, 11);
	l->proposed_by = text(st, 12);
	l->status = text(st, 13);
	l->notified_on = day_or_none(st, 14);
	l->statement_due = day_or_none(st, 15);
	l->statement_on = day_or_none(st, 16);
	l->statement = text(st, 17);
	l->decided_on = day_or_none(st, 18);
	l->decided_by = text(st, 19);
	l->decision_note = text(st, 20);
	l->listed_on = day_or_none(st, 21);
	l->expires_on = day_or_none(st, 22);
	l->removed_on = day_or_none(st, 23);
	l->removal = text(st, 24);
	l->paid_on = day_or_none(st, 25);
	l->commitment = text(st, 26);
	l->removed_by = text(st, 27);
}

static void bind_day(struct stmt *st, int i, int64_t day)
{
	if (day >= 0)
		stmt_bind_int(st, i, day);
	else
		stmt_bind_null(st, i);
}

int store_credit_listing_add(struct store *s, struct credit_listing *l)
{
	static const char SQL[] =
		"INSERT INTO credit_listings(region, uscc, deadline, amount, workers, grounds,"
		" reason, source, legal_rep, responsible, proposed_on, proposed_by, status)"
		" VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, l->region);
	stmt_bind_text(st, 2, l->uscc);
	stmt_bind_int(st, 3, l->deadline);
	stmt_bind_int(st, 4, l->amount);
	stmt_bind_int(st, 5, l->workers);
	stmt_bind_text(st, 6, l->grounds);
	stmt_bind_text(st, 7, l->reason ? l->reason : "");
	stmt_bind_text(st, 8, l->source);
	stmt_bind_text(st, 9, l->legal_rep ? l->legal_rep : "");
	stmt_bind_text(st, 10, l->responsible ? l->responsible : "");
	stmt_bind_int(st, 11, l->proposed_on);
	stmt_bind_text(st, 12, l->proposed_by);
	stmt_bind_text(st, 13, l->status);
	int rc = stmt_step(st);
	if (rc != 1)
		return rc ? rc : WG_ESTORE;
	l->id = stmt_int(st, 0);
	return stmt_exec(st);
}

int store_credit_listing_get(struct store *s, int64_t id, struct credit_listing *out)
{
	static const char SQL[] = "SELECT " LISTING_COLUMNS " FROM credit_listings WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, id);
	int rc = stmt_step(st);
	if (rc == 1) {
		stmt_keep_clear(s);
		read_listing(st, out, true);
	}
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc == 0 ? WG_ENOTFOUND : rc;
}

int store_credit_listing_update(struct store *s, const struct credit_listing *l)
{
	static const char SQL[] =
		"UPDATE credit_listings SET status=$2, notified_on=$3, statement_due=$4,"
		" statement_on=$5, statement=$6, decided_on=$7, decided_by=$8, decision_note=$9,"
		" listed_on=$10, expires_on=$11, removed_on=$12, removal=$13, paid_on=$14,"
		" commitment=$15, removed_by=$16 WHERE id=$1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, l->id);
	stmt_bind_text(st, 2, l->status);
	bind_day(st, 3, l->notified_on);
	bind_day(st, 4, l->statement_due);
	bind_day(st, 5, l->statement_on);
	stmt_bind_text(st, 6, l->statement);
	bind_day(st, 7, l->decided_on);
	stmt_bind_text(st, 8, l->decided_by);
	stmt_bind_text(st, 9, l->decision_note);
	bind_day(st, 10, l->listed_on);
	bind_day(st, 11, l->expires_on);
	bind_day(st, 12, l->removed_on);
	stmt_bind_text(st, 13, l->removal);
	bind_day(st, 14, l->paid_on);
	stmt_bind_text(st, 15, l->commitment);
	stmt_bind_text(st, 16, l->removed_by);
	int rc = stmt_exec(st);
	if (!rc && stmt_changes(st) == 0)
		rc = WG_ENOTFOUND;
	return rc;
}

int store_credit_listings(struct store *s, const char *uscc, const char *region,
			  int (*cb)(void *, const struct credit_listing *), void *ctx)
{
	static const char SQL[] =
		"SELECT " LISTING_COLUMNS " FROM credit_listings WHERE ($1 IS NULL OR uscc=$1)"
		" AND " SQL_PREFIXED("CAST(region AS TEXT)", "$2") " ORDER BY id DESC";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_text(st, 2, region ? region : "");
	int rc;
	while ((rc = stmt_step(st)) == 1) {
		struct credit_listing l;
		read_listing(st, &l, false);
		if ((rc = cb(ctx, &l)))
			break;
	}
	stmt_reset(st);
	return rc;
}

int store_credit_listing_live(struct store *s, const char *uscc, int64_t day, int64_t *id)
{
	static const char SQL[] =
		"SELECT id FROM credit_listings WHERE uscc=$1 AND (status IN ('proposed',"
		" 'notified') OR (status='listed' AND $2<expires_on AND (removed_on IS NULL OR"
		" $2<removed_on))) ORDER BY id DESC LIMIT 1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, day);
	int rc = stmt_step(st);
	*id = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

/* A listing is in force on day d when listed_on <= d < expires_on and not removed by d. */
#define IN_FORCE(l, d)                                                                             \
	l ".status IN ('listed', 'removed') AND " l ".listed_on<=" d " AND " d "<" l               \
	  ".expires_on AND (" l ".removed_on IS NULL OR " d "<" l ".removed_on)"

int store_credit_listed(struct store *s, const char *uscc, int64_t day, bool *listed,
			int64_t *since)
{
	static const char SQL[] = "SELECT l.listed_on FROM credit_listings l WHERE l.uscc=$1"
				  " AND " IN_FORCE("l", "$2") " ORDER BY l.listed_on LIMIT 1";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, uscc);
	stmt_bind_int(st, 2, day);
	int rc = stmt_step(st);
	*listed = rc == 1;
	*since = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc < 0 ? rc : WG_OK;
}

int store_credit_listed_projects(struct store *s, int64_t day, int (*cb)(void *, int64_t, int64_t),
				 void *ctx)
{
	static const char SQL[] =
		"SELECT DISTINCT p.id, e.id FROM credit_listings l"
		" JOIN enterprises e ON e.uscc=l.uscc JOIN projects p ON p.start_date>=l.listed_on"
		" AND p.start_date<=$1 AND (p.contractor_id=e.id OR EXISTS(SELECT 1 FROM"
		" subcontracts sc WHERE sc.project_id=p.id AND sc.subcontractor_id=e.id"
		" AND sc.start_date<=$1))"
		" WHERE " IN_FORCE("l", "$1") " ORDER BY p.id, e.id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_int(st, 1, day);
	int rc;
	while ((rc = stmt_step(st)) == 1)
		if ((rc = cb(ctx, stmt_int(st, 0), stmt_int(st, 1))))
			break;
	stmt_reset(st);
	return rc;
}
