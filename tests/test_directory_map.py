"""The region map: 14 keyboard-reachable links named in the page's language, readable colours, nothing external."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zavazek.site.directory.standing import on_day
from zavazek.site.directory.map import BORDER, COLOURS, GRID, GRID_NARROW, region_counts, region_map
from zavazek.core.loader import load_data
from zavazek.core.model import codes

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
#: The regions' official Czech abbreviations, which mean nothing to a reader of another language.
CZECH_ABBREVIATIONS = {"PHA", "STČ", "JHČ", "PLK", "KVK", "ULK", "LBK", "HKK", "PAK", "VYS", "JHM", "OLK", "ZLK", "MSK"}


@pytest.fixture(scope="module")
def counts():
    directory = load_data(ROOT / "data", ["cs", "en", "ru", "vi"], TODAY).services
    return region_counts(on_day(directory, TODAY))


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_counts_leave_out_ended_services_and_cover_every_region(counts):
    assert set(counts) == set(codes.REGIONS) == set(GRID)
    assert all(n >= 1 for n in counts.values())
    # Plzeň: CPIC centre, its field work and its Klatovy office by appointment, OPU's running field
    # programme and legal counselling; not the 2016–2018 programme
    assert counts["CZ032"] == 5


def _tiles(markup: str) -> list[ET.Element]:
    root = ET.fromstring(markup)  # well-formed, so every name and link is escaped
    return [li.find("a") for li in root.iter("li")]


def test_every_region_is_a_link_with_its_name_and_count(counts):
    markup = region_map(counts, "en", lambda code: f"../sluzby/{code.lower()}/")
    links = _tiles(markup)
    assert len(links) == 14
    plzen = next(li for li in ET.fromstring(markup).iter("li") if li.get("data-region") == "CZ032").find("a")
    assert plzen.get("href") == "../sluzby/cz032/"
    assert plzen.get("aria-label") == plzen.get("title") == "Plzeň Region: 5 services"
    assert [span.text for span in plzen.findall("span")] == ["Plzeň", "5"]  # what the tile shows
    assert ET.fromstring(markup).find("ul").get("aria-label") == "Services by region"


@pytest.mark.parametrize("lang", ["ru", "vi", "cs"])
def test_tiles_show_region_names_in_the_pages_language_not_czech_codes(counts, lang):
    links = _tiles(region_map(counts, lang, lambda code: f"#{code}"))
    shown = {"".join(a.find("span").itertext()) for a in links}
    assert not shown & CZECH_ABBREVIATIONS
    for a in links:
        name = "".join(a.find("span").itertext()).replace("\u00ad", "")
        # what a tile shows is part of its accessible name, so voice control finds it by what it shows
        assert name.casefold() in a.get("aria-label").casefold()
    if lang == "ru":
        assert {"Южная Моравия", "Средняя Чехия", "Прага", "Пльзень"} <= shown
        south_moravia = next(a for a in links if a.get("href") == "#CZ064")
        assert south_moravia.get("aria-label").startswith("Южноморавский край (Южная Моравия): ")
    if lang == "vi":
        assert {"Nam Moravia", "Trung Bohemia", "Praha"} <= shown


def test_links_follow_the_map_west_to_east_and_north_to_south_in_both_layouts():
    assert set(GRID) == set(GRID_NARROW) == set(codes.REGIONS)
    for grid in (GRID, GRID_NARROW):
        assert len(set(grid.values())) == 14  # no two tiles on one square
    order = sorted(GRID, key=lambda code: (GRID[code][1], GRID[code][0]))
    markup = region_map({}, "en", lambda code: f"#{code}")
    assert [a.get("href")[1:] for a in _tiles(markup)] == order


def test_the_map_uses_no_external_resources(counts):
    markup = region_map(counts, "vi", lambda code: f"#{code}")
    assert not re.search(r"https?://|url\(|@import|<img|<image|<script|<iframe", markup)


def test_colours_have_sufficient_contrast():
    for fill, ink in COLOURS:
        assert contrast(fill, ink) >= 4.5, (fill, ink)
    assert contrast(BORDER, "#ffffff") >= 3


def test_links_are_escaped(counts):
    markup = region_map(counts, "cs", lambda code: f'?r={code}&x="1"')
    ET.fromstring(markup)  # still well-formed
    assert "&amp;x=&#34;1&#34;" in markup or "&amp;x=&quot;1&quot;" in markup
