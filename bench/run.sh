#!/bin/bash
# make bench: every benchmark, side by side, printing ratios. Absolute times on a shared
# 2-core machine are noise; the ratios in one run are what to compare.
set -eu
BIN=$(realpath "${1:-build/wageguard}")
cd "$(dirname "$0")/.."
for b in bench/import.sh bench/scan.sh bench/http.sh bench/pg.sh; do
	echo "== $b"
	bash "$b" "$BIN"
done
