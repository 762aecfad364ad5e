/* gen/calendar.c — the State Council's holidays and make-up workdays around the range, the
 * working-day flags the stream looks up, and calendar.csv. Exports gen_build_calendar and
 * gen_write_calendar. */
#include "gen/internal.h"

#include <stdlib.h>

#include "util/err.h"
#include "util/banned.h"

/* Public holidays ('H', every day of the break) and make-up workdays ('W') as published by
 * the State Council for 2024–2026. Other years get the fixed-date holidays only. */
static const struct {
	short year;
	signed char month, day, len;
} holiday_ranges[] = {
	{2024, 1, 1, 1},  {2024, 2, 10, 8}, {2024, 4, 4, 3},  {2024, 5, 1, 5},  {2024, 6, 10, 1},
	{2024, 9, 15, 3}, {2024, 10, 1, 7}, {2025, 1, 1, 1},  {2025, 1, 28, 8}, {2025, 4, 4, 3},
	{2025, 5, 1, 5},  {2025, 5, 31, 3}, {2025, 10, 1, 8}, {2026, 1, 1, 3},  {2026, 2, 15, 9},
	{2026, 4, 4, 3},  {2026, 5, 1, 5},  {2026, 6, 19, 3}, {2026, 9, 25, 3}, {2026, 10, 1, 7},
};
static const struct {
	short year;
	signed char month, day;
} makeup_days[] = {
	{2024, 2, 4},  {2024, 2, 18}, {2024, 4, 7},   {2024, 4, 28},  {2024, 5, 11},
	{2024, 9, 14}, {2024, 9, 29}, {2024, 10, 12}, {2025, 1, 26},  {2025, 2, 8},
	{2025, 4, 27}, {2025, 9, 28}, {2025, 10, 11}, {2026, 1, 4},   {2026, 2, 14},
	{2026, 2, 28}, {2026, 5, 9},  {2026, 9, 20},  {2026, 10, 10},
};

/* ---- calendar ---- */
int gen_build_calendar(struct gen *g)
{
	int y0, y1, mo, dd;
	date_to_ymd(g->d0, &y0, &mo, &dd);
	date_to_ymd(g->dE + 45, &y1, &mo, &dd);
	for (int y = y0; y <= y1; y++) {
		bool known = false;
		for (size_t i = 0; i < sizeof(holiday_ranges) / sizeof(holiday_ranges[0]); i++) {
			if (holiday_ranges[i].year != y)
				continue;
			known = true;
			int32_t d =
				date_from_ymd(y, holiday_ranges[i].month, holiday_ranges[i].day);
			for (int k = 0; k < holiday_ranges[i].len; k++)
				if (calendar_set(&g->cal, d + k, 'H'))
					return gen_nomem(g);
		}
		for (size_t i = 0; i < sizeof(makeup_days) / sizeof(makeup_days[0]); i++)
			if (makeup_days[i].year == y &&
			    calendar_set(&g->cal,
					 date_from_ymd(y, makeup_days[i].month, makeup_days[i].day),
					 'W'))
				return gen_nomem(g);
		if (known)
			continue;
		/* A year not yet published: New Year's Day, 1–3 May and 1–7 October. */
		static const signed char fixed[][2] = {{1, 1},  {5, 1},  {5, 2},  {5, 3},
						       {10, 1}, {10, 2}, {10, 3}, {10, 4},
						       {10, 5}, {10, 6}, {10, 7}};
		for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			if (calendar_set(&g->cal, date_from_ymd(y, fixed[i][0], fixed[i][1]), 'H'))
				return gen_nomem(g);
	}
	g->wd_base = g->d0 - 62;
	g->wd_n = g->dE + 70 - g->wd_base + 1;
	g->wd = malloc((size_t)g->wd_n);
	if (!g->wd)
		return gen_nomem(g);
	for (int i = 0; i < g->wd_n; i++)
		g->wd[i] = calendar_is_working_day(&g->cal, g->wd_base + i);
	return 0;
}

void gen_write_calendar(struct gen *g)
{
	struct obuf *b = &g->out[GEN_CALENDAR];
	for (size_t i = 0; i < g->cal.n; i++) {
		ob_date(b, g->cal.days[i]);
		ob_s(b, g->cal.kinds[i] == 'H' ? ",holiday" : ",workday");
		ob_nl(b);
	}
}
