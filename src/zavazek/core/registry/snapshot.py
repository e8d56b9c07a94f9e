"""A snapshot of the register for one provider: its services as read on a date, and where they came from.

``data/registry.yaml`` (optional) names the snapshot a site is compared with::

    snapshot: registr/rpss.json   # relative to the site's folder
    date: 2026-11-30              # the day the file was downloaded

Only these two keys are read here; the file may hold others (a record of imports).
:func:`provider_snapshot` streams the register and keeps only the provider's services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zavazek.core.problems import DataError, Message
from zavazek.core.registry.dataset import Codelists, normalise_ico
from zavazek.core.registry.reader import read_services
from zavazek.core.registry.records import RegisteredService
from zavazek.core.yamlsource import load_document

SETTINGS_FILE = "registry.yaml"


@dataclass(frozen=True)
class Snapshot:
    """The provider's services in the register (active or ended), as the file of ``date`` says."""

    services: tuple[RegisteredService, ...]
    date: dt.date
    source: str  # the file's name, as shown in the report


@dataclass(frozen=True)
class SnapshotSettings:
    file: Path  # absolute
    date: dt.date


def read_settings(data_dir: Path, root: Path) -> SnapshotSettings | None:
    """``data/registry.yaml``'s ``snapshot`` and ``date``; None when the file or its ``snapshot`` key is absent."""
    path = Path(data_dir) / SETTINGS_FILE
    if not path.is_file():
        return None
    doc = load_document(path)
    value = doc.value
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DataError([doc.problem((), Message("The file should be a mapping of keys and values."),
                                     Message("Write “snapshot: path/to/rpss.json” and “date: YYYY-MM-DD”."))])
    if "snapshot" not in value:
        return None
    snapshot, date = value.get("snapshot"), value.get("date")
    if not isinstance(snapshot, str) or not snapshot.strip():
        raise DataError([doc.problem(("snapshot",), Message("“snapshot” should be the path of the register's file."),
                                     Message("Write e.g. “snapshot: registr/rpss.json”, relative to the site's folder."))])
    file = (Path(root) / snapshot.strip()).resolve()
    if not file.is_file():
        raise DataError([doc.problem(("snapshot",), Message("The register's file {file} does not exist.", {"file": snapshot}),
                                     Message("Download rpss.json from data.mpsv.cz and write its path, relative to the site's folder."))])
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            pass
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise DataError([doc.problem(("date",) if "date" in value else (), Message("“date” should be the day the register's file was downloaded."),
                                     Message("Write e.g. “date: 2026-11-30”."))])
    return SnapshotSettings(file, date)


def provider_snapshot(file: Path, date: dt.date, ico: str | None, registry_ids, codelists: Codelists | None = None) -> Snapshot:
    """The services of the provider with IČO ``ico`` (or, without it, of whoever has one of ``registry_ids``).

    The file is streamed and only the provider's services are kept; without an IČO it is read twice
    (first the IČOs of the registry ids, then all their services). A bad file raises the reader's :class:`DataError`.
    """
    file = Path(file)
    ids = {i for i in registry_ids if i}
    wanted = normalise_ico(ico) if ico else None
    if wanted is not None:
        services = read_services(file, lambda s: s.provider_ico == wanted or s.registry_id in ids, codelists)
    else:  # the file is read (and judged) even when nothing can be matched
        icos = {s.provider_ico for s in read_services(file, lambda s: s.registry_id in ids, codelists)}
        services = read_services(file, lambda s: s.provider_ico in icos, codelists) if icos else ()
    return Snapshot(tuple(services), date, file.name)


def snapshot_for(data, file: Path, date: dt.date, codelists: Codelists | None = None) -> Snapshot:
    """The snapshot of ``data``'s provider (a :class:`~zavazek.core.provider.ProviderData`): by its IČO, or by
    the registry ids of its services when the commitment gives no IČO."""
    ids = [view.commitment.service.registry_id for view in data.per_service()]
    return provider_snapshot(file, date, data.commitment.provider.ico, ids, codelists)
