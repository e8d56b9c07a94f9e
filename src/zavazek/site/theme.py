"""What the site engine's theme templates show beside a page: per language, the footer's links,
the search box and its label, the home page, the "not finished" banner, the language names,
and what "page not found" says in each language (one such page serves every language).

Every link is a site path from the site map (``en/zavazek/#complaints``); the theme joins it to
the page's way to the site root.
"""

from __future__ import annotations

from zavazek.core import i18n
from zavazek.core.loader import ProviderData
from zavazek.core.model.codes import N_
from zavazek.core.project import Project
from zavazek.site import fallback, sitemap
from zavazek.site.pages import PAGES, SECTIONS
from zavazek.site.sitemap import COMMITMENT, DIRECTORY, HOME, SEARCH, SiteMap


def _unfinished(data: ProviderData, lang: str) -> str:
    count = len(data.placeholders)
    return fallback.page_translations(lang).ngettext(
        "This website is not finished: {count} text or contact is still a placeholder, not real information.",
        "This website is not finished: {count} texts and contacts are still placeholders, not real information.",
        count,
    ).format(count=count)


def theme_context(project: Project, data: ProviderData) -> dict:
    """Per-language links and labels the theme templates need (footer, search, home, banner)."""
    site = SiteMap.of(project)
    # Without JavaScript the header offers, instead of the search box, the directory's
    # lists of regions and kinds of help (or, without a directory, the list of pages).
    browse_key, browse_label = (DIRECTORY, N_("Browse services")) if data.services else (SEARCH, N_("All pages"))
    footer, unfinished, search_label, browse, not_found = {}, {}, {}, {}, {}
    for lang in project.languages:
        gettext = fallback.page_translations(lang).gettext
        # Every page says how to complain, first; then the pages left out of the navigation.
        complaints = {"title": gettext(SECTIONS[(COMMITMENT, "complaints")]),
                      "url": site.url(sitemap.page(COMMITMENT), lang, "complaints")}
        footer[lang] = [complaints] + [
            {"title": gettext(spec.title), "url": site.url(sitemap.page(spec.key), lang)}
            for spec in PAGES
            if spec.footer
        ]
        search_label[lang] = gettext("Search")
        browse[lang] = {"url": site.url(sitemap.page(browse_key), lang), "label": gettext(browse_label)}
        not_found[lang] = {"title": gettext("Page not found"), "home": gettext("Home")}
        if data.placeholders:  # a site made by ``zavazek new`` and not yet filled in says so on every page
            unfinished[lang] = _unfinished(data, lang)
    return {
        "unfinished": unfinished,
        "default_language": project.default_language,
        "languages": {lang: i18n.language_name(lang) for lang in project.languages},
        "footer": footer,
        "home": {lang: site.url(sitemap.page(HOME), lang) for lang in project.languages},
        "search": {lang: site.url(sitemap.page(SEARCH), lang) for lang in project.languages},
        "search_label": search_label,
        "browse": browse,
        "not_found": not_found,
        "site_url": project.site_url,
    }
