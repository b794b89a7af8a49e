#!/usr/bin/env bash
# Installs what Annota needs and skips what is already there.
#   scripts/setup.sh app   wasm target, Trunk, wasm-bindgen-cli (the Cargo.lock version), wasm-opt (npm binaryen)
#   scripts/setup.sh app   … and the sync server's npm packages (server/)
#   scripts/setup.sh test  all of the above, plus Chromium, ChromeDriver, Arabic fonts, the npm test packages,
#                          and Redis and PostgreSQL for the sync server's tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_wasm_target() {
  rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_rust_components() {
  # rustfmt and clippy: make test checks formatting and lints.
  local have; have=$(rustup component list --installed 2>/dev/null)
  for c in rustfmt clippy; do
    grep -q "^$c" <<<"$have" || { say "adding the $c component"; rustup component add "$c"; }
  done
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -x "trunk $TRUNK_VERSION" >/dev/null; then return; fi
  say "installing Trunk $TRUNK_VERSION (about 12 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -x "wasm-bindgen $BINDGEN_VERSION" >/dev/null \
    && command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  say "installing wasm-bindgen-cli $BINDGEN_VERSION to match Cargo.lock (about 7 minutes, once)"
  # --locked fails here: a locked dependency is missing from the registry index.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
}

ensure_npm_packages() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ] \
    && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  say "installing npm packages (binaryen's wasm-opt, Playwright without browsers)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
    && fc-list 2>/dev/null | grep -i "Noto Naskh Arabic" >/dev/null; then return; fi
  say "installing Chromium, ChromeDriver and Arabic fonts from Debian"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-noto-core
}

ensure_server_packages() {
  # The sync server of team libraries (server/): its own packages, plain JavaScript.
  if [ -d server/node_modules ] && [ server/node_modules/.package-lock.json -nt server/package-lock.json ]; then return; fi
  say "installing the sync server's npm packages (server/)"
  (cd server && npm ci --no-audit --no-fund --ignore-scripts)
}

ensure_databases() {
  # The sync server's tests run PostgreSQL and Redis on loopback (Debian's packages).
  if command -v redis-server >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
  say "installing Redis and PostgreSQL from Debian (for the sync server's tests)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server postgresql
}

ensure_python_packages() {
  # The interop checks run the formats' own tools and validators (spaCy, the W3C schemas, JSON-LD);
  # the agreement check its references (scikit-learn's kappa, the krippendorff package's alpha).
  # A newer requirements.txt (a package added) installs again.
  if [ -x .venv/bin/python ] && [ .venv/.installed -nt tests/interop/requirements.txt ]; then return; fi
  say "installing the interop and agreement checkers (jsonschema, pyld, spaCy, scikit-learn, krippendorff) into .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q -r tests/interop/requirements.txt
  touch .venv/.installed
}

case "${1:-app}" in
  app) ensure_wasm_target; ensure_npm_packages; ensure_server_packages; ensure_trunk; ensure_wasm_bindgen ;;
  test) ensure_wasm_target; ensure_rust_components; ensure_npm_packages; ensure_server_packages; ensure_chromium; ensure_databases; ensure_python_packages; ensure_trunk; ensure_wasm_bindgen ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
