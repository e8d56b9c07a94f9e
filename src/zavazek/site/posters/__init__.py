"""Noticeboard posters: the operational goals and the commitment as print-ready PDFs.

Each poster is an HTML page (Jinja template, large type) rendered by
WeasyPrint into a tagged PDF (PDF/UA-1) with the Noto fonts embedded, so
Czech, Cyrillic and Vietnamese print correctly. A QR code (:mod:`zavazek.site.posters.qr`) opens the
same content on the public website in the same language. Long content flows
onto further sheets, numbered, instead of being cut off (:mod:`zavazek.site.posters.fitting`). What a poster shows is prepared
in :mod:`zavazek.site.posters.views`; its template only lays it out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from zavazek.core import i18n
from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site import fallback, sitemap
from zavazek.site import pdf as pdf_files
from zavazek.site.links import Links
from zavazek.site.pages.formatting import Formatter
from zavazek.site.posters import fitting, qr, site_url, views
from zavazek.site.posters.sheets import SHEETS
from zavazek.site.sitemap import COMMITMENT, GOALS, SiteMap
from zavazek.site.templating import Templates

SIZES = ("A4", "A3")


@dataclass(frozen=True)
class Poster:
    """One poster to print: what it shows, in which languages and size."""

    kind: str  # "goals" or "commitment"
    languages: tuple[str, ...]  # one, or Czech plus one other language
    size: str = "A4"
    centre: str | None = None
    service: str | None = None  # the registered service, when the provider has several

    @property
    def filename(self) -> str:
        who = self.centre if self.kind == "goals" else sitemap.PAGE_SLUGS[COMMITMENT]
        of = f"{self.service}-" if self.service else ""
        return f"{of}{who}-{'-'.join(self.languages)}-{self.size.lower()}.pdf"

    @property
    def path(self) -> str:
        """The PDF's site path: ``nastenky/brno-cs-a4.pdf``."""
        return sitemap.poster(self.filename)

    @property
    def preview(self) -> str:
        """The site path of its picture on the noticeboard page."""
        return sitemap.poster(self.filename[:-4] + ".png")


@dataclass(frozen=True)
class Listed:
    """A poster, as the noticeboard page lists it (made, or in a build still being made: its size unknown)."""

    poster: Poster
    bytes: int | None  # the PDF's size (None: not made yet)
    title: str  # the PDF's document title
    page_title: str  # its title on the noticeboard page (in the page's interface language)

    @property
    def path(self) -> str:
        return self.poster.path

    @property
    def preview(self) -> str:
        return self.poster.preview


#: Rendered posters, keyed by a hash of their HTML (inside the provider's folder).
CACHE_DIR = ".zavazek/cache/posters"


def poster_templates() -> Templates:
    return Templates("zavazek.site.posters")


def posters_for(data: ProviderData, project: Project, day: dt.date) -> list[Poster]:
    """Every poster the site publishes: per centre with goals this year, and the commitment."""
    default = project.default_language
    out = []
    for view in data.per_service():
        s = view.service_id
        centres = [p.centre for p in view.goals.plans_for(day.year)]
        for lang in project.languages:
            out += [Poster("goals", (lang,), "A4", c, s) for c in centres]
            out.append(Poster("commitment", (lang,), "A4", service=s))
            out.append(Poster("commitment", (lang,), "A3", service=s))
            if lang != default:
                out += [Poster("goals", (default, lang), "A4", c, s) for c in centres]
                out.append(Poster("commitment", (default, lang), "A4", service=s))
    return out


def _of_service(data: ProviderData, service_id: str | None) -> ProviderData:
    return next(view for view in data.per_service() if view.service_id == service_id)


def render_poster(poster: Poster, data: ProviderData, project: Project, day: dt.date,
                  templates: Templates | None = None) -> bytes:
    """The PDF of one poster."""
    return _pdf(_source(poster, data, project, day, templates or poster_templates()), project)


def _pdf(source: str, project: Project) -> bytes:
    """The PDF of a poster's HTML (:func:`_source`), its QR code drawn."""
    html = qr.drawn(source)
    with pdf_files.one_document():
        return fitting.fitted(html, lambda laid_out: pdf_files.lay_out(fallback.mark_html(laid_out), project.root))


def _links(poster: Poster, project: Project) -> tuple[Links, str]:
    """The links of the page the QR code opens (in the poster's last language), and the anchor on it."""
    key, anchor = (GOALS, f"operational-{poster.centre}") if poster.kind == "goals" else (COMMITMENT, "")
    site = SiteMap.of(project)
    return Links(site, sitemap.page(key, poster.service), poster.languages[-1]), anchor


def poster_link(poster: Poster, project: Project) -> str:
    """The page the QR code opens: the same content on the website, in the poster's last language."""
    site_url.require(project)
    links, anchor = _links(poster, project)
    return links.absolute(anchor=anchor)


def printed_link(poster: Poster, project: Project) -> str:
    """The address printed under the QR code, as a passer-by types it: no scheme, no anchor."""
    site_url.require(project)
    return _links(poster, project)[0].short()


