/* draw.c — wg-draw-1 (SPEC §10): the weighted target rounds, the inspector picks with
 * declared conflicts excluded, the canonical published document and its verification. The
 * inputs of a document (seed, n, k, candidates, roster, excluded) determine everything else
 * in it, so verification is: recompute from them and compare the bytes. */
#include "domain/draw.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/banned.h"

/* Weights are bounded so that no sum of them can overflow: 2^32 per candidate, and fewer
 * than 2^31 candidates. */
#define WEIGHT_MAX 4294967296LL
#define N_MAX 1000000

uint64_t draw_hash(const char *s)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | h[i];
	return v;
}

int64_t draw_grade_weight(char grade)
{
	switch (grade) {
	case 'A': return 1;
	case 'B': return 2;
	case 'C': return 4;
	case 'D': return 8;
	default: return 0;
	}
}

int draw_seed_ok(const char *seed)
{
	size_t n = seed ? strlen(seed) : 0;
	if (n == 0 || n > DRAW_SEED_MAX)
		return 0;
	const unsigned char *p = (const unsigned char *)seed;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		int len = c < 0x80       ? 1
			: (c >> 5) == 6  ? 2
			: (c >> 4) == 14 ? 3
			: (c >> 3) == 30 ? 4
					 : 0;
		if (!len || i + (size_t)len > n || (len == 1 && (c < 0x20 || c == 0x7f)) ||
		    (len == 2 && c < 0xc2))
			return 0;
		for (int j = 1; j < len; j++)
			if ((p[i + (size_t)j] & 0xc0) != 0x80)
				return 0;
		i += (size_t)len;
	}
	return 1;
}

/* Inspector ids are text (user names) or whole numbers; numbers order before text. */
static int id_cmp(const json_t *a, const json_t *b)
{
	int ia = json_is_integer(a), ib = json_is_integer(b);
	if (ia && ib) {
		json_int_t x = json_integer_value(a), y = json_integer_value(b);
		return x < y ? -1 : x > y;
	}
	if (ia != ib)
		return ia ? -1 : 1;
	return strcmp(json_string_value(a), json_string_value(b));
}

static int id_ok(const json_t *v)
{
	return json_is_integer(v) || (json_is_string(v) && draw_seed_ok(json_string_value(v)));
}

static int id_in(const json_t *arr, const json_t *id)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		if (id_cmp(v, id) == 0)
			return 1;
	}
	return 0;
}

static const char *id_text(const json_t *id, char *buf, size_t n)
{
	if (json_is_integer(id)) {
		snprintf(buf, n, "%lld", (long long)json_integer_value(id));
		return buf;
	}
	return json_string_value(id) ? json_string_value(id) : "?";
}

/* One candidate as the draw sees it: its weight and the ids excluded for it. */
struct cand {
	const char *uscc;
	int64_t weight;
	const json_t *excluded; /* array, or NULL */
};

/* The rounds of SPEC §10 over candidates c (USCC order) and roster (ascending ids): fills
 * *drawn with [{"uscc":U,"inspectors":[id,…]},…]. */
