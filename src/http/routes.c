/* routes.c — every endpoint of the server, with the roles that may call it. Adding an
 * endpoint is one row here and one handler; tests/unit/test_routes.c checks this table
 * against the OpenAPI document and the API test walks every documented endpoint per role. */
#include "http/http.h"
#include "util/banned.h"

#define R(r) ROLE_BIT(ROLE_##r)
#define FEEDS (STAFF | R(ENTERPRISE) | R(BANK))

/* One row a route, as a table. */
/* clang-format off */
const struct http_route http_routes[] = {
	{.method = "GET",    .path = "/healthz",              .handler = h_healthz, .roles = ANYONE},
	{.method = "GET",    .path = "/metrics",              .handler = h_metrics, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/openapi.json",  .handler = h_openapi, .roles = ANYONE},
	{.method = "POST",   .path = "/api/v1/session",       .handler = h_login,   .roles = ANYONE, .csrf_exempt = true},
	{.method = "DELETE", .path = "/api/v1/session",       .handler = h_logout,  .roles = LOGGED_IN},
	{.method = "GET",    .path = "/api/v1/me",            .handler = h_me,      .roles = LOGGED_IN},
	{.method = "GET",    .path = "/api/v1/dashboard",     .handler = h_dashboard, .roles = STAFF, .cache = true},
	{.method = "GET",    .path = "/api/v1/projects",      .handler = h_projects, .roles = FEEDS, .cache = true},
	{.method = "GET",    .path = "/api/v1/projects/{}",   .handler = h_project, .roles = LOGGED_IN, .cache = true},
	{.method = "GET",    .path = "/api/v1/projects/{}/months", .handler = h_project_months, .roles = FEEDS, .cache = true},
	{.method = "GET",    .path = "/api/v1/projects/{}/roster", .handler = h_project_roster, .roles = FEEDS, .cache = true},
	{.method = "GET",    .path = "/api/v1/projects/{}/attendance", .handler = h_project_attendance, .roles = FEEDS, .cache = true},
	{.method = "GET",    .path = "/api/v1/workers/{}",    .handler = h_worker,  .roles = STAFF | R(WORKER), .cache = true},
	{.method = "GET",    .path = "/api/v1/warnings",      .handler = h_warnings, .roles = FEEDS, .cache = true},
	{.method = "POST",   .path = "/api/v1/imports/{}",    .handler = h_import,  .roles = R(ADMIN) | R(ENTERPRISE) | R(BANK), .upload = true},
	{.method = "GET",    .path = "/api/v1/payslips/{}/{}", .handler = h_payslip, .roles = STAFF | R(WORKER), .cache = true},
	{.method = "POST",   .path = "/api/v1/payslips/{}/{}/confirm", .handler = h_payslip_confirm, .roles = R(WORKER)},
	{.method = "POST",   .path = "/api/v1/payslips/{}/{}/dispute", .handler = h_payslip_dispute, .roles = R(WORKER)},
	{.method = "GET",    .path = "/api/v1/receipts/{}",   .handler = h_receipt, .roles = ANYONE},
	{.method = "POST",   .path = "/api/v1/complaints",    .handler = h_complaint, .roles = R(PUBLIC) | R(WORKER)},
	{.method = "GET",    .path = "/api/v1/public/projects/{}/board", .handler = h_public_board, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/public/projects/{}/publicity/{}", .handler = h_public_publicity, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/public/ledger/checkpoint", .handler = h_public_checkpoint, .roles = ANYONE},

	/* relief: cases, documents, liability, accountability (SPEC §11) */
	{.method = "GET",    .path = "/api/v1/cases",          .handler = h_cases, .roles = STAFF | R(ENTERPRISE) | R(WORKER)},
	{.method = "POST",   .path = "/api/v1/cases",          .handler = h_case_open, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/cases/{}",       .handler = h_case, .roles = STAFF | R(ENTERPRISE) | R(WORKER)},
	{.method = "POST",   .path = "/api/v1/cases/{}/accept", .handler = h_case_accept, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/reject", .handler = h_case_reject, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/extend", .handler = h_case_extend, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/order",  .handler = h_case_order, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/ignored", .handler = h_case_ignored, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/payments", .handler = h_case_pay, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/close",  .handler = h_case_close, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/absconded", .handler = h_case_absconded, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/cases/{}/liability", .handler = h_case_liability, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/cases/{}/liability-orders", .handler = h_case_liability_orders, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/cases/{}/reporter", .handler = h_case_reporter, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/cases/{}/dossier", .handler = h_case_dossier, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/documents",      .handler = h_documents, .roles = STAFF | R(ENTERPRISE)},
	{.method = "GET",    .path = "/api/v1/documents/{}",   .handler = h_document, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/documents/{}/services", .handler = h_document_service, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/inspection-tasks", .handler = h_inspection_tasks, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/accountability", .handler = h_accountability, .roles = STAFF},

	/* deposits and the emergency wage fund (SPEC §7–8) */
	{.method = "GET",    .path = "/api/v1/projects/{}/deposit", .handler = h_project_deposit, .roles = STAFF | R(ENTERPRISE), .cache = true},
	{.method = "POST",   .path = "/api/v1/projects/{}/deposits", .handler = h_deposit_lodge, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/projects/{}/deposit/activation", .handler = h_deposit_activate, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/projects/{}/deposit/replenishment", .handler = h_deposit_replenish, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/projects/{}/deposit/return", .handler = h_deposit_return, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/projects/{}/events", .handler = h_project_events_get, .roles = LOGGED_IN, .cache = true},
	{.method = "POST",   .path = "/api/v1/projects/{}/events", .handler = h_project_events_post, .roles = STAFF | R(ENTERPRISE)},
	{.method = "GET",    .path = "/api/v1/deposits",      .handler = h_deposits, .roles = STAFF | R(ENTERPRISE), .cache = true},
	{.method = "GET",    .path = "/api/v1/funds",         .handler = h_funds,   .roles = STAFF, .cache = true},
	{.method = "GET",    .path = "/api/v1/funds/{}",      .handler = h_fund,    .roles = STAFF, .cache = true},
	{.method = "POST",   .path = "/api/v1/funds/{}/topups", .handler = h_fund_topup, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/funds/{}/applications", .handler = h_fund_applications, .roles = STAFF, .cache = true},
	{.method = "POST",   .path = "/api/v1/fund-applications", .handler = h_fund_apply, .roles = STAFF | R(WORKER)},
	{.method = "POST",   .path = "/api/v1/fund-applications/{}/decision", .handler = h_fund_decision, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/fund-applications/{}/payment", .handler = h_fund_payment, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/fund-receivables/{}/recovery", .handler = h_fund_recovery, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/fund-receivables/{}/writeoff", .handler = h_fund_writeoff, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/public/deposit-returns", .handler = h_public_deposit_returns, .roles = ANYONE},

	/* credit, grades, the dishonest-employer list (SPEC §9) */
	{.method = "GET",    .path = "/api/v1/credit/grades", .handler = h_credit_grades, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/credit/due",    .handler = h_credit_due, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/credit/files/{}", .handler = h_credit_file, .roles = STAFF | R(ENTERPRISE)},
	{.method = "GET",    .path = "/api/v1/credit/files/{}/report", .handler = h_credit_report, .roles = STAFF | R(ENTERPRISE)},
	{.method = "GET",    .path = "/api/v1/credit/listings", .handler = h_credit_listings, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/credit/listings", .handler = h_credit_propose, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/credit/listings/{}", .handler = h_credit_listing, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/credit/listings/{}/notify", .handler = h_credit_notify, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/credit/listings/{}/statement", .handler = h_credit_statement, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/credit/listings/{}/decide", .handler = h_credit_decide, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/credit/listings/{}/remove", .handler = h_credit_remove, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/public/dishonest-list", .handler = h_public_list, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/public/dishonest-list/export", .handler = h_public_list_export, .roles = ANYONE},

	/* supervision: inspections, orders, draws, campaigns (SPEC §10) */
	{.method = "GET",    .path = "/api/v1/inspections",        .handler = h_sv_inspections, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/inspections",        .handler = h_sv_inspection_add, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/inspections/{}",     .handler = h_sv_inspection, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/inspections/{}/record", .handler = h_sv_inspection_record, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/supervision/tasks", .handler = h_sv_tasks, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/inspection-compliance", .handler = h_sv_compliance, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/inspectors",         .handler = h_sv_inspectors, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/inspectors/conflicts", .handler = h_sv_conflict_add, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/rectifications",     .handler = h_sv_orders, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/rectifications",     .handler = h_sv_order_issue, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/rectifications/{}",  .handler = h_sv_order, .roles = STAFF | R(ENTERPRISE)},
	{.method = "POST",   .path = "/api/v1/rectifications/{}/comply", .handler = h_sv_order_comply, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/draws",              .handler = h_sv_draws, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/draws",              .handler = h_sv_draw_run, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/public/draws",       .handler = h_public_draws, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/public/draws/{}",    .handler = h_public_draw, .roles = ANYONE},
	{.method = "GET",    .path = "/api/v1/campaigns",          .handler = h_sv_campaigns, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/campaigns",          .handler = h_sv_campaign_start, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/campaigns/{}",       .handler = h_sv_campaign, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/campaigns/{}/register", .handler = h_sv_register, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/campaigns/{}/register", .handler = h_sv_register_add, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/campaigns/{}/report", .handler = h_sv_campaign_report, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/campaigns/{}/typical", .handler = h_sv_typical_add, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/register/{}/screen", .handler = h_sv_entry_screen, .roles = STAFF},
	{.method = "POST",   .path = "/api/v1/register/{}/clear",  .handler = h_sv_entry_clear, .roles = STAFF},
	{.method = "GET",    .path = "/api/v1/public/typical-cases", .handler = h_public_typical, .roles = ANYONE},

};
/* clang-format on */
const int http_nroutes = (int)(sizeof http_routes / sizeof http_routes[0]);
