/* msg.c — the message catalogue compiled in (msg.def), rendering with named parameters and
 * the two ways a language is chosen (locale, Accept-Language). */
#include "util/msg.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/dbuf.h"
#include "util/banned.h"

static const struct {
	const char *code, *text[2];
} catalogue[MSG_COUNT] = {
	[MSG_NONE] = {"", {"", ""}},
#define MSG(name, c, zh, en) [MSG_##name] = {c, {zh, en}},
#include "util/msg.def"
#undef MSG
};

enum msg_lang msg_cli_lang = MSG_ZH;

const char *msg_code(enum msg_id id)
{
	return id > MSG_NONE && id < MSG_COUNT ? catalogue[id].code : "";
}

const char *msg_template(enum msg_id id, enum msg_lang lang)
{
	if (id <= MSG_NONE || id >= MSG_COUNT)
		return NULL;
	return catalogue[id].text[lang == MSG_EN ? 1 : 0];
}

const char *msg_head(const char *s, size_t max, char *buf)
{
	size_t len = strlen(s);
	if (len > max) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

/* Copies s into out (n bytes), cutting at a UTF-8 character boundary when too long. */
static void copy_cut(char *out, size_t n, const char *s)
{
	msg_head(s, n - 1, out);
}

static struct msg_param *next_param(struct msg *m, const char *name)
{
	if (m->n >= MSG_MAXPARAMS) {
		fprintf(stderr, "wageguard: BUG: message %s has too many parameters (%s)\n",
			msg_code(m->id), name);
		return NULL;
	}
	struct msg_param *p = &m->p[m->n++];
	p->name = name;
	p->sub = MSG_NONE;
	p->value[0] = '\0';
	return p;
}

void msg_add(struct msg *m, const char *name, const char *value)
{
	struct msg_param *p = next_param(m, name);
	if (p)
		copy_cut(p->value, sizeof p->value, value ? value : "");
}

void msg_add_int(struct msg *m, const char *name, long long value)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", value);
	msg_add(m, name, b);
}

void msg_add_sub(struct msg *m, const char *name, enum msg_id sub)
{
	struct msg_param *p = next_param(m, name);
	if (p)
		p->sub = sub;
}

struct msg *msg_setv(struct msg *m, enum msg_id id, va_list ap)
{
	m->id = id;
	m->n = 0;
	for (const char *name; (name = va_arg(ap, const char *));)
		msg_add(m, name, va_arg(ap, const char *));
	return m;
}

struct msg *msg_set(struct msg *m, enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	msg_setv(m, id, ap);
	va_end(ap);
	return m;
}

/* A bounded writer: everything past the end is dropped, the text stays NUL-terminated. */
struct out {
	char *p;
	size_t n, len;
};

