"""Load a provider's data files into the model, or say precisely what is wrong.

:func:`load_data` reads every file (:mod:`.files`), validates it against
:mod:`zavazek.core.model` (:mod:`.errors` words pydantic's errors), checks
references between files (:mod:`.references`), and collects warnings
(:mod:`.warnings`: missing translations, past deadlines, last year's goals).
All problems of all files are reported in one run. The result is a
:class:`~zavazek.core.provider.ProviderData`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zavazek.core.loader import references, warnings as data_warnings
from zavazek.core.loader.files import ReadFiles, read_files
from zavazek.core.model import DATA_FILES
from zavazek.core.problems import DataError, Problem
from zavazek.core.provider import ProviderData
from zavazek.core.translations import sources as translation_sources

__all__ = ["DataError", "ProviderData", "ReadFiles", "load_data"]


def load_data(data_dir: Path, languages: list[str], today: dt.date, cache: ReadFiles | None = None) -> ProviderData:
    """Read and validate ``data_dir``; raise :class:`DataError` if anything is wrong.

    ``cache`` keeps the files read, for the next load to reuse those unchanged (a preview's rebuilds).
    """
    data_dir = Path(data_dir)
    read = read_files(data_dir, cache if cache is not None else ReadFiles())
    problems = list(read.problems)
    documents, models = read.documents, read.models
    whole = None
    if all(name in models for name, f in DATA_FILES.items() if f.required):
        whole = ProviderData(documents=documents, **models)
        problems.extend(references.check_services(whole))
    if whole is not None and not any(p.is_error for p in problems):
        for view in whole.per_service():
            problems.extend(references.check_references({"commitment": view.commitment, "goals": view.goals},
                                                        view.documents))
    if "services" in models:
        problems.extend(references.check_directory(models["services"], documents["services"]))
    if any(p.is_error for p in problems):
        raise DataError(_once(problems))
    data = whole
    data.placeholders = read.placeholders
    found = problems + data_warnings.placeholder_warnings(data) + data_warnings.text_warnings(data, languages)
    for view in data.per_service():
        found += data_warnings.service_warnings(view, today)
    found += translation_sources.mark_outdated(data, data_dir, languages)
    data.warnings = _once(found)
    return data


def _once(problems: list[Problem]) -> list[Problem]:
    """Each problem once: a shared field is checked with every service."""
    seen, out = set(), []
    for p in problems:
        key = str(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
