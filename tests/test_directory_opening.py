"""Opening hours are Prague time: a moment from anywhere is converted first, summer time included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from zavazek.site.directory.opening import is_open, services_open_at, services_open_on
from zavazek.core.loader import load_data

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


# --- a service with its own hours at a shared place ----------------------------

PRAGUE = ZoneInfo("Europe/Prague")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in the week of 23 November 2026 (Monday = 23), Prague time."""
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=PRAGUE)


def test_a_lawyer_with_his_own_hours_at_the_centre_is_open_only_then(directory):
    lawyer = directory.service("cpic-brno-pravnik").places[0]  # Tue 13:00-16:00 at the Brno centre
    assert lawyer.address.street == "Příkladová 1" and lawyer.phone  # the rest comes from the shared place
    assert is_open(lawyer.opening_hours, at(24, 13, 0))
    assert is_open(lawyer.opening_hours, at(24, 15, 59))
    assert not is_open(lawyer.opening_hours, at(24, 16, 0))
    assert not is_open(lawyer.opening_hours, at(24, 9, 0))  # the centre is open, the lawyer is not there
    assert not is_open(lawyer.opening_hours, at(23, 14, 0))  # Monday afternoon: the centre is open, not the lawyer


def test_the_centres_other_service_keeps_the_centres_hours(directory):
    counselling = directory.service("cpic-brno-poradenstvi").places[0]
    assert counselling.opening_hours == directory.places[0].opening_hours
    assert is_open(counselling.opening_hours, at(23, 14, 0))
    assert is_open(counselling.opening_hours, at(24, 9, 0))
    assert not is_open(counselling.opening_hours, at(24, 14, 0))  # Tuesday afternoon: only the lawyer


def test_the_lawyer_is_listed_as_open_only_on_tuesday_afternoon(directory):
    tuesday = {s.id for s, _places in services_open_on(directory, 1, TODAY)}
    wednesday = {s.id for s, _places in services_open_on(directory, 2, TODAY)}
    assert "cpic-brno-pravnik" in tuesday and "cpic-brno-pravnik" not in wednesday
    assert "cpic-brno-pravnik" in {s.id for s, _ in services_open_at(directory, at(24, 14, 0))}
    assert "cpic-brno-pravnik" not in {s.id for s, _ in services_open_at(directory, at(24, 10, 0))}


def test_hours_on_a_date_and_the_next_opening(directory):
    from zavazek.core.model.hours import hours_on, next_opening

    lawyer = directory.service("cpic-brno-pravnik").places[0].opening_hours
    assert hours_on(lawyer, dt.date(2026, 11, 24)) == ((dt.time(13), dt.time(16)),)
    assert hours_on(lawyer, dt.date(2026, 11, 25)) == ()
    assert next_opening(lawyer, at(24, 16, 30)) == dt.datetime(2026, 12, 1, 13, 0, tzinfo=PRAGUE)
    assert next_opening(lawyer, at(24, 9, 0)) == at(24, 13, 0)
    # Across the change to summer time (29 March 2026), the opening stays at 13:00 Prague time.
    opens = next_opening(lawyer, dt.datetime(2026, 3, 25, 12, 0, tzinfo=UTC))
    assert opens.isoformat() == "2026-03-31T13:00:00+02:00"
    # A shelter open day and night never opens again: it does not close at midnight.
    shelter = directory.service("sever-azylovy-dum-liberec").places[0].opening_hours
    assert next_opening(shelter, at(23, 12, 0)) is None


def test_the_week_is_written_on_one_line_with_days_of_the_same_hours_together(directory):
    from zavazek.site.hours_text import compact

    centre = directory.places[0].opening_hours
    assert compact(centre, "cs") == "Po, St 8:30–12:00, 13:00–17:00; Út, Čt 8:30–12:00"
    shelter = directory.service("sever-azylovy-dum-liberec").places[0].opening_hours
    assert compact(shelter, "cs") == "Po–Ne 0:00–24:00"
    assert compact(shelter, "ru") == "Пн–Вс 00:00–24:00"
    assert compact(shelter, "en") == "Mon–Sun 12:00\u202fAM–11:59\u202fPM"  # a 12-hour clock has no 24:00


def test_a_range_written_to_23_59_stays_23_59_and_one_to_24_00_ends_the_day():
    from zavazek.core.model.hours import OpeningHours, minutes, next_opening
    from zavazek.site.hours_text import clocks, compact

    late = OpeningHours(mon="20:00-23:59", tue="20:00-24:00")
    assert compact(late, "cs") == "Po 20:00–23:59; Út 20:00–24:00"
    assert compact(late, "en") == "Mon 8:00\u202fPM–11:59\u202fPM; Tue 8:00\u202fPM–11:59\u202fPM"
    assert clocks(late) == {"mon": [["20:00", "23:59"]], "tue": [["20:00", "24:00"]]}  # the open data
    assert minutes(late)[0] == [[1200, 1439]] and minutes(late)[1] == [[1200, 1440]]  # the browser's "open now"
    prague = ZoneInfo("Europe/Prague")
    assert not is_open(late, dt.datetime(2026, 11, 23, 23, 59, 30, tzinfo=prague))  # Monday, closed at 23:59
    assert is_open(late, dt.datetime(2026, 11, 24, 23, 59, 30, tzinfo=prague))  # Tuesday, open to midnight
    night = OpeningHours(mon="20:00-23:59", tue="0:00-6:00")
    assert next_opening(night, dt.datetime(2026, 11, 23, 23, 59, 30, tzinfo=prague)).isoformat() == "2026-11-24T00:00:00+01:00"


@pytest.mark.parametrize("lang,twelve", [("en", True), ("ar", True), ("ko", True), ("cs", False), ("ru", False),
                                         ("vi", False), ("hsb", False), ("nds", False)])
def test_a_language_writes_the_end_of_the_day_on_its_own_clock(lang, twelve):
    # Upper Sorbian writes "H:mm 'hodź'." and Low German "'Kl'. H.mm": the quoted words are not the hour.
    from zavazek.site import cldr

    assert cldr.twelve_hour_clock(lang) is twelve
