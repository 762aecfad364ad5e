#!/bin/bash
# t1030 — campaigns (SPEC §10): the winter campaign's dates from the calendar's festival row,
# scope of regions and industries, the target list from open warnings and projects due for
# settlement (open cases and C/D grades come from relief and credit), the screening register
# with causes and responsible units, clear-and-close refused without evidence, the live
# progress against a hand-made register, the periodic report as XLSX, typical cases.
. "$(dirname "$0")/../lib.sh"
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$FIX/basic/$k.csv" 2>/dev/null || echo "load $k failed" >>"$T_DIR/load.err"
done
t_ok "the fixtures load" test ! -s "$T_DIR/load.err"
E2=91330100MA2AAAAA2H E3=91330100MA2AAAAA3L

t_fails "a winter campaign needs a festival row" wg campaign start --winter --region 3301 --date 2026-12-02
printf 'date,kind\n2027-02-06,festival\n2028-01-26,festival\n' >"$T_DIR/cal.csv"
t_ok "the 2027 and 2028 Spring Festivals load" wg import calendar "$T_DIR/cal.csv"
t_fails "a special campaign needs a name" wg campaign start --region 3301 --from 2026-12-01 --to 2026-12-31
t_fails "and its dates" wg campaign start --name x --region 3301
t_fails "an unknown industry is refused" wg campaign start --winter --region 3301 --industries housing,mining
t_fails "a bad region list is refused" wg campaign start --winter --region 3301 --regions 3301,x
wg scan --as-of 2026-09-30 >/dev/null 2>&1
wg campaign start --winter --region 3301 --date 2026-11-01 --json >"$T_DIR/c1.json"
t_eq "winter: from 15 November to the eve of the 2027 festival" "2026-11-15 2027-02-05" \
	"$(jq -r '.campaign | "\(.starts_on) \(.ends_on)"' "$T_DIR/c1.json")"
t_eq "named after its winter" "2026—2027年冬季根治欠薪专项行动" "$(jq -r .campaign.name "$T_DIR/c1.json")"
t_eq "all industries, not only construction" 11 "$(jq '.campaign.industries | length' "$T_DIR/c1.json")"
t_eq "days left as of the start day" 96 "$(jq -r .days_left "$T_DIR/c1.json")"
wg campaign start --winter --region 3301 --date 2026-12-02 --json >"$T_DIR/c2.json"
t_eq "started late: from the day it starts" "2026-12-02 2027-02-05" \
	"$(jq -r '.campaign | "\(.starts_on) \(.ends_on)"' "$T_DIR/c2.json")"
t_eq "after the festival: the next winter" "2027-11-15 2028-01-25" \
	"$(wg campaign start --winter --region 3301 --date 2027-02-07 --json | jq -r '.campaign | "\(.starts_on) \(.ends_on)"')"

# the target list of campaign 1: the two red NO_PAYROLL warnings, HZ000002 due for settlement
wg campaign register 1 --json >"$T_DIR/r.json"
t_eq "targets: one per project and enterprise from warnings, one settlement" \
	"warning:HZ000001:$E2 warning:HZ000002:$E2 settlement:HZ000002:$E2" \
	"$(jq -r '[.entries[] | "\(.source):\(.project):\(.uscc)"] | join(" ")' "$T_DIR/r.json")"
t_eq "the warning's arrears rules are the entry's reference; cause pending" "NO_PAYROLL pending" \
	"$(jq -r '.entries[0] | "\(.ref) \(.cause)"' "$T_DIR/r.json")"
t_eq "refreshing the targets adds nothing twice" '{"warnings":0,"cases":0,"grades":0,"settlement":0}' \
	"$(wg campaign targets 1 --json)"
wg campaign start --name "市政专项" --region 3301 --industries municipal --from 2026-12-01 --to 2026-12-31 --json >"$T_DIR/m.json"
M=$(jq -r .campaign.id "$T_DIR/m.json")
t_eq "an industry scope keeps its projects only" "HZ000002 HZ000002" \
	"$(wg campaign register "$M" --json | jq -r '[.entries[].project] | join(" ")')"
wg campaign start --name "西湖区" --region 330106 --from 2026-12-01 --to 2026-12-31 --json >"$T_DIR/x.json"
t_eq "a region scope without warnings: an empty register" 0 "$(jq .totals.entries "$T_DIR/x.json")"

# screening
t_fails "an entry by hand needs its source" wg campaign enter 1 --target $E3 --date 2026-12-03
t_fails "an unknown cause is refused" wg campaign enter 1 --target $E3 --source screening --cause weather
t_fails "an unregistered enterprise is refused" wg campaign enter 1 --target 91330100MA2AAAAA9X --source tip
wg campaign enter 1 --target $E3 --source tip --cause subcontracting --amount 8000 --workers 4 \
	--responsible "杭州鑫盛劳务分包有限公司" --date 2026-12-03 --json >"$T_DIR/e.json"
T=$(jq -r .id "$T_DIR/e.json")
t_ok "screening finds the cause and the unit responsible" wg campaign screen 1 --cause owner_late \
	--responsible "杭州城投置业有限公司（建设单位）" --amount 12000 --workers 2
t_fails "a cause outside the list is refused" wg campaign screen 1 --cause weather
wg campaign register 1 --json | jq -c '.entries[0] | [.cause, .responsible, .amount, .workers]' >"$T_DIR/s.json"
t_eq "the entry now says so" '["owner_late","杭州城投置业有限公司（建设单位）","12000.00",2]' "$(cat "$T_DIR/s.json")"

