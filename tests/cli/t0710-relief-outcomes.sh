#!/bin/bash
# t0710 — relief's outcomes (SPEC §11), each path from intake to closure: paid (payments
# through the case, ledgered, with receipt codes), mediation, order to pay (a numbered
# 限期改正指令书, met or found ignored with the surcharge), decision, arbitration, police, no
# violation; joint liability (Arts 29–31, 36) with hand-computed amounts; complaints and
# payroll disputes becoming cases.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$B/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"
done
wg import calendar "$FIX/relief/calendar.csv" >/dev/null 2>&1 || echo "load calendar failed" >>"$T_DIR/load.err"
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"
SUB=91330100MA2AAAAA3L GC=91330100MA2AAAAA2H OWNER=91330100MA2AAAAA1E
W1=51012219850315001X W2=510122198503150028 W3=510122198503150036
field() { sed -n "s/^  \"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1"; }
opened() { wg case open --channel hotline --received 2026-03-02 "$@"; }

# paid: payments through the case, ledgered
p=$(opened --employer "$SUB" --project HZ000001 --worker $W1:3500 --worker $W2:1500)
t_fails "a case is not closed before it is accepted" wg case close "$p" --outcome paid --on 2026-03-03
t_ok "accept" wg case accept "$p" --on 2026-03-03
r1=$(wg case pay "$p" --worker $W1:2000 --on 2026-03-10 --txn BANK-1)
t_ok "a payment through the case prints its receipt code" sh -c "echo '$r1' | grep -Eq '^[0-9]+-1-[0-9a-f]{16}$'"
t_ok "... which checks against the ledger" wg ledger check "$r1"
t_fails "no payment of more than is still owed to the worker" wg case pay "$p" --worker $W1:1500.01 --on 2026-03-10
t_fails "no payment to someone who is not a complainant" wg case pay "$p" --worker $W3:10 --on 2026-03-10
t_fails "closing as paid needs the claims paid in full" wg case close "$p" --outcome paid --on 2026-03-11
wg case pay "$p" --worker $W1:1500 --on 2026-03-11 >/dev/null
wg case pay "$p" --worker $W2:1500 --on 2026-03-11 >/dev/null
t_ok "paid in full, the case closes as paid" wg case close "$p" --outcome paid --on 2026-03-12
wg case show "$p" --json >"$T_DIR/paid.json"
t_eq "... status closed" "closed" "$(field "$T_DIR/paid.json" status)"
t_eq "... outcome paid" "paid" "$(field "$T_DIR/paid.json" outcome)"
t_eq "... 5000.00 paid" "5000.00" "$(field "$T_DIR/paid.json" paid)"
t_eq "... substantiated on the closing day (SPEC §9)" "2026-03-12" "$(field "$T_DIR/paid.json" substantiated)"
t_eq "... concluded in time" "true" "$(field "$T_DIR/paid.json" concluded_in_time)"
t_grep "... the timeline names each payment with its receipt" "$r1" "$T_DIR/paid.json"
t_nogrep "... with the worker's ID number masked" "$W1" "$T_DIR/paid.json"
t_ok "the ledger is intact with the case payments" wg ledger verify
t_fails "a closed case takes no payment" wg case pay "$p" --worker $W1:1 --on 2026-03-13
t_fails "a closed case is not closed again" wg case close "$p" --outcome no_violation --on 2026-03-13

# mediation
m=$(opened --employer "$GC" --project HZ000001 --worker $W3:900)
wg case accept "$m" --on 2026-03-03
t_fails "a mediation agreement needs its amount" wg case close "$m" --outcome mediation --on 2026-03-20
t_ok "closed by mediation with an amount" wg case close "$m" --outcome mediation --on 2026-03-20 --amount 800
wg case show "$m" --json >"$T_DIR/med.json"
t_eq "... the agreed amount is kept" "800.00" "$(field "$T_DIR/med.json" agreed)"
t_eq "... and substantiates the case" "2026-03-20" "$(field "$T_DIR/med.json" substantiated)"

