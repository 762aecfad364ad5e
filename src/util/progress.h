/* progress.h — a one-line progress bar on stderr, drawn only when stderr is a terminal and
 * at most ten times a second, so it costs nothing when output is piped. */
#ifndef WG_PROGRESS_H
#define WG_PROGRESS_H
#include <stdbool.h>

struct progress {
	const char *label;
	long long total; /* 0 = unknown */
	long long last_draw_ms;
	bool enabled;
};
/* Enables drawing only if stderr is a tty and WAGEGUARD_NO_PROGRESS is unset. */
void progress_init(struct progress *p, const char *label, long long total);
void progress_update(struct progress *p, long long done, long long rows);
/* Clears the line. */
void progress_done(struct progress *p);
#endif
