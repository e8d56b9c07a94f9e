"""The region map: 14 keyboard-reachable links with accessible names, readable colours, nothing external."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zavazek.directory.map import BORDER, COLOURS, GRID, region_counts, region_map
from zavazek.loader import load_data
from zavazek.model import codes

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def counts():
    directory = load_data(ROOT / "data", ["cs", "en", "ru", "vi"], TODAY).services
    return region_counts(directory, TODAY)


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
    # Plzeň: CPIC centre, OPU's running field programme and legal counselling; not the 2016–2018 programme
    assert counts["CZ032"] == 3


def test_every_region_is_a_link_with_its_name_and_count(counts):
    svg = region_map(counts, "en", lambda code: f"../sluzby/{code.lower()}/")
    root = ET.fromstring(svg)
    links = root.findall(f"{SVG}a")
    assert len(links) == 14
    plzen = next(a for a in links if a.get("data-region") == "CZ032")
    assert plzen.get("href") == "../sluzby/cz032/"
    assert plzen.get("aria-label") == "Plzeň Region: 3 services"
    assert plzen.find(f"{SVG}title").text == "Plzeň Region: 3 services"
    for a in links:
        assert a.get("href") and a.get("tabindex") in (None, "0")  # links are in the tab order
        assert all(t.get("aria-hidden") == "true" for t in a.findall(f"{SVG}text"))
    assert root.get("role") == "group" and root.find(f"{SVG}title").text == "Services by region"
    assert "a:focus rect" in svg


def test_the_map_uses_no_external_resources(counts):
    svg = region_map(counts, "vi", lambda code: f"#{code}")
    without_namespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://|url\(|@import|<image|<script|<foreignObject", without_namespace)


def test_colours_have_sufficient_contrast():
    for fill, ink in COLOURS:
        assert contrast(fill, ink) >= 4.5, (fill, ink)
    assert contrast(BORDER, "#ffffff") >= 3


def test_names_are_escaped_and_translated_where_a_catalog_has_them(counts):
    svg = region_map(counts, "cs", lambda code: f'?r={code}&x="1"')
    ET.fromstring(svg)  # still well-formed
    assert "&amp;x=&quot;1&quot;" in svg
