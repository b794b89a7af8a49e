// Trunk pre-build hook: bundles the team sync client (web/team/team.mjs with yjs, the Hocuspocus
// provider and y-indexeddb) into one ES module, team/team.js in the build, which the app imports
// only when a team library opens (src/bridge/team.rs). Being a file of the build, it is in the
// service worker's offline list (scripts/offline.js) like every other one.
//   node scripts/team.js [OUT_DIR]   (default: Trunk's staging folder, else dist)
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || path.join(root, 'dist');
const outfile = path.join(dir, 'team', 'team.js');
const result = esbuild.buildSync({
  entryPoints: [path.join(root, 'web', 'team', 'team.mjs')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  outfile,
  metafile: true,
  logLevel: 'warning',
});
const bytes = result.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes;
console.log(`team.js: ${bytes ?? '?'} bytes`);
