/* test_msg.c — the message catalogue: every code is unique and dotted, every message has
 * both languages with the same parameters, parameters render (plurals, reasons, framing),
 * packing round-trips, and the language is chosen from the locale and Accept-Language. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/dbuf.h"
#include "util/msg.h"

/* The sorted, comma-joined {names} of a template, into out. */
static void params_of(const char *tpl, char *out, size_t n)
{
	char names[16][40];
	int k = 0;
	for (const char *p = strchr(tpl, '{'); p && k < 16; p = strchr(p + 1, '{')) {
		size_t len = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_0123456789");
		if (len == 0 || len >= sizeof names[0] || (p[1 + len] != '}' && p[1 + len] != '?'))
			continue;
		memcpy(names[k], p + 1, len);
		names[k][len] = '\0';
		int dup = 0;
		for (int i = 0; i < k; i++)
			dup |= strcmp(names[i], names[k]) == 0;
		if (!dup)
			k++;
	}
	qsort(names, (size_t)k, sizeof names[0], (int (*)(const void *, const void *))strcmp);
	out[0] = '\0';
	for (int i = 0; i < k; i++) {
		strncat(out, names[i], n - strlen(out) - 2);
		strncat(out, ",", n - strlen(out) - 1);
	}
}

static void test_catalogue(void)
{
	int missing = 0, mismatched = 0, badcode = 0, dupcode = 0, toomany = 0;
	for (int id = MSG_NONE + 1; id < MSG_COUNT; id++) {
		const char *zh = msg_template(id, MSG_ZH), *en = msg_template(id, MSG_EN);
		const char *code = msg_code(id);
		if (!zh || !en || !*zh || !*en) {
			printf("# %s: a language is missing\n", code);
			missing++;
			continue;
		}
		char pz[256], pe[256];
		params_of(zh, pz, sizeof pz);
		params_of(en, pe, sizeof pe);
		if (strcmp(pz, pe) != 0) {
			printf("# %s: zh has {%s}, en has {%s}\n", code, pz, pe);
			mismatched++;
		}
		int nparams = 0;
		for (const char *c = pz; (c = strchr(c, ',')); c++)
			nparams++;
		if (nparams > MSG_MAXPARAMS) {
			printf("# %s: %d parameters, a message holds %d\n", code, nparams,
			       MSG_MAXPARAMS);
			toomany++;
		}
		if (strspn(code, "abcdefghijklmnopqrstuvwxyz_.0123456789") != strlen(code) ||
		    code[0] == '.' || !*code) {
			printf("# bad code '%s'\n", code);
			badcode++;
		}
		for (int j = MSG_NONE + 1; j < id; j++)
			if (strcmp(msg_code(j), code) == 0) {
				printf("# code %s used twice\n", code);
				dupcode++;
			}
	}
	CHECK(MSG_COUNT > 100, "the catalogue holds the importer's and the API's messages (%d)",
	      MSG_COUNT - 1);
	CHECK(missing == 0, "every message has its text in zh-CN and en");
	CHECK(mismatched == 0, "both languages of a message use the same parameters");
	CHECK(badcode == 0, "every code is lower-case words with dots");
	CHECK(dupcode == 0, "no code is used twice");
	CHECK(toomany == 0, "no message has more parameters than a struct msg holds");
	CHECK(msg_template(MSG_COUNT, MSG_EN) == NULL && strcmp(msg_code(MSG_COUNT), "") == 0,
	      "an unknown id has no text and no code");
}

