/* test_draw.c — wg-draw-1 (SPEC §10, domain/draw.c): H against the NIST SHA-256 vectors,
 * the canonical document, exclusions, the errors the spec names, and verification. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/draw.h"
#include "util/err.h"

int main(void)
{
	/* SHA-256("abc") = ba7816bf8f01cfea 414140de…, SHA-256("") = e3b0c44298fc1c14 9afbf4c8… */
	CHECK(draw_hash("abc") == 0xba7816bf8f01cfeaULL, "H(abc) is the first 8 bytes of SHA-256");
	CHECK(draw_hash("") == 0xe3b0c44298fc1c14ULL, "H of the empty string");
	CHECK(draw_grade_weight('A') == 1 && draw_grade_weight('B') == 2 &&
		      draw_grade_weight('C') == 4 && draw_grade_weight('D') == 8,
	      "grade weights A 1, B 2, C 4, D 8");

	struct draw_candidate c[] = {
		{"91330100MA2AAAAA3L", 8}, {"91330100MA2AAAAA1E", 1}, {"91330100MA2AAAAA2H", 2}};
	const char *roster[] = {"wang", "chen", "li", "li"};
	struct draw_exclusion x[] = {{"91330100MA2AAAAA2H", "li"},
				     {"91330100MA2AAAAA2H", "nobody"}};
	struct msg err = {0};
	json_t *doc = NULL;
	int rc = draw_run("seed-1", 3, 2, c, 3, roster, 4, x, 2, &doc, &err);
	CHECK(rc == 0 && doc, "a draw of all three candidates succeeds");
	char *text = doc ? draw_dumps(doc) : NULL;
	static const char head[] = "{\"algorithm\":\"wg-draw-1\",\"seed\":\"seed-1\",\"n\":3,"
				   "\"k\":2,\"candidates\":[{\"uscc\":\"91330100MA2AAAAA1E\","
				   "\"weight\":1},";
	CHECK(text && strncmp(text, head, sizeof head - 1) == 0,
	      "the document opens in the spec's key order, candidates by USCC");
	CHECK(text &&
		      strstr(text,
			     "\"roster\":[\"chen\",\"li\",\"wang\"],"
			     "\"excluded\":{\"91330100MA2AAAAA2H\":[\"li\"]}"),
	      "roster sorted without repeats; exclusions only of roster members");
	CHECK(text && text[strlen(text) - 1] == '\n', "one newline ends the document");
	json_t *drawn = json_object_get(doc, "drawn");
	size_t i;
	json_t *t;
	int li_on_2h = 0;
	json_array_foreach(drawn, i, t) if (strcmp(json_string_value(json_object_get(t, "uscc")),
						   "91330100MA2AAAAA2H") == 0)
	{
		char *ins = json_dumps(json_object_get(t, "inspectors"), 0);
		li_on_2h = ins && strstr(ins, "\"li\"") != NULL;
		free(ins);
	}
	CHECK(json_array_size(drawn) == 3 && !li_on_2h,
	      "every candidate drawn; the excluded inspector never on its target");
	CHECK(text && draw_verify(text, strlen(text), &err) == 0, "the document verifies");
	CHECK(text && draw_verify(text, strlen(text) - 1, &err) == 0,
	      "without its final newline too");
	if (text) {
		char *bad = strdup(text);
		char *p = strstr(bad, "\"weight\":1}");
		p[10] = '2'; /* the first candidate's weight 1 -> 2 */
		rc = draw_verify(bad, strlen(bad), &err);
		CHECK(rc == WG_EINPUT, "a changed weight is refused");
		free(bad);
		bad = malloc(strlen(text) + 2);
		bad[0] = ' ';
		strcpy(bad + 1, text);
		rc = draw_verify(bad, strlen(bad), &err);
		CHECK(rc == WG_EINPUT && err.id == MSG_SV_DRAW_NOT_CANONICAL,
		      "a leading space: the draw matches but the bytes are not canonical");
		free(bad);
	}
	free(text);
	json_decref(doc);

	rc = draw_run("seed-1", 4, 2, c, 3, roster, 4, x, 0, &doc, &err);
	CHECK(rc == WG_EINPUT && err.id == MSG_SV_DRAW_TOO_FEW_CANDIDATES,
	      "n above the candidates");
	const char *two[] = {"li", "wang"};
	rc = draw_run("seed-1", 3, 2, c, 3, two, 2, x, 1, &doc, &err);
	CHECK(rc == WG_EINPUT && err.id == MSG_SV_DRAW_TOO_FEW_INSPECTORS &&
		      strcmp(err.p[0].value, "91330100MA2AAAAA2H") == 0,
	      "fewer than k eligible names the target");
	rc = draw_run("bad\nseed", 1, 1, c, 3, roster, 4, x, 0, &doc, &err);
	CHECK(rc == WG_EINPUT && err.id == MSG_SV_DRAW_SEED_BAD, "a seed with a control character");
	CHECK(draw_verify("{\"algorithm\":\"other\"}", 21, &err) == WG_EINPUT &&
		      err.id == MSG_SV_DRAW_ALGORITHM,
	      "another algorithm is not verified");
	return check_done();
}
