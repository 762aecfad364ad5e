#!/bin/bash
# t1000 — the random draw wg-draw-1 (SPEC §10): a draw over the store is reproduced byte for
# byte by an independent implementation (tests/draw/wg-draw-1.mjs) and by `draw verify`; a
# tampered document is refused naming the first difference; weights and declared conflicts;
# the seed is on record before the draw; each drawn target gets a planned inspection.
. "$(dirname "$0")/../lib.sh"
REF="$WG_ROOT/tests/draw/wg-draw-1.mjs"
wg import enterprises "$FIX/basic/enterprises.csv" 2>/dev/null
cat >"$T_DIR/more.csv" <<'CSV'
uscc,name,region_code
91330106MA2BBBBB4N,杭州甲建筑工程有限公司,330106
91330109MA2DDDDD06,萧山乙劳务有限公司,330109
91310115MA1EEEEE1Q,上海丙建设有限公司,310115
CSV
t_ok "more enterprises load" wg import enterprises "$T_DIR/more.csv"
for u in zhao li wang chen; do
	wg user add "$u" --role regulator --scope 3301 --password pw-long-enough-1 >/dev/null
done
wg user add shanghai --role regulator --scope 3101 --password pw-long-enough-1 >/dev/null
wg user add retired --role regulator --scope 3301 --password pw-long-enough-1 >/dev/null
wg user disable retired >/dev/null
wg user add admin1 --role admin --password pw-long-enough-1 >/dev/null
E2H=91330100MA2AAAAA2H
t_ok "a conflict of interest is declared" wg inspector conflict li $E2H --reason "妻子任该公司财务" --date 2026-11-01
t_fails "the same conflict twice is refused" wg inspector conflict li $E2H --reason again --date 2026-11-02
t_fails "a conflict needs a reason" wg inspector conflict wang $E2H
t_fails "only regulators declare conflicts" wg inspector conflict admin1 $E2H --reason x
wg inspector list --region 3301 --json >"$T_DIR/roster.json"
t_eq "the roster: the region's enabled regulators" "chen li wang zhao" \
	"$(jq -r '[.roster[].inspector] | join(" ")' "$T_DIR/roster.json")"
t_eq "with the declared conflict" "li $E2H" "$(jq -r '.conflicts[] | "\(.inspector) \(.uscc)"' "$T_DIR/roster.json")"

SEED="2026-12-01 福彩3D 第2026321期 5 8 1"
t_ok "draw run writes the published document" \
	wg draw run --region 3301 --seed "$SEED" --targets 3 --date 2026-12-01 -o "$T_DIR/d.json"
t_ok "draw verify accepts it" wg draw verify "$T_DIR/d.json"
node "$REF" --from "$T_DIR/d.json" >"$T_DIR/ref.json" 2>"$T_DIR/ref.err"
t_cmp "an independent implementation gives the same bytes" "$T_DIR/ref.json" "$T_DIR/d.json"
t_eq "candidates: the region's enterprises (not Shanghai's), by USCC, grade A weight 1" \
	"91330100MA2AAAAA1E:1 91330100MA2AAAAA2H:1 91330100MA2AAAAA3L:1 91330106MA2BBBBB4N:1 91330109MA2DDDDD06:1" \
	"$(jq -r '[.candidates[] | "\(.uscc):\(.weight)"] | join(" ")' "$T_DIR/d.json")"
t_eq "roster: the region's enabled regulators" '["chen","li","wang","zhao"]' "$(jq -c .roster "$T_DIR/d.json")"
t_eq "excluded: the declared conflict" "{\"$E2H\":[\"li\"]}" "$(jq -c .excluded "$T_DIR/d.json")"
t_eq "the keys in the order of SPEC §10" "algorithm seed n k candidates roster excluded drawn" \
	"$(jq -r 'keys_unsorted | join(" ")' "$T_DIR/d.json")"
t_eq "three targets, two inspectors each" "3 2 2 2" \
	"$(jq -r '[(.drawn | length)] + [.drawn[].inspectors | length] | join(" ")' "$T_DIR/d.json")"
t_eq "no inspector twice on a target" "0" \
	"$(jq '[.drawn[] | select((.inspectors | unique | length) != (.inspectors | length))] | length' "$T_DIR/d.json")"

# the same inputs give the same document: a second database with the same records
t_ok "the same seed draws the same again" \
	wg draw run --region 3301 --seed "$SEED" --targets 3 --date 2026-12-01 -o "$T_DIR/d2.json"
t_cmp "byte for byte" "$T_DIR/d.json" "$T_DIR/d2.json"
wg draw run --region 3301 --seed "another seed" --targets 3 --date 2026-12-01 -o "$T_DIR/d3.json" 2>/dev/null
t_ok "another seed verifies as well" wg draw verify "$T_DIR/d3.json"

# a seed that would put li on 2H: every seed keeps li off it
bad=0
for i in $(seq 1 40); do
	wg draw run --region 3301 --seed "probe-$i" --targets 5 --date 2026-12-01 -o "$T_DIR/p.json" 2>/dev/null || bad=1
	jq -e --arg u $E2H '.drawn[] | select(.uscc == $u) | .inspectors | index("li")' "$T_DIR/p.json" >/dev/null && bad=1
