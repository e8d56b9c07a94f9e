"""Every broken link of a built site: :func:`broken_links`.

Every built page is a start (the "page not found" pages and an ended
service's page are linked from nowhere), and so is every stylesheet. Each
address in them is looked up as a static web server answers it (the site is
a folder of files, published as it is): a path ending in ``/`` is its
folder's ``index.html`` (a folder without one is "not found", not a listing
of its files), a folder named without the ``/`` is redirected to it, and
anything else must be a file. A ``#fragment`` must be the ``id`` (or
``<a name>``) of an element of the HTML page it points to, as written or
decoded; ``#`` and ``#top`` are the top of any page.

What is followed: ``href`` (links, areas, ``<link>``), ``src`` and
``srcset`` (images, scripts, frames, media), ``action`` and ``formaction``,
``<meta http-equiv="refresh">``, and ``url()`` and ``@import`` in
stylesheets, ``<style>`` and ``style`` attributes; relative addresses from
the page's address, or from its first ``<base>``. A "page not found" is
read as served for a missing address two folders deep, where a relative
link would have to work too.

Stylesheets are read with a regular expression, which would misread an
address or a comment marker written inside a CSS string
(``content: "url(x)"``) and does not decode CSS escapes other than a
backslash before a character: závazek's stylesheets have neither.

The site is published at ``site_url``: its path is where the site's folder
starts (``/`` or ``/cpic/``), and an address with the site's own host (the
``hreflang`` alternates of every page) is checked as a link within the
site. Addresses of other sites are not followed (the network is closed, and
no one else's site is ours to test). A link written protocol-relative
(``//ru/hledat/``) names another server, ``ru``, and is reported.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

#: Attributes that hold one address, whatever their element.
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "manifest",
                                 "xlink:href"})
#: Addresses in CSS: ``url(…)`` (quoted or not) and ``@import "…"``.
_CSS_ADDRESS = re.compile(
    r"""\burl\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)"'\s]*))\s*\)|@import\s*(?:"([^"]*)"|'([^']*)')""",
    re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_REFRESH = re.compile(r"""^\s*\d*\.?\d*\s*[;,]\s*(?:url\s*=\s*)?(?:"([^"]+)"|'([^']+)'|([^'"\s]+))""", re.I)
#: The origin addresses on the test's own copy of the site are resolved against.
_LOCAL = "http://site.invalid"
#: Where a "page not found" is read as being served: a missing address two folders deep.
_MISSING = "zavazek-missing/address/"


@dataclass
class _Link:
    address: str
    line: int


