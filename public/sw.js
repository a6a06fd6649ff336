/*
 * Podlab's service worker: the app keeps working offline after a first visit (a classroom
 * projector without network). Hand-written, no build step: on install it caches the page, every
 * asset the page and its scripts name (so the lazily loaded YAML editor too), and the scenario
 * library. Then:
 *   - the page itself: network first, the cache when offline, so a new build is picked up online;
 *   - hashed build assets (assets/*): cache first, they never change under the same name;
 *   - scenarios (scenarios/*): cache first, refreshed in the background.
 * Each page fetched online re-caches what it names, so a new build becomes available offline too.
 */
const CACHE = 'podlab-v1';
const SCOPE = new URL(self.registration.scope);
const PAGE = SCOPE.href;
const SCENARIOS = new URL('scenarios/', SCOPE).href;
const ASSETS = new URL('assets/', SCOPE).href;
// Asset references inside HTML (src/href) and inside built scripts (import(`./x.js`), "assets/x.js").
const HTML_REF = /\b(?:src|href)="([^"]+)"/g;
const SCRIPT_REF = /[`'"]((?:\.\.?\/|assets\/)[\w./-]+?\.(?:js|css|woff2?|svg|png))[`'"]/g;
// Servers answer with `Vary: Origin`, and a module script is requested with an Origin header that
// the precache's fetch did not send: ignoring Vary is right for files that never change by origin.
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(request, event));
  else if (url.href.startsWith(ASSETS)) event.respondWith(cacheFirst(request));
  else if (url.href.startsWith(SCENARIOS)) event.respondWith(cacheFirstThenRefresh(request, event));
});

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(PAGE, { cache: 'no-cache' });
  if (!page.ok) throw new Error(`Podlab page: ${page.status}`);
  await cache.put(PAGE, page.clone());
  await Promise.all([cacheAssetsOf(cache, await page.text(), PAGE, HTML_REF), cacheLibrary(cache)]);
}

/** Caches what a text names, and, for scripts, what they name in turn (each file once). */
async function cacheAssetsOf(cache, text, base, pattern, seen = new Set()) {
  const urls = [...text.matchAll(pattern)]
    .map(([, ref]) => new URL(ref, ref.startsWith('assets/') ? PAGE : base).href)
    .filter((url) => url.startsWith(ASSETS) && !seen.has(url));
  await Promise.all(
    urls.map(async (url) => {
      seen.add(url);
      let response = await cache.match(url, MATCH);
      if (!response) {
        response = await fetch(url);
        if (!isAsset(response)) return;
        await cache.put(url, response.clone());
      }
      if (/javascript/.test(response.headers.get('content-type') ?? '')) {
        await cacheAssetsOf(cache, await response.text(), url, SCRIPT_REF, seen);
      }
    }),
  );
}

async function cacheLibrary(cache) {
  const index = await fetch(SCENARIOS + 'index.json', { cache: 'no-cache' });
  if (!index.ok) return;
  await cache.put(SCENARIOS + 'index.json', index.clone());
  const entries = await index.json();
  await Promise.all(
    entries
      .filter((entry) => typeof entry.file === 'string' && /^[\w.-]+\.ya?ml$/.test(entry.file))
      .map((entry) => cache.add(SCENARIOS + entry.file)),
  );
}

async function networkFirstPage(request, event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(PAGE, response.clone());
      event.waitUntil(response.clone().text().then((text) => cacheAssetsOf(cache, text, PAGE, HTML_REF)).catch(() => {}));
    }
    return response;
  } catch (error) {
    const cached = await cache.match(PAGE, MATCH);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, MATCH);
  if (cached) return cached;
  const response = await fetch(request);
  if (isAsset(response)) await cache.put(request, response.clone());
  return response;
}

/**
 * A real file: a server that answers unknown paths with the page (an SPA fallback) must not have
 * that page cached as an asset, nor crawled for more names (that would never end).
 */
function isAsset(response) {
  return response.ok && !/text\/html/.test(response.headers.get('content-type') ?? '');
}

async function cacheFirstThenRefresh(request, event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, MATCH);
  const refresh = fetch(request, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (!cached) return refresh;
  event.waitUntil(refresh.catch(() => {}));
  return cached;
}
