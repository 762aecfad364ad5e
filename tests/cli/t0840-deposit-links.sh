#!/bin/bash
# t0840 — deposits and the fund react to relief's cases through domain/links.h (SPEC §7, §9,
# §11): an order to pay found ignored activates the project's deposit, which pays the case's
# workers to their own cards (recorded, ledgered, linked to the case) and starts the
# replenishment clock; a substantiated case counts as arrears in the quote's windows.
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
P1,一号,330106,housing,$O,$C,10000000,2026-01-05
P2,二号,330106,housing,$O,$C,2000000,2026-01-05
CSV
cat >"$T_DIR/w.csv" <<CSV
id_number,name,bank_card,bank_code
$W1,张伟,6222021234567890123,ICBC
$W2,李娜,6217001234567890,CCB
CSV
for k in e:enterprises p:projects w:workers; do
	wg import "${k#*:}" "$T_DIR/${k%%:*}.csv" >/dev/null 2>&1 || echo "load ${k#*:} failed" >>"$T_DIR/load.err"
done
t_ok "the data loads" test ! -s "$T_DIR/load.err"
t_ok "a cash deposit on P1" wg deposit lodge P1 --form cash --number 1202020000001 --issuer 工商银行 --amount 200000 --lodged 2026-01-20
t_eq "P2 (2,000,000.00, no arrears) is exempt" '"amount":"0.00"' "$(wg deposit quote P2 --as-of 2026-04-01 --json | grep -o '"amount":"[0-9.]*"' | head -1)"
k=$(wg case open --channel hotline --employer $C --project P1 --worker $W1:3000 --worker $W2:2000 --received 2026-03-02 2>/dev/null)
t_ok "a case against the contractor" test -n "$k"
wg case accept "$k" --on 2026-03-03 >/dev/null 2>&1
t_ok "an order to pay" wg case order "$k" --deadline 2026-03-20 --on 2026-03-10
t_ok "the order is found ignored" wg case ignored "$k" --on 2026-03-23
t_eq "the deposit paid both workers" 2 "$(t_sql "SELECT count(*) FROM deposit_payments WHERE case_ref='$k'")"
t_eq "in full, to their own cards" "500000" "$(t_sql "SELECT sum(amount) FROM deposit_payments WHERE bank_card IN ('6222021234567890123','6217001234567890')")"
t_eq "the deposit's balance went down" '"balance":"195000.00"' "$(wg deposit list --project P1 --as-of 2026-03-23 --json | grep -o '"balance":"[0-9.]*"')"
t_ok "the activation is ledgered" sh -c "'$WG_BIN' ledger log --kind deposit | grep -q '$k'"
t_ok "the ledger is intact" wg ledger verify
# 10 working days after Monday 2026-03-23: Monday 2026-04-06
t_eq "REPLENISH_OVERDUE the day after the deadline" 1 "$(wg scan --as-of 2026-04-07 --no-record 2>/dev/null | grep -c '"rule":"REPLENISH_OVERDUE","level":"red","project":"P1"')"
t_eq "not on the deadline" 0 "$(wg scan --as-of 2026-04-06 --no-record 2>/dev/null | grep -c REPLENISH_OVERDUE)"
wg deposit quote P2 --as-of 2026-04-01 --json >"$T_DIR/q.json"
t_grep "the substantiated case is arrears in the quote's windows" '"substantiated_case":true' "$T_DIR/q.json"
t_grep "so P2 is no longer exempt" '"exempt":false' "$T_DIR/q.json"
t_done
