/* date.c — dates as day numbers since 1970-01-01 (Howard Hinnant's civil-date algorithms),
 * periods as year*12 + month-1, and working days: Monday-Friday minus a holiday calendar's
 * holidays plus its make-up workdays. */
#include "util/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/err.h"
#include "util/banned.h"

#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2999

int32_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;                                  /* [0, 399] */
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365], from March 1 */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */

	return era * 146097 + doe - 719468;
}

void date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int date_weekday(int32_t day)
{
	/* Day 0, 1970-01-01, was a Thursday (4); the +7 keeps negative days in range. */
	return (day % 7 + 7 + 3) % 7 + 1;
}

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

int32_t date_today(void)
{
	/* Asia/Shanghai has had no DST since 1991: a fixed UTC+8 is exact for "today". */
	long long t = (long long)time(NULL) + 8 * 3600;
	long long day = t / 86400 - (t % 86400 < 0);

	return (int32_t)day;
}

/* Reads exactly n digits from s into *v; false if any is not a digit. */
static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int date_parse(const char *s, int32_t *day)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return -1;
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || d < 1 || d > date_days_in_month(y, m))
		return -2;
	*day = date_from_ymd(y, m, d);
	return 0;
}

/* Writes v as exactly width digits (0 <= v < 10^width). */
static void put_digits(char *p, int v, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Writes "YYYY-MM-DD" or its first 7 bytes "YYYY-MM". Years outside 0..9999 cannot be
 * written in four digits and only come from a bug: they print as question marks. */
static char *format_ymd(char *buf, int y, int m, int d, bool with_day)
{
	size_t len = with_day ? 10 : 7;

	memset(buf, '?', len);
	buf[4] = '-';
	buf[7] = '-';
	buf[len] = '\0';
	if (y < 0 || y > 9999) {
		WG_BUG("date out of range for YYYY-MM-DD");
		return buf;
	}
	put_digits(buf, y, 4);
	put_digits(buf + 5, m, 2);
	if (with_day)
		put_digits(buf + 8, d, 2);
	return buf;
}

char *date_format(int32_t day, char *buf)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return format_ymd(buf, y, m, d, true);
}

int period_parse(const char *s, int32_t *period)
{
	int y, m;

	if (strlen(s) != 7 || s[4] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &m))
		return -1;
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12)
		return -2;
	*period = y * 12 + m - 1;
	return 0;
}

char *period_format(int32_t period, char *buf)
{
	return format_ymd(buf, period / 12, period % 12 + 1, 1, false);
}

int32_t period_of_day(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

int32_t period_first_day(int32_t period)
{
	return date_from_ymd(period / 12, period % 12 + 1, 1);
}

int32_t period_last_day(int32_t period)
{
	int y = period / 12, m = period % 12 + 1;

	return date_from_ymd(y, m, date_days_in_month(y, m));
}

/* Index of the first exception >= day (cal->n when there is none). */
static size_t cal_lower_bound(const struct calendar *cal, int32_t day)
{
	size_t lo = 0, hi = cal->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int calendar_set(struct calendar *cal, int32_t day, char kind)
{
	size_t i = cal_lower_bound(cal, day);

	if (kind != 'H' && kind != 'W') {
		WG_BUG("calendar kind is neither 'H' nor 'W'");
		return -1;
	}
	if (i < cal->n && cal->days[i] == day) {
		cal->kinds[i] = kind;
		return 0;
	}
	if (cal->n == cal->alloc) {
		size_t alloc = cal->alloc ? 2 * cal->alloc : 64;
		/* Each array is kept on its own success, so a failure leaves cal consistent. */
		int32_t *days = realloc(cal->days, alloc * sizeof(*days));
		if (!days)
			return -1;
		cal->days = days;
		char *kinds = realloc(cal->kinds, alloc);
		if (!kinds)
			return -1;
		cal->kinds = kinds;
		cal->alloc = alloc;
	}
	memmove(cal->days + i + 1, cal->days + i, (cal->n - i) * sizeof(*cal->days));
	memmove(cal->kinds + i + 1, cal->kinds + i, cal->n - i);
	cal->days[i] = day;
	cal->kinds[i] = kind;
	cal->n++;
	return 0;
}

void calendar_release(struct calendar *cal)
{
	free(cal->days);
	free(cal->kinds);
	*cal = (struct calendar)CALENDAR_INIT;
}

bool calendar_is_working_day(const struct calendar *cal, int32_t day)
{
	size_t i = cal_lower_bound(cal, day);

	if (i < cal->n && cal->days[i] == day)
		return cal->kinds[i] == 'W';
	return date_weekday(day) <= 5;
}

int32_t calendar_add_working_days(const struct calendar *cal, int32_t day, int n)
{
	while (n > 0)
		if (calendar_is_working_day(cal, ++day))
			n--;
	return day;
}

int calendar_working_days_between(const struct calendar *cal, int32_t from, int32_t to)
{
	int count;

	if (to <= from)
		return 0;
	/* Whole weeks hold five weekdays each; walk only the remainder, then let the
	 * exceptions inside (from, to] adjust the count, so long spans cost O(log n + k). */
	count = (to - from) / 7 * 5;
	for (int32_t d = from + (to - from) / 7 * 7 + 1; d <= to; d++)
		count += date_weekday(d) <= 5;
	for (size_t i = cal_lower_bound(cal, from + 1); i < cal->n && cal->days[i] <= to; i++) {
		bool weekday = date_weekday(cal->days[i]) <= 5;
		if (cal->kinds[i] == 'H' && weekday)
			count--;
		else if (cal->kinds[i] == 'W' && !weekday)
			count++;
	}
	return count;
}
