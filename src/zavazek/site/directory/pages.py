"""Render the directory's own pages: one per region, its pre-built filter lists, one per kind of help, one per service.

These pages are not in the navigation, so a page's size does not grow with
the directory. Their bodies are finished HTML (:class:`~zavazek.site.output.HtmlPage`).
The directory's home page (map, regions, kinds of help) is an ordinary
generated page (``sluzby``) whose context comes from :func:`home_context`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Callable

from markupsafe import Markup

from zavazek.site import templating
from zavazek.site import cldr
from zavazek.site import fallback, parallel, urls
from zavazek.core import i18n
from zavazek.site.directory import handouts, listing
from zavazek.site.directory.map import region_counts, region_map
from zavazek.site.escaping import json_for_html
from zavazek.core.model import codes
from zavazek.site import hours_text
from zavazek.site.directory.exports import DATA_DIR
from zavazek.core.model.services import Directory, Service
from zavazek.site.output import HtmlPage, plain
from zavazek.site.pages.formatting import Formatter
from zavazek.core.placeholders import without_placeholders
from zavazek.core.project import Project

_env = templating.template_environment("zavazek.site.directory")

#: Open-data files of the directory, relative to the site root (written by :mod:`.exports`).
EXPORTS = {
    "json": f"{DATA_DIR}/directory.json",
    "csv": f"{DATA_DIR}/directory.csv",
    "hsds": f"{DATA_DIR}/hsds/hsds.json",
    "hsds_package": f"{DATA_DIR}/hsds/datapackage.json",
}


class Links:
    """Relative links between pages of one language, from the page at ``here`` (e.g. "sluzby/praha")."""

    def __init__(self, here: str, lang: str, default: str):
        self.here = here
        self.root = urls.to_root(here, lang, default)  # the site root, for language-independent files

    def page(self, path: str, anchor: str = "") -> str:
        return urls.relative(self.here, path, anchor)

    def file(self, path: str) -> str:
        return self.root + path


def _common(data, project: Project, lang: str, day: dt.date, here: str) -> dict:
    fmt = Formatter(lang, project.default_language)
    directory: Directory = data.services
    names = cldr.language_names(lang)
    return {
        "fmt": fmt,
        "t": fmt.text,
        "rich": fmt.rich,
        "lang": lang,
        "today": day,
        "codes": codes,
        "directory": directory,
        "links": Links(here, lang, project.default_language),
        "listing": listing,
        "language_names": names,
        "organisation": directory.organisation,
        "hours_json": lambda s: json_for_html(listing.hours_for_browser(s)),
        "today_labels": _today_labels(fmt),
        "sort_services": lambda services: sorted(services, key=lambda s: fmt.pick(s.name)[1].casefold()),
        "region_name": lambda code: fmt.label(codes.REGIONS[code]),
        "exports": EXPORTS,
        "short_url": functools.partial(listing.short_url, project, lang),
        "data_date": listing.data_date,
        "own_language_name": i18n.language_name,
        "handouts": lambda code, services: handouts.offered(project, code, services, lang),
    }


@functools.cache
def _today_labels_json(lang: str, texts: tuple[str, str, str, str, str]) -> str:
    today, opened, closed, closed_today, appointment = texts
    days = [hours_text.weekday_text(i, lang, "abbreviated") for i in range(7)]
    return json_for_html({"lang": lang, "ui": i18n.interface_language(lang), "today": today, "open": opened,
                          "closed": closed, "closedToday": closed_today, "appointment": appointment, "days": days})


def _today_labels(fmt: Formatter) -> str:
    """What the browser needs to write a card's line for today (see zavazek-directory.js), as JSON.

    The words are in the interface language (``ui``: English for a language without a
    catalog, which the script then marks ``lang="en"``), without :mod:`zavazek.site.fallback`'s marks.
    """
    gettext = i18n.gettext_for(fmt.lang)
    return _today_labels_json(fmt.lang, (
        gettext("Today"), gettext("open now"), gettext("closed now"), gettext("closed today; next open {day} {time}"),
        gettext("by appointment"),
    ))


class Cards:
    """Each service's card in a list, rendered once per language and page depth, then reused.

    A service appears on its region's page and on several of its pre-built
    lists; at national scale that is tens of thousands of cards, and the
    card only depends on the language and on how deep the page is (its
    relative link to the service page).
    """

    def __init__(self, data, project: Project, day: dt.date):
        self.data, self.project, self.day = data, project, day
        self._done: dict[tuple, Markup] = {}

    def for_page(self, lang: str, here: str):
        def card(service: Service) -> Markup:
            key = (service.id, lang, here.count("/"))
            if key not in self._done:
                context = _common(self.data, self.project, lang, self.day, here)
                self._done[key] = Markup(_render("_card.j2", {**context, "s": service}, lang))
            return self._done[key]

        return card


def _render(template: str, context: dict, lang: str) -> str:
    _env.install_gettext_translations(fallback.page_translations(lang), newstyle=True)
    return _env.get_template(template).render(**context)


def _render_page(template: str, context: dict, lang: str, path: str) -> HtmlPage:
    """A page template sets ``page_title`` and ``searchable``; its output is the page body."""
    _env.install_gettext_translations(fallback.page_translations(lang), newstyle=True)
    module = _env.get_template(template).make_module(context)
    return HtmlPage(path=path, lang=lang, title=plain(module.page_title), body=str(module).rstrip(),
                    searchable=bool(module.searchable))


def filter_title(fmt: Formatter, names: dict, flist: listing.FilterList) -> str:
    if flist.kind == "category":
        return fmt.label(codes.SERVICE_CATEGORIES[flist.value])
    if flist.kind == "language":
        return fmt.gettext("in {language}").format(language=names[flist.value])
    if flist.kind == "free":
        return fmt.gettext("free of charge")
    return fmt.gettext("open on {weekday}").format(weekday=cldr.weekday_name(int(flist.value), fmt.lang))


def home_context(data, project: Project, lang: str, day: dt.date) -> dict:
    """What the directory's home page (the generated page ``sluzby``) needs."""
    ctx = _common(data, project, lang, day, listing.DIRECTORY_SLUG)
    fmt = ctx["fmt"]
    links = ctx["links"]
    counts = region_counts(data.services, day)
    ctx["regions"] = [
        {"code": code, "name": fmt.label(codes.REGIONS[code]), "count": count,
         "url": links.page(listing.region_path(code))}
        for code, count in counts.items()
    ]
    ctx["map"] = Markup(region_map(counts, lang, lambda code: links.page(listing.region_path(code))))
    current = data.services.current(day)
    ctx["categories"] = [
        {"name": fmt.label(codes.SERVICE_CATEGORIES[c]), "url": links.page(listing.category_path(c)),
         "count": sum(c in s.categories for s in current)}
        for c in listing.by_category(listing.regions(data.services, day))
    ]
    return ctx


