"""The built site in a real headless Chromium: privacy, accessibility, small screens, no JavaScript, print."""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest

from browser import AXE_RULES, Requests, chromium_path, launch_chromium, page_weight, serve_directory, wait_for_transitions
from pdf_text import pdf_text
from zavazek.site.pages import PAGES
from site_fixtures import page_url
from test_build import COMMITMENT, LANGS

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (make test installs it)")

#: The site's own public address counts as its origin: Material's JavaScript
#: reads the sitemap from there, which is the same server once published.
#: The test server only: not even the site's public address (site_url) is asked for anything.
OWN_HOSTS = {"127.0.0.1"}
#: Every page in the default language and the next three of mkdocs.yml; in any further
#: language (to keep CI's time) the pages read most: home, commitment and goals.
TOURED = LANGS[:4]
URLS = [page_url(spec.slug, lang, "cs") for lang in TOURED for spec in PAGES]
URLS += [page_url(slug, lang, "cs") for lang in LANGS[4:] for slug in ("index", "zavazek", "cile")]
URLS += ["404.html"] + [f"{lang}/404.html" for lang in TOURED if lang != "cs"]
#: The directory's own kinds of page: a region, its pre-built lists (language, kind of help, day),
#: a kind of help, a service and an ended service; a region with field work and a place by appointment.
URLS += [
    f"{'' if lang == 'cs' else lang + '/'}sluzby/{path}/"
    for lang in TOURED
    for path in ("praha", "praha/jazyk-ar", "praha/legal-counselling", "praha/pondeli", "druh/legal-counselling",
                 "s/icp-socialni-poradenstvi", "s/migrace-streetwork-2012",
                 "plzensky", "s/cpic-plzen-terenni", "s/cpic-klatovy-konzultace")
]
#: Every page of the second example site (Czech and English, no directory).
ICP_LANGS = ("cs", "en")
ICP_URLS = [page_url(spec.slug, lang, "cs") for lang in ICP_LANGS for spec in PAGES if spec.needs is None]
ICP_URLS += ["404.html", "en/404.html"]
#: The provider of two services (field work, by appointment): its own kinds of page, in Czech.
OPU_URLS = ["", "zavazek/", "zavazek/terenni-programy/", "zavazek/poradenstvi/", "cile/terenni-programy/", "strediska/"]
SITE_URLS = [("cpic", url) for url in URLS] + [("icp", url) for url in ICP_URLS] + [("opu", url) for url in OPU_URLS]


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def served(example_site):
    with serve_directory(example_site) as base:
        yield base


class _PageReports(dict):
    """(site, url) -> what opening the page at phone width showed; a page is opened when a test first asks.

    make test shares the pages out among its workers (tests/conftest.py): each opens only its own.
    """

    def __init__(self, measure):
        super().__init__()
        self.measure = measure

    def __missing__(self, key):
        self[key] = self.measure(*key)
        return self[key]


