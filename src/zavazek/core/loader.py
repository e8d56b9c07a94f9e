"""Load a provider's data files into the model, or say precisely what is wrong.

:func:`load_data` reads every file with :mod:`zavazek.core.yamlsource`, validates
it against :mod:`zavazek.core.model`, checks references between files, and
collects warnings (missing translations, past deadlines, last year's goals).
All problems of all files are reported in one run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
from pydantic import BaseModel, RootModel

from zavazek.core.model import DATA_FILES, Commitment, Directory, Goals, Website
from zavazek.core.model.commitment import SeveralServices
from zavazek.core.model import codes
from zavazek.core.model.services import months_before
from zavazek.core.model.goals import effective_deadline
from zavazek.core.model.codes import N_
from zavazek.core.model.descriptions import describe
from zavazek.core.model.types import Text
from zavazek.core.placeholders import find_placeholders
from zavazek.core.problems import DataError, Message, Problem, Severity, PerLanguage, format_path
from zavazek.core.translations import sources as translation_sources
from zavazek.core.yamlsource import Document, load_bytes, load_document


@dataclass
class ProviderData:
    """Everything a provider publishes, validated."""

    commitment: Commitment
    goals: Goals
    website: Website
    services: Directory | None = None  # data/services.yaml is optional
    documents: dict[str, Document] = field(repr=False, default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    #: Values still marked as placeholders (see :mod:`zavazek.core.placeholders`): (file name, field path).
    placeholders: list[tuple[str, tuple]] = field(default_factory=list)
    #: The registered service this is the data of, when the provider has several (see :meth:`per_service`).
    service_id: str | None = None

    @property
    def several_services(self) -> bool:
        return isinstance(self.commitment, SeveralServices)

    def per_service(self) -> list["ProviderData"]:
        """The data of each registered service: its own commitment and goals, errors pointing into the files.

        A provider of one service has one, itself. The pages, posters and
        checklist that standard 1 asks per service are made from these.
        """
        if self.service_id is not None or not isinstance(self.commitment, SeveralServices):
            return [self]
        return [self._of_service(i, sid, view) for i, (sid, view) in enumerate(self.commitment.commitments())]

    def _of_service(self, index: int, service_id: str, view: Commitment) -> "ProviderData":
        entry = self.commitment.services[index]
        own = entry.model_fields_set - {"id", "centres"}
        centre_index = [self.commitment.centres.index(c) for c in view.centres]
        goals = self.goals.of_service(service_id)

        def in_commitment(path: tuple) -> tuple:
            if path and path[0] in own:
                return ("services", index) + path
            if len(path) > 1 and path[0] == "centres" and isinstance(path[1], int):
                return ("centres", centre_index[path[1]]) + path[2:]
            return path

        indexes = {
            ("strategic", "goals"): [self.goals.strategic.goals.index(g) for g in goals.strategic.goals],
            ("long_term", "goals"): [self.goals.long_term.goals.index(g) for g in goals.long_term.goals],
            ("operational", "plans"): [self.goals.operational.plans.index(p) for p in goals.operational.plans],
        }

        def in_goals(path: tuple) -> tuple:
            known = indexes.get(path[:2])
            if known is not None and len(path) > 2 and isinstance(path[2], int):
                return path[:2] + (known[path[2]],) + path[3:]
            return path

        documents = dict(self.documents)
        documents["commitment"] = _Remapped(self.documents["commitment"], in_commitment)
        documents["goals"] = _Remapped(self.documents["goals"], in_goals)
        return ProviderData(view, goals, self.website, self.services, documents, [],
                            placeholders=self.placeholders, service_id=service_id)


class _Remapped(Document):
    """A document seen through one service's data: its field paths are turned into the file's."""

    def __init__(self, doc: Document, remap):
        super().__init__(doc.file, doc.value, doc.positions)
        self._remap = remap

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        return Document.position(self, self._remap(tuple(path)))

    def problem(self, path: tuple, message: Message, hint: Message | None = None, **kw) -> Problem:
        path = self._remap(tuple(path))
        line, column = Document.position(self, path)
        return Problem(self.file, line, column, format_path(path), message, hint, **kw)


class _Unchanged:
    """Files read and validated before, reused while their text stays the same.

    At national scale ``services.yaml`` takes two seconds to read; the
    preview should not pay them again after an edit to ``goals.yaml``.
    A file's document and model depend on its text only (the day and the
    languages matter only to the checks below, which run every time).
    """

    def __init__(self):
        self._files: dict[Path, tuple[bytes, Document, BaseModel]] = {}

    def get(self, path: Path) -> tuple[bytes | None, tuple[Document, BaseModel] | None]:
        """(the file's bytes now, the document and model read from those same bytes before, if any)."""
        try:
            content = path.read_bytes()
        except OSError:
            return None, None
        known = self._files.get(path)
        if known is None or known[0] != content:
            return content, None
        return content, (known[1], known[2])

    def remember(self, path: Path, content: bytes | None, doc: Document, model: BaseModel) -> None:
        """Keep the document and model read from ``content``."""
        if content is not None:
            self._files[path] = (content, doc, model)


_unchanged = _Unchanged()


def load_data(data_dir: Path, languages: list[str], today: dt.date) -> ProviderData:
    """Read and validate ``data_dir``; raise :class:`DataError` if anything is wrong."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, BaseModel] = {}
    placeholders: list[tuple[str, tuple]] = []
    for name, (filename, model, required) in DATA_FILES.items():
        if not required and not (data_dir / filename).exists():
            continue
        content, reused = _unchanged.get(data_dir / filename)
        if reused is not None:
            documents[name], models[name] = reused
            form = getattr(model, "model_for", lambda value, model=model: model)(reused[0].value)
            placeholders += [(name, path) for path in find_placeholders(content, reused[0].value, form)[0]]
            continue
        try:
            doc = load_document(data_dir / filename) if content is None else load_bytes(content, data_dir / filename)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        documents[name] = doc
        model = getattr(model, "model_for", lambda value, model=model: model)(doc.value)
        marked, value = find_placeholders(content, doc.value, model)
        placeholders += [(name, path) for path in marked]
        try:
            models[name] = model.model_validate(value if value is not None else {})
        except pydantic.ValidationError as exc:
            problems.extend(_problems_from(exc, doc, model))
        else:
            _unchanged.remember(data_dir / filename, content, doc, models[name])
    whole = None
    if all(name in models for name, f in DATA_FILES.items() if f.required):
        whole = ProviderData(documents=documents, **models)
        problems.extend(_check_services(whole))
    if whole is not None and not any(p.is_error for p in problems):
        for view in whole.per_service():
            problems.extend(_check_references({"commitment": view.commitment, "goals": view.goals}, view.documents))
    if "services" in models:
        problems.extend(_check_directory(models["services"], documents["services"]))
    if any(p.is_error for p in problems):
        raise DataError(_once(problems))
    data = whole
    data.placeholders = placeholders
    warnings = problems + _placeholder_warnings(data) + _text_warnings(data, languages)
    for view in data.per_service():
        warnings += _warnings(view, today)
    warnings += translation_sources.mark_outdated(data, data_dir, languages)
    data.warnings = _once(warnings)
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


def _check_services(data: ProviderData) -> list[Problem]:
    """With several registered services: ids, the centres they name, what each needs, goals naming them."""
    commitment, doc, goals_doc = data.commitment, data.documents["commitment"], data.documents["goals"]
    several = isinstance(commitment, SeveralServices)
    ids = [s.id for s in commitment.services] if several else []
    problems = []

    def unknown(path, service_id, msgid):
        close = difflib.get_close_matches(service_id, ids, n=1)
        return goals_doc.problem(
            path, Message(msgid, {"service": service_id}),
            Message("Did you mean “{suggestion}”?", {"suggestion": close[0]}) if close
            else Message("Use one of: {allowed}.", {"allowed": ", ".join(ids)}),
        )

    no_such = N_("There is no service “{service}” under “services:” in commitment.yaml.")
    for group in ("strategic", "long_term"):
        for i, goal in enumerate(getattr(data.goals, group).goals):
            if goal.service is not None and goal.service not in ids:
                problems.append(unknown((group, "goals", i, "service"), goal.service, no_such))
    for i, plan in enumerate(data.goals.operational.plans):
        if plan.service is not None and plan.service not in ids:
            problems.append(unknown(("operational", "plans", i, "service"), plan.service, no_such))
        elif plan.service is None and len(ids) > 1:
            problems.append(goals_doc.problem(
                ("operational", "plans", i),
                Message("The provider has several services; say which one this plan is of."),
                Message("Add “service:” with one of: {allowed}.", {"allowed": ", ".join(ids)}),
            ))
    if not several:
        return problems
    problems.extend(_unique_ids(commitment.services, ("services",), doc))
    centre_ids = [c.id for c in commitment.centres]
    for i, entry in enumerate(commitment.services):
        for name in ("refusal", "principles"):
            if getattr(entry, name) is None and getattr(commitment, name) is None:
                problems.append(doc.problem(
                    ("services", i),
                    Message("The service “{service}” has no “{field}”, and there is none shared at the top of the file.",
                            {"service": entry.id, "field": name}),
                    Message("Add “{field}:” to the service, or at the top of the file for every service.", {"field": name}),
                ))
        for j, centre in enumerate(entry.centres):
            if centre not in centre_ids:
                close = difflib.get_close_matches(centre, centre_ids, n=1)
                problems.append(doc.problem(
                    ("services", i, "centres", j),
                    Message("There is no centre “{centre}” in commitment.yaml.", {"centre": centre}),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]}) if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(centre_ids)}),
                ))
    return problems



def _placeholder_warnings(data: ProviderData) -> list[Problem]:
    """One warning per file that still has placeholders, at the first one."""
    out = []
    for name, doc in data.documents.items():
        paths = [path for file, path in data.placeholders if file == name]
        if paths:
            out.append(
                doc.problem(
                    paths[0],
                    Message("Values of this file still marked as placeholders [DOPLNIT]: {count}.", {"count": len(paths)}),
                    Message("Replace each with your own text; “zavazek check” lists them all."),
                    severity=Severity.WARNING,
                )
            )
    return out


# --- pydantic errors -> problems ---------------------------------------------

_TYPE_MESSAGES = {
    "missing": (
        N_("The field “{field}” is missing."),
        N_("Add it: {description} “zavazek new” writes a complete file with every field explained."),
    ),
    "string_type": (N_("Expected a text."), N_("Write the value after the colon on the same line.")),
    "list_type": (N_("Expected a list."), N_("Write each item on its own line starting with “- ”.")),
    "model_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "dict_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "model_attributes_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "too_short": (N_("This list needs at least {min_length} item(s)."), N_("Add the missing items.")),
    "bool_parsing": (N_("“{value}” is not yes or no."), N_("Write true or false.")),
    "bool_type": (N_("“{value}” is not yes or no."), N_("Write true or false.")),
}


def _problems_from(exc: pydantic.ValidationError, doc: Document, model: type[BaseModel]) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        if kind == "zavazek":
            message = Message(ctx["msgid"], _plain(ctx))
            hint = Message(ctx["hint"], _plain(ctx)) if ctx.get("hint") else None
        elif kind == "extra_forbidden":
            allowed = _allowed_keys(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            message = Message("Unknown field “{key}”.", {"key": loc[-1]})
            hint = (
                Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                if close
                else Message("Allowed here: {allowed}.", {"allowed": ", ".join(allowed)})
            )
        elif kind in _TYPE_MESSAGES:
            msgid, hintid = _TYPE_MESSAGES[kind]
            params = {"field": loc[-1] if loc else "", "value": value, **_plain(ctx)}
            if kind == "missing":
                params["description"] = _description(model, loc)
            message, hint = Message(msgid, params), Message(hintid, params)
            if kind == "missing":
                loc = loc[:-1] + (loc[-1],)
        else:  # a pydantic message we have no wording for: show it as it is
            message = Message("{detail}", {"detail": err["msg"]})
            hint = None
        out.append(doc.problem(loc, message, hint))
    return out


def _description(model: type, loc: tuple) -> PerLanguage:
    """What the field at ``loc`` is, per language (English for a language without its own)."""
    parent = _unwrap(_annotation_at(model, loc[:-1]))
    text = describe(parent, str(loc[-1])) if isinstance(parent, type) and loc else None
    return PerLanguage(text or {"en": ""})


def _plain(ctx: dict) -> dict:
    return {k: v for k, v in ctx.items() if k not in ("msgid", "hint")}


def _allowed_keys(model: type, loc: tuple) -> list[str]:
    """Field names (aliases) of the model found at ``loc`` inside ``model``."""
    current = _unwrap(_annotation_at(model, loc))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _annotation_at(model: type, loc: tuple):
    """The annotation of the value at ``loc`` inside ``model`` (None when there is no such field)."""
    current = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            f = next(
                (f for name, f in current.model_fields.items() if (f.alias or name) == part),
                None,
            )
            current = f.annotation if f else None
        else:
            return None
    return current


def _unwrap(tp):
    """Strip Optional / Annotated so that list[X] and models remain."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


# --- references between files -------------------------------------------------


def _check_references(models: dict, documents: dict) -> list[Problem]:
    commitment: Commitment = models["commitment"]
    goals: Goals = models["goals"]
    problems = []
    centre_ids = [c.id for c in commitment.centres]
    seen_plans: dict[tuple, int] = {}
    for i, plan in enumerate(goals.operational.plans):
        path = ("operational", "plans", i, "centre")
        if plan.centre not in centre_ids:
            close = difflib.get_close_matches(plan.centre, centre_ids, n=1)
            problems.append(
                documents["goals"].problem(
                    path,
                    Message(
                        "There is no centre “{centre}” in commitment.yaml.",
                        {"centre": plan.centre},
                    ),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                    if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(centre_ids)}),
                )
            )
        key = (plan.centre, plan.year)
        if key in seen_plans:
            problems.append(
                documents["goals"].problem(
                    path,
                    Message(
                        "The centre “{centre}” has two plans for {year}.",
                        {"centre": plan.centre, "year": plan.year},
                    ),
                    Message("Put all goals of one year into one plan."),
                )
            )
        seen_plans[key] = i
    for name, items, where in (
        ("commitment", commitment.centres, ("centres",)),
        ("commitment", commitment.target_groups, ("target_groups",)),
        ("commitment", commitment.principles, ("principles",)),
        ("commitment", commitment.refusal.grounds, ("refusal", "grounds")),
        ("goals", goals.strategic.goals, ("strategic", "goals")),
        ("goals", goals.long_term.goals, ("long_term", "goals")),
    ):
        problems.extend(_unique_ids(items, where, documents[name]))
    for i, plan in enumerate(goals.operational.plans):
        problems.extend(_unique_ids(plan.goals, ("operational", "plans", i, "goals"), documents["goals"]))
    return problems


