#!/bin/bash
# t0640 — the ledger against tampering the hash chain alone cannot see (issue 9, 8): signed
# checkpoints catch a removed tail and a rolled-back import; verify covers workers'
# confirmations; --deep recomputes the attendance-days aggregate. Notices and payslips carry
# the checkpoint.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>>"$T_DIR/import.err" || echo "import $k failed" >>"$T_DIR/import.err"
done
t_nogrep "the basic data set imports" "failed" "$T_DIR/import.err"
wg payroll dispute 51012219850315001X 2026-05 --project HZ000001 --reason "少算加班" --amount 10 2>/dev/null
wg payroll confirm 510122198503150028 2026-05 --project HZ000001 2>/dev/null
t_ok "the ledger verifies" wg ledger verify

# --- checkpoints ----------------------------------------------------------------------------
t_ok "8: a checkpoint is signed" wg ledger checkpoint -o "$T_DIR/cp1.json"
if [ "$T_STORE" = sqlite ]; then
	t_eq "8: the key is made beside the database, readable by its owner only" "-rw-------" "$(stat -c %A "$WAGEGUARD_DB.ledger-key" 2>/dev/null)"
fi
head=$(t_sql "SELECT max(seq) FROM ledger")
t_grep "8: the checkpoint names the ledger's head" "\"seq\":$head," "$T_DIR/cp1.json"
wg ledger checkpoint -o "$T_DIR/cp1b.json" 2>/dev/null
t_cmp "8: the same head gives the same checkpoint" "$T_DIR/cp1.json" "$T_DIR/cp1b.json"
t_ok "8: the ledger reaches its checkpoint" wg ledger verify --checkpoint "$T_DIR/cp1.json"
pk=$(sed -n 's/.*"public_key":"\([0-9a-f]*\)".*/\1/p' "$T_DIR/cp1.json")
t_ok "8: ... also checked against a public key given" wg ledger verify --checkpoint "$T_DIR/cp1.json" --public-key "$pk"
t_fails "8: another key's checkpoint is refused" wg ledger verify --checkpoint "$T_DIR/cp1.json" --public-key "$(echo "$pk" | tr '0-9a-f' '1-9a-f0')"
sed "s/\"seq\":$head,/\"seq\":$((head - 1)),/" "$T_DIR/cp1.json" >"$T_DIR/forged.json"
wg ledger verify --checkpoint "$T_DIR/forged.json" >"$T_DIR/forged.out" 2>&1
t_grep "8: an altered checkpoint fails its signature" "signature does not match" "$T_DIR/forged.out"

# the key made by several processes at once (a server starting while a notice is printed):
# each either makes it or reads the one just made, never a file half written
for i in $(seq 16); do
	WAGEGUARD_LEDGER_KEY="$T_DIR/race.key" wg ledger checkpoint -o "$T_DIR/race$i.json" 2>>"$T_DIR/race.err" &
done
wait
t_eq "8: sixteen processes making the key at once all sign" 16 "$(ls "$T_DIR"/race*.json 2>/dev/null | wc -l)"
t_eq "... with the same key" 1 "$(sed -n 's/.*"public_key":"\([0-9a-f]*\)".*/\1/p' "$T_DIR"/race*.json | sort -u | wc -l)"

