"""Turn the validated data into Markdown pages, one file per page and language.

The pages are ordinary Markdown files (``zavazek.md`` for the default
language, ``zavazek.en.md`` …) written into a staging folder that the site
engine then builds. Their bodies are HTML blocks made from Jinja templates
in ``templates/``: layout only, laid out from the typed views of
:mod:`zavazek.site.pages.views` (rendered by :mod:`zavazek.site.pages.render`).
"""

from __future__ import annotations

from dataclasses import dataclass

from zavazek.core.loader import ProviderData
from zavazek.core.model.codes import N_
from zavazek.core.model.website import STATEMENT_PARTS
from zavazek.site import sitemap
from zavazek.site.sitemap import (
    ACCESSIBILITY, CENTRES, CHECKLIST, COMMITMENT, DIRECTORY, GOALS, HOME, POSTERS, PRIVACY, SEARCH,
)


@dataclass(frozen=True)
class PageSpec:
    key: str  # the page's key in :mod:`zavazek.site.sitemap`
    template: str
    title: str  # msgid
    in_nav: bool = True
    in_footer: bool | None = None  # default: pages left out of the navigation are linked from the footer
    needs: str | None = None  # a data file the page is made from only when the provider has it

    @property
    def slug(self) -> str:
        """The page's site path (``index`` for the home page); a file of that name in ``docs/`` replaces it."""
        return sitemap.PAGE_SLUGS[self.key]

    @property
    def footer(self) -> bool:
        return (not self.in_nav) if self.in_footer is None else self.in_footer


#: The generated pages, in navigation order. A provider can replace one by
#: writing ``docs/<slug>.md`` (and ``docs/<slug>.<lang>.md``) by hand.
PAGES = [
    PageSpec(HOME, "home.md.j2", N_("Home")),
    PageSpec(COMMITMENT, "commitment.md.j2", N_("Our commitment")),
    PageSpec(GOALS, "goals.md.j2", N_("Goals")),
    PageSpec(CENTRES, "centres.md.j2", N_("Centres and contacts")),
    PageSpec(POSTERS, "posters.md.j2", N_("For noticeboards")),
    PageSpec(DIRECTORY, "directory.md.j2", N_("Services for foreigners"), needs="services"),
    PageSpec(ACCESSIBILITY, "accessibility.md.j2", N_("Accessibility statement"), in_nav=False),
    PageSpec(PRIVACY, "privacy.md.j2", N_("Privacy"), in_nav=False),
    PageSpec(CHECKLIST, "checklist.md.j2", N_("Compliance checklist"), in_nav=False),
    PageSpec(SEARCH, "search.md.j2", N_("Search"), in_nav=False, in_footer=False),
]

#: Sections of the generated pages that other pages link to: (page key, anchor) -> heading msgid.
SECTIONS = {
    (HOME, "start"): N_("How to start"),
    (COMMITMENT, "mission"): N_("Mission"),
    (COMMITMENT, "target-groups"): N_("Who the service is for"),
    (COMMITMENT, "service"): N_("About the service"),
    (COMMITMENT, "principles"): N_("Principles of our work"),
    (COMMITMENT, "refusal"): N_("When we may refuse the service"),
    (COMMITMENT, "basic-counselling"): N_("When we may refuse the service"),
    (COMMITMENT, "written-reasons"): N_("When we may refuse the service"),
    (COMMITMENT, "complaints"): N_("How to complain"),
    (GOALS, "strategic"): N_("Strategic goal"),
    (GOALS, "long-term"): N_("Long-term goals"),
    **{(ACCESSIBILITY, anchor): heading for anchor, heading in STATEMENT_PARTS.items()},
    (PRIVACY, "not-collected"): N_("What this website does not do"),
}


def spec(key: str) -> PageSpec:
    return next(p for p in PAGES if p.key == key)


def section_title(key: str, anchor: str, gettext) -> str:
    """"Our commitment › Mission": the page's title, and the section's heading when it has one."""
    title = gettext(spec(key).title)
    heading = SECTIONS.get((key, anchor))
    return f"{title} › {gettext(heading)}" if heading else title


def pages_for(data: ProviderData) -> list[PageSpec]:
    """The generated pages this provider's data makes (the directory only with services.yaml)."""
    return [p for p in PAGES if p.needs is None or getattr(data, p.needs, None) is not None]


def page_filename(slug: str, lang: str, default: str) -> str:
    return f"{slug}.md" if lang == default else f"{slug}.{lang}.md"


