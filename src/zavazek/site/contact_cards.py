"""The contact cards (vCard files) a reader saves into the phone: one per service of the directory and
per centre, in each language of the site.

A card says what a reader needs to get there and to call: the name, the
phones, the e-mail, the addresses, the page's public address and the
organisation's website, and the opening hours as a note written in the
card's language (:mod:`zavazek.site.hours_text`). A value still marked
"not yet filled in" is left out, as in open data. The service page and the
centres' page link to them (:mod:`zavazek.site.sitemap` names the files).
"""

from __future__ import annotations

from zavazek.core.loader import ProviderData
from zavazek.core.placeholders import without_placeholders
from zavazek.core.project import Project
from zavazek.site import hours_text, parallel, sitemap
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.pages.formatting import Formatter
from zavazek.site.sitemap import SiteMap
from zavazek.site.vcard import Contact, PostalAddress, vcard


def hours_note(place, fmt: Formatter) -> str:
    """A place's hours, one day a line (``Pondělí 9:00–17:00``), or how to book it."""
    if place.appointment is not None:
        lines = [fmt.appointment(place).striptags()]
        if place.appointment.note and fmt.pick(place.appointment.note):
            lines.append(fmt.pick(place.appointment.note)[1])
        return "\n".join(lines)
    rows = hours_text.rows(place.opening_hours, fmt.lang)
    if not rows:
        return fmt.gettext("By appointment only.")
    return "\n".join(f"{day} {text}" for day, text in rows)


def _address(place) -> PostalAddress | None:
    a = place.address
    if a is None:
        return None
    return PostalAddress(a.street or "", str(a.city), a.postcode or "")


def _picked(fmt: Formatter, text) -> str | None:
    picked = fmt.pick(text) if text else None
    return picked[1] if picked else None


def _note(sections: list[tuple[str | None, str]], fmt: Formatter) -> str:
    """"Opening hours:" and each place's hours, under its name where there are several."""
    parts = [f"{name}:\n{text}" if name and len(sections) > 1 else text for name, text in sections]
    return fmt.gettext("Opening hours") + ":\n" + "\n\n".join(parts)


def service_card(service, directory, site: SiteMap, lang: str) -> bytes:
    """One service's card in ``lang``: ``service`` and ``directory`` as published without placeholders
    (:attr:`DirectoryOnDay.published`)."""
    fmt = Formatter(lang, site.default_language)
    org = directory.organisation(service.organisation)
    places = service.places
    phones = [directory.phone(service)] + [p.phone for p in places] + [service.phone, org.phone if org else None]
    phones += [p.appointment.phone for p in places if p.appointment is not None]
    located = [p for p in places if p.address is not None]
    point = located[0].coordinates if located else None
    sections = [(_picked(fmt, p.name) or (fmt.place_name(p.address.city) if p.address else
                                          fmt.gettext("We come to you")), hours_note(p, fmt)) for p in places]
    contact = Contact(
        name=_picked(fmt, service.name) or service.id,
        organisation=_picked(fmt, org.name) if org else None,
        phones=tuple(p for p in phones if p),
        emails=tuple(e for e in [org.email if org else None] + [p.email for p in places] if e),
        addresses=tuple(a for a in map(_address, located) if a),
        urls=tuple(u for u in (site.absolute(sitemap.service(service.id), lang), org.website if org else None) if u),
        note=_note(sections, fmt) if sections else "",
        geo=(point.lat, point.lon) if point is not None else None,
    )
    return vcard(contact)


def centre_card(centre, provider, site: SiteMap, lang: str) -> bytes:
    """One centre's card in ``lang``: the centre's contacts, else the provider's."""
    fmt = Formatter(lang, site.default_language)
    centre, provider = without_placeholders(centre), without_placeholders(provider)
    booking = centre.appointment.phone if centre.appointment is not None else None
    address = _address(centre)
    provider_name = _picked(fmt, provider.name)
    contact = Contact(
        name=_picked(fmt, centre.name) or provider_name or centre.id,
        organisation=provider_name,
        phones=tuple(p for p in (centre.phone, booking, provider.phone) if p),
        emails=tuple(e for e in (centre.email, provider.email) if e),
        addresses=(address,) if address else (),
        urls=tuple(u for u in (site.absolute(sitemap.page(sitemap.CENTRES), lang, centre.id), provider.website) if u),
        note=_note([(None, hours_note(centre, fmt))], fmt),
    )
    return vcard(contact)


class ContactCards:
    """Makes the cards of a build: {site path: vCard} for every centre and every service of the directory,
    in every language. A service's card is made again only when the service or its organisation changed
    (:attr:`DirectoryOnDay.digests`) or the site's address or languages did: a preview's next build, after
    one saved file, reuses the thousands of cards of a national directory."""

    #: With more cards than this to make and none kept (a ``zavazek build``; a preview's first build), a child
    #: process makes them while the pages are rendered (a national directory: 10,000).
    PARALLEL_FROM = 2_000

    def __init__(self):
        self._kept: dict[tuple, bytes] = {}
        self._making: parallel.Pending | None = None

    def start(self, data: ProviderData, published: DirectoryOnDay | None, project: Project) -> None:
        """Start making the cards in a child process on another core when there are many to make and none
        is kept (see :data:`PARALLEL_FROM`); :meth:`files`, called with the same arguments, then takes them."""
        services = len(published.directory.services) if published is not None else 0
        if not self._kept and services * len(project.languages) >= self.PARALLEL_FROM:
            self._making = parallel.in_child(lambda: (self.files(data, published, project), self._kept))

    def cancel(self) -> None:
        """Stop making the cards :meth:`start` started (a build that failed)."""
        making, self._making = self._making, None
        if making is not None:
            making.cancel()

    def files(self, data: ProviderData, published: DirectoryOnDay | None, project: Project) -> dict[str, bytes]:
        """{site path: vCard} of every card (those :meth:`start` started, if it did, made by the child)."""
        making, self._making = self._making, None
        if making is not None:
            out, self._kept = making()
            return out
        site = SiteMap.of(project)
        out: dict[str, bytes] = {}
        kept, used = self._kept, {}
        for lang in project.languages:
            for centre in data.commitment.centres:
                out[sitemap.centre_vcard(centre.id, lang)] = centre_card(centre, data.commitment.provider, site, lang)
            if published is None:
                continue
            for service in published.directory.services:
                key = (published.digests[service.id], site, lang)
                card = kept.get(key)
                if card is None:
                    card = service_card(published.public_service(service.id), published.published, site, lang)
                out[sitemap.service_vcard(service.id, lang)] = used[key] = card
        self._kept = used
        return out

