#!/usr/bin/env node
// The team library across browser engines: one flow in Chromium, Firefox and WebKit at once.
//
// Starts the real sync server (server/server.js) and a static server for dist/ on free loopback
// ports; Chromium (Playwright, Debian's /usr/bin/chromium) shares the sample library and makes editor
// invite links; Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK's MiniBrowser (Debian's
// WebKitWebDriver, classic WebDriver over plain HTTP, under Xvfb) each open one and join. Then each
// engine annotates with real input (a mouse drag, then a label key) and the others must paint the mark
// within 5 s. Then layers in each engine, on another origin (its own storage, no team): two
// annotators' files imported as layers, the agreement figures read, and every difference settled by
// key into the gold layer. Nothing downloads a browser.
//
//   node tests/engines/team-engines.js            (needs dist/ built: trunk build --release --dist dist)
//   ENGINES=chromium,firefox  to leave one out      DIST=path  to serve another build
//   CHROMIUM, FIREFOX, WEBKIT_DRIVER, MINIBROWSER: other binaries; ENGINES_DISPLAY=:N an X server
//   already running instead of a new Xvfb; ENGINES_TIMEOUT_MS: the whole run (300 s)
//
// Prints one line per check and ends with "N passed, M failed"; exits 1 on any failure. Every server
// and browser it started is stopped, also on a failure, a timeout or Ctrl-C.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '../..');
const DIST = path.resolve(process.env.DIST || path.join(ROOT, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ENGINES = (process.env.ENGINES || 'chromium,firefox,webkit').split(',').map((s) => s.trim());
const PAINT_MS = 5000; // a change in one browser painted in another
const STEP_MS = 60000; // loading, joining: this machine is often busy
const WATCHDOG_MS = Number(process.env.ENGINES_TIMEOUT_MS || 300000);
const VIEWPORT = { width: 1280, height: 900 };

const SAVED = 'All changes saved to the team';
const TITLE = 'مشاورة هاتفية بين الأمير عبد اللهيان ولافروف';
const PHRASE = { chromium: 'وزير الخارجية الروسي', firefox: 'سيرجي لافروف', webkit: 'مجلس الأمن' };
const KEY = { chromium: '1', firefox: '3', webkit: '1' };
const LABEL = { 1: 'Claim', 3: 'Actor' }; // the sample's labels on those keys
const markOf = (engine) => `${PHRASE[engine]} [${LABEL[KEY[engine]]}]`;

// ---------------------------------------------------------------------------------------------------
// Checks and clean-up

let passed = 0;
let failed = 0;
const cleanups = []; // run last-in first-out, each at most once

function log(line) { process.stdout.write(`${line}\n`); }

/** Runs one check; prints "ok" or "FAIL" with its time. A failed check does not stop the run. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const note = await fn();
    passed++;
    log(`ok   ${name}${note ? ` (${note})` : ''} [${Date.now() - t} ms]`);
    return true;
  } catch (e) {
    failed++;
    log(`FAIL ${name} [${Date.now() - t} ms]\n     ${String(e && e.stack ? e.message : e).split('\n').join('\n     ')}`);
    return false;
  }
}

/** A check that could not run because what it needs failed earlier. */
function skipped(name, why) {
  failed++;
  log(`FAIL ${name} (not run: ${why})`);
}

function onCleanup(fn) { cleanups.push(fn); }

let cleaning = null;
function cleanup() {
  if (!cleaning) {
    cleaning = (async () => {
      while (cleanups.length) {
        const fn = cleanups.pop();
        try { await withTimeout(Promise.resolve().then(fn), 15000, 'clean-up step'); } catch (e) { log(`     (clean-up: ${e.message})`); }
      }
    })();
  }
  return cleaning;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
  ]);
}

/** Polls `fn` until `ok(value)`; throws with the last value seen. */
async function until(fn, ok, ms, what) {
  const end = Date.now() + ms;
  let last;
  let lastError = null;
  for (;;) {
    try { last = await fn(); lastError = null; if (ok(last)) return last; } catch (e) { lastError = e; }
    if (Date.now() > end) {
      throw new Error(`${what}: not within ${ms} ms; last ${lastError ? `error: ${lastError.message}` : `value: ${JSON.stringify(last)}`}`);
    }
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------------
// Processes

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
    c.on('error', () => resolve(false));
  });
}

/**
 * Spawns a process in its own process group (so whatever it starts, MiniBrowser under WebKitWebDriver,
 * goes with it) and registers its stop. Returns the child with `.output()` for error messages.
 */
