/* dossier.c — the criminal referral dossier (SPEC §11; case.h case_dossier): when an order to
 * pay was ignored and CRIMINAL_THRESHOLD names the employer, or the employer has absconded,
 * everything the police need gathered — the case, the complainants, each one's payroll
 * lines, payments and days of attendance on the project, the payments through the case, the
 * documents with their service records — each record with its ledger receipt code, so that
 * every one can be checked (`wageguard ledger check CODE`, the public check page). */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "domain/document.h"
#include "domain/payslip.h"
#include "render/doc.h"
#include "store/case.h"
#include "store/schema.h"
#include "util/date.h"
#include "util/err.h"
#include "util/money.h"
#include "util/banned.h"

struct gather {
	struct store *s;
	const char *project, *id_number;
	json_t *payroll, *payments, *attendance;
	int rc;
};

static json_t *day_json(int64_t day)
{
	char b[DATE_BUFSZ];
	return json_string(date_format((int32_t)day, b));
}

static json_t *money_json(int64_t fen)
{
	char b[MONEY_BUFSZ];
	return json_string(money_format(fen, b));
}

/* the receipt of the record r is the current version of */
static json_t *receipt(struct gather *g, const struct dossier_record *r)
{
	struct rec key = {0};
	char code[RECEIPT_BUFSZ];
	if (strcmp(r->kind, "payroll") == 0) {
		key.kind = REC_PAYROLL;
		key.v[0].s = g->project;
		key.v[2].i = r->period;
		key.v[3].s = g->id_number;
	} else if (strcmp(r->kind, "payment") == 0) {
		key.kind = REC_PAYMENT;
		key.v[0].s = r->text1;
	} else {
		key.kind = REC_ATTENDANCE;
		key.v[0].s = g->project;
		key.v[1].s = g->id_number;
		key.v[2].i = r->day;
	}
	int rc = receipt_for(g->s, r->lseq, &key, code, sizeof code);
	if (rc == WG_ENOTFOUND)
		return json_null();
	if (rc) {
		g->rc = rc;
		return json_null();
	}
	return json_string(code);
}

static int gather_one(void *ctx, const struct dossier_record *r)
{
	struct gather *g = ctx;
	char per[PERIOD_BUFSZ], hours[48];
	json_t *j;
	if (strcmp(r->kind, "payroll") == 0) {
		j = json_pack("{s:s, s:s, s:I, s:o, s:o, s:o}", "period",
			      period_format((int32_t)r->period, per), "employer", r->text1, "days",
			      (json_int_t)r->a, "gross", money_json(r->b), "deductions",
			      money_json(r->c), "net", money_json(r->d));
		json_array_append_new(g->payroll, j);
	} else if (strcmp(r->kind, "payment") == 0) {
		j = json_pack("{s:s, s:s, s:o, s:o, s:s}", "txn_id", r->text1, "period",
			      period_format((int32_t)r->period, per), "amount", money_json(r->a),
			      "paid_on", day_json(r->day), "status", r->text2);
		json_array_append_new(g->payments, j);
	} else {
		snprintf(hours, sizeof hours, "%" PRId64 ".%02" PRId64, r->a / 100, r->a % 100);
		j = json_pack("{s:o, s:s}", "date", day_json(r->day), "hours", hours);
		json_array_append_new(g->attendance, j);
	}
	json_object_set_new(j, "receipt", receipt(g, r));
	return g->rc;
}

struct docs {
	struct store *s;
	json_t *arr;
};

static int add_service(void *ctx, const struct document_service *v)
{
	json_t *arr = ctx;
	return json_array_append_new(arr,
				     json_pack("{s:s, s:o, s:s}", "method", v->method, "served_on",
					       day_json(v->served_on), "recipient", v->recipient));
}

static int add_doc(void *ctx, const struct document_row *d)
{
	struct docs *x = ctx;
	json_t *j = json_pack("{s:s, s:s, s:o, s:o, s:s}", "number", d->number, "kind", d->kind,
			      "issued", day_json(d->issued), "amount", money_json(d->amount),
			      "status", d->status);
	json_object_set_new(j, "deadline", d->deadline >= 0 ? day_json(d->deadline) : json_null());
	json_object_set_new(j, "services", json_array());
	json_array_append_new(x->arr, j);
	return 0;
}

struct workers {
	json_t *arr;
};

static int add_worker(void *ctx, const struct case_worker *w)
{
	struct workers *x = ctx;
	return json_array_append_new(
		x->arr,
		json_pack("{s:s?, s:s?, s:o, s:o}", "id_number", w->id_number, "name", w->name,
			  "claimed", money_json(w->claimed), "owed",
			  money_json(w->claimed > w->paid ? w->claimed - w->paid : 0)));
}

