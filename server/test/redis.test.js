// Two server nodes sharing PostgreSQL (libraries, members, documents) and Redis (live changes):
// a change through node 1 reaches a client of node 2, and a revocation reaches node 2's connections.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, admin, connected, connect, newSecret, waitFor, sleep, startPostgres, startRedis, api } from '../testlib/helpers.js';

const entry = (o, f, v, by) => JSON.stringify({ o, f, v, c: 1, by, sup: [] });

describe('two nodes with PostgreSQL and Redis', () => {
  const secret = newSecret();
  let pg;
  let redis;
  let n1;
  let n2;
  let lib;
  const clients = [];
  const track = (c) => { clients.push(c); return c; };

  before(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    n1 = await startServer({ secret, postgres: pg.url, redis: redis.url });
    n2 = await startServer({ secret, postgres: pg.url, redis: redis.url });
    assert.match(n1.output, /redis: on/);
    lib = await admin(['create', '--name', 'Nodes', '--postgres', pg.url], { secret });
  });

  after(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([n1?.stop('SIGKILL'), n2?.stop('SIGKILL')]);
    await Promise.all([pg?.stop(), redis?.stop()]);
  });

  it('a change through node 1 reaches a client of node 2, and back', async () => {
    const ed = await admin(['invite', '--library', lib.library, '--role', 'editor', '--postgres', pg.url], { secret });
    const name = `lib/${lib.library}/article/r1`;
    const a = track(await connected(n1.url, name, lib.token));
    const b = track(await connected(n2.url, name, ed.token));
    a.entries.set('a.1', entry('ann:1', 'note', 'via node 1', lib.member));
    await waitFor(() => b.entries.get('a.1'), { what: 'node 2\'s client to receive node 1\'s change', timeout: 3000 });
    b.entries.set('b.1', entry('ann:1', 'label', 'via node 2', ed.member));
    await waitFor(() => a.entries.get('b.1'), { what: 'node 1\'s client to receive node 2\'s change', timeout: 3000 });
    // A viewer on node 2 writes: nothing reaches node 1.
    const v = await admin(['invite', '--library', lib.library, '--role', 'viewer', '--postgres', pg.url], { secret });
    const vc = track(await connected(n2.url, name, v.token));
    vc.entries.set('v.1', entry('ann:1', 'note', 'viewer', v.member));
    a.entries.set('a.2', entry('ann:2', 'note', 'after the viewer', lib.member));
    await waitFor(() => vc.entries.get('a.2') && b.entries.get('a.2'), { what: 'node 1\'s later change to reach node 2' });
    await sleep(300);
    assert.equal(a.entries.get('v.1'), undefined);
    assert.equal(b.entries.get('v.1'), undefined);
  });

  it('a revocation (admin.js, or the API on node 1) closes the member\'s connections on node 2 within 3 s', async () => {
    const name = `lib/${lib.library}/article/r2`;
    const m1 = await admin(['invite', '--library', lib.library, '--role', 'annotator', '--postgres', pg.url], { secret });
    const m2 = await admin(['invite', '--library', lib.library, '--role', 'editor', '--postgres', pg.url], { secret });
    const on2 = track(await connected(n2.url, name, m1.token));
    const on1 = track(await connected(n1.url, name, m1.token));
    const other = track(await connected(n2.url, name, m2.token));
    await admin(['revoke', '--library', lib.library, '--member', m1.member, '--postgres', pg.url], { secret });
    await waitFor(() => on2.closes.includes('member revoked') && on1.closes.includes('member revoked'),
      { what: 'both nodes to close the revoked member', timeout: 3000 });
    assert.equal(other.closes.length, 0, 'a member not revoked stays connected');
    await waitFor(() => on2.failures.includes('member revoked'), { what: 'the reconnect to node 2 to be refused', timeout: 5000 });
    // Through the HTTP API of node 1, for a member connected to node 2 only.
    const r = await api(n1.http, 'POST', `/api/libraries/${lib.library}/members/${m2.member}/revoke`, { token: lib.token });
    assert.equal(r.status, 200);
    await waitFor(() => other.closes.includes('member revoked'), { what: 'node 2 to close the member revoked on node 1', timeout: 3000 });
    const again = track(connect(n2.url, name, m2.token));
    assert.equal(await again.refused(), 'member revoked');
  });
});
