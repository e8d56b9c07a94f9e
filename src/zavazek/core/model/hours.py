"""Opening hours: how staff write them, and when they are open.

Hours are local Prague time. A moment from anywhere (a server in UTC, a
phone abroad) must be timezone-aware; it is converted to ``Europe/Prague``
before it is compared, so summer and winter time are handled by the tz
database, not by us. A range written to 24:00 ends at midnight; a place open
0:00-24:00 every day is open without a break across midnight.

The browser's "open now" and "today" (``theme/assets/zavazek-directory.js``)
read :func:`minutes` and follow the same rules. A place open by
appointment has no hours: it is never "closed", the reader arranges a time.
How hours are written out for readers and machines is in
:mod:`zavazek.site.hours_text`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, WithJsonSchema

from zavazek.core.model.types import Strict, invalid

PRAGUE = ZoneInfo("Europe/Prague")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: A range written to 24:00 ends at the last moment of the day (a ``datetime.time``
#: cannot be 24:00), which no one writes: a range written to 23:59 stays 23:59.
#: :func:`minute_of_day` counts it as minute 1440; :func:`clock` writes it 24:00.
END_OF_DAY = dt.time(23, 59, 59, 999999)

Ranges = tuple[tuple[dt.time, dt.time], ...]


# --- how staff write them ---------------------------------------------------

_RANGE = re.compile(r"^\s*([0-9]{1,2})[:.]([0-9]{2})\s*[-–]\s*([0-9]{1,2})[:.]([0-9]{2})\s*$")


def _parse_ranges(value: Any) -> Ranges:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "closed", "zavřeno")):
        return ()
    if not isinstance(value, str):
        raise invalid(
            "Expected opening hours as text, e.g. 8:30-12:00, 13:00-17:00.",
            "Put the hours on one line after the day.",
        )
    ranges = []
    for part in value.split(","):
        m = _RANGE.match(part)
        if not m:
            raise invalid(
                "“{value}” is not a range of opening hours.",
                "Write ranges such as 8:30-12:00, separated by commas, or closed.",
                value=part.strip(),
            )
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            raise invalid("“{value}” is not a time of day.", "Use 0:00 to 24:00.", value=part.strip())
        start = dt.time(h1, m1)
        end = END_OF_DAY if h2 == 24 else dt.time(h2, m2)
        if end <= start:
            raise invalid(
                "The range “{value}” ends before it starts.",
                "Write the earlier time first; a range past midnight is split at 24:00.",
                value=part.strip(),
            )
        ranges.append((start, end))
    ranges.sort()
    for (s1, e1), (s2, e2) in zip(ranges, ranges[1:]):
        if s2 < e1:
            raise invalid(
                "The ranges {first} and {second} overlap.",
                "Merge them into one range.",
                first=f"{clock(s1)}-{clock(e1)}",
                second=f"{clock(s2)}-{clock(e2)}",
            )
    return tuple(ranges)


DayHours = Annotated[
    Ranges,
    BeforeValidator(_parse_ranges),
    WithJsonSchema({"type": ["string", "null"], "examples": ["8:30-12:00, 13:00-17:00", "closed"]}),
]


class OpeningHours(Strict):
    """Hours per weekday in local (Prague) time; a day left out is closed."""

    mon: DayHours = ()
    tue: DayHours = ()
    wed: DayHours = ()
    thu: DayHours = ()
    fri: DayHours = ()
    sat: DayHours = ()
    sun: DayHours = ()

    def by_day(self) -> list[tuple[int, Ranges]]:
        """(weekday, ranges) for the seven days, Monday = 0."""
        return [(i, getattr(self, day)) for i, day in enumerate(WEEKDAYS)]

    def on(self, weekday: int) -> Ranges:
        """The ranges of a weekday, 0 = Monday."""
        return getattr(self, WEEKDAYS[weekday])

    def __bool__(self) -> bool:
        return any(ranges for _, ranges in self.by_day())


# --- times and moments ------------------------------------------------------


def clock(value: dt.time) -> str:
    """``HH:MM`` as staff write it: the end of the day is ``24:00``."""
    return "24:00" if value == END_OF_DAY else value.strftime("%H:%M")


def minute_of_day(value: dt.time, end: bool = False) -> int:
    """Minutes since midnight; the end of a range written as 24:00 is 1440."""
    return 1440 if end and value == END_OF_DAY else value.hour * 60 + value.minute


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Prague time; a naive datetime is refused, as it is ambiguous."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("opening hours need a timezone-aware datetime, e.g. datetime.now(timezone.utc)")
    return moment.astimezone(PRAGUE)


def is_open(hours: OpeningHours, moment: dt.datetime) -> bool:
    """Whether ``hours`` are open at ``moment`` (start included, end excluded)."""
    here = local(moment)
    now = here.time().replace(tzinfo=None)
    return any(start <= now < end or (end == END_OF_DAY and now >= start) for start, end in hours.on(here.weekday()))


def hours_on(hours: OpeningHours, day: dt.date) -> Ranges:
    """The ranges open on a calendar date (hours are the same every week)."""
    return hours.on(day.weekday())


def next_opening(hours: OpeningHours, moment: dt.datetime) -> dt.datetime | None:
    """When ``hours`` next open after ``moment`` (Prague time), or None if they never do.

    A range starting at 0:00 right after one ending at 24:00 does not open
    anything: the place has been open across midnight.
    """
    here = local(moment)
    for ahead in range(8):
        day = here.date() + dt.timedelta(days=ahead)
        for start, _end in hours_on(hours, day):
            opens = dt.datetime.combine(day, start, tzinfo=PRAGUE)
            if opens <= here:
                continue
            yesterday = hours_on(hours, day - dt.timedelta(days=1))
            if start == dt.time(0, 0) and yesterday and yesterday[-1][1] == END_OF_DAY:
                continue
            return opens
    return None


def minutes(hours: OpeningHours) -> dict[int, list[list[int]]]:
    """The open days' ranges in minutes of the day (24:00 = 1440), Monday = 0."""
    return {
        day: [[minute_of_day(a), minute_of_day(b, end=True)] for a, b in ranges]
        for day, ranges in hours.by_day() if ranges
    }