@pytest.fixture(scope="module")
def page_reports(browser, example_site, icp_site, opu_site):
    """Every page, once at phone width: other-origin requests, axe results, overflow."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 360, "height": 740})
    # axe-core (573 kB) comes with every page the tab opens, instead of being sent to each after its load.
    context.add_init_script(Axe().axe_script)
    tab = _Tab(context)
    with serve_directory(example_site) as cpic, serve_directory(icp_site) as icp, serve_directory(opu_site) as opu:
        bases = {"cpic": cpic, "icp": icp, "opu": opu}
        yield _PageReports(lambda site, url: tab.report(bases[site] + url))
    context.close()


class _Tab:
    """One browser tab that opens the pages in turn, as a reader follows links.

    A new tab for each page would cost Chromium a start of its page process and
    compiling axe again: three times the work of the page itself.
    """

    #: What a page may ask for after its load that can change it (and axe's findings): a script, data, a
    #: stylesheet. Not the page's icon, which Chromium asks for after every load (as a request of kind "other").
    CHANGING = {"script", "xhr", "fetch", "stylesheet", "document", "eventsource", "websocket"}
    #: axe-core's findings on the page as it is now (its script is in every page of the tab's context).
    AXE = "options => axe.run(document, options)"

    def __init__(self, context):
        self.context, self.requests = context, None

    def _open(self) -> Requests:
        if self.requests is None or self.requests.page.is_closed():  # the first page, or a tab lost in an earlier test
            self.requests = Requests(self.context.new_page())
        return self.requests

    def report(self, address: str) -> dict:
        requests = self._open()
        page = requests.page
        requests.open(address)
        loaded = len(requests.made)
        result = page.evaluate(self.AXE, AXE_RULES)  # while the network quiets down (the icon comes after the load)
        requests.settle()  # every request the page makes is seen
        if {kind for _, kind in requests.made[loaded:]} & self.CHANGING:
            result = page.evaluate(self.AXE, AXE_RULES)
        return {
            "foreign": [url for url, _ in requests.made if urlparse(url).hostname not in OWN_HOSTS],
            "failed": requests.failed,
            "scripts": [url for url, kind in requests.made if kind == "script"],
            "violations": [
                f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]
            ],
            "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
        }


@pytest.mark.parametrize("site,url", SITE_URLS)
def test_page_makes_no_request_to_any_other_origin(page_reports, site, url):
    assert page_reports[site, url]["foreign"] == []


@pytest.mark.parametrize("site,url", SITE_URLS)
def test_page_makes_no_request_that_fails(page_reports, site, url):
    # A request answered by "not found" costs a reader on mobile data the 404 page for nothing.
    assert page_reports[site, url]["failed"] == []


@pytest.mark.parametrize("site,url", SITE_URLS)
def test_page_has_no_accessibility_violation(page_reports, site, url):
    assert page_reports[site, url]["violations"] == []


@pytest.mark.parametrize("site,url", SITE_URLS)
def test_page_does_not_load_materials_javascript(page_reports, site, url):
    # The site works without it, and it was half of what a first view downloaded.
    assert [s for s in page_reports[site, url]["scripts"] if "/assets/javascripts/" in s] == []


@pytest.mark.parametrize("site,url", SITE_URLS)
def test_page_does_not_scroll_sideways_on_a_360px_phone(page_reports, site, url):
    assert page_reports[site, url]["scroll_width"] <= 360


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

    from zavazek.core.checks import load_catalogue
    from zavazek.core.checks.checklist import NEEDS_REGISTRY

    page = browser.new_page()
    page.goto(served + "en/kontrola/")
    pdf = page.pdf(format="A4")
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = pdf_text(pdf)
    for criterion in load_catalogue():
        if criterion.id in NEEDS_REGISTRY:  # the example names no snapshot of the register to compare with
            continue
        assert " ".join(criterion.requirement["en"].split())[:40] in text, criterion.id
    assert "Skip to content" not in text
    assert len(reader.pages) <= 10  # 24 criteria with their quoted wording


def _inside_viewport(box, width=360, height=740) -> bool:
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["cs", "ru", "uk", "vi"])
def test_home_page_links_to_directory_centres_and_complaints_without_scrolling(browser, served, lang, javascript):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served + page_url("index", lang, "cs"))
    door = page.locator(".zv-door")
    links = {
        "directory": door.locator('a[href$="sluzby/"]'),
        "centres": door.locator('a[href$="strediska/"]'),
        "complaints": door.locator('a[href$="zavazek/#complaints"]'),
    }
    boxes = {name: link.bounding_box() for name, link in links.items()}
    phones = [link.bounding_box() for link in door.locator('a[href^="tel:"]').all()]
    summary = page.locator("article h1").inner_text()
    context.close()
    assert summary == COMMITMENT["service"]["summary"][lang]
    for name, box in boxes.items():
        assert _inside_viewport(box), (name, box)
        assert box["height"] >= 44, (name, box)  # a touch target a thumb hits
    assert len(phones) == len(COMMITMENT["centres"])
    assert all(_inside_viewport(box) and box["height"] >= 44 for box in phones), phones


@pytest.mark.parametrize("lang", ["cs", "ru"])
def test_complaints_link_in_the_footer_opens_the_contact_languages_and_the_ombudsman(browser, served, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + page_url("cile", lang, "cs"))
    page.locator(".zv-footer-links a").first.click()
    page.wait_for_url("**/zavazek/#complaints")
    heading_box = page.locator("h2#complaints").bounding_box()
    section = page.locator("h2#complaints + .zv-section")
    contact = COMMITMENT["complaints"]["contact"]
    email = section.locator(f'a[href="mailto:{contact["email"]}"]')
    phone = section.locator(f'a[href="tel:{contact["phone"].replace(" ", "")}"]')
    ombudsman = section.locator('a[href="https://www.ochrance.cz/"]')
    visible = [email.is_visible(), phone.is_visible(), ombudsman.is_visible()]
    text = section.inner_text()
    context.close()
    assert _inside_viewport(heading_box), heading_box  # the link lands on the section
    assert visible == [True, True, True]
    assert {"cs": "vietnamština", "ru": "вьетнамский"}[lang] in text


def test_past_operational_plans_are_on_the_goals_page_collapsed(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + "en/cile/")
    history = page.locator("details.zv-history#operational-brno-2025")
    old_goal = history.locator("li").first
    assert history.locator("summary").inner_text() == "Operational goals for 2025"
    assert not old_goal.is_visible()
    history.locator("summary").click()
    assert old_goal.is_visible()
    assert "twice a year" in old_goal.inner_text()
    page.close()
#: What a finger taps on a phone: links in lists (footer, regions, kinds of help, centres, ready-made lists),
#: the up-links of the directory, the language menu, and checkboxes (through their label, which toggles them).
TAP_TARGETS = (
    ".zv-footer-links a", "ul.zv-regions li > a", "ul.zv-categories li > a", "a.zv-door__place", "a.zv-tel",
    ".zv-lists li > a", ".zv-up a", ".md-select__link", 'label:has(> input[type="checkbox"])',
)
_TOO_SMALL = """selectors => selectors.flatMap(selector => [...document.querySelectorAll(selector)].map(element => {
    const box = element.getBoundingClientRect();
    const list = element.closest("ul");  // a list that scrolls inside itself hides part of its targets
    const hidden = list && list.scrollHeight > list.clientHeight + 1;
    return {selector, text: element.textContent.trim().slice(0, 30), width: box.width, height: hidden ? 0 : box.height};
}))"""


def test_links_in_lists_and_checkboxes_are_at_least_44px_square_on_a_360px_phone(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests = Requests(page)
    measured, too_small = set(), []
    for url in ("", "ru/", "sluzby/", "ru/sluzby/", "sluzby/praha/", "vi/sluzby/praha/", "sluzby/druh/legal-counselling/",
                "ru/sluzby/praha/pondeli/"):
        requests.visit(served + url)
        page.focus(".zv-lang-button")  # opens the language menu
        wait_for_transitions(page)  # until it has slid into place
        for box in page.evaluate(_TOO_SMALL, list(TAP_TARGETS)):
            measured.add(box["selector"])
            if round(box["width"], 1) < 44 or round(box["height"], 1) < 44:
                too_small.append(f"{url} {box['selector']} {box['text']!r}: {box['width']:.2f} × {box['height']:.2f}")
    context.close()
    assert measured == set(TAP_TARGETS)  # each kind of target was found and measured
    assert too_small == []


_BOXES = """selector => [...document.querySelectorAll(selector)].map(element => {
    const box = element.getBoundingClientRect();
    return {text: element.textContent.trim().slice(0, 30) || element.getAttribute("aria-label"),
            width: box.width, height: box.height};
})"""


@pytest.mark.parametrize("lang", ["cs", "ru"])
def test_every_phone_is_a_button_of_at_least_44px_on_a_360px_phone(browser, served, lang):
    """Home, a region's list, a service page and the centres: each number is there to be tapped."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    prefix = "" if lang == "cs" else f"{lang}/"
    too_small, counted = [], {}
    for path in ("", "sluzby/praha/", "sluzby/plzensky/", "sluzby/s/migrace-poradenstvi/", "strediska/"):
        page.goto(served + prefix + path)
        phones = page.evaluate(_BOXES, ".md-content :is(a[href^='tel:'], a[href^='sms:'])")
        counted[path] = len(phones)
        too_small += [f"{path} {b['text']}: {b['width']:.1f} × {b['height']:.1f}" for b in phones
                      if round(b["width"], 1) < 44 or round(b["height"], 1) < 44]
    context.close()
    assert all(counted.values()), counted  # every page was measured with its phones
    assert too_small == []