static int compute(const char *seed, int n, int k, const struct cand *c, size_t nc,
		   const json_t *roster, json_t **drawn, struct msg *err)
{
	char s[DRAW_SEED_MAX + 64];
	int rc = WG_ENOMEM;
	bool *taken = calloc(nc ? nc : 1, sizeof *taken);
	size_t *order = malloc((size_t)(n > 0 ? n : 1) * sizeof *order);
	json_t *out = json_array(), *eligible = json_array();
	*drawn = NULL;
	if (!taken || !order || !out || !eligible)
		goto cleanup;
	if ((size_t)n > nc) {
		msg_set(err, MSG_SV_DRAW_TOO_FEW_CANDIDATES, MSG_END);
		msg_add_int(err, "n", n);
		msg_add_int(err, "candidates", (long long)nc);
		rc = WG_EINPUT;
		goto cleanup;
	}
	for (int r = 1; r <= n; r++) {
		uint64_t W = 0;
		for (size_t i = 0; i < nc; i++)
			if (!taken[i])
				W += (uint64_t)c[i].weight;
		if (W == 0)
			break; /* cannot happen: n <= nc and every weight >= 1 */
		snprintf(s, sizeof s, "%s:target:%d", seed, r);
		uint64_t x = draw_hash(s) % W, acc = 0;
		for (size_t i = 0; i < nc; i++) {
			if (taken[i])
				continue;
			acc += (uint64_t)c[i].weight;
			if (acc > x) {
				taken[i] = true;
				order[r - 1] = i;
				break;
			}
		}
	}
	for (int t = 0; t < n; t++) {
		const struct cand *ct = &c[order[t]];
		json_t *chosen = json_array();
		if (!chosen ||
		    json_array_append_new(
			    out, json_pack("{s:s, s:o}", "uscc", ct->uscc, "inspectors", chosen)))
			goto cleanup;
		for (int i = 1; i <= k; i++) {
			size_t j;
			json_t *id;
			json_array_clear(eligible);
			json_array_foreach(roster, j, id)
			{
				if ((ct->excluded && id_in(ct->excluded, id)) || id_in(chosen, id))
					continue;
				if (json_array_append(eligible, id))
					goto cleanup;
			}
			if (i == 1 && json_array_size(eligible) < (size_t)k) {
				msg_set(err, MSG_SV_DRAW_TOO_FEW_INSPECTORS, "uscc", ct->uscc,
					MSG_END);
				msg_add_int(err, "k", k);
				msg_add_int(err, "eligible", (long long)json_array_size(eligible));
				rc = WG_EINPUT;
				goto cleanup;
			}
			snprintf(s, sizeof s, "%s:inspector:%s:%d", seed, ct->uscc, i);
			uint64_t x = draw_hash(s) % (uint64_t)json_array_size(eligible);
			if (json_array_append(chosen, json_array_get(eligible, (size_t)x)))
				goto cleanup;
		}
	}
	*drawn = out;
	out = NULL;
	rc = WG_OK;
cleanup:
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	free(taken);
	free(order);
	json_decref(out);
	json_decref(eligible);
	return rc;
}

/* The document in the key order of SPEC §10; takes ownership of the four json values. */
static json_t *document(const char *seed, int n, int k, json_t *cands, json_t *roster,
			json_t *excluded, json_t *drawn)
{
	return json_pack("{s:s, s:s, s:i, s:i, s:o, s:o, s:o, s:o}", "algorithm", DRAW_ALGORITHM,
			 "seed", seed, "n", n, "k", k, "candidates", cands, "roster", roster,
			 "excluded", excluded, "drawn", drawn);
}

