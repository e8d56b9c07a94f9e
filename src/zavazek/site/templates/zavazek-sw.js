/* závazek's service worker (made by the build: zavazek.site.offline). It keeps the pages a reader
 * opened, and the home page, so that they open again without a connection, with a line saying when
 * they were saved. Each build has its own caches: a new build's worker removes the old ones.
 * Pages come from the network whenever there is one; nothing is asked of another site. */
"use strict";
const SETTINGS = /*SETTINGS*/null; // {"version", "pages", "files", "default", "notes": {lang: "… {date} …"}}
const PAGES = "zavazek-pages-" + SETTINGS.version;
const FILES = "zavazek-files-" + SETTINGS.version;
const HOME = new URL("./", self.location).href;
const SAVED = "X-Zavazek-Saved";

function key(url) {
  const u = new URL(url);
  return u.origin + u.pathname; // a page once, whatever its query (a filter, a search) or anchor
}

async function keep(name, url, response, limit) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  const copy = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  const cache = await caches.open(name);
  await cache.delete(url); // the last one opened goes to the end: the oldest go first
  await cache.put(url, copy);
  const urls = (await cache.keys()).map((r) => r.url).filter((u) => u !== HOME);
  for (const old of urls.slice(0, Math.max(0, urls.length - limit))) await cache.delete(old);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/* The saved page, with a line at its top saying when it was saved, in the page's language. */
async function withNote(saved) {
  const html = await saved.text();
  const lang = (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1] || SETTINGS.default;
  const words = SETTINGS.notes[lang] || SETTINGS.notes[SETTINGS.default];
  const noteLang = SETTINGS.notes[lang] ? lang : SETTINGS.default;
  let date = saved.headers.get(SAVED) || "";
  try {
    date = new Date(date).toLocaleString(noteLang, { dateStyle: "long", timeStyle: "short" });
  } catch (e) { /* the ISO date as it is */ }
  const note = '<p class="zv-offline-note" role="status" lang="' + noteLang + '" style="margin:0;padding:.6rem 1rem;' +
    'background:#fff3cd;color:#000;border-bottom:2px solid #8c5a00;font-size:.9rem">' +
    escapeHtml(words.replace("{date}", date)) + "</p>";
  const body = html.replace(/<body[^>]*>/, (tag) => tag + note);
  const headers = new Headers(saved.headers);
  headers.delete(SAVED);
  headers.delete("Content-Length"); // the page is longer by the note
  return new Response(body, { status: 200, headers });
}

async function page(request) {
  const url = key(request.url);
  try {
    // Asked of the server each time (a 304 when unchanged): the browser's own cache must not pass off
    // a page as fetched when there is no connection, nor keep a page older than the latest build.
    const response = await fetch(new Request(request.url, { cache: "no-cache", redirect: "manual", credentials: "same-origin" }));
    if (response.ok && (response.headers.get("Content-Type") || "").includes("text/html")) {
      await keep(PAGES, url, response.clone(), SETTINGS.pages);
    }
    return response;
  } catch (offline) {
    const saved = await caches.match(url, { cacheName: PAGES });
    if (saved) return withNote(saved);
    throw offline;
  }
}

async function file(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await keep(FILES, request.url, response.clone(), SETTINGS.files);
    return response;
  } catch (offline) {
    const saved = await caches.match(request.url, { cacheName: FILES });
    if (saved) return saved;
    throw offline;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(fetch(HOME).then((r) => (r.ok ? keep(PAGES, HOME, r, SETTINGS.pages) : null))
    .catch(() => null).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("zavazek-") && n !== PAGES && n !== FILES)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(HOME)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (!new URL(request.url).pathname.includes("/pagefind/") && !request.headers.has("range")) {
    event.respondWith(file(request)); // styles, scripts, pictures; not the search index: search says it is offline
  }
});
