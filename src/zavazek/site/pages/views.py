"""What each generated page shows, prepared in Python: the typed views its template lays out.

A view holds the data the page shows, already sorted and grouped, with the
code lists' labels translated and every decision made (a goal's status, a
deadline that has passed, which services a list names). Texts from the data
stay as they are; the template writes them with the page's
:class:`~zavazek.site.pages.formatting.Formatter` and makes its links with
the page's :class:`~zavazek.site.links.Links`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from zavazek.core import i18n
from zavazek.core.loader import ProviderData
from zavazek.core.model import codes
from zavazek.core.model.goals import effective_deadline
from zavazek.site import hours_text, pending, sitemap
from zavazek.site.directory.listing import place_for_browser
from zavazek.site.escaping import json_attribute
from zavazek.site.links import Links
from zavazek.site.pages import PageSpec, pages_for
from zavazek.site.pages.formatting import Formatter
from zavazek.site.sitemap import COMMITMENT, SEARCH


@dataclass(frozen=True)
class Page:
    """What every generated page has: its title, language, formatter, links and the addresses of the others."""

    key: str
    title: str
    lang: str
    fmt: Formatter
    links: Links
    #: Site path of each generated page by key; a registered service's pages lead to its own pages.
    paths: dict[str, str]


# --- home -----------------------------------------------------------------------

@dataclass(frozen=True)
class ServiceEntry:
    """One registered service of several: its commitment and the site path of its own page."""

    service_id: str
    commitment: Any
    path: str


@dataclass(frozen=True)
class HomeCentre:
    """A centre on the home page: its week's hours (the browser turns them into a line for the
    reader's today: ``hours`` is their JSON as a quoted attribute value, None when the centre is
    open by appointment)."""

    centre: Any
    week: str | None
    hours: Markup | None


@dataclass(frozen=True)
class HomeView:
    c: Any  # the commitment
    several: bool
    services: tuple[ServiceEntry, ...]  # with several services, each one
    directory: bool  # the provider publishes a directory of services
    centres: tuple[HomeCentre, ...]
    today_labels: Markup  # the words of the browser's line for today (hours_text.today_labels)


def _services(data: ProviderData, key: str) -> tuple[ServiceEntry, ...]:
    return tuple(ServiceEntry(v.service_id, v.commitment, sitemap.page(key, v.service_id)) for v in data.per_service())


def home(data: ProviderData, fmt: Formatter) -> HomeView:
    several = data.several_services or data.service_id is not None
    services = _services(data, COMMITMENT) if several else ()
    centres = tuple(
        HomeCentre(centre, fmt.week(centre.opening_hours),
                   json_attribute(place_for_browser(centre, fmt.lang)))
        if centre.opening_hours and centre.appointment is None else HomeCentre(centre, None, None)
        for centre in data.commitment.centres)
    return HomeView(data.commitment, several, services, bool(data.services), centres,
                    hours_text.today_labels(fmt.lang))


# --- the commitment -------------------------------------------------------------------

@dataclass(frozen=True)
class TargetGroupLine:
    group: Any
    registry_label: str


@dataclass(frozen=True)
class Ombudsman:
    name: str  # in the page's language
    name_cs: str
    address: str
    url: str
    label: str


@dataclass(frozen=True)
class CommitmentView:
    c: Any
    target_groups: tuple[TargetGroupLine, ...]
    kind_label: str
    kind_section: str  # "§ 37"
    forms: tuple[str, ...]
    complaint_languages: str  # "čeština, angličtina"; empty when the data names none
    complaint_forms: tuple[str, ...]
    ombudsman: Ombudsman
    #: The registered facts imported from the register: "since 1 January 2015", the capacities; empty when none.
    registered: str = ""
    registered_capacity: tuple[str, ...] = ()


def _registered(service, fmt: Formatter) -> tuple[str, tuple[str, ...]]:
    """The service's registration dates and registered capacities, written for a reader."""
    facts = service.registered
    if facts is None:
        return "", ()
    dates = []
    if facts.since is not None:
        dates.append(fmt.fill(fmt.label(codes.N_("since {date}")), date=fmt.date(facts.since)))
    if facts.until is not None:
        dates.append(fmt.fill(fmt.label(codes.N_("until {date}")), date=fmt.date(facts.until)))
    capacity = tuple(
        f"{fmt.label(codes.SERVICE_FORMS[c.form])}: {fmt.label(codes.CAPACITY_UNITS[c.unit])} {fmt.number(c.count)}"
        for c in facts.capacity
    )
    return " ".join(dates), capacity


