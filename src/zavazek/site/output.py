"""What the site's outputs hand to the site engine: pages whose bodies are finished HTML."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from markupsafe import Markup

#: HTML elements that have no end tag.
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass(frozen=True)
class HtmlPage:
    """A generated page whose body is finished HTML, e.g. a service of the directory."""

    path: str  # site path, without language prefix or trailing slash, e.g. "sluzby/s/poradna-kladno"
    lang: str
    title: str  # plain text
    body: str  # HTML, starting with the page's <h1>
    searchable: bool = True
    #: SHA-256 of the page's address, language and body (the offline worker's version), made with the
    #: page: in the process that renders it, and kept with it (a page a child rendered brings it back).
    digest: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "digest", hashlib.sha256(f"{self.path}\0{self.lang}\0{self.body}".encode()).digest())

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]


def plain(text) -> str:
    """Title text as a reader sees it (Jinja may hand over escaped Markup)."""
    return text.unescape() if isinstance(text, Markup) else str(text)


_BLOCK_END = re.compile(r"(</(?:p|div|li|dd|dt|h[1-6]|tr|td|th|caption|table|ul|ol|dl|nav|section)>)(?=<)")


def spaced_blocks(html: str) -> str:
    """``html`` with a line break after each block that ends right before the next tag.

    The search index reads a page's text as a browser's ``textContent`` does: ``…</dd><dt>Cost``
    would run the last word of one block into the first of the next ("BulgarianCost").
    """
    return _BLOCK_END.sub("\\1\n", html)
