"""The directory of services on the built site: regions, filters with and without JavaScript, service pages.

The expected services are computed from the example ``data/services.yaml``
read with the same loader staff use; the pages are read as files and in
headless Chromium.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from pdf_text import pdf_text
from site_fixtures import ROOT, TODAY
from zavazek.site.sitemap import REGION_SLUGS
from zavazek.core.loader import load_data

LANGS = ["cs", "en", "ru", "vi"]
DAY = dt.date.fromisoformat(TODAY)
DATA = load_data(ROOT / "data", LANGS, DAY)
DIRECTORY = DATA.services
CURRENT = [s for s in DIRECTORY.services if not s.has_ended(DAY)]
ENDED = [s for s in DIRECTORY.services if s.has_ended(DAY)]


def prefix(lang: str) -> str:
    return "" if lang == "cs" else f"{lang}/"


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def listed(page: str) -> set[str]:
    """Service ids of the cards on a page."""
    return set(re.findall(r'data-service="([a-z0-9-]+)"', page))


def test_the_example_has_ended_programmes_and_covers_every_region_and_category():
    assert {"opu-terenni-programy-2016"} <= {s.id for s in ENDED}
    assert {r for s in CURRENT for r in s.regions} == set(REGION_SLUGS)
    from zavazek.core.model.codes import SERVICE_CATEGORIES
    assert {c for s in CURRENT for c in s.categories} == set(SERVICE_CATEGORIES)


@pytest.mark.parametrize("lang", LANGS)
def test_every_current_service_is_on_each_of_its_region_pages_and_ended_ones_on_none(example_site, lang):
    for code, slug in REGION_SLUGS.items():
        page = read(example_site, f"{prefix(lang)}sluzby/{slug}")
        assert f'<html lang="{lang}"' in page
        assert listed(page) == {s.id for s in CURRENT if code in s.regions}, slug


@pytest.mark.parametrize("lang", ["en", "ru", "vi"])
def test_only_text_really_in_another_language_is_marked_as_such_for_screen_readers(example_site, lang):
    # "Russian" on an English page is English: marking it lang="ru" would make a screen reader mispronounce it.
    page = read(example_site, f"{prefix(lang)}sluzby/praha")
    cards = page.split('id="zv-services"')[1]
    marked = re.findall(r'<[a-z]+ lang="([a-z]+)"([^>]*)>', cards)
    # a text not yet translated, or the Czech name of a town beside its Russian one: "Брно (Brno)"
    assert all("zv-fallback" in attributes or (code == "cs" and 'class="zv-place-cs"' in attributes)
               for code, attributes in marked), marked


@pytest.mark.parametrize("lang", LANGS)
def test_an_ended_programme_keeps_its_page_marked_as_ended(example_site, lang):
    page = read(example_site, f"{prefix(lang)}sluzby/s/opu-terenni-programy-2016")
    assert 'class="zv-warning"' in page and "2018" in page


def test_directory_home_has_a_map_and_a_plain_list_of_the_fourteen_regions(example_site):
    page = read(example_site, "en/sluzby")
    drawn = page.split('class="zv-region-map"')[1].split("</ul>")[0]
    tiles = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', drawn)
    assert len(tiles) == 14
    prague = next(label for href, label in tiles if href.endswith("praha/"))
    count = len([s for s in CURRENT if "CZ010" in s.regions])
    assert html.unescape(prague) == f"Prague: {count} services"
    plain = page.split('class="zv-regions"')[1].split("</ul>")[0]
    assert plain.count("<li>") == 14
    assert "<img" not in drawn and "url(" not in drawn and 'href="http' not in drawn  # drawn here, nothing fetched


# --- place names --------------------------------------------------------------------------

BRNO = [s for s in CURRENT if any(p.address and p.address.city == "Brno" for p in s.places)]


def test_the_example_has_services_in_brno():
    assert len(BRNO) >= 2


@pytest.mark.parametrize("lang, shown", [("ru", "Брно (Brno)"), ("vi", "Brno"), ("en", "Brno"), ("cs", "Brno")])
def test_cards_name_the_town_in_the_readers_language_with_its_czech_name_beside(example_site, lang, shown):
    page = read(example_site, f"{prefix(lang)}sluzby/jihomoravsky")
    for service in BRNO:
        card = page.split(f'data-service="{service.id}"')[1].split("</li>")[0]
        where = re.search(r'<dt class="zv-when">[^<]*</dt>\s*<dd>(.*?)<br>', card)[1]  # "street, town"
        assert re.sub(r"<[^>]+>", "", where).split(", ", 1)[1].strip() == shown
    assert "not yet translated" not in page and "не переведено" not in page


def test_a_service_page_in_russian_names_its_town_and_districts_in_russian_and_keeps_the_postal_address(example_site):
    service = next(s for s in BRNO if "CZ0642" in s.districts)
    page = read(example_site, f"ru/sluzby/s/{service.id}")
    place = service.places[0]
    heading = page.split(f'id="place-{place.id}"')[1].split("</h2>")[0]
    if place.name is None:
        assert re.sub(r"<[^>]+>", "", heading).strip(">").strip() == "Брно (Brno)"
    assert "Брно-город" in page and "Brno-město" not in page
    assert html.escape(place.address.one_line(), quote=False) in page  # the postal address, as on the envelope
    data = json.loads(html.unescape(page.split('<script type="application/ld+json">')[1].split("</script>")[0]))
    assert data["availableChannel"][0]["serviceLocation"]["address"]["addressLocality"] == "Brno"


def test_the_centres_towns_are_named_in_the_readers_language_on_the_home_page(example_site):
    assert "Брно" in (example_site / "ru" / "index.html").read_text(encoding="utf-8")
    assert "Пльзень" in (example_site / "ru" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_each_kind_of_help_leads_to_every_region_that_has_it_and_on_to_its_services(example_site, lang):
    import posixpath

    from zavazek.core.model.codes import SERVICE_CATEGORIES

    home = read(example_site, f"{prefix(lang)}sluzby")
    kinds = re.findall(r'<li><a href="(druh/[a-z-]+/)">', home.split('class="zv-categories"')[1].split("</ul>")[0])
    assert len(kinds) == len(SERVICE_CATEGORIES)
    for category in SERVICE_CATEGORIES:
        here = f"{prefix(lang)}sluzby/druh/{category.replace('_', '-')}"
        page = read(example_site, here)
        assert 'data-pagefind-body' not in page  # a page of links, not a search result
        links = re.findall(r'<li><a href="([^"]+)">[^<]+</a> <span class="zv-small">', page)
        regions = {code for s in CURRENT if category in s.categories for code in s.regions}
        assert len(links) == len(regions), category
        found = set()
        for link in links:
            target = posixpath.normpath(posixpath.join(here, link))
            found |= listed(read(example_site, target)) & {s.id for s in CURRENT if category in s.categories}
        assert found == {s.id for s in CURRENT if category in s.categories}, category


def test_pre_built_lists_filter_without_javascript(example_site):
    prague = [s for s in CURRENT if "CZ010" in s.regions]
    arabic = read(example_site, "en/sluzby/praha/jazyk-ar")
    assert listed(arabic) == {s.id for s in prague if "ar" in s.languages.staff + s.languages.interpreter}
    assert 0 < len(listed(arabic)) < len(prague)
    # A language every service of the region offers has its list too: it answers "is there help in Russian?"
    assert all("ru" in s.languages.staff + s.languages.interpreter for s in prague)
    assert listed(read(example_site, "en/sluzby/praha/jazyk-ru")) == {s.id for s in prague}
    free = read(example_site, "en/sluzby/praha/zdarma")
    assert listed(free) == {s.id for s in prague if s.cost.free}
    legal = read(example_site, "en/sluzby/praha/legal-counselling")
    assert listed(legal) == {s.id for s in prague if "legal_counselling" in s.categories}
    saturday = read(example_site, "en/sluzby/praha/sobota")
    assert listed(saturday) == {s.id for s in prague if any(p.opening_hours.sat for p in s.places)}
    region = read(example_site, "en/sluzby/praha")
    for path in ("jazyk-ar/", "jazyk-ru/", "zdarma/", "legal-counselling/", "sobota/"):
        assert f'href="{path}"' in region


def test_the_list_without_javascript_offers_russian_where_every_service_speaks_it(example_site):
    south_moravia = [s for s in CURRENT if "CZ064" in s.regions]
    assert len(south_moravia) > 1
    assert all("ru" in s.languages.staff + s.languages.interpreter for s in south_moravia)
    region = read(example_site, "ru/sluzby/jihomoravsky")
    lists = region.split('class="zv-lists"')[1]
    assert '<a href="jazyk-ru/">язык: русский</a> (' + str(len(south_moravia)) + ")" in lists
    assert listed(read(example_site, "ru/sluzby/jihomoravsky/jazyk-ru")) == {s.id for s in south_moravia}


def card_of(page: str, service_id: str) -> str:
    return page.split(f'data-service="{service_id}"')[1].split("</li>")[0]


def test_cards_show_street_phone_and_the_weeks_hours_of_each_service(example_site):
    page = read(example_site, "sluzby/jihomoravsky")
    lawyer = card_of(page, "cpic-brno-pravnik")
    assert "Příkladová 1, Brno" in lawyer
    assert '<a class="zv-tel" href="tel:+420000000164">+420 000 000 164</a>' in lawyer  # the shared place's phone
    assert "Út 13:00–16:00" in lawyer and "Po" not in lawyer.split("<br>")[1].split("</dd>")[0]
    centre = card_of(page, "cpic-brno-poradenstvi")
    assert "Po, St 8:30–12:00, 13:00–17:00; Út, Čt 8:30–12:00" in centre
    # Without a place of its own, the card calls the organisation.
    streetwork = next(s for s in CURRENT if not s.places)
    org = DIRECTORY.organisation(streetwork.organisation)
    region = read(example_site, "sluzby/" + REGION_SLUGS[streetwork.regions[0]])
    assert f'href="tel:{org.phone.replace(" ", "")}"' in card_of(region, streetwork.id)
    # Nothing on the card depends on the day the page was built: "today" is left to the browser.
    assert "zv-today" not in centre and "Dnes" not in centre


def test_a_services_own_hours_are_on_its_page_and_in_its_json_ld(example_site):
    page = read(example_site, "en/sluzby/s/cpic-brno-pravnik")
    table = page.split('class="zv-hours"')[1].split("</table>")[0]
    assert re.search(r"Tuesday</th>\s?<td>1:00\sPM–4:00\sPM<", table)
    assert "Monday" not in table
    document = json.loads(re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S).group(1))
    hours = document["availableChannel"][0]["serviceLocation"]["openingHoursSpecification"]
    assert [(h["dayOfWeek"], h["opens"], h["closes"]) for h in hours] == [
        ("https://schema.org/Tuesday", "13:00", "16:00")]


def test_service_pages_describe_the_service_as_schema_org_json_ld(example_site):
    page = read(example_site, "ru/sluzby/s/icp-pravni-poradenstvi")
    data = json.loads(html.unescape(page.split('<script type="application/ld+json">')[1].split("</script>")[0]))
    service = DIRECTORY.service("icp-pravni-poradenstvi")
    assert data["@type"] == "Service"
    assert data["name"] == service.name["ru"]
    assert data["isAccessibleForFree"] is service.cost.free
    assert data["provider"]["name"] == DIRECTORY.organisation(service.organisation).name["ru"]
    assert data["availableChannel"][0]["serviceLocation"]["address"]["addressCountry"] == "CZ"


def test_places_open_in_a_map_app_only_when_clicked(example_site):
    page = read(example_site, "sluzby/s/icp-socialni-poradenstvi")
    assert 'href="geo:50.0755,14.429?q=' in page or 'href="geo:50.0755,14.4290?q=' in page
    assert "openstreetmap.org/?mlat=" in page
    assert "<iframe" not in page and "<img" not in page.split("md-content")[1]


def test_service_pages_are_not_in_the_navigation_so_pages_do_not_grow_with_the_directory(example_site):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "sluzby/s/" not in nav and "sluzby/praha" not in nav


# --- in a real browser ------------------------------------------------------------------------

browser_only = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def served(example_site):
    with serve_directory(example_site) as base:
        yield base


@pytest.fixture(scope="module")
def chromium():
    with launch_chromium() as browser:
        yield browser


def visible_cards(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-service]:not([hidden])", "els => els.map(e => e.dataset.service)"))


@browser_only
def test_filters_work_instantly_with_javascript(chromium, served):
    page = chromium.new_page()
    page.goto(served + "en/sluzby/praha/")
    prague = [s for s in CURRENT if "CZ010" in s.regions]
    assert page.is_visible("form.zv-filter")
    page.select_option("select[name=language]", "ru")
    page.uncheck("input[name=interpreted]")
    assert visible_cards(page) == {s.id for s in prague if "ru" in s.languages.staff}
    page.check("input[name=interpreted]")
    assert visible_cards(page) == {s.id for s in prague if "ru" in s.languages.staff + s.languages.interpreter}
    page.select_option("select[name=category]", "legal_counselling")
    page.check("input[name=free]")
    expected = {s.id for s in prague if "ru" in s.languages.staff + s.languages.interpreter
                and "legal_counselling" in s.categories and s.cost.free}
    assert visible_cards(page) == expected
    assert page.inner_text("form.zv-filter [role=status]") == f"Services shown: {len(expected)}"
    page.close()


@browser_only
def test_without_javascript_the_form_is_hidden_and_the_lists_are_offered(chromium, served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "en/sluzby/praha/")
    assert not page.is_visible("form.zv-filter")
    assert page.is_visible("nav.zv-lists a[href='jazyk-ar/']")
    page.click("nav.zv-lists a[href='jazyk-ar/']")
    assert page.url.endswith("/en/sluzby/praha/jazyk-ar/")
    context.close()


def prague_time(page, iso: str) -> dict:
    return page.evaluate(f"window.zavazekOpening.pragueTime(new Date('{iso}'))")


@browser_only
@pytest.mark.parametrize("instant, day, minute", [
    ("2026-11-23T09:30:00Z", 0, 10 * 60 + 30),   # Monday 10:30 in winter (UTC+1)
    ("2026-11-23T23:30:00Z", 1, 30),             # after midnight: already Tuesday 0:30 in Prague
    ("2026-03-29T00:30:00Z", 6, 90),             # Sunday 1:30, before the change to summer time
    ("2026-03-29T01:30:00Z", 6, 3 * 60 + 30),    # an hour later it is 3:30 (UTC+2)
    ("2026-10-25T00:30:00Z", 6, 2 * 60 + 30),    # 2:30 summer time, before the clocks go back
    ("2026-10-25T01:30:00Z", 6, 2 * 60 + 30),    # 2:30 again, now winter time
])
def test_the_browser_computes_prague_time_across_midnight_and_summer_time(chromium, served, instant, day, minute):
    page = chromium.new_page()
    page.goto(served + "sluzby/praha/")
    assert prague_time(page, instant) == {"day": day, "minute": minute}
    page.close()


@browser_only
def test_open_now_at_fixed_times(chromium, served):
    """ICP's counselling: Mon 9:00–12:00 and 13:00–17:00; the Liberec shelter is open day and night."""
    cases = [
        ("2026-11-23T09:30:00Z", "en/sluzby/praha/", "icp-socialni-poradenstvi", True),    # Monday 10:30
        ("2026-11-23T11:30:00Z", "en/sluzby/praha/", "icp-socialni-poradenstvi", False),   # Monday 12:30, lunch
        ("2026-11-23T16:30:00Z", "en/sluzby/praha/", "icp-socialni-poradenstvi", False),   # Monday 17:30
        ("2026-11-23T23:30:00Z", "en/sluzby/liberecky/", "sever-azylovy-dum-liberec", True),  # Tuesday 0:30
    ]
    for instant, path, service, expected in cases:
        context = chromium.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(instant)
        page.goto(served + path)
        page.select_option("select[name=when]", "now")
        assert (service in visible_cards(page)) is expected, (instant, service)
        badge = page.inner_text(f"[data-service='{service}'] .zv-open-now")
        assert badge == ("open now" if expected else "closed now")
        context.close()


