#!/bin/sh
# Installs what wageguard needs to build, test and run, on Debian 12 as root. Idempotent:
# packages already present are not reinstalled, so a second run is quick.
set -eu
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libcsv-dev libsodium-dev
      libmicrohttpd-dev libpq-dev libzstd-dev postgresql clang-format cppcheck time
      libcairo2-dev libpango1.0-dev fonts-noto-cjk libxlsxwriter-dev poppler-utils unzip zlib1g-dev
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
# `npm ci` installs exactly what package-lock.json locks and never writes it (the lockfile
# lists every platform's optional binaries, so npm ci accepts it on any machine); it runs
# when node_modules does not hold what the lockfile locks (scripts/npm-current.mjs).
# Installing never changes a tracked file: no `npm install`, which rewrites the lockfile.
if [ -f package-lock.json ] && ! node scripts/npm-current.mjs; then
  npm ci --no-audit --no-fund
fi