def _check_directory(directory: Directory, doc: Document) -> list[Problem]:
    """Checks across fields of services.yaml: identifiers, organisations, districts."""
    problems = []
    problems.extend(_unique_ids(directory.organisations, ("organisations",), doc))
    problems.extend(_unique_ids(directory.services, ("services",), doc))
    problems.extend(_unique_ids(directory.places, ("places",), doc))
    for k, place in enumerate(directory.places):
        if not place.located:
            problems.append(
                doc.problem(
                    ("places", k),
                    Message("The shared place “{place}” has no address.", {"place": place.id}),
                    Message("Add “address:” with street, city and postcode."),
                )
            )
    shared_ids = [p.id for p in directory.places]
    organisation_ids = [o.id for o in directory.organisations]
    for i, service in enumerate(directory.services):
        problems.extend(_unique_ids(service.places, ("services", i, "places"), doc))
        if service.organisation not in organisation_ids:
            close = difflib.get_close_matches(service.organisation, organisation_ids, n=1)
            problems.append(
                doc.problem(
                    ("services", i, "organisation"),
                    Message(
                        "There is no organisation “{organisation}” in services.yaml.",
                        {"organisation": service.organisation},
                    ),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                    if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(organisation_ids)}),
                )
            )
        for j, place in enumerate(service.places):
            if place.area is not None:
                for k, district in enumerate(place.area.districts):
                    region, name = codes.DISTRICTS[district]
                    if region not in service.regions:
                        problems.append(doc.problem(
                            ("services", i, "places", j, "area", "districts", k),
                            Message(
                                "The district {district} ({name}) of the area “{place}” is not in any of this service's regions ({regions}).",
                                {"district": district, "name": name, "place": place.id,
                                 "regions": ", ".join(service.regions)},
                            ),
                            Message("Add its region {region} to “regions”, or check the district code.",
                                    {"region": region}),
                        ))
            if not place.located:
                close = difflib.get_close_matches(place.id, shared_ids, n=1)
                problems.append(
                    doc.problem(
                        ("services", i, "places", j, "id"),
                        Message(
                            "The place “{place}” has no address, and there is no shared place “{place}” under “places:”.",
                            {"place": place.id},
                        ),
                        Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                        if close
                        else Message("Add “address:”, or describe the place once under “places:” at the top of the file."),
                    )
                )
            if place.region is None and len(service.regions) > 1 and not place.area_regions:
                problems.append(
                    doc.problem(
                        ("services", i, "places", j),
                        Message(
                            "The service has several regions; say in which one the place “{place}” is.",
                            {"place": place.id},
                        ),
                        Message("Add “region:” with one of: {allowed}.", {"allowed": ", ".join(service.regions)}),
                    )
                )
            elif place.region is not None and place.region not in service.regions:
                problems.append(
                    doc.problem(
                        ("services", i, "places", j, "region"),
                        Message(
                            "The place “{place}” is in {region}, which is not one of this service's regions.",
                            {"place": place.id, "region": place.region},
                        ),
                        Message("Use one of: {allowed}.", {"allowed": ", ".join(service.regions)}),
                    )
                )
        for j, district in enumerate(service.districts):
            region, name = codes.DISTRICTS[district]
            if region not in service.regions:
                problems.append(
                    doc.problem(
                        ("services", i, "districts", j),
                        Message(
                            "The district {district} ({name}) is not in any of this service's regions ({regions}).",
                            {"district": district, "name": name, "regions": ", ".join(service.regions)},
                        ),
                        Message("Add its region {region} to “regions”, or check the district code.", {"region": region}),
                    )
                )
    return problems


