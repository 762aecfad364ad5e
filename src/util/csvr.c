/* csvr.c — streaming RFC 4180 CSV reader on libcsv. Lines are fed to the parser one at a
 * time, so each record knows the physical line it starts on even when quoted fields span
 * lines; memory is bounded by the longest record. Exports the csvr_* functions. */
#include "util/csvr.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "util/dbuf.h"
#include "util/err.h"
#include "util/banned.h"

/* No import row comes near this; the cap stops a broken file from eating memory. */
#define CSVR_MAX_RECORD ((size_t)1 << 20)

struct csvr {
	FILE *fp;
	char *path; /* as shown in messages: "<stdin>" for "-" */
	struct csv_parser parser;
	char *line; /* getline's buffer */
	size_t linecap;
	long lineno;    /* physical lines read so far */
	long rec_line;  /* physical line the current record starts on */
	bool in_record; /* a quoted field is open across lines */
	bool row_done;  /* the parser has delivered the end of the record */
	bool too_long;  /* the record passed CSVR_MAX_RECORD */
	bool nomem;
	struct dbuf data; /* the record's fields, each followed by its NUL */
	size_t *offs;     /* start of field i in data */
	char **fields;    /* data.p + offs[i], rebuilt once the record is complete */
	size_t nfields, alloc;
	char *hdr_data; /* the header row, laid out like data */
	char **hdr;
	size_t width;
	long hdr_line;
	long long offset, size;
};

/* Sets *err to message id about file path at line (0: the file as a whole). */
static void set_err(struct msg *err, enum msg_id id, const char *path, long line)
{
	if (!err)
		return;
	msg_set(err, id, "file", path, MSG_END);
	if (line > 0)
		msg_add_int(err, "line", line);
}

/* RFC 4180: spaces are part of a field, so the parser must not trim them. */
static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Only LF ends a record: lines arrive one at a time with CRLF already turned into LF, so a
 * record can end only at the end of the line just fed. */
static int lf_only(unsigned char c)
{
	return c == '\n';
}

static int parser_init(struct csvr *r)
{
	if (csv_init(&r->parser, CSV_STRICT) != 0)
		return WG_ENOMEM;
	csv_set_space_func(&r->parser, never_space);
	csv_set_term_func(&r->parser, lf_only);
	return WG_OK;
}

static void on_field(void *s, size_t len, void *ctx)
{
	struct csvr *r = ctx;

	if (r->too_long || r->nomem)
		return;
	if (r->data.len + len + 1 > CSVR_MAX_RECORD) {
		r->too_long = true;
		return;
	}
	if (r->nfields == r->alloc) {
		size_t alloc = r->alloc ? 2 * r->alloc : 32;
		size_t *offs = realloc(r->offs, alloc * sizeof(*offs));
		if (!offs) {
			r->nomem = true;
			return;
		}
		r->offs = offs;
		char **fields = realloc(r->fields, alloc * sizeof(*fields));
		if (!fields) {
			r->nomem = true;
			return;
		}
		r->fields = fields;
		r->alloc = alloc;
	}
	r->offs[r->nfields] = r->data.len;
	/* libcsv passes a NULL buffer for an empty first field: add nothing then. */
	if (dbuf_add(&r->data, s, len) || dbuf_addc(&r->data, '\0')) {
		r->nomem = true;
		return;
	}
	r->nfields++;
}

static void on_row(int c, void *ctx)
{
	struct csvr *r = ctx;

	(void)c;
	r->row_done = true;
}

static void record_reset(struct csvr *r)
{
	dbuf_reset(&r->data);
	r->nfields = 0;
	r->row_done = r->too_long = r->nomem = false;
}

