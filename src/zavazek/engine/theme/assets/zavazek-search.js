// Search on the search page with Pagefind, in the page's own language.
// The index is fetched in small pieces only when someone types.
const box = document.querySelector(".zv-search");
if (box) {
  const form = box.querySelector(".zv-search__form");
  const input = box.querySelector("#zv-q");
  const status = box.querySelector(".zv-search__status");
  const list = box.querySelector(".zv-search__results");
  const more = box.querySelector(".zv-search__more");
  const PAGE = 20;
  box.querySelector(".zv-search__nojs").hidden = true;
  form.hidden = false;
  const bundle = new URL(box.dataset.bundle, location.href);
  let pagefind = null;
  let latest = 0;
  let current = null; // the latest search's results, fetched PAGE at a time

  async function engine() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      await pagefind.options({ baseUrl: new URL("../..", bundle).pathname });
      pagefind.init();
    }
    return pagefind;
  }

  function render(results, append) {
    if (!append) list.replaceChildren();
    for (const r of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = r.url;
      link.textContent = r.meta.title || r.url;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt is page text it escaped itself, with <mark> around matches.
      excerpt.innerHTML = r.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
  }

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    const url = new URL(location.href);
    url.searchParams.set("q", query);
    history.replaceState(null, "", url);
    if (!query) { list.replaceChildren(); status.textContent = ""; more.hidden = true; return; }
    let search;
    try {
      search = await (await engine()).debouncedSearch(query, {}, 200);
    } catch (offline) {  // the index cannot be fetched: no connection (a page kept by zavazek-sw.js)
      pagefind = null;
      if (ticket === latest) { list.replaceChildren(); more.hidden = true; status.textContent = box.dataset.offline; }
      return;
    }
    if (search === null || ticket !== latest) return;
    current = { results: search.results, shown: 0, ticket };
    await showMore(false);
    status.textContent = search.results.length
      ? box.dataset.found.replace("{count}", String(search.results.length))
      : box.dataset.none;
  }

  async function showMore(append) {
    const batch = current.results.slice(current.shown, current.shown + PAGE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (current.ticket !== latest) return;
    const firstNew = list.children.length;
    render(data, append);
    current.shown += batch.length;
    more.hidden = current.shown >= current.results.length;
    if (append && list.children[firstNew]) list.children[firstNew].querySelector("a").focus();
  }

  more.addEventListener("click", () => showMore(true));

  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  if (navigator.onLine === false) status.textContent = box.dataset.offline;
  window.addEventListener("offline", () => { status.textContent = box.dataset.offline; });
  window.addEventListener("online", () => { if (status.textContent === box.dataset.offline) status.textContent = ""; });
  const initial = new URL(location.href).searchParams.get("q");
  if (initial) { input.value = initial; run(); }
  // Whoever opens the search page came to type: the cursor is in the box (the header's magnifier leads here).
  input.focus();
}
