#!/bin/bash
# t0720 — relief's numbered documents (SPEC §11): Chinese HTML and A4 PDF of an order to pay
# with the workers' ID numbers masked unless revealed, service records (送达回证), numbers
# without gaps or repeats when many are issued at once, and a tip-off's reporter never
# reaching a case view, a document or the ledger — only `--reveal`, which is logged.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments; do
	wg import "$k" "$B/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"
done
wg import calendar "$FIX/relief/calendar.csv" >/dev/null 2>&1 || echo "load calendar failed" >>"$T_DIR/load.err"
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"
SUB=91330100MA2AAAAA3L GC=91330100MA2AAAAA2H
W1=51012219850315001X W2=510122198503150028

wg config set relief.authority.3301 杭州市人力资源和社会保障局 >/dev/null
n=$(wg case open --channel hotline --employer "$SUB" --project HZ000001 --worker $W1:3500 --worker $W2:1200 --received 2026-03-02)
wg case accept "$n" --on 2026-03-03
doc=$(wg case order "$n" --on 2026-03-05 --deadline 2026-03-20)
t_eq "the order has the district's default number" "330102人社监令〔2026〕1号" "$doc"
wg document show "$doc" -o "$T_DIR/order.html"
t_grep "the HTML names the document" "劳动保障监察限期改正指令书" "$T_DIR/order.html"
t_grep "... its number" "$doc" "$T_DIR/order.html"
t_grep "... the addressee" "杭州鑫盛劳务分包有限公司" "$T_DIR/order.html"
t_grep "... the deadline in Chinese" "2026年3月20日" "$T_DIR/order.html"
t_grep "... the amount owed" "4700.00" "$T_DIR/order.html"
t_grep "... the issuing authority configured for the city" "杭州市人力资源和社会保障局" "$T_DIR/order.html"
t_grep "... the workers' ID numbers masked" "510122********001X" "$T_DIR/order.html"
t_nogrep "... never in full" "$W1" "$T_DIR/order.html"
t_grep "... not yet served" "尚未送达" "$T_DIR/order.html"
wg document show "$doc" --reveal -o "$T_DIR/reveal.html"
t_grep "--reveal shows the full ID numbers (the bureau's own copy)" "$W1" "$T_DIR/reveal.html"
t_fails "a service needs a known method" wg document serve "$doc" --method pigeon --to 李明 --on 2026-03-06
t_fails "a service needs a recipient" wg document serve "$doc" --method personal --on 2026-03-06
t_fails "a document is not served before it is issued" wg document serve "$doc" --method personal --to 李明 --on 2026-03-04
t_ok "the service is recorded" wg document serve "$doc" --method personal --to "李明（法定代表人）" --on 2026-03-06
wg document show "$doc" -o "$T_DIR/served.html"
t_grep "the service record shows how" "直接送达" "$T_DIR/served.html"
t_grep "... and to whom" "李明（法定代表人）" "$T_DIR/served.html"
t_ok "the PDF is written" wg document show "$doc" -o "$T_DIR/order.pdf"
t_eq "... and is a PDF" "%PDF-" "$(head -c 5 "$T_DIR/order.pdf")"
t_fails "an unknown document is an error" wg document show "330102人社监令〔2026〕99号"
wg document list >"$T_DIR/list.txt"
t_grep "the list names the order" "$doc" "$T_DIR/list.txt"

# many orders issued at once: numbers 2..13, each once, no gap
# idn 17DIGITS: a resident ID number with its check character (SPEC §3)
idn() {
	local b=$1 w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) s=0 i
	for i in $(seq 0 16); do s=$((s + ${b:i:1} * w[i])); done
	echo "$b$(echo 10X98765432 | cut -c$((s % 11 + 1)))"
}
cases=()
for i in $(seq 1 12); do
	cases+=("$(wg case open --channel walkin --employer "$GC" --project HZ000001 --worker "$(idn "$(printf '11010519900101%03d' $((100 + i)))"):100" --received 2026-03-02)")
done
t_eq "twelve cases to order" 12 "$(printf '%s\n' "${cases[@]}" | sort -u | grep -c '^C')"
for c in "${cases[@]}"; do wg case accept "$c" --on 2026-03-10 >/dev/null 2>&1; done
for c in "${cases[@]}"; do
	(wg case order "$c" --on 2026-03-11 --deadline 2026-03-31 >"$T_DIR/order.$RANDOM.$BASHPID" 2>&1) &
done
wait
cat "$T_DIR"/order.*.* | sort >"$T_DIR/numbers.txt"
for i in $(seq 2 13); do echo "330102人社监令〔2026〕${i}号"; done | sort >"$T_DIR/want.txt"
t_cmp "twelve orders issued at once take the numbers 2 to 13, each once" "$T_DIR/want.txt" "$T_DIR/numbers.txt"
t_eq "the counter stands at 13" "13" "$(t_sql "SELECT last FROM counters WHERE name='doc:330102:order:2026'")"

# a tip-off: the reporter is in no view but the logged one
tip=$(wg case open --channel tipoff --employer "$SUB" --project HZ000001 --received 2026-03-02 --reporter 举报人赵六六 --reporter-phone 13900001111)
wg case show "$tip" --json >"$T_DIR/tip.json"
t_nogrep "a tip-off's case view leaves the reporter out" "赵六六" "$T_DIR/tip.json"
t_nogrep "... and the phone" "13900001111" "$T_DIR/tip.json"
wg case list --json >"$T_DIR/tiplist.json"
t_nogrep "the case list leaves them out" "赵六六" "$T_DIR/tiplist.json"
USER=inspector7 wg case show "$tip" --json --reveal >"$T_DIR/tipreveal.json"
t_grep "--reveal shows the reporter" "举报人赵六六" "$T_DIR/tipreveal.json"
wg case show "$tip" --json >"$T_DIR/tip2.json"
t_grep "... and the look is logged in the timeline with who looked" '"actor": "cli:inspector7"' "$T_DIR/tip2.json"
wg case accept "$tip" --on 2026-03-03
wg case close "$tip" --outcome decision --amount 100 --on 2026-03-10
tdoc=$(t_sql "SELECT number FROM documents WHERE kind='decision'")
wg document show "$tdoc" --reveal -o "$T_DIR/tipdoc.html"
t_grep "the tip-off's decision is a document" "劳动保障监察行政处理决定书" "$T_DIR/tipdoc.html"
t_nogrep "... that never names the reporter" "赵六六" "$T_DIR/tipdoc.html"
wg ledger log >"$T_DIR/ledger.txt" 2>&1
t_nogrep "the ledger never holds the reporter" "赵六六" "$T_DIR/ledger.txt"
anon=$(wg case open --channel tipoff --employer "$SUB" --received 2026-03-02 --reporter 某人 --anonymous)
t_eq "an anonymous tip-off keeps no name at all" "" "$(t_sql "SELECT coalesce(reporter_name, '') FROM cases WHERE number='$anon'")"
t_done