def test_a_service_pages_phone_comes_before_its_description_and_hours(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + "sluzby/s/migrace-poradenstvi/")
    phone = page.locator(".md-content a[href^='tel:']").first.bounding_box()
    hours = page.locator("table.zv-hours").first.bounding_box()
    page.close()
    assert phone["y"] + phone["height"] <= 740  # on the first screen
    assert phone["y"] < hours["y"]


@pytest.mark.parametrize("lang", ["cs", "vi"])
def test_the_headers_menu_search_and_language_buttons_are_44px_on_a_360px_phone(browser, served, lang):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + ("" if lang == "cs" else f"{lang}/") + "sluzby/praha/")
    buttons = page.evaluate(_BOXES, ".md-header label[for='__drawer'], .zv-header-search__button, .zv-lang-button")
    page.close()
    assert len(buttons) == 3
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in buttons), buttons


def test_opening_hours_keep_each_day_apart_from_its_times(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + "ru/strediska/")
    row = page.locator("table.zv-hours tr").first
    text = row.text_content()
    # The space between the end of the day's name and the first time, as drawn.
    gap = row.evaluate("""row => {
        const ink = cell => { const range = document.createRange(); range.selectNodeContents(cell); return range.getBoundingClientRect(); };
        return ink(row.cells[1]).left - ink(row.cells[0]).right;
    }""")
    page.close()
    assert "Понедельник 08:30" in " ".join(text.split())  # also when copied, or read in a reader view or text browser
    assert gap >= 12
