"""Render the directory's own pages: one per region, its pre-built filter lists, one per kind of help, one per service.

These pages are not in the navigation, so a page's size does not grow with
the directory. Their bodies are finished HTML (:class:`~zavazek.site.output.HtmlPage`),
laid out from the views of :mod:`.views`. The directory's home page (map,
regions, kinds of help) is an ordinary generated page (``sluzby``) whose
context comes from :func:`home_context`. :class:`DirectoryPages` keeps the
rendered pages between the builds of a preview.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import Markup, escape

from zavazek.core import i18n
from zavazek.core.model import codes
from zavazek.site import hours_text
from zavazek.site.hours_text import today_labels
from zavazek.core.model.services import Directory, Service
from zavazek.core.project import Project
from zavazek.site import cldr, kept, parallel, sitemap
from zavazek.site.directory import handouts, listing
from zavazek.site.directory.map import region_counts, region_map
from zavazek.site.directory.rendering import PAGE, directory_templates
from zavazek.site.directory.standing import DirectoryOnDay, PublishedParts
from zavazek.site.directory import views
from zavazek.site.escaping import json_attribute, json_for_html
from zavazek.site.fingerprint import code_fingerprint
from zavazek.site.sitemap import SiteMap
from zavazek.site.links import Links
from zavazek.site.output import HtmlPage, plain, spaced_blocks
from zavazek.site.share import service_lines, share
from zavazek.site.pages.formatting import Formatter
from zavazek.site.templating import Templates


def filter_title(fmt: Formatter, names: dict, flist: listing.FilterList) -> str:
    if flist.kind == "category":
        return fmt.label(codes.SERVICE_CATEGORIES[flist.value])
    if flist.kind == "language":
        return fmt.gettext("in {language}").format(language=names[flist.value])
    if flist.kind == "free":
        return fmt.gettext("free of charge")
    return fmt.gettext("open on {weekday}").format(weekday=cldr.weekday_name(int(flist.value), fmt.lang))


class _Site:
    """What every directory page of one build is made with."""

    def __init__(self, published: DirectoryOnDay, project: Project, templates: Templates):
        self.published, self.project, self.templates = published, project, templates
        self.directory: Directory = published.directory
        self.site = SiteMap.of(project)
        self.today_labels = {lang: today_labels(lang) for lang in project.languages}

    def base(self, lang: str, here: str) -> dict:
        fmt = Formatter(lang, self.project.default_language)
        return {"lang": lang, "links": Links(self.site, here, lang), "fmt": fmt, "example": self.directory.example,
                "language_names": cldr.language_names(lang)}

    def heading(self, links: Links, date) -> views.PrintHeading:
        return views.PrintHeading(date, links.short())

    def page(self, template: str, view, path: str) -> HtmlPage:
        """A page template sets ``page_title``; its output is the page body."""
        module = self.templates.module(template, view.lang, {"v": view}, PAGE)
        return HtmlPage(path=path, lang=view.lang, title=plain(module.page_title),
                        body=spaced_blocks(str(module).rstrip()), searchable=view.searchable)


class Cards:
    """Each service's card in a list, rendered once per language and region, then reused.

    A service appears on its region's page and on several of its pre-built
    lists; at national scale that is tens of thousands of cards, and the
    card only depends on the service (its fingerprint in ``digests``), the
    language and the region, but for its link to the service page, which is
    relative to the page it is on. So each card is rendered once with
    :data:`HREF` in place of that link and kept cut there; a page's card is
    the parts joined by the page's own link. ``kept``: the cards of a
    preview's previous build, keyed the same way, so that a list re-rendered
    for one changed service renders only that service's card again.
    """

    #: What a card is rendered with in place of its link: no escaping changes it, and no text of the
    #: data can hold it (the loader refuses control characters, core/yamlsource.py).
    HREF = "\x01href\x01"

    def __init__(self, site: _Site, digests: dict[str, str], everywhere: tuple, kept: dict | None = None):
        self.site = site
        self._digests, self._everywhere = digests, everywhere
        self._kept = kept or {}
        self.used: dict[tuple, tuple[str, ...]] = {}

    def card(self, service: Service, links: Links, region: str) -> Markup:
        """The card in a list of ``region`` on the page of ``links``: the hours and phone of the service's places there."""
        key = (self._digests[service.id], self._everywhere, links.lang, region)
        parts = self.used.get(key) or self._kept.get(key) or self._render(service, links.lang, region)
        self.used[key] = parts
        return Markup(str(escape(links.page(sitemap.service(service.id)))).join(parts))

    def _render(self, service: Service, lang: str, region: str) -> tuple[str, ...]:
        base = self.site.base(lang, sitemap.region(region))
        fmt, links = base["fmt"], base["links"]
        directory = self.site.directory
        org = directory.organisation(service.organisation)
        places = listing.places_in(service, region)
        names = views.place_names(places, fmt) if len(places) > 1 else ("",) * len(places)
        view = views.CardView(
            service=service, organisation=org, href=self.HREF,
            web=views.web_address(org),
            kinds=tuple(fmt.label(codes.SERVICE_CATEGORIES[c]) for c in service.categories),
            places=tuple(views.place_hours(p, fmt) for p in places), phone=directory.phone(service, places),
            hours=json_attribute(listing.hours_for_browser(places, lang, names)), fmt=fmt,
            language_names=base["language_names"],
        )
        return tuple(self.site.templates.render("_card.j2", lang, {"c": view, "links": links}, PAGE).split(self.HREF))

    def in_order(self, services, lang: str, here: str, fmt: Formatter, region: str) -> tuple[Markup, ...]:
        """The cards of a list's services, in the order the list shows them."""
        links = Links(self.site.site, here, lang)
        return tuple(self.card(s, links, region) for s in views.sorted_by_name(services, fmt))


