"""What the site's outputs hand to the site engine: pages whose bodies are finished HTML."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class HtmlPage:
    """A generated page whose body is finished HTML, e.g. a service of the directory."""

    path: str  # site path, without language prefix or trailing slash, e.g. "sluzby/s/poradna-kladno"
    lang: str
    title: str  # plain text
    body: str  # HTML, starting with the page's <h1>
    searchable: bool = True

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]


def plain(text) -> str:
    """Title text as a reader sees it (Jinja may hand over escaped Markup)."""
    return text.unescape() if isinstance(text, Markup) else str(text)
