#!/bin/bash
# t0910 — the dishonest-employer list (SPEC §9, Order 45): proposal on its grounds after the
# payment deadline, prior notice with the statement period in working days (the deadline
# day itself in time), decision, grade D while listed, the public list, LISTED_EMPLOYER
# exactly as SPEC §9 states it, early removal 6 months after full payment (not a day
# before), the 3-year term, referrals from other systems, and the classified-supervision
# due list.
. "$(dirname "$0")/../lib.sh"
export WAGEGUARD_TEST_LINKS=1
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$FIX/basic/$k.csv" >/dev/null 2>>"$T_DIR/load.err" || echo "load $k failed" >>"$T_DIR/load.err"
done
printf 'date,kind\n2026-07-20,holiday\n' >"$T_DIR/cal.csv"
wg import calendar "$T_DIR/cal.csv" >/dev/null 2>>"$T_DIR/load.err" || echo "load cal failed" >>"$T_DIR/load.err"
t_nogrep "the data loads" "failed" "$T_DIR/load.err"
E1=91330100MA2AAAAA1E E2=91330100MA2AAAAA2H E3=91330100MA2AAAAA3L

# proposal
t_fails "criminal_threshold needs a recorded CRIMINAL_THRESHOLD warning" \
	wg list propose "$E2" --grounds criminal_threshold --deadline 2026-07-10 --on 2026-07-15
t_fails "a mass incident needs its facts" \
	wg list propose "$E2" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15
t_fails "a payment deadline not yet passed is no ground" \
	wg list propose "$E2" --grounds mass_incident --deadline 2026-07-15 --on 2026-07-15 --reason x
t_fails "other grounds are refused" \
	wg list propose "$E2" --grounds late --deadline 2026-07-10 --on 2026-07-15 --reason x
t_fails "an unregistered enterprise cannot be proposed" \
	wg list propose 91330100MA2CR0001C --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15 --reason x
t_fails "without a legal representative on record one must be named" \
	wg list propose "$E3" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15 --reason x
wg list propose "$E2" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15 \
	--reason "拖欠 36 名农民工工资引发群体性事件" --amount 420000 --workers 36 \
	--responsible 张三 --responsible 赵四 --json >"$T_DIR/p1.json" 2>&1
t_cmp "a proposal is opened" <(echo '{"id":1,"status":"proposed"}') "$T_DIR/p1.json"
t_fails "a second procedure while one is under way is refused" \
	wg list propose "$E2" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-16 --reason x
t_fails "no decision before the prior notice" wg list decide 1 --list --on 2026-07-30
t_fails "no statement before the notice" wg list statement 1 --text x --on 2026-07-16

# notice: 5 working days strictly after Thursday 2026-07-16, Monday 07-20 a holiday
wg list notify 1 --on 2026-07-16 --json >"$T_DIR/n1.json"
t_cmp "the statement period ends on the 5th working day after the notice" \
	<(echo '{"id":1,"status":"notified","statement_due":"2026-07-24"}') "$T_DIR/n1.json"
t_fails "no decision on the last day of the statement period" wg list decide 1 --list --on 2026-07-24
t_ok "a decision the day after" wg list decide 1 --list --on 2026-07-25 --note "决定列入"
t_fails "a decision is taken once" wg list decide 1 --reject --on 2026-07-26

score() { wg credit show "$1" --as-of "$2" --json | sed 's/.*"score":\([-0-9]*\),"grade":"\(.\)","listed":\([a-z]*\).*/\1 \2 \3/'; }
t_eq "listed: grade D whatever the score" "100 D true" "$(score "$E2" 2026-07-25)"
t_eq "the day before the decision: not listed" "100 A false" "$(score "$E2" 2026-07-24)"
wg list show --as-of 2026-08-01 --json >"$T_DIR/pub.json"
t_grep "the public list names the enterprise, its legal representative and responsible persons" \
	"\"uscc\":\"$E2\",\"name\":\"浙江宏达建设集团有限公司\",\"region\":330106,\"state\":\"listed\",\"status\":\"listed\",\"grounds\":\"mass_incident\",\"legal_rep\":\"李明\",\"responsible\":[\"张三\",\"赵四\"],\"amount\":\"420000.00\",\"workers\":36" "$T_DIR/pub.json"
