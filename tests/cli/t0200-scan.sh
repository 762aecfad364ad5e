#!/bin/bash
# t0200 — the early-warning scan on generated data: every rule fires exactly as often as the
# generator injected it; --rebuild gives byte-identical output at several dates; warnings
# keep a life cycle across scans; thresholds come from the configuration.
. "$(dirname "$0")/../lib.sh"
G="$T_DIR/gen"
wg gen --scale 0.3 --seed 7 "$G" 2>/dev/null
for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
	wg import "$k" "$G/$k.csv" 2>>"$T_DIR/load.err" || echo "load $k failed" >>"$T_DIR/load.err"
done
t_nogrep "the generated data set loads" "failed" "$T_DIR/load.err"
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$G/manifest.json")
t_ok "the manifest names its as-of date" test -n "$asof"

wg scan --as-of "$asof" --no-record >"$T_DIR/scan.jsonl" 2>/dev/null
for rule in UNPAID NO_PAYROLL UNDERPAID EXCESS_DEDUCTION OFF_CARD UNREGISTERED NO_LABOR_COST LOW_BALANCE CRIMINAL_THRESHOLD; do
	want=$(tr -d ' \n' <"$G/manifest.json" | sed -n "s/.*\"violations\":{[^}]*\"$rule\":\([0-9]*\).*/\1/p")
	got=$(grep -c "^{\"rule\":\"$rule\"" "$T_DIR/scan.jsonl")
	t_eq "$rule fires as often as injected ($want)" "$want" "$got"
done
t_ok "every line has exactly the contract's keys in order" awk '!/^\{"rule":"[A-Z_]+","level":"(yellow|orange|red)","project":(null|"[^"]*"),"employer":(null|"[^"]*"),"worker":(null|"[^"]*"),"period":(null|"[0-9][0-9][0-9][0-9]-[0-9][0-9]"),"amount":"[0-9]+\.[0-9][0-9]","overdue_days":[0-9]+,"days":[0-9]+\}$/ { bad = 1 } END { exit bad }' "$T_DIR/scan.jsonl"
sorted_keys() { # rule, project, employer, worker, period in byte order, nulls first
	LC_ALL=C awk '{ k = ""; n = split("rule project employer worker period", f, " ");
		for (i = 1; i <= n; i++) { v = $0; sub(".*\"" f[i] "\":", "", v);
			v = (v ~ /^null/) ? "" : substr(v, 2, index(substr(v, 2), "\"") - 1); k = k v "\t" }
		print k }' "$1" | LC_ALL=C sort -c
}
t_ok "lines are sorted by rule, project, employer, worker, period" sorted_keys "$T_DIR/scan.jsonl"

for d in "$asof" 2026-05-20 2026-06-30 2026-07-01 2027-01-31; do
	wg scan --as-of "$d" --no-record >"$T_DIR/a.jsonl" 2>/dev/null
	wg scan --as-of "$d" --no-record --rebuild >"$T_DIR/b.jsonl" 2>/dev/null
	t_cmp "--rebuild prints byte-identical output as of $d" "$T_DIR/a.jsonl" "$T_DIR/b.jsonl"
done

# life cycle: record a scan, pay one UNPAID line in full, scan again: that warning resolves
wg scan --as-of "$asof" >/dev/null 2>"$T_DIR/rec1.err"
t_grep "a first scan opens every warning" "$(wc -l <"$T_DIR/scan.jsonl") new" "$T_DIR/rec1.err"
line=$(grep -m1 '^{"rule":"UNPAID"' "$T_DIR/scan.jsonl")
proj=$(echo "$line" | sed 's/.*"project":"\([^"]*\)".*/\1/')
worker=$(echo "$line" | sed 's/.*"worker":"\([^"]*\)".*/\1/')
period=$(echo "$line" | sed 's/.*"period":"\([^"]*\)".*/\1/')
amount=$(echo "$line" | sed 's/.*"amount":"\([^"]*\)".*/\1/')
card=$(grep "^$worker," "$G/workers.csv" | cut -d, -f4 | head -1)
[ -n "$card" ] || card=$(grep -i "^$worker," "$G/workers.csv" | cut -d, -f4 | head -1)
printf 'txn_id,project_code,id_number,period,amount,paid_on,bank_card,status\nTEST-PAYOFF-1,%s,%s,%s,%s,%s,%s,ok\n' \
	"$proj" "$worker" "$period" "$amount" "$asof" "$card" >"$T_DIR/payoff.csv"
t_ok "the arrears are paid" wg import payments "$T_DIR/payoff.csv"
wg scan --as-of "$asof" >"$T_DIR/scan2.jsonl" 2>"$T_DIR/rec2.err"
t_nogrep "the paid worker-month no longer warns" "\"rule\":\"UNPAID\",$(echo "$line" | cut -d, -f2-5)" "$T_DIR/scan2.jsonl"
t_grep "the next scan resolves it" ", 1 resolved" "$T_DIR/rec2.err"
wg warnings --rule UNPAID --project "$proj" --json >"$T_DIR/w.json"
t_grep "the resolved warning keeps its first-seen date and shows when it resolved" "\"worker\":\"$worker\",\"period\":\"$period\",\"amount\":\"$amount\",\"overdue_days\":$(echo "$line" | sed 's/.*"overdue_days":\([0-9]*\).*/\1/'),\"days\":0,\"first_seen\":\"$asof\",\"last_seen\":\"$asof\",\"resolved_on\":\"$asof\"" "$T_DIR/w.json"
wg warnings --open --rule UNPAID --json >"$T_DIR/open.json"
t_eq "--open leaves the resolved one out" "$(($(grep -c '"UNPAID"' "$T_DIR/scan.jsonl") - 1))" "$(wc -l <"$T_DIR/open.json")"

# configuration: a stricter ladder turns orange warnings red
t_fails "an unknown key is refused" wg config set warn.nothing 3
t_fails "a non-number is refused" wg config set warn.ladder.red soon
t_ok "the ladder can be changed" wg config set warn.ladder.red 16
t_eq "config get shows the new value" 16 "$(wg config get warn.ladder.red)"
wg scan --as-of "$asof" --no-record >"$T_DIR/strict.jsonl" 2>/dev/null
t_ok "overdue 16..29 days is red with the stricter ladder" awk -F'"overdue_days":' '/"rule":"UNPAID"/ { split($2, a, ","); d = a[1] + 0; lvl = ($0 ~ /"level":"red"/) ? "red" : ($0 ~ /"level":"orange"/) ? "orange" : "yellow"; if (d >= 16 && lvl != "red") bad = 1; if (d >= 15 && d < 16 && lvl != "orange") bad = 1 } END { exit bad }' "$T_DIR/strict.jsonl"
t_done
