// The team sync client's bundle (dist/team/team.js) in Chromium, as the app loads it: a dynamic
// import under the page's Content-Security-Policy, real IndexedDB and WebSocket, against a real
// @hocuspocus/server on 127.0.0.1 started here (no auth: the real server is server/'s). Two
// browser contexts sync; offline writes survive a reload and reach the other once the server is back.
const { test, expect } = require('@playwright/test');

const DOC = 'lib/E2E/article/A1';

/** @type {import('@hocuspocus/server').Server} */
let server;
let port = 0;

async function startServer() {
  const { Server } = await import('@hocuspocus/server');
  server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  port = server.address.port;
}

/** As a crash or a network cut: every socket dropped. */
async function stopServer() {
  for (const socket of server.webSocketServer.clients) socket.terminate();
  await server.destroy();
}

test.beforeAll(startServer);
test.afterAll(async () => server && server.destroy());

/** Opens the app's page and the team client in it; its reports go to window.__team. */
async function openClient(page, member) {
  await page.goto('/');
  await page.evaluate(async ({ url, member, doc }) => {
    const team = await import(new URL('./team/team.js', document.baseURI).href);
    const seen = { entries: {}, statuses: [], presence: [] };
    window.__team = seen;
    seen.handle = team.open({
      server: url,
      token: `token-${member}`,
      member,
      docs: [doc],
      onEntries(d, added, removed) {
        for (const [k, v] of added) seen.entries[k] = v;
        for (const k of removed) delete seen.entries[k];
      },
      onStatus(s) { seen.statuses.push(s); },
      onPresence(d, peers) { seen.presence = peers; },
    });
    await seen.handle.whenLoaded(doc);
  }, { url: `ws://127.0.0.1:${port}`, member, doc: DOC });
}

const state = (page) => page.evaluate(() => (window.__team.statuses.at(-1) || {}).state);
const entries = (page) => page.evaluate(() => window.__team.entries);
const write = (page, puts, deletes = []) => page.evaluate(([doc, puts, deletes]) => window.__team.handle.write(doc, puts, deletes), [DOC, puts, deletes]);

test('two browsers share entries and presence; offline writes survive a reload and are sent later', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await openClient(a, 'ma');
  await openClient(b, 'mb');
  await expect.poll(() => state(a)).toBe('synced');
  await expect.poll(() => state(b)).toBe('synced');

  await write(a, [['ra.1', '{"o":"ann:x","f":"note","v":"hi","c":1,"by":"ma","sup":[]}']]);
  await expect.poll(async () => (await entries(b))['ra.1']).toContain('"hi"');
  await a.evaluate((doc) => window.__team.handle.setPresence(doc, { user: { member: 'ma', name: 'Ana', color: '#aa0000' }, selected: 'x' }), DOC);
  await expect.poll(() => b.evaluate(() => window.__team.presence.map((p) => `${p.user.name}:${p.selected}`).join())).toBe('Ana:x');

  await stopServer();
  await expect.poll(() => state(a)).toBe('offline');
  await write(a, [['ra.2', '"offline"']], ['ra.1']);
  expect(await a.evaluate(() => window.__team.handle.pendingCount())).toBe(1);
  await a.waitForTimeout(200); // IndexedDB writes are asynchronous

  await openClient(a, 'ma'); // the reload
  expect(await entries(a)).toEqual({ 'ra.2': '"offline"' });
  expect(await a.evaluate(() => window.__team.handle.pendingCount())).toBe(1);

  await startServer();
  await expect.poll(() => entries(b), { timeout: 30_000 }).toEqual({ 'ra.2': '"offline"' });
  await expect.poll(() => a.evaluate(() => window.__team.handle.pendingCount()), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => state(a)).toBe('synced');
  await contextA.close();
  await contextB.close();
});
