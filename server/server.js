#!/usr/bin/env node
// Annota's team library sync server: Hocuspocus with signed tokens and roles (docs/team-protocol.md).
//   node server/server.js --port 1234 --data DIR [--address 127.0.0.1] [--open] [--postgres URL] [--redis URL]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { loadSecret } from './lib/secret.js';
import { openStore } from './lib/store.js';
import { authorize } from './lib/auth.js';
import { parseDocumentName, mayWrite } from './lib/names.js';
import { makeApi } from './lib/http.js';
import { now } from './lib/token.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node server/server.js [--port 1234] [--data DIR] [--address 127.0.0.1] [--open]
                             [--postgres URL] [--redis URL] [--name NODE] [--poll-ms 1000]
  --port      port for WebSocket and HTTP (0: any free port; the chosen one is printed)
  --data      data folder: the secret (unless ANNOTA_SECRET is set), libraries and documents
              (default: server/data)
  --address   address to bind (default 127.0.0.1, loopback only)
  --open      POST /api/libraries without the admin secret (for one machine: make serve)
  --postgres  keep libraries, members and documents in PostgreSQL (several nodes share it)
  --redis     relay document changes and presence between several nodes through Redis
  --poll-ms   how often the store is read for revoked members (default 1000)`;

function fail(msg) { console.error(`annota-sync: ${msg}`); process.exit(2); }

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '1234' },
      data: { type: 'string' },
      address: { type: 'string', default: '127.0.0.1' },
      open: { type: 'boolean', default: false },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      name: { type: 'string' },
      'poll-ms': { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (e) { fail(`${e.message}\n${USAGE}`); }
if (args.help) { console.log(USAGE); process.exit(0); }
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');
const pollMs = Math.max(100, Number(args['poll-ms']) || 1000);
const dataDir = args.data ?? (args.postgres && process.env.ANNOTA_SECRET ? null : path.join(HERE, 'data'));

const log = (msg) => console.log(`${new Date().toISOString()} ${msg}`);

let secret;
try {
  const s = loadSecret(dataDir);
  secret = s.secret;
  log(s.created ? `[secret] made a new secret in ${s.source}` : `[secret] from ${s.source}`);
} catch (e) { fail(e.message); }

const store = await openStore({ data: dataDir, postgres: args.postgres }).catch((e) => fail(`store: ${e.message}`));
log(`[store] ${store.kind}${store.kind === 'files' ? ` in ${store.dir}` : ''}`);

// Live connections, so that a revocation (from any node, admin.js or the API) closes them.
const live = new Set();

function cut(connection, reason) {
  if (!live.delete(connection)) return;
  const ws = connection.webSocket;
  const { lib, mem } = connection.context ?? {};
  log(`[auth] closing ${connection.document?.name} for member ${lib}/${mem}: ${reason}`);
  try { connection.close({ code: 4401, reason }); } catch { /* already gone */ }
  // The socket may carry other documents; close it only when none of them stays open.
  if (![...live].some((c) => c.webSocket === ws)) {
    try { ws.close(4401, reason); } catch { /* already closed */ }
  }
}

let polling = false;
async function pollRevocations() {
  if (polling || live.size === 0) return;
  polling = true;
  try {
    const byLib = new Map();
    for (const c of live) {
      const lib = c.context?.lib;
      if (!byLib.has(lib)) byLib.set(lib, []);
      byLib.get(lib).push(c);
    }
    const t = now();
    for (const [lib, conns] of byLib) {
      let members = null;
      try { members = await store.listMembers(lib); } catch (e) {
        log(`[auth] could not read the members of ${lib}: ${e.message}`);
        continue; // a store outage is not a revocation
      }
      const byId = new Map((members ?? []).map((m) => [m.member, m]));
      for (const c of conns) {
        const { mem, exp, role } = c.context;
        const m = byId.get(mem);
        if (!members) cut(c, 'unknown library');
        else if (!m) cut(c, 'unknown member');
        else if (m.revoked) cut(c, 'member revoked');
        else if (m.role !== role) cut(c, 'token does not match the member\'s role');
        else if (exp && exp <= t) cut(c, 'token expired');
      }
    }
  } finally {
    polling = false;
  }
}

const extensions = [
  new Database({
    fetch: ({ documentName }) => store.fetchDocument(documentName),
    store: ({ documentName, state }) => store.storeDocument(documentName, state),
  }),
];
let redisNote = '';
if (args.redis) {
  const [{ Redis }, { default: IORedis }] = await Promise.all([
    import('@hocuspocus/extension-redis'), import('ioredis'),
  ]);
  const url = args.redis;
  extensions.push(new Redis({
    prefix: 'annota',
    createClient: () => {
      const client = new IORedis(url, { lazyConnect: false });
      client.on('error', (e) => log(`[redis] ${e.message}`));
      return client;
    },
  }));
  redisNote = ' (redis: on)';
}

const api = makeApi({ secret, store, open: args.open, log });

const server = new Server({
  name: args.name ?? null,
  port,
  address: args.address,
  quiet: true,
  stopOnSignals: false,
  debounce: 1000,
  maxDebounce: 5000,
  extensions,

  async onAuthenticate({ token, documentName, connectionConfig, request }) {
    const refuse = (reason) => {
      log(`[auth] refused ${JSON.stringify(String(documentName).slice(0, 120))} from ${request?.socket?.remoteAddress}: ${reason}`);
      // An object with a reason and no message: Hocuspocus sends the reason to the client and logs nothing.
      throw { reason }; // eslint-disable-line no-throw-literal
    };
    const doc = parseDocumentName(documentName);
    if (!doc) refuse('invalid document name');
    let a;
    try {
      a = await authorize(secret, store, token);
    } catch (e) {
      log(`[auth] store error: ${e.message}`);
      refuse('server error: the store is unavailable, try again');
    }
    if (!a.ok) refuse(a.reason);
    const { payload } = a;
    if (doc.lib !== payload.lib) refuse('the token is for another library');
    const writable = mayWrite(payload.role, payload.mem, doc);
    connectionConfig.readOnly = !writable;
    log(`[auth] ${documentName} opened by ${payload.lib}/${payload.mem} (${payload.role}, ${writable ? 'read-write' : 'read-only'})`);
    return { lib: payload.lib, mem: payload.mem, role: payload.role, exp: payload.exp ?? null };
  },

  async connected({ connection }) {
    live.add(connection);
    connection.onClose(() => live.delete(connection));
  },

  async onRequest({ request, response }) {
    await api(request, response);
    // eslint-disable-next-line no-throw-literal
    throw null; // handled: stop Hocuspocus's default answer
  },
});

// Hocuspocus 3.4.4 passes {port, address} to http.Server#listen, which reads `host`, not `address`:
// left alone it binds every interface. Give listen the host ourselves.
const httpListen = server.httpServer.listen.bind(server.httpServer);
server.httpServer.listen = (options, ...rest) => httpListen({ ...options, host: args.address }, ...rest);

await server.listen().catch((e) => fail(`cannot listen on ${args.address}:${port}: ${e.message}`));
const poller = setInterval(() => { pollRevocations().catch((e) => log(`[auth] poll: ${e.message}`)); }, pollMs);
const { port: actual, address: bound } = server.httpServer.address();
log(`annota sync server listening on ws://${bound.includes(':') ? `[${bound}]` : bound}:${actual}${redisNote}${args.open ? ' (open: anyone may create a library)' : ''}`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`[server] ${signal}: storing documents and stopping`);
  clearInterval(poller);
  const hard = setTimeout(() => { log('[server] stop timed out'); process.exit(1); }, 15_000);
  hard.unref();
  try { await server.destroy(); } catch (e) { log(`[server] destroy: ${e.message}`); }
  try { await store.close(); } catch { /* closing anyway */ }
  process.exit(0);
}
for (const s of ['SIGINT', 'SIGTERM', 'SIGQUIT']) process.on(s, () => stop(s));