@browser_only
def test_a_regions_list_prints_on_a4_with_every_service_and_without_the_filters(chromium, served):
    page = chromium.new_page()
    page.goto(served + "en/sluzby/praha/")
    pdf = page.pdf(format="A4")
    page.close()
    text = pdf_text(pdf)
    for service in CURRENT:
        if "CZ010" in service.regions:
            assert " ".join(service.name["en"].split())[:30] in text
    assert "Filter the list" not in text


@browser_only
def test_a_service_prints_on_a4_with_its_places_and_hours_and_without_the_site_around_it(chromium, served):
    from pypdf import PdfReader

    service = DIRECTORY.service("icp-socialni-poradenstvi")
    page = chromium.new_page()
    page.goto(served + "ru/sluzby/s/icp-socialni-poradenstvi/")
    pdf = page.pdf(format="A4")
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = pdf_text(pdf)
    assert service.name["ru"][:30] in text
    assert service.places[0].address.street in text
    assert "13:00" in text  # the afternoon opening hours
    assert "OpenStreetMap" not in text  # map links are for screens only
    assert len(reader.pages) <= 2


def test_hours_written_to_24_00_are_shown_as_written_and_on_a_12_hour_clock_end_at_11_59_pm(example_site):
    page = read(example_site, "sluzby/s/sever-azylovy-dum-liberec")
    assert "0:00–24:00" in page and "23:59" not in page
    english = read(example_site, "en/sluzby/s/sever-azylovy-dum-liberec")
    assert "12:00\u202fAM–11:59\u202fPM" in english and "AM–24:00" not in english
    assert '"closes":"24:00"' in english  # machines read the hours as written (schema.org)


