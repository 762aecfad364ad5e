#!/bin/bash
# t0010 — every kind imports; a bad file reports every problem and stores nothing;
# re-import changes nothing; --amend keeps history; a returned payment stops counting.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
KINDS="enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar"

t_ok "init creates a database" wg init
for k in $KINDS; do
	t_ok "import $k: a good file" wg import "$k" "$B/$k.csv"
done
wg show project HZ000001 --json >"$T_DIR/p1.json"
t_eq "project shows its payroll net" '"net": "1024.83",' "$(grep '"net"' "$T_DIR/p1.json" | tr -d ' ' | sed 's/:/: /')"
t_eq "project counts attendance days with hours > 0" '"attendance_days": 4,' "$(grep attendance_days "$T_DIR/p1.json" | tr -d ' ' | sed 's/:/: /')"
t_eq "dedicated account number is stored as digits" '"account_no": "1202021234567890123"' "$(grep account_no "$T_DIR/p1.json" | sed 's/^ *//')"
wg ledger log >"$T_DIR/ledger1"
t_eq "each import writes a block of rows and an import entry" 22 "$(grep -c '^[0-9]' "$T_DIR/ledger1")"
t_eq "every imported row has its line in the ledger" 31 "$(grep -c "$(printf '^\t[^{]')" "$T_DIR/ledger1")"

# the same files again: nothing changes, not even the ledger
for k in $KINDS; do wg import "$k" "$B/$k.csv" 2>>"$T_DIR/again.err" || echo "reimport $k failed" >>"$T_DIR/again.err"; done
t_nogrep "re-import succeeds for every kind" "failed" "$T_DIR/again.err"
t_grep "re-import reports rows as unchanged" "6 rows of attendance: 0 new, 6 unchanged" "$T_DIR/again.err"
t_grep "… and the status changes, filled in" "6 rows of attendance: 0 new, 6 unchanged, 0 amended, 0 status changes" "$T_DIR/again.err"
t_nogrep "… without a BUG line" "BUG" "$T_DIR/again.err"
wg show project HZ000001 --json >"$T_DIR/p2.json"
t_cmp "re-import leaves every total unchanged" "$T_DIR/p1.json" "$T_DIR/p2.json"
wg ledger log >"$T_DIR/ledger2"
t_cmp "re-import adds no ledger entry" "$T_DIR/ledger1" "$T_DIR/ledger2"

# a file with problems on several lines: all reported, nothing stored
cat >"$T_DIR/bad.csv" <<'CSV'
project_code,id_number,employer_uscc,team,trade,wage_type,wage_rate,start_date,end_date
HZ000002,510122198503150044,91330100MA2AAAAA2H,木工班,木工,daily,300,2026-04-01,
HZ000001,510122198503150036,91330100MA2AAAAA2H,木工班,木工,hourly,300,2026-04-01,
HZ000009,36042619910102009X,91330100MA2AAAAA2N,木工班,木工,daily,-5,2026-02-30,
HZ000001,510122198503150028,91330100MA2AAAAA2H,木工班,木工,monthly,7500,2026-05-01,
HZ000001,510122198503150036,91330100MA2AAAAA2H,木工班,木工,daily,300,2026-04-01,2026-03-01
HZ000001,510122198503150036,91330100MA2AAAAA2H,木工班,木工,monthly,0,2026-04-01,
HZ000001,510122198503150036
HZ000001,510122198503150036,91330100MA2AAAAA2H,"木工班
二组",木工,daily,300,2026-06-01,2026-06-02
HZ000001,5101221985031500
CSV
t_fails "a bad file is refused" wg import employments "$T_DIR/bad.csv"
wg import employments "$T_DIR/bad.csv" 2>"$T_DIR/bad.err"
sed "s|$T_DIR/||" "$T_DIR/bad.err" >"$T_DIR/bad.out"
cat >"$T_DIR/bad.want" <<'OUT'
bad.csv:2: column 'id_number': worker '510122198503150044' is not registered (import workers first)
bad.csv:3: column 'wage_type': 'hourly' is not one of: daily, monthly, piece
bad.csv:4: column 'id_number': '36042619910102009X' is not a resident ID number: check character does not match
bad.csv:4: column 'employer_uscc': '91330100MA2AAAAA2N' is not a unified social credit code: check character does not match
bad.csv:4: column 'wage_rate': '-5' is not an amount in yuan: negative amount
bad.csv:4: column 'start_date': '2026-02-30' is not a valid date (YYYY-MM-DD)
bad.csv:4: column 'project_code': unknown project 'HZ000009' (import projects first)
bad.csv:5: column 'start_date': overlaps the employment of this worker on this project that starts 2026-04-01
bad.csv:6: column 'end_date': is before start_date
bad.csv:7: column 'wage_rate': must be above 0 for a monthly wage
bad.csv:8: record has 2 fields, header has 9
bad.csv:9: column 'team': contains a line break or another control character
bad.csv:11: record has 2 fields, header has 9
bad.csv: 13 problems; nothing was imported
OUT
t_cmp "every problem is reported with file, line and column" "$T_DIR/bad.want" "$T_DIR/bad.out"
# the same problems in Chinese, the default when the locale does not ask for English
WAGEGUARD_LANG= LC_ALL= LC_MESSAGES= LANG=C.UTF-8 wg import employments "$T_DIR/bad.csv" 2>"$T_DIR/bad.zh"
sed "s|$T_DIR/||" "$T_DIR/bad.zh" >"$T_DIR/bad.zh.out"
cat >"$T_DIR/bad.zh.want" <<'OUT'
bad.csv:2: 列 'id_number'：工人 '510122198503150044' 未登记（请先导入 workers）
bad.csv:3: 列 'wage_type'：'hourly' 不是以下之一：daily, monthly, piece
bad.csv:4: 列 'id_number'：'36042619910102009X' 不是居民身份证号码：校验码不符
bad.csv:4: 列 'employer_uscc'：'91330100MA2AAAAA2N' 不是统一社会信用代码：校验码不符
bad.csv:4: 列 'wage_rate'：'-5' 不是以元为单位的金额：金额为负
bad.csv:4: 列 'start_date'：'2026-02-30' 不是有效日期（YYYY-MM-DD）
bad.csv:4: 列 'project_code'：项目 'HZ000009' 不存在（请先导入 projects）
bad.csv:5: 列 'start_date'：与该工人在本项目上始于 2026-04-01 的用工记录重叠
bad.csv:6: 列 'end_date'：早于 start_date
bad.csv:7: 列 'wage_rate'：monthly 计薪方式的工资标准必须大于 0
bad.csv:8: 该记录有 2 个字段，表头有 9 个
bad.csv:9: 列 'team'：含有换行符或其他控制字符
bad.csv:11: 该记录有 2 个字段，表头有 9 个
bad.csv: 13 处问题；未导入任何数据
OUT
t_cmp "problems are in Chinese by default (LANG=C.UTF-8)" "$T_DIR/bad.zh.want" "$T_DIR/bad.zh.out"
WAGEGUARD_LANG= LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 wg import employments "$T_DIR/bad.csv" 2>"$T_DIR/bad.en"
t_grep "and in English when the locale says English" "bad.csv: 13 problems; nothing was imported" "$T_DIR/bad.en"
wg ledger log >"$T_DIR/ledger3"
t_cmp "a refused file adds no ledger entry" "$T_DIR/ledger1" "$T_DIR/ledger3"
wg show project HZ000001 --json >"$T_DIR/p3.json"
t_cmp "a refused file stores no row" "$T_DIR/p1.json" "$T_DIR/p3.json"

