"""Search in a real browser: each language's own index, typed without diacritics, loaded in small pieces."""

from __future__ import annotations

import re
import unicodedata

from urllib.parse import urlparse

import pytest

from browser import accessibility_violations, chromium_path, launch_chromium, serve_directory
from test_browser import OWN_HOSTS
from site_fixtures import page_url

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")

#: A one-word search must download less than this (index chunks, WebAssembly, scripts).
SEARCH_BUDGET_BYTES = 300_000


@pytest.fixture(scope="module")
def search(example_site):
    with serve_directory(example_site) as base, launch_chromium() as browser:

        def run(lang: str, query: str, javascript: bool = True, every_result: bool = False,
                accessibility: bool = False) -> dict:
            """What searching for ``query`` on ``lang``'s search page shows; with ``accessibility``, axe's findings too."""
            context = browser.new_context(java_script_enabled=javascript)
            page = context.new_page()
            downloaded, foreign = [], []
            page.on("response", lambda r: downloaded.append(len(r.body())) if "/pagefind/" in r.url else None)
            page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname not in OWN_HOSTS else None)
            page.goto(f"{base}{page_url('hledat', lang, 'cs')}?q={query}")
            if javascript:
                page.wait_for_function("document.querySelector('.zv-search__status').textContent !== ''")
                while every_result and page.is_visible(".zv-search__more"):
                    shown = page.locator(".zv-search__results li").count()
                    page.click(".zv-search__more")
                    page.wait_for_function(f"document.querySelectorAll('.zv-search__results li').length > {shown}")
            results = page.eval_on_selector_all(
                ".zv-search__results li",
                "items => items.map(li => ({url: li.querySelector('a').getAttribute('href'),"
                " title: li.querySelector('a').textContent, excerpt: li.querySelector('p').innerHTML}))",
            )
            report = {
                "results": results,
                "bytes": sum(downloaded),
                "foreign": foreign,
                "form_visible": page.is_visible(".zv-search__form"),
                "browse_links": page.eval_on_selector_all(".zv-search__browse a", "a => a.length"),
                "page": page,
            }
            yield_page = report.pop("page")
            if accessibility:
                report["violations"] = [v["id"] for v in accessibility_violations(yield_page)]
            context.close()
            return report

        run.browser, run.base = browser, base  # for tests that drive a page themselves
        yield run


