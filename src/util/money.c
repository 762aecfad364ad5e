/* money.c — yuan amounts held as int64 fen: a strict parser for "digits[.d[d]]", a formatter
 * that always prints two decimals, and overflow-checked add, sub and mul. No floating point. */
#include "util/money.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/banned.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int money_parse(const char *s, int64_t *fen)
{
	const char *p = s, *frac;
	int64_t v = 0;
	int nfrac = 0;

	if (!*s)
		return MONEY_EMPTY;
	if (*s == '-')
		return MONEY_NEGATIVE;
	/* Check the whole shape first so "1.2x" is a syntax error, not a precision one. */
	while (is_digit(*p))
		p++;
	if (p == s)
		return MONEY_SYNTAX;
	frac = p;
	if (*p == '.') {
		frac = ++p;
		while (is_digit(*p))
			p++;
		nfrac = (int)(p - frac);
		if (nfrac == 0)
			return MONEY_SYNTAX;
	}
	if (*p)
		return MONEY_SYNTAX;
	if (nfrac > 2)
		return MONEY_PRECISION;

	for (p = s; is_digit(*p); p++)
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
			return MONEY_OVERFLOW;
	for (int i = 0; i < 2; i++) {
		int d = i < nfrac ? frac[i] - '0' : 0;
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d, &v))
			return MONEY_OVERFLOW;
	}
	*fen = v;
	return MONEY_OK;
}

const char *money_strerror(int err)
{
	switch ((enum money_err)err) {
	case MONEY_OK: return "ok";
	case MONEY_EMPTY: return "empty amount";
	case MONEY_SYNTAX: return "not an amount in yuan (digits, optionally . and 1-2 decimals)";
	case MONEY_NEGATIVE: return "negative amount";
	case MONEY_PRECISION: return "more than two decimals";
	case MONEY_OVERFLOW: return "amount too large";
	}
	return "bad amount";
}

char *money_format(int64_t fen, char *buf)
{
	/* Negate in unsigned arithmetic: -INT64_MIN does not fit int64 but its magnitude fits. */
	uint64_t mag = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;

	/* digits right to left: this runs for every amount the importer and ledger write, and
	 * snprintf's format parsing would dominate it */
	char tmp[MONEY_BUFSZ];
	char *p = tmp + sizeof tmp;
	*--p = '\0';
	*--p = (char)('0' + mag % 10);
	*--p = (char)('0' + mag / 10 % 10);
	*--p = '.';
	mag /= 100;
	do
		*--p = (char)('0' + mag % 10);
	while (mag /= 10);
	if (fen < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
	return buf;
}

int64_t money_add_sat(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

bool money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}

bool money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}

bool money_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_mul_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}
