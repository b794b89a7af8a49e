// The HTTP API on the sync server's port (docs/team-protocol.md, "HTTP"). JSON in and out,
// CORS open to any origin: authorisation is by bearer token, never by cookie.
import { authorize } from './auth.js';
import { ROLES, ID_RE, mintToken, adminSecret, safeEqual, now } from './token.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

class HttpError extends Error {
  constructor(status, reason) { super(reason); this.status = status; }
}

function send(res, status, body) {
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readJson(req, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error();
    return v;
  } catch {
    throw new HttpError(400, 'the body is not a JSON object');
  }
}

function bearer(req) {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : null;
}

function cleanName(v, fallback, what) {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v !== 'string' || v.length > 200) throw new HttpError(400, `${what} must be a string of at most 200 characters`);
  return v;
}

const safeDecode = (s) => { try { return decodeURIComponent(s); } catch { return ''; } };

/** Handles a request if it is one of ours; returns false otherwise. */
export function makeApi({ secret, store, open, log }) {
  async function ownerOf(req, lib) {
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'an owner token is required (Authorization: Bearer …)');
    const a = await authorize(secret, store, token);
    if (!a.ok) throw new HttpError(401, a.reason);
    if (a.payload.lib !== lib) throw new HttpError(403, 'the token is for another library');
    if (a.payload.role !== 'owner') throw new HttpError(403, 'only an owner may do this');
    return a;
  }

  const routes = [
    ['POST', /^\/api\/libraries$/, async (req) => {
      if (!open) {
        const t = bearer(req);
        if (!t || !safeEqual(t, adminSecret(secret))) {
          throw new HttpError(401, 'creating a library needs the admin secret (or a server started with --open)');
        }
      }
      const body = await readJson(req);
      const name = cleanName(body.name, null, 'name');
      if (!name) throw new HttpError(400, 'name is required');
      const ownerName = cleanName(body.member, 'Owner', 'member');
      const lib = await store.createLibrary(name, ownerName);
      log(`[api] library ${lib.library} created`);
      return [201, { library: lib.library, member: lib.owner.member, token: mintToken(secret, lib.library, lib.owner) }];
    }],
    ['POST', /^\/api\/libraries\/([^/]+)\/invites$/, async (req, [lib]) => {
      await ownerOf(req, lib);
      const body = await readJson(req);
      if (!ROLES.includes(body.role)) throw new HttpError(400, `role must be one of ${ROLES.join(', ')}`);
      const name = cleanName(body.name, body.role, 'name');
      let exp;
      if (body.expires !== undefined) {
        if (!Number.isInteger(body.expires) || body.expires <= 0) throw new HttpError(400, 'expires is a number of seconds');
        exp = now() + body.expires;
      }
      const m = await store.addMember(lib, { role: body.role, name });
      log(`[api] library ${lib}: member ${m.member} invited as ${m.role}`);
      return [201, { member: m.member, token: mintToken(secret, lib, m, { exp }) }];
    }],
    ['GET', /^\/api\/libraries\/([^/]+)\/members$/, async (req, [lib]) => {
      await ownerOf(req, lib);
      const members = await store.listMembers(lib);
      return [200, members.map(({ member, role, name, created, revoked }) => ({ member, role, name, created, revoked }))];
    }],
    ['POST', /^\/api\/libraries\/([^/]+)\/members\/([^/]+)\/revoke$/, async (req, [lib, mem]) => {
      await ownerOf(req, lib);
      if (!ID_RE.test(mem) || !(await store.revokeMember(lib, mem))) throw new HttpError(404, 'unknown member');
      log(`[api] library ${lib}: member ${mem} revoked`);
      return [200, { ok: true }];
    }],
    ['GET', /^\/api\/whoami$/, async (req) => {
      const t = bearer(req);
      if (!t) throw new HttpError(401, 'no token (Authorization: Bearer …)');
      const a = await authorize(secret, store, t);
      if (!a.ok) throw new HttpError(401, a.reason);
      return [200, a.payload];
    }],
    ['GET', /^\/api\/health$/, async () => [200, { ok: true }]],
  ];

  return async function handle(req, res) {
    let pathname;
    try { pathname = new URL(req.url, 'http://x').pathname; } catch { pathname = '/'; }
    if (req.method === 'OPTIONS') { res.writeHead(204, CORS); res.end(); return; }
    try {
      for (const [method, re, fn] of routes) {
        const m = re.exec(pathname);
        if (!m) continue;
        if (req.method !== method) throw new HttpError(405, `use ${method}`);
        const [status, body] = await fn(req, m.slice(1).map(safeDecode));
        send(res, status, body);
        return;
      }
      if (pathname === '/' && req.method === 'GET') { send(res, 200, { server: 'annota-sync' }); return; }
      throw new HttpError(404, 'not found');
    } catch (e) {
      if (e instanceof HttpError) {
        send(res, e.status, { error: e.message });
      } else {
        log(`[api] ${req.method} ${pathname} failed: ${e.message}`);
        send(res, 500, { error: 'internal error' });
      }
    }
  };
}
