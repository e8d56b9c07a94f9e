"""Reading without a connection: the site's service worker keeps the pages a reader opened and the home
page, and the lists of services a reader chose to keep with their services' pages; it shows them offline
with the day they were saved, and says plainly that search needs a connection. A new build replaces what
was kept. Where there are no service workers (a copy opened from disk) the site works as before."""

from __future__ import annotations

import json
import re
import time

import pytest

from browser import accessibility_violations, chromium_path, launch_chromium, serve_directory
from site_fixtures import run_zavazek
from zavazek.core.i18n import gettext_for
from zavazek.engine.config import open_project
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


def _no_accessibility_violation(page) -> None:
    violations = accessibility_violations(page)
    assert violations == [], [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations]


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

        page.goto(base + "uk/cile/")  # never opened: a page says so, in Ukrainian, with what is kept
        uk = gettext_for("uk")
        assert page.locator("html").get_attribute("lang") == "uk"
        assert page.locator("h1").inner_text() == uk("This page is not saved on this phone")
        assert page.get_by_role("heading", name=uk("Pages saved on this phone")).is_visible()
        kept = page.locator("main li a")
        assert kept.count() == 3  # the home page, the service page and the search page opened before
        _no_accessibility_violation(page)
        kept.filter(has_text=heading).click()
        assert page.locator(".zv-offline-note").count() == 1 and page.locator("h1").inner_text() == heading
        context.close()


def test_the_worker_keeps_a_bounded_number_of_bytes_and_says_saved_in_each_language(example_site):
    source = (example_site / "zavazek-sw.js").read_text(encoding="utf-8")
    # Sent without the comments of its source (a third of it), which every first view would download.
    assert "/*" not in source.replace("/*SETTINGS*/", "") and "//" not in source.replace("://", "")
    settings = json.loads(re.search(r"const SETTINGS = (\{.*\});", source).group(1))
    assert settings["budget"] == offline.BUDGET and sum(settings["budget"].values()) <= 10_000_000
    assert settings["notes"]["uk"] == gettext_for("uk")(SAVED)
    assert offline.version({"index.md": "a"}, []) != offline.version({"index.md": "b"}, [])
    assert offline.version({"index.md": "a"}, [], "worker") != offline.version({"index.md": "a"}, [], "worker 2")


def _kept_pages(page) -> list[str]:
    return page.evaluate("""async () => {
        const names = (await caches.keys()).filter((n) => n.startsWith("zavazek-pages-"));
        const cache = await caches.open(names[0]);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
    }""")


def test_the_pages_kept_stay_within_their_bytes_the_oldest_opened_going_first(chromium, example_site, tmp_path):
    # A worker with room for the home page and one more page: each page opened pushes out the one before.
    site = tmp_path / "site"
    import shutil
    shutil.copytree(example_site, site)
    room = (site / "index.html").stat().st_size + (site / "strediska" / "index.html").stat().st_size
    worker = site / "zavazek-sw.js"
    worker.write_text(re.sub(r'"pages":\d+', f'"pages":{room}', worker.read_text(encoding="utf-8")), encoding="utf-8")
    with serve_directory(site) as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base)
        _controlled(page)
        for path in ("zavazek/", "cile/", "strediska/"):
            page.goto(base + path)
        assert sorted(_kept_pages(page)) == ["/", "/strediska/"]
        context.close()


def _kept_file(page, path: str) -> tuple[str, str]:
    """When the worker saved the file at ``path``, and its text as saved."""
    return tuple(page.evaluate("""async (path) => {
        const names = (await caches.keys()).filter((n) => n.startsWith("zavazek-files-"));
        const saved = await caches.match(new URL(path, location.href).href, {cacheName: names[0]});
        return [saved.headers.get("X-Zavazek-Saved"), await saved.text()];
    }""", path))


def test_a_file_is_written_to_the_phone_once_and_again_when_the_server_changed_it(chromium, example_site, tmp_path):
    # Each page uses the same stylesheet: writing it to the phone's storage at every page would cost the
    # phone's time and flash for nothing. A file changed on the server is kept as it is now.
    import shutil
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    (css,) = (site / "assets" / "stylesheets").glob("zavazek-material.*.min.css")
    path = "/" + css.relative_to(site).as_posix()
    with serve_directory(site, headers={"Cache-Control": "no-cache"}) as base:  # the browser asks the server each time
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base)
        _controlled(page)
        page.goto(base + "zavazek/")
        saved, text = _kept_file(page, path)
        assert text == css.read_text(encoding="utf-8")
        page.goto(base + "cile/")
        assert _kept_file(page, path) == (saved, text)
        css.write_text(text + "\n/* changed */\n", encoding="utf-8")
        page.goto(base + "strediska/")
        again, changed = _kept_file(page, path)
        assert changed.endswith("/* changed */\n") and again > saved
        context.close()


LIST = "ru/sluzby/praha/"
LISTED = "ru/sluzby/s/migrace-asistence/"  # in the Prague list; its organisation's phone: +420 000 000 400
KEPT = "Kept on this phone on {date}, with {kept} of its {count} services: they open without a connection."


