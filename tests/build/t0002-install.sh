#!/bin/bash
# t0002 — `make install` with PREFIX and DESTDIR puts the binary, the web UI, the documentation
# and the systemd unit in place; the installed `wageguard serve`, started from another
# directory, finds its UI; a binary without a UI says so at start-up and answers / with a
# page that says so. Runs once, not per store.
. "$(dirname "$0")/../lib.sh"
: "${T_DIR:?}"
R="$T_DIR/root" P=/opt/wg
build=$(realpath --relative-to="$WG_ROOT" "$(dirname "$WG_BIN")")
unset MAKEFLAGS MAKELEVEL
t_ok "make install DESTDIR=… PREFIX=$P succeeds" make -C "$WG_ROOT" BUILD="$build" install DESTDIR="$R" PREFIX="$P"
t_ok "the binary is installed" test -x "$R$P/bin/wageguard"
t_ok "the web UI is installed" test -f "$R$P/share/wageguard/web/index.html"
t_ok "the deployment guide is installed" test -f "$R$P/share/doc/wageguard/deployment.md"
t_ok "the OpenAPI document is installed" test -f "$R$P/share/doc/wageguard/api/openapi.json"
unit="$R$P/lib/systemd/system/wageguard.service"
t_grep "the unit starts the installed binary" "ExecStart=$P/bin/wageguard serve" "$unit"
t_eq "the unit has no placeholder left" "" "$(grep -o '@[A-Z]*@' "$unit")"
if command -v systemd-analyze >/dev/null; then
	# verify wants the binary at its path: the same unit pointing into DESTDIR
	sed "s|$P/|$R$P/|g" "$unit" >"$T_DIR/wageguard.service"
	t_ok "systemd-analyze verify accepts the unit" systemd-analyze verify "$T_DIR/wageguard.service"
fi

port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# start BIN LOG: serve on a free port from an unrelated directory; sets PID and URL
start() {
	local p
	p=$(port)
	mkdir -p "$T_DIR/elsewhere"
	(cd "$T_DIR/elsewhere" && WAGEGUARD_ACCESS_LOG=0 exec "$1" --db "$T_DIR/serve.db" serve --listen "127.0.0.1:$p") 2>"$2" &
	PID=$! URL="http://127.0.0.1:$p"
	for _ in $(seq 100); do curl -sf "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
}
stop() { kill -TERM "$PID" 2>/dev/null; wait "$PID"; }

start "$R$P/bin/wageguard" "$T_DIR/serve.log"
t_grep "serve says where its UI comes from" "web UI from $R$P/share/wageguard/web" "$T_DIR/serve.log"
code=$(curl -s -o "$T_DIR/index.html" -w '%{http_code}' "$URL/")
t_eq "GET / answers 200" 200 "$code"
t_grep "GET / is the web UI" '<div id="app">' "$T_DIR/index.html"
asset=$(grep -o '/assets/[^"]*\.js' "$T_DIR/index.html" | head -1)
t_eq "the UI's script is served" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$URL${asset:-/assets/none.js}")"
t_eq "a UI route deep in the app gets the UI too" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$URL/projects/X")"
stop

# the binary alone, nothing beside it
mkdir -p "$T_DIR/lonely/bin"
cp "$R$P/bin/wageguard" "$T_DIR/lonely/bin/"
start "$T_DIR/lonely/bin/wageguard" "$T_DIR/lonely.log"
t_grep "serve without a UI says so at start-up" "no web UI found" "$T_DIR/lonely.log"
t_grep "… naming where it looked" "$T_DIR/lonely/share/wageguard/web" "$T_DIR/lonely.log"
code=$(curl -s -o "$T_DIR/none.html" -w '%{http_code}' "$URL/")
t_eq "GET / without a UI answers 404" 404 "$code"
t_grep "… with a page saying the UI is not installed" "not installed" "$T_DIR/none.html"
t_eq "the API still answers" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/openapi.json")"
stop
WAGEGUARD_WEB="$R$P/share/wageguard/web" start "$T_DIR/lonely/bin/wageguard" "$T_DIR/env.log"
t_grep "WAGEGUARD_WEB names the UI" "web UI from $R$P/share/wageguard/web" "$T_DIR/env.log"
stop

t_ok "make uninstall removes it again" make -C "$WG_ROOT" BUILD="$build" uninstall DESTDIR="$R" PREFIX="$P"
t_eq "nothing is left but directories" "" "$(find "$R" -type f)"
t_done
