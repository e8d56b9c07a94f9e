"""The site's service worker: the pages a reader opened, readable again without a connection.

The worker (``site/templates/zavazek-sw.js``) is written by each build with
its settings: a version made from everything the build published (a new
build's worker asks again for the pages the old one kept and drops the old
copies), how many bytes it keeps, and the line a saved page shows, in each
language of the site. Pages register it from ``zavazek-offline.js``, which
also offers "keep this list on my phone" on lists of services
(``site/templates/_keep.j2``). :func:`kept_on_a_phone` says, for a built
site, what those bytes mean in its pages.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass
from html import unescape
from importlib import resources
from pathlib import Path

from zavazek.core import i18n
from zavazek.core.model import codes
from zavazek.core.project import Project
from zavazek.site import cldr, sitemap
from zavazek.site.escaping import json_for_html
from zavazek.site.scripts import without_comments
from zavazek.site.sitemap import SiteMap

#: The most bytes a reader's phone keeps of the site, by what for: the pages they opened (the home page
#: among them), the styles, scripts and pictures of those pages, and the lists they chose to keep with
#: their services' pages. The oldest go first when a part is full.
BUDGET = {"pages": 2_000_000, "files": 1_000_000, "lists": 3_000_000}
#: The most lists kept at once.
LISTS = 5


def version(files: dict, html_pages, script: str = "") -> str:
    """A short fingerprint of what a build published: its files and its pages, and the worker's own script
    (a worker whose code changed keeps its own caches, and renews what the one before kept)."""
    digest = hashlib.sha256(script.encode())
    for name in sorted(files):
        content = files[name]
        digest.update(name.encode() + b"\0" + (content if isinstance(content, bytes) else content.encode()))
    for page in html_pages:
        digest.update(page.digest)
    return digest.hexdigest()[:16]


def _note(gettext) -> str:
    return gettext("Saved on {date}. There is no connection: this is the page as it was then.")


def _missing(gettext) -> dict:
    return {
        "title": gettext("This page is not saved on this phone"),
        "text": gettext("There is no connection, and this page was not opened on this phone before, so it "
                        "cannot be shown. Try again when you are online."),
        "kept": gettext("Pages saved on this phone"),
    }


#: Where the worker's script gets its settings.
SETTINGS_PLACEHOLDER = "/*SETTINGS*/null"


@functools.lru_cache(maxsize=1)
def _worker_source() -> str:
    """The worker's script without its comments, read once per process (a preview builds again and again)."""
    source = without_comments(
        resources.files("zavazek.site").joinpath("templates/zavazek-sw.js").read_text(encoding="utf-8"))
    if SETTINGS_PLACEHOLDER not in source:
        raise ValueError(f"the worker's script must say const SETTINGS = {SETTINGS_PLACEHOLDER};")
    return source


def worker(project: Project, files: dict, html_pages) -> str:
    """The worker's script for this build."""
    notes = {lang: _note(i18n.gettext_for(lang)) for lang in project.languages}
    missing = {lang: _missing(i18n.gettext_for(lang)) for lang in project.languages}
    source = _worker_source()
    settings = {"version": version(files, html_pages, source), "budget": BUDGET, "lists": LISTS,
                "default": project.default_language, "notes": notes, "missing": missing}
    return source.replace(SETTINGS_PLACEHOLDER, json_for_html(settings))


@dataclass(frozen=True)
class KeptOnAPhone:
    """What a reader's phone keeps of a built site, at most."""

    most: int  # bytes, all parts together
    budget: dict  # bytes per part (BUDGET)
    median_page: int  # bytes of a page, the median of the site's pages
    longest_list: int  # bytes of the longest list of services with its services' pages


#: A card's link to its service's page, in a list of services (site/directory/templates/_card.j2).
_CARD_LINK = re.compile(r'<h3 class="zv-card__title"><a href="([^"]+)"')


def kept_on_a_phone(project: Project, site_dir: Path) -> KeptOnAPhone:
    """What the budget holds of the site in ``site_dir``: its median page, and its longest list of services
    with its services' pages (what "keep this list" stores; it keeps what fits of a longer one)."""
    sizes = sorted(os.stat(os.path.join(folder, name)).st_size
                   for folder, _, names in os.walk(site_dir) for name in names if name.endswith(".html"))
    site = SiteMap.of(project)
    longest = 0
    for code in codes.REGIONS:
        for lang in project.languages:
            folder = os.path.join(site_dir, site.url(sitemap.region(code), lang))
            try:
                with open(os.path.join(folder, "index.html"), encoding="utf-8") as page:
                    html = page.read()
            except FileNotFoundError:
                continue
            total = len(html.encode("utf-8"))
            for href in _CARD_LINK.findall(html):
                target = os.path.normpath(os.path.join(folder, unescape(href)))
                service = os.path.join(target, "index.html") if href.endswith("/") else target
                total += os.path.getsize(service) if os.path.isfile(service) else 0
            longest = max(longest, total)
    return KeptOnAPhone(most=sum(BUDGET.values()), budget=dict(BUDGET),
                        median_page=sizes[len(sizes) // 2] if sizes else 0, longest_list=longest)


def _megabytes(count: int, lang: str) -> str:
    """``count`` bytes for a reader of the build's output: in MB from a tenth of one, in kB below."""
    if count < 100_000:
        return f"{cldr.format_number(round(count / 1000), lang)} kB"
    return f"{cldr.format_number(round(count / 1_000_000, 1), lang)} MB"


def describe(kept: KeptOnAPhone, lang: str) -> str:
    """The build's line on what a reader's phone keeps, in ``lang``."""
    gettext = i18n.gettext_for(lang)
    sizes = {"most": _megabytes(kept.most, lang), "pages": _megabytes(kept.budget["pages"], lang),
             "page": cldr.format_number(round(kept.median_page / 1000), lang),
             "files": _megabytes(kept.budget["files"], lang), "lists": _megabytes(kept.budget["lists"], lang),
             "longest": _megabytes(kept.longest_list, lang)}
    if not kept.longest_list:  # a site without a directory of services has no list to keep
        return gettext(
            "Offline: a reader's phone keeps at most {most} of this site: the pages they opened {pages} "
            "(a page is {page} kB, the median), their styles and scripts {files}."
        ).format(**sizes)
    return gettext(
        "Offline: a reader's phone keeps at most {most} of this site: the pages they opened {pages} "
        "(a page is {page} kB, the median), their styles and scripts {files}, the lists they keep {lists} "
        "(the longest list with its services' pages is {longest})."
    ).format(**sizes)
