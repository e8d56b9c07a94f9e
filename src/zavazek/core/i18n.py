"""Languages and gettext catalogs.

Interface strings are English msgids; their wording in each other language
lives in ``zavazek/locale/<lang>/LC_MESSAGES/zavazek.po``. The catalogs are
read straight from the ``.po`` files (:mod:`zavazek.core.pofile`), so there
is no compile step that could fall out of date. A language is a full
interface language when its catalog exists: nothing else lists the languages. A site language without a catalog
gets the English interface (see :func:`interface_language`).
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from babel import Locale

from zavazek.core.pofile import read_translations


LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "zavazek"

#: Languages the product ships interface translations for, with their
#: own names in their own script (for the language switcher).
LANGUAGE_NAMES = {
    "cs": "Čeština",
    "en": "English",
    "ru": "Русский",
    "vi": "Tiếng Việt",
    "uk": "Українська",
    "de": "Deutsch",
}


SOURCE_LANGUAGE = "en"


def _po_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages() -> list[str]:
    """The languages with an interface catalog (English, the msgids' language, not among them)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@functools.cache  # asked for each page: its catalog does not come or go while závazek runs
def interface_language(lang: str) -> str:
    """The language the interface of ``lang``'s pages is written in: its own, or English without a catalog."""
    return lang if lang == SOURCE_LANGUAGE or _po_file(lang).exists() else SOURCE_LANGUAGE


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext catalog for ``lang`` (English msgids pass through)."""
    po_file = _po_file(lang)
    if not po_file.exists():
        return gettext.NullTranslations()
    return read_translations(po_file)


def gettext_for(lang: str):
    return translations(lang).gettext


def ngettext_for(lang: str):
    return translations(lang).ngettext


def language_name(code: str) -> str:
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    try:
        return Locale.parse(code).get_display_name(code).capitalize()
    except Exception:  # unknown to CLDR
        return code
