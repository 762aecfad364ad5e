/* record.c — parsing and formatting of record values by column type, and the canonical
 * text of a record that the ledger hashes. */
#include "domain/record.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

#define CODE_MAX 64
#define TEXT_MAX 200

/* Sets *m to message id about value text and returns -1. */
static int fail(struct msg *m, enum msg_id id, const char *text)
{
	msg_set(m, id, MSG_END);
	if (text)
		msg_add(m, "value", text);
	return -1;
}

/* The same with a reason: another message of the catalogue. */
static int fail_why(struct msg *m, enum msg_id id, const char *text, enum msg_id why)
{
	fail(m, id, text);
	msg_add_sub(m, "reason", why);
	return -1;
}

/* The first 40 bytes of text (a long value quoted in its message). */
static const char *head40(const char *text, char *buf)
{
	return msg_head(text, 40, buf);
}

enum msg_id record_ids_reason(int ids_status)
{
	switch (ids_status) {
	case IDS_LENGTH: return MSG_IDS_LENGTH;
	case IDS_CHAR: return MSG_IDS_CHAR;
	case IDS_REGION: return MSG_IDS_REGION;
	case IDS_BIRTH: return MSG_IDS_BIRTH;
	case IDS_CHECK: return MSG_IDS_CHECK;
	default: return MSG_IDS_INVALID;
	}
}

enum msg_id record_money_reason(int money_status)
{
	switch (money_status) {
	case MONEY_EMPTY: return MSG_MONEY_EMPTY;
	case MONEY_SYNTAX: return MSG_MONEY_SYNTAX;
	case MONEY_NEGATIVE: return MSG_MONEY_NEGATIVE;
	case MONEY_PRECISION: return MSG_MONEY_PRECISION;
	case MONEY_OVERFLOW: return MSG_MONEY_OVERFLOW;
	default: return MSG_MONEY_BAD;
	}
}

/* digits only, spaces and hyphens dropped (banks print cards in groups) */
static int digits_of(const char *text, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = text; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (!isdigit((unsigned char)*p) || k + 1 >= n)
			return -1;
		out[k++] = *p;
	}
	out[k] = '\0';
	return (int)k;
}

int record_parse(const struct col_desc *c, const char *text, struct val *v, char *norm,
		 size_t normsz, struct msg *msg)
{
	char head[48];
	memset(v, 0, sizeof *v);
	if (!*text) {
		v->null = true;
		if (c->required)
			return fail(msg, MSG_FIELD_REQUIRED, NULL);
		return 0;
	}
	int rc, n;
	int32_t day;
	switch (c->type) {
	case COL_TEXT:
		if (strlen(text) > TEXT_MAX)
			return fail(msg, MSG_FIELD_TEXT_TOO_LONG, head40(text, head));
		for (const char *p = text; *p; p++)
			if ((unsigned char)*p < 0x20)
				return fail(msg, MSG_FIELD_CONTROL_CHAR, NULL);
		v->s = text;
		return 0;
	case COL_CODE:
		if (strlen(text) > CODE_MAX)
			return fail(msg, MSG_FIELD_CODE_TOO_LONG, head40(text, head));
		for (const char *p = text; *p; p++)
			if (!isalnum((unsigned char)*p) && !strchr("-_./", *p))
				return fail(msg, MSG_FIELD_CODE_CHARS, text);
		v->s = text;
		return 0;
	case COL_ENUM:
		for (const char *const *w = c->values; *w; w++)
			if (strcmp(*w, text) == 0) {
				v->s = *w;
				return 0;
			}
		{
			char allowed[160] = "";
			size_t used = 0;
			for (const char *const *w = c->values; *w; w++)
				used += (size_t)snprintf(allowed + used, sizeof allowed - used,
							 "%s%s", w == c->values ? "" : ", ", *w);
			fail(msg, MSG_FIELD_NOT_ONE_OF, text);
			msg_add(msg, "allowed", allowed);
			return -1;
		}
	case COL_MONEY:
	case COL_HOURS:
		rc = money_parse(text, &v->i);
		if (rc)
			return fail_why(msg,
					c->type == COL_MONEY ? MSG_FIELD_NOT_AMOUNT
							     : MSG_FIELD_NOT_HOURS,
					text, record_money_reason(rc));
		if (c->type == COL_HOURS && v->i > 2400)
			return fail(msg, MSG_FIELD_OVER_24H, text);
		if (c->type == COL_MONEY && c->max && v->i > c->max) {
			char most[MONEY_BUFSZ];
			fail(msg, MSG_FIELD_OVER_MAX, head40(text, head));
			msg_add(msg, "max", money_format(c->max, most));
			return -1;
		}
		return 0;
	case COL_INT: {
		char *end;
		errno = 0;
		long long x = strtoll(text, &end, 10);
		if (*end || errno || x < 0 || !isdigit((unsigned char)text[0]))
			return fail(msg, MSG_FIELD_NOT_INT, text);
		if (c->max && x > c->max) {
			fail(msg, MSG_FIELD_OVER_MAX, head40(text, head));
			msg_add_int(msg, "max", (long long)c->max);
			return -1;
		}
		v->i = x;
		return 0;
	}
	case COL_DATE:
		if (date_parse(text, &day))
			return fail(msg, MSG_FIELD_NOT_DATE, text);
		v->i = day;
		return 0;
	case COL_PERIOD:
		if (period_parse(text, &day))
			return fail(msg, MSG_FIELD_NOT_PERIOD, text);
		v->i = day;
		return 0;
	case COL_REGION:
		if ((rc = region_validate(text)))
			return fail_why(msg, MSG_FIELD_NOT_REGION, text, record_ids_reason(rc));
		v->i = strtol(text, NULL, 10);
		return 0;
	case COL_USCC:
		if ((rc = uscc_validate(text)))
			return fail_why(msg, MSG_FIELD_NOT_USCC, text, record_ids_reason(rc));
		v->s = text;
		return 0;
	case COL_PROJECT:
		if (strlen(text) > CODE_MAX)
			return fail(msg, MSG_FIELD_CODE_TOO_LONG, head40(text, head));
		v->s = text;
		return 0;
	case COL_PERSON:
		if (normsz < 19 || (rc = idcard_validate(text, norm)))
			return fail_why(msg, MSG_FIELD_NOT_ID, text,
					record_ids_reason(normsz < 19 ? IDS_LENGTH : rc));
		v->s = norm;
		return 0;
	case COL_CARD:
		n = digits_of(text, norm, normsz);
		if (n < 10 || n > 30)
			return fail(msg, MSG_FIELD_NOT_CARD, text);
		v->s = norm;
		return 0;
	case COL_PHONE:
		n = digits_of(text, norm, normsz);
		if (n != 11 || norm[0] != '1')
			return fail(msg, MSG_FIELD_NOT_PHONE, text);
		v->s = norm;
		return 0;
	}
	return fail(msg, MSG_FIELD_UNKNOWN_TYPE, NULL);
}

