// The agreement benchmark: the L article (1,000,000 characters) with two layers of 10,000
// annotations each (B is A with about a fifth of the boundaries moved, 5% relabelled, 10% dropped
// and 10% added), imported through Import as layer… in headless Chromium; then Agreement… pressed
// and timed to the frame that shows the figures, against a baseline in the same page: opening the
// Article details dialog (a dialog with no figures). Long tasks (> 50 ms) meanwhile are counted, to
// say whether the page stays responsive. Prints a markdown table. Run by `make bench`.
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { generate } = require('./generate');
const { median } = require('./lib');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const PORT = Number(process.env.BENCH_PORT || 4289);
const RUNS = 5;

function layers() {
  const { file, text } = generate('L');
  const cps = Array.from(text);
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const a = JSON.parse(JSON.stringify(file));
  const b = JSON.parse(JSON.stringify(file));
  const slice = (s, e) => cps.slice(s, e).join('');
  const fix = (x) => { x.exact = slice(x.start, x.end); delete x.prefix; delete x.suffix; delete x.utf16_start; delete x.utf16_end; return x; };
  const kept = [];
  for (const x of b.annotations) {
    const r = random();
    if (r < 0.1) continue; // dropped
    if (r < 0.3 && x.end - x.start > 3) fix(Object.assign(x, { end: x.end - 2 })); // a boundary moved
    else if (r < 0.35) x.label = x.label === 'claim' ? 'quote' : 'claim';
    kept.push(x);
  }
  for (let k = 0; k < a.annotations.length / 10; k++) {
    const start = Math.floor(random() * (cps.length - 40));
    kept.push(fix({ id: `added-${k}`, label: 'actor', start, end: start + 5 + Math.floor(random() * 30), note: '', created: a.annotations[0].created, modified: a.annotations[0].modified }));
  }
  b.annotations = kept;
  return { a, b, n: a.annotations.length, m: kept.length };
}

async function timeDialog(page, button, ready) {
  return page.evaluate(([button, ready]) => new Promise((resolve) => {
    const long = [];
    const observer = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const el = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === button);
    const start = performance.now();
    el.click();
    const check = () => {
      if (document.querySelector(ready)) {
        requestAnimationFrame(() => requestAnimationFrame(() => { observer.disconnect(); resolve({ ms: performance.now() - start, long }); }));
      } else setTimeout(check, 1);
    };
    check();
  }), [button, ready]);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { a, b, n, m } = layers();
  fs.writeFileSync(path.join(OUT, 'layer-a.annota.json'), JSON.stringify(a));
  fs.writeFileSync(path.join(OUT, 'layer-b.annota.json'), JSON.stringify(b));
  const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', ROOT], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`http://127.0.0.1:${PORT}/dist/index.html`);
    await page.getByLabel('Import', { exact: true }).setInputFiles(path.join(OUT, 'layer-a.annota.json'));
    await page.getByRole('heading', { name: `Annotations (${n})` }).waitFor({ timeout: 300_000 });
    const imported = [];
    for (const f of ['layer-a.annota.json', 'layer-b.annota.json']) {
      const t0 = Date.now();
      await page.getByLabel('Import as layer…').setInputFiles(path.join(OUT, f));
      await page.getByText(`as the layer "${f.split('.')[0]}"`).first().waitFor({ timeout: 300_000 });
      imported.push(Date.now() - t0);
    }
    const [agree, base, long] = [[], [], []];
    for (let i = 0; i < RUNS; i++) {
      const d = await timeDialog(page, 'Article details', '[aria-labelledby="details-title"]');
      base.push(d.ms);
      await page.keyboard.press('Escape');
      const t = await timeDialog(page, 'Agreement…', 'table.figures');
      await page.locator('dialog, [role=dialog]').getByLabel('Layer A').selectOption({ label: 'layer-a' });
      await page.locator('[role=dialog]').getByLabel('Layer B').selectOption({ label: 'layer-b' });
      await page.locator('[role=dialog] table.figures').first().waitFor();
      agree.push(t.ms);
      long.push(...t.long);
      await page.keyboard.press('Escape');
    }
    // The chosen pair (A against B) timed separately: the figures a reviewer asks for.
    const pair = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('button', { name: 'Agreement…' }).click();
      const dialog = page.locator('[role=dialog]');
      await dialog.getByLabel('Layer A').selectOption({ label: 'layer-a' });
      const t = await page.evaluate(() => new Promise((resolve) => {
        const sel = document.querySelector('[role=dialog] select[aria-label="Layer B"]');
        const before = document.querySelector('[role=dialog] table.figures tbody')?.textContent;
        const start = performance.now();
        sel.value = 'layer-b';
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
          const now = document.querySelector('[role=dialog] table.figures tbody')?.textContent;
          if (now && now !== before) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          else setTimeout(check, 1);
        };
        check();
      }));
      pair.push(t);
      await page.keyboard.press('Escape');
    }
    const measured = await page.evaluate(() => performance.getEntriesByName('annota:agreement').map((e) => e.duration));
    const rows = [
      ['two layers compared (the chosen pair changed → figures painted), median of 5', median(pair), '≤ 200 ms'],
      ['Agreement… pressed → figures painted (every pair of 3 layers: the matrix), median of 5', median(agree), ''],
      ['baseline, same page: Article details pressed → dialog painted', median(base), ''],
      ['of which the comparison itself (the app\'s performance.measure), median', median(measured), ''],
    ];
    console.log(`The agreement figures on the L article (${(1_000_000).toLocaleString('en')} characters), layers of ${n.toLocaleString('en')} and ${m.toLocaleString('en')} annotations, headless Chromium, ${new Date().toISOString().slice(0, 10)}:\n`);
    console.log('| measure | ms | target |\n| --- | --- | --- |');
    for (const [what, v, target] of rows) console.log(`| ${what} | ${v.toFixed(0)} | ${target} |`);
    console.log(`| ratio: chosen pair ÷ baseline dialog | ${(median(pair) / median(base)).toFixed(1)}× | |`);
    console.log(`| long tasks (> 50 ms) while the dialog opened, over 5 | ${long.length} (longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms) | |`);
    console.log(`| Import as layer… of each file (→ its notice) | ${imported.map((x) => x.toFixed(0)).join(', ')} | |`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
