// The team library's benchmark (part of `make bench`): the real sync server and the release build on
// loopback, two browser contexts of one Chromium. Prints a markdown table.
//
// Definitions:
// - key → painted in B: browser A selects a phrase and presses a label key (the time of the press,
//   Date.now() in the test process); browser B's MutationObserver notes Date.now() when its article
//   gains that mark; over TRIES edits, median and p95. The baseline, in the same run: the same key
//   press → the mark painted in A itself (what one browser alone takes).
// - bytes on the wire for one edit: WebSocket frames A sends between the key press and B's paint.
// - server memory: the sync server's resident set size (from /proc) with the sample open, before and
//   after TRIES edits.
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, p95, freePort, waitPort, rss } = require('./lib');

const ROOT = path.join(__dirname, '..');
const TRIES = Number(process.env.BENCH_TEAM_TRIES || 30);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Selects the `n`th word of four letters or more in the article, as a user's selection. */
async function selectWord(page, n) {
  await page.evaluate((n) => {
    const ps = Array.from(document.querySelectorAll('article p'));
    let seen = 0;
    for (const p of ps) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.parentElement.closest('mark')) continue;
        const re = /[\p{L}]{4,}/gu;
        let m;
        while ((m = re.exec(t.data))) {
          if (seen++ === n) {
            const r = document.createRange();
            r.setStart(t, m.index);
            r.setEnd(t, m.index + m[0].length);
            const s = window.getSelection();
            s.removeAllRanges();
            s.addRange(r);
            return;
          }
        }
      }
    }
    throw new Error('no such word');
  }, n);
}

async function main() {
  const [syncPort, webPort] = [await freePort(), await freePort()];
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-bench-team-'));
  const sync = spawn(process.execPath, [path.join(ROOT, 'server/server.js'), '--port', String(syncPort), '--data', data, '--open'],
    { env: { ...process.env, ANNOTA_SECRET: `bench-${Date.now()}-secret-of-this-run` }, stdio: 'ignore' });
  const web = spawn('python3', ['-m', 'http.server', String(webPort), '--bind', '127.0.0.1', '--directory', path.join(ROOT, 'dist')], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    await Promise.all([waitPort(syncPort), waitPort(webPort)]);
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    let sent = 0;
    a.on('websocket', (ws) => ws.on('framesent', (f) => { sent += typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.length; }));
    await a.goto(`http://127.0.0.1:${webPort}/`);
    await a.getByRole('button', { name: 'Share library…' }).click();
    const d = a.getByRole('dialog', { name: 'Share library' });
    await d.getByLabel('Sync server').fill(`ws://127.0.0.1:${syncPort}`);
    await d.getByRole('button', { name: 'Share' }).click();
    await a.locator('.team-state.saved').waitFor();
    await d.getByRole('button', { name: 'Make invite link' }).click();
    const link = await d.getByLabel('Invite link').inputValue();
    await d.getByRole('button', { name: 'Done' }).click();
    await b.goto(link);
    await b.locator('.team-state.saved').waitFor();
    const rssBefore = rss(sync.pid);
    const watch = `window.__paints = []; new MutationObserver(() => {
        const n = document.querySelectorAll('article mark').length;
        if (n > (window.__last || 0)) { window.__last = n; window.__paints.push([n, Date.now()]); }
      }).observe(document.querySelector('article'), { childList: true, subtree: true });`;
    await a.evaluate(watch);
    await b.evaluate(watch);
    const remote = [], local = [], bytes = [];
    for (let i = 1; i <= TRIES; i++) {
      await selectWord(a, i * 7);
      await a.waitForTimeout(50);
      const before = sent;
      const t0 = Date.now();
      await a.keyboard.press('1');
      await b.waitForFunction((i) => (window.__last || 0) >= i, i, { timeout: 10000 });
      const tb = await b.evaluate((i) => window.__paints.find(([n]) => n >= i)[1], i);
      const ta = await a.evaluate((i) => (window.__paints.find(([n]) => n >= i) || [0, NaN])[1], i);
      remote.push(tb - t0);
      local.push(ta - t0);
      bytes.push(sent - before);
    }
    await a.waitForTimeout(1500);
    const rssAfter = rss(sync.pid);
    const f = (x) => x.toFixed(0);
    const rows = [
      ['key → painted in browser B (loopback)', `${f(median(remote))} ms`, `${f(p95(remote))} ms`, '≤ 100 ms median'],
      ['baseline: key → painted in browser A itself', `${f(median(local))} ms`, `${f(p95(local))} ms`, ''],
      ['ratio B ÷ A (medians)', `${(median(remote) / Math.max(1, median(local))).toFixed(2)}×`, '', ''],
      ['bytes sent by A for one edit', `${f(median(bytes))} B`, `${f(p95(bytes))} B`, ''],
      ['sync server memory, sample open (before → after the edits)', `${(rssBefore / 1048576).toFixed(1)} → ${(rssAfter / 1048576).toFixed(1)} MB`, '', ''],
    ];
    console.log(`\nTeam library (${TRIES} edits, Chromium, two contexts, sync server on loopback)\n`);
    console.log('| measure | median | p95 | target |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await browser.close();
    sync.kill('SIGTERM');
    web.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
