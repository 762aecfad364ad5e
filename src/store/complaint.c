/* complaint.c — complaint intake (store/complaint.h), in SQL both stores run. */
#include "store/complaint.h"

#include "store/stmt.h"
#include "util/err.h"
#include "util/banned.h"

int store_complaint_add(struct store *s, struct complaint *c)
{
	static const char SQL[] =
		"INSERT INTO complaints(channel, name, phone, id_number, project_code, employer,"
		" claimed, description, received_on, status, region) VALUES($1, $2, $3, $4, $5, $6,"
		" $7, $8, $9, 'received',"
		" coalesce((SELECT region_code FROM projects WHERE code=$5),"
		"  (SELECT region_code FROM enterprises WHERE uscc=$6), 0)) RETURNING id";
	struct stmt *st = stmt_get(s, SQL, SQL);
	if (!st)
		return WG_ESTORE;
	stmt_bind_text(st, 1, c->channel);
	stmt_bind_text(st, 2, c->name);
	stmt_bind_text(st, 3, c->phone);
	stmt_bind_text(st, 4, c->id_number);
	stmt_bind_text(st, 5, c->project);
	stmt_bind_text(st, 6, c->employer);
	stmt_bind_int(st, 7, c->claimed);
	stmt_bind_text(st, 8, c->description);
	stmt_bind_int(st, 9, c->received_on);
	int rc = stmt_step(st);
	if (rc != 1)
		return rc ? rc : WG_ESTORE;
	c->id = stmt_int(st, 0);
	return stmt_exec(st);
}
