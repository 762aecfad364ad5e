#!/bin/bash
# t0500 — several importers on one database at once (SPEC §13, issue #5): attendance and
# payment files cut into overlapping chunks, some chunks twice, imported by 6 processes in
# parallel. Afterwards nothing is lost, nothing counted twice (every total equals a
# sequential import of the same rows into a second database) and the ledger chain verifies.
# Runs on both backends: SQLite serialises writers on its file lock, PostgreSQL on the
# ledger chain's advisory lock.
. "$(dirname "$0")/../lib.sh"
G="$T_DIR/gen"
wg gen --scale 0.03 --seed 5 "$G" >/dev/null 2>&1 || { t_fail "gen writes the data set"; t_done; exit 1; }
BASE="calendar enterprises projects subcontracts accounts workers employments"
CONC=$WAGEGUARD_DB
t_db_new seq
SEQ=$T_NEW_DB

load_base() {
	for k in $BASE; do wg --db "$1" import "$k" "$G/$k.csv" >/dev/null 2>&1 || echo "base $k failed"; done
}
t_eq "registry imports into both databases" "" "$(load_base "$CONC"; load_base "$SEQ")"

# chunk FILE FIRST LAST OUT: the header and data rows FIRST..LAST (1-based)
chunk() { { head -1 "$1"; tail -n +2 "$1" | sed -n "$2,$3p"; } >"$4"; }
na=$(($(wc -l <"$G/attendance.csv") - 1))
np=$(($(wc -l <"$G/payments.csv") - 1))
q=$((na / 4))
chunk "$G/attendance.csv" 1 $((2 * q)) "$T_DIR/att1.csv"
chunk "$G/attendance.csv" $((q + 1)) $((3 * q)) "$T_DIR/att2.csv"
chunk "$G/attendance.csv" $((2 * q + 1)) "$na" "$T_DIR/att3.csv"
chunk "$G/payments.csv" 1 $((np * 2 / 3)) "$T_DIR/pay1.csv"
chunk "$G/payments.csv" $((np / 3 + 1)) "$np" "$T_DIR/pay2.csv"
cp "$T_DIR/att2.csv" "$T_DIR/att2again.csv"

# six writers at once; each must succeed whatever order the lock grants them
pids=""
for f in att1 att2 att3 pay1 pay2 att2again; do
	case $f in att*) k=attendance ;; *) k=payments ;; esac
	wg --db "$CONC" import "$k" "$T_DIR/$f.csv" >"$T_DIR/$f.out" 2>&1 &
	pids="$pids $!"
done
failed=""
for p in $pids; do wait "$p" || failed="$failed $p"; done
t_eq "six concurrent imports all succeed" "" "$failed"
[ -z "$failed" ] || cat "$T_DIR"/*.out | head -20 | sed 's/^/# /'

wg --db "$SEQ" import attendance "$G/attendance.csv" >/dev/null 2>&1
wg --db "$SEQ" import payments "$G/payments.csv" >/dev/null 2>&1

inserted() { cat "$T_DIR"/att*.out | sed -n 's/.*attendance: \([0-9]*\) new.*/\1/p' | awk '{ n += $1 } END { print n + 0 }'; }
t_eq "each attendance row was inserted exactly once across the writers" "$na" "$(inserted)"
pins=$(cat "$T_DIR"/pay*.out | sed -n 's/.*payments: \([0-9]*\) new.*/\1/p' | awk '{ n += $1 } END { print n + 0 }')
t_eq "each payment was inserted exactly once across the writers" "$np" "$pins"

for code in $(tail -n +2 "$G/projects.csv" | cut -d, -f1); do
	wg --db "$CONC" show project "$code" --json >"$T_DIR/c.json"
	wg --db "$SEQ" show project "$code" --json >"$T_DIR/s.json"
	t_cmp "project $code: every total equals the sequential import's" "$T_DIR/s.json" "$T_DIR/c.json"
done

wg --db "$CONC" ledger verify >"$T_DIR/verify.out" 2>&1
t_grep "the ledger chain verifies after concurrent writers" "ledger intact:" "$T_DIR/verify.out"
recs=$(sed -n 's/.* \([0-9]*\) records checked/\1/p' "$T_DIR/verify.out")
wg --db "$SEQ" ledger verify >"$T_DIR/verify-seq.out" 2>&1
t_eq "as many records as after the sequential import" \
	"$(sed -n 's/.* \([0-9]*\) records checked/\1/p' "$T_DIR/verify-seq.out")" "$recs"
# one import entry per writer that stored rows (which ones depends on the order the lock
# granted: a chunk whose rows others stored first stores nothing)
wg --db "$CONC" ledger log | grep -A1 "$(printf '\timport\timport\t')" | grep -cE '"kind":"(attendance|payments)"' >"$T_DIR/n"
t_eq "one import entry per writer that stored rows" "$(cat "$T_DIR"/*.out | grep -cE ': [1-9][0-9]* new')" "$(cat "$T_DIR/n")"
t_done
