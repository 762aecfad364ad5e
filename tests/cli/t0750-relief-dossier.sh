#!/bin/bash
# t0750 — the criminal referral dossier (SPEC §11): only when the employer has absconded, or
# the order to pay was found ignored and CRIMINAL_THRESHOLD names the employer; it gathers the
# complainants' payroll, payments and attendance, the documents and their service, each record
# with a ledger receipt code that checks.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$B/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"
done
wg import calendar "$FIX/relief/calendar.csv" >/dev/null 2>&1 || echo "load calendar failed" >>"$T_DIR/load.err"
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"
SUB=91330100MA2AAAAA3L W1=51012219850315001X

n=$(wg case open --channel hotline --employer $SUB --project HZ000001 --worker $W1:5000 --received 2026-06-01)
wg case accept "$n" --on 2026-06-02
doc=$(wg case order "$n" --on 2026-06-03 --deadline 2026-06-20)
wg document serve "$doc" --method personal --to 法定代表人 --on 2026-06-04
t_fails "no dossier without grounds" wg case dossier "$n"
wg case dossier "$n" 2>"$T_DIR/no.err"
t_grep "... and the message says what is missing" "no grounds for a criminal referral" "$T_DIR/no.err"
wg case ignored "$n" --on 2026-06-22
t_fails "an ignored order alone is not enough (CRIMINAL_THRESHOLD not met)" wg case dossier "$n"
t_sql "INSERT INTO warnings(rule, project_id, employer_id, person_id, period, region, level, amount, overdue_days, days, first_seen, last_seen, resolved_on, scan) SELECT 'CRIMINAL_THRESHOLD', 0, id, 0, -1, 330108, 2, 3000000, 0, 0, 20600, 20600, NULL, 1 FROM enterprises WHERE uscc='$SUB'"
t_ok "with CRIMINAL_THRESHOLD open the dossier is made" wg case dossier "$n"
wg case dossier "$n" >"$T_DIR/d.json"
t_grep "... on its ground" '"ground": "order_ignored_criminal_threshold"' "$T_DIR/d.json"
t_grep "... with the payroll line" '"net": "680.00"' "$T_DIR/d.json"
t_grep "... the payment" '"txn_id": "PAY-0001"' "$T_DIR/d.json"
t_grep "... the attendance" '"date": "2026-05-' "$T_DIR/d.json"
t_grep "... the order and its service" '"recipient": "法定代表人"' "$T_DIR/d.json"
grep -o '"receipt": "[0-9]*-[0-9]*-[0-9a-f]*"' "$T_DIR/d.json" | cut -d'"' -f4 >"$T_DIR/codes"
t_ok "every record carries a receipt code" test "$(wc -l <"$T_DIR/codes")" -ge 3
bad=0
while read -r code; do wg ledger check "$code" >/dev/null 2>&1 || bad=$((bad + 1)); done <"$T_DIR/codes"
t_eq "... and every code checks against the ledger" 0 "$bad"
t_ok "the dossier as PDF" wg case dossier "$n" --format pdf -o "$T_DIR/d.pdf"
t_eq "... is a PDF" "%PDF-" "$(head -c 5 "$T_DIR/d.pdf")"
wg case dossier "$n" --format html -o "$T_DIR/d.html"
t_grep "the HTML names the referral" "涉嫌拒不支付劳动报酬犯罪案件移送材料" "$T_DIR/d.html"
t_grep "... and lists the receipt codes" "$(head -1 "$T_DIR/codes")" "$T_DIR/d.html"

# absconding is a ground by itself
m=$(wg case open --channel walkin --employer 91330100MA2AAAAA2H --project HZ000002 --worker 510122198503150036:800 --received 2026-06-01)
wg case absconded "$m" --on 2026-06-05
t_grep "an absconded employer is a ground of its own" '"ground": "absconded"' <(wg case dossier "$m")
t_done
