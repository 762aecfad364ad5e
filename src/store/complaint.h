/* complaint.h — complaints as received (SPEC §11 intake; the cases module takes them from
 * there), written once over store/stmt.h (store/complaint.c). */
#ifndef WG_STORE_COMPLAINT_H
#define WG_STORE_COMPLAINT_H
#include <stdint.h>

struct store;

struct complaint {
	const char *channel, *name, *phone, *id_number, *project, *employer, *description;
	int64_t claimed, received_on, id;
};

/* Stores a complaint with status 'received'; c->id receives its number. */
int store_complaint_add(struct store *s, struct complaint *c);
#endif
