"""The register's snapshot for ``zavazek check``: from ``--registry`` or ``data/registry.yaml``, read or fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zavazek.core.problems import DataError
from zavazek.loading import Loaded, data_errors


def read_snapshot(loaded: Loaded, folder: Path, file: Path | None, codelists: Path | None,
                  date: dt.date | None):
    """The provider's services in the register, or None when no snapshot was given (the criterion is then
    not checkable). A bad file fails the command with the reader's error (exit 1)."""
    from zavazek.core.registry.dataset import Codelists
    from zavazek.core.registry.snapshot import read_settings, snapshot_for

    try:
        settings = read_settings(loaded.project.data_dir, loaded.project.root)
        if file is None:
            if settings is None:
                return None
            file, date = settings.file, date or settings.date
        elif date is None:
            same = settings is not None and settings.file == Path(file).resolve()
            date = settings.date if same else _file_date(file)
        lists = Codelists.load(codelists) if codelists is not None else None
        return snapshot_for(loaded.data, Path(file), date, lists)
    except DataError as exc:
        raise data_errors(exc, folder) from None


def _file_date(file: Path) -> dt.date:
    """The day the file was last written (downloaded), or today when it cannot be read (the reader says why)."""
    try:
        return dt.date.fromtimestamp(Path(file).stat().st_mtime)
    except OSError:
        return dt.date.today()
