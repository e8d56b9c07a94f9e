"""``zavazek new``: a new provider's site folder, complete and commented.

Every data file is written from the model itself: every field of every
model appears, explained in Czech and English from ``model/fields.yaml``,
with a value that validates. What the provider must write is a placeholder
(:mod:`zavazek.core.placeholders`), so the new folder builds at once, shows each
placeholder as "not yet filled in", and ``zavazek check --strict`` lists
them until they are replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from pathlib import Path

from babel import Locale
from pydantic import BaseModel
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticUndefined

from zavazek.core import i18n
from zavazek.core.model import DATA_FILES
from zavazek.core.model.descriptions import describe, submodels
from zavazek.core.model.types import PlaceName, Text
from zavazek.core.placeholders import mark
from zavazek.core.schema import write_schemas

TEMPLATES = Path(__file__).with_name("templates")

#: Values a placeholder cannot be guessed from the type alone: (model key, field) -> value.
#: Identifiers are real values (other fields refer to them); staff may keep them.
_SAMPLES = {
    "id": {
        "commitment.TargetGroup": "cilova-skupina",
        "commitment.RefusalGround": "duvod-odmitnuti",
        "commitment.Principle": "zasada",
        "commitment.Centre": "stredisko",
        "goals.Goal": "cil",
        "goals.OperationalGoal": "provozni-cil",
        "services.Place": "pobocka",
        "services.Organisation": "organizace",
        "services.Service": "sluzba",
    },
    "centre": {"goals.OperationalPlan": "stredisko"},
    "organisation": {"services.Service": "organizace"},
}
_BY_TYPE_NAME = {  # a placeholder for a checked string, by the first words of its error message
    "e-mail": "info@example.org",
    "phone": "+420 000 000 000",
    "web address": "https://example.org/",
    "registry identifier": "0000000",
    "Czech postcode": "110 00",
}


def available_languages() -> list[str]:
    """Languages the interface of závazek is translated into (English is the msgid language)."""
    return sorted({"en"} | {p.name for p in i18n.LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / "zavazek.po").exists()})


def native_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


#: Fields written commented out: ``area`` replaces ``address``, ``appointment`` the opening hours.
ALTERNATIVES = frozenset({"area", "appointment"})


def _alternative(cls: type, key: str) -> bool:
    """Written commented out: an alternative to another field, or a goal's service (only with several)."""
    return key in ALTERNATIVES or (key == "service" and _key(cls).startswith("goals."))


def _commented_out(line: str, indent: int) -> str:
    """``line`` as a YAML comment at ``indent``, so that removing ``# `` brings the field back."""
    if line.strip().startswith("#"):
        return line
    return line[:indent] + "# " + line[indent:]


