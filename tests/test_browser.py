"""The built site in a real headless Chromium: privacy, accessibility, small screens, no JavaScript, print."""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest

from browser import chromium_path, launch_chromium, page_weight, serve_directory
from pdf_text import pdf_text
from site_fixtures import example_site, icp_site  # noqa: F401 (fixtures)
from zavazek.pages import PAGES, page_url
from test_build import COMMITMENT, LANGS

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (make test installs it)")

#: The site's own public address counts as its origin: Material's JavaScript
#: reads the sitemap from there, which is the same server once published.
#: The test server only: not even the site's public address (site_url) is asked for anything.
OWN_HOSTS = {"127.0.0.1"}
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
URLS = [page_url(spec.slug, lang, "cs") for lang in LANGS for spec in PAGES]
URLS += ["404.html"] + [f"{lang}/404.html" for lang in LANGS if lang != "cs"]
#: The directory's own kinds of page: a region, a pre-built filter list, a kind of help, a service.
URLS += [
    f"{'' if lang == 'cs' else lang + '/'}sluzby/{path}/"
    for lang in LANGS
    for path in ("praha", "praha/jazyk-ar", "druh/legal-counselling", "s/icp-socialni-poradenstvi")
]


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def served(example_site):
    with serve_directory(example_site) as base:
        yield base


