"""data/services.yaml: each mistake staff might make is one error naming file, line and field.

Like tests/test_loader.py, each test copies the example data, changes one
thing in the directory and loads it with the loader the build uses.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from zavazek.core.loader import load_data
from zavazek.core.problems import DataError, Severity

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["cs", "en", "ru", "vi", "uk"]
TODAY = dt.date(2026, 11, 23)
FILE = "services.yaml"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(data_dir: Path, old: str, new: str, filename: str = FILE) -> int:
    """Replace ``old`` (once) in a data file; return the 1-based line where ``new`` starts."""
    path = data_dir / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {filename}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def only_error(data_dir: Path):
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGS, TODAY)
    found = caught.value.errors
    assert len(found) == 1, [p.format() for p in found]
    assert found[0].file.name == FILE
    return found[0]


def test_the_example_directory_loads_with_every_region_and_category():
    from zavazek.core.model import codes

    data = load_data(ROOT / "data", LANGS, TODAY)
    directory = data.services
    assert directory.example is True
    current = directory.current(TODAY)
    assert {r for s in current for r in s.regions} == set(codes.REGIONS)
    assert {c for s in current for c in s.categories} == set(codes.SERVICE_CATEGORIES)
    # Only the Ukrainian texts the example has not translated yet are reported (and shown in Czech, marked).
    assert not [w for w in data.warnings if w.file.name == FILE and w.message.params.get("languages") != "uk"]


def test_a_site_without_services_yaml_has_no_directory(data_dir):
    (data_dir / FILE).unlink()
    assert load_data(data_dir, LANGS, TODAY).services is None


def test_the_ended_programme_of_seed_003_is_ended_not_an_error():
    directory = load_data(ROOT / "data", LANGS, TODAY).services
    programme = directory.service("opu-terenni-programy-2016")
    assert (programme.runs.from_, programme.runs.until) == (dt.date(2016, 7, 1), dt.date(2018, 12, 31))
    assert programme.status(TODAY) == "ended" and not programme.is_running(TODAY)
    assert programme.is_running(dt.date(2017, 3, 1))
    assert programme.status(dt.date(2016, 6, 30)) == "upcoming"
    assert programme not in directory.current(TODAY)
    assert directory.service("opu-terenni-programy-plzen").is_running(TODAY)


@pytest.mark.parametrize(
    "old, new, path, msgid_part",
    [
        ("    regions: [CZ010]\n    districts: [CZ0100]\n    places:\n      - id: icp-centrum",
         "    regions: [CZ011]\n    districts: [CZ0100]\n    places:\n      - id: icp-centrum",
         "services[0].regions[0]", "one of"),
        ("    categories: [social_counselling]", "    categories: [social_advice]", "services[0].categories[0]", "one of"),
        ("    languages: {staff: [cs, en, ru, uk, vi], interpreter: [ar, mn, fa, fr]}",
         "    languages: {staff: [cs, en, ru, ua, vi], interpreter: [ar, mn, fa, fr]}",
         "services[0].languages.staff[3]", "one of"),
        ("    districts: [CZ0100]", "    districts: [CZ0199]", "services[0].districts[0]", "one of"),
        ('    registered: {kind: odborne_socialni_poradenstvi, registry_id: "1234567"}',
         '    registered: {kind: odborne_socialni_poradenstvi, registry_id: "12345"}',
         "services[5].registered.registry_id", "registry identifier"),
        ("        coordinates: {lat: 50.0755, lon: 14.4290}", "        coordinates: {lat: 5.0755, lon: 14.4290}",
         "services[0].places[0].coordinates.lat", "latitude"),
        ("        coordinates: {lat: 50.0755, lon: 14.4290}", "        coordinates: {lat: 14.4290, lon: 50.0755}",
         "services[0].places[0].coordinates", "swapped"),
        ("    verified_on: 2026-10-12", "    verified_on: 12. 10. 2026", "services[0].verified_on", "date"),
    ],
)
def test_a_wrong_code_or_value_is_one_error_on_its_line(data_dir, old, new, path, msgid_part):
    line = edit(data_dir, old, new)
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, path)
    assert msgid_part in problem.message.msgid


def test_an_unknown_region_suggests_the_closest_code(data_dir):
    edit(data_dir, "    regions: [CZ064]", "    regions: [CZ046]")
    problem = only_error(data_dir)
    assert problem.path == "services[5].regions[0]"
    assert problem.message.params["value"] == "CZ046"


@pytest.mark.parametrize(
    "hours, msgid_part",
    [("9:00-12:00, 11:00-17:00", "overlap"), ("17:00-9:00", "ends before it starts")],
)
def test_overlapping_or_inverted_hours_of_a_place_are_errors_on_that_day(data_dir, hours, msgid_part):
    line = edit(data_dir, "          wed: 9:00-12:00, 13:00-18:00", f"          wed: {hours}")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[0].places[0].opening_hours.wed")
    assert msgid_part in problem.message.msgid


def test_a_service_of_an_organisation_that_does_not_exist_suggests_one(data_dir):
    line = edit(data_dir, "    organisation: opu\n", "    organisation: opy\n")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[10].organisation")
    assert problem.message.params == {"organisation": "opy"}
    assert problem.hint.params["suggestion"] == "opu"


def test_a_service_identifier_used_twice_is_an_error(data_dir):
    line = edit(data_dir, "  - id: icp-pravni-poradenstvi", "  - id: icp-socialni-poradenstvi")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[1].id")
    assert problem.message.params["first"] == 1


def test_an_organisation_identifier_used_twice_is_an_error(data_dir):
    line = edit(data_dir, "  - id: vychod\n", "  - id: sever\n")
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGS, TODAY)
    duplicate = [p for p in caught.value.errors if p.path == "organisations[5].id"]
    assert duplicate and duplicate[0].line == line
    # the services of the renamed organisation now point nowhere, each on its own line
    assert all(p.path.endswith(".organisation") for p in caught.value.errors if p is not duplicate[0])


def test_a_district_outside_the_services_regions_is_an_error(data_dir):
    line = edit(data_dir, "    districts: [CZ0100]", "    districts: [CZ0323]")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[0].districts[0]")
    assert problem.message.params["district"] == "CZ0323"
    assert problem.hint.params["region"] == "CZ032"


def test_a_fee_is_required_when_the_service_is_not_free(data_dir):
    line = edit(data_dir, "    cost: {free: true}\n    appointment_needed: false", "    cost: {free: false}\n    appointment_needed: false")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[0].cost")
    assert "fee" in problem.message.msgid


def test_a_service_ending_before_it_starts_is_an_error(data_dir):
    line = edit(data_dir, "    runs: {from: 2016-07-01, until: 2018-12-31}", "    runs: {from: 2016-07-01, until: 2015-12-31}")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[10].runs")
    assert problem.message.params["until"] == "2015-12-31"


def test_a_record_not_verified_for_longer_than_the_setting_is_a_warning(data_dir):
    line = edit(data_dir, "    verified_on: 2026-05-18", "    verified_on: 2025-10-01")
    data = load_data(data_dir, LANGS, TODAY)
    stale = [w for w in data.warnings if w.path.endswith("verified_on")]
    assert len(stale) == 1 and stale[0].severity is Severity.WARNING
    assert (stale[0].file.name, stale[0].line) == (FILE, line)
    assert stale[0].message.params["months"] == 12
    edit(data_dir, "  stale_after_months: 12", "  stale_after_months: 18")
    assert not [w for w in load_data(data_dir, LANGS, TODAY).warnings if w.path.endswith("verified_on")]


def test_a_missing_translation_in_the_directory_is_a_warning(data_dir):
    edit(data_dir, "      vi: Tư vấn pháp lý\n", "")
    data = load_data(data_dir, LANGS, TODAY)
    missing = [w for w in data.warnings if w.path == "services[1].name"]
    assert missing and missing[0].message.params["languages"] == "vi"
    assert missing[0].file.name == FILE


def test_an_unknown_key_in_a_service_suggests_the_right_one(data_dir):
    line = edit(data_dir, "    referral_needed: false\n    accessibility: {level: full}\n    verified_on: 2026-10-12",
                "    referal_needed: false\n    accessibility: {level: full}\n    verified_on: 2026-10-12")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[0].referal_needed")
    assert problem.hint.params["suggestion"] == "referral_needed"


def test_a_place_of_a_service_in_several_regions_must_say_its_region(data_dir):
    line = edit(data_dir, "        region: CZ020\n", "")  # the Mladá Boleslav place of migrace-poradenstvi
    problem = only_error(data_dir)
    assert problem.path == "services[14].places[1]"
    assert problem.line == line - 3  # the "- id:" line of that place
    assert problem.hint.params["allowed"] == "CZ010, CZ020"


def test_a_place_in_a_region_the_service_does_not_serve_is_an_error(data_dir):
    line = edit(data_dir, "        region: CZ020\n", "        region: CZ080\n")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[14].places[1].region")


def test_the_service_shown_in_the_readme_can_be_pasted_into_the_directory(data_dir):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entry = readme.split("`data/services.yaml` and change it:\n\n```yaml\n")[1].split("```")[0]
    path = data_dir / FILE
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nservices:\n", 1)
    path.write_text(head + "\nservices:\n" + entry + rest, encoding="utf-8")
    data = load_data(data_dir, LANGS, TODAY)
    service = data.services.service("poradna-kladno")
    assert service.languages.interpreter == ["vi"]
    assert service.places[0].opening_hours.mon[1][1].hour == 17


def test_a_service_naming_a_shared_place_that_does_not_exist_is_an_error_at_that_line(data_dir):
    line = edit(data_dir, "      - id: brno  # the centre", "      - id: brnoo  # the centre")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "services[5].places[0].id")
    assert problem.message.params["place"] == "brnoo"
    assert problem.hint.params["suggestion"] == "brno"


def test_a_mistake_in_a_services_own_hours_at_a_shared_place_points_to_that_day(data_dir):
    line = edit(data_dir, "          tue: 13:00-16:00\n", "          tue: 16:00-13:00\n")
    problem = only_error(data_dir)
    assert problem.line == line
    assert problem.path.endswith(".places[0].opening_hours.tue")


def test_a_shared_place_needs_an_address(data_dir):
    edit(data_dir, '    address: {street: Příkladová 1, city: {cs: Brno, ru: Брно}, postcode: "602 00"}\n    coordinates: {lat: 49.1951, lon: 16.6068}\n    phone:',
                '    coordinates: {lat: 49.1951, lon: 16.6068}\n    phone:')
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGS, TODAY)
    paths = [p.path for p in caught.value.errors]
    assert "places[0]" in paths