# order to pay, ignored
wg config set relief.prefix.3301 杭人社监 >/dev/null
o=$(opened --employer "$SUB" --project HZ000002 --region 330108 --worker $W1:6000 --worker $W3:4000)
wg case accept "$o" --on 2026-03-03
t_fails "an order needs a deadline after its day of issue" wg case order "$o" --on 2026-03-05 --deadline 2026-03-05
doc=$(wg case order "$o" --on 2026-03-05 --deadline 2026-03-20)
t_eq "the order to pay gets the region's first number of the year" "杭人社监令〔2026〕1号" "$doc"
t_fails "one order per case" wg case order "$o" --on 2026-03-06 --deadline 2026-03-25
wg case show "$o" --json >"$T_DIR/ord.json"
t_eq "... issuing it substantiates the case" "2026-03-05" "$(field "$T_DIR/ord.json" substantiated)"
t_grep "... the order is listed with its deadline" '"deadline": "2026-03-20"' "$T_DIR/ord.json"
t_fails "an order is not found ignored on its deadline day" wg case ignored "$o" --on 2026-03-20
wg case pay "$o" --worker $W3:1000 --on 2026-03-15 >/dev/null
wg config set relief.surcharge_percent 80 >/dev/null
t_ok "after the deadline the regulator finds it ignored" wg case ignored "$o" --on 2026-03-23
wg case show "$o" --json >"$T_DIR/ign.json"
t_grep "... the surcharge is 80% of the 9000.00 still owed" '"surcharge": "7200.00"' "$T_DIR/ign.json"
t_grep "... the order's status is ignored" '"status": "ignored"' "$T_DIR/ign.json"
t_grep "... the timeline records it" '"kind": "order_ignored"' "$T_DIR/ign.json"
t_fails "an order is found ignored once" wg case ignored "$o" --on 2026-03-24
t_ok "the ignored order still leads to a decision" wg case close "$o" --outcome decision --on 2026-04-10
wg case show "$o" --json >"$T_DIR/dec.json"
t_grep "... the decision is a numbered document of its own kind" '"number": "杭人社监决〔2026〕1号"' "$T_DIR/dec.json"
t_eq "... decided amount: what is still owed" "9000.00" "$(field "$T_DIR/dec.json" agreed)"

# an order met
o2=$(opened --employer "$SUB" --project HZ000002 --region 330108 --worker $W2:700)
wg case accept "$o2" --on 2026-03-03
t_eq "the next order of the region and year is number 2 (no gap)" "杭人社监令〔2026〕2号" "$(wg case order "$o2" --on 2026-03-05 --deadline 2026-03-20)"
wg case pay "$o2" --worker $W2:700 --on 2026-03-18 >/dev/null
t_fails "an order paid in full cannot be found ignored" wg case ignored "$o2" --on 2026-03-23
t_ok "closed as paid" wg case close "$o2" --outcome paid --on 2026-03-23
t_grep "... the order was met" '"status": "met"' <(wg case show "$o2" --json)
o3=$(opened --employer "$GC" --project HZ000001 --worker $W2:700)
wg case accept "$o3" --on 2026-03-03
t_eq "a prefix configured for the city (3301) is one issuer: its districts share the sequence" "杭人社监令〔2026〕3号" "$(wg case order "$o3" --on 2026-03-05 --deadline 2026-03-20)"
t_fails "a prefix key needs a region code" wg config set relief.prefix.99 X
wg config set relief.prefix.330102 上城人社监 >/dev/null
o4=$(opened --employer "$GC" --project HZ000001 --worker $W3:700)
wg case accept "$o4" --on 2026-03-03
t_eq "a district's own prefix is its own issuer with its own sequence" "上城人社监令〔2026〕1号" "$(wg case order "$o4" --on 2026-03-05 --deadline 2026-03-20)"

# arbitration, police, no violation: closed, not substantiated
for outcome in arbitration police no_violation; do
	c=$(opened --employer "$GC" --project HZ000002 --worker $W3:100)
	wg case accept "$c" --on 2026-03-03
	t_ok "closed by $outcome" wg case close "$c" --outcome "$outcome" --on 2026-03-30
	wg case show "$c" --json >"$T_DIR/$outcome.json"
	t_eq "... $outcome does not substantiate the case" "null" "$(field "$T_DIR/$outcome.json" substantiated)"
done
t_grep "a referral to arbitration is a numbered letter" '"kind": "referral_arbitration"' "$T_DIR/arbitration.json"
t_grep "a referral to the police is a numbered letter" '"kind": "referral_police"' "$T_DIR/police.json"
t_fails "an unknown outcome is refused" wg case close "$o4" --outcome settled --on 2026-03-30
wg case close "$o3" --outcome decision --on 2026-03-30

