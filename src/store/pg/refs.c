/* refs.c — natural keys to row ids for the PostgreSQL backend, with direct-mapped caches,
 * and the reference checks the importer asks for (exists, person registration, overlap). */
#include <string.h>

#include "store/pg/pg.h"
#include "util/err.h"
#include "util/banned.h"

static unsigned hash_key(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void pg_ref_forget(struct pg_store *q)
{
	memset(q->prefetched, 0, sizeof q->prefetched);
	q->hint_project = 0;
	memset(q->refs, 0, sizeof q->refs);
	memset(q->rrefs, 0, sizeof q->rrefs);
	memset(q->workers, 0, sizeof q->workers);
}

static void remember(struct pg_store *q, int which, const char *key, int64_t id, int64_t region)
{
	size_t len = strlen(key);
	struct pg_ref *c = &q->refs[which][hash_key(key) % PG_REFCACHE];
	struct pg_rref *r = &q->rrefs[which][(uint64_t)id % PG_REFCACHE];
	if (len < sizeof c->key) {
		memcpy(c->key, key, len + 1);
		c->id = id, c->region = region, c->used = true;
		memcpy(r->key, key, len + 1);
		r->id = id;
	}
}

static int which_of(enum col_type t)
{
	return t == COL_USCC ? 0 : t == COL_PROJECT ? 1 : 2;
}

const char *pg_ref_key(const struct pg_store *q, enum col_type t, int64_t id)
{
	const struct pg_rref *r = &q->rrefs[which_of(t)][(uint64_t)id % PG_REFCACHE];
	return r->id == id && id ? r->key : NULL;
}

int pg_ref_keys(struct pg_store *q, enum col_type t, const int64_t *ids, int n)
{
	static const char *const sql[3] = {
		"SELECT id, uscc, region_code FROM enterprises WHERE id = ANY($1::bigint[])",
		"SELECT id, code, region_code FROM projects WHERE id = ANY($1::bigint[])",
		"SELECT id, id_number, 0 FROM persons WHERE id = ANY($1::bigint[])",
	};
	static const int slot[3] = {PGN_KEYS_ENTERPRISE, PGN_KEYS_PROJECT, PGN_KEYS_PERSON};
	int which = which_of(t), rc = WG_OK, want = 0;
	struct dbuf arr = DBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (pg_ref_key(q, t, ids[i]))
			continue;
		if (dbuf_addc(&arr, want++ ? ',' : '{') < 0 || pg_copy_int(&arr, ids[i]) < 0) {
			rc = WG_ENOMEM;
			goto cleanup;
		}
	}
	if (!want)
		goto cleanup;
	if (which == 2 && (rc = pg_flush(q, PG_PERSON_BUF)))
		goto cleanup;
	if (dbuf_addc(&arr, '}') < 0) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	struct pg_params p = {0};
	PGresult *res;
	pg_param_text(&p, dbuf_str(&arr));
	if ((rc = pg_run(q, slot[which], sql[which], &p, &res, "reference")))
		goto cleanup;
	for (int i = 0; i < PQntuples(res); i++)
		remember(q, which, PQgetvalue(res, i, 1), pg_int(res, i, 0), pg_int(res, i, 2));
	PQclear(res);
cleanup:
	dbuf_release(&arr);
	return rc;
}

/* Importers check a row's project before its person (columns in SPEC §4 order), and files
 * come grouped by project: on the first person the caches miss for a project, everyone
 * employed on it is fetched in one query, with whether they are registered workers.
 * WG_OK when it fetched, WG_ENOTFOUND when there was nothing to do. Outside a transaction
 * too: people and registrations are never deleted, so what it caches stays true. */
