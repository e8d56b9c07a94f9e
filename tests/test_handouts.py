"""Hand-outs a social worker gives a client: the directory's lists printed from Chromium, and the ready PDFs."""

from __future__ import annotations

import io
import math

import pytest
from pypdf import PdfReader

from browser import chromium_path, launch_chromium, serve_directory
from pdf_text import pdf_text
from site_fixtures import ROOT, TODAY
from zavazek.site import pdf as pdf_files
from zavazek.site.directory import handouts, listing
from zavazek.site.directory.handouts import Handout
from zavazek.site.directory.rendering import directory_templates
from zavazek.site.directory.standing import on_day
from zavazek.site.sitemap import REGION_SLUGS
from zavazek.core.loader import load_data
from zavazek.engine.config import open_project
import datetime as dt

LANGS = ["cs", "en", "ru", "vi"]
DAY = dt.date.fromisoformat(TODAY)
DATA = load_data(ROOT / "data", LANGS, DAY)
DIRECTORY = DATA.services
PROJECT = open_project(ROOT)
PRAGUE = DIRECTORY.in_region("CZ010", DAY)


def passages():
    return handouts.Passages(on_day(DIRECTORY, DAY), PROJECT, directory_templates())

browser_only = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def printed(example_site):
    """path -> PDF printed by Chromium on A4."""
    with serve_directory(example_site) as base, launch_chromium() as browser:
        def print_page(path: str) -> bytes:
            page = browser.new_page()
            page.goto(base + path)
            pdf = page.pdf(format="A4")
            page.close()
            return pdf
        yield print_page


@browser_only
def test_a_printed_region_list_has_six_services_a_page_each_with_street_phone_hours_and_page_address(printed):
    pdf = printed("en/sluzby/praha/")
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert len(PRAGUE) >= 6 and pages <= math.ceil(len(PRAGUE) / 6)
    text = pdf_text(pdf)
    for s in PRAGUE:
        here = listing.places_in(s, "CZ010")  # a list shows the places in its region
        for place in here:
            assert place.address.street in text
        assert DIRECTORY.phone(s, here) in text
        assert f"cpic.example.org/en/sluzby/s/{s.id}/" in text
    assert "Mon, Wed 8:00 AM–12:00 PM, 1:00 PM–5:00 PM" in text  # a week's hours on one line
    assert "Data as of October 12, 2026" in text  # the newest check of the listed services
    assert "Filter the list" not in text and "Ready-made lists" not in text


@browser_only
def test_a_kind_of_help_prints_the_address_of_each_regions_list(printed):
    text = pdf_text(printed("en/sluzby/druh/legal-counselling/"))
    assert "Legal counselling by region" in text
    assert "cpic.example.org/en/sluzby/praha/legal-counselling/" in text


@browser_only
def test_a_printed_service_page_has_its_facts_and_address(printed):
    service = DIRECTORY.service("icp-socialni-poradenstvi")
    text = pdf_text(printed("ru/sluzby/s/icp-socialni-poradenstvi/"))
    assert service.name["ru"][:30] in text and service.places[0].address.street in text
    assert "cpic.example.org/ru/sluzby/s/icp-socialni-poradenstvi/" in text
    assert DIRECTORY.organisation(service.organisation).email in text


