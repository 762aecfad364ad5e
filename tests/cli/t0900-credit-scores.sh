#!/bin/bash
# t0900 — credit files (SPEC §9): events received from the other systems (through
# links_emit, as `credit emit` hands them over), scores and grades at every boundary
# (90/89, 75/74, 60/59), the clean 12 months exactly at 12 months, one event per source,
# red project-months from the recorded warnings dated when they first turned red, and the
# maintained files equal to a rebuild from the events alone.
. "$(dirname "$0")/../lib.sh"
export WAGEGUARD_TEST_LINKS=1
wg init >/dev/null 2>&1
emit() { wg credit emit "$@" >"$T_DIR/emit.out" 2>&1 || cat "$T_DIR/emit.out" >&2; }
score() { wg credit show "$1" --as-of "${2:-2026-12-31}" --json | sed 's/.*"score":\([-0-9]*\),"grade":"\(.\)".*/\1 \2/'; }

# rectification orders are configured at 1 point, so every score can be reached
t_ok "credit.points.rectify can be configured" wg credit config credit.points.rectify 1
t_eq "and reads back" 1 "$(wg credit config credit.points.rectify)"
t_fails "a key credit does not know is refused" wg credit config credit.points.nothing 3
t_fails "an out-of-range value is refused" wg credit config credit.points.case -4
t_fails "emit is refused outside tests" env WAGEGUARD_TEST_LINKS= "$WG_BIN" credit emit case.substantiated 91330100MA2CR0001C --ref X

rect() { # USCC N: N overdue rectification orders
	local i
	for i in $(seq 1 "$2"); do emit rectify.overdue "$1" --ref "R-$1-$i" --on 2026-03-0"$(((i % 9) + 1))"; done
}
U1=91330100MA2CR0001C U2=91330100MA2CR0002F U3=91330100MA2CR0003J U4=91330100MA2CR0004M
U5=91330100MA2CR0005Q U6=91330100MA2CR0006U U7=91330100MA2CR0007Y U8=91330100MA2CR00082
U9=91330100MA2CR00095
rect "$U1" 9                                                        # 91
emit case.substantiated "$U2" --ref C-2 --on 2026-03-01            # 90
emit case.substantiated "$U3" --ref C-3 --on 2026-03-01; rect "$U3" 1 # 89
emit order.ignored "$U4" --ref O-4 --on 2026-03-01; rect "$U4" 4     # 76
emit deposit.activated "$U5" --ref D-5 --on 2026-03-01
emit case.substantiated "$U5" --ref C-5 --on 2026-03-02            # 75
emit deposit.activated "$U6" --ref D-6 --on 2026-03-01
emit case.substantiated "$U6" --ref C-6 --on 2026-03-02; rect "$U6" 1 # 74
emit order.ignored "$U7" --ref O-7a --on 2026-03-01
emit order.ignored "$U7" --ref O-7b --on 2026-03-02                # 60
emit order.ignored "$U8" --ref O-8a --on 2026-03-01
emit order.ignored "$U8" --ref O-8b --on 2026-03-02; rect "$U8" 1  # 59
emit order.ignored "$U9" --ref O-9 --on 2026-03-01
emit deposit.activated "$U9" --ref D-9 --on 2026-03-01; rect "$U9" 4 # 61
t_eq "91 is grade A" "91 A" "$(score $U1)"
t_eq "90 is grade A" "90 A" "$(score $U2)"
t_eq "89 is grade B" "89 B" "$(score $U3)"
t_eq "76 is grade B" "76 B" "$(score $U4)"
t_eq "75 is grade B" "75 B" "$(score $U5)"
t_eq "74 is grade C" "74 C" "$(score $U6)"
t_eq "61 is grade C" "61 C" "$(score $U9)"
t_eq "60 is grade C" "60 C" "$(score $U7)"
t_eq "59 is grade D" "59 D" "$(score $U8)"
t_eq "an enterprise without events has 100, grade A" "100 A" "$(score 91330100MA2CR0015R)"
t_eq "before its events it had 100" "100 A" "$(score $U8 2026-02-28)"

# one event per source: the same case twice counts once
emit case.substantiated "$U2" --ref C-2 --on 2026-03-05
t_eq "a source is counted once" "90 A" "$(score $U2)"
t_fails "an event without its source record is refused" wg credit emit case.substantiated "$U2" --on 2026-03-05
t_fails "a case closed is no credit event and an unknown kind is refused" wg credit emit case.nothing "$U2" --ref X

