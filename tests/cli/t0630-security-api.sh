#!/bin/bash
# t0630 — the security probes of issue 9 against a real server: demo data, one user per role
# (two regulators of different districts, two banks), a server on a free loopback port behind
# a declared https public URL, then tests/security/security.test.mjs (node's test runner, TAP).
# Floods stay small and only ever go to this server on 127.0.0.1.
. "$(dirname "$0")/../lib.sh"
if ! command -v node >/dev/null; then t_fail "node is installed"; t_done; exit 1; fi
D="$T_DIR/demo"
wg demo --load-only --scale 0.05 --dir "$D" >/dev/null 2>&1 || { t_fail "the demo data loads"; t_done; exit 1; }
asof=$(sed -n 's/.*"as_of": *"\([0-9-]*\)".*/\1/p' "$D/manifest.json")
wg scan --as-of "$asof" >/dev/null 2>&1
project=$(sed -n 2p "$D/projects.csv" | cut -d, -f1)
region=$(sed -n 2p "$D/projects.csv" | cut -d, -f3)
contractor=$(wg show project "$project" --json | sed -n '/"contractor"/,/}/s/.*"uscc": "\([^"]*\)".*/\1/p' | head -1)
bank=$(awk -F, -v p="$project" '$1 == p { print $2 }' "$D/accounts.csv")
worker=$(awk -F, -v p="$project" '$1 == p && $2 != "" { print $4; exit }' "$D/payroll.csv")
pw=correct-horse-9
add() { wg user add "$@" --password "$pw" >/dev/null 2>&1 || echo "user add $* failed" >>"$T_DIR/users.err"; }
add admin1 --role admin
add reg1 --role regulator --scope "$region"
add ent1 --role enterprise --scope "$contractor"
add bank1 --role bank --scope "$bank"
add w1 --role worker --scope "$worker"
for u in throttled victim sprayed; do add "$u" --role worker --scope "$worker"; done
t_ok "a user per role is created" test ! -s "$T_DIR/users.err"
tok() { wg user token "$1" --name test 2>/dev/null; }
ctx=$(printf '{"demo":"%s","project":"%s","region":"%s","worker":"%s","password":"%s","tokens":{"admin":"%s","regulator":"%s","enterprise":"%s","bank":"%s","worker":"%s"}}' \
	"$D" "$project" "$region" "$worker" "$pw" \
	"$(tok admin1)" "$(tok reg1)" "$(tok ent1)" "$(tok bank1)" "$(tok w1)")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
WAGEGUARD_ACCESS_LOG=0 WAGEGUARD_PUBLIC_URL="https://wages.example.test/" \
	"$WG_BIN" serve --listen "127.0.0.1:$port" --web "$T_DIR/noweb" 2>"$T_DIR/serve.log" &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
t_ok "the server answers /healthz" curl -sf "http://127.0.0.1:$port/healthz"
WG_API="http://127.0.0.1:$port" WG_API_CTX="$ctx" node --test --test-reporter=tap "$WG_ROOT/tests/security/security.test.mjs" >"$T_DIR/api.tap" 2>&1
t_tap "$T_DIR/api.tap" api 17 security
kill -TERM "$pid" 2>/dev/null
wait "$pid"; rc=$?
t_eq "the server stops cleanly on SIGTERM" 0 "$rc"
t_done
