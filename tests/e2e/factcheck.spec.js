// A fact-checking session on the Arabic sample, as a fact-checker does it: actors merged, a quote and
// a claim linked to who said them, a claim reviewed, the article described, a ClaimReview exported.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

const MINISTER_1 = 'حسين أميرعبد اللهيان';
const MINISTER_2 = 'أميرعبداللهيان';
const QUOTE = 'عن أسفه لاستخدام حق النقض';
const CLAIM = 'قيم الجانب الأمريكي هذا الإجراء على أنه يسمح باستمرار الإبادة الجماعية لسكان غزة';
const NAME = 'Hossein Amir-Abdollahian';

const actors = (page) => page.getByRole('region', { name: 'Actors' });
const links = (page) => page.getByRole('region', { name: 'Links' });
const factcheck = (page) => page.getByRole('region', { name: 'Fact-check' });
const picker = (page) => page.getByRole('dialog', { name: /Who said it|Same actor as/ });

/** Labels the minister twice (the second by keyboard only) and merges the two into one actor. */
async function mergeMinister(page) {
  await h.dragSelect(page, MINISTER_1);
  await page.keyboard.press('3');
  await h.dragSelect(page, MINISTER_2);
  await page.keyboard.press('3');
  await h.expectCount(page, 2);
  await expect(actors(page).getByRole('heading')).toHaveText('Actors (2)');
  // M: the same actor as… the nearest actor span is offered first; Enter takes it.
  await page.keyboard.press('m');
  await expect(picker(page)).toBeVisible();
  await expect(picker(page).getByRole('option').first()).toContainText(MINISTER_1);
  await page.keyboard.press('Enter');
  await expect(picker(page)).toBeHidden();
  await expect(actors(page).getByRole('heading')).toHaveText('Actors (1)');
  await factcheck(page).getByLabel('Actor name').fill(NAME);
  await expect(actors(page).getByRole('listitem')).toHaveCount(1);
  await expect(actors(page).getByRole('listitem').first()).toContainText(NAME);
  await expect(actors(page).getByRole('listitem').first()).toContainText('2 mentions');
}

/** Labels a quote and links it to the minister by keyboard: L, type to search, Enter. */
async function linkQuote(page) {
  await h.dragSelect(page, QUOTE);
  await page.keyboard.press('2');
  await page.keyboard.press('l');
  await expect(picker(page)).toBeVisible();
  await page.getByLabel('Search actors').fill('amir');
  // The match first, then an offer to make a new actor of what was typed.
  await expect(picker(page).getByRole('option')).toHaveCount(2);
  await expect(picker(page).getByRole('option').first()).toContainText(NAME);
  await expect(picker(page).getByRole('option').nth(1)).toContainText('New actor: amir');
  await page.keyboard.press('Enter');
  await expect(factcheck(page)).toContainText(`Said by:${NAME}`);
  // The speaker shows on the quote itself, drawn outside the article's text.
  const mark = page.locator('article mark[data-said-by]');
  await expect(mark).toHaveAttribute('data-said-by', NAME);
  expect(await page.locator('article').evaluate((el) => el.textContent.includes('Hossein'))).toBe(false);
}

/** Labels a claim, links its claimant by mouse, and reviews it. */
async function reviewClaim(page) {
  await h.dragSelect(page, CLAIM);
  await page.keyboard.press('1');
  await factcheck(page).getByRole('button', { name: 'Link claimant…' }).click();
  await picker(page).getByRole('option', { name: new RegExp(NAME) }).click();
  await expect(factcheck(page)).toContainText(`Claimed by:${NAME}`);
  await factcheck(page).getByLabel('Verdict').selectOption('Mostly false');
  await factcheck(page).getByLabel('Status').selectOption('done');
  await factcheck(page).getByLabel('Claim type').selectOption('causation');
  await factcheck(page).getByLabel('Review', { exact: true }).fill('القرار لم يسمح بذلك؛ النص يدعو إلى هدنة.');
  await factcheck(page).getByLabel('Review URL').fill('https://factdesk.example/checks/veto');
  await factcheck(page).getByRole('button', { name: 'Add evidence' }).click();
  await factcheck(page).getByLabel('Evidence 1 URL').fill('https://press.un.org/en/2023/sc15546.doc.htm');
  await factcheck(page).getByLabel('Evidence 1 title').fill('Security Council vote record');
}

