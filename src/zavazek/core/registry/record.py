"""The record of the register snapshot a provider's facts were imported from, in ``data/registry.yaml``.

``zavazek registry import`` writes its ``imported:`` block (staff do not edit
it) and keeps the rest of the file as it is, such as the ``snapshot:`` and
``date:`` that name the snapshot the checklist compares with
(:mod:`zavazek.core.registry.snapshot`)::

    imported:
      date: 2026-12-04        # the day the register file was downloaded
      file: rpss.json         # its name
      sha256: 5f2c…           # its content
      ico: "99000105"         # the provider imported
      services: ["1234567"]   # the registry identifiers imported

A snapshot older than the one recorded is refused, so that an old download
cannot undo the facts of a newer one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from zavazek.core.problems import DataError, Message, Problem

from zavazek.core.registry.snapshot import SETTINGS_FILE as FILE_NAME

__all__ = ["FILE_NAME", "ImportRecord", "check_newer", "read", "sha256"]

_KEY = "imported"
_HEADER = (
    "# The MPSV register snapshot the registered facts in commitment.yaml come from.\n"
    "# Written by `zavazek registry import`; an older snapshot is refused. Do not edit.\n"
)


@dataclass(frozen=True)
class ImportRecord:
    date: dt.date
    file: str
    sha256: str
    ico: str
    services: tuple[str, ...]

    def render(self, existing: str = "") -> str:
        """The file with this record as its ``imported:`` block; every other line of ``existing`` kept."""
        services = ", ".join(f'"{s}"' for s in self.services)
        block = (f"{_HEADER}{_KEY}:\n  date: {self.date.isoformat()}\n  file: {yaml.safe_dump(self.file).split(chr(10))[0]}\n"
                 f"  sha256: {self.sha256}\n  ico: \"{self.ico}\"\n  services: [{services}]\n")
        kept, skipping = [], False
        for line in existing.splitlines(keepends=True):
            if line.startswith(f"{_KEY}:"):
                skipping = True
            elif skipping and line.strip() and not line[0].isspace():
                skipping = False
            if not skipping and line not in _HEADER.splitlines(keepends=True):
                kept.append(line)
        rest = "".join(kept)
        return rest + ("\n" if rest and not rest.endswith("\n") else "") + block


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bad(path: Path, field: str, detail: str) -> DataError:
    return DataError([Problem(path, None, None, field, Message(
        "The record of the imported register snapshot is not readable: {detail}.", {"detail": detail}),
        Message("Delete the file and import again; it is written by zavazek registry import."))])


def read(path: Path) -> ImportRecord | None:
    """The recorded snapshot, None when there is no record yet; a :class:`DataError` when it is damaged."""
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _bad(path, "", type(exc).__name__) from None
    if data is None or (isinstance(data, dict) and _KEY not in data):
        return None  # the file names the checklist's snapshot only
    block = data.get(_KEY) if isinstance(data, dict) else None
    if not isinstance(block, dict):
        raise _bad(path, _KEY, f"no “{_KEY}:”")
    day = block.get("date")
    if not isinstance(day, dt.date):
        raise _bad(path, f"{_KEY}.date", f"“{day}” is not a date")
    return ImportRecord(day, str(block.get("file") or ""), str(block.get("sha256") or ""), str(block.get("ico") or ""),
                    tuple(str(s) for s in block.get("services") or ()))


def check_newer(path: Path, recorded: ImportRecord | None, day: dt.date) -> None:
    """Refuse a snapshot older than the one recorded."""
    if recorded is not None and day < recorded.date:
        raise DataError([Problem(path, None, None, f"{_KEY}.date", Message(
            "The register snapshot of {date} is older than the one already imported ({recorded}): nothing was "
            "written.", {"date": day.isoformat(), "recorded": recorded.date.isoformat()}),
            Message("Download rpss.json again, or give the day it was downloaded with --snapshot-date."))])
