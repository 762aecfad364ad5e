/* document.c — `wageguard document …`: the numbered documents relief issues (SPEC §11) —
 * show one as HTML, PDF or JSON, record its service (送达回证), list them. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/document.h"
#include "render/doc.h"
#include "store/case.h"
#include "store/project.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/msg.h"
#include "util/banned.h"

#define ME "wageguard document"

int relief_write_doc(const struct doc *d, const char *fmt, const char *dest)
{
	bool pdf = strcmp(fmt, "pdf") == 0;
	struct cli_out o;
	if (cli_out_open(&o, dest, pdf, ME))
		return 1;
	FILE *f = fopen(o.path, "wb");
	int rc = f ? WG_OK : WG_EIO;
	char err[256] = "cannot open the output file";
	if (f && pdf) {
		rc = render_pdf(d, f, err, sizeof err);
	} else if (f) {
		struct dbuf b = DBUF_INIT;
		b.max = 64u << 20;
		if (strcmp(fmt, "json") == 0) {
			json_t *j = render_json(d);
			char *text = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
			json_decref(j);
			rc = text ? dbuf_adds(&b, text) : WG_ENOMEM;
			free(text);
		} else {
			rc = render_html(d, &b);
		}
		if (rc)
			snprintf(err, sizeof err, "out of memory");
		else if (b.len && fwrite(b.p, 1, b.len, f) != b.len)
			rc = WG_EIO, snprintf(err, sizeof err, "write failed");
		dbuf_release(&b);
	}
	if (f && fclose(f) != 0 && !rc)
		rc = WG_EIO, snprintf(err, sizeof err, "write failed");
	if (rc) {
		fprintf(stderr, ME ": %s\n", err);
		cli_out_abort(&o);
		return 1;
	}
	return cli_out_commit(&o, ME);
}

static int list_one(void *ctx, const struct document_row *d)
{
	(void)ctx;
	char issued[DATE_BUFSZ], deadline[DATE_BUFSZ] = "-", m[MONEY_BUFSZ];
	if (d->deadline >= 0)
		date_format((int32_t)d->deadline, deadline);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d->number, d->kind,
	       date_format((int32_t)d->issued, issued), deadline, money_format(d->amount, m),
	       d->addressee, d->status);
	return 0;
}

int cmd_document(int argc, char **argv, const struct cli_global *g)
{
	if (argc < 2)
		return cli_usage(argv[0]);
	const char *sub = argv[1], *number = NULL, *fmt = NULL, *dest = NULL, *method = NULL,
		   *to = NULL, *note = NULL, *kind = NULL;
	int32_t on = date_today();
	bool reveal = false;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--format") == 0 && v)
			fmt = argv[++i];
		else if (strcmp(a, "-o") == 0 && v)
			dest = argv[++i];
		else if (strcmp(a, "--method") == 0 && v)
			method = argv[++i];
		else if (strcmp(a, "--to") == 0 && v)
			to = argv[++i];
		else if (strcmp(a, "--note") == 0 && v)
			note = argv[++i];
		else if (strcmp(a, "--kind") == 0 && v)
			kind = argv[++i];
		else if (strcmp(a, "--reveal") == 0)
			reveal = true;
		else if (strcmp(a, "--on") == 0 && v) {
			if (date_parse(argv[++i], &on)) {
				fprintf(stderr, ME ": '%s' is not a date (YYYY-MM-DD)\n", v);
				return 2;
			}
		} else if (a[0] != '-' && !number)
			number = a;
		else
			return cli_usage(argv[0]);
	}
	bool show = strcmp(sub, "show") == 0, serve = strcmp(sub, "serve") == 0,
	     list = strcmp(sub, "list") == 0;
	if ((!show && !serve && !list) || ((show || serve) && !number) || (serve && !method))
		return cli_usage(argv[0]);
	if (!fmt)
		fmt = dest && strstr(dest, ".pdf") ? "pdf" : "html";
	if (strcmp(fmt, "html") != 0 && strcmp(fmt, "pdf") != 0 && strcmp(fmt, "json") != 0) {
		fprintf(stderr, ME ": unknown format '%s' (html, pdf or json)\n", fmt);
		return 2;
	}
	struct store *s = cli_open_store(g);
	if (!s)
		return 1;
	struct msg err;
	int rc = 0;
	if (list) {
		if (store_documents_list(s, SCOPE_ADMIN, NULL, kind, list_one, NULL)) {
			fprintf(stderr, ME ": %s\n", s->errmsg);
			rc = 1;
		}
	} else if (serve) {
		const char *u = getenv("USER");
		char actor[80];
		snprintf(actor, sizeof actor, "cli:%s", u && *u ? u : "operator");
		if (document_serve(s, number, method, on, to, note, actor, &err)) {
			fprintf(stderr, ME ": %s\n", msg_cli(&err));
			rc = 1;
		}
	} else {
		struct document_row row;
		struct doc d = DOC_INIT;
		rc = store_document_get(s, number, &row);
		if (rc == WG_ENOTFOUND) {
			msg_set(&err, MSG_RELIEF_DOCUMENT_NOT_FOUND, "number", number, MSG_END);
			fprintf(stderr, ME ": %s\n", msg_cli(&err));
			rc = 1;
		} else if (rc) {
			fprintf(stderr, ME ": %s\n", s->errmsg);
			rc = 1;
		} else if (document_render(s, &row, reveal ? DOCUMENT_REVEAL : 0, &d, &err)) {
			fprintf(stderr, ME ": %s\n", msg_cli(&err));
			rc = 1;
		} else {
			rc = relief_write_doc(&d, fmt, dest);
		}
		doc_release(&d);
	}
	store_close(s);
	return rc;
}
