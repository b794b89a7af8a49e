// Persistence: a restart with the file store loses nothing (stopped cleanly, or killed after the
// store's debounce); the same with PostgreSQL (libraries, members and documents in its tables).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { startServer, admin, connected, tmpDir, newSecret, waitFor, sleep, startPostgres, freePort } from '../testlib/helpers.js';

const entry = (o, f, v, by) => JSON.stringify({ o, f, v, c: 1, by, sup: [] });

async function writeMany(c, prefix, n, by) {
  c.doc.transact(() => {
    for (let i = 0; i < n; i++) c.entries.set(`${prefix}.${i}`, entry(`ann:${i}`, 'note', `${prefix} ${i}`, by));
  });
  c.doc.getMap('text').set('text', 'Some article text.');
  await c.acked();
}

describe('file persistence across restarts', () => {
  const secret = newSecret();
  const data = tmpDir();
  let srv;
  const clients = [];
  after(async () => { for (const c of clients) c.destroy(); await srv?.stop('SIGKILL'); });

  it('the secret is made on first start, kept in DIR/secret with mode 600, and reused', async () => {
    srv = await startServer({ data }); // no ANNOTA_SECRET
    const file = path.join(data, 'secret');
    const mode = fs.statSync(file).mode & 0o777;
    assert.equal(mode, 0o600);
    const s1 = fs.readFileSync(file, 'utf8');
    const created = await admin(['create', '--name', 'Kept', '--data', data]);
    const c = await connected(srv.url, `lib/${created.library}/index`, created.token);
    c.destroy();
    await srv.stop();
    srv = await startServer({ data });
    assert.equal(fs.readFileSync(file, 'utf8'), s1);
    const c2 = await connected(srv.url, `lib/${created.library}/index`, created.token);
    c2.destroy();
    await srv.stop();
  });

  it('a clean stop and a kill after the debounce both keep every change', async () => {
    const port = await freePort();
    srv = await startServer({ data, secret, port });
    const lib = await admin(['create', '--name', 'Restart', '--data', data], { secret });
    const ed = await admin(['invite', '--library', lib.library, '--role', 'editor', '--data', data], { secret });
    const name = `lib/${lib.library}/article/persist1`;
    const a = await connected(srv.url, name, lib.token);
    clients.push(a);
    await writeMany(a, 'first', 50, lib.member);
    const b = await connected(srv.url, name, ed.token);
    clients.push(b);
    b.entries.set('b.1', entry('ann:1', 'label', 'claim', ed.member));
    b.entries.delete('first.3');
    await b.acked();
    await waitFor(() => a.entries.get('b.1') && !a.entries.has('first.3'), { what: 'A to see B\'s edits' });
    // 1. A clean stop (SIGTERM) right after the last change.
    await srv.stop('SIGTERM');
    assert.equal(srv.exited.code, 0, srv.output);
    srv = await startServer({ data, secret, port });
    const fresh = await connected(srv.url, name, ed.token);
    clients.push(fresh);
    assert.equal(fresh.entries.size, 50, 'all 49 + 1 entries came back');
    assert.equal(JSON.parse(fresh.entries.get('first.49')).v, 'first 49');
    assert.ok(fresh.entries.get('b.1'));
    assert.equal(fresh.entries.get('first.3'), undefined, 'the deletion came back too');
    assert.equal(fresh.doc.getMap('text').get('text'), 'Some article text.');
    // The old clients reconnect by themselves and keep working.
    await waitFor(() => a.provider.isSynced, { what: 'A to reconnect', timeout: 8000 });
    await writeMany(a, 'second', 10, lib.member);
    await waitFor(() => fresh.entries.get('second.9'), { what: 'the fresh client to get A\'s change after restart' });
    // 2. A kill (SIGKILL) after the store's debounce (1 s, at most 5 s).
    await sleep(2500);
    await srv.stop('SIGKILL');
    srv = await startServer({ data, secret, port });
    const again = await connected(srv.url, name, ed.token);
    clients.push(again);
    assert.equal(again.entries.size, 60);
    assert.ok(again.entries.get('second.9'));
    // A document reloaded into a brand-new client equals the merged state.
    assert.deepEqual(again.entries.toJSON(), fresh.entries.toJSON());
  });
});

describe('PostgreSQL persistence', () => {
  let pg;
  let srv;
  const secret = newSecret();
  const clients = [];
  before(async () => { pg = await startPostgres(); });
  after(async () => {
    for (const c of clients) c.destroy();
    await srv?.stop('SIGKILL');
    await pg?.stop();
  });

  it('libraries, members and documents live in PostgreSQL and survive a restart', async () => {
    const data = tmpDir(); // only for nothing: with --postgres and ANNOTA_SECRET the server needs no folder
    srv = await startServer({ secret, postgres: pg.url });
    assert.match(srv.output, /\[store\] postgres/);
    const lib = await admin(['create', '--name', 'PG', '--postgres', pg.url], { secret });
    const ann = await admin(['invite', '--library', lib.library, '--role', 'annotator', '--postgres', pg.url], { secret });
    const name = `lib/${lib.library}/article/pg1`;
    const a = await connected(srv.url, name, lib.token);
    clients.push(a);
    const b = await connected(srv.url, name, ann.token);
    clients.push(b);
    await writeMany(a, 'pg', 20, lib.member);
    await waitFor(() => b.entries.get('pg.19'), { what: 'B to receive A\'s change' });
    b.entries.set('ann.1', entry('ann:1', 'note', 'annotator', ann.member));
    await b.acked();
    // The viewer's write is dropped with PostgreSQL too.
    const v = await admin(['invite', '--library', lib.library, '--role', 'viewer', '--postgres', pg.url], { secret });
    const vc = await connected(srv.url, name, v.token);
    clients.push(vc);
    vc.entries.set('v.1', entry('ann:1', 'note', 'viewer', v.member));
    await sleep(300);
    await srv.stop('SIGTERM');
    assert.equal(srv.exited.code, 0, srv.output);
    assert.equal(fs.readdirSync(data).length, 0, 'nothing was written to a data folder');
    // What the table holds, read directly.
    const { default: pgmod } = await import('pg');
    const client = new pgmod.Client({ connectionString: pg.url });
    await client.connect();
    try {
      const r = await client.query('SELECT state FROM annota_documents WHERE name = $1', [name]);
      assert.equal(r.rows.length, 1);
      const d = new Y.Doc();
      Y.applyUpdate(d, new Uint8Array(r.rows[0].state));
      assert.equal(d.getMap('entries').size, 21);
      assert.equal(d.getMap('entries').get('v.1'), undefined, 'the viewer\'s write is not stored');
      const m = await client.query('SELECT member, role FROM annota_members WHERE library = $1 ORDER BY role', [lib.library]);
      assert.deepEqual(m.rows.map((x) => x.role), ['annotator', 'owner', 'viewer']);
    } finally {
      await client.end();
    }
    srv = await startServer({ secret, postgres: pg.url });
    const fresh = await connected(srv.url, name, ann.token);
    clients.push(fresh);
    assert.equal(fresh.entries.size, 21);
    assert.equal(JSON.parse(fresh.entries.get('ann.1')).v, 'annotator');
    const list = await admin(['members', '--library', lib.library, '--postgres', pg.url], { secret });
    assert.equal(list.length, 3);
  });
});
