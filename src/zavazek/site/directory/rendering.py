"""The one Jinja environment of the directory's templates (pages, cards, hand-outs)."""

from __future__ import annotations

from zavazek.core import i18n
from zavazek.site import fallback
from zavazek.site.templating import Templates

#: Pages: a language without an interface catalog gets English marked as such; paper: plain catalogs.
PAGE, PRINT = "page", "print"


def directory_templates() -> Templates:
    return Templates("zavazek.site.directory", {PAGE: fallback.page_translations, PRINT: i18n.translations})
