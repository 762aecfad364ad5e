#!/bin/sh
# Installs what wageguard needs to build, test and run, on Debian 12 as root. Idempotent:
# packages already present are not reinstalled, so a second run is quick.
set -eu
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libcsv-dev libsodium-dev
      libmicrohttpd-dev libpq-dev libzstd-dev postgresql clang-format cppcheck time
      libcairo2-dev libpango1.0-dev fonts-noto-cjk libxlsxwriter-dev poppler-utils unzip
      chromium"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deps: missing packages:$missing (run as root or install them)" >&2; exit 1
  fi
  echo "deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi
# npm packages (web UI build, browser and API test tools, DuckDB for the reference rules):
# installed again whenever the lockfile changed since the last install
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  # npm ci refuses a lockfile that lacks other platforms' optional binaries, and the
  # registry here does not serve all of them (DuckDB's macOS bindings, say), so npm could
  # not record them; npm install from the same lockfile installs the same locked versions
  npm ci --no-audit --no-fund || {
    echo "deps: npm ci refused the lockfile; installing the same locked versions with npm install"
    npm install --no-audit --no-fund
  }
fi