class _Memo:
    """Rendered pages, kept between builds in one process, keyed by what they are made from.

    The preview server rebuilds after every save; at national scale
    re-rendering ten thousand pages for one edited service would take
    seconds that nobody needs to wait. Entries not used by the latest
    build are dropped. When many pages are missing (a first build), half
    of them are rendered in a child process on another core.
    """

    #: Fewer missing pages than this are not worth a child process.
    PARALLEL_FROM = 400

    def __init__(self):
        self._entries: dict[tuple, HtmlPage] = {}

    def get_all(self, wanted: list[tuple[tuple, Callable[[], HtmlPage]]]) -> list[HtmlPage]:
        """The page of each (key, make) pair, calling ``make`` only for keys not rendered before."""
        missing = list({key: make for key, make in wanted if key not in self._entries}.items())
        if len(missing) >= self.PARALLEL_FROM and parallel.can_fork():
            half = len(missing) // 2
            theirs = parallel.in_child(lambda: [make() for _, make in missing[half:]])
            try:
                made = [make() for _, make in missing[:half]] + theirs()
            finally:
                theirs.cancel()
        else:
            made = [make() for _, make in missing]
        entries = {key: self._entries[key] for key, _ in wanted if key in self._entries}
        entries.update((key, page) for (key, _), page in zip(missing, made))
        self._entries = entries
        return [entries[key] for key, _ in wanted]


_memo = _Memo()


