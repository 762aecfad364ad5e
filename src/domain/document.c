/* document.c — numbered documents (domain/document.h): the kinds, the numbering, issuing. */
#include "domain/document.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/case.h"
#include "store/config.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

/* clang-format off */
const struct document_kind document_kinds[] = {
	/* ---- relief (SPEC §11) ---- */
	{"order", "令", "劳动保障监察限期改正指令书", "Order to pay within a time limit", "relief"},
	{"decision", "决", "劳动保障监察行政处理决定书", "Administrative decision", "relief"},
	{"referral_arbitration", "仲", "劳动人事争议仲裁移送函", "Referral to labour arbitration",
	 "relief"},
	{"referral_police", "移", "涉嫌拒不支付劳动报酬犯罪案件移送书",
	 "Referral to the police (refusal to pay wages)", "relief"},
	/* ---- supervision (SPEC §10): rectification orders (整改通知书) go here ---- */
	/* ---- deposit (SPEC §7): the payment notice of an activation goes here ---- */
	{NULL, NULL, NULL, NULL, NULL},
};
/* clang-format on */

const struct document_kind *document_kind_by_name(const char *name)
{
	for (const struct document_kind *k = document_kinds; name && k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

int document_issuer(struct store *s, int64_t region, char *issuer, size_t isz, char *prefix,
		    size_t psz)
{
	/* the longest configured prefix of the region code: 330102, 3301, 33 */
	char code[24], key[96];
	snprintf(code, sizeof code, "%" PRId64, region);
	for (size_t len = strlen(code); len >= 2; len -= 2) {
		snprintf(key, sizeof key, "relief.prefix.%.*s", (int)len, code);
		int rc = store_config_get(s, key, prefix, psz);
		if (rc == WG_OK) {
			snprintf(issuer, isz, "%.*s", (int)len, code);
			return WG_OK;
		}
		if (rc != WG_ENOTFOUND)
			return rc;
		if (len == 2)
			break;
	}
	/* none: the district's own sequence, its code in the prefix so that no two districts'
	 * numbers are the same */
	snprintf(issuer, isz, "%s", code);
	snprintf(prefix, psz, "%s人社监", code);
	return WG_OK;
}

int document_number(struct store *s, const char *kind, int64_t region, int year, int64_t seq,
		    char *out, size_t n)
{
	const struct document_kind *k = document_kind_by_name(kind);
	if (!k)
		return WG_EINPUT;
	char issuer[24], prefix[128];
	int rc = document_issuer(s, region, issuer, sizeof issuer, prefix, sizeof prefix);
	if (!rc)
		snprintf(out, n, "%s%s〔%d〕%" PRId64 "号", prefix, k->abbr, year, seq);
	return rc;
}

int document_issue_tx(struct store *s, const struct document_issue *d, char number[96],
		      struct msg *err)
{
	const struct document_kind *k = document_kind_by_name(d->kind);
	if (!k) {
		WG_BUG("document kind not in the table");
		msg_set(err, MSG_TEXT, "text", "unknown document kind", MSG_END);
		return WG_EINPUT;
	}
	int y, m, dd;
	date_to_ymd(d->issued, &y, &m, &dd);
	/* one sequence per issuing authority (the region whose prefix it is), kind and year */
	char name[96], issuer[24], prefix[128];
	int rc = document_issuer(s, d->region, issuer, sizeof issuer, prefix, sizeof prefix);
	if (rc)
		goto failed;
	snprintf(name, sizeof name, "doc:%s:%s:%d", issuer, d->kind, y);
	int64_t seq;
	rc = store_counter_next(s, name, &seq);
	if (!rc)
		rc = document_number(s, d->kind, d->region, y, seq, number, 96);
	if (rc)
		goto failed;
	json_t *body = d->body ? json_loads(d->body, 0, NULL) : json_object();
	if (!body)
		body = json_object();
	char amount[MONEY_BUFSZ], dl[DATE_BUFSZ];
	json_object_set_new(body, "title", json_string(k->title_zh));
	if (d->case_number)
		json_object_set_new(body, "case", json_string(d->case_number));
	if (d->amount)
		json_object_set_new(body, "amount", json_string(money_format(d->amount, amount)));
	if (d->deadline >= 0)
		json_object_set_new(body, "deadline", json_string(date_format(d->deadline, dl)));
	char *text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(body);
	if (!text) {
		rc = WG_ENOMEM;
		goto failed;
	}
	struct document_row row = {.region = d->region,
				   .year = y,
				   .seq = seq,
				   .case_id = d->case_id,
				   .issued = d->issued,
				   .deadline = d->deadline,
				   .amount = d->amount,
				   .status_on = -1,
				   .body = text};
	snprintf(row.number, sizeof row.number, "%s", number);
	snprintf(row.kind, sizeof row.kind, "%s", d->kind);
	snprintf(row.addressee, sizeof row.addressee, "%s", d->addressee ? d->addressee : "");
	snprintf(row.status, sizeof row.status, "issued");
	snprintf(row.issued_by, sizeof row.issued_by, "%s", d->actor ? d->actor : "");
	rc = store_document_insert(s, &row);
	free(text);
	if (!rc)
		return WG_OK;
failed:
	if (rc == WG_ENOMEM)
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
	else
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}
