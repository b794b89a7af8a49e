// A workspace of articles: several files at once and by drag and drop, each with its own
// annotations; switch, search, rename, delete (asking first, undoable for the open one); storage
// use shown; the whole library downloaded and restored in a fresh browser profile.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

const library = (page) => page.getByRole('dialog', { name: /^Library/ });
const articles = (page) => library(page).getByRole('list', { name: 'Articles' }).locator(':scope > li');

async function openFiles(page, files) {
  await page.getByLabel('Open article').setInputFiles(files.map(([name, text]) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
}

async function openLibrary(page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(library(page)).toBeVisible();
}

test('several articles, each with its own annotations, switched, searched, renamed and deleted', async ({ page }) => {
  await h.open(page);
  // The sample gets one annotation before anything else is opened.
  await h.dragSelect(page, 'سيرجي لافروف');
  await page.keyboard.press('3');
  await h.expectCount(page, 1);

  await openFiles(page, [['first.txt', 'First article about elections.\n\nTurnout was 61 percent.'], ['second.txt', 'المقال الثاني عن الاقتصاد.\n\nارتفع التضخم.']]);
  await expect(page.locator('article')).toContainText('المقال الثاني');
  await expect(page.getByRole('status')).toContainText('The other file is in the Library');
  await h.dragSelect(page, 'ارتفع التضخم');
  await page.keyboard.press('1');
  await h.expectCount(page, 1);

  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  await expect(articles(page).first()).toContainText('second');
  await expect(articles(page).first()).toContainText('1 annotation · open now');
  await expect(library(page)).toContainText(/Annota uses \d+ KB/);

  // Search across every article, in any script.
  await library(page).getByLabel('Search all articles').fill('turnout');
  const results = library(page).getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Turnout was 61 percent');
  await library(page).getByLabel('Search all articles').fill('لافروف');
  await expect(results.getByRole('button').first()).toContainText('مشاورة هاتفية');
  await library(page).getByLabel('Search all articles').fill('');

  // Back to the sample: its annotation is still there; the second keeps its own.
  await library(page).getByRole('button', { name: /^Open مشاورة/ }).click();
  await expect(library(page)).toBeHidden();
  await h.expectCount(page, 1);
  expect((await h.entries(page))[0]).toEqual(['Actor', 'سيرجي لافروف']);

  // Rename an article that is not open, then reload: the library is kept.
  await openLibrary(page);
  await library(page).getByRole('button', { name: 'Rename first' }).click();
  await library(page).getByLabel('New title').fill('Elections 2026');
  await library(page).getByRole('button', { name: 'Save title' }).click();
  await expect(articles(page).filter({ hasText: 'Elections 2026' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.reload();
  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  await expect(articles(page).filter({ hasText: 'Elections 2026' })).toHaveCount(1);

  // Deleting asks first; a parked article is gone, the list says so.
  await library(page).getByRole('button', { name: 'Delete Elections 2026' }).click();
  await expect(library(page).getByRole('alert')).toContainText('Delete "Elections 2026" and its 0 annotations');
  await library(page).getByRole('button', { name: 'Keep it' }).click();
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  await library(page).getByRole('button', { name: 'Delete Elections 2026' }).click();
  await library(page).getByRole('button', { name: 'Delete for good' }).click();
  await expect(library(page).getByRole('heading')).toHaveText('Library (2 articles)');

  // Deleting the open article opens another, and Undo brings it back.
  await library(page).getByRole('button', { name: /^Delete مشاورة/ }).click();
  await library(page).getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.locator('article')).toContainText('المقال الثاني');
  await expect(library(page).getByRole('heading')).toHaveText('Library (1 article)');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('article')).toContainText('مشاورة هاتفية');
  await h.expectCount(page, 1);
  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (2 articles)');
});

test('articles dropped on the page open; the whole library downloads and restores in a fresh profile', async ({ page, browser }) => {
  await h.open(page);
  // Drop two files on the page, as from a file manager.
  const transfer = await page.evaluateHandle(() => {
    const t = new DataTransfer();
    t.items.add(new File(['Dropped one.\n\nA claim here.'], 'one.txt', { type: 'text/plain' }));
    t.items.add(new File(['<h1>Two</h1><p>Dropped <b>two</b> as HTML.</p><script>alert(1)</script>'], 'two.html', { type: 'text/html' }));
    return t;
  });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.locator('article')).toContainText('Dropped two as HTML.');
  await h.dragSelect(page, 'Dropped two');
  await page.keyboard.press('2');

  await openLibrary(page);
  // The built-in sample, never changed, is kept too, so it can be opened again.
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  const [download] = await Promise.all([page.waitForEvent('download'), library(page).getByRole('button', { name: 'Download library' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^annota-library-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(file.format).toBe('annota-library');
  expect(file.articles).toHaveLength(3);
  expect(file.articles.map((a) => a.annotations.length).sort()).toEqual([0, 0, 1]);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await h.open(fresh);
  await openLibrary(fresh);
  await expect(library(fresh).getByRole('heading')).toHaveText('Library (1 article)');
  await library(fresh).getByLabel('Restore library').setInputFiles({ name: 'lib.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(library(fresh).getByRole('heading')).toHaveText('Library (3 articles)');
  await expect(fresh.getByRole('status')).toContainText('Restored 3 articles');
  await library(fresh).getByRole('button', { name: 'Open two' }).click();
  await h.expectCount(fresh, 1);
  expect((await h.entries(fresh))[0]).toEqual(['Quote', 'Dropped two']);
  // A broken library file changes nothing.
  await openLibrary(fresh);
  await library(fresh).getByLabel('Restore library').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"annota-library","version":1,"articles":[{"format":"annota"}]}') });
  await expect(fresh.getByRole('status')).toContainText('Could not restore the library: article 1');
  await expect(library(fresh).getByRole('heading')).toHaveText('Library (3 articles)');
  await context.close();
});

test('HTML and Markdown open as clean text with their headings, and annotations point into that text', async ({ page }) => {
  await h.open(page);
  const html = '<html><head><title>t</title><style>p{}</style></head><body><nav>Menu Home</nav><header>Site</header>'
    + '<article><h1>عنوان الخبر</h1><p>قال الوزير <b>إن</b> الحل سياسي.</p><h2>Context</h2><p>Second   paragraph.</p></article>'
    + '<footer>© chrome</footer><script>window.bad = 1</script></body></html>';
  const md = '# Markdown title\n\nA **bold** claim with a [link](https://x.org).\n\n## Part two\n\n- first item\n- second item\n';
  await openFiles(page, [['page.html', html], ['notes.md', md]]);
  // The Markdown file opened last.
  await expect(page.locator('article h2')).toHaveText('Markdown title');
  await expect(page.locator('article h3')).toHaveText('Part two');
  const paragraphs = await page.locator('article p').allTextContents();
  expect(paragraphs).toEqual(['A bold claim with a link.', 'first item', 'second item']);
  await h.dragSelect(page, 'bold claim');
  await page.keyboard.press('1');
  const { json } = await h.downloadJson(page);
  expect(json.article.text).toBe('Markdown title\n\nA bold claim with a link.\n\nPart two\n\nfirst item\n\nsecond item');
  expect(json.article.headings).toEqual([{ start: 0, level: 1 }, { start: 43, level: 2 }]);
  expect(h.cpSlice(json.article.text, json.annotations[0].start, json.annotations[0].end)).toBe('bold claim');

  // The HTML page: headings kept, page chrome and scripts dropped, nothing ran.
  await openLibrary(page);
  await library(page).getByRole('button', { name: 'Open عنوان الخبر' }).click();
  await expect(page.locator('article h2')).toHaveText('عنوان الخبر');
  await expect(page.locator('article h3')).toHaveText('Context');
  await expect(page.locator('article')).not.toContainText('Menu');
  await expect(page.locator('article')).not.toContainText('chrome');
  await expect(page.locator('article p')).toHaveText(['قال الوزير إن الحل سياسي.', 'Second paragraph.']);
  expect(await page.evaluate(() => window.bad)).toBeUndefined();
  // Headings survive a reload.
  await page.reload();
  await expect(page.locator('article h2')).toHaveText('عنوان الخبر');
});

test('a dropped .md and an opened .html are titled by their first top-level heading, a file without one by its name', async ({ page }) => {
  await h.open(page);
  const transfer = await page.evaluateHandle(() => {
    const t = new DataTransfer();
    t.items.add(new File(['Intro line.\n\n## A subheading\n\n# The *real* title\n\nText.\n\n# A later top heading\n'], 'dropped-notes.md', { type: 'text/markdown' }));
    return t;
  });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.locator('article')).toContainText('The real title');
  expect((await h.downloadJson(page)).json.article.title).toBe('The real title');

  const html = '<html><head><title>Site name</title></head><body><h3>Kicker</h3><h2>عنوان\n  المقال</h2><p>Body.</p><h2>Second</h2></body></html>';
  await openFiles(page, [['plain.md', 'No heading here.\n\nJust text.'], ['opened-page.html', html]]);
  await expect(page.locator('article')).toContainText('Body.');
  expect((await h.downloadJson(page)).json.article.title).toBe('عنوان المقال');

  await openLibrary(page);
  await expect(library(page).getByRole('button', { name: 'Open The real title' })).toBeVisible();
  await expect(library(page).getByRole('button', { name: 'Open plain', exact: true })).toBeVisible();
  await expect(articles(page).first()).toContainText('عنوان المقال');
});

test('a lost or unreadable library index is rebuilt from the stored articles', async ({ page }) => {
  await h.open(page);
  await openFiles(page, [['first.txt', 'First article.'], ['second.txt', 'Second article.']]);
  await expect(page.locator('article')).toContainText('Second article.');
  await h.dragSelect(page, 'Second');
  await page.keyboard.press('1');
  await h.expectCount(page, 1);
  // Once the change is saved, make the index unreadable: it is kept aside, said, and offered for download.
  await page.waitForFunction(() => (localStorage.getItem('annota:v1:annotations') || '').includes('"label":"claim"'));
  await page.evaluate(() => localStorage.setItem('annota:v1:library', '{ broken'));
  await page.reload();
  await h.expectCount(page, 1);
  const notice = page.locator('.banner.warning', { hasText: 'library' });
  await expect(notice).toContainText('rebuilt from the articles stored in this browser');
  await expect(notice).toContainText('annota:backup:');
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download it' }).click()]);
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe('{ broken');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('annota:backup:')).map((k) => [k, localStorage.getItem(k)]));
  expect(kept).toEqual([[expect.stringMatching(/^annota:backup:.*:annota:v1:library$/), '{ broken']]);
  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  await library(page).getByRole('button', { name: 'Open first' }).click();
  await expect(page.locator('article')).toContainText('First article.');
  // An index from a newer Annota is not read as an empty one either.
  await page.waitForFunction(() => (localStorage.getItem('annota:v1:library') || '').includes('"current"'));
  await page.evaluate(() => localStorage.setItem('annota:v1:library', '{"schema":9,"current":null,"entries":[]}'));
  await page.reload();
  await expect(page.locator('.banner.warning', { hasText: 'newer Annota (schema 9)' })).toContainText('annota:backup:');
  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
});

test('a restore keeps each stored version it replaces as a backup; one it cannot back up stays as it was, and it says so', async ({ page }) => {
  await h.open(page);
  await openFiles(page, [['first.txt', 'First article.'], ['second.txt', 'Second article.']]);
  await expect(page.locator('article')).toContainText('Second article.');
  await openLibrary(page);
  await expect(library(page).getByRole('heading')).toHaveText('Library (3 articles)');
  const [download] = await Promise.all([page.waitForEvent('download'), library(page).getByRole('button', { name: 'Download library' }).click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  // The file's version of "first" has another title, so it shows which version is stored.
  const first = file.articles.find((a) => a.article.title === 'first');
  first.article.title = 'first, from the file';
  const restore = (f) => library(page).getByLabel('Restore library').setInputFiles({ name: 'lib.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f)) });
  const firstKey = `annota:v1:library:${first.article.id}:article`;
  const storedFirst = await page.evaluate((k) => localStorage.getItem(k), firstKey);
  expect(storedFirst).toContain('"title":"first"');

  // Backups cannot be written (as when storage is full): the stored versions stay, and the notice says so.
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('annota:backup:')) throw new DOMException('full', 'QuotaExceededError');
      return window.__realSetItem.call(this, k, v);
    };
  });
  await restore(file);
  const refused = page.locator('.banner.error', { hasText: 'Not restored' });
  await expect(refused).toContainText('"first, from the file"');
  await expect(refused).toContainText('could not be kept as backups (the browser refused to store it (QuotaExceededError');
  await expect(refused).toContainText('they are left as they were');
  await expect(refused).toContainText('Restored 1 article from the library file.');
  await expect(refused).not.toContainText('are kept as backups.');
  expect(await page.evaluate((k) => localStorage.getItem(k), firstKey)).toBe(storedFirst);
  await expect(articles(page).filter({ hasText: 'first, from the file' })).toHaveCount(0);

  // With room for backups, each stored version it replaces is kept, and only then replaced.
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
  await restore(file);
  await expect(page.getByRole('status')).toContainText('Restored 3 articles from the library file. Stored versions it replaced are kept as backups.');
  await expect(articles(page).filter({ hasText: 'first, from the file' })).toHaveCount(1);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('annota:backup:')).map((k) => [k, localStorage.getItem(k)]));
  expect(backups).toContainEqual([expect.stringMatching(new RegExp(`:${firstKey}$`)), storedFirst]);
});
