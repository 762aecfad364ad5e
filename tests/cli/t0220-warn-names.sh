#!/bin/bash
# t0220 — stored warnings keep their rule's name (SPEC §5): the database holds the name, not
# the rule's number in this version's list; a database whose warnings were stored by number
# (schema version 4, the layout before migration 5) is carried over on open, and lists the
# same warnings as before.
. "$(dirname "$0")/../lib.sh"
G="$T_DIR/gen"
wg gen --scale 0.1 --seed 3 "$G" 2>/dev/null
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$G/$k.csv" 2>>"$T_DIR/load.err" || echo "load $k failed" >>"$T_DIR/load.err"
done
t_nogrep "the generated data set loads" "failed" "$T_DIR/load.err"
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$G/manifest.json")
wg scan --as-of "$asof" >/dev/null 2>&1
# version 4 knew ten rules: the later systems' rules (deposits, credit) go before going back to it
ten="'COMPLAINTS','CRIMINAL_THRESHOLD','EXCESS_DEDUCTION','LOW_BALANCE','NO_LABOR_COST','NO_PAYROLL','OFF_CARD','UNDERPAID','UNPAID','UNREGISTERED'"
ndep=$(t_sql "SELECT count(*) FROM warnings WHERE rule NOT IN ($ten)")
t_sql "DELETE FROM warning_events WHERE warning_id IN (SELECT id FROM warnings WHERE rule NOT IN ($ten));
 DELETE FROM inspection_tasks WHERE warning_id IN (SELECT id FROM warnings WHERE rule NOT IN ($ten));
 DELETE FROM warnings WHERE rule NOT IN ($ten)" >/dev/null
latest=$(t_sql "SELECT value FROM meta WHERE key='schema_version'")
t_sql "SELECT DISTINCT rule FROM warnings ORDER BY rule" >"$T_DIR/rules"
t_grep "the database holds the rule's name (UNPAID)" "UNPAID" "$T_DIR/rules"
t_nogrep "and no rule numbers" "5" "$T_DIR/rules"
t_eq "the schema is at version 5 or later" yes "$([ "$latest" -ge 5 ] && echo yes)"
wg warnings >"$T_DIR/before.txt"
wg warnings --json >"$T_DIR/before.json"
t_ok "the list is not empty" test -s "$T_DIR/before.txt"

# back to how version 4 stored them: the rule's number in the alphabetical list of ten
names="COMPLAINTS CRIMINAL_THRESHOLD EXCESS_DEDUCTION LOW_BALANCE NO_LABOR_COST NO_PAYROLL OFF_CARD UNDERPAID UNPAID UNREGISTERED"
cases="" i=0
for n in $names; do cases="$cases WHEN '$n' THEN $i"; i=$((i + 1)); done
if [ "$T_STORE" = pg ]; then
	t_sql "ALTER TABLE warnings ALTER COLUMN rule TYPE INTEGER USING (CASE rule $cases END)" >/dev/null
else
	t_sql "PRAGMA foreign_keys=OFF; CREATE TABLE w4 AS SELECT * FROM warnings; DROP TABLE warnings;
	 CREATE TABLE warnings(id INTEGER PRIMARY KEY, rule INTEGER NOT NULL, project_id INTEGER NOT NULL,
	 employer_id INTEGER NOT NULL, person_id INTEGER NOT NULL, period INTEGER NOT NULL,
	 region INTEGER NOT NULL, level INTEGER NOT NULL, amount INTEGER NOT NULL,
	 overdue_days INTEGER NOT NULL, days INTEGER NOT NULL, first_seen INTEGER NOT NULL,
	 last_seen INTEGER NOT NULL, resolved_on INTEGER, scan INTEGER NOT NULL,
	 UNIQUE(rule, project_id, employer_id, person_id, period));
	 INSERT INTO warnings SELECT id, CASE rule $cases END, project_id, employer_id, person_id,
	 period, region, level, amount, overdue_days, days, first_seen, last_seen, resolved_on, scan
	 FROM w4; DROP TABLE w4; CREATE INDEX warnings_open ON warnings(resolved_on, scan);" >/dev/null
fi
t_sql "UPDATE meta SET value='4' WHERE key='schema_version'" >/dev/null
t_eq "the tampered database stores numbers (UNPAID is 8)" 8 \
	"$(t_sql "SELECT rule FROM warnings WHERE rule=8 LIMIT 1")"

wg warnings >"$T_DIR/after.txt" 2>"$T_DIR/after.err"
t_cmp "after migration 5 the same warnings are listed" "$T_DIR/before.txt" "$T_DIR/after.txt"
wg warnings --json >"$T_DIR/after.json"
t_cmp "and the same JSON" "$T_DIR/before.json" "$T_DIR/after.json"
t_eq "the schema is at the latest version again" "$latest" "$(t_sql "SELECT value FROM meta WHERE key='schema_version'")"
t_sql "SELECT DISTINCT rule FROM warnings ORDER BY rule" >"$T_DIR/rules2"
t_cmp "the rules are stored by name again" "$T_DIR/rules" "$T_DIR/rules2"
t_eq "events still belong to their warnings" 0 \
	"$(t_sql "SELECT count(*) FROM warning_events e LEFT JOIN warnings w ON w.id=e.warning_id WHERE w.id IS NULL")"
# a later scan goes on with the carried-over warnings instead of opening them anew
wg scan --as-of "$asof" >/dev/null 2>"$T_DIR/rescan.err"
t_grep "a rescan finds them all still open (only the deposit warnings are new)" ": $ndep new, 0 resolved" "$T_DIR/rescan.err"
t_ok "the ledger is intact" wg ledger verify
t_done
