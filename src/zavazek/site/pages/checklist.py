"""The compliance checklist's page: its view, made from one service's checklist report.

:func:`checklist` turns the report the checks computed (the core's
:class:`~zavazek.core.checks.checklist.Report`) into :class:`ChecklistView`:
every citation, message and link already in the page's language, so the
template only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zavazek.core import i18n
from zavazek.core.checks.catalogue import WORDING_STATUS
from zavazek.core.checks.checklist import Status
from zavazek.site import report as report_text
from zavazek.site import sitemap
from zavazek.site.links import Links
from zavazek.site.pages import section_title
from zavazek.site.pages.formatting import Formatter


@dataclass(frozen=True)
class Counts:
    met: int
    not_met: int
    warning: int
    not_checkable: int


@dataclass(frozen=True)
class Reference:
    title: str
    lang: str
    url: str | None
    checked_on: str  # formatted date, or ""


@dataclass(frozen=True)
class Finding:
    message: str
    language: str  # the name of the language it concerns, or ""
    href: str | None
    hreflang: str | None  # set when the link leads to a page in another language
    place: str
    fix: str


@dataclass(frozen=True)
class Evidence:
    href: str
    title: str


@dataclass(frozen=True)
class Row:
    id: str
    requirement: Any  # data texts
    evidence_text: Any
    citation: str
    official_url: str | None
    official_hreflang: str | None  # the official text is Czech only (e-Sbírka)
    official_site: str | None
    key: bool
    wording_label: str
    wording_checked_on: str
    quote: str | None
    source_line: str | None
    references: tuple[Reference, ...]
    note: Any
    has_details: bool  # a "wording and source" box
    status: str  # the status's value, for its class
    status_symbol: str
    status_label: str
    findings: tuple[Finding, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class NotApplicable:
    citation: str
    requirement: Any


@dataclass(frozen=True)
class KeyFailure:
    id: str
    citation: str


@dataclass(frozen=True)
class ChecklistView:
    day: str  # when it was computed, formatted
    counts: Counts
    key_failures: tuple[KeyFailure, ...]
    report: str  # site path of the same report as JSON
    rows: tuple[Row, ...]
    not_applicable: tuple[NotApplicable, ...]


def _finding(f, fmt: Formatter, links: Links, service_id: str | None) -> Finding:
    gettext, lang = fmt.gettext, fmt.lang
    href = hreflang = None
    if f.link:
        path, anchor = sitemap.section(f.link.page, f.link.anchor, service_id)
        if f.lang and f.lang != lang:
            href, hreflang = links.in_language(f.lang, path, anchor), f.lang
        else:
            href = links.page(path, anchor)
    return Finding(
        message=f.message.render(lang, gettext),
        language=i18n.language_name(f.lang) if f.lang else "",
        href=href, hreflang=hreflang,
        place=str(f.place) if f.place else "",
        fix=f.fix.render(lang, gettext) if f.fix else "",
    )


def _row(result, fmt: Formatter, links: Links, service_id: str | None) -> Row:
    c, gettext, lang = result.criterion, fmt.gettext, fmt.lang
    wording = c.wording
    source_line = report_text.source_line(wording, c.source, lang, gettext)
    references = tuple(
        Reference(ref.title, ref.lang, ref.url, fmt.date(ref.checked_on))
        for ref in wording.references
    )
    evidence = tuple(
        Evidence(links.page(*sitemap.section(link.page, link.anchor, service_id)),
                 section_title(link.page, link.anchor, gettext))
        for link in result.outcome.evidence
    )
    return Row(
        id=c.id, requirement=c.requirement, evidence_text=c.evidence,
        citation=c.source.citation(gettext),
        official_url=c.source.official_url(),
        official_hreflang="cs" if c.source.official_site == "e-Sbírka" else None,
        official_site=c.source.official_site,
        key=c.key,
        wording_label=fmt.label(WORDING_STATUS[wording.status]),
        wording_checked_on=fmt.date(wording.checked_on),
        quote=wording.quote, source_line=source_line, references=references, note=wording.note,
        has_details=bool(wording.quote or wording.note or source_line or wording.references),
        status=result.status.value, status_symbol=result.status.symbol, status_label=fmt.label(result.status.label),
        findings=tuple(_finding(f, fmt, links, service_id) for f in result.outcome.findings),
        evidence=evidence,
    )


def checklist(report, fmt: Formatter, links: Links, service_id: str | None) -> ChecklistView:
    """The page of ``report`` (the checklist of the service ``service_id``, or of the only one)."""
    counts = report.counts()
    return ChecklistView(
        day=fmt.date(report.day),
        counts=Counts(counts[Status.MET], counts[Status.NOT_MET], counts[Status.WARNING], counts[Status.NOT_CHECKABLE]),
        key_failures=tuple(KeyFailure(r.criterion.id, r.criterion.source.citation(fmt.gettext))
                           for r in report.key_failures),
        report=sitemap.checklist_report(service_id),
        rows=tuple(_row(r, fmt, links, service_id) for r in report.results),
        not_applicable=tuple(NotApplicable(c.source.citation(fmt.gettext), c.requirement)
                             for c in report.not_applicable),
    )