int pg_prefetch_people(struct pg_store *q)
{
	int64_t pid = q->hint_project;
	if (!pid)
		return WG_ENOTFOUND;
	int64_t *seen = &q->prefetched[(uint64_t)pid % PG_PREFETCHED];
	if (*seen == pid)
		return WG_ENOTFOUND;
	*seen = pid;
	int rc;
	if ((rc = pg_flush(q, PG_PERSON_BUF)))
		return rc;
	if (q->buf[REC_WORKER].rows && (rc = pg_flush_upto(q, REC_WORKER)))
		return rc;
	if (q->buf[REC_EMPLOYMENT].rows && (rc = pg_flush_upto(q, REC_EMPLOYMENT)))
		return rc;
	struct pg_params p = {0};
	PGresult *res;
	pg_param_int(&p, pid);
	if ((rc = pg_run_custom(
		     q,
		     "SELECT p.id_number, p.id, w.person_id IS NOT NULL FROM persons p"
		     " LEFT JOIN workers w ON w.person_id=p.id WHERE p.id IN"
		     " (SELECT person_id FROM employments WHERE project_id=$1) LIMIT 8192",
		     &p, &res, "reference"))) /* employments may be growing: plan afresh */
		return rc;
	for (int i = 0; i < PQntuples(res); i++) {
		int64_t id = pg_int(res, i, 1);
		remember(q, 2, PQgetvalue(res, i, 0), id, 0);
		if (PQgetvalue(res, i, 2)[0] == 't')
			q->workers[(uint64_t)id % PG_WORKERCACHE] = id;
	}
	PQclear(res);
	return WG_OK;
}

int pg_ref_id(struct pg_store *q, enum col_type t, const char *key, int64_t *id, int64_t *region)
{
	int which, slot;
	const char *sql;
	enum rec_kind owner;
	switch (t) {
	case COL_USCC:
		which = 0, slot = PGN_REF_ENTERPRISE, owner = REC_ENTERPRISE;
		sql = "SELECT id, region_code FROM enterprises WHERE uscc=$1";
		break;
	case COL_PROJECT:
		which = 1, slot = PGN_REF_PROJECT, owner = REC_PROJECT;
		sql = "SELECT id, region_code FROM projects WHERE code=$1";
		break;
	case COL_PERSON:
		/* persons are inserted at once (person_ensure), never buffered */
		which = 2, slot = PGN_REF_PERSON, owner = REC__COUNT;
		sql = "SELECT id, 0 FROM persons WHERE id_number=$1";
		break;
	default: WG_BUG("pg_ref_id on a column that is no reference"); return WG_ESTORE;
	}
	struct pg_ref *c = &q->refs[which][hash_key(key) % PG_REFCACHE];
	if (c->used && strcmp(c->key, key) == 0) {
		*id = c->id, *region = c->region;
		if (t == COL_PROJECT)
			q->hint_project = c->id;
		return WG_OK;
	}
	int rc;
	if (t == COL_PERSON && (rc = pg_flush(q, PG_PERSON_BUF)))
		return rc;
	if (t == COL_PERSON && (rc = pg_prefetch_people(q)) != WG_ENOTFOUND) {
		if (rc)
			return rc;
		if (c->used && strcmp(c->key, key) == 0) {
			*id = c->id, *region = c->region;
			return WG_OK;
		}
	}
	if (owner != REC__COUNT && q->buf[owner].rows && (rc = pg_flush_upto(q, owner)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, key);
	PGresult *res;
	if ((rc = pg_run(q, slot, sql, &p, &res, "reference")))
		return rc;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return WG_ENOTFOUND;
	}
	*id = pg_int(res, 0, 0);
	*region = pg_int(res, 0, 1);
	PQclear(res);
	remember(q, which, key, *id, *region);
	if (t == COL_PROJECT)
		q->hint_project = *id;
	return WG_OK;
}

