#!/bin/bash
# Scan benchmark (issue #3), side by side in one run at several scales of `wageguard gen`:
#   (a) wageguard scan on the maintained worker-month aggregates
#   (b) wageguard scan --rebuild (attendance days recomputed from the raw records)
#   (c) the independent SQL rules on DuckDB over the same CSV files (bench/duckdb)
#   (d) importing one more working day of attendance for the whole region, then (a) again
# Every output is compared: (a), (b) and (c) must be byte-identical.
# Usage: bench/scan.sh [BIN]; BENCH_SCALES="1 4 16" (default), BENCH_OUT=out/bench.
set -eu
BIN=$(realpath "${1:-build/wageguard}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCALES=${BENCH_SCALES:-"1 4 16"}
OUT=${BENCH_OUT:-out/bench}
export WAGEGUARD_NO_PROGRESS=1
mkdir -p "$OUT"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
printf '%-6s %12s %9s %9s %9s %9s %7s %7s %10s\n' scale worker-months scan_s rebuild_s duckdb_s day+scan duck/a duck/b identical
for S in $SCALES; do
	D="$OUT/s$S"
	[ -f "$D/attendance.csv" ] || "$BIN" gen --scale "$S" --seed 1 "$D" >/dev/null 2>&1
	asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$D/manifest.json")
	db="$D/scan.db"
	rm -f "$db"*
	for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
		"$BIN" --db "$db" import "$k" "$D/$k.csv" 2>/dev/null
	done
	wms=$(sqlite3 "$db" "SELECT count(*) FROM wm_days")
	t0=$(now); "$BIN" --db "$db" scan --as-of "$asof" --no-record >"$D/a.jsonl" 2>/dev/null; t1=$(now)
	"$BIN" --db "$db" scan --as-of "$asof" --no-record --rebuild >"$D/b.jsonl" 2>/dev/null; t2=$(now)
	node "$ROOT/bench/duckdb/scan.mjs" --as-of "$asof" "$D" >"$D/c.jsonl"; t3=$(now)
	same=yes
	cmp -s "$D/a.jsonl" "$D/b.jsonl" || same=no-rebuild
	cmp -s "$D/a.jsonl" "$D/c.jsonl" || same=no-duckdb
	# one more working day for every worker with an open employment, dated the day after as_of
	# moved to a weekday
	day=$(date -d "$asof + 1 day" +%F)
	while [ "$(date -d "$day" +%u)" -gt 5 ]; do day=$(date -d "$day + 1 day" +%F); done
	awk -F, -v day="$day" 'NR == 1 { print "project_code,id_number,date,hours"; next }
		$9 == "" || $9 >= day { print $1 "," $2 "," day ",8" }' "$D/employments.csv" >"$D/day.csv"
	t4=$(now)
	"$BIN" --db "$db" import attendance "$D/day.csv" 2>/dev/null
	"$BIN" --db "$db" scan --as-of "$day" --no-record >/dev/null 2>&1
	t5=$(now)
	a=$(secs "$t0" "$t1") b=$(secs "$t1" "$t2") c=$(secs "$t2" "$t3") d=$(secs "$t4" "$t5")
	printf '%-6s %12d %9s %9s %9s %9s %6.1fx %6.1fx %10s\n' "$S" "$wms" "$a" "$b" "$c" "$d" \
		"$(awk -v c="$c" -v a="$a" 'BEGIN { print c / a }')" \
		"$(awk -v c="$c" -v b="$b" 'BEGIN { print c / b }')" "$same"
	rm -f "$db"*
done
echo "duck/a, duck/b: how many times faster (a) and (b) are than DuckDB; day+scan: import of one"
echo "working day of attendance for every active worker plus a scan as of that day"
