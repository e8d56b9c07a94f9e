"""What the register says that ``commitment.yaml`` should say: the edits, and a note for each difference.

:func:`plan` compares the provider's registered services (records of
:mod:`.reader`) with the data as written (``commitment.yaml`` read as plain
YAML) and returns the edits (:mod:`zavazek.core.yamlpatch`) that write the
register's facts, and notes saying what changes and what staff should look at.

Registered facts, where the register wins: the service's kind, its registry
identifier, its forms, its target groups' registry categories and ages, the
dates of its registration and its registered capacity
(``service.registered``), the provider's IČO when it is missing. Texts staff
wrote (names, mission, descriptions, ``service.capacity`` …) are never
written. The register's places (facilities) are compared with the centres; a
missing one is added only when asked, a secret address never.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from zavazek.core.model import codes
from zavazek.core.model.codes import N_
from zavazek.core.placeholders import is_placeholder
from zavazek.core.problems import Message, PerLanguage
from zavazek.core.problems import format_path
from zavazek.core.registry.records import Facility, RegisteredService
from zavazek.core.yamlpatch import Append, Set

#: The register's capacity types (TypKapacitySocialniSluzby) -> our :data:`codes.CAPACITY_UNITS`.
CAPACITY_UNITS = {"klient": "clients", "luzka": "beds", "interv": "interventions", "kontakt": "contacts",
                  "hovor": "calls"}

#: Where a service entry's fields go when the file does not have them yet.
AFTER = {"registry_id": ("kind",), "registered": ("forms",), "age": ("registry_category",),
         "ico": ("legal_form", "short_name", "name")}


@dataclass(frozen=True)
class Note:
    message: Message
    change: bool  # a change the import makes (else something to look at)


@dataclass
class Plan:
    edits: list = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)  # registry identifiers matched

    @property
    def changes(self) -> list[Note]:
        return [n for n in self.notes if n.change]

    def change(self, edit, msgid: str, **params) -> None:
        self.edits.append(edit)
        self.notes.append(Note(Message(msgid, params), True))

    def note(self, msgid: str, **params) -> None:
        self.notes.append(Note(Message(msgid, params), False))


def label(msgid: str) -> PerLanguage:
    """A catalog label in every language a note is shown in."""
    from zavazek.core.i18n import translations

    return PerLanguage({lang: translations(lang).gettext(msgid) for lang in ("cs", "en", "ru", "uk", "vi")})


def _labels(msgids) -> PerLanguage | str:
    parts = [label(m) for m in msgids]
    if not parts:
        return "–"
    return PerLanguage({lang: ", ".join(p.pick(lang) for p in parts) for lang in ("cs", "en", "ru", "uk", "vi")})


def _kind(code: str | None) -> PerLanguage | str:
    if code is None:
        return "–"
    return label(codes.SERVICE_KINDS[code][1]) if code in codes.SERVICE_KINDS else str(code)


def _capacity_text(items) -> str:
    return "; ".join(f"{c.get('form')} {c.get('count')} {c.get('unit')}" for c in items
                     if isinstance(c, dict) and None not in (c.get('form'), c.get('count'), c.get('unit'))) or "–"


# --- places -----------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text).split())).casefold()


_NUMBERED = re.compile(r"^(?P<name>.*?)\s*(?P<number>[0-9][0-9A-Za-z/]*)?$")


def _address_matches(facility: Facility, address: dict) -> bool:
    a = facility.address
    postcode = re.sub(r"\D", "", str(address.get("postcode") or ""))
    if a.postcode and postcode and a.postcode != postcode:
        return False
    street = _NUMBERED.match(str(address.get("street") or "").strip())
    name, number = (street.group("name"), street.group("number")) if street else ("", None)
    if _fold(name) != _fold(a.street or a.municipality or ""):
        return False
    numbers = {str(a.house_number) if a.house_number is not None else None, a.orientation_number, a.number()}
    return number is None or number in numbers


def _matches(facility: Facility, centre: dict) -> bool:
    a = facility.address
    area = centre.get("area")
    if isinstance(area, dict) and a.district and a.district in (area.get("districts") or []):
        return True
    address = centre.get("address")
    return isinstance(address, dict) and _address_matches(facility, address)


def _slug(text: str, taken: set) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "misto"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _postcode(code: str | None) -> str | None:
    return f"{code[:3]} {code[3:]}" if code and len(code) == 5 else code


def new_centre(facility: Facility, field_only: bool, taken: set) -> dict | None:
    """A centre entry for a facility: its name, region and address (or district, for field work); None
    when the register does not say enough (no region, or no town without the codelist obce.json)."""
    a = facility.address
    if a is None or a.region is None:
        return None
    entry = {"id": _slug(facility.name, taken), "name": {"cs": facility.name.strip()}, "region": a.region}
    if field_only and a.district:
        entry["area"] = {"districts": [a.district]}
    elif a.municipality and a.postcode:
        street = " ".join(p for p in (a.street or a.municipality, a.number()) if p)
        entry["address"] = {"street": street, "city": a.municipality, "postcode": _postcode(a.postcode)}
    else:
        taken.discard(entry["id"])
        return None
    return entry


# --- the plan ---------------------------------------------------------------------------------------


def without_placeholders(value):
    """``value`` with every placeholder ``zavazek new`` wrote (``"[DOPLNIT] 0000000"``) read as not written:
    the register's fact takes its place."""
    if is_placeholder(value):
        return None
    if isinstance(value, dict):
        return {k: without_placeholders(v) for k, v in value.items()}
    if isinstance(value, list):
        return [v for v in (without_placeholders(v) for v in value) if v is not None]
    return value



