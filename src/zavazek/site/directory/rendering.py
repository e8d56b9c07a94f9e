"""The one set of templates of the directory (pages, cards, hand-outs)."""

from __future__ import annotations

from zavazek.site.templating import PAGE, PRINT, Templates

__all__ = ["PAGE", "PRINT", "directory_templates"]


def directory_templates() -> Templates:
    return Templates("zavazek.site.directory")
