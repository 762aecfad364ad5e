#!/bin/sh
# make run: a fresh demo database in out/, loaded with the generated demo data set, scanned,
# with one demo user per role, served with the web UI until Ctrl-C.
set -eu
BIN=${1:-build/wageguard}
LISTEN=${WAGEGUARD_LISTEN:-127.0.0.1:8080}
DB=out/demo.db
mkdir -p out
rm -f $DB $DB-wal $DB-shm
"$BIN" --db $DB demo --dir out/demo-data
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' out/demo-data/manifest.json)
"$BIN" --db $DB scan --as-of "$asof" >/dev/null
"$BIN" --db $DB ledger verify
project=$(sed -n '2p' out/demo-data/projects.csv | cut -d, -f1)
contractor=$("$BIN" --db $DB show project "$project" --json | sed -n '/"contractor"/,/}/s/.*"uscc": "\([^"]*\)".*/\1/p' | head -1)
bank=$("$BIN" --db $DB show project "$project" --json | sed -n 's/.*"bank_code": "\([^"]*\)".*/\1/p' | head -1)
worker=$(awk -F, -v p="$project" '$1 == p { print $4; exit }' out/demo-data/payroll.csv)
region=$(sed -n '2p' out/demo-data/projects.csv | awk -F, '{ print substr($3, 1, 4) }')
"$BIN" --db $DB user add admin --role admin --display "平台管理员" --password demo-admin-1
"$BIN" --db $DB user add inspector --role regulator --scope "$region" --display "劳动监察员" --password demo-regulator-1
"$BIN" --db $DB user add wageofficer --role enterprise --scope "$contractor" --display "劳资专管员" --password demo-enterprise-1
"$BIN" --db $DB user add bankfeed --role bank --scope "$bank" --display "银行代发" --password demo-bank-1
"$BIN" --db $DB user add worker --role worker --scope "$worker" --display "农民工" --password demo-worker-1
cat <<TXT

wageguard demo: http://$LISTEN/
  admin        admin        / demo-admin-1
  regulator    inspector    / demo-regulator-1   (region $region)
  enterprise   wageofficer  / demo-enterprise-1  (USCC $contractor)
  bank         bankfeed     / demo-bank-1        (bank $bank)
  worker       worker       / demo-worker-1      (ID $worker)
Ctrl-C stops the server.
TXT
exec "$BIN" --db $DB serve --listen "$LISTEN" --web web/dist
