"""What a poster shows, prepared in Python: its voices (languages) and, for a goals poster, each goal's status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from zavazek.site import fallback
from zavazek.site.pages.formatting import Formatter
from zavazek.site.pages.views import percent
from zavazek.site.posters.sheets import Sheet


@dataclass(frozen=True)
class Words:
    """A poster's own words in one language."""

    commitment: str
    goals: str
    free: str
    who: str
    where: str
    phone: str
    hours: str
    principles: str
    refusal: str
    complaints: str
    complaints_to: str
    target: str
    deadline: str
    status: str
    scan: str
    made_on: str


@dataclass(frozen=True)
class Voice:
    """One language of a poster: its formatter and the poster's own words in it.

    A bilingual poster sets every passage once per voice, the second
    (``index`` 2) under the first, in italic.
    """

    lang: str
    index: int
    fmt: Formatter
    words: Words
    dates: str = ""  # a goals poster: when the plan was approved, when its progress was counted

    def attrs(self, cls: str = "") -> Markup:
        """``lang`` and ``class`` of an element that holds this voice's passage."""
        return Markup('lang="{}" class="voice-{}{}"').format(self.lang, self.index, f" {cls}" if cls else "")


def words(lang: str, default: str, day: dt.date) -> Words:
    _ = fallback.page_translations(lang).gettext
    fmt = Formatter(lang, default)
    return Words(
        commitment=_("Our commitment"),
        goals=_("Operational goals for {year}").format(year=day.year),
        free=_("Free of charge"),
        who=_("Who the service is for"),
        where=_("Where to find us"),
        phone=_("Phone"),
        hours=_("Opening hours"),
        principles=_("Principles of our work"),
        refusal=_("When we may refuse the service"),
        complaints=_("How to complain"),
        complaints_to=_("Send a complaint to"),
        target=_("Target"),
        deadline=_("Deadline"),
        status=_("Status"),
        scan=_("Scan the code or type the address:"),
        made_on=fmt.fill(_("Poster made on {date}."), date=fmt.date(day)),
    )


def plan_dates(fmt: Formatter, plan) -> list[str]:
    """What the dates on a goals poster are: when the plan was approved, when its progress was counted."""
    _ = fmt.gettext
    out = []
    if plan.approved_on:
        out.append(fmt.fill(_("Plan approved on {date}."), date=fmt.date(plan.approved_on)))
    if plan.progress_as_of:
        out.append(fmt.fill(_("Progress as of {date}."), date=fmt.date(plan.progress_as_of)))
    return out


@dataclass(frozen=True)
class PosterView:
    """What every poster has: the sheet, its title and voices, and the QR code with the address it opens."""

    poster: Any  # zavazek.site.posters.Poster
    sheet: Sheet
    lang: str
    title: str
    voices: tuple[Voice, ...]
    qr: Markup  # the placeholder of its QR code, drawn when the poster is laid out (posters/qr.py)
    short_link: str  # the address as printed under the QR code
    c: Any  # the commitment


@dataclass(frozen=True)
class Status:
    """A goal's status in one voice."""

    voice: Voice
    text: str
    overdue: bool


@dataclass(frozen=True)
class Goal:
    goal: Any
    year: int  # the plan's
    percent: int | None  # the progress bar's width
    statuses: tuple[Status, ...]  # one per voice


@dataclass(frozen=True)
class HoursRow:
    """A day of the timetable: its name in every voice, then its hours ("8:30–12:00, 13:00–17:00")."""

    days: tuple[tuple[Voice, str], ...]
    ranges: tuple[str, ...]


@dataclass(frozen=True)
class GoalsPosterView(PosterView):
    centre: Any = None
    goals: tuple[Goal, ...] = ()
    hours: tuple[HoursRow, ...] = ()


def goal_lines(plan, group, voices: tuple[Voice, ...], day: dt.date) -> tuple[Goal, ...]:
    """The plan's goals, each with its status as a reader sees it in every voice."""
    out = []
    for g in plan.goals:
        statuses = tuple(Status(v, *v.fmt.goal_status(g, group, plan.year, day)) for v in voices)
        out.append(Goal(g, plan.year, percent(g.progress) if g.progress else None, statuses))
    return tuple(out)


def hours_rows(voices: tuple[Voice, ...], opening_hours) -> tuple[HoursRow, ...]:
    """The timetable of a bilingual poster: each open day named in every voice, then its hours."""
    per_voice = [v.fmt.hours(opening_hours) for v in voices]
    return tuple(
        HoursRow(tuple((v, rows[i][0]) for v, rows in zip(voices, per_voice)), tuple(per_voice[0][i][1].split(", ")))
        for i in range(len(per_voice[0]))
    )
