/* test_csvr.c — the streaming CSV reader on real temporary files: header mapping by name,
 * RFC 4180 quoting (commas, doubled quotes, newlines inside fields), physical line numbers,
 * BOM, blank lines, CRLF, malformed quoting, invalid UTF-8, and 100,000 rows in flat memory. */
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "check.h"
#include "util/csvr.h"
#include "util/err.h"

static char paths[32][32];
static int npaths;

/* Writes len bytes to a new temporary file; returns its path (removed at the end). */
static const char *tmpfile_with(const char *data, size_t len)
{
	char *path = paths[npaths++];
	int fd;

	snprintf(path, sizeof(paths[0]), "/tmp/wg-csvr-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		printf("# cannot write %s\n", path);
	if (fd >= 0)
		close(fd);
	return path;
}

static const char *tmpcsv(const char *text)
{
	return tmpfile_with(text, strlen(text));
}

struct reports {
	int n;
	long line[8];
	char col[8][32], msg[8][48];
};

static void collect(void *ctx, long line, const char *col, enum msg_id msg)
{
	struct reports *r = ctx;

	if (r->n < 8) {
		r->line[r->n] = line;
		snprintf(r->col[r->n], sizeof(r->col[0]), "%s", col);
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg_template(msg, MSG_EN));
	}
	r->n++;
}

/* csvr_open with its problem rendered in English into err. */
static int open_en(struct csvr **r, const char *path, char *err, size_t n)
{
	struct msg m = {0};
	int rc = csvr_open(r, path, &m);
	msg_render(&m, MSG_EN, err, n);
	return rc;
}

static const struct csvr_col ent_cols[] = {
	{"uscc", true},
	{"name", true},
	{"region_code", true},
	{"legal_rep", false},
};

/* Opens text as a CSV and maps it to ent_cols; returns the problem count. */
static int map_header(const char *text, int *idx, struct reports *rep)
{
	char err[256] = "";
	struct csvr *r = NULL;
	int rc, problems = -1;

	memset(rep, 0, sizeof(*rep));
	rc = open_en(&r, tmpcsv(text), err, sizeof(err));
	if (rc == WG_OK)
		problems = csvr_map(r, ent_cols, 4, idx, collect, rep);
	else
		printf("# open failed: %s\n", err);
	csvr_free(r);
	return problems;
}

struct rec {
	int rc;
	long line;
	size_t n;
	char **f;
	char err[256];
};

static void next(struct csvr *r, struct rec *x)
{
	x->err[0] = '\0';
	x->n = 0;
	x->f = NULL;
	struct msg m = {0};
	x->rc = csvr_next(r, &x->f, &x->n, &x->line, &m);
	msg_render(&m, MSG_EN, x->err, sizeof(x->err));
}

static struct csvr *open_text(const char *text)
{
	char err[256] = "";
	struct csvr *r = NULL;

	if (open_en(&r, tmpcsv(text), err, sizeof(err)) != WG_OK)
		printf("# open failed: %s\n", err);
	return r;
}

static void test_header(void)
{
	struct reports rep;
	int idx[4], n;

	n = map_header("name,legal_rep,uscc,region_code\n", idx, &rep);
	CHECK(n == 0 && rep.n == 0, "header in another order maps cleanly");
	CHECK(idx[0] == 2 && idx[1] == 0 && idx[2] == 3 && idx[3] == 1, "columns found by name");
	n = map_header("region_code,uscc,name\n", idx, &rep);
	CHECK(n == 0 && idx[3] == -1, "absent optional column gives -1");
	n = map_header("uscc,name,region_code,colour\n", idx, &rep);
	CHECK(n == 1 && rep.line[0] == 1 && strcmp(rep.col[0], "colour") == 0 &&
		      strcmp(rep.msg[0], "unknown column") == 0,
	      "unknown column reported on line 1");
	n = map_header("uscc,legal_rep\n", idx, &rep);
	CHECK(n == 2 && strcmp(rep.col[0], "name") == 0 && strcmp(rep.col[1], "region_code") == 0 &&
		      strcmp(rep.msg[1], "missing required column") == 0,
	      "each missing column reported");
	n = map_header("uscc,name,uscc,region_code\n", idx, &rep);
	CHECK(n == 1 && strcmp(rep.msg[0], "duplicate column") == 0 && idx[0] == 0,
	      "duplicate column reported, first one kept");
	n = map_header("uscc,Name,region_code, name\n", idx, &rep);
	CHECK(n == 3, "names match exactly: case and spaces count (unknown x2, missing x1)");
}

