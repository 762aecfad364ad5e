#!/bin/bash
# pg-test-server.sh — a throw-away PostgreSQL server for tests and benchmarks: its own cluster
# in a temporary directory, owned by a non-root user, listening on 127.0.0.1 on a free port.
# Usage: pg-test-server.sh start|stop|url. `start` prints the server's URL (database
# "postgres", user "postgres", trust authentication on loopback only); `stop` removes
# everything. Installs nothing: scripts/deps.sh brings the `postgresql` package.
# WG_PG_STATE names the state file (default /tmp/wageguard-pg-test.UID), so several runs can
# keep their own servers; WG_PG_DURABLE=1 keeps fsync and synchronous commit on (benchmarks).
set -euo pipefail
STATE=${WG_PG_STATE:-${TMPDIR:-/tmp}/wageguard-pg-test.$(id -u)}

pgbin() {
	local d
	for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	echo "pg-test-server: initdb not found; run scripts/deps.sh (Debian package postgresql)" >&2
	exit 1
}

# The server refuses to run as root: as root, run it as a system user made for the purpose.
run_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$OWNER" -- "$@"
	else
		"$@"
	fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
	if [ -f "$STATE" ] && [ -f "$(cat "$STATE")/url" ]; then
		echo "pg-test-server: already running ($(cat "$STATE")); stop it first" >&2
		exit 1
	fi
	local bin dir port url fsync
	bin=$(pgbin)
	OWNER=$(id -un)
	if [ "$(id -u)" = 0 ]; then
		OWNER=wgtest
		id -u "$OWNER" >/dev/null 2>&1 ||
			useradd --system --no-create-home --home-dir /nonexistent \
				--shell /usr/sbin/nologin "$OWNER"
	fi
	dir=$(mktemp -d "${TMPDIR:-/tmp}/wageguard-pg.XXXXXX")
	chmod 755 "$dir"
	mkdir "$dir/sock"
	[ "$(id -u)" = 0 ] && chown -R "$OWNER" "$dir"
	echo "$dir" >"$STATE"
	run_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
	fsync=off
	[ "${WG_PG_DURABLE:-0}" = 1 ] && fsync=on
	# a free port: probe, start, and on a lost race try the next candidate
	for _ in $(seq 1 20); do
		port=$((20000 + RANDOM % 30000))
		port_free "$port" || continue
		if run_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=$fsync \
			    -c synchronous_commit=$fsync -c full_page_writes=$fsync \
			    -c max_connections=100 -c shared_buffers=128MB -c max_wal_size=4GB \
			    -c checkpoint_timeout=30min" start >/dev/null; then
			url="postgresql://postgres@127.0.0.1:$port/postgres"
			echo "$url" >"$dir/url"
			echo "$url"
			return
		fi
	done
	echo "pg-test-server: could not start; see $dir/server.log" >&2
	tail -20 "$dir/server.log" >&2 || true
	exit 1
}

stop() {
	[ -f "$STATE" ] || return 0
	local dir
	dir=$(cat "$STATE")
	if [ -d "$dir/data" ]; then
		OWNER=$(stat -c %U "$dir/data")
		run_as_owner "$(pgbin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	case "$dir" in */wageguard-pg.*) rm -rf "$dir" ;; esac
	rm -f "$STATE"
}

url() {
	[ -f "$STATE" ] && [ -f "$(cat "$STATE")/url" ] || { echo "pg-test-server: not running" >&2; exit 1; }
	cat "$(cat "$STATE")/url"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) url ;;
*) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
