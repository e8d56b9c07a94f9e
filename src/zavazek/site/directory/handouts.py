"""Hand-outs: each region's list of services as a ready PDF, one per language and Czech + each other language.

A social worker prints one and gives it to a client; on the bilingual sheet
the client and a Czech official read the same services side by side. Each
service shows what a client needs to get there without the website: name,
organisation, address, phone, e-mail or web, the week's hours, languages,
cost and the short address of its page. Every passage carries its ``lang``,
so the PDF tags each with its /Lang (see :mod:`zavazek.site.pdf`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup

from zavazek.core import i18n
from zavazek.core.model import codes
from zavazek.core.model.services import Service
from zavazek.core.project import Project
from zavazek.site import pdf, sitemap
from zavazek.site.directory import views
from zavazek.site.directory.listing import data_date
from zavazek.site.directory.rendering import PRINT
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.pages.formatting import Formatter
from zavazek.site.sitemap import SiteMap
from zavazek.site.templating import Templates

#: Rendered hand-outs, keyed by a hash of their HTML (inside the provider's folder).
CACHE_DIR = ".zavazek/cache/handouts"

@dataclass(frozen=True)
class Handout:
    region: str
    languages: tuple[str, ...]  # one, or Czech and the reader's language

    @property
    def path(self) -> str:
        """Site path, e.g. ``sluzby/praha/praha-cs-ru.pdf``."""
        return sitemap.handout(self.region, sitemap.REGION_SLUGS[self.region], self.languages)


def language_groups(project: Project) -> list[tuple[str, ...]]:
    """The languages hand-outs are in: each language alone, then Czech + each other language."""
    default = project.default_language
    return [(lang,) for lang in project.languages] + [(default, lang) for lang in project.languages if lang != default]


def handouts_for(project: Project, region: str) -> list[Handout]:
    """A region's hand-outs: one per language, and Czech + each other language."""
    return [Handout(region, languages) for languages in language_groups(project)]


#: A hand-out is a few sheets to give a client: a region with more services than this (eight
#: pages at six a page) gets none, and its page points to the shorter lists of each kind of help.
MAX_SERVICES = 48


def printable(services) -> bool:
    """Whether a region's list makes a hand-out: it has services, and not more than a few sheets' worth."""
    return 0 < len(services) <= MAX_SERVICES


def offered(project: Project, region: str, services, lang: str) -> list[Handout]:
    """What a region page in ``lang`` links to: the list in its language, and with Czech beside it.

    A region without services has no hand-outs (there would be nothing on them), nor has one
    whose list would run to more than a few sheets.
    """
    if not printable(services):
        return []
    wanted = {(lang,), (project.default_language, lang)}
    return [h for h in handouts_for(project, region) if h.languages in wanted]


class Passages:
    """Each service's passage in each language, rendered once for all the sheets it is on."""

    def __init__(self, published: DirectoryOnDay, project: Project, templates: Templates):
        self.directory, self.project, self.templates = published.directory, project, templates
        self.site = SiteMap.of(project)
        self._done: dict[tuple[str, str], Markup] = {}

    def __getitem__(self, key: tuple[Service, str]) -> Markup:
        service, lang = key
        if (service.id, lang) not in self._done:
            fmt = Formatter(lang, self.project.default_language)
            org = self.directory.organisation(service.organisation)
            view = views.HandoutPassage(
                service=service, organisation=org, lang=lang, fmt=fmt,
                kinds=tuple(fmt.label(codes.SERVICE_CATEGORIES[c]) for c in service.categories),
                places=tuple(views.place_hours(p, fmt, plain_text=True) for p in service.places),
                phone=self.directory.phone(service), web=views.web_address(org),
                url=self.site.short(sitemap.service(service.id), lang),
            )
            self._done[service.id, lang] = Markup(
                self.templates.render("_handout_service.j2", lang, {"p": view}, PRINT).strip())
        return self._done[service.id, lang]


@dataclass(frozen=True)
class Sheet:
    """A hand-out as one section of an HTML document (see :func:`handout_html`)."""

    handout: Handout
    title: str
    view: views.SheetView

    @property
    def id(self) -> str:
        return self.view.id


