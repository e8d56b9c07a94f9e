"""A provider of several registered services, field work without a street, places open by appointment."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from site_fixtures import ROOT
from zavazek.core.loader import load_data
from zavazek.core.problems import DataError

LANGS = ["cs", "en", "ru", "vi"]
TODAY = dt.date(2026, 11, 23)
OPU = ROOT / "examples" / "opu"
SERVICES = ("poradenstvi", "terenni-programy")


def _prefix(lang: str) -> str:
    return "" if lang == "cs" else f"{lang}/"


def _published(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in (".html", ".pdf"))


def _copy(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(source, target)
    return target


def _errors(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGS, TODAY)
    return caught.value.errors


def _replace(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once; the 1-based line where ``new`` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


# --- today's single-service data ------------------------------------------------------------------


@pytest.mark.parametrize("fixture,listing", [("example_site", "cpic"), ("icp_site", "icp")])
def test_single_service_examples_publish_exactly_the_pages_and_posters_they_did(request, fixture, listing):
    site = request.getfixturevalue(fixture)
    before = (ROOT / "tests" / "urls" / f"{listing}.txt").read_text(encoding="utf-8").split()
    assert _published(site) == before


# --- the provider of two services -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_service_has_its_commitment_goals_and_checklist_in_every_language(opu_site, lang):
    for service in SERVICES:
        for page in ("zavazek", "cile", "kontrola"):
            html = (opu_site / f"{_prefix(lang)}{page}/{service}/index.html").read_text(encoding="utf-8")
            assert f'lang="{lang}"' in html
        assert (opu_site / f"kontrola/{service}/checklist.json").is_file()
        assert (opu_site / f"nastenky/{service}-zavazek-{lang}-a4.pdf").is_file()


def test_each_services_commitment_page_shows_its_own_kind_and_mission(opu_site):
    field = (opu_site / "en/zavazek/terenni-programy/index.html").read_text(encoding="utf-8")
    counselling = (opu_site / "en/zavazek/poradenstvi/index.html").read_text(encoding="utf-8")
    assert "§ 69" in field and "§ 37" not in field
    assert "§ 37" in counselling and "§ 69" not in counselling
    assert "becoming part of society" in field and "becoming part of society" not in counselling
    # shared: the principles and the complaints of the provider
    for html in (field, counselling):
        assert "Confidentiality" in html and "stiznosti@opu.example.org" in html


def test_home_page_front_door_lists_each_service_and_links_to_its_commitment(opu_site):
    html = (opu_site / "index.html").read_text(encoding="utf-8")
    door = html[html.index('class="zv-door"'):html.index("</div>", html.index('class="zv-door"'))]
    assert 'href="zavazek/poradenstvi/"' in door and 'href="zavazek/terenni-programy/"' in door


@pytest.mark.parametrize("service", ["poradenstvi", "terenni-programy"])
def test_a_services_checklist_shows_how_to_start_in_that_services_section_of_the_home_page(opu_site, service):
    # With several services the home page has a section for each (its mission, target groups and how
    # to start), not the one service's "How to start": the checklist's evidence links there.
    home = (opu_site / "en/index.html").read_text(encoding="utf-8")
    assert f'id="{service}"' in home and 'id="start"' not in home
    checklist = (opu_site / f"en/kontrola/{service}/index.html").read_text(encoding="utf-8")
    assert f'href="../../#{service}"' in checklist and "#start" not in checklist
    report = json.loads((opu_site / f"kontrola/{service}/checklist.json").read_text(encoding="utf-8"))
    evidence = [e for c in report["criteria"] for e in c["evidence"] if e["page"] == "index"]
    assert evidence and all(e["anchor"] == service and e["url"]["en"] == f"en/#{service}" for e in evidence)


def test_goals_are_per_service_and_the_ended_programme_is_flagged_on_its_checklist(opu_site):
    field_goals = (opu_site / "en/cile/terenni-programy/index.html").read_text(encoding="utf-8")
    counselling_goals = (opu_site / "en/cile/poradenstvi/index.html").read_text(encoding="utf-8")
    assert "Seek out and approach foreigners" in field_goals
    assert "Seek out and approach foreigners" not in counselling_goals
    report = json.loads((opu_site / "kontrola/terenni-programy/checklist.json").read_text(encoding="utf-8"))
    text = json.dumps(report, ensure_ascii=False)
    assert "2018-12-31" in text


def test_field_place_without_a_street_says_we_come_to_you_and_shows_no_empty_street(opu_site):
    for path in ("en/index.html", "en/strediska/index.html", "en/zavazek/terenni-programy/index.html"):
        html = (opu_site / path).read_text(encoding="utf-8")
        assert "We come to you" in html and "Domažlice" in html, path
        assert not re.search(r"<strong>[^<]*</strong>,\s*</a>", html), path
        assert "None" not in html, path


def test_by_appointment_centre_says_how_to_book_not_closed(opu_site):
    html = (opu_site / "en/index.html").read_text(encoding="utf-8")
    card = html[html.index("Příkladová 12"):]
    card = card[: card.index("</li>")]
    assert "By appointment" in card and 'href="tel:+420000000310"' in card and 'href="sms:+420000000311"' in card
    assert "Closed" not in card
    centres = (opu_site / "en/strediska/index.html").read_text(encoding="utf-8")
    assert "By appointment" in centres and "mailto:plzen@opu.example.org" in centres


def test_a_plan_not_naming_its_service_is_an_error_at_its_line(tmp_path):
    data = _copy(tmp_path, OPU / "data")
    line = _replace(data / "goals.yaml", "    - service: poradenstvi\n      centre: plzen", "    - centre: plzen")
    (error,) = _errors(data)
    assert (error.file.name, error.line) == ("goals.yaml", line)
    assert "several services" in error.message.render("en") and "poradenstvi" in error.hint.render("en")
    assert error.message.render("cs") != error.message.render("en")


def test_a_plan_naming_a_misspelt_service_suggests_the_right_one(tmp_path):
    data = _copy(tmp_path, OPU / "data")
    line = _replace(data / "goals.yaml", "service: poradenstvi\n      centre", "service: poradenstvy\n      centre")
    (error,) = _errors(data)
    assert (error.file.name, error.line) == ("goals.yaml", line)
    assert "poradenstvi" in error.hint.render("en")


# --- one type for the same idea in every file -------------------------------------------------------


@pytest.mark.parametrize("filename,old", [("commitment.yaml", "age: {from: 16}"), ("services.yaml", "age: {from: 15}")])
def test_an_age_range_ending_before_it_starts_is_refused_in_both_files_with_file_and_line(tmp_path, filename, old):
    data = _copy(tmp_path, ROOT / "data")
    line = _replace(data / filename, old, "age: {from: 65, to: 18}")
    (error,) = _errors(data)
    assert (error.file.name, error.line) == (filename, line)
    assert "65–18" in error.message.render("en") and "65–18" in error.message.render("cs")
    assert error.message.render("cs") != error.message.render("en")


def test_a_place_with_both_hours_and_appointment_is_refused(tmp_path):
    data = _copy(tmp_path, OPU / "data")
    line = _replace(data / "commitment.yaml", "    appointment:\n      phone: +420 000 000 310",
                    "    opening_hours: {mon: 9:00-12:00}\n    appointment:\n      phone: +420 000 000 310")
    (error,) = _errors(data)
    assert error.file.name == "commitment.yaml" and line - 6 <= error.line <= line
