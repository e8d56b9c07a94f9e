"""Every reader-facing text of a provider's data, by a stable name.

The walk is generic: every :class:`~zavazek.core.model.types.Text` of the
validated models that was written in the YAML file at the same path (a text
a model copies from elsewhere, such as a shared place's, is named where it
was written). A list item is named by its ``id`` where it has one, else by
its index: ``principles[bezplatnost].name``, ``mission[0]``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from zavazek.core.model import DATA_FILES
from zavazek.core.model.texts import texts_in
from zavazek.core.model.types import Text
from zavazek.core.provider import ProviderData
from zavazek.core.yamlsource import Document


class State(str, enum.Enum):
    CURRENT = "current"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True)
class Entry:
    document: str  # "commitment"
    path: tuple  # YAML path of the text's mapping, e.g. ("principles", 0, "name")
    key: str  # stable field path, e.g. "principles[bezplatnost].name"
    text: Text
    source: Document

    @property
    def filename(self) -> str:
        return DATA_FILES[self.document].filename

    @property
    def context(self) -> str:
        """The entry's name across files: ``commitment.yaml principles[bezplatnost].name``."""
        return f"{self.filename} {self.key}"

    def line(self, lang: str | None = None) -> int | None:
        """The line of the text in ``lang`` (or of the field when it has no such line)."""
        path = self.path + (lang,) if lang and lang in self.text.languages() else self.path
        return self.source.position(path)[0]

    def state(self, lang: str) -> State:
        if self.text.get(lang) is None:
            return State.MISSING
        return State.OUTDATED if self.text.is_outdated(lang) else State.CURRENT


def _written_at(value, path: tuple):
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return None
        elif not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def field_key(value, path: tuple) -> str:
    """The stable field path of ``path`` in a file's YAML ``value``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            item = value[part]
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[{ident}]" if isinstance(ident, str) and ident else f"[{part}]"
        else:
            out += ("." if out else "") + part
        value = value[part]
    return out


def entries(data: ProviderData) -> list[Entry]:
    """Every text of every data file, in file order."""
    out = []
    for name, doc in data.documents.items():
        out += _document_entries(name, doc, getattr(data, name))
    return out


#: The entries of the latest document listed per data file: {file name: (document, model, entries)}
#: (see :func:`texts_in`).
_LISTED: dict[str, tuple[object, object, list]] = {}


def _document_entries(name: str, doc, model) -> list[Entry]:
    """The entries of one file, listed once per document and model read (a preview reuses unchanged ones)."""
    listed = _LISTED.get(name)
    if listed is not None and listed[0] is doc and listed[1] is model:
        return listed[2]
    found = []
    for path, text in texts_in(model, name):
        written = _written_at(doc.value, path)
        if isinstance(written, dict) and text.languages() <= set(written):
            found.append(Entry(name, path, field_key(doc.value, path), text, doc))
    _LISTED[name] = (doc, model, found)
    return found


def by_context(data: ProviderData) -> dict[str, Entry]:
    return {entry.context: entry for entry in entries(data)}


def counts(data: ProviderData, languages, default: str) -> dict[str, dict[str, int]]:
    """Per language other than the default: how many texts are current, outdated, missing.

    Only texts written in the default language count: they are what can be translated.
    """
    result = {lang: {state.value: 0 for state in State} for lang in languages if lang != default}
    for entry in entries(data):
        if entry.text.get(default) is None:
            continue
        for lang, tally in result.items():
            tally[entry.state(lang).value] += 1
    return result
