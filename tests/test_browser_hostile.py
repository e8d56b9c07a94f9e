"""A hostile or careless text in the data, opened in a real headless Chromium at 360 px.

An organisation named ``<!--<script>`` once made its service pages end early
(the HTML parser swallowed the rest of the page into the JSON-LD script);
a word of two hundred letters can push a page sideways on a phone.
"""

from __future__ import annotations

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from site_fixtures import ROOT, copy_site_folder, fill_text_fields, run_zavazek

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (make test installs it)")

HOSTILE_TEXTS = [
    "Poradna <!--<script> pro cizince",
    "</script><b>tučně</b> <!-- nic",
    "Nejdelší" + "slovo" * 40,
    "https://example.org/" + "velmi-dlouha-adresa-" * 10,
]
PAGES = ["", "zavazek/", "cile/", "strediska/", "nastenky/", "kontrola/", "sluzby/", "sluzby/praha/"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = copy_site_folder(ROOT, tmp_path_factory.mktemp("hostile-browser"))
    fill_text_fields(folder, HOSTILE_TEXTS)
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    services = sorted(p.parent.name for p in (folder / "site" / "sluzby" / "s").glob("*/index.html"))
    with serve_directory(folder / "site") as base:
        yield base, [f"sluzby/s/{services[0]}/", f"ru/sluzby/s/{services[0]}/"]


@pytest.fixture(scope="module")
def phone(hostile_site):
    with launch_chromium() as chromium:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        yield context
        context.close()


def _urls():
    return PAGES + [f"ru/{p}" for p in PAGES] + ["service-cs", "service-ru"]


@pytest.mark.parametrize("url", _urls())
def test_a_page_with_hostile_names_keeps_its_footer_and_does_not_scroll_sideways(phone, hostile_site, url):
    base, service_pages = hostile_site
    if url.startswith("service-"):
        url = service_pages[url == "service-ru"]
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + url, wait_until="networkidle")
    assert page.locator("footer .zv-footer-links a").count() >= 2, "the footer and its links are gone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("document.querySelectorAll('b, zvx-el').length") == 0
    assert errors == []
    page.close()
