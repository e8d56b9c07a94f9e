/* závazek's service worker (made by the build: zavazek.site.offline). It keeps the pages a reader
 * opened, and the home page, so that they open again without a connection, with a line saying when
 * they were saved; and, when the reader asks on a list of services, that list with its services' pages.
 * What it keeps is bounded in bytes (SETTINGS.budget). Each build has its own caches: a new build's
 * worker asks the server again for every page the old one kept (an unchanged page costs a "not
 * modified"), keeps the new versions and drops the old caches.
 * Pages come from the network whenever there is one; nothing is asked of another site. */
"use strict";
const SETTINGS = /*SETTINGS*/null; // {"version", "budget": {"pages", "files", "lists"}, "lists", "default", "notes", "missing"}
const PREFIX = "zavazek-";
const PAGES = PREFIX + "pages-" + SETTINGS.version;
const FILES = PREFIX + "files-" + SETTINGS.version;
const LIST = PREFIX + "list-" + SETTINGS.version + "-"; // one cache per kept list, named by its address
const HOME = new URL("./", self.location).href;
const SAVED = "X-Zavazek-Saved";
const SIZE = "X-Zavazek-Size";

function key(url) {
  const u = new URL(url);
  return u.origin + u.pathname; // a page once, whatever its query (a filter, a search) or anchor
}

/* A copy of the response that remembers when it was saved and how many bytes it holds. */
async function stamped(response, saved) {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(SAVED, saved || new Date().toISOString());
  headers.set(SIZE, String(body.size));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/* What says that a server's file is the one kept: its validators as the server sent them ("": none
 * that tells a changed file apart, as a length alone does not). */
function tag(response) {
  const etag = response.headers.get("ETag") || "";
  const modified = response.headers.get("Last-Modified") || "";
  return etag || modified ? [etag, modified, response.headers.get("Content-Length") || ""].join("|") : "";
}

/* An address as a cache names its entry: without an anchor. */
function address(url) {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

/* [url, bytes, tag] of each entry of a cache, the oldest saved first. */
async function entries(cache) {
  const requests = await cache.keys();
  const sized = [];
  for (const request of requests) {
    const response = await cache.match(request);
    sized.push([request.url, Number((response && response.headers.get(SIZE)) || 0), response ? tag(response) : ""]);
  }
  return sized;
}

/* Per cache: its entries' url → [bytes, tag], the oldest saved first. Read from the cache once while
 * the worker runs, then kept up to date here: keeping a page does not read every entry kept before it.
 * Whatever else writes to a cache (renewing an older build's pages) drops its index. */
const indexes = new Map();

function indexOf(name, cache) {
  if (!indexes.has(name)) {
    const made = entries(cache).then((sized) => new Map(sized.map(([url, bytes, t]) => [url, [bytes, t]])));
    made.catch(() => indexes.delete(name)); // read again next time
    indexes.set(name, made);
  }
  return indexes.get(name);
}

/* Put ``response`` in the cache ``name`` as its newest entry, then drop the oldest entries (never the
 * home page) until the cache holds at most ``budget`` bytes. A file (``again`` false) that the server
 * sent as it sent the one kept (the same validators) is not written again; while the worker runs it
 * counts as the newest. */
async function keep(name, url, response, budget, again = true) {
  const cache = await caches.open(name);
  const index = await indexOf(name, cache);
  url = address(url);
  const known = index.get(url);
  if (!again && known && known[1] && known[1] === tag(response)) {
    index.delete(url);
    index.set(url, known);
    return;
  }
  const copy = await stamped(response);
  try {
    await cache.delete(url); // the last one opened goes to the end of the cache too: the oldest go first
    await cache.put(url, copy);
  } finally {
    index.delete(url);
  }
  index.set(url, [Number(copy.headers.get(SIZE)), tag(copy)]);
  // What goes is chosen and taken out of the index at once: keeps running side by side (a page's files)
  // each see the others' choices.
  let total = 0;
  for (const [bytes] of index.values()) total += bytes;
  const dropped = [];
  for (const [old, [bytes]] of index) {
    if (total <= budget) break;
    if (old === HOME || old === url) continue;
    dropped.push(old);
    total -= bytes;
  }
  for (const old of dropped) index.delete(old);
  await Promise.all(dropped.map((old) => cache.delete(old)));
}

/* Keep, but a page or file the reader is given does not fail because it could not be kept (a full disk). */
function keepIfRoom(...args) {
  return keep(...args).catch(() => null);
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
  } catch (e) {
    // the ISO date as it is
  }
  const note = '<p class="zv-offline-note" role="status" lang="' + noteLang + '" style="margin:0;padding:.6rem 1rem;' +
    'background:#fff3cd;color:#000;border-bottom:2px solid #8c5a00;font-size:.9rem">' +
    escapeHtml(words.replace("{date}", date)) + "</p>";
  const body = html.replace(/<body[^>]*>/, (tag) => tag + note);
  const headers = new Headers(saved.headers);
  headers.delete(SAVED);
  headers.delete(SIZE);
  headers.delete("Content-Length"); // the page is longer by the note
  return new Response(body, { status: 200, headers });
}

async function listCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(LIST));
}

