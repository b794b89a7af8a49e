// The signing secret: ANNOTA_SECRET from the environment, else DIR/secret (made on first start, mode 600).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadSecret(dataDir, { create = true } = {}) {
  const env = process.env.ANNOTA_SECRET;
  if (env !== undefined && env !== '') {
    if (env.length < 16) throw new Error('ANNOTA_SECRET is too short (16 characters at least)');
    return { secret: env, source: 'ANNOTA_SECRET' };
  }
  if (!dataDir) throw new Error('no secret: set ANNOTA_SECRET or give --data DIR (the secret is kept in DIR/secret)');
  const file = path.join(path.resolve(dataDir), 'secret');
  try {
    const s = fs.readFileSync(file, 'utf8').trim();
    if (s.length < 16) throw new Error(`${file} holds no usable secret`);
    return { secret: s, source: file };
  } catch (e) {
    if (e.code !== 'ENOENT' || !create) throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const s = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${s}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if (e.code === 'EEXIST') return loadSecret(dataDir, { create: false }); // another process made it first
    throw e;
  }
  return { secret: s, source: file, created: true };
}
