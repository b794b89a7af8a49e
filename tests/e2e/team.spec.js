// The team library, end to end: the real sync server (server/server.js) on loopback, and two or
// three browser contexts (two people on one machine). Started and stopped by this file.
const { test, expect } = require('@playwright/test');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const h = require('./helpers');

h.failOnPageErrors(test, expect);
test.describe.configure({ mode: 'serial' });

const ROOT = path.join(__dirname, '../..');
let server = null;
let port = 0;
let data = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

/** Starts the sync server and waits until it answers on its port. */
async function startServer() {
  server = spawn(process.execPath, [path.join(ROOT, 'server/server.js'), '--port', String(port), '--data', data, '--open'],
    { cwd: ROOT, env: { ...process.env, ANNOTA_SECRET: 'e2e-secret-of-this-run' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (up) return;
    if (server.exitCode !== null) throw new Error(`the sync server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the sync server did not start: ${log}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const done = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await done;
}

test.beforeAll(async () => {
  port = await freePort();
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-team-e2e-'));
  await startServer();
});

test.afterAll(async () => {
  await stopServer();
  fs.rmSync(data, { recursive: true, force: true });
});

const status = (page) => page.locator('.team-state');

/** A shares the sample's library and makes an invite link for `role`. */
async function shareAndInvite(a, role, name) {
  await a.getByRole('button', { name: 'Share library…' }).click();
  const dialog = a.getByRole('dialog', { name: 'Share library' });
  await dialog.getByLabel('Sync server').fill(`ws://127.0.0.1:${port}`);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(status(a)).toHaveText('All changes saved to the team');
  return invite(a, role, name);
}

async function invite(a, role, name) {
  const dialog = a.getByRole('dialog', { name: 'Share library' });
  if (!(await dialog.isVisible())) await a.getByRole('button', { name: 'Share library…' }).click();
  await dialog.getByLabel('Role').selectOption(role);
  await dialog.getByLabel('Their name').fill(name);
  await dialog.getByRole('button', { name: 'Make invite link' }).click();
  const link = await dialog.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/#team=/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  return link;
}

async function join(page, link) {
  await page.goto(link);
  await expect(page.locator('article p').first()).toBeVisible();
  await expect(status(page)).toHaveText('All changes saved to the team');
  // The token rides in the fragment and leaves the address bar once read.
  expect(page.url()).not.toContain('#team=');
}

/** Two people: A opens the sample and shares it, B joins with an invite for `role`. */
async function sharedPair(browser, role, name) {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await h.open(a);
  await join(b, await shareAndInvite(a, role, name));
  return { a, b, ctxA, ctxB };
}

async function label(page, phrase, key, nth = 0) {
  await h.dragSelect(page, phrase, nth);
  await page.keyboard.press(key);
}

const marks = (page) => page.locator('article mark').evaluateAll((ms) => ms.map((m) => m.textContent).sort());

test('a change in one browser is painted in the other, both ways, and presence shows who is here', async ({ browser }) => {
  const { a, b, ctxA, ctxB } = await sharedPair(browser, 'editor', 'Sara');
  await expect(b.locator('article')).toContainText('مشاورة هاتفية بين الأمير عبد اللهيان ولافروف');

  await label(a, 'وزير الخارجية الروسي', '1');
  await expect(b.locator('article mark')).toHaveText(['وزير الخارجية الروسي'], { timeout: 5000 });
  await label(b, 'سيرجي لافروف', '3');
  await expect.poll(() => marks(a), { timeout: 5000 }).toEqual(['سيرجي لافروف', 'وزير الخارجية الروسي'].sort());

  // Presence: B selects its annotation; A sees who is here and B's selection outlined.
  await b.locator('article mark', { hasText: 'سيرجي لافروف' }).click();
  await expect(a.locator('.peers li')).toHaveText(['Sara'], { timeout: 5000 });
  await expect.poll(() => a.locator('article mark', { hasText: 'سيرجي لافروف' }).evaluate((m) => getComputedStyle(m).outlineStyle), { timeout: 5000 }).toBe('solid');

  // B's undo takes back B's change only.
  await b.keyboard.press('Control+z');
  await expect.poll(() => marks(a), { timeout: 5000 }).toEqual(['وزير الخارجية الروسي']);
  await expect.poll(() => marks(b)).toEqual(['وزير الخارجية الروسي']);
  await ctxA.close();
  await ctxB.close();
});

test('apart and back together: both edit offline, the server restarts, nothing is lost', async ({ browser }) => {
  const { a, b, ctxA, ctxB } = await sharedPair(browser, 'annotator', 'Omar');

  await stopServer();
  await expect(status(a)).toContainText(/offline|reconnecting/i);
  await label(a, 'وزير الخارجية الروسي', '1');
  await label(b, 'سيرجي لافروف', '3');
  await expect(status(b)).toContainText('waiting');
  // A reload while offline keeps the pending change.
  await b.reload();
  await expect.poll(() => marks(b), { timeout: 5000 }).toEqual(['سيرجي لافروف']);

  await startServer();
  const both = ['سيرجي لافروف', 'وزير الخارجية الروسي'].sort();
  await expect.poll(() => marks(a), { timeout: 15000 }).toEqual(both);
  await expect.poll(() => marks(b), { timeout: 15000 }).toEqual(both);
  await expect(status(a)).toHaveText('All changes saved to the team', { timeout: 15000 });
  await expect(status(b)).toHaveText('All changes saved to the team', { timeout: 15000 });

  // A third browser opening the library from the restarted server sees everything.
  const ctxC = await browser.newContext();
  const c = await ctxC.newPage();
  await join(c, await invite(a, 'viewer', 'Reader'));
  await expect.poll(() => marks(c), { timeout: 5000 }).toEqual(both);
  await ctxA.close();
  await ctxB.close();
  await ctxC.close();
});

test('a viewer cannot change anything, and a revoked member is cut off live with their copy kept', async ({ browser }) => {
  const { a, b: v, ctxA, ctxB: ctxV } = await sharedPair(browser, 'viewer', 'Vera');
  await label(a, 'وزير الخارجية الروسي', '1');
  await expect(v.locator('article mark')).toHaveText(['وزير الخارجية الروسي'], { timeout: 5000 });

  await label(v, 'سيرجي لافروف', '3');
  await expect(v.locator('.team-role')).toContainText('You are a viewer of this team library');
  expect(await marks(v)).toEqual(['وزير الخارجية الروسي']);

  await a.getByRole('button', { name: 'Share library…' }).click();
  const dialog = a.getByRole('dialog', { name: 'Share library' });
  await dialog.getByRole('button', { name: 'Refresh the list' }).click();
  await dialog.getByRole('button', { name: 'Revoke Vera' }).click();
  await expect(dialog.locator('.members li.revoked')).toContainText('Vera');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(status(v)).toContainText('refused', { timeout: 10000 });
  // What the viewer had is still on their page.
  expect(await marks(v)).toEqual(['وزير الخارجية الروسي']);
  await ctxA.close();
  await ctxV.close();
});

test('the same note edited apart: one value everywhere, the other one click away', async ({ browser }) => {
  const { a, b, ctxA, ctxB } = await sharedPair(browser, 'editor', 'Sara');
  await label(a, 'وزير الخارجية الروسي', '1');
  await expect(b.locator('article mark')).toHaveText(['وزير الخارجية الروسي'], { timeout: 5000 });

  await stopServer();
  for (const [page, note] of [[a, 'from A'], [b, 'from B']]) {
    await page.locator('article mark').first().click();
    await page.getByLabel('Note', { exact: true }).fill(note);
  }
  await startServer();
  const note = (page) => page.getByLabel('Note', { exact: true }).inputValue();
  await expect(status(a)).toHaveText('All changes saved to the team', { timeout: 15000 });
  await expect(status(b)).toHaveText('All changes saved to the team', { timeout: 15000 });
  await expect.poll(async () => [await note(a), await note(b)].join('|'), { timeout: 10000 }).toMatch(/^(from A\|from A|from B\|from B)$/);
  const winner = await note(a);
  const other = winner === 'from A' ? 'from B' : 'from A';
  // Both pages say it was edited apart, with the other value one click away.
  for (const page of [a, b]) {
    await expect(page.getByRole('region', { name: 'Edited at the same time' })).toContainText(winner);
    await expect(page.getByRole('button', { name: `Use "${other}" instead` })).toBeVisible();
  }
  if (process.env.TEAM_SHOT) await b.screenshot({ path: process.env.TEAM_SHOT });
  await b.getByRole('button', { name: `Use "${other}" instead` }).click();
  await expect.poll(() => note(a), { timeout: 5000 }).toBe(other);
  await expect.poll(() => note(b), { timeout: 5000 }).toBe(other);
  await expect(a.getByRole('region', { name: 'Edited at the same time' })).toHaveCount(0, { timeout: 5000 });
  await expect(b.getByRole('region', { name: 'Edited at the same time' })).toHaveCount(0);
  await ctxA.close();
  await ctxB.close();
});

test('a second article added to the team library opens in the other browser, live', async ({ browser }) => {
  const { a, b, ctxA, ctxB } = await sharedPair(browser, 'editor', 'Sara');

  const text = 'Lavrov said the talks were useful. Amir-Abdollahian agreed.';
  await a.getByRole('button', { name: 'Paste text' }).click();
  await a.getByLabel('Article text').fill(text);
  await a.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(a.locator('article')).toContainText('Lavrov said');
  await a.getByRole('button', { name: 'Share library…' }).click();
  await a.getByRole('button', { name: 'Add this article to the team library' }).click();
  await expect(a.getByRole('dialog', { name: 'Share library' }).locator('.team-articles li')).toHaveCount(2);
  await a.getByRole('button', { name: 'Done' }).click();

  await b.getByRole('button', { name: 'Share library…' }).click();
  const dialog = b.getByRole('dialog', { name: 'Share library' });
  await expect(dialog.locator('.team-articles li')).toHaveCount(2, { timeout: 5000 });
  await dialog.getByRole('button', { name: /^Open Lavrov said/ }).click();
  await expect(b.locator('article')).toContainText('Lavrov said the talks were useful.', { timeout: 5000 });

  await label(a, 'the talks were useful', '1');
  await expect(b.locator('article mark')).toHaveText(['the talks were useful'], { timeout: 5000 });
  await label(b, 'Lavrov', '3');
  await expect.poll(() => marks(a), { timeout: 5000 }).toEqual(['Lavrov', 'the talks were useful']);
  await ctxA.close();
  await ctxB.close();
});

test('deleted in one browser while edited in the other: kept, flagged, and settled by either', async ({ browser }) => {
  const { a, b, ctxA, ctxB } = await sharedPair(browser, 'editor', 'Sara');
  await label(a, 'وزير الخارجية الروسي', '1');
  await expect(b.locator('article mark')).toHaveText(['وزير الخارجية الروسي'], { timeout: 5000 });

  await stopServer();
  await a.locator('article mark').first().click();
  await a.getByRole('button', { name: 'Delete annotation' }).click();
  await expect(a.locator('article mark')).toHaveCount(0);
  await b.locator('article mark').first().click();
  await b.getByLabel('Note', { exact: true }).fill('keep this');
  await startServer();
  // The edit A's deletion did not see keeps the annotation, on both, flagged.
  await expect(a.locator('article mark')).toHaveText(['وزير الخارجية الروسي'], { timeout: 15000 });
  await expect(b.locator('article mark')).toHaveText(['وزير الخارجية الروسي']);
  await a.locator('article mark').first().click();
  for (const page of [a, b]) {
    await expect(page.getByRole('region', { name: 'Edited at the same time' })).toContainText('deleted this annotation', { timeout: 5000 });
  }
  await b.getByRole('button', { name: 'Delete it' }).click();
  await expect(a.locator('article mark')).toHaveCount(0, { timeout: 5000 });
  await expect(b.locator('article mark')).toHaveCount(0);
  await ctxA.close();
  await ctxB.close();
});