def _unique_ids(items, where: tuple, doc: Document) -> list[Problem]:
    seen = {}
    out = []
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(
                doc.problem(
                    where + (i, "id"),
                    Message(
                        "The identifier “{id}” is used twice (first in item {first}).",
                        {"id": item.id, "first": seen[item.id] + 1},
                    ),
                    Message("Give each item its own identifier."),
                )
            )
        seen.setdefault(item.id, i)
    return out


# --- warnings ------------------------------------------------------------------


def _text_warnings(data: ProviderData, languages: list[str]) -> list[Problem]:
    out = []
    for name in data.documents:
        doc = data.documents[name]
        for path, text in iter_texts(getattr(data, name)):
            missing = [lang for lang in languages if text.get(lang) is None]
            if missing:
                out.append(
                    doc.problem(
                        path,
                        Message(
                            "No text in: {languages}. Readers of those languages see the text in {fallback}.",
                            {"languages": ", ".join(missing), "fallback": _first(text, languages)},
                        ),
                        severity=Severity.WARNING,
                    )
                )
            extra = sorted(text.languages() - set(languages))
            if extra:
                out.append(
                    doc.problem(
                        path + (extra[0],),
                        Message(
                            "The site is not published in {languages}, so this text is not shown.",
                            {"languages": ", ".join(extra)},
                        ),
                        Message("Add the language to mkdocs.yml, or check the language code."),
                        severity=Severity.WARNING,
                    )
                )
    return out


