#!/bin/bash
# PostgreSQL beside SQLite (issue #5): the whole data set of `wageguard gen --scale S`
# imported kind by kind, then `ledger verify` and the early-warning `scan`, on both stores in
# the same run, with the time of each step and the ratio PostgreSQL / SQLite (below 1:
# PostgreSQL is faster). The server is a throw-away one (scripts/pg-test-server.sh) with
# fsync and synchronous commit on, like a real one; SQLite runs in WAL with synchronous=NORMAL.
# Usage: bench/pg.sh [BIN]; BENCH_PG_SCALE=8 (default), BENCH_OUT=out/bench.
set -eu
BIN=$(realpath "${1:-build/wageguard}")
cd "$(dirname "$0")/.."
S=${BENCH_PG_SCALE:-8}
OUT=$(mkdir -p "${BENCH_OUT:-out/bench}" && realpath "${BENCH_OUT:-out/bench}")
D="$OUT/s$S"
KINDS="calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments"
export WAGEGUARD_NO_PROGRESS=1 WG_PG_STATE="$OUT/pg-bench.state" WG_PG_DURABLE=1
[ -f "$D/payments.csv" ] || "$BIN" gen --scale "$S" --seed 1 "$D" >/dev/null 2>&1
URL=$(./scripts/pg-test-server.sh start)
trap './scripts/pg-test-server.sh stop' EXIT
psql "$URL" -qAtX -c "CREATE DATABASE wgbench" >/dev/null
PG="${URL%/*}/wgbench"
LITE="$D/bench.db"
rm -f "$LITE"*

rm -f "$OUT"/times.*
for db in "$LITE" "$PG"; do
	tag=sqlite
	[ "$db" = "$PG" ] && tag=pg
	for k in $KINDS; do
		t0=$(date +%s.%N)
		"$BIN" --db "$db" import "$k" "$D/$k.csv" >/dev/null 2>"$OUT/step.err" ||
			{ echo "bench/pg.sh: import $k into $tag failed:" >&2; cat "$OUT/step.err" >&2; exit 1; }
		echo "import_$k $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" >>"$OUT/times.$tag"
	done
	for cmd in "ledger verify" "scan --as-of 2026-10-31 --no-record"; do
		t0=$(date +%s.%N)
		# shellcheck disable=SC2086
		"$BIN" --db "$db" $cmd >/dev/null 2>"$OUT/step.err" ||
			{ echo "bench/pg.sh: $cmd on $tag failed:" >&2; cat "$OUT/step.err" >&2; exit 1; }
		echo "${cmd%% *} $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" >>"$OUT/times.$tag"
	done
done
rows=$(($(cat "$D"/*.csv | wc -l) - $(ls "$D"/*.csv | wc -l)))
echo "scale $S: $rows rows in $(ls "$D"/*.csv | wc -l) files; $(nproc) cores"
paste "$OUT/times.sqlite" "$OUT/times.pg" | awk '
	BEGIN { printf "%-22s %10s %10s %8s\n", "step", "sqlite_s", "pg_s", "pg/sqlite" }
	{ printf "%-22s %10.2f %10.2f %7.2fx\n", $1, $2, $4, $4 / $2
	  if ($1 ~ /^import_/) { si += $2; pi += $4 } }
	END { printf "%-22s %10.2f %10.2f %7.2fx\n", "import (all kinds)", si, pi, pi / si }'
echo "pg/sqlite below 1: PostgreSQL faster. Server: fsync on, loopback TCP; SQLite: WAL, synchronous=NORMAL."
