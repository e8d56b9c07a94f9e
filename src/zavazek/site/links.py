"""Links as a page, a poster or a hand-out writes them: one object, handed to every template.

A :class:`Links` belongs to one page in one language (``here``). Pages link
to each other relatively, so that the site works from any folder and from a
copy on disk; files shared by every language (posters, open data, the
checklist's JSON) are reached through the site root; paper carries the full
or the short public address. Phone numbers and e-mail addresses become
``tel:``, ``sms:`` and ``mailto:`` links here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote as _quote

from zavazek.site import sitemap
from zavazek.site.sitemap import SiteMap


def tel(phone: str) -> str:
    """``tel:+420123456789``: the number as written by staff (``+420 123 456 789``), without spaces."""
    return "tel:" + "".join(phone.split())


def mailto(email: str) -> str:
    return "mailto:" + email.strip()


def sms(phone: str) -> str:
    """``sms:+420123456789``: a text message to the number, without spaces."""
    return "sms:" + "".join(phone.split())


@dataclass(frozen=True)
class MapLinks:
    """A place on a map, as two plain links (no map is loaded): the phone's map app (``geo:``) and
    OpenStreetMap in the browser, for a phone or computer without a map app."""

    app: str
    web: str


def quote(text: str) -> str:
    """``text`` as one value of an address's query (every reserved character escaped)."""
    return _quote(text, safe="")


def map_links(place) -> MapLinks | None:
    """The map links of a place at an address: at its coordinates where the data has them, else found
    by the address; None for field work (no address)."""
    address = getattr(place, "address", None)
    if address is None:
        return None
    text = address.one_line()
    point = getattr(place, "coordinates", None)
    if point is None:
        return MapLinks(f"geo:0,0?q={quote(text)}", f"https://www.openstreetmap.org/search?query={quote(text)}")
    lat, lon = point.lat, point.lon
    return MapLinks(f"geo:{lat},{lon}?q={lat},{lon}({quote(text)})",
                    f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")


@dataclass(frozen=True)
class ShareLinks:
    """A message sent on through a messenger, a text message or an e-mail: plain links, each opening
    the app with the message written (nothing is sent before the reader sends it there)."""

    whatsapp: str
    telegram: str
    viber: str
    sms: str
    email: str


def share_message(text: str, url: str | None) -> str:
    """What is sent: ``text``, then on a line of its own ``url`` (the page's public address, if the site has one)."""
    return f"{text}\n{url}" if url else text


def share_links(subject: str, text: str, url: str | None) -> ShareLinks:
    """The links that send :func:`share_message` of ``text`` and ``url``."""
    said = quote(share_message(text, url))
    telegram = (f"https://t.me/share/url?url={quote(url)}&text={quote(text)}" if url
                else f"https://t.me/share/url?url={said}")
    return ShareLinks(
        whatsapp=f"https://wa.me/?text={said}",
        telegram=telegram,
        viber=f"viber://forward?text={said}",
        sms=f"sms:?&body={said}",
        email=f"mailto:?subject={quote(subject)}&body={said}",
    )


@dataclass(frozen=True)
class Links:
    """Every kind of link from the page at site path ``here`` in ``lang``."""

    site: SiteMap
    here: str
    lang: str

    def page(self, path: str, anchor: str = "") -> str:
        """Another page in the same language."""
        return sitemap.relative(self.here, path, anchor)

    def in_language(self, lang: str, path: str, anchor: str = "") -> str:
        """A page in another language (the language switcher, ``hreflang`` alternates)."""
        return self.root + self.site.url(path, lang, anchor)

    def file(self, path: str) -> str:
        """A file shared by every language: a poster, open data, the checklist's JSON."""
        return self.root + path

    @property
    def root(self) -> str:
        """The way from this page to the site root (``../../``)."""
        return self.site.to_root(self.here, self.lang)

    def absolute(self, path: str | None = None, lang: str | None = None, anchor: str = "") -> str | None:
        """A page's full public address, in this page's language unless ``lang`` (None without ``site_url``)."""
        return self.site.absolute(self.here if path is None else path, lang or self.lang, anchor)

    def short(self, path: str | None = None, lang: str | None = None) -> str | None:
        """A page's address as printed on paper, without ``https://`` (None without ``site_url``)."""
        return self.site.short(self.here if path is None else path, lang or self.lang)

    tel = staticmethod(tel)
    maps = staticmethod(map_links)
    share = staticmethod(share_links)
    sms = staticmethod(sms)
    mailto = staticmethod(mailto)
