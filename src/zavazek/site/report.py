"""The compliance checklist as the site and the command line show it.

The core judges (:mod:`zavazek.core.checks`: statuses, findings, dates,
links as page key and anchor); this module words dates for a language and
turns page keys into addresses: the published JSON report
(``kontrola/checklist.json``), the checklist page's data, and the text for a
terminal.
"""

from __future__ import annotations

import json

from zavazek.core import i18n
from zavazek.core.checks import Report, Status
from zavazek.core.checks.catalogue import ACTS, WORDING_STATUS, Criterion, Source, Wording
from zavazek.core.checks.findings import Link
from zavazek.core.problems import Message
from zavazek.core.project import Project
from zavazek.site import cldr, sitemap
from zavazek.site.sitemap import SiteMap


def source_line(wording: Wording, source: Source, lang: str, gettext=None) -> str | None:
    """"Act No. 108/2006 Coll., on social services, as in force from 1 July 2026; read in …" in ``lang``."""
    if not wording.read_in_collection(source):
        return None
    gettext = gettext or i18n.gettext_for(lang)
    act = gettext(ACTS[source.act][1])
    if wording.in_force_from:
        act = gettext("{act}, as in force from {date}").format(
            act=act, date=cldr.format_date(wording.in_force_from, lang)
        )
    if wording.status == "confirmed":
        read = gettext("read in the official text")
    elif wording.read_in:
        read = gettext("read in a full-text copy ({copy})").format(copy=wording.read_in)
    else:
        read = gettext("read in a full-text copy")
    return f"{act}; {read}"


# --- the JSON report ------------------------------------------------------------


def json_text(report: Report, project: Project) -> str:
    """The machine-readable report, as published beside the checklist page (:func:`sitemap.checklist_report`)."""
    return json.dumps(report_json(report, SiteMap.of(project)), ensure_ascii=False, indent=1)


def report_json(report: Report, site: SiteMap) -> dict:
    """The machine-readable report (see ``zavazek/core/checks/report.schema.json``)."""
    languages = report.languages

    def text(message: Message) -> dict:
        return {lang: message.render(lang) for lang in languages}

    def url(link: Link, lang: str) -> str:
        path, anchor = sitemap.section(link.page, link.anchor, report.service_id)
        return site.url(path, lang, anchor)

    def evidence(link: Link) -> dict:
        path, anchor = sitemap.section(link.page, link.anchor, report.service_id)
        return {"page": path, "anchor": anchor, "url": {lang: site.url(path, lang, anchor) for lang in languages}}

    return {
        "report": "zavazek-checklist",
        "version": 1,
        "date": report.day.isoformat(),
        "languages": list(languages),
        "summary": {status.value: n for status, n in report.counts().items()},
        "key_criteria_not_met": [r.criterion.id for r in report.key_failures],
        "criteria": [
            {
                "id": r.criterion.id,
                "status": r.status.value,
                "key": r.criterion.key,
                "severity": r.criterion.severity,
                "source": {
                    **r.criterion.source.model_dump(exclude_none=True),
                    "citation": {lang: r.criterion.source.citation(i18n.gettext_for(lang)) for lang in languages},
                    "act_name": text(Message(ACTS[r.criterion.source.act][1])),
                    **({"url": official} if (official := r.criterion.source.official_url()) else {}),
                },
                "requirement": {lang: r.criterion.requirement.get(lang) for lang in languages
                                if r.criterion.requirement.get(lang)},
                "evidence_checked": {lang: r.criterion.evidence.get(lang) for lang in languages
                                     if r.criterion.evidence.get(lang)},
                "wording": _wording(r.criterion, languages),
                "evidence": [evidence(link) for link in r.outcome.evidence],
                "findings": [
                    {
                        "message": text(f.message),
                        **({"fix": text(f.fix)} if f.fix else {}),
                        **({"language": f.lang} if f.lang else {}),
                        **({"url": url(f.link, f.lang or languages[0])} if f.link else {}),
                        **({"file": f.place.file, "line": f.place.line, "field": f.place.path} if f.place else {}),
                    }
                    for f in r.outcome.findings
                ],
            }
            for r in report.results
        ],
        "not_applicable": [c.id for c in report.not_applicable],
        "translations": report.translations,
    }


def _wording(criterion: Criterion, languages: tuple[str, ...]) -> dict:
    """How the wording was checked; ``source`` and ``note`` in each language of the site."""
    w = criterion.wording
    out = w.model_dump(mode="json", exclude_none=True, exclude={"note", "references"})
    lines = {lang: line for lang in languages if (line := source_line(w, criterion.source, lang))}
    if lines:
        out["source"] = lines
    if w.note:
        out["note"] = {lang: w.note.get(lang) for lang in languages if w.note.get(lang)}
    if w.references:
        out["references"] = [ref.model_dump(mode="json", exclude_none=True) for ref in w.references]
    out["label"] = {lang: Message(WORDING_STATUS[w.status]).render(lang) for lang in languages}
    return out


# --- the checklist page ---------------------------------------------------------------


def terminal_text(report: Report, lang: str, also: str | None = None) -> str:
    """The report for a terminal in ``lang``; findings and totals also in ``also`` (staff's Czech and English).

    One line per finding; a fix shared by consecutive findings (each placeholder) is said once after them.
    """
    gettext = i18n.gettext_for(lang)
    voices = [lang] + ([also] if also and also != lang else [])

    def both(render) -> str:
        return " / ".join(render(v) for v in voices)

    lines = []
    for r in report.results:
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
    counts = report.counts()
    lines.append("")
    for v in voices:
        lines.append(
            i18n.gettext_for(v)("{date}: {met} met, {not_met} not met, {warning} warnings, {unchecked} not checkable here.").format(
                date=cldr.format_date(report.day, v, "medium"),
                met=counts[Status.MET],
                not_met=counts[Status.NOT_MET],
                warning=counts[Status.WARNING],
                unchecked=counts[Status.NOT_CHECKABLE],
            )
        )
    if report.key_failures:
        ids = ", ".join(r.criterion.id for r in report.key_failures)
        for v in voices:
            lines.append(i18n.gettext_for(v)("Key criteria not met (*): {ids}").format(ids=ids))
    return "\n".join(lines)