def test_the_list_of_regions_counts_services_in_the_pages_language(example_site):
    prague = len([s for s in CURRENT if "CZ010" in s.regions])
    assert f"({prague} услуг)" in read(example_site, "ru/sluzby")
    assert f"({prague} služeb)" in read(example_site, "sluzby")


PHONE = {"width": 360, "height": 740}


@browser_only
@pytest.mark.parametrize("lang", ["cs", "ru"])
def test_on_a_phone_the_first_result_of_a_filter_is_in_view_right_after_choosing_it(chromium, served, lang):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + prefix(lang) + "sluzby/jihomoravsky/")
    page.select_option("select[name=category]", "legal_counselling")
    page.select_option("select[name=when]", "1")  # the last control of the form: the reader has scrolled to it
    assert visible_cards(page) == {"cpic-brno-poradenstvi", "cpic-brno-pravnik"}
    top = page.eval_on_selector("[data-service]:not([hidden])", "e => e.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] - 60, top  # at least its title shows
    context.close()


@browser_only
def test_filter_controls_are_touch_targets_of_at_least_44_px(chromium, served):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + "ru/sluzby/jihomoravsky/")
    boxes = page.eval_on_selector_all(
        "form.zv-filter select, form.zv-filter label:has(input[type=checkbox])",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.tagName, r.width, r.height]; })",
    )
    assert len(boxes) == 5
    assert all(width >= 44 and height >= 44 for _tag, width, height in boxes), boxes
    context.close()


