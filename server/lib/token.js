// Tokens: base64url(JSON payload) + "." + base64url(HMAC-SHA256(secret, first part)).
// Payload {"v":1,"lib":L,"mem":M,"role":"owner|editor|annotator|viewer","name":"…","iat":unix,"exp":unix?}.
import crypto from 'node:crypto';

export const ROLES = ['owner', 'editor', 'annotator', 'viewer'];
export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const b64url = (buf) => Buffer.from(buf).toString('base64url');
export const unb64url = (s) => Buffer.from(s, 'base64url');

const mac = (secret, part) => crypto.createHmac('sha256', secret).update(part).digest();

export function signToken(secret, payload) {
  const first = b64url(JSON.stringify(payload));
  return `${first}.${b64url(mac(secret, first))}`;
}

/** A random id; never starting with '-' or '_', so that it reads as a value on a command line. */
export function newId(bytes = 12) {
  const s = crypto.randomBytes(bytes).toString('base64url');
  return /^[A-Za-z0-9]/.test(s) ? s : `${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[crypto.randomInt(52)]}${s.slice(1)}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** Mints a token for a member record of library `lib`. */
export function mintToken(secret, lib, member, { exp } = {}) {
  const payload = { v: 1, lib, mem: member.member, role: member.role, name: member.name, iat: now() };
  if (exp) payload.exp = exp;
  return signToken(secret, payload);
}

/**
 * Checks the signature, the shape and the expiry of a token (not the store).
 * Returns {ok: true, payload} or {ok: false, reason}.
 */
export function verifyToken(secret, token) {
  if (typeof token !== 'string' || token.length === 0) return { ok: false, reason: 'no token' };
  if (token.length > 4096) return { ok: false, reason: 'malformed token' };
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) {
    return { ok: false, reason: 'malformed token' };
  }
  const expected = mac(secret, parts[0]);
  const given = unb64url(parts[1]);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid token signature' };
  }
  let payload;
  try {
    payload = JSON.parse(unb64url(parts[0]).toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token' };
  }
  if (!payload || payload.v !== 1 || !ID_RE.test(payload.lib ?? '') || !ID_RE.test(payload.mem ?? '')
    || !ROLES.includes(payload.role)) {
    return { ok: false, reason: 'malformed token' };
  }
  if (payload.exp !== undefined && payload.exp !== null && !(Number(payload.exp) > now())) {
    return { ok: false, reason: 'token expired' };
  }
  return { ok: true, payload };
}

/** The admin secret (for POST /api/libraries): derived from the signing secret, so it cannot sign tokens. */
export function adminSecret(secret) {
  return b64url(mac(secret, 'annota admin secret v1'));
}

export function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
