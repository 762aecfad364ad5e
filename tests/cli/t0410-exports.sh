#!/bin/bash
# t0410 — exports (SPEC §6, §12): the wage ledger and a payroll as CSV (exact content) and
# XLSX (money as numbers in a 0.00 format); payroll as a UAE WPS SIF file, imported back
# without changing anything; SIF files with wrong control totals or bad fields are refused
# naming file, line and field, and store nothing.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>>"$T_DIR/import.err" || echo "import $k failed" >>"$T_DIR/import.err"
done
t_nogrep "the basic data set imports" "failed" "$T_DIR/import.err"

# --- CSV ----------------------------------------------------------------------------------
cat >"$T_DIR/ledger.want" <<'CSV'
project_code,project_name,employer_uscc,employer_name,period,pay_date,worker_name,id_number,phone,days,gross,deductions,net,paid,vouchers,confirmation
HZ000001,钱江新城安置房一期,91330100MA2AAAAA2H,浙江宏达建设集团有限公司,2026-05,2026-06-10,李娜,510122198503150028,,1,344.83,0.00,344.83,344.83,PAY-0002,
HZ000001,钱江新城安置房一期,91330100MA2AAAAA3L,"杭州鑫盛劳务分包有限公司, 二分公司",2026-05,2026-06-10,张伟,51012219850315001X,13812345678,2,700.00,20.00,680.00,680.00,PAY-0001,
CSV
wg export ledger >"$T_DIR/ledger.csv" 2>"$T_DIR/ledger.err"
t_cmp "ledger CSV: one row per pay cycle, full values, two-decimal money" "$T_DIR/ledger.want" "$T_DIR/ledger.csv"
t_grep "ledger CSV: the row count is reported" "wageguard export: 2 rows" "$T_DIR/ledger.err"
wg export ledger --project HZ000002 >"$T_DIR/ledger2.csv" 2>/dev/null
t_eq "ledger CSV: --project filters (header only here)" 1 "$(wc -l <"$T_DIR/ledger2.csv")"
t_fails "ledger: an unknown project is refused" wg export ledger --project HZ000009

cat >"$T_DIR/payroll.want" <<'CSV'
project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date
HZ000001,91330100MA2AAAAA2H,2026-05,510122198503150028,1,344.83,0.00,344.83,2026-06-15
HZ000001,91330100MA2AAAAA3L,2026-05,51012219850315001X,2,700.00,20.00,680.00,
CSV
t_ok "payroll CSV export" wg export payroll HZ000001 2026-05 -o "$T_DIR/payroll.csv"
t_cmp "payroll CSV: the columns of import payroll" "$T_DIR/payroll.want" "$T_DIR/payroll.csv"
wg import payroll "$T_DIR/payroll.csv" 2>"$T_DIR/reimport.err"
t_grep "payroll CSV imports back unchanged" "2 rows of payroll: 0 new, 2 unchanged" "$T_DIR/reimport.err"
t_fails "payroll: an unknown project is refused" wg export payroll HZ000009 2026-05
t_fails "payroll: a bad period is refused" wg export payroll HZ000001 2026-13

# a worker-month with a payment and no payroll line is a pay cycle of the ledger too
printf 'txn_id,project_code,id_number,period,amount,paid_on,bank_card,status\nPAY-0009,HZ000002,510122198503150036,2026-05,100,2026-06-12,6228481234567890017,ok\n' >"$T_DIR/pay9.csv"
wg import payments "$T_DIR/pay9.csv" 2>/dev/null
wg export ledger --project HZ000002 --period 2026-05 >"$T_DIR/ledger3.csv" 2>/dev/null
t_eq "ledger: a payment without payroll is a row with empty payroll fields" \
	"HZ000002,滨江路市政改造,,,2026-05,2026-06-12,王强,510122198503150036,15987654321,,,,,100.00,PAY-0009," \
	"$(sed -n 2p "$T_DIR/ledger3.csv")"

