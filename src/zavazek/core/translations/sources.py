"""``data/translations.yaml``: from which default-language text each translation was made.

The file is written by ``zavazek translations import`` and ``confirm``; staff
do not need to edit it. Per data file, per field path, per language, it keeps
the default-language (Czech) text as it was when the translation was made or
last checked::

    commitment.yaml:
      principles[bezplatnost].name:
        ru: Bezplatnost
        vi: Bezplatnost

The source text itself is kept, not only a fingerprint of it: a diff of the
file then shows in words what the translation was made from, and the next
export can show translators the previous text beside the new one (the PO
file's ``#| msgid``). A text with no entry is not tracked and counts as
current, so a site that starts tracking does not suddenly warn.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from zavazek.core.problems import DataError, Message, Problem, Severity
from zavazek.core.translations.texts import entries
from zavazek.core.yamlsource import load_document

FILENAME = "translations.yaml"

_HEADER = """\
# From which Czech text each translation was made: per data file, per field,
# per language. Written by `zavazek translations import` and
# `zavazek translations confirm`; when the Czech text of a field changes, the
# build warns that its translations are outdated until they are checked.
"""

#: {filename: {field path: {language: source text}}}
Sources = dict[str, dict[str, dict[str, str]]]


def read(data_dir: Path) -> Sources:
    """The side file of ``data_dir``; empty when there is none."""
    file = Path(data_dir) / FILENAME
    if not file.exists():
        return {}
    doc = load_document(file)
    value = doc.value or {}
    ok = isinstance(value, dict) and all(
        isinstance(fields, dict)
        and all(
            isinstance(langs, dict) and all(isinstance(text, str) for text in langs.values())
            for langs in fields.values()
        )
        for fields in value.values()
    )
    if not ok:
        raise DataError([
            Problem(
                file, 1, 1, "",
                Message("Expected data file names, under each its field paths, under each languages with texts."),
                Message("Restore the file from version control, or delete it: it is written by “zavazek translations import”."),
            )
        ])
    return value


def write(data_dir: Path, sources: Sources) -> None:
    body = yaml.safe_dump(sources, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
    (Path(data_dir) / FILENAME).write_text(_HEADER + "\n" + body, encoding="utf-8")


def record(sources: Sources, entry, lang: str, source: str) -> None:
    sources.setdefault(entry.filename, {}).setdefault(entry.key, {})[lang] = source


def mark_outdated(data, data_dir: Path, languages: list[str]) -> list[Problem]:
    """Mark each text whose translation was made from another default-language text; warn about each."""
    sources = read(data_dir)
    default = languages[0]
    warnings = []
    for entry in entries(data):
        made_from = sources.get(entry.filename, {}).get(entry.key, {})
        current = entry.text.get(default)
        outdated = [
            lang for lang in languages[1:]
            if lang in made_from and entry.text.get(lang) is not None and current is not None
            and made_from[lang].strip() != current
        ]
        entry.text.mark_outdated(outdated)
        for lang in outdated:
            warnings.append(
                entry.source.problem(
                    entry.path + (lang,),
                    Message(
                        "The {default} text has changed since the {lang} translation was made; readers see the "
                        "translation with a note.",
                        {"default": default, "lang": lang},
                    ),
                    Message(
                        "Update the translation (zavazek translations export), or, if it still fits, run "
                        "“zavazek translations confirm --lang {lang} --field '{field}'”.",
                        {"lang": lang, "field": entry.context},
                    ),
                    severity=Severity.WARNING,
                )
            )
    return warnings