# clear and close only with evidence
wg campaign clear 1 --date 2026-12-10 2>"$T_DIR/ev.err"
t_eq "clearing without evidence is refused" 1 "$?"
t_grep "saying what evidence" "needs evidence" "$T_DIR/ev.err"
t_fails "an unknown payment is no evidence" wg campaign clear 1 --payments PAY-9999 --date 2026-12-10
t_fails "nor a payment of another project" wg campaign clear 2 --payments PAY-0001 --date 2026-12-10
t_fails "nor an unknown case" wg campaign clear 1 --case "杭人社监〔2026〕999号" --date 2026-12-10
t_fails "nor a day before the entry" wg campaign clear 1 --payments PAY-0001 --date 2026-11-01
t_ok "payments of the entry's project clear it" wg campaign clear 1 --payments PAY-0001,PAY-0002 --date 2026-12-10
t_fails "only once" wg campaign clear 1 --payments PAY-0001 --date 2026-12-11
t_fails "a cleared entry is not screened again" wg campaign screen 1 --cause other
wg campaign register 1 --state cleared --json >"$T_DIR/c.json"
t_eq "the evidence is kept" "payments PAY-0001,PAY-0002 2026-12-10" \
	"$(jq -r '.entries[0] | "\(.evidence_kind) \(.evidence) \(.cleared_on)"' "$T_DIR/c.json")"

# progress against this hand-made register: 4 entries (12000, 0, 0, 8000), one cleared
wg campaign show 1 --date 2026-12-12 --json >"$T_DIR/p.json"
t_eq "totals: entries, cleared, rate, amounts, workers" "4 1 25.0 20000.00 12000.00 2" \
	"$(jq -r '.totals | "\(.entries) \(.cleared) \(.clearing_rate) \(.amount) \(.amount_cleared) \(.workers_cleared)"' "$T_DIR/p.json")"
t_eq "days left" 55 "$(jq .days_left "$T_DIR/p.json")"
t_eq "per district of the register" "330102:1/1 330108:0/3" \
	"$(jq -r '[.regions[] | select(.scope == false) | "\(.region):\(.cleared)/\(.entries)"] | join(" ")' "$T_DIR/p.json")"
t_eq "over time: weekly from the start, cumulative" "2026-11-15:0 2026-11-22:0 2026-11-29:0 2026-12-06:0 2026-12-12:1" \
	"$(jq -r '[.series[] | "\(.date):\(.cleared)"] | join(" ")' "$T_DIR/p.json")"
t_eq "an entry counts from the day it was entered" 3 "$(jq '.series[0].entries' "$T_DIR/p.json")"
t_eq "relief's figures (no cases yet)" "0 0.00 0" \
	"$(jq -r '.totals | "\(.cases_closed) \(.recovered) \(.workers_paid)"' "$T_DIR/p.json")"

# typical cases and the periodic report
t_fails "a typical case needs a summary" wg campaign typical 1 --title "某项目欠薪案"
t_ok "a typical case is published" wg campaign typical 1 --title "钱江新城安置房项目拖欠工程款致欠薪案" \
	--summary "建设单位拖欠工程款，经约谈 7 日内足额支付 2 名农民工工资。" --date 2026-12-11
t_ok "the periodic report is written" wg campaign report 1 --date 2026-12-12 -o "$T_DIR/report.xlsx"
python3 - "$T_DIR/report.xlsx" >"$T_DIR/x.txt" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
print("sheets", " ".join(re.findall(r'<sheet name="([^"]+)"', wb)))
text = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
for needle in ["91330100MA2AAAAA3L", "owner_late", "PAY-0001,PAY-0002", "钱江新城安置房项目拖欠工程款致欠薪案", "25.0"]:
    print(needle, needle in text)
PY
t_grep "four sheets: progress, register, series, typical cases" "sheets 进度 progress 排查台账 register 趋势 series 典型案例 cases" "$T_DIR/x.txt"
t_nogrep "every figure is in it" "False" "$T_DIR/x.txt"
t_fails "an unknown campaign has no report" wg campaign report 99 -o "$T_DIR/none.xlsx"
# a campaign's random draw: its regions' enterprises, special inspections planned
for u in zhao li wang; do
	wg user add "$u" --role regulator --scope 3301 --password pw-long-enough-1 >/dev/null
done
t_ok "a draw for the campaign" wg draw run --campaign 1 --seed "冬季专项第一批" --targets 2 --date 2026-12-05 -o "$T_DIR/d.json"
t_ok "verifies" wg draw verify "$T_DIR/d.json"
t_eq "the campaign's special inspections are planned" 2 \
	"$(wg inspection list --campaign 1 --kind special --status planned --json | jq '.inspections | length')"
t_fails "an unknown campaign draws nothing" wg draw run --campaign 99 --seed s --targets 1 -o "$T_DIR/n.json"
t_fails "an inspection of an unknown campaign is refused" \
	wg inspection add --kind special --campaign 99 --target $E2 --inspector zhao,li --date 2026-12-06
t_ok "the campaign list" wg campaign list --region 3301
t_eq "lists every campaign" 5 "$(wg campaign list --json | jq '.campaigns | length')"
t_done
