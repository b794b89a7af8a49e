// The phone profile: headless Chromium with the CPU slowed 4× and DevTools' "Fast 3G" network
// (562.5 ms latency, 180 KB/s down, 84 KB/s up), a 390 × 844 touch screen at 3×. Measures:
// - first visit: navigation start → the sample article's first paragraph and the label buttons
//   shown, then two frames (a fresh profile, everything over the throttled network);
// - repeat visit: the same after a reload, served by the service worker;
// - S and M import → painted (the Annotations count shows every annotation, then two frames);
// - add one on the sample: the key's event time → the frame that shows the new highlight (10
//   tries, a free word selected first), against the floor: a static page of the same article whose
//   own script wraps the selection in one more <mark> on the same key, on the same profile.
// Files are served gzipped, as a static host serves them (python's http.server does not compress).
// Prints a markdown table with each figure beside its target. Run by `make bench`.
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const zlib = require('zlib');
const { median, annotationsPainted } = require('./lib');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const PORT = Number(process.env.BENCH_PORT || 4290);
const TRIES = 10;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** ms from navigation start to the article and the label buttons shown, then two frames. */
function interactive(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('article p') && document.querySelector('.toolbar button')) {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      } else setTimeout(check, 5);
    };
    check();
  }));
}

/** The key → frame probe (as bench/run.js), on whatever page is open. */
async function installProbe(page) {
  await page.evaluate(() => {
    const b = (window.__bench = { t0: 0, waiting: false });
    document.addEventListener('keydown', (e) => { b.t0 = e.timeStamp; }, true);
    new MutationObserver(() => {
      if (!b.waiting) return;
      b.waiting = false;
      requestAnimationFrame(() => b.done(performance.now() - b.t0));
    }).observe(document.querySelector('article'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function selectFreeWord(page, k) {
  return page.evaluate((k) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    const free = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest('mark') && /\S{3,} /.test(n.data)) free.push(n);
    const node = free[(k * 7919) % free.length];
    node.parentElement.scrollIntoView({ block: 'center' });
    const m = /\S{3,}/.exec(node.data);
    const r = document.createRange();
    r.setStart(node, m.index);
    r.setEnd(node, m.index + m[0].length);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, k);
}

async function timedKey(page, key) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  await page.evaluate(() => { window.__bench.waiting = true; window.__bench.result = new Promise((r) => { window.__bench.done = r; }); });
  await page.keyboard.press(key);
  return page.evaluate(() => Promise.race([window.__bench.result, new Promise((r) => setTimeout(() => r(null), 10000))]));
}

/** The floor: the sample as static paragraphs; its script wraps the selection in a <mark> on "1". */
function floorPage() {
  const text = fs.readFileSync(path.join(ROOT, 'samples/fars-amirabdollahian-lavrov.ar.txt'), 'utf8');
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const script = `document.addEventListener('keydown', (e) => { if (e.key !== '1') return; const s = getSelection(); if (!s.rangeCount) return;
    const m = document.createElement('mark'); s.getRangeAt(0).surroundContents(m); s.removeAllRanges(); });`;
  const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{font:1.1rem/2 "Noto Naskh Arabic",serif;margin:1rem}mark{background:rgba(246,183,60,.32)}</style>`
    + `<article dir="auto">${text.split(/\n\s*\n/).map((p) => `<p dir="auto">${escape(p)}</p>`).join('')}</article><script>${script}</script>`;
  fs.writeFileSync(path.join(OUT, 'phone-floor.html'), html);
}

async function importToPaint(page, name) {
  const expected = JSON.parse(fs.readFileSync(path.join(OUT, `${name}.annota.json`), 'utf8')).annotations.length;
  const start = await page.evaluate(() => performance.now());
  await page.getByLabel('Import', { exact: true }).setInputFiles(path.join(OUT, `${name}.annota.json`));
  const painted = await annotationsPainted(page, expected);
  return painted - start;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** A static server of the repository on loopback that gzips what the client accepts gzipped. */
function staticServer() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(ROOT, path.normalize(url).replace(/^([/\\])+/, ''));
    if (!file.startsWith(ROOT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    const body = fs.readFileSync(file);
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(body, { level: 9 }));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const n of ['S', 'M']) if (!fs.existsSync(path.join(OUT, `${n}.annota.json`))) throw new Error(`bench/out/${n}.annota.json is missing: run node bench/generate.js first`);
  floorPage();
  const server = await staticServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const rows = [];
  try {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await throttled(context, page);
    await page.goto(`http://127.0.0.1:${PORT}/dist/index.html`, { timeout: 300_000 });
    const first = await interactive(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1500); // the service worker finishes caching the offline files
    await page.reload();
    const repeat = await interactive(page);
    await installProbe(page);
    const add = [];
    for (let i = 0; i < TRIES; i++) {
      await selectFreeWord(page, i);
      add.push(await timedKey(page, '1'));
    }
    const s = await importToPaint(page, 'S');
    const m = await importToPaint(page, 'M');
    await context.close();

    const floorContext = await browser.newContext(PHONE);
    const floor = await floorContext.newPage();
    await throttled(floorContext, floor);
    await floor.goto(`http://127.0.0.1:${PORT}/bench/out/phone-floor.html`, { timeout: 300_000 });
    await installProbe(floor);
    const floorAdd = [];
    for (let i = 0; i < TRIES; i++) {
      await selectFreeWord(floor, i);
      floorAdd.push(await timedKey(floor, '1'));
    }
    await floorContext.close();
    const ok = (x) => x.filter((v) => v !== null);
    rows.push(['first visit: the sample interactive', first, '≤ 3000 ms']);
    rows.push(['repeat visit (service worker): the sample interactive', repeat, '≤ 1000 ms']);
    rows.push(['S import → painted', s, '']);
    rows.push(['M import → painted', m, '']);
    rows.push(['add one on the sample, key → frame (median)', median(ok(add)), '']);
    rows.push(['floor, same profile: one more static <mark>, key → frame (median)', median(ok(floorAdd)), '']);
    console.log(`The phone profile (CPU 4× slower, Fast 3G, 390 × 844 at 3×), headless Chromium, ${new Date().toISOString().slice(0, 10)}:\n`);
    console.log('| measure | ms | target |\n| --- | --- | --- |');
    for (const [what, v, target] of rows) console.log(`| ${what} | ${v.toFixed(0)} | ${target}${target ? (v <= Number(target.replace(/\D/g, '')) ? ' (met)' : ' (missed)') : ''} |`);
    const ratio = median(ok(add)) / median(ok(floorAdd));
    console.log(`| add one ÷ floor (medians) | ${ratio.toFixed(2)}× | ≤ 1.25× ${ratio <= 1.25 ? '(met)' : '(missed)'} |`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
