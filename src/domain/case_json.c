/* case_json.c — a case as one JSON object (domain/case.h case_json), shared by the CLI and
 * the API so both print the same shape. Personal data masked unless revealed; a tip-off's
 * reporter only when asked for (and logged by the caller). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/case.h"
#include "util/date.h"
#include "util/err.h"
#include "util/mask.h"
#include "util/money.h"
#include "util/banned.h"

static json_t *day_or_null(int64_t day)
{
	char b[DATE_BUFSZ];
	return day >= 0 ? json_string(date_format((int32_t)day, b)) : json_null();
}

static json_t *money(int64_t fen)
{
	char b[MONEY_BUFSZ];
	return json_string(money_format(fen, b));
}

static json_t *text_or_null(const char *t)
{
	return t && *t ? json_string(t) : json_null();
}

struct ctx {
	json_t *arr;
	int flags;
};

static int add_worker(void *p, const struct case_worker *w)
{
	struct ctx *c = p;
	char m[MASK_BUFSZ], ph[MASK_BUFSZ];
	const char *id = w->id_number;
	const char *phone = w->phone;
	if (!(c->flags & CASE_JSON_REVEAL)) {
		id = id ? mask_id(id, m) : NULL;
		phone = phone ? mask_phone(phone, ph) : NULL;
	}
	json_t *j = json_object();
	json_object_set_new(j, "id_number", text_or_null(id));
	json_object_set_new(j, "name", text_or_null(w->name));
	json_object_set_new(j, "phone", text_or_null(phone));
	json_object_set_new(j, "claimed", money(w->claimed));
	json_object_set_new(j, "paid", money(w->paid));
	json_object_set_new(j, "owed", money(w->claimed > w->paid ? w->claimed - w->paid : 0));
	return json_array_append_new(c->arr, j) ? WG_ENOMEM : 0;
}

static int add_event(void *p, const struct case_event *e)
{
	struct ctx *c = p;
	/* a payment's detail names the worker: masked like the rest */
	char detail[512];
	snprintf(detail, sizeof detail, "%s", e->detail ? e->detail : "");
	if (!(c->flags & CASE_JSON_REVEAL) && strcmp(e->kind, "payment") == 0 &&
	    strlen(detail) >= 18 && detail[18] == ' ') {
		char m[MASK_BUFSZ], id[19];
		memcpy(id, detail, 18);
		id[18] = '\0';
		mask_id(id, m);
		memcpy(detail, m, 18);
	}
	char at[32];
	time_t t = (time_t)e->at;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_t *j = json_object();
	json_object_set_new(j, "on", day_or_null(e->on));
	json_object_set_new(j, "at", json_string(at));
	json_object_set_new(j, "kind", json_string(e->kind));
	json_object_set_new(j, "detail", text_or_null(detail));
	json_object_set_new(j, "amount", money(e->amount));
	json_object_set_new(j, "actor", text_or_null(e->actor));
	return json_array_append_new(c->arr, j) ? WG_ENOMEM : 0;
}

static int add_doc(void *p, const struct document_row *d)
{
	struct ctx *c = p;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(d->id));
	json_object_set_new(j, "number", json_string(d->number));
	json_object_set_new(j, "kind", json_string(d->kind));
	json_object_set_new(j, "issued", day_or_null(d->issued));
	json_object_set_new(j, "deadline", day_or_null(d->deadline));
	json_object_set_new(j, "amount", money(d->amount));
	json_object_set_new(j, "status", json_string(d->status));
	return json_array_append_new(c->arr, j) ? WG_ENOMEM : 0;
}