def commitment(data: ProviderData, fmt: Formatter) -> CommitmentView:
    c = data.commitment
    section, kind = codes.SERVICE_KINDS[c.service.kind]
    o = codes.OMBUDSMAN
    registered, registered_capacity = _registered(c.service, fmt)
    return CommitmentView(
        c=c,
        target_groups=tuple(TargetGroupLine(g, fmt.label(codes.REGISTRY_TARGET_GROUPS[g.registry_category]))
                            for g in c.target_groups),
        kind_label=fmt.label(kind),
        kind_section=section,
        forms=tuple(fmt.label(codes.SERVICE_FORMS[f]) for f in c.service.forms),
        complaint_languages=fmt.languages(c.complaints.languages) if c.complaints.languages else "",
        complaint_forms=tuple(fmt.label(codes.COMPLAINT_FORMS[f]) for f in c.complaints.forms or ()),
        ombudsman=Ombudsman(fmt.label(o["name"]), o["name_cs"], o["address"], o["url"], o["label"]),
        registered=registered,
        registered_capacity=registered_capacity,
    )


# --- goals ----------------------------------------------------------------------

@dataclass(frozen=True)
class Evaluation:
    rhythm: str  # "once a year", translated
    forum: Any  # a data text or None


@dataclass(frozen=True)
class Meta:
    """A goal's or a group's target, who is responsible, how it is evaluated and by when."""

    target: Any = None
    responsible: Any = None
    evaluation: tuple[Evaluation, ...] = ()
    deadline: Any = None


@dataclass(frozen=True)
class StrategicGoal:
    goal: Any
    meta: Meta
    expired: bool  # its deadline has passed: a new goal is being prepared


@dataclass(frozen=True)
class GoalLine:
    """An operational goal with its status as a reader sees it."""

    goal: Any
    status: str  # "overdue" when past its deadline and neither done nor dropped
    overdue: bool
    show_progress: bool  # "3 of 4 done" beside the status (not once the goal is done)
    percent: int | None  # the progress bar's width


@dataclass(frozen=True)
class Plan:
    year: int
    anchor: str  # the goal anchors' prefix: "goal-brno-" this year, "goal-brno-2025-" for an earlier plan
    goals: tuple[GoalLine, ...]
    approved_by: Any
    approved_on: dt.date | None


@dataclass(frozen=True)
class CentrePlans:
    centre: Any
    plan: Plan | None  # this year's
    earlier: tuple[Plan, ...]


@dataclass(frozen=True)
class GoalsView:
    year: int
    strategic: tuple[StrategicGoal, ...]
    long_term: Any  # the group
    long_term_meta: Meta
    how_set: Any
    centres: tuple[CentrePlans, ...]
    operational_meta: Meta | None  # only when some plan is published


def percent(progress) -> int:
    """How much of a goal is done, as a bar's width."""
    return int(round(100 * progress.done / progress.of, 0))


def _meta(fmt: Formatter, target=None, responsible=None, evaluation=None, deadline=None) -> Meta:
    rhythms = tuple(Evaluation(fmt.label(codes.RHYTHMS[e.rhythm]), e.forum) for e in evaluation or ())
    return Meta(target, responsible, rhythms, deadline)


def _plan(plan, group, fmt: Formatter, year: int, day: dt.date) -> Plan:
    lines = []
    for g in plan.goals:
        status, overdue = fmt.goal_status(g, group, plan.year, day)
        lines.append(GoalLine(g, status, overdue, bool(g.progress) and g.status != "done",
                              percent(g.progress) if g.progress else None))
    anchor = f"goal-{plan.centre}-" + ("" if plan.year == year else f"{plan.year}-")
    return Plan(plan.year, anchor, tuple(lines), plan.approved_by, plan.approved_on)


def goals(data: ProviderData, fmt: Formatter, day: dt.date) -> GoalsView:
    g, year = data.goals, day.year
    s, lt, op = g.strategic, g.long_term, g.operational
    strategic = []
    for goal in s.goals:
        due = effective_deadline(goal, s, year)
        meta = _meta(fmt, goal.target, goal.responsible or s.responsible, goal.evaluation or s.evaluation,
                     goal.deadline or s.deadline)
        strategic.append(StrategicGoal(goal, meta, bool(due and due < day)))
    centres = []
    for centre in data.commitment.centres:
        plan = g.plan_of(centre.id, year)
        centres.append(CentrePlans(
            centre,
            _plan(plan, op, fmt, year, day) if plan else None,
            tuple(_plan(old, op, fmt, year, day) for old in g.earlier_plans(centre.id, year)),
        ))
    return GoalsView(
        year=year,
        strategic=tuple(strategic),
        long_term=lt,
        long_term_meta=_meta(fmt, None, lt.responsible, lt.evaluation, lt.deadline),
        how_set=op.how_set,
        centres=tuple(centres),
        operational_meta=_meta(fmt, None, op.responsible, op.evaluation, op.deadline) if op.plans else None,
    )


# --- centres ---------------------------------------------------------------------

@dataclass(frozen=True)
class CentreLine:
    centre: Any
    region: str
    maps: Any  # links.MapLinks, None for field work
    vcard: str  # the centre's contact card in the page's language


@dataclass(frozen=True)
class CentresView:
    c: Any
    centres: tuple[CentreLine, ...]


def centres(data: ProviderData, fmt: Formatter, links: Links) -> CentresView:
    c = data.commitment
    return CentresView(c, tuple(
        CentreLine(centre, fmt.label(codes.REGIONS[centre.region]), links.maps(centre),
                   links.file(sitemap.centre_vcard(centre.id, fmt.lang)))
        for centre in c.centres))


