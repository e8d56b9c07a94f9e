"""The directory of services (``data/services.yaml``) seeded and refreshed from the MPSV register.

:func:`plan` reads the register once, streaming, keeping only the services of
the wanted target groups and those the directory already names, and returns
the new text of ``services.yaml`` with what changed:

* a registered service not in the directory becomes a new entry at the end
  (its organisation found by IČO, or added), marked ``source: {registry: …,
  snapshot: …}``. What the register does not say (a description for readers,
  the languages, the hours) is left for staff: the description is a Czech
  sentence made from the kind and the towns, which the site marks as not
  translated in the other languages; the languages are Czech;
* an entry already there (by ``registered.registry_id`` or
  ``source.registry``) gets the register's kind and target groups (keeping
  the ages staff wrote); one made from the register also gets its regions,
  districts and places' addresses. Texts, languages, hours, contacts and
  notes are never touched;
* an entry made from the register that the register no longer lists for the
  target groups gets ``source.missing_since`` and ends (``runs.until``) the
  day before; one the register says ended ends on that day. Neither is
  deleted.

A secret address (``utajenaAdresa``) is never read, so never written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from zavazek.core.problems import Message
from zavazek.core.registry import reader
from zavazek.core.registry.dataset import Codelists
from zavazek.core.registry.records import Facility, RegisteredService
from zavazek.core.yamlpatch import Append, Set, apply

#: Our category of help for a kind of registered service.
CATEGORY_OF_KIND = {
    "odborne_socialni_poradenstvi": "social_counselling",
    "terenni_programy": "field_work",
    "socialne_aktivizacni_sluzby_pro_rodiny": "children_school",
    "nizkoprahova_zarizeni": "children_school",
    "krizova_pomoc": "crisis_help",
    "tlumocnicke_sluzby": "interpreting",
    "azylove_domy": "housing",
    "socialni_rehabilitace": "work",
}
#: Kinds given without payment by §72(2) of Act 108/2006 Coll.
FREE_KINDS = {
    "odborne_socialni_poradenstvi", "terenni_programy", "socialne_aktivizacni_sluzby_pro_rodiny",
    "nizkoprahova_zarizeni", "krizova_pomoc", "tlumocnicke_sluzby",
}
#: The legal form after the comma of a provider's name in the register.
LEGAL_FORMS = {
    "z. s.": "zapsaný spolek", "z.s.": "zapsaný spolek",
    "o. p. s.": "obecně prospěšná společnost", "o.p.s.": "obecně prospěšná společnost",
    "z. ú.": "zapsaný ústav", "z.ú.": "zapsaný ústav",
    "p. o.": "příspěvková organizace", "p.o.": "příspěvková organizace",
    "s. r. o.": "společnost s ručením omezeným", "s.r.o.": "společnost s ručením omezeným",
}
FORM_WORDS = {"ambulant": "ambulantně", "field": "terénně", "residential": "pobytově"}
DEFAULT_GROUPS = ("imigranti_a_azylanti",)


@dataclass
class Outcome:
    """What :func:`plan` would change; ``text`` is the new ``services.yaml``."""

    text: str
    records_read: int = 0
    added: list[tuple[str, str]] = field(default_factory=list)  # (entry id, registry id)
    refreshed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (entry id, registry id, keys)
    marked: list[tuple[str, str, Message]] = field(default_factory=list)  # (entry id, registry id, why)
    organisations: list[str] = field(default_factory=list)  # ids of organisations added
    skipped: list[tuple[str, Message]] = field(default_factory=list)  # (registry id, why) services left out


def slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "x"


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _ico(value) -> str | None:
    return reader.normalise_ico(value) if value is not None else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _open_facilities(service: RegisteredService, day: dt.date) -> list[Facility]:
    return [f for f in service.public_facilities
            if f.address is not None and (f.end is None or f.end >= day) and (f.start is None or f.start <= day)]


def _postcode(code: str | None) -> str | None:
    return f"{code[:3]} {code[3:]}" if code and len(code) == 5 and code.isdigit() else None


def facts(service: RegisteredService, day: dt.date) -> dict:
    """The registered facts of an entry: kind, target groups, regions, districts, places (by id)."""
    facilities = _open_facilities(service, day)
    regions = list(dict.fromkeys(f.address.region for f in facilities if f.address.region))
    districts = list(dict.fromkeys(f.address.district for f in facilities if f.address.district))
    field_only = service.forms and set(service.forms) == {"field"}
    places, taken = [], set()
    for facility in facilities:
        a = facility.address
        place: dict = {"id": _unique(slug(facility.name or a.municipality or "misto"), taken)}
        if facility.name:
            place["name"] = {"cs": facility.name}
        postcode = _postcode(a.postcode)
        if not field_only and a.municipality and postcode:
            street = " ".join(p for p in (a.street or a.municipality, a.number()) if p)
            place["address"] = {"street": street, "city": a.municipality, "postcode": postcode}
        elif a.district:
            place["area"] = {"districts": [a.district]}
        else:
            continue
        if len(regions) > 1 and a.region:
            place["region"] = a.region
        places.append(place)
    ages = service.age_range
    groups = []
    for group in service.target_groups:
        if group.code is None or any(g["category"] == group.code for g in groups):
            continue
        entry: dict = {"category": group.code}
        if ages:
            age = {k: v for k, v in (("from", ages[0]), ("to", ages[1])) if v}
            if age:
                entry["age"] = age
        groups.append(entry)
    return {"kind": service.kind.code, "target_groups": groups, "regions": regions, "districts": districts,
            "places": places}


def legal_form(name: str) -> str | None:
    tail = name.rsplit(",", 1)[1].strip() if "," in name else ""
    return LEGAL_FORMS.get(tail)


def _description(service: RegisteredService, places: list[dict]) -> str:
    kind = _capital(service.kind.name or "sociální služba")
    forms = " a ".join(FORM_WORDS[f] for f in service.forms if f in FORM_WORDS)
    towns = list(dict.fromkeys(p["address"]["city"] for p in places if "address" in p))
    where = f" – {', '.join(towns)}" if towns else ""
    how = f", {forms}" if forms else ""
    return (f"{kind}{how}{where}. Údaje převzaty z registru poskytovatelů sociálních služeb; "
            "podrobný popis doplní poskytovatel.")


def new_entry(service: RegisteredService, organisation: str, entry_id: str, day: dt.date, found: dict) -> dict:
    kind = service.kind.code
    entry: dict = {
        "id": entry_id,
        "organisation": organisation,
        "name": {"cs": _capital(service.kind.name or "sociální služba")},
        "description": {"cs": _description(service, found["places"])},
        "categories": [CATEGORY_OF_KIND.get(kind, "social_counselling")],
        "target_groups": found["target_groups"],
    }
    if kind:
        entry["registered"] = {"kind": kind, "registry_id": service.registry_id}
    entry["regions"] = found["regions"]
    if found["districts"]:
        entry["districts"] = found["districts"]
    if found["places"]:
        entry["places"] = found["places"]
    entry["languages"] = {"staff": ["cs"]}
    entry["cost"] = {"free": True} if kind in FREE_KINDS else {
        "free": False, "fee": {"cs": "[DOPLNIT] úhrada podle ceníku poskytovatele"}}
    if service.start:
        entry["runs"] = {"from": service.start}
        if service.end and service.end < day:
            entry["runs"]["until"] = service.end
    entry["verified_on"] = day
    entry["source"] = {"registry": service.registry_id, "snapshot": day}
    return entry


def _registry_id(entry: dict) -> str | None:
    source = entry.get("source") if isinstance(entry.get("source"), dict) else {}
    registered = entry.get("registered") if isinstance(entry.get("registered"), dict) else {}
    rid = source.get("registry") or registered.get("registry_id")
    return str(rid) if rid is not None else None


def plan(content: str | None, register: Path, snapshot: dt.date, groups: tuple[str, ...] = DEFAULT_GROUPS,
         codelists: Codelists | None = None, progress: Callable[[int], None] | None = None) -> Outcome:
    """The new ``services.yaml`` for the register ``register`` of day ``snapshot``; ``content`` is the file
    as it is (None when there is none). Raises :class:`~zavazek.core.problems.DataError` on a bad register."""
    data = yaml.safe_load(content) if content else None
    data = data if isinstance(data, dict) else {}
    entries = [e for e in data.get("services") or [] if isinstance(e, dict)]
    organisations = [o for o in data.get("organisations") or [] if isinstance(o, dict)]
    known = {rid for rid in map(_registry_id, entries) if rid}

    wanted: dict[str, RegisteredService] = {}
    named: dict[str, RegisteredService] = {}
    count = 0
    for service in reader.iter_services(register, codelists):
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
        if any(service.has_group(g) for g in groups):
            _keep(wanted, service, snapshot)
        if service.registry_id in known:
            _keep(named, service, snapshot)

    outcome = Outcome(text=content or "", records_read=count)
    edits: list[Set | Append] = []
    orgs_by_ico = {_ico(o.get("ico")): o.get("id") for o in organisations if _ico(o.get("ico"))}
    org_ids = {str(o.get("id")) for o in organisations}
    entry_ids = {str(e.get("id")) for e in entries}

    for index, entry in enumerate(entries):
        rid = _registry_id(entry)
        if rid is None:
            continue
        sourced = isinstance(entry.get("source"), dict)
        service = wanted.get(rid) or (named.get(rid) if not sourced else None)
        if service is None:
            if sourced:
                _mark_missing(edits, index, entry, rid, snapshot, outcome, named.get(rid))
            continue
        _refresh(edits, index, entry, rid, service, sourced, snapshot, outcome)

    new_orgs, new_entries = [], []
    for rid, service in wanted.items():
        if rid in known:
            continue
        if not service.active_on(snapshot):
            outcome.skipped.append((rid, Message("ended")))
            continue
        found = facts(service, snapshot)
        if not found["regions"]:
            outcome.skipped.append((rid, Message("no public address")))
            continue
        if not found["target_groups"]:
            outcome.skipped.append((rid, Message("no target group")))
            continue
        org = orgs_by_ico.get(service.provider_ico)
        if org is None:
            base = service.provider_name.rsplit(",", 1)[0] if legal_form(service.provider_name) else service.provider_name
            org = _unique(slug(base, 40), org_ids)
            orgs_by_ico[service.provider_ico] = org
            form = legal_form(service.provider_name)
            new_orgs.append({"id": org, "name": {"cs": service.provider_name},
                             "legal_form": {"cs": form or "[DOPLNIT] právní forma"},
                             "ico": service.provider_ico})
            outcome.organisations.append(org)
        entry_id = _unique(f"{org}-{service.registry_id}", entry_ids)
        new_entries.append(new_entry(service, str(org), entry_id, snapshot, found))
        outcome.added.append((entry_id, rid))

    if not content and not new_entries:
        return outcome
    for key, new in (("organisations", new_orgs), ("services", new_entries)):
        if new and data.get(key):
            edits += [Append((key,), item) for item in new]
        elif new or not content:
            edits.append(Set((), key, new))
    outcome.text = apply(content or "", edits) if edits else outcome.text
    return outcome


def _plain(value):
    """A loaded YAML value with dates as ISO text, for comparing with what is about to be written."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _put(edits: list, path: tuple, value) -> None:
    """Give the key at ``path`` (its mapping's path and the key) the value ``value``."""
    edits.append(Set(path[:-1], path[-1], value))


