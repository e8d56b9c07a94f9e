"""Noticeboard posters: the operational goals and the commitment as print-ready PDFs.

Each poster is an HTML page (Jinja template, large type) rendered by
WeasyPrint into a tagged PDF (PDF/UA-1) with the Noto fonts embedded, so
Czech, Cyrillic and Vietnamese print correctly. A QR code (segno) opens the
same content on the public website in the same language. Long content flows
onto a second page instead of being cut off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

import segno
from markupsafe import Markup

from zavazek.site import templating
from zavazek.site import fallback
from zavazek.core import i18n
from zavazek.site import pdf as pdf_files
from zavazek.core.loader import ProviderData
from zavazek.core.model import codes
from zavazek.site.urls import page_url, per_service_slug
from zavazek.site.pages.formatting import Formatter
from zavazek.core.problems import DataError, Message, Problem
from zavazek.core.project import Project
from zavazek.site.posters.sheets import SHEETS

FOLDER = "nastenky"
SIZES = ("A4", "A3")

_env = templating.template_environment("zavazek.site.posters")


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
        who = self.centre if self.kind == "goals" else "zavazek"
        of = f"{self.service}-" if self.service else ""
        return f"{of}{who}-{'-'.join(self.languages)}-{self.size.lower()}.pdf"


#: Rendered posters, keyed by a hash of their HTML (inside the provider's folder).
CACHE_DIR = ".zavazek/cache/posters"


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


def require_site_url(project: Project) -> str:
    if not project.site_url:
        raise DataError(
            [
                Problem(
                    project.config_file, None, None, "site_url",
                    Message("The posters need the public address of the website for their QR codes."),
                    Message("Set site_url in mkdocs.yml, e.g. site_url: https://www.example.org/"),
                )
            ]
        )
    return project.site_url.rstrip("/") + "/"


def render_poster(poster: Poster, data: ProviderData, project: Project, day: dt.date) -> bytes:
    """The PDF of one poster."""
    return _pdf(poster_html(poster, data, project, day), project)


def _pdf(html: str, project: Project) -> bytes:
    return pdf_files.render(fallback.mark_html(html), project.root)


def poster_html(poster: Poster, data: ProviderData, project: Project, day: dt.date) -> str:
    """The HTML a poster's PDF is made from (everything the PDF depends on)."""
    link = poster_link(poster, project)
    data = _of_service(data, poster.service)
    c = data.commitment
    context = {
        "poster": poster,
        "sheet": SHEETS[poster.size],
        "lang": poster.languages[0],
        "title": _title(poster, data, project, day),
        "voices": [_voice(l, i, poster, project, day) for i, l in enumerate(poster.languages, 1)],
        "qr": Markup(segno.make(link, error="m").svg_inline(scale=5, border=0, title=link)),
        "link": link,
        "short_link": short_link(link),
        "c": c,
        "year": day.year,
    }
    if poster.kind == "goals":
        plan = next(p for p in data.goals.plans_for(day.year) if p.centre == poster.centre)
        context.update(centre=c.centre(poster.centre), plan=plan, goals=data.goals, today=day)
        return _env.get_template("goals.html.j2").render(**context)
    return _env.get_template("commitment.html.j2").render(**context)


def poster_link(poster: Poster, project: Project) -> str:
    """The page the QR code opens: the same content on the website, in the poster's last language."""
    base = require_site_url(project)
    slug, anchor = ("cile", f"#operational-{poster.centre}") if poster.kind == "goals" else ("zavazek", "")
    slug = per_service_slug(slug, poster.service)
    return base + page_url(slug, poster.languages[-1], project.default_language) + anchor


def short_link(link: str) -> str:
    """The address as a passer-by types it: no scheme, no anchor."""
    return link.split("://", 1)[-1].split("#", 1)[0]


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


