// Editing the label set: add, rename, reorder, delete (with its annotations, undoable), keys,
// the legend, and the set kept across reload and in the downloaded file.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

const editor = (page) => page.getByRole('dialog', { name: 'Edit labels' });
const row = (page, n) => editor(page).getByRole('group', { name: `Label ${n}`, exact: true });
const legend = (page) => page.getByRole('region', { name: 'Legend' });

/** The label buttons of the toolbar, in order. */
async function labelButtons(page) {
  return page.locator('.toolbar .label-button').evaluateAll((bs) => bs.map((b) => b.firstChild.textContent.trim()));
}

async function openEditor(page) {
  await page.getByRole('button', { name: 'Edit labels' }).click();
  await expect(editor(page)).toBeVisible();
}

async function save(page) {
  await editor(page).getByRole('button', { name: 'Save labels' }).click();
  await expect(editor(page)).toBeHidden();
}

test('a new label "Number" on key 4 labels Arabic text, and the legend lists every label with its key', async ({ page }) => {
  await h.open(page);
  await expect(legend(page).locator('li')).toHaveText([/Claim.*solid line.*1/, /Quote.*dashed line.*2/, /Actor.*dotted line.*3/]);
  await openEditor(page);
  await editor(page).getByRole('button', { name: 'Add label' }).click();
  await editor(page).getByLabel('Name of label 4').fill('Number');
  await editor(page).getByLabel('Key of label 4').fill('4');
  await save(page);
  expect(await labelButtons(page)).toEqual(['Claim', 'Quote', 'Actor', 'Number']);
  await expect(legend(page).locator('li')).toHaveText([/Claim.*1/, /Quote.*2/, /Actor.*3/, /Number.*double line.*4/]);

  await h.dragSelect(page, 'الاثنين 20 ديسمبر');
  await page.keyboard.press('4');
  await h.expectCount(page, 1);
  expect(await h.entries(page)).toEqual([['Number', 'الاثنين 20 ديسمبر']]);
  const mark = page.locator('article mark');
  await expect(mark).toHaveAttribute('title', 'Number');
  // Its underline is the fourth pattern (double), drawn as a background layer, not a border.
  const look = await mark.evaluate((m) => { const s = getComputedStyle(m); return [s.backgroundImage, s.borderBottomWidth, s.paddingBottom]; });
  expect(look[0]).toContain('rgb(184, 64, 127)');
  expect(look.slice(1)).toEqual(['0px', '0px']);

  const { json } = await h.downloadJson(page);
  expect(json.labels.map((l) => [l.id, l.name, l.hotkey])).toEqual([['claim', 'Claim', '1'], ['quote', 'Quote', '2'], ['actor', 'Actor', '3'], ['number', 'Number', '4']]);
  expect(json.annotations[0].label).toBe('number');
});

test('renaming Claim to Assertion renames every claim at once; undo brings the name back', async ({ page }) => {
  await h.open(page);
  await h.dragSelect(page, 'وزير الخارجية الروسي');
  await page.keyboard.press('1');
  await openEditor(page);
  await editor(page).getByLabel('Name of label 1').fill('Assertion');
  await save(page);
  expect(await h.entries(page)).toEqual([['Assertion', 'وزير الخارجية الروسي']]);
  await expect(page.locator('article mark')).toHaveAttribute('title', 'Assertion');
  await expect(page.getByRole('button', { name: 'Assertion', exact: true })).toBeVisible();
  const { json } = await h.downloadJson(page);
  expect(json.annotations[0].label).toBe('claim'); // the id stays: files keep referring to it
  expect(json.labels[0]).toMatchObject({ id: 'claim', name: 'Assertion' });

  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await h.entries(page)).toEqual([['Claim', 'وزير الخارجية الروسي']]);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('title', 'Assertion');
});

test('reordering moves the buttons and patterns but keeps each key; Cancel changes nothing', async ({ page }) => {
  await h.open(page);
  await openEditor(page);
  await row(page, 3).getByRole('button', { name: 'Move up' }).click();
  await expect(editor(page).getByLabel('Name of label 2')).toHaveValue('Actor');
  await editor(page).getByLabel('Name of label 1').fill('Changed my mind');
  await editor(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await labelButtons(page)).toEqual(['Claim', 'Quote', 'Actor']);

  await openEditor(page);
  await row(page, 3).getByRole('button', { name: 'Move up' }).click();
  await row(page, 1).getByRole('button', { name: 'Move down' }).click();
  await save(page);
  expect(await labelButtons(page)).toEqual(['Actor', 'Claim', 'Quote']);
  await expect(legend(page).locator('li')).toHaveText([/Actor.*solid line.*3/, /Claim.*dashed line.*1/, /Quote.*dotted line.*2/]);
  await h.dragSelect(page, 'وزير الخارجية الروسي');
  await page.keyboard.press('3');
  expect(await h.entries(page)).toEqual([['Actor', 'وزير الخارجية الروسي']]);
});