async function describeArticle(page) {
  await page.getByRole('button', { name: 'Article details' }).click();
  const d = page.getByRole('dialog', { name: 'Article details' });
  await d.getByLabel('URL').fill('https://www.farsnews.ir/news/14020929000001');
  await d.getByLabel('Publisher').fill('Fars News Agency');
  await d.getByLabel('Date published').fill('2023-12-20');
  await d.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Fact-check settings' }).click();
  const s = page.getByRole('dialog', { name: 'Fact-check settings' });
  await s.getByLabel('Fact-checking organisation').fill('Fact Desk');
  await s.getByLabel('Organisation URL').fill('https://factdesk.example');
  await s.getByRole('button', { name: 'Save settings' }).click();
  await expect(s).toBeHidden();
}

async function exportClaimReview(page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'ClaimReview (JSON-LD)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.claimreview\.jsonld$/);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('from the raw Arabic article to a ClaimReview, and everything survives a reload', async ({ page, browser }) => {
  await h.open(page);
  await mergeMinister(page);
  await linkQuote(page);
  await reviewClaim(page);
  await describeArticle(page);
  await expect(links(page).getByRole('listitem')).toHaveCount(2);

  // A second claim with no verdict is left out, and the export says so.
  await h.dragSelect(page, 'وشدد لافروف على ضرورة مواصلة الجهود الدولية');
  await page.keyboard.press('1');
  const doc = await exportClaimReview(page);
  await expect(page.getByRole('status')).toContainText('1 reviewed claim exported; 1 claim without a verdict left out');
  expect(doc['@context']).toBe('https://schema.org');
  const reviews = doc['@graph'];
  expect(reviews).toHaveLength(1);
  const r = reviews[0];
  expect(r['@type']).toBe('ClaimReview');
  expect(r.claimReviewed).toBe(CLAIM);
  expect(r.reviewRating.alternateName).toBe('Mostly false');
  expect(r.reviewRating).toMatchObject({ ratingValue: 2, bestRating: 5, worstRating: 1 });
  expect(r.itemReviewed['@type']).toBe('Claim');
  expect(r.itemReviewed.author).toMatchObject({ '@type': 'Person', name: NAME });
  expect(r.itemReviewed.appearance).toMatchObject({ url: 'https://www.farsnews.ir/news/14020929000001', datePublished: '2023-12-20' });
  expect(r.itemReviewed.appearance.publisher.name).toBe('Fars News Agency');
  expect(r.author).toMatchObject({ '@type': 'Organization', name: 'Fact Desk' });
  expect(r.url).toBe('https://factdesk.example/checks/veto');
  expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(r.citation[0].url).toBe('https://press.un.org/en/2023/sc15546.doc.htm');

  // A reload brings back actors, links, the review and the article's details.
  await page.reload();
  await h.expectCount(page, 5);
  await expect(actors(page).getByRole('listitem').first()).toContainText(NAME);
  await expect(links(page).getByRole('listitem')).toHaveCount(2);
  await expect(page.locator('article mark[data-said-by]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Article details' }).click();
  await expect(page.getByRole('dialog', { name: 'Article details' }).getByLabel('Publisher')).toHaveValue('Fars News Agency');
  await page.getByRole('button', { name: 'Done' }).click();

  // Both ends of a link can be followed: the actor's name in the Links list selects its first mention.
  await links(page).getByRole('button', { name: NAME }).first().click();
  await expect(factcheck(page).getByLabel('Actor name')).toHaveValue(NAME);

  // The Annota JSON download carries it all, and importing it into a fresh page restores it.
  const { json } = await h.downloadJson(page);
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await h.open(fresh);
  expect(json.version).toBe(2);
  expect(json.actors).toEqual([expect.objectContaining({ name: NAME, kind: 'person' })]);
  await h.importFile(fresh, 'session.annota.json', JSON.stringify(json));
  await h.expectCount(fresh, 5);
  await expect(fresh.getByRole('region', { name: 'Links' }).getByRole('listitem')).toHaveCount(2);
  const claim = fresh.locator('article mark', { hasText: 'الجانب الأمريكي' }).first();
  await claim.click();
  await expect(fresh.getByRole('region', { name: 'Fact-check' }).getByLabel('Verdict')).toHaveValue('Mostly false');
  await context.close();
});