def _warnings(data: ProviderData, today: dt.date) -> list[Problem]:
    """Warnings about one service's data: dates passed, the directory saying other ages."""
    out = []
    if data.services is not None:
        out.extend(_directory_warnings(data.services, data.documents["services"], today))
        out.extend(_age_contradictions(data))
    goals = data.goals
    doc = data.documents["goals"]
    for group_name in ("strategic", "long_term"):
        group = getattr(goals, group_name)
        for i, goal in enumerate(group.goals):
            due = effective_deadline(goal, group, today.year)
            if due is not None and due < today:
                out.append(
                    doc.problem(
                        (group_name, "goals", i, "deadline") if goal.deadline else (group_name, "deadline"),
                        Message(
                            "The deadline {date} of goal “{id}” has passed.",
                            {"date": due.isoformat(), "id": goal.id},
                        ),
                        Message("Evaluate the goal and set a new one with a new deadline."),
                        severity=Severity.WARNING,
                    )
                )
    current = {p.centre for p in goals.plans_for(today.year)}
    for i, plan in enumerate(goals.operational.plans):
        # An old plan beside this year's one is history, not a reminder.
        if plan.year < today.year and plan.centre not in current:
            out.append(
                doc.problem(
                    ("operational", "plans", i, "year"),
                    Message(
                        "The operational goals of centre “{centre}” are for {year}, not for {current}.",
                        {"centre": plan.centre, "year": plan.year, "current": today.year},
                    ),
                    Message("Add this year's plan; old plans stay published as history."),
                    severity=Severity.WARNING,
                )
            )
    return out


