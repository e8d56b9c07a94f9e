"""The map of the fourteen regions, drawn at build time as a tile grid (SVG).

Each region is a square in roughly its place in the country, a link to its
page with its name and count of services as the accessible name. Nothing is
fetched from another server; the same list of regions is given beside the
map as plain links for screen readers and print.
"""

from __future__ import annotations

from markupsafe import Markup, escape

#: Column and row of each region's tile, west to east and north to south.
TILES = {
    "CZ041": (0, 0),  # Karlovy Vary
    "CZ042": (1, 0),  # Ústí nad Labem
    "CZ051": (2, 0),  # Liberec
    "CZ052": (3, 0),  # Hradec Králové
    "CZ032": (0, 1),  # Plzeň
    "CZ020": (1, 1),  # Central Bohemia
    "CZ010": (2, 1),  # Prague
    "CZ053": (3, 1),  # Pardubice
    "CZ071": (4, 1),  # Olomouc
    "CZ080": (5, 1),  # Moravian-Silesian
    "CZ031": (1, 2),  # South Bohemia
    "CZ063": (2, 2),  # Vysočina
    "CZ064": (3, 2),  # South Moravia
    "CZ072": (4, 2),  # Zlín
}

#: Short labels on the tiles (the full name is the link's accessible name).
ABBREVIATIONS = {
    "CZ010": "PHA", "CZ020": "STČ", "CZ031": "JHČ", "CZ032": "PLK", "CZ041": "KVK", "CZ042": "ULK",
    "CZ051": "LBK", "CZ052": "HKK", "CZ053": "PAK", "CZ063": "VYS", "CZ064": "JHM", "CZ071": "OLK",
    "CZ072": "ZLK", "CZ080": "MSK",
}

SIZE = 84
GAP = 6


def region_map(regions: list[dict], title: str) -> Markup:
    """An inline SVG; ``regions`` items have ``code``, ``name``, ``count``, ``url`` and ``label``."""
    cols = max(c for c, _ in TILES.values()) + 1
    rows = max(r for _, r in TILES.values()) + 1
    width, height = cols * (SIZE + GAP), rows * (SIZE + GAP)
    parts = [
        f'<svg class="zv-map" viewBox="0 0 {width} {height}" role="group" aria-label="{escape(title)}">'
    ]
    for region in regions:
        col, row = TILES[region["code"]]
        x, y = col * (SIZE + GAP), row * (SIZE + GAP)
        empty = " zv-map__tile--empty" if not region["count"] else ""
        parts.append(
            f'<a href="{escape(region["url"])}" class="zv-map__tile{empty}" aria-label="{escape(region["label"])}">'
            f'<rect x="{x}" y="{y}" width="{SIZE}" height="{SIZE}" rx="6"/>'
            f'<text x="{x + SIZE / 2}" y="{y + 34}" text-anchor="middle" class="zv-map__abbr">{ABBREVIATIONS[region["code"]]}</text>'
            f'<text x="{x + SIZE / 2}" y="{y + 62}" text-anchor="middle" class="zv-map__count">{region["count"]}</text>'
            f"</a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