t_grep "listed for 3 years" '"listed_on":"2026-07-25","expires_on":"2029-07-25"' "$T_DIR/pub.json"
wg list show --as-of 2026-07-24 --json >"$T_DIR/pub0.json"
t_grep "before the decision the public list is empty" '"listings":[]' "$T_DIR/pub0.json"

# LISTED_EMPLOYER: projects started on or after the listing's day with it as contractor or
# subcontractor
cat >"$T_DIR/projects.csv" <<EOF
code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date,end_date
HZ000003,新建项目甲,330106,housing,$E1,$E2,9000000,2026-08-01,
HZ000004,新建项目乙,330106,municipal,$E1,$E1,5000000,2026-07-25,
HZ000005,早先项目丙,330106,housing,$E1,$E2,5000000,2026-07-24,
EOF
printf 'project_code,subcontractor_uscc,contract_value,start_date,end_date\nHZ000004,%s,1000000,2026-08-01,\n' "$E2" >"$T_DIR/sub.csv"
wg import projects "$T_DIR/projects.csv" >/dev/null 2>&1
wg import subcontracts "$T_DIR/sub.csv" >/dev/null 2>&1
wg scan --as-of 2026-07-31 --no-record 2>/dev/null | grep LISTED_EMPLOYER >"$T_DIR/l0"
wg scan --as-of 2026-08-05 2>/dev/null | grep LISTED_EMPLOYER >"$T_DIR/l1"
cat >"$T_DIR/l1.want" <<EOF
{"rule":"LISTED_EMPLOYER","level":"red","project":"HZ000003","employer":"$E2","worker":null,"period":null,"amount":"0.00","overdue_days":0,"days":0}
{"rule":"LISTED_EMPLOYER","level":"red","project":"HZ000004","employer":"$E2","worker":null,"period":null,"amount":"0.00","overdue_days":0,"days":0}
EOF
t_cmp "LISTED_EMPLOYER: as contractor and as subcontractor, not for a project started before the listing" "$T_DIR/l1.want" "$T_DIR/l1"
t_eq "as of 2026-07-31 HZ000003 had not started; HZ000004 had no listed party yet" "" "$(cat "$T_DIR/l0")"
t_eq "the warnings are stored by name, red" "2" "$(t_sql "SELECT count(*) FROM warnings WHERE rule='LISTED_EMPLOYER' AND level=2")"

# early removal: 6 months after full payment, with a written commitment
t_fails "removal needs a written commitment" wg list remove 1 --paid-on 2026-08-15 --on 2027-02-15
t_fails "removal needs the day of full payment" wg list remove 1 --commitment 承诺 --on 2027-02-15
t_fails "6 months minus one day after full payment: refused" \
	wg list remove 1 --paid-on 2026-08-15 --commitment 承诺按时足额支付工资 --on 2027-02-14
t_ok "exactly 6 months: removed" \
	wg list remove 1 --paid-on 2026-08-15 --commitment 承诺按时足额支付工资 --on 2027-02-15
t_eq "listed the day before removal" "95 D true" "$(score "$E2" 2027-02-14)"
t_eq "not listed from the removal (credit repaired to its score's grade)" "95 A false" "$(score "$E2" 2027-02-15)"
wg scan --as-of 2027-02-20 2>/dev/null | grep -c LISTED_EMPLOYER >"$T_DIR/l2"
t_eq "LISTED_EMPLOYER stops after the removal" 0 "$(cat "$T_DIR/l2")"
t_eq "and the stored warnings are resolved" 2 "$(t_sql "SELECT count(*) FROM warnings WHERE rule='LISTED_EMPLOYER' AND resolved_on IS NOT NULL")"

# a statement within the period lets the regulator decide at once; the 3-year term
wg list propose "$E3" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15 --reason 群体性事件 --legal-rep 陈五 >/dev/null
wg list notify 2 --on 2026-07-16 >/dev/null
t_ok "a statement on the last day of the period is in time" wg list statement 2 --text 已筹措资金 --on 2026-07-24
t_ok "with the statement in, the decision may be taken that day" wg list decide 2 --list --on 2026-07-24
t_eq "in force on the last day of 3 years" 1 "$(wg list show --as-of 2029-07-23 --json | grep -o "\"uscc\":\"$E3\"" | wc -l)"
t_eq "off the list when 3 years are over" 0 "$(wg list show --as-of 2029-07-24 --json | grep -o "\"uscc\":\"$E3\"" | wc -l)"
t_grep "its file shows the term over" '"state":"expired"' <(wg list show "$E3" --as-of 2029-07-24 --json)

