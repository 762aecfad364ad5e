/* cli.c — what the subcommands share: opening the store named on the command line, printing
 * import problems, and writing a command's output file whole or not at all. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"
#include "util/msg.h"
#include "util/banned.h"

void cli_print_problem(void *ctx, const char *file, long line, const char *col, const struct msg *m)
{
	char buf[MSG_BUFSZ * 2];
	fprintf(stderr, "%s\n",
		msg_render_problem(ctx ? MSG_PROBLEM_FIELD : MSG_PROBLEM_COLUMN, file, line, col, m,
				   msg_cli_lang, buf, sizeof buf));
}

struct store *cli_open_store(const struct cli_global *g)
{
	struct store *s = NULL;
	char err[512] = "";
	if (store_open(&s, g->db, err, sizeof err)) {
		fprintf(stderr, "wageguard: cannot open database '%s': %s\n", g->db, err);
		return NULL;
	}
	return s;
}

int cli_out_open(struct cli_out *o, const char *dest, bool binary, const char *prefix)
{
	o->dest = dest && strcmp(dest, "-") != 0 ? dest : NULL;
	if (!o->dest && binary && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s: not writing a binary file to a terminal; use -o FILE\n",
			prefix);
		return 1;
	}
	const char *tmp = getenv("TMPDIR");
	int n = o->dest ? snprintf(o->path, sizeof o->path, "%s.tmp.XXXXXX", o->dest)
			: snprintf(o->path, sizeof o->path, "%s/wageguard.XXXXXX",
				   tmp && *tmp ? tmp : "/tmp");
	int fd = n > 0 && (size_t)n < sizeof o->path ? mkstemp(o->path) : -1;
	if (fd < 0) {
		fprintf(stderr, "%s: cannot create %s: %s\n", prefix,
			o->dest ? o->dest : "a temporary file", strerror(errno));
		o->path[0] = '\0';
		return 1;
	}
	/* mkstemp makes it private; the finished file gets the usual mode */
	mode_t mask = umask(0);
	umask(mask);
	if (o->dest)
		fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

int cli_out_commit(struct cli_out *o, const char *prefix)
{
	if (o->dest) {
		if (rename(o->path, o->dest) == 0)
			return 0;
		fprintf(stderr, "%s: cannot write %s: %s\n", prefix, o->dest, strerror(errno));
		cli_out_abort(o);
		return 1;
	}
	FILE *f = fopen(o->path, "rb");
	char buf[65536];
	size_t n;
	int rc = f ? 0 : 1;
	while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			rc = 1;
	if (f)
		fclose(f);
	if (fflush(stdout) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "%s: cannot write the output: %s\n", prefix, strerror(errno));
	cli_out_abort(o);
	return rc;
}

void cli_out_abort(struct cli_out *o)
{
	if (o->path[0])
		unlink(o->path);
	o->path[0] = '\0';
}

/* Whether dir holds a built web UI (its index.html). */
static bool has_ui(const char *dir)
{
	char f[4200];
	struct stat st;
	int n = snprintf(f, sizeof f, "%s/index.html", dir);
	return n > 0 && (size_t)n < sizeof f && stat(f, &st) == 0 && S_ISREG(st.st_mode);
}

bool cli_web_dir(const char *given, char *dir, size_t n, char *looked, size_t lookedsz)
{
	const char *env = getenv("WAGEGUARD_WEB");
	char cand[3][4096];
	int ncand = 0;
	if (given || (env && *env)) {
		snprintf(cand[ncand++], sizeof cand[0], "%s", given ? given : env);
	} else {
		/* beside the binary: installed (PREFIX/bin → PREFIX/share/wageguard/web) or in
		 * the source tree (build/wageguard → web/dist) */
		char exe[2048];
		ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (len > 0) {
			/* the kernel's path is absolute and resolved: its directory's parent
			 * is PREFIX (or the source tree) */
			exe[len] = '\0';
			for (int up = 0; up < 2; up++) {
				char *slash = strrchr(exe, '/');
				if (slash)
					*slash = '\0';
			}
			snprintf(cand[ncand++], sizeof cand[0], "%s/share/wageguard/web", exe);
			snprintf(cand[ncand++], sizeof cand[0], "%s/web/dist", exe);
		}
	}
	size_t used = 0;
	if (lookedsz)
		looked[0] = '\0';
	for (int i = 0; i < ncand; i++) {
		char real[4096];
		const char *d = realpath(cand[i], real) ? real : cand[i];
		if (has_ui(d)) {
			snprintf(dir, n, "%s", d);
			return true;
		}
		if (used < lookedsz) {
			int k = snprintf(looked + used, lookedsz - used, "%s%s", i ? ", " : "", d);
			used += k > 0 ? (size_t)k : 0;
		}
	}
	if (n)
		dir[0] = '\0';
	return false;
}
