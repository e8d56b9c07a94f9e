"""Opening hours written out: clock times for machines, timetables in a reader's language.

The hours themselves (parsing, when a place is open) are in
:mod:`zavazek.core.model.hours`; a range written to 24:00 ends at
:data:`~zavazek.core.model.hours.END_OF_DAY` and is written 24:00 again here
(11:59 PM on a 12-hour clock, see :func:`time_text`).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from zavazek.core import i18n
from zavazek.core.model.hours import END_OF_DAY, WEEKDAYS, OpeningHours, Ranges, clock
from zavazek.site import cldr
from zavazek.site.escaping import json_attribute


# --- for machines -----------------------------------------------------------


def clocks(hours: OpeningHours) -> dict[str, list[list[str]]]:
    """``{"mon": [["08:30", "12:00"], …], …}`` for the open days (our JSON export)."""
    return {WEEKDAYS[i]: [[clock(a), clock(b)] for a, b in ranges] for i, ranges in hours.by_day() if ranges}


def line(hours: OpeningHours) -> str:
    """``mon 08:30-12:00, 13:00-17:00; tue …`` (one cell of a spreadsheet)."""
    return "; ".join(f"{day} " + ", ".join(f"{a}-{b}" for a, b in ranges) for day, ranges in clocks(hours).items())


SCHEMA_ORG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schema_org(hours: OpeningHours) -> list[dict]:
    """schema.org ``openingHoursSpecification`` entries, one per range."""
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{SCHEMA_ORG_DAYS[i]}",
         "opens": clock(a), "closes": clock(b)}
        for i, ranges in hours.by_day() for a, b in ranges
    ]


# --- for readers ------------------------------------------------------------


def time_text(value: dt.time, lang: str) -> str:
    """A time as readers of ``lang`` write it. The end of the day is 24:00 on a 24-hour clock; a 12-hour
    clock has no 24:00, and its 12:00 AM reads as the start of a day: "12:00 AM–11:59 PM"."""
    if value == END_OF_DAY and not cldr.twelve_hour_clock(lang):
        return "24:00"
    return cldr.format_time(value, lang)


def ranges_text(ranges: Ranges, lang: str) -> str:
    """``8:30–12:00, 13:00–17:00``: the browser reads a day's first opening up to the first "–"
    (zavazek-directory.js), which no time of any language holds."""
    return ", ".join(f"{time_text(a, lang)}–{time_text(b, lang)}" for a, b in ranges)


def day_texts(hours: OpeningHours, lang: str) -> dict[int, str]:
    """What the browser writes for a day, in the words of the timetable (:func:`rows`), so that a
    "today" line and the table beside it write a time the same way:
    ``{0: "8:30–12:00, 13:00–17:00"}`` for the open days."""
    return {day: ranges_text(ranges, lang) for day, ranges in hours.by_day() if ranges}


def weekday_text(index: int, lang: str, width: str = "wide") -> str:
    """0 = Monday; ``abbreviated`` gives "Po", "Mon", "Пн", "Th 2"."""
    return cldr.weekday_name(index, lang, width).capitalize()


def rows(hours: OpeningHours, lang: str) -> list[tuple[str, str]]:
    """[(weekday name, "8:30–12:00, 13:00–17:00"), …] for the open days: a timetable."""
    return [(weekday_text(i, lang), ranges_text(ranges, lang)) for i, ranges in hours.by_day() if ranges]


def compact(hours: OpeningHours, lang: str) -> str:
    """The week on one line, days with the same hours together: "Po–St 9:00–17:00; Čt 9:00–12:00"."""
    groups: dict[Ranges, list[int]] = {}
    for day, ranges in hours.by_day():
        if ranges:
            groups.setdefault(ranges, []).append(day)
    parts = []
    for ranges, days in sorted(groups.items(), key=lambda item: item[1][0]):
        runs: list[list[int]] = []
        for day in days:
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        names = ", ".join(
            weekday_text(run[0], lang, "abbreviated")
            + (f"–{weekday_text(run[-1], lang, 'abbreviated')}" if len(run) > 2 else
               f", {weekday_text(run[-1], lang, 'abbreviated')}" if len(run) == 2 else "")
            for run in runs
        )
        parts.append(f"{names} {ranges_text(ranges, lang)}")
    return "; ".join(parts)


def today_labels(lang: str) -> Markup:
    """What the browser needs to write a place's line for today, as a quoted attribute value
    (zavazek-directory.js: the home page's centres, the directory's cards, a service page's places).

    The words are in the interface language (``ui``: English for a language without a
    catalog, which the script then marks ``lang="en"``), without :mod:`zavazek.site.fallback`'s marks.
    """
    gettext = i18n.gettext_for(lang)
    days = [weekday_text(i, lang, "abbreviated") for i in range(7)]
    return json_attribute({"lang": lang, "ui": i18n.interface_language(lang), "today": gettext("Today"),
                           "open": gettext("open now"), "closed": gettext("closed now"),
                           "closedUntil": gettext("closed; next open {day} {time}"),  # after "Today"
                           "appointment": gettext("by appointment"), "days": days})
