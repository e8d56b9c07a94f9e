"""What each directory page and hand-out shows, decided in Python: the templates only lay it out.

A view is a frozen dataclass made from the model for one language: the
services in the order they are listed, the ready-made lists grouped by
kind, whether a page is found by search, which hours each place shows,
every address as a link. Formatting a value stays with the
:class:`~zavazek.site.pages.formatting.Formatter` (``fmt``) the view carries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from zavazek.core.model.services import Directory, Organisation, Place, Service
from zavazek.site.links import Links
from zavazek.site.pages.formatting import Formatter
from zavazek.site.share import ShareView



def sorted_by_name(services, fmt: Formatter) -> list[Service]:
    """Services in the order a list shows them: by name in the page's language."""
    return sorted(services, key=lambda s: fmt.pick(s.name)[1].casefold())


def web_address(org: Organisation) -> str | None:
    """The organisation's e-mail, else its website without ``https://`` (printed on a card or hand-out)."""
    return org.email or (org.website.split("://")[-1].rstrip("/") if org.website else None)


@dataclass(frozen=True)
class PageBase:
    """What every directory page has: its language, links, formatter, and whether the data is an example."""

    lang: str
    links: Links
    fmt: Formatter
    example: bool
    language_names: dict  # language code -> its name in the page's language


@dataclass(frozen=True)
class PrintHeading:
    """On paper only: the date of the data and the page's short address."""

    date: dt.date | None
    url: str | None


@dataclass(frozen=True)
class PlaceHours:
    """A place in a list: where it is, and the hours it shows (``when``: None means by appointment)."""

    place: Place
    when: Markup | str | None


def place_hours(place: Place, fmt: Formatter, plain_text: bool = False) -> PlaceHours:
    """A place's line of hours: how to book it, its week on one line, or nothing (by appointment)."""
    if place.appointment:
        booking = fmt.appointment(place)
        return PlaceHours(place, booking.striptags() if plain_text else booking)
    return PlaceHours(place, fmt.week(place.opening_hours) if place.opening_hours else None)


def place_names(places, fmt: Formatter) -> tuple[str, ...]:
    """Each place in a few words, to tell a service's places apart: its town, else its name,
    else "We come to you" (field work); its name too where two are in the same town."""
    def town(place: Place) -> str | None:
        return fmt.place_name(place.address.city) if place.address is not None else None

    def name(place: Place) -> str | None:
        return fmt.pick(place.name)[1] if place.name else None

    towns = [town(p) for p in places]
    return tuple(
        (name(p) if towns.count(t) > 1 else None) or t or name(p) or fmt.gettext("We come to you")
        for p, t in zip(places, towns)
    )


@dataclass(frozen=True)
class CardView:
    """One service in a list."""

    service: Service
    organisation: Organisation
    href: str
    web: str | None  # the organisation's e-mail, else its website without https://
    kinds: tuple[str, ...]
    places: tuple[PlaceHours, ...]  # the service's places in the list's region
    phone: str | None
    hours: Markup  # its places' hours for the browser, a quoted attribute value (escaping.json_attribute)
    fmt: Formatter
    language_names: dict


@dataclass(frozen=True)
class HandoutListing:
    """A hand-out a region page links to."""

    href: str
    bilingual: bool
    language: str  # the reader's language (the second on a bilingual sheet)
    czech: str  # the first language's name, capitalised
    own_name: str  # the reader's language in its own words


@dataclass(frozen=True)
class ListLink:
    href: str
    title: str
    count: int


@dataclass(frozen=True)
class ListGroup:
    """Ready-made lists of one kind (kinds of help, languages, cost, weekdays)."""

    kind: str
    lists: tuple[ListLink, ...]


@dataclass(frozen=True)
class RegionView(PageBase):
    region: str
    name: str
    heading: PrintHeading
    up: str  # the directory's home page
    cards: tuple[Markup, ...]
    categories: tuple[tuple[str, str], ...]  # (code, label) for the filter
    spoken: tuple[str, ...]  # languages for the filter, by name
    weekdays: tuple[str, ...]
    handouts: tuple[HandoutListing, ...]
    too_long_to_print: bool
    groups: tuple[ListGroup, ...]
    today_labels: Markup
    card_url_base: str | None
    searchable: bool = True
    share: ShareView | None = None


@dataclass(frozen=True)
class FilteredView(PageBase):
    region: str
    name: str
    title: str
    heading: PrintHeading
    up: str  # the region's page
    cards: tuple[Markup, ...]
    today_labels: Markup
    card_url_base: str | None
    searchable: bool = False  # the region page already lists every service of the list
    share: ShareView | None = None


@dataclass(frozen=True)
class RegionLink:
    href: str
    name: str
    count: int
    short: str | None


@dataclass(frozen=True)
class CategoryView(PageBase):
    kind: str
    heading: PrintHeading
    up: str
    regions: tuple[RegionLink, ...]
    searchable: bool = False  # a list of links to lists, not a result anyone searches for


@dataclass(frozen=True)
class AgeGroup:
    label: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class ServiceRegion:
    """A region a service works in, and the districts it names there (never the region's own name again)."""

    href: str
    name: str
    districts: tuple[str, ...]


@dataclass(frozen=True)
class ServiceView(PageBase):
    service: Service
    organisation: Organisation
    status: str
    searchable: bool
    heading: PrintHeading
    json_ld: Markup
    kinds: tuple[str, ...]
    groups: tuple[AgeGroup, ...]
    accessibility: str
    regions: tuple[ServiceRegion, ...]
    registered: str | None
    phone: str | None  # the number to call, first on the page
    place_hours: tuple[Markup, ...]  # each place's hours for the browser's line for today (quoted JSON), as service.places
    today_labels: Markup
    maps: tuple = ()  # each place's links.MapLinks (None for field work), as service.places
    vcard: str = ""  # the service's contact card in the page's language
    share: ShareView | None = None


@dataclass(frozen=True)
class HandoutPassage:
    """One service on a hand-out, in one language."""

    service: Service
    organisation: Organisation
    lang: str
    fmt: Formatter
    kinds: tuple[str, ...]
    places: tuple[PlaceHours, ...]
    phone: str | None
    web: str | None
    url: str | None


@dataclass(frozen=True)
class HandoutHeading:
    lang: str
    title: str
    date: str
    url: str | None
    example: str | None


@dataclass(frozen=True)
class SheetView:
    id: str
    headings: tuple[HandoutHeading, ...]
    rows: tuple[tuple[Markup, ...], ...]
    bilingual: bool


@dataclass(frozen=True)
class HandoutDocument:
    lang: str
    title: str
    sheets: tuple[SheetView, ...]


@dataclass(frozen=True)
class HomeEntry:
    """A region or a kind of help on the directory's home page."""

    name: str
    url: str
    count: int


@dataclass(frozen=True)
class DirectoryHome:
    """The directory's home page (the generated page ``sluzby``): map, regions, kinds of help, open data."""

    directory: Directory
    map: Markup
    regions: tuple[HomeEntry, ...]
    categories: tuple[HomeEntry, ...]
    exports: dict  # open-data kind -> site path