def home_context(published: DirectoryOnDay, project: Project, lang: str) -> views.DirectoryHome:
    """What the directory's home page (the generated page ``sluzby``) shows."""
    links = Links(SiteMap.of(project), sitemap.page(sitemap.DIRECTORY), lang)
    fmt = Formatter(lang, project.default_language)
    region_services = published.regions()
    counts = region_counts(published)
    current = published.listed()
    region_urls = {code: links.page(sitemap.region(code)) for code in counts}
    return views.DirectoryHome(
        directory=published.directory,
        map=region_map(counts, lang, lambda code: region_urls[code]),
        regions=tuple(views.HomeEntry(fmt.label(codes.REGIONS[code]), region_urls[code], count)
                      for code, count in counts.items()),
        categories=tuple(views.HomeEntry(fmt.label(codes.SERVICE_CATEGORIES[c]), links.page(sitemap.category(c)),
                                         sum(c in s.categories for s in current))
                         for c in listing.by_category(region_services)),
        exports=dict(sitemap.OPEN_DATA),
    )


@dataclass
class DirectoryPages:
    """The directory's pages, kept between builds and keyed by everything they show.

    The preview server rebuilds after every save, and a region's coordinator
    rebuilds the national directory every night; re-rendering ten thousand
    pages for one edited service would take time nobody needs to wait. A
    page's key holds the project (its folder, languages, public address …),
    the day, the fingerprints of the services it shows and závazek's own
    (:func:`~zavazek.site.fingerprint.code_fingerprint`); entries not used by
    the latest build are dropped. The pages are kept in memory for the next
    build of a preview, and in ``file`` for the next ``zavazek build`` (:meth:`store`; a preview
    does not write it). When
    many pages are missing (a first build), a child process on another core
    renders them too, the two taking a few at a time until none is left, so
    both end together however busy the cores are with other work (the list
    cards the child rendered are not kept for a preview's next build, which
    renders them again where it needs them).
    """

    #: Where the pages are kept between builds (None: only in memory).
    file: Path | None = None

    #: Fewer missing pages than this are not worth a child process.
    PARALLEL_FROM = 400
    #: Pages a process takes at a time when two share them.
    CHUNK = 50

    def __post_init__(self):
        self._entries: dict[tuple, HtmlPage] = {}
        self._cards: dict[tuple, tuple[str, ...]] = {}  # the cards of the lists, for a preview's next build (see Cards)
        self._stored: frozenset = frozenset()  # the keys ``file`` holds
        self.templates = directory_templates()
        #: Pages rendered by the latest build (the others were kept).
        self.rendered = 0

    def get_all(self, wanted: list[tuple[tuple, Callable[[], HtmlPage]]]) -> list[HtmlPage]:
        """The page of each (key, make) pair, calling ``make`` only for keys not rendered before."""
        if not self._entries:
            self._read()
        missing = list({key: make for key, make in wanted if key not in self._entries}.items())
        if len(missing) >= self.PARALLEL_FROM and parallel.can_fork():
            made = parallel.made_on_two_cores([make for _, make in missing], self.CHUNK)
        else:
            made = [make() for _, make in missing]
        entries = {key: self._entries[key] for key, _ in wanted if key in self._entries}
        entries.update((key, page) for (key, _), page in zip(missing, made))
        self._entries = entries
        self.rendered = len(missing)
        return [entries[key] for key, _ in wanted]

    def _read(self) -> None:
        """The pages ``file`` keeps, if it was written by this very code; nothing otherwise."""
        if self.file is None or not self.file.is_file():
            return
        try:
            with self.file.open("rb") as kept:
                fingerprint, entries = pickle.load(kept)
        except Exception:  # written by another version, or cut short: render again
            return
        if fingerprint == code_fingerprint():
            self._entries = entries
            self._stored = frozenset(entries)

    def store(self) -> None:
        """Write the pages of the latest build into ``file`` for the next build (if they changed).

        Hundreds of megabytes at national scale: the engine calls it when nothing waits for it."""
        if self.file is None or self._stored == self._entries.keys():
            return
        kept.write_whole(self.file, lambda out: pickle.dump((code_fingerprint(), self._entries), out,
                                                            protocol=pickle.HIGHEST_PROTOCOL))
        self._stored = frozenset(self._entries)

    def render(self, published: DirectoryOnDay | None, project: Project) -> list[HtmlPage]:
        """Every region, filter list, kind of help and service page, in every language."""
        if published is None:
            return []
        site = _Site(published, project, self.templates)
        region_services = published.regions()
        digest = published.digests
        # The project as its text: a key is looked up for each of ten thousand pages, and a string's hash is kept.
        everywhere = (repr(project), published.day, published.directory.example)
        cards = Cards(site, digest, everywhere, self._cards)
        wanted: list[tuple[tuple, Callable[[], HtmlPage]]] = []
        page = functools.partial
        region_lists = {code: listing.filter_lists(services, code) for code, services in region_services}
        for lang in project.languages:
            for code, services in region_services:
                lists = region_lists[code]
                key = ("region", lang, code, everywhere, tuple(digest[s.id] for s in services))
                wanted.append((key, page(_region_page, site, cards, lang, code, services, lists)))
                for flist in lists:
                    key = ("list", lang, code, flist.slug, everywhere, tuple(digest[s.id] for s in flist.services))
                    wanted.append((key, page(_list_page, site, cards, lang, code, flist)))
            for category, regions in listing.by_category(region_services).items():
                newest = listing.data_date(s for _, services in region_services for s in services
                                           if category in s.categories)
                key = ("category", lang, category, everywhere, tuple(regions), newest)
                wanted.append((key, page(_category_page, site, lang, category, regions, newest)))
            for service in published.directory.services:
                key = ("service", lang, everywhere, digest[service.id], published.of(service))
                wanted.append((key, page(_service_page, site, lang, service)))
        made = self.get_all(wanted)
        current = set(digest.values())
        self._cards = {key: card for key, card in {**self._cards, **cards.used}.items()
                       if key[0] in current and key[1] == everywhere}
        return made


