#!/bin/sh
# make run: a fresh demo database in out/, loaded with the generated demo data set.
set -eu
BIN=${1:-build/wageguard}
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
"$BIN" --db out/demo.db demo --dir out/demo-data
"$BIN" --db out/demo.db ledger verify
first=$(sed -n '2p' out/demo-data/projects.csv | cut -d, -f1)
echo
echo "The demo database is out/demo.db. Try:"
echo "  $BIN --db out/demo.db show project $first"
echo "  $BIN --db out/demo.db ledger log --limit 3"
echo
"$BIN" --db out/demo.db show project "$first"
