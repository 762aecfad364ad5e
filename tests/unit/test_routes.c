/* test_routes.c — the route table and the OpenAPI document describe the same endpoints with
 * the same roles: an endpoint added to one and not the other fails here, and the API test
 * (tests/api) checks every documented endpoint for every role against x-roles. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "http/http.h"

extern const char _binary_docs_api_openapi_json_start[], _binary_docs_api_openapi_json_end[];

static const char *const role_names[] = {"admin", "regulator", "enterprise",
					 "bank",  "worker",    "public"};

/* "/api/v1/projects/{code}" → "/api/v1/projects/{}" */
static void generic(const char *path, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = path; *p && k + 3 < n; p++) {
		out[k++] = *p;
		if (*p == '{') {
			out[k++] = '}';
			p = strchr(p, '}');
			if (!p)
				break;
		}
	}
	out[k] = '\0';
}

int main(void)
{
	json_error_t err;
	size_t len = (size_t)((uintptr_t)_binary_docs_api_openapi_json_end -
			      (uintptr_t)_binary_docs_api_openapi_json_start);
	json_t *doc = json_loadb(_binary_docs_api_openapi_json_start, len, 0, &err);
	CHECK(doc != NULL, "the embedded OpenAPI document parses (%s)", doc ? "ok" : err.text);
	json_t *paths = json_object_get(doc, "paths");
	int documented = 0;
	const char *path;
	json_t *ops;
	json_object_foreach(paths, path, ops)
	{
		const char *method;
		json_t *op;
		char g[256];
		generic(path, g, sizeof g);
		json_object_foreach(ops, method, op)
		{
			documented++;
			const struct http_route *route = NULL;
			for (int i = 0; i < http_nroutes; i++) {
				char m[16];
				size_t k = 0;
				for (; http_routes[i].method[k] && k < sizeof m - 1; k++)
					m[k] = (char)(http_routes[i].method[k] | 0x20);
				m[k] = '\0';
				if (strcmp(http_routes[i].path, g) == 0 && strcmp(m, method) == 0)
					route = &http_routes[i];
			}
			CHECK(route != NULL, "%s %s is served", method, path);
			unsigned roles = 0;
			size_t i;
			json_t *r;
			json_array_foreach(
				json_object_get(op, "x-roles"), i,
				r) for (unsigned k = 0; k < 6;
					k++) if (strcmp(json_string_value(r), role_names[k]) == 0)
				roles |= 1u << k;
			CHECK(route && route->roles == roles,
			      "%s %s: x-roles match the route table", method, path);
		}
	}
	CHECK(documented == http_nroutes, "every route is documented (%d routes, %d documented)",
	      http_nroutes, documented);
	json_decref(doc);
	return check_done();
}
