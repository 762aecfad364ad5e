#!/bin/bash
# t1010 — inspections (SPEC §10): routine, complaint-driven, warning-driven and special; at
# least two inspectors of the region without a declared conflict; findings against the
# Decree 724 checklist; planned inspections completed later; the tasks red warnings open
# closed by their inspection; compliance rates per project and region from the findings.
. "$(dirname "$0")/../lib.sh"
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$FIX/basic/$k.csv" 2>/dev/null || echo "load $k failed" >>"$T_DIR/load.err"
done
t_ok "the fixtures load" test ! -s "$T_DIR/load.err"
for u in zhao li wang; do
	wg user add "$u" --role regulator --scope 3301 --password pw-long-enough-1 >/dev/null
done
wg user add pudong --role regulator --scope 3101 --password pw-long-enough-1 >/dev/null
E1=91330100MA2AAAAA1E E2=91330100MA2AAAAA2H E3=91330100MA2AAAAA3L

t_fails "one inspector is not enough (Art 16)" \
	wg inspection add --kind routine --target $E2 --inspector zhao --date 2026-11-05
t_fails "an inspector of another region is refused" \
	wg inspection add --kind routine --target $E2 --inspector zhao,pudong --date 2026-11-05
t_fails "an inspector named twice is refused" \
	wg inspection add --kind routine --target $E2 --inspector zhao,zhao --date 2026-11-05
t_fails "an unknown kind is refused" \
	wg inspection add --kind random --target $E2 --inspector zhao,li --date 2026-11-05
t_fails "an unregistered enterprise is refused" \
	wg inspection add --kind routine --target 91330100MA2AAAAA9X --inspector zhao,li --date 2026-11-05
t_fails "an unknown checklist item is refused" \
	wg inspection add --kind routine --target $E2 --inspector zhao,li --date 2026-11-05 --finding safety=yes
t_fails "a result other than yes, no, na is refused" \
	wg inspection add --kind routine --target $E2 --inspector zhao,li --date 2026-11-05 --finding real_name=maybe
t_fails "a date or a planned date is needed" \
	wg inspection add --kind routine --target $E2 --inspector zhao,li
wg inspector conflict li $E2 --reason "曾任该公司项目经理" --date 2026-11-01 >/dev/null
wg inspection add --kind routine --target $E2 --inspector zhao,li --date 2026-11-05 2>"$T_DIR/c.err"
t_eq "an inspector with a declared conflict may not inspect" 1 "$?"
t_grep "saying so" "conflict of interest" "$T_DIR/c.err"
t_ok "before the declaration the same inspector could" \
	wg inspection add --kind routine --target $E2 --inspector zhao,li --date 2026-10-30
t_ok "the conflict is withdrawn" wg inspector withdraw 1 --date 2026-11-10
t_ok "after the withdrawal he may inspect again" \
	wg inspection add --kind routine --target $E2 --inspector li,wang --date 2026-11-11

# findings: HZ000001 (330102) 2 yes 1 no 1 na; HZ000002 (330108) 3 yes 1 no
wg inspection add --kind routine --target $E2 --project HZ000001 --inspector zhao,wang --date 2026-11-20 \
	--finding real_name=yes --finding wage_account=yes --finding bank_card_pay=no:"两人工资由班组长代领" \
	--finding notice_board=na --note "现场检查" --json >"$T_DIR/a.json"
t_eq "add --json prints the inspection" "done routine HZ000001 330102" \
	"$(jq -r '"\(.status) \(.kind) \(.project) \(.region)"' "$T_DIR/a.json")"
t_eq "with its findings and notes" "no 两人工资由班组长代领" \
	"$(jq -r '.findings.bank_card_pay | "\(.result) \(.note)"' "$T_DIR/a.json")"
t_eq "and its inspectors" '["wang","zhao"]' "$(jq -c .inspectors "$T_DIR/a.json")"
wg inspection add --kind special --target $E2 --project HZ000002 --inspector zhao,li --planned 2026-11-25 --json >"$T_DIR/p.json"
P=$(jq -r .id "$T_DIR/p.json")
t_eq "a planned inspection" "planned 2026-11-25" "$(jq -r '"\(.status) \(.planned_on)"' "$T_DIR/p.json")"
t_fails "a planned inspection has no findings yet" \
	wg inspection add --kind special --target $E2 --inspector zhao,li --planned 2026-11-25 --finding deposit=no
t_ok "it is completed with its findings" wg inspection record "$P" --date 2026-11-26 \
	--finding real_name=yes --finding wage_account=yes --finding payroll_kept=yes --finding deposit=no
