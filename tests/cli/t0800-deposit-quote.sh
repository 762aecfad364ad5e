#!/bin/bash
# t0800 — the deposit quote of SPEC §7 (must) at every boundary: contract value exactly
# 3,000,000.00 and one fen less; a red UNPAID warning first raised just inside and just
# outside the 1-, 2- and 3-year windows (D − n years, D]; history of exactly 2 and 3 years;
# violations in 3 years; the region's rate (longest prefix wins, 1–3%), cap and industries.
. "$(dirname "$0")/../lib.sh"
C=91330100MA2AAAAA2H O=91330100MA2AAAAA1E
D=2026-06-01
q() { wg deposit quote "$1" --as-of $D --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);const f=j.factors.find(x=>x.factor==="multiplier");console.log([j.amount,j.multiplier,j.exempt,String(j.reason),f.rule].join(" "))})'; }
# setup P0_START [UNPAID_SCAN_DAY] [no-allocation]: a contractor with an old project P0 (its
# history), the two quoted projects, and optionally one unpaid payroll line on P0 scanned on
# UNPAID_SCAN_DAY (first raised then, red: 100+ days overdue)
setup() {
	t_db_reset
	cat >"$T_DIR/e.csv" <<CSV
uscc,name,region_code
$O,业主,330102
$C,总包,330106
CSV
	cat >"$T_DIR/p.csv" <<CSV
code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date
P0,旧项目,330106,housing,$O,$C,80000000,$1
P1,三百万整,330106,housing,$O,$C,3000000.00,2026-05-01
P2,差一分,330106,housing,$O,$C,2999999.99,2026-05-01
CSV
	wg import enterprises "$T_DIR/e.csv" >/dev/null 2>&1 && wg import projects "$T_DIR/p.csv" >/dev/null 2>&1 || echo "setup failed"
	if [ -n "${2:-}" ]; then
		printf 'id_number,name,bank_card,bank_code\n510122198503150028,李娜,6217001234567890,CCB\n' >"$T_DIR/w.csv"
		printf 'project_code,id_number,employer_uscc,team,trade,wage_type,wage_rate,start_date\nP0,510122198503150028,%s,A,B,daily,300,2023-01-01\n' $C >"$T_DIR/em.csv"
		printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nP0,%s,2023-01,510122198503150028,10,3000,0,3000,2023-02-15\n' $C >"$T_DIR/pr.csv"
		printf 'txn_id,project_code,date,amount\nA1,P0,2023-01-05,100000\n' >"$T_DIR/al.csv"
		wg import workers "$T_DIR/w.csv" >/dev/null 2>&1
		wg import employments "$T_DIR/em.csv" >/dev/null 2>&1
		wg import payroll "$T_DIR/pr.csv" >/dev/null 2>&1
		[ "${3:-}" = no-allocation ] || wg import allocations "$T_DIR/al.csv" >/dev/null 2>&1
		wg scan --as-of "$2" >/dev/null 2>&1
	fi
}

setup 2025-01-01
t_eq "3,000,000.00 is not small: base rate, m 1" "60000.00 1.0 false null base" "$(q P1)"
t_eq "2,999,999.99 with no arrears in a year: exempt" "0.00 0.0 true small_contract small_contract" "$(q P2)"
t_ok "quote prints one JSON object" sh -c "\"$WG_BIN\" deposit quote P1 --as-of $D --json | node -e 'JSON.parse(require(\"fs\").readFileSync(0))'"
wg deposit quote P1 --as-of $D --json >"$T_DIR/q.json"
for k in '"project":"P1"' '"contractor":"'$C'"' '"contract_value":"3000000.00"' '"rate":"0.02"' '"multiplier":"1.0"' '"exempt":false' '"reason":null' '"amount":"60000.00"' '"factors":['; do
	t_grep "quote JSON has $k" "$k" "$T_DIR/q.json"
done
t_fails "an unknown project is refused" wg deposit quote NOPE --as-of $D

# history: the earliest project start <= D - n years
setup 2024-06-01
t_eq "history of exactly 2 years: m 0.5" "30000.00 0.5 false null clean_2y" "$(q P1)"
setup 2024-06-02
t_eq "one day short of 2 years: m 1" "60000.00 1.0 false null base" "$(q P1)"
setup 2023-06-01
t_eq "history of exactly 3 years, clean: exempt" "0.00 0.0 true clean_record clean_record" "$(q P1)"
setup 2023-06-02
t_eq "one day short of 3 years: m 0.5" "30000.00 0.5 false null clean_2y" "$(q P1)"

