/* test_limit.c — the counters of http/limit.h in fixed windows (times are given, not read
 * from the clock) and the login throttle built on them (issue 9): per (user, address), per
 * address, per user, and the addresses a user logged in from recently kept out of the last. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "http/limit.h"

static void test_table(void)
{
	struct limit_table *t = limit_new(2);
	int left;
	CHECK(t != NULL, "a table of two counters");
	if (!t)
		return;
	CHECK(limit_hit(t, "a", 60, 1000) == 1 && limit_hit(t, "a", 60, 1010) == 2,
	      "hits in one window count up");
	CHECK(limit_count(t, "a", 60, 1030, &left) == 2 && left == 30,
	      "the count and the seconds left of the window");
	CHECK(limit_hit(t, "a", 60, 1060) == 1, "a hit after the window starts a new one");
	limit_hit(t, "b", 60, 1061);
	limit_hit(t, "c", 60, 1062);
	CHECK(limit_size(t) == 2, "a full table holds its capacity");
	CHECK(limit_count(t, "a", 60, 1063, &left) == 0 &&
		      limit_count(t, "c", 60, 1063, &left) == 1,
	      "the counter whose window started first is dropped for a new key");
	limit_clear(t, "c");
	CHECK(limit_count(t, "c", 60, 1063, &left) == 0 && limit_size(t) == 1,
	      "clear forgets a key");
	char k1[LIMIT_KEY_MAX + 20], k2[LIMIT_KEY_MAX + 20];
	memset(k1, 'x', sizeof k1 - 1);
	k1[sizeof k1 - 1] = '\0';
	memcpy(k2, k1, sizeof k2);
	k2[sizeof k2 - 2] = 'y';
	limit_hit(t, k1, 60, 2000);
	CHECK(limit_hit(t, k2, 60, 2000) == 2,
	      "keys longer than LIMIT_KEY_MAX are cut, as limit.h says");
	limit_free(t);
}

#define DAY 86400

static void test_login(void)
{
	time_t t0 = 1000000000;
	/* five failures of one pair block that pair only */
	for (int i = 0; i < 5; i++)
		limit_login_note("p", "10.0.0.1", false, t0 + i);
	CHECK(limit_login_wait("p", "10.0.0.1", t0 + 10) > 0, "five failures block the pair");
	CHECK(limit_login_wait("p", "10.0.0.2", t0 + 10) == 0, "another address may still try");
	CHECK(limit_login_wait("p", "10.0.0.1", t0 + 900) == 0, "the block ends with its window");

	/* the user logged in from their address on day 0 and again on day 29 */
	const char *home = "192.0.2.7";
	limit_login_note("u", home, true, t0);
	limit_login_note("u", home, true, t0 + 29 * DAY);
	/* on day 31 someone sprays 100 wrong passwords at the user from elsewhere */
	time_t now = t0 + 31 * DAY;
	char addr[32];
	for (int i = 0; i < 100; i++) {
		snprintf(addr, sizeof addr, "198.51.100.%d", i);
		limit_login_note("u", addr, false, now);
	}
	CHECK(limit_login_wait("u", "203.0.113.9", now + 1) > 0,
	      "a sprayed user is blocked from addresses they have not used");
	CHECK(limit_login_wait("u", home, now + 1) == 0,
	      "but not from the address they logged in from two days ago");
	CHECK(limit_login_wait("u", home, t0 + 60 * DAY) == 0,
	      "the spray's window over, every address may try again");
}

int main(void)
{
	test_table();
	test_login();
	return check_done();
}