# --- XLSX ---------------------------------------------------------------------------------
t_ok "ledger XLSX export" wg export ledger --project HZ000001 -o "$T_DIR/ledger.xlsx"
t_eq "it is a zip file" "PK" "$(head -c 2 "$T_DIR/ledger.xlsx")"
unzip -p "$T_DIR/ledger.xlsx" xl/worksheets/sheet1.xml >"$T_DIR/sheet1.xml"
unzip -p "$T_DIR/ledger.xlsx" xl/styles.xml >"$T_DIR/styles.xml"
unzip -p "$T_DIR/ledger.xlsx" xl/workbook.xml >"$T_DIR/workbook.xml"
t_grep "XLSX: the sheet is called ledger" '<sheet name="ledger"' "$T_DIR/workbook.xml"
t_grep "XLSX: the header row" "<t>employer_name</t>" "$T_DIR/sheet1.xml"
t_grep "XLSX: a worker's name as text" "<t>张伟</t>" "$T_DIR/sheet1.xml"
t_grep "XLSX: the ID number as text, not a number" "<t>51012219850315001X</t>" "$T_DIR/sheet1.xml"
t_grep "XLSX: the other ID number as text too" "<t>510122198503150028</t>" "$T_DIR/sheet1.xml"
t_grep "XLSX: a name with a comma" "<t>杭州鑫盛劳务分包有限公司, 二分公司</t>" "$T_DIR/sheet1.xml"
t_grep "XLSX: gross 344.83 as a number" "<v>344.83</v>" "$T_DIR/sheet1.xml"
t_grep "XLSX: net 680 as a number" "<c r=\"M3\" s=\"2\"><v>680</v></c>" "$T_DIR/sheet1.xml"
t_grep "XLSX: deductions 20 as a number" "<c r=\"L3\" s=\"2\"><v>20</v></c>" "$T_DIR/sheet1.xml"
t_grep "XLSX: days as a number" "<c r=\"J3\"><v>2</v></c>" "$T_DIR/sheet1.xml"
t_grep "XLSX: the money format is 0.00" 'formatCode="0.00"' "$T_DIR/styles.xml"
t_ok "payroll XLSX export" wg export payroll HZ000001 2026-05 --format xlsx -o "$T_DIR/payroll.xlsx"
unzip -p "$T_DIR/payroll.xlsx" xl/worksheets/sheet1.xml >"$T_DIR/psheet.xml"
t_grep "payroll XLSX: due date as text" "<t>2026-06-15</t>" "$T_DIR/psheet.xml"
t_grep "payroll XLSX: net as a number" "<v>344.83</v>" "$T_DIR/psheet.xml"
t_fails "XLSX: an unknown format is refused" wg export ledger --format ods

# --- SIF export ---------------------------------------------------------------------------
wg export payroll HZ000001 2026-05 --format sif >/dev/null 2>"$T_DIR/two.err"
t_grep "SIF: one file is one employer's; two need --employer" "has 2 employers (91330100MA2AAAAA2H, 91330100MA2AAAAA3L)" "$T_DIR/two.err"
cat >"$T_DIR/a.want" <<'SIF'
EDR,51012219850315001X,ICBC,6222021234567890123,2026-05-01,2026-05-31,2,680.00,0.00,0
SCR,91330100MA2AAAAA3L,ICBC,2026-06-05,0930,052026,1,680.00,CNY,HZ000001
SIF
t_ok "SIF export of one employer" wg export payroll HZ000001 2026-05 --employer 91330100MA2AAAAA3L --created "2026-06-05 09:30" -o "$T_DIR/a.sif"
t_cmp "SIF: EDR (person id, agent, account, pay start/end, days, net, 0, 0) and SCR" "$T_DIR/a.want" "$T_DIR/a.sif"
t_ok "SIF export of the other employer" wg export payroll HZ000001 2026-05 --format sif --employer 91330100MA2AAAAA2H -o "$T_DIR/b.sif"
t_grep "SIF: the SCR totals the EDRs" ",052026,1,344.83,CNY,HZ000001" "$T_DIR/b.sif"

# --- SIF round trip: nothing changes ---------------------------------------------------------
wg ledger log >"$T_DIR/log1"
wg import-sif --project HZ000001 "$T_DIR/a.sif" 2>"$T_DIR/rt.err"
wg import-sif --project HZ000001 "$T_DIR/b.sif" 2>>"$T_DIR/rt.err"
t_grep "SIF import of our own export: unchanged" "a.sif: 1 rows of payroll: 0 new, 1 unchanged, 0 amended" "$T_DIR/rt.err"
t_grep "... the other employer's too (due date kept)" "b.sif: 1 rows of payroll: 0 new, 1 unchanged, 0 amended" "$T_DIR/rt.err"
wg export payroll HZ000001 2026-05 -o "$T_DIR/payroll2.csv" 2>/dev/null
t_cmp "SIF round trip leaves the payroll as it was" "$T_DIR/payroll.want" "$T_DIR/payroll2.csv"
wg ledger log >"$T_DIR/log2"
t_cmp "SIF round trip adds no ledger entry" "$T_DIR/log1" "$T_DIR/log2"

