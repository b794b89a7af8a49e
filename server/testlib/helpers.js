// Test helpers: the real server as a child process, Hocuspocus providers in Node, and throwaway
// PostgreSQL and Redis servers on loopback. Nothing here is skipped: a missing binary is an error.
import { spawn, execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const run = promisify(execFile);

// ws emits 'error' when a socket still connecting is closed (a provider destroyed while it
// reconnects to a stopped server): keep that from becoming an uncaught exception.
class QuietWebSocket extends WebSocket {
  constructor(...args) { super(...args); this.on('error', () => {}); }
}
// Everything started here is stopped when the test process exits, even on a failure or a timeout.
const cleanups = new Set();
process.on('exit', () => { for (const f of cleanups) { try { f(); } catch { /* best effort */ } } });

export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tmpDir(prefix = 'annota-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Polls `fn` until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function waitFor(fn, { timeout = 5000, interval = 25, what = 'condition' } = {}) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

export const newSecret = () => crypto.randomBytes(24).toString('base64url');

/** Starts server.js; resolves once it prints its listening line. */
export async function startServer({ data, secret, port, open = false, postgres, redis, pollMs, extra = [] } = {}) {
  port ??= await freePort();
  const args = [path.join(SERVER_DIR, 'server.js'), '--port', String(port)];
  if (data) args.push('--data', data);
  if (open) args.push('--open');
  if (postgres) args.push('--postgres', postgres);
  if (redis) args.push('--redis', redis);
  if (pollMs) args.push('--poll-ms', String(pollMs));
  args.push(...extra);
  const env = { ...process.env };
  if (secret) env.ANNOTA_SECRET = secret; else delete env.ANNOTA_SECRET;
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => proc.kill('SIGKILL');
  cleanups.add(kill);
  proc.on('exit', () => cleanups.delete(kill));
  const srv = { proc, port, url: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}`, output: '', exited: null };
  proc.stdout.on('data', (d) => { srv.output += d; });
  proc.stderr.on('data', (d) => { srv.output += d; });
  srv.exitPromise = new Promise((resolve) => proc.on('exit', (code, signal) => { srv.exited = { code, signal }; resolve(srv.exited); }));
  await waitFor(() => srv.output.includes('listening on ws://') || srv.exited, { timeout: 15000, what: 'the server to listen' });
  if (srv.exited) throw new Error(`the server exited (${JSON.stringify(srv.exited)}):\n${srv.output}`);
  srv.stop = async (signal = 'SIGTERM') => {
    if (srv.exited) return srv.exited;
    proc.kill(signal);
    return srv.exitPromise;
  };
  return srv;
}

/** Runs admin.js with the given arguments (and --json); returns its parsed output. */
export async function admin(args, { secret } = {}) {
  const env = { ...process.env };
  if (secret) env.ANNOTA_SECRET = secret; else delete env.ANNOTA_SECRET;
  const { stdout } = await run(process.execPath, [path.join(SERVER_DIR, 'admin.js'), ...args, '--json'], { env });
  return JSON.parse(stdout);
}

/** Signs a payload the way the server does (tests craft expired and foreign tokens with it). */
export function sign(secret, payload) {
  const first = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = crypto.createHmac('sha256', secret).update(first).digest('base64url');
  return `${first}.${mac}`;
}

export const decodeToken = (token) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));

/**
 * A client: a Y.Doc synced through a HocuspocusProvider (ws as its WebSocket).
 * Records authentication results, close events and outgoing document updates.
 */
export function connect(url, name, token, { doc = new Y.Doc() } = {}) {
  const c = { doc, name, authenticated: null, failures: [], closes: [], sentUpdates: 0, scope: null };
  c.provider = new HocuspocusProvider({
    url,
    name,
    document: doc,
    token,
    WebSocketPolyfill: QuietWebSocket,
    delay: 200,
    minDelay: 100,
    maxDelay: 500,
    onAuthenticated: ({ scope }) => { c.authenticated = true; c.scope = scope; },
    onAuthenticationFailed: ({ reason }) => { c.authenticated = false; c.failures.push(reason); },
    onClose: ({ event }) => { c.closes.push(event?.reason ?? ''); },
    onOutgoingMessage: ({ message }) => { if (message?.description === 'A document update') c.sentUpdates++; },
  });
  c.entries = doc.getMap('entries');
  c.synced = () => waitFor(() => c.provider.isSynced, { what: `${name} to sync`, timeout: 8000 });
  c.refused = () => waitFor(() => c.failures.length > 0 && c.failures.at(-1), { what: `${name} to be refused`, timeout: 8000 });
  c.acked = () => waitFor(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, { what: `${name}'s changes to be acknowledged` });
  c.destroy = () => { try { c.provider.destroy(); } catch { /* already closed */ } };
  return c;
}

export async function connected(url, name, token) {
  const c = connect(url, name, token);
  await waitFor(() => c.provider.isSynced || c.failures.length, { what: `${name} to sync or be refused`, timeout: 8000 });
  if (!c.provider.isSynced) throw new Error(`${name} refused: ${c.failures.join('; ')}`);
  return c;
}

/** Reads a document's stored state from a file store's data folder. */
export function storedDoc(dataDir, name) {
  const file = path.join(dataDir, 'docs', `${encodeURIComponent(name)}.ydoc`);
  if (!fs.existsSync(file)) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(fs.readFileSync(file)));
  return doc;
}

export async function api(base, method, pathname, { token, body, origin } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (origin) headers.origin = origin;
  const res = await fetch(base + pathname, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, json, headers: res.headers };
}

// ---- PostgreSQL 15 and Redis from Debian, on loopback, in temporary folders ----

const PG_BIN = process.env.ANNOTA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function asPostgres(cmd, args) {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  return [cmd, args];
}

export async function startPostgres() {
  for (const b of ['initdb', 'pg_ctl', 'postgres']) {
    if (!fs.existsSync(path.join(PG_BIN, b))) {
      throw new Error(`PostgreSQL is missing (${path.join(PG_BIN, b)}): install the Debian package postgresql (scripts/test-server.sh does)`);
    }
  }
  const dir = tmpDir('annota-pg-');
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.mkdirSync(sock);
  if (process.getuid?.() === 0) {
    await run('chown', ['-R', 'postgres:postgres', dir]);
  }
  const port = await freePort();
  let [cmd, args] = asPostgres(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  await run(cmd, args, { cwd: dir });
  [cmd, args] = asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30',
    '-o', `-k ${sock} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  await run(cmd, args, { cwd: dir });
  const [sc, sa] = asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  const stopNow = () => execFileSync(sc, sa, { cwd: dir, stdio: 'ignore' });
  cleanups.add(stopNow);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dir,
    stop: async () => {
      cleanups.delete(stopNow);
      await run(sc, sa, { cwd: dir }).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startRedis() {
  const bin = process.env.ANNOTA_REDIS_BIN ?? '/usr/bin/redis-server';
  if (!fs.existsSync(bin)) {
    throw new Error(`Redis is missing (${bin}): install the Debian package redis-server (scripts/test-server.sh does)`);
  }
  const dir = tmpDir('annota-redis-');
  const port = await freePort();
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
    '--appendonly', 'no', '--protected-mode', 'yes', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  let exited = false;
  const kill = () => proc.kill('SIGKILL');
  cleanups.add(kill);
  proc.on('exit', () => { exited = true; cleanups.delete(kill); });
  await waitFor(() => out.includes('Ready to accept connections') || exited, { timeout: 10000, what: 'redis to start' });
  if (exited) throw new Error(`redis-server exited:\n${out}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (!exited) { proc.kill('SIGTERM'); await waitFor(() => exited, { timeout: 5000, what: 'redis to stop' }).catch(() => proc.kill('SIGKILL')); }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
