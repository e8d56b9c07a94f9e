"""Which services are open when: the directory's questions, answered with :mod:`zavazek.hours`.

A service's hours at a place are its own when it wrote them, else the
place's (see :class:`~zavazek.core.model.services.Place`); both are already
merged into ``service.places`` by the loader.
"""

from __future__ import annotations

import datetime as dt

from zavazek.core.model.hours import OpeningHours, is_open, local
from zavazek.core.model.services import Directory, Place, Service

__all__ = ["is_open", "open_on", "places_open_on", "services_open_at", "services_open_on"]


def open_on(hours: OpeningHours, weekday: int) -> bool:
    return bool(hours.on(weekday))


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