# joint liability, by hand
l1=$(opened --employer "$SUB" --project HZ000001 --worker $W1:3500)
wg case accept "$l1" --on 2026-03-03
wg case pay "$l1" --worker $W1:500 --on 2026-03-04 >/dev/null
wg case liability "$l1" --json | tr -d ' \n' >"$T_DIR/l1.json"
t_grep "Art 30: the general contractor pays the subcontractor's 3000.00 first and recovers them" "{\"uscc\":\"$GC\",\"name\":\"浙江宏达建设集团有限公司\",\"role\":\"general_contractor\",\"owes\":\"3000.00\",\"recovery_from\":\"$SUB\"" "$T_DIR/l1.json"
t_grep "... the subcontractor remains the debtor of 3000.00" "{\"uscc\":\"$SUB\",\"name\":\"杭州鑫盛劳务分包有限公司,二分公司\",\"role\":\"employer\",\"owes\":\"3000.00\",\"recovery_from\":null" "$T_DIR/l1.json"
wg case liability "$l1" --issue --on 2026-03-05 --deadline 2026-03-20 >"$T_DIR/lorders.txt"
t_grep "the split's orders: one to the general contractor for 3000.00" "$GC	general_contractor	3000.00" "$T_DIR/lorders.txt"
t_grep "... and one to the subcontractor, which has no order of its own yet" "$SUB	employer	3000.00" "$T_DIR/lorders.txt"
ldoc=$(head -1 "$T_DIR/lorders.txt" | cut -f1)
t_ok "... numbered documents of their own kind" sh -c "echo '$ldoc' | grep -q '责〔2026〕'"
wg document show "$ldoc" -o "$T_DIR/lorder.html"
t_grep "... stating the rule behind the amount" "第三十条" "$T_DIR/lorder.html"
t_grep "... and the records" "subcontract of $SUB on HZ000001" "$T_DIR/lorder.html"
t_fails "the orders need a deadline after their day" wg case liability "$l1" --issue --on 2026-03-05 --deadline 2026-03-05
l2=$(opened --employer "$SUB" --project HZ000002 --worker $W1:1200)
wg case liability "$l2" --json | tr -d ' \n' >"$T_DIR/l2.json"
t_grep "Art 36: no registered subcontract — the contractor pays 1200.00" "\"role\":\"general_contractor\",\"owes\":\"1200.00\",\"recovery_from\":\"$SUB\",\"basis\":\"Art36" "$T_DIR/l2.json"
t_nogrep "... and the unqualified unit gets no order of its own" "\"role\":\"employer\"" "$T_DIR/l2.json"
l3=$(opened --employer "$GC" --project HZ000002 --worker $W2:3000000)
wg case liability "$l3" --json | tr -d ' \n' >"$T_DIR/l3.json"
t_grep "no NO_LABOR_COST warning: the contractor, the employer, owes everything" "\"role\":\"employer\",\"owes\":\"3000000.00\"" "$T_DIR/l3.json"
t_nogrep "... the construction unit owes nothing" "construction_unit" "$T_DIR/l3.json"
t_sql "INSERT INTO warnings(rule, project_id, employer_id, person_id, period, region, level, amount, overdue_days, days, first_seen, last_seen, resolved_on, scan) SELECT 'NO_LABOR_COST', id, owner_id, 0, 24315, 330108, 0, 100000, 5, 0, 20609, 20609, NULL, 1 FROM projects WHERE code='HZ000002'"
l4=$(wg case open --channel hotline --received 2026-06-10 --employer "$GC" --project HZ000002 --worker $W3:3000000)
wg case liability "$l4" --json | tr -d ' \n' >"$T_DIR/l4.json"
t_grep "Art 29: after a NO_LABOR_COST warning the construction unit advances up to the unsettled 2800000.50 - 50000.00" "{\"uscc\":\"$OWNER\",\"name\":\"杭州城投置业有限公司\",\"role\":\"construction_unit\",\"owes\":\"2750000.50\",\"recovery_from\":\"$GC\"" "$T_DIR/l4.json"
t_grep "... the employer owes the rest, 3000000.00 - 2750000.50" "\"role\":\"employer\",\"owes\":\"249999.50\"" "$T_DIR/l4.json"
t_grep "... showing the warning behind the amount" "NO_LABOR_COSTfirstseen2026-06-05" "$T_DIR/l4.json"
wg case liability "$l3" --json | tr -d ' \n' >"$T_DIR/l3b.json"
t_nogrep "a warning first seen after the case's receipt does not shift it" "construction_unit" "$T_DIR/l3b.json"

# complaints and disputes become cases
t_ok "a worker's dispute is recorded" wg payroll dispute $W2 2026-05 --project HZ000001 --reason "少算两天工资" --amount 700
wg case list --channel dispute --json >"$T_DIR/disp.json"
t_grep "... and opened a case against the payroll's employer" "\"employer\": \"$GC\"" "$T_DIR/disp.json"
t_grep "... claiming the disputed amount" '"claimed": "700.00"' "$T_DIR/disp.json"
t_eq "... the confirmation row names its case" "1" "$(t_sql "SELECT count(*) FROM confirmations WHERE case_status LIKE 'C%'")"
t_ok "a dispute of a worker on an open case against the same employer and project" wg payroll dispute $W1 2026-05 --project HZ000001 --reason "少算" --amount 680
t_eq "... joins that case: its claim is added to the restated one (3500.00 + 680.00)" "4180.00" "$(wg case show "$l1" --json | field /dev/stdin claimed)"
t_sql "INSERT INTO complaints(region, channel, name, phone, id_number, project_code, employer, claimed, description, received_on, status) VALUES(330102, 'web', '王强', NULL, '$W3', 'HZ000001', NULL, 50000, '工资拖欠', 20515, 'received')"
t_sql "INSERT INTO complaints(region, channel, name, phone, id_number, project_code, employer, claimed, description, received_on, status) VALUES(0, 'web', '某人', NULL, NULL, NULL, '某公司', 100, '工资拖欠', 20515, 'received')"
wg case adopt 2>"$T_DIR/adopt.txt"
t_grep "a stored complaint is taken into a case" "1 waiting complaint taken into cases" "$T_DIR/adopt.txt"
t_eq "... against its project's contractor" "$GC" "$(t_sql "SELECT c.employer FROM cases c JOIN complaint_cases k ON k.case_number=c.number")"
t_eq "a complaint naming no respondent the platform can tell keeps waiting" "received" "$(t_sql "SELECT status FROM complaints WHERE name='某人'")"
t_done
