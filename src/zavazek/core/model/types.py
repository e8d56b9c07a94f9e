"""Field types shared by the data files, each validating itself.

Every check raises :func:`invalid` with an English msgid and a hint, so the
loader can report it in Czech and English at the line where it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PlainValidator, PrivateAttr, RootModel,
    WithJsonSchema, model_validator,
)
from pydantic_core import PydanticCustomError

LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def invalid(msgid: str, hint: str | None = None, **params: Any) -> PydanticCustomError:
    """An error the loader reports in every language: ``msgid`` goes through gettext."""
    return PydanticCustomError("zavazek", msgid, {"msgid": msgid, "hint": hint, **params})


class Strict(BaseModel):
    """Base for every data-file section: unknown keys are errors, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- localized text ---------------------------------------------------------


class Text(RootModel[dict[str, str]]):
    """A text a reader sees, written once per language: ``{cs: …, en: …}``."""

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={
            "description": "Text per language code, e.g. cs: …, en: …, ru: …, vi: …",
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    )

    @model_validator(mode="before")
    @classmethod
    def _per_language(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise invalid(
                "Expected the text in each language, not a single text.",
                "Write it as lines such as “cs: …” and “en: …” indented under this key.",
            )
        if not isinstance(value, dict) or not value:
            raise invalid(
                "Expected the text in each language.",
                "Write it as lines such as “cs: …” and “en: …” indented under this key.",
            )
        for code, text in value.items():
            if not LANGUAGE_CODE.match(str(code)):
                raise invalid(
                    "“{code}” is not a two-letter language code.",
                    "Use cs, en, ru, vi (ISO 639-1).",
                    code=code,
                )
            if not isinstance(text, str) or not text.strip():
                raise invalid(
                    "The “{code}” text is empty or not a text.",
                    "Write the text, or remove the language line to mark it as not yet translated.",
                    code=code,
                )
        return {code: text.strip() for code, text in value.items()}

    #: Languages whose translation was made from an earlier version of the default-language text
    #: (set by the loader from ``data/translations.yaml``, see :mod:`zavazek.translations`).
    _outdated: frozenset[str] = PrivateAttr(default_factory=frozenset)

    def get(self, lang: str) -> str | None:
        return self.root.get(lang)

    def is_outdated(self, lang: str) -> bool:
        """The ``lang`` text was translated from a default-language text that has changed since."""
        return lang in self._outdated

    def mark_outdated(self, languages) -> None:
        self._outdated = frozenset(languages)

    def languages(self) -> set[str]:
        return set(self.root)

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


# --- simple checked strings -------------------------------------------------


def _pattern(regex: str, msgid: str, hint: str, schema: dict):
    compiled = re.compile(regex)

    def check(value: Any) -> Any:
        if not isinstance(value, str) or not compiled.match(value.strip()):
            raise invalid(msgid, hint, value=value)
        return value.strip()

    return Annotated[str, BeforeValidator(check), WithJsonSchema({"type": "string", **schema})]


Slug = _pattern(
    r"^[a-z0-9][a-z0-9-]*$",
    "“{value}” is not a valid identifier.",
    "Use lower-case letters without accents, digits and hyphens, e.g. praha-centrum.",
    {"pattern": SLUG.pattern},
)
Email = _pattern(
    r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
    "“{value}” is not an e-mail address.",
    "Write it as name@example.org.",
    {"format": "email"},
)
Phone = _pattern(
    r"^\+?[0-9][0-9 ]{5,18}[0-9]$",
    "“{value}” is not a phone number.",
    "Write digits and spaces, with the country code, e.g. +420 123 456 789.",
    {"pattern": r"^\+?[0-9][0-9 ]{5,18}[0-9]$"},
)
Url = _pattern(
    r"^https?://[^\s/$.?#][^\s]*$",
    "“{value}” is not a web address.",
    "Write the whole address, starting with https://.",
    {"format": "uri", "pattern": "^https?://"},
)
RegistryId = _pattern(
    r"^[0-9]{7}$",
    "“{value}” is not a registry identifier of a social service.",
    "It has exactly seven digits; put it in quotes, e.g. \"1234567\".",
    {"pattern": "^[0-9]{7}$"},
)
Postcode = _pattern(
    r"^[0-9]{3} ?[0-9]{2}$",
    "“{value}” is not a Czech postcode.",
    "Write five digits, e.g. 110 00.",
    {"pattern": "^[0-9]{3} ?[0-9]{2}$"},
)


def _check_ico(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"[0-9]{8}", text):
        raise invalid(
            "“{value}” is not an IČO.",
            "An IČO has eight digits; put it in quotes, e.g. \"12345678\".",
            value=value,
        )
    weighted = sum(int(d) * w for d, w in zip(text[:7], range(8, 1, -1)))
    check = (11 - weighted % 11) % 10
    if int(text[7]) != check:
        raise invalid(
            "The IČO “{value}” has a wrong check digit.",
            "Copy it again from the business register (ARES).",
            value=value,
        )
    return text


Ico = Annotated[str, BeforeValidator(_check_ico), WithJsonSchema({"type": "string", "pattern": "^[0-9]{8}$"})]


# --- dates ------------------------------------------------------------------


def _check_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise invalid(
        "“{value}” is not a date in the form YEAR-MONTH-DAY.",
        "Write e.g. 2026-12-31 for 31 December 2026.",
        value=value,
    )


Date = Annotated[dt.date, BeforeValidator(_check_date), WithJsonSchema({"type": "string", "format": "date"})]


YEAR_END = "year_end"


def _check_deadline(value: Any) -> dt.date | str:
    if value == YEAR_END:
        return YEAR_END
    try:
        return _check_date(value)
    except PydanticCustomError:
        raise invalid(
            "“{value}” is not a deadline.",
            "Write a date such as 2026-12-31, or year_end for the yearly closing.",
            value=value,
        ) from None


Deadline = Annotated[
    dt.date | str,
    BeforeValidator(_check_deadline),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"const": YEAR_END}]}),
]