def _entries(data: dict) -> list[tuple[tuple, dict]]:
    """(path of the entry, the entry) for each service: ``()`` and the whole file for one service."""
    if isinstance(data.get("services"), list):
        return [(("services", i), entry) for i, entry in enumerate(data["services"])]
    return [((), data)]


def _registered(service: RegisteredService, plan: Plan, where: str) -> dict:
    facts: dict = {}
    if service.start is not None:
        facts["since"] = service.start
    if service.end is not None:
        facts["until"] = service.end
    capacity = []
    for c in service.capacities:
        unit = CAPACITY_UNITS.get(c.unit)
        if unit is None:
            plan.note(N_("{path}: the register's capacity type “{value}” has no code in závazek; it is left out."),
                      path=where, value=c.unit)
            continue
        capacity.append({"form": c.form, "count": c.count, "unit": unit})
    if capacity:
        facts["capacity"] = capacity
    return facts


def _active(item, day: dt.date) -> bool:
    return item.end is None or item.end >= day


def plan(data: dict, services: tuple[RegisteredService, ...], ico: str, day: dt.date,
         add_places: bool = False) -> Plan:
    """The edits that write the register's facts of ``services`` (one provider's) into ``data``."""
    out = Plan()
    data = without_placeholders(data)
    provider = data.get("provider") or {}
    if not provider.get("ico"):
        out.change(Set(("provider",), "ico", ico, AFTER["ico"]), N_("{path}: {new} (from the register)"),
                   path="provider.ico", new=ico)

    entries = _entries(data)
    matched: dict[int, RegisteredService] = {}
    by_id = {s.registry_id: s for s in services}
    for n, (path, entry) in enumerate(entries):
        rid = (entry.get("service") or {}).get("registry_id")
        if rid is None:
            continue
        if str(rid) in by_id:
            matched[n] = by_id[str(rid)]
        else:
            out.note(N_("{path}: the register has no service with the identifier {id} of the provider with IČO {ico}."),
                     path=format_path((*path, "service", "registry_id")), id=rid, ico=ico)
    for n, (path, entry) in enumerate(entries):
        if n in matched or (entry.get("service") or {}).get("registry_id") is not None:
            continue
        kind = (entry.get("service") or {}).get("kind")
        taken = set(id(s) for s in matched.values())
        candidates = [s for s in services if id(s) not in taken and (kind is None or s.kind.code == kind)
                      and _active(s, day)]
        if len(candidates) == 1:
            matched[n] = candidates[0]
        else:
            out.note(N_("{path}: no service of the register matches: write its registry_id (the register has {count} "
                     "service(s) of the kind {kind} for this IČO)."),
                     path=format_path((*path, "service")), count=len(candidates), kind=_kind(kind))
    for s in services:
        if s not in matched.values():
            out.note(N_("The register's service {id} ({kind}, {dates}) is not in commitment.yaml."),
                     id=s.registry_id, kind=_kind(s.kind.code) if s.kind.code else (s.kind.name or s.kind.registry_id),
                     dates=f"{s.start or '?'} – {s.end or ''}".strip())

    centres = data.get("centres") or []
    taken_ids = {c.get("id") for c in centres if isinstance(c, dict)}
    added: list[tuple[Facility, str]] = []
    for n in sorted(matched):
        path, entry = entries[n]
        s = matched[n]
        out.imported.append(s.registry_id)
        _service(out, path + ("service",), entry.get("service") or {}, s)
        _groups(out, path + ("target_groups",), entry.get("target_groups") or [], s)
        own = list(entry.get("centres") or []) if path else []
        mine = [c for c in centres if isinstance(c, dict) and (not own or c.get("id") in own)]
        new_ids = _places(out, path, mine, s, day, add_places, taken_ids, added)
        if own and any(i not in own for i in new_ids):
            out.edits.append(Set(path, "centres", own + [i for i in dict.fromkeys(new_ids) if i not in own]))
    return out