def _own_organisations(data: ProviderData) -> set[str]:
    """Directory organisations that are the provider itself: same IČO, web address or e-mail."""
    provider = data.commitment.provider
    return {
        o.id for o in data.services.organisations
        if (o.ico and o.ico == provider.ico) or (o.website and o.website == provider.website)
        or (o.email and o.email == provider.email)
    }


def _age_contradictions(data: ProviderData) -> list[Problem]:
    """The provider's own directory entries giving other ages than its commitment, per target group."""
    own = _own_organisations(data)
    promised = {
        g.registry_category: (i, g.age) for i, g in enumerate(data.commitment.target_groups) if g.age is not None
    }
    commitment_doc, doc = data.documents["commitment"], data.documents["services"]
    out = []
    for s, service in enumerate(data.services.services):
        if service.organisation not in own:
            continue
        for t, group in enumerate(service.target_groups):
            if group.age is None or group.category not in promised:
                continue
            i, age = promised[group.category]
            if (age.from_, age.to) != (group.age.from_, group.age.to):
                line, _ = commitment_doc.position(("target_groups", i, "age"))
                out.append(
                    doc.problem(
                        ("services", s, "target_groups", t, "age"),
                        Message(
                            "The directory gives the ages {listed} for service “{service}”, "
                            "but the commitment promises {promised} (commitment.yaml, line {line}).",
                            {"listed": group.age.label(), "service": service.id, "promised": age.label(), "line": line},
                        ),
                        Message("Write the same ages in both files: readers see both."),
                        severity=Severity.WARNING,
                    )
                )
    return out


