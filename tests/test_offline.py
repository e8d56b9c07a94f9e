"""Reading without a connection: the site's service worker keeps the pages a reader opened and the home
page, shows them offline with the day they were saved, and says plainly that search needs a connection.
Where there are no service workers (a copy opened from disk) the site works as before."""

from __future__ import annotations

import json
import re

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from zavazek.core.i18n import gettext_for
from zavazek.site import offline

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")

SERVICE = "ru/sluzby/s/cpic-brno-pravnik/"
SAVED = "Saved on {date}. There is no connection: this is the page as it was then."
SEARCH_OFFLINE = ("Search cannot work without an internet connection. The pages you opened before can "
                  "still be read: browse them below.")


@pytest.fixture(scope="module")
def chromium():
    with launch_chromium() as browser:
        yield browser


def _controlled(page) -> None:
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null")


def test_pages_opened_before_and_the_home_page_open_offline_with_the_day_they_were_saved(chromium, example_site):
    with serve_directory(example_site) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base + SERVICE)
        _controlled(page)
        page.goto(base + SERVICE)  # now through the worker, which keeps it
        heading = page.locator("h1").inner_text()
        page.goto(base + "vi/hledat/")
        context.set_offline(True)

        page.goto(base + SERVICE)
        assert page.locator("h1").inner_text() == heading
        note = page.locator(".zv-offline-note")
        before, after = gettext_for("ru")(SAVED).split("{date}")
        assert note.get_attribute("lang") == "ru"
        assert note.inner_text().startswith(before) and note.inner_text().endswith(after)
        assert re.search(r"\d", note.inner_text())  # the day it was saved

        page.goto(base)  # the home page, kept when the worker came
        assert page.locator(".zv-offline-note").get_attribute("lang") == "cs"
        assert page.locator(".zv-door").count() == 1

        page.goto(base + "vi/hledat/")
        page.locator("#zv-q").fill("tư vấn")
        status = page.locator(".zv-search__status")
        status.filter(has_text=gettext_for("vi")(SEARCH_OFFLINE)).wait_for()

        never = context.new_page()
        with pytest.raises(Exception):  # a page never opened is not there
            never.goto(base + "uk/cile/")
        context.close()


def test_a_new_build_has_a_new_worker_that_drops_the_old_pages(example_site):
    source = (example_site / "zavazek-sw.js").read_text(encoding="utf-8")
    settings = json.loads(re.search(r"const SETTINGS = (\{.*\});", source).group(1))
    assert settings["pages"] == offline.PAGES and settings["pages"] <= 100  # a bounded cache
    assert settings["notes"]["uk"] == gettext_for("uk")(SAVED)
    assert offline.version({"index.md": "a"}, []) != offline.version({"index.md": "b"}, [])
    assert settings["version"] in source and '"zavazek-pages-" + SETTINGS.version' in source
    assert 'names.filter((n) => n.startsWith("zavazek-") && n !== PAGES && n !== FILES)' in source


def test_the_cache_keeps_at_most_its_number_of_pages(chromium, example_site, tmp_path):
    # A worker keeping two pages: the third page opened pushes out the first (the home page stays).
    site = tmp_path / "site"
    import shutil
    shutil.copytree(example_site, site)
    worker = site / "zavazek-sw.js"
    worker.write_text(re.sub(r'"pages":\d+', '"pages":2', worker.read_text(encoding="utf-8")), encoding="utf-8")
    with serve_directory(site) as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base)
        _controlled(page)
        for path in ("zavazek/", "cile/", "strediska/"):
            page.goto(base + path)
        kept = page.evaluate("""async () => {
            const names = (await caches.keys()).filter((n) => n.startsWith("zavazek-pages-"));
            const cache = await caches.open(names[0]);
            return (await cache.keys()).map((r) => new URL(r.url).pathname);
        }""")
        assert sorted(kept) == ["/", "/cile/", "/strediska/"]
        context.close()


def test_a_copy_opened_from_disk_works_without_a_worker(chromium, example_site):
    context = chromium.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((example_site / "ru" / "index.html").as_uri())
    assert page.locator(".zv-door").count() == 1
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    assert errors == []
    context.close()
