"""Hand-outs: each region's list of services as a ready PDF, one per language and Czech + each other language.

A social worker prints one and gives it to a client; on the bilingual sheet
the client and a Czech official read the same services side by side. Each
service shows what a client needs to get there without the website: name,
organisation, address, phone, e-mail or web, the week's hours, languages,
cost and the short address of its page. Every passage carries its ``lang``,
so the PDF tags each with its /Lang (see :mod:`zavazek.site.pdf`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from zavazek.site import templating
from zavazek.site import cldr
from zavazek.core import i18n
from zavazek.site import pdf
from zavazek.site.directory import listing
from zavazek.site.directory.listing import data_date, short_url
from zavazek.core.model import codes
from zavazek.core.model.services import Service
from zavazek.site.pages.formatting import Formatter
from zavazek.core.project import Project

#: Rendered hand-outs, keyed by a hash of their HTML (inside the provider's folder).
CACHE_DIR = ".zavazek/cache/handouts"

_env = templating.template_environment("zavazek.site.directory")


@dataclass(frozen=True)
class Handout:
    region: str
    languages: tuple[str, ...]  # one, or Czech and the reader's language

    @property
    def path(self) -> str:
        """Site path, e.g. ``sluzby/praha/praha-cs-ru.pdf``."""
        slug = listing.REGION_SLUGS[self.region]
        return f"{listing.region_path(self.region)}/{slug}-{'-'.join(self.languages)}.pdf"


def handouts_for(project: Project, region: str) -> list[Handout]:
    """A region's hand-outs: one per language, and Czech + each other language."""
    default = project.default_language
    out = [Handout(region, (lang,)) for lang in project.languages]
    out += [Handout(region, (default, lang)) for lang in project.languages if lang != default]
    return out


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


class _Passages:
    """Each service's passage in each language, rendered once for all the sheets it is on."""

    def __init__(self, data, project: Project):
        self.data, self.project = data, project
        self._done: dict[tuple[str, str], Markup] = {}

    def __call__(self, service: Service, lang: str) -> Markup:
        key = (service.id, lang)
        if key not in self._done:
            directory = self.data.services
            fmt = Formatter(lang, self.project.default_language)
            org = directory.organisation(service.organisation)
            _env.install_gettext_translations(i18n.translations(lang), newstyle=True)
            self._done[key] = Markup(_env.get_template("_handout_service.j2").render(
                s=service, org=org, lang=lang, fmt=fmt, t=fmt.text, codes=codes, phone=directory.phone(service),
                language_names=cldr.language_names(lang),
                web=org.email or (org.website.split("://")[-1].rstrip("/") if org.website else None),
                url=short_url(self.project, lang, listing.service_path(service.id)),
            ).strip())
        return self._done[key]


@dataclass(frozen=True)
class _Sheet:
    """A hand-out as one section of an HTML document (see :func:`handout_html`)."""

    handout: Handout
    title: str
    context: dict

    @property
    def id(self) -> str:
        return self.handout.path.rsplit("/", 1)[-1][:-4]


def _sheet(handout: Handout, services: list[Service], data, project: Project, passages: _Passages) -> _Sheet:
    fmt = Formatter(handout.languages[-1], project.default_language)
    services = sorted(services, key=lambda s: fmt.pick(s.name)[1].casefold())
    date = data_date(services)
    headings = []
    for lang in handout.languages:
        gettext = i18n.gettext_for(lang)
        lang_fmt = Formatter(lang, project.default_language)
        headings.append({
            "lang": lang,
            "title": gettext("Services in {region}").format(region=lang_fmt.label(codes.REGIONS[handout.region])),
            "date": gettext("Data as of {date}").format(date=lang_fmt.date(date)),
            "url": short_url(project, lang, listing.region_path(handout.region)),
            "example": gettext("Example data for demonstration.") if data.services.example else None,
        })
    rows = [[passages(s, lang) for lang in handout.languages] for s in services]
    title = " / ".join(h["title"] for h in headings)
    return _Sheet(handout, title, {"headings": headings, "rows": rows, "bilingual": len(handout.languages) > 1})


def _document(sheets: list[_Sheet]) -> str:
    """One HTML document of hand-outs in the same languages, each starting a page."""
    return _env.get_template("handout.html.j2").render(
        lang=sheets[0].handout.languages[0], title=" · ".join(s.title for s in sheets),
        sheets=[{"id": s.id, **s.context} for s in sheets],
    )


def handout_html(handout: Handout, services: list[Service], data, project: Project, passages=None) -> str:
    """The HTML a hand-out's PDF is made from on its own (everything the PDF depends on)."""
    return _document([_sheet(handout, services, data, project, passages or _Passages(data, project))])


def published(data, project: Project, day: dt.date) -> dict[str, bytes]:
    """Every region's hand-outs (for regions with services), from the cache where their HTML is unchanged.

    Those not in the cache are laid out as one document per combination of
    languages and split into files: WeasyPrint then does its work per
    document (style sheet, fonts) a few times instead of a hundred.
    """
    if data.services is None:
        return {}
    cache = pdf.Cache(project.root / CACHE_DIR)
    passages = _Passages(data, project)
    files: dict[str, bytes] = {}
    missing: dict[tuple[str, ...], list[tuple[_Sheet, str]]] = {}
    for code, services in listing.regions(data.services, day):
        for handout in handouts_for(project, code) if printable(services) else ():
            sheet = _sheet(handout, services, data, project, passages)
            html = _document([sheet])
            found = cache.find(html)
            if found is not None:
                files[handout.path] = found[".pdf"]
            else:
                missing.setdefault(handout.languages, []).append((sheet, html))
    for group in missing.values():
        made = pdf.render_sheets(_document([s for s, _ in group]), project.root, {s.id: s.title for s, _ in group})
        for sheet, html in group:
            cache.keep(html, {".pdf": made[sheet.id]})
            files[sheet.handout.path] = made[sheet.id]
    cache.forget_unused()
    return dict(sorted(files.items()))
