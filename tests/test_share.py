"""Sending a service or a region's list on: the message in each language, the share sheet where the
browser has one, the plain links where it has not (and without JavaScript)."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from site_fixtures import ROOT, TODAY
from zavazek.core.i18n import gettext_for
from zavazek.core.loader import load_data

LANGS = ["cs", "en", "ru", "uk", "vi"]
DATA = load_data(ROOT / "data", LANGS, dt.date.fromisoformat(TODAY))
SERVICE = "cpic-brno-pravnik"
SITE_URL = "https://cpic.example.org/"


def prefix(lang: str) -> str:
    return "" if lang == "cs" else f"{lang}/"


def share_links(page: str) -> dict[str, str]:
    """{"whatsapp": …, "telegram": …, …} of the page's share block, unescaped."""
    block = page.split('<section class="zv-share"', 1)[1].split("</section>", 1)[0]
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', block)]
    names = {"https://wa.me/": "whatsapp", "https://t.me/": "telegram", "viber:": "viber", "sms:": "sms",
             "mailto:": "email"}
    return {next(n for start, n in names.items() if h.startswith(start)): h for h in hrefs}


def query(link: str) -> dict[str, str]:
    """The link's query values, decoded (``sms:?&body=`` and ``viber://forward?text=`` too)."""
    return {k: v[0] for k, v in parse_qs(link.split("?", 1)[1], keep_blank_values=True).items()}


@pytest.mark.parametrize("lang", LANGS)
def test_a_service_is_sent_on_with_its_name_phone_address_and_address_of_its_page(example_site, lang):
    page = (example_site / f"{prefix(lang)}sluzby/s/{SERVICE}/index.html").read_text(encoding="utf-8")
    links = share_links(page)
    assert set(links) == {"whatsapp", "telegram", "viber", "sms", "email"}
    service = DATA.services.service(SERVICE)
    place = service.places[0]
    url = f"{SITE_URL}{prefix(lang)}sluzby/s/{SERVICE}/"
    phone = DATA.services.phone(service)
    phone_line = gettext_for(lang)("Phone: {number}").format(number=phone)
    message = [service.name[lang], phone_line, place.address.one_line(), url]
    assert query(links["whatsapp"])["text"].split("\n") == message
    assert query(links["viber"])["text"].split("\n") == message
    assert query(links["sms"])["body"].split("\n") == message
    mail = query(links["email"])
    assert mail["subject"] == service.name[lang] and mail["body"].split("\n") == message
    telegram = query(links["telegram"])
    assert telegram["url"] == url and telegram["text"].split("\n") == message[:-1]
    assert urlparse(links["whatsapp"]).netloc == "wa.me" and links["viber"].startswith("viber://forward?text=")
    if lang != "en":
        assert phone_line != f"Phone: {phone}"  # the label is translated


@pytest.mark.parametrize("lang", ["cs", "ru", "vi"])
def test_a_regions_list_is_sent_on_with_its_title_and_address(example_site, lang):
    page = (example_site / f"{prefix(lang)}sluzby/praha/index.html").read_text(encoding="utf-8")
    title = re.search(r'<h1 class="zv-region-title">([^<]*)</h1>', page).group(1)
    text = query(share_links(page)["whatsapp"])["text"]
    assert text.split("\n") == [html.unescape(title), f"{SITE_URL}{prefix(lang)}sluzby/praha/"]
    filtered = (example_site / f"{prefix(lang)}sluzby/praha/jazyk-ru/index.html").read_text(encoding="utf-8")
    assert query(share_links(filtered)["sms"])["body"].endswith(f"\n{SITE_URL}{prefix(lang)}sluzby/praha/jazyk-ru/")


@pytest.fixture(scope="module")
def served(example_site):
    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed")
    with serve_directory(example_site) as base, launch_chromium() as browser:
        yield base, browser


NO_SHARE_SHEET = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
A_SHARE_SHEET = "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_without_a_share_sheet_the_links_show_and_are_44px(served, javascript):
    base, browser = served
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    context.add_init_script(NO_SHARE_SHEET)
    page = context.new_page()
    page.goto(base + f"/vi/sluzby/s/{SERVICE}/")
    links = page.locator("[data-share-links] a")
    assert links.count() == 5
    for i in range(5):
        box = links.nth(i).bounding_box()
        assert links.nth(i).is_visible() and box["height"] >= 44 and box["width"] >= 44
    assert page.locator("[data-share-native]").is_hidden()
    assert page.locator("[data-share-copy]").is_visible() is javascript
    context.close()


def test_the_copy_button_copies_the_message(served):
    base, browser = served
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(NO_SHARE_SHEET)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + f"/ru/sluzby/s/{SERVICE}/")
    page.locator("[data-share-copy]").click()
    page.locator(".zv-share__status").filter(has_text="Текст скопирован").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"\n{SITE_URL}ru/sluzby/s/{SERVICE}/")
    assert DATA.services.service(SERVICE).name["ru"] in copied
    context.close()


def test_with_a_share_sheet_one_button_opens_it_instead_of_the_links(served):
    base, browser = served
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(A_SHARE_SHEET)
    page = context.new_page()
    page.goto(base + "/uk/sluzby/praha/")
    button = page.locator("[data-share-native]")
    assert button.is_visible() and button.bounding_box()["height"] >= 44
    assert page.locator("[data-share-links]").is_hidden()
    button.click()
    shared = page.evaluate("window.shared")
    assert shared["url"] == f"{SITE_URL}uk/sluzby/praha/"
    assert shared["title"] == unquote(shared["title"]) and shared["text"] == shared["title"]
    context.close()