static void test_render(void)
{
	struct msg m;
	char buf[MSG_BUFSZ];
	msg_set(&m, MSG_FIELD_NOT_DATE, "value", "2026-02-30", MSG_END);
	CHECK_STR(msg_render(&m, MSG_EN, buf, sizeof buf),
		  "'2026-02-30' is not a valid date (YYYY-MM-DD)",
		  "a parameter renders in English");
	CHECK_STR(msg_render(&m, MSG_ZH, buf, sizeof buf),
		  "'2026-02-30' 不是有效日期（YYYY-MM-DD）", "and in Chinese");
	CHECK_STR(msg_code(m.id), "import.field.not_date", "its stable code");

	msg_set(&m, MSG_FIELD_NOT_ID, "value", "36042619910102009X", MSG_END);
	msg_add_sub(&m, "reason", MSG_IDS_CHECK);
	CHECK_STR(
		msg_render(&m, MSG_EN, buf, sizeof buf),
		"'36042619910102009X' is not a resident ID number: check character does not match",
		"a reason is another message, in the same language");
	CHECK_STR(msg_render(&m, MSG_ZH, buf, sizeof buf),
		  "'36042619910102009X' 不是居民身份证号码：校验码不符", "the reason in Chinese");
	json_t *j = msg_params_json(&m, MSG_ZH);
	char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(text, "{\"reason\":\"校验码不符\",\"value\":\"36042619910102009X\"}",
		  "the parameters as JSON, reason rendered");
	free(text);
	json_decref(j);

	msg_set(&m, MSG_IMPORT_REJECTED, "file", "a.csv", MSG_END);
	msg_add_int(&m, "problems", 1);
	CHECK_STR(msg_render(&m, MSG_EN, buf, sizeof buf), "a.csv: 1 problem; nothing was imported",
		  "singular");
	msg_set(&m, MSG_IMPORT_REJECTED, "file", "a.csv", MSG_END);
	msg_add_int(&m, "problems", 12);
	CHECK_STR(msg_render(&m, MSG_EN, buf, sizeof buf),
		  "a.csv: 12 problems; nothing was imported", "plural");
	CHECK_STR(msg_render(&m, MSG_ZH, buf, sizeof buf), "a.csv: 12 处问题；未导入任何数据",
		  "no plural in Chinese");

	msg_set(&m, MSG_HTTP_NO_RESOURCE, MSG_END);
	CHECK_STR(msg_render(&m, MSG_EN, buf, sizeof buf), "no such resource: {path}",
		  "a missing parameter shows as its placeholder");
	msg_set(&m, MSG_AUTH_LOGIN_BODY, MSG_END);
	CHECK_STR(msg_render(&m, MSG_EN, buf, sizeof buf),
		  "send {\"username\": …, \"password\": …}",
		  "braces that are not a placeholder are text");

	msg_set(&m, MSG_FIELD_NOT_DATE, "value", "x", MSG_END);
	CHECK_STR(msg_render_problem(MSG_PROBLEM_COLUMN, "bad.csv", 4, "start_date", &m, MSG_EN,
				     buf, sizeof buf),
		  "bad.csv:4: column 'start_date': 'x' is not a valid date (YYYY-MM-DD)",
		  "framed as FILE:LINE: column 'NAME': message");
	CHECK_STR(msg_render_problem(MSG_PROBLEM_COLUMN, "bad.csv", 4, "start_date", &m, MSG_ZH,
				     buf, sizeof buf),
		  "bad.csv:4: 列 'start_date'：'x' 不是有效日期（YYYY-MM-DD）",
		  "framed in Chinese");
	CHECK_STR(msg_render_problem(MSG_PROBLEM_COLUMN, "bad.csv", 0, NULL, &m, MSG_EN, buf,
				     sizeof buf),
		  "bad.csv: 'x' is not a valid date (YYYY-MM-DD)", "a problem of the whole file");

	char small[11];
	msg_set(&m, MSG_TEXT, "text", "工资工资工资", MSG_END);
	msg_render(&m, MSG_EN, small, sizeof small);
	CHECK_STR(small, "工资工", "a cut text ends on a character boundary (%s)", small);
	char big[400];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	msg_set(&m, MSG_TEXT, "text", big, MSG_END);
	CHECK(strlen(m.p[0].value) == MSG_VALUESZ - 1, "a long value is kept cut, not overflowed");
	char head[8];
	CHECK_STR(msg_head("工资表", 4, head), "工", "msg_head cuts back to a character boundary");
	CHECK_STR(msg_head("ab", 4, head), "ab", "msg_head keeps a short text whole");
	CHECK_STR(msg_head("abcdef", 4, head), "abcd", "msg_head keeps max bytes of ASCII");
}

static void test_pack(void)
{
	struct msg m, back;
	struct dbuf b = DBUF_INIT;
	char x[MSG_BUFSZ], y[MSG_BUFSZ];
	msg_set(&m, MSG_FIELD_NOT_AMOUNT, "value", "-5", MSG_END);
	msg_add_sub(&m, "reason", MSG_MONEY_NEGATIVE);
	int rc = msg_pack(&m, &b);
	CHECK(rc == 0, "a message packs");
	size_t one = b.len;
	msg_set(&m, MSG_FIELD_REQUIRED, MSG_END);
	msg_pack(&m, &b);
	const char *p = msg_unpack(b.p, &back);
	CHECK(back.id == MSG_FIELD_NOT_AMOUNT && back.n == 2 && p == b.p + one,
	      "and unpacks to the same id and parameters");
	msg_set(&m, MSG_FIELD_NOT_AMOUNT, "value", "-5", MSG_END);
	msg_add_sub(&m, "reason", MSG_MONEY_NEGATIVE);
	CHECK_STR(msg_render(&back, MSG_EN, x, sizeof x), msg_render(&m, MSG_EN, y, sizeof y),
		  "rendering the same text");
	msg_unpack(p, &back);
	CHECK(back.id == MSG_FIELD_REQUIRED && back.n == 0, "the next one follows");
	dbuf_release(&b);
}

static void test_lang(void)
{
	unsetenv("WAGEGUARD_LANG");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	CHECK(msg_lang_env() == MSG_ZH, "no locale: Chinese");
	setenv("LANG", "C.UTF-8", 1);
	CHECK(msg_lang_env() == MSG_ZH, "the C locale: Chinese, the product's default");
	setenv("LANG", "en_US.UTF-8", 1);
	CHECK(msg_lang_env() == MSG_EN, "LANG=en_US.UTF-8: English");
	setenv("LC_MESSAGES", "zh_CN.UTF-8", 1);
	CHECK(msg_lang_env() == MSG_ZH, "LC_MESSAGES wins over LANG");
	setenv("LC_ALL", "en_GB.UTF-8", 1);
	CHECK(msg_lang_env() == MSG_EN, "LC_ALL wins over LC_MESSAGES");
	setenv("WAGEGUARD_LANG", "zh", 1);
	CHECK(msg_lang_env() == MSG_ZH, "WAGEGUARD_LANG wins over the locale");

	CHECK(msg_lang_accept(NULL) == MSG_ZH, "no Accept-Language: Chinese");
	CHECK(msg_lang_accept("*") == MSG_ZH, "Accept-Language * : Chinese");
	CHECK(msg_lang_accept("en-US,en;q=0.9") == MSG_EN, "en-US: English");
	CHECK(msg_lang_accept("fr-FR, en;q=0.5") == MSG_EN, "French first, then English: English");
	CHECK(msg_lang_accept("en;q=0.4, zh-CN;q=0.8") == MSG_ZH, "the higher weight wins");
	CHECK(msg_lang_accept("zh-TW,en;q=0.9") == MSG_ZH, "zh-TW: Chinese");
	CHECK(msg_lang_accept("english") == MSG_ZH, "a range must be en or en-*");
	CHECK(msg_lang_accept("fr") == MSG_ZH, "neither: Chinese");
}

int main(void)
{
	test_catalogue();
	test_render();
	test_pack();
	test_lang();
	return check_done();
}
