#!/usr/bin/env bash
# `make serve`: the local sync server on 127.0.0.1:1234 (for team libraries; scripts/sync-server.sh,
# data in server/data) beside the app's development server on 127.0.0.1:8080; stopping one
# (Ctrl+C) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/sync-server.sh &
sync_pid=$!
trap 'kill $sync_pid 2>/dev/null || true' EXIT INT TERM
echo "==> sync server on ws://127.0.0.1:${SYNC_PORT:-1234} (data in ${SYNC_DATA:-server/data})"
trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
