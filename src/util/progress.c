/* progress.c — a one-line progress bar on stderr for long imports: drawn only on a terminal,
 * at most ten times a second, with a percentage when the total is known. */
#include "util/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "util/banned.h"

#define PROGRESS_WIDTH 30
#define PROGRESS_INTERVAL_MS 100

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void progress_init(struct progress *p, const char *label, long long total)
{
	p->label = label;
	p->total = total;
	p->last_draw_ms = 0;
	p->enabled = isatty(STDERR_FILENO) && !getenv("WAGEGUARD_NO_PROGRESS");
}

void progress_update(struct progress *p, long long done, long long rows)
{
	char bar[PROGRESS_WIDTH + 1];
	long long now;
	int pct, fill;

	if (!p->enabled)
		return;
	now = now_ms();
	if (p->last_draw_ms && now - p->last_draw_ms < PROGRESS_INTERVAL_MS)
		return;
	p->last_draw_ms = now;
	if (p->total <= 0) {
		fprintf(stderr, "\r%s: %lld rows", p->label, rows);
		return;
	}
	if (done > p->total)
		done = p->total;
	pct = (int)(done * 100 / p->total);
	fill = (int)(done * PROGRESS_WIDTH / p->total);
	for (int i = 0; i < PROGRESS_WIDTH; i++)
		bar[i] = i < fill ? '#' : '-';
	bar[PROGRESS_WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %3d%% %lld rows", p->label, bar, pct, rows);
}

void progress_done(struct progress *p)
{
	/* Erase only if something was drawn, so a quick import leaves no trace. */
	if (p->enabled && p->last_draw_ms)
		fputs("\r\033[K", stderr);
	p->last_draw_ms = 0;
}
