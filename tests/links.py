"""Every broken link of a built site: :func:`broken_links`.

Every built page is a start (the "page not found" pages and an ended
service's page are linked from nowhere), and so is every stylesheet. Each
address in them is looked up as a static web server answers it (the site is
a folder of files, published as it is): a path ending in ``/`` is its
folder's ``index.html``, a folder named without the ``/`` is redirected to
it, and anything else must be a file. A ``#fragment`` must be the ``id`` (or
``<a name>``) of an element of the page it points to.

What is followed: ``href`` (links, areas, ``<link>``), ``src`` and
``srcset`` (images, scripts, frames, media), ``action`` and ``formaction``,
``<meta http-equiv="refresh">``, and ``url()`` and ``@import`` in
stylesheets, ``<style>`` and ``style`` attributes. Addresses of other sites
are not followed (the network is closed, and no one else's site is ours to
test), except the site's own public address (the ``hreflang`` alternates of
every page), which must name a built page. A link written
protocol-relative (``//ru/hledat/``) names another server, ``ru``, and is
reported.

It reads the files with the standard library's HTML parser: about 3 s for
the first example's 1,465 pages.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

#: Attributes that hold one address, whatever their element.
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "manifest"})
#: Addresses in CSS: ``url(…)`` (quoted or not) and ``@import "…"``.
_CSS_ADDRESS = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
_REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\"\s;]+)", re.I)


@dataclass
class _Link:
    address: str
    line: int


@dataclass
class _Page:
    links: list[_Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _PageReader(HTMLParser):
    """The addresses a page links to (with their lines) and the ids its elements hold."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = _Page()
        self.base: str | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        for name, value in attrs:
            if value is None:
                continue
            if name in _ADDRESS_ATTRIBUTES:
                self.page.links.append(_Link(value.strip(), line))
            elif name in ("srcset", "imagesrcset"):
                self.page.links += [_Link(c.split()[0], line) for c in value.split(",") if c.strip()]
            elif name == "style":
                self.page.links += [_Link(a, line) for a in css_addresses(value)]
            elif name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            if refresh := _REFRESH.search(values.get("content") or ""):
                self.page.links.append(_Link(refresh.group(1), line))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            line = self.getpos()[0]
            self.page.links += [_Link(a, line) for a in css_addresses(data)]


def css_addresses(css: str) -> list[str]:
    """The addresses a stylesheet (or a ``style`` attribute) refers to, ``data:`` ones included."""
    return [next(group for group in match.groups() if group is not None).strip()
            for match in _CSS_ADDRESS.finditer(css)]


def broken_links(site_dir: Path, site_url: str | None = None) -> list[str]:
    """Every broken link or missing anchor of the site built in ``site_dir``, as readable lines:
    ``<address> (on <page>, line <n>): <what is wrong>``. ``site_url``: the site's public address."""
    site_dir = Path(site_dir)
    pages: dict[str, _Page] = {}  # the path of each page as served ("sluzby/praha/"): what it holds
    bases: dict[str, str] = {}
    for path in sorted(site_dir.rglob("*.html")):
        served = path.relative_to(site_dir).as_posix().removesuffix("index.html")
        reader = _PageReader()
        reader.feed(path.read_text(encoding="utf-8"))
        reader.close()
        pages[served] = reader.page
        bases[served] = urljoin("/" + served, reader.base) if reader.base else "/" + served
    sources = [(served, bases[served], page.links) for served, page in pages.items()]
    for path in sorted(site_dir.rglob("*.css")):
        served = path.relative_to(site_dir).as_posix()
        sources.append((served, "/" + served, [
            _Link(address, line)
            for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            for address in css_addresses(text)
        ]))
    own = urlsplit(site_url) if site_url else None
    problems = []
    for served, base, links in sources:
        for link in links:
            problem = _problem(site_dir, pages, base, link.address, own)
            if problem:
                problems.append(f"{link.address} (on {served or '/'}, line {link.line}): {problem}")
    return problems


def _problem(site_dir: Path, pages: dict[str, _Page], base: str, address: str, own) -> str | None:
    """What is wrong with ``address`` written on the page served at ``base``; None if it leads somewhere."""
    parts = urlsplit(address)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None  # mailto:, tel:, data:, a messenger's own address…
    if not parts.scheme and parts.netloc:
        # Written without a scheme, the first word of the path is read as a server's name.
        return f"a link to another server named {parts.hostname!r}"
    if parts.scheme:
        if own is None or (parts.scheme, parts.netloc) != (own.scheme, own.netloc) \
                or not (parts.path or "/").startswith(own.path or "/"):
            return None  # another site: not followed
        target = _served_file(site_dir, (parts.path or "/")[len((own.path or "/").rstrip("/")):])
        return None if target else "no such page in the built site"
    resolved = urlsplit(urljoin(base, address))
    target = _served_file(site_dir, resolved.path)
    if target is None:
        return "not found (404)"
    fragment = unquote(resolved.fragment)
    if fragment and target.endswith(".html"):
        page = pages.get(target.removesuffix("index.html"))
        if page is not None and fragment not in page.ids:
            return f"no element with the id {fragment!r} on {target.removesuffix('index.html') or '/'}"
    return None


def _served_file(site_dir: Path, path: str) -> str | None:
    """The file a static web server answers ``path`` with, relative to ``site_dir``; None for "not found"."""
    relative = unquote(path).lstrip("/")
    if ".." in relative.split("/"):
        return None
    if relative == "" or relative.endswith("/"):
        return relative + "index.html" if os.path.isfile(site_dir / relative / "index.html") else None
    if os.path.isfile(site_dir / relative):
        return relative
    if os.path.isfile(site_dir / relative / "index.html"):
        return relative + "/index.html"  # a folder named without its "/": redirected to it
    return None
