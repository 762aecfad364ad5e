#!/bin/bash
# t0700 — relief's statutory clock (SPEC §3, §11): accept or reject within 5 working days of
# receipt, conclude within 60 of acceptance, one extension to the 30th working day after the
# original deadline; working days from the imported calendar (weekends, holidays, make-up
# workdays, the festival row of a Spring Festival week). Every date here is counted by hand
# on the 2026 calendar of tests/fixtures/relief/calendar.csv.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments; do
	wg import "$k" "$B/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"
done
wg import calendar "$FIX/relief/calendar.csv" >/dev/null 2>&1 || echo "load calendar failed" >>"$T_DIR/load.err"
t_ok "the fixture loads, festival row included" test ! -s "$T_DIR/load.err"
t_eq "the festival row is stored as its own kind" "festival" "$(t_sql "SELECT kind FROM calendar WHERE date=(SELECT min(date) FROM calendar WHERE kind='festival')")"

SUB=91330100MA2AAAAA3L GC=91330100MA2AAAAA2H
W1=51012219850315001X W2=510122198503150028 W3=510122198503150036
# field NAME: the value of a top-level key of `case show --json` (strings unquoted)
field() { sed -n "s/^  \"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1"; }
open_case() { wg case open --channel hotline --employer "$SUB" --project HZ000001 "$@"; }

# acceptance deadlines (each a new case: different workers or projects)
n1=$(open_case --worker $W1:3500 --received 2026-02-06)
t_eq "the first case of a region and year is number 1" "C330102-2026-00001" "$n1"
wg case show "$n1" --json --as-of 2026-02-06 >"$T_DIR/c1.json"
t_eq "a plain week: received Friday 02-06, accept by Friday 02-13" "2026-02-13" "$(field "$T_DIR/c1.json" accept_by)"
t_eq "... 5 working days remain on the day of receipt" "5" "$(field "$T_DIR/c1.json" remaining_working_days)"
t_eq "... claimed as a two-decimal string" "3500.00" "$(field "$T_DIR/c1.json" claimed)"
t_eq "... status received" "received" "$(field "$T_DIR/c1.json" status)"

n2=$(wg case open --channel walkin --employer "$GC" --project HZ000001 --worker $W2:7500 --received 2026-02-11)
wg case show "$n2" --json --as-of 2026-02-12 >"$T_DIR/c2.json"
t_eq "Spring Festival week: received 02-11, make-up Saturday 02-14 counts, 02-15..23 do not: accept by 02-25" "2026-02-25" "$(field "$T_DIR/c2.json" accept_by)"
t_eq "... 4 working days remain on 02-12 (13, 14, 24, 25)" "4" "$(field "$T_DIR/c2.json" remaining_working_days)"
t_eq "... the next festival is 5 days away" "5" "$(field "$T_DIR/c2.json" days_to_festival)"

n3=$(wg case open --channel web --employer "$GC" --project HZ000002 --worker $W3:800 --received 2026-03-01)
t_eq "received on a Sunday: the day itself never counts, accept by 03-06" "2026-03-06" "$(wg case show "$n3" --json | field /dev/stdin accept_by)"
n4=$(wg case open --channel web --employer "$SUB" --project HZ000002 --worker $W3:800 --received 2026-02-28)
t_eq "received on a make-up Saturday: it does not count either, accept by 03-06" "2026-03-06" "$(wg case show "$n4" --json | field /dev/stdin accept_by)"
n5=$(wg case open --channel platform --employer "$GC" --worker $W1:100 --received 2026-02-27)
t_eq "received Friday 02-27: the make-up Saturday is the first working day, accept by 03-05" "2026-03-05" "$(wg case show "$n5" --json | field /dev/stdin accept_by)"
n6=$(wg case open --channel hotline --employer "$GC" --project HZ000002 --worker $W2:100 --received 2026-04-30)
t_eq "May Day: received 04-30, 05-01..05 off, make-up Saturday 05-09 counts, accept by 05-11" "2026-05-11" "$(wg case show "$n6" --json | field /dev/stdin accept_by)"

# remaining days at the edge of the deadline
wg case show "$n1" --json --as-of 2026-02-13 >"$T_DIR/edge.json"
t_eq "on the deadline day 0 working days remain" "0" "$(field "$T_DIR/edge.json" remaining_working_days)"
t_eq "... and the case is not overdue" "false" "$(field "$T_DIR/edge.json" overdue)"
wg case show "$n1" --json --as-of 2026-02-24 >"$T_DIR/late.json"
t_eq "after it the case is overdue" "true" "$(field "$T_DIR/late.json" overdue)"
t_eq "... by the working days since (make-up 02-14 and 02-24; the festival week does not count): -2" "-2" "$(field "$T_DIR/late.json" remaining_working_days)"
wg case list --overdue --as-of 2026-02-24 >"$T_DIR/overdue.txt"
t_grep "the overdue list names it" "$n1" "$T_DIR/overdue.txt"
t_nogrep "... and not a case still in time" "$n2" "$T_DIR/overdue.txt"

