/* msg.h — the one message catalogue (msg.def): every message a person reads is a stable code
 * with named parameters, rendered in zh-CN (the default) or en by whoever shows it — the CLI
 * in the language of the locale, the API in that of Accept-Language. The domain never
 * renders: it hands a struct msg up. Exports the msg_* functions and enum msg_id. */
#ifndef WG_MSG_H
#define WG_MSG_H
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>

enum msg_id {
	MSG_NONE = 0,
#define MSG(name, code, zh, en) MSG_##name,
#include "util/msg.def"
#undef MSG
	MSG_COUNT
};

enum msg_lang { MSG_ZH = 0, MSG_EN = 1 };

/* Ends the name, value list of msg_set, http_error, import_error (a typed null pointer: a
 * bare NULL may be an int in a variadic call). */
#define MSG_END ((const char *)NULL)

#define MSG_MAXPARAMS 8
#define MSG_VALUESZ 160
#define MSG_BUFSZ 1024 /* enough for any rendered message */

/* One parameter: a text value, or (sub != MSG_NONE) the text of another message in the
 * same language — a reason such as "check character does not match". */
struct msg_param {
	const char *name; /* static */
	enum msg_id sub;
	char value[MSG_VALUESZ];
};

/* A message to be rendered later, owning copies of its values (safe to keep and copy). */
struct msg {
	enum msg_id id;
	int n;
	struct msg_param p[MSG_MAXPARAMS];
};

/* Sets m to message id with parameters given as name, value pairs of strings, then MSG_END:
 * msg_set(&m, MSG_FIELD_NOT_DATE, "value", text, MSG_END). Values longer than MSG_VALUESZ are
 * cut at a character boundary. Returns m. */
struct msg *msg_set(struct msg *m, enum msg_id id, ...) __attribute__((sentinel));
/* The same with the name, value list in ap (for functions that take one themselves:
 * http_error, import_error). */
struct msg *msg_setv(struct msg *m, enum msg_id id, va_list ap);
/* Adds one parameter to m: a text, a whole number, or another message's text. */
void msg_add(struct msg *m, const char *name, const char *value);
void msg_add_int(struct msg *m, const char *name, long long value);
void msg_add_sub(struct msg *m, const char *name, enum msg_id sub);

/* The first max bytes of s, cut back to a UTF-8 character boundary, into buf (max + 1
 * bytes): a long value quoted in a message ("'…' is longer than 64 characters"). Returns buf. */
const char *msg_head(const char *s, size_t max, char *buf);

/* The stable code of id ("import.field.required"), or "" for an unknown id. */
const char *msg_code(enum msg_id id);
/* The catalogue text of id in lang, placeholders unfilled; NULL for an unknown id. */
const char *msg_template(enum msg_id id, enum msg_lang lang);

/* Renders m in lang into buf (size n, always NUL-terminated; cut when too long). A
 * placeholder without a parameter stays as "{name}". Returns buf. */
const char *msg_render(const struct msg *m, enum msg_lang lang, char *buf, size_t n);
/* The parameters of m as a JSON object of strings ({} when none; a sub-message's and a
 * wrapped message's text rendered in lang). Caller owns the result; NULL on out of memory. */
json_t *msg_params_json(const struct msg *m, enum msg_lang lang);
/* Renders problem m framed with where it is (SPEC §4): "FILE:LINE: column 'COL': message"
 * with frame MSG_PROBLEM_COLUMN (MSG_PROBLEM_FIELD: "field"), "FILE:LINE: message" without
 * col, "FILE: message" when line is 0, and m alone when file is NULL. Returns buf. */
const char *msg_render_problem(enum msg_id frame, const char *file, long line, const char *col,
			       const struct msg *m, enum msg_lang lang, char *buf, size_t n);

struct dbuf;
/* Appends m to b in a compact form (0, or -1 out of memory); msg_unpack reads one back
 * from p into m (parameter names point into p: keep p while m is used) and returns the byte
 * after it. */
int msg_pack(const struct msg *m, struct dbuf *b);
const char *msg_unpack(const char *p, struct msg *m);

/* The language the locale asks for: the first set of WAGEGUARD_LANG, LC_ALL, LC_MESSAGES,
 * LANG; a value starting "en" is English, anything else (zh_CN, C, POSIX, unset) Chinese,
 * the product's default. */
enum msg_lang msg_lang_env(void);
/* The language an Accept-Language header asks for: the zh or en range of highest weight,
 * Chinese when neither is named (or the header is NULL). */
enum msg_lang msg_lang_accept(const char *header);

/* The language of this process's own output (the CLI's), set once by main. */
extern enum msg_lang msg_cli_lang;
/* Renders m in msg_cli_lang to a static per-thread buffer: for printing at once. */
const char *msg_cli(const struct msg *m);
#endif