/* The page as this build's worker saved it: opened by the reader, or in a list they kept. */
async function savedPage(url) {
  for (const name of [PAGES, ...(await listCaches()), ...(await olderCaches())]) {
    const saved = await caches.match(url, { cacheName: name });
    if (saved) return saved;
  }
  return null;
}

function isPage(response) {
  return response.ok && (response.headers.get("Content-Type") || "").includes("text/html");
}

/* Asked of the server each time (a 304 when unchanged): the browser's own cache must not pass off
 * a page as fetched when there is no connection, nor keep a page older than the latest build. */
function fetchPage(url) {
  return fetch(new Request(url, { cache: "no-cache", redirect: "manual", credentials: "same-origin" }));
}

async function page(request) {
  const url = key(request.url);
  try {
    const response = await fetchPage(request.url);
    if (isPage(response)) await keepIfRoom(PAGES, url, response.clone(), SETTINGS.budget.pages);
    return response;
  } catch (offline) {
    const saved = await savedPage(url);
    if (saved) return withNote(saved);
    return notSaved(url);
  }
}

/* The language of a page of the site, from its address (``/ru/…``; the default language has none). */
function languageOf(url) {
  const first = url.slice(HOME.length).split("/")[0];
  return SETTINGS.notes[first] ? first : SETTINGS.default;
}

/* Offline, a page this phone has not kept: a page saying so in the reader's language, with links to
 * the pages it has kept (those in the same language first). */
async function notSaved(url) {
  const lang = languageOf(url);
  const words = SETTINGS.missing[lang];
  const seen = new Set();
  const items = [];
  for (const name of [PAGES, ...(await listCaches())]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (seen.has(request.url)) continue;
      seen.add(request.url);
      const html = await (await cache.match(request)).text();
      const heading = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1];
      const title = (heading && heading.replace(/<[^>]*>/g, "").trim()) ||
        (html.match(/<title>([^<]*)<\/title>/) || [])[1] || escapeHtml(request.url); // text as the page wrote it
      const pageLang = (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1] || languageOf(request.url);
      items.push([pageLang === lang ? 0 : 1, title, request.url, pageLang]);
    }
  }
  items.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const list = items.map(([, title, href, pageLang]) =>
    '<li><a href="' + escapeHtml(href) + '" lang="' + escapeHtml(pageLang) + '">' + title + "</a></li>").join("");
  const body = '<!doctype html><html lang="' + lang + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>' + escapeHtml(words.title) + "</title>" +
    "<style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;color:#000;background:#fff}a{color:#0b3d91}" +
    "ul{padding-left:1.2rem}li a{display:block;padding:.7rem 0}</style></head><body><main>" +
    "<h1>" + escapeHtml(words.title) + "</h1><p>" + escapeHtml(words.text) + "</p>" +
    (items.length ? "<h2>" + escapeHtml(words.kept) + "</h2><ul>" + list + "</ul>" : "") + "</main></body></html>";
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function file(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await keepIfRoom(FILES, request.url, response.clone(), SETTINGS.budget.files, false);
    return response;
  } catch (offline) {
    const saved = await caches.match(request.url, { cacheName: FILES });
    if (saved) return saved;
    throw offline;
  }
}

/* --- lists kept on the phone ("keep this list": zavazek-offline.js asks for them) ----------------- */

async function listBytes(name) {
  return (await entries(await caches.open(name))).reduce((sum, [, bytes]) => sum + bytes, 0);
}

async function savedOn(name, url) {
  const saved = await caches.match(url, { cacheName: name });
  return saved ? saved.headers.get(SAVED) : null;
}

/* The other kept lists, the one kept longest ago first. */
async function otherLists(name) {
  const names = (await listCaches()).filter((n) => n !== name);
  const dated = [];
  for (const n of names) dated.push([(await savedOn(n, decodeURIComponent(n.slice(LIST.length)))) || "", n]);
  return dated.sort().map(([, n]) => n);
}

