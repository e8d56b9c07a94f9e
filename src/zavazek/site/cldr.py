"""Dates, times, numbers, weekdays and language names as a reader of a language writes them (CLDR via Babel)."""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_format_time
from babel.numbers import format_decimal

from zavazek.core.model import codes


@functools.lru_cache(maxsize=4096)  # a directory's pages write the same few hundred days again and again
def format_date(value: dt.date, lang: str, form: str = "long") -> str:
    return _babel_format_date(value, format=form, locale=lang)


def format_day(value: dt.date, lang: str) -> str:
    """Weekday and date without the year: "po 23. listopadu", "Mon, Nov 23", "пн, 23 нояб."."""
    return format_skeleton("MMMMEd", value, locale=lang)


@functools.cache
def format_time(value: dt.time, lang: str) -> str:
    return _babel_format_time(value, format="short", locale=lang)


@functools.cache
def twelve_hour_clock(lang: str) -> bool:
    """Whether readers of ``lang`` write times on a 12-hour clock ("5:30 PM"), as CLDR's short time says."""
    pattern = re.sub(r"'[^']*'", "", Locale.parse(lang).time_formats["short"].pattern)  # without quoted words
    return "h" in pattern or "K" in pattern


def format_number(value: float | int, lang: str) -> str:
    return format_decimal(value, locale=lang)


@functools.cache
def weekday_name(index: int, lang: str, width: str = "wide") -> str:
    """0 = Monday."""
    return Locale.parse(lang).days["format"][width][index]


@functools.cache
def language_names(lang: str) -> dict[str, str]:
    """Names of the languages of :data:`codes.LANGUAGES` in ``lang`` ("ruština", "Russian", "русский")."""
    names = Locale.parse(lang).languages
    return {code: names.get(code, code) for code in codes.LANGUAGES}
