#!/bin/bash
# t0690 — `wageguard demo --listen ADDR` (SPEC §12): builds the demo data set into an empty
# database, scans it, creates one user per role, prints the URL and the logins, and serves
# them: the URL answers, each printed login logs in with its role, the scan's warnings are
# there; SIGTERM stops it. A database already in use is refused; --load-only only loads.
. "$(dirname "$0")/../lib.sh"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$port"
WAGEGUARD_ACCESS_LOG=0 "$WG_BIN" demo --scale 0.05 --dir "$T_DIR/demo" --listen "127.0.0.1:$port" \
	>"$T_DIR/out" 2>"$T_DIR/err" &
pid=$!
for _ in $(seq 600); do
	curl -sf "$URL/healthz" >/dev/null 2>&1 && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
t_grep "demo prints the URL" "wageguard demo: $URL/" "$T_DIR/out"
t_ok "the URL answers" curl -sf "$URL/healthz"
t_grep "/ is the web UI" '<div id="app">' <(curl -s "$URL/")
t_grep "demo ran the scan" "scanned as of 2026-09-30" "$T_DIR/err"
t_grep "demo verified the ledger" "ledger intact" "$T_DIR/err"
for role in admin regulator enterprise bank worker; do
	read -r user pw < <(awk -v r="$role" '$1 == r { print $2, $3 }' "$T_DIR/out")
	if [ -z "${user:-}" ] || [ -z "${pw:-}" ]; then
		t_fail "demo prints a login for $role" "$(cat "$T_DIR/out")"
		continue
	fi
	body=$(printf '{"username":"%s","password":"%s"}' "$user" "$pw")
	got=$(curl -s -c "$T_DIR/jar.$role" -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/session" |
		sed -n 's/.*"role":"\([a-z]*\)".*/\1/p')
	t_eq "the printed $role login ($user) logs in as $role" "$role" "$got"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"username":"admin","password":"demo-admin-1"}' "$URL/api/v1/session")
t_eq "the old well-known demo password does not work" 401 "$code"
open=$(curl -s -b "$T_DIR/jar.regulator" "$URL/api/v1/warnings?per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
t_ok "the regulator sees the scan's warnings" test "${open:-0}" -gt 0
kill -TERM "$pid"
wait "$pid"
t_eq "demo stops cleanly on SIGTERM" 0 "$?"

# the same database again: refused, nothing added
before=$(t_sql "SELECT count(*) FROM users")
t_fails "demo refuses a database that holds data" wg demo --scale 0.05 --dir "$T_DIR/demo2" --listen "127.0.0.1:$port"
wg demo --scale 0.05 --dir "$T_DIR/demo2" --listen "127.0.0.1:$port" 2>"$T_DIR/again" >/dev/null
t_grep "… saying why" "already holds" "$T_DIR/again"
t_eq "… and adds nothing" "$before" "$(t_sql "SELECT count(*) FROM users")"

t_db_reset
t_ok "demo --load-only loads and returns" wg demo --load-only --scale 0.05 --dir "$T_DIR/demo3"
t_eq "… without users" 0 "$(t_sql "SELECT count(*) FROM users")"
t_ok "… with the projects" test "$(t_sql "SELECT count(*) FROM projects")" -gt 0
t_done