def sheet(handout: Handout, services: list[Service], passages: Passages) -> Sheet:
    """A hand-out's sheet: its headings in each of its languages, and its services by name."""
    project = passages.project
    fmt = Formatter(handout.languages[-1], project.default_language)
    services = views.sorted_by_name(services, fmt)
    date = data_date(services)
    headings = []
    for lang in handout.languages:
        gettext = i18n.gettext_for(lang)
        lang_fmt = Formatter(lang, project.default_language)
        headings.append(views.HandoutHeading(
            lang=lang,
            title=gettext("Services in {region}").format(region=lang_fmt.label(codes.REGIONS[handout.region])),
            date=gettext("Data as of {date}").format(date=lang_fmt.date(date)),
            url=passages.site.short(sitemap.region(handout.region), lang),
            example=gettext("Example data for demonstration.") if passages.directory.example else None,
        ))
    rows = tuple(tuple(passages[s, lang] for lang in handout.languages) for s in services)
    title = " / ".join(h.title for h in headings)
    sheet_id = handout.path.rsplit("/", 1)[-1][:-4]
    return Sheet(handout, title, views.SheetView(sheet_id, tuple(headings), rows, len(handout.languages) > 1))


def document(sheets: list[Sheet], templates: Templates) -> str:
    """One HTML document of hand-outs in the same languages, each starting a page."""
    lang = sheets[0].handout.languages[0]
    view = views.HandoutDocument(lang=lang, title=" · ".join(s.title for s in sheets),
                                 sheets=tuple(s.view for s in sheets))
    return templates.render("handout.html.j2", lang, {"d": view}, PRINT)


def handout_html(handout: Handout, services: list[Service], passages: Passages) -> str:
    """The HTML a hand-out's PDF is made from on its own (everything the PDF depends on)."""
    return document([sheet(handout, services, passages)], passages.templates)


def published(published: DirectoryOnDay | None, project: Project, templates: Templates,
              groups: Iterable[tuple[str, ...]] | None = None) -> dict[str, bytes]:
    """Every region's hand-outs (for regions with services), from the cache where their HTML is unchanged.

    ``groups``: only the hand-outs in these languages (see
    :func:`language_groups`; None: all), taken one at a time, so that
    processes can share the work by taking turns (:class:`zavazek.site.parallel.Turns`).
    The hand-outs of one combination of languages that are not in the cache
    are laid out as one document and split into files: WeasyPrint then does
    its work per document (style sheet, fonts) a few times instead of a
    hundred. Each combination has a cache folder of its own, which forgets
    what it no longer needs.
    """
    if published is None:
        return {}
    _forget_other_languages(project)
    passages = Passages(published, project, templates)
    regions = [(code, services) for code, services in published.regions() if printable(services)]
    files: dict[str, bytes] = {}
    for languages in language_groups(project) if groups is None else groups:
        cache = pdf.Cache(project.root / CACHE_DIR / "-".join(languages))
        missing: list[tuple[Sheet, str]] = []
        for code, services in regions:
            handout = Handout(code, languages)
            made_sheet = sheet(handout, services, passages)
            html = document([made_sheet], templates)
            found = cache.find(html)
            if found is not None:
                files[handout.path] = found[".pdf"]
            else:
                missing.append((made_sheet, html))
        if missing:
            made = pdf.render_sheets(document([s for s, _ in missing], templates), project.root,
                                     {s.id: s.title for s, _ in missing})
            for made_sheet, html in missing:
                cache.keep(html, {".pdf": made[made_sheet.id]})
                files[made_sheet.handout.path] = made[made_sheet.id]
        cache.forget_unused()
    return dict(sorted(files.items()))


def _forget_other_languages(project: Project) -> None:
    """Delete the cache of hand-outs in languages the site no longer has."""
    folder = project.root / CACHE_DIR
    kept = {"-".join(languages) for languages in language_groups(project)}
    for entry in folder.iterdir() if folder.is_dir() else ():
        if entry.name in kept:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
