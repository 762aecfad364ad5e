#!/bin/bash
# t0300 — the second implementation of the early-warning rules (SQL on DuckDB,
# bench/duckdb/scan.mjs) prints, for every hand-made boundary fixture under
# tests/fixtures/scan/CASE/, exactly CASE/expected.jsonl for `--as-of $(cat CASE/as_of)`.
# Each CASE/README shows the arithmetic. Needs node and `npm ci` (scripts/deps.sh runs it);
# without them this test fails, it does not skip.
. "$(dirname "$0")/../lib.sh"
SCAN="$WG_ROOT/bench/duckdb/scan.mjs"
KINDS="enterprises projects subcontracts accounts workers employments attendance allocations payroll payments"

if ! command -v node >/dev/null 2>&1; then
	t_fail "node is installed" "node not found on PATH: the DuckDB rules cannot run"
	t_done; exit 1
fi
if [ ! -d "$WG_ROOT/node_modules/@duckdb/node-api" ]; then
	t_fail "node_modules holds @duckdb/node-api" "run 'npm ci' in $WG_ROOT (scripts/deps.sh does it when node_modules is missing)"
	t_done; exit 1
fi

scan() { node "$SCAN" "$@"; }

n=0
for d in "$FIX"/scan/*/; do
	c=$(basename "$d")
	n=$((n + 1))
	missing=""
	for k in $KINDS; do [ -f "$d/$k.csv" ] || missing="$missing $k.csv"; done
	for f in as_of expected.jsonl README; do [ -f "$d/$f" ] || missing="$missing $f"; done
	t_eq "fixture $c has every file" "" "$missing"
	if scan --as-of "$(cat "$d/as_of")" "$d" >"$T_DIR/$c.out" 2>"$T_DIR/$c.err"; then
		t_cmp "duckdb scan of $c gives expected.jsonl" "$d/expected.jsonl" "$T_DIR/$c.out"
	else
		t_fail "duckdb scan of $c gives expected.jsonl" "scan.mjs failed:" "$(head -10 "$T_DIR/$c.err")"
	fi
done
t_eq "there are fixture cases" yes "$([ "$n" -ge 10 ] && echo yes || echo "only $n")"

# the same files as a messier writer might make them: columns in reverse order, every field
# below the header padded with a space and a tab (inside the quotes of text fields, which are
# quoted), CRLF line ends, a UTF-8 BOM, a blank line; wageguard import takes these files too. The fixtures' fields hold no comma or quote, so splitting on ',' is safe here.
M="$T_DIR/messy"; mkdir -p "$M"
for c in payments criminal expected-wage; do
	mkdir -p "$M/$c"
	for k in $KINDS; do
		awk -F, 'BEGIN { OFS = "," } {
			out = ""
			for (i = NF; i >= 1; i--) {
				f = NR == 1 ? $i : " " $i "\t"
				if (NR > 1 && $i ~ /[^0-9.]/) f = "\"" f "\""
				out = out (i < NF ? "," : "") f
			}
			printf "%s\r\n", out
			if (NR == 2) printf "\r\n"
		}' "$FIX/scan/$c/$k.csv" >"$M/$c/$k.csv"
	done
	printf '\357\273\277' | cat - "$M/$c/attendance.csv" >"$M/$c/a" && mv "$M/$c/a" "$M/$c/attendance.csv"
	scan --as-of "$(cat "$FIX/scan/$c/as_of")" "$M/$c" >"$T_DIR/messy-$c.out" 2>&1
	t_cmp "messy CSV of $c gives the same output" "$FIX/scan/$c/expected.jsonl" "$T_DIR/messy-$c.out"
done

# the thresholds are options: one fen lower and B1's 4,999.99 over 3 periods is criminal too
C="$FIX/scan/criminal"
scan --as-of "$(cat "$C/as_of")" --criminal-worker 4999.99 "$C" >"$T_DIR/crim.out" 2>&1
t_grep "--criminal-worker lowers the one-worker threshold" \
	'{"rule":"CRIMINAL_THRESHOLD","level":"red","project":null,"employer":"91330100MA2AAAAB2J","worker":null,"period":null,"amount":"4999.99","overdue_days":0,"days":0}' \
	"$T_DIR/crim.out"
scan --as-of "$(cat "$C/as_of")" --criminal-workers 9 "$C" >"$T_DIR/crim9.out" 2>&1
t_grep "--criminal-workers 9 catches 9 workers and 30,000.00" '"employer":"91330100MA2AAAAB5U","worker":null,"period":null,"amount":"30000.00"' "$T_DIR/crim9.out"
t_grep "... and EH's 9 workers with arrears, 30,600.00" '"employer":"91330100MA2AAAAB85","worker":null,"period":null,"amount":"30600.00"' "$T_DIR/crim9.out"
U="$FIX/scan/unpaid-ladder"
scan --as-of "$(cat "$U/as_of")" --ladder-orange 14 --ladder-red 29 "$U" >"$T_DIR/ladder.out" 2>&1
t_eq "--ladder-orange/--ladder-red move the ladder" "yellow orange orange red red red" \
	"$(grep -o '"level":"[a-z]*"' "$T_DIR/ladder.out" | cut -d'"' -f4 | tr '\n' ' ' | sed 's/ $//')"

K="$FIX/scan/complaints"
scan --as-of "$(cat "$K/as_of")" --complaints-red 11 "$K" >"$T_DIR/compl.out" 2>&1
t_grep "--complaints-red 11 leaves HZ200003's 10 cases orange" '{"rule":"COMPLAINTS","level":"orange","project":"HZ200003"' "$T_DIR/compl.out"
scan --as-of "$(cat "$K/as_of")" --complaints-window 31 "$K" >"$T_DIR/compl31.out" 2>&1
t_grep "--complaints-window 31 takes in D - 30: HZ200002 has 3 cases" '"project":"HZ200002","employer":null,"worker":null,"period":null,"amount":"300.00"' "$T_DIR/compl31.out"

# bad invocations are refused with a message, not a guess
t_fails "a missing --as-of is refused" scan "$C"
t_fails "an impossible date is refused" scan --as-of 2026-02-30 "$C"
t_fails "a directory without the files is refused" scan --as-of 2026-06-30 "$T_DIR"
t_fails "a threshold that is not an amount is refused" scan --as-of 2026-06-30 --criminal-total 3e4 "$C"
t_done