static int cmp_cand(const void *a, const void *b)
{
	return strcmp(((const struct draw_candidate *)a)->uscc,
		      ((const struct draw_candidate *)b)->uscc);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int draw_run(const char *seed, int n, int k, const struct draw_candidate *cand, size_t ncand,
	     const char *const *roster, size_t nroster, const struct draw_exclusion *excl,
	     size_t nexcl, json_t **doc, struct msg *err)
{
	int rc = WG_ENOMEM;
	struct draw_candidate *sc = malloc((ncand ? ncand : 1) * sizeof *sc);
	const char **sr = malloc((nroster ? nroster : 1) * sizeof *sr);
	struct cand *c = calloc(ncand ? ncand : 1, sizeof *c);
	json_t *jc = json_array(), *jr = json_array(), *jx = json_object(), *drawn = NULL;
	*doc = NULL;
	if (!sc || !sr || !c || !jc || !jr || !jx)
		goto cleanup;
	if (!draw_seed_ok(seed)) {
		msg_set(err, MSG_SV_DRAW_SEED_BAD, MSG_END);
		msg_add_int(err, "max", DRAW_SEED_MAX);
		rc = WG_EINPUT;
		goto cleanup;
	}
	if (n < 1 || n > N_MAX || k < 1 || k > N_MAX) {
		msg_set(err, MSG_SV_DRAW_NK_BAD, MSG_END);
		rc = WG_EINPUT;
		goto cleanup;
	}
	if (ncand)
		memcpy(sc, cand, ncand * sizeof *sc);
	if (ncand)
		qsort(sc, ncand, sizeof *sc, cmp_cand);
	for (size_t i = 0; i < ncand; i++) {
		if (i > 0 && strcmp(sc[i - 1].uscc, sc[i].uscc) == 0) {
			msg_set(err, MSG_SV_DRAW_DUP_CANDIDATE, "uscc", sc[i].uscc, MSG_END);
			rc = WG_EINPUT;
			goto cleanup;
		}
		if (sc[i].weight < 1 || sc[i].weight > WEIGHT_MAX) {
			msg_set(err, MSG_SV_DRAW_WEIGHT_BAD, "uscc", sc[i].uscc, MSG_END);
			rc = WG_EINPUT;
			goto cleanup;
		}
		if (json_array_append_new(jc,
					  json_pack("{s:s, s:I}", "uscc", sc[i].uscc, "weight",
						    (json_int_t)sc[i].weight)))
			goto cleanup;
	}
	size_t nr = 0;
	for (size_t i = 0; i < nroster; i++)
		sr[nr++] = roster[i];
	if (nr)
		qsort(sr, nr, sizeof *sr, cmp_str);
	for (size_t i = 0; i < nr; i++) {
		if (i > 0 && strcmp(sr[i - 1], sr[i]) == 0)
			continue;
		if (!draw_seed_ok(sr[i])) {
			msg_set(err, MSG_SV_DRAW_ID_BAD, "id", sr[i], MSG_END);
			rc = WG_EINPUT;
			goto cleanup;
		}
		if (json_array_append_new(jr, json_string(sr[i])))
			goto cleanup;
	}
	/* the exclusions, per candidate in USCC order, ids ascending, only roster members */
	for (size_t i = 0; i < ncand; i++) {
		json_t *ids = json_array();
		if (!ids)
			goto cleanup;
		size_t j;
		json_t *id;
		json_array_foreach(jr, j, id)
		{
			for (size_t x = 0; x < nexcl; x++)
				if (strcmp(excl[x].uscc, sc[i].uscc) == 0 &&
				    strcmp(excl[x].inspector, json_string_value(id)) == 0) {
					if (json_array_append(ids, id)) {
						json_decref(ids);
						goto cleanup;
					}
					break;
				}
		}
		if (json_array_size(ids) == 0) {
			json_decref(ids);
		} else if (json_object_set_new(jx, sc[i].uscc, ids)) {
			goto cleanup;
		}
	}
	for (size_t i = 0; i < ncand; i++)
		c[i] = (struct cand){sc[i].uscc, sc[i].weight, json_object_get(jx, sc[i].uscc)};
	if ((rc = compute(seed, n, k, c, ncand, jr, &drawn, err)))
		goto cleanup;
	if (!(*doc = document(seed, n, k, jc, jr, jx, drawn))) {
		jc = jr = jx = NULL; /* json_pack's "o" consumed them even on failure */
		rc = WG_ENOMEM;
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		goto cleanup;
	}
	jc = jr = jx = NULL;
	rc = WG_OK;
cleanup:
	if (rc == WG_ENOMEM && err->id == MSG_NONE)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	free(sc);
	free(sr);
	free(c);
	json_decref(jc);
	json_decref(jr);
	json_decref(jx);
	return rc;
}

char *draw_dumps(const json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!text)
		return NULL;
	size_t n = strlen(text);
	char *out = realloc(text, n + 2);
	if (!out) {
		free(text);
		return NULL;
	}
	out[n] = '\n';
	out[n + 1] = '\0';
	return out;
}

/* ---- verification ---------------------------------------------------------------------- */

static int bad_field(struct msg *err, const char *field)
{
	msg_set(err, MSG_SV_DRAW_FIELD_BAD, "field", field, MSG_END);
	return WG_EINPUT;
}

static int out_of_order(struct msg *err, const char *field, size_t index)
{
	msg_set(err, MSG_SV_DRAW_ORDER, "field", field, MSG_END);
	msg_add_int(err, "index", (long long)index);
	return WG_EINPUT;
}

