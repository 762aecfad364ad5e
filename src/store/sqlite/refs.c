/* refs.c — natural keys to row ids for the SQLite backend, with a small direct-mapped cache,
 * and the reference checks the importer asks for (exists, person registration, overlap). */
#include <string.h>

#include "store/sqlite/sq.h"
#include "util/err.h"
#include "util/banned.h"

static unsigned hash_key(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void sq_ref_forget(struct sq_store *q)
{
	memset(q->refs, 0, sizeof q->refs);
}

int sq_ref_id(struct sq_store *q, enum col_type t, const char *key, int64_t *id, int64_t *region)
{
	int which, slot;
	const char *sql;
	switch (t) {
	case COL_USCC:
		which = 0, slot = SQN_REF_ENTERPRISE;
		sql = "SELECT id, region_code FROM enterprises WHERE uscc=?";
		break;
	case COL_PROJECT:
		which = 1, slot = SQN_REF_PROJECT;
		sql = "SELECT id, region_code FROM projects WHERE code=?";
		break;
	case COL_PERSON:
		which = 2, slot = SQN_REF_PERSON;
		sql = "SELECT id, 0 FROM persons WHERE id_number=?";
		break;
	default: WG_BUG("sq_ref_id on a column that is no reference"); return WG_ESTORE;
	}
	size_t len = strlen(key);
	struct sq_ref *c = &q->refs[which][hash_key(key) % SQ_REFCACHE];
	if (c->used && strcmp(c->key, key) == 0) {
		*id = c->id, *region = c->region;
		return WG_OK;
	}
	sqlite3_stmt *st = sq_named(q, slot, sql);
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, key, (int)len, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		return WG_ENOTFOUND;
	if (step != SQLITE_ROW)
		return sq_fail(q, "reference");
	*id = sqlite3_column_int64(st, 0);
	*region = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (len < sizeof c->key) {
		memcpy(c->key, key, len + 1);
		c->id = *id, c->region = *region, c->used = true;
	}
	return WG_OK;
}

int sq_ref_exists(struct store *s, enum col_type ref, const char *key)
{
	struct sq_store *q = (struct sq_store *)s;
	if (ref != COL_PERSON) {
		int64_t id, region;
		return sq_ref_id(q, ref, key, &id, &region);
	}
	sqlite3_stmt *st = sq_named(q, SQN_WORKER_EXISTS,
				    "SELECT 1 FROM workers w JOIN persons p ON p.id=w.person_id"
				    " WHERE p.id_number=?");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step == SQLITE_ROW)
		return WG_OK;
	return step == SQLITE_DONE ? WG_ENOTFOUND : sq_fail(q, "worker");
}

int sq_person_ensure(struct store *s, const char *id_number)
{
	struct sq_store *q = (struct sq_store *)s;
	int64_t id, region;
	int rc = sq_ref_id(q, COL_PERSON, id_number, &id, &region);
	if (rc != WG_ENOTFOUND)
		return rc;
	sqlite3_stmt *st =
		sq_named(q, SQN_PERSON_INSERT, "INSERT INTO persons(id_number) VALUES(?)");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(q, "person");
	sqlite3_reset(st);
	return WG_OK;
}

int sq_employment_overlap(struct store *s, const struct rec *e, int64_t *other_start)
{
	struct sq_store *q = (struct sq_store *)s;
	int64_t pid, wid, region;
	int rc = sq_ref_id(q, COL_PROJECT, e->v[EMP_PROJECT_CODE].s, &pid, &region);
	if (rc == WG_OK)
		rc = sq_ref_id(q, COL_PERSON, e->v[EMP_ID_NUMBER].s, &wid, &region);
	if (rc == WG_ENOTFOUND)
		return WG_OK; /* nothing stored for this pair yet */
	if (rc)
		return rc;
	sqlite3_stmt *st = sq_named(q, SQN_OVERLAP,
				    "SELECT start_date FROM employments WHERE project_id=?1"
				    " AND person_id=?2 AND start_date<>?3"
				    " AND start_date<=coalesce(?4, 9223372036854775807)"
				    " AND coalesce(end_date, 9223372036854775807)>=?3"
				    " ORDER BY start_date LIMIT 1");
	if (!st)
		return WG_ESTORE;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, wid);
	sqlite3_bind_int64(st, 3, e->v[EMP_START_DATE].i);
	if (e->v[EMP_END_DATE].null)
		sqlite3_bind_null(st, 4);
	else
		sqlite3_bind_int64(st, 4, e->v[EMP_END_DATE].i);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*other_start = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return WG_ECONFLICT;
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? WG_OK : sq_fail(q, "overlap");
}
