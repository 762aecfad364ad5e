#!/bin/bash
# t0730 — leads of the national arrears-lead platform (docs/formats.md) become cases, atomically
# and once; the cases raise COMPLAINTS in the scan as SPEC §5 states (edges in
# tests/fixtures/scan/complaints, also run by t0300 on DuckDB and t0310); the thresholds and the
# window are configuration.
. "$(dirname "$0")/../lib.sh"
K="$FIX/scan/complaints"
for k in enterprises projects; do wg import "$k" "$K/$k.csv" >/dev/null 2>&1 || echo "load $k failed" >>"$T_DIR/load.err"; done
t_ok "the fixture loads" test ! -s "$T_DIR/load.err"

# a bad file: every problem named, nothing stored
{ head -1 "$K/cases.csv"; sed -n 2p "$K/cases.csv"
  echo "X1,2026-06-31,91330100MA2AAAAA2H,330102199001011001,100,HZ200001,,"
  echo "X2,2026-06-10,91330100MA2AAAAA2X,330102199001011001,1e3,HZ200001,fax,"
} >"$T_DIR/bad.csv"
t_fails "a file with bad rows is refused" wg case import "$T_DIR/bad.csv"
wg case import "$T_DIR/bad.csv" 2>"$T_DIR/bad.err"
t_grep "... naming the line and column of a bad date" "bad.csv:3: column 'received': '2026-06-31' is not a valid date" "$T_DIR/bad.err"
t_grep "... a bad ID number" "bad.csv:3: column 'id_number'" "$T_DIR/bad.err"
t_grep "... a bad USCC" "bad.csv:4: column 'employer_uscc'" "$T_DIR/bad.err"
t_grep "... a bad amount" "bad.csv:4: column 'amount': '1e3' is not an amount" "$T_DIR/bad.err"
t_grep "... an unknown channel" "bad.csv:4: column 'channel': 'fax' is not a channel" "$T_DIR/bad.err"
t_eq "... and no case is stored" 0 "$(t_sql "SELECT count(*) FROM cases")"
printf 'lead_id,received,employer_uscc,id_number\n' >"$T_DIR/nocol.csv"
wg case import "$T_DIR/nocol.csv" 2>"$T_DIR/nocol.err"
t_grep "a missing column is named" "column 'amount': missing required column" "$T_DIR/nocol.err"

wg case import "$K/cases.csv" 2>"$T_DIR/imp.err"
t_grep "the leads become cases" "32 leads: 32 new cases, 0 joined open cases, 0 imported before" "$T_DIR/imp.err"
t_eq "... one case a lead, the two workers of L3-10 in one" "1500.00" "$(wg case list --json | tr -d ' \n' | grep -o '"project":"HZ200003","region":"330102","received":"2026-06-20"[^}]*' | grep -o '"claimed":"[0-9.]*"' | cut -d'"' -f4)"
t_eq "... channel platform (one tip-off)" 31 "$(t_sql "SELECT count(*) FROM cases WHERE channel='platform'")"
t_eq "... a lead's rejection is recorded" 3 "$(t_sql "SELECT count(*) FROM cases WHERE status='rejected'")"
wg case import "$K/cases.csv" 2>"$T_DIR/again.err"
t_grep "importing the file again changes nothing" "32 leads: 0 new cases, 0 joined open cases, 32 imported before" "$T_DIR/again.err"
t_eq "... still 32 cases" 32 "$(t_sql "SELECT count(*) FROM cases")"

wg scan --as-of 2026-06-30 >"$T_DIR/scan.jsonl" 2>/dev/null
t_cmp "the scan raises COMPLAINTS exactly as the fixture says" "$K/expected.jsonl" "$T_DIR/scan.jsonl"
wg warnings --rule COMPLAINTS --json >"$T_DIR/stored.jsonl"
t_eq "... and records them" 4 "$(grep -c COMPLAINTS "$T_DIR/stored.jsonl")"
wg config set warn.complaints.red 11 >/dev/null
t_grep "warn.complaints.red 11 leaves 10 cases orange" '{"rule":"COMPLAINTS","level":"orange","project":"HZ200003"' <(wg scan --as-of 2026-06-30 --no-record 2>/dev/null)
wg config set warn.complaints.window 31 >/dev/null
t_grep "warn.complaints.window 31 takes in D - 30" '"project":"HZ200002","employer":null,"worker":null,"period":null,"amount":"300.00"' <(wg scan --as-of 2026-06-30 --no-record 2>/dev/null)
wg config set warn.complaints.window 30 >/dev/null
t_grep "a day later the window is [06-02, 07-01]: HZ200001 drops 06-01 and takes in 07-01" '"project":"HZ200001","employer":null,"worker":null,"period":null,"amount":"10499.50"' <(wg scan --as-of 2026-07-01 --no-record 2>/dev/null)

# a new complaint through the hotline joins the open case of the same worker
w=$(sed -n 2p "$K/cases.csv" | cut -d, -f4)
t_eq "a later hotline complaint of a lead's worker joins the lead's case" "$(t_sql "SELECT case_number FROM case_leads WHERE lead_id='L1-1'") (joined)" \
	"$(wg case open --channel hotline --employer 91330100MA2AAAAA2H --project HZ200001 --worker "$w:150" --received 2026-06-20)"
t_done
