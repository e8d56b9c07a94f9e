"""What the directory lists where: regions, and the pre-built lists that filter without JavaScript.

A region page lists every current service of the region once. For readers
without JavaScript, each filter value is also a small pre-built page of the
region (a category, a language spoken, free of charge, open on a weekday);
with JavaScript the same filters work instantly on the region page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zavazek.site import sitemap
from zavazek.core.model import hours
from zavazek.site.directory.opening import places_open_on
from zavazek.core.model import codes
from zavazek.core.model.services import Service


def data_date(services) -> dt.date | None:
    """The date a printed list's data is of: when its most recently checked record was checked."""
    return max((s.verified_on for s in services), default=None)


def hours_for_browser(service: Service) -> dict:
    """A card's hours for the browser: the week at all its places (minutes of the day, Monday = 0),
    and whether one of them is open by appointment (its ``appointment``, or no hours: the card says so)."""
    return hours.for_browser((p.opening_hours for p in service.places),
                             any(not p.opening_hours for p in service.places))


@dataclass(frozen=True)
class FilterList:
    """A pre-built list of a region: e.g. its services in Russian."""

    kind: str  # category | language | free | day
    value: str
    slug: str
    services: tuple[Service, ...]


def filter_lists(services: list[Service]) -> list[FilterList]:
    """Every pre-built list of a region's services that has at least one, in a stable order.

    A list with every service of the region is made too: "in Russian (3)"
    tells a Russian speaker there is help in Russian here, which a missing
    list would seem to deny. Only a list with no service is left out.
    """
    out = []
    for category in codes.SERVICE_CATEGORIES:
        matching = tuple(s for s in services if category in s.categories)
        if matching:
            out.append(FilterList("category", category, sitemap.filter_slug("category", category), matching))
    spoken = sorted({lang for s in services for lang in s.languages.staff + s.languages.interpreter})
    for lang in spoken:
        matching = tuple(s for s in services if lang in s.languages.staff or lang in s.languages.interpreter)
        out.append(FilterList("language", lang, sitemap.filter_slug("language", lang), matching))
    free = tuple(s for s in services if s.cost.free)
    if free:
        out.append(FilterList("free", "free", sitemap.filter_slug("free", "free"), free))
    for index in range(7):
        matching = tuple(s for s in services if places_open_on(s, index))
        if matching:
            out.append(FilterList("day", str(index), sitemap.filter_slug("day", str(index)), matching))
    return out


@dataclass(frozen=True)
class RegionCount:
    """A region on a kind of help's page: how many of its services give that help, and where they are listed."""

    region: str
    count: int
    path: str


def by_category(region_services: list[tuple[str, list[Service]]]) -> dict[str, list[RegionCount]]:
    """For each kind of help that some service gives, the regions that have it.

    Each region links to its ready-made list of that kind of help.
    """
    out = {}
    for category in codes.SERVICE_CATEGORIES:
        entries = []
        for code, services in region_services:
            count = sum(category in s.categories for s in services)
            if count:
                entries.append(RegionCount(code, count, sitemap.region_list(code, "category", category)))
        if entries:
            out[category] = entries
    return out
