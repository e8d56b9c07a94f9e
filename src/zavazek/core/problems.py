"""Problems found in a provider's data, written for the staff who edit it.

A :class:`Problem` names the file, line and column, the field path, what is
wrong and what would be right, in Czech and in English. Messages are English
msgids translated through the gettext catalogs (see :mod:`zavazek.core.i18n`), so
the Czech wording lives in ``locale/cs`` like every other interface string.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class PerLanguage(dict):
    """A message parameter that differs by language: ``{"cs": …, "en": …}`` (English for the others)."""

    def __hash__(self):
        return hash(tuple(sorted(self.items())))

    def pick(self, lang: str) -> str:
        return self.get(lang) or self.get("en") or ""


@dataclass(frozen=True)
class Message:
    """A translatable message: an English msgid with named placeholders.

    A parameter may itself be a :class:`Message` (a phrase translated on its own, e.g. what a value is).
    """

    msgid: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str, gettext=None) -> str:
        """The message in ``lang``; ``gettext`` instead of the catalog's, e.g. a page's (see :mod:`zavazek.site.fallback`)."""
        from zavazek.core.i18n import translations

        text = (gettext or translations(lang).gettext)(self.msgid)
        return text.format(**{k: _param(v, lang, gettext) for k, v in self.params.items()})


def _param(value, lang: str, gettext=None):
    """A parameter in ``lang``: a :class:`PerLanguage` picked, a :class:`Message` (part of a sentence) rendered."""
    if isinstance(value, PerLanguage):
        return value.pick(lang)
    if isinstance(value, Message):
        return value.render(lang, gettext)
    return value


@dataclass(frozen=True)
class Problem:
    file: Path | None
    line: int | None  # 1-based
    column: int | None  # 1-based
    path: str  # field path, e.g. "centres[1].opening_hours.mon"
    message: Message
    hint: Message | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self, root: Path | None = None) -> str:
        name = "?"
        if self.file is not None:
            name = str(self.file)
            if root is not None:
                try:
                    name = str(self.file.resolve().relative_to(root.resolve()))
                except ValueError:
                    pass
        if self.line is not None:
            name += f":{self.line}"
            if self.column is not None:
                name += f":{self.column}"
        return name

    def format(self, root: Path | None = None) -> str:
        """Two-language, multi-line text for the terminal."""
        label = Message("error") if self.is_error else Message("warning")
        head = f"{self.location(root)}: {label.render('cs')} / {label.render('en')}"
        if self.path:
            head += f" [{self.path}]"
        lines = [head]
        for lang in ("cs", "en"):
            text = self.message.render(lang)
            if self.hint is not None:
                text += " " + self.hint.render(lang)
            lines.append(f"  {lang}: {text}")
        return "\n".join(lines)


class DataError(Exception):
    """Raised when data cannot be published; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.format())

    def __reduce__(self):  # pickled with its problems, e.g. from a child process of the build
        return (DataError, (self.problems,))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def format(self, root: Path | None = None) -> str:
        errors = self.errors
        body = "\n".join(p.format(root) for p in self.problems)
        summary = Message("{count} error(s): nothing was published.", {"count": len(errors)})
        return f"{body}\n{summary.render('cs')}\n{summary.render('en')}"


def format_path(path: tuple) -> str:
    """("centres", 1, "phone") -> "centres[1].phone"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