/* Keep the list at ``list`` and the pages ``urls`` (its services), within the lists' budget: older
 * kept lists make room first; what does not fit is left out and said. Reports progress on ``port``. */
async function keepList(list, urls, port) {
  list = key(list);
  const name = LIST + encodeURIComponent(list);
  await caches.delete(name); // kept again from the start: the reader asked for the list as it is now
  const older = await otherLists(name);
  while (older.length >= SETTINGS.lists) await caches.delete(older.shift());
  let used = 0;
  for (const n of older) used += await listBytes(n);
  const cache = await caches.open(name);
  const pages = [list, ...urls.map(key).filter((u) => u.startsWith(HOME) && u !== list)];
  const unique = pages.filter((u, i) => pages.indexOf(u) === i);
  let kept = 0;
  let bytes = 0;
  try {
    for (const url of unique) {
      const response = await fetchPage(url);
      if (!isPage(response)) continue;
      const copy = await stamped(response);
      const size = Number(copy.headers.get(SIZE));
      while (used + bytes + size > SETTINGS.budget.lists && older.length) {
        const oldest = older.shift();
        used -= await listBytes(oldest);
        await caches.delete(oldest);
      }
      if (used + bytes + size > SETTINGS.budget.lists) break; // the space for kept lists is full
      await cache.put(url, copy);
      bytes += size;
      kept += 1;
      port.postMessage({ progress: kept, of: unique.length });
    }
  } catch (offline) {
    await caches.delete(name); // all of it or nothing: a list half kept would say it is whole
    throw offline;
  }
  if (kept === 0) {
    await caches.delete(name);
    return { kept: 0, of: unique.length - 1, bytes: 0, saved: null };
  }
  return { kept: kept - 1, of: unique.length - 1, bytes, saved: await savedOn(name, list) };
}

async function listState(list) {
  const name = LIST + encodeURIComponent(key(list));
  if (!(await caches.has(name))) return { saved: null };
  const cache = await caches.open(name);
  return { saved: await savedOn(name, key(list)), kept: (await cache.keys()).length - 1, bytes: await listBytes(name) };
}

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  const ask = event.data || {};
  if (!port || typeof ask.list !== "string") return;
  let answer;
  if (ask.action === "keep") answer = keepList(ask.list, Array.isArray(ask.pages) ? ask.pages : [], port);
  else if (ask.action === "forget") answer = caches.delete(LIST + encodeURIComponent(key(ask.list))).then(() => ({ saved: null }));
  else answer = listState(ask.list);
  event.waitUntil(answer.then((result) => port.postMessage({ done: result }),
    () => port.postMessage({ failed: true })));
});

/* --- a new build --------------------------------------------------------------------------------- */

/* The pages an older build's worker kept, asked for again and kept in this build's caches. */
async function renew(oldName, newName) {
  const old = await caches.open(oldName);
  const cache = await caches.open(newName);
  for (const request of await old.keys()) {
    if (await cache.match(request.url)) continue;
    try {
      const response = await fetchPage(request.url);
      if (isPage(response)) await cache.put(request.url, await stamped(response));
      indexes.delete(newName); // read again from the cache, with the pages renewed here
    } catch (offline) {
      return false; // no connection: the rest is renewed next time
    }
  }
  await caches.delete(oldName);
  return true;
}

/* Every older build's cache renewed (pages) or dropped (other files). Run after the worker took over,
 * not while it does: pages are not kept waiting for it. Until a page is renewed, the older copy is what
 * the reader has offline, with the day it was saved. */
let renewing = null;
function renewAll() {
  renewing = renewing || (async () => {
    for (const name of await olderCaches()) {
      if (name.startsWith(PREFIX + "list-")) await renew(name, name.replace(/^zavazek-list-[^-]+-/, LIST));
      else if (name.startsWith(PREFIX + "pages-")) await renew(name, PAGES);
      else await caches.delete(name);
    }
  })().finally(() => { renewing = null; });
  return renewing;
}

async function olderCaches() {
  return (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== PAGES && n !== FILES && !n.startsWith(LIST));
}

self.addEventListener("install", (event) => {
  event.waitUntil(fetchPage(HOME).then((r) => (isPage(r) ? keep(PAGES, HOME, r, SETTINGS.budget.pages) : null))
    .catch(() => null).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
  renewAll();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(HOME)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    event.waitUntil(renewAll()); // what an older build kept, if anything is left of it
  } else if (!new URL(request.url).pathname.includes("/pagefind/") && !request.headers.has("range")) {
    event.respondWith(file(request)); // styles, scripts, pictures; not the search index: search says it is offline
  }
});
