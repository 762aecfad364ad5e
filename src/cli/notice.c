/* notice.c — `wageguard notice publicity PROJECT PERIOD` and `notice board PROJECT`: the
 * wage publicity notice and the rights notice board (SPEC §6) as HTML or A4 PDF. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "domain/checkpoint.h"
#include "domain/notice.h"
#include "render/doc.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/banned.h"

/* The format a file name's extension asks for: "pdf", "html", or NULL when it says neither
 * (no extension, or another one such as .txt). */
static const char *format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	if (strcasecmp(dot, ".pdf") == 0)
		return "pdf";
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return "html";
	return NULL;
}

/* Writes d to out as fmt ("html" or "pdf"). 0 or 1 (printed). */
static int write_doc(const struct doc *d, const char *fmt, const char *dest)
{
	const char *me = "wageguard notice";
	bool pdf = strcmp(fmt, "pdf") == 0;
	struct cli_out o;
	if (cli_out_open(&o, dest, pdf, me))
		return 1;
	FILE *f = fopen(o.path, "wb");
	int rc = f ? WG_OK : WG_EIO;
	char err[256] = "cannot open the output file";
	if (f && pdf) {
		rc = render_pdf(d, f, err, sizeof err);
	} else if (f) {
		struct dbuf b = DBUF_INIT;
		b.max = 256u << 20;
		rc = render_html(d, &b);
		if (rc)
			snprintf(err, sizeof err, "out of memory");
		else if (fwrite(b.p, 1, b.len, f) != b.len)
			rc = WG_EIO, snprintf(err, sizeof err, "write failed");
		dbuf_release(&b);
	}
	if (f && fclose(f) != 0 && !rc)
		rc = WG_EIO, snprintf(err, sizeof err, "write failed");
	if (rc) {
		fprintf(stderr, "%s: %s\n", me, err);
		cli_out_abort(&o);
		return 1;
	}
	return cli_out_commit(&o, me);
}

int cmd_notice(int argc, char **argv, const struct cli_global *g)
{
	const char *fmt = NULL, *dest = NULL, *pos[3] = {0};
	int npos = 0;
	int32_t date = date_today(), period = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			fmt = argv[++i];
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			dest = argv[++i];
		} else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			if (date_parse(argv[++i], &date)) {
				fprintf(stderr,
					"wageguard notice: '%s' is not a date (YYYY-MM-DD)\n",
					argv[i]);
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(argv[0]);
		} else if (npos < 3) {
			pos[npos++] = argv[i];
		} else {
			return cli_usage(argv[0]);
		}
	}
	bool publicity = npos == 3 && strcmp(pos[0], "publicity") == 0;
	bool board = npos == 2 && strcmp(pos[0], "board") == 0;
	if (!publicity && !board)
		return cli_usage(argv[0]);
	/* the format is --format's or the file's extension's, never a guess: a .txt file
	 * holding HTML, or a .html file holding a PDF, is refused */
	const char *by_name = dest && strcmp(dest, "-") != 0 ? format_of(dest) : NULL;
	if (fmt && strcmp(fmt, "html") != 0 && strcmp(fmt, "pdf") != 0) {
		fprintf(stderr, "wageguard notice: unknown format '%s' (html or pdf)\n", fmt);
		return 2;
	}
	if (!fmt && dest && strcmp(dest, "-") != 0 && !by_name) {
		struct msg m;
		msg_set(&m, MSG_CLI_NOTICE_FORMAT_FROM_NAME, "file", dest, MSG_END);
		fprintf(stderr, "wageguard notice: %s\n", msg_cli(&m));
		return 2;
	}
	if (fmt && by_name && strcmp(fmt, by_name) != 0) {
		struct msg m;
		msg_set(&m, MSG_CLI_NOTICE_FORMAT_CLASH, "format", fmt, "file", dest, "named",
			by_name, MSG_END);
		fprintf(stderr, "wageguard notice: %s\n", msg_cli(&m));
		return 2;
	}
	if (!fmt)
		fmt = by_name ? by_name : "html";
	if (publicity && period_parse(pos[2], &period)) {
		fprintf(stderr, "wageguard notice: '%s' is not a period (YYYY-MM)\n", pos[2]);
		return 2;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct doc d = DOC_INIT;
	char err[512];
	int rc = publicity ? notice_publicity(s, pos[1], period, date, &d, err, sizeof err)
			   : notice_board(s, pos[1], date, &d, err, sizeof err);
	if (rc == WG_OK) {
		/* every notice carries the ledger's signed head */
		char key_path[4096];
		struct checkpoint_key k;
		struct checkpoint c;
		checkpoint_key_path(g->db, key_path, sizeof key_path);
		err[0] = '\0';
		if ((rc = checkpoint_key_load(key_path, 1, &k, err, sizeof err)) ||
		    (rc = checkpoint_make(s, &k, &c)))
			snprintf(err + strlen(err), sizeof err - strlen(err), "%s",
				 err[0] ? "" : s->errmsg);
		else if (publicity)
			checkpoint_doc(&d, &c);
		else
			checkpoint_doc_footer(&d, &c); /* the board is one page */
		sodium_memzero(&k, sizeof k);
	}
	store_close(s);
	if (rc)
		fprintf(stderr, "wageguard notice: %s\n", err);
	else
		rc = write_doc(&d, fmt, dest);
	doc_release(&d);
	return rc ? 1 : 0;
}
