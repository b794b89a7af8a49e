#!/usr/bin/env bash
# Runs the team library's sync server for this machine (what `make serve` starts beside the app):
# 127.0.0.1:${SYNC_PORT:-1234}, files in ${SYNC_DATA:-server/data}, --open (anyone on this machine may
# create a library). Installs server/node_modules first if missing. Extra arguments go to server.js.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! [ -d server/node_modules/@hocuspocus/server ] || ! [ server/node_modules/.package-lock.json -nt server/package-lock.json ]; then
  printf '\033[1m==> %s\033[0m\n' "installing the sync server's npm packages (server/, npm ci)"
  (cd server && npm ci --no-audit --no-fund --ignore-scripts)
fi
exec node server/server.js --port "${SYNC_PORT:-1234}" --data "${SYNC_DATA:-server/data}" --open "$@"
