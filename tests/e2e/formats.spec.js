// Every export, downloaded from the Export menu as a user does, checked by the tools it is for;
// imports of other tools' files, and re-anchoring onto an edited article.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

async function exportAs(page, item) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  return download;
}

const KINDS = ['Annota JSON', 'W3C Web Annotation (JSON-LD)', 'doccano / spaCy (JSONL)', 'Label Studio (JSON)', 'brat standoff (zip)', 'CSV (spreadsheet)', 'ClaimReview (JSON-LD)'];

test('every export opens in the tool it names, with every span on the right text', async ({ page }) => {
  await h.open(page);
  await h.importFile(page, 'sample.annota.json', fs.readFileSync(h.FIXTURE));
  await h.expectCount(page, 9);
  // Add spans with an emoji-free mouse selection, a note with a formula, and one across a paragraph break.
  await h.dragSelect(page, 'زر الذهاب إلى الأعلى');
  await page.keyboard.press('2');
  await page.getByLabel('Note').fill('=HYPERLINK("x") "quoted", و\nسطر');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-exports-'));
  for (const kind of KINDS) {
    const download = await exportAs(page, kind);
    expect(download.suggestedFilename()).toMatch(/^مشاورة-هاتفية/);
    await download.saveAs(path.join(dir, download.suggestedFilename()));
  }
  expect(fs.readdirSync(dir)).toHaveLength(KINDS.length);
  const python = path.join(__dirname, '../../.venv/bin/python');
  let out;
  try {
    out = execFileSync(python, [path.join(__dirname, '../interop/check_exports.py'), dir], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`interop checks failed:\n${e.stdout}\n${e.stderr}`);
  }
  expect(out).toContain('W3C MUST assertions: annotation 10');
  expect(out).toContain('spaCy char_span');
  expect(out.trim().split('\n').pop()).toBe('0 failed');
});

test('files from Label Studio (UTF-16 offsets) and doccano open with their text and spans', async ({ page }) => {
  await h.open(page);
  const text = '😀 قال لافروف 🇷🇺 نعم\nسطر ثانٍ';
  const u16 = (needle) => { const s = text.indexOf(needle); return [s, s + needle.length]; };
  const [s1, e1] = u16('لافروف');
  const [s2, e2] = u16('🇷🇺 نعم');
  const ls = [{ data: { text }, annotations: [{ result: [
    { id: 'a1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: s1, end: e1, text: 'لافروف', labels: ['Actor'] } },
    { id: 'a2', from_name: 'label', to_name: 'text', type: 'labels', value: { start: s2, end: e2, text: '🇷🇺 نعم', labels: ['Claim'] } },
  ] }] }];
  await h.importFile(page, 'tasks.json', JSON.stringify(ls));
  await h.expectCount(page, 2);
  await expect(page.getByRole('status')).toContainText('UTF-16');
  expect(await h.entries(page)).toEqual([['Actor', 'لافروف'], ['Claim', '🇷🇺 نعم']]);

  const jsonl = `${JSON.stringify({ text: 'قال زيد إن 😀 المطر قادم', label: [[4, 7, 'actor'], [11, 23, 'claim']] })}\n`;
  await h.importFile(page, 'data.jsonl', jsonl);
  await expect(page.locator('article')).toContainText('المطر قادم');
  await h.expectCount(page, 2);
  expect(await h.entries(page)).toEqual([['Actor', 'زيد'], ['Claim', '😀 المطر قادم']]);
});

test('a file made on an edited version re-anchors onto the open article, with orphans kept and placeable', async ({ page }) => {
  await h.open(page);
  // The fixture's annotations, but its text was edited: a word changed, one passage gone.
  const file = JSON.parse(fs.readFileSync(h.FIXTURE, 'utf8'));
  file.article.text = 'مقدمة جديدة. ' + file.article.text.replace('حسين أميرعبد اللهيان', 'حسين أمير عبد اللهيان');
  file.annotations.push({ ...file.annotations[0], id: 'lost-1', exact: 'جملة لا توجد في هذا المقال أبدا', start: 3, end: 33 });
  await page.getByLabel('Import onto this article').setInputFiles({ name: 'edited.annota.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('status')).toContainText('onto the open article');
  await expect(page.getByRole('status')).toContainText('1 orphaned');
  await h.expectCount(page, 9);
  const orphans = h.panel(page).getByRole('region', { name: 'Orphans' });
  await expect(orphans).toContainText('جملة لا توجد في هذا المقال أبدا');
  // Every placed annotation is on the open article's text, checked against the exported offsets.
  const { json } = await h.downloadJson(page);
  expect(json.article.text).toBe(h.SAMPLE);
  for (const a of json.annotations) expect(h.cpSlice(h.SAMPLE, a.start, a.end)).toBe(a.exact);
  expect(json.orphans.map((o) => o.id)).toEqual(['lost-1']);
  // Place the orphan by selecting where it belongs.
  await h.doubleClickWord(page, 'موسكو');
  await orphans.getByRole('button', { name: 'Place at selection' }).click();
  await h.expectCount(page, 10);
  await expect(orphans).toHaveCount(0);
  await page.reload();
  await h.expectCount(page, 10);
  await page.keyboard.press('Control+z');
});