int pg_ref_exists(struct store *s, enum col_type ref, const char *key)
{
	struct pg_store *q = (struct pg_store *)s;
	int64_t id, region;
	if (ref != COL_PERSON)
		return pg_ref_id(q, ref, key, &id, &region);
	/* registered means a workers row. Workers are never deleted, so a yes stays true
	 * until a rollback; person and registration come in one round trip */
	struct pg_ref *c = &q->refs[2][hash_key(key) % PG_REFCACHE];
	if (c->used && strcmp(c->key, key) == 0 &&
	    q->workers[(uint64_t)c->id % PG_WORKERCACHE] == c->id)
		return WG_OK;
	int rc = pg_prefetch_people(q);
	if (rc == WG_OK && c->used && strcmp(c->key, key) == 0 &&
	    q->workers[(uint64_t)c->id % PG_WORKERCACHE] == c->id)
		return WG_OK;
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	if ((rc = pg_flush_upto(q, REC_WORKER)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, key);
	PGresult *res;
	if ((rc = pg_run(q, PGN_WORKER_EXISTS,
			 "SELECT p.id, EXISTS(SELECT 1 FROM workers w WHERE w.person_id=p.id)"
			 " FROM persons p WHERE p.id_number=$1",
			 &p, &res, "worker")))
		return rc;
	rc = WG_ENOTFOUND;
	if (PQntuples(res)) {
		id = pg_int(res, 0, 0);
		remember(q, 2, key, id, 0);
		if (PQgetvalue(res, 0, 1)[0] == 't') {
			q->workers[(uint64_t)id % PG_WORKERCACHE] = id;
			rc = WG_OK;
		}
	}
	PQclear(res);
	return rc;
}

/* Whether the persons table held nobody when this transaction began: then a person the
 * transaction has not added is new, and needs no round trip (a first load of workers). */
static int persons_empty(struct pg_store *q, bool *empty)
{
	*empty = false;
	if (!q->in_tx)
		return WG_OK;
	if (q->persons_state == PG_SCOPE_UNKNOWN) {
		PGresult *res;
		int rc = pg_run(q, PGN_PERSONS_ANY, "SELECT 1 FROM persons LIMIT 1", NULL, &res,
				"person");
		if (rc)
			return rc;
		q->persons_state = PQntuples(res) ? PG_SCOPE_FULL : PG_SCOPE_EMPTY;
		PQclear(res);
	}
	*empty = q->persons_state == PG_SCOPE_EMPTY;
	return WG_OK;
}

static uint64_t person_hash(const char *id_number)
{
	int64_t tag = -2; /* not a record kind */
	return pg_hash(pg_hash(PG_HASH_SEED, &tag, sizeof tag), id_number, strlen(id_number) + 1);
}

/* A new person's id, from a block taken from the sequence in one round trip. */
static int next_person_id(struct pg_store *q, int64_t *id)
{
	if (!q->nperson_ids) {
		PGresult *res;
		int rc = pg_run(q, PGN_PERSON_IDS,
				"SELECT nextval('persons_id_seq') FROM generate_series(1, 1024)",
				NULL, &res, "person");
		if (rc)
			return rc;
		int n = PQntuples(res);
		for (int i = 0; i < n && i < PG_ID_BLOCK; i++)
			q->person_ids[PG_ID_BLOCK - 1 - i] = pg_int(res, i, 0);
		q->nperson_ids = n < PG_ID_BLOCK ? n : PG_ID_BLOCK;
		PQclear(res);
		if (!q->nperson_ids)
			return WG_ESTORE;
	}
	*id = q->person_ids[--q->nperson_ids];
	return WG_OK;
}

int pg_person_ensure(struct store *s, const char *id_number)
{
	struct pg_store *q = (struct pg_store *)s;
	struct pg_ref *c = &q->refs[2][hash_key(id_number) % PG_REFCACHE];
	if (c->used && strcmp(c->key, id_number) == 0)
		return WG_OK;
	int rc = pg_prefetch_people(q);
	if (rc == WG_OK && c->used && strcmp(c->key, id_number) == 0)
		return WG_OK;
	if (rc && rc != WG_ENOTFOUND)
		return rc;
	bool empty;
	uint64_t h = person_hash(id_number);
	if ((rc = persons_empty(q, &empty)))
		return rc;
	if (empty && !pg_track_has(q, h)) {
		struct dbuf line = DBUF_INIT;
		int64_t id;
		if ((rc = next_person_id(q, &id)) || (rc = pg_track_reserve(q, 1)))
			return rc;
		pg_track_add(q, h);
		if (pg_copy_int(&line, id) < 0 || dbuf_addc(&line, '\t') < 0 ||
		    pg_copy_text(&line, id_number) < 0 || dbuf_addc(&line, '\n') < 0)
			rc = WG_ENOMEM;
		else
			rc = pg_copy_row(q, PG_PERSON_BUF, &line);
		dbuf_release(&line);
		if (rc == WG_OK)
			remember(q, 2, id_number, id, 0);
		return rc;
	}
	if ((rc = pg_flush(q, PG_PERSON_BUF)))
		return rc;
	struct pg_params p = {0};
	pg_param_text(&p, id_number);
	PGresult *res;
	/* one round trip whether the person is new or known */
	rc = pg_run(q, PGN_PERSON_INSERT,
		    "WITH ins AS (INSERT INTO persons(id_number) VALUES($1)"
		    " ON CONFLICT (id_number) DO NOTHING RETURNING id)"
		    " SELECT id FROM ins UNION ALL SELECT id FROM persons WHERE id_number=$1",
		    &p, &res, "person");
	if (rc)
		return rc;
	if (PQntuples(res))
		remember(q, 2, id_number, pg_int(res, 0, 0), 0);
	PQclear(res);
	return WG_OK;
}

uint64_t pg_pair_hash(int64_t project, int64_t person)
{
	int64_t v[3] = {-1, project, person}; /* -1: not a record kind */
	return pg_hash(PG_HASH_SEED, v, sizeof v);
}

int pg_employment_overlap(struct store *s, const struct rec *e, int64_t *other_start)
{
	struct pg_store *q = (struct pg_store *)s;
	int64_t pid, wid, region;
	int rc = pg_ref_id(q, COL_PROJECT, e->v[EMP_PROJECT_CODE].s, &pid, &region);
	if (rc == WG_OK)
		rc = pg_ref_id(q, COL_PERSON, e->v[EMP_ID_NUMBER].s, &wid, &region);
	if (rc == WG_ENOTFOUND)
		return WG_OK; /* nothing stored for this pair yet */
	if (rc)
		return rc;
	/* the importer asks once per row: answer from the tracked pairs when the project had
	 * no employments when this transaction began */
	bool empty = false, mine = pg_track_has(q, pg_pair_hash(pid, wid));
	if (!mine && (rc = pg_scope_empty(q, REC_EMPLOYMENT, pid, &empty)))
		return rc;
	if (empty && !mine)
		return WG_OK;
	if (mine && q->buf[REC_EMPLOYMENT].rows && (rc = pg_flush_upto(q, REC_EMPLOYMENT)))
		return rc;
	struct pg_params p = {0};
	pg_param_int(&p, pid);
	pg_param_int(&p, wid);
	pg_param_int(&p, e->v[EMP_START_DATE].i);
	if (e->v[EMP_END_DATE].null)
		pg_param_text(&p, NULL);
	else
		pg_param_int(&p, e->v[EMP_END_DATE].i);
	PGresult *res;
	/* planned afresh: employments is the table an employments import fills */
	if ((rc = pg_run_custom(q,
				"SELECT start_date FROM employments WHERE project_id=$1"
				" AND person_id=$2 AND start_date<>$3"
				" AND start_date<=coalesce($4::bigint, 9223372036854775807)"
				" AND coalesce(end_date, 9223372036854775807)>=$3"
				" ORDER BY start_date LIMIT 1",
				&p, &res, "overlap")))
		return rc;
	if (PQntuples(res)) {
		*other_start = pg_int(res, 0, 0);
		rc = WG_ECONFLICT;
	}
	PQclear(res);
	return rc;
}