def _directory_warnings(directory: Directory, doc: Document, today: dt.date) -> list[Problem]:
    """Records nobody has checked for ``settings.stale_after_months``.

    A service that has ended (``runs.until`` in the past) is not a problem: it
    stays in the data as history and leaves the listings by itself.
    """
    out = []
    months = directory.settings.stale_after_months
    limit = months_before(today, months)
    for i, service in enumerate(directory.services):
        if service.verified_on < limit:
            out.append(
                doc.problem(
                    ("services", i, "verified_on"),
                    Message(
                        "Nobody has verified the service “{id}” since {date}, more than {months} months ago.",
                        {"id": service.id, "date": service.verified_on.isoformat(), "months": months},
                    ),
                    Message("Check the record with the organisation and write today's date in “verified_on”."),
                    severity=Severity.WARNING,
                )
            )
    return out


def _first(text: Text, languages: list[str]) -> str:
    for lang in languages:
        if text.get(lang):
            return lang
    return sorted(text.languages())[0]


def iter_texts(obj, path: tuple = ()):
    """Yield (field path, Text) for every reader-facing text inside a model."""
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel) and not isinstance(obj, RootModel):
        for name, info in type(obj).model_fields.items():
            yield from iter_texts(getattr(obj, name), path + (info.alias or name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_texts(item, path + (i,))
