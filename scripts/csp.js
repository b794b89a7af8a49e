// Trunk post-build hook: adds a Content-Security-Policy to the built index.html that allows
// exactly the one inline loader script Trunk writes (by its SHA-256), and nothing else inline.
//
// `trunk serve` (not `trunk build`) also appends its live-reload script to <body>, and its server
// would write its address into that script on every response, after the hash is taken. So when
// that script is there, its address is filled in here instead (the page's own host, as the server
// does when a request has no Host header), and it is allowed by its hash too. A release build has
// no such script, so its policy stays exactly as strict.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Where Trunk's server answers the reload WebSocket: the path of the public URL ("./" is "/"). */
function wsBase() {
  const url = process.env.TRUNK_PUBLIC_URL || './';
  const p = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : url.startsWith('/') ? url : '/';
  return p.endsWith('/') ? p : `${p}/`;
}

const RELOAD_MARK = '.well-known/trunk/ws';
const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1] || ''));
const loaders = inline.filter((m) => /\stype="module"/.test(m[1] || ''));
const reloads = inline.filter((m) => !loaders.includes(m) && m[2].includes(RELOAD_MARK));
if (loaders.length !== 1) throw new Error(`expected one inline loader script, found ${loaders.length}`);
if (inline.length !== loaders.length + reloads.length || reloads.length > 1) {
  throw new Error(`unexpected inline scripts: ${inline.length - loaders.length - reloads.length} besides the loader and ${reloads.length} reload scripts`);
}
const hashes = [sha256(loaders[0][2])];
if (reloads.length === 1) {
  const [whole, attrs = '', body] = reloads[0];
  const filled = body
    // the server's two spellings of the placeholder (minified or not); a string literal inside
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace(/\{\{__TRUNK_WS_BASE__\}\}/g, wsBase());
  if (filled.includes('{{__TRUNK')) throw new Error('Trunk\'s reload script has a placeholder csp.js does not know; its hash would not match');
  html = html.replace(whole, () => `<script${attrs}>${filled}</script>`);
  hashes.push(sha256(filled));
  console.log('csp.js: trunk serve\'s reload script allowed by its hash');
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self' 'unsafe-inline'", // highlight colours are style attributes
  "img-src 'self' data:",
  // The team library's sync server is wherever its invite link says (src/bridge/team.rs).
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:* https:", // a sync server: its socket and its API
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
fs.writeFileSync(file, html);
