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
        return self.root + self.site.url(path, lang) + (f"#{anchor}" if anchor else "")

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
    sms = staticmethod(sms)
    mailto = staticmethod(mailto)