@pytest.fixture(scope="module")
def page_reports(browser, served):
    """Open every page once at phone width; record other-origin requests, axe results, overflow."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    reports = {}
    context = browser.new_context(viewport={"width": 360, "height": 740})
    for url in URLS:
        page = context.new_page()
        foreign, failed, scripts = [], [], []
        page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname not in OWN_HOSTS else None)
        page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.goto(served + url, wait_until="networkidle")
        result = axe.run(page, options=AXE_RULES)
        reports[url] = {
            "foreign": foreign,
            "failed": failed,
            "scripts": scripts,
            "violations": [
                f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]
            ],
            "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
        }
        page.close()
    context.close()
    return reports


@pytest.mark.parametrize("url", URLS)
def test_page_makes_no_request_to_any_other_origin(page_reports, url):
    assert page_reports[url]["foreign"] == []


@pytest.mark.parametrize("url", URLS)
def test_page_makes_no_request_that_fails(page_reports, url):
    # A request answered by "not found" costs a reader on mobile data the 404 page for nothing.
    assert page_reports[url]["failed"] == []


@pytest.mark.parametrize("url", URLS)
def test_page_does_not_load_materials_javascript(page_reports, url):
    # The site works without it, and it was half of what a first view downloaded.
    assert [s for s in page_reports[url]["scripts"] if "/assets/javascripts/" in s] == []


@pytest.mark.parametrize("url", URLS)
def test_page_has_no_accessibility_violation(page_reports, url):
    assert page_reports[url]["violations"] == []


@pytest.mark.parametrize("url", URLS)
def test_page_does_not_scroll_sideways_on_a_360px_phone(page_reports, url):
    assert page_reports[url]["scroll_width"] <= 360


@pytest.mark.parametrize("lang", LANGS)
def test_commitment_is_readable_without_javascript(browser, served, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served + page_url("zavazek", lang, "cs"))
    visible = page.inner_text("main")
    context.close()
    assert COMMITMENT["refusal"]["basic_counselling"][lang] in " ".join(visible.split())


def test_language_switcher_works_with_the_keyboard(browser, served):
    page = browser.new_page()
    page.goto(served + "zavazek/")
    link = page.locator('a.md-select__link[hreflang="vi"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vi/zavazek/")
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.close()


def test_commitment_prints_on_a4_without_navigation(browser, served):
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(served + "zavazek/")
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4 in points
    text = pdf_text(pdf)
    assert "Odborné sociální poradenství" in text or COMMITMENT["mission"][0]["cs"][:40] in text
    assert COMMITMENT["complaints"]["ombudsman"]["cs"][:30] in text
    assert "Přeskočit na obsah" not in text  # the header and skip link are not printed


def test_checklist_prints_on_a4_with_every_criterion_and_no_navigation(browser, served):
    from pypdf import PdfReader

    from zavazek.checks import load_catalogue

    page = browser.new_page()
    page.goto(served + "en/kontrola/")
    pdf = page.pdf(format="A4")
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = pdf_text(pdf)
    for criterion in load_catalogue():
        assert " ".join(criterion.requirement["en"].split())[:40] in text, criterion.id
    assert "Skip to content" not in text
    assert len(reader.pages) <= 10  # 24 criteria with their quoted wording


#: One page of each kind a reader meets: home, commitment, goals, checklist, directory home, region list, service, search.
PAGE_KINDS = ["", "zavazek/", "cile/", "kontrola/", "sluzby/", "sluzby/praha/",
              "sluzby/s/icp-socialni-poradenstvi/", "hledat/", "vi/", "vi/sluzby/praha/"]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_a_first_view_fits_in_50_kb_and_a_further_page_in_15_kb(browser, example_site, path):
    # Gzip bytes, as a web server sends them: a reader on a prepaid phone pays for each one.
    first, further = page_weight(browser, example_site, path, after="zavazek/" if path == "" else "")
    assert first <= 50 * 1024
    assert further <= 15 * 1024


def _phone(browser, javascript: bool = True):
    return browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                               java_script_enabled=javascript)


def _tab_to(page, selector: str, presses: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


DRAWER_LINK = '.md-sidebar--primary a.md-nav__link[href$="cile/"]'


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_menu_opens_by_tap_on_a_360px_phone_and_its_link_can_be_followed(browser, served, javascript):
    context = _phone(browser, javascript)
    page = context.new_page()
    page.goto(served + "zavazek/")
    assert not page.locator(DRAWER_LINK).is_visible()  # closed, and out of the way of screen readers
    page.tap('.md-header label[for="__drawer"]')
    page.locator(DRAWER_LINK).wait_for(state="visible")
    for _ in range(50):  # the drawer slides in
        box = page.locator(DRAWER_LINK).bounding_box()
        if box["x"] >= 0:
            break
        page.wait_for_timeout(20)
    assert box["x"] >= 0 and box["y"] + box["height"] <= 740  # on the screen
    page.tap(DRAWER_LINK)
    page.wait_for_url("**/cile/")
    context.close()


def test_menu_opens_with_the_keyboard_and_escape_closes_it(browser, served):
    context = _phone(browser)
    page = context.new_page()
    page.goto(served + "zavazek/")
    button = '.md-header label[for="__drawer"]'
    _tab_to(page, button)
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.get_attribute(button, "aria-label")  # a named button for screen readers
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")  # focus moved into it
    page.keyboard.press("Escape")
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.evaluate("(s) => document.activeElement.matches(s)", button)
    page.keyboard.press("Enter")
    _tab_to(page, DRAWER_LINK)
    assert page.locator(DRAWER_LINK).is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/cile/")
    context.close()


def test_language_menu_is_reached_with_tab_and_shows_the_focused_language(browser, served):
    context = _phone(browser)
    page = context.new_page()
    page.goto(served + "zavazek/")
    _tab_to(page, 'a.md-select__link[hreflang="vi"]')
    assert page.locator('a.md-select__link[hreflang="vi"]').is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vi/zavazek/")
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_language_menu_works_by_tap_on_a_360px_phone(browser, served, javascript):
    context = _phone(browser, javascript)
    page = context.new_page()
    page.goto(served + "vi/zavazek/")
    page.tap(".zv-lang-button")
    page.locator('a.md-select__link[hreflang="cs"]').tap(timeout=5000)  # only once the menu is open: a closed one lets taps through
    page.wait_for_url(lambda url: urlparse(url).path == "/zavazek/")
    assert page.evaluate("document.documentElement.lang") == "cs"
    context.close()


#: Every element's computed style (custom properties aside), and those of its ::before and ::after if it has them.
_STYLES = """() => Array.from(document.querySelectorAll('body, body *'), (el) => [null, '::before', '::after'].map((p) => {
  const style = getComputedStyle(el, p); const out = [];
  if (p && style.content === 'none') return 'none';
  for (let i = 0; i < style.length; i++) if (!style[i].startsWith('--')) out.push(style[i] + ':' + style.getPropertyValue(style[i]));
  return out.join(';');
}).join('|'))"""

_FULL_MATERIAL = """async (hrefs) => {
  const reduced = document.querySelector('link[href*="zavazek-material."]');
  await Promise.all(hrefs.map((href) => new Promise((done) => {
    const link = document.createElement('link'); link.rel = 'stylesheet'; link.href = href; link.onload = done;
    reduced.before(link);
  })));
  reduced.remove();
}"""


@pytest.mark.parametrize("path", ["", "kontrola/", "sluzby/", "sluzby/praha/", "hledat/?q=poradna",
                                  "sluzby/s/icp-socialni-poradenstvi/", "vi/404.html"])
def test_pages_look_the_same_with_materials_whole_stylesheet(browser, served, example_site, path):
    # The reduced stylesheet drops only rules no page can use: on a phone with the menu open,
    # on a wide screen and on paper, every element is styled as with Material's own files.
    material = [f"{served}assets/stylesheets/{p.name}" for kind in ("main", "palette")
                for p in (example_site / "assets" / "stylesheets").glob(f"{kind}.*.min.css")]
    assert len(material) == 2
    hrefs = material
    for width, media, drawer in ((360, "screen", True), (1280, "screen", False), (1280, "print", False)):
        page = browser.new_page(viewport={"width": width, "height": 740})
        page.emulate_media(media=media)
        page.goto(served + path, wait_until="networkidle")
        if drawer:
            page.evaluate("document.getElementById('__drawer').checked = true")
        page.wait_for_timeout(300)  # transitions end
        reduced = page.evaluate(_STYLES)
        page.evaluate(_FULL_MATERIAL, hrefs)
        page.wait_for_timeout(300)
        full = page.evaluate(_STYLES)
        page.close()
        assert len(reduced) == len(full)
        different = [i for i, (a, b) in enumerate(zip(reduced, full)) if a != b]
        assert different == [], (width, media, [set(reduced[i].split(";")) ^ set(full[i].split(";")) for i in different[:3]])
