"""Languages, gettext catalogs and locale-aware formatting (CLDR via Babel).

Interface strings are English msgids; their wording in each other language
lives in ``zavazek/locale/<lang>/LC_MESSAGES/zavazek.po``. The catalogs are
read straight from the ``.po`` files, so there is no compile step that could
fall out of date. A language is a full interface language when its catalog
exists: nothing else lists the languages. A site language without a catalog
gets the English interface (see :func:`interface_language`).
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from zavazek.core.model import codes

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


def interface_language(lang: str) -> str:
    """The language the interface of ``lang``'s pages is written in: its own, or English without a catalog."""
    return lang if lang == SOURCE_LANGUAGE or _po_file(lang).exists() else SOURCE_LANGUAGE


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext catalog for ``lang`` (English msgids pass through)."""
    po_file = _po_file(lang)
    if not po_file.exists():
        return gettext.NullTranslations()
    import io

    with po_file.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def template_environment(package: str):
    """Jinja environment for ``package``'s ``templates/``: escaping on, gettext, strict.

    ``{#id}`` sets a heading's anchor in Markdown, so Jinja comments use ``{## … ##}``.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        comment_start_string="{##",
        comment_end_string="##}",
    )


def gettext_for(lang: str):
    return translations(lang).gettext


def ngettext_for(lang: str):
    return translations(lang).ngettext


def format_date(value: dt.date, lang: str, form: str = "long") -> str:
    return _babel_format_date(value, format=form, locale=lang)


def format_day(value: dt.date, lang: str) -> str:
    """Weekday and date without the year: "po 23. listopadu", "Mon, Nov 23", "пн, 23 нояб."."""
    return format_skeleton("MMMMEd", value, locale=lang)


@functools.cache
def format_time(value: dt.time, lang: str) -> str:
    return _babel_format_time(value, format="short", locale=lang)


def format_number(value: float | int, lang: str) -> str:
    return format_decimal(value, locale=lang)


def plural_categories(lang: str) -> int:
    """How many plural forms CLDR gives ``lang`` for whole numbers (cs, ru: 3+)."""
    return len(Locale.parse(lang).plural_form.rules) + 1


@functools.cache
def weekday_name(index: int, lang: str, width: str = "wide") -> str:
    """0 = Monday."""
    return Locale.parse(lang).days["format"][width][index]


@functools.cache
def language_names(lang: str) -> dict[str, str]:
    """Names of the languages of :data:`codes.LANGUAGES` in ``lang`` ("ruština", "Russian", "русский")."""
    names = Locale.parse(lang).languages
    return {code: names.get(code, code) for code in codes.LANGUAGES}


def language_name(code: str) -> str:
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    try:
        return Locale.parse(code).get_display_name(code).capitalize()
    except Exception:  # unknown to CLDR
        return code
