"""Opening hours are Prague time: a moment from anywhere is converted first, summer time included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from zavazek.directory.opening import is_open, services_open_at, services_open_on
from zavazek.loader import load_data

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)  # a Monday
UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def directory():
    return load_data(ROOT / "data", ["cs", "en", "ru", "vi"], TODAY).services


def brno(directory):
    return directory.service("cpic-brno-poradenstvi").places[0].opening_hours  # mon 8:30-12:00, 13:00-17:00


def test_a_utc_moment_is_read_in_prague_winter_and_summer_time(directory):
    hours = brno(directory)
    # 07:45 UTC is 08:45 in winter (CET, +1) and 09:45 in summer (CEST, +2): open both times
    assert is_open(hours, dt.datetime(2026, 11, 23, 7, 45, tzinfo=UTC))
    # 07:15 UTC: 08:15 in winter (closed), 09:15 in summer (open)
    assert not is_open(hours, dt.datetime(2026, 11, 23, 7, 15, tzinfo=UTC))
    assert is_open(hours, dt.datetime(2026, 7, 6, 7, 15, tzinfo=UTC))


def test_the_lunch_break_and_the_closing_time_are_closed(directory):
    hours = brno(directory)
    prague = ZoneInfo("Europe/Prague")
    assert not is_open(hours, dt.datetime(2026, 11, 23, 12, 30, tzinfo=prague))
    assert is_open(hours, dt.datetime(2026, 11, 23, 13, 0, tzinfo=prague))
    assert not is_open(hours, dt.datetime(2026, 11, 23, 17, 0, tzinfo=prague))
    assert not is_open(hours, dt.datetime(2026, 11, 27, 10, 0, tzinfo=prague))  # Friday: closed


def test_a_moment_from_another_zone_is_converted(directory):
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")  # +7: 15:00 in Hanoi is 09:00 in Prague in winter
    assert is_open(brno(directory), dt.datetime(2026, 11, 23, 15, 0, tzinfo=hanoi))


def test_a_range_to_24_00_is_open_until_midnight(directory):
    shelter = directory.service("sever-azylovy-dum-liberec").places[0].opening_hours
    assert is_open(shelter, dt.datetime(2026, 11, 22, 23, 59, 30, tzinfo=ZoneInfo("Europe/Prague")))


def test_a_naive_moment_is_refused(directory):
    with pytest.raises(ValueError):
        is_open(brno(directory), dt.datetime(2026, 11, 23, 9, 0))


def test_which_services_are_open_on_a_weekday_or_now_leaves_out_ended_ones(directory):
    sunday = [s.id for s, _places in services_open_on(directory, 6, TODAY)]
    assert sunday == ["sever-azylovy-dum-liberec", "vychod-krizova-linka"]
    monday_morning = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Prague"))
    now = [service for service, _places in services_open_at(directory, monday_morning)]
    ids = {s.id for s in now}
    assert "icp-socialni-poradenstvi" in ids and "icp-kurzy-cestiny" not in ids
    assert not any(s.has_ended(TODAY) for s in now)