def _region_page(site: _Site, cards: Cards, lang: str, code: str, services, lists) -> HtmlPage:
    path = sitemap.region(code)
    base = site.base(lang, path)
    fmt, links, names = base["fmt"], base["links"], base["language_names"]
    offered = handouts.offered(site.project, code, services, lang)
    groups = []
    for kind in ("category", "language", "free", "day"):
        group = tuple(views.ListLink(links.page(sitemap.region_list(code, fl.kind, fl.value)),
                                     filter_title(fmt, names, fl), len(fl.services))
                      for fl in lists if fl.kind == kind)
        if group:
            groups.append(views.ListGroup(kind, group))
    view = views.RegionView(
        **base, region=code, name=fmt.label(codes.REGIONS[code]),
        heading=site.heading(links, listing.data_date(services)), up=links.page(sitemap.page(sitemap.DIRECTORY)),
        cards=cards.in_order(services, lang, path, fmt, code),
        categories=tuple((c, fmt.label(codes.SERVICE_CATEGORIES[c])) for c in codes.SERVICE_CATEGORIES
                         if any(c in s.categories for s in services)),
        spoken=tuple(sorted({l for s in services for l in s.languages.staff + s.languages.interpreter},
                            key=lambda l: names[l].casefold())),
        weekdays=tuple(fmt.weekday(i) for i in range(7)),
        handouts=tuple(_handout_link(h, links, names) for h in offered),
        too_long_to_print=bool(services) and not offered,
        groups=tuple(groups), today_labels=site.today_labels[lang],
        card_url_base=links.short(sitemap.services_folder()),
        share=_list_share(links, fmt.gettext("Services in {region}").format(region=fmt.label(codes.REGIONS[code]))),
    )
    return site.page("region.html.j2", view, path)


