#!/bin/bash
# t0820 — the emergency wage fund (SPEC §8): top-ups with their source, applications by the
# workers of an open case within the cap (2,000.00 by default, one month of the region's
# minimum wage when configured, fund.cap over both; exactly the cap passes, one fen more
# does not), approval that never takes the fund below zero (exactly the balance passes), the
# advance paid and ledgered, recovery and write-off (with a reason) of the receivable, the
# automatic recovery when the case closes with the employer paying, statements per fund, case
# and employer as JSON, CSV, XLSX and PDF.
. "$(dirname "$0")/../lib.sh"
C=91330100MA2AAAAA2H O=91330100MA2AAAAA1E
W1=51012219850315001X W2=510122198503150028 W3=510122198503150036
cat >"$T_DIR/e.csv" <<CSV
uscc,name,region_code
$O,业主,330102
$C,总包,330106
CSV
cat >"$T_DIR/p.csv" <<CSV
code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date
P1,一号,330106,housing,$O,$C,10000000,2026-01-01
CSV
cat >"$T_DIR/w.csv" <<CSV
id_number,name,bank_card,bank_code
$W1,张伟,6222021234567890123,ICBC
$W2,李娜,6217001234567890,CCB
$W3,王强,6228481234567890017,ABC
CSV
for k in e:enterprises p:projects w:workers; do
	wg import "${k#*:}" "$T_DIR/${k%%:*}.csv" >/dev/null 2>&1 || echo "load ${k#*:} failed" >>"$T_DIR/load.err"
done
t_ok "the data loads" test ! -s "$T_DIR/load.err"
case1=$(wg case open --channel hotline --employer $C --project P1 --worker $W1:5000 --worker $W2:5000 --received 2026-03-02 2>/dev/null)
t_ok "a case is opened" test -n "$case1"
wg case accept "$case1" --on 2026-03-03 >/dev/null 2>&1
st() { wg fund statement "$@" --as-of 2026-12-31 --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(["balance","topups","advanced","recovered","written_off","outstanding"].filter(k=>k in j).map(k=>k+"="+j[k]).join(" "))})'; }

t_fails "no fund covers the region yet" wg fund apply "$case1" --worker $W1 --amount 100 --as-of 2026-03-05
t_fails "a top-up needs a known source" wg fund topup 3301 1000 --source gift --as-of 2026-03-01
t_fails "a bad region code is refused" wg fund topup 3x01 1000 --source budget
t_ok "the city's fund is topped up from the budget" wg fund topup 3301 1000 --source budget --as-of 2026-03-01
t_fails "an unknown case is refused" wg fund apply C-NONE --worker $W1 --amount 100 --as-of 2026-03-05
t_fails "a worker who is not on the case is refused" wg fund apply "$case1" --worker $W3 --amount 100 --as-of 2026-03-05
t_fails "an unknown purpose is refused" wg fund apply "$case1" --worker $W1 --amount 100 --purpose food --as-of 2026-03-05
t_fails "2,000.01 is over the default cap" wg fund apply "$case1" --worker $W1 --amount 2000.01 --as-of 2026-03-05
a1=$(wg fund apply "$case1" --worker $W1 --amount 600 --purpose living --by 经办人 --as-of 2026-03-05)
t_ok "an application within the cap" test -n "$a1"
t_fails "the worker's advances on the case stay within the cap" wg fund apply "$case1" --worker $W1 --amount 1400.01 --as-of 2026-03-05
a2=$(wg fund apply "$case1" --worker $W2 --amount 2000 --purpose travel --as-of 2026-03-05)
t_ok "exactly the cap is accepted" test -n "$a2"
t_ok "a region's minimum wage sets the cap" wg config set region.330106.minimum_wage 2500
a3=$(wg fund apply "$case1" --worker $W1 --amount 1900 --as-of 2026-03-05)
t_ok "600 + 1900 = 2500: within a month of the minimum wage" test -n "$a3"
t_ok "fund.cap goes over it" wg config set fund.3301.cap 2600
t_ok "600 + 1900 + 100 = 2600" wg fund apply "$case1" --worker $W1 --amount 100 --as-of 2026-03-05
t_fails "one fen more is not" wg fund apply "$case1" --worker $W1 --amount 0.01 --as-of 2026-03-05