function start(name, cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  const keep = (d) => { out = (out + d).slice(-4000); };
  if (child.stdout) child.stdout.on('data', keep);
  if (child.stderr) child.stderr.on('data', keep);
  child.on('error', (e) => keep(`\n${name}: ${e.message}`));
  child.output = () => out.trim();
  onCleanup(() => stopProcess(child));
  return child;
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const gone = new Promise((r) => child.once('exit', r));
  const signal = (s) => { try { process.kill(-child.pid, s); } catch { try { child.kill(s); } catch { /* gone */ } } };
  signal('SIGTERM');
  const t = setTimeout(() => signal('SIGKILL'), 3000);
  await gone;
  clearTimeout(t);
}

async function waitForPort(child, port, name) {
  for (let i = 0; i < 300; i++) {
    if (await portOpen(port)) return;
    if (child.exitCode !== null) throw new Error(`${name} exited: ${child.output()}`);
    await sleep(100);
  }
  throw new Error(`${name} did not open port ${port}: ${child.output()}`);
}

// ---------------------------------------------------------------------------------------------------
// What runs in every page (serialised into each engine, so it must be self-contained)

/** Viewport points just inside the first and last characters of the nth `needle` in the article. */
function pointsOf(needle, nth) {
  const paragraphs = Array.from(document.querySelectorAll('article p'));
  let seen = 0;
  for (const p of paragraphs) {
    let from = 0;
    for (;;) {
      const at = p.textContent.indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === nth) {
        const locate = (offset) => {
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          let acc = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (offset < acc + n.length) return [n, offset - acc];
            acc += n.length;
          }
          throw new Error('offset past paragraph');
        };
        const rectOf = (offset) => {
          const [node, o] = locate(offset);
          const r = document.createRange();
          const len = node.data.codePointAt(o) > 0xffff ? 2 : 1;
          r.setStart(node, o);
          r.setEnd(node, o + len);
          const rect = r.getClientRects()[0];
          return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
        };
        const [startNode] = locate(at);
        const box = startNode.parentElement.getBoundingClientRect();
        if (box.top < 80 || box.bottom > window.innerHeight - 10) startNode.parentElement.scrollIntoView({ block: 'center' });
        const first = rectOf(at);
        const last = rectOf(at + needle.length - 1);
        const rtl = getComputedStyle(p).direction === 'rtl';
        const y = (r) => (r.top + r.bottom) / 2;
        const start = rtl ? { x: first.right - 1, y: y(first) } : { x: first.left + 1, y: y(first) };
        const end = rtl ? { x: last.left + 1, y: y(last) } : { x: last.right - 1, y: y(last) };
        return { start, end };
      }
      from = at + 1;
    }
  }
  throw new Error(`"${needle}" not found in the article`);
}

/** Fallback when a drag does not select exactly the phrase: a script-made Range over it. */
function selectByRange(needle, nth) {
  let seen = 0;
  for (const p of document.querySelectorAll('article p')) {
    let from = 0;
    for (;;) {
      const at = p.textContent.indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === nth) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const r = document.createRange();
        let acc = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (at >= acc && at < acc + n.length) r.setStart(n, at - acc);
          if (at + needle.length > acc && at + needle.length <= acc + n.length) { r.setEnd(n, at + needle.length - acc); break; }
          acc += n.length;
        }
        const s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        return s.toString();
      }
      from = at + 1;
    }
  }
  throw new Error(`"${needle}" not found in the article`);
}

/** The page as the checks see it. */
function pageState() {
  const status = document.querySelector('.team-state');
  const article = document.querySelector('article');
  return {
    status: status ? status.textContent.trim() : null,
    paragraph: !!document.querySelector('article p'),
    article: article ? article.textContent : '',
    // "text [Label]": the phrase and the label it carries.
    marks: Array.from(document.querySelectorAll('article mark')).map((m) => `${m.textContent} [${m.dataset.labels}]`).sort(),
    url: location.href,
    errors: (window.__engineErrors || []).slice(),
  };
}

/** Records uncaught errors and rejections (WebDriver classic has no log of its own). */
function watchErrors() {
  if (window.__engineErrors) return;
  window.__engineErrors = [];
  window.addEventListener('error', (e) => window.__engineErrors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__engineErrors.push(`unhandled rejection: ${e.reason}`));
}

