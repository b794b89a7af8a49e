// Helpers for the end-to-end tests: they act as a user does (mouse, keys, files) and read results
// independently of the app's code (offsets are recomputed here from the downloaded text).
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');

const SAMPLE = fs.readFileSync(path.join(__dirname, '../../samples/fars-amirabdollahian-lavrov.ar.txt'), 'utf8');
const FIXTURE = path.join(__dirname, 'fixtures/sample-annotated.annota.json');

/** Code-point slice, as Python's text[start:end]. */
function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

async function open(page) {
  await page.goto('/');
  await expect(page.locator('article p').first()).toBeVisible();
}

/** Screen points just inside the first and last characters of the nth occurrence of `needle` in the article. */
async function pointsOf(page, needle, nth = 0) {
  return page.evaluate(([needle, nth]) => {
    const paragraphs = Array.from(document.querySelectorAll('article p'));
    let seen = 0;
    for (const p of paragraphs) {
      let from = 0;
      for (;;) {
        const at = p.textContent.indexOf(needle, from);
        if (at < 0) break;
        if (seen++ === nth) {
          // Map paragraph UTF-16 offsets to (text node, offset).
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
          // Bring the text into view first: the mouse can only reach what is on screen.
          const [startNode] = locate(at);
          const box = startNode.parentElement.getBoundingClientRect();
          if (box.top < 80 || box.bottom > window.innerHeight - 10) startNode.parentElement.scrollIntoView({ block: 'center' });
          const first = rectOf(at);
          const last = rectOf(at + needle.length - 1);
          const rtl = getComputedStyle(p).direction === 'rtl';
          const y = (r) => (r.top + r.bottom) / 2;
          // The logical start of a character is its right edge in RTL text, its left edge in LTR.
          const start = rtl ? { x: first.right - 1, y: y(first) } : { x: first.left + 1, y: y(first) };
          const end = rtl ? { x: last.left + 1, y: y(last) } : { x: last.right - 1, y: y(last) };
          const mid = { x: (first.left + first.right) / 2, y: y(first) };
          return { start, end, mid };
        }
        from = at + 1;
      }
    }
    throw new Error(`"${needle}" not found in the article`);
  }, [needle, nth]);
}

/** Selects text with a mouse drag from its first to its last character. */
async function dragSelect(page, needle, nth = 0) {
  const { start } = await pointsOf(page, needle, nth);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const { end } = await pointsOf(page, needle, nth);
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Double-clicks a word, as a user does to select it. */
async function doubleClickWord(page, word, nth = 0) {
  const { mid } = await pointsOf(page, word, nth);
  await page.mouse.dblclick(mid.x, mid.y);
}

async function selectedText(page) {
  return page.evaluate(() => window.getSelection().toString());
}

function panel(page) {
  return page.getByRole('region', { name: 'Annotations' });
}

async function expectCount(page, n) {
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(`Annotations (${n})`);
}

/** Clicks Download JSON and returns the parsed file. */
async function downloadJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(file, 'utf8')), raw: fs.readFileSync(file) };
}

async function importFile(page, name, content) {
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

/** The panel's entries as [label, quote] pairs. */
async function entries(page) {
  return panel(page).locator('li').evaluateAll((lis) =>
    lis.map((li) => [li.querySelector('.chip').textContent, li.querySelector('q').textContent]));
}

/**
 * Fails every test of the file on an uncaught page error, a console error (a Content-Security-Policy
 * violation shows up only there) or a dialog. Returns the list, for a test that expects some.
 */
function failOnPageErrors(test, expect) {
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  };
  test.beforeEach(async ({ page }) => { errors.length = 0; watch(page); });
  test.afterEach(() => expect(errors).toEqual([]));
  return { errors, watch };
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is; fails listing every serious or critical violation readably. */
async function expectNoSeriousViolations(page, view) {
  // page.evaluate runs outside the page's Content-Security-Policy, which forbids injected scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
  expect(serious, `axe on ${view}:\n${report}`).toEqual([]);
}

module.exports = { failOnPageErrors, expectNoSeriousViolations, SAMPLE, FIXTURE, cpSlice, open, pointsOf, dragSelect, doubleClickWord, selectedText, panel, expectCount, downloadJson, importFile, entries };