# acceptance starts the conclusion clock; one extension
t_fails "acceptance before receipt is refused" wg case accept "$n2" --on 2026-02-10
t_ok "the case is accepted on its last day" wg case accept "$n2" --on 2026-02-25
wg case show "$n2" --json --as-of 2026-02-25 >"$T_DIR/acc.json"
t_eq "conclude by the 60th working day after acceptance (not receipt): 05-22" "2026-05-22" "$(field "$T_DIR/acc.json" conclude_by)"
t_eq "... accepted in time" "true" "$(field "$T_DIR/acc.json" accepted_in_time)"
t_eq "... the clock now runs to the conclusion" "conclude" "$(field "$T_DIR/acc.json" step)"
t_fails "a case is accepted once" wg case accept "$n2" --on 2026-02-26
t_fails "an extension needs a reason" wg case extend "$n2" --on 2026-05-20
t_ok "the case is extended with a reason" wg case extend "$n2" --on 2026-05-20 --reason "需调取银行流水"
wg case show "$n2" --json --as-of 2026-05-25 >"$T_DIR/ext.json"
t_eq "the extension moves the deadline to the 30th working day after the original one: 07-06" "2026-07-06" "$(field "$T_DIR/ext.json" conclude_by)"
t_eq "... the original deadline is kept" "2026-05-22" "$(field "$T_DIR/ext.json" conclude_by_original)"
t_eq "... with its reason" "需调取银行流水" "$(field "$T_DIR/ext.json" extension_reason)"
t_eq "... not overdue on 05-25" "false" "$(field "$T_DIR/ext.json" overdue)"
t_fails "there is only one extension" wg case extend "$n2" --on 2026-06-01 --reason again

# late acceptance is recorded as such
t_ok "a late acceptance is still recorded" wg case accept "$n1" --on 2026-02-24
t_eq "... as not in time" "false" "$(wg case show "$n1" --json | field /dev/stdin accepted_in_time)"
t_eq "... conclusion counted from the acceptance day (02-24 + 60: 05-21)" "2026-05-21" "$(wg case show "$n1" --json | field /dev/stdin conclude_by)"

# rejection
t_fails "a rejection needs a reason" wg case reject "$n3" --on 2026-03-02
t_ok "a case is rejected with a reason" wg case reject "$n3" --on 2026-03-02 --reason "不属于劳动保障监察管辖"
wg case show "$n3" --json --as-of 2026-03-10 >"$T_DIR/rej.json"
t_eq "... status rejected" "rejected" "$(field "$T_DIR/rej.json" status)"
t_eq "... no clock runs" "null" "$(field "$T_DIR/rej.json" remaining_working_days)"
t_fails "a rejected case cannot be accepted" wg case accept "$n3" --on 2026-03-03

# joining: the same worker against the same employer and project while a case is open
j=$(open_case --worker $W1:4000 --worker $W2:1200 --received 2026-03-02)
t_eq "a new complaint of a worker on an open case joins it" "$n1 (joined)" "$j"
wg case show "$n1" --json --reveal >"$T_DIR/joined.json"
t_eq "... the claim is restated, the new worker added: 4000 + 1200" "5200.00" "$(field "$T_DIR/joined.json" claimed)"
t_eq "... two workers" "2" "$(field "$T_DIR/joined.json" workers)"
t_grep "... the timeline shows the joining" '"kind": "joined"' "$T_DIR/joined.json"
t_grep "... the registered worker's name is filled in" '"name": "张伟"' "$T_DIR/joined.json"
other=$(wg case open --channel hotline --employer "$SUB" --project HZ000002 --worker $W1:10 --received 2026-03-02)
t_ok "another project is another case" test "$other" != "$n1"
t=$(wg case open --channel tipoff --employer "$SUB" --project HZ000001 --worker $W1:10 --received 2026-03-02 --reporter "匿名群众" --anonymous)
t_ok "a tip-off never joins a complaint case" test "$t" != "$n1"

# list
wg case list --open --json >"$T_DIR/open.json"
t_nogrep "the open list leaves rejected cases out" "$n3" "$T_DIR/open.json"
t_grep "... and lists accepted ones" "$n2" "$T_DIR/open.json"
t_fails "an unknown case is an error" wg case show C330102-2026-99999
t_fails "an unknown channel is refused" wg case open --channel fax --employer "$SUB" --worker $W1:1 --received 2026-03-01
t_fails "a bad ID number is refused" wg case open --channel hotline --employer "$SUB" --worker 510122198503150010:1 --received 2026-03-01
t_fails "an unregistered employer needs a region" wg case open --channel hotline --employer 91110000100000000Q --worker $W1:1 --received 2026-03-01
t_done
