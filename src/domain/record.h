/* record.h — one record's values as text and back: parsing a CSV field by its column type
 * (with the message a person needs when it is wrong) and the canonical text the ledger
 * hashes. Shared by the importer and the ledger. */
#ifndef WG_RECORD_H
#define WG_RECORD_H
#include <stddef.h>

#include "store/schema.h"
#include "util/dbuf.h"
#include "util/msg.h"

/* Parses text (already trimmed; "" = absent) as column c into *v. Text types point into
 * norm (caller's buffer of normsz bytes, e.g. the normalised ID with 'X' or the card's
 * digits). Returns 0, or -1 with the problem in *msg (MSG_FIELD_NOT_DATE, value
 * "2026-02-30"). */
int record_parse(const struct col_desc *c, const char *text, struct val *v, char *norm,
		 size_t normsz, struct msg *msg);
/* The catalogue's reason for an ids_*_validate or money_parse status. */
enum msg_id record_ids_reason(int ids_status);
enum msg_id record_money_reason(int money_status);

/* Formats v as column c writes it in files and in the ledger ("1234.50", "2026-05-01"). */
int record_format(const struct col_desc *c, const struct val *v, struct dbuf *out);

/* The canonical text of r: its values as one CSV line in descriptor order, empty for
 * NULL. Appends to out; returns 0 or -1 (out of memory). */
int record_canon(const struct rec *r, struct dbuf *out);

/* The canonical key of r ("P001,2026-05,110105…") for messages. */
int record_key(const struct rec *r, struct dbuf *out);

/* Splits a line in place into at most max fields, undoing the RFC 4180 quoting record_format
 * and record_canon apply (a field in double quotes, "" for a quote inside). Returns the field
 * count, or -1: more than max fields, an unclosed quote, text after a closing quote. */
int record_split(char *line, char **field, int max);

/* Splits a canonical line back into a record (the inverse of record_canon).
 * @param[out] r values point into buf (a copy of line; caller-owned, size of line + 1).
 * Returns 0 or -1 when line does not parse. */
int record_uncanon(enum rec_kind kind, const char *line, char *buf, size_t bufsz, struct rec *r);
#endif
