#!/bin/bash
# Runs every test suite and prints one closing line "N passed, N failed".
# Usage: tests/run.sh BUILD_DIR [unit|build|cli|browser|pg]. `build` (tests/build/) checks the
# build itself in a fresh clone, once. The CLI suites run twice: on SQLite, then
# (WG_STORE=pg) on a PostgreSQL server of their own, started and removed here; `pg` runs
# only that second pass. Every suite speaks TAP on stdout
# ("ok N - name" / "not ok N - name"); a suite that exits non-zero without a failing check,
# or prints no check at all, counts as one failure, so a broken suite cannot pass silently.
set -u
BUILD=${1:-build}
ONLY=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export WG_BIN="$ROOT/$BUILD/wageguard" WG_ROOT="$ROOT" WAGEGUARD_NO_PROGRESS=1
OUT="$ROOT/$BUILD/test-out"
rm -rf "$OUT"; mkdir -p "$OUT"
passed=0 failed=0

run_suite() { # name, command...
	local name=$1; shift
	local log="$OUT/$(echo "$name" | tr '/ ' '__' | tr -d '[]').log"
	"$@" >"$log" 2>&1
	local rc=$?
	local p f
	# a log that vanished (another run emptied $OUT) counts as no check, not as a pass
	p=$(grep -cE '^ok [0-9]+' "$log" 2>/dev/null); p=${p:-0}
	f=$(grep -cE '^not ok [0-9]+' "$log" 2>/dev/null); f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited $rc" >>"$log"; fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name ran no check" >>"$log"; fi
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		printf 'FAIL %-40s %d passed, %d failed\n' "$name" "$p" "$f"
		grep -E '^(not ok|#)' "$log" | head -40 | sed 's/^/    /'
	else
		printf 'ok   %-40s %d passed\n' "$name" "$p"
	fi
}

if [ -z "$ONLY" ] || [ "$ONLY" = unit ]; then
	for t in "$ROOT/$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run_suite "unit/$(basename "$t")" "$t"
	done
fi
if [ -z "$ONLY" ] || [ "$ONLY" = build ]; then
	for t in "$ROOT"/tests/build/t[0-9]*.sh; do
		[ -f "$t" ] || continue
		run_suite "build/$(basename "$t" .sh)" bash "$t"
	done
fi
if [ -z "$ONLY" ] || [ "$ONLY" = cli ]; then
	for t in "$ROOT"/tests/cli/t[0-9]*.sh; do
		[ -f "$t" ] || continue
		run_suite "cli/$(basename "$t" .sh)" bash "$t"
	done
fi
if [ -z "$ONLY" ] || [ "$ONLY" = browser ]; then
	# the web UI in headless Chromium against a real server (builds web/dist when stale)
	run_suite browser bash "$ROOT/tests/browser/run.sh" "$BUILD"
fi
if [ -z "$ONLY" ] || [ "$ONLY" = cli ] || [ "$ONLY" = pg ]; then
	# the same suites on PostgreSQL: one server for the pass, a database per suite (lib.sh)
	export WG_PG_STATE="$OUT/pg-server.state"
	if WG_PG_URL=$("$ROOT/scripts/pg-test-server.sh" start 2>"$OUT/pg-server.err"); then
		export WG_PG_URL
		trap '"$ROOT/scripts/pg-test-server.sh" stop' EXIT
		# the store contract (tests/unit/test_store.c) on PostgreSQL, as the unit pass ran it
		# on SQLite
		WG_STORE=pg run_suite "unit/test_store [pg]" "$ROOT/$BUILD/tests/test_store"
		for t in "$ROOT"/tests/cli/t[0-9]*.sh; do
			[ -f "$t" ] || continue
			WG_STORE=pg run_suite "cli/$(basename "$t" .sh) [pg]" bash "$t"
		done
		"$ROOT/scripts/pg-test-server.sh" stop
		trap - EXIT
	else
		run_suite "pg/server-start" sh -c 'cat "$1"; echo "not ok 1 - PostgreSQL test server starts"; exit 1' _ "$OUT/pg-server.err"
	fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
