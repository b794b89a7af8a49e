// Annota's service worker: keeps the app shell (index.html and every file Trunk built) in a cache,
// so Annota opens and works offline. The build (scripts/offline.js) writes the two lines below:
// FILES lists the build's files and VERSION hashes their contents, so each new build changes this
// script, which is how the browser learns there is a new version.
const VERSION = 'development';
const FILES = ['./index.html'];

const PREFIX = 'annota-shell-';
const CACHE = PREFIX + VERSION;
// The app's page: a navigation to the scope's root (with any query) gets the cached index.html.
const SCOPE_PATH = new URL('./', self.location).pathname;
const INDEX = new URL('./index.html', self.location).href;

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache: index.html and the manifest keep their names across builds.
  const requests = FILES.map((file) => new Request(file, { cache: 'reload' }));
  // No skipWaiting here: a new version waits until the user chooses to reload (the app asks).
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const stale = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
    await Promise.all(stale.map((key) => caches.delete(key)));
    // On the first visit, serve the open page too, so it works offline without a reload.
    await self.clients.claim();
  })());
});

// The app's "Reload to update" button sends this to the waiting worker.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && (url.pathname === SCOPE_PATH || url.href.split('?')[0] === INDEX);
  event.respondWith(cacheFirst(page ? INDEX : request));
});

// Cache first, so the files of one build always come together; the network for anything else.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}
