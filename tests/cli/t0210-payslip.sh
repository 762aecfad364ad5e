#!/bin/bash
# t0210 — payslips with receipt codes that check against the ledger; workers confirm or
# dispute their payroll lines, recorded in the ledger.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>/dev/null || echo "load $k failed" >>"$T_DIR/load.err"
done
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"

wg payslip 51012219850315001X 2026-05 >"$T_DIR/slip.txt"
t_grep "the payslip shows the net" "net        680.00" "$T_DIR/slip.txt"
t_grep "the payslip lists the payment, card masked" "PAY-0001       680.00 ok       2026-06-10 6222 **** **** 0123" "$T_DIR/slip.txt"
t_grep "the payslip masks the ID number" "510122********001X" "$T_DIR/slip.txt"
t_nogrep "the full ID number is not shown" "51012219850315001X" "$T_DIR/slip.txt"
wg payslip 51012219850315001X 2026-05 --reveal >"$T_DIR/reveal.txt"
t_grep "--reveal shows the full ID number" "51012219850315001X" "$T_DIR/reveal.txt"
t_fails "a worker without a payroll line has no payslip" wg payslip 510122198503150036 2026-05

code=$(wg payslip 51012219850315001X 2026-05 --json | sed -n 's/.*"receipt": "\(.*\)".*/\1/p')
t_ok "the receipt code has the form SEQ-LINE-HASH" sh -c "echo '$code' | grep -Eq '^[0-9]+-[0-9]+-[0-9a-f]{16}$'"
wg ledger check "$code" >"$T_DIR/check.txt"; rc=$?
t_eq "the receipt checks" 0 "$rc"
t_grep "the check names the record with personal data masked" "payroll project_code=HZ000001 employer_uscc=91330100MA2AAAAA3L period=2026-05 id_number=510122********001X days=2 gross=700.00 deductions=20.00 net=680.00" "$T_DIR/check.txt"
t_fails "a code with another hash does not check" wg ledger check "${code%????}0000"
t_fails "a code naming no entry does not check" wg ledger check "999-1-${code##*-}"
t_fails "garbage does not check" wg ledger check "hello"

# tampering with the entry the receipt names makes the receipt fail
seq=${code%%-*}
t_sql "UPDATE ledger SET hash=$(if [ "$T_STORE" = pg ]; then echo "decode('00','hex') || substring(hash from 2)"; else echo "x'00' || substr(hash, 2)"; fi) WHERE seq=$seq"
wg ledger check "$code" >"$T_DIR/tampered.txt"
t_grep "a receipt on an altered entry does not check" "entry $seq has been altered" "$T_DIR/tampered.txt"
t_db_reset
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>/dev/null
done

# answers
t_ok "a worker confirms a line" wg payroll confirm 510122198503150028 2026-05 --project HZ000001
wg payslip 510122198503150028 2026-05 >"$T_DIR/conf.txt"
t_grep "the payslip shows the confirmation" "answer     confirmed" "$T_DIR/conf.txt"
t_fails "a dispute needs a reason" wg payroll dispute 51012219850315001X 2026-05 --project HZ000001
t_ok "a worker disputes a line" wg payroll dispute 51012219850315001X 2026-05 --project HZ000001 --reason "少算两天工资" --amount 700
wg payslip 51012219850315001X 2026-05 --json >"$T_DIR/disp.json"
t_grep "the payslip shows the dispute" '"answer": "disputed"' "$T_DIR/disp.json"
t_grep "... and its reason" '"dispute_reason": "少算两天工资"' "$T_DIR/disp.json"
wg ledger log --kind confirmation >"$T_DIR/answers.txt"
t_grep "the ledger records the dispute against the line's version" ",2026-05,disputed,$(t_sql "SELECT lseq FROM payroll WHERE net=68000"),少算两天工资,700.00" "$T_DIR/answers.txt"
t_fails "no answer to a line that does not exist" wg payroll confirm 51012219850315001X 2026-04 --project HZ000001
t_ok "the ledger is intact after the answers" wg ledger verify

# an amended line gets a new receipt; the answer was to the old version
sed 's/,700,20,680,/,720,20,700,/' "$B/payroll.csv" >"$T_DIR/payroll2.csv"
wg import --amend payroll "$T_DIR/payroll2.csv" 2>/dev/null
code2=$(wg payslip 51012219850315001X 2026-05 --json | sed -n 's/.*"receipt": "\(.*\)".*/\1/p')
t_ok "the amended line has another receipt" test "$code2" != "$(grep -o '"receipt": "[^"]*"' "$T_DIR/disp.json" | cut -d'"' -f4)"
t_ok "the new receipt checks" wg ledger check "$code2"
t_grep "the answer belonged to the old version" '"answer": "none"' <(wg payslip 51012219850315001X 2026-05 --json)
t_done