/**
 * A call of `fn` as an expression string: the drivers evaluate it outside the page's
 * Content-Security-Policy, where an eval() inside the page would be refused.
 */
function expression(fn, args) {
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}

// ---------------------------------------------------------------------------------------------------
// One small interface over three drivers: goto, evaluate, drag, press, close

/** Chromium through Playwright (playwright-core), as playwright.config.js launches it. */
async function chromium() {
  const { chromium: pw } = require('playwright-core');
  const browser = await pw.launch({
    executablePath: CHROMIUM,
    // This file stops every browser itself on a signal, after the servers and the other engines.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  return {
    name: 'chromium',
    version: browser.version(),
    page,
    errors: () => errors.slice(),
    goto: (url) => page.goto(url),
    evaluate: (fn, ...args) => page.evaluate(expression(fn, args)),
    drag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      const end = await to();
      await page.mouse.move(end.x, end.y, { steps: 8 });
      await page.mouse.up();
    },
    press: (key) => page.keyboard.press(key),
  };
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi. */
async function firefox() {
  const puppeteer = require('puppeteer-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-engines-firefox-'));
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  onCleanup(removeProfile);
  process.once('exit', removeProfile); // also when stopped while Firefox was still starting
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    defaultViewport: VIEWPORT, protocolTimeout: STEP_MS });
  onCleanup(async () => {
    const proc = browser.process();
    await withTimeout(browser.close(), 10000, 'closing Firefox').catch(() => { if (proc) proc.kill('SIGKILL'); });
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  return {
    name: 'firefox',
    version: await browser.version(),
    page,
    errors: () => errors.slice(),
    goto: (url) => page.goto(url, { timeout: STEP_MS }),
    evaluate: (fn, ...args) => page.evaluate(expression(fn, args)),
    drag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      const end = await to();
      await page.mouse.move(end.x, end.y, { steps: 8 });
      await page.mouse.up();
    },
    press: (key) => page.keyboard.press(key),
  };
}

