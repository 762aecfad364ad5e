#!/bin/bash
# t0610 — the OpenAPI document the server serves passes Redocly's strict lint (npm
# @redocly/cli, redocly.yaml), and the served copy is the file in docs/api.
. "$(dirname "$0")/../lib.sh"
cd "$WG_ROOT" || exit 1
if [ ! -x node_modules/.bin/redocly ]; then
	t_fail "node_modules has @redocly/cli" "run npm ci (scripts/deps.sh does)"
	t_done
	exit 1
fi
node_modules/.bin/redocly lint --config redocly.yaml docs/api/openapi.json >"$T_DIR/lint.out" 2>&1
rc=$?
t_eq "redocly lint (recommended-strict) passes" 0 "$rc"
t_grep "the document is valid" "Your API description is valid" "$T_DIR/lint.out"
t_nogrep "and no problem (a warning or an error)" "You have " "$T_DIR/lint.out"
t_ok "the document declares OpenAPI 3" grep -q '"openapi": "3.0.3"' docs/api/openapi.json
t_done