/* Drops a broken record and restarts the parser, so reading resumes at the next line. */
static int parser_restart(struct csvr *r)
{
	csv_free(&r->parser);
	record_reset(r);
	r->in_record = false;
	return parser_init(r);
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Reads lines until one record is complete. Returns 1 (fields in r->fields), 0 at end of
 * file, or a negative wg_status with a message in err. */
static int read_record(struct csvr *r, struct msg *err)
{
	record_reset(r);
	for (;;) {
		ssize_t got = getline(&r->line, &r->linecap, r->fp);
		char *s = r->line;
		size_t len;

		if (got < 0) {
			if (ferror(r->fp)) {
				set_err(err, MSG_CSV_READ_ERROR, r->path, 0);
				msg_add(err, "reason", strerror(errno));
				return WG_EIO;
			}
			if (r->in_record) {
				long start = r->rec_line;
				int rc = parser_restart(r);
				if (rc)
					return rc;
				set_err(err, MSG_CSV_UNCLOSED_QUOTE, r->path, start);
				return WG_EINPUT;
			}
			return 0;
		}
		len = (size_t)got;
		r->lineno++;
		r->offset += got;
		if (r->lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			len -= 3;
		}
		if (len && s[len - 1] == '\n')
			len--;
		if (len && s[len - 1] == '\r')
			len--;
		if (!r->in_record) {
			if (is_blank(s, len))
				continue;
			r->rec_line = r->lineno;
			r->in_record = true;
		}
		/* The line's own terminator is fed separately so a last line without one ends
		 * its record the same way. */
		if (csv_parse(&r->parser, s, len, on_field, on_row, r) != len ||
		    csv_parse(&r->parser, "\n", 1, on_field, on_row, r) != 1) {
			int perr = csv_error(&r->parser);
			int rc = parser_restart(r);
			if (rc)
				return rc;
			if (perr != CSV_EPARSE) {
				set_err(err, MSG_CSV_NOMEM_LINE, r->path, r->lineno);
				return WG_ENOMEM;
			}
			set_err(err, MSG_CSV_BAD_QUOTING, r->path, r->lineno);
			return WG_EINPUT;
		}
		if (r->too_long || r->nomem) {
			bool too_long = r->too_long;
			int rc = parser_restart(r);
			if (rc)
				return rc;
			if (!too_long) {
				set_err(err, MSG_CSV_NOMEM_LINE, r->path, r->rec_line);
				return WG_ENOMEM;
			}
			set_err(err, MSG_CSV_TOO_LONG, r->path, r->rec_line);
			msg_add_int(err, "max", (long long)CSVR_MAX_RECORD);
			return WG_EINPUT;
		}
		if (r->row_done) {
			r->in_record = false;
			for (size_t i = 0; i < r->nfields; i++)
				r->fields[i] = r->data.p + r->offs[i];
			return 1;
		}
	}
}

/* Length of the valid UTF-8 prefix of s[0..len); NUL counts as invalid since callers see
 * fields as C strings. Rejects overlong forms, surrogates and code points past U+10FFFF. */
static size_t utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		unsigned char lo = 0x80, hi = 0xBF;

		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3;
		else
			return i;
		/* The second byte's range is what excludes overlongs, surrogates and > U+10FFFF. */
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		if (len - i <= n || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return i;
		i += n + 1;
	}
	return i;
}

/* Checks every field of the current record; returns the first bad field's index or -1. */
static long bad_utf8_field(const struct csvr *r)
{
	for (size_t i = 0; i < r->nfields; i++) {
		size_t end = i + 1 < r->nfields ? r->offs[i + 1] : r->data.len;
		size_t flen = end - r->offs[i] - 1;
		if (utf8_valid_prefix((const unsigned char *)r->fields[i], flen) != flen)
			return (long)i;
	}
	return -1;
}

int csvr_open(struct csvr **out, const char *path, struct msg *err)
{
	struct csvr *r = calloc(1, sizeof(*r));
	struct stat st;
	long bad;
	int rc;

	*out = NULL;
	if (!r || !(r->path = strdup(strcmp(path, "-") == 0 ? "<stdin>" : path))) {
		free(r);
		set_err(err, MSG_CSV_NOMEM, path, 0);
		return WG_ENOMEM;
	}
	r->data.max = CSVR_MAX_RECORD;
	if (parser_init(r)) {
		rc = WG_ENOMEM;
		set_err(err, MSG_CSV_NOMEM, r->path, 0);
		goto cleanup;
	}
	r->fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!r->fp) {
		rc = WG_EIO;
		set_err(err, MSG_CSV_OPEN_ERROR, r->path, 0);
		msg_add(err, "reason", strerror(errno));
		goto cleanup;
	}
	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode))
		r->size = st.st_size;

	rc = read_record(r, err);
	if (rc == 0) {
		rc = WG_EINPUT;
		set_err(err, MSG_CSV_EMPTY, r->path, 0);
	}
	if (rc < 0)
		goto cleanup;
	bad = bad_utf8_field(r);
	if (bad >= 0) {
		rc = WG_EINPUT;
		set_err(err, MSG_CSV_HEADER_UTF8, r->path, r->rec_line);
		msg_add_int(err, "field", bad + 1);
		goto cleanup;
	}
	/* Keep the header in its own copy: data and fields are reused for every record. */
	r->width = r->nfields;
	r->hdr_line = r->rec_line;
	r->hdr_data = malloc(r->data.len + 1);
	r->hdr = malloc(r->width * sizeof(*r->hdr));
	if (!r->hdr_data || !r->hdr) {
		rc = WG_ENOMEM;
		set_err(err, MSG_CSV_NOMEM, r->path, 0);
		goto cleanup;
	}
	memcpy(r->hdr_data, r->data.p, r->data.len + 1);
	for (size_t i = 0; i < r->width; i++)
		r->hdr[i] = r->hdr_data + r->offs[i];
	*out = r;
	return WG_OK;

cleanup:
	csvr_free(r);
	return rc;
}

/* The Chinese column headers enterprises and banks use, each an alias of a column (documented
 * in docs/formats.md): a header matches a column by its name or by an alias of that name. */