def poster_view(poster: Poster, data: ProviderData, project: Project, day: dt.date) -> views.PosterView:
    """Everything the poster shows."""
    link = poster_link(poster, project)
    data = _of_service(data, poster.service)
    voices = tuple(voice(lang, i, poster, project, day) for i, lang in enumerate(poster.languages, 1))
    common = dict(
        poster=poster, sheet=SHEETS[poster.size], lang=poster.languages[0], title=_title(poster, data, project, day),
        qr=qr.placeholder(link),
        short_link=printed_link(poster, project), c=data.commitment,
    )
    if poster.kind != "goals":
        return views.PosterView(voices=voices, **common)
    plan = next(p for p in data.goals.plans_for(day.year) if p.centre == poster.centre)
    voices = tuple(dataclasses.replace(v, dates=" ".join(views.plan_dates(v.fmt, plan))) for v in voices)
    centre = data.commitment.centre(poster.centre)
    return views.GoalsPosterView(
        voices=voices, **common, centre=centre,
        goals=views.goal_lines(plan, data.goals.operational, voices, day),
        hours=views.hours_rows(voices, centre.opening_hours),
    )


def poster_html(poster: Poster, data: ProviderData, project: Project, day: dt.date, templates: Templates) -> str:
    """The HTML a poster is laid out from, its QR code drawn (what :func:`render_poster` lays out)."""
    return qr.drawn(_source(poster, data, project, day, templates))


def _source(poster: Poster, data: ProviderData, project: Project, day: dt.date, templates: Templates) -> str:
    """The HTML that names a poster's PDF in the cache: everything the PDF depends on, its QR code as the
    address it opens (:mod:`zavazek.site.posters.qr`)."""
    view = poster_view(poster, data, project, day)
    context = {field.name: getattr(view, field.name) for field in dataclasses.fields(view)}
    return templates.render(f"{poster.kind}.html.j2", poster.languages[0], context)


def _title(poster, data, project, day, gettext=None) -> str:
    """The PDF's document title, in the poster's first language (``gettext``: a page's, see :mod:`zavazek.site.fallback`)."""
    lang = poster.languages[0]
    gettext = gettext or i18n.gettext_for(lang)
    data = _of_service(data, poster.service)
    if poster.kind == "goals":
        centre = Formatter(lang, project.default_language).pick(data.commitment.centre(poster.centre).name)[1]
        return f"{gettext('Operational goals for {year}').format(year=day.year)} – {centre}"
    who = data.commitment.service.name if poster.service else data.commitment.provider.name
    return f"{gettext('Our commitment')} – {Formatter(lang, project.default_language).pick(who)[1]}"


def voice(lang: str, index: int, poster: Poster, project: Project, day: dt.date) -> views.Voice:
    """The poster's ``index``-th language (1: the first)."""
    return views.Voice(lang, index, Formatter(lang, project.default_language),
                       views.words(lang, project.default_language, day))


def pdf_to_png(pdf: bytes, *options: str) -> bytes:
    """The first page as PNG (Poppler's pdftoppm)."""
    return pdf_files.to_png(pdf, *options)


def preview_png(pdf: bytes, width: int = 240) -> bytes:
    """A small picture of the first page for the noticeboard page."""
    return pdf_to_png(pdf, "-scale-to", str(width))


def _render_with_preview(source: str, project: Project) -> dict[str, bytes]:
    pdf = _pdf(source, project)
    return {".pdf": pdf, ".png": preview_png(pdf)}


def published(data: ProviderData, project: Project, day: dt.date,
              only=None) -> tuple[dict[str, bytes], list[Listed], frozenset[str]]:
    """PDFs and previews for the site (those ``only`` accepts), the listing the noticeboard page shows,
    and the names of the kept PDFs they are (for :func:`forget_all_but`)."""
    files, listing = {}, []
    if not project.site_url:
        return files, listing, frozenset()
    templates = poster_templates()
    # Rendering all posters takes seconds; a rebuild after editing one service
    # or one goal should not pay for posters that stayed the same.
    cache = pdf_files.Cache(project.root / CACHE_DIR, (".pdf", ".png"))
    for poster in posters_for(data, project, day):
        if only is not None and not only(poster):
            continue
        made = cache.get(_source(poster, data, project, day, templates),
                         lambda source: _render_with_preview(source, project))
        files[poster.path] = made[".pdf"]
        files[poster.preview] = made[".png"]
        listing.append(_listed(poster, len(made[".pdf"]), data, project, day))
    if only is None:  # every poster was made: forget the ones no longer needed
        cache.forget_unused()
    return files, listing, frozenset(cache.used)


def forget_all_but(project: Project, kept: set[str]) -> None:
    """Delete the kept PDFs other than ``kept`` (the names :func:`published` gave, in every process
    that made a share of the posters: needed after :func:`published` with ``only``, which cannot tell)."""
    if project.site_url:
        pdf_files.Cache(project.root / CACHE_DIR, (".pdf", ".png")).forget_all_but(kept)


def listing(data: ProviderData, project: Project, day: dt.date) -> list[Listed]:
    """What the noticeboard page lists of :func:`published`'s posters, before they are made: their sizes unknown."""
    if not project.site_url:
        return []
    return [_listed(poster, None, data, project, day) for poster in posters_for(data, project, day)]


def _listed(poster: Poster, size: int | None, data: ProviderData, project: Project, day: dt.date) -> Listed:
    page_gettext = fallback.page_translations(poster.languages[0]).gettext
    return Listed(poster, size, _title(poster, data, project, day), _title(poster, data, project, day, page_gettext))