/** WebKitGTK's MiniBrowser through Debian's WebKitWebDriver (classic WebDriver, plain HTTP), under Xvfb. */
async function webkit() {
  for (const f of [WEBKIT_DRIVER, MINIBROWSER]) if (!fs.existsSync(f)) throw new Error(`${f} is missing (apt-get install webkit2gtk-driver libwebkit2gtk-4.1-0)`);
  let display = process.env.ENGINES_DISPLAY;
  if (!display) {
    // Xvfb picks a free display itself and writes its number to fd 3.
    const xvfb = start('Xvfb', 'Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1100x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    display = await withTimeout(new Promise((resolve, reject) => {
      let got = '';
      xvfb.stdio[3].on('data', (d) => { got += d; if (got.includes('\n')) resolve(`:${got.trim()}`); });
      xvfb.on('exit', () => reject(new Error(`Xvfb exited: ${xvfb.output()}`)));
    }), 20000, 'starting Xvfb');
  }
  const port = await freePort();
  const driver = start('WebKitWebDriver', WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: display } });
  await waitForPort(driver, port, 'WebKitWebDriver');
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, url, body) => {
    const r = await withTimeout(fetch(base + url, {
      method, headers: { 'content-type': 'application/json; charset=utf-8' }, body: body === undefined ? undefined : JSON.stringify(body),
    }), STEP_MS, `WebDriver ${method} ${url}`);
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`WebDriver ${method} ${url}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  };
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: {
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  } } });
  const S = `/session/${session.sessionId}`;
  onCleanup(() => call('DELETE', S));
  await call('POST', `${S}/window/rect`, { width: VIEWPORT.width, height: VIEWPORT.height }).catch(() => {});
  const evaluate = (fn, ...args) => call('POST', `${S}/execute/sync`,
    { script: `return (${fn.toString()}).apply(null, arguments);`, args });
  const actions = (list) => call('POST', `${S}/actions`, { actions: list });
  const mouse = (steps) => actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }]);
  const px = (v) => Math.round(v);
  return {
    name: 'webkit',
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    errors: () => [],
    goto: async (url) => {
      await call('POST', `${S}/url`, { url });
      // The page's own error log starts here; errors before this point are not seen in WebKit.
      await evaluate(watchErrors);
    },
    evaluate,
    drag: async (from, to) => {
      await mouse([{ type: 'pointerMove', origin: 'viewport', x: px(from.x), y: px(from.y), duration: 0 }, { type: 'pointerDown', button: 0 }]);
      const end = await to();
      await mouse([{ type: 'pointerMove', origin: 'viewport', x: px(end.x), y: px(end.y), duration: 150 }, { type: 'pointerUp', button: 0 }]);
      await call('DELETE', `${S}/actions`).catch(() => {});
    },
    press: async (key) => {
      await actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }]);
      await call('DELETE', `${S}/actions`).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Layers (run in the page)

/** Gives the file input inside the control labelled `label` these files, as picking them would. */
function pickFiles(label, files) {
  const control = Array.from(document.querySelectorAll('label')).find((l) => l.textContent.trim().startsWith(label));
  const input = control && control.querySelector('input[type=file]');
  if (!input) return `no "${label}" file input`;
  const picked = new DataTransfer();
  for (const [name, text] of files) picked.items.add(new File([text], name, { type: 'application/json' }));
  input.files = picked.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return 'picked';
}

/** Presses the button whose text is `text` (within `scope`, a selector). */
function pressButton(text, scope) {
  const root = scope ? document.querySelector(scope) : document;
  const button = root && Array.from(root.querySelectorAll('button')).find((b) => b.textContent.trim().startsWith(text));
  if (!button) return false;
  button.click();
  return true;
}

/** Chooses an option of the select labelled `label`. */
function choose(label, value) {
  const select = document.querySelector(`select[aria-label="${label}"]`);
  if (!select) return false;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

function layersState() {
  const all = Array.from(document.querySelectorAll('table.figures tr')).find((r) => r.querySelector('th') && r.querySelector('th').textContent === 'All labels');
  const panel = document.querySelector('.adjudication');
  return {
    layers: document.querySelectorAll('.layer-list li').length,
    rings: document.querySelectorAll('article .sug.ring').length,
    all: all ? Array.from(all.querySelectorAll('td')).map((td) => td.textContent.trim()) : null,
    progress: panel && panel.querySelector('[role=status]') ? panel.querySelector('[role=status]').textContent : null,
    difference: panel && panel.querySelector('.difference-kind') ? panel.querySelector('.difference-kind').textContent : null,
    count: (document.querySelector('section[aria-label="Annotations"] h2') || {}).textContent,
    errors: (window.__engineErrors || []).slice(),
  };
}

function focusAdjudication() {
  const panel = document.querySelector('.adjudication');
  if (panel) panel.focus();
  return document.activeElement === panel;
}

/** The layers flow in one engine, on `app` (an origin with no team library). */
async function layersFlow(b, app) {
  const { twoAnnotators } = require('../e2e/annotators');
  const { rana, omar } = twoAnnotators();
  const ls = () => b.evaluate(layersState);
  const opened = await check(`${b.name}: layers: imports two annotators' files as layers`, async () => {
    await b.goto(app);
    await until(() => state(b), (s) => s.paragraph, STEP_MS, 'the article');
    for (const [k, [name, doc]] of [['rana.annota.json', rana], ['omar.annota.json', omar]].entries()) {
      const r = await b.evaluate(pickFiles, 'Import as layer', [[name, JSON.stringify(doc)]]);
      if (r !== 'picked') throw new Error(r);
      await until(ls, (s) => s.layers === k + 1, STEP_MS / 4, `layer ${k + 1}`);
    }
    const s = await ls();
    if (s.rings < 10) throw new Error(`${s.rings} rings drawn`);
    return `${s.rings} rings`;
  });
  if (!opened) return;
  await check(`${b.name}: layers: the agreement figures of rana and omar`, async () => {
    if (!(await b.evaluate(pressButton, 'Agreement…'))) throw new Error('no Agreement… button');
    await until(ls, (s) => s.all, STEP_MS / 4, 'the figures');
    if (!(await b.evaluate(choose, 'Layer A', 'rana')) || !(await b.evaluate(choose, 'Layer B', 'omar'))) throw new Error('no layer choice');
    const s = await until(ls, (x) => x.all && x.all[0] === '0.667', STEP_MS / 4, 'exact F1 0.667');
    if (s.all[1] !== '0.778' || s.all[4] !== '6') throw new Error(`all labels: ${s.all.join(' ')}`);
    return s.all.slice(0, 4).join(' / ');
  });
  await check(`${b.name}: layers: every difference settled by key into gold`, async () => {
    if (!(await b.evaluate(pressButton, 'Adjudicate', '[role=dialog]'))) throw new Error('no Adjudicate button');
    await until(ls, (s) => s.progress === '0 of 10 settled', STEP_MS / 4, '0 of 10 settled');
    if (!(await b.evaluate(pressButton, 'Accept all 6 agreements', '.adjudication'))) throw new Error('no Accept all button');
    await until(ls, (s) => s.progress === '6 of 10 settled', STEP_MS / 4, '6 of 10 settled');
    for (const [key, after] of [['a', 7], ['b', 8], ['x', 9], ['b', 10]]) {
      if (!(await b.evaluate(focusAdjudication))) throw new Error('the panel takes no focus');
      await b.press(key);
      await until(ls, (s) => s.progress === `${after} of 10 settled`, STEP_MS / 4, `${after} of 10 settled after ${key}`);
    }
    const s = await until(ls, (x) => x.count === 'Annotations (9)', STEP_MS / 4, 'nine gold annotations');
    const errors = [...b.errors(), ...s.errors];
    if (errors.length) throw new Error(errors.join('\n'));
  });
}

