#!/bin/bash
# t0420 — what a first try tripped on (issue 11): a notice's format comes from --format or a
# known extension of -o FILE, never a guess (x.txt holding HTML); `ledger log --kind` names an
# unknown kind and lists the known ones; `payslip` without --project works the project out.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>>"$T_DIR/import.err" || echo "import $k failed" >>"$T_DIR/import.err"
done
t_nogrep "the basic data set imports" "failed" "$T_DIR/import.err"

# --- notice formats ---------------------------------------------------------------------
n() { wg notice publicity HZ000001 2026-05 --date 2026-06-11 "$@"; }
n -o "$T_DIR/x.txt" 2>"$T_DIR/txt.err"
t_eq "-o x.txt without --format exits 2" 2 $?
t_ok "… and writes no file" test ! -e "$T_DIR/x.txt"
t_grep "… saying which formats it knows" "name the file .html or .pdf, or give --format html|pdf" "$T_DIR/txt.err"
t_fails "-o with no extension at all is refused too" n -o "$T_DIR/notice"
t_ok "--format html -o x.txt writes HTML" n --format html -o "$T_DIR/y.txt"
t_grep "… HTML indeed" "<!DOCTYPE html>" "$T_DIR/y.txt"
t_ok "--format pdf -o x.bin writes a PDF" n --format pdf -o "$T_DIR/y.bin"
t_eq "… a PDF indeed" "%PDF" "$(head -c 4 "$T_DIR/y.bin")"
n --format pdf -o "$T_DIR/z.html" 2>"$T_DIR/clash.err"
t_eq "--format pdf -o z.html (a contradiction) exits 2" 2 $?
t_grep "… naming both" "--format pdf, but '$T_DIR/z.html' is named as html" "$T_DIR/clash.err"
t_ok "an upper-case .PDF is a PDF" n -o "$T_DIR/UP.PDF"
t_eq "… a PDF indeed" "%PDF" "$(head -c 4 "$T_DIR/UP.PDF")"
t_ok ".htm is HTML" n -o "$T_DIR/p.htm"
t_grep "… HTML indeed" "<!DOCTYPE html>" "$T_DIR/p.htm"
n >"$T_DIR/stdout.html"
t_grep "no -o: HTML on standard output" "<!DOCTYPE html>" "$T_DIR/stdout.html"
t_fails "--format docx is refused" n --format docx -o "$T_DIR/w.docx"
t_fails "board -o board.txt is refused as well" wg notice board HZ000001 -o "$T_DIR/board.txt"

# --- ledger log --kind ------------------------------------------------------------------
wg ledger log --kind nonsense >"$T_DIR/log.out" 2>"$T_DIR/log.err"
t_eq "ledger log --kind nonsense exits 2" 2 $?
t_grep "… naming the unknown kind" "unknown kind 'nonsense'" "$T_DIR/log.err"
t_grep "… listing the known ones" "enterprises, projects, subcontracts, accounts, workers, employments, attendance, allocations, payroll, payments, calendar, project_events, import, confirmation" "$T_DIR/log.err"
t_eq "… printing no entries" "" "$(cat "$T_DIR/log.out")"
wg ledger log --kind payroll >"$T_DIR/payroll.log"
t_ok "ledger log --kind payroll lists payroll entries" grep -q "	payroll	" "$T_DIR/payroll.log"
t_nogrep "… and only those" "	workers	" "$T_DIR/payroll.log"
wg ledger log --kind import >"$T_DIR/import.log"
t_ok "ledger log --kind import lists the imports" grep -q "	import	" "$T_DIR/import.log"

# --- payslip: the project worked out ----------------------------------------------------
line=$(awk -F, 'NR > 1 { print $4, $3, $1; exit }' "$B/payroll.csv")
read -r id period project <<<"$line"
count=$(awk -F, -v w="$id" -v p="$period" 'NR > 1 && $4 == w && $3 == p { print $1 }' "$B/payroll.csv" | sort -u | wc -l)
t_eq "the fixture's worker has one project in $period" 1 "$count"
wg payslip "$id" "$period" --json >"$T_DIR/slip.json"
t_grep "payslip without --project finds the project" "\"project\": \"$project\"" "$T_DIR/slip.json"
t_done
