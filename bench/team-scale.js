// The team library at scale (part of `make bench`): the real sync server and the release build on
// loopback, browser contexts of one headless Chromium. Prints a markdown table.
//
// - An L article (1,000,000 characters, 10,000 annotations) shared by browser A; then opened from
//   the server into an empty browser B through an invite link: navigation → every annotation
//   painted (the Annotations count, then two frames). The baseline, in the same run: A's own local
//   reload of the same article, navigation → painted.
// - Server memory per open L document: the sync server's resident set with the L article open in
//   A and B, less the same before A shared it.
// - Ten browsers on one article (the sample, in another library): each labels a word of its own at
//   the same moment; for every edit, the time from its key press until all ten browsers paint it.
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, freePort, waitPort, rss, annotationsPainted } = require('./lib');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const BROWSERS = Number(process.env.BENCH_TEAM_BROWSERS || 10);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const mb = (x) => (x / 1048576).toFixed(1);

async function share(page, syncPort) {
  await page.getByRole('button', { name: 'Share library…' }).click();
  const d = page.getByRole('dialog', { name: 'Share library' });
  await d.getByLabel('Sync server').fill(`ws://127.0.0.1:${syncPort}`);
  await d.getByRole('button', { name: 'Share' }).click();
  await page.locator('.team-state.saved').waitFor({ timeout: 600_000 });
  return d;
}

async function invites(d, n) {
  const links = [];
  for (let i = 0; i < n; i++) {
    await d.getByLabel('Role').selectOption('editor');
    await d.getByLabel('Their name').fill(`Tester ${i + 2}`);
    await d.getByRole('button', { name: 'Make invite link' }).click();
    let link = '';
    for (let t = 0; t < 100 && (!/#team=/.test(link) || links.includes(link)); t++) {
      link = await d.getByLabel('Invite link').inputValue();
      await new Promise((r) => setTimeout(r, 50));
    }
    links.push(link);
  }
  await d.getByRole('button', { name: 'Done' }).click();
  return links;
}

/** Selects the `n`th free word of four letters or more. */
function selectWord(page, n) {
  return page.evaluate((n) => {
    let seen = 0;
    for (const p of document.querySelectorAll('article p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.parentElement.closest('mark')) continue;
        const re = /[\p{L}]{4,}/gu;
        let m;
        while ((m = re.exec(t.data))) {
          if (seen++ === n) {
            t.parentElement.scrollIntoView({ block: 'center' });
            const r = document.createRange();
            r.setStart(t, m.index);
            r.setEnd(t, m.index + m[0].length);
            getSelection().removeAllRanges();
            getSelection().addRange(r);
            return m[0];
          }
        }
      }
    }
    throw new Error('no such word');
  }, n);
}

async function main() {
  const L = path.join(OUT, 'L.annota.json');
  if (!fs.existsSync(L)) throw new Error('bench/out/L.annota.json is missing: run node bench/generate.js first');
  const count = JSON.parse(fs.readFileSync(L, 'utf8')).annotations.length;
  const [syncPort, webPort] = [await freePort(), await freePort()];
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-bench-scale-'));
  const sync = spawn(process.execPath, [path.join(ROOT, 'server/server.js'), '--port', String(syncPort), '--data', data, '--open'],
    { env: { ...process.env, ANNOTA_SECRET: `bench-scale-${Date.now()}-secret` }, stdio: 'ignore' });
  const web = spawn('python3', ['-m', 'http.server', String(webPort), '--bind', '127.0.0.1', '--directory', path.join(ROOT, 'dist')], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const rows = [];
  try {
    await Promise.all([waitPort(syncPort), waitPort(webPort)]);
    const app = `http://127.0.0.1:${webPort}/`;
    // The L article, shared by A.
    const a = await (await browser.newContext()).newPage();
    await a.goto(app);
    await a.getByLabel('Import', { exact: true }).setInputFiles(L);
    await a.getByRole('heading', { name: `Annotations (${count})` }).waitFor({ timeout: 300_000 });
    const rssIdle = rss(sync.pid);
    const t0 = Date.now();
    const d = await share(a, syncPort);
    const shareMs = Date.now() - t0;
    const [link] = await invites(d, 1);
    // A's own reload: the baseline.
    await a.reload();
    const local = await annotationsPainted(a, count);
    await a.locator('.team-state.saved').waitFor({ timeout: 300_000 });
    // B: an empty browser, from the server.
    const b = await (await browser.newContext()).newPage();
    await b.goto(link);
    const remote = await annotationsPainted(b, count);
    await b.locator('.team-state.saved').waitFor({ timeout: 300_000 });
    await b.waitForTimeout(1500);
    const rssOpen = rss(sync.pid);
    rows.push(['L article opened from the server into an empty browser (navigation → painted)', `${remote.toFixed(0)} ms`, '']);
    rows.push(['baseline, same run: the local reload of the same article in A', `${local.toFixed(0)} ms`, '']);
    rows.push(['ratio: from the server ÷ local reload', `${(remote / local).toFixed(2)}×`, '']);
    rows.push(['sharing the L article (Share → "saved")', `${shareMs.toFixed(0)} ms`, '']);
    rows.push(['sync server memory per open L document (two browsers on it)', `${mb(rssOpen - rssIdle)} MB (${mb(rssIdle)} → ${mb(rssOpen)} MB)`, '']);
    await a.context().close();
    await b.context().close();

    // Ten browsers on the sample article of another library.
    const first = await (await browser.newContext()).newPage();
    await first.goto(app);
    await first.locator('article p').first().waitFor();
    const links = await invites(await share(first, syncPort), BROWSERS - 1);
    const pages = [first];
    for (const l of links) {
      const p = await (await browser.newContext()).newPage();
      await p.goto(l);
      await p.locator('.team-state.saved').waitFor({ timeout: 120_000 });
      pages.push(p);
    }
    for (const p of pages) {
      await p.evaluate(() => {
        window.__seen = new Map();
        new MutationObserver(() => {
          for (const m of document.querySelectorAll('article mark')) if (!window.__seen.has(m.textContent)) window.__seen.set(m.textContent, Date.now());
        }).observe(document.querySelector('article'), { childList: true, subtree: true, characterData: true });
      });
    }
    const words = [];
    for (const [k, p] of pages.entries()) words.push(await selectWord(p, 5 + k * 6));
    // Every browser presses its key at once.
    const pressed = await Promise.all(pages.map(async (p) => { const t = Date.now(); await p.keyboard.press('1'); return t; }));
    const deadline = Date.now() + 30_000;
    let reach = [];
    for (;;) {
      const seen = await Promise.all(pages.map((p) => p.evaluate((ws) => ws.map((w) => window.__seen.get(w) || null), words)));
      reach = words.map((_, k) => { const at = seen.map((s) => s[k]); return at.every(Boolean) ? Math.max(...at) - pressed[k] : null; });
      if (reach.every((r) => r !== null) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const reached = reach.filter((r) => r !== null);
    const worst = reached.length ? Math.max(...reached) : NaN;
    rows.push([`${BROWSERS} browsers label a word each at once: each edit painted in all ${BROWSERS} (median / slowest)`,
      `${median(reached).toFixed(0)} / ${worst.toFixed(0)} ms; ${reached.length} of ${words.length} edits reached all`, `≤ 2000 ms ${worst <= 2000 && reached.length === words.length ? '(met)' : '(missed)'}`]);
    console.log(`\nThe team library at scale (Chromium, browser contexts, sync server on loopback, ${new Date().toISOString().slice(0, 10)})\n`);
    console.log('| measure | figure | target |\n|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await browser.close();
    sync.kill('SIGTERM');
    web.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
