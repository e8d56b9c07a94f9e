"""A checklist: every criterion of the catalogue with its status for one provider on one day."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from zavazek.core.checks.catalogue import Criterion, load_catalogue
from zavazek.core.checks.findings import Outcome
from zavazek.core.checks.rules import RULES, Context
from zavazek.core.model.codes import N_
from zavazek.core.translations.texts import counts


#: The JSON Schema of the published report (:mod:`zavazek.site.report` writes it).
REPORT_SCHEMA = Path(__file__).with_name("report.schema.json")


class Status(str, enum.Enum):
    MET = "met"
    NOT_MET = "not_met"
    WARNING = "warning"
    NOT_CHECKABLE = "not_checkable"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def symbol(self) -> str:
        return {"met": "✔", "not_met": "✘", "warning": "!", "not_checkable": "–"}[self.value]


_STATUS_LABELS = {
    Status.MET: N_("met"),
    Status.NOT_MET: N_("not met"),
    Status.WARNING: N_("warning"),
    Status.NOT_CHECKABLE: N_("not checkable here"),
}


@dataclass
class Result:
    criterion: Criterion
    status: Status
    outcome: Outcome


@dataclass
class Report:
    day: dt.date
    languages: tuple[str, ...]
    results: list[Result]
    not_applicable: list[Criterion]
    #: Per language other than the default: texts whose translation is current, outdated, missing.
    translations: dict[str, dict[str, int]] = field(default_factory=dict)
    service_id: str | None = None  # the registered service judged, when the provider has several

    def counts(self) -> dict[Status, int]:
        counts = {status: 0 for status in Status}
        for result in self.results:
            counts[result.status] += 1
        return counts

    @property
    def key_failures(self) -> list[Result]:
        """Key criteria that are not met: ``zavazek check --strict`` fails on these."""
        return [r for r in self.results if r.criterion.key and r.status is Status.NOT_MET]


#: Criteria judged only when the register was given (``zavazek check --registry``, ``data/registry.yaml``):
#: without it they are left out of the report, so a site without a snapshot publishes the same checklist.
NEEDS_REGISTRY = ("reg-match",)


def run_checklist(data, project, day: dt.date, registry=None) -> Report:
    """Evaluate every criterion of the catalogue against a provider's validated data.

    ``registry`` (a :class:`~zavazek.core.checks.registry_match.RegistryCheck`) brings the register's
    records for ``reg-match``; None leaves that criterion out.
    """
    context = Context(data=data, project=project, day=day, languages=tuple(project.languages), registry=registry)
    results, not_applicable = [], []
    for criterion in load_catalogue():
        if registry is None and criterion.id in NEEDS_REGISTRY:
            continue
        if not criterion.checkable:
            rule = RULES.get(criterion.id)
            outcome = rule(context) if rule else Outcome(met=None)
            results.append(Result(criterion, Status.NOT_CHECKABLE, outcome))
            continue
        outcome = RULES[criterion.id](context)
        if outcome is None:
            not_applicable.append(criterion)
            continue
        if outcome.met is None:  # checkable, but not with what was given (e.g. no register's snapshot)
            status = Status.NOT_CHECKABLE
        elif outcome.met:
            status = Status.MET
        else:
            status = Status.NOT_MET if criterion.severity == "required" else Status.WARNING
        results.append(Result(criterion, status, outcome))
    return Report(day=day, languages=tuple(project.languages), results=results, not_applicable=not_applicable,
                  translations=counts(data, project.languages, project.default_language),
                  service_id=data.service_id)


def run_checklists(data, project, day: dt.date, *, compare_registry: bool = False,
                   snapshot=None) -> dict[str | None, "Report"]:
    """{service id: its report}: standard 1 is judged per registered service (one service: key None).

    With ``compare_registry``, ``reg-match`` compares the commitment with ``snapshot``, the register's
    records of the provider (:class:`~zavazek.core.registry.snapshot.Snapshot`), or is not checkable
    when it is None; without, the criterion is left out. Registered services missing from the
    commitment are listed in the first service's report.
    """
    views = data.per_service()
    if not compare_registry:
        return {view.service_id: run_checklist(view, project, day) for view in views}
    from zavazek.core.checks.registry_match import RegistryCheck

    published = tuple(v.commitment.service.registry_id for v in views if v.commitment.service.registry_id)
    return {view.service_id: run_checklist(view, project, day, RegistryCheck(snapshot, published, i == 0))
            for i, view in enumerate(views)}
