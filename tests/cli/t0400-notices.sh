#!/bin/bash
# t0400 — the wage publicity notice and the rights notice board (SPEC §6): as HTML and as PDF
# they carry the project, names, masked ID numbers (never the full ones), amounts, pay dates
# and the 12333 hotline; the PDF's Chinese text extracts and its first page is drawn; the
# notice configuration keys are validated, inherited by region prefix and shown.
. "$(dirname "$0")/../lib.sh"
B="$FIX/basic"
for k in enterprises projects subcontracts accounts workers employments attendance allocations payroll payments calendar; do
	wg import "$k" "$B/$k.csv" 2>>"$T_DIR/import.err" || echo "import $k failed" >>"$T_DIR/import.err"
done
t_nogrep "the basic data set imports" "failed" "$T_DIR/import.err"

# dark_pixels PDF: how many pixels of page 1, rendered in grey at 30 dpi, are darker than
# mid-grey (a blank page has none)
dark_pixels() {
	pdftoppm -gray -r 30 -f 1 -l 1 "$1" "$T_DIR/page" &&
		od -An -v -tu1 "$T_DIR/page-1.pgm" | tr -s ' ' '\n' | awk 'NF && $1 < 128 { n++ } END { print n + 0 }'
}
# red_pixels PDF: pixels of page 1 in the notice's red (the title and its rule)
red_pixels() {
	pdftoppm -r 30 -f 1 -l 1 "$1" "$T_DIR/colour" || return
	local size; size=$(sed -n 2p "$T_DIR/colour-1.ppm")
	tail -c $((${size% *} * ${size#* } * 3)) "$T_DIR/colour-1.ppm" | od -An -v -tu1 | tr -s ' ' '\n' |
		awk 'NF { b[n % 3] = $1; n++; if (n % 3 == 0 && b[0] > 150 && b[1] < 100 && b[2] < 100) r++ } END { print r + 0 }'
}

# --- publicity notice, HTML ---------------------------------------------------------------
P="$T_DIR/pub.html"
t_ok "publicity notice as HTML" wg notice publicity HZ000001 2026-05 --date 2026-06-11 -o "$P"
t_grep "HTML: title" "<h1>农民工工资发放公示</h1>" "$P"
t_grep "HTML: project name" "钱江新城安置房一期" "$P"
t_grep "HTML: general contractor" "浙江宏达建设集团有限公司" "$P"
t_grep "HTML: construction unit" "杭州城投置业有限公司" "$P"
t_grep "HTML: both employers in the title block" "浙江宏达建设集团有限公司、杭州鑫盛劳务分包有限公司, 二分公司" "$P"
t_grep "HTML: worker 张伟 with masked ID, days, net, paid, pay date" '<td class="c">张伟</td><td class="c">510122********001X</td><td class="l">杭州鑫盛劳务分包有限公司, 二分公司</td><td class="r">2</td><td class="r">680.00</td><td class="r">680.00</td><td class="c">2026-06-10</td>' "$P"
t_grep "HTML: worker 李娜 with masked ID" "510122********0028" "$P"
t_grep "HTML: totals row" '<td class="r">3</td><td class="r">1024.83</td><td class="r">1024.83</td>' "$P"
t_grep "HTML: the complaint hotline" "12333" "$P"
t_grep "HTML: date of publication" "2026年6月11日" "$P"
t_grep "HTML: publicity period of 5 days by default" "2026年6月11日至2026年6月15日（5日）" "$P"
t_nogrep "HTML: never a full ID number (张伟)" "51012219850315001X" "$P"
t_nogrep "HTML: never a full ID number (李娜)" "510122198503150028" "$P"
t_nogrep "HTML: no external resource" "http" "$P"
t_nogrep "HTML: no script" "<script" "$P"
t_grep "HTML: print CSS for A4" "@page{size:A4" "$P"
wg notice publicity HZ000001 2026-05 --date 2026-06-11 >"$T_DIR/stdout.html"
t_cmp "without -o the page goes to standard output" "$P" "$T_DIR/stdout.html"

# --- publicity notice, PDF ------------------------------------------------------------------
PDF="$T_DIR/pub.pdf"
t_ok "publicity notice as PDF (format from the file name)" wg notice publicity HZ000001 2026-05 --date 2026-06-11 -o "$PDF"
t_eq "it is a PDF" "%PDF-" "$(head -c 5 "$PDF")"
t_eq "one A4 page" "Pages:           1|Page size:       595.276 x 841.89 pts (A4)" \
	"$(pdfinfo "$PDF" | grep -E '^(Pages|Page size):' | paste -sd '|')"
pdffonts "$PDF" >"$T_DIR/fonts"
t_grep "the CJK font is embedded" "NotoSansCJK" "$T_DIR/fonts"
pdftotext "$PDF" "$T_DIR/pub.txt"
t_grep "PDF text: title" "农民工工资发放公示" "$T_DIR/pub.txt"
t_grep "PDF text: project name" "钱江新城安置房一期" "$T_DIR/pub.txt"
t_grep "PDF text: a worker's name" "张伟" "$T_DIR/pub.txt"
t_grep "PDF text: the masked ID" "510122********001X" "$T_DIR/pub.txt"
t_grep "PDF text: the net" "680.00" "$T_DIR/pub.txt"
t_grep "PDF text: the other net" "344.83" "$T_DIR/pub.txt"
t_grep "PDF text: the total" "1024.83" "$T_DIR/pub.txt"
t_grep "PDF text: the pay date" "2026-06-10" "$T_DIR/pub.txt"
t_grep "PDF text: the hotline" "12333" "$T_DIR/pub.txt"
t_nogrep "PDF text: never the full ID" "51012219850315001X" "$T_DIR/pub.txt"
dark=$(dark_pixels "$PDF")
t_ok "page 1 renders with ink on it ($dark dark pixels)" test "${dark:-0}" -gt 2000
red=$(red_pixels "$PDF")
t_ok "page 1 has the red title and rule ($red red pixels)" test "${red:-0}" -gt 100

# --- what the notice says when a payment bounced --------------------------------------------
sed 's/,ok$/,returned/' "$B/payments.csv" | head -2 >"$T_DIR/returned.csv"
wg import payments "$T_DIR/returned.csv" 2>/dev/null
wg notice publicity HZ000001 2026-05 --date 2026-06-11 -o "$T_DIR/pub2.html"
t_grep "a returned payment is not paid" '<td class="r">680.00</td><td class="r">0.00</td><td class="c">未发放</td>' "$T_DIR/pub2.html"
t_grep "the totals row says what is owed" '<td class="r">344.83</td><td class="c">未发放 680.00</td>' "$T_DIR/pub2.html"
t_grep "the title block counts what is owed" "已发放 344.83 元，未发放 680.00 元（1 人未足额）" "$T_DIR/pub2.html"
printf 'txn_id,project_code,id_number,period,amount,paid_on,bank_card,status\nPAY-0003,HZ000001,51012219850315001X,2026-05,300,2026-06-20,6222021234567890123,ok\n' >"$T_DIR/part.csv"
wg import payments "$T_DIR/part.csv" 2>/dev/null
wg notice publicity HZ000001 2026-05 --date 2026-06-21 -o "$T_DIR/pub4.html"
t_grep "a part payment shows its date, flagged" '<td class="r">680.00</td><td class="r">300.00</td><td class="c">2026-06-20（未足额）</td>' "$T_DIR/pub4.html"

# --- rights notice board ----------------------------------------------------------------------
H="$T_DIR/board.html"
t_ok "rights notice board as HTML" wg notice board HZ000001 --date 2026-06-11 -o "$H"
t_grep "board: title" "<h1>农民工维权信息告示牌</h1>" "$H"
t_grep "board: construction unit with its USCC" "杭州城投置业有限公司（统一社会信用代码 91330100MA2AAAAA1E）" "$H"
t_grep "board: general contractor" "浙江宏达建设集团有限公司（统一社会信用代码 91330100MA2AAAAA2H）" "$H"
t_grep "board: its project office by default" "浙江宏达建设集团有限公司钱江新城安置房一期项目部" "$H"
t_grep "board: the subcontractor" "杭州鑫盛劳务分包有限公司, 二分公司（统一社会信用代码 91330100MA2AAAAA3L）" "$H"
t_grep "board: the industry regulator of a housing project" "住房和城乡建设主管部门" "$H"
t_grep "board: no minimum wage configured" "以当地人民政府最新公布的标准为准" "$H"
t_grep "board: pay date by default" "每月最后一日前足额支付上月工资" "$H"
t_grep "board: hotline 12333" "<th>劳动保障监察投诉举报电话</th><td class=\"l\">12333" "$H"
t_grep "board: arbitration" "劳动人事争议仲裁委员会" "$H"
t_grep "board: legal aid" "法律援助中心" "$H"
t_grep "board: legal service hotline" "12348" "$H"
t_grep "board: the wage account's bank" "开户银行 ICBC" "$H"
t_nogrep "board: no external resource" "http" "$H"
wg notice board HZ000002 --date 2026-06-11 -o "$T_DIR/board2.html"
t_grep "board: a project without subcontracts says so" '<th>分包单位</th><td class="l">无</td>' "$T_DIR/board2.html"
t_grep "board: a municipal project's regulator" "住房和城乡建设（市政）主管部门" "$T_DIR/board2.html"

# --- configuration: validated, inherited, shown ----------------------------------------------
t_ok "set a province's minimum wage" wg config set region.33.minimum_wage 2490
t_ok "set a district's minimum wage" wg config set region.330102.minimum_wage 2600.5
t_eq "a district key reads back" "2600.5" "$(wg config get region.330102.minimum_wage)"
t_eq "a district without a key inherits its province's" "2490" "$(wg config get region.330106.minimum_wage)"
t_fails "an unset region with no fallback has no minimum wage" wg config get region.11.minimum_wage
t_ok "set the labour-wage officer" wg config set project.HZ000001.wage_officer 王磊
t_ok "... and the telephone" wg config set project.HZ000001.wage_officer_phone 0571-88886666
t_ok "set the pay day" wg config set notice.pay_day 15
t_ok "set the arbitration channel of a city" wg config set region.3301.arbitration "杭州市劳动人事争议仲裁院（杭州市上城区解放东路18号）"
t_ok "set the hotline of a province" wg config set region.33.hotline 0571-12333
wg notice board HZ000001 --date 2026-06-11 -o "$T_DIR/board3.html"
t_grep "board: the district's minimum wage wins" "2600.50 元/月" "$T_DIR/board3.html"
t_grep "board: the officer and phone" "王磊（电话：0571-88886666）" "$T_DIR/board3.html"
t_grep "board: the pay day" "每月15日前足额支付上月工资" "$T_DIR/board3.html"
t_grep "board: the city's arbitration channel" "杭州市劳动人事争议仲裁院" "$T_DIR/board3.html"
t_grep "board: the province's hotline" "0571-12333" "$T_DIR/board3.html"
wg notice board HZ000002 --date 2026-06-11 -o "$T_DIR/board4.html"
t_grep "board: another district of the province gets the province's minimum wage" "2490.00 元/月" "$T_DIR/board4.html"
wg notice publicity HZ000001 2026-05 --date 2026-06-11 -o "$T_DIR/pub3.html"
t_grep "publicity: the officer to object to" "请向本项目劳资专管员王磊（电话：0571-88886666）反映" "$T_DIR/pub3.html"
t_ok "project pay day overrides the notice one" wg config set project.HZ000001.pay_day end
t_eq "config get shows the project's own value" "end" "$(wg config get project.HZ000001.pay_day)"
t_eq "config get shows what a project inherits" "15" "$(wg config get project.HZ000002.pay_day)"
wg config get >"$T_DIR/config.all"
t_grep "config get lists the warn keys still" "warn.ladder.red" "$T_DIR/config.all"
t_grep "config get lists notice keys with defaults" "notice.legal_hotline" "$T_DIR/config.all"
t_grep "config get lists a set region key" "region.330102.minimum_wage 2600.5" "$T_DIR/config.all"
t_grep "config get lists a set project key" "project.HZ000001.wage_officer" "$T_DIR/config.all"
t_ok "warn keys still set" wg config set warn.ladder.orange 10
t_eq "warn keys still read back" "10" "$(wg config get warn.ladder.orange)"
wg config set region.99.minimum_wage 1 2>"$T_DIR/bad1.err"
t_grep "a region code of no province is refused" "region code must be 2, 4 or 6 digits" "$T_DIR/bad1.err"
t_fails "a negative minimum wage is refused" wg config set region.33.minimum_wage -5
t_fails "a day 32 is refused" wg config set notice.pay_day 32
t_fails "an unknown notice key is refused" wg config set notice.bogus x
t_fails "an unknown region setting is refused" wg config set region.33.bogus x
t_fails "a phone that is no phone is refused" wg config set project.HZ000001.office_phone abc
wg config set project.HZ999999.office x 2>"$T_DIR/bad2.err"
t_grep "a key of an unknown project is refused" "unknown project 'HZ999999'" "$T_DIR/bad2.err"
t_fails "a value with a line break is refused" wg config set notice.legal_aid "$(printf 'a\nb')"

# --- refusals -----------------------------------------------------------------------------------
wg notice publicity HZ000001 2026-07 2>"$T_DIR/none.err"
t_grep "a period without payroll is refused" "project 'HZ000001' has no payroll for 2026-07" "$T_DIR/none.err"
t_fails "an unknown project is refused" wg notice board HZ000009
t_fails "an unknown format is refused" wg notice board HZ000001 --format docx
t_ok "a board PDF renders" wg notice board HZ000001 --date 2026-06-11 -o "$T_DIR/board.pdf"
t_eq "the board fits one page" "Pages:           1" "$(pdfinfo "$T_DIR/board.pdf" | grep '^Pages:')"
pdftotext "$T_DIR/board.pdf" "$T_DIR/board.txt"
t_grep "board PDF text: the hotline" "12333" "$T_DIR/board.txt"
t_grep "board PDF text: the subcontractor" "杭州鑫盛劳务分包有限公司" "$T_DIR/board.txt"
t_grep "board PDF text: the minimum wage" "2600.50" "$T_DIR/board.txt"
t_done