// ---------------------------------------------------------------------------------------------------
// The flow

const state = (b) => b.evaluate(pageState);

/** Selects the phrase with a real mouse drag; if the engine's drag selects something else, by a Range. */
async function selectPhrase(b, phrase) {
  const { start: from } = await b.evaluate(pointsOf, phrase, 0);
  await b.drag(from, async () => (await b.evaluate(pointsOf, phrase, 0)).end);
  const got = await b.evaluate(() => window.getSelection().toString());
  if (got === phrase) return 'mouse drag';
  const byRange = await b.evaluate(selectByRange, phrase, 0);
  if (byRange !== phrase) throw new Error(`could not select "${phrase}" (drag gave "${got}", a Range "${byRange}")`);
  return `a drag selected "${got}", so a script Range`;
}

async function annotate(b, phrase, key) {
  const how = await selectPhrase(b, phrase);
  await b.press(key);
  return how;
}

async function join(b, link, title) {
  await check(`${b.name}: opens the invite link and shows the article`, async () => {
    await b.goto(link);
    await until(() => state(b), (s) => s.paragraph && s.article.includes(title), STEP_MS, 'the article');
    return `${b.version}`;
  });
  await check(`${b.name}: status reads "${SAVED}"`, async () => {
    await until(() => state(b), (s) => s.status === SAVED, STEP_MS, 'the status');
  });
  await check(`${b.name}: the token has left the address bar`, async () => {
    const s = await state(b);
    if (s.url.includes('#team=')) throw new Error(`address still has the token: ${s.url.replace(/#team=.*/, '#team=…')}`);
  });
}