def _plain(text: str) -> str:
    """Lower case without diacritics or tone marks: what Pagefind compares."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".,;:")


@pytest.fixture(scope="module")
def _page_text(example_site):
    return lambda url: (example_site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lang, typed, found_on, marked",
    [
        ("cs", "poradenstvi", "zavazek/", "poradenství"),
        ("cs", "stiznost", "zavazek/", "Stížnost"),
        ("cs", "zadate", "zavazek/", "žádáte,"),  # only ever followed by a comma there
        ("vi", "tu van", "vi/zavazek/", "tư vấn"),
        ("vi", "tư vấn", "vi/zavazek/", "tư vấn"),  # typed with tone marks too
        ("cs", "stížnost", "zavazek/", "Stížnost"),
        ("vi", "mien phi", "vi/", "Miễn phí"),
        ("ru", "осведомленность", "ru/cile/", "осведомлённость"),
        ("uk", "обізнаність", "uk/cile/", "обізнаність"),
        ("en", "complain", "en/zavazek/", "complain"),
    ],
)
def test_words_typed_with_or_without_diacritics_find_the_page_with_a_marked_snippet(
    search, _page_text, lang, typed, found_on, marked
):
    report = search(lang, typed, every_result=True)
    urls = [urlparse(r["url"]).path.lstrip("/") for r in report["results"]]
    assert found_on in urls
    hit = report["results"][urls.index(found_on)]
    assert hit["title"].strip()
    marks = {_plain(m) for m in re.findall(r"<mark>(.*?)</mark>", hit["excerpt"])}
    assert marks & set(_plain(typed).split())  # a word typed without diacritics is marked in the snippet
    assert marked.lower() in _page_text(found_on).lower()


@pytest.mark.parametrize("lang", ["en", "ru", "uk", "vi"])
def test_results_come_only_from_the_pages_language(search, lang):
    report = search(lang, "brno")
    assert report["results"]
    assert all(urlparse(r["url"]).path.startswith(f"/{lang}/") for r in report["results"])


def test_a_one_word_search_downloads_a_bounded_amount_from_this_server_only(search):
    report = search("cs", "cile")
    assert 0 < report["bytes"] < SEARCH_BUDGET_BYTES
    assert report["foreign"] == []


def test_search_page_with_results_has_no_accessibility_violation(search):
    assert search("ru", "центр", accessibility=True)["violations"] == []


def test_without_javascript_the_search_box_gives_way_to_links_to_browse(search):
    report = search("cs", "", javascript=False)
    assert not report["form_visible"]
    assert report["browse_links"] >= 4


def test_the_search_box_in_every_pages_header_searches_in_that_pages_language(search):
    browser, base = search.browser, search.base
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base + "ru/sluzby/")
    page.fill("#zv-header-q", "poradenstvi")
    page.press("#zv-header-q", "Enter")
    page.wait_for_function("document.querySelector('.zv-search__status').textContent !== ''")
    assert urlparse(page.url).path == "/ru/hledat/"
    hrefs = page.eval_on_selector_all(".zv-search__results a", "a => a.map(x => x.getAttribute('href'))")
    assert hrefs and all(h.startswith("/ru/") for h in hrefs)
    page.close()


def _follow(page, link: str) -> None:
    """Click ``link`` and return once the page it opens has loaded (not only been asked for: on a busy
    machine the old page's count of cards was read once)."""
    with page.expect_navigation():
        page.click(link)


@pytest.mark.parametrize("lang", ["cs", "vi"])
def test_without_javascript_the_header_links_to_the_lists_of_regions_and_kinds_of_help(search, lang):
    context = search.browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(search.base + page_url("zavazek", lang, "cs"))
    assert not page.is_visible("#zv-header-q") and not page.is_visible(".zv-header-search__button")
    _follow(page, ".zv-header-browse")
    assert urlparse(page.url).path == "/" + page_url("sluzby", lang, "cs")
    assert page.locator("ul.zv-regions a").count() == 14
    _follow(page, "ul.zv-categories a >> nth=0")  # a kind of help: the regions that have it
    _follow(page, "ul.zv-regions a >> nth=0")  # that kind of help in a region
    assert page.locator(".zv-card").count() >= 1
    context.close()


def test_a_russian_search_for_a_towns_russian_name_finds_every_service_there(search):
    import datetime as dt

    from site_fixtures import ROOT, TODAY
    from zavazek.core.loader import load_data

    day = dt.date.fromisoformat(TODAY)
    directory = load_data(ROOT / "data", ["cs", "en", "ru", "vi"], day).services
    in_brno = {
        s.id for s in directory.current(day)
        if any(p.address and p.address.city == "Brno" for p in s.places) or {"CZ0642", "CZ0643"} & set(s.districts)
    }
    assert len(in_brno) >= 2
    report = search("ru", "Брно", every_result=True)
    found = {urlparse(r["url"]).path for r in report["results"]}
    assert {f"/ru/sluzby/s/{service}/" for service in in_brno} <= found
    assert all(path.startswith("/ru/") for path in found)


def test_a_ukrainian_search_finds_services_in_ukrainian_and_a_service_not_yet_translated_by_its_czech_words(search):
    lawyers = {urlparse(r["url"]).path for r in search("uk", "юрист", every_result=True)["results"]}
    assert len(lawyers) >= 3 and all(path.startswith("/uk/") for path in lawyers)
    # The shelter in Liberec has no Ukrainian text yet: its page shows the Czech, marked, and is found by it.
    shelter = {urlparse(r["url"]).path for r in search("uk", "azylovy", every_result=True)["results"]}
    assert "/uk/sluzby/s/sever-azylovy-dum-liberec/" in shelter


def test_the_headers_magnifier_on_a_phone_opens_search_with_the_cursor_in_the_box(search):
    context = search.browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{search.base}ru/sluzby/praha/")
    assert not page.is_visible("#zv-header-q")  # on a phone the header has only the magnifier
    page.click(".zv-header-search__button")
    page.wait_for_selector("#zv-q", state="visible")
    focused = page.evaluate("document.activeElement.id")
    context.close()
    assert focused == "zv-q"


@pytest.mark.parametrize("lang, run_on", [("cs", "bulharština Cena"), ("ru", "болгарский Стоимость")])
def test_a_service_pages_indexed_text_keeps_words_apart_and_leaves_out_what_is_only_printed(search, lang, run_on):
    """The text snippets are cut from: as Pagefind gives it to the search page."""
    context = search.browser.new_context()
    page = context.new_page()
    page.goto(f"{search.base}{page_url('hledat', lang, 'cs')}")
    text = page.evaluate("""async ([bundle, wanted]) => {
        const pagefind = await import(new URL("pagefind.js", new URL(bundle, location.href)).href);
        const search = await pagefind.search("migrace");
        for (const result of search.results) {
            const data = await result.data();
            if (data.url.endsWith(wanted)) return data.content;
        }
        return null;
    }""", [document_bundle(page), "/sluzby/s/migrace-poradenstvi/"])
    context.close()
    assert text is not None
    assert run_on in text  # the last language spoken, then the next fact's label
    assert "cpic.example.org" not in text and "migrace-poradenstvi" not in text  # the printed address


def document_bundle(page) -> str:
    return page.eval_on_selector(".zv-search", "box => box.dataset.bundle")