t_fails "and only once" wg inspection record "$P" --date 2026-11-27
wg inspection show "$P" --json >"$T_DIR/s.json"
t_eq "now done on its day with four findings" "done 2026-11-26 4" \
	"$(jq -r '"\(.status) \(.inspected_on) \(.findings | length)"' "$T_DIR/s.json")"
wg inspection compliance --by project --json >"$T_DIR/cp.json"
t_eq "compliance of HZ000001: 2 of 3 checked items (na not counted)" "66.7" \
	"$(jq -r '.rows[] | select(.key == "HZ000001") | .rate' "$T_DIR/cp.json")"
t_eq "compliance of HZ000002: 3 of 4" "75.0" \
	"$(jq -r '.rows[] | select(.key == "HZ000002") | .rate' "$T_DIR/cp.json")"
wg inspection compliance --by region --region 3301 --json >"$T_DIR/cr.json"
t_eq "per region: 330108 from HZ000002" "1 3 1 75.0" \
	"$(jq -r '.rows[] | select(.key == "330108") | "\(.inspections) \(.yes) \(.no) \(.rate)"' "$T_DIR/cr.json")"
t_eq "inspections without findings have no rate" "null" \
	"$(jq -r '.rows[] | select(.key == "330106") | .rate' "$T_DIR/cr.json")"

# complaint-driven: from a case (relief's link_case_get)
t_fails "a complaint inspection needs its case" \
	wg inspection add --kind complaint --target $E2 --inspector zhao,wang --date 2026-11-20
wg inspection add --kind complaint --case "NO-SUCH-CASE-1" --inspector zhao,wang --date 2026-11-20 2>"$T_DIR/case.err"
t_eq "an unknown case is refused" 1 "$?"
t_grep "naming it" "no case 'NO-SUCH-CASE-1'" "$T_DIR/case.err"
t_fails "only a complaint inspection names a case" \
	wg inspection add --kind routine --target $E2 --case X --inspector zhao,wang --date 2026-11-20

# warning-driven: the tasks red warnings open
wg scan --as-of 2026-09-30 >/dev/null 2>&1
wg inspection tasks --json >"$T_DIR/t.json"
t_eq "red warnings opened two tasks" 2 "$(jq '.tasks | length' "$T_DIR/t.json")"
T=$(jq -r '.tasks[] | select(.project == "HZ000002") | .id' "$T_DIR/t.json")
t_fails "a warning inspection needs its task" \
	wg inspection add --kind warning --inspector zhao,wang --date 2026-10-08
t_fails "an unknown task is refused" \
	wg inspection add --kind warning --task 999 --inspector zhao,wang --date 2026-10-08
wg inspection add --kind warning --task "$T" --inspector zhao,wang --date 2026-10-08 --finding real_name=yes --json >"$T_DIR/w.json"
t_eq "the target and project come from the warning" "$E2 HZ000002 $T" \
	"$(jq -r '"\(.uscc) \(.project) \(.task)"' "$T_DIR/w.json")"
wg inspection tasks --json >"$T_DIR/t2.json"
t_eq "the task is closed by the inspection" 1 "$(jq '.tasks | length' "$T_DIR/t2.json")"
wg inspection tasks --all --json >"$T_DIR/t3.json"
t_eq "and listed as done with --all" done "$(jq -r --arg t "$T" '.tasks[] | select(.id == ($t | tonumber)) | .status' "$T_DIR/t3.json")"
T1=$(jq -r '.tasks[] | select(.project == "HZ000001") | .id' "$T_DIR/t.json")
wg inspection add --kind warning --task "$T1" --inspector zhao,wang --date 2026-10-09 --json >"$T_DIR/w1.json"
t_eq "a warning without employer: the project's contractor" "$E2" "$(jq -r .uscc "$T_DIR/w1.json")"

# lists
wg inspection list --target $E2 --kind routine --json >"$T_DIR/l.json"
t_eq "filtered by target and kind, newest first" "2026-11-20 2026-11-11 2026-10-30" \
	"$(jq -r '[.inspections[].inspected_on] | join(" ")' "$T_DIR/l.json")"
wg inspection list --inspector li --json >"$T_DIR/li.json"
t_eq "filtered by inspector" 3 "$(jq '.inspections | length' "$T_DIR/li.json")"
wg inspection list >"$T_DIR/l.txt"
t_grep "a table for people" "HZ000001" "$T_DIR/l.txt"
t_done