/* Compares the document's drawn list with the recomputed one; the first difference. */
static int compare_drawn(const json_t *have, const json_t *want, struct msg *err)
{
	char a[MSG_VALUESZ], b[MSG_VALUESZ];
	if (!json_is_array(have))
		return bad_field(err, "drawn");
	size_t nh = json_array_size(have), nw = json_array_size(want);
	for (size_t i = 0; i < nh && i < nw; i++) {
		const json_t *h = json_array_get(have, i), *w = json_array_get(want, i);
		const char *hu = json_string_value(json_object_get(h, "uscc"));
		const char *wu = json_string_value(json_object_get(w, "uscc"));
		if (!hu || strcmp(hu, wu) != 0) {
			msg_set(err, MSG_SV_DRAW_DIFF_TARGET, "document", hu ? hu : "?", "draw", wu,
				MSG_END);
			msg_add_int(err, "index", (long long)i);
			return WG_EINPUT;
		}
		const json_t *hi = json_object_get(h, "inspectors");
		const json_t *wi = json_object_get(w, "inspectors");
		if (!json_is_array(hi))
			return bad_field(err, "drawn[].inspectors");
		size_t ni = json_array_size(hi), nwi = json_array_size(wi);
		for (size_t j = 0; j < ni || j < nwi; j++) {
			const json_t *x = json_array_get(hi, j), *y = json_array_get(wi, j);
			if (x && y && id_ok(x) && id_cmp(x, y) == 0)
				continue;
			msg_set(err, MSG_SV_DRAW_DIFF_INSPECTOR, "uscc", wu, "document",
				x && id_ok(x) ? id_text(x, a, sizeof a) : "-", "draw",
				y ? id_text(y, b, sizeof b) : "-", MSG_END);
			msg_add_int(err, "index", (long long)i);
			msg_add_int(err, "slot", (long long)j + 1);
			return WG_EINPUT;
		}
	}
	if (nh != nw) {
		msg_set(err, MSG_SV_DRAW_DIFF_COUNT, MSG_END);
		msg_add_int(err, "document", (long long)nh);
		msg_add_int(err, "draw", (long long)nw);
		return WG_EINPUT;
	}
	return WG_OK;
}

