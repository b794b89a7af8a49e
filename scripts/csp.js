// Trunk post-build hook: adds a Content-Security-Policy to the built index.html that allows
// exactly the one inline loader script Trunk writes (by its SHA-256), and nothing else inline.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length !== 1) throw new Error(`expected one inline loader script, found ${scripts.length}`);
const hash = crypto.createHash('sha256').update(scripts[0], 'utf8').digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  "style-src 'self' 'unsafe-inline'", // highlight colours are style attributes
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
fs.writeFileSync(file, html);
