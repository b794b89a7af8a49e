// Screenshots of every view (main with the fact-check panel, actor picker, suggestions and the
// question before accepting all of a kind, library, label editor, settings, shortcuts, session report) at desktop and phone widths, light and dark, English and
// Arabic, for a person to look at. Usage: node scripts/tour.js [outdir]   (serves dist/; build first)
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const out = process.argv[2] || 'tour';
const PORT = 4191;
const FIXTURE = fs.readFileSync(path.resolve('tests/e2e/fixtures/sample-annotated.annota.json'));

async function tour(browser, size, viewport, scheme, locale) {
  const context = await browser.newContext({ viewport, colorScheme: scheme, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const shot = (view) => page.screenshot({ path: path.join(out, `${view}-${size}-${scheme}-${locale.slice(0, 2)}.png`) });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('article p');
  // The Import input is the second file input whatever the language.
  await page.locator('input[type=file]').nth(1).setInputFiles({ name: 'sample.annota.json', mimeType: 'application/json', buffer: FIXTURE });
  await page.waitForSelector('article mark');
  await page.locator('article mark[data-labels~="Quote"]').first().click();
  await shot('main');
  await page.keyboard.press('l');
  await page.waitForSelector('[role=dialog]');
  await shot('picker');
  await page.keyboard.press('Escape');
  // Suggestions (dashed outlines): the first one current, then the question before accepting all of its kind.
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await page.waitForTimeout(200);
  await shot('suggestions');
  if (await page.locator('article .sug.current').count()) {
    await page.keyboard.press('Shift+A');
    await page.waitForSelector('[role=alertdialog]');
    await shot('accept-all');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=alertdialog]', { state: 'detached' });
  }
  const button = (en, ar) => page.getByRole('button', { name: locale.startsWith('ar') ? ar : en, exact: true });
  for (const [view, en, ar] of [['library', 'Library', 'المكتبة'], ['labels', 'Edit labels', 'تحرير التصنيفات'], ['settings', 'Fact-check settings', 'إعدادات التحقق'], ['shortcuts', 'Shortcuts', 'الاختصارات']]) {
    await button(en, ar).click();
    await page.waitForSelector('[role=dialog]');
    await shot(view);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog]', { state: 'detached' });
  }
  await button('Session report', 'تقرير الجلسة').click();
  await page.waitForTimeout(200);
  await shot('report');
  await context.close();
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    for (const [size, viewport] of [['desktop', { width: 1280, height: 860 }], ['phone', { width: 390, height: 844 }]]) {
      for (const scheme of ['light', 'dark']) {
        for (const locale of ['en-GB', 'ar-EG']) await tour(browser, size, viewport, scheme, locale);
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
