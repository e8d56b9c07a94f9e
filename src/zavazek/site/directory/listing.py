"""What the directory lists where: regions, and the pre-built lists that filter without JavaScript.

A region page lists every current service of the region once. For readers
without JavaScript, each filter value is also a small pre-built page of the
region (a category, a language spoken, free of charge, open on a weekday);
with JavaScript the same filters work instantly on the region page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zavazek.core.model import codes, hours
from zavazek.core.model.services import Place, Service
from zavazek.site import hours_text, sitemap
from zavazek.site.directory.opening import open_on


def data_date(services) -> dt.date | None:
    """The date a printed list's data is of: when its most recently checked record was checked."""
    return max((s.verified_on for s in services), default=None)


def places_in(service: Service, region: str) -> tuple[Place, ...]:
    """The places of ``service`` that a list of ``region`` shows: those in the region (an office there,
    or field work in one of its districts); all of them when none is (the reader must go elsewhere)."""
    here = tuple(p for p in service.places if p.region_in(service) == region or region in p.area_regions)
    return here or tuple(service.places)


def place_for_browser(place: Place, lang: str, name: str = "") -> dict:
    """One place's hours for the browser's "today" line and filters (zavazek-directory.js): its week in
    minutes of the day (Monday = 0; none: open by appointment, the line says so), each open day's
    hours as the timetable writes them (the script reads a day's first opening from them, up to its
    "–"), and its ``name`` where a card or page shows several places."""
    hours_of_place = {"week": hours.minutes(place.opening_hours),
                      "text": hours_text.day_texts(place.opening_hours, lang)}
    return {"place": name, **hours_of_place} if name else hours_of_place


def hours_for_browser(places: tuple[Place, ...], lang: str, names: tuple[str, ...]) -> list[dict]:
    """A card's hours for the browser: each of its places' (:func:`place_for_browser`). The filters
    "open now" and "open on" read the places' weeks together."""
    return [place_for_browser(p, lang, name) for p, name in zip(places, names)]


@dataclass(frozen=True)
class FilterList:
    """A pre-built list of a region: e.g. its services in Russian."""

    kind: str  # category | language | free | day
    value: str
    slug: str
    services: tuple[Service, ...]


def filter_lists(services: list[Service], region: str) -> list[FilterList]:
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
        matching = tuple(s for s in services if any(open_on(p.opening_hours, index) for p in places_in(s, region)))
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
