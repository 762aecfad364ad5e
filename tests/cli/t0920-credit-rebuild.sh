#!/bin/bash
# t0920 — on generated data with many events (red project-months from scans at several
# dates, and two hundred events of the other systems arriving in any order), every
# maintained credit file equals its rebuild from the events alone, and the grades read the
# same before and after a rebuild.
. "$(dirname "$0")/../lib.sh"
export WAGEGUARD_TEST_LINKS=1
G="$T_DIR/gen"
wg gen --scale 0.1 --seed 7 "$G" 2>/dev/null
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$G/$k.csv" 2>>"$T_DIR/load.err" >/dev/null || echo "load $k failed" >>"$T_DIR/load.err"
done
t_nogrep "the generated data set loads" "failed" "$T_DIR/load.err"
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$G/manifest.json")
# scans a month apart, oldest first, then the latest
for back in 90 60 30 0; do
	d=$(date -d "$asof - $back days" +%F)
	wg scan --as-of "$d" >/dev/null 2>&1
done
reds=$(t_sql "SELECT count(*) FROM credit_events WHERE kind='red_month'")
t_ok "the scans gave red project-months ($reds)" test "$reds" -gt 5
# events of the other systems, in no particular day order
mapfile -t usccs < <(tail -n +2 "$G/enterprises.csv" | cut -d, -f1 | head -40)
kinds=(case.substantiated order.ignored deposit.activated rectify.overdue)
n=0
for i in $(seq 0 199); do
	u=${usccs[$(((i * 7) % ${#usccs[@]}))]}
	k=${kinds[$((i % 4))]}
	d=$(date -d "$asof - $(((i * 37) % 1500)) days" +%F)
	wg credit emit "$k" "$u" --ref "REF-$i" --on "$d" >/dev/null 2>&1 && n=$((n + 1))
done
t_eq "200 events handed to credit" 200 "$n"
t_eq "all recorded" "$((200 + reds))" "$(t_sql "SELECT count(*) FROM credit_events")"
wg credit grades --as-of "$asof" --json >"$T_DIR/before.json"
t_ok "every maintained file equals its rebuild from the events" wg credit rebuild --check
t_sql "DELETE FROM credit_files" >/dev/null
t_fails "files gone: the check says so" wg credit rebuild --check
t_ok "rebuilt" wg credit rebuild
t_ok "equal again" wg credit rebuild --check
wg credit grades --as-of "$asof" --json >"$T_DIR/after.json"
t_cmp "the grades are the same" "$T_DIR/before.json" "$T_DIR/after.json"
t_grep "and not all A" '"grade":"D"' "$T_DIR/after.json"
t_done