test('linking and reviewing undo and redo step by step', async ({ page }) => {
  await h.open(page);
  await mergeMinister(page);
  await linkQuote(page);
  await h.dragSelect(page, CLAIM);
  await page.keyboard.press('1');
  await factcheck(page).getByLabel('Verdict').selectOption('False');
  await factcheck(page).getByLabel('Review', { exact: true }).pressSequentially('abc');
  await page.locator('article').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('Control+z'); // the typed review, in one step
  await page.locator('article mark', { hasText: 'الجانب الأمريكي' }).first().click();
  await expect(factcheck(page).getByLabel('Review', { exact: true })).toHaveValue('');
  await expect(factcheck(page).getByLabel('Verdict')).toHaveValue('False');
  await page.locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z'); // the verdict
  await page.keyboard.press('Control+z'); // the claim
  await page.keyboard.press('Control+z'); // the quote's link
  await expect(page.locator('article mark[data-said-by]')).toHaveCount(0);
  await expect(links(page).getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('Control+z'); // the quote
  await page.keyboard.press('Control+z'); // the actor's name
  await page.keyboard.press('Control+z'); // the merge
  await expect(actors(page).getByRole('heading')).toHaveText('Actors (2)');

  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+z');
  await expect(actors(page).getByRole('heading')).toHaveText('Actors (1)');
  await expect(page.locator('article mark[data-said-by]')).toHaveAttribute('data-said-by', NAME);
  await expect(links(page).getByRole('listitem')).toHaveCount(1);
});

test('claims filter by status and verdict, and the session report lists each claim with its claimant and verdict', async ({ page }) => {
  await h.open(page);
  await mergeMinister(page);
  await reviewClaim(page);
  await h.dragSelect(page, 'وشدد لافروف على ضرورة مواصلة الجهود الدولية');
  await page.keyboard.press('1');
  await h.expectCount(page, 4);

  const panel = h.panel(page);
  await panel.getByLabel('Filter claims by status').selectOption('done');
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await panel.getByLabel('Filter claims by status').selectOption('');
  await panel.getByLabel('Filter claims by verdict').selectOption({ label: 'No verdict yet' });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem')).toContainText('وشدد لافروف');
  await panel.getByLabel('Filter claims by verdict').selectOption('Mostly false');
  await expect(panel.getByRole('listitem')).toContainText('الجانب الأمريكي');

  await page.getByRole('button', { name: 'Session report' }).click();
  const report = page.getByRole('main', { name: 'Session report' });
  await expect(report).toBeVisible();
  const items = report.getByRole('region', { name: 'Claims' }).locator('ol > li');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(NAME);
  await expect(items.first()).toContainText('Mostly false');
  await expect(items.first()).toContainText('Security Council vote record');
  await expect(items.nth(1)).toContainText('Not decided');
  await expect(report.getByRole('button', { name: 'Print report' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await report.getByRole('button', { name: 'Back to annotating' }).click();
  await expect(page.getByRole('region', { name: 'Annotations' })).toBeVisible();
});
