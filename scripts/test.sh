#!/usr/bin/env bash
# Runs every test layer and ends with one line counting them all: "N passed, M failed".
#   1. lint: rustfmt, and clippy with warnings as errors, natively and for wasm32 (one check each)
#   2. native: unit and property tests of the pure core, and the shape of the code (cargo test)
#   3. fuzz: every parser of outside data, FUZZ_SECONDS each
#   4. browser: wasm-bindgen-test of the bridge in headless Chromium
#   5. end-to-end: Playwright in Debian's Chromium against the release build
#   6. engines: the team flow in Firefox ESR and WebKit beside Chromium, on the same release build
#   7. serve: `make serve`'s development server loads the page with no console error (one check)
#   8. sync: the team library's sync client (web/team) and sync server (server/), node --test against
#      real Hocuspocus servers, PostgreSQL and Redis on loopback, each started and stopped by its test
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
logs=$(mktemp -d)
passed=0; failed=0; report=()

# Sums the "test result: ... N passed; M failed" lines of a cargo log.
cargo_counts() { grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}'; }

layer() { # name, passed, failed, exit status
  local name=$1 p=$2 f=$3 status=$4
  if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi   # a build or runner failure counts as a failure
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; echo "!! $name ran no test"; fi
  passed=$((passed + p)); failed=$((failed + f)); report+=("$name: $p passed, $f failed")
}

echo "==> lint (cargo fmt --check; cargo clippy -D warnings, native and wasm32)"
lint_passed=0; lint_failed=0
lint() { # name, command...
  local name=$1; shift
  if "$@" > "$logs/lint-$name.log" 2>&1; then lint_passed=$((lint_passed + 1)); echo "ok   $name"
  else lint_failed=$((lint_failed + 1)); echo "FAIL $name"; tail -n 40 "$logs/lint-$name.log"; fi
}
lint fmt cargo fmt --check
lint clippy-native cargo clippy --all-targets -- -D warnings
lint clippy-wasm32 cargo clippy --target wasm32-unknown-unknown --lib --bins --test bridge -- -D warnings
layer lint "$lint_passed" "$lint_failed" 0

echo "==> native tests (cargo test)"
cargo test --lib --tests 2>&1 | tee "$logs/native.log"; status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$logs/native.log"); layer native "$p" "$f" "$status"

echo "==> fuzzing every parser (${FUZZ_SECONDS:-60} s each; corpus in tests/fuzz-corpus)"
FUZZ_SECONDS=${FUZZ_SECONDS:-60} cargo test --release --test fuzz -- --ignored --nocapture 2>&1 | tee "$logs/fuzz.log"; status=${PIPESTATUS[0]}
grep -E '^fuzz ' "$logs/fuzz.log" || true
read -r p f < <(cargo_counts "$logs/fuzz.log"); layer fuzz "$p" "$f" "$status"

echo "==> browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test bridge 2>&1 | tee "$logs/wasm.log"; status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$logs/wasm.log"); layer browser "$p" "$f" "$status"

echo "==> end-to-end tests (Playwright, Chromium)"
if trunk build --release --dist dist 2>&1 | tail -n 3; then
  npx playwright test 2>&1 | tee "$logs/e2e.log"; status=${PIPESTATUS[0]}
  read -r p f < <(node -e '
    const r = require("./test-results/results.json").stats;
    console.log(r.expected + r.flaky, r.unexpected)' 2>/dev/null || echo "0 1")
else
  status=1; p=0; f=1; echo "!! release build failed"
fi
layer e2e "$p" "$f" "$status"

echo "==> the team flow in Firefox ESR and WebKit beside Chromium (tests/engines, the release build above)"
scripts/test-engines.sh 2>&1 | tee "$logs/engines.log"; status=${PIPESTATUS[0]}
read -r p f < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$logs/engines.log" | tail -n1)
layer engines "${p:-0}" "${f:-1}" "$status"

echo "==> the development server (trunk serve --release on 127.0.0.1, no console error)"
if node scripts/check-serve.js 2>&1 | tee "$logs/serve.log" | grep -E '^\[check-serve'; then layer serve 1 0 0; else layer serve 0 1 1; fi

echo "==> the team library's sync client and server (node --test; real servers on loopback)"
node_counts() { # the "# pass N" / "# fail M" lines of node --test
  awk '/^# pass /{p=$3} /^# fail /{f=$3} END {print p+0, f+0}' "$1"; }
node --test web/team/test/ 2>&1 | tee "$logs/sync-client.log"; status=${PIPESTATUS[0]}
read -r p f < <(node_counts "$logs/sync-client.log"); layer sync-client "$p" "$f" "$status"
scripts/test-server.sh 2>&1 | tee "$logs/sync-server.log"; status=${PIPESTATUS[0]}
read -r p f < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$logs/sync-server.log" | tail -n1)
layer sync-server "${p:-0}" "${f:-1}" "$status"

rm -rf "$logs"
echo
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
