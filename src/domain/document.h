/* document.h — numbered documents the regulator issues (SPEC §11): every document has a
 * number from a gap-free sequence per issuing region, kind and year, such as
 * `杭人社监令〔2026〕15号` (prefix configurable per region: config key
 * relief.prefix.<code>, the longest configured prefix of the region code wins and is the
 * issuing authority whose sequence the number comes from; none configured: the district
 * itself, prefix "<code>人社监"), and
 * records its service (送达回证). The kinds are named rows of one table (document.c), each
 * system adding its own in its marked place; docs/architecture.md describes the API. */
#ifndef WG_DOCUMENT_H
#define WG_DOCUMENT_H
#include <stdint.h>

#include "store/case.h"
#include "store/store.h"
#include "util/msg.h"

struct document_kind {
	const char *name;     /* stored and in the API: "order" */
	const char *abbr;     /* the character in the number: 令 */
	const char *title_zh; /* the document's title */
	const char *title_en;
	const char *system; /* who issues it */
};
/* The kind with this name, or NULL. */
const struct document_kind *document_kind_by_name(const char *name);
/* All kinds, ending with a row whose name is NULL. */
extern const struct document_kind document_kinds[];

/* What to issue. */
struct document_issue {
	const char *kind;        /* a document_kinds name */
	int64_t region;          /* the issuing region (6 digits) */
	int64_t case_id;         /* relief's case row, 0 for none */
	const char *case_number; /* shown in the body, or NULL */
	const char *addressee;   /* USCC of the party it is addressed to, or NULL */
	int32_t issued;          /* day */
	int32_t deadline;        /* day, -1 none */
	int64_t amount;          /* fen, 0 none */
	const char *body;        /* extra JSON object text merged into the body, or NULL */
	const char *actor;
};
/* Issues a document in the caller's transaction: takes the next number of (region, kind,
 * year of issue) — a rollback gives it back, so numbers have no gaps — and stores it with
 * status "issued". number receives the number. */
int document_issue_tx(struct store *s, const struct document_issue *d, char number[96],
		      struct msg *err);
/* The issuing authority of a document of region (the region code whose prefix applies) and
 * its prefix. */
int document_issuer(struct store *s, int64_t region, char *issuer, size_t isz, char *prefix,
		    size_t psz);
/* The number a document of kind, region, year and sequence number gets (prefix looked up in
 * the store's configuration). */
int document_number(struct store *s, const char *kind, int64_t region, int year, int64_t seq,
		    char *out, size_t n);

/* The service methods of a 送达回证, by the names the API keeps. */
extern const char *const document_service_methods[]; /* personal post left public electronic */
/* Records that document number was served on day on by method to recipient. */
int document_serve(struct store *s, const char *number, const char *method, int32_t on,
		   const char *recipient, const char *note, const char *actor, struct msg *err);

#define DOCUMENT_REVEAL 1 /* full ID numbers (the regulator's own copy) */
struct doc;
/* The document as a printable Chinese document (render/doc.h): title, number, addressee,
 * the facts, the workers and amounts (ID numbers masked unless DOCUMENT_REVEAL), the issuing
 * authority and date, and its service records. */
int document_render(struct store *s, const struct document_row *row, int flags, struct doc *out,
		    struct msg *err);
#endif
