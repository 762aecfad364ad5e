/* gen.h — a deterministic synthetic data set for one region (Hangzhou districts): every import
 * kind as DIR/KIND.csv plus DIR/manifest.json, with violations of each early-warning rule of
 * SPEC §5 injected at known rates and counted. Exports gen_run and gen_parse_scale. */
#ifndef WG_GEN_H
#define WG_GEN_H
#include <stddef.h>
#include <stdint.h>

/* The files written, in the order a loader should import them. */
enum gen_file {
	GEN_CALENDAR,
	GEN_ENTERPRISES,
	GEN_PROJECTS,
	GEN_SUBCONTRACTS,
	GEN_ACCOUNTS,
	GEN_WORKERS,
	GEN_EMPLOYMENTS,
	GEN_ATTENDANCE,
	GEN_ALLOCATIONS,
	GEN_PAYROLL,
	GEN_PAYMENTS,
	GEN_NFILES
};
/* "calendar", "enterprises", ... — the import KIND and the file's base name. */
extern const char *const gen_file_names[GEN_NFILES];

/* The rules whose warnings the data set provokes (COMPLAINTS needs cases, which are not
 * generated). */
enum gen_violation {
	GEN_V_UNPAID,
	GEN_V_NO_PAYROLL,
	GEN_V_UNDERPAID,
	GEN_V_EXCESS_DEDUCTION,
	GEN_V_OFF_CARD,
	GEN_V_UNREGISTERED,
	GEN_V_NO_LABOR_COST,
	GEN_V_LOW_BALANCE,
	GEN_V_CRIMINAL_THRESHOLD,
	GEN_NVIOL
};
/* "UNPAID", "NO_PAYROLL", ... — the rule names of SPEC §5. */
extern const char *const gen_violation_names[GEN_NVIOL];

/* What a run produced: data rows per file (header excluded) and, per rule, the number of
 * warnings `wageguard scan --as-of <last day of the range>` must print with the default
 * thresholds. */
struct gen_stats {
	long long rows[GEN_NFILES];
	long long violations[GEN_NVIOL];
	int projects, workers;
};

/* Called after each project's attendance is written (done of total projects, rows =
 * attendance rows so far), and once with done = -1 when the run ends. */
typedef void gen_progress_fn(void *ctx, long long done, long long total, long long rows);

struct gen_options {
	const char *dir;           /* created if missing; existing KIND.csv files are replaced */
	int scale_milli;           /* scale × 1000: about 100·S projects and 10,000·S workers */
	uint64_t seed;             /* the same seed gives byte-identical files on every machine */
	int32_t start;             /* first period (date.h period number) */
	int months;                /* length of the range in months */
	gen_progress_fn *progress; /* optional */
	void *progress_ctx;
	struct gen_stats *stats; /* [out] optional; filled on success */
};
#define GEN_SCALE_MAX_MILLI 100000 /* scale 100: one million workers */
#define GEN_MONTHS_MAX 36
#define GEN_OPTIONS_INIT                                                                           \
	{                                                                                          \
		.scale_milli = 1000, .seed = 1, .start = 2026 * 12 + 3, .months = 6                \
	}

/* Writes the data set described by o into o->dir. Never prints (progress goes through the
 * callback) and never exits. Memory stays bounded by the number of workers: attendance is
 * streamed, never held.
 * Returns 0, WG_EUSAGE for options out of range, WG_EIO when a file cannot be written, or
 * WG_ENOMEM; on failure err (errsz bytes) holds a message naming the file or option. */
int gen_run(const struct gen_options *o, char *err, size_t errsz);

/* Parses a positive decimal scale with at most three decimals ("1", "0.05", "8") into
 * thousandths. Returns 0, or -1 when s is not such a number or is outside
 * (0, GEN_SCALE_MAX_MILLI / 1000]. */
int gen_parse_scale(const char *s, int *milli);
#endif