json_t *case_json(struct store *s, const struct case_clock *k, const struct case_row *c,
		  int32_t as_of, int flags)
{
	struct case_standing st;
	case_standing_of(k, c, as_of, &st);
	char region[24];
	snprintf(region, sizeof region, "%lld", (long long)c->region);
	json_t *j = json_object();
	json_object_set_new(j, "number", json_string(c->number));
	json_object_set_new(j, "status", json_string(c->status));
	json_object_set_new(j, "channel", json_string(c->channel));
	json_object_set_new(j, "employer", json_string(c->employer));
	json_object_set_new(j, "employer_name", text_or_null(c->employer_name));
	json_object_set_new(j, "project", text_or_null(c->project));
	json_object_set_new(j, "region", json_string(region));
	json_object_set_new(j, "received", day_or_null(c->received));
	json_object_set_new(j, "accept_by", day_or_null(c->accept_by));
	json_object_set_new(j, "accepted", day_or_null(c->accepted));
	json_object_set_new(j, "rejected", day_or_null(c->rejected));
	json_object_set_new(j, "reject_reason", text_or_null(c->reject_reason));
	json_object_set_new(j, "conclude_by", day_or_null(c->conclude_by));
	json_object_set_new(j, "conclude_by_original", day_or_null(c->conclude_by_original));
	json_object_set_new(j, "extended", json_boolean(c->extend_reason[0]));
	json_object_set_new(j, "extension_reason", text_or_null(c->extend_reason));
	json_object_set_new(j, "closed", day_or_null(c->closed));
	json_object_set_new(j, "outcome", text_or_null(c->outcome));
	json_object_set_new(j, "as_of", day_or_null(as_of));
	json_object_set_new(j, "step", text_or_null(st.step));
	json_object_set_new(j, "deadline", day_or_null(st.deadline));
	json_object_set_new(j, "remaining_working_days",
			    st.step ? json_integer(st.remaining) : json_null());
	json_object_set_new(j, "overdue", json_boolean(st.overdue));
	json_object_set_new(j, "accepted_in_time",
			    c->accepted >= 0           ? json_boolean(c->accepted <= c->accept_by)
				    : c->rejected >= 0 ? json_boolean(c->rejected <= c->accept_by)
						       : json_null());
	json_object_set_new(j, "concluded_in_time",
			    c->closed >= 0 ? json_boolean(c->closed <= c->conclude_by)
					   : json_null());
	json_object_set_new(j, "claimed", money(c->claimed));
	json_object_set_new(j, "paid", money(c->paid));
	json_object_set_new(j, "owed", money(c->claimed > c->paid ? c->claimed - c->paid : 0));
	json_object_set_new(j, "agreed", money(c->agreed));
	json_object_set_new(j, "workers", json_integer(c->workers));
	json_object_set_new(j, "substantiated", day_or_null(c->substantiated));
	json_object_set_new(j, "absconded", day_or_null(c->absconded));
	json_object_set_new(j, "priority", json_integer(st.priority));
	json_object_set_new(j, "days_to_festival",
			    st.days_to_festival >= 0 ? json_integer(st.days_to_festival)
						     : json_null());
	if (c->order_number[0]) {
		const char *ost = c->order_ignored >= 0 ? "ignored"
			: c->paid >= c->claimed         ? "met"
			: st.order_overdue              ? "overdue"
							: "open";
		json_object_set_new(
			j, "order",
			json_pack("{s:s, s:o, s:o, s:s, s:o, s:o}", "number", c->order_number,
				  "issued", day_or_null(c->order_issued), "deadline",
				  day_or_null(c->order_deadline), "status", ost, "ignored",
				  day_or_null(c->order_ignored), "surcharge", money(c->surcharge)));
	} else {
		json_object_set_new(j, "order", json_null());
	}
	if (strcmp(c->channel, "tipoff") == 0) {
		json_object_set_new(j, "anonymous", json_boolean(c->reporter_anonymous));
		if (flags & CASE_JSON_REPORTER)
			json_object_set_new(j, "reporter",
					    json_pack("{s:o, s:o}", "name",
						      text_or_null(c->reporter_name), "phone",
						      text_or_null(c->reporter_phone)));
	}
	if (flags & CASE_JSON_BRIEF)
		return j;
	json_object_set_new(j, "description", text_or_null(c->description));
	struct ctx x = {.arr = json_array(), .flags = flags};
	int rc = store_case_workers(s, c->id, add_worker, &x);
	json_object_set_new(j, "complainants", x.arr);
	x.arr = json_array();
	if (!rc)
		rc = store_case_events(s, c->id, add_event, &x);
	json_object_set_new(j, "events", x.arr);
	x.arr = json_array();
	if (!rc)
		rc = store_documents_of_case(s, c->id, add_doc, &x);
	json_object_set_new(j, "documents", x.arr);
	if (rc) {
		json_decref(j);
		return NULL;
	}
	return j;
}

int case_reporter_seen(struct store *s, const char *number, const char *actor, struct msg *err)
{
	struct case_row c;
	int rc = s->ops->begin(s);
	if (rc)
		goto failed;
	if ((rc = store_case_get(s, number, &c))) {
		s->ops->rollback(s);
		if (rc == WG_ENOTFOUND) {
			msg_set(err, MSG_RELIEF_CASE_NOT_FOUND, "number", number, MSG_END);
			return rc;
		}
		goto failed;
	}
	struct case_event e = {.on = date_today(),
			       .at = (int64_t)time(NULL),
			       .kind = "reporter_viewed",
			       .actor = actor};
	if ((rc = store_case_event_add(s, c.id, c.region, &e)) || (rc = s->ops->commit(s))) {
		s->ops->rollback(s);
		goto failed;
	}
	return WG_OK;
failed:
	msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	return rc;
}