def _digests(directory: Directory) -> dict[str, str]:
    """A fingerprint of each service and its organisation: what its pages and cards show."""
    import hashlib

    orgs = {o.id: o.model_dump_json() for o in directory.organisations}
    return {
        s.id: hashlib.sha1((s.model_dump_json() + orgs.get(s.organisation, "")).encode()).hexdigest()
        for s in directory.services
    }


def render_directory_pages(data, project: Project, day: dt.date) -> list[HtmlPage]:
    """Every region, filter list and service page, in every language."""
    if data.services is None:
        return []
    wanted: list[tuple[tuple, Callable[[], HtmlPage]]] = []
    region_services = listing.regions(data.services, day)
    cards = Cards(data, project, day)
    digest = _digests(data.services)
    everywhere = (day, project.languages, data.services.example)
    page = functools.partial
    for lang in project.languages:
        for code, services in region_services:
            lists = listing.filter_lists(services)
            key = ("region", lang, code, everywhere, tuple(digest[s.id] for s in services))
            wanted.append((key, page(_region_page, data, project, day, cards, lang, code, services, lists)))
            for flist in lists:
                key = ("list", lang, code, flist.slug, everywhere, tuple(digest[s.id] for s in flist.services))
                wanted.append((key, page(_list_page, data, project, day, cards, lang, code, flist)))
        for category, regions in listing.by_category(region_services).items():
            newest = listing.data_date(s for _, services in region_services for s in services if category in s.categories)
            key = ("category", lang, category, everywhere, tuple(regions), newest)
            wanted.append((key, page(_category_page, data, project, day, lang, category, regions, newest)))
        for service in data.services.services:
            key = ("service", lang, everywhere, digest[service.id])
            wanted.append((key, page(_service_page, data, project, day, lang, service)))
    return _memo.get_all(wanted)


def _region_page(data, project, day, cards: Cards, lang: str, code: str, services, lists) -> HtmlPage:
    path = listing.region_path(code)
    ctx = _common(data, project, lang, day, path)
    names = ctx["language_names"]
    return _render_page(
        "region.html.j2",
        {**ctx, "region": code, "services": services, "lists": lists, "card": cards.for_page(lang, path),
         "categories": [c for c in codes.SERVICE_CATEGORIES if any(c in s.categories for s in services)],
         "spoken": sorted({l for s in services for l in s.languages.staff + s.languages.interpreter},
                          key=lambda l: names[l].casefold()),
         "filter_title": lambda fl: filter_title(ctx["fmt"], names, fl)},
        lang, path,
    )


def _list_page(data, project, day, cards: Cards, lang: str, code: str, flist: listing.FilterList) -> HtmlPage:
    region_path = listing.region_path(code)
    path = f"{region_path}/{flist.slug}"
    ctx = _common(data, project, lang, day, path)
    return _render_page(
        "filtered.html.j2",
        {**ctx, "region": code, "region_path": region_path, "flist": flist, "card": cards.for_page(lang, path),
         "title": filter_title(ctx["fmt"], ctx["language_names"], flist), "services": list(flist.services)},
        lang, path,
    )


def _category_page(data, project, day, lang: str, category: str, regions: list[listing.RegionCount],
                   newest: dt.date | None) -> HtmlPage:
    path = listing.category_path(category)
    ctx = _common(data, project, lang, day, path)
    return _render_page("category.html.j2", {**ctx, "category": category, "regions": regions, "newest": newest},
                        lang, path)


def _service_page(data, project, day, lang: str, service: Service) -> HtmlPage:
    path = listing.service_path(service.id)
    ctx = _common(data, project, lang, day, path)
    return _render_page(
        "service.html.j2",
        {**ctx, "service": service, "org": data.services.organisation(service.organisation),
         "json_ld": json_ld(service, data.services, lang, project, ctx["fmt"]), "status": service.status(day)},
        lang, path,
    )


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


def json_ld(service: Service, directory: Directory, lang: str, project: Project, fmt: Formatter) -> Markup:
    """schema.org description of a service, for search engines and other tools; no placeholder in it."""
    service = without_placeholders(service)
    org = without_placeholders(directory.organisation(service.organisation))

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
