// Offline support. postbuild.mjs fills in the version, this build's files to precache, and the
// pages kept per language for each folder depth.
// Pages: network first, so a new version is picked up on the next load; offline, the cached
// copy, else a cached page of the same language and depth (its relative asset URLs resolve the
// same way), where the app then renders the address asked for. Hashed assets: cache first.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const SHELLS = __SHELLS__;
const CACHE = `expat-navigator-${VERSION}`;
const ROOT = new URL("./", self.location).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("expat-navigator-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The precached page that can stand in for `url` offline: same language, same depth. */
function standIn(url) {
  const path = url.pathname.startsWith(ROOT) ? url.pathname.slice(ROOT.length) : "";
  if (path.startsWith("share/")) return `${ROOT}share/`;
  const [lang, ...rest] = path.split("/");
  const depth = rest.filter(Boolean).length;
  const shell = SHELLS.find((s) => s.split("/").filter(Boolean).length === depth);
  return /^[a-z]{2}$/.test(lang) && shell !== undefined ? `${ROOT}${lang}/${shell}` : ROOT;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(request, { ignoreSearch: true, cacheName: CACHE })) ?? caches.match(standIn(url), { cacheName: CACHE })),
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
