#!/bin/bash
# t0020 — ledger verify names the first broken entry after tampering in the database file.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
load() {
	t_db_reset
	for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
		wg import "$k" "$B/$k.csv" 2>/dev/null || echo "load $k failed"
	done
}
sq() { t_sql "$1"; }

load
wg ledger verify >"$T_DIR/ok.out"
t_grep "an untouched ledger verifies" "ledger intact: 22 entries, 31 records checked" "$T_DIR/ok.out"

sq "UPDATE payroll SET net=net+100 WHERE net=68000"
wg ledger verify >"$T_DIR/v1" ; rc=$?
t_eq "a modified record fails verify" 1 "$rc"
seq=$(sq "SELECT lseq FROM payroll WHERE net=68100")
t_grep "verify names the record's entry and line" "ledger BROKEN: entry $seq line 1: the stored payroll record HZ000001,2026-05,51012219850315001X differs from it" "$T_DIR/v1"

load
sq "UPDATE ledger SET content=replace(content, '680.00', '68.00') WHERE kind='payments'"
wg ledger verify >"$T_DIR/v2"; rc=$?
first=$(sq "SELECT min(seq) FROM ledger WHERE kind='payments'")
t_eq "a modified ledger entry fails verify" 1 "$rc"
t_grep "verify names the altered entry" "ledger BROKEN: entry $first (payments): its hash does not match" "$T_DIR/v2"

load
sq "DELETE FROM attendance WHERE hours=850"
wg ledger verify >"$T_DIR/v3"; rc=$?
t_eq "a deleted record fails verify" 1 "$rc"
t_grep "verify names the deleted record's entry" "line 2: the attendance record HZ000001,51012219850315001X,2026-05-07 was deleted from the store" "$T_DIR/v3"

load
sq "DELETE FROM ledger WHERE seq=5"
wg ledger verify >"$T_DIR/v4"; rc=$?
t_eq "a deleted entry fails verify" 1 "$rc"
t_grep "verify names the missing entry" "ledger BROKEN: entry 5 is missing" "$T_DIR/v4"

load
sq "UPDATE calendar SET kind='workday' WHERE kind='holiday'; UPDATE ledger SET content=replace(content,'holiday','workday') WHERE kind='calendar'"
wg ledger verify >"$T_DIR/v5"; rc=$?
t_eq "rewriting record and entry together still fails" 1 "$rc"
t_done
