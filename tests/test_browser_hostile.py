"""A hostile or careless text in the data, opened in a real headless Chromium at 360 px.

An organisation named ``<!--<script>`` once made its service pages end early
(the HTML parser swallowed the rest of the page into the JSON-LD script);
a word of two hundred letters can push a page sideways on a phone.
"""

from __future__ import annotations

import pytest

from browser import Requests, chromium_path, launch_chromium, serve_directory

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (make test installs it)")

PAGES = ["", "zavazek/", "cile/", "strediska/", "nastenky/", "kontrola/", "sluzby/", "sluzby/praha/"]


@pytest.fixture(scope="module")
def hostile_served(hostile_site):
    """The session's example with known and drawn hostile texts in every field (site_fixtures.hostile_site), served."""
    site, _ = hostile_site
    services = sorted(p.parent.name for p in (site / "sluzby" / "s").glob("*/index.html"))
    with serve_directory(site) as base:
        yield base, [f"sluzby/s/{services[0]}/", f"ru/sluzby/s/{services[0]}/"]


@pytest.fixture(scope="module")
def phone(hostile_served):
    """One tab at phone width that opens the pages in turn (:class:`Requests`), and the script errors of the page it shows."""
    with launch_chromium() as chromium:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield Requests(page), errors
        context.close()


def _urls():
    return PAGES + [f"ru/{p}" for p in PAGES] + ["service-cs", "service-ru"]


@pytest.mark.parametrize("url", _urls())
def test_a_page_with_hostile_names_keeps_its_footer_and_does_not_scroll_sideways(phone, hostile_served, url):
    base, service_pages = hostile_served
    if url.startswith("service-"):
        url = service_pages[url == "service-ru"]
    requests, errors = phone
    page = requests.page
    errors.clear()
    requests.visit(base + url)
    assert page.locator("footer .zv-footer-links a").count() >= 2, "the footer and its links are gone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("document.querySelectorAll('b, zvx-el').length") == 0
    assert errors == []
