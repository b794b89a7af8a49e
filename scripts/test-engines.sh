#!/usr/bin/env bash
# The team library across browser engines: Chromium shares, Firefox ESR and WebKitGTK join and
# annotate (tests/engines/team-engines.js). Installs what is missing, skips what is there, then runs it
# and ends with its count line: "N passed, M failed". Exit status 0 only when all passed.
#   Debian: chromium, firefox-esr, webkit2gtk-driver (WebKitWebDriver), libwebkit2gtk-4.1-0 (MiniBrowser), xvfb
#   npm:    the root devDependencies (puppeteer-core, playwright-core; no browser is downloaded), server/'s
#   dist/:  built with Trunk when missing, or always with ENGINES_BUILD=1
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
give_up() { echo "$*"; echo "0 passed, 1 failed"; exit 1; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || missing+=(libwebkit2gtk-4.1-0)
command -v Xvfb >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -q || give_up "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" || give_up "apt-get install ${missing[*]} failed"
fi

if [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/playwright-core ] \
  || [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  say "installing the npm packages (no browser downloads)"
  npm ci --no-audit --no-fund || give_up "npm ci failed"
fi
if [ ! -d server/node_modules ] || [ ! server/node_modules/.package-lock.json -nt server/package-lock.json ]; then
  say "installing the sync server's npm packages"
  (cd server && npm ci --no-audit --no-fund) || give_up "npm ci in server/ failed"
fi

if [ ! -f dist/index.html ] || [ "${ENGINES_BUILD:-0}" = 1 ]; then
  say "building the release into dist/ (a few minutes)"
  { scripts/setup.sh app && trunk build --release --dist dist; } || give_up "the release build failed"
fi

say "team library in Chromium, Firefox ESR and WebKitGTK (tests/engines/team-engines.js)"
log=$(mktemp)
node tests/engines/team-engines.js 2>&1 | tee "$log"; status=${PIPESTATUS[0]}
if ! tail -n 1 "$log" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
  echo "the run ended without its count line (exit status $status)"
  echo "0 passed, 1 failed"
  status=1
fi
rm -f "$log"
exit "$status"