# a new import, checkpointed, then rolled back with its entries: the chain alone still
# verifies, the checkpoint does not
printf 'project_code,id_number,date,hours\nHZ000001,51012219850315001X,2026-06-01,8\nHZ000001,51012219850315001X,2026-06-02,8\n' >"$T_DIR/june.csv"
wg import attendance "$T_DIR/june.csv" 2>/dev/null
wg ledger checkpoint -o "$T_DIR/cp2.json" 2>/dev/null
head2=$(t_sql "SELECT max(seq) FROM ledger")
t_sql "DELETE FROM attendance WHERE date >= (SELECT max(date) - 1 FROM attendance)" >/dev/null
t_sql "DELETE FROM ledger WHERE seq > $head" >/dev/null
t_ok "8: after a rollback of the last import the chain alone still verifies" wg ledger verify
wg ledger verify --checkpoint "$T_DIR/cp2.json" >"$T_DIR/rollback.out" 2>&1
t_eq "8: ... the checkpoint taken before catches it" 1 "$?"
t_grep "8: ... saying the ledger ends before the checkpoint" "the ledger ends at entry $head, before entry $head2 of the checkpoint" "$T_DIR/rollback.out"
t_ok "8: the older checkpoint is still reached" wg ledger verify --checkpoint "$T_DIR/cp1.json"
t_sql "DELETE FROM ledger WHERE seq = $head" >/dev/null
t_fails "8: deleting the last entry fails the checkpoint of it" wg ledger verify --checkpoint "$T_DIR/cp1.json"
t_db_reset
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do wg import "$k" "$B/$k.csv" 2>/dev/null; done
wg payroll dispute 51012219850315001X 2026-05 --project HZ000001 --reason "少算加班" --amount 10 2>/dev/null
wg payroll confirm 510122198503150028 2026-05 --project HZ000001 2>/dev/null

# --- confirmations --------------------------------------------------------------------------
t_ok "8: workers' answers verify" wg ledger verify
wg ledger verify >"$T_DIR/answers.out" 2>&1
t_grep "8: ... both answers were checked against their entries" "; 2 workers' answers" "$T_DIR/answers.out"
t_sql "UPDATE confirmations SET status = 1 WHERE status = 2" >/dev/null
wg ledger verify >"$T_DIR/flip.out" 2>&1
t_eq "8: a dispute flipped to confirmed is caught" 1 "$?"
t_grep "8: ... naming the answer" "the stored answer to payroll HZ000001 2026-05 51012219850315001X differs from it" "$T_DIR/flip.out"
t_sql "UPDATE confirmations SET status = 2 WHERE reason IS NOT NULL AND reason <> ''" >/dev/null
t_ok "8: put back, it verifies" wg ledger verify
t_sql "DELETE FROM confirmations WHERE reason IS NULL OR reason = ''" >/dev/null
wg ledger verify >"$T_DIR/del.out" 2>&1
t_eq "8: a deleted confirmation is caught" 1 "$?"
t_grep "8: ... naming it" "the worker's answer to payroll HZ000001 2026-05 510122198503150028 was deleted from the store" "$T_DIR/del.out"

# --- derived aggregates ---------------------------------------------------------------------
t_db_reset
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do wg import "$k" "$B/$k.csv" 2>/dev/null; done
wg ledger verify --deep >"$T_DIR/deep.out" 2>&1
t_grep "8: --deep recomputes the worker-months' days and finds them right" "derived aggregates match" "$T_DIR/deep.out"
t_sql "UPDATE wm_days SET mask = 0" >/dev/null
t_ok "8: zeroed attendance days pass the chain check" wg ledger verify
wg ledger verify --deep >"$T_DIR/deep2.out" 2>&1
t_eq "8: --deep catches them" 1 "$?"
t_grep "8: ... naming the first" "worker 51012219850315001X, 2026-05: 0 days stored, 2 recorded" "$T_DIR/deep2.out"

# --- published with notices and payslips ------------------------------------------------------
wg ledger checkpoint -o "$T_DIR/cp3.json" 2>/dev/null
sig=$(sed -n 's/.*"signature":"\([0-9a-f]*\)".*/\1/p' "$T_DIR/cp3.json")
# an empty $sig would make the next grep match any line
t_eq "8: the checkpoint's signature is 128 hex digits" 128 "${#sig}"
wg notice publicity HZ000001 2026-05 --format html -o "$T_DIR/pub.html" 2>/dev/null
t_grep "8: the publicity notice carries the checkpoint's signature" "${sig:0:64}" "$T_DIR/pub.html"
wg payslip 51012219850315001X 2026-05 --json >"$T_DIR/slip.json" 2>/dev/null
t_grep "8: the payslip carries the checkpoint" "\"signature\": \"$sig\"" "$T_DIR/slip.json"
t_done