t_fails "payment before approval is refused" wg fund pay "$a1" --as-of 2026-03-06
t_ok "approved: 600 of 1000" wg fund approve "$a1" --by 监察员 --as-of 2026-03-06
t_fails "2000 is more than the 400 left" wg fund approve "$a2" --as-of 2026-03-06
t_ok "another top-up" wg fund topup 3301 1600 --source other --as-of 2026-03-06
t_ok "exactly the 2000 left is approved" wg fund approve "$a2" --as-of 2026-03-06
t_fails "nothing is left for the next" wg fund approve "$a3" --as-of 2026-03-06
t_fails "a rejection needs a reason" wg fund reject "$a3" --as-of 2026-03-06
t_ok "rejected with a reason" wg fund reject "$a3" --reason 已由总包垫付 --as-of 2026-03-06
t_ok "paid" wg fund pay "$a1" --as-of 2026-03-07
t_ok "paid" wg fund pay "$a2" --as-of 2026-03-07
t_fails "paid once" wg fund pay "$a2" --as-of 2026-03-08
t_eq "the fund's statement" "balance=0.00 topups=2600.00 advanced=2600.00 recovered=0.00 written_off=0.00 outstanding=2600.00" "$(st 3301)"
t_eq "the statement as of the first day" "balance=1000.00 topups=1000.00 advanced=0.00 recovered=0.00 written_off=0.00 outstanding=0.00" \
	"$(wg fund statement 3301 --as-of 2026-03-01 --json | node -e 'const j=JSON.parse(require("fs").readFileSync(0));console.log(["balance","topups","advanced","recovered","written_off","outstanding"].map(k=>k+"="+j[k]).join(" "))')"
t_ok "the advances are in the ledger" sh -c "'$WG_BIN' ledger log --kind fund | grep -q advance"

t_fails "more than is outstanding cannot be recovered" wg fund recover "$case1" 2600.01 --as-of 2026-03-10
t_ok "part recovered from the employer" wg fund recover "$case1" 1000 --as-of 2026-03-10
t_fails "a write-off needs a reason" wg fund writeoff "$case1" 100 --as-of 2026-03-11
t_ok "part written off" wg fund writeoff "$case1" 100 --reason 用人单位注销 --as-of 2026-03-11
t_eq "the case's statement" "advanced=2600.00 recovered=1000.00 written_off=100.00 outstanding=1500.00" "$(st --case "$case1")"
t_eq "the employer's statement" "advanced=2600.00 recovered=1000.00 written_off=100.00 outstanding=1500.00" "$(st --employer $C)"
t_eq "the fund's balance took the recovery back" "balance=1000.00 topups=2600.00 advanced=2600.00 recovered=1000.00 written_off=100.00 outstanding=1500.00" "$(st 3301)"
# the case closes by mediation: the employer pays, the fund recovers the rest by itself
t_ok "the case closes by mediation" wg case close "$case1" --outcome mediation --amount 9000 --on 2026-03-20
t_eq "the rest is recovered on settlement" "advanced=2600.00 recovered=2500.00 written_off=100.00 outstanding=0.00" "$(st --case "$case1")"
t_fails "a closed case takes no application" wg fund apply "$case1" --worker $W2 --amount 1 --as-of 2026-03-21
t_eq "conservation: balance = topups - advanced + recovered" "balance=2500.00 topups=2600.00 advanced=2600.00 recovered=2500.00 written_off=100.00 outstanding=0.00" "$(st 3301)"

t_ok "statement as CSV" wg fund statement 3301 --as-of 2026-12-31 -o "$T_DIR/s.csv"
t_grep "the CSV lists the movements" "advance" "$T_DIR/s.csv"
t_ok "statement as XLSX" wg fund statement 3301 --as-of 2026-12-31 -o "$T_DIR/s.xlsx"
t_ok "the XLSX is a zip" sh -c "head -c 2 '$T_DIR/s.xlsx' | grep -q PK"
t_ok "statement of the case as PDF" wg fund statement --case "$case1" --as-of 2026-12-31 -o "$T_DIR/s.pdf"
t_ok "the PDF is a PDF" sh -c "head -c 5 '$T_DIR/s.pdf' | grep -q '%PDF'"
t_ok "applications listed" sh -c "'$WG_BIN' fund applications 3301 --json | grep -q '\"status\":\"rejected\"'"
t_ok "the ledger is intact" wg ledger verify
t_done
