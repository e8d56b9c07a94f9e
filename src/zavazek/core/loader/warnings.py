"""Warnings: what does not stop the site, but staff should see to.

Placeholders still in the files, texts missing in a language of the site (or
written in one it does not publish), deadlines passed, last year's plans,
directory records nobody has verified lately, and the provider's own
directory entries giving other ages than its commitment.
"""

from __future__ import annotations

import datetime as dt

from zavazek.core.model import Directory
from zavazek.core.model.goals import effective_deadline
from zavazek.core.model.services import months_before
from zavazek.core.model.texts import texts_in
from zavazek.core.model.types import Text
from zavazek.core.problems import Message, Problem, Severity
from zavazek.core.provider import ProviderData
from zavazek.core.yamlsource import Document


def placeholder_warnings(data: ProviderData) -> list[Problem]:
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


def text_warnings(data: ProviderData, languages: list[str]) -> list[Problem]:
    """Texts missing in a language of the site, or written in a language it does not publish."""
    out = []
    for name in data.documents:
        doc = data.documents[name]
        for path, text in texts_in(getattr(data, name), name):
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


def service_warnings(data: ProviderData, today: dt.date) -> list[Problem]:
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
