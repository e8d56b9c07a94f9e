"""Stream the MPSV register (``rpss.json``, about 99 MB) one service at a time.

The file is parsed with ``ijson`` (prefix ``polozky.item``): at most one
service is held as JSON at a time, so memory stays bounded by one record
whatever the size of the register. People's names (``statutarniOrgany``) and
the fields závazek does not use are dropped from each record as it is read.

Bad input raises :class:`~zavazek.core.problems.DataError` with a Czech and
English message naming the file, the record (its index in ``polozky`` and its
``identifikator``) and the field. :func:`iter_services` is a generator: an
error may come after some records were yielded, so a caller that writes
files collects first. :func:`read_services`, :func:`find_provider` and
:func:`services_for_target_group` read the whole file before they return, and
return nothing when it is bad.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import ijson

from zavazek.core.model import codes
from zavazek.core.problems import DataError, Message
from zavazek.core.registry import dataset
from zavazek.core.registry.dataset import HINT, ROOT, Codelists, normalise_ico, problem
from zavazek.core.registry.records import RegisteredService

_BOM = b"\xef\xbb\xbf"
#: Each dropped field as the path of keys inside a record.
_DROPPED = tuple(tuple(f.split(".")) for f in dataset.PERSONAL_FIELDS + dataset.UNUSED_FIELDS)


def _drop_unread(item) -> None:
    """Take out of a record the people's names and the fields závazek does not read."""
    for *parents, key in _DROPPED:
        value = item
        for parent in parents:
            value = value.get(parent) if isinstance(value, dict) else None
        if isinstance(value, dict):
            value.pop(key, None)


class _Shape:
    """The file's outer shape, read from its start: a map whose first ``polozky`` is a list."""

    def __init__(self, handle):
        self.root: str | None = None  # start_map / start_array / a scalar event; None: no JSON at all
        self.has_items_key = False
        self.items_type: str | None = None
        try:
            for prefix, event, value in ijson.parse(handle):
                if prefix == "":
                    if self.root is None:
                        self.root = event
                        if event != "start_map":
                            return
                    elif event == "map_key" and value == ROOT:
                        self.has_items_key = True
                elif prefix == ROOT and self.items_type is None:
                    self.items_type = event
                    return
        except ijson.JSONError:
            return


def _error(file: Path, path: str, message: Message) -> DataError:
    return DataError([problem(file, path, message, HINT)])


def _after(count: int, last_ident) -> Message:
    """Where in the file the reading stopped (part of a message)."""
    if not count:
        return Message("before the first record")
    ident = last_ident if isinstance(last_ident, str) else "?"
    return Message("after record {index} (identifikator {ident})", {"index": count - 1, "ident": ident})


def iter_services(file: Path, codelists: Codelists | None = None) -> Iterator[RegisteredService]:
    """Every service of the register in ``file``, in the file's order, streamed.

    ijson's C parser makes each record of ``polozky`` a dictionary (four
    times as fast as passing its events through Python); the fields of
    :data:`_DROPPED` are taken out of it before anything else reads it.
    Raises :class:`DataError` when the file is not the register (see the module's docstring).
    """
    file = Path(file)
    lists = codelists or Codelists()
    try:
        handle = open(file, "rb")
    except FileNotFoundError:
        raise _error(file, "", Message("The register file does not exist.")) from None
    with handle:
        head = handle.read(3)
        if not head:
            raise _error(file, "", Message("The register file is empty."))
        start = 3 if head == _BOM else 0
        handle.seek(start)
        count, last_ident = 0, None
        items = ijson.items(handle, dataset.ITEM_PREFIX)
        while True:
            try:
                item = next(items)
            except StopIteration:
                break
            except ijson.IncompleteJSONError as exc:
                if "premature EOF" in str(exc) or "Incomplete JSON" in str(exc):
                    raise _error(file, "", Message(
                        "The register file is truncated: it ends {where}. The download probably did not finish.",
                        {"where": _after(count, last_ident)})) from None
                raise _not_json(file, handle, start, count, last_ident, exc) from None
            except ijson.JSONError as exc:
                raise _not_json(file, handle, start, count, last_ident, exc) from None
            if isinstance(item, dict):
                _drop_unread(item)
                last_ident = item.get("identifikator")
            else:
                last_ident = None
            record = dataset.service(item, count, file, lists)
            count += 1
            yield record
        handle.seek(start)
        shape = _Shape(handle)  # read up to the first event of polozky: a few bytes of the register
        if shape.root != "start_map" or not shape.has_items_key:
            raise _error(file, ROOT, Message(
                "The file is not the MPSV register: it has no top-level field “polozky” with the list of services."))
        if shape.items_type != "start_array":
            raise _error(file, ROOT, Message("The field “polozky” should be the list of services; it is not a list."))


def _not_json(file: Path, handle, start: int, count: int, last_ident, exc: Exception) -> DataError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if not count:
        handle.seek(start)
        if _Shape(handle).root is None:
            return _error(file, "", Message(
                "The file is not JSON ({detail}); the MPSV register is the JSON file rpss.json.", {"detail": detail}))
    return _error(file, "", Message("The register file is not valid JSON {where} ({detail}).",
                                    {"where": _after(count, last_ident), "detail": detail}))


def read_services(file: Path, keep: Callable[[RegisteredService], bool] | None = None,
                  codelists: Codelists | None = None) -> tuple[RegisteredService, ...]:
    """The services ``keep`` accepts (all when None), after reading the whole file: nothing when it is bad."""
    return tuple(s for s in iter_services(file, codelists) if keep is None or keep(s))


def find_provider(file: Path, ico: str | int, codelists: Codelists | None = None) -> tuple[RegisteredService, ...]:
    """Every service (active or ended) of the provider with IČO ``ico``; a :class:`DataError` when there is none."""
    file = Path(file)
    wanted = normalise_ico(ico)
    if wanted is None:
        raise DataError([problem(None, "ico", not_an_ico(ico))])
    found = read_services(file, lambda s: s.provider_ico == wanted, codelists)
    if not found:
        raise DataError([problem(file, "poskytovatel.ico", Message(
            "The register has no service of a provider with the IČO {ico}.", {"ico": wanted}),
            Message("Check the IČO, or whether the register file is up to date."))])
    return found


def services_for_target_group(file: Path, group: str, codelists: Codelists | None = None,
                              active_on=None) -> tuple[RegisteredService, ...]:
    """Services for a target group: our code (``imigranti_a_azylanti``), the register's id (``24``)
    or its reference (``CilovaSkupinaOsoby/24``); only those active on ``active_on`` when given."""
    key = group.split("/", 1)[1] if group.startswith("CilovaSkupinaOsoby/") else group
    if key not in codes.REGISTRY_TARGET_GROUPS and not key.isdigit():
        raise DataError([problem(None, "target_group", not_a_target_group(group))])
    return read_services(
        file, lambda s: s.has_group(key) and (active_on is None or s.active_on(active_on)), codelists,
    )


def not_an_ico(value) -> Message:
    return Message("“{value}” is not an IČO: an IČO has at most 8 digits.", {"value": value})


def not_a_target_group(value: str) -> Message:
    return Message("“{value}” is not a target group of the register: write a code ({codes}) or a codelist number.",
                   {"value": value, "codes": ", ".join(codes.REGISTRY_TARGET_GROUPS)})


def providers(services: Iterable[RegisteredService]) -> dict[str, str]:
    """IČO -> provider's name, in the order first met."""
    return {s.provider_ico: s.provider_name for s in services}