static int add_case_payment(void *ctx, const struct case_payment *p)
{
	json_t *arr = ctx;
	return json_array_append_new(arr,
				     json_pack("{s:s, s:o, s:o, s:s?, s:s?}", "id_number", p->who,
					       "amount", money_json(p->amount), "paid_on",
					       day_json(p->paid_on), "txn_id", p->txn_id, "receipt",
					       p->receipt));
}

int case_dossier(struct store *s, const char *number, json_t **out, struct msg *err)
{
	*out = NULL;
	struct case_row *c = malloc(sizeof *c);
	if (!c) {
		msg_set(err, MSG_OUT_OF_MEMORY, MSG_END);
		return WG_ENOMEM;
	}
	int rc = case_get(s, number, c, err);
	bool criminal = false;
	if (!rc && (rc = store_criminal_open(s, c->employer, &criminal)))
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
	if (rc)
		goto done;
	const char *ground = c->absconded >= 0      ? "absconded"
		: c->order_ignored >= 0 && criminal ? "order_ignored_criminal_threshold"
						    : NULL;
	if (!ground) {
		msg_set(err, MSG_RELIEF_DOSSIER_GROUNDS, "number", c->number, MSG_END);
		rc = WG_EINPUT;
		goto done;
	}
	struct workers w = {.arr = json_array()};
	json_t *records = json_array(), *case_payments = json_array();
	struct docs d = {.s = s, .arr = json_array()};
	rc = store_case_workers(s, c->id, add_worker, &w);
	for (size_t i = 0; !rc && c->project[0] && i < json_array_size(w.arr); i++) {
		json_t *wk = json_array_get(w.arr, i);
		const char *id = json_string_value(json_object_get(wk, "id_number"));
		if (!id)
			continue;
		struct gather g = {.s = s,
				   .project = c->project,
				   .id_number = id,
				   .payroll = json_array(),
				   .payments = json_array(),
				   .attendance = json_array()};
		rc = store_dossier_records(s, c->project, id, gather_one, &g);
		json_array_append_new(records,
				      json_pack("{s:s, s:o, s:o, s:o}", "id_number", id, "payroll",
						g.payroll, "payments", g.payments, "attendance",
						g.attendance));
	}
	if (!rc)
		rc = store_case_payments(s, c->id, add_case_payment, case_payments);
	if (!rc)
		rc = store_documents_of_case(s, c->id, add_doc, &d);
	for (size_t i = 0; !rc && i < json_array_size(d.arr); i++) {
		json_t *doc = json_array_get(d.arr, i);
		struct document_row row;
		if (!(rc = store_document_get(s, json_string_value(json_object_get(doc, "number")),
					      &row)))
			rc = store_document_services(s, row.id, add_service,
						     json_object_get(doc, "services"));
	}
	char region[24];
	snprintf(region, sizeof region, "%" PRId64, c->region);
	json_t *j = json_object();
	json_object_set_new(j, "kind", json_string("criminal_referral_dossier"));
	json_object_set_new(j, "case", json_string(c->number));
	json_object_set_new(j, "ground", json_string(ground));
	json_object_set_new(j, "employer", json_string(c->employer));
	json_object_set_new(j, "employer_name",
			    c->employer_name[0] ? json_string(c->employer_name) : json_null());
	json_object_set_new(j, "project", c->project[0] ? json_string(c->project) : json_null());
	json_object_set_new(j, "region", json_string(region));
	json_object_set_new(j, "received", day_json(c->received));
	json_object_set_new(j, "claimed", money_json(c->claimed));
	json_object_set_new(j, "paid", money_json(c->paid));
	json_object_set_new(j, "owed", money_json(c->claimed > c->paid ? c->claimed - c->paid : 0));
	json_object_set_new(j, "surcharge", money_json(c->surcharge));
	json_object_set_new(j, "order_ignored",
			    c->order_ignored >= 0 ? day_json(c->order_ignored) : json_null());
	json_object_set_new(j, "absconded",
			    c->absconded >= 0 ? day_json(c->absconded) : json_null());
	json_object_set_new(j, "criminal_threshold_warning", json_boolean(criminal));
	json_object_set_new(j, "complainants", w.arr);
	json_object_set_new(j, "records", records);
	json_object_set_new(j, "case_payments", case_payments);
	json_object_set_new(j, "documents", d.arr);
	json_object_set_new(
		j, "verify",
		json_string("wageguard ledger check RECEIPT, or the public page /check"));
	if (rc) {
		json_decref(j);
		msg_set(err, MSG_STORE_FAILED, "detail", s->errmsg, MSG_END);
		goto done;
	}
	*out = j;
done:
	free(c);
	return rc;
}