# arrears windows (D - n years, D]: a red UNPAID warning first raised on the scan day
setup 2023-01-01 2025-06-02
t_eq "arrears just inside 1 year: P1 m 1.5" "90000.00 1.5 false null arrears_2y" "$(q P1)"
t_eq "arrears just inside 1 year: the small contract is not exempt (half up)" "90000.00 1.5 false null arrears_2y" "$(q P2)"
wg deposit quote P1 --as-of $D --json >"$T_DIR/q.json"
t_grep "the factor names the warning behind it" '"rule":"UNPAID","project":"P0"' "$T_DIR/q.json"
t_grep "with the worker masked" '"worker":"510122********0028"' "$T_DIR/q.json"
setup 2023-01-01 2025-06-01
t_eq "arrears just outside 1 year: the small contract is exempt" "0.00 0.0 true small_contract small_contract" "$(q P2)"
t_eq "but inside 2 years: P1 m 1.5" "90000.00 1.5 false null arrears_2y" "$(q P1)"
setup 2023-01-01 2024-06-02
t_eq "arrears just inside 2 years: m 1.5" "90000.00 1.5 false null arrears_2y" "$(q P1)"
setup 2023-01-01 2024-06-01
t_eq "arrears just outside 2 years, inside 3: not exempt, history 3 gives m 0.5" "30000.00 0.5 false null clean_2y" "$(q P1)"
setup 2023-01-01 2023-06-01
t_eq "arrears just outside 3 years: exempt (clean record)" "0.00 0.0 true clean_record clean_record" "$(q P1)"
setup 2023-01-01 2023-06-02
t_eq "arrears just inside 3 years: no exemption" "30000.00 0.5 false null clean_2y" "$(q P1)"
# a violation (LOW_BALANCE: no allocation) in 3 years also stops the clean-record exemption;
# the warning is only orange, so it is no arrears
setup 2023-01-01 2023-03-01 no-allocation
wg deposit quote P1 --as-of $D --json >"$T_DIR/q.json"
t_grep "a yellow/orange warning is no arrears, LOW_BALANCE is a violation" '"factor":"violations","years":3,"after":"2023-06-01","through":"2026-06-01","value":' "$T_DIR/q.json"

# listed (credit, SPEC §9): m = 1 + 0.5 x [arrears in 2 years] + 1.0, before any exemption
list_c() {
	wg list propose $C --grounds mass_incident --deadline 2026-04-01 --on 2026-04-02 --reason 群体性事件 --legal-rep 李明 >/dev/null 2>&1
	wg list notify 1 --on 2026-04-02 >/dev/null 2>&1
	wg list decide 1 --list --on 2026-04-20 >/dev/null 2>&1
}
setup 2025-01-01
list_c
t_eq "listed: amount 3,000,000.00 x 0.02 x 2" "120000.00" "$(q P1 | cut -d' ' -f1)"
t_eq "listed: the small contract is not exempt" "120000.00 2.0 false null listed" "$(q P2)"
wg deposit quote P1 --as-of $D --json >"$T_DIR/q.json"
t_grep "the listing is a factor with its day" '"factor":"listed","value":true,"since":"2026-04-20"' "$T_DIR/q.json"
setup 2023-01-01 2025-06-02
list_c
t_eq "listed with arrears in 2 years: m 2.5" "150000.00 2.5 false null listed" "$(q P1)"

# configuration per region
setup 2025-01-01
t_fails "rate 0.031 is refused" wg config set deposit.rate 0.031
t_fails "rate 0.0099 is refused" wg config set deposit.rate 0.0099
t_fails "a bad region code is refused" wg config set deposit.3x.rate 0.02
t_ok "rate 0.03 for province 33" wg config set deposit.33.rate 0.03
t_eq "the province's rate applies" "90000.00 1.0 false null base" "$(q P1)"
t_ok "rate 0.01 for city 3301" wg config set deposit.3301.rate 0.01
t_eq "the longest prefix wins" "30000.00 1.0 false null base" "$(q P1)"
wg deposit quote P1 --as-of $D --json >"$T_DIR/q.json"
t_grep "the rate factor names its source" '"factor":"rate","value":"0.01","source":"deposit.3301.rate"' "$T_DIR/q.json"
t_ok "a cap" wg config set deposit.cap 25000
t_eq "the amount is at most the cap" "25000.00 1.0 false null base" "$(q P1)"
t_ok "industries of district 330106" wg config set deposit.330106.industries municipal,water
t_eq "housing needs no deposit there" "0.00 0.0 true industry_not_required industry_not_required" "$(q P1)"
t_fails "an unknown industry is refused" wg config set deposit.industries housing,farming
t_eq "config get shows the value" "municipal,water" "$(wg config get deposit.330106.industries)"
t_done
