// Trunk post-build hook (after csp.js, which edits index.html): writes into the staged sw.js the list
// of files to keep for offline use and a version that hashes them. Trunk gives the wasm, JS and CSS
// new hashed names on every build, so the list can only be made here.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const WORKER = 'sw.js';

/** Every file of the build, relative to its root with `/`, except the worker itself and dotfiles. */
function files(root, sub = '') {
  return fs.readdirSync(path.join(root, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || rel === WORKER) return [];
    return entry.isDirectory() ? files(root, rel) : [rel];
  }).sort();
}

const list = files(dir);
if (!list.includes('index.html')) throw new Error(`no index.html in ${dir}`);
const hash = crypto.createHash('sha256');
for (const file of list) hash.update(file).update('\0').update(fs.readFileSync(path.join(dir, file))).update('\0');
const version = hash.digest('hex').slice(0, 16);

const workerPath = path.join(dir, WORKER);
let worker = fs.readFileSync(workerPath, 'utf8');
const urls = list.map((f) => `./${f}`);
const replace = (pattern, line) => {
  if (!pattern.test(worker)) throw new Error(`${WORKER}: no line matching ${pattern}`);
  worker = worker.replace(pattern, line);
};
replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`);
replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(urls)};`);
fs.writeFileSync(workerPath, worker);
console.log(`offline: ${urls.length} files, version ${version}`);
