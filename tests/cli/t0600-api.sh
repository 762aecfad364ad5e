#!/bin/bash
# t0600 — the HTTP API on a real server: demo data, one user per role (and a few out of
# scope), a server on a free loopback port, then tests/api/api.test.mjs (node's test runner,
# TAP). Runs on both stores like every CLI test.
. "$(dirname "$0")/../lib.sh"
if ! command -v node >/dev/null; then t_fail "node is installed"; t_done; exit 1; fi
D="$T_DIR/demo"
wg demo --load-only --scale 0.05 --dir "$D" >/dev/null 2>&1 || { t_fail "the demo data loads"; t_done; exit 1; }
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$D/manifest.json")
wg scan --as-of "$asof" >/dev/null 2>&1
project=$(sed -n 2p "$D/projects.csv" | cut -d, -f1)
other_project=$(sed -n 3p "$D/projects.csv" | cut -d, -f1)
contractor=$(wg show project "$project" --json | sed -n '/"contractor"/,/}/s/.*"uscc": "\([^"]*\)".*/\1/p' | head -1)
bank=$(wg show project "$project" --json | sed -n 's/.*"bank_code": "\([^"]*\)".*/\1/p' | head -1)
line=$(awk -F, -v p="$project" '$1 == p && $2 != "" { print; exit }' "$D/payroll.csv")
worker=$(echo "$line" | cut -d, -f4)
period=$(echo "$line" | cut -d, -f3)
other_worker=$(awk -F, -v w="$worker" 'NR > 1 && $4 != w { print $4; exit }' "$D/payroll.csv")
pw=correct-horse-9
add() { wg user add "$@" --password "$pw" >/dev/null 2>&1 || echo "user add $* failed" >>"$T_DIR/users.err"; }
add admin1 --role admin
add reg1 --role regulator --scope 3301
add reg2 --role regulator --scope 1101
add insp2 --role regulator --scope 3301
add ent1 --role enterprise --scope "$contractor"
add bank1 --role bank --scope "$bank"
add w1 --role worker --scope "$worker"
add lockme --role worker --scope "$other_worker"
t_ok "a user per role is created" test ! -s "$T_DIR/users.err"
tok() { wg user token "$1" --name test 2>/dev/null; }
ctx=$(printf '{"project":"%s","other_project":"%s","worker":"%s","other_worker":"%s","period":"%s","password":"%s","tokens":{"admin":"%s","regulator":"%s","enterprise":"%s","bank":"%s","worker":"%s","other_regulator":"%s"}}' \
	"$project" "$other_project" "$worker" "$other_worker" "$period" "$pw" \
	"$(tok admin1)" "$(tok reg1)" "$(tok ent1)" "$(tok bank1)" "$(tok w1)" "$(tok reg2)")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
# the binary itself in the background (not the wg function: that would be a subshell)
WAGEGUARD_ACCESS_LOG=0 "$WG_BIN" serve --listen "127.0.0.1:$port" --web "$T_DIR/noweb" 2>"$T_DIR/serve.log" &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
t_ok "the server answers /healthz" curl -sf "http://127.0.0.1:$port/healthz"
WG_API="http://127.0.0.1:$port" WG_API_CTX="$ctx" node --test --test-reporter=tap "$WG_ROOT"/tests/api/*.test.mjs >"$T_DIR/api.tap" 2>&1
t_tap "$T_DIR/api.tap" api 20 API
kill -TERM "$pid"
wait "$pid"; rc=$?
t_eq "the server stops cleanly on SIGTERM" 0 "$rc"
t_grep "the server says it finishes requests in flight" "SIGTERM, finishing requests in flight" "$T_DIR/serve.log"
t_done
