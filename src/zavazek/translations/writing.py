"""Writing translations into the data files and ``data/translations.yaml``, all or nothing."""

from __future__ import annotations

import copy
from pathlib import Path

from zavazek.core.loader import ProviderData, load_data
from zavazek.core.problems import DataError, Message, Problem
from zavazek.core.project import Project, today
from zavazek.core import yamledit
from zavazek.core.translations import sources as side_file
from zavazek.translations import po
from zavazek.core.translations.texts import by_context


class _Files:
    """The files about to be written, kept so that a failed import restores them exactly."""

    def __init__(self):
        self._before: dict[Path, bytes | None] = {}

    def write(self, path: Path, content: bytes) -> None:
        if path not in self._before:
            self._before[path] = path.read_bytes() if path.exists() else None
        path.write_bytes(content)

    def keep_sources(self, data_dir: Path) -> None:
        path = data_dir / side_file.FILENAME
        if path not in self._before:
            self._before[path] = path.read_bytes() if path.exists() else None

    def restore(self) -> None:
        for path, content in self._before.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)


def write_translations(project: Project, data: ProviderData, po_file: Path) -> dict[str, int]:
    """Import ``po_file``; return the number of texts changed per data file. Raises :class:`DataError`."""
    lang, imported, problems = po.read(po_file, data, project)
    if problems:
        raise DataError(problems)
    sources = side_file.read(project.data_dir)
    before = copy.deepcopy(sources)
    changes: dict[str, list[yamledit.Change]] = {}
    default = project.default_language
    for item in imported:
        entry = item.entry
        tracked = sources.get(entry.filename, {}).get(entry.key, {}).get(lang)
        made_from = tracked if tracked is not None else entry.text.get(default)
        if item.text == entry.text.get(lang) and made_from == item.source:
            continue
        if item.text != entry.text.get(lang):
            changes.setdefault(entry.filename, []).append(yamledit.Change(entry.path, lang, item.text))
        side_file.record(sources, entry, lang, item.source)
    files = _Files()
    try:
        for filename, file_changes in changes.items():
            path = project.data_dir / filename
            content = path.read_bytes().decode("utf-8")
            files.write(path, yamledit.apply(content, file_changes, list(project.languages)).encode("utf-8"))
        if sources != before:
            files.keep_sources(project.data_dir)
            side_file.write(project.data_dir, sources)
        _check_written(project, {i.entry.context: i for i in imported if i.entry.filename in changes})
    except BaseException:
        files.restore()
        raise
    return {filename: len(file_changes) for filename, file_changes in changes.items()}


def _check_written(project: Project, imported: dict) -> None:
    """Read the data again as a build would; refuse if it fails or a text does not read back as imported."""
    try:
        data = load_data(project.data_dir, list(project.languages), today(project))
    except DataError as exc:
        raise DataError(exc.problems + [_not_written()]) from None
    known = by_context(data)
    wrong = [
        known[context].source.problem(known[context].path + (item.lang,),
                                      Message("The imported text does not read back as it was translated."))
        for context, item in imported.items()
        if context not in known or known[context].text.get(item.lang) != item.text
    ]
    if wrong:
        raise DataError(wrong + [_not_written()])


def _not_written() -> Problem:
    return Problem(None, None, None, "", Message("The data files were restored as they were before the import."))


def confirm_translations(project: Project, data: ProviderData, lang: str, fields: list[str]) -> int:
    """Record that the ``lang`` translations (of ``fields``, or all) fit the current source text."""
    default = project.default_language
    if lang not in project.languages[1:]:
        raise DataError([Problem(None, None, None, "--lang", Message(
            "“{lang}” is not a language this site is translated into.", {"lang": lang}))])
    known = by_context(data)
    unknown = [f for f in fields if f not in known]
    if unknown:
        raise DataError([
            Problem(None, None, None, field, Message("There is no text “{context}” in the data any more.",
                                                     {"context": field}),
                    Message("Write the field as the export names it, e.g. “commitment.yaml mission[0]”."))
            for field in unknown
        ])
    chosen = [known[f] for f in fields] if fields else list(known.values())
    sources = side_file.read(project.data_dir)
    confirmed = 0
    for entry in chosen:
        if entry.text.get(lang) is not None and entry.text.get(default) is not None:
            side_file.record(sources, entry, lang, entry.text.get(default))
            confirmed += 1
    side_file.write(project.data_dir, sources)
    return confirmed
