#!/usr/bin/env bash
# `make serve`: the local sync server on 127.0.0.1 (for team libraries) beside the app's
# development server; stopping one (Ctrl+C) stops both. Data stays in .annota-server/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
SYNC_PORT=${SYNC_PORT:-1234}
if [ ! -d server/node_modules ] || [ server/package-lock.json -nt server/node_modules/.package-lock.json ]; then
  echo "==> installing the sync server's packages"
  (cd server && npm ci --no-audit --no-fund)
fi
node server/server.js --address 127.0.0.1 --port "$SYNC_PORT" --data .annota-server --open &
sync_pid=$!
trap 'kill $sync_pid 2>/dev/null || true' EXIT INT TERM
echo "==> sync server on ws://127.0.0.1:$SYNC_PORT (data in .annota-server/)"
trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
