// Checks the development server: `trunk serve --release` (what `make serve` runs) on 127.0.0.1 and
// a free port, the page opened in Debian's Chromium, and no console error, page error or
// Content-Security-Policy violation while it loads, with Trunk's live-reload WebSocket connected.
// With --reload it also rewrites styles/app.css unchanged, so Trunk rebuilds, and checks that the
// page reloads by itself, again without an error.
// Usage: node scripts/check-serve.js [--reload] [port]   (trunk builds the app once more: minutes)
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const checkReload = args.includes('--reload');
const wantedPort = Number(args.find((a) => /^\d+$/.test(a)) || 8391);
const BUILD_TIMEOUT_MS = 20 * 60_000;
const started = Date.now();
const log = (msg) => console.log(`[check-serve ${((Date.now() - started) / 1000).toFixed(0)} s] ${msg}`);

/** `port` if nothing listens there, else the next free one. */
function freePort(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(freePort(port + 1)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server answers with the built page (Trunk serves nothing useful before its first build). */
async function waitForBuild(url, trunk) {
  while (Date.now() - started < BUILD_TIMEOUT_MS) {
    if (trunk.exitCode !== null) throw new Error(`trunk serve exited with ${trunk.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes('Content-Security-Policy')) return;
    } catch { /* not listening yet */ }
    await sleep(2000);
  }
  throw new Error('trunk serve did not serve the built page in time');
}

async function main() {
  const port = await freePort(wantedPort);
  const url = `http://127.0.0.1:${port}/`;
  // Its own dist directory, so that dist/ (the e2e tests' build) is left alone.
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-serve-'));
  log(`trunk serve --release on ${url} (dist ${dist})`);
  const trunk = spawn('trunk', ['serve', '--release', '--address', '127.0.0.1', '--port', String(port), '--dist', dist],
    { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = () => { try { process.kill(-trunk.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', stop);
  let browser;
  try {
    await waitForBuild(url, trunk);
    log('built and served');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const socket = new Promise((resolve) => page.on('websocket', (ws) => { if (ws.url().includes('/.well-known/trunk/ws')) resolve(ws); }));
    await page.goto(url);
    await page.waitForSelector('article p', { timeout: 60_000 });
    const ws = await Promise.race([socket, sleep(10_000).then(() => null)]);
    if (!ws) errors.push('the live-reload WebSocket was never opened');
    await sleep(3000); // errors that come after the first paint (the service worker, the socket)
    if (ws && ws.isClosed()) errors.push('the live-reload WebSocket closed');
    log(`page loaded; live reload ${ws ? 'connected' : 'missing'}`);

    if (checkReload && errors.length === 0) {
      const reloaded = page.waitForEvent('load', { timeout: BUILD_TIMEOUT_MS });
      const css = 'styles/app.css';
      fs.writeFileSync(css, fs.readFileSync(css));
      log('styles/app.css rewritten unchanged; waiting for the rebuild and the reload');
      await reloaded;
      await page.waitForSelector('article p', { timeout: 60_000 });
      await sleep(3000);
      log('reloaded by itself');
    }
    if (errors.length) {
      console.error(`check-serve: ${errors.length} console error(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      log('no console errors');
    }
  } finally {
    if (browser) await browser.close();
    stop();
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
