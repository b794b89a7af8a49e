// The benchmark: Annota against two floors (static paragraphs; static <mark> HTML) in headless
// Chromium, on generated articles of three sizes. Prints a markdown table; `--readme` also writes it
// into README.md between the bench markers. Run with `make bench` (builds the release app first).
//
// Definitions:
// - load: navigation start -> the Import finished, the Annotations count shows every annotation,
//   then two animation frames (so highlights are laid out and painted). Floors: navigation start ->
//   load event + two animation frames.
// - add / edit / delete / undo: the key's event time -> the first animation frame after the
//   article's DOM changed (the frame that shows it), over 20 tries; "handled" stops at the DOM
//   change, "drawn" at the end of that frame's style, layout and paint on the main thread.
// - autosave, download: the app's own performance.measure() around saving and exporting; "per change"
//   counts the saves of the 80 edits, apart from the first save of the opened article (its text too).
// - scroll: frame-to-frame times while scrolling the whole article, 400 px a frame.
// - suggestions: the app's own performance.measure('annota:suggest') around each step of a pass.
//   On the sample (both ministers labelled as Actor, every kind on): a pass after a change (redo),
//   its total and its longest step, over 5 passes. On L, after one relabel (n then a label key):
//   frame-to-frame times from the key until the pass is done (the panel no longer says "Still
//   looking") and the long tasks (> 50 ms) meanwhile; the baseline, in the same run and page, is
//   the same relabel with every kind of suggestion switched off.
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { generate, floors, SIZES } = require('./generate');
const { annotationsPainted } = require('./lib');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const PORT = Number(process.env.BENCH_PORT || 4288);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TRIES = 20;
const ONLY = (process.env.BENCH_SIZES || Object.keys(SIZES).join(',')).split(',');
// BENCH_SUGGESTIONS_ONLY=1: only the suggestions' figures, printed (README left as it is).
const ONLY_SUGGESTIONS = process.env.BENCH_SUGGESTIONS_ONLY === '1';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (x) => (x / 1048576).toFixed(1);

function ensureInputs() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of new Set([...ONLY, 'L'])) {
    if (fs.existsSync(path.join(OUT, `${name}.annota.json`))) continue;
    const { file, text, annotations } = generate(name);
    fs.writeFileSync(path.join(OUT, `${name}.annota.json`), JSON.stringify(file));
    const { plain, marked } = floors(text, annotations);
    fs.writeFileSync(path.join(OUT, `${name}.plain.html`), plain);
    fs.writeFileSync(path.join(OUT, `${name}.marks.html`), marked);
  }
}

async function twoFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))));
}

async function floor(browser, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/bench/out/${file}`, { waitUntil: 'load', timeout: 300_000 });
  const t = await twoFrames(page);
  await context.close();
  return t;
}

async function openApp(browser, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const expected = JSON.parse(fs.readFileSync(path.join(OUT, `${name}.annota.json`), 'utf8')).annotations.length;
  await page.goto(`http://127.0.0.1:${PORT}/dist/index.html`);
  const input = page.getByLabel('Import', { exact: true });
  await input.waitFor({ state: 'attached' });
  const importStart = await page.evaluate(() => performance.now());
  await input.setInputFiles(path.join(OUT, `${name}.annota.json`));
  const painted = await annotationsPainted(page, expected);
  return { context, page, load: painted, importToPaint: painted - importStart, expected };
}

