"""A tile-grid map of the 14 regions, drawn at build time as inline SVG.

Each region is one square tile placed roughly where the region lies, so the
map reads at any size, needs no map tiles, scripts, fonts or other external
resources, and works with a keyboard and a screen reader:

* each tile is an SVG ``<a>`` link (focusable with Tab) whose accessible
  name is the region's full name and its number of services
  ("Plzeň Region: 4 services"), also shown as a tooltip (``<title>``);
* the tile shows the region's official abbreviation and the count;
* colours get darker with more services; every text/fill pair has a
  contrast of at least 4.5:1, tile borders at least 3:1 against white, and a
  focused tile gets a thick outline.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Callable

from zavazek import i18n
from zavazek.model import codes
from zavazek.model.services import Directory

#: Tile position (column, row) of each region, west to east and north to south.
GRID = {
    "CZ041": (0, 0), "CZ042": (1, 0), "CZ051": (2, 0), "CZ052": (3, 0),
    "CZ032": (0, 1), "CZ010": (1, 1), "CZ020": (2, 1), "CZ053": (3, 1), "CZ071": (4, 1), "CZ080": (5, 1),
    "CZ031": (1, 2), "CZ063": (2, 2), "CZ064": (3, 2), "CZ072": (4, 2),
}

#: Official Czech abbreviations of the regions (ČSÚ); the full name is the link's accessible name.
ABBREVIATIONS = {
    "CZ010": "PHA", "CZ020": "STČ", "CZ031": "JHČ", "CZ032": "PLK", "CZ041": "KVK", "CZ042": "ULK",
    "CZ051": "LBK", "CZ052": "HKK", "CZ053": "PAK", "CZ063": "VYS", "CZ064": "JHM", "CZ071": "OLK",
    "CZ072": "ZLK", "CZ080": "MSK",
}

#: (fill, text) per level: none, 1, 2–3, 4+ services. Contrast of each pair is at least 4.5:1.
COLOURS = (
    ("#f4f4f4", "#3d3d3d"),
    ("#d4e4f4", "#102a43"),
    ("#5b8ec4", "#000000"),
    ("#1f4e79", "#ffffff"),
)
BORDER = "#4a4a4a"  # against the white page: over 3:1
FOCUS = "#000000"

TILE = 96
GAP = 6


def level(count: int) -> int:
    return 0 if count <= 0 else 1 if count == 1 else 2 if count <= 3 else 3


def region_counts(directory: Directory, day: dt.date) -> dict[str, int]:
    """Services that have not ended, per region (a service in two regions counts in both)."""
    return {code: len(directory.in_region(code, day)) for code in codes.REGIONS}


def region_map(
    counts: dict[str, int],
    lang: str,
    href: Callable[[str], str],
    id_prefix: str = "region-map",
) -> str:
    """The SVG markup (to put inline in a page); ``href(code)`` gives each tile's link."""
    t = i18n.translations(lang)
    columns = max(c for c, _r in GRID.values()) + 1
    rows = max(r for _c, r in GRID.values()) + 1
    width = columns * TILE + (columns + 1) * GAP
    height = rows * TILE + (rows + 1) * GAP
    title = t.gettext("Services by region")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="zavazek-region-map" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="{id_prefix}-title" width="100%" style="max-width:{width}px">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        "<style>"
        f".zavazek-region-map a:focus{{outline:none}}"
        f".zavazek-region-map a:focus rect,.zavazek-region-map a:hover rect"
        f"{{stroke:{FOCUS};stroke-width:5}}"
        f".zavazek-region-map text{{font-family:inherit;pointer-events:none}}"
        "</style>",
    ]
    for code, (col, row) in GRID.items():
        count = counts.get(code, 0)
        name = t.gettext(codes.REGIONS[code])
        label = t.ngettext("{name}: {count} service", "{name}: {count} services", count).format(
            name=name, count=count
        )
        fill, ink = COLOURS[level(count)]
        x = GAP + col * (TILE + GAP)
        y = GAP + row * (TILE + GAP)
        parts.append(
            f'<a href="{escape(href(code))}" aria-label="{escape(label)}" data-region="{code}">'
            f"<title>{escape(label)}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="8" fill="{fill}" '
            f'stroke="{BORDER}" stroke-width="1.5"/>'
            f'<text x="{x + TILE / 2:g}" y="{y + 38}" text-anchor="middle" font-size="20" font-weight="bold" '
            f'fill="{ink}" aria-hidden="true">{ABBREVIATIONS[code]}</text>'
            f'<text x="{x + TILE / 2:g}" y="{y + 72}" text-anchor="middle" font-size="26" '
            f'fill="{ink}" aria-hidden="true">{count}</text>'
            "</a>"
        )
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["ABBREVIATIONS", "COLOURS", "GRID", "level", "region_counts", "region_map"]
