// The team sync client against a real @hocuspocus/server on 127.0.0.1 (no auth but one refusing
// token), with fake-indexeddb as the browser's IndexedDB and `ws` as its WebSocket.
// Run: node --test web/team/test/
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Server } from '@hocuspocus/server';
import WebSocket from 'ws';
import { open } from '../team.mjs';

const DOC = 'lib/L1/article/A1';

async function startServer(port = 0) {
  const server = new Server({
    port,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, connectionConfig }) {
      if (token === 'bad') throw Object.assign(new Error('bad token'), { reason: 'bad token' });
      if (token === 'viewer') connectionConfig.readOnly = true;
    },
  });
  await server.listen();
  return server;
}

/** Stops the server as a crash or a network cut would: every socket dropped. */
async function stopServer(server) {
  for (const socket of server.webSocketServer.clients) socket.terminate();
  await server.destroy();
}

const url = (server) => `ws://127.0.0.1:${server.address.port}`;

async function waitFor(what, predicate, ms = 8000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** A client with everything its callbacks reported. */
function client(server, member, options = {}) {
  const seen = { entries: new Map(), events: [], texts: [], statuses: [], presence: [] };
  const handle = open({
    server: typeof server === 'string' ? server : url(server),
    token: options.token || `token-${member}`,
    member,
    docs: options.docs || [DOC],
    WebSocketPolyfill: WebSocket,
    onEntries(doc, added, removed, fromRemote) {
      for (const [k, v] of added) seen.entries.set(`${doc}|${k}`, v);
      for (const k of removed) seen.entries.delete(`${doc}|${k}`);
      seen.events.push({ doc, added, removed, fromRemote });
    },
    onText(doc, text, hash) { seen.texts.push({ doc, text, hash }); },
    onStatus(s) { seen.statuses.push(s); },
    onPresence(doc, peers) { seen.presence.push({ doc, peers }); },
  });
  const last = () => seen.statuses[seen.statuses.length - 1] || {};
  return { handle, seen, last };
}

const entry = (o, f, v, c, by) => JSON.stringify({ o, f, v, c, by, sup: [] });

test('two clients see each other\'s entries, text, deletions and presence', async () => {
  const server = await startServer();
  const a = client(server, 'ma');
  const b = client(server, 'mb');
  try {
    await waitFor('both synced', () => a.last().state === 'synced' && b.last().state === 'synced');
    assert.equal(a.handle.write(DOC, [['ra.1', entry('ann:x', 'note', 'hi', 1, 'ma')]], []), true);
    assert.equal(a.handle.putText(DOC, 'The text.', 'A1'), true);
    await waitFor('B has A\'s entry', () => b.seen.entries.has(`${DOC}|ra.1`));
    assert.equal(JSON.parse(b.seen.entries.get(`${DOC}|ra.1`)).v, 'hi');
    assert.ok(b.seen.events.some((e) => e.fromRemote && e.added.some(([k]) => k === 'ra.1')), 'remote on B');
    assert.ok(a.seen.events.some((e) => !e.fromRemote && e.added.some(([k]) => k === 'ra.1')), 'local on A');
    await waitFor('B has the text', () => b.seen.texts.length === 1);
    assert.deepEqual(b.seen.texts[0], { doc: DOC, text: 'The text.', hash: 'A1' });
    assert.equal(b.handle.putText(DOC, 'Other text', 'A2'), false, 'the text is written once');

    b.handle.write(DOC, [['rb.1', entry('ann:x', 'label', 'claim', 2, 'mb')]], ['ra.1']);
    await waitFor('A sees B\'s write and deletion', () => a.seen.entries.has(`${DOC}|rb.1`) && !a.seen.entries.has(`${DOC}|ra.1`));
    assert.ok(a.seen.events.some((e) => e.fromRemote && e.removed.includes('ra.1')));
    // A key is written once: a second put of it changes nothing.
    assert.equal(a.handle.write(DOC, [['rb.1', '"other"']], []), false);
    assert.equal(JSON.parse(a.seen.entries.get(`${DOC}|rb.1`)).v, 'claim');

    a.handle.setPresence(DOC, { user: { member: 'ma', name: 'Ana', color: '#aa0000' }, selected: 'x' });
    await waitFor('B sees A\'s presence', () => b.seen.presence.some((p) => p.peers.some((q) => q.user.name === 'Ana' && q.selected === 'x')));
    assert.ok(!a.seen.presence.some((p) => p.peers.some((q) => q.user.name === 'Ana')), 'no one sees themselves');
    await waitFor('A confirmed', () => a.last().state === 'synced' && a.handle.pendingCount() === 0);
  } finally {
    await a.handle.close();
    await b.handle.close();
    await server.destroy();
  }
});

test('offline writes survive a reload and are sent when the server is back', async () => {
  let server = await startServer();
  const port = server.address.port;
  const address = url(server);
  const a = client(address, 'off-a');
  const b = client(address, 'off-b');
  let a2;
  try {
    await waitFor('both synced', () => a.last().state === 'synced' && b.last().state === 'synced');
    a.handle.write(DOC, [['oa.1', entry('ann:y', 'note', 'online', 1, 'off-a')]], []);
    await waitFor('B has the online entry', () => b.seen.entries.has(`${DOC}|oa.1`));

    await stopServer(server);
    await waitFor('A offline', () => a.last().state === 'offline', 3000).catch((e) => { console.log(a.seen.statuses); throw e; });
    a.handle.write(DOC, [['oa.2', entry('ann:y', 'note', 'offline 1', 2, 'off-a')]], []);
    a.handle.write(DOC, [['oa.3', entry('ann:z', 'label', 'quote', 3, 'off-a')]], ['oa.1']);
    assert.equal(a.handle.pendingCount(), 2);
    await Promise.resolve(); // callbacks run in a microtask
    assert.equal(a.last().pending, 2);
    await new Promise((r) => setTimeout(r, 100)); // IndexedDB writes are asynchronous
    await a.handle.close();

    // The reload: a new client on the same IndexedDB, still with no server.
    a2 = client(address, 'off-a');
    await a2.handle.whenLoaded(DOC);
    assert.ok(a2.seen.entries.has(`${DOC}|oa.2`) && a2.seen.entries.has(`${DOC}|oa.3`), 'offline entries loaded from IndexedDB');
    assert.ok(!a2.seen.entries.has(`${DOC}|oa.1`), 'the offline deletion too');
    assert.equal(a2.handle.pendingCount(), 2, 'the pending count survives the reload');
    await waitFor('A2 offline or connecting', () => ['offline', 'connecting'].includes(a2.last().state));
    assert.ok(!b.seen.entries.has(`${DOC}|oa.2`));

    server = await startServer(port);
    await waitFor('B receives the offline writes', () => b.seen.entries.has(`${DOC}|oa.2`) && b.seen.entries.has(`${DOC}|oa.3`) && !b.seen.entries.has(`${DOC}|oa.1`), 20000);
    await waitFor('A2 all confirmed', () => a2.last().state === 'synced' && a2.handle.pendingCount() === 0, 20000);
  } finally {
    await a.handle.close();
    if (a2) await a2.handle.close();
    await b.handle.close();
    await server.destroy();
  }
});

test('a refused token keeps the local copy and says why; several documents share one socket', async () => {
  const server = await startServer();
  const other = 'lib/L1/index';
  let sockets = 0;
  server.webSocketServer.on('connection', () => { sockets += 1; });
  const good = client(server, 'r-good', { docs: [DOC, other] });
  let bad;
  try {
    await waitFor('good synced', () => good.last().state === 'synced');
    assert.equal(sockets, 1, 'one WebSocket for two documents');
    bad = client(server, 'r-bad', { token: 'bad' });
    good.handle.write(other, [['g.1', '"x"']], []);
    await waitFor('bad refused', () => bad.last().state === 'refused');
    assert.ok(bad.last().reason, 'a reason');
    bad.handle.write(DOC, [['b.1', '"kept"']], []);
    assert.deepEqual(bad.handle.entries(DOC), [['b.1', '"kept"']]);
    assert.equal(bad.last().state, 'refused');
    assert.equal(bad.handle.pendingCount(), 1);
    await good.handle.closeDoc(other);
    assert.throws(() => good.handle.write(other, [], []), /not open/);
  } finally {
    await good.handle.close();
    if (bad) await bad.handle.close();
    await server.destroy();
  }
});

test('a viewer is told it is read-only and its writes stay pending', async () => {
  const server = await startServer();
  const v = client(server, 'viewer-1', { token: 'viewer' });
  try {
    await waitFor('viewer synced', () => v.last().state === 'synced');
    assert.equal(v.last().readOnly, true);
    v.handle.write(DOC, [['v.1', '"no"']], []);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(v.last().state, 'pending');
    assert.equal(v.handle.pendingCount(), 1);
  } finally {
    await v.handle.close();
    await server.destroy();
  }
});

test('a document the server closes on a live socket is opened again', async () => {
  const server = await startServer();
  const a = client(server, 'close-a');
  const b = client(server, 'close-b');
  try {
    await waitFor('both synced', () => a.last().state === 'synced' && b.last().state === 'synced');
    server.hocuspocus.closeConnections(DOC);
    await waitFor('A not synced', () => a.last().state !== 'synced');
    await waitFor('A synced again', () => a.last().state === 'synced');
    await waitFor('B synced again', () => b.last().state === 'synced');
    a.handle.write(DOC, [['c.1', '"after"']], []);
    await waitFor('B has the write made after the close', () => b.seen.entries.has(`${DOC}|c.1`));
  } finally {
    await a.handle.close();
    await b.handle.close();
    await server.destroy();
  }
});

test('openJson reports every callback as one JSON string, as the Rust bridge reads them', async () => {
  const { openJson } = await import('../team.mjs');
  const server = await startServer();
  const reports = [];
  // The bridge passes no WebSocket class; Node 20 has none, so one is lent for the test.
  globalThis.WebSocket = WebSocket;
  const handle = openJson(JSON.stringify({ server: url(server), token: 't', member: 'json', docs: [DOC] }), (r) => reports.push(JSON.parse(r)));
  try {
    await waitFor('synced', () => reports.some(([kind, s]) => kind === 'status' && s.state === 'synced'));
    handle.write(DOC, [['j.1', '"v"']], []);
    handle.putText(DOC, 'T', 'H');
    await waitFor('entries and text', () => reports.some(([k]) => k === 'text'));
    assert.deepEqual(reports.find(([k]) => k === 'entries'), ['entries', DOC, [['j.1', '"v"']], [], false]);
    assert.deepEqual(reports.find(([k]) => k === 'text'), ['text', DOC, 'T', 'H']);
  } finally {
    await handle.close();
    delete globalThis.WebSocket;
    await server.destroy();
  }
});