@browser_only
def test_a_card_says_what_today_brings_when_the_page_is_read_not_when_it_was_built(chromium, served):
    context = chromium.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-30T09:30:00Z")  # Monday 10:30 in Prague, a week after the build
    page.goto(served + "en/sluzby/jihomoravsky/")

    def today(service):
        return " ".join(page.inner_text(f"[data-service='{service}'] dd.zv-today").split())

    assert today("cpic-brno-poradenstvi") == "8:30 AM–12:00 PM, 1:00 PM–5:00 PM open now"
    assert today("cpic-brno-pravnik") == "closed; next open Tue 1:00 PM"
    page.goto(served + "ru/sluzby/jihomoravsky/jazyk-ru/")  # the ready-made lists too
    assert today("cpic-brno-pravnik") == "закрыто; откроется Вт в 13:00"
    context.close()


@browser_only
def test_without_javascript_a_card_shows_the_week_and_no_line_for_today(chromium, served):
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(served + "sluzby/jihomoravsky/")
    card = page.inner_text("[data-service='cpic-brno-pravnik']")
    assert "Út 13:00–16:00" in card and "Příkladová 1, Brno" in card
    assert not page.is_visible("[data-service='cpic-brno-pravnik'] .zv-today")
    assert "Dnes" not in card
    context.close()


