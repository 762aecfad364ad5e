/* check.h — a tiny TAP producer for the C unit tests: CHECK(cond, name) prints "ok N - name"
 * or "not ok N - name" with the failing expression (cond is evaluated once, so it may call
 * what it checks); check_done() prints the plan and returns the exit status. tests/run.sh
 * counts the lines. */
#ifndef WG_CHECK_H
#define WG_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_n, check_failed;

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		int check_c_ = !!(cond); /* once: a condition may have side effects */             \
		++check_n;                                                                         \
		if (check_c_) {                                                                    \
			printf("ok %d - ", check_n);                                               \
		} else {                                                                           \
			++check_failed;                                                            \
			printf("not ok %d - ", check_n);                                           \
		}                                                                                  \
		printf(__VA_ARGS__);                                                               \
		printf("\n");                                                                      \
		if (!check_c_)                                                                     \
			printf("#   failed: %s at %s:%d\n", #cond, __FILE__, __LINE__);            \
	} while (0)

#define CHECK_STR(got, want, ...)                                                                  \
	do {                                                                                       \
		const char *check_g_ = (got), *check_w_ = (want);                                  \
		int check_ok_ = check_g_ && check_w_ && strcmp(check_g_, check_w_) == 0;           \
		CHECK(check_ok_, __VA_ARGS__);                                                     \
		if (!check_ok_)                                                                    \
			printf("#   got '%s', want '%s'\n", check_g_ ? check_g_ : "(null)",        \
			       check_w_ ? check_w_ : "(null)");                                    \
	} while (0)

static inline int check_done(void)
{
	printf("1..%d\n", check_n);
	return check_failed ? 1 : 0;
}
#endif
