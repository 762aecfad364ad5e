/* draw.h — the random draw `wg-draw-1` of SPEC §10 (双随机一公开): targets weighted by
 * credit grade, inspectors with declared conflicts excluded, from a seed recorded before
 * the draw, published as one canonical JSON document that anyone can recompute byte for
 * byte. Pure: no store, no clock. Exports draw_hash, draw_run, draw_dumps, draw_verify. */
#ifndef WG_DRAW_H
#define WG_DRAW_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "util/msg.h"

#define DRAW_ALGORITHM "wg-draw-1"
#define DRAW_SEED_MAX 200 /* bytes of a seed */
#define DRAW_K_DEFAULT 2  /* inspectors per target */

/* H(s) of SPEC §10: the first 8 bytes of SHA-256 of s as an unsigned big-endian integer. */
uint64_t draw_hash(const char *s);

/* The default weight of a credit grade ('A' 1, 'B' 2, 'C' 4, 'D' 8), 0 for anything else. */
int64_t draw_grade_weight(char grade);

struct draw_candidate {
	const char *uscc;
	int64_t weight; /* >= 1 */
};

/* A declared conflict of interest: inspector may not inspect uscc. */
struct draw_exclusion {
	const char *uscc, *inspector;
};

/* Checks a seed: 1..DRAW_SEED_MAX bytes of UTF-8 without control characters. */
int draw_seed_ok(const char *seed);

/* Runs wg-draw-1 for n targets and k inspectors each over the candidates (any order; a
 * USCC given twice is an error), the roster's inspector ids (any order, duplicates
 * ignored) and the declared conflicts (those naming no candidate or nobody on the roster
 * do not enter the document). Returns 0 with *doc, the published document (caller
 * json_decref), or WG_EINPUT with the reason in err (too few candidates, fewer than k
 * eligible inspectors for a target — named — a bad seed or weight), or WG_ENOMEM. */
int draw_run(const char *seed, int n, int k, const struct draw_candidate *cand, size_t ncand,
	     const char *const *roster, size_t nroster, const struct draw_exclusion *excl,
	     size_t nexcl, json_t **doc, struct msg *err);

/* The canonical text of a document: compact JSON, keys in the order of SPEC §10, one
 * newline at the end. Caller frees; NULL on out of memory. */
char *draw_dumps(const json_t *doc);

/* Recomputes the draw a document describes from its own inputs. Returns 0 when the document
 * is exactly (byte for byte, one final newline optional) what wg-draw-1 gives for its
 * inputs; otherwise WG_EINPUT (not a wg-draw-1 document, inputs out of order, a drawn
 * target or inspector that differs, non-canonical text) with the first difference in err,
 * or WG_ENOMEM. */
int draw_verify(const char *text, size_t len, struct msg *err);
#endif