class Scaffold:
    """Writes the commented YAML of one data file for a site in ``languages``."""

    def __init__(self, languages: list[str], name: str, today: dt.date):
        self.languages = languages
        self.name = name
        self.today = today
        self.lines: list[str] = []

    # --- values ------------------------------------------------------------

    def text(self, description: dict[str, str]) -> dict[str, str]:
        return {lang: mark(lang, description["cs" if lang == "cs" else "en"]) for lang in self.languages}

    def scalar(self, cls: type, key: str, annotation, default, description: dict) -> object:
        """The value written for a field that is not a group of fields."""
        model = _key(cls)
        if key in _SAMPLES and model in _SAMPLES[key]:
            return _SAMPLES[key][model]
        if model == "commitment.Provider" and key == "name":
            return {lang: self.name if lang == "cs" else mark(lang, self.name) for lang in self.languages}
        base, schema = _base(annotation)
        if default == ():  # a day of opening hours
            return "closed" if key in ("sat", "sun") else mark("cs", "9:00-12:00, 13:00-16:00")
        if default not in (None, PydanticUndefined, []) and base is not Text and not isinstance(default, BaseModel):
            return ("true" if default else "false") if isinstance(default, bool) else str(default)
        if base is Text:
            return self.text(description)
        if base is PlaceName:
            return mark("cs", "Praha")
        if base is list:
            item = typing.get_args(_strip(annotation))[0]
            if _base(item)[1].get("enum") and "language" in str(_base(item)[1].get("description", "")).lower():
                return [mark("cs", self.languages[0])] + list(self.languages[1:])
            return [self.scalar(cls, key, item, None, description)]
        if schema.get("enum"):
            return mark("cs", _preferred(schema["enum"]))
        return mark("cs", _sample(annotation, schema, description, self.today))

    # --- output ------------------------------------------------------------

    def comment(self, indent: int, description: dict | None) -> None:
        description = description or {"cs": "", "en": ""}
        self.lines.append(" " * indent + f"# cs: {description['cs']}")
        self.lines.append(" " * indent + f"# en: {description['en']}")

    def model(self, cls: type, indent: int, first_prefix: str = "") -> None:
        """The fields of ``cls`` at ``indent``; ``first_prefix`` ("- ") starts a list item.

        A field that replaces another (``area`` for ``address``) is written
        commented out after the rest, to be switched on instead of the other.
        """
        fields = [(info.alias or name, info) for name, info in cls.model_fields.items()]
        fields = sorted(fields, key=lambda f: _alternative(cls, f[0]))
        for n, (key, info) in enumerate(fields):
            description = describe(cls, key)
            prefix = first_prefix if n == 0 else " " * len(first_prefix)
            self.comment(indent + len(first_prefix), description)
            lead = " " * indent + prefix
            # pydantic keeps a field's own Annotated metadata (validators, schema) apart from its type
            annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            start = len(self.lines)
            self.field(cls, key, annotation, info.default, description, lead, indent + len(first_prefix))
            if _alternative(cls, key):
                self.lines[start:] = [_commented_out(line, indent + len(first_prefix)) for line in self.lines[start:]]

    def field(self, cls, key, annotation, default, description, lead: str, indent: int) -> None:
        models = submodels(annotation)
        stripped = _strip(annotation)
        if models and typing.get_origin(stripped) is list:
            self.lines.append(f"{lead}{key}:")
            self.model(models[0], indent + 2, "- ")
        elif models:
            self.lines.append(f"{lead}{key}:")
            self.model(models[0], indent + 2)
        else:
            self.value(lead + f"{key}:", self.scalar(cls, key, annotation, default, description), indent)

    def value(self, head: str, value, indent: int) -> None:
        if isinstance(value, dict) and head.endswith("-"):  # a text as a list item: "- cs: …"
            for n, (lang, text) in enumerate(value.items()):
                self.lines.append((head if n == 0 else " " * len(head)) + f" {lang}: {_quote(text)}")
        elif isinstance(value, dict):
            self.lines.append(head)
            for lang, text in value.items():
                self.lines.append(" " * (indent + 2) + f"{lang}: {_quote(text)}")
        elif isinstance(value, list):
            self.lines.append(head)
            for item in value:
                if isinstance(item, dict):
                    self.value(" " * (indent + 2) + "-", item, indent + 2)
                else:
                    self.lines.append(" " * (indent + 2) + f"- {_quote(item)}")
        else:
            self.lines.append(f"{head} {_quote(value)}")

    def document(self, filename: str, model: type, title: dict[str, str]) -> str:
        self.lines = [
            f"# yaml-language-server: $schema=../schemas/{filename.removesuffix('.yaml')}.schema.json",
            "#",
            f"# {title['cs']}",
            f"# {title['en']}",
            "#",
            "# Každá hodnota, která začíná [DOPLNIT] nebo [TO FILL IN], je zástupný text:",
            "# nahraďte ji svou, i se značkou. Nepovinný údaj, který nepotřebujete, smažte",
            "# (celý řádek nebo celou skupinu). Nad každým údajem je napsáno, co znamená.",
            "# Every value starting with [DOPLNIT] or [TO FILL IN] is a placeholder:",
            "# replace it with yours, marker included. Delete an optional field you do not",
            "# need (the line, or the whole group). Above each field is what it means.",
            "",
        ]
        self.model(model, 0)
        return "\n".join(self.lines) + "\n"


_TITLES = {
    "commitment": {"cs": "Veřejný závazek služby.", "en": "The public commitment of the service."},
    "goals": {"cs": "Cíle služby: strategický, dlouhodobé a provozní.", "en": "Goals of the service: strategic, long-term and operational."},
    "website": {"cs": "Prohlášení o přístupnosti a ochrana soukromí na webu.", "en": "The accessibility statement and the privacy notice."},
    "services": {"cs": "Adresář služeb pro cizince (nepovinný soubor).", "en": "A directory of services for foreigners (an optional file)."},
}