static void test_quoting(void)
{
	struct csvr *r = open_text("id,text,tail\n"
				   "1,\"x, y\",plain\n"
				   "2,\"say \"\"hi\"\"\",z\n"
				   "3,\"multi\n"
				   "line\n"
				   "\",w\n"
				   "4,\"\",\n"
				   "5,  spaced  ,\"\"\"\"");
	struct rec x;

	CHECK(r && csvr_width(r) == 3, "header of three columns");
	CHECK_STR(r ? csvr_header(r, 1) : NULL, "text", "header name 1");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 2 && x.n == 3, "record on line 2");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "x, y", "quoted comma kept in one field");
	next(r, &x);
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "say \"hi\"", "doubled quotes unescaped");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 4, "multi-line record starts on line 4");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "multi\nline\n", "embedded newlines kept");
	CHECK_STR(x.rc == 1 ? x.f[2] : NULL, "w", "field after the multi-line one");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 7, "next record keeps its physical line 7");
	CHECK(x.rc == 1 && x.n == 3 && x.f[1][0] == '\0' && x.f[2][0] == '\0',
	      "quoted empty and trailing empty fields are \"\"");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 8, "last line without a newline is read");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "  spaced  ", "spaces are part of a field");
	CHECK_STR(x.rc == 1 ? x.f[2] : NULL, "\"", "a field of one escaped quote");
	next(r, &x);
	CHECK(x.rc == 0, "end of file");
	CHECK(r && csvr_size(r) > 0 && csvr_offset(r) == csvr_size(r), "offset reaches size");
	csvr_free(r);
}

static void test_layout(void)
{
	struct csvr *r = open_text("\xEF\xBB\xBF"
				   "a,b\r\n"
				   "\r\n"
				   "1,2\r\n"
				   "\n"
				   "   \n"
				   "3,\"x\r\n"
				   "\r\n"
				   "y\"\r\n"
				   "4,\xE5\xBC\xA0\xE4\xB8\x89\r\n");
	struct rec x;

	CHECK_STR(r ? csvr_header(r, 0) : NULL, "a", "BOM stripped from the first header name");
	CHECK_STR(r ? csvr_header(r, 1) : NULL, "b", "CR not part of the last header name");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 3, "blank CRLF line skipped: record on line 3");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "2", "CRLF stripped from the last field");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 6, "blank and whitespace-only lines skipped: line 6");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "x\n\ny", "CRLF inside quotes read as LF, blank kept");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 9, "record after a multi-line CRLF field on line 9");
	CHECK_STR(x.rc == 1 ? x.f[1] : NULL, "\xE5\xBC\xA0\xE4\xB8\x89", "UTF-8 name accepted");
	next(r, &x);
	CHECK(x.rc == 0, "end of file");
	csvr_free(r);
}

