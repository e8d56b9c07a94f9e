"""A checklist: every criterion of the catalogue with its status for one provider on one day."""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from pathlib import Path

from zavazek.site import cldr
from zavazek.core import i18n
from zavazek.core.checks.catalogue import ACTS, WORDING_STATUS, Criterion, load_catalogue
from zavazek.core.model.codes import N_
from zavazek.core.problems import Message

#: Where the JSON report is published in the built site.
REPORT_PATH = "kontrola/checklist.json"


def report_path(service_id: str | None) -> str:
    """``kontrola/checklist.json``, or ``kontrola/<service>/checklist.json`` with several services."""
    return REPORT_PATH if service_id is None else f"kontrola/{service_id}/checklist.json"


def run_checklists(data, project, day: dt.date) -> dict[str | None, "Report"]:
    """{service id: its report}: standard 1 is judged per registered service (one service: key None)."""
    return {view.service_id: run_checklist(view, project, day) for view in data.per_service()}
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


@dataclass(frozen=True)
class Place:
    """Where something is (or belongs) in the data: file, line, field path."""

    file: str  # relative to the site folder, e.g. "data/commitment.yaml"
    line: int | None
    path: str

    def __str__(self) -> str:
        line = f":{self.line}" if self.line else ""
        return f"{self.file}{line} ({self.path})" if self.path else f"{self.file}{line}"


@dataclass(frozen=True)
class Link:
    """A page of the site (slug as in :data:`zavazek.site.pages.PAGES`) and an anchor on it."""

    page: str
    anchor: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing found: a gap to fix (with the place in the data) or a piece of evidence."""

    message: Message
    place: Place | None = None
    lang: str | None = None  # the site language the finding concerns
    link: Link | None = None
    fix: Message | None = None


@dataclass
class Outcome:
    """What a rule found: met or not, the evidence on the site, and the gaps."""

    met: bool | None  # None: not checkable
    evidence: list[Link] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


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

    def to_json(self, page_url) -> dict:
        """The machine-readable report; ``page_url(link, lang)`` makes a link's site URL."""
        def text(message: Message) -> dict:
            return {lang: message.render(lang) for lang in self.languages}

        return {
            "report": "zavazek-checklist",
            "version": 1,
            "date": self.day.isoformat(),
            "languages": list(self.languages),
            "summary": {status.value: n for status, n in self.counts().items()},
            "key_criteria_not_met": [r.criterion.id for r in self.key_failures],
            "criteria": [
                {
                    "id": r.criterion.id,
                    "status": r.status.value,
                    "key": r.criterion.key,
                    "severity": r.criterion.severity,
                    "source": {
                        **r.criterion.source.model_dump(exclude_none=True),
                        "citation": {lang: r.criterion.source.citation(i18n.gettext_for(lang)) for lang in self.languages},
                        "act_name": text(Message(ACTS[r.criterion.source.act][1])),
                        **({"url": url} if (url := r.criterion.source.official_url()) else {}),
                    },
                    "requirement": {lang: r.criterion.requirement.get(lang) for lang in self.languages
                                    if r.criterion.requirement.get(lang)},
                    "evidence_checked": {lang: r.criterion.evidence.get(lang) for lang in self.languages
                                         if r.criterion.evidence.get(lang)},
                    "wording": self._wording(r.criterion),
                    "evidence": [
                        {"page": link.page, "anchor": link.anchor,
                         "url": {lang: page_url(link, lang) for lang in self.languages}}
                        for link in r.outcome.evidence
                    ],
                    "findings": [
                        {
                            "message": text(f.message),
                            **({"fix": text(f.fix)} if f.fix else {}),
                            **({"language": f.lang} if f.lang else {}),
                            **({"url": page_url(f.link, f.lang or self.languages[0])} if f.link else {}),
                            **({"file": f.place.file, "line": f.place.line, "field": f.place.path} if f.place else {}),
                        }
                        for f in r.outcome.findings
                    ],
                }
                for r in self.results
            ],
            "not_applicable": [c.id for c in self.not_applicable],
            "translations": self.translations,
        }

    def _wording(self, criterion: Criterion) -> dict:
        """How the wording was checked; ``source`` and ``note`` in each language of the site."""
        w = criterion.wording
        out = w.model_dump(mode="json", exclude_none=True, exclude={"note", "references"})
        lines = {lang: line for lang in self.languages if (line := w.source_line(criterion.source, lang))}
        if lines:
            out["source"] = lines
        if w.note:
            out["note"] = {lang: w.note.get(lang) for lang in self.languages if w.note.get(lang)}
        if w.references:
            out["references"] = [ref.model_dump(mode="json", exclude_none=True) for ref in w.references]
        out["label"] = {lang: Message(WORDING_STATUS[w.status]).render(lang) for lang in self.languages}
        return out

    def format_text(self, lang: str, also: str | None = None) -> str:
        """The report for a terminal in ``lang``; findings and totals also in ``also`` (staff's Czech and English).

        One line per finding; a fix shared by consecutive findings (each placeholder) is said once after them.
        """
        gettext = i18n.gettext_for(lang)
        voices = [lang] + ([also] if also and also != lang else [])

        def both(render) -> str:
            return " / ".join(render(v) for v in voices)

        lines = []
        for r in self.results:
            c = r.criterion
            key = " *" if c.key else ""
            lines.append(
                f"{r.status.symbol} {c.id}{key}  {c.source.citation(gettext)}  "
                f"[{gettext(r.status.label)}]"
            )
            lines.append(f"    {c.requirement.get(lang) or c.requirement.get('en')}")
            findings = r.outcome.findings
            for i, f in enumerate(findings):
                where = f" – {f.place}" if f.place else ""
                lang_mark = f"[{f.lang}] " if f.lang else ""
                lines.append(f"    · {lang_mark}{both(f.message.render)}{where}")
                if f.fix and (i + 1 == len(findings) or findings[i + 1].fix != f.fix):
                    lines.append(f"      → {both(f.fix.render)}")
        counts = self.counts()
        lines.append("")
        for v in voices:
            lines.append(
                i18n.gettext_for(v)("{date}: {met} met, {not_met} not met, {warning} warnings, {unchecked} not checkable here.").format(
                    date=cldr.format_date(self.day, v, "medium"),
                    met=counts[Status.MET],
                    not_met=counts[Status.NOT_MET],
                    warning=counts[Status.WARNING],
                    unchecked=counts[Status.NOT_CHECKABLE],
                )
            )
        if self.key_failures:
            ids = ", ".join(r.criterion.id for r in self.key_failures)
            for v in voices:
                lines.append(i18n.gettext_for(v)("Key criteria not met (*): {ids}").format(ids=ids))
        return "\n".join(lines)


