"""When is a place open? Opening hours are local Prague time.

A moment from anywhere (a server in UTC, a phone abroad) must be
timezone-aware; it is converted to ``Europe/Prague`` before it is compared,
so summer and winter time are handled by the tz database, not by us.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from zavazek.model.services import Directory, Place, Service
from zavazek.model.types import END_OF_DAY, WEEKDAYS, OpeningHours

PRAGUE = ZoneInfo("Europe/Prague")


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Prague time; a naive datetime is refused, as it is ambiguous."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("is_open needs a timezone-aware datetime, e.g. datetime.now(timezone.utc)")
    return moment.astimezone(PRAGUE)


def ranges_on(hours: OpeningHours, weekday: int) -> tuple[tuple[dt.time, dt.time], ...]:
    """The ranges of a weekday, 0 = Monday."""
    return getattr(hours, WEEKDAYS[weekday])


def is_open(hours: OpeningHours, moment: dt.datetime) -> bool:
    """Whether ``hours`` are open at ``moment`` (start included, end excluded)."""
    here = local(moment)
    now = here.time().replace(tzinfo=None)
    for start, end in ranges_on(hours, here.weekday()):
        if start <= now < end or (end == END_OF_DAY and now >= start):
            return True
    return False


def open_on(hours: OpeningHours, weekday: int) -> bool:
    return bool(ranges_on(hours, weekday))


def places_open_on(service: Service, weekday: int) -> list[Place]:
    return [p for p in service.places if open_on(p.opening_hours, weekday)]


def services_open_on(directory: Directory, weekday: int, day: dt.date) -> list[tuple[Service, list[Place]]]:
    """Running services with a place open on ``weekday`` (0 = Monday), with those places."""
    out = []
    for service in directory.current(day):
        if not service.is_running(day):
            continue
        places = places_open_on(service, weekday)
        if places:
            out.append((service, places))
    return out


def services_open_at(directory: Directory, moment: dt.datetime) -> list[tuple[Service, list[Place]]]:
    """Running services with a place open at ``moment``, with those places."""
    day = local(moment).date()
    out = []
    for service in directory.services:
        if not service.is_running(day):
            continue
        places = [p for p in service.places if is_open(p.opening_hours, moment)]
        if places:
            out.append((service, places))
    return out