@dataclass
class _Page:
    links: list[_Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    base: str | None = None  # the first <base href>


class _PageReader(HTMLParser):
    """The addresses a page links to (with their lines), the ids its elements hold, and its base."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = _Page()
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if tag == "base":
            if self.page.base is None and values.get("href"):
                self.page.base = values["href"]
            return
        for name, value in attrs:
            if value is None:
                continue
            if name in _ADDRESS_ATTRIBUTES:
                self.page.links.append(_Link(value.strip(), line))
            elif name in ("srcset", "imagesrcset"):
                self.page.links += [_Link(address, line) for address in srcset_addresses(value)]
            elif name == "style":
                self.page.links += [_Link(address, line) for _, address in css_addresses(value)]
            elif name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            if refresh := _REFRESH.match(values.get("content") or ""):
                self.page.links.append(_Link(next(g for g in refresh.groups() if g), line))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            line = self.getpos()[0]
            self.page.links += [_Link(address, line + offset) for offset, address in css_addresses(data)]


def css_addresses(css: str) -> list[tuple[int, str]]:
    """The addresses a stylesheet (or a ``style`` attribute) refers to, ``data:`` ones included, each with
    the number of lines before it; not those in comments."""
    css = _CSS_COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), css)
    return [(css.count("\n", 0, match.start()),
             re.sub(r"\\(.)", r"\1", next(group for group in match.groups() if group is not None).strip()))
            for match in _CSS_ADDRESS.finditer(css)]


def srcset_addresses(srcset: str) -> list[str]:
    """The addresses of a ``srcset``: each candidate's address runs to the next whitespace (commas
    inside it, as in a ``data:`` address, belong to it), its descriptors to the next comma."""
    addresses, at = [], 0
    while True:
        while at < len(srcset) and (srcset[at].isspace() or srcset[at] == ","):
            at += 1
        if at >= len(srcset):
            return addresses
        end = at
        while end < len(srcset) and not srcset[end].isspace():
            end += 1
        address = srcset[at:end]
        if address.endswith(","):
            address = address.rstrip(",")
            at = end
        else:
            comma = srcset.find(",", end)
            at = len(srcset) if comma < 0 else comma + 1
        addresses.append(address)


def broken_links(site_dir: Path, site_url: str | None = None) -> list[str]:
    """Every broken link or missing anchor of the site built in ``site_dir``, as readable lines:
    ``<address> (on <page>, line <n>): <what is wrong>``. ``site_url``: the site's public address.
    Raises ValueError for a folder with no page: there would be nothing to check."""
    site = _Site(Path(site_dir), site_url)
    problems = []
    for source in site.sources():
        for link in source.links:
            problem = site.problem(source, link.address)
            if problem:
                problems.append(f"{link.address} (on {source.served or '/'}, line {link.line}): {problem}")
    return problems


@dataclass
class _Source:
    """A page or a stylesheet whose links are checked."""

    served: str  # its path in the site's folder as served ("sluzby/praha/", "assets/zavazek.css")
    address: str  # the address it is read at: a "page not found" is served for missing addresses
    base: str  # the address its relative links are read from: its own, or its <base>
    links: list[_Link]


class _Site:
    """The built pages, read once, and where the site is published."""

    def __init__(self, site_dir: Path, site_url: str | None):
        self.dir = site_dir
        own = urlsplit(site_url or "")
        self.host = ((own.hostname or "").lower(), own.port)
        self.prefix = posixpath.join(own.path or "/", "")  # where the site's folder starts, ending in "/"
        self.pages: dict[str, _Page] = {}  # each page by its path in the folder as served ("sluzby/praha/")
        for path in sorted(site_dir.rglob("*.html")):
            reader = _PageReader()
            reader.feed(path.read_text(encoding="utf-8"))
            reader.close()
            self.pages[_served(path.relative_to(site_dir).as_posix())] = reader.page
        if not self.pages:
            raise ValueError(f"no page in {site_dir}")

    def sources(self):
        """Every page, then every stylesheet."""
        for served, page in self.pages.items():
            name = posixpath.basename(served)
            address = _LOCAL + self.prefix + (served[:-len(name)] + _MISSING if name == "404.html" else served)
            yield _Source(served, address, urljoin(address, page.base) if page.base else address, page.links)
        for path in sorted(self.dir.rglob("*.css")):
            served = path.relative_to(self.dir).as_posix()
            links = [_Link(address, line + 1) for line, address in css_addresses(path.read_text(encoding="utf-8"))]
            yield _Source(served, _LOCAL + self.prefix + served, _LOCAL + self.prefix + served, links)

    def problem(self, source: _Source, address: str) -> str | None:
        """What is wrong with ``address`` on ``source``; None if it leads somewhere (or elsewhere)."""
        parts = urlsplit(address)
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return None  # mailto:, tel:, data:, a messenger's own address…
        if not parts.scheme and parts.netloc:
            # Written without a scheme, the first word of the path is read as a server's name.
            return f"a link to another server named {parts.hostname!r}"
        resolved = urlsplit(urljoin(source.base, address))
        ours = resolved.hostname == "site.invalid" or (
            self.host[0] and ((resolved.hostname or "").lower(), resolved.port) == self.host)
        if not ours:
            return None  # another site: not followed
        # A server reads "//" as "/" and stops ".." at the top.
        path = "/" + posixpath.normpath(unquote(resolved.path) or "/").lstrip("/")
        if resolved.path.endswith("/") and not path.endswith("/"):
            path += "/"
        if not posixpath.join(path, "").startswith(self.prefix):
            if resolved.hostname != "site.invalid":
                return None  # another site on the same host: not followed
            return f"outside the site, which starts at {self.prefix}"
        if path == urlsplit(source.address).path:
            target = source.served + ("index.html" if source.served.endswith("/") or not source.served else "")
        else:
            target = self._file(path[len(self.prefix):])
        if target is None:
            return "not found (404)"
        fragment = resolved.fragment
        page = self.pages.get(_served(target)) if target.endswith(".html") else None
        if page is not None and fragment and fragment.lower() != "top" \
                and fragment not in page.ids and unquote(fragment) not in page.ids:
            return f"no element with the id {unquote(fragment)!r} on {_served(target) or '/'}"
        return None

    def _file(self, relative: str) -> str | None:
        """The file a static web server answers a path in the site's folder with; None for "not found"."""
        if relative == "" or relative.endswith("/"):
            index = relative + "index.html"
            return index if os.path.isfile(self.dir / index) else None
        if os.path.isfile(self.dir / relative):
            return relative
        if os.path.isfile(self.dir / relative / "index.html"):
            return relative + "/index.html"  # a folder named without its "/": redirected to it
        return None


def _served(relative: str) -> str:
    """A page's path as served: a folder's ``index.html`` by its folder."""
    return relative.removesuffix("index.html")