def _key(cls: type) -> str:
    from zavazek.core.model.descriptions import model_key

    return model_key(cls)


def _strip(annotation):
    """Without Optional and Annotated."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType")):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _base(annotation) -> tuple[object, dict]:
    """(the plain type, the JSON Schema a checked type declares)."""
    schema: dict = {}
    current = annotation
    while True:
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            for meta in typing.get_args(current)[1:]:
                if isinstance(meta, WithJsonSchema) and meta.json_schema:
                    schema = meta.json_schema
            current = typing.get_args(current)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType")):
            current = next(a for a in typing.get_args(current) if a is not type(None))
        elif origin is list:
            return list, schema
        else:
            return current, schema


def _preferred(values: list[str]) -> str:
    """A code that fits a Czech provider of counselling for foreigners, else the first."""
    for good in ("odborne_socialni_poradenstvi", "ambulantni", "imigranti_a_azylanti", "CZ010", "CZ0100",
                 "year", "monthly", "partial", "non_compliance", "social_counselling", "full", "cs", "email"):
        if good in values:
            return good
    return values[0]


def _sample(annotation, schema: dict, description: dict, today: dt.date) -> str:
    base, _ = _base(annotation)
    if schema.get("format") == "date" or base is dt.date:
        return today.isoformat()
    if "anyOf" in schema:  # a deadline
        return "year_end"
    if schema.get("type") == "integer":
        return str(max(schema.get("minimum", 1), 1) if schema.get("maximum", 0) < 2000 else today.year)
    if schema.get("type") == "number":
        return str(schema["minimum"] + (schema["maximum"] - schema["minimum"]) / 2)
    if schema.get("type") == "boolean":
        return "true"
    if schema.get("pattern") == "^[0-9]{8}$":
        return "00000001"  # an IČO with a right check digit
    if schema.get("format") == "email":
        return "info@example.org"
    if schema.get("format") == "uri":
        return "https://example.org/"
    if schema.get("pattern", "").startswith("^\\+?"):
        return "+420 000 000 000"
    if schema.get("pattern") == "^[0-9]{7}$":
        return "0000000"
    if schema.get("pattern") == "^[0-9]{3} ?[0-9]{2}$":
        return "110 00"
    if base is tuple or "8:30-12:00" in str(schema.get("examples")):
        return "9:00-12:00, 13:00-16:00"
    return description["cs"]


def _quote(value) -> str:
    text = str(value)
    if text in ("true", "false", "closed", "year_end") or text.replace(".", "").isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)


# --- the folder ------------------------------------------------------------------


class FolderNotEmpty(Exception):
    pass


def data_files(languages: list[str], name: str, directory: bool, today: dt.date) -> dict[str, str]:
    """{path in the folder: content} of every data file."""
    out = {}
    for key, data_file in DATA_FILES.items():
        if key == "services" and not directory:
            continue
        out[f"data/{data_file.filename}"] = Scaffold(languages, name, today).document(
            data_file.filename, data_file.model, _TITLES[key]
        )
    return out


def create(folder: Path, name: str, languages: list[str], directory: bool, today: dt.date) -> list[Path]:
    """Write a new site into ``folder`` (which must not exist or be empty); return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(str(folder))
    import jinja2

    env = jinja2.Environment(  # YAML and Markdown, not HTML: no escaping
        loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )
    context = {
        "name": name,
        "languages": [{"code": code, "name": native_name(code)} for code in languages],
        "directory": directory,
    }
    files = dict(data_files(languages, name, directory, today))
    for template, target in (
        ("mkdocs.yml.j2", "mkdocs.yml"),
        ("README.md.j2", "README.md"),
        ("gitignore.j2", ".gitignore"),
        ("gitlab-ci.yml.j2", ".gitlab-ci.yml"),
        ("publish.yml.j2", ".github/workflows/publish.yml"),
    ):
        files[target] = env.get_template(template).render(**context)
    files["docs/.gitkeep"] = ""  # pages written by hand go here
    written = []
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    written += write_schemas(folder / "schemas")
    return written
