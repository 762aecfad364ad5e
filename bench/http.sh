#!/bin/bash
# HTTP benchmark (issue #4): wrk against two read endpoints of `wageguard serve` (a worker's
# wage history, a project's summary) on `gen --scale 4` data, beside nginx serving a static
# JSON file of the same size, in the same run. Prints requests/s, p99 latency, errors and the
# ratio to nginx, and the server's RSS before and after BENCH_REQUESTS (default 1,000,000)
# requests. Usage: bench/http.sh [BIN]; BENCH_SCALE (4), BENCH_OUT (out/bench).
set -eu
BIN=$(realpath "${1:-build/wageguard}")
SCALE=${BENCH_SCALE:-4}
OUT=$(realpath -m "${BENCH_OUT:-out/bench}")
REQUESTS=${BENCH_REQUESTS:-1000000}
DURATION=${BENCH_SECONDS:-10}
export WAGEGUARD_NO_PROGRESS=1 WAGEGUARD_ACCESS_LOG=0
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (scripts/deps.sh installs them)"; exit 1; }
D="$OUT/s$SCALE"
mkdir -p "$D"
[ -f "$D/attendance.csv" ] || "$BIN" gen --scale "$SCALE" --seed 1 "$D" >/dev/null 2>&1
db="$D/http.db"
if [ ! -f "$db" ]; then
	for k in calendar enterprises projects subcontracts accounts workers employments attendance allocations payroll payments; do
		"$BIN" --db "$db" import "$k" "$D/$k.csv" 2>/dev/null
	done
	"$BIN" --db "$db" user add bench --role admin --password bench-password-1 >/dev/null
fi
token=$("$BIN" --db "$db" user token bench --name bench)
project=$(sed -n 2p "$D/projects.csv" | cut -d, -f1)
worker=$(awk -F, 'NR == 2 { print $4 }' "$D/payroll.csv")
port=$((20000 + RANDOM % 20000)) nport=$((port + 1))
"$BIN" --db "$db" serve --listen "127.0.0.1:$port" --web /nonexistent 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; [ -f "$D/nginx.pid" ] && kill "$(cat "$D/nginx.pid")" 2>/dev/null; true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
# nginx with the same bytes as a static file
mkdir -p "$D/static"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/workers/$worker" >"$D/static/worker.json"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/projects/$project" >"$D/static/project.json"
cat >"$D/nginx.conf" <<CONF
user root root;
worker_processes 2;
pid $D/nginx.pid;
error_log $D/nginx.err;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:$nport; root $D/static;
  location / { default_type application/json; } } }
CONF
nginx -c "$D/nginx.conf"
sleep 0.3
rss() { awk '/VmRSS/ { print $2 / 1024 }' "/proc/$pid/status"; }
run() { # name url [auth]
	local out
	out=$(wrk -t2 -c64 -d"${DURATION}s" --latency ${3:+-H "Authorization: Bearer $token"} "$2" 2>&1)
	local rps p99 errors
	rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
	p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
	errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ { e = e " " $0 } END { print (e == "" ? "0" : e) }')
	printf '%-26s %10s %9s  %s\n' "$1" "$rps" "$p99" "$errors"
	echo "$rps" >"$D/$1.rps"
}
printf '%-26s %10s %9s  %s\n' endpoint req/s p99 errors
rss0=$(rss)
run nginx-worker "http://127.0.0.1:$nport/worker.json"
run wageguard-worker "http://127.0.0.1:$port/api/v1/workers/$worker" auth
run nginx-project "http://127.0.0.1:$nport/project.json"
run wageguard-project "http://127.0.0.1:$port/api/v1/projects/$project" auth
awk -v a="$(cat "$D/wageguard-worker.rps")" -v b="$(cat "$D/nginx-worker.rps")" \
	'BEGIN { printf "worker history: wageguard %.2fx of nginx\n", a / b }'
awk -v a="$(cat "$D/wageguard-project.rps")" -v b="$(cat "$D/nginx-project.rps")" \
	'BEGIN { printf "project summary: wageguard %.2fx of nginx\n", a / b }'
# memory over many requests: run until REQUESTS have been answered
rate=$(cat "$D/wageguard-worker.rps")
secs=$(awk -v n="$REQUESTS" -v r="$rate" 'BEGIN { s = int(n / r) + 1; print s < 5 ? 5 : s }')
wrk -t2 -c64 -d"${secs}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/workers/$worker" >/dev/null 2>&1
printf 'server RSS: %.1f MiB before, %.1f MiB after about %d requests\n' "$rss0" "$(rss)" "$REQUESTS"