done
t_eq "over 40 seeds the excluded inspector is never drawn for the conflicted target" 0 "$bad"

# tampering
jq -c '.drawn[0].inspectors[0] = (if .drawn[0].inspectors[0] == "zhao" then "chen" else "zhao" end)' "$T_DIR/d.json" >"$T_DIR/t1.json"
t_fails "a changed inspector is refused" wg draw verify "$T_DIR/t1.json"
wg draw verify "$T_DIR/t1.json" 2>"$T_DIR/t1.err"
t_grep "naming the first difference" "drawn[0] (" "$T_DIR/t1.err"
jq -c '.seed = "2026-12-01 福彩3D 第2026321期 5 8 2"' "$T_DIR/d.json" >"$T_DIR/t2.json"
if cmp -s <(jq -c .drawn "$T_DIR/t2.json") <(node "$REF" --from "$T_DIR/t2.json" | jq -c .drawn); then
	t_pass "(the other seed happens to draw the same)"
else
	t_fails "a changed seed is refused" wg draw verify "$T_DIR/t2.json"
fi
jq -c '.drawn |= reverse' "$T_DIR/d.json" >"$T_DIR/t3.json"
wg draw verify "$T_DIR/t3.json" 2>"$T_DIR/t3.err"
t_eq "the draw order is part of the result" 1 "$?"
t_grep "drawn[0] is named" "drawn[0]: the document says" "$T_DIR/t3.err"
jq '.' "$T_DIR/d.json" >"$T_DIR/t4.json"
wg draw verify "$T_DIR/t4.json" 2>"$T_DIR/t4.err"
t_eq "a pretty-printed copy is not the published bytes" 1 "$?"
t_grep "said so" "not in canonical form" "$T_DIR/t4.err"
jq -c 'del(.excluded[])' "$T_DIR/d.json" >"$T_DIR/t5.json"
wg draw verify "$T_DIR/t5.json" >/dev/null 2>&1
t5=$?
node "$REF" --from "$T_DIR/t5.json" | cmp -s - "$T_DIR/t5.json"
t_eq "verify agrees with the reference on a document without its exclusion" "$?" "$t5"
echo '{"algorithm":"wg-draw-2"}' >"$T_DIR/t6.json"
t_fails "another algorithm is refused" wg draw verify "$T_DIR/t6.json"
t_fails "a missing file is refused" wg draw verify "$T_DIR/none.json"
wg draw verify --json "$T_DIR/t1.json" >"$T_DIR/v.json" 2>/dev/null
t_eq "verify --json prints one object" "false" "$(jq -r .match "$T_DIR/v.json")"

# independent vectors: weights 1–8, numeric ids, exclusions, k = 3
for v in "$WG_ROOT"/tests/draw/vectors/*.json; do
	n=$(basename "$v" .json)
	node "$REF" "$v" >"$T_DIR/vec-$n.json"
	t_ok "vector $n: the reference's document verifies" wg draw verify "$T_DIR/vec-$n.json"
done
t_eq "vector weights: the documented result" \
	"$(cat "$WG_ROOT/tests/draw/vectors/weights.expected")" "$(jq -c .drawn "$T_DIR/vec-weights.json")"

# errors the spec names, and the seed recorded first
wg draw run --region 3301 --seed s-k5 --targets 1 --per-target 5 --date 2026-12-01 -o "$T_DIR/k.json" 2>"$T_DIR/k.err"
t_eq "more inspectors per target than the roster holds fails" 1 "$?"
t_grep "naming the target" "target 9133" "$T_DIR/k.err"
t_grep "the seed stays on record" "seed of draw" "$T_DIR/k.err"
t_fails "more targets than candidates fails" wg draw run --region 3301 --seed s-n --targets 6 -o "$T_DIR/n.json"
t_fails "a seed is required" wg draw run --region 3301 --targets 1 -o "$T_DIR/n.json"
wg draw list --json >"$T_DIR/list.json"
t_eq "every seed is recorded, published or not" "s-n" "$(jq -r '.draws[0].seed' "$T_DIR/list.json")"
t_eq "a failed draw publishes nothing" "false" "$(jq -r '.draws[0].published' "$T_DIR/list.json")"
wg draw show 1 >"$T_DIR/show.json"
t_cmp "draw show prints the published document" "$T_DIR/d.json" "$T_DIR/show.json"

# each drawn target is a planned routine inspection with the drawn inspectors
wg inspection list --status planned --json >"$T_DIR/planned.json"
first=$(jq -r '.drawn[0].uscc' "$T_DIR/d.json")
t_eq "the first draw planned one inspection per target" 3 \
	"$(jq '[.inspections[] | select(.draw == 1)] | length' "$T_DIR/planned.json")"
t_eq "with the drawn inspectors" "$(jq -c '.drawn[0].inspectors | sort' "$T_DIR/d.json")" \
	"$(jq -c --arg u "$first" '[.inspections[] | select(.draw == 1 and .uscc == $u)][0].inspectors' "$T_DIR/planned.json")"
wg draw run --region 3301 --seed json-out --targets 1 --date 2026-12-01 -o "$T_DIR/j.json" --json >"$T_DIR/run.json"
t_eq "draw run --json prints one object" "$(jq -c .drawn "$T_DIR/j.json")" "$(jq -c .drawn "$T_DIR/run.json")"
t_done
