"""The site's service worker: the pages a reader opened, readable again without a connection.

The worker (``site/templates/zavazek-sw.js``) is written by each build with
its settings: a version made from everything the build published (a new
build's worker replaces the old one and drops its saved pages), how many
pages and files it keeps, and the line a saved page shows, in each
language of the site. Pages register it from ``zavazek-offline.js``.
"""

from __future__ import annotations

import hashlib
from importlib import resources

from zavazek.core import i18n
from zavazek.core.project import Project
from zavazek.site.escaping import json_for_html

#: The most pages kept (the home page besides); the oldest opened go first. About 15 kB each.
PAGES = 40
#: The most other files kept (styles, scripts, pictures).
FILES = 40


def version(files: dict, html_pages) -> str:
    """A short fingerprint of what a build published: its files and its pages."""
    digest = hashlib.sha256()
    for name in sorted(files):
        content = files[name]
        digest.update(name.encode() + b"\0" + (content if isinstance(content, bytes) else content.encode()))
    for page in html_pages:
        digest.update(f"{page.path}\0{page.lang}\0{page.body}".encode())
    return digest.hexdigest()[:16]


def _note(gettext) -> str:
    return gettext("Saved on {date}. There is no connection: this is the page as it was then.")


def worker(project: Project, files: dict, html_pages) -> str:
    """The worker's script for this build."""
    notes = {lang: _note(i18n.gettext_for(lang)) for lang in project.languages}
    settings = {"version": version(files, html_pages), "pages": PAGES, "files": FILES,
                "default": project.default_language, "notes": notes}
    source = resources.files("zavazek.site").joinpath("templates/zavazek-sw.js").read_text(encoding="utf-8")
    return source.replace("/*SETTINGS*/null", json_for_html(settings))
