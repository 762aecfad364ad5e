#!/bin/bash
# t0810 — a deposit's life (SPEC §7): the project life cycle (import kind and command),
# lodging in each form, DEPOSIT_MISSING 30 days after the start (day 30 no, day 31 yes),
# DEPOSIT_EXPIRING for a guarantee expiring at D+30 (yes) and D+31 (no), activation paying
# the named workers (recorded, ledgered), the replenishment deadline of 10 working days
# across the National Day holidays and a make-up Saturday, REPLENISH_OVERDUE the day after
# it, replenishment, and the return refused until every condition holds.
. "$(dirname "$0")/../lib.sh"
C=91330100MA2AAAAA2H O=91330100MA2AAAAA1E
W1=51012219850315001X W2=510122198503150028
cat >"$T_DIR/e.csv" <<CSV
uscc,name,region_code
$O,业主,330102
$C,总包,330106
CSV
cat >"$T_DIR/p.csv" <<CSV
code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date
P1,一号,330106,housing,$O,$C,10000000,2026-03-01
P2,二号,330106,housing,$O,$C,2000000,2026-03-01
CSV
cat >"$T_DIR/w.csv" <<CSV
id_number,name,bank_card,bank_code
$W1,张伟,6222021234567890123,ICBC
$W2,李娜,6217001234567890,CCB
CSV
cat >"$T_DIR/cal.csv" <<CSV
date,kind
2026-10-01,holiday
2026-10-02,holiday
2026-10-05,holiday
2026-10-06,holiday
2026-10-07,holiday
2026-10-10,workday
CSV
for k in e:enterprises p:projects w:workers cal:calendar; do
	wg import "${k#*:}" "$T_DIR/${k%%:*}.csv" >/dev/null 2>&1 || echo "load ${k#*:} failed" >>"$T_DIR/load.err"
done
t_ok "the data loads" test ! -s "$T_DIR/load.err"
rules() { wg scan --as-of "$1" --no-record 2>/dev/null | grep -o '"rule":"[A-Z_]*","level":"[a-z]*","project":"P[0-9]"' | sort | tr '\n' ' '; }

# life cycle
printf 'project_code,event,date,note\nP1,started,2026-03-01,开工\n' >"$T_DIR/ev.csv"
t_ok "project_events import" wg import project_events "$T_DIR/ev.csv"
t_ok "the same file again changes nothing" wg import project_events "$T_DIR/ev.csv"
t_fails "an unknown event is refused" wg project event P1 paused 2026-04-01
t_fails "resumed while running is refused" wg project event P1 resumed 2026-04-01
t_ok "suspended" wg project event P1 suspended 2026-04-01 --note 停工
t_fails "completed while suspended is refused" wg project event P1 completed 2026-04-10
t_ok "resumed" wg project event P1 resumed 2026-04-15
t_eq "the state as of a day" "suspended" "$(wg project events P1 --as-of 2026-04-02 --json | grep -o '"phase":"[a-z_]*"' | cut -d'"' -f4)"
t_eq "the events with their dates" "started suspended resumed" "$(wg project events P1 --json | grep -o '"event":"[a-z]*"' | cut -d'"' -f4 | tr '\n' ' ' | sed 's/ $//')"
t_ok "the ledger holds them" wg ledger verify

# DEPOSIT_MISSING: start 2026-03-01, 30 days: 2026-03-31 is in time
t_eq "day 30 after the start: no warning" "" "$(rules 2026-03-31)"
t_eq "day 31: DEPOSIT_MISSING for P1 only (P2 is exempt)" '"rule":"DEPOSIT_MISSING","level":"orange","project":"P1" ' "$(rules 2026-04-01)"
wg scan --as-of 2026-04-01 --no-record 2>/dev/null | grep DEPOSIT_MISSING >"$T_DIR/m.json"
t_grep "its amount is the quote as of the start, employer the contractor" '"employer":"'$C'","worker":null,"period":null,"amount":"200000.00","overdue_days":0,"days":0' "$T_DIR/m.json"

# lodging
t_fails "a guarantee without expiry is refused" wg deposit lodge P1 --form bank_guarantee --number BG1 --issuer 工商银行 --amount 200000 --lodged 2026-04-02
t_fails "an unknown form is refused" wg deposit lodge P1 --form gold --number X --issuer Y --amount 1 --lodged 2026-04-02
t_fails "a zero amount is refused" wg deposit lodge P1 --form cash --number 1 --issuer Y --amount 0 --lodged 2026-04-02
t_ok "a bank guarantee" wg deposit lodge P1 --form bank_guarantee --number BG1 --issuer 工商银行 --amount 200000 --lodged 2026-04-02 --expires 2026-12-31
t_fails "the same letter twice is refused" wg deposit lodge P1 --form bank_guarantee --number BG1 --issuer 工商银行 --amount 200000 --lodged 2026-04-02 --expires 2026-12-31
t_eq "lodged: no DEPOSIT_MISSING" "" "$(rules 2026-04-02)"
t_eq "expiry at D+31: no warning" "" "$(rules 2026-11-30)"
t_eq "expiry at D+30: DEPOSIT_EXPIRING" '"rule":"DEPOSIT_EXPIRING","level":"yellow","project":"P1" ' "$(rules 2026-12-01)"
t_eq "expired: the deposit is missing again" '"rule":"DEPOSIT_MISSING","level":"orange","project":"P1" ' "$(rules 2027-01-01)"
t_ok "a renewal replaces the letter" wg deposit lodge P1 --form insurance --number POL-9 --issuer 平安保险 --amount 200000 --lodged 2026-09-01 --expires 2027-09-01 --replaces 1
t_eq "the replaced letter warns no more" "" "$(rules 2026-12-01)"
wg deposit list --as-of 2026-12-01 --json >"$T_DIR/l.json"
t_grep "the list shows the replaced letter" '"number":"BG1","issuer":"工商银行","amount":"200000.00","lodged_on":"2026-04-02","expires_on":"2026-12-31","status":"replaced"' "$T_DIR/l.json"
t_grep "and the policy held" '"form":"insurance","number":"POL-9"' "$T_DIR/l.json"