static void put(struct out *o, const char *s, size_t len)
{
	if (o->len + 1 >= o->n)
		return;
	size_t room = o->n - 1 - o->len;
	if (len > room) {
		len = room;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(o->p + o->len, s, len);
	o->len += len;
	o->p[o->len] = '\0';
}

/* Fills tpl's placeholders from names/values. {name} is a value; {name?one|other} is one
 * when the value is "1", else other (English plurals). Anything else in braces is text. */
static void render_tpl(const char *tpl, int n, const char *const *names, const char *const *values,
		       struct out *o)
{
	const char *s = tpl;
	while (*s) {
		const char *open = strchr(s, '{');
		if (!open) {
			put(o, s, strlen(s));
			break;
		}
		put(o, s, (size_t)(open - s));
		const char *e = open + 1;
		while (*e == '_' || islower((unsigned char)*e) || isdigit((unsigned char)*e))
			e++;
		size_t nl = (size_t)(e - open - 1);
		const char *close = *e == '?' ? strchr(e, '}') : e;
		if (nl == 0 || !close || *close != '}') {
			put(o, "{", 1);
			s = open + 1;
			continue;
		}
		int k = -1;
		for (int i = 0; i < n && k < 0; i++)
			if (strlen(names[i]) == nl && memcmp(names[i], open + 1, nl) == 0)
				k = i;
		if (k < 0) {
			put(o, open, (size_t)(close + 1 - open));
		} else if (*e == '?') {
			const char *bar = memchr(e, '|', (size_t)(close - e));
			const char *one = e + 1, *other = bar ? bar + 1 : close;
			if (strcmp(values[k], "1") == 0)
				put(o, one, (size_t)((bar ? bar : close) - one));
			else
				put(o, other, (size_t)(close - other));
		} else {
			put(o, values[k], strlen(values[k]));
		}
		s = close + 1;
	}
}

/* The parameters of m as name/value arrays; sub-messages rendered into subs. */
static void gather(const struct msg *m, enum msg_lang lang, const char **names, const char **values,
		   char subs[][MSG_VALUESZ])
{
	for (int i = 0; i < m->n; i++) {
		names[i] = m->p[i].name;
		if (m->p[i].sub != MSG_NONE) {
			const char *t = msg_template(m->p[i].sub, lang);
			copy_cut(subs[i], MSG_VALUESZ, t ? t : "");
			values[i] = subs[i];
		} else {
			values[i] = m->p[i].value;
		}
	}
}

const char *msg_render(const struct msg *m, enum msg_lang lang, char *buf, size_t n)
{
	const char *names[MSG_MAXPARAMS], *values[MSG_MAXPARAMS];
	char subs[MSG_MAXPARAMS][MSG_VALUESZ];
	struct out o = {buf, n, 0};
	if (!n)
		return buf;
	buf[0] = '\0';
	const char *tpl = msg_template(m->id, lang);
	if (!tpl)
		return buf;
	gather(m, lang, names, values, subs);
	render_tpl(tpl, m->n, names, values, &o);
	return buf;
}

json_t *msg_params_json(const struct msg *m, enum msg_lang lang)
{
	const char *names[MSG_MAXPARAMS], *values[MSG_MAXPARAMS];
	char subs[MSG_MAXPARAMS][MSG_VALUESZ];
	json_t *o = json_object();
	if (!o)
		return NULL;
	gather(m, lang, names, values, subs);
	for (int i = 0; i < m->n; i++)
		json_object_set_new(o, names[i], json_string(values[i]));
	return o;
}

const char *msg_render_problem(enum msg_id frame, const char *file, long line, const char *col,
			       const struct msg *m, enum msg_lang lang, char *buf, size_t n)
{
	char text[MSG_BUFSZ], lb[24];
	msg_render(m, lang, text, sizeof text);
	if (!file) {
		copy_cut(buf, n, text);
		return buf;
	}
	snprintf(lb, sizeof lb, "%ld", line);
	const char *names[] = {"file", "line", "column", "message"};
	const char *values[] = {file, lb, col ? col : "", text};
	enum msg_id id = line > 0 && col ? frame : line > 0 ? MSG_PROBLEM_LINE : MSG_PROBLEM_FILE;
	struct out o = {buf, n, 0};
	buf[0] = '\0';
	render_tpl(msg_template(id, lang), 4, names, values, &o);
	return buf;
}

const char *msg_cli(const struct msg *m)
{
	static _Thread_local char buf[MSG_BUFSZ];
	return msg_render(m, msg_cli_lang, buf, sizeof buf);
}

enum msg_lang msg_lang_env(void)
{
	static const char *const vars[] = {"WAGEGUARD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncasecmp(v, "en", 2) == 0 ? MSG_EN : MSG_ZH;
	}
	return MSG_ZH;
}

enum msg_lang msg_lang_accept(const char *h)
{
	/* "en-US,en;q=0.9,zh;q=0.8": the best-weighted of the ranges naming zh or en */
	double best = 0;
	enum msg_lang lang = MSG_ZH;
	while (h && *h) {
		while (*h == ' ' || *h == ',')
			h++;
		const char *end = strchr(h, ',');
		size_t len = end ? (size_t)(end - h) : strlen(h);
		double q = 1;
		const char *semi = memchr(h, ';', len);
		if (semi) {
			const char *qp = strstr(semi, "q=");
			if (qp && qp < h + len)
				q = strtod(qp + 2, NULL);
		}
		int en = len >= 2 && strncasecmp(h, "en", 2) == 0 &&
			(len == 2 || h[2] == '-' || h[2] == ';' || h[2] == ' ');
		int zh = len >= 2 && strncasecmp(h, "zh", 2) == 0 &&
			(len == 2 || h[2] == '-' || h[2] == ';' || h[2] == ' ');
		if ((en || zh) && q > best) {
			best = q;
			lang = en ? MSG_EN : MSG_ZH;
		}
		h += len;
	}
	return lang;
}

int msg_pack(const struct msg *m, struct dbuf *b)
{
	if (dbuf_addf(b, "%d", (int)m->id) < 0 || dbuf_addc(b, '\0') < 0 ||
	    dbuf_addc(b, (char)('0' + m->n)) < 0)
		return -1;
	for (int i = 0; i < m->n; i++)
		if (dbuf_add(b, m->p[i].name, strlen(m->p[i].name) + 1) < 0 ||
		    dbuf_addf(b, "%d", (int)m->p[i].sub) < 0 || dbuf_addc(b, '\0') < 0 ||
		    dbuf_add(b, m->p[i].value, strlen(m->p[i].value) + 1) < 0)
			return -1;
	return 0;
}

const char *msg_unpack(const char *p, struct msg *m)
{
	m->id = (enum msg_id)strtol(p, NULL, 10);
	p += strlen(p) + 1;
	m->n = *p++ - '0';
	for (int i = 0; i < m->n; i++) {
		m->p[i].name = p;
		p += strlen(p) + 1;
		m->p[i].sub = (enum msg_id)strtol(p, NULL, 10);
		p += strlen(p) + 1;
		copy_cut(m->p[i].value, sizeof m->p[i].value, p);
		p += strlen(p) + 1;
	}
	return p;
}
