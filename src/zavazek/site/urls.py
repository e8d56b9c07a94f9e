"""Every link between the site's pages is built here, the same way on every kind of page.

Pages are known by their site path without language (``zavazek``,
``sluzby/praha``; ``index`` is the home page) and their language. A link is
either relative to the page it is on (:func:`relative`, :func:`to_root`),
which the generated pages use, or a site path joined to the base the site
engine hands a theme template (:func:`join`, the template filter
:func:`theme_url`). That base is relative (``.``, ``../..``) on ordinary
pages, but absolute (``/``, or ``/sub/`` for a site below a folder) on the
"page not found" pages, which a server shows at any depth: a theme template
that glued ``base ~ "/" ~ path`` itself wrote ``//ru/hledat/`` there, which a
browser reads as a server named ``ru``.
"""

from __future__ import annotations

import posixpath

from jinja2 import pass_context


def page_url(slug: str, lang: str, default: str) -> str:
    """Site path of a page, e.g. ``en/zavazek/``; the default language's home page is ``""``."""
    prefix = "" if lang == default else f"{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


#: Pages made once per registered service (standard 1 is per service): the commitment, goals, checklist.
PER_SERVICE_PAGES = ("zavazek", "cile", "kontrola")


def per_service_slug(slug: str, service_id: str | None) -> str:
    """``zavazek/poradenstvi`` for a service of several; with one service (no id) the page is just ``zavazek``."""
    return f"{slug}/{service_id}" if service_id and slug in PER_SERVICE_PAGES else slug


def _folder(path: str) -> str:
    return "" if path == "index" else path + "/"


def relative(here: str, target: str, anchor: str = "") -> str:
    """Link from the page ``here`` to the page ``target`` of the same language."""
    rel = posixpath.relpath("/" + _folder(target), "/" + _folder(here))
    rel = "" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def to_root(here: str, lang: str, default: str) -> str:
    """From the page ``here`` in ``lang`` to the site root, for files shared by all languages (``../../``)."""
    depth = (0 if here == "index" else len(here.split("/"))) + (lang != default)
    return "../" * depth


def join(base: str, path: str) -> str:
    """The site path ``path`` (``ru/hledat/``) as a link from a page whose way to the site root is ``base``."""
    return (base if base.endswith("/") else base + "/") + path.lstrip("/")


@pass_context
def theme_url(context, path: str) -> str:
    """Template filter ``zv_url``: ``{{ "ru/hledat/" | zv_url }}`` links there from any page, 404 pages too."""
    return join(context["base_url"], path)