def _handout_link(handout: handouts.Handout, links: Links, names: dict) -> views.HandoutListing:
    first = names[handout.languages[0]]
    return views.HandoutListing(href=links.file(handout.path), bilingual=len(handout.languages) > 1,
                                language=handout.languages[-1], czech=first[:1].upper() + first[1:],
                                own_name=i18n.language_name(handout.languages[-1]))


def _list_page(site: _Site, cards: Cards, lang: str, code: str, flist: listing.FilterList) -> HtmlPage:
    path = sitemap.region_list(code, flist.kind, flist.value)
    base = site.base(lang, path)
    fmt, links = base["fmt"], base["links"]
    view = views.FilteredView(
        **base, region=code, name=fmt.label(codes.REGIONS[code]),
        title=filter_title(fmt, base["language_names"], flist),
        heading=site.heading(links, listing.data_date(flist.services)), up=links.page(sitemap.region(code)),
        cards=cards.in_order(flist.services, lang, path, fmt, code), today_labels=site.today_labels[lang],
        card_url_base=links.short(sitemap.services_folder()),
        share=_list_share(links, f"{fmt.label(codes.REGIONS[code])}: {filter_title(fmt, base['language_names'], flist)}"),
    )
    return site.page("filtered.html.j2", view, path)


def _list_share(links: Links, title: str):
    """A region's list sent on: its title and its public address."""
    return share(links, title, [title])


def _category_page(site: _Site, lang: str, category: str, regions: list[listing.RegionCount],
                   newest: dt.date | None) -> HtmlPage:
    path = sitemap.category(category)
    base = site.base(lang, path)
    fmt, links = base["fmt"], base["links"]
    view = views.CategoryView(
        **base, kind=fmt.label(codes.SERVICE_CATEGORIES[category]), heading=site.heading(links, newest),
        up=links.page(sitemap.page(sitemap.DIRECTORY)),
        regions=tuple(views.RegionLink(links.page(r.path), fmt.label(codes.REGIONS[r.region]), r.count,
                                       links.short(r.path)) for r in regions),
    )
    return site.page("category.html.j2", view, path)


def _service_page(site: _Site, lang: str, service: Service) -> HtmlPage:
    path = sitemap.service(service.id)
    base = site.base(lang, path)
    fmt, links = base["fmt"], base["links"]
    standing = site.published.of(service)
    registered = service.registered
    view = views.ServiceView(
        **base, service=service, organisation=site.directory.organisation(service.organisation),
        status=standing.status, searchable=standing.searchable, heading=site.heading(links, service.verified_on),
        json_ld=json_ld(site.published.public_service(service.id), site.published.published, lang, fmt),
        kinds=tuple(fmt.label(codes.SERVICE_CATEGORIES[c]) for c in service.categories),
        groups=tuple(views.AgeGroup(fmt.label(codes.REGISTRY_TARGET_GROUPS[g.category]),
                                    g.age.from_ if g.age else None, g.age.to if g.age else None)
                     for g in service.target_groups),
        accessibility=fmt.label(codes.PHYSICAL_ACCESSIBILITY[service.accessibility.level]),
        regions=service_regions(service, links, fmt),
        registered=fmt.label(codes.SERVICE_KINDS[registered.kind][1]) if registered else None,
        phone=site.directory.phone(service),
        place_hours=tuple(json_attribute(listing.place_for_browser(p, lang)) for p in service.places),
        today_labels=site.today_labels[lang],
        maps=tuple(links.maps(p) for p in service.places),
        vcard=links.file(sitemap.service_vcard(service.id, lang)),
        share=share(links, fmt.pick(service.name)[1], service_lines(
            fmt.pick(service.name)[1], site.directory.phone(service),
            [p.address for p in service.places if p.address is not None], fmt)),
    )
    return site.page("service.html.j2", view, path)