static const char *str(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));
	return v ? v : "";
}

int case_dossier_doc(json_t *j, struct doc *d)
{
	doc_title(d, "涉嫌拒不支付劳动报酬犯罪案件移送材料", str(j, "case"));
	doc_heading(d, "一、案件基本情况");
	doc_field(d, "案件编号", str(j, "case"));
	doc_field(d, "用人单位",
		  doc_strf(d, "%s（%s）", str(j, "employer_name"), str(j, "employer")));
	doc_field(d, "项目", str(j, "project"));
	doc_field(d, "收到投诉", str(j, "received"));
	doc_field(d, "投诉金额（元）", str(j, "claimed"));
	doc_field(d, "已支付（元）", str(j, "paid"));
	doc_field(d, "尚欠（元）", str(j, "owed"));
	doc_field(d, "移送理由",
		  strcmp(str(j, "ground"), "absconded") == 0
			  ? doc_strf(d, "用人单位逃匿（%s 记录）", str(j, "absconded"))
			  : doc_strf(d,
				     "经责令支付逾期不支付（%s "
				     "认定），且达到拒不支付劳动报酬罪数额标准",
				     str(j, "order_ignored")));
	const char *h3[4] = {"身份证号码", "姓名", "投诉金额", "尚欠"};
	const double w3[4] = {2.2, 1.2, 1.2, 1.2};
	const enum doc_align a3[4] = {DOC_LEFT, DOC_LEFT, DOC_RIGHT, DOC_RIGHT};
	doc_heading(d, "二、劳动者");
	doc_table(d, 4, h3, w3, a3);
	size_t i, k;
	json_t *v, *x;
	json_array_foreach(json_object_get(j, "complainants"), i, v)
	{
		const char *cells[4] = {str(v, "id_number"), str(v, "name"), str(v, "claimed"),
					str(v, "owed")};
		doc_row(d, false, cells);
	}
	doc_heading(d, "三、工资表、支付记录与考勤（每条记录附工资台账核验码）");
	const char *h5[5] = {"劳动者", "记录", "内容", "金额", "核验码"};
	const double w5[5] = {2.0, 0.8, 1.8, 1.0, 2.4};
	const enum doc_align a5[5] = {DOC_LEFT, DOC_LEFT, DOC_LEFT, DOC_RIGHT, DOC_LEFT};
	doc_table(d, 5, h5, w5, a5);
	json_array_foreach(json_object_get(j, "records"), i, v)
	{
		const char *id = str(v, "id_number");
		json_array_foreach(json_object_get(v, "payroll"), k, x)
		{
			const char *cells[5] = {
				id, "工资表",
				doc_strf(d, "%s 出勤 %lld 天 应发 %s", str(x, "period"),
					 (long long)json_integer_value(json_object_get(x, "days")),
					 str(x, "gross")),
				str(x, "net"), str(x, "receipt")};
			doc_row(d, false, cells);
		}
		json_array_foreach(json_object_get(v, "payments"), k, x)
		{
			const char *cells[5] = {id, "支付",
						doc_strf(d, "%s %s %s", str(x, "paid_on"),
							 str(x, "txn_id"), str(x, "status")),
						str(x, "amount"), str(x, "receipt")};
			doc_row(d, false, cells);
		}
		json_array_foreach(json_object_get(v, "attendance"), k, x)
		{
			const char *cells[5] = {
				id, "考勤",
				doc_strf(d, "%s %s 小时", str(x, "date"), str(x, "hours")), "",
				str(x, "receipt")};
			doc_row(d, false, cells);
		}
	}
	doc_heading(d, "四、文书及送达");
	const char *h4[4] = {"文号", "出具日期", "状态", "送达"};
	const double w4[4] = {2.4, 1.2, 1.0, 2.4};
	const enum doc_align a4[4] = {DOC_LEFT, DOC_LEFT, DOC_LEFT, DOC_LEFT};
	doc_table(d, 4, h4, w4, a4);
	json_array_foreach(json_object_get(j, "documents"), i, v)
	{
		json_t *sv = json_array_get(json_object_get(v, "services"), 0);
		const char *cells[4] = {str(v, "number"), str(v, "issued"), str(v, "status"),
					sv ? doc_strf(d, "%s %s %s", str(sv, "served_on"),
						      str(sv, "method"), str(sv, "recipient"))
					   : "未送达"};
		doc_row(d, false, cells);
	}
	doc_note(d,
		 "每条记录的核验码可用 `wageguard ledger check 核验码` "
		 "或平台公开的工资条验真页面核对，"
		 "以确认该记录载于工资台账且未被篡改。");
	return doc_status(d);
}
