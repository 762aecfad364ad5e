#!/bin/bash
# t0740 — government accountability (SPEC §11): per region and period, on-time acceptance and
# conclusion rates, recovered over claimed, open red warnings; ranked; regions below the
# thresholds flagged. The figures are counted by hand below.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments; do
	wg import "$k" "$B/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"
done
wg import calendar "$FIX/relief/calendar.csv" >/dev/null 2>&1 || echo "load calendar failed" >>"$T_DIR/load.err"
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"
GC=91330100MA2AAAAA2H W1=51012219850315001X W2=510122198503150028 W3=510122198503150036

# 330102 (HZ000001): A accepted in time and concluded in time, paid 1000 of 1000;
# B accepted late (accept by 03-09, accepted 03-12), never concluded, 0 of 3000 paid
a=$(wg case open --channel hotline --employer $GC --project HZ000001 --worker $W1:1000 --received 2026-03-02)
wg case accept "$a" --on 2026-03-03; wg case pay "$a" --worker $W1:1000 --on 2026-03-10 >/dev/null
wg case close "$a" --outcome paid --on 2026-03-20
b=$(wg case open --channel walkin --employer $GC --project HZ000001 --worker $W2:3000 --received 2026-03-02)
wg case accept "$b" --on 2026-03-12
# 330108 (HZ000002): C rejected in time (500 claimed); D received 12-30, its acceptance not
# due by 12-31 (200 claimed)
c=$(wg case open --channel hotline --employer $GC --project HZ000002 --worker $W3:500 --received 2026-03-02)
wg case reject "$c" --on 2026-03-04 --reason "不属于管辖范围"
wg case open --channel hotline --employer $GC --project HZ000002 --worker $W1:200 --received 2026-12-30 >/dev/null
t_sql "INSERT INTO warnings(rule, project_id, employer_id, person_id, period, region, level, amount, overdue_days, days, first_seen, last_seen, resolved_on, scan) SELECT 'UNPAID', id, 0, 0, 24315, 330108, 2, 100, 40, 0, 20600, 20600, NULL, 1 FROM projects WHERE code='HZ000002'"

wg case accountability --from 2026-01-01 --to 2026-12-31 --json | tr -d ' \n' >"$T_DIR/acc.json"
t_grep "330108 ranks first: acceptance 1/1, nothing to conclude, 0 of 700 recovered, one red warning, score (100 + 100 + 0) / 3" \
	'{"rank":1,"region":"330108","cases":2,"accepted_in_time":1,"accept_due":1,"accept_rate":"100.00","concluded_in_time":0,"conclude_due":0,"conclude_rate":null,"claimed":"700.00","recovered":"0.00","recovery_rate":"0.00","red_warnings":1,"score":"66.67","flagged":true,"below":["recovery"]}' "$T_DIR/acc.json"
t_grep "330102 second: acceptance 1/2, conclusion 1/2 (B past its deadline), 1000 of 4000, score (50 + 50 + 25) / 3" \
	'{"rank":2,"region":"330102","cases":2,"accepted_in_time":1,"accept_due":2,"accept_rate":"50.00","concluded_in_time":1,"conclude_due":2,"conclude_rate":"50.00","claimed":"4000.00","recovered":"1000.00","recovery_rate":"25.00","red_warnings":0,"score":"41.67","flagged":true,"below":["accept","conclude","recovery"]}' "$T_DIR/acc.json"
wg case accountability --from 2026-01-01 --to 2026-12-31 --depth 4 --json | tr -d ' \n' >"$T_DIR/acc4.json"
t_grep "by city (depth 4): 2 of 3 accepted in time, 1 of 2 concluded, 1000 of 4700 recovered (21.28%)" \
	'"region":"3301","cases":4,"accepted_in_time":2,"accept_due":3,"accept_rate":"66.67","concluded_in_time":1,"conclude_due":2,"conclude_rate":"50.00","claimed":"4700.00","recovered":"1000.00","recovery_rate":"21.28"' "$T_DIR/acc4.json"
wg config set relief.accountability.recovery 0 >/dev/null
wg case accountability --from 2026-01-01 --to 2026-12-31 --json | tr -d ' \n' >"$T_DIR/acc0.json"
t_grep "the thresholds are configuration: with recovery at 0% 330108 is no longer flagged" '"region":"330108","cases":2,' "$T_DIR/acc0.json"
t_grep "... its flag" '"score":"66.67","flagged":false,"below":[]' "$T_DIR/acc0.json"
wg case accountability --from 2025-01-01 --to 2025-12-31 --json | tr -d ' \n' >"$T_DIR/acc2025.json"
t_grep "the period bounds which cases count: none in 2025, the red warning open now still shows" '"region":"330108","cases":0,' "$T_DIR/acc2025.json"
t_nogrep "... and a region with neither is not listed" '"region":"330102"' "$T_DIR/acc2025.json"
t_fails "an unknown threshold value is refused" wg config set relief.accountability.accept 101
t_done
