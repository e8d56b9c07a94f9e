"""A tile-grid map of the 14 regions, drawn at build time as HTML (a CSS grid).

Each region is one tile placed roughly where the region lies, so the map
needs no map tiles, scripts, fonts or other external resources, and its
text is real text: it wraps on a 360 px phone, grows with the reader's font
size and is read by a screen reader in the page's language:

* each tile is a link showing the region's short name in the page's
  language ("Южная Моравия", "Nam Moravia") and its number of services;
  its accessible name (also its tooltip) is the region's full name and the
  count ("Южноморавский край (Южная Моравия): 4 услуги"); the short name is
  part of it, so voice control finds the tile by what it shows;
* on a narrow screen (the map's box under 26rem) the tiles take four
  columns (:data:`GRID_NARROW`), else six (:data:`GRID`); the order of the
  links is west to east, north to south in both;
* colours get darker with more services; every text/fill pair has a
  contrast of at least 4.5:1, tile borders at least 3:1 against white, and a
  focused tile gets a thick outline (``zavazek.css``).
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from zavazek.site import cldr
from zavazek.site import fallback
from zavazek.core.model import codes
from zavazek.site.directory.standing import DirectoryOnDay

#: Tile position (column, row) of each region, west to east and north to south.
GRID = {
    "CZ041": (0, 0), "CZ042": (1, 0), "CZ051": (2, 0), "CZ052": (3, 0),
    "CZ032": (0, 1), "CZ010": (1, 1), "CZ020": (2, 1), "CZ053": (3, 1), "CZ071": (4, 1), "CZ080": (5, 1),
    "CZ031": (1, 2), "CZ063": (2, 2), "CZ064": (3, 2), "CZ072": (4, 2),
}

#: The same on a narrow screen (a phone): four columns, Moravia folded under Bohemia,
#: so that each tile has room for its name in large enough letters.
GRID_NARROW = {
    "CZ041": (0, 0), "CZ042": (1, 0), "CZ051": (2, 0), "CZ052": (3, 0),
    "CZ032": (0, 1), "CZ010": (1, 1), "CZ020": (2, 1), "CZ053": (3, 1),
    "CZ031": (0, 2), "CZ063": (1, 2), "CZ071": (2, 2), "CZ080": (3, 2),
    "CZ064": (1, 3), "CZ072": (2, 3),
}

#: (fill, text) per level: none, 1, 2–3, 4+ services. Contrast of each pair is at least 4.5:1.
COLOURS = (
    ("#f4f4f4", "#3d3d3d"),
    ("#d4e4f4", "#102a43"),
    ("#5b8ec4", "#000000"),
    ("#1f4e79", "#ffffff"),
)
BORDER = "#4a4a4a"  # against the white page: over 3:1


def level(count: int) -> int:
    return 0 if count <= 0 else 1 if count == 1 else 2 if count <= 3 else 3


def region_counts(published: DirectoryOnDay) -> dict[str, int]:
    """Services listed on the day (not ended), per region (a service in two regions counts in both)."""
    return {code: len(services) for code, services in published.regions()}


def tile_label(code: str, count: int, lang: str) -> tuple[str, str]:
    """(what the tile shows, its accessible name) in ``lang``."""
    t = fallback.page_translations(lang)
    name = t.gettext(codes.REGIONS[code])
    short = t.gettext(codes.REGION_SHORT_NAMES[code])
    spoken = short.replace("\u00ad", "")  # a soft hyphen lets a long word break on a tile
    full = name if fallback.unmark(spoken).casefold() in fallback.unmark(name).casefold() else f"{name} ({spoken})"
    label = t.ngettext("{name}: {count} service", "{name}: {count} services", count).format(
        name=full, count=cldr.format_number(count, lang)
    )
    return short, label


def region_map(
    counts: dict[str, int],
    lang: str,
    href: Callable[[str], str],
    id_prefix: str = "region-map",
) -> Markup:
    """The map's markup (to put inline in a page); ``href(code)`` gives each tile's link."""
    title = fallback.page_translations(lang).gettext("Services by region")
    parts = [f'<div class="zv-region-map-box"><ul class="zv-region-map" id="{escape(id_prefix)}" '
             f'aria-label="{escape(title)}">']
    for code, (col, row) in sorted(GRID.items(), key=lambda item: (item[1][1], item[1][0])):
        narrow_col, narrow_row = GRID_NARROW[code]
        count = counts.get(code, 0)
        short, label = tile_label(code, count, lang)
        fill, ink = COLOURS[level(count)]
        parts.append(
            f'<li style="--c:{col + 1};--r:{row + 1};--nc:{narrow_col + 1};--nr:{narrow_row + 1}" data-region="{code}">'
            f'<a href="{escape(href(code))}" aria-label="{escape(label)}" title="{escape(label)}" '
            f'style="background:{fill};color:{ink};border-color:{BORDER}">'
            f'<span class="zv-region-map__name">{escape(short)}</span>'
            f'<span class="zv-region-map__count">{escape(cldr.format_number(count, lang))}</span>'
            "</a></li>"
        )
    parts.append("</ul></div>")
    return Markup("".join(parts))


__all__ = ["BORDER", "COLOURS", "GRID", "GRID_NARROW", "level", "region_counts", "region_map", "tile_label"]
