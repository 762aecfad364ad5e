#!/bin/bash
# t1020 — rectification orders (SPEC §10): numbered per region and year without gaps,
# deadlines in working days over the SPEC §3 calendar, RECTIFY_OVERDUE (orange) from the
# day after a missed deadline until compliance, one escalation per missed deadline (a list
# proposal when the arrears caused a mass incident), compliance only with evidence.
. "$(dirname "$0")/../lib.sh"
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$FIX/basic/$k.csv" 2>/dev/null || echo "load $k failed" >>"$T_DIR/load.err"
done
t_ok "the fixtures load" test ! -s "$T_DIR/load.err"
# 2026-12-03 (Thu) a holiday, Saturday 12-05 a make-up workday, the 2027 Spring Festival
printf 'date,kind\n2026-12-03,holiday\n2026-12-05,workday\n2027-02-06,festival\n' >"$T_DIR/cal.csv"
t_ok "a calendar with a festival row loads" wg import calendar "$T_DIR/cal.csv"
for u in zhao wang; do
	wg user add "$u" --role regulator --scope 3301 --password pw-long-enough-1 >/dev/null
done
E2=91330100MA2AAAAA2H
wg inspection add --kind routine --target $E2 --project HZ000001 --inspector zhao,wang --date 2026-12-01 \
	--finding bank_card_pay=no >/dev/null
wg inspection add --kind routine --target $E2 --inspector zhao,wang --planned 2026-12-20 >/dev/null

t_fails "a planned inspection issues no order" wg rectify issue 2 --items x --days 5 --date 2026-12-01
t_fails "an order needs what to rectify" wg rectify issue 1 --days 5 --date 2026-12-01
t_fails "an order needs a deadline" wg rectify issue 1 --items x --date 2026-12-01
t_fails "not before the inspection" wg rectify issue 1 --items x --days 5 --date 2026-11-30
t_fails "a deadline after the day of issue" wg rectify issue 1 --items x --deadline 2026-12-01 --date 2026-12-01
t_fails "a bad amount" wg rectify issue 1 --items x --days 5 --amount 1.234 --date 2026-12-01
wg rectify issue 1 --items "按月足额支付工资至本人银行卡" --days 5 --amount 12000 --workers 3 --date 2026-12-01 --json >"$T_DIR/o1.json"
t_eq "numbered as a document of the project's region and year" "330102人社监改〔2026〕1号" "$(jq -r .number "$T_DIR/o1.json")"
# 12-02 (1), 12-03 holiday, 12-04 (2), Saturday 12-05 workday (3), 12-07 (4), 12-08 (5)
t_eq "5 working days: the 5th working day after the day of issue" 2026-12-08 "$(jq -r .deadline "$T_DIR/o1.json")"
t_eq "amount, workers, target" "12000.00 3 $E2 HZ000001" \
	"$(jq -r '"\(.amount) \(.workers) \(.uscc) \(.project)"' "$T_DIR/o1.json")"
wg rectify issue 1 --items "群体性讨薪：限期支付" --deadline 2026-12-10 --amount 3000 --mass-incident --date 2026-12-02 --json >"$T_DIR/o2.json"
t_eq "the next number without a gap" "330102人社监改〔2026〕2号" "$(jq -r .number "$T_DIR/o2.json")"
wg rectify issue 1 --items "张贴维权信息告示牌" --deadline 2026-12-15 --date 2026-12-02 --json >"$T_DIR/o3.json"
O1="330102人社监改〔2026〕1号" O2="330102人社监改〔2026〕2号" O3="330102人社监改〔2026〕3号"
t_eq "each order is a numbered document addressed to the enterprise" "rectify issued $E2" \
	"$(t_sql "SELECT kind || ' ' || status || ' ' || addressee FROM documents WHERE number='$O1'")"
t_ok "printable as the regulator's document" wg document show "$O1" --format html -o "$T_DIR/o1.html"
t_grep "titled 限期整改指令书" "劳动保障监察限期整改指令书" "$T_DIR/o1.html"
t_grep "with what to rectify" "按月足额支付工资至本人银行卡" "$T_DIR/o1.html"
t_ok "an order complied with in time" wg rectify comply $O3 --date 2026-12-14 --evidence "告示牌照片 3 张"
t_eq "its document is met" met "$(t_sql "SELECT status FROM documents WHERE number='$O3'")"

