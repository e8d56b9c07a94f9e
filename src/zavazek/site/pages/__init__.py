"""Turn the validated data into Markdown pages, one file per page and language.

The pages are ordinary Markdown files (``zavazek.md`` for the default
language, ``zavazek.en.md`` …) written into a staging folder that the site
engine then builds. Their bodies are HTML blocks made from Jinja templates
in ``templates/``: layout only, with every value prepared by
:class:`~zavazek.site.pages.formatting.Formatter`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zavazek.site import templating
from zavazek.site import fallback
from zavazek.core import i18n
from zavazek.core.loader import ProviderData
from zavazek.core.model import codes
from zavazek.core.model.codes import N_
from zavazek.core.model.goals import effective_deadline
from zavazek.core.model.website import STATEMENT_PARTS
from zavazek.site.pages.formatting import Formatter, md_heading
from zavazek.core.project import Project
from zavazek.site import urls
from zavazek.site.urls import PER_SERVICE_PAGES, page_url, per_service_slug, relative, to_root


@dataclass(frozen=True)
class PageSpec:
    slug: str  # file name without language suffix; "index" is the home page
    template: str
    title: str  # msgid
    in_nav: bool = True
    in_footer: bool | None = None  # default: pages left out of the navigation are linked from the footer
    needs: str | None = None  # a data file the page is made from only when the provider has it

    @property
    def footer(self) -> bool:
        return (not self.in_nav) if self.in_footer is None else self.in_footer


#: The generated pages, in navigation order. A provider can replace one by
#: writing ``docs/<slug>.md`` (and ``docs/<slug>.<lang>.md``) by hand.
PAGES = [
    PageSpec("index", "home.md.j2", N_("Home")),
    PageSpec("zavazek", "commitment.md.j2", N_("Our commitment")),
    PageSpec("cile", "goals.md.j2", N_("Goals")),
    PageSpec("strediska", "centres.md.j2", N_("Centres and contacts")),
    PageSpec("nastenky", "posters.md.j2", N_("For noticeboards")),
    PageSpec("sluzby", "directory.md.j2", N_("Services for foreigners"), needs="services"),
    PageSpec("pristupnost", "accessibility.md.j2", N_("Accessibility statement"), in_nav=False),
    PageSpec("soukromi", "privacy.md.j2", N_("Privacy"), in_nav=False),
    PageSpec("kontrola", "checklist.md.j2", N_("Compliance checklist"), in_nav=False),
    PageSpec("hledat", "search.md.j2", N_("Search"), in_nav=False, in_footer=False),
]

#: Sections of the generated pages that other pages link to: (page, anchor) -> heading msgid.
SECTIONS = {
    ("index", "start"): N_("How to start"),
    ("zavazek", "mission"): N_("Mission"),
    ("zavazek", "target-groups"): N_("Who the service is for"),
    ("zavazek", "service"): N_("About the service"),
    ("zavazek", "principles"): N_("Principles of our work"),
    ("zavazek", "refusal"): N_("When we may refuse the service"),
    ("zavazek", "basic-counselling"): N_("When we may refuse the service"),
    ("zavazek", "written-reasons"): N_("When we may refuse the service"),
    ("zavazek", "complaints"): N_("How to complain"),
    ("cile", "strategic"): N_("Strategic goal"),
    ("cile", "long-term"): N_("Long-term goals"),
    **{("pristupnost", anchor): heading for anchor, heading in STATEMENT_PARTS.items()},
    ("soukromi", "not-collected"): N_("What this website does not do"),
}

_env = templating.template_environment("zavazek.site.pages")
_env.filters["h"] = md_heading


def pages_for(data: ProviderData) -> list[PageSpec]:
    """The generated pages this provider's data makes (the directory only with services.yaml)."""
    return [p for p in PAGES if p.needs is None or getattr(data, p.needs, None) is not None]


def page_filename(slug: str, lang: str, default: str) -> str:
    return f"{slug}.md" if lang == default else f"{slug}.{lang}.md"


def render_page(
    spec: PageSpec, data: ProviderData, project: Project, lang: str, today: dt.date, extra: dict | None = None,
    overview: bool = False,
) -> str:
    """One page in one language; ``data`` may be one registered service's (then its pages link to each other).

    With several services, ``overview`` makes the page that lists them
    instead (``zavazek/`` leading to ``zavazek/<service>/`` …).
    """
    fmt = Formatter(lang, project.default_language)
    here = per_service_slug(spec.slug, data.service_id)
    root = to_root(here, lang, project.default_language)
    translations = fallback.page_translations(lang)
    _env.install_gettext_translations(translations, newstyle=True)
    template = _env.get_template("services.md.j2" if overview else spec.template)
    extra = dict(extra or {})
    if data.service_id in extra.get("checklists", {}) and not overview:
        extra["checklist"] = extra["checklists"][data.service_id]
        extra["report_path"] = extra["report_paths"][data.service_id]
    title = translations.gettext(spec.title)
    if data.service_id is not None:  # one service's page of several: say which
        title = f"{title} – {fmt.pick(data.commitment.service.name)[1]}"
    return template.render(
        page=spec.slug,
        several=data.several_services or data.service_id is not None,
        title=title,
        data=data,
        c=data.commitment,
        goals=data.goals,
        web=data.website,
        fmt=fmt,
        t=fmt.text,
        rich=fmt.rich,
        lang=lang,
        project=project,
        today=today,
        year=today.year,
        codes=codes,
        url=lambda slug, anchor="": relative(here, per_service_slug(slug, data.service_id), anchor),
        root=root,
        url_in=lambda in_lang, slug, anchor="": urls.join(
            root, page_url(per_service_slug(slug, data.service_id), in_lang, project.default_language))
        + (f"#{anchor}" if anchor else ""),
        pages=pages_for(data),
        section_title=lambda page, anchor="": _section_title(page, anchor, translations.gettext),
        **extra,
        effective_deadline=effective_deadline,
        language_name=i18n.language_name,
    )


def _section_title(page: str, anchor: str, gettext) -> str:
    """"Our commitment › Mission": the page's title, and the section's heading when it has one."""
    title = gettext(next(p.title for p in PAGES if p.slug == page))
    heading = SECTIONS.get((page, anchor))
    return f"{title} › {gettext(heading)}" if heading else title


def render_site_pages(
    data: ProviderData, project: Project, today: dt.date, extra: dict | None = None
) -> dict[str, str]:
    """{file name: Markdown} for every generated page in every language."""
    pages = {}
    default = project.default_language
    for lang in project.languages:
        for spec in pages_for(data):
            several = data.several_services and spec.slug in PER_SERVICE_PAGES
            pages[page_filename(spec.slug, lang, default)] = render_page(
                spec, data, project, lang, today, extra, overview=several
            )
            if several:
                for view in data.per_service():
                    pages[page_filename(per_service_slug(spec.slug, view.service_id), lang, default)] = render_page(
                        spec, view, project, lang, today, extra
                    )
    return pages
