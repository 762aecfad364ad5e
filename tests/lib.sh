# lib.sh — helpers for the CLI tests (git's test-lib in small): each test script sources this,
# calls t_ok / t_cmp / t_fails, and ends with t_done. Output is TAP.
set -u
: "${WG_BIN:?WG_BIN must point at the wageguard binary}"
: "${WG_ROOT:?}"
T_N=0 T_FAILED=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wgtest.XXXXXX")
trap 'rm -rf "$T_DIR"' EXIT
export WAGEGUARD_DB="$T_DIR/test.db" WAGEGUARD_NO_PROGRESS=1 TZ=Asia/Shanghai
# messages in English, whatever the machine's locale (Chinese is the default: t0020 checks it)
export WAGEGUARD_LANG=en
# WG_STORE=pg: the same test against PostgreSQL, in a fresh database of the server at
# WG_PG_URL (tests/run.sh starts one with scripts/pg-test-server.sh), dropped at exit.
T_STORE=${WG_STORE:-sqlite}
if [ "$T_STORE" = pg ]; then
	: "${WG_PG_URL:?WG_STORE=pg needs WG_PG_URL: scripts/pg-test-server.sh start}"
	T_PGDB="wgt_$$_${RANDOM}"
	t_pg_admin() { psql "$WG_PG_URL" -qAtX -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
	t_pg_admin "CREATE DATABASE $T_PGDB" || { echo "not ok 1 - cannot create database $T_PGDB"; exit 1; }
	T_PGDBS=$T_PGDB
	t_pg_drop_all() { local d; for d in $T_PGDBS; do t_pg_admin "DROP DATABASE IF EXISTS $d WITH (FORCE)"; done; }
	trap 't_pg_drop_all; rm -rf "$T_DIR"' EXIT
	export WAGEGUARD_DB="${WG_PG_URL%/*}/$T_PGDB"
	# the ledger key of a PostgreSQL database would go under ~/.config: keep it here
	export WAGEGUARD_LEDGER_KEY="$T_DIR/ledger.key"
fi
# t_db_new NAME: sets T_NEW_DB to the address of another empty database for this test (a
# file in T_DIR, or a database on the test server), removed at exit like the first. Call it
# directly, not in $(…): it records the database for the cleanup.
t_db_new() {
	if [ "$T_STORE" = pg ]; then
		t_pg_admin "CREATE DATABASE ${T_PGDB}_$1" || return 1
		T_PGDBS="$T_PGDBS ${T_PGDB}_$1"
		T_NEW_DB="${WG_PG_URL%/*}/${T_PGDB}_$1"
	else
		T_NEW_DB="$T_DIR/$1.db"
	fi
}
# t_sql SQL: runs SQL on the test database directly (to tamper with it), printing rows one
# a line, columns separated by |. Write SQL both SQLite and PostgreSQL take.
t_sql() {
	if [ "$T_STORE" = pg ]; then
		psql "$WAGEGUARD_DB" -qAtX -v ON_ERROR_STOP=1 -c "$1"
	else
		sqlite3 "$WAGEGUARD_DB" "$1"
	fi
}
# t_db_reset: an empty database again, under the same name.
t_db_reset() {
	if [ "$T_STORE" = pg ]; then
		t_pg_admin "DROP DATABASE IF EXISTS $T_PGDB WITH (FORCE)" && t_pg_admin "CREATE DATABASE $T_PGDB"
	else
		rm -f "$WAGEGUARD_DB"*
	fi
}
FIX="$WG_ROOT/tests/fixtures"
wg() { "$WG_BIN" "$@"; }

t_pass() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
t_fail() { T_N=$((T_N + 1)); T_FAILED=$((T_FAILED + 1)); echo "not ok $T_N - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# t_ok NAME CMD...: the command succeeds.
t_ok() { local n=$1; shift; local out; if out=$("$@" 2>&1); then t_pass "$n"; else t_fail "$n" "command failed: $*" "$(echo "$out" | head -20)"; fi; }
# t_fails NAME CMD...: the command exits non-zero.
t_fails() { local n=$1; shift; if "$@" >/dev/null 2>&1; then t_fail "$n" "command unexpectedly succeeded: $*"; else t_pass "$n"; fi; }
# t_cmp NAME EXPECTED_FILE ACTUAL_FILE: the files are equal.
t_cmp() { if diff -u "$2" "$3" >"$T_DIR/diff" 2>&1; then t_pass "$1"; else t_fail "$1" "$(head -30 "$T_DIR/diff")"; fi; }
# t_eq NAME WANT GOT
t_eq() { if [ "$2" = "$3" ]; then t_pass "$1"; else t_fail "$1" "want: $2" "got:  $3"; fi; }
# t_grep NAME PATTERN FILE: the file has a line matching the fixed string.
t_grep() { if grep -qF -- "$2" "$3"; then t_pass "$1"; else t_fail "$1" "no line with: $2" "$(head -20 "$3")"; fi; }
t_nogrep() { if grep -qF -- "$2" "$3"; then t_fail "$1" "unexpected line with: $2"; else t_pass "$1"; fi; }
t_done() { echo "1..$T_N"; [ "$T_FAILED" -eq 0 ]; }
# t_tap FILE PREFIX MIN SUITE: node's TAP output in FILE re-counted as checks of this test, one
# per top-level test ("PREFIX: its name"; a failure with its error lines), then one check that
# at least MIN tests ran ("the SUITE suite ran its tests"), so a suite that did not load fails.
t_tap() {
	local f=$1 prefix=$2 min=$3 suite=$4 l
	while read -r l; do
		case "$l" in
		"not ok "*) t_fail "$prefix: ${l#not ok * - }" "$(awk -v n="${l#not ok }" 'index($0, "not ok " n) == 1 { on = 1; next } on && /^(ok|not ok) / { exit } on' "$f" | grep -E 'error|expected|actual|failures|^ *[-+] ' | head -25)" ;;
		"ok "*) t_pass "$prefix: ${l#ok * - }" ;;
		esac
	done < <(grep -E '^(not )?ok [0-9]+' "$f")
	t_ok "the $suite suite ran its tests" test "$(grep -cE '^(not )?ok [0-9]+' "$f")" -ge "$min"
}