rect() { wg scan --as-of "$1" 2>"$T_DIR/scan-$1.err" | grep RECTIFY_OVERDUE; }
t_eq "on the deadline day the order is in time" "" "$(rect 2026-12-08)"
t_eq "the day after: RECTIFY_OVERDUE (orange), one per project and enterprise" \
	'{"rule":"RECTIFY_OVERDUE","level":"orange","project":"HZ000001","employer":"91330100MA2AAAAA2H","worker":null,"period":null,"amount":"12000.00","overdue_days":0,"days":0}' \
	"$(rect 2026-12-09)"
t_grep "the scan escalates the missed deadline" "1 rectification orders escalated" "$T_DIR/scan-2026-12-09.err"
wg rectify show $O1 --json --as-of 2026-12-09 >"$T_DIR/s1.json"
t_eq "escalated once, on the scan's day; no list proposal" "2026-12-09 false overdue" \
	"$(jq -r '"\(.escalated_on) \(.list_proposed) \(.state)"' "$T_DIR/s1.json")"
t_eq "its document is ignored" ignored "$(t_sql "SELECT status FROM documents WHERE number='$O1'")"
t_eq "both overdue orders: one warning with their sum" \
	'{"rule":"RECTIFY_OVERDUE","level":"orange","project":"HZ000001","employer":"91330100MA2AAAAA2H","worker":null,"period":null,"amount":"15000.00","overdue_days":0,"days":0}' \
	"$(rect 2026-12-11)"
t_grep "the mass-incident order escalates" "(1 proposed for the dishonest-employer list)" "$T_DIR/scan-2026-12-11.err"
t_eq "with a list proposal (Order 45)" true "$(wg rectify show $O2 --json | jq -r .list_proposed)"
t_eq "the first is not escalated again" 2026-12-09 "$(wg rectify show $O1 --json | jq -r .escalated_on)"
wg rectify escalate --as-of 2026-12-12 --json >"$T_DIR/e.json"
t_eq "escalate again: nothing left" '{"escalated":0,"list_proposed":0}' "$(cat "$T_DIR/e.json")"
t_eq "the order complied with in time never escalates" null "$(wg rectify show $O3 --json | jq -r .escalated_on)"
wg scan --as-of 2026-12-13 --no-record >/dev/null 2>&1
wg rectify list --overdue --as-of 2026-12-13 --json >"$T_DIR/od.json"
t_eq "the overdue list" "$O2 $O1" "$(jq -r '[.orders[].number] | join(" ")' "$T_DIR/od.json")"

wg rectify comply $O1 --date 2026-12-14 2>"$T_DIR/ev.err"
t_eq "compliance without evidence is refused" 1 "$?"
t_grep "saying it needs evidence" "needs its evidence" "$T_DIR/ev.err"
t_fails "not before the order" wg rectify comply $O1 --date 2026-11-30 --evidence x
t_ok "with evidence it is recorded" wg rectify comply $O1 --date 2026-12-14 --evidence "银行代发明细 3 笔"
t_fails "once" wg rectify comply $O1 --date 2026-12-15 --evidence again
t_eq "late compliance: complied_late" complied_late "$(wg rectify show $O1 --as-of 2026-12-15 --json | jq -r .state)"
t_eq "the warning is left with the other order" \
	'{"rule":"RECTIFY_OVERDUE","level":"orange","project":"HZ000001","employer":"91330100MA2AAAAA2H","worker":null,"period":null,"amount":"3000.00","overdue_days":0,"days":0}' \
	"$(rect 2026-12-14)"
wg rectify comply $O2 --date 2026-12-15 --evidence "调解协议及支付凭证" >/dev/null
t_eq "all complied: no RECTIFY_OVERDUE" "" "$(rect 2026-12-15)"
wg warnings --rule RECTIFY_OVERDUE --json >"$T_DIR/w.json"
t_eq "the stored warning is resolved on that day" 2026-12-15 "$(jq -r .resolved_on "$T_DIR/w.json")"
t_eq "and keeps its rule's name" RECTIFY_OVERDUE "$(t_sql "SELECT DISTINCT rule FROM warnings WHERE rule LIKE 'RECT%'")"
wg rectify list --target $E2 >"$T_DIR/l.txt"
t_grep "a table for people" "$O2" "$T_DIR/l.txt"
t_done
