#!/bin/bash
# Import benchmark (issue #2): the attendance CSV of `wageguard gen --scale S` imported by
# wageguard (validating every field, checking references, keyed storage, hash-chained ledger)
# beside sqlite3's `.import` of the same file into a plain table, in the same run.
# Also peak memory of the import at two sizes, to show it does not grow with the file.
# Usage: bench/import.sh [BIN]; BENCH_SCALES="2 8" (default), BENCH_OUT=out/bench.
set -eu
BIN=$(realpath "${1:-build/wageguard}")
SCALES=${BENCH_SCALES:-"2 8"}
OUT=${BENCH_OUT:-out/bench}
export WAGEGUARD_NO_PROGRESS=1
mkdir -p "$OUT"
printf '%-6s %10s %9s %11s %9s %11s %8s %9s %9s\n' scale rows wg_s wg_rows/s imp_s imp_rows/s ratio wg_MiB imp_MiB
for S in $SCALES; do
	D="$OUT/s$S"
	[ -f "$D/attendance.csv" ] || "$BIN" gen --scale "$S" --seed 1 "$D" >/dev/null 2>&1
	rows=$(($(wc -l <"$D/attendance.csv") - 1))
	rm -f "$D"/wg.db* "$D/plain.db"
	for k in enterprises projects subcontracts accounts workers employments; do
		"$BIN" --db "$D/wg.db" import "$k" "$D/$k.csv" 2>/dev/null
	done
	sync
	/usr/bin/time -o "$D/wg.time" -f '%e %M' "$BIN" --db "$D/wg.db" import attendance "$D/attendance.csv" 2>/dev/null
	sync
	/usr/bin/time -o "$D/imp.time" -f '%e %M' sqlite3 "$D/plain.db" ".mode csv" ".import $D/attendance.csv attendance"
	read -r wg_s wg_kb <"$D/wg.time"
	read -r imp_s imp_kb <"$D/imp.time"
	awk -v s="$S" -v n="$rows" -v a="$wg_s" -v b="$imp_s" -v am="$wg_kb" -v bm="$imp_kb" 'BEGIN {
		printf "%-6s %10d %9.2f %11.0f %9.2f %11.0f %7.2fx %9.1f %9.1f\n", s, n, a, n / a, b, n / b,
		       (n / a) / (n / b), am / 1024, bm / 1024 }'
	rm -f "$D"/wg.db* "$D/plain.db"
done
echo "ratio = wageguard rows/s over sqlite3 .import rows/s (above 1: wageguard is faster)"