def _service(out: Plan, path: tuple, service: dict, s: RegisteredService) -> None:
    where = format_path(path)
    if service.get("registry_id") is None:
        out.change(Set(path, "registry_id", s.registry_id, AFTER["registry_id"]),
                   N_("{path}: {new} (from the register)"), path=f"{where}.registry_id", new=s.registry_id)
    if s.kind.code is None:
        out.note(N_("{path}: the register says “{value}”, which závazek has no code for; it is left as it is."),
                 path=f"{where}.kind", value=s.kind.name or s.kind.registry_id)
    elif s.kind.code != service.get("kind"):
        out.change(Set(path, "kind", s.kind.code), N_("{path}: {old} → {new} (register)"),
                   path=f"{where}.kind", old=_kind(service.get("kind")), new=_kind(s.kind.code))
    forms = list(dict.fromkeys(s.forms))
    written = service.get("forms") or []
    if forms and set(forms) != set(written):
        out.change(Set(path, "forms", forms), N_("{path}: {old} → {new} (register)"), path=f"{where}.forms",
                   old=_labels(codes.SERVICE_FORMS[f] for f in written if f in codes.SERVICE_FORMS),
                   new=_labels(codes.SERVICE_FORMS[f] for f in forms))
    facts = _registered(s, out, f"{where}.registered")
    before = service.get("registered") or {}
    if facts != {k: v for k, v in before.items() if v not in (None, [])}:
        out.edits.append(Set(path, "registered", facts, AFTER["registered"]))
        for key, show in (("since", str), ("until", str), ("capacity", _capacity_text)):
            if facts.get(key) != before.get(key):
                old = show(before[key]) if before.get(key) else "–"
                new = show(facts[key]) if facts.get(key) else "–"
                out.notes.append(Note(Message(N_("{path}: {old} → {new} (register)"),
                                              {"path": f"{where}.registered.{key}", "old": old, "new": new}), True))
    # (a block of placeholders is replaced whole, so the comments zavazek new wrote inside it go too)


