// Two annotators of the Arabic sample, as a reviewer works with them: each file imported as a
// layer, the agreement figures checked against scikit-learn and krippendorff, every difference
// settled into the gold layer by key, and the gold layer exported in every format and checked by
// each format's checker.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./helpers');
const { twoAnnotators } = require('./annotators');

h.failOnPageErrors(test, expect);

const PYTHON = path.join(__dirname, '../../.venv/bin/python');
const KINDS = ['Annota JSON', 'W3C Web Annotation (JSON-LD)', 'doccano / spaCy (JSONL)', 'Label Studio (JSON)', 'brat standoff (zip)', 'CSV (spreadsheet)', 'ClaimReview (JSON-LD)'];

async function importLayer(page, name, doc) {
  await page.getByLabel('Import as layer…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

async function save(download, dir) {
  const to = path.join(dir, download.suggestedFilename());
  await download.saveAs(to);
  return to;
}

test('two annotators: layers, figures that match the references, every difference settled, gold exported', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-layers-'));
  const { rana, omar } = twoAnnotators();
  fs.writeFileSync(path.join(dir, 'rana.json'), JSON.stringify(rana));
  fs.writeFileSync(path.join(dir, 'omar.json'), JSON.stringify(omar));
  await h.open(page);
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers).toContainText('New annotations go into your layer');
  await importLayer(page, 'rana.annota.json', rana);
  await importLayer(page, 'omar.annota.json', omar);
  await expect(layers.getByRole('listitem')).toHaveCount(2);
  await expect(layers).toContainText('rana(9)');
  await expect(layers).toContainText('omar(9)');
  // Both are drawn as rings over the article; the user's own layer is still empty and written.
  expect(await page.locator('article .sug.ring').count()).toBeGreaterThan(10);
  await h.expectCount(page, 0);
  // Differences only: the rings both layers share with the (empty) written layer stay; hide Omar's.
  await layers.getByRole('checkbox', { name: /omar/ }).uncheck();
  const ranaOnly = await page.locator('article .sug.ring').count();
  await layers.getByRole('checkbox', { name: /omar/ }).check();
  expect(await page.locator('article .sug.ring').count()).toBeGreaterThan(ranaOnly);

  // The figures, for Rana against Omar.
  await layers.getByRole('button', { name: 'Agreement…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement between layers' });
  await dialog.getByLabel('Layer A').selectOption({ label: 'rana' });
  await dialog.getByLabel('Layer B').selectOption({ label: 'omar' });
  const all = dialog.getByRole('table', { name: 'Agreement figures' }).getByRole('row', { name: /All labels/ });
  // 6 of 9 spans match exactly: F1 = 12 / 18; with the boundary difference 7 of 9 overlap.
  await expect(all.getByRole('cell').nth(0)).toHaveText('0.667');
  await expect(all.getByRole('cell').nth(1)).toHaveText('0.778');
  await expect(all.getByRole('cell').nth(4)).toHaveText('6'); // matches
  await expect(all.getByRole('cell').nth(5)).toHaveText('1'); // label disagreements
  await expect(all.getByRole('cell').nth(6)).toHaveText('1'); // boundary differences
  await expect(dialog).toContainText('Cohen\'s kappa per label over code points');
  await h.expectNoSeriousViolations(page, 'the agreement dialog');
  const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download agreement JSON' }).click()]);
  const report = await save(json, dir);
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download agreement CSV' }).click()]);
  const rows = fs.readFileSync(await save(csv, dir), 'utf8').trim().split('\r\n');
  expect(rows[0]).toMatch(/^article,layer_a,layer_b,label,exact_matched/);
  expect(rows.filter((r) => r.includes(',rana,omar,'))).toHaveLength(4); // actor, claim, quote and all labels
  let checked;
  try {
    checked = execFileSync(PYTHON, [path.join(__dirname, '../interop/check_agreement.py'), path.join(dir, 'rana.json'), path.join(dir, 'omar.json'), report], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`the figures differ from the references:\n${e.stdout}\n${e.stderr}`);
  }
  expect(checked).toContain('ok   kappa, all labels');
  expect(checked).toContain('ok   alpha, claim');
  expect(checked.trim().split('\n').pop()).toBe('0 failed');

  // Adjudicate: agreements in one step, then each difference by key, in text order.
  await dialog.getByRole('button', { name: 'Adjudicate', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Adjudicate rana and omar' });
  await expect(panel.getByRole('status')).toHaveText('0 of 10 settled');
  await expect(layers).toContainText('New annotations go into gold');
  await h.expectNoSeriousViolations(page, 'the adjudication panel with rings drawn');
  await panel.getByRole('button', { name: 'Accept all 6 agreements' }).click();
  await expect(panel.getByRole('status')).toHaveText('6 of 10 settled');
  await h.expectCount(page, 6);
  // First the minister (116): Rana says actor, Omar claim.
  await expect(panel).toContainText('Label disagreement');
  await expect(panel).toContainText('وزير الخارجية الروسي');
  await panel.focus();
  await page.keyboard.press('a');
  await expect(panel.getByRole('status')).toHaveText('7 of 10 settled');
  await expect(panel).toContainText('Boundary difference');
  await page.keyboard.press('b');
  await expect(panel).toContainText('Only in A');
  await page.keyboard.press('x');
  await expect(panel).toContainText('Only in B');
  await page.keyboard.press('t'); // both is refused where one side is missing: nothing changes
  await expect(panel.getByRole('status')).toHaveText('9 of 10 settled');
  await page.keyboard.press('b');
  await expect(panel.getByRole('status')).toHaveText('10 of 10 settled');
  await expect(panel).toContainText('Every difference is settled');
  await h.expectCount(page, 9);
  // Each decision is one undo step.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('9 of 10 settled');
  await h.expectCount(page, 8);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('10 of 10 settled');
  // A settled one reopens (r) with what it put into gold, and is settled again another way.
  await panel.focus();
  await page.keyboard.press('k'); // from the end: the last difference in text order, an agreement
  await expect(panel).toContainText('Agreement · 10 of 10 · settled: A taken');
  await page.keyboard.press('r');
  await expect(panel.getByRole('status')).toHaveText('9 of 10 settled');
  await h.expectCount(page, 8);
  await page.keyboard.press('x');
  await expect(panel.getByRole('status')).toHaveText('10 of 10 settled');
  await h.expectCount(page, 8);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('10 of 10 settled');
  await h.expectCount(page, 9);

  // The gold layer in every format, each checked by its tool's checker.
  const gold = path.join(dir, 'gold');
  fs.mkdirSync(gold);
  for (const kind of KINDS) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: kind }).click()]);
    await save(download, gold);
  }
  let out;
  try {
    out = execFileSync(PYTHON, [path.join(__dirname, '../interop/check_exports.py'), gold], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`interop checks failed:\n${e.stdout}\n${e.stderr}`);
  }
  expect(out.trim().split('\n').pop()).toBe('0 failed');
  const annota = JSON.parse(fs.readFileSync(fs.readdirSync(gold).map((f) => path.join(gold, f)).find((f) => f.endsWith('.annota.json')), 'utf8'));
  expect(annota.annotations).toHaveLength(9);
  expect(annota.layers.writing).toMatchObject({ id: 'gold', kind: 'gold', compares: ['rana', 'omar'] });
  expect(Object.keys(annota.layers.writing.decisions)).toHaveLength(10);
  expect(annota.layers.aside.map((l) => [l.info.name, l.annotations.length])).toEqual([['rana', 9], ['omar', 9], ['', 0]]);
  const labels = annota.annotations.map((a) => [a.label, a.exact]);
  expect(labels).toContainEqual(['actor', 'وزير الخارجية الروسي']);
  expect(labels).toContainEqual(['quote', h.cpSlice(h.SAMPLE, 400, 430)]);

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Adjudicate rana and omar' }).getByRole('status')).toHaveText('10 of 10 settled');
  await expect(page.getByRole('region', { name: 'Layers' }).getByRole('listitem')).toHaveCount(3);
  await h.expectCount(page, 9);
  // And in Arabic, mirrored.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('region', { name: 'الفصل بين rana وomar' }).getByRole('status')).toHaveText('حُسم 10 من 10');
  await expect(page.getByRole('region', { name: 'الطبقات' })).toContainText('تذهب التعليقات الجديدة إلى المرجعية');
});

test('a file that is not annotations is refused as a layer and changes nothing', async ({ page }) => {
  await h.open(page);
  await page.getByLabel('Import as layer…').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "annota", "version": 2,') });
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Could not import the layer' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Layers' }).getByRole('listitem')).toHaveCount(0);
});