async function painted(b, expected) {
  const want = [...expected].sort();
  const t = Date.now();
  await until(() => state(b).then((s) => s.marks), (m) => JSON.stringify(m) === JSON.stringify(want), PAINT_MS, `marks ${JSON.stringify(want)} in ${b.name}`);
  return `${Date.now() - t} ms after the local paint`;
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first (trunk build --release --dist dist)`);

  // The sync server and the static server.
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-engines-data-'));
  onCleanup(() => fs.rmSync(data, { recursive: true, force: true }));
  const syncPort = await freePort();
  const sync = start('sync server', process.execPath, [path.join(ROOT, 'server/server.js'), '--port', String(syncPort), '--data', data, '--open'],
    { env: { ...process.env, ANNOTA_SECRET: `engines-secret-${process.pid}-${Date.now()}` } });
  const webPort = await freePort();
  const web = start('static server', 'python3', ['-m', 'http.server', String(webPort), '--bind', '127.0.0.1', '--directory', DIST]);
  await check('sync server and static server start on loopback', async () => {
    await waitForPort(sync, syncPort, 'the sync server');
    await waitForPort(web, webPort, 'the static server');
    return `sync :${syncPort}, app :${webPort}`;
  });
  const app = `http://127.0.0.1:${webPort}/`;

  // Chromium shares the sample library and makes one editor invite per other engine.
  const others = ENGINES.filter((e) => e !== 'chromium');
  let a = null;
  const links = {};
  const ok = await check('chromium: opens the sample, shares the library, makes editor invite links', async () => {
    a = await chromium();
    const p = a.page;
    await p.goto(app);
    await p.locator('article p').first().waitFor({ timeout: STEP_MS });
    await p.getByRole('button', { name: 'Share library…' }).click();
    const dialog = p.getByRole('dialog', { name: 'Share library' });
    await dialog.getByLabel('Sync server').fill(`ws://127.0.0.1:${syncPort}`);
    await dialog.getByRole('button', { name: 'Share' }).click();
    await until(() => state(a), (s) => s.status === SAVED, STEP_MS, 'the status in Chromium');
    for (const e of others) {
      await dialog.getByLabel('Role').selectOption('editor');
      await dialog.getByLabel('Their name').fill(`${e[0].toUpperCase()}${e.slice(1)} tester`);
      await dialog.getByRole('button', { name: 'Make invite link' }).click();
      // A new link replaces the last one in the field: wait for it.
      const link = await until(() => dialog.getByLabel('Invite link').inputValue(),
        (v) => /#team=/.test(v) && !Object.values(links).includes(v), STEP_MS / 4, `a new invite link for ${e}`);
      links[e] = link;
    }
    await dialog.getByRole('button', { name: 'Done' }).click();
    return `${a.version}; ${others.length} links`;
  });
  if (!ok) { for (const e of others) skipped(`${e}: the whole flow`, 'Chromium did not share the library'); return; }

  // Each other engine joins.
  const joined = [];
  for (const e of others) {
    let b = null;
    const launched = await check(`${e}: launches`, async () => { b = await withTimeout(e === 'firefox' ? firefox() : webkit(), STEP_MS * 2, `launching ${e}`); return b.version; });
    if (!launched) { skipped(`${e}: joins, annotates, sees Chromium's marks`, `${e} did not launch`); continue; }
    await join(b, links[e], TITLE);
    joined.push(b);
  }

  // Chromium → every other engine.
  const expected = [];
  const aDone = await check(`chromium: annotates "${PHRASE.chromium}" as ${LABEL[KEY.chromium]} (key ${KEY.chromium})`, async () => {
    const how = await annotate(a, PHRASE.chromium, KEY.chromium);
    expected.push(markOf('chromium'));
    await painted(a, expected);
    return how;
  });
  if (!aDone && !(await state(a).then((s) => s.marks.includes(markOf('chromium')), () => false))) expected.length = 0;
  for (const b of aDone ? joined : []) {
    await check(`${b.name}: paints Chromium's mark within ${PAINT_MS / 1000} s`, () => painted(b, expected));
  }

  // Every other engine → Chromium (and the rest).
  for (const b of joined) {
    let how = '';
    const done = await check(`${b.name}: annotates "${PHRASE[b.name]}" as ${LABEL[KEY[b.name]]} (key ${KEY[b.name]})`, async () => {
      how = await annotate(b, PHRASE[b.name], KEY[b.name]);
      expected.push(markOf(b.name));
      await painted(b, expected);
      return how;
    });
    if (!done) {
      // Not painted even where it was made: the others cannot be asked for it, nor later checks.
      const mine = markOf(b.name);
      if (!(await state(b).then((s) => s.marks.includes(mine), () => false))) expected.splice(expected.indexOf(mine), 1);
      skipped(`chromium: paints ${b.name}'s mark`, `${b.name} did not annotate`);
      continue;
    }
    await check(`chromium: paints ${b.name}'s mark within ${PAINT_MS / 1000} s`, () => painted(a, expected));
    for (const c of joined.filter((c) => c !== b)) {
      await check(`${c.name}: paints ${b.name}'s mark within ${PAINT_MS / 1000} s`, () => painted(c, expected));
    }
  }

  // Everyone ends saved, with no page error.
  for (const b of [a, ...joined]) {
    await check(`${b.name}: status back to "${SAVED}", no page errors`, async () => {
      await until(() => state(b), (s) => s.status === SAVED, STEP_MS / 4, `the status in ${b.name}`);
      const errors = [...b.errors(), ...(await state(b)).errors];
      if (errors.length) throw new Error(errors.join('\n'));
    });
  }

  // Layers, in every engine, on another origin (localhost: storage of its own, no team library).
  for (const b of [a, ...joined]) await layersFlow(b, `http://localhost:${webPort}/`);
}

async function run() {
  const watchdog = setTimeout(() => {
    log(`FAIL the run did not finish within ${WATCHDOG_MS / 1000} s`);
    failed++;
    finish(1);
  }, WATCHDOG_MS);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(s, () => { log(`FAIL interrupted by ${s}`); failed++; finish(1); });
  try {
    await main();
  } catch (e) {
    failed++;
    log(`FAIL the run stopped: ${e && e.stack ? e.stack : e}`);
  }
  clearTimeout(watchdog);
  await finish(failed ? 1 : 0);
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await cleanup();
  log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : code);
}

run();