test('deleting a label in use asks in the page, takes its annotations, and one Undo brings both back', async ({ page }) => {
  await h.open(page);
  await h.dragSelect(page, 'وزير الخارجية الروسي');
  await page.keyboard.press('2');
  await h.dragSelect(page, 'قرار مجلس الأمن');
  await page.keyboard.press('2');
  await h.dragSelect(page, 'سيرجي لافروف');
  await page.keyboard.press('3');
  await h.expectCount(page, 3);

  await openEditor(page);
  await row(page, 2).getByRole('button', { name: 'Delete' }).click();
  const confirm = editor(page).getByRole('alertdialog');
  await expect(confirm).toContainText('Delete the label “Quote” and its 2 annotations?');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await h.expectCount(page, 3);

  await row(page, 2).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete label and 2 annotations' }).click();
  await h.expectCount(page, 1);
  await expect(editor(page).getByLabel('Name of label 2')).toHaveValue('Actor');
  await save(page);
  expect(await labelButtons(page)).toEqual(['Claim', 'Actor']);
  await expect(page.locator('article mark')).toHaveCount(1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await h.expectCount(page, 3);
  expect(await labelButtons(page)).toEqual(['Claim', 'Quote', 'Actor']);
  expect((await h.entries(page)).filter(([label]) => label === 'Quote')).toHaveLength(2);

  // An unused label goes without a question.
  await openEditor(page);
  await row(page, 1).getByRole('button', { name: 'Delete' }).click();
  await expect(editor(page).getByRole('alertdialog')).toHaveCount(0);
  await save(page);
  expect(await labelButtons(page)).toEqual(['Quote', 'Actor']);
});

test('bad sets are refused with a reason and the editor stays open', async ({ page }) => {
  await h.open(page);
  await openEditor(page);
  await editor(page).getByLabel('Key of label 1').fill('l');
  await editor(page).getByRole('button', { name: 'Save labels' }).click();
  await expect(editor(page).getByRole('alert')).toContainText('key "l" is used by another feature');
  await editor(page).getByLabel('Key of label 1').fill('2');
  await editor(page).getByRole('button', { name: 'Save labels' }).click();
  await expect(editor(page).getByRole('alert')).toContainText('already used');
  await editor(page).getByLabel('Key of label 1').fill('1');
  await editor(page).getByLabel('Name of label 2').fill('claim');
  await editor(page).getByRole('button', { name: 'Save labels' }).click();
  await expect(editor(page).getByRole('alert')).toContainText('Two labels are called');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  expect(await labelButtons(page)).toEqual(['Claim', 'Quote', 'Actor']);
});

test('a label set whose keys are command letters (l, m, k) loses them, and L still links and k still steps back', async ({ page }) => {
  const doc = {
    format: 'annota', version: 1, offset_unit: 'codepoint',
    article: { id: 'letters', title: 'Letters', text: 'Lavrov spoke to Amir-Abdollahian.\n\nThey talked about Gaza and the Bank.' },
    labels: [
      { id: 'claim', name: 'Claim', color: '#d55e00', hotkey: '1' },
      { id: 'quote', name: 'Quote', color: '#0072b2', hotkey: 'l' },
      { id: 'mention', name: 'Mention', color: '#009e73', hotkey: 'm' },
      { id: 'kicker', name: 'Kicker', color: '#b8407f', hotkey: 'k' },
    ],
    annotations: [],
  };
  await h.open(page);
  await h.importFile(page, 'letters.annota.json', JSON.stringify(doc));
  await expect(page.locator('article p').first()).toHaveText('Lavrov spoke to Amir-Abdollahian.');
  const status = page.getByRole('status');
  for (const [name, key] of [['Quote', 'l'], ['Mention', 'm'], ['Kicker', 'k']]) {
    await expect(status).toContainText(`Label "${name}": key "${key}" is used by another feature`);
  }
  const keys = await page.locator('.toolbar .label-button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts')));
  expect(keys.filter((k) => k && 'lmnpjk'.includes(k.toLowerCase()))).toEqual([]);
  // Before, a label keyed `l` would have been applied by L; now L links, whatever the imported set said.
  await h.doubleClickWord(page, 'Gaza');
  await page.locator('.toolbar .label-button', { hasText: 'Quote' }).click();
  await h.doubleClickWord(page, 'Lavrov');
  await page.keyboard.press('1');
  await h.expectCount(page, 2);
  // j and k step between the two, as they do with any label set (k is no label's now).
  await page.keyboard.press('j');
  await expect(page.locator('#caret-status')).toHaveText('Quote 2 of 2: Gaza');
  await page.keyboard.press('k');
  await expect(page.locator('#caret-status')).toHaveText('Claim 1 of 2: Lavrov');
  await h.expectCount(page, 2);
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog', { name: /Who said it/ })).toBeVisible();
  await h.expectCount(page, 2);
});

