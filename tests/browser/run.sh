#!/bin/bash
# Browser tests of the web UI against the real server: builds a demo database, adds one user
# per role, starts `wageguard serve` on a free loopback port with the built UI (web/dist),
# runs tests/browser/*.test.mjs (node's test runner driving Debian's chromium through
# playwright-core) and stops the server. Prints TAP ("ok N - name" / "not ok N - name");
# exits non-zero when anything failed. Screenshots and logs: BUILD_DIR/test-out/browser/.
# Usage: tests/browser/run.sh [BUILD_DIR]   (default build)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
BIN="$BUILD/wageguard"
OUT="$BUILD/test-out/browser"
DB="$OUT/browser.db"
PASS='Browser-test-2026!'
export WAGEGUARD_NO_PROGRESS=1

bail() { # a failure before any test ran: one failing TAP line, and the reason
	echo "TAP version 13"
	echo "not ok 1 - browser tests: $1"
	echo "1..1"
	[ $# -gt 1 ] && [ -f "$2" ] && sed 's/^/# /' "$2" | tail -20
	exit 1
}

rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT" || exit 1

[ -x "$BIN" ] || bail "$BIN is not built (make)"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || bail "$CHROMIUM is missing (scripts/deps.sh installs Debian's chromium)"
[ -d node_modules/playwright-core ] || bail "node_modules/playwright-core is missing (npm ci)"
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/vite.config.ts -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
	npm run --silent build:web >"$OUT/build-web.log" 2>&1 || bail "npm run build:web failed" "$OUT/build-web.log"
fi

# the demo data set, scanned so that the dashboard has warnings
"$BIN" --db "$DB" demo --load-only --scale 0.05 --dir "$OUT/demo-data" >"$OUT/demo.log" 2>&1 ||
	bail "wageguard demo failed" "$OUT/demo.log"
"$BIN" --db "$DB" scan >"$OUT/scan.log" 2>&1 || bail "wageguard scan failed" "$OUT/scan.log"

# who the tests act as: the first project, its contractor and bank, and a worker of it with
# a payslip (its receipt code is checked on the public page)
DATA="$OUT/demo-data"
PROJECT=$(awk -F, 'NR==2{print $1}' "$DATA/projects.csv")
ENTERPRISE=$(awk -F, 'NR==2{print $6}' "$DATA/projects.csv")
BANK=$(awk -F, -v p="$PROJECT" '$1==p{print $2; exit}' "$DATA/accounts.csv")
read -r WORKER PERIOD < <(awk -F, -v p="$PROJECT" 'NR>1 && $1==p{print $4, $3; exit}' "$DATA/payroll.csv")
[ -n "$PROJECT" ] && [ -n "$ENTERPRISE" ] && [ -n "$BANK" ] && [ -n "${WORKER:-}" ] ||
	bail "could not pick a project, enterprise, bank and worker from $DATA"
RECEIPT=$("$BIN" --db "$DB" payslip "$WORKER" "$PERIOD" --project "$PROJECT" --json 2>"$OUT/payslip.log" |
	sed -n 's/.*"receipt": *"\([^"]*\)".*/\1/p')
[ -n "$RECEIPT" ] || bail "wageguard payslip gave no receipt code" "$OUT/payslip.log"

ENTERPRISE_NAME=$(awk -F, -v u="$ENTERPRISE" '$1==u{print $2; exit}' "$DATA/enterprises.csv")
WORKER_NAME=$(awk -F, -v w="$WORKER" '$1==w{print $2; exit}' "$DATA/workers.csv")

add_user() { # name role display [scope]
	local args=(--db "$DB" user add "$1" --role "$2" --password "$PASS")
	[ -n "${3:-}" ] && args+=(--display "$3")
	[ -n "${4:-}" ] && args+=(--scope "$4")
	"$BIN" "${args[@]}" >>"$OUT/users.log" 2>&1 || bail "wageguard user add $1 --role $2 failed" "$OUT/users.log"
}
add_user admin admin "平台管理员"
add_user regulator regulator "杭州市劳动保障监察支队" 3301
add_user inspector2 regulator "监察员乙" 3301
add_user enterprise enterprise "${ENTERPRISE_NAME:-}" "$ENTERPRISE"
add_user bank bank "$BANK 杭州分行" "$BANK"
add_user worker worker "${WORKER_NAME:-}" "$WORKER"

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" >"$OUT/server.log" 2>&1 &
SERVER=$!
stop_server() {
	kill -TERM "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
}
trap stop_server EXIT
up=0
for _ in $(seq 1 100); do
	kill -0 "$SERVER" 2>/dev/null || break
	if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
		"http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
		up=1
		break
	fi
	sleep 0.2
done
[ "$up" = 1 ] || bail "wageguard serve did not answer /healthz on port $PORT" "$OUT/server.log"

export WG_BASE_URL="http://127.0.0.1:$PORT" WG_TEST_PASSWORD="$PASS" WG_OUT="$OUT" \
	WG_PROJECT="$PROJECT" WG_WORKER_ID="$WORKER" WG_RECEIPT="$RECEIPT" CHROMIUM
# WG_BROWSER_ONLY=name runs tests/browser/name.test.mjs alone (while developing)
node --test --test-reporter=tap --test-concurrency=1 "$ROOT"/tests/browser/${WG_BROWSER_ONLY:-*}.test.mjs
rc=$?
stop_server
trap - EXIT
exit $rc
