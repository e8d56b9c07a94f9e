""""Today" is the reader's today: the home page's centres and the directory's cards write their line for
today in the browser, from the week's hours, on whatever day the page is read; without JavaScript they
show the week's hours and never name a day. The browser's clock is set with ``page.clock``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape

import pytest

from browser import chromium_path, launch_chromium, serve_directory
from site_fixtures import ROOT, TODAY
from zavazek.core.i18n import gettext_for
from zavazek.core.loader import load_data
from zavazek.site import hours_text

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")

DATA = load_data(ROOT / "data", ["cs", "en", "ru", "uk", "vi"], dt.date.fromisoformat(TODAY))
BUILT_ON = dt.date.fromisoformat(TODAY)  # a Monday
PRAGUE_WINTER = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def served(example_site):
    with serve_directory(example_site) as base, launch_chromium() as browser:
        yield base, browser


def _page_at(served, path: str, moment: dt.datetime, javascript: bool = True):
    base, browser = served
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    page.clock.install(time=moment)
    page.goto(base + path)
    return context, page


def _expected(place, lang: str, weekday: int, minute: int) -> str:
    """The line the reader should see at ``minute`` of ``weekday`` (0 = Monday) in Prague, its spaces
    as the tests read a line (a 12-hour clock's time has a narrow no-break space: "8:30\u202fAM")."""
    return " ".join(_line(place, lang, weekday, minute).split())


def _line(place, lang: str, weekday: int, minute: int) -> str:
    gettext = gettext_for(lang)
    texts = hours_text.day_texts(place.opening_hours, lang)
    ranges = place.opening_hours.by_day()[weekday][1]
    if ranges:
        open_now = any(a.hour * 60 + a.minute <= minute < b.hour * 60 + b.minute for a, b in ranges)
        return f"{gettext('Today')}: {texts[weekday]} {gettext('open now' if open_now else 'closed now')}"
    nxt = next((weekday + k) % 7 for k in range(1, 8) if place.opening_hours.by_day()[(weekday + k) % 7][1])
    opens = place.opening_hours.by_day()[nxt][1][0][0]
    return f"{gettext('Today')}: " + gettext("closed; next open {day} {time}").format(
        day=hours_text.weekday_text(nxt, lang, "abbreviated"), time=hours_text.time_text(opens, lang))


@pytest.mark.parametrize("lang,moment", [
    ("cs", dt.datetime(2026, 11, 26, 10, 0, tzinfo=PRAGUE_WINTER)),  # Thursday morning
    ("ru", dt.datetime(2026, 11, 28, 10, 0, tzinfo=PRAGUE_WINTER)),  # Saturday: closed
    ("vi", dt.datetime(2026, 11, 25, 12, 30, tzinfo=PRAGUE_WINTER)),  # Wednesday at lunch
    ("en", dt.datetime(2026, 11, 29, 10, 0, tzinfo=PRAGUE_WINTER)),  # Sunday: next open on a 12-hour clock
], ids=["thursday", "saturday", "wednesday-lunch", "sunday-12-hour-clock"])
def test_the_home_pages_centres_say_the_readers_today(served, lang, moment):
    assert moment.date().weekday() != BUILT_ON.weekday()
    context, page = _page_at(served, "/" + ("" if lang == "cs" else f"{lang}/"), moment)
    centres = [c for c in DATA.commitment.centres if c.opening_hours and c.appointment is None]
    lines = page.locator("li.zv-door__centre [data-today-line]")
    assert lines.count() == len(centres)
    for i, centre in enumerate(centres):
        expected = _expected(centre, lang, moment.weekday(), moment.hour * 60 + moment.minute)
        assert " ".join(lines.nth(i).inner_text().split()) == expected
    assert page.locator("li.zv-door__centre [data-week-line]").first.is_hidden()
    context.close()


def test_without_javascript_the_home_page_shows_the_week_and_no_day(served):
    context, page = _page_at(served, "/ru/", dt.datetime(2026, 11, 26, 10, 0, tzinfo=PRAGUE_WINTER),
                             javascript=False)
    centre = DATA.commitment.centres[0]
    week = page.locator("li.zv-door__centre").first.locator("[data-week-line]")
    assert week.is_visible()
    assert week.inner_text() == hours_text.compact(centre.opening_hours, "ru")
    text = page.locator("ul.zv-door__centres").inner_text()
    assert gettext_for("ru")("Today") not in text  # no "today" fixed on the day of the build
    context.close()


@pytest.mark.parametrize("moment,open_now", [
    (dt.datetime(2026, 11, 24, 14, 0, tzinfo=PRAGUE_WINTER), True),  # Tuesday afternoon: the lawyer is in
    (dt.datetime(2026, 11, 27, 14, 0, tzinfo=PRAGUE_WINTER), False),  # Friday: next Tuesday
])
def test_a_cards_line_for_today_follows_the_browsers_clock(served, moment, open_now):
    service = DATA.services.service("cpic-brno-pravnik")
    context, page = _page_at(served, "/sluzby/jihomoravsky/", moment)
    line = page.locator('[data-service="cpic-brno-pravnik"] dd.zv-today')
    expected = _expected(service.places[0], "cs", moment.weekday(), moment.hour * 60 + moment.minute)
    text = " ".join(line.inner_text().split())
    assert text == expected.split(": ", 1)[1]
    assert (gettext_for("cs")("open now") in text) is open_now
    context.close()


def _as_kept_before_december(html: str) -> str:
    """A region page as a build before 2026-12 wrote it, kept offline on a phone: each card's hours as
    ``{"week", "appointment", "places"}`` with each place's first openings, in a double-quoted attribute."""
    def old(match: re.Match) -> str:
        places = json.loads(match.group(1))
        for place in places:
            place["opens"] = {day: text.split("–")[0] for day, text in place["text"].items()}
            place["appointment"] = not place["week"]
        week: dict = {}
        for place in places:
            for day, ranges in place["week"].items():
                week.setdefault(day, []).extend(ranges)
        value = {"week": week, "appointment": any(p["appointment"] for p in places), "places": places}
        return f'data-hours="{escape(json.dumps(value, ensure_ascii=False))}"'

    return re.sub(r"data-hours='([^']*)'", old, html)


def test_a_page_kept_offline_from_an_earlier_build_still_gets_its_line_for_today(served):
    """The script reads the cards' hours as earlier builds wrote them too: a phone may show a kept page
    with the new script."""
    base, browser = served
    moment = dt.datetime(2026, 11, 27, 14, 0, tzinfo=PRAGUE_WINTER)  # Friday: next open on Tuesday
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.clock.install(time=moment)
    page.route("**/sluzby/jihomoravsky/", lambda route: route.fulfill(
        response=(fetched := route.fetch()), body=_as_kept_before_december(fetched.text())))
    page.goto(base + "sluzby/jihomoravsky/")
    service = DATA.services.service("cpic-brno-pravnik")
    line = page.locator('[data-service="cpic-brno-pravnik"] dd.zv-today')
    expected = _expected(service.places[0], "cs", moment.weekday(), moment.hour * 60 + moment.minute)
    assert " ".join(line.inner_text().split()) == expected.split(": ", 1)[1]
    page.select_option("select[name=when]", "1")  # open on Tuesday: the card's week as it was sent
    assert page.locator('[data-service="cpic-brno-pravnik"]').is_visible()
    page.select_option("select[name=when]", "5")  # open on Saturday
    assert page.locator('[data-service="cpic-brno-pravnik"]').is_hidden()
    context.close()
