// Nothing lost, nothing executed: two tabs, no storage, old schema versions, hostile files, huge files.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const h = require('./helpers');

const { errors: pageErrors, watch } = h.failOnPageErrors(test, expect);

test('two tabs: one edits, the other follows read-only, and editing can move without losing anything', async ({ page, context }) => {
  await h.open(page);
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  await h.expectCount(page, 1);

  const second = await context.newPage();
  watch(second);
  await h.open(second);
  await expect(second.getByRole('alert')).toContainText('open for editing in another tab');
  await h.expectCount(second, 1);
  // An edit in the first tab appears in the second.
  await h.doubleClickWord(page, 'موسكو');
  await page.keyboard.press('3');
  await h.expectCount(second, 2);
  // The second tab cannot overwrite: its label key changes nothing, and it says why.
  await h.doubleClickWord(second, 'روسيا');
  await second.keyboard.press('2');
  await expect(second.getByRole('status')).toContainText('edited in another tab');
  await h.expectCount(second, 2);
  // Move editing to the second tab: the first now follows.
  await second.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(second.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('open for editing in another tab');
  await h.doubleClickWord(second, 'روسيا');
  await second.keyboard.press('2');
  await h.expectCount(page, 3);
  // Closing the editing tab lets the other edit again.
  await second.close();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await h.doubleClickWord(page, 'بوتين');
  await page.keyboard.press('3');
  await page.reload();
  await h.expectCount(page, 4);
  expect((await h.entries(page)).map(([, q]) => q).sort()).toEqual(['وبوتين', 'وروسيا', 'غزة', 'موسكو'].sort());
});

test('with storage blocked the app works in memory and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await h.open(page);
  await expect(page.getByRole('alert')).toContainText('nothing will be kept');
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  await h.expectCount(page, 1);
  const { json } = await h.downloadJson(page);
  expect(json.annotations[0].exact).toBe('غزة');
});

test('storage written by the first schema version still opens, exactly', async ({ page }) => {
  await h.open(page);
  const dir = path.join(__dirname, '../fixtures/storage/v1');
  const article = fs.readFileSync(path.join(dir, 'article.json'), 'utf8');
  const annotations = fs.readFileSync(path.join(dir, 'annotations.json'), 'utf8');
  await page.evaluate(([a, b]) => { localStorage.setItem('annota:v1:article', a); localStorage.setItem('annota:v1:annotations', b); }, [article, annotations]);
  await page.reload();
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')).quotes;
  await h.expectCount(page, expected.length);
  const got = (await h.entries(page)).map(([label, quote]) => `${label.toLowerCase()}:${quote}`);
  expect(got).toEqual(expected);
  await expect(page.locator('.banner.warning')).toHaveCount(0);
});

test('a hostile HTML article is shown as text and nothing in it runs', async ({ page }) => {
  await h.open(page);
  const hostile = `<!doctype html><html><head><title>x</title><script>window.__pwned = 'head'</script>
    <style>p { display: none }</style></head><body onload="window.__pwned='onload'">
    <nav>Home | About</nav>
    <h1>عنوان المقال</h1>
    <p>فقرة أولى <b>مهمة</b> <img src="x" onerror="window.__pwned='img'; alert(1)"> نهاية.</p>
    <p style="display:none">نص مخفي بالأسلوب</p>
    <script>window.__pwned = 'body'; alert('xss')</script>
    <a href="javascript:window.__pwned='link'">رابط</a>
    <svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>
    <iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
    <p>Last paragraph &amp; more</p></body></html>`;
  await page.getByLabel('Open article').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostile) });
  await expect(page.locator('article')).toContainText('عنوان المقال');
  // The heading stays a heading; the rest are paragraphs.
  await expect(page.locator('article h2')).toHaveText('عنوان المقال');
  const paragraphs = await page.locator('article p').allTextContents();
  expect(paragraphs).toEqual(['فقرة أولى مهمة نهاية.', 'نص مخفي بالأسلوب', 'رابط', 'Last paragraph & more']);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The Content-Security-Policy, the second wall, reports the handlers it refused to even compile.
  const blocked = pageErrors.filter((e) => e.includes('violates the following Content Security Policy directive'));
  expect(blocked.length).toBeGreaterThan(0);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !blocked.includes(e)));
  expect(await page.locator('article script, article img, article iframe, article svg, article a').count()).toBe(0);
  await h.doubleClickWord(page, 'مهمة');
  await page.keyboard.press('1');
  const { json } = await h.downloadJson(page);
  expect(h.cpSlice(json.article.text, json.annotations[0].start, json.annotations[0].end)).toBe('مهمة');
});

test('labels, notes and ids with HTML or control characters in an imported file are shown as text', async ({ page }) => {
  await h.open(page);
  const file = JSON.parse(fs.readFileSync(h.FIXTURE, 'utf8'));
  file.labels[0].name = '<img src=x onerror="window.__pwned=1">Claim';
  file.annotations[0].note = '<script>window.__pwned=2</script>\u0007\u202Eevil';
  file.annotations[0].id = '"><img/src=x/onerror=window.__pwned=3>';
  await h.importFile(page, 'hostile.annota.json', JSON.stringify(file));
  await h.expectCount(page, 9);
  await expect(h.panel(page).locator('.note').first()).toContainText('<script>window.__pwned=2</script>');
  await expect(page.getByRole("toolbar").getByRole("button", { name: /^<img src=x onerror="window.__pwned=1">Claim/ })).toBeVisible();
  await expect(h.panel(page).locator('.chip', { hasText: '<img src=x' }).first()).toBeVisible();
  await page.locator('article mark').first().click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('body img').count()).toBe(0);
});

test('a huge file is refused before it is read, and deep JSON gives a clear message', async ({ page }) => {
  await h.open(page);
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  const huge = Buffer.alloc(21 * 1024 * 1024, 0x61);
  await page.getByLabel('Open article').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: huge });
  await expect(page.locator('.banner.error')).toContainText('up to 20 MB');
  await h.importFile(page, 'deep.json', '['.repeat(10000) + ']'.repeat(10000));
  await expect(page.locator('.banner.error').last()).toContainText('recursion limit');
  await expect(page.locator('.banner.error').last()).toContainText('Nothing was changed');
  await h.expectCount(page, 1);
  await expect(page.locator('article')).toContainText('مشاورة هاتفية');
});