def _check_year(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"20[0-9]{2}", value.strip()):
        return int(value)
    if isinstance(value, int) and 2000 <= value <= 2099:
        return value
    raise invalid("“{value}” is not a year.", "Write four digits, e.g. 2026.", value=value)


Year = Annotated[int, BeforeValidator(_check_year), WithJsonSchema({"type": "integer", "minimum": 2000, "maximum": 2099})]


def _count(minimum: int):
    def check(value: Any) -> int:
        if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
            return value
        raise invalid(
            "“{value}” is not a whole number of at least {minimum}.",
            "Write digits only, e.g. 4.",
            value=value,
            minimum=minimum,
        )

    return Annotated[int, BeforeValidator(check), WithJsonSchema({"type": "integer", "minimum": minimum})]


Count = _count(0)
PositiveCount = _count(1)


def _check_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "ano"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "ne"):
        return False
    raise invalid("“{value}” is not yes or no.", "Write true or false.", value=value)


YesNo = Annotated[bool, BeforeValidator(_check_yes_no), WithJsonSchema({"type": "boolean"})]


# --- place names ----------------------------------------------------------------


class PlaceName(str):
    """A town's or district's name: the Czech (postal) name, plus its forms in other languages.

    It *is* the Czech name as a string (addresses, exports, sorting and
    JSON-LD use it unchanged); :meth:`in_language` gives the form a reader
    of another language knows (``Брно`` for ``Brno``), where one exists.
    """

    names: dict[str, str]

    def __new__(cls, czech: str, **names: str):
        value = super().__new__(cls, czech)
        value.names = {lang: name for lang, name in names.items() if name and name != czech}
        return value

    def in_language(self, lang: str) -> str:
        """The name in ``lang``, or the Czech one (a proper name needs no "not yet translated")."""
        return self.names.get(lang, str(self))

    def all_languages(self) -> dict[str, str]:
        """``{"cs": czech, lang: name, …}``: every written form, Czech first."""
        return {"cs": str(self), **self.names}

    def __reduce__(self):  # pickled for the second core (parallel.py)
        return (_place_name, (str(self), self.names))


def _place_name(czech: str, names: dict[str, str]) -> PlaceName:
    return PlaceName(czech, **names)


def _check_place_name(value: Any) -> PlaceName:
    if isinstance(value, PlaceName):
        return value
    if isinstance(value, str) and value.strip():
        return PlaceName(value.strip())
    if not isinstance(value, dict) or not value:
        raise invalid(
            "Expected the name of a place, or its names per language.",
            "Write the Czech name, e.g. “city: Brno”, or the names per language indented under it, "
            "e.g. “cs: Brno” and “ru: Брно”.",
        )
    for code, name in value.items():
        if not LANGUAGE_CODE.match(str(code)):
            raise invalid("“{code}” is not a two-letter language code.", "Use cs, en, ru, vi (ISO 639-1).", code=code)
        if not isinstance(name, str) or not name.strip():
            raise invalid(
                "The “{code}” name of the place is empty or not a text.",
                "Write the name, or remove the line of that language.",
                code=code,
            )
    if "cs" not in value:
        raise invalid(
            "The Czech name of the place is missing.",
            "Add “cs:” with the name as on the street signs and in the postal address.",
        )
    return PlaceName(value["cs"].strip(), **{code: name.strip() for code, name in value.items() if code != "cs"})


def _dump_place_name(value: PlaceName) -> str | dict[str, str]:
    """Back to what staff wrote: a plain name, or the names per language."""
    return value.all_languages() if value.names else str(value)


#: A place's name as staff write it: ``Brno`` or ``{cs: Brno, ru: Брно}``.
PlaceNameField = Annotated[
    PlaceName,
    PlainValidator(_check_place_name),
    PlainSerializer(_dump_place_name),
    WithJsonSchema(
        {
            "description": "The Czech (postal) name, e.g. Brno; or the names per language with cs, "
            "e.g. {cs: Brno, ru: Брно}",
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "required": ["cs"],
                    "propertyNames": {"pattern": "^[a-z]{2}$"},
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            ],
        }
    ),
]


class Address(Strict):
    street: str
    city: PlaceNameField
    postcode: Postcode

    def one_line(self) -> str:
        """``street, postcode city``; without the street when open data left a placeholder out."""
        return f"{self.street}, {self.postcode} {self.city}" if self.street else f"{self.postcode} {self.city}"


def choice(*values: str, description: str = ""):
    """A closed list of codes, with a readable error listing them."""

    def check(value: Any) -> str:
        if isinstance(value, str) and value.strip() in values:
            return value.strip()
        import difflib

        close = difflib.get_close_matches(str(value), values, n=1)
        raise invalid(
            "“{value}” is not one of: {allowed}.",
            "Did you mean “{suggestion}”?" if close else None,
            value=value,
            allowed=", ".join(values),
            suggestion=close[0] if close else "",
        )

    return Annotated[
        str,
        BeforeValidator(check),
        WithJsonSchema({"type": "string", "enum": list(values), "description": description}),
    ]


__all__ = [
    "Address", "PlaceName", "PlaceNameField", "Count", "Date", "Deadline", "Email", "Ico", "Phone", "PositiveCount",
    "Postcode", "RegistryId", "Slug", "Strict", "Text", "Url", "Year", "YesNo", "YEAR_END",
    "choice", "invalid", "Field",
]