# --- a service with places in two regions: each region's card shows its own place ---------------

#: Offices in Praha 1 (Mon, Wed 10:00–16:00), Mladá Boleslav (Tue 13:00–18:00) and Kladno (Thu 13:00–18:00).
TWO_REGIONS = "migrace-poradenstvi"
THURSDAY_AFTERNOON = "2026-11-26T13:30:00Z"  # Thursday 14:30 in Prague: Kladno is open, Praha 1 is not


def test_the_two_regions_service_has_places_in_both_regions():
    service = DIRECTORY.service(TWO_REGIONS)
    assert service.regions == ["CZ010", "CZ020"]
    assert {p.region for p in service.places} == {"CZ010", "CZ020"}


def test_a_card_shows_only_the_places_in_its_regions_list(example_site):
    prague = html.unescape(re.sub(r"<[^>]+>", " ", card_of(read(example_site, "sluzby/praha"), TWO_REGIONS)))
    central = html.unescape(re.sub(r"<[^>]+>", " ", card_of(read(example_site, "sluzby/stredocesky"), TWO_REGIONS)))
    assert "Ukázková 40" in prague and "Po, St 10:00–16:00" in prague
    assert "Kladno" not in prague and "Čt 13:00–18:00" not in prague
    assert "Vzorová 8, Kladno" in central and "Čt 13:00–18:00" in central and "Út 13:00–18:00" in central
    assert "Ukázková 40" not in central
    # the ready-made list "open on Thursday" of Prague does not list it: its Prague office is closed then
    assert TWO_REGIONS not in listed(read(example_site, "sluzby/praha/ctvrtek"))
    assert TWO_REGIONS in listed(read(example_site, "sluzby/stredocesky/ctvrtek"))