def run_checklist(data, project, day: dt.date) -> Report:
    """Evaluate every criterion of the catalogue against a provider's validated data."""
    from zavazek.core.checks.rules import RULES, Context

    context = Context(data=data, project=project, day=day, languages=tuple(project.languages))
    results, not_applicable = [], []
    for criterion in load_catalogue():
        if not criterion.checkable:
            rule = RULES.get(criterion.id)
            outcome = rule(context) if rule else Outcome(met=None)
            results.append(Result(criterion, Status.NOT_CHECKABLE, outcome))
            continue
        outcome = RULES[criterion.id](context)
        if outcome is None:
            not_applicable.append(criterion)
            continue
        if outcome.met:
            status = Status.MET
        else:
            status = Status.NOT_MET if criterion.severity == "required" else Status.WARNING
        results.append(Result(criterion, status, outcome))
    from zavazek.core.translations.texts import counts

    return Report(day=day, languages=tuple(project.languages), results=results, not_applicable=not_applicable,
                  translations=counts(data, project.languages, project.default_language),
                  service_id=data.service_id)


def report_json_text(report: Report, project) -> str:
    from zavazek.site.urls import page_url

    from zavazek.site.urls import per_service_slug

    def url(link: Link, lang: str) -> str:
        return page_url(per_service_slug(link.page, report.service_id), lang, project.default_language) + (f"#{link.anchor}" if link.anchor else "")

    return json.dumps(report.to_json(url), ensure_ascii=False, indent=1)