# a new line from a bank's SIF: net = fixed + variable, gross = net
cat >"$T_DIR/new.sif" <<'SIF'
EDR,510122198503150036,ABC,6228 4812 3456 7890 017,2026-05-01,2026-05-31,1,250.00,50,0
EVP,510122198503150036,ABC,50.00,0.00,0.00,0.00,0.00,0.00,0.00
SCR,91330100MA2AAAAA2H,CCB,2026-06-05,1000,052026,1,300.00,CNY,bank-ref-7
SIF
t_ok "a SIF with a new payroll line imports" wg import-sif --project HZ000002 "$T_DIR/new.sif"
t_eq "... stored as employer, period, worker, days, gross = net = fixed + variable" \
	"HZ000002,91330100MA2AAAAA2H,2026-05,510122198503150036,1,300.00,0.00,300.00," \
	"$(wg export payroll HZ000002 2026-05 2>/dev/null | sed -n 2p)"
t_ok "... and again: idempotent" wg import-sif --project HZ000002 "$T_DIR/new.sif"
wg ledger log >"$T_DIR/log3"

# --- SIF refusals: control totals -------------------------------------------------------------
sed 's/,1,680.00,CNY/,1,690.00,CNY/' "$T_DIR/a.sif" >"$T_DIR/total.sif"
wg import-sif --project HZ000001 "$T_DIR/total.sif" 2>"$T_DIR/total.err"
t_grep "a wrong SCR total is refused naming the SCR line" "total.sif:2: field 'total_salary': is 690.00 but the EDR records add up to 680.00" "$T_DIR/total.err"
t_grep "... and nothing is stored" "total.sif: 1 problem; nothing was imported" "$T_DIR/total.err"
sed 's/,052026,1,/,052026,3,/' "$T_DIR/a.sif" >"$T_DIR/count.sif"
wg import-sif --project HZ000001 "$T_DIR/count.sif" 2>"$T_DIR/count.err"
t_grep "a wrong SCR count is refused naming the SCR line" "count.sif:2: field 'edr_count': is 3 but the file has 1 EDR record" "$T_DIR/count.err"
t_fails "... exit status 1" wg import-sif --project HZ000001 "$T_DIR/count.sif"
# a changed line with a wrong total: nothing of it may be stored
sed 's/,680.00,0.00,0$/,600.00,0.00,0/' "$T_DIR/a.sif" >"$T_DIR/changed.sif"
t_fails "a changed net with a stale total is refused even with --amend" wg import-sif --amend --project HZ000001 "$T_DIR/changed.sif"
wg ledger log >"$T_DIR/log4"
t_cmp "refused SIF files add no ledger entry" "$T_DIR/log3" "$T_DIR/log4"
wg export payroll HZ000001 2026-05 -o "$T_DIR/payroll3.csv" 2>/dev/null
t_cmp "refused SIF files leave the payroll as it was" "$T_DIR/payroll.want" "$T_DIR/payroll3.csv"

# --- SIF refusals: bad fields, named by file:line ---------------------------------------------
cat >"$T_DIR/bad.sif" <<'SIF'
EDR,51012219850315001Y,ICBC,6222021234567890123,2026-05-01,2026-05-31,2,680.00,0.00,0

