"""Contact cards (vCard) a reader saves into the phone, and the map links beside each address.

The cards of the built example are read back with a small vCard parser of
our own (unfolding, parameters, escapes), in Czech, Russian, Ukrainian and
Vietnamese: the name, the phone, the address and the opening hours in the
card's language.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from urllib.parse import unquote

import pytest

from site_fixtures import ROOT, TODAY
from zavazek.core.loader import load_data
from zavazek.site import hours_text, parallel
from zavazek.site.vcard import Contact, PostalAddress, vcard

LANGS = ["cs", "en", "ru", "uk", "vi"]
DATA = load_data(ROOT / "data", LANGS, dt.date.fromisoformat(TODAY))
OPENING_HOURS = {"cs": "Otevírací doba", "ru": "Часы работы", "uk": "Години роботи", "vi": "Giờ mở cửa"}


def parse(data: bytes) -> dict[str, list[tuple[dict, str]]]:
    """{property name: [(parameters, value), …]} of one vCard; raises on what is not a vCard 3.0."""
    text = data.decode("utf-8")
    assert "\r\n" in text and not re.search(r"(?<!\r)\n", text), "lines end with CRLF"
    lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[1] == "VERSION:3.0" and lines[-2] == "END:VCARD" and lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in data.decode("utf-8").split("\r\n")), "folded at 75 bytes"
    props: dict[str, list[tuple[dict, str]]] = {}
    for line in lines[2:-2]:
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        value = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
        props.setdefault(name.upper(), []).append((dict(p.split("=", 1) for p in params), value))
    return props


def raw(data: bytes, name: str) -> str:
    """A property's value before unescaping (for structured values, split on unescaped ``;``)."""
    line = next(l for l in data.decode().replace("\r\n ", "").split("\r\n") if l.startswith(name))
    return line.split(":", 1)[1]


def test_long_lines_are_folded_without_splitting_a_character_and_read_back_whole():
    name = "Юридическая консультация; с адвокатом, Brno\\ – " * 3
    card = vcard(Contact(name=name, phones=("+420 123 456 789",), note="Pondělí 9:00–17:00\nÚterý 9:00–12:00",
                         addresses=(PostalAddress("Příkladová 1", "Brno", "602 00"),)))
    props = parse(card)
    assert props["FN"][0][1] == name
    assert props["NOTE"][0][1] == "Pondělí 9:00–17:00\nÚterý 9:00–12:00"


@pytest.mark.parametrize("lang", ["cs", "ru", "uk", "vi"])
def test_a_service_card_says_name_phone_address_and_hours_in_the_pages_language(example_site, lang):
    directory = DATA.services
    service = directory.service("cpic-brno-pravnik")
    card = (example_site / f"sluzby/s/{service.id}/{service.id}-{lang}.vcf").read_bytes()
    props = parse(card)
    assert props["FN"][0][1] == service.name[lang]
    phone = directory.phone(service)
    assert phone and phone in [v for _, v in props["TEL"]]
    place = service.places[0]
    adr = raw(card, "ADR").split(";")
    assert adr[2] == place.address.street and adr[3] == str(place.address.city) and adr[5] == place.address.postcode
    assert props["GEO"][0][1] == f"{place.coordinates.lat};{place.coordinates.lon}"
    note = props["NOTE"][0][1]
    assert note.startswith(OPENING_HOURS[lang] + ":\n")
    tuesday = hours_text.weekday_text(1, lang)
    assert f"{tuesday} {hours_text.ranges_text(place.opening_hours.by_day()[1][1], lang)}" in note.splitlines()
    assert f"https://cpic.example.org/{'' if lang == 'cs' else lang + '/'}sluzby/s/{service.id}/" in [
        v for _, v in props["URL"]]


@pytest.mark.parametrize("lang", ["cs", "ru", "uk", "vi"])
def test_a_centre_card_names_the_centre_and_its_weekly_hours(example_site, lang):
    centre = DATA.commitment.centres[0]
    props = parse((example_site / f"strediska/{centre.id}-{lang}.vcf").read_bytes())
    assert props["FN"][0][1] == centre.name.root.get(lang, centre.name.root["cs"])
    assert centre.phone in [v for _, v in props["TEL"]]
    assert centre.address.street in props["ADR"][0][1]
    lines = props["NOTE"][0][1].splitlines()
    assert lines[0] == OPENING_HOURS[lang] + ":"
    open_days = [(day, ranges) for day, ranges in centre.opening_hours.by_day() if ranges]
    assert lines[1:] == [f"{hours_text.weekday_text(d, lang)} {hours_text.ranges_text(r, lang)}" for d, r in open_days]


def _links(page: str, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page) if re.search(pattern, h)]


@pytest.mark.parametrize("lang", LANGS)
def test_service_and_centres_pages_link_their_cards_and_the_phones_map(example_site, lang):
    prefix = "" if lang == "cs" else f"{lang}/"
    service_id = "cpic-brno-pravnik"
    folder = f"{prefix}sluzby/s/{service_id}/"
    page = (example_site / folder / "index.html").read_text(encoding="utf-8")
    [card] = _links(page, r"\.vcf$")
    assert card.endswith(f"/{service_id}-{lang}.vcf")
    assert (example_site / posixpath.normpath(folder + card)).is_file()
    assert 'download type="text/vcard"' in page
    geo = _links(page, "^geo:")
    assert geo and geo[0].startswith("geo:49.1951,16.6068?q=") and "Příkladová 1" in unquote(geo[0])
    assert "https://www.openstreetmap.org/?mlat=49.1951&mlon=16.6068#map=17/49.1951/16.6068" in _links(page, "openstreetmap")

    centres = (example_site / f"{prefix}strediska/index.html").read_text(encoding="utf-8")
    cards = _links(centres, r"\.vcf$")
    assert [c.rsplit("/", 1)[1] for c in cards] == [f"{c.id}-{lang}.vcf" for c in DATA.commitment.centres]
    assert all((example_site / posixpath.normpath(f"{prefix}strediska/" + c)).is_file() for c in cards)
    located = [c for c in DATA.commitment.centres if c.address is not None]
    assert len(_links(centres, "^geo:")) == len(located)
    assert len(_links(centres, "^https://www.openstreetmap.org/")) == len(located)


@pytest.mark.skipif(not parallel.can_fork(), reason="a child process needs a second core (and fork)")
def test_cards_made_by_a_child_process_are_the_cards_made_here_and_are_kept_for_the_next_build(monkeypatch):
    """A build of many services makes the cards on another core; a preview's next build reuses them all."""
    from zavazek.engine.config import open_project
    from zavazek.site import contact_cards
    from zavazek.site.directory.standing import on_day

    project = open_project(ROOT)
    published = on_day(DATA.services, dt.date.fromisoformat(TODAY))
    here = contact_cards.ContactCards().files(DATA, published, project)
    monkeypatch.setattr(contact_cards.ContactCards, "PARALLEL_FROM", 1)
    cards = contact_cards.ContactCards()
    cards.start(DATA, published, project)  # the child has the real service_card; from here on this process has not

    def made_here(*args):
        raise AssertionError("a service's card made by this process")

    monkeypatch.setattr(contact_cards, "service_card", made_here)
    assert cards.files(DATA, published, project) == here
    cards.start(DATA, published, project)  # the next build: every card is kept, nothing to start
    assert cards.files(DATA, published, project) == here