# a late statement is refused; a rejection
wg list propose "$E1" --grounds mass_incident --deadline 2026-07-10 --on 2026-07-15 --reason x >/dev/null
wg list notify 3 --on 2026-07-16 >/dev/null
t_fails "a statement after the period is refused" wg list statement 3 --text late --on 2026-07-27
t_ok "the regulator may reject" wg list decide 3 --reject --on 2026-07-27
t_eq "a rejected proposal lists nobody" "100 A false" "$(score "$E1" 2026-08-01)"

# a referral from another system (an ignored order, through links_emit)
t_ok "a referral opens a proposal" wg credit emit list.propose "$E1" --ref 杭人社监令〔2026〕15号 --on 2026-08-10 --reason 逾期未支付
t_ok "the same referral again adds nothing" wg credit emit list.propose "$E1" --ref 杭人社监令〔2026〕16号 --on 2026-08-11
wg list show "$E1" --json >"$T_DIR/e1.json"
t_eq "one proposal from the referrals" 1 "$(grep -o '"status":"proposed"' "$T_DIR/e1.json" | wc -l)"
t_grep "with its source and grounds for the regulator to examine" '"grounds":"referral"' "$T_DIR/e1.json"
t_grep "and the order it came from" '"source":"杭人社监令〔2026〕15号"' "$T_DIR/e1.json"

# an overdue rectification order referred with its grounds; an employer known only by name
t_ok "a referral naming its grounds" wg credit emit list.propose 91330100MA2CR0005Q --ref 杭人社监整〔2026〕3号 --on 2026-08-10 --region 330106 --reason rectify.overdue.mass_incident
wg list show 91330100MA2CR0005Q --json >"$T_DIR/e5.json"
t_grep "keeps them" '"grounds":"mass_incident"' "$T_DIR/e5.json"
t_grep "and the emitter's region for an enterprise not registered" '"region":330106' "$T_DIR/e5.json"
t_ok "an employer known by name only: accepted, nothing recorded" wg credit emit case.substantiated 某某劳务队 --ref C-X --on 2026-08-10
t_eq "no file for a name" 0 "$(t_sql "SELECT count(*) FROM credit_events WHERE uscc='某某劳务队'")"

# classified supervision: nobody inspected yet, so everyone is due, by grade interval
wg credit due --as-of 2026-08-01 --json >"$T_DIR/due.json"
t_grep "the listed enterprise is grade D: every month" \
	"{\"uscc\":\"$E2\",\"name\":\"浙江宏达建设集团有限公司\",\"region\":330106,\"score\":100,\"grade\":\"D\",\"listed\":true,\"interval_months\":1,\"last_inspection\":null,\"due_on\":null}" "$T_DIR/due.json"
t_grep "an A enterprise every 12 months" "\"uscc\":\"$E1\",\"name\":\"杭州城投置业有限公司\",\"region\":330102,\"score\":100,\"grade\":\"A\",\"listed\":false,\"interval_months\":12" "$T_DIR/due.json"
t_eq "a region's due list" 1 "$(wg credit due --as-of 2026-08-01 --region 330102 --json | grep -o '"uscc"' | wc -l)"
# the credit report (信用报告)
wg credit report "$E2" --as-of 2027-03-01 -o "$T_DIR/report.html" 2>"$T_DIR/report.err"
t_grep "the credit report is Chinese HTML" "企业工资支付信用报告" "$T_DIR/report.html"
t_grep "with the grade's history: listed" "列入失信联合惩戒名单：A → D" "$T_DIR/report.html"
t_grep "and removed" "移出失信联合惩戒名单：D → A" "$T_DIR/report.html"
t_grep "its events with their sources" "HZ000002/2026-05" "$T_DIR/report.html"
wg credit report "$E2" -o "$T_DIR/report.pdf" 2>/dev/null
t_eq "and a PDF" "%PDF" "$(head -c 4 "$T_DIR/report.pdf")"
t_ok "the maintained files equal their rebuild" wg credit rebuild --check
t_done
