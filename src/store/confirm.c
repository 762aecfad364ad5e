/* confirm.c — reading confirmations back by key, and counting them (confirm.h). */
#include "store/confirm.h"

#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

static const char GET[] = "SELECT c.status, c.reason, c.claimed, c.lseq FROM confirmations c"
			  " JOIN projects p ON p.id=c.project_id"
			  " JOIN persons w ON w.id=c.person_id"
			  " WHERE p.code=$1 AND w.id_number=$2 AND c.period=$3"
			  " AND c.payroll_lseq=$4";

int confirmation_get(struct store *s, const char *project, const char *id_number, int64_t period,
		     int64_t payroll_lseq, struct confirmation_row *out)
{
	struct stmt *st = stmt_get(s, GET, GET);
	if (!st)
		return WG_ESTORE;
	stmt_keep_clear(s);
	stmt_bind_text(st, 1, project);
	stmt_bind_text(st, 2, id_number);
	stmt_bind_int(st, 3, period);
	stmt_bind_int(st, 4, payroll_lseq);
	int rc = stmt_step(st);
	if (rc == 1) {
		out->status = (int)stmt_int(st, 0);
		out->reason = stmt_keep(st, 1);
		out->claimed = stmt_int(st, 2);
		out->lseq = stmt_int(st, 3);
		rc = WG_OK;
	} else if (rc == 0) {
		rc = WG_ENOTFOUND;
	}
	stmt_reset(st);
	return rc;
}

static const char COUNT[] = "SELECT count(*) FROM confirmations";

int confirmation_count(struct store *s, int64_t *n)
{
	struct stmt *st = stmt_get(s, COUNT, COUNT);
	if (!st)
		return WG_ESTORE;
	int rc = stmt_step(st);
	*n = rc == 1 ? stmt_int(st, 0) : 0;
	stmt_reset(st);
	return rc == 1 ? WG_OK : rc < 0 ? rc : WG_ESTORE;
}
