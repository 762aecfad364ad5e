/* liability.c — joint liability for a case's arrears (Decree 724 Arts 29–31, 36; SPEC §11):
 * who owes the complainants what, and on which rule and records.
 *
 * A = what the case still owes (claimed − paid through the case).
 * 1. Art 29: a NO_LABOR_COST warning on the project first seen on or before the case's
 *    receipt means the construction unit's late labour cost caused the arrears: it advances
 *    X = min(A, unsettled contract value), the unsettled value being the contract value less
 *    the labour cost it allocated by as_of; it settles X against what it owes the general
 *    contractor (recovery_from = the contractor).
 * 2. The rest R = A − X:
 *    - no project, or the employer is the project's general contractor: the employer pays R;
 *    - the employer holds a registered subcontract on the project (Art 30): the general
 *      contractor pays R first and recovers it from the subcontractor; the subcontractor, the
 *      employer, remains the debtor of R;
 *    - otherwise the work went to an individual or a unit without a registered subcontract,
 *      which the platform treats as unqualified (Art 36): the general contractor pays R and
 *      may recover it from the employer. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "domain/case.h"
#include "domain/document.h"

#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

static json_t *party_in(enum msg_lang lang, const char *uscc, const char *name, const char *role,
			int64_t owes, const char *recovery_from, enum msg_id why, json_t *records)
{
	char m[MONEY_BUFSZ], basis[MSG_BUFSZ];
	struct msg b;
	msg_set(&b, why, MSG_END);
	msg_render(&b, lang, basis, sizeof basis);
	return json_pack("{s:s, s:s?, s:s, s:s, s:s?, s:s, s:o}", "uscc", uscc, "name",
			 name && *name ? name : NULL, "role", role, "owes", money_format(owes, m),
			 "recovery_from", recovery_from, "basis", basis, "records", records);
}

int case_liability(struct store *s, const char *number, int32_t as_of, enum msg_lang lang,
		   json_t **out, struct msg *err)
{
	*out = NULL;
	struct case_row *c = malloc(sizeof *c);
	if (!c) {
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		return WG_ENOMEM;
	}
	int rc = case_get(s, number, c, err);
	if (rc) {
		free(c);
		return rc;
	}
	int64_t owed = c->claimed > c->paid ? c->claimed - c->paid : 0;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], d1[DATE_BUFSZ], text[512];
	json_t *parties = json_array();
	struct liability_facts f;
	bool have_project = c->project[0] != '\0';
	if (have_project) {
		rc = store_liability_facts(s, c->project, c->employer, as_of, &f);
		if (rc == WG_ENOTFOUND) {
			have_project = false;
		} else if (rc) {
			msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
			goto fail;
		}
	}
	int64_t advance = 0;
	if (have_project && f.nlc_id && f.nlc_first_seen <= c->received) {
		int64_t unsettled =
			f.contract_value > f.allocated ? f.contract_value - f.allocated : 0;
		advance = owed < unsettled ? owed : unsettled;
		json_t *rec = json_array();
		snprintf(text, sizeof text, "warning %" PRId64 " NO_LABOR_COST first seen %s, %s",
			 f.nlc_id, date_format((int32_t)f.nlc_first_seen, d1),
			 money_format(f.nlc_amount, m1));
		json_array_append_new(rec, json_string(text));
		snprintf(text, sizeof text,
			 "project %s contract value %s, labour cost allocated %s,"
			 " unsettled %s",
			 c->project, money_format(f.contract_value, m1),
			 money_format(f.allocated, m2), money_format(unsettled, m3));
		json_array_append_new(rec, json_string(text));
		json_array_append_new(parties,
				      party_in(lang, f.owner, f.owner_name, "construction_unit",
					       advance, f.contractor, MSG_RELIEF_BASIS_ART29, rec));
	}
	int64_t rest = owed - advance;
	json_t *rec = json_array();
	snprintf(text, sizeof text, "case %s claimed %s, paid through the case %s", c->number,
		 money_format(c->claimed, m1), money_format(c->paid, m2));
	json_array_append_new(rec, json_string(text));
	if (!have_project || strcmp(c->employer, f.contractor) == 0) {
		json_array_append_new(
			parties,
			party_in(lang, c->employer, c->employer_name, "employer", rest, NULL,
				 have_project ? MSG_RELIEF_BASIS_GC_EMPLOYER : MSG_RELIEF_BASIS_OWN,
				 rec));
	} else if (f.subcontract) {
		json_t *rec2 = json_deep_copy(rec);
		snprintf(text, sizeof text, "subcontract of %s on %s, contract value %s",
			 c->employer, c->project, money_format(f.sub_value, m1));
		json_array_append_new(rec2, json_string(text));
		json_array_append_new(parties,
				      party_in(lang, f.contractor, f.contractor_name,
					       "general_contractor", rest, c->employer,
					       MSG_RELIEF_BASIS_ART30_GC, rec2));
		json_array_append_new(parties,
				      party_in(lang, c->employer, c->employer_name, "employer",
					       rest, NULL, MSG_RELIEF_BASIS_ART30_SUB, rec));
	} else {
		snprintf(text, sizeof text, "no registered subcontract of %s on %s", c->employer,
			 c->project);
		json_array_append_new(rec, json_string(text));
		json_array_append_new(parties,
				      party_in(lang, f.contractor, f.contractor_name,
					       "general_contractor", rest, c->employer,
					       MSG_RELIEF_BASIS_ART36, rec));
	}
	char m[MONEY_BUFSZ];
	*out = json_pack("{s:s, s:s, s:o}", "case", c->number, "owed", money_format(owed, m),
			 "parties", parties);
	free(c);
	return *out ? WG_OK : WG_ENOMEM;
fail:
	json_decref(parties);
	free(c);
	return rc;
}

/* The liability orders of a case (case.h case_liability_orders). */
int case_liability_orders(struct store *s, const char *number, int32_t on, int32_t deadline,
			  const char *actor, struct json_t **issued, struct msg *err)
{
	*issued = NULL;
	if (deadline <= on) {
		char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
		msg_set(err, MSG_RELIEF_DEADLINE_BAD, "deadline", date_format(deadline, d1), "on",
			date_format(on, d2), MSG_END);
		return WG_EINPUT;
	}
	int rc = s->ops->begin(s);
	if (rc) {
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		return rc;
	}
	json_t *split = NULL, *out = json_array();
	struct case_row *c = malloc(sizeof *c);
	if (!c || !out) {
		rc = WG_ENOMEM;
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		goto done;
	}
	if ((rc = case_get(s, number, c, err)))
		goto done;
	if (strcmp(c->status, "accepted") != 0) {
		msg_set(err, MSG_RELIEF_NOT_ACCEPTED, "number", c->number, "status", c->status,
			MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	if ((rc = case_liability(s, number, on, MSG_ZH, &split, err)))
		goto done;
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(split, "parties"), i, p)
	{
		const char *uscc = json_string_value(json_object_get(p, "uscc"));
		const char *role = json_string_value(json_object_get(p, "role"));
		int64_t owes = 0;
		if (money_parse(json_string_value(json_object_get(p, "owes")), &owes) || owes <= 0)
			continue;
		/* the employer's own order is the case's order to pay (case order) */
		if (strcmp(role, "employer") == 0 && c->order_number[0])
			continue;
		json_t *body =
			json_pack("{s:s, s:s, s:O, s:O, s:s?}", "employer_name",
				  json_string_value(json_object_get(p, "name"))
					  ? json_string_value(json_object_get(p, "name"))
					  : uscc,
				  "project", c->project, "basis", json_object_get(p, "basis"),
				  "records", json_object_get(p, "records"), "recovery_from",
				  json_string_value(json_object_get(p, "recovery_from")));
		json_object_set_new(body, "text",
				    json_sprintf("依据%s，责令你单位于履行期限前支付案件 %s "
						 "所涉劳动者工资人民币 %s 元。",
						 json_string_value(json_object_get(p, "basis")),
						 c->number,
						 json_string_value(json_object_get(p, "owes"))));
		char *text = json_dumps(body, JSON_COMPACT);
		json_decref(body);
		struct document_issue di = {.kind = "liability_order",
					    .body = text,
					    .region = c->region,
					    .case_id = c->id,
					    .case_number = c->number,
					    .addressee = uscc,
					    .issued = on,
					    .deadline = deadline,
					    .amount = owes,
					    .actor = actor};
		char doc[96];
		rc = text ? document_issue_tx(s, &di, doc, err) : WG_ENOMEM;
		free(text);
		if (rc)
			goto done;
		struct case_event e = {.on = on,
				       .at = (int64_t)time(NULL),
				       .amount = owes,
				       .kind = "liability_order",
				       .detail = doc,
				       .actor = actor};
		if ((rc = store_case_event_add(s, c->id, c->region, &e))) {
			msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
			goto done;
		}
		json_array_append_new(out,
				      json_pack("{s:s, s:s, s:s, s:O}", "number", doc, "uscc", uscc,
						"role", role, "owes", json_object_get(p, "owes")));
	}
	if ((rc = s->ops->commit(s)))
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
done:
	if (rc) {
		s->ops->rollback(s);
		json_decref(out);
	} else {
		*issued = out;
	}
	json_decref(split);
	free(c);
	return rc;
}