def _groups(out: Plan, path: tuple, groups: list, s: RegisteredService) -> None:
    registered = list(dict.fromkeys(g.code for g in s.target_groups if g.code))
    for g in s.target_groups:
        if g.code is None:
            out.note(N_("{path}: the register names the target group “{group}”, which závazek has no code for."),
                     path=format_path(path), group=g.name or g.registry_id)
    categories = []
    for i, group in enumerate(groups):
        where = format_path((*path, i))
        category = group.get("registry_category")
        if registered and category not in registered:
            if len(registered) == 1:
                out.change(Set((*path, i), "registry_category", registered[0]), N_("{path}: {old} → {new} (register)"),
                           path=f"{where}.registry_category", old=label(codes.REGISTRY_TARGET_GROUPS[category])
                           if category in codes.REGISTRY_TARGET_GROUPS else str(category or "–"),
                           new=label(codes.REGISTRY_TARGET_GROUPS[registered[0]]))
                category = registered[0]
            else:
                out.note(N_("{path}: the category “{group}” is not among the service's target groups in the register."),
                         path=f"{where}.registry_category", group=label(codes.REGISTRY_TARGET_GROUPS[category])
                         if category in codes.REGISTRY_TARGET_GROUPS else str(category))
        categories.append(category)
        _age(out, (*path, i), group, s)
    for code in registered:
        if code not in categories:
            out.note(N_("{path}: the register also names the target group “{group}”; add a group for it, with its text."),
                     path=format_path(path), group=label(codes.REGISTRY_TARGET_GROUPS[code]))


def _age(out: Plan, path: tuple, group: dict, s: RegisteredService) -> None:
    where = format_path(path)
    if s.age_groups and s.age_range is None and all(g.name is None for g in s.age_groups):
        if path[-1] == 0:
            out.note(N_("{path}: the register's age groups say no ages without the codelist vekove-skupiny-osoby.json "
                     "(give --codelists); ages were not compared."), path=where)
        return
    if s.age_range is None:
        return
    low, high = s.age_range
    if low is None and high is None:
        return
    age = group.get("age") or {}
    inside = (low is None or (age.get("from") is not None and age["from"] >= low)) and \
             (high is None or (age.get("to") is not None and age["to"] <= high))
    if inside:
        return
    new = {k: v for k, v in (("from", low), ("to", high)) if v is not None}
    out.change(Set(path, "age", new, AFTER["age"]), N_("{path}: {old} → {new} (register)"),
               path=f"{where}.age", old=_age_text(group.get("age")), new=_age_text(new))


def _age_text(age) -> str:
    low, high = (age.get("from"), age.get("to")) if isinstance(age, dict) else (None, None)
    if low is None and high is None:
        return "–"
    return f"{low or ''}{'–' + str(high) if high is not None else '+'}"


def _places(out: Plan, path: tuple, centres: list, s: RegisteredService, day: dt.date,
            add_places: bool, taken: set, added: list) -> list[str]:
    """Notes (and, with ``add_places``, new centres) for the service's facilities; the ids of the centres
    added for it (or added before for another service at the same address)."""
    ids: list[str] = []
    where = format_path(path + ("service",)) if path else "service"
    field_only = set(s.forms) == {"field"}
    for facility in s.facilities:
        if not _active(facility, day):
            continue
        if facility.secret_address:
            out.note(N_("{path}: the register's place “{name}” has a secret address: it is not compared and never "
                     "published."), path=where, name=facility.name.strip())
            continue
        if facility.address is None or any(_matches(facility, c) for c in centres if isinstance(c, dict)):
            continue
        line = facility.address.one_line()
        previous = next((cid for f, cid in added if f.address == facility.address), None)
        if not add_places:
            out.note(N_("{path}: the register's place “{name}” ({address}) is not among the centres; add it, or "
                     "import with --add-places."), path=where, name=facility.name.strip(), address=line)
            continue
        if previous is None:
            entry = new_centre(facility, field_only, taken)
            if entry is None:
                out.note(N_("{path}: the register's place “{name}” cannot be added: the register does not say its town "
                         "or region (give --codelists with obce.json)."), path=where, name=facility.name.strip())
                continue
            out.change(Append(("centres",), entry), N_("{path}: the register's place “{name}” ({address}) added as "
                       "the centre “{id}”."), path="centres", name=facility.name.strip(), address=line, id=entry["id"])
            added.append((facility, entry["id"]))
            previous = entry["id"]
        ids.append(previous)
    return ids
