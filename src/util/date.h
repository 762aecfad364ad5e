/* date.h — calendar dates as day numbers (days since 1970-01-01, proleptic Gregorian),
 * periods as month numbers (year*12 + month-1), working days with a holiday calendar. */
#ifndef WG_DATE_H
#define WG_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_BUFSZ 11  /* "YYYY-MM-DD" + NUL */
#define PERIOD_BUFSZ 8 /* "YYYY-MM" + NUL */

/* Strictly "YYYY-MM-DD" with a real calendar date, years 1900..2999.
 * Returns 0 and sets *day, or -1 (syntax) / -2 (no such date, e.g. 2026-02-29, 2026-13-01). */
int date_parse(const char *s, int32_t *day);
/* Writes "YYYY-MM-DD" into buf (DATE_BUFSZ bytes). Returns buf. */
char *date_format(int32_t day, char *buf);
/* Day number of a valid y-m-d (no validation beyond the arithmetic). */
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);
/* ISO weekday: 1 = Monday … 7 = Sunday. */
int date_weekday(int32_t day);
bool date_is_leap(int y);
int date_days_in_month(int y, int m);
/* Today in Asia/Shanghai (UTC+8, no DST), from the system clock. */
int32_t date_today(void);

/* Strictly "YYYY-MM", years 1900..2999. Returns 0, -1 syntax, -2 bad month. */
int period_parse(const char *s, int32_t *period);
char *period_format(int32_t period, char *buf);
int32_t period_of_day(int32_t day);
int32_t period_first_day(int32_t period);
int32_t period_last_day(int32_t period);

/* A holiday calendar: exceptions to "Monday–Friday work, weekends rest".
 * kind 'H' = holiday (a weekday off), 'W' = workday (a weekend make-up day). */
struct calendar {
	int32_t *days; /* sorted ascending, unique */
	char *kinds;   /* 'H' or 'W', parallel to days */
	size_t n, alloc;
};
#define CALENDAR_INIT                                                                              \
	{                                                                                          \
		0                                                                                  \
	}
/* Adds or replaces the exception for day. Returns 0 or -1 on out of memory. */
int calendar_set(struct calendar *cal, int32_t day, char kind);
void calendar_release(struct calendar *cal);
bool calendar_is_working_day(const struct calendar *cal, int32_t day);
/* The day that is n working days after day (n >= 0; n = 0 returns day itself). */
int32_t calendar_add_working_days(const struct calendar *cal, int32_t day, int n);
/* Working days in (from, to]: 0 when to <= from. */
int calendar_working_days_between(const struct calendar *cal, int32_t from, int32_t to);
#endif
