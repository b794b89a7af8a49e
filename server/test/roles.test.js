// One server (file store): live sync, what each role may write (enforced by the server, also when a
// client sends the write anyway), revocation on a live connection, refused tokens, and no token in the logs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import {
  startServer, admin, connect, connected, sign, decodeToken, tmpDir, newSecret, waitFor, sleep, storedDoc, api,
} from '../testlib/helpers.js';

const entry = (o, f, v, by) => JSON.stringify({ o, f, v, c: 1, by, sup: [] });

describe('one server with a file store', () => {
  const secret = newSecret();
  const data = tmpDir();
  let srv;
  let lib;
  const tokens = {};
  const members = {};
  const clients = [];
  const open = async (name, who) => { const c = await connected(srv.url, name, tokens[who]); clients.push(c); return c; };
  const doc = (rest) => `lib/${lib}/${rest}`;

  before(async () => {
    srv = await startServer({ data, secret });
    const created = await admin(['create', '--name', 'Desk', '--member', 'Olive', '--data', data], { secret });
    lib = created.library;
    tokens.owner = created.token;
    members.owner = created.member;
    for (const role of ['editor', 'annotator', 'viewer']) {
      const inv = await admin(['invite', '--library', lib, '--role', role, '--name', `the ${role}`, '--data', data,
        '--server', srv.url], { secret });
      tokens[role] = inv.token;
      members[role] = inv.member;
      const link = new URL(inv.link);
      assert.equal(link.origin, 'http://127.0.0.1:8080');
      const team = JSON.parse(Buffer.from(link.hash.replace(/^#team=/, ''), 'base64url').toString());
      assert.deepEqual(team, { server: srv.url, token: inv.token });
    }
    const a2 = await admin(['invite', '--library', lib, '--role', 'annotator', '--name', 'second annotator', '--data', data], { secret });
    tokens.annotator2 = a2.token;
    members.annotator2 = a2.member;
  });

  after(async () => {
    for (const c of clients) c.destroy();
    await srv?.stop();
  });

  it('binds 127.0.0.1 only by default', async () => {
    // The address printed is the listening socket's own.
    assert.match(srv.output, new RegExp(`listening on ws://127\\.0\\.0\\.1:${srv.port}\\b`));
    const others = Object.values(os.networkInterfaces()).flat().filter((i) => !i.internal && i.family === 'IPv4');
    for (const { address } of others) {
      const err = await new Promise((resolve) => {
        const sock = net.connect({ host: address, port: srv.port }, () => { sock.destroy(); resolve(null); });
        sock.on('error', resolve);
      });
      assert.ok(err, `nothing answers on ${address}:${srv.port}`);
    }
    const r = await api(srv.http, 'GET', '/api/health');
    assert.deepEqual(r.json, { ok: true });
  });

  it('a change by client A reaches client B', async () => {
    const a = await open(doc('article/art1'), 'owner');
    const b = await open(doc('article/art1'), 'editor');
    a.entries.set('a.1', entry('ann:1', 'note', 'from A', members.owner));
    await waitFor(() => b.entries.get('a.1'), { what: 'B to receive A\'s entry', timeout: 3000 });
    assert.equal(JSON.parse(b.entries.get('a.1')).v, 'from A');
    b.entries.set('b.1', entry('ann:1', 'label', 'claim', members.editor));
    await waitFor(() => a.entries.get('b.1'), { what: 'A to receive B\'s entry', timeout: 3000 });
  });

  it('a viewer reads and follows live, but the server drops its writes even when the client sends them', async () => {
    const owner = await open(doc('article/art2'), 'owner');
    owner.entries.set('o.1', entry('ann:1', 'note', 'owner wrote', members.owner));
    await owner.acked();
    const viewer = await open(doc('article/art2'), 'viewer');
    assert.equal(viewer.scope, 'readonly');
    assert.ok(viewer.entries.get('o.1'), 'the viewer reads the document');
    // The provider sends the update to the server: it is not the UI that stops it.
    const before = viewer.sentUpdates;
    viewer.entries.set('v.1', entry('ann:1', 'note', 'viewer wrote', members.viewer));
    await waitFor(() => viewer.sentUpdates > before, { what: 'the viewer\'s client to send its write' });
    // The server answers "not applied", so the change stays unsynced on the viewer's side.
    await sleep(500);
    assert.ok(viewer.provider.hasUnsyncedChanges, 'the server did not acknowledge the viewer\'s write');
    // The viewer still follows live.
    owner.entries.set('o.2', entry('ann:2', 'note', 'later', members.owner));
    await waitFor(() => viewer.entries.get('o.2'), { what: 'the viewer to follow live' });
    // A third, fresh client never sees the viewer's write; neither does the live owner.
    const fresh = await open(doc('article/art2'), 'editor');
    assert.ok(fresh.entries.get('o.2'));
    assert.equal(fresh.entries.get('v.1'), undefined);
    assert.equal(owner.entries.get('v.1'), undefined);
    // A viewer's write to the index is dropped too.
    const vIndex = await open(doc('index'), 'viewer');
    vIndex.entries.set('v.2', entry('article:art2', 'title', 'x', members.viewer));
    await sleep(300);
    const oIndex = await open(doc('index'), 'owner');
    assert.equal(oIndex.entries.get('v.2'), undefined);
  });

  it('an annotator writes article documents but not the index or the config', async () => {
    const ann = await open(doc('article/art3'), 'annotator');
    assert.equal(ann.scope, 'read-write');
    const ed = await open(doc('article/art3'), 'editor');
    ann.entries.set('n.1', entry('ann:9', 'note', 'annotator note', members.annotator));
    await waitFor(() => ed.entries.get('n.1'), { what: 'the annotator\'s article write to arrive' });
    for (const which of ['index', 'config']) {
      const annDoc = await open(doc(which), 'annotator');
      assert.equal(annDoc.scope, 'readonly', `${which} is read-only for an annotator`);
      const edDoc = await open(doc(which), 'editor');
      edDoc.entries.set(`e.${which}`, entry('labels', 'set', ['claim'], members.editor));
      await waitFor(() => annDoc.entries.get(`e.${which}`), { what: `the editor's ${which} write to reach the annotator` });
      annDoc.entries.set(`n.${which}`, entry('labels', 'set', ['hacked'], members.annotator));
      await sleep(400);
      const fresh = await open(doc(which), 'owner');
      assert.ok(fresh.entries.get(`e.${which}`));
      assert.equal(fresh.entries.get(`n.${which}`), undefined, `the annotator's ${which} write was dropped`);
      assert.equal(edDoc.entries.get(`n.${which}`), undefined);
    }
  });

  it('a layer document is writable only by its member', async () => {
    const layer = doc(`article/art4/layer/${members.annotator}`);
    const mine = await open(layer, 'annotator');
    assert.equal(mine.scope, 'read-write');
    const owner = await open(layer, 'owner');
    assert.equal(owner.scope, 'readonly');
    const other = await open(layer, 'annotator2');
    assert.equal(other.scope, 'readonly');
    mine.entries.set('m.1', entry('ann:1', 'label', 'claim', members.annotator));
    await waitFor(() => owner.entries.get('m.1') && other.entries.get('m.1'), { what: 'the member\'s layer write to reach the others' });
    owner.entries.set('x.1', entry('ann:1', 'label', 'owner overrides', members.owner));
    other.entries.set('x.2', entry('ann:1', 'label', 'other overrides', members.annotator2));
    await sleep(400);
    const fresh = await open(layer, 'editor');
    assert.ok(fresh.entries.get('m.1'));
    assert.equal(fresh.entries.get('x.1'), undefined);
    assert.equal(fresh.entries.get('x.2'), undefined);
    assert.equal(mine.entries.get('x.1'), undefined);
    // A viewer's own layer is read-only too.
    const vl = await open(doc(`article/art4/layer/${members.viewer}`), 'viewer');
    assert.equal(vl.scope, 'readonly');
  });

  it('tampered, expired, foreign and malformed tokens and invalid names are refused with a reason', async () => {
    const name = doc('article/art5');
    const p = decodeToken(tokens.editor);
    const refusedWith = async (token, docName = name) => {
      const c = connect(srv.url, docName, token);
      clients.push(c);
      const reason = await c.refused();
      await sleep(200);
      assert.ok(!c.provider.isSynced, 'a refused client never syncs');
      return reason;
    };
    // The editor's payload with the role changed to owner, signature kept.
    const [, sig] = tokens.editor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...p, role: 'owner' })).toString('base64url')}.${sig}`;
    assert.equal(await refusedWith(forged), 'invalid token signature');
    assert.equal(await refusedWith(`${tokens.editor.slice(0, -2)}xx`), 'invalid token signature');
    // Signed with another secret.
    assert.equal(await refusedWith(sign('another-secret-of-some-length', p)), 'invalid token signature');
    assert.equal(await refusedWith(sign(secret, { ...p, exp: Math.floor(Date.now() / 1000) - 5 })), 'token expired');
    assert.equal(await refusedWith(sign(secret, { ...p, lib: 'NoSuchLibrary' })), 'unknown library');
    assert.equal(await refusedWith(sign(secret, { ...p, mem: 'nobody' })), 'unknown member');
    assert.equal(await refusedWith('not-a-token'), 'malformed token');
    assert.equal(await refusedWith(''), 'no token');
    // Another library's owner token opens nothing in this library.
    const other = await admin(['create', '--name', 'Other desk', '--data', data], { secret });
    assert.equal(await refusedWith(other.token), 'the token is for another library');
    // ... but it opens its own library.
    const own = await connected(srv.url, `lib/${other.library}/index`, other.token);
    clients.push(own);
    // Names outside the protocol are refused.
    assert.equal(await refusedWith(tokens.owner, `lib/${lib}/secret`), 'invalid document name');
    assert.equal(await refusedWith(tokens.owner, `lib/${lib}/article/a.b`), 'invalid document name');
    assert.equal(await refusedWith(tokens.owner, `lib/${lib}/article/${'x'.repeat(65)}`), 'invalid document name');
    // A token with a future expiry works.
    const c = await connected(srv.url, name, sign(secret, { ...p, exp: Math.floor(Date.now() / 1000) + 3600 }));
    clients.push(c);
  });

  it('a revoked member is cut off on a live connection within 3 s and refused on reconnect', async () => {
    const inv = await admin(['invite', '--library', lib, '--role', 'editor', '--name', 'leaver', '--data', data], { secret });
    const name = doc('article/art6');
    const leaver = await connected(srv.url, name, inv.token);
    clients.push(leaver);
    const stays = await open(name, 'owner');
    leaver.entries.set('l.1', entry('ann:1', 'note', 'before', inv.member));
    await waitFor(() => stays.entries.get('l.1'), { what: 'the leaver\'s write before revocation' });
    // Revoke through the HTTP API with the owner's token.
    const r = await api(srv.http, 'POST', `/api/libraries/${lib}/members/${inv.member}/revoke`, { token: tokens.owner });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { ok: true });
    const t0 = Date.now();
    await waitFor(() => leaver.closes.includes('member revoked'), { what: 'the live connection to be closed', timeout: 3000 });
    assert.ok(Date.now() - t0 < 3000);
    // Its reconnect is refused, with the reason.
    await waitFor(() => leaver.failures.includes('member revoked'), { what: 'the reconnect to be refused', timeout: 5000 });
    leaver.entries.set('l.2', entry('ann:1', 'note', 'after', inv.member));
    await sleep(600);
    assert.equal(stays.entries.get('l.2'), undefined, 'a write after revocation does not arrive');
    stays.entries.set('o.9', entry('ann:1', 'note', 'owner after', members.owner));
    await sleep(600);
    assert.equal(leaver.entries.get('o.9'), undefined, 'the revoked member no longer follows');
    const fresh = connect(srv.url, name, inv.token);
    clients.push(fresh);
    assert.equal(await fresh.refused(), 'member revoked');
    const who = await api(srv.http, 'GET', '/api/whoami', { token: inv.token });
    assert.equal(who.status, 401);
    assert.equal(who.json.error, 'member revoked');
  });

  it('a revocation by admin.js (no HTTP) reaches the running server\'s connections', async () => {
    const inv = await admin(['invite', '--library', lib, '--role', 'viewer', '--data', data], { secret });
    const c = await connected(srv.url, doc('index'), inv.token);
    clients.push(c);
    const out = await admin(['revoke', '--library', lib, '--member', inv.member, '--data', data], { secret });
    assert.deepEqual(out, { ok: true });
    await waitFor(() => c.closes.includes('member revoked'), { what: 'the connection to close', timeout: 3000 });
    const list = await admin(['members', '--library', lib, '--data', data], { secret });
    assert.ok(list.find((m) => m.member === inv.member).revoked > 0);
    assert.equal(list.find((m) => m.member === members.owner).revoked, null);
  });

  it('a token that expires during a live connection is cut off', async () => {
    const r = await api(srv.http, 'POST', `/api/libraries/${lib}/invites`, { body: { role: 'editor', name: 'Temp', expires: 2 }, token: tokens.owner });
    assert.equal(r.status, 201);
    const exp = decodeToken(r.json.token).exp;
    assert.ok(exp > Date.now() / 1000 && exp <= Date.now() / 1000 + 3);
    const c = await connected(srv.url, doc('article/art8'), r.json.token);
    clients.push(c);
    await waitFor(() => c.closes.includes('token expired'), { what: 'the expired connection to close', timeout: 5000 });
    assert.ok(Date.now() / 1000 >= exp - 0.5, 'not before its expiry');
    assert.equal(await c.refused(), 'token expired');
  });

  it('the HTTP API: admin secret, owner-only invites and member lists, whoami, CORS', async () => {
    // Without --open, creating a library needs the admin secret.
    let r = await api(srv.http, 'POST', '/api/libraries', { body: { name: 'x' } });
    assert.equal(r.status, 401);
    assert.match(r.json.error, /admin secret/);
    r = await api(srv.http, 'POST', '/api/libraries', { body: { name: 'x' }, token: tokens.owner });
    assert.equal(r.status, 401);
    const { adminSecret } = await admin(['admin-secret', '--data', data], { secret });
    assert.notEqual(adminSecret, secret);
    r = await api(srv.http, 'POST', '/api/libraries', { body: { name: 'From HTTP' }, token: adminSecret });
    assert.equal(r.status, 201);
    const newLib = r.json.library;
    assert.equal(decodeToken(r.json.token).role, 'owner');
    // Invites: the owner only, of this library only.
    r = await api(srv.http, 'POST', `/api/libraries/${lib}/invites`, { body: { role: 'viewer', name: 'V' }, token: tokens.editor });
    assert.equal(r.status, 403);
    r = await api(srv.http, 'POST', `/api/libraries/${newLib}/invites`, { body: { role: 'viewer' }, token: tokens.owner });
    assert.equal(r.status, 403);
    r = await api(srv.http, 'POST', `/api/libraries/${lib}/invites`, { body: { role: 'boss' }, token: tokens.owner });
    assert.equal(r.status, 400);
    r = await api(srv.http, 'POST', `/api/libraries/${lib}/invites`, { body: { role: 'annotator', name: 'Ann' }, token: tokens.owner });
    assert.equal(r.status, 201);
    const invited = r.json;
    assert.deepEqual(Object.keys(invited).sort(), ['member', 'token']);
    const payload = decodeToken(invited.token);
    assert.deepEqual([payload.v, payload.lib, payload.mem, payload.role, payload.name], [1, lib, invited.member, 'annotator', 'Ann']);
    // The invited token works on a document.
    const c = await connected(srv.url, doc('article/art7'), invited.token);
    clients.push(c);
    r = await api(srv.http, 'GET', `/api/libraries/${lib}/members`, { token: tokens.owner });
    assert.equal(r.status, 200);
    const m = r.json.find((x) => x.member === invited.member);
    assert.deepEqual(m, { member: invited.member, role: 'annotator', name: 'Ann', created: m.created, revoked: null });
    r = await api(srv.http, 'GET', `/api/libraries/${lib}/members`, { token: tokens.annotator });
    assert.equal(r.status, 403);
    r = await api(srv.http, 'GET', '/api/whoami', { token: tokens.viewer });
    assert.equal(r.status, 200);
    assert.equal(r.json.role, 'viewer');
    assert.equal(r.json.lib, lib);
    r = await api(srv.http, 'GET', '/api/whoami', { token: `${tokens.viewer}x` });
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'invalid token signature');
    r = await api(srv.http, 'POST', `/api/libraries/${lib}/members/nobody/revoke`, { token: tokens.owner });
    assert.equal(r.status, 404);
    // CORS: a preflight from the app's origin, and the header on answers.
    const pre = await fetch(`${srv.http}/api/whoami`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-headers': 'authorization' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/i);
    r = await api(srv.http, 'GET', '/api/whoami', { token: tokens.owner, origin: 'http://127.0.0.1:8080' });
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.headers.get('access-control-allow-credentials'), null);
  });

  it('stores what writers wrote and nothing a read-only client sent; no token in the logs', async () => {
    await srv.stop('SIGTERM');
    assert.equal(srv.exited.code, 0, srv.output);
    const art2 = storedDoc(data, doc('article/art2'));
    assert.ok(art2, 'article 2 was stored');
    const e = art2.getMap('entries');
    assert.equal(JSON.parse(e.get('o.1')).v, 'owner wrote');
    assert.equal(e.get('v.1'), undefined, 'the viewer\'s write is not in the stored document');
    const index = storedDoc(data, doc('index'));
    assert.equal(index.getMap('entries').get('n.index'), undefined);
    assert.ok(index.getMap('entries').get('e.index'));
    const layer = storedDoc(data, doc(`article/art4/layer/${members.annotator}`)).getMap('entries');
    assert.ok(layer.get('m.1'));
    assert.equal(layer.get('x.1'), undefined);
    for (const [who, t] of Object.entries(tokens)) {
      assert.ok(!srv.output.includes(t), `the ${who} token is not in the server's output`);
      assert.ok(!srv.output.includes(t.split('.')[1]), `the ${who} token's signature is not in the output`);
    }
    assert.ok(!srv.output.includes(secret), 'the secret is not in the output');
    assert.match(srv.output, /refused .*invalid token signature/);
  });
});
