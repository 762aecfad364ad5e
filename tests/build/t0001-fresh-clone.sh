#!/bin/bash
# t0001 — the first `make run` and `make` on a machine without the build dependencies succeed
# and leave the tree as checked out. A fresh clone of this tree (its uncommitted changes to
# tracked files included), no dependency stamp, no node_modules, and on PATH: a dpkg-query
# that reports every package missing and an apt-get that only records its arguments and
# "installs" them, a pkg-config that answers nothing (as on a machine without the -dev
# packages) until that apt-get has run, then the real one. npm is the real one (npm ci, from
# the npm cache when it has the packages). Runs once, not per store.
. "$(dirname "$0")/../lib.sh"
: "${T_DIR:?}"
C="$T_DIR/clone" FAKE="$T_DIR/fakebin" MARK="$T_DIR/installed"
rev=$(git -C "$WG_ROOT" stash create 2>/dev/null)
git clone -q --shared --no-checkout "$WG_ROOT" "$C" && git -C "$C" checkout -q --detach "${rev:-HEAD}" ||
	{ t_fail "a fresh clone is made"; t_done; exit 1; }
mkdir -p "$FAKE"
cat >"$FAKE/dpkg-query" <<SH
#!/bin/sh
[ -f "$MARK" ] && printf 'install ok installed'
SH
cat >"$FAKE/apt-get" <<SH
#!/bin/sh
echo "\$*" >>"$T_DIR/apt.log"
[ "\$1" = install ] && touch "$MARK"
exit 0
SH
real_pc=$(command -v pkg-config)
cat >"$FAKE/pkg-config" <<SH
#!/bin/sh
echo "\$*" >>"$T_DIR/pkg-config.log"
[ -f "$MARK" ] || exit 1
exec "$real_pc" "\$@"
SH
# deps.sh installs packages only as root
cat >"$FAKE/id" <<'SH'
#!/bin/sh
[ "$1" = -u ] && { echo 0; exit 0; }
exec /usr/bin/id "$@"
SH
chmod +x "$FAKE"/*
export PATH="$FAKE:$PATH" npm_config_prefer_offline=true CFLAGS=-O0
unset MAKEFLAGS MAKELEVEL

t_eq "the clone has no dependency stamp and no node_modules" "no no" \
	"$([ -e "$C/.deps-installed" ] && echo yes || echo no) $([ -e "$C/node_modules" ] && echo yes || echo no)"
t_fails "the fake pkg-config knows nothing before the packages are installed" pkg-config --cflags cairo-pdf

# make run: installs, builds the binary and the web UI, loads the demo and serves it
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$C" && WAGEGUARD_LISTEN="127.0.0.1:$port" exec setsid make -j2 run) >"$T_DIR/run.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port/"
for _ in $(seq 600); do
	grep -qF "$url" "$T_DIR/run.log" && curl -sf "${url}healthz" >/dev/null 2>&1 && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.5
done
t_grep "make run installed the missing packages through apt-get" "install" "$T_DIR/apt.log"
t_grep "make run printed the URL" "$url" "$T_DIR/run.log"
t_nogrep "no compile error" "No such file or directory" "$T_DIR/run.log"
curl -s "$url" >"$T_DIR/index.html"
t_grep "the served URL answers with the web UI" '<div id="app">' "$T_DIR/index.html"
kill -TERM -- "-$pid" 2>/dev/null
wait "$pid"
[ -s "$T_DIR/index.html" ] || tail -30 "$T_DIR/run.log" | sed 's/^/# make run: /'

# make: the rest of what `make test` builds (the unit test programs)
t_ok "make builds everything after make run" make -C "$C" -j2
t_ok "the unit test programs are built" test -x "$C/build/tests/test_money"
t_ok "npm ci installed the locked packages" test -f "$C/node_modules/.package-lock.json"
git -C "$C" status --porcelain >"$T_DIR/status"
t_eq "building left no tracked file changed and nothing untracked" "" "$(cat "$T_DIR/status")"
t_done
