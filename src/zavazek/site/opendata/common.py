"""What every open-data format shares: texts as written, labels in every language, place names."""

from __future__ import annotations

import json

from zavazek.core import i18n
from zavazek.core.model.types import Address, PlaceName, Text

TIMEZONE = "Europe/Prague"


def texts(text: Text | None) -> dict | None:
    """A text as written: ``{lang: text}``."""
    return dict(text.root) if text is not None else None


def pick(text: Text | None, languages: list[str]) -> str:
    """The text in the first of ``languages`` it is written in (the site's default first)."""
    if text is None or not text.root:
        return ""
    for lang in languages:
        if text.get(lang):
            return text[lang]
    return next(iter(text.root.values()))


def label(msgid: str, languages: list[str]) -> dict[str, str]:
    return {lang: i18n.translations(lang).gettext(msgid) for lang in languages}


def language_names(code: str, languages: list[str]) -> dict[str, str]:
    from babel import Locale

    out = {}
    for lang in languages:
        try:
            out[lang] = Locale.parse(lang).languages.get(code) or code
        except Exception:  # a language CLDR does not know
            out[lang] = code
    return out


def place_names(name: PlaceName) -> dict[str, str]:
    """Every written form of a place name, Czech first."""
    return name.all_languages()


def address(address: Address) -> dict:
    """The postal address (Czech); the town's names in other languages in ``x_translations``."""
    out = {"street": address.street, "postcode": address.postcode, "city": str(address.city)}
    if address.city.names:
        out["x_translations"] = {"city": place_names(address.city)}
    return out


def json_bytes(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