# header problems are reported on line 1
printf 'project_code,id_number,when,hours\nHZ000001,51012219850315001X,2026-05-06,8\n' >"$T_DIR/hdr.csv"
wg import attendance "$T_DIR/hdr.csv" 2>"$T_DIR/hdr.err"
t_grep "an unknown column is named" "hdr.csv:1: column 'when': unknown column" "$T_DIR/hdr.err"
t_grep "a missing column is named" "hdr.csv:1: column 'date': missing required column" "$T_DIR/hdr.err"

# a changed value without --amend is refused; with --amend the old value stays in history
sed 's/,700,20,680,/,720,20,700,/' "$B/payroll.csv" >"$T_DIR/payroll2.csv"
wg import payroll "$T_DIR/payroll2.csv" 2>"$T_DIR/conflict.err"
t_grep "a changed value needs --amend" "payroll2.csv:2: column 'gross': this payroll is already stored with '700.00' here; use --amend to change it" "$T_DIR/conflict.err"
t_ok "--amend accepts the change" wg import --amend payroll "$T_DIR/payroll2.csv"
wg ledger history payroll HZ000001 2026-05 51012219850315001X >"$T_DIR/hist"
t_eq "history has both versions" 2 "$(wc -l <"$T_DIR/hist")"
t_grep "history keeps the old net" ",700.00,20.00,680.00," "$T_DIR/hist"
t_grep "history has the new net, marked amend" "$(printf 'amend\tpayroll')" "$T_DIR/hist"
t_eq "the project total follows the amendment" '"net": "1044.83",' "$(wg show project HZ000001 --json | grep '"net"' | sed 's/^ *//')"

# a payment first ok, then returned by the bank: no longer paid, no --amend needed
wg show worker 51012219850315001X --json >"$T_DIR/w1.json"
t_grep "the ok payment counts as paid" '"paid": "680.00"' "$T_DIR/w1.json"
sed 's/,ok$/,returned/' "$B/payments.csv" | head -2 >"$T_DIR/returned.csv"
t_ok "a status change imports without --amend" wg import payments "$T_DIR/returned.csv"
wg show worker 51012219850315001X --json >"$T_DIR/w2.json"
t_grep "the returned payment no longer counts" '"paid": "0.00"' "$T_DIR/w2.json"
t_grep "the worker is owed the net again" '"unpaid": "700.00"' "$T_DIR/w2.json"
t_ok "re-importing the returned status is a no-op" wg import payments "$T_DIR/returned.csv"
t_eq "... and counts nothing twice" '"paid": "344.83",' "$(wg show project HZ000001 --json | grep '"paid"' | sed 's/^ *//')"
t_ok "ledger is intact after all of this" wg ledger verify
t_done