int record_format(const struct col_desc *c, const struct val *v, struct dbuf *out)
{
	char buf[MONEY_BUFSZ];
	if (v->null)
		return 0;
	switch (c->type) {
	case COL_MONEY:
	case COL_HOURS: return dbuf_adds(out, money_format(v->i, buf));
	case COL_INT: return dbuf_addf(out, "%" PRId64, v->i);
	case COL_DATE: return dbuf_adds(out, date_format((int32_t)v->i, buf));
	case COL_PERIOD: return dbuf_adds(out, period_format((int32_t)v->i, buf));
	case COL_REGION: return dbuf_addf(out, "%06" PRId64, v->i);
	default: return dbuf_add_csv_field(out, v->s ? v->s : "");
	}
}

int record_canon(const struct rec *r, struct dbuf *out)
{
	const struct kind_desc *d = schema_kind(r->kind);
	for (int i = 0; i < d->ncols; i++)
		if ((i && dbuf_addc(out, ',') < 0) || record_format(&d->cols[i], &r->v[i], out) < 0)
			return -1;
	return 0;
}

int record_key(const struct rec *r, struct dbuf *out)
{
	const struct kind_desc *d = schema_kind(r->kind);
	const char *sep = "";
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].key)
			continue;
		if (dbuf_adds(out, sep) < 0 || record_format(&d->cols[i], &r->v[i], out) < 0)
			return -1;
		sep = ",";
	}
	return 0;
}

int record_split(char *line, char **field, int max)
{
	int n = 0;
	char *w = line, *p = line;
	for (;;) {
		if (n == max)
			return -1;
		field[n++] = w;
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
				*w++ = *p == '"' ? *++p : *p;
			if (*p++ != '"')
				return -1;
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
		}
		/* read before the terminator is written: w may stand where p does */
		bool more = *p == ',';
		if (!more && *p)
			return -1;
		*w++ = '\0';
		if (!more)
			return n;
		p++;
	}
}

int record_uncanon(enum rec_kind kind, const char *line, char *buf, size_t bufsz, struct rec *r)
{
	const struct kind_desc *d = schema_kind(kind);
	size_t len = strlen(line);
	char *field[REC_MAXCOLS];
	if (len + 1 > bufsz)
		return -1;
	memcpy(buf, line, len + 1);
	if (record_split(buf, field, REC_MAXCOLS) != d->ncols)
		return -1;
	r->kind = kind;
	for (int i = 0; i < d->ncols; i++) {
		struct msg msg;
		struct col_desc c = d->cols[i];
		c.required = false;
		c.max = 0; /* what was stored stays readable whatever the limits are now */
		if (c.type == COL_PERSON || c.type == COL_CARD || c.type == COL_PHONE)
			c.type = COL_CODE; /* already normalised: keep the text as it is */
		if (c.type == COL_CODE || c.type == COL_TEXT) {
			memset(&r->v[i], 0, sizeof r->v[i]);
			r->v[i].null = !*field[i];
			r->v[i].s = field[i];
		} else if (record_parse(&c, field[i], &r->v[i], NULL, 0, &msg)) {
			return -1;
		}
	}
	return 0;
}