#: One page of each kind a reader meets: home, commitment, goals, checklist, directory home, region list, service, search.
PAGE_KINDS = ["", "zavazek/", "cile/", "kontrola/", "sluzby/", "sluzby/praha/",
              "sluzby/s/icp-socialni-poradenstvi/", "hledat/", "vi/", "vi/sluzby/praha/"]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_a_first_view_fits_in_50_kb_and_a_further_page_in_15_kb(browser, example_site, path):
    # Gzip bytes, as a web server sends them: a reader on a prepaid phone pays for each one.
    first, further = page_weight(browser, example_site, path, after="zavazek/" if path == "" else "")
    assert 2 * 1024 < first <= 50 * 1024  # the page and its styles were really measured
    assert 1024 < further <= 15 * 1024


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


#: The properties whose computed value the stylesheets can change: those some rule declares (custom properties
#: aside), in the page's stylesheets and ``style`` attributes and in Material's whole stylesheets (``hrefs``,
#: read without applying them). Any other property of an element has the same cascaded value with either
#: stylesheet (the browser's own, or inherited, or its initial value), so its computed value can only
#: differ if one of these does: a length in ``em`` through ``font-size``, ``currentcolor`` through ``color``.
#: Reading these alone (about 190 of Chromium's 480) is what makes comparing every element affordable.
_DECLARED = """async (hrefs) => {
  const names = new Set();
  const collect = (rules) => {
    for (const rule of rules) {
      if (rule.style) for (let i = 0; i < rule.style.length; i++) names.add(rule.style[i]);
      if (rule.styleSheet) collect(rule.styleSheet.cssRules);  // @import
      if (rule.cssRules) collect(rule.cssRules);  // @media, @supports, @layer, nested rules, keyframes
    }
  };
  for (const sheet of document.styleSheets) collect(sheet.cssRules);
  for (const href of hrefs) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch(href)).text());
    collect(sheet.cssRules);
  }
  for (const element of document.querySelectorAll('[style]'))
    for (let i = 0; i < element.style.length; i++) names.add(element.style[i]);
  return [...names].filter((name) => !name.startsWith('--')).sort();
}"""
#: The computed style, in the properties ``names``, of the root and every element of the body, and of their
#: ::before and ::after if they have them and a list item's ::marker. (Chromium gives a field's own style for
#: its ::placeholder, and none for ::selection: those two are not compared.)
_STYLES = """(names) => Array.from(document.querySelectorAll('html, body, body *'), (el) => {
  const parts = [null, '::before', '::after'];
  if (getComputedStyle(el).display.includes('list-item')) parts.push('::marker');
  return parts.map((p) => {
    const style = getComputedStyle(el, p);
    if ((p === '::before' || p === '::after') && style.content === 'none') return 'none';
    return names.map((name) => name + ':' + style.getPropertyValue(name)).join(';');
  }).join('|');
})"""
#: The properties (see _DECLARED) and styles kept in the page, to compare with after the stylesheets change
#: (megabytes: they stay in the browser).
_KEEP_STYLES = f"""async (hrefs) => {{
  window.zvNames = await ({_DECLARED})(hrefs);
  window.zvStyles = ({_STYLES})(window.zvNames);
}}"""
#: How the styles now differ from those kept: the number of elements, the declarations that differ, and any
#: property declared now that was not when they were kept (then they were not compared).
_CHANGED_STYLES = f"""async () => {{
  const names = window.zvNames, declared = await ({_DECLARED})([]);
  const before = window.zvStyles, now = ({_STYLES})(names), changed = [];
  for (let i = 0; i < Math.min(before.length, now.length); i++) {{
    if (before[i] === now[i]) continue;
    const a = new Set(before[i].split(';')), b = new Set(now[i].split(';'));
    changed.push([...a].filter((d) => !b.has(d)).concat([...b].filter((d) => !a.has(d))));
  }}
  return {{elements: [before.length, now.length], changed, compared: names.length,
           not_compared: declared.filter((name) => !names.includes(name))}};
}}"""

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
    page = browser.new_page()  # one tab for the three views
    requests = Requests(page)
    for width, media, drawer in ((360, "screen", True), (1280, "screen", False), (1280, "print", False)):
        page.set_viewport_size({"width": width, "height": 740})
        page.emulate_media(media=media)
        requests.visit(served + path)
        if "?q=" in path:  # the results come after the load: the status line is written once they are shown
            page.wait_for_function("document.querySelector('.zv-search__status').textContent !== ''")
        if drawer:
            page.evaluate("document.getElementById('__drawer').checked = true")
        wait_for_transitions(page)
        page.evaluate(_KEEP_STYLES, hrefs)
        page.evaluate(_FULL_MATERIAL, hrefs)
        wait_for_transitions(page)
        styles = page.evaluate(_CHANGED_STYLES)
        assert styles["elements"][0] == styles["elements"][1] > 20
        assert styles["not_compared"] == [] and styles["compared"] > 100
        assert styles["changed"] == [], (width, media, styles["changed"][:3])
    page.close()
