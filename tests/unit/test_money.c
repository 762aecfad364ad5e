/* test_money.c — money_parse accepts exactly "digits[.d[d]]" up to INT64_MAX fen,
 * money_format prints two decimals for every int64 (INT64_MIN too), arithmetic catches
 * overflow. */
#include <stdint.h>

#include "check.h"
#include "util/money.h"

static void parses(const char *s, int64_t want)
{
	int64_t fen = -1;
	int rc = money_parse(s, &fen);

	CHECK(rc == MONEY_OK && fen == want, "parse \"%s\" = %lld fen (rc %d, got %lld)", s,
	      (long long)want, rc, (long long)fen);
}

static void rejects(const char *s, int want)
{
	int64_t fen = 4242;
	int rc = money_parse(s, &fen);

	CHECK(rc == want && fen == 4242, "parse \"%s\" rejected with %d, output untouched (rc %d)",
	      s, want, rc);
}

static void formats(int64_t fen, const char *want)
{
	char buf[MONEY_BUFSZ];

	CHECK_STR(money_format(fen, buf), want, "format %lld", (long long)fen);
}

int main(void)
{
	int64_t r = 0;
	bool ok;

	parses("1234.5", 123450);
	parses("300", 30000);
	parses("0.07", 7);
	parses("0.1", 10);
	parses("0", 0);
	parses("007.10", 710);
	parses("92233720368547758.07", INT64_MAX);
	parses("000000000000000000000000001.00", 100);

	rejects("", MONEY_EMPTY);
	rejects("1.234", MONEY_PRECISION);
	rejects("1.230", MONEY_PRECISION);
	rejects("-1", MONEY_NEGATIVE);
	rejects("1,000", MONEY_SYNTAX);
	rejects(" 1", MONEY_SYNTAX);
	rejects("1 ", MONEY_SYNTAX);
	rejects("+1", MONEY_SYNTAX);
	rejects(".5", MONEY_SYNTAX);
	rejects("5.", MONEY_SYNTAX);
	rejects("1e3", MONEY_SYNTAX);
	rejects("1.2x", MONEY_SYNTAX);
	rejects("1..2", MONEY_SYNTAX);
	rejects("92233720368547758.08", MONEY_OVERFLOW);
	rejects("92233720368547759", MONEY_OVERFLOW);
	rejects("99999999999999999999999", MONEY_OVERFLOW);

	formats(0, "0.00");
	formats(123450, "1234.50");
	formats(7, "0.07");
	formats(-5, "-0.05");
	formats(-300, "-3.00");
	formats(INT64_MAX, "92233720368547758.07");
	formats(INT64_MIN, "-92233720368547758.08");

	ok = money_add(INT64_MAX - 1, 1, &r);
	CHECK(ok && r == INT64_MAX, "add up to INT64_MAX");
	r = 7;
	ok = money_add(INT64_MAX, 1, &r);
	CHECK(!ok && r == 7, "add overflow detected, output untouched");
	ok = money_sub(100, 250, &r);
	CHECK(ok && r == -150, "sub may go negative");
	r = 7;
	ok = money_sub(INT64_MIN, 1, &r);
	CHECK(!ok && r == 7, "sub overflow detected, output untouched");
	ok = money_mul(35000, 22, &r);
	CHECK(ok && r == 770000, "mul rate x days");
	r = 7;
	ok = money_mul(INT64_MAX / 2 + 1, 2, &r);
	CHECK(!ok && r == 7, "mul overflow detected, output untouched");

	CHECK(money_add_sat(INT64_MAX - 5, 100) == INT64_MAX,
	      "a saturating sum stops at INT64_MAX");
	CHECK(money_add_sat(INT64_MIN + 5, -100) == INT64_MIN, "and at INT64_MIN");
	CHECK(money_add_sat(1200, 34) == 1234, "and adds otherwise");

	CHECK_STR(money_strerror(MONEY_PRECISION), "more than two decimals", "strerror precision");
	return check_done();
}