def _worker_version(site) -> str:
    source = (site / "zavazek-sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const SETTINGS = (\{.*\});", source).group(1))["version"]


def _wait_until_only(page, version: str, seconds: float = 60) -> None:
    """Wait until the caches are the worker ``version``'s alone: it has renewed all an older one kept."""
    deadline = time.monotonic() + seconds
    while True:
        names = page.evaluate("caches.keys()")
        if any(n.startswith(f"zavazek-list-{version}") for n in names) and all(version in n for n in names):
            return
        assert time.monotonic() < deadline, names
        page.wait_for_timeout(200)


def test_a_kept_list_opens_offline_with_its_services_and_a_new_build_replaces_what_changed(chromium, site_folder):
    built = run_zavazek("build", str(site_folder))
    assert built.returncode == 0, built.stderr
    # The build says how much a phone keeps at most, and what that is in this site's pages.
    line = gettext_for("en")("Offline: a reader's phone keeps at most {most} of this site: the pages they "
                             "opened {pages} (a page is {page} kB, the median), their styles and scripts {files}, "
                             "the lists they keep {lists} (the longest list with its services' pages is {longest}).")
    assert line.split("{most}")[0] + "6 MB of this site" in built.stdout
    assert re.search(r"the longest list with its services' pages is 0\.\d MB", built.stdout)
    site = site_folder / "site"
    # measured while the search indexes were made, in the folder the site was built in: the published site's figures
    assert offline.describe(offline.kept_on_a_phone(open_project(site_folder), site), "en") in built.stdout
    with serve_directory(site) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base + LIST)
        button = page.get_by_role("button", name=gettext_for("ru")("Keep this list on my phone"))
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        button.click()
        services = page.locator(".zv-cards .zv-card__title a").count()
        done = gettext_for("ru")(KEPT).split("{date}")[1].format(kept=services, count=services)
        page.locator(".zv-keep [role=status]").filter(has_text=done).wait_for()
        assert page.get_by_role("button", name=gettext_for("ru")("Remove it from my phone")).is_visible()
        _no_accessibility_violation(page)

        context.set_offline(True)
        page.goto(base + LISTED)  # never opened: kept with the list
        assert page.locator(".zv-offline-note").count() == 1
        assert page.locator('a[href="tel:+420000000400"]').count() >= 1
        page.goto(base + LIST)
        assert page.locator(".zv-card").count() == services
        context.set_offline(False)

        services_file = site_folder / "data" / "services.yaml"
        text = services_file.read_text(encoding="utf-8")
        services_file.write_text(text.replace("phone: +420 000 000 400", "phone: +420 000 000 499"), encoding="utf-8")
        rebuilt = run_zavazek("build", str(site_folder))
        assert rebuilt.returncode == 0, rebuilt.stderr
        version = _worker_version(site)
        assert "tel:+420000000499" in (site / LISTED / "index.html").read_text(encoding="utf-8")

        page.goto(base)  # online: the browser finds the new worker, which renews what the old one kept
        _wait_until_only(page, version)
        context.set_offline(True)
        page.goto(base + LISTED)
        assert page.locator('a[href="tel:+420000000499"]').count() >= 1
        assert page.locator('a[href="tel:+420000000400"]').count() == 0
        context.close()


def test_a_list_longer_than_the_room_for_lists_is_kept_in_part_and_the_reader_is_told(chromium, example_site, tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    html = (site / LIST / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<h3 class="zv-card__title"><a href="([^"]+)"', html)
    first_two = [(site / LIST / href / "index.html").resolve().stat().st_size for href in listed[:2]]
    room = (site / LIST / "index.html").stat().st_size + sum(first_two)
    worker = site / "zavazek-sw.js"
    source = worker.read_text(encoding="utf-8")
    worker.write_text(source.replace(f'"lists":{offline.BUDGET["lists"]}', f'"lists":{room}'), encoding="utf-8")
    with serve_directory(site) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base + LIST)
        page.get_by_role("button", name=gettext_for("ru")("Keep this list on my phone")).click()
        ru = gettext_for("ru")
        status = page.locator(".zv-keep [role=status]")
        status.filter(has_text=ru(KEPT).split("{date}")[1].format(kept=2, count=len(listed))).wait_for()
        full = ru("The space for kept lists is full: choose a kind of help below to keep a shorter list.")
        assert full in status.inner_text()
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


def test_the_builds_line_on_a_phone_leaves_out_lists_where_the_site_has_none():
    kept = offline.KeptOnAPhone(most=6_000_000, budget=offline.BUDGET, median_page=14_200, longest_list=0)
    line = offline.describe(kept, "cs")
    assert line.startswith("Bez připojení: telefon čtenáře si z tohoto webu ponechá nejvýše 6 MB")
    assert "stránka má 14 kB" in line and "seznam" not in line
    with_lists = offline.describe(offline.KeptOnAPhone(6_000_000, offline.BUDGET, 14_200, 36_000), "en")
    assert with_lists.endswith("the lists they keep 3 MB (the longest list with its services' pages is 36 kB).")