def lang_tags(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    found, todo = set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if isinstance(node, list):
            todo += node
        elif hasattr(node, "get"):
            if "/Lang" in node:
                found.add(str(node["/Lang"]))
            if "/K" in node:
                todo.append(node["/K"])
    return found


@pytest.mark.parametrize("code", [c for c in REGION_SLUGS if DIRECTORY.in_region(c, DAY)])
def test_each_region_has_its_list_as_pdf_in_every_language_linked_from_its_page(example_site, code):
    slug = REGION_SLUGS[code]
    services = DIRECTORY.in_region(code, DAY)
    for lang in LANGS:
        prefix = "" if lang == "cs" else f"{lang}/"
        page = (example_site / prefix / "sluzby" / slug / "index.html").read_text(encoding="utf-8")
        variants = [(lang,)] if lang == "cs" else [(lang,), ("cs", lang)]
        for langs in variants:
            name = f"{slug}-{'-'.join(langs)}.pdf"
            assert f'{name}" type="application/pdf"' in page
            pdf = (example_site / "sluzby" / slug / name).read_bytes()
            text = pdf_text(pdf)
            for s in services:
                assert " ".join(s.name[lang].split())[:25] in text if lang in s.name.root else True
                assert DIRECTORY.phone(s) in text
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            assert pages <= max(1, math.ceil(len(services) / 6))


def test_the_bilingual_list_carries_czech_and_the_readers_language_tagged_as_such(example_site):
    pdf = (example_site / "sluzby" / "praha" / "praha-cs-ru.pdf").read_bytes()
    text = pdf_text(pdf)
    assert "Služby: Hlavní město Praha" in text and "Услуги: Прага" in text
    assert {"cs", "ru"} <= lang_tags(pdf)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "cs"


def test_a_region_hand_out_names_each_services_address_web_hours_languages_cost_and_page(example_site):
    text = pdf_text((example_site / "sluzby" / "praha" / "praha-en.pdf").read_bytes())
    assert "Services in Prague" in text and "Data as of October 12, 2026" in text
    assert "cpic.example.org/en/sluzby/praha/" in text
    for s in PRAGUE:
        org = DIRECTORY.organisation(s.organisation)
        assert all(place.address.street in text for place in s.places)
        assert (org.email or org.website.split("://")[-1].rstrip("/")) in text
        assert f"cpic.example.org/en/sluzby/s/{s.id}/" in text
    assert "Prague 5 (Praha 5): Mon, Wed 8:00 AM–12:00 PM, 1:00 PM–" in text  # a week's hours beside the place
    assert text.count("Staff speak:") == len(PRAGUE) and text.count("Cost:") == len(PRAGUE)


def test_a_ready_hand_out_is_the_same_sheet_as_that_region_rendered_alone(example_site):
    """Hand-outs are laid out many to a document and split: each file has its region's pages and only those."""
    handout = Handout("CZ064", ("cs", "vi"))
    alone = pdf_files.render(handouts.handout_html(handout, DIRECTORY.in_region("CZ064", DAY), passages()), ROOT)
    published = (example_site / handout.path).read_bytes()
    assert pdf_text(published) == pdf_text(alone)
    assert PdfReader(io.BytesIO(published)).metadata.title == "Služby: Jihomoravský kraj / Dịch vụ: Vùng Nam Moravia"


def test_a_long_list_numbers_its_own_pages_and_repeats_its_title_on_the_next_ones():
    long_list = Handout("CZ010", ("ru",))
    short_list = Handout("CZ064", ("ru",))
    made_passages = passages()
    sheets = [handouts.sheet(long_list, PRAGUE * 4, made_passages),
              handouts.sheet(short_list, DIRECTORY.in_region("CZ064", DAY), made_passages)]
    made = pdf_files.render_sheets(handouts.document(sheets, made_passages.templates), ROOT,
                                   {s.id: s.title for s in sheets})
    long_pages = PdfReader(io.BytesIO(made["praha-ru"])).pages
    assert len(long_pages) >= 2
    assert len(long_pages) <= math.ceil(len(PRAGUE) * 4 / 6)
    first, second = (" ".join(p.extract_text().split()) for p in long_pages[:2])
    assert first.count("Услуги: Прага") == 1 and first.endswith("1")  # the heading, not also the running title
    assert "Услуги: Прага" in second and second.endswith("2")
    short = PdfReader(io.BytesIO(made["jihomoravsky-ru"]))
    assert len(short.pages) == 1 and " ".join(short.pages[0].extract_text().split()).endswith("1")
    assert short.metadata.title == "Услуги: Южноморавский край"


def services_per_page(pdf: bytes, address: str) -> list[int]:
    """How many service pages' addresses each page of a hand-out prints."""
    return [page.extract_text().count(address) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("languages", [("cs", "vi"), ("en",)])
def test_every_full_page_of_a_long_list_has_at_least_six_services(languages):
    made_passages = passages()
    sheet = handouts.sheet(Handout("CZ010", languages), PRAGUE * 4, made_passages)
    made = pdf_files.render_sheets(handouts.document([sheet], made_passages.templates), ROOT, {sheet.id: sheet.title})
    prefix = "" if languages[0] == "cs" else f"{languages[0]}/"
    counts = services_per_page(made[sheet.id], f"cpic.example.org/{prefix}sluzby/s/")
    assert sum(counts) == len(PRAGUE) * 4
    assert len(counts) >= 2 and min(counts[:-1]) >= 6


def test_a_region_list_longer_than_a_few_sheets_gets_no_hand_out_but_says_what_to_print_instead(example_site):
    assert handouts.offered(PROJECT, "CZ010", ["a service"] * handouts.MAX_SERVICES, "ru")
    assert handouts.offered(PROJECT, "CZ010", ["a service"] * (handouts.MAX_SERVICES + 1), "ru") == []
    page = (example_site / "ru" / "sluzby" / "praha" / "index.html").read_text(encoding="utf-8")
    assert "praha-ru.pdf" in page and "слишком длинный" not in page