# activation on Wednesday 2026-09-30: 10 working days skip the holidays, count the make-up
# Saturday 10-10: 10-08 10-09 10-10 10-12 10-13 10-14 10-15 10-16 10-19 10-20
t_fails "a worker who is not registered is refused" wg deposit activate P1 --order 令1 --worker 110105194912310029:100 --as-of 2026-09-30
wg deposit activate P1 --order 杭人社监令〔2026〕1号 --worker $W1:3000 --worker $W2:1500.50 --as-of 2026-09-30 --json >"$T_DIR/a.json"
t_grep "activation pays both workers in full" '"owed":"4500.50","paid":"4500.50","replenish_by":"2026-10-20","payments":2' "$T_DIR/a.json"
t_grep "the payment notice has a number" '"notice":"330106人社保付〔2026〕1号"' "$T_DIR/a.json"
t_eq "the payments are recorded to the workers' own cards" "2" "$(t_sql "SELECT count(*) FROM deposit_payments WHERE bank_card IN ('6222021234567890123','6217001234567890')")"
t_ok "and ledgered" sh -c "'$WG_BIN' ledger log --kind deposit | grep -q activated"
t_ok "the ledger is intact" wg ledger verify
t_eq "on the deadline day: no warning" "" "$(rules 2026-10-20)"
t_eq "the day after: REPLENISH_OVERDUE" '"rule":"REPLENISH_OVERDUE","level":"red","project":"P1" ' "$(rules 2026-10-21)"
wg scan --as-of 2026-10-21 --no-record 2>/dev/null | grep REPLENISH >"$T_DIR/r.json"
t_grep "its amount is what is still to replenish" '"amount":"4500.50"' "$T_DIR/r.json"
t_fails "more than was taken is refused" wg deposit replenish P1 4500.51 --as-of 2026-10-22
t_ok "part replenished" wg deposit replenish P1 4000 --as-of 2026-10-22
t_eq "still overdue" '"rule":"REPLENISH_OVERDUE","level":"red","project":"P1" ' "$(rules 2026-10-23)"
t_ok "the rest" wg deposit replenish P1 500.50 --as-of 2026-10-23
t_eq "replenished: no warning" "" "$(rules 2026-10-23)"
t_eq "the balance is whole again" '"balance":"200000.00"' "$(wg deposit list --project P1 --open --as-of 2026-10-23 --json | grep -o '"balance":"[0-9.]*"')"

# return
t_fails "return before completion is refused" wg deposit return P1 --promise 承诺无欠薪 --as-of 2026-11-01
wg deposit return P1 --as-of 2026-11-01 --json >"$T_DIR/ret.json" 2>"$T_DIR/ret.err"
t_grep "saying the project is not completed" "not completed" "$T_DIR/ret.err"
t_grep "and that the promise is missing" "no written promise" "$T_DIR/ret.err"
t_ok "completed" wg project event P1 completed 2026-11-10
t_ok "the notice is published" wg deposit return P1 --promise 本单位承诺无拖欠农民工工资 --as-of 2026-11-12
t_ok "the return notice as HTML" wg deposit notice P1 -o "$T_DIR/notice.html"
t_grep "in Chinese, with the promise" "本单位承诺无拖欠农民工工资" "$T_DIR/notice.html"
t_grep "and its period" "2026-11-12 至 2026-12-12" "$T_DIR/notice.html"
t_ok "and as PDF" sh -c "'$WG_BIN' deposit notice P1 -o '$T_DIR/notice.pdf' && head -c 5 '$T_DIR/notice.pdf' | grep -q '%PDF'"
t_ok "the public list shows it" sh -c "'$WG_BIN' deposit list --project P1 --json >/dev/null"
t_fails "on the notice's 30th day the return is refused" wg deposit return P1 --as-of 2026-12-12
wg deposit return P1 --as-of 2026-12-13 --json >"$T_DIR/ret.json"
t_grep "the day after it the deposit is returned" '"returned":true' "$T_DIR/ret.json"
t_grep "its whole balance" '"amount":"200000.00"' "$T_DIR/ret.json"
t_fails "a second return is refused" wg deposit return P1 --as-of 2026-12-14
t_eq "returned: no DEPOSIT_MISSING" "" "$(rules 2027-01-10)"
t_ok "the ledger is intact at the end" wg ledger verify
t_done
