// Accessibility: axe-core finds no serious or critical violation in any view, and a whole session
// works from the keyboard alone (no mouse, no selection made by script).
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

const FIXTURE = fs.readFileSync(h.FIXTURE, 'utf8');
const { expectNoSeriousViolations } = h;

async function openAnnotated(page) {
  await h.open(page);
  await h.importFile(page, 'sample-annotated.annota.json', FIXTURE);
  await h.expectCount(page, 9);
}

test('axe: the main view, a selected annotation, the actor picker, the dialogs and the report', async ({ page }) => {
  await openAnnotated(page);
  await expectNoSeriousViolations(page, 'the main view with annotations');

  // A quote selected from the panel: its fact-check panel opens.
  await h.panel(page).getByRole('button').filter({ hasText: 'Quote' }).first().click();
  await expect(page.getByRole('region', { name: 'Fact-check' })).toBeVisible();
  await expectNoSeriousViolations(page, 'a selected quote with the fact-check panel');

  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Who said it?' });
  await expect(picker).toBeVisible();
  await expect(page.getByLabel('Search actors')).toBeFocused();
  await expectNoSeriousViolations(page, 'the actor picker');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys).toBeVisible();
  await expectNoSeriousViolations(page, 'the keyboard shortcuts');
  await keys.getByRole('button', { name: 'Close' }).click();
  await expect(keys).toBeHidden();

  await page.getByRole('button', { name: 'Paste text' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste an article' });
  await expect(paste).toBeVisible();
  await expectNoSeriousViolations(page, 'the paste dialog');
  // Escape closes it, and focus goes back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(paste).toBeHidden();
  await expect(page.getByRole('button', { name: 'Paste text' })).toBeFocused();

  await page.getByRole('button', { name: 'Session report' }).click();
  await expect(page.getByRole('main', { name: 'Session report' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the session report');
});

test('highlights name their labels to screen readers, outside the article text', async ({ page }) => {
  await openAnnotated(page);
  const described = await page.locator('article mark').evaluateAll((marks) => marks.map((m) => ({
    labels: m.dataset.labels.split(' ').sort().join(' '),
    said: (m.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent).sort().join(' '),
  })));
  expect(described.length).toBeGreaterThan(5);
  // Overlaps repeat a label (two actors); the description names each label once.
  for (const d of described) expect(d.said).toBe([...new Set(d.labels.split(' '))].join(' '));
  // The descriptions are not in the article, whose text stays the article's alone.
  const text = await page.locator('article').evaluate((el) => el.textContent);
  expect(text).toBe(JSON.parse(FIXTURE).article.text.replace(/\n/g, ''));
  await expect(page.locator('article')).toHaveAttribute('tabindex', '0');
});

/** What is stored now: every annotation's label and its text, cut from the sample by its offsets
 * (`null` until the first save, which comes right after the frame that shows the change). */
async function stored(page) {
  const raw = await page.evaluate(() => localStorage.getItem('annota:v1:annotations'));
  return raw && JSON.parse(raw).annotations.map((a) => [a.label, h.cpSlice(h.SAMPLE, a.start, a.end), a.note || '']);
}

async function expectStored(page, expected) {
  await expect.poll(() => stored(page)).toEqual(expected);
}

const selection = (page) => page.evaluate(() => window.getSelection().toString());

/** What the keyboard session finds on the page, by its name in each interface language. */
const UI = {
  en: { skip: 'Skip to article', note: 'Note', panel: 'Annotations', count: (n) => `Annotations (${n})`, shortcuts: 'Keyboard shortcuts', close: 'Close' },
  ar: { skip: 'انتقل إلى المقال', note: 'ملاحظة', panel: 'التعليقات', count: (n) => `التعليقات (${n})`, shortcuts: 'اختصارات لوحة المفاتيح', close: 'إغلاق' },
};

/** Every shortcut must work in both languages: the same session runs in English and in Arabic. */
async function keyboardSession(page, ui) {
  await h.open(page);
  const article = page.locator('article');
  const panel = page.getByRole('region', { name: ui.panel, exact: true });
  const expectCount = (n) => expect(panel.getByRole('heading', { level: 2 })).toHaveText(ui.count(n));

  // The first Tab reaches the skip link; it takes focus to the article.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: ui.skip })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(article).toBeFocused();

  // "Get News Fast" reads left to right: → is forwards.
  await page.keyboard.press('ArrowRight');
  expect(await selection(page)).toBe('Get');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await selection(page)).toBe('Fast');
  // Into the Arabic title, which reads right to left: ← is forwards there, → backwards.
  await page.keyboard.press('ArrowRight');
  expect(await selection(page)).toBe('مشاورة');
  await page.keyboard.press('ArrowLeft');
  expect(await selection(page)).toBe('هاتفية');
  await page.keyboard.press('ArrowRight');
  expect(await selection(page)).toBe('مشاورة');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selection(page)).toBe('مشاورة هاتفية بين');
  // Screen readers hear what was selected, from a live region outside the article.
  await expect(page.locator('#caret-status')).toHaveText('مشاورة هاتفية بين');

  await page.keyboard.press('1');
  await expectCount(1);
  await expectStored(page, [['claim', 'مشاورة هاتفية بين', '']]);
  await expect(article.locator('mark')).toHaveAttribute('aria-describedby', /label-desc-0/);

  // Enter edits the note of the new claim; Escape comes back to the article.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(ui.note, { exact: true })).toBeFocused();
  await page.keyboard.type('Check the call');
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  await expectStored(page, [['claim', 'مشاورة هاتفية بين', 'Check the call']]);

  // The next sentence, labelled as a quote.
  const SENTENCE = 'الليلة، في محادثة هاتفية مع وزير الخارجية الروسي، قرأ وزير الخارجية قرار مجلس الأمن الصادر عن الولايات المتحدة والذي يسمح بمواصلة الإبادة الجماعية لسكان غزة.';
  await page.keyboard.press('Control+ArrowDown');
  expect(await selection(page)).toBe(SENTENCE);
  await page.keyboard.press('2');
  await expectCount(2);
  await expectStored(page, [['claim', 'مشاورة هاتفية بين', 'Check the call'], ['quote', SENTENCE, '']]);

  // p and n step between annotations in text order.
  const current = panel.locator('[aria-current="true"] q');
  await page.keyboard.press('p');
  await expect(current).toHaveText('مشاورة هاتفية بين');
  await page.keyboard.press('n');
  await expect(current).toHaveText(SENTENCE.slice(0, 140) + '…');
  await page.keyboard.press('k');
  await expect(current).toHaveText('مشاورة هاتفية بين');

  // Delete the claim, then undo.
  await page.keyboard.press('Delete');
  await expectCount(1);
  await expectStored(page, [['quote', SENTENCE, '']]);
  await page.keyboard.press('Control+z');
  await expectCount(2);
  await expectStored(page, [['claim', 'مشاورة هاتفية بين', 'Check the call'], ['quote', SENTENCE, '']]);

  // End and Home select the last and first word of the claim's paragraph (the title); Shift+End
  // extends to its end.
  await page.keyboard.press('End');
  expect(await selection(page)).toBe('الثنائية');
  await page.keyboard.press('Home');
  expect(await selection(page)).toBe('مشاورة');
  await page.keyboard.press('Shift+End');
  expect(await selection(page)).toBe(h.SAMPLE.split('\n')[2]);
  await page.keyboard.press('Control+ArrowUp');
  expect(await selection(page)).toBe('Get News Fast');

  // ? lists the shortcuts; Escape closes the list and focus comes back to the article.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: ui.shortcuts });
  await expect(keys).toBeVisible();
  await expect(keys.getByRole('button', { name: ui.close })).toBeFocused();
  // Tab stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(keys.getByRole('button', { name: ui.close })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(keys).toBeHidden();
  await expect(article).toBeFocused();
}

test('a whole session by keyboard alone: select by word and sentence, label, note, step, delete, undo', async ({ page }) => {
  await keyboardSession(page, UI.en);
});

test.describe('in the Arabic interface', () => {
  test.use({ locale: 'ar-EG' });

  test('the same session by keyboard alone works key for key', async ({ page }) => {
    await keyboardSession(page, UI.ar);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  });
});

test.describe('in Arabic, in the dark theme', () => {
  test.use({ locale: 'ar-EG', colorScheme: 'dark' });

  test('axe: the mirrored main view, the fact-check panel, the actor picker, the library, the label editor and the report', async ({ page }) => {
    test.setTimeout(120_000); // six axe runs
    await h.open(page);
    await page.getByLabel('استيراد', { exact: true }).setInputFiles({ name: 'sample-annotated.annota.json', mimeType: 'application/json', buffer: Buffer.from(FIXTURE) });
    await expect(page.getByRole('region', { name: 'التعليقات' }).getByRole('heading', { level: 2 })).toHaveText('التعليقات (9)');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoSeriousViolations(page, 'the Arabic main view');
    await page.getByRole('region', { name: 'التعليقات' }).getByRole('button').filter({ hasText: 'Quote' }).first().click();
    await expect(page.getByRole('region', { name: 'التحقق' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the Arabic fact-check panel');
    await page.keyboard.press('l');
    await expect(page.getByRole('dialog', { name: 'من قالها؟' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the Arabic actor picker');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'المكتبة' }).click();
    await expect(page.getByRole('dialog', { name: /^المكتبة/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'the Arabic library');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'تحرير التصنيفات' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'the Arabic label editor');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'تقرير الجلسة' }).click();
    await expectNoSeriousViolations(page, 'the Arabic session report');
  });
});
