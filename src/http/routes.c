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

	/* deposits and the emergency wage fund (SPEC §7–8) */

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

};
/* clang-format on */
const int http_nroutes = (int)(sizeof http_routes / sizeof http_routes[0]);
