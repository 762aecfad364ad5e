/* money.h — yuan amounts as int64 fen: exact parsing ("1234.5", "300", "0.07"), formatting
 * with two decimals, overflow-checked arithmetic. Never floating point. */
#ifndef WG_MONEY_H
#define WG_MONEY_H
#include <stdbool.h>
#include <stdint.h>

#define MONEY_BUFSZ 32

enum money_err {
	MONEY_OK = 0,
	MONEY_EMPTY = -1,     /* empty string */
	MONEY_SYNTAX = -2,    /* not digits[.d[d]] */
	MONEY_NEGATIVE = -3,  /* a leading '-' */
	MONEY_PRECISION = -4, /* more than two decimals */
	MONEY_OVERFLOW = -5,  /* does not fit int64 fen */
};

/* Parses a non-negative yuan amount with at most two decimals into fen.
 * Accepts "0", "300", "1234.5", "0.07", "007.10"; rejects "", " 1", "1,000", "+1", ".5", "5.",
 * "1e3", "-1" (MONEY_NEGATIVE), "1.234" (MONEY_PRECISION), and values above INT64_MAX fen.
 * @param[out] fen set only on success. Returns MONEY_OK or a negative money_err. */
int money_parse(const char *s, int64_t *fen);

/* A short English message for a money_err ("more than two decimals"). Static. */
const char *money_strerror(int err);

/* Formats fen as yuan with exactly two decimals ("1234.50", "0.07", "-3.00") into buf,
 * which must hold MONEY_BUFSZ bytes. Returns buf. INT64_MIN is formatted correctly. */
char *money_format(int64_t fen, char *buf);

/* *out = a + b, or a - b; return false (and leave *out alone) on int64 overflow. */
bool money_add(int64_t a, int64_t b, int64_t *out);
bool money_sub(int64_t a, int64_t b, int64_t *out);
/* a + b, held at INT64_MAX (or INT64_MIN) instead of overflowing: for sums that must go on
 * (a scan, a notice's totals) whatever one stored amount is. */
int64_t money_add_sat(int64_t a, int64_t b);
/* *out = a * b with overflow detection (used for rate x days). */
bool money_mul(int64_t a, int64_t b, int64_t *out);
#endif