# --- posters -----------------------------------------------------------------------

@dataclass(frozen=True)
class PosterItem:
    title: str  # in the poster's first language
    lang: str  # the poster's first language
    pdf: str  # site paths of the PDF and its preview
    preview: str
    languages: str  # "čeština + English"
    size: str
    kilobytes: str


@dataclass(frozen=True)
class PostersView:
    made: bool  # any poster at all (none without site_url)
    posters: tuple[PosterItem, ...]  # those in this page's language


def posters(listing, fmt: Formatter, lang: str) -> PostersView:
    """``listing``: the posters, from :func:`zavazek.site.posters.published` (or :func:`~zavazek.site.posters.listing`:
    their sizes are placeholders then, see :func:`poster_sizes`)."""
    items = tuple(
        PosterItem(
            title=item.page_title, lang=item.poster.languages[0], pdf=item.path, preview=item.preview,
            languages=" + ".join(i18n.language_name(code) for code in item.poster.languages),
            size=item.poster.size,
            kilobytes=_kilobytes(item.bytes, fmt) if item.bytes is not None else _size_placeholder(item, lang),
        )
        for item in listing if lang in item.poster.languages
    )
    return PostersView(bool(listing), items)


def poster_sizes(listing, languages, default: str) -> dict[str, str]:
    """{placeholder: text} of each poster's size on the noticeboard page of each language, once the posters are made."""
    texts = {}
    for lang in languages:
        fmt = Formatter(lang, default)
        texts.update((_size_placeholder(item, lang), _kilobytes(item.bytes, fmt)) for item in listing)
    return texts


def _kilobytes(size: int, fmt: Formatter) -> str:
    return fmt.number(int(round(size / 1024, 0)))


def _size_placeholder(item, lang: str) -> str:
    return pending.placeholder(f"size of {item.path} in {lang}")


# --- the directory's home ------------------------------------------------------------

@dataclass(frozen=True)
class DirectoryView:
    example: bool  # the directory holds example data
    map: Markup
    regions: tuple  # HomeEntry: name, url, count
    categories: tuple
    exports: dict[str, str]  # site paths of the open data


def directory(home) -> DirectoryView:
    """``home``: the directory's :class:`~zavazek.site.directory.views.DirectoryHome` in the page's language."""
    return DirectoryView(bool(home.directory.example), home.map, home.regions, home.categories, dict(home.exports))


# --- accessibility and privacy --------------------------------------------------------

@dataclass(frozen=True)
class InaccessibleGroup:
    ground: str  # translated
    items: tuple


@dataclass(frozen=True)
class AccessibilityView:
    a: Any  # the statement
    provider: str
    site_url: str | None
    status: str  # translated
    full: bool  # fully compliant: nothing to list
    inaccessible: tuple[InaccessibleGroup, ...]


def accessibility(data: ProviderData, fmt: Formatter, site_url: str | None) -> AccessibilityView:
    a = data.website.accessibility
    return AccessibilityView(
        a=a,
        provider=fmt.pick(data.commitment.provider.name)[1],
        site_url=site_url,
        status=fmt.label(codes.ACCESSIBILITY_STATUS[a.status]),
        full=a.status == "full",
        inaccessible=tuple(InaccessibleGroup(fmt.label(codes.INACCESSIBLE_GROUNDS[ground]), tuple(items))
                           for ground, items in a.inaccessible_by_ground()),
    )


@dataclass(frozen=True)
class PrivacyView:
    p: Any  # the privacy statement
    c: Any


def privacy(data: ProviderData) -> PrivacyView:
    return PrivacyView(data.website.privacy, data.commitment)


# --- search ------------------------------------------------------------------------

@dataclass(frozen=True)
class PageLink:
    path: str
    title: str


@dataclass(frozen=True)
class SearchView:
    pages: tuple[PageLink, ...]  # to browse without JavaScript


def search(data: ProviderData, fmt: Formatter, paths: dict[str, str]) -> SearchView:
    return SearchView(tuple(PageLink(paths[p.key], fmt.label(p.title)) for p in pages_for(data) if p.key != SEARCH))


# --- several services: the page listing them ----------------------------------------------

@dataclass(frozen=True)
class ServiceSummary:
    entry: ServiceEntry
    kind_label: str
    kind_section: str


@dataclass(frozen=True)
class ServicesView:
    provider: str
    services: tuple[ServiceSummary, ...]
    complaints: tuple[ServiceEntry, ...]  # on the commitment's overview: each service's complaints


def services(data: ProviderData, spec: PageSpec, fmt: Formatter) -> ServicesView:
    entries = _services(data, spec.key)
    summaries = []
    for entry in entries:
        section, kind = codes.SERVICE_KINDS[entry.commitment.service.kind]
        summaries.append(ServiceSummary(entry, fmt.label(kind), section))
    return ServicesView(fmt.pick(data.commitment.provider.name)[1], tuple(summaries),
                        entries if spec.key == COMMITMENT else ())