static const char *const header_aliases[][2] = {
	{"身份证号", "id_number"},
	{"身份证号码", "id_number"},
	{"公民身份号码", "id_number"},
	{"姓名", "name"},
	{"名称", "name"},
	{"单位名称", "name"},
	{"项目名称", "name"},
	{"手机号", "phone"},
	{"手机号码", "phone"},
	{"联系电话", "phone"},
	{"银行卡号", "bank_card"},
	{"工资卡号", "bank_card"},
	{"收款卡号", "bank_card"},
	{"开户银行", "bank_code"},
	{"银行代码", "bank_code"},
	{"项目编号", "project_code"},
	{"项目编码", "project_code"},
	{"日期", "date"},
	{"考勤日期", "date"},
	{"工时", "hours"},
	{"出勤工时", "hours"},
	{"月份", "period"},
	{"工资月份", "period"},
	{"出勤天数", "days"},
	{"应发工资", "gross"},
	{"应发金额", "gross"},
	{"扣款", "deductions"},
	{"代扣款项", "deductions"},
	{"实发工资", "net"},
	{"实发金额", "net"},
	{"应发放日期", "due_date"},
	{"金额", "amount"},
	{"发放日期", "paid_on"},
	{"支付日期", "paid_on"},
	{"流水号", "txn_id"},
	{"交易流水号", "txn_id"},
	{"银行流水号", "txn_id"},
	{"状态", "status"},
	{"统一社会信用代码", "uscc"},
	{"用工单位", "employer_uscc"},
	{"用人单位", "employer_uscc"},
	{"班组", "team"},
	{"工种", "trade"},
	{"计薪方式", "wage_type"},
	{"工资标准", "wage_rate"},
	{"进场日期", "start_date"},
	{"开工日期", "start_date"},
	{"退场日期", "end_date"},
	{"竣工日期", "end_date"},
	{"行政区划代码", "region_code"},
	{"所属行业", "industry"},
	{"行业", "industry"},
	{"法定代表人", "legal_rep"},
	{"建设单位", "owner_uscc"},
	{"施工总承包单位", "contractor_uscc"},
	{"总承包单位", "contractor_uscc"},
	{"合同金额", "contract_value"},
	{"分包单位", "subcontractor_uscc"},
	{"专用账户", "account_no"},
	{"账号", "account_no"},
	{"开户日期", "opened_on"},
	{"项目代码", "code"},
	{"类型", "kind"},
};

/* Whether header h names column name, itself or by one of its aliases. */
static bool header_is(const char *h, const char *name)
{
	if (strcmp(h, name) == 0)
		return true;
	for (size_t i = 0; i < sizeof header_aliases / sizeof header_aliases[0]; i++)
		if (strcmp(header_aliases[i][1], name) == 0 && strcmp(header_aliases[i][0], h) == 0)
			return true;
	return false;
}

int csvr_map(struct csvr *r, const struct csvr_col *cols, size_t ncols, int *idx,
	     void (*report)(void *ctx, long line, const char *col, enum msg_id msg), void *ctx)
{
	int problems = 0;

	for (size_t c = 0; c < ncols; c++)
		idx[c] = -1;
	for (size_t i = 0; i < r->width; i++) {
		size_t c;
		for (c = 0; c < ncols; c++)
			if (header_is(r->hdr[i], cols[c].name))
				break;
		if (c == ncols) {
			report(ctx, r->hdr_line, r->hdr[i], MSG_CSV_UNKNOWN_COLUMN);
			problems++;
		} else if (idx[c] >= 0) {
			report(ctx, r->hdr_line, r->hdr[i], MSG_CSV_DUPLICATE_COLUMN);
			problems++;
		} else {
			idx[c] = (int)i;
		}
	}
	for (size_t c = 0; c < ncols; c++)
		if (idx[c] < 0 && cols[c].required) {
			report(ctx, r->hdr_line, cols[c].name, MSG_CSV_MISSING_COLUMN);
			problems++;
		}
	return problems;
}

int csvr_next(struct csvr *r, char ***fields, size_t *n, long *line, struct msg *err)
{
	int rc = read_record(r, err);
	long bad;

	*line = r->rec_line;
	if (rc <= 0)
		return rc;
	if (r->nfields != r->width) {
		set_err(err, MSG_CSV_FIELD_COUNT, r->path, r->rec_line);
		msg_add_int(err, "count", (long long)r->nfields);
		msg_add_int(err, "width", (long long)r->width);
		return WG_EINPUT;
	}
	bad = bad_utf8_field(r);
	if (bad >= 0) {
		set_err(err, MSG_CSV_FIELD_UTF8, r->path, r->rec_line);
		msg_add(err, "column", r->hdr[bad]);
		return WG_EINPUT;
	}
	*fields = r->fields;
	*n = r->nfields;
	return 1;
}

size_t csvr_width(const struct csvr *r)
{
	return r->width;
}

const char *csvr_header(const struct csvr *r, size_t i)
{
	return i < r->width ? r->hdr[i] : NULL;
}

long long csvr_offset(const struct csvr *r)
{
	return r->offset;
}

long long csvr_size(const struct csvr *r)
{
	return r->size;
}

const char *csvr_path(const struct csvr *r)
{
	return r->path;
}

void csvr_free(struct csvr *r)
{
	if (!r)
		return;
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	csv_free(&r->parser);
	free(r->line);
	dbuf_release(&r->data);
	free(r->offs);
	free(r->fields);
	free(r->hdr_data);
	free(r->hdr);
	free(r->path);
	free(r);
}