async function installProbe(page) {
  await page.evaluate(() => {
    const b = (window.__bench = { t0: 0, waiting: false });
    document.addEventListener('keydown', (e) => { b.t0 = e.timeStamp; }, true);
    new MutationObserver(() => {
      if (!b.waiting) return;
      b.waiting = false;
      const handled = performance.now() - b.t0;
      requestAnimationFrame(() => {
        const painted = performance.now() - b.t0;
        // A task posted in the frame's callbacks runs once the frame's style, layout and paint are
        // done: when the screen can show the change. User-blocking, so it runs before the app's
        // save (a normal task queued after the frame).
        const done = () => b.done({ handled, painted, drawn: performance.now() - b.t0 });
        if (window.scheduler?.postTask) scheduler.postTask(done, { priority: 'user-blocking' });
        else { const channel = new MessageChannel(); channel.port1.onmessage = done; channel.port2.postMessage(0); }
      });
    }).observe(document.querySelector('article'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
}

let presses = 0;
async function timedKey(page, key) {
  await settle(page); // the selection or click before the key is not part of the key's time
  // People do not press keys in step with the screen: each press comes at another point of the
  // frame (spread evenly over 16.7 ms, the same spread every run).
  const phase = ((presses++ * 7) % 17) + 0.5;
  await page.evaluate((phase) => new Promise((r) => requestAnimationFrame(() => setTimeout(r, phase))), phase);
  await page.evaluate(() => { window.__bench.waiting = true; window.__bench.result = new Promise((r) => { window.__bench.done = r; }); });
  await page.keyboard.press(key);
  return page.evaluate(() => Promise.race([window.__bench.result, new Promise((r) => setTimeout(() => r(null), 5000))]));
}

/** Selects the first word of the k-th unannotated run that has one, scrolled into view. */
async function selectFreeWord(page, k) {
  return page.evaluate((k) => {
    const spans = Array.from(document.querySelectorAll('article span[data-s]')).filter((s) => /\S{3,} /.test(s.textContent));
    const span = spans[(k * 7919) % spans.length];
    span.scrollIntoView({ block: 'center' });
    const node = span.firstChild;
    const m = /\S{3,}/.exec(node.data);
    const r = document.createRange();
    r.setStart(node, m.index);
    r.setEnd(node, m.index + m[0].length);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    return true;
  }, k);
}

async function clickMark(page, k) {
  const box = await page.evaluate((k) => {
    const marks = document.querySelectorAll('article mark');
    const m = marks[(k * 104729) % marks.length];
    m.scrollIntoView({ block: 'center' });
    const r = m.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, k);
  await page.keyboard.press('Escape');
  await page.mouse.click(box.x, box.y);
}

async function heap(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const js = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.wasmBindings.wasm_memory_bytes());
  return { js, wasm };
}

async function interactions(page) {
  await installProbe(page);
  const out = { add: [], edit: [], delete: [], undo: [] };
  for (let i = 0; i < TRIES; i++) {
    await selectFreeWord(page, i);
    out.add.push(await timedKey(page, '1'));
  }
  for (let i = 0; i < TRIES; i++) {
    await clickMark(page, i);
    out.edit.push(await timedKey(page, i % 2 ? '2' : '3'));
  }
  for (let i = 0; i < TRIES; i++) {
    await clickMark(page, i + 50);
    out.delete.push(await timedKey(page, 'Delete'));
  }
  for (let i = 0; i < TRIES; i++) out.undo.push(await timedKey(page, 'Control+z'));
  return out;
}

async function scroll(page) {
  return page.evaluate(() => new Promise((resolve) => {
    window.scrollTo(0, 0);
    const frames = [];
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      if (window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2 || frames.length > 4000) resolve(frames.slice(1));
      else { window.scrollBy(0, 400); requestAnimationFrame(step); }
    };
    requestAnimationFrame(step);
  }));
}

async function measureSize(browser, name) {
  const loads = [], floorsPlain = [], floorsMarks = [], importToPaint = [];
  let detail = null;
  for (let run = 0; run < RUNS; run++) {
    floorsPlain.push(await floor(browser, `${name}.plain.html`));
    floorsMarks.push(await floor(browser, `${name}.marks.html`));
    const app = await openApp(browser, name);
    loads.push(app.load);
    importToPaint.push(app.importToPaint);
    if (run === RUNS - 1) {
      const { page, context } = app;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const memory = await heap(page, cdp);
      // Saves before the edits wrote the opened article itself (its whole text); each edit's save after.
      const opening = await page.evaluate(() => performance.getEntriesByName('annota:save').map((e) => e.duration));
      const keys = await interactions(page);
      const saves = (await page.evaluate(() => performance.getEntriesByName('annota:save').map((e) => e.duration))).slice(opening.length);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
      await download.path();
      const exportMs = await page.evaluate(() => performance.getEntriesByName('annota:export').map((e) => e.duration).pop());
      const frames = await scroll(page);
      // Leak check: 100 add + undo cycles, heap before and after (after a forced GC).
      const before = await heap(page, cdp);
      for (let i = 0; i < 100; i++) {
        await selectFreeWord(page, i + 1000);
        await page.keyboard.press('1');
        await page.keyboard.press('Control+z');
      }
      const after = await heap(page, cdp);
      detail = { memory, keys, saves, opening: Math.max(...opening), exportMs, frames, before, after };
    }
    await app.context.close();
  }
  return { loads, floorsPlain, floorsMarks, importToPaint, ...detail };
}

const MINISTER = 'حسين أميرعبد اللهيان';
const LAVROV = 'سيرجي لافروف';

/** The sample with one mention of each minister labelled as Actor, as an Annota file. */
function sampleFile() {
  const text = fs.readFileSync(path.join(ROOT, 'samples/fars-amirabdollahian-lavrov.ar.txt'), 'utf8');
  const at = (needle) => { const i = Array.from(text.slice(0, text.indexOf(needle))).length; return { start: i, end: i + Array.from(needle).length }; };
  const t = '2026-01-01T00:00:00.000Z';
  const actor = (id, needle) => ({ id, ...at(needle), label: 'actor', note: '', created: t, modified: t });
  return { format: 'annota', version: 1, offset_unit: 'codepoint', article: { id: 'bench-sample', title: 'Sample', text },
    labels: [{ id: 'claim', name: 'Claim', color: '#d55e00', hotkey: '1' }, { id: 'quote', name: 'Quote', color: '#0072b2', hotkey: '2' }, { id: 'actor', name: 'Actor', color: '#009e73', hotkey: '3' }],
    annotations: [actor('m1', MINISTER), actor('m2', LAVROV)] };
}

async function suggestionsSettled(page) {
  await page.waitForFunction(() => {
    const r = document.querySelector('section.suggestions');
    return r && !/Still looking/.test(r.textContent) && /\(\d+\)/.test(r.querySelector('h2').textContent);
  }, null, { timeout: 300_000 });
  await settle(page);
}

const suggestTimes = (page) => page.evaluate(() => performance.getEntriesByName('annota:suggest').map((e) => e.duration));

/** Frames and long tasks from a key press until the suggestions' pass is done. */
async function framesDuring(page, key) {
  await page.evaluate(() => {
    const w = (window.__sug = { frames: [], long: [], run: true });
    new PerformanceObserver((l) => w.long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    const step = () => { const now = performance.now(); w.frames.push(now - last); last = now; if (w.run) requestAnimationFrame(step); };
    requestAnimationFrame(step);
  });
  const t0 = await page.evaluate(() => { performance.clearMeasures('annota:suggest'); return performance.now(); });
  await page.keyboard.press(key);
  await page.waitForFunction(() => /Still looking/.test(document.querySelector('section.suggestions')?.textContent || ''), null, { timeout: 2000 }).catch(() => {});
  await suggestionsSettled(page);
  // Key → the end of the pass's last step.
  return page.evaluate((t0) => {
    window.__sug.run = false;
    const steps = performance.getEntriesByName('annota:suggest');
    const last = steps.length ? Math.max(...steps.map((e) => e.startTime + e.duration)) : t0;
    return { frames: window.__sug.frames.slice(1), long: window.__sug.long, wall: last - t0 };
  }, t0);
}

async function suggestionsFigures(browser) {
  const out = {};
  // The sample, every kind on.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/dist/index.html`);
    const input = page.getByLabel('Import', { exact: true });
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles({ name: 'sample.annota.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sampleFile())) });
    await page.waitForFunction(() => /Annotations \(2\)/.test(document.querySelector('section[aria-label="Annotations"] h2')?.textContent || ''));
    await suggestionsSettled(page);
    const passes = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('article').focus();
      await page.keyboard.press('Control+z');
      await suggestionsSettled(page);
      await page.evaluate(() => performance.clearMeasures('annota:suggest'));
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(() => /Annotations \(2\)/.test(document.querySelector('section[aria-label="Annotations"] h2')?.textContent || ''));
      await suggestionsSettled(page);
      const steps = await suggestTimes(page);
      passes.push({ total: steps.reduce((a, b) => a + b, 0), longest: Math.max(...steps), steps: steps.length });
    }
    out.sample = { passes, count: await page.evaluate(() => Number(/\((\d+)\)/.exec(document.querySelector('section.suggestions h2').textContent)[1])) };
    await context.close();
  }
  // L: one relabel with every kind on, then the same with every kind off.
  {
    const app = await openApp(browser, 'L');
    const { page } = app;
    await suggestionsSettled(page);
    const relabel = async (key) => {
      await page.locator('article').focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('n');
      await settle(page);
      const r = await framesDuring(page, key);
      const steps = await suggestTimes(page);
      return { ...r, steps: steps.length, longestStep: steps.length ? Math.max(...steps) : 0 };
    };
    out.on = await relabel('2'); // the first annotation, a Claim, as Quote
    out.countL = await page.evaluate(() => Number(/\((\d+)\)/.exec(document.querySelector('section.suggestions h2').textContent)[1]));
    for (const name of ['Actor mentions', 'Quotations', 'Reported speech', 'Same label again']) {
      await page.getByRole('region', { name: /^Suggestions \(/ }).getByRole('checkbox', { name: new RegExp(`^${name}`) }).uncheck();
    }
    await suggestionsSettled(page);
    out.off = await relabel('1'); // and back
    await app.context.close();
  }
  return out;
}

function suggestionsTable(s) {
  const totals = s.sample.passes.map((p) => p.total), longest = s.sample.passes.map((p) => p.longest);
  const f = (r) => `${ms(Math.max(...r.frames))} / ${r.frames.filter((x) => x > 50).length} of ${r.frames.length} / ${r.long.length ? r.long.map(ms).join(', ') : 'none'}`;
  return [
    '| suggestions (ms unless said) | figure | target |',
    '|---|---|---|',
    `| sample, every kind, after a change: whole pass (median / max of 5; ${s.sample.passes[0].steps} steps, the longest ${ms(Math.max(...longest))}; ${s.sample.count} suggestions) | ${ms(median(totals))} / ${ms(Math.max(...totals))} | ≤ 50 |`,
    `| L after a relabel, suggestions on: longest frame / frames > 50 ms / long tasks | ${f(s.on)} | none > 50 |`,
    `| L, the same relabel with every kind off (baseline) | ${f(s.off)} |  |`,
    `| L, longest frame on ÷ off | ${(Math.max(...s.on.frames) / Math.max(...s.off.frames)).toFixed(2)}× |  |`,
    `| L, suggestions on: key → end of the pass's last step (${s.on.steps} steps, longest ${ms(s.on.longestStep)}; ${s.countL.toLocaleString('en')} suggestions) | ${ms(s.on.wall)} |  |`,
  ].join('\n');
}

function bundle() {
  const files = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /\.(wasm|js)$/.test(f));
  let raw = 0, gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(path.join(ROOT, 'dist', f));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

function table(results) {
  const names = Object.keys(results);
  const row = (label, f, target = '') => `| ${label} | ${names.map((n) => f(results[n])).join(' | ')} | ${target} |`;
  const keyRow = (k, label) => row(label, (r) => {
    const v = r.keys[k].filter(Boolean);
    return `${ms(median(v.map((x) => x.painted)))} / ${ms(p95(v.map((x) => x.painted)))} (handled ${ms(median(v.map((x) => x.handled)))}; drawn ${ms(median(v.map((x) => x.drawn)))})`;
  }, '≤ 16 / ≤ 33 at L');
  const b = bundle();
  const lines = [
    `| measure (ms unless said) | ${names.join(' | ')} | target |`,
    `|---|${names.map(() => '---').join('|')}|---|`,
    row('floor: static paragraphs, load', (r) => ms(median(r.floorsPlain))),
    row('floor: static `<mark>` HTML, load', (r) => ms(median(r.floorsMarks))),
    row('Annota load (navigation → all highlights painted)', (r) => ms(median(r.loads))),
    row('Annota load ÷ `<mark>` floor', (r) => (median(r.loads) / median(r.floorsMarks)).toFixed(2) + '×', '≤ 1.25× at L'),
    row('of which import → painted', (r) => ms(median(r.importToPaint))),
    keyRow('add', 'add one (median / p95, to next frame)'),
    keyRow('edit', 'relabel one'),
    keyRow('delete', 'delete one'),
    keyRow('undo', 'undo one'),
    row('autosave per change (median / max)', (r) => `${ms(median(r.saves))} / ${ms(Math.max(...r.saves))}`, '≤ 50 at L'),
    row('first save of the opened article (its text too)', (r) => ms(r.opening), ''),
    row('Download JSON (export + blob)', (r) => ms(r.exportMs), '≤ 300 at L'),
    row('scroll frames: median / p95 / max; frames > 50 ms', (r) => `${ms(median(r.frames))} / ${ms(p95(r.frames))} / ${ms(Math.max(...r.frames))}; ${r.frames.filter((f) => f > 50).length} of ${r.frames.length}`, 'none > 50 at L'),
    row('memory after load: JS heap / wasm (MB)', (r) => `${mb(r.memory.js)} / ${mb(r.memory.wasm)}`),
    row('100 add+undo cycles: JS heap / wasm (MB), before → after', (r) => `${mb(r.before.js)} → ${mb(r.after.js)} / ${mb(r.before.wasm)} → ${mb(r.after.wasm)}`, 'within 10%'),
  ];
  return { text: lines.join('\n'), bundle: b };
}

// The suggestions against their gold set, as `make bench` measured them just before
// (bench/out/suggest-gold.txt, the output of tests/suggest_gold.rs): its tables and timings.
function suggestGold() {
  const file = path.join(OUT, 'suggest-gold.txt');
  if (!fs.existsSync(file)) return '';
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith('Suggestions against'));
  if (from < 0) return '';
  const to = lines.findIndex((l, i) => i > from && (l === 'ok' || l.startsWith('test ')));
  const timings = lines.map((l) => l.match(/[\d,]+ code points: quotations .*$/)).filter(Boolean).map((m) => `- ${m[0]}`);
  return `\n${lines.slice(from, to < 0 ? undefined : to).join('\n').trim()}\n`
    + (timings.length ? `\nQuotations and reported speech on long texts (native, release build):\n\n${timings.join('\n')}\n` : '');
}

async function main() {
  ensureInputs();
  const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', ROOT], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  const results = {};
  let suggestions = null;
  try {
    if (ONLY_SUGGESTIONS) {
      process.stderr.write('measuring the suggestions…\n');
      const table = suggestionsTable(await suggestionsFigures(browser));
      console.log(table);
      return;
    }
    for (const name of ONLY) {
      process.stderr.write(`measuring ${name}…\n`);
      results[name] = await measureSize(browser, name);
    }
    process.stderr.write('measuring the suggestions…\n');
    suggestions = await suggestionsFigures(browser);
  } finally {
    await browser.close();
    server.kill();
  }
  const { text, bundle: b } = table(results);
  const date = new Date().toISOString().slice(0, 10);
  const md = `Benchmark of ${date}, headless Chromium, ${RUNS} runs per size (medians), ${TRIES} tries per edit; `
    + `sizes: ${ONLY.map((n) => `${n} = ${SIZES[n][0].toLocaleString('en')} characters / ${SIZES[n][1].toLocaleString('en')} annotations`).join(', ')}.\n\n`
    + `${text}\n\n${suggestionsTable(suggestions)}\n\nRelease bundle (wasm + JS): ${(b.raw / 1024).toFixed(0)} KB raw, ${(b.gz / 1024).toFixed(0)} KB gzip (target ≤ 250 KB gzip).\n`
    + suggestGold();
  fs.writeFileSync(path.join(OUT, 'results.md'), md);
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results));
  console.log(md);
  if (process.argv.includes('--readme')) {
    const readme = path.join(ROOT, 'README.md');
    const s = fs.readFileSync(readme, 'utf8');
    const start = '<!-- bench:start -->', end = '<!-- bench:end -->';
    if (s.includes(start)) fs.writeFileSync(readme, s.slice(0, s.indexOf(start) + start.length) + '\n' + md + s.slice(s.indexOf(end)));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
