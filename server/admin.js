#!/usr/bin/env node
// Administers a team library on the store directly (no HTTP, no running server needed):
//   node server/admin.js create --name N [--member NAME]
//   node server/admin.js invite --library L --role owner|editor|annotator|viewer [--name N] [--app URL] [--server URL] [--expires SECONDS]
//   node server/admin.js members --library L
//   node server/admin.js revoke --library L --member M
//   node server/admin.js admin-secret          (the bearer for POST /api/libraries)
// Every command takes --data DIR (the server's) or --postgres URL, and --json for machine-readable output.
// A running server notices a revocation within its poll interval (a second by default).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSecret } from './lib/secret.js';
import { openStore } from './lib/store.js';
import { ROLES, ID_RE, mintToken, adminSecret, b64url, now } from './lib/token.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node server/admin.js COMMAND [--data DIR | --postgres URL] [--json]
  create  --name N [--member OWNER_NAME]      make a library; prints its id and the owner's invite link
  invite  --library L --role R [--name N]     mint a member; prints the invite link
          [--app URL] [--server URL] [--expires SECONDS]
  members --library L                         list members
  revoke  --library L --member M              revoke a member (live connections close within seconds)
  admin-secret                                print the bearer for POST /api/libraries
  defaults: --data server/data, --app http://127.0.0.1:8080/, --server ws://127.0.0.1:1234`;

function die(msg, code = 2) { console.error(`admin: ${msg}`); process.exit(code); }

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      postgres: { type: 'string' },
      name: { type: 'string' },
      member: { type: 'string' },
      library: { type: 'string' },
      role: { type: 'string' },
      app: { type: 'string', default: process.env.ANNOTA_APP_URL ?? 'http://127.0.0.1:8080/' },
      server: { type: 'string', default: process.env.ANNOTA_SERVER_URL ?? 'ws://127.0.0.1:1234' },
      expires: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (e) { die(`${e.message}\n${USAGE}`); }
const { values: o, positionals } = parsed;
const command = positionals[0];
if (o.help || !command) { console.log(USAGE); process.exit(o.help ? 0 : 2); }

function inviteLink(app, server, token) {
  const base = app.split('#')[0];
  return `${base}#team=${b64url(JSON.stringify({ server, token }))}`;
}

const dataDir = o.data ?? (o.postgres && process.env.ANNOTA_SECRET ? null : path.join(HERE, 'data'));
const need = (k) => { if (!o[k]) die(`${command} needs --${k}`); return o[k]; };
const out = (obj, text) => console.log(o.json ? JSON.stringify(obj) : text);

let store;
try {
  const { secret } = loadSecret(dataDir);
  store = await openStore({ data: dataDir, postgres: o.postgres });
  switch (command) {
    case 'create': {
      const lib = await store.createLibrary(need('name'), o.member ?? 'Owner');
      const token = mintToken(secret, lib.library, lib.owner);
      const link = inviteLink(o.app, o.server, token);
      out({ library: lib.library, member: lib.owner.member, token, link },
        `library ${lib.library} (${lib.name})\nowner   ${lib.owner.member}\nlink    ${link}`);
      break;
    }
    case 'invite': {
      const lib = need('library');
      const role = need('role');
      if (!ROLES.includes(role)) die(`--role must be one of ${ROLES.join(', ')}`);
      if (!(await store.getLibrary(lib))) die(`unknown library ${lib}`, 1);
      let exp;
      if (o.expires !== undefined) {
        const s = Number(o.expires);
        if (!Number.isInteger(s) || s <= 0) die('--expires is a number of seconds');
        exp = now() + s;
      }
      const m = await store.addMember(lib, { role, name: o.name ?? role });
      const token = mintToken(secret, lib, m, { exp });
      const link = inviteLink(o.app, o.server, token);
      out({ member: m.member, role, token, link }, link);
      break;
    }
    case 'members': {
      const lib = need('library');
      const members = await store.listMembers(lib);
      if (!members) die(`unknown library ${lib}`, 1);
      out(members, members.map((m) => [m.member, m.role.padEnd(9), m.revoked ? `revoked ${new Date(m.revoked * 1000).toISOString()}` : 'active ',
        JSON.stringify(m.name)].join('  ')).join('\n'));
      break;
    }
    case 'revoke': {
      const lib = need('library');
      const mem = need('member');
      if (!ID_RE.test(mem) || !(await store.revokeMember(lib, mem))) die(`unknown member ${mem} in library ${lib}`, 1);
      out({ ok: true }, `revoked ${mem}`);
      break;
    }
    case 'admin-secret':
      out({ adminSecret: adminSecret(secret) }, adminSecret(secret));
      break;
    default:
      die(`unknown command ${command}\n${USAGE}`);
  }
} catch (e) {
  die(e.message, 1);
} finally {
  await store?.close();
}
