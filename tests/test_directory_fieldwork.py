"""Field work ("we come to you", no street) and places open by appointment, in every output of the directory."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from site_fixtures import ROOT, TODAY
from zavazek.site.directory import handouts
from zavazek.site.directory.rendering import directory_templates
from zavazek.site.directory.standing import on_day
from zavazek.site.opendata.files import files as open_data_files
from zavazek.site.directory.handouts import Handout
from zavazek.core.loader import DataError, load_data
from zavazek.engine.config import open_project

LANGS = ["cs", "en", "ru", "vi"]
DAY = dt.date.fromisoformat(TODAY)
FIELD, BOOKED = "cpic-plzen-terenni", "cpic-klatovy-konzultace"

browser_only = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def data():
    return load_data(ROOT / "data", LANGS, DAY)


def _card(site, path: str, service_id: str) -> str:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    start = page.index(f'data-service="{service_id}"')
    return page[start:page.index("</li>", start)]


def _text(markup: str) -> str:
    """The words a reader sees: blocks and line breaks apart, inline markup (links) inside the line."""
    spaced = re.sub(r"<(br|/?dd|/?dt|/?p|/?h\d|/?li|/?div|/?table|/?tr|/?td|/?th|/?caption)\b[^>]*>", " ", markup)
    return " ".join(re.sub(r"<[^>]+>", "", spaced).replace("\u202f", " ").split())


def _json_ld(site, path: str) -> dict:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', page, re.S).group(1))


# --- pages -----------------------------------------------------------------------


@pytest.mark.parametrize("path,says,districts", [
    ("sluzby/plzensky", "Přijedeme za vámi:", "Domažlice, Klatovy, Plzeň-jih"),
    ("ru/sluzby/plzensky", "Мы приедем к вам:", "Домажлице, Клатови, Пльзень-юг"),
])
def test_a_field_services_card_in_its_region_says_we_come_to_you_with_its_districts_and_no_street(
        example_site, path, says, districts):
    card = _text(_card(example_site, path, FIELD))
    assert f"{says} {districts}" in card
    assert "None" not in card and " , " not in card and ": ," not in card  # no empty street
    assert "8:00–16:00" in card  # the hours the workers can be reached


def test_a_field_service_is_listed_in_the_regions_of_its_districts_only(example_site):
    assert f'data-service="{FIELD}"' in (example_site / "sluzby/plzensky/index.html").read_text(encoding="utf-8")
    for other in ("praha", "jihomoravsky", "karlovarsky"):
        assert f'data-service="{FIELD}"' not in (example_site / f"sluzby/{other}/index.html").read_text(encoding="utf-8")


def test_a_field_service_page_names_its_districts_and_has_no_address_or_map_link(example_site):
    page = (example_site / "en/sluzby/s" / FIELD / "index.html").read_text(encoding="utf-8")
    section = _text(page[page.index('<h2 id="place-terenni-plzen-jih"'):page.index('<h2 id="contact"')])
    assert section.startswith("We come to you Domažlice, Klatovy, Plzeň-jih +420 000 000 330")
    assert "Open in a map app" not in section and "openstreetmap" not in section


def test_a_field_services_json_ld_serves_its_districts_and_invents_no_address(example_site):
    document = _json_ld(example_site, f"sluzby/s/{FIELD}")
    served = {a.get("identifier") for a in document["areaServed"]}
    assert {"CZ032", "CZ0321", "CZ0322", "CZ0324"} <= served
    assert all(a["@type"] == "AdministrativeArea" and a["name"] for a in document["areaServed"])
    text = json.dumps(document)
    assert "PostalAddress" not in text and "serviceLocation" not in text
    assert "openingHoursSpecification" not in text  # the hours are when its phone is answered
    assert document["availableChannel"][0]["servicePhone"]["telephone"] == "+420 000 000 330"


def test_an_appointment_places_json_ld_gives_the_booking_contact_and_no_opening_hours(example_site):
    document = _json_ld(example_site, f"en/sluzby/s/{BOOKED}")
    channel, = document["availableChannel"]
    assert channel["serviceLocation"]["address"]["streetAddress"] == "Ukázková 7"
    assert "openingHoursSpecification" not in channel["serviceLocation"]
    assert channel["servicePhone"] == {
        "@type": "ContactPoint", "contactType": "appointment", "telephone": "+420 000 000 331",
        "email": "klatovy@suz.example.org", "description": "We reply within two working days.",
    }


@pytest.mark.parametrize("path,booking", [
    ("en/sluzby/plzensky", "By appointment: call +420 000 000 331, e-mail klatovy@suz.example.org, "
                           "send a text message to +420 000 000 332"),
    ("ru/sluzby/plzensky", "По записи: позвоните по номеру +420 000 000 331"),
])
def test_an_appointment_places_card_says_how_to_book_and_calls_the_booking_number(example_site, path, booking):
    card = _card(example_site, path, BOOKED)
    assert booking in _text(card)
    assert 'href="tel:+420000000331"' in card and 'href="sms:+420000000332"' in card
    assert "+420 000 000 100" not in card  # not the organisation's switchboard: the number to book


# --- the browser's line for today -----------------------------------------------------


@browser_only
@pytest.mark.parametrize("moment,lang,appointment", [
    ("2026-11-23T20:00:00+01:00", "en", "by appointment"),  # Monday evening
    ("2026-11-28T11:00:00+01:00", "ru", "по договорённости"),  # Saturday
])
def test_an_appointment_places_today_line_never_says_closed(example_site, moment, lang, appointment):
    with serve_directory(example_site) as base, launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.clock.set_fixed_time(dt.datetime.fromisoformat(moment))
        page.goto(f"{base}{lang}/sluzby/plzensky/")
        booked = page.locator(f'[data-service="{BOOKED}"] dd.zv-today').inner_text()
        field = page.locator(f'[data-service="{FIELD}"] dd.zv-today').inner_text()
        page.close()
    assert appointment in booked
    closed = {"en": "closed", "ru": "закрыт"}[lang]
    assert closed not in booked.lower()
    assert closed in field.lower()  # a place with hours and no appointment is closed then: the test can tell


# --- hand-outs ---------------------------------------------------------------------------


def test_a_hand_out_says_we_come_to_you_and_how_to_book_instead_of_a_street_and_hours(data):
    project = open_project(ROOT)
    services = data.services.in_region("CZ032", DAY)
    passages = handouts.Passages(on_day(data.services, DAY), project, directory_templates())
    text = _text(handouts.handout_html(Handout("CZ032", ("en",)), services, passages))
    assert "We come to you: Domažlice, Klatovy, Plzeň-jih: Mon–Thu 8:00 AM–4:00 PM" in text
    assert ("Ukázková 7, Klatovy: By appointment: call +420 000 000 331, e-mail klatovy@suz.example.org, "
            "send a text message to +420 000 000 332") in text
    assert "None" not in text


# --- open data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def files(data):
    project = open_project(ROOT)
    return open_data_files(on_day(data.services, DAY), project.languages, project.site_url)


def test_the_csv_leaves_a_field_places_street_empty_and_gives_its_districts_and_the_booking_contacts(files):
    rows = list(csv.DictReader(io.StringIO(files["sluzby/data/directory.csv"].decode("utf-8-sig"), newline="")))
    field, = [r for r in rows if r["service_id"] == FIELD]
    assert (field["street"], field["postcode"], field["city"]) == ("", "", "")
    assert field["area_districts"] == "CZ0321; CZ0322; CZ0324"
    assert field["opening_hours_prague_time"].startswith("mon 08:00-16:00")
    booked, = [r for r in rows if r["service_id"] == BOOKED]
    assert (booked["street"], booked["opening_hours_prague_time"]) == ("Ukázková 7", "")
    assert (booked["appointment_phone"], booked["appointment_email"], booked["appointment_text_message"]) == (
        "+420 000 000 331", "klatovy@suz.example.org", "+420 000 000 332")
    assert not any("None" in value for r in rows for value in r.values())


def test_our_json_gives_a_field_places_area_and_no_address_and_an_appointment(files):
    services = {s["id"]: s for s in json.loads(files["sluzby/data/directory.json"])["services"]}
    field, = services[FIELD]["places"]
    assert field["address"] is None and field["area"] == {"districts": ["CZ0321", "CZ0322", "CZ0324"], "towns": []}
    booked, = services[BOOKED]["places"]
    assert booked["opening_hours"] == {} and booked["appointment"]["email"] == "klatovy@suz.example.org"


def test_hsds_makes_a_field_place_a_service_area_and_an_appointment_a_schedule_with_its_contacts(files):
    hsds = json.loads(files["sluzby/data/hsds/hsds.json"])
    field = next(s["id"] for s in hsds["services"] if s["name"].startswith("Terénní sociální práce"))
    assert not [r for r in hsds["service_at_location"] if r["service_id"] == field]  # no location, no address
    area, = [a for a in hsds["service_areas"] if a["service_id"] == field and a.get("extent_type") == "LAU 1"]
    assert (area["extent"], area["description"]) == ("CZ0321, CZ0322, CZ0324", "Domažlice, Klatovy, Plzeň-jih")
    assert "Пльзень-юг" in area["x_translations"]["description"]["ru"]
    assert {s["byday"] for s in hsds["schedules"] if s["service_id"] == field} == {"MO", "TU", "WE", "TH"}
    booked = next(s["id"] for s in hsds["services"] if s["name"].startswith("Konzultace k pobytu"))
    schedule, = [s for s in hsds["schedules"] if s["service_id"] == booked]
    assert "freq" not in schedule and schedule["x_appointment"]["email"] == "klatovy@suz.example.org"
    assert "+420 000 000 331" in schedule["description"]
    numbers = {(p["number"], p["type"]) for p in hsds["phones"] if p.get("service_id") == booked}
    assert numbers == {("+420 000 000 331", "voice"), ("+420 000 000 332", "text")}


# --- services.yaml ---------------------------------------------------------------------------


def test_a_field_area_with_a_district_outside_the_services_regions_is_an_error_at_its_line(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    path = target / "services.yaml"
    text = path.read_text(encoding="utf-8")
    old = "          districts: [CZ0321, CZ0322, CZ0324]\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "          districts: [CZ0321, CZ0642]\n"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(DataError) as caught:
        load_data(target, LANGS, DAY)
    problem, = caught.value.errors
    assert problem.path.endswith(".places[0].area.districts[1]") and problem.line == line
    assert "CZ0642 (Brno-město)" in problem.message.render("en") and "CZ064" in problem.hint.render("en")
    assert "Okres CZ0642" in problem.message.render("cs")