test('an edited set survives a reload and a download imported into a fresh profile', async ({ page, browser }) => {
  await h.open(page);
  await openEditor(page);
  await editor(page).getByLabel('Name of label 3').fill('فاعل');
  await editor(page).getByLabel('Colour of label 3').fill('#aa3377');
  await editor(page).getByRole('button', { name: 'Add label' }).click();
  await editor(page).getByLabel('Name of label 4').fill('Number');
  await save(page);
  await h.dragSelect(page, 'سيرجي لافروف');
  await page.keyboard.press('4');
  await h.expectCount(page, 1);

  await page.reload();
  await expect(page.locator('article mark')).toHaveCount(1);
  expect(await labelButtons(page)).toEqual(['Claim', 'Quote', 'فاعل', 'Number']);
  await expect(legend(page).locator('li')).toHaveText([/Claim.*1/, /Quote.*2/, /فاعل.*3/, /Number.*4/]);

  const { json } = await h.downloadJson(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await h.open(other);
  await h.importFile(other, 'labels.annota.json', JSON.stringify(json));
  await expect(other.locator('article mark')).toHaveCount(1);
  expect(await labelButtons(other)).toEqual(['Claim', 'Quote', 'فاعل', 'Number']);
  expect(await h.entries(other)).toEqual([['Number', 'سيرجي لافروف']]);
  await fresh.close();
});

test('an imported set with #rgb colours and a repeated key is repaired, says so, draws in colour and can be edited', async ({ page }) => {
  await h.open(page);
  const file = JSON.parse(fs.readFileSync(h.FIXTURE, 'utf8'));
  file.labels[0].color = '#d50';
  file.labels[1].color = '#07B';
  file.labels[2].hotkey = '1';
  await h.importFile(page, 'short-colours.annota.json', JSON.stringify(file));
  const status = page.getByRole('status');
  await expect(status).toContainText('9 placed exactly');
  await expect(status).toContainText('Label "Claim": colour "#d50" is now "#dd5500".');
  await expect(status).toContainText('Label "Quote": colour "#07B" is now "#0077bb".');
  await expect(status).toContainText('Label "Actor": key "1" is already used by another label, so it was dropped.');
  await expect(legend(page).locator('li')).toHaveText([/Claim.*1/, /Quote.*2/, /Actor/]);
  await expect(legend(page).locator('li').nth(2)).not.toContainText('1');
  // Drawn in the repaired colour, not the grey of a colour Annota cannot use.
  const claim = page.locator('article mark[title="Claim"]').first();
  expect(await claim.evaluate((m) => getComputedStyle(m).backgroundImage)).toContain('rgb(221, 85, 0)');

  await openEditor(page);
  await editor(page).getByLabel('Name of label 1').fill('Assertion');
  await editor(page).getByLabel('Key of label 3').fill('3');
  await save(page);
  expect(await labelButtons(page)).toEqual(['Assertion', 'Quote', 'Actor']);
  await expect(legend(page).locator('li')).toHaveText([/Assertion.*1/, /Quote.*2/, /Actor.*3/]);
  const { json } = await h.downloadJson(page);
  expect(json.labels.map((l) => [l.name, l.color, l.hotkey])).toEqual([['Assertion', '#dd5500', '1'], ['Quote', '#0077bb', '2'], ['Actor', '#009e73', '3']]);
});

test('labels an older Annota stored with a #rgb colour and a navigation key open repaired, with a notice', async ({ page }) => {
  await h.open(page);
  const dir = require('path').join(__dirname, '../fixtures/storage/v2');
  const article = fs.readFileSync(`${dir}/article.json`, 'utf8');
  const stored = JSON.parse(fs.readFileSync(`${dir}/annotations.json`, 'utf8'));
  stored.labels[0].color = '#d50';
  stored.labels[1].hotkey = 'n';
  await page.evaluate(([a, b]) => { localStorage.setItem('annota:v1:article', a); localStorage.setItem('annota:v1:annotations', b); }, [article, JSON.stringify(stored)]);
  await page.reload();
  await expect(page.locator('article mark').first()).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toContainText('The stored labels were repaired');
  await expect(status).toContainText('colour "#d50" is now "#dd5500"');
  await expect(status).toContainText('key "n" is used by another feature');
  await expect(page.locator('.banner.warning')).toHaveCount(0);
  await openEditor(page);
  await editor(page).getByLabel('Key of label 2').fill('2');
  await save(page);
  await expect(legend(page).locator('li').nth(1)).toContainText('2');
});

test('the editor and its question pass axe, keep focus inside, and give it back on close', async ({ page }) => {
  await h.open(page);
  await h.dragSelect(page, 'وزير الخارجية الروسي');
  await page.keyboard.press('2');
  const button = page.getByRole('button', { name: 'Edit labels' });
  await openEditor(page);
  await expect(editor(page).getByLabel('Name of label 1')).toBeFocused();
  await row(page, 2).getByRole('button', { name: 'Delete' }).click();
  await expect(editor(page).getByRole('alertdialog')).toBeVisible();
  // page.evaluate runs outside the page's Content-Security-Policy, which forbids injected scripts.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const serious = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  expect(serious).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(button).toBeFocused();
  await h.expectCount(page, 1);
});