static void test_errors(void)
{
	struct csvr *r = open_text("a,b\n"
				   "1,2\n"
				   "3,x\"y\n"
				   "4,\"ab\"c\n"
				   "5,\xFF\n"
				   "6,\xC0\xAF\n"
				   "7,\xED\xA0\x80\n"
				   "8,\xE5\xBC\n"
				   "9,2,3\n"
				   "10\n"
				   "11,ok\n"
				   "12,\"never closed\n"
				   "13,x\n");
	struct rec x;
	char err[256];
	int rc;

	next(r, &x);
	CHECK(x.rc == 1 && x.line == 2, "good record before the errors");
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && strstr(x.err, ":3: malformed quoting"),
	      "quote inside an unquoted field: line 3 (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && strstr(x.err, ":4: malformed quoting"),
	      "text after a closing quote: line 4 (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 5 && strstr(x.err, ":5: column 'b': invalid UTF-8"),
	      "invalid byte 0xFF: line 5, column b (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 6, "overlong encoding rejected (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 7, "UTF-16 surrogate rejected (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 8, "truncated sequence rejected (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && strstr(x.err, ":9: record has 3 fields, header has 2"),
	      "too many fields (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 10, "too few fields (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 11, "reading resumes after errors");
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && strstr(x.err, ":12: quoted field is never closed"),
	      "unterminated quote reported at the line it opens (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == 0, "end of file after the unterminated quote");
	csvr_free(r);

	/* Edge sequences: the largest code point, then overlong, above U+10FFFF, bare
	 * continuation byte, and (valid) U+FFFF. */
	r = open_text("a\n\xF4\x8F\xBF\xBF\n\xE0\x80\xAF\n\xF4\x90\x80\x80\n\x80\n\xEF\xBF\xBF\n");
	next(r, &x);
	CHECK(x.rc == 1, "U+10FFFF accepted (%s)", x.err);
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 3, "3-byte overlong rejected");
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 4, "code point above U+10FFFF rejected");
	next(r, &x);
	CHECK(x.rc == WG_EINPUT && x.line == 5, "lone continuation byte rejected");
	next(r, &x);
	CHECK(x.rc == 1 && x.line == 6, "U+FFFF accepted");
	csvr_free(r);

	r = NULL;
	rc = open_en(&r, tmpcsv(""), err, sizeof(err));
	CHECK(rc == WG_EINPUT && r == NULL && strstr(err, "empty file"), "empty file (%s)", err);
	rc = open_en(&r, tmpcsv("\n\n"), err, sizeof(err));
	CHECK(rc == WG_EINPUT && r == NULL, "only blank lines: no header");
	rc = open_en(&r, tmpcsv("a,\xFF\n"), err, sizeof(err));
	CHECK(rc == WG_EINPUT && strstr(err, ":1: header field 2: invalid UTF-8"),
	      "invalid UTF-8 in the header (%s)", err);
	rc = open_en(&r, tmpfile_with("a,b\0c\n", 6), err, sizeof(err));
	CHECK(rc == WG_EINPUT, "NUL byte in a field rejected (%s)", err);
	rc = open_en(&r, "/nonexistent/wg.csv", err, sizeof(err));
	CHECK(rc == WG_EIO && strstr(err, "/nonexistent/wg.csv: "), "missing file (%s)", err);
}

static long max_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void test_large(void)
{
	const char *path = paths[npaths++];
	FILE *fp;
	struct csvr *r = NULL;
	struct rec x;
	char err[256] = "";
	long rows = 0, bad = 0, rss0, grown;

	snprintf(paths[npaths - 1], sizeof(paths[0]), "/tmp/wg-csvr-big-XXXXXX");
	fp = fdopen(mkstemp(paths[npaths - 1]), "w");
	if (!fp) {
		CHECK(0, "cannot create the large file");
		return;
	}
	fprintf(fp, "project_code,id_number,date,hours,note\n");
	for (int i = 0; i < 100000; i++)
		fprintf(fp,
			"P%06d,11010519491231002X,2026-11-%02d,8.5,\"row %d, "
			"some padding to make every row about a hundred bytes long\"\n",
			i % 1000, i % 28 + 1, i);
	fclose(fp);

	open_en(&r, path, err, sizeof(err));
	rss0 = max_rss_kb();
	for (;;) {
		next(r, &x);
		if (x.rc <= 0)
			break;
		rows++;
		bad += x.line != rows + 1 || x.n != 5;
	}
	grown = max_rss_kb() - rss0;
	CHECK(x.rc == 0 && rows == 100000 && bad == 0,
	      "100,000 rows read with their lines (%ld rows, %ld bad)", rows, bad);
	CHECK(csvr_size(r) > 10000000 && grown < 2048,
	      "peak memory grew %ld KiB reading a %lld-byte file", grown, csvr_size(r));
	csvr_free(r);
}

int main(void)
{
	test_header();
	test_quoting();
	test_layout();
	test_errors();
	test_large();
	for (int i = 0; i < npaths; i++)
		unlink(paths[i]);
	return check_done();
}
