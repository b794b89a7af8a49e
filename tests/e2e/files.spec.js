// Files in and out: download, import into a fresh profile, open a .txt exactly, paste, refuse bad files, storage full.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

test('a downloaded file imported into a fresh profile gives exactly the same annotations', async ({ page, browser }) => {
  await h.open(page);
  await h.importFile(page, 'sample.annota.json', fs.readFileSync(h.FIXTURE));
  await h.expectCount(page, 9);
  await page.locator('article mark', { hasText: 'سيرجي' }).click();
  await page.getByLabel('Note').fill('ملاحظة <b>not bold</b>');
  const entries = await h.entries(page);
  const { json, raw } = await h.downloadJson(page);
  for (const a of json.annotations) expect(h.cpSlice(json.article.text, a.start, a.end)).toBe(a.exact);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await h.open(other);
  await h.expectCount(other, 0);
  await h.importFile(other, 'again.annota.json', raw);
  await h.expectCount(other, 9);
  expect(await h.entries(other)).toEqual(entries);
  await expect(other.getByRole('status')).toContainText('9 placed exactly');
  // The note is text, not HTML.
  await expect(h.panel(other).locator('.note', { hasText: 'ملاحظة' })).toHaveText('ملاحظة <b>not bold</b>');
  const { json: again } = await h.downloadJson(other);
  expect(again).toEqual(json);
  // Undo brings back what was open before the import.
  await other.getByRole('button', { name: 'Undo' }).click();
  await h.expectCount(other, 0);
  await fresh.close();
});

test('Open article keeps a .txt file exactly as it is, and its offsets stay valid against it', async ({ page }) => {
  await h.open(page);
  const text = '\uFEFFعنوان  \r\n\r\nقالَ الوزيرُ: «نعم» 👋🏽 🇮🇷 👨‍👩‍👧\r\n  trailing spaces   \n\u0645\u0651\u064E\n';
  await page.getByLabel('Open article').setInputFiles({ name: 'مقال.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await expect(page.locator('article')).toContainText('قالَ الوزيرُ');
  await expect(page.getByRole('status')).toContainText('Opened');
  await h.dragSelect(page, '«نعم» 👋🏽 🇮🇷');
  await page.keyboard.press('2');
  await h.expectCount(page, 1);
  const { json, name } = await h.downloadJson(page);
  expect(name).toBe('مقال.annota.json');
  expect(json.article.text).toBe(text);
  const [a] = json.annotations;
  expect(h.cpSlice(text, a.start, a.end)).toBe('«نعم» 👋🏽 🇮🇷');
  // The same offsets read by a UTF-16 consumer.
  expect(text.slice(a.utf16_start, a.utf16_end)).toBe('«نعم» 👋🏽 🇮🇷');
  // Undo brings the sample back.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('article')).toContainText('مشاورة هاتفية');
});

test('pasted text becomes the article', async ({ page }) => {
  await h.open(page);
  await page.getByRole('button', { name: 'Paste text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await dialog.getByLabel('Article text').fill('First line\n\nنص ملصوق مع 😀 رمز');
  await dialog.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('article p')).toHaveCount(2);
  await h.doubleClickWord(page, 'ملصوق');
  await page.keyboard.press('1');
  const { json } = await h.downloadJson(page);
  expect(json.article.text).toBe('First line\n\nنص ملصوق مع 😀 رمز');
  expect(json.annotations[0].exact).toBe('ملصوق');
  await page.reload();
  await expect(page.locator('article')).toContainText('نص ملصوق');
  await h.expectCount(page, 1);
});

test('bad files are refused with a reason and change nothing', async ({ page }) => {
  await h.open(page);
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  const before = await h.entries(page);
  const good = JSON.parse(fs.readFileSync(h.FIXTURE, 'utf8'));
  const cases = [
    ['{"format": "annota", "version": 1,\n  oops', 'not valid JSON at line 2'],
    [JSON.stringify({ hello: 'world' }), 'unknown format'],
    [JSON.stringify({ ...good, version: 99 }), 'newer Annota'],
    [JSON.stringify({ ...good, annotations: [{ ...good.annotations[0], label: 'verdict' }] }), 'not in the label set'],
    [JSON.stringify({ text: 'abc', label: [[0, 99, 'claim']] }), 'outside the text'],
    [JSON.stringify({ text: 'abc', label: [[0, 2, 'PERSON']] }), '"PERSON" is not in the label set'],
  ];
  for (const [content, reason] of cases) {
    await h.importFile(page, 'bad.json', content);
    await expect(page.locator('.banner.error').last()).toContainText(reason);
    await expect(page.locator('.banner.error').last()).toContainText('Nothing was changed');
    expect(await h.entries(page)).toEqual(before);
  }
  await page.reload();
  await h.expectCount(page, before.length);
  expect(await h.entries(page)).toEqual(before);
});

test('when storage is full the work stays in the tab, Download still works, and the next change saves all', async ({ page }) => {
  await h.open(page);
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  // Once that change is saved (just after it is shown), make every write fail as a full quota does.
  await page.waitForFunction(() => (localStorage.getItem('annota:v1:annotations') || '').includes('"label":"claim"'));
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await h.doubleClickWord(page, 'موسكو');
  await page.keyboard.press('3');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('not saved');
  await expect(alert).toContainText('QuotaExceededError');
  await h.expectCount(page, 2);
  const { json } = await h.downloadJson(page);
  expect(json.annotations.map((a) => a.exact).sort()).toEqual(['غزة', 'موسكو'].sort());
  // Space comes back: the next change saves everything, including the unsaved one.
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
  await h.doubleClickWord(page, 'روسيا');
  await page.keyboard.press('2');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await h.expectCount(page, 3);
});

test('unreadable stored data is kept aside and reported, never silently replaced', async ({ page }) => {
  await h.open(page);
  await h.doubleClickWord(page, 'موسكو');
  await page.keyboard.press('3');
  await h.expectCount(page, 1);
  // The change is saved just after it is shown; corrupt what storage holds only once it is there
  // (a save still pending would be written when the page unloads, over the corruption).
  await page.waitForFunction(() => (localStorage.getItem('annota:v1:annotations') || '').includes('"label":"actor"'));
  await page.evaluate(() => localStorage.setItem('annota:v1:annotations', '{"schema":1,"annotations":[{"id":'));
  await page.reload();
  await expect(page.locator('.banner.warning')).toContainText('could not be read');
  await expect(page.locator('.banner.warning')).toContainText('annota:backup:');
  await h.doubleClickWord(page, 'غزة');
  await page.keyboard.press('1');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('annota:backup:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"schema":1,"annotations":[{"id":']);
});

test('the downloaded file validates against the Annota JSON schema shipped in the repo', async ({ page }) => {
  const Ajv = require('ajv');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(require('../../schema/annota.v2.schema.json'));
  await h.open(page);
  await h.importFile(page, 'sample.annota.json', fs.readFileSync(h.FIXTURE));
  await h.expectCount(page, 9);
  await h.dragSelect(page, 'زر الذهاب إلى الأعلى');
  await page.keyboard.press('2');
  const { json } = await h.downloadJson(page);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  // And the schema is not a rubber stamp: a file with UTF-16 offsets declared is refused.
  expect(validate({ ...json, offset_unit: 'utf16' })).toBe(false);
  expect(validate({ ...json, annotations: [{ ...json.annotations[0], start: -1 }] })).toBe(false);
});