int draw_verify(const char *text, size_t len, struct msg *err)
{
	json_error_t je;
	struct cand *c = NULL;
	json_t *drawn = NULL, *canon = NULL;
	char *ctext = NULL;
	int rc = WG_EINPUT;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		msg_set(err, MSG_SV_DRAW_NOT_JSON, "reason", je.text, MSG_END);
		msg_add_int(err, "line", je.line);
		msg_add_int(err, "column", je.column);
		return WG_EINPUT;
	}
	const char *alg = json_string_value(json_object_get(doc, "algorithm"));
	if (!json_is_object(doc) || !alg || strcmp(alg, DRAW_ALGORITHM) != 0) {
		msg_set(err, MSG_SV_DRAW_ALGORITHM, "algorithm", alg ? alg : "-", MSG_END);
		goto cleanup;
	}
	const char *seed = json_string_value(json_object_get(doc, "seed"));
	const json_t *jn = json_object_get(doc, "n"), *jk = json_object_get(doc, "k");
	const json_t *cands = json_object_get(doc, "candidates");
	const json_t *roster = json_object_get(doc, "roster");
	const json_t *excluded = json_object_get(doc, "excluded");
	if (!draw_seed_ok(seed)) {
		rc = bad_field(err, "seed");
		goto cleanup;
	}
	if (!json_is_integer(jn) || json_integer_value(jn) < 1 || json_integer_value(jn) > N_MAX) {
		rc = bad_field(err, "n");
		goto cleanup;
	}
	if (!json_is_integer(jk) || json_integer_value(jk) < 1 || json_integer_value(jk) > N_MAX) {
		rc = bad_field(err, "k");
		goto cleanup;
	}
	if (!json_is_array(cands)) {
		rc = bad_field(err, "candidates");
		goto cleanup;
	}
	if (!json_is_array(roster)) {
		rc = bad_field(err, "roster");
		goto cleanup;
	}
	if (!json_is_object(excluded)) {
		rc = bad_field(err, "excluded");
		goto cleanup;
	}
	size_t nc = json_array_size(cands), i;
	json_t *v;
	if (!(c = calloc(nc ? nc : 1, sizeof *c))) {
		rc = WG_ENOMEM;
		goto cleanup;
	}
	json_array_foreach(cands, i, v)
	{
		const char *u = json_string_value(json_object_get(v, "uscc"));
		const json_t *w = json_object_get(v, "weight");
		if (!u || !json_is_integer(w) || json_integer_value(w) < 1 ||
		    json_integer_value(w) > WEIGHT_MAX || json_object_size(v) != 2) {
			rc = bad_field(err, "candidates[]");
			goto cleanup;
		}
		if (i > 0 && strcmp(c[i - 1].uscc, u) >= 0) {
			rc = out_of_order(err, "candidates", i);
			goto cleanup;
		}
		c[i] = (struct cand){u, (int64_t)json_integer_value(w), NULL};
	}
	json_array_foreach(roster, i, v)
	{
		if (!id_ok(v)) {
			rc = bad_field(err, "roster[]");
			goto cleanup;
		}
		if (i > 0 && id_cmp(json_array_get(roster, i - 1), v) >= 0) {
			rc = out_of_order(err, "roster", i);
			goto cleanup;
		}
	}
	/* excluded: candidates' USCCs in their order, each a non-empty ascending list of
	 * roster ids */
	const char *key;
	size_t at = 0;
	json_object_foreach((json_t *)excluded, key, v)
	{
		while (at < nc && strcmp(c[at].uscc, key) < 0)
			at++;
		if (at == nc || strcmp(c[at].uscc, key) != 0) {
			msg_set(err, MSG_SV_DRAW_EXCLUDED_UNKNOWN, "uscc", key, MSG_END);
			goto cleanup;
		}
		if (!json_is_array(v) || json_array_size(v) == 0) {
			rc = bad_field(err, "excluded");
			goto cleanup;
		}
		json_t *id;
		json_array_foreach(v, i, id)
		{
			char b[MSG_VALUESZ];
			if (!id_ok(id)) {
				rc = bad_field(err, "excluded");
				goto cleanup;
			}
			if (i > 0 && id_cmp(json_array_get(v, i - 1), id) >= 0) {
				rc = out_of_order(err, "excluded", i);
				goto cleanup;
			}
			if (!id_in(roster, id)) {
				msg_set(err, MSG_SV_DRAW_EXCLUDED_OFF_ROSTER, "uscc", key, "id",
					id_text(id, b, sizeof b), MSG_END);
				goto cleanup;
			}
		}
		c[at++].excluded = v;
	}
	int n = (int)json_integer_value(jn), k = (int)json_integer_value(jk);
	if ((rc = compute(seed, n, k, c, nc, roster, &drawn, err)))
		goto cleanup;
	if ((rc = compare_drawn(json_object_get(doc, "drawn"), drawn, err)))
		goto cleanup;
	/* everything the document says is right: now its bytes must be the canonical ones */
	canon = document(seed, n, k, json_deep_copy(cands), json_deep_copy(roster),
			 json_deep_copy(excluded), drawn);
	drawn = NULL;
	if (!canon || !(ctext = draw_dumps(canon))) {
		rc = WG_ENOMEM;
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		goto cleanup;
	}
	size_t clen = strlen(ctext), tlen = len;
	if (tlen == clen - 1 && memcmp(text, ctext, tlen) == 0)
		tlen = clen; /* the final newline is optional */
	size_t d = 0;
	while (d < tlen && d < clen && text[d] == ctext[d])
		d++;
	if (d < tlen || d < clen) {
		msg_set(err, MSG_SV_DRAW_NOT_CANONICAL, MSG_END);
		msg_add_int(err, "byte", (long long)d + 1);
		rc = WG_EINPUT;
		goto cleanup;
	}
	rc = WG_OK;
cleanup:
	free(c);
	free(ctext);
	json_decref(drawn);
	json_decref(canon);
	json_decref(doc);
	return rc;
}