EDR,510122198503150028,CCB,6217001234567890,2026-05-01,2026-05-30,x,344.83,0.00,0
EDR,510122198503150028,CCB,6217001234567890
EDR,51012219850315001X,ICBC,6222021234567890999,2026-05-01,2026-05-31,2,680.00,0.00,0
XYZ,1,2
SCR,91330100MA2AAAAA3L,ICBC,2026-06-05,0930,052026,4,1704.83,AED,HZ000001
SIF
wg import-sif --project HZ000001 "$T_DIR/bad.sif" 2>"$T_DIR/bad.err"
sed "s|$T_DIR/||" "$T_DIR/bad.err" >"$T_DIR/bad.out"
cat >"$T_DIR/bad.want" <<'OUT'
bad.sif:1: field 'person_id': '51012219850315001Y' is not a resident ID number: invalid character
bad.sif:3: field 'pay_end': '2026-05-30' is not the last day of the pay month (2026-05-31)
bad.sif:3: field 'days_in_period': 'x' is not a number of days (0 to 31)
bad.sif:4: EDR record has 4 fields, expected 10
bad.sif:5: field 'account': '6222021234567890999' is not the worker's registered card (6222 **** **** 0123)
bad.sif:6: field 'record_type': 'XYZ' is not a record type (EDR, SCR)
bad.sif:7: field 'currency': 'AED' is not CNY (wages here are paid in yuan)
bad.sif: 7 problems; nothing was imported
OUT
t_cmp "every bad field is named with file, line and field" "$T_DIR/bad.want" "$T_DIR/bad.out"
# problems the payroll importer finds are moved to the SIF's lines and fields too
cat >"$T_DIR/unreg.sif" <<'SIF'
EDR,510122198503150044,ABC,6228481234567890017,2026-05-01,2026-05-31,3,100,0.00,0
EDR,51012219850315001X,ICBC,6222021234567890123,2026-05-01,2026-05-31,40,680.00,0.00,0
SCR,91330100MA2AAAAA3L,ICBC,2026-06-05,0930,052026,2,780.00,CNY,HZ000001
SIF
wg import-sif --project HZ000001 "$T_DIR/unreg.sif" 2>"$T_DIR/unreg.err"
t_grep "a bad days field names the SIF line" "unreg.sif:2: field 'days_in_period': '40' is not a number of days (0 to 31)" "$T_DIR/unreg.err"
sed -i 's/,40,680.00/,2,680.00/' "$T_DIR/unreg.sif"
wg import-sif --project HZ000001 "$T_DIR/unreg.sif" 2>"$T_DIR/unreg2.err"
t_grep "an unregistered worker is named at the SIF line" "unreg.sif:1: field 'person_id': worker '510122198503150044' is not registered (import workers first)" "$T_DIR/unreg2.err"
t_grep "... and nothing of the file is stored" "unreg.sif: 1 problem; nothing was imported" "$T_DIR/unreg2.err"
printf 'EDR,51012219850315001X,ICBC,6222021234567890123,2026-05-01,2026-05-31,2,680.00,0.00,0\n' >"$T_DIR/noscr.sif"
wg import-sif --project HZ000001 "$T_DIR/noscr.sif" 2>"$T_DIR/noscr.err"
t_grep "a SIF without SCR is refused" "noscr.sif: no SCR record" "$T_DIR/noscr.err"
wg import-sif --project HZ000009 "$T_DIR/a.sif" 2>"$T_DIR/noproj.err"
t_grep "an unknown --project is refused" "unknown project 'HZ000009'" "$T_DIR/noproj.err"
wg ledger log >"$T_DIR/log5"
t_cmp "none of the refused files added a ledger entry" "$T_DIR/log3" "$T_DIR/log5"

# --amend: a bank's SIF with another net replaces the line (gross = net), history kept
sed 's/,680.00,0.00,0$/,600.00,0.00,0/; s/,1,680.00,CNY/,1,600.00,CNY/' "$T_DIR/a.sif" >"$T_DIR/amend.sif"
wg import-sif --project HZ000001 "$T_DIR/amend.sif" 2>"$T_DIR/amend.err"
t_grep "a changed net needs --amend" "amend.sif:1: field 'fixed_income': this payroll is already stored with net 680.00; use --amend to change it" "$T_DIR/amend.err"
t_ok "--amend takes it" wg import-sif --amend --project HZ000001 "$T_DIR/amend.sif"
t_eq "... stored with gross = net" "HZ000001,91330100MA2AAAAA3L,2026-05,51012219850315001X,2,600.00,0.00,600.00," \
	"$(wg export payroll HZ000001 2026-05 2>/dev/null | sed -n 3p)"
t_eq "... the old version stays in the ledger history" 2 "$(wg ledger history payroll HZ000001 2026-05 51012219850315001X | wc -l)"
t_ok "the ledger is intact" wg ledger verify
t_done