def _keep(found: dict, service: RegisteredService, day: dt.date) -> None:
    """Of two records with one identifier, the one provided on ``day``, else the later one."""
    old = found.get(service.registry_id)
    if old is None or service.active_on(day) or not old.active_on(day):
        found[service.registry_id] = service


def _set(edits: list, path: tuple, old, new, changed: list[str], name: str) -> None:
    if _plain(old) != _plain(new):
        _put(edits, path, new)
        changed.append(name)


def _refresh(edits: list, index: int, entry: dict, rid: str, service: RegisteredService, sourced: bool,
             day: dt.date, outcome: Outcome) -> None:
    base = ("services", index)
    found = facts(service, day)
    changed: list[str] = []
    registered = entry.get("registered") if isinstance(entry.get("registered"), dict) else None
    if found["kind"]:
        if registered is not None:
            _set(edits, base + ("registered", "kind"), registered.get("kind"), found["kind"], changed, "kind")
        elif sourced:
            _set(edits, base + ("registered",), None, {"kind": found["kind"], "registry_id": rid}, changed, "kind")
    old_groups = entry.get("target_groups") if isinstance(entry.get("target_groups"), list) else []
    ages = {g.get("category"): g.get("age") for g in old_groups if isinstance(g, dict)}
    groups = []
    for group in found["target_groups"]:
        merged = {"category": group["category"]}
        age = ages.get(group["category"]) if group["category"] in ages else group.get("age")
        if age:
            merged["age"] = age
        groups.append(merged)
    if groups:
        _set(edits, base + ("target_groups",), old_groups, groups, changed, "target_groups")
    if sourced and found["regions"]:
        _set(edits, base + ("regions",), entry.get("regions"), found["regions"], changed, "regions")
        if found["districts"] or entry.get("districts"):
            _set(edits, base + ("districts",), entry.get("districts") or [], found["districts"], changed, "districts")
        old_places = [p for p in entry.get("places") or [] if isinstance(p, dict)]
        by_id = {p.get("id"): n for n, p in enumerate(old_places)}
        added = []
        for place in found["places"]:
            n = by_id.get(place["id"])
            if n is None:
                added.append(place)
                continue
            old = old_places[n]
            where = base + ("places", n)
            # An address stays an address and an area an area (without the codelist of towns the
            # register gives no town, and an address is not turned into an area for it).
            for key in ("address", "area", "region"):
                if key in place and key in old:
                    _set(edits, where + (key,), old.get(key), place[key], changed, f"places.{key}")
        if added:
            if "places" in entry and entry["places"]:
                edits += [Append(base + ("places",), place) for place in added]
            else:
                _put(edits, base + ("places",), added)
            changed.append("places")
    if sourced:
        source = entry["source"]
        if _plain(source.get("snapshot")) != day.isoformat() and changed:
            _put(edits, base + ("source", "snapshot"), day)
    if service.end and service.end < day:
        runs = entry.get("runs") if isinstance(entry.get("runs"), dict) else None
        if runs is None or _plain(runs.get("until")) != service.end.isoformat():
            if runs is None:
                _put(edits, base + ("runs",), {"from": service.start or service.end, "until": service.end})
            else:
                _put(edits, base + ("runs", "until"), service.end)
            outcome.marked.append((str(entry.get("id")), rid, Message("ended {date}", {"date": service.end.isoformat()})))
    if changed:
        outcome.refreshed.append((str(entry.get("id")), rid, changed))


def _mark_missing(edits: list, index: int, entry: dict, rid: str, day: dt.date, outcome: Outcome,
                  still: RegisteredService | None) -> None:
    base = ("services", index)
    source = entry["source"]
    if source.get("missing_since") is not None:
        return
    runs = entry.get("runs") if isinstance(entry.get("runs"), dict) else None
    until = day - dt.timedelta(days=1)
    if still is not None and still.end and still.end < day:
        until = still.end
    _put(edits, base + ("source", "missing_since"), day)
    if runs is None:
        start = still.start if still is not None and still.start and still.start <= until else until
        _put(edits, base + ("runs",), {"from": start, "until": until})
    elif runs.get("until") is None or _plain(runs.get("until")) > until.isoformat():
        _put(edits, base + ("runs", "until"), until)
    why = Message("no longer listed for the target group") if still is not None else Message("no longer in the register")
    outcome.marked.append((str(entry.get("id")), rid, why))