def service_regions(service: Service, links: Links, fmt: Formatter) -> tuple[views.ServiceRegion, ...]:
    """The service's regions, each with the districts it names there (a district of a region the
    service does not name goes with its first region); a district called as its region is left out."""
    districts: dict[str, list[str]] = {r: [] for r in service.regions}
    for d in service.districts:
        region = codes.DISTRICTS[d][0]
        districts[region if region in districts else service.regions[0]].append(d)
    out = []
    for r in service.regions:
        name = fmt.label(codes.REGIONS[r])
        names = tuple(dict.fromkeys(n for n in (fmt.district(d) for d in districts[r])
                                    if n.casefold() not in name.casefold()))
        out.append(views.ServiceRegion(links.page(sitemap.region(r)), name, names))
    return tuple(out)


def json_without_gaps(value):
    """``value`` without the keys whose value is unknown (``None``), at any depth."""
    if isinstance(value, dict):
        return {k: json_without_gaps(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [json_without_gaps(v) for v in value]
    return value


def _contact_point(place, fmt: Formatter) -> dict | None:
    """How to reach a place: the booking contacts of one open by appointment (no hours), else its phone
    with the hours of field work, which has no address to carry them."""
    if place.appointment is not None:
        a = place.appointment
        point = {"@type": "ContactPoint", "contactType": "appointment",
                 **({"telephone": a.phone or a.text_message} if a.phone or a.text_message else {}),
                 **({"email": a.email} if a.email else {})}
        if a.note:
            point["description"] = fmt.pick(a.note)[1]
        return point
    if place.area is not None and place.phone:
        point = {"@type": "ContactPoint", "telephone": place.phone}
        if place.opening_hours:
            point["hoursAvailable"] = hours_text.schema_org(place.opening_hours)
        return point
    return None


def json_ld(service: Service, directory: PublishedParts, lang: str, fmt: Formatter) -> Markup:
    """schema.org description of a service, for search engines and other tools: ``service`` and
    ``directory`` as published without placeholders (:attr:`DirectoryOnDay.published`)."""
    org = directory.organisation(service.organisation)

    def written(text):
        picked = fmt.pick(text)
        return picked[1] if picked else None

    channels = []
    areas = [{"@type": "AdministrativeArea", "name": fmt.label(codes.REGIONS[r]), "identifier": r}
             for r in service.regions]
    for place in service.places:
        channel: dict = {"@type": "ServiceChannel"}
        if place.area is not None:  # field work: where the workers come, no address
            areas += [{"@type": "AdministrativeArea", "name": fmt.district(d), "identifier": d}
                      for d in place.area.districts]
            areas += [{"@type": "City", "name": fmt.place_name(t)} for t in place.area.towns]
        else:
            location = {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "streetAddress": place.address.street,
                            "addressLocality": str(place.address.city), "postalCode": place.address.postcode,
                            "addressCountry": "CZ"},
            }
            if place.coordinates:
                location["geo"] = {"@type": "GeoCoordinates", "latitude": place.coordinates.lat,
                                   "longitude": place.coordinates.lon}
            if place.opening_hours:
                location["openingHoursSpecification"] = hours_text.schema_org(place.opening_hours)
            channel["serviceLocation"] = location
        contact = _contact_point(place, fmt)
        if contact:
            channel["servicePhone"] = contact
        if len(channel) > 1:
            channels.append(channel)
    document = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": f"#{service.id}",
        "name": written(service.name),
        "description": written(service.description),
        "inLanguage": lang,
        "serviceType": [fmt.label(codes.SERVICE_CATEGORIES[c]) for c in service.categories],
        "areaServed": areas,
        "availableLanguage": sorted(set(service.languages.staff + service.languages.interpreter)),
        "isAccessibleForFree": service.cost.free,
        "provider": {
            "@type": "Organization",
            "name": written(org.name),
            **({"url": org.website} if org.website else {}),
            **({"taxID": org.ico} if org.ico else {}),
        },
    }
    if channels:
        document["availableChannel"] = channels
    document = json_without_gaps(document)
    return Markup(f'<script type="application/ld+json">\n{json_for_html(document)}\n</script>')