@dataclass(frozen=True)
class Voice:
    """One language of a poster: its formatter and the poster's own words in it.

    A bilingual poster sets every passage once per voice, the second
    (``index`` 2) under the first, in italic.
    """

    lang: str
    index: int
    fmt: Formatter
    words: SimpleNamespace

    def attrs(self, cls: str = "") -> Markup:
        """``lang`` and ``class`` of an element that holds this voice's passage."""
        return Markup('lang="{}" class="voice-{}{}"').format(self.lang, self.index, f" {cls}" if cls else "")


def _voice(lang: str, index: int, poster: Poster, project: Project, day: dt.date) -> Voice:
    _ = fallback.page_translations(lang).gettext
    fmt = Formatter(lang, project.default_language)
    words = SimpleNamespace(
        commitment=_("Our commitment"),
        goals=_("Operational goals for {year}").format(year=day.year),
        free=_("Free of charge"),
        who=_("Who the service is for"),
        where=_("Where to find us"),
        phone=_("Phone"),
        hours=_("Opening hours"),
        principles=_("Principles of our work"),
        refusal=_("When we may refuse the service"),
        complaints=_("How to complain"),
        complaints_to=_("Send a complaint to"),
        target=_("Target"),
        deadline=_("Deadline"),
        status=_("Status"),
        scan=_("Scan the code or type the address:"),
        made_on=fmt.fill(_("Poster made on {date}."), date=fmt.date(day)),
    )
    return Voice(lang, index, fmt, words)


def plan_dates(fmt: Formatter, plan) -> list[str]:
    """What the dates on a goals poster are: when the plan was approved, when its progress was counted."""
    _ = fmt.gettext
    out = []
    if plan.approved_on:
        out.append(fmt.fill(_("Plan approved on {date}."), date=fmt.date(plan.approved_on)))
    if plan.progress_as_of:
        out.append(fmt.fill(_("Progress as of {date}."), date=fmt.date(plan.progress_as_of)))
    return out


def hours_rows(voices: list[Voice], opening_hours) -> list[tuple[list[tuple[Voice, str]], str]]:
    """The timetable of a bilingual poster: each open day named in every voice, then its hours."""
    per_voice = [v.fmt.hours(opening_hours) for v in voices]
    return [([(v, rows[i][0]) for v, rows in zip(voices, per_voice)], per_voice[0][i][1]) for i in range(len(per_voice[0]))]


_env.globals.update(plan_dates=plan_dates, hours_rows=hours_rows)


def pdf_to_png(pdf: bytes, *options: str) -> bytes:
    """The first page as PNG (Poppler's pdftoppm)."""
    return pdf_files.to_png(pdf, *options)


def preview_png(pdf: bytes, width: int = 240) -> bytes:
    """A small picture of the first page for the noticeboard page."""
    return pdf_to_png(pdf, "-scale-to", str(width))


def _render_with_preview(html: str, project: Project) -> dict[str, bytes]:
    pdf = _pdf(html, project)
    return {".pdf": pdf, ".png": preview_png(pdf)}


def published(data: ProviderData, project: Project, day: dt.date, only=None) -> tuple[dict[str, bytes], list[dict]]:
    """PDFs and previews for the site (those ``only`` accepts), and the listing the noticeboard page shows."""
    files, listing = {}, []
    if not project.site_url:
        return files, listing
    # Rendering all posters takes seconds; a rebuild after editing one service
    # or one goal should not pay for posters that stayed the same.
    cache = pdf_files.Cache(project.root / CACHE_DIR, (".pdf", ".png"))
    for poster in posters_for(data, project, day):
        if only is not None and not only(poster):
            continue
        made = cache.get(poster_html(poster, data, project, day), lambda html: _render_with_preview(html, project))
        path = f"{FOLDER}/{poster.filename}"
        files[path] = made[".pdf"]
        files[path[:-4] + ".png"] = made[".png"]
        page_gettext = fallback.page_translations(poster.languages[0]).gettext
        listing.append({"poster": poster, "path": path, "bytes": len(made[".pdf"]),
                        "title": _title(poster, data, project, day),
                        "page_title": _title(poster, data, project, day, page_gettext)})
    if only is None:  # every poster was made: forget the ones no longer needed
        cache.forget_unused()
    return files, listing
