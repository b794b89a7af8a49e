#!/usr/bin/env bash
# The sync server's tests (server/test/*.test.js, node --test) against the real server, with a
# throwaway PostgreSQL and Redis on loopback. Installs what is missing first:
#   server/node_modules (npm ci, no install scripts) and the Debian packages redis-server and postgresql.
# Ends with one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_server_packages() {
  if [ -d server/node_modules/@hocuspocus/server ] && [ server/node_modules/.package-lock.json -nt server/package-lock.json ]; then return 0; fi
  say "installing the sync server's npm packages (server/, npm ci)"
  (cd server && npm ci --no-audit --no-fund --ignore-scripts)
}

ensure_debian_packages() {
  local pg_bin=${ANNOTA_PG_BIN:-/usr/lib/postgresql/15/bin} redis_bin=${ANNOTA_REDIS_BIN:-/usr/bin/redis-server}
  if [ -x "$pg_bin/initdb" ] && [ -x "$redis_bin" ]; then return 0; fi
  say "installing redis-server and postgresql from Debian (the tests start their own, on loopback)"
  # Another apt run may hold the lock: wait for it rather than fail.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q)
  as_root "${apt[@]}" install redis-server postgresql \
    || { as_root "${apt[@]}" update && as_root "${apt[@]}" install redis-server postgresql; }
}

if ! ensure_server_packages; then echo "!! npm ci in server/ failed"; echo "0 passed, 1 failed"; exit 1; fi
if ! ensure_debian_packages; then echo "!! could not install redis-server and postgresql"; echo "0 passed, 1 failed"; exit 1; fi

log=$(mktemp)
say "sync server tests (node --test server/test/)"
node --test --test-concurrency="${SERVER_TEST_CONCURRENCY:-2}" --test-timeout=180000 --test-force-exit server/test/ 2>&1 | tee "$log"; status=${PIPESTATUS[0]}
p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -n 1)
f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -n 1)
c=$(sed -nE 's/^# cancelled ([0-9]+)$/\1/p' "$log" | tail -n 1)
rm -f "$log"
p=${p:-0}; f=$(( ${f:-0} + ${c:-0} ))
if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi   # a runner failure counts as a failure
if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; echo "!! no server test ran"; fi
echo
echo "$p passed, $f failed"
[ "$f" = 0 ]