# the clean 12 months, exactly at 12 months
U10=91330100MA2CR0010A U11=91330100MA2CR0011D U12=91330100MA2CR0012G
emit case.substantiated "$U10" --ref C-10 --on 2025-03-10
t_eq "a day before 12 clean months: 90" "90 A" "$(score $U10 2026-03-09)"
t_eq "exactly 12 clean months: +5" "95 A" "$(score $U10 2026-03-10)"
t_eq "24 months: capped at 100" "100 A" "$(score $U10 2027-03-10)"
t_eq "and never above 100" "100 A" "$(score $U10 2030-03-10)"
wg credit show "$U10" --as-of 2030-03-10 --json >"$T_DIR/u10.json"
cat >"$T_DIR/u10.want" <<EOF
{"uscc":"$U10","score":100,"grade":"A","listed":false,"events":[{"date":"2025-03-10","delta":-10,"kind":"case_substantiated","source":"C-10"},{"date":"2026-03-10","delta":5,"kind":"clean_period","source":"since 2025-03-10"},{"date":"2027-03-10","delta":5,"kind":"clean_period","source":"since 2025-03-10"}]}
EOF
t_cmp "credit show --json: the events with their sources, the clean periods, the score" "$T_DIR/u10.want" "$T_DIR/u10.json"
# a negative event on the day the 12 months complete: that period was not clean
emit case.substantiated "$U11" --ref C-11 --on 2025-03-10
emit rectify.overdue "$U11" --ref R-11 --on 2026-03-10
t_eq "a negative event on the anniversary cancels its bonus" "89 B" "$(score $U11 2026-03-10)"
t_eq "and the next 12 months count from it" "89 B" "$(score $U11 2027-03-09)"
t_eq "to the day" "94 A" "$(score $U11 2027-03-10)"
# 29 February: its 12 months end on 28 February
emit case.substantiated "$U12" --ref C-12 --on 2024-02-29
t_eq "2024-02-29 + 12 months is 2025-02-28 (not yet on the 27th)" "90 A" "$(score $U12 2025-02-27)"
t_eq "2024-02-29 + 12 months is 2025-02-28" "95 A" "$(score $U12 2025-02-28)"
# an event arriving late (dated before the latest) is folded in its place
emit order.ignored "$U12" --ref O-12 --on 2024-06-01
t_eq "an event recorded out of order counts from its day (100-10-20)" "70 C" "$(score $U12 2025-02-28)"
t_eq "its clean 12 months restart from it" "70 C" "$(score $U12 2025-05-31)"
t_eq "to the day" "75 B" "$(score $U12 2025-06-01)"

# the grade list
wg credit grades --as-of 2026-12-31 --json >"$T_DIR/grades.json"
t_grep "grades: counts per grade" '"counts":{"A":' "$T_DIR/grades.json"
t_grep "grades: an enterprise with its score" "{\"uscc\":\"$U8\",\"name\":null,\"region\":0,\"score\":59,\"grade\":\"D\",\"listed\":false}" "$T_DIR/grades.json"

# red project-months from the recorded warnings (fixtures/basic: HZ000002's NO_PAYROLL of
# 2026-05 is yellow on 07-10, orange on 07-20, red on 08-05)
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$FIX/basic/$k.csv" >/dev/null 2>>"$T_DIR/load.err" || echo "load $k failed" >>"$T_DIR/load.err"
done
t_nogrep "the basic data set loads" "failed" "$T_DIR/load.err"
E=91330100MA2AAAAA2H
wg scan --as-of 2026-07-10 >/dev/null 2>&1
wg scan --as-of 2026-07-20 >/dev/null 2>&1
t_eq "no event while the warning is yellow or orange" "100 A" "$(score $E)"
wg scan --as-of 2026-08-05 >/dev/null 2>&1
wg scan --as-of 2026-08-20 >/dev/null 2>&1
wg credit show "$E" --json >"$T_DIR/e.json"
t_grep "a red NO_PAYROLL: -5 for the project-month, dated when it first turned red" \
	'"events":[{"date":"2026-08-05","delta":-5,"kind":"red_month","source":"HZ000002/2026-05"}]' "$T_DIR/e.json"
t_eq "as of the day before it turned red: 100" "100 A" "$(score $E 2026-08-04)"
# the warning resolves (payroll filed and paid): the event stays
printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nHZ000002,%s,2026-05,510122198503150036,0,0,0,0,\n' "$E" >"$T_DIR/pay.csv"
wg import payroll "$T_DIR/pay.csv" >/dev/null 2>&1
wg scan --as-of 2026-09-01 >/dev/null 2>&1
t_eq "the warning is resolved" "1" "$(t_sql "SELECT count(*) FROM warnings WHERE rule='NO_PAYROLL' AND resolved_on IS NOT NULL AND period=24316 AND project_id=(SELECT id FROM projects WHERE code='HZ000002')")"
t_eq "whatever happens to the warning later, the event stays" "95 A" "$(score $E)"
t_ok "credit sync finds nothing new" wg credit sync
t_eq "one event per project-month" 1 "$(t_sql "SELECT count(*) FROM credit_events WHERE kind='red_month'")"

# rebuilt from the events alone = maintained
t_ok "rebuild --check: every maintained file equals the fold of its events" wg credit rebuild --check
t_sql "UPDATE credit_files SET score=score+1 WHERE uscc='$U7'" >/dev/null
t_fails "a tampered maintained file is found" wg credit rebuild --check
wg credit rebuild --check >"$T_DIR/diff.out" 2>/dev/null
t_grep "and named" "$U7: rebuilt score 60" "$T_DIR/diff.out"
t_ok "rebuild corrects it" wg credit rebuild
t_ok "and then they agree" wg credit rebuild --check
t_done
