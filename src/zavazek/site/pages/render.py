"""Render the generated pages: each page's view, laid out by its template, in every language."""

from __future__ import annotations

from collections.abc import Collection

import datetime as dt
from dataclasses import dataclass, field

from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site import sitemap
from zavazek.site.links import Links
from zavazek.site.output import spaced_blocks
from zavazek.site.pages import PAGES, PageSpec, page_filename, pages_for, views
from zavazek.site.pages import checklist as checklist_page
from zavazek.site.pages.formatting import Formatter, md_heading
from zavazek.site.sitemap import (
    ACCESSIBILITY, CENTRES, CHECKLIST, COMMITMENT, DIRECTORY, GOALS, HOME, POSTERS, PRIVACY, SEARCH, SiteMap,
)
from zavazek.site.templating import Templates


def page_templates() -> Templates:
    """The generated pages' templates (``h``: text safe in a Markdown heading)."""
    return Templates("zavazek.site.pages", filters={"h": md_heading})


@dataclass(frozen=True)
class Made:
    """What the pages show that other outputs made: the posters, each service's checklist, the directory's home."""

    posters: tuple = ()  # zavazek.site.posters.Listed
    checklists: dict = field(default_factory=dict)  # service id (None: the only one) -> report
    #: Per language, what :func:`zavazek.site.directory.pages.home_context` prepared for the directory's page.
    directory: dict = field(default_factory=dict)



def _view(spec: PageSpec, data: ProviderData, project: Project, day: dt.date, page: views.Page, made: Made):
    fmt, lang = page.fmt, page.lang
    key = spec.key
    if key == HOME:
        return views.home(data, fmt)
    if key == COMMITMENT:
        return views.commitment(data, fmt)
    if key == GOALS:
        return views.goals(data, fmt, day)
    if key == CENTRES:
        return views.centres(data, fmt, page.links)
    if key == POSTERS:
        return views.posters(made.posters, fmt, lang)
    if key == DIRECTORY:
        return views.directory(made.directory[lang])
    if key == ACCESSIBILITY:
        return views.accessibility(data, fmt, project.site_url)
    if key == PRIVACY:
        return views.privacy(data)
    if key == CHECKLIST:
        return checklist_page.checklist(made.checklists[data.service_id], fmt, page.links, data.service_id)
    if key == SEARCH:
        return views.search(data, fmt, page.paths)
    raise ValueError(f"no such page: {key}")


def render_page(
    spec: PageSpec, data: ProviderData, project: Project, lang: str, day: dt.date, templates: Templates,
    made: Made = Made(), overview: bool = False,
) -> str:
    """One page in one language; ``data`` may be one registered service's (then its pages link to each other).

    With several services, ``overview`` makes the page that lists them
    instead (``zavazek/`` leading to ``zavazek/<service>/`` …).
    """
    fmt = Formatter(lang, project.default_language)
    here = sitemap.page(spec.key, data.service_id)
    title = fmt.gettext(spec.title)
    if data.service_id is not None:  # one service's page of several: say which
        title = f"{title} – {fmt.pick(data.commitment.service.name)[1]}"
    links = Links(SiteMap.of(project), here, lang)
    paths = {p.key: sitemap.page(p.key, data.service_id) for p in PAGES}
    page = views.Page(spec.key, title, lang, fmt, links, paths)
    if overview:
        template, view = "services.md.j2", views.services(data, spec, fmt)
    else:
        template, view = spec.template, _view(spec, data, project, day, page, made)
    return spaced_blocks(templates.render(template, lang, {
        "page": page, "title": title, "lang": lang, "fmt": fmt, "links": links, "paths": paths, "view": view,
    }))


def render_site_pages(
    data: ProviderData, project: Project, day: dt.date, templates: Templates, made: Made = Made(),
    only: Collection[str] | None = None, leave_out: Collection[str] = (),
) -> dict[str, str]:
    """{file name: Markdown} for every generated page in every language (``only`` those pages, if given,
    and not those of ``leave_out``)."""
    pages = {}
    default = project.default_language
    for lang in project.languages:
        for spec in pages_for(data):
            if (only is not None and spec.key not in only) or spec.key in leave_out:
                continue
            several = data.several_services and spec.key in sitemap.PER_SERVICE
            pages[page_filename(spec.slug, lang, default)] = render_page(
                spec, data, project, lang, day, templates, made, overview=several
            )
            if several:
                for view in data.per_service():
                    name = page_filename(sitemap.page(spec.key, view.service_id), lang, default)
                    pages[name] = render_page(spec, view, project, lang, day, templates, made)
    return pages
