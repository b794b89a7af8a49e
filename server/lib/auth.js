// Checks a token against the secret and the store: what onAuthenticate and the HTTP API share.
import { verifyToken } from './token.js';

/** Returns {ok: true, payload, member} or {ok: false, reason}. */
export async function authorize(secret, store, token) {
  const v = verifyToken(secret, token);
  if (!v.ok) return v;
  const { payload } = v;
  const library = await store.getLibrary(payload.lib);
  if (!library) return { ok: false, reason: 'unknown library' };
  const member = await store.getMember(payload.lib, payload.mem);
  if (!member) return { ok: false, reason: 'unknown member' };
  if (member.revoked) return { ok: false, reason: 'member revoked' };
  if (member.role !== payload.role) return { ok: false, reason: 'token does not match the member\'s role' };
  return { ok: true, payload, member, library };
}