@browser_only
def test_each_regions_card_says_what_today_brings_at_the_place_in_that_region(chromium, served):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(THURSDAY_AFTERNOON)

    def today_lines(path):
        page.goto(served + path)
        return [" ".join(line.split()) for line in
                page.locator(f"[data-service='{TWO_REGIONS}'] dd.zv-today").all_inner_texts()]

    assert today_lines("sluzby/praha/") == ["zavřeno; příště otevřeno Po 10:00"]
    assert today_lines("sluzby/stredocesky/") == ["Mladá Boleslav: zavřeno; příště otevřeno Út 13:00",
                                                  "Kladno: 13:00–18:00 teď otevřeno"]
    assert today_lines("ru/sluzby/stredocesky/") == ["Млада-Болеслав: закрыто; откроется Вт в 13:00",
                                                     "Кладно: 13:00–18:00 сейчас открыто"]
    # "open now" keeps the service in Central Bohemia's list, not in Prague's
    page.goto(served + "sluzby/praha/")
    page.select_option("select[name=when]", "now")
    assert TWO_REGIONS not in visible_cards(page)
    page.goto(served + "sluzby/stredocesky/")
    page.select_option("select[name=when]", "now")
    assert TWO_REGIONS in visible_cards(page)
    context.close()


@browser_only
def test_a_service_page_says_what_today_brings_at_each_place(chromium, served):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(THURSDAY_AFTERNOON)
    page.goto(served + f"ru/sluzby/s/{TWO_REGIONS}/")
    lines = {place: " ".join(page.inner_text(f"#place-{place} + .zv-section .zv-today").split())
             for place in ("migrace-praha", "migrace-kladno")}
    assert lines == {"migrace-praha": "Сегодня: закрыто; откроется Пн в 10:00",
                     "migrace-kladno": "Сегодня: 13:00–18:00 сейчас открыто"}
    context.close()


@browser_only
@pytest.mark.parametrize("lang", ["ru", "vi", "uk"])
def test_the_line_for_today_writes_times_as_the_hours_table_does(chromium, served, lang):
    """Brno's centre opens at 8:30 on Monday; in Russian, Vietnamese and Ukrainian the table writes 08:30."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-30T09:30:00Z")  # Monday 10:30 in Prague
    page.goto(served + f"{lang}/sluzby/s/cpic-brno-poradenstvi/")
    monday = page.locator("table.zv-hours tr").first.locator("td").inner_text()
    assert monday.startswith("08:30")
    assert monday in page.inner_text(".zv-section .zv-today")
    page.goto(served + f"{lang}/sluzby/jihomoravsky/")
    assert monday in page.inner_text("[data-service='cpic-brno-poradenstvi'] dd.zv-today")
    context.close()


def test_a_service_page_names_each_region_once_with_its_own_districts(example_site):
    page = html.unescape(re.sub(r"<[^>]+>", "", read(example_site, f"ru/sluzby/s/{TWO_REGIONS}")))
    assert "Прага; Среднечешский край (Кладно, Млада-Болеслав)" in page
    assert "Прага (Прага" not in page


@browser_only
@pytest.mark.parametrize("lang", ["cs", "ru"])
def test_filter_choices_come_back_with_the_back_button_and_from_the_address(chromium, served, lang):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + prefix(lang) + "sluzby/jihomoravsky/")
    every = visible_cards(page)
    page.select_option("select[name=category]", "legal_counselling")
    page.uncheck("input[name=interpreted]")
    chosen = visible_cards(page)
    assert chosen < every
    address = page.url
    assert "category=legal_counselling" in address and "interpreted=0" in address
    page.click("[data-service]:not([hidden]) h3 a")
    page.wait_for_url("**/sluzby/s/**")
    page.go_back()
    page.wait_for_url(address)
    assert page.input_value("select[name=category]") == "legal_counselling"
    assert not page.is_checked("input[name=interpreted]")
    assert visible_cards(page) == chosen
    other = context.new_page()  # the address alone, as when shared or bookmarked
    other.goto(address)
    assert other.input_value("select[name=category]") == "legal_counselling"
    assert visible_cards(other) == chosen
    other.select_option("select[name=category]", "")  # back to every kind of help: the address says so too
    assert "category=" not in other.url
    context.close()
