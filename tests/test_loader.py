"""Staff make mistakes in YAML: each one ends in a message naming the file, line, field and fix.

Each test copies the example data, changes one thing the way a person
editing the file might, and loads it with the same loader the build uses.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from zavazek.core.loader import ReadFiles, load_data
from zavazek.core.loader.files import read_files
from zavazek.core.problems import DataError, Severity
from zavazek.core.yamlitem import load_edited_item
from zavazek.core.yamlsource import load_text

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["cs", "en", "ru", "vi"]
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(data_dir: Path, filename: str, old: str, new: str) -> int:
    """Replace ``old`` (once) in a data file; return the 1-based line where ``new`` starts."""
    path = data_dir / filename
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {filename}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def errors(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGS, TODAY)
    return caught.value.errors


def only_error(data_dir: Path):
    found = errors(data_dir)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def test_the_example_data_loads_without_errors(data_dir):
    data = load_data(data_dir, LANGS, TODAY)
    assert data.commitment.centres[0].id == "brno"


def test_broken_yaml_syntax_names_the_line(data_dir):
    line = edit(data_dir, "commitment.yaml", "  short_name: SUZ", '  short_name: "SUZ')
    problem = only_error(data_dir)
    assert problem.file.name == "commitment.yaml"
    assert problem.line is not None and problem.line >= line
    assert "YAML" in problem.message.render("en")


def test_a_key_written_twice_is_an_error_naming_both_lines(data_dir):
    first = edit(data_dir, "commitment.yaml", "  short_name: SUZ\n", "  short_name: SUZ\n  short_name: CPIC\n")
    problem = only_error(data_dir)
    assert (problem.file.name, problem.line, problem.path) == ("commitment.yaml", first + 1, "provider.short_name")
    assert problem.message.params == {"key": "short_name", "first": first}


def test_a_misspelt_key_suggests_the_right_one(data_dir):
    line = edit(data_dir, "commitment.yaml", "\nmission:\n", "\nmisison:\n")
    found = errors(data_dir)
    unknown = next(p for p in found if p.path == "misison")
    assert unknown.line == line + 1
    assert unknown.hint.params["suggestion"] == "mission"
    assert any(p.path == "mission" and "missing" in p.message.msgid for p in found)


def test_a_misspelt_key_inside_a_centre_suggests_the_right_one(data_dir):
    line = edit(data_dir, "commitment.yaml", "    email: brno@cpic.example.org", "    emial: brno@cpic.example.org")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "centres[0].emial")
    assert problem.hint.params["suggestion"] == "email"


@pytest.mark.parametrize(
    "old, new, path, msgid_part",
    [
        ("  time_limit_days: 30", "  time_limit_days: a month", "complaints.time_limit_days", "whole number"),
        ('  registry_id: "1234567"', '  registry_id: "123456"', "service.registry_id", "registry identifier"),
        ("    email: plzen@cpic.example.org", "    email: plzen-at-cpic.example.org", "centres[1].email", "e-mail"),
        ("  forms: [ambulant, field]", "  forms: ambulant", "service.forms", "list"),
        ("    region: CZ032", "    region: CZ099", "centres[1].region", "one of"),
    ],
)
def test_a_value_of_the_wrong_kind_is_explained(data_dir, old, new, path, msgid_part):
    line = edit(data_dir, "commitment.yaml", old, new)
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, path)
    assert msgid_part in problem.message.msgid


def test_a_single_text_where_each_language_is_expected_says_how_to_write_it(data_dir):
    start = edit(data_dir, "commitment.yaml", "integration_needs:\n  cs:", "integration_needs: Integrace je dlouhý proces.\nintegration_needs_old:\n  cs:")
    found = errors(data_dir)
    problem = next(p for p in found if p.path == "integration_needs")
    assert problem.line == start
    assert "cs: …" in problem.hint.msgid


def test_an_operational_plan_for_a_centre_that_does_not_exist_suggests_one(data_dir):
    line = edit(data_dir, "goals.yaml", "    - centre: brno", "    - centre: brn")
    problem = only_error(data_dir)
    assert (problem.file.name, problem.line, problem.path) == ("goals.yaml", line, "operational.plans[0].centre")
    assert problem.hint.params["suggestion"] == "brno"


def test_a_refusal_ground_citing_a_letter_that_section_91_3_does_not_have_is_an_error(data_dir):
    line = edit(data_dir, "commitment.yaml", "      legal_basis: b", "      legal_basis: e")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "refusal.grounds[1].legal_basis")
    assert problem.message.params["allowed"] == "a, b, c, d, none"


def test_times_no_and_dates_stay_exactly_as_written(data_dir):
    edit(data_dir, "commitment.yaml", "{street: Příkladová 1,", "{street: 8:30,")
    edit(data_dir, "commitment.yaml", "{cs: Bezpečí, en: Safety", "{cs: no, en: Safety")
    edit(data_dir, "commitment.yaml", "      cs: Za službu nic neplatíte.", "      cs: 2022-12-31")
    data = load_data(data_dir, LANGS, TODAY)
    brno = data.commitment.centres[0]
    assert brno.address.street == "8:30"
    assert [(a.strftime("%H:%M"), b.strftime("%H:%M")) for a, b in brno.opening_hours.mon] == [("08:30", "12:00"), ("13:00", "17:00")]
    safety = next(p for p in data.commitment.principles if p.id == "bezpeci")
    assert safety.name["cs"] == "no"
    free = next(p for p in data.commitment.principles if p.id == "bezplatnost")
    assert free.description["cs"] == "2022-12-31"


def test_a_postcode_keeps_its_leading_zero(data_dir):
    edit(data_dir, "commitment.yaml", 'postcode: "602 00"', "postcode: 01000")
    data = load_data(data_dir, LANGS, TODAY)
    assert data.commitment.centres[0].address.postcode == "01000"


def test_a_date_in_another_form_is_an_error_showing_the_expected_form(data_dir):
    line = edit(data_dir, "goals.yaml", "  deadline: 2022-12-31", "  deadline: 31. 12. 2022")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "strategic.deadline")
    assert "2026-12-31" in problem.hint.msgid


@pytest.mark.parametrize(
    "hours, msgid_part",
    [("8:30-12:00, 11:00-13:00", "overlap"), ("17:00-9:00", "ends before it starts"), ("8.30 to 12", "is not a range of opening hours")],
)
def test_impossible_opening_hours_are_errors_on_that_day(data_dir, hours, msgid_part):
    line = edit(data_dir, "commitment.yaml", "      tue: 8:30-12:00", f"      tue: {hours}")
    problem = only_error(data_dir)
    assert (problem.line, problem.path) == (line, "centres[0].opening_hours.tue")
    assert msgid_part in problem.message.msgid


def test_mistakes_in_two_files_are_all_reported_in_one_run(data_dir):
    edit(data_dir, "commitment.yaml", "  time_limit_days: 30", "  time_limit_days: thirty")
    edit(data_dir, "website.yaml", "  status: full", "  status: complete")
    found = errors(data_dir)
    assert {p.file.name for p in found} == {"commitment.yaml", "website.yaml"}


def test_a_passed_deadline_is_a_warning_not_an_error(data_dir):
    data = load_data(data_dir, LANGS, TODAY)
    passed = [w for w in data.warnings if w.path == "strategic.deadline"]
    assert passed and passed[0].severity is Severity.WARNING
    assert passed[0].message.params["date"] == "2022-12-31"


def test_last_years_operational_goals_are_a_warning(data_dir):
    line = edit(data_dir, "goals.yaml", "      year: 2026", "      year: 2024")
    data = load_data(data_dir, LANGS, TODAY)
    old = [w for w in data.warnings if w.path == "operational.plans[0].year"]
    assert old and old[0].line == line


def test_an_old_plan_beside_this_years_plan_is_history_not_a_warning(data_dir):
    data = load_data(data_dir, LANGS, TODAY)
    old = [i for i, p in enumerate(data.goals.operational.plans) if p.year < TODAY.year]
    assert old  # the example keeps last year's plans
    assert not [w for w in data.warnings if w.path.startswith("operational.plans") and w.path.endswith(".year")]


def test_a_missing_translation_is_a_warning_naming_the_text(data_dir):
    ground = edit(data_dir, "commitment.yaml", "    - id: kapacita\n", "    - id: kapacita\n")
    edit(data_dir, "commitment.yaml", "        vi: Chúng tôi không đủ khả năng tiếp nhận để cung cấp dịch vụ.\n", "")
    data = load_data(data_dir, LANGS, TODAY)
    missing = [w for w in data.warnings if w.path == "refusal.grounds[1].text"]
    assert missing and missing[0].message.params["languages"] == "vi"
    assert missing[0].line == ground + 2  # the "text:" key of that ground


def test_messages_are_given_in_czech_and_english(data_dir):
    edit(data_dir, "commitment.yaml", "  short_name: SUZ\n", "  short_name: SUZ\n  short_name: CPIC\n")
    problem = only_error(data_dir)
    text = problem.format()
    czech = next(line for line in text.splitlines() if line.startswith("  cs: "))
    english = next(line for line in text.splitlines() if line.startswith("  en: "))
    assert "short_name" in czech and "short_name" in english
    assert czech[6:] != english[6:]


def test_a_town_written_as_a_plain_name_still_loads_as_before(data_dir):
    import re

    for name in ("services.yaml", "commitment.yaml"):
        path = data_dir / name
        path.write_text(re.sub(r"city: \{cs: ([^,}]+)[^}]*\}", r"city: \1", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    data = load_data(data_dir, LANGS, TODAY)
    brno = data.commitment.centres[0].address
    assert brno.city == "Brno" and brno.city.names == {}
    assert brno.model_dump()["city"] == "Brno"  # a plain name stays a plain name


def test_a_town_may_carry_its_names_in_other_languages_and_scripts(data_dir):
    edit(data_dir, "services.yaml", "Příkladová 1, city: {cs: Brno, ru: Брно}",
         "Příkladová 1, city: {cs: Brno, ru: Брно, uk: Брно, vi: Brno}")
    data = load_data(data_dir, LANGS, TODAY)
    place = next(p for s in data.services.services for p in s.places if p.address and p.address.city == "Brno")
    assert place.address.city.names == {"ru": "Брно", "uk": "Брно"}  # "vi: Brno" is the Czech name again
    assert place.address.one_line() == "Příkladová 1, 602 00 Brno"  # the postal address stays Czech
    assert (place.address.city.in_language("ru"), place.address.city.in_language("vi")) == ("Брно", "Brno")
    assert place.address.city.in_language("en") == "Brno"  # no English form: the Czech name, not a gap


@pytest.mark.parametrize(
    "city, path_end, msgid_part",
    [
        ("{ru: Брно}", "city", "Czech name of the place is missing"),
        ("{cs: Brno, ru: }", "city", "name of the place is empty"),
        ("{cs: Brno, russian: Брно}", "city", "two-letter language code"),
        ('""', "city", "Expected the name of a place"),
        ("[Brno, Брно]", "city", "Expected the name of a place"),
    ],
)
def test_a_malformed_town_name_names_the_file_line_and_field(data_dir, city, path_end, msgid_part):
    line = edit(data_dir, "services.yaml", "Příkladová 1, city: {cs: Brno, ru: Брно}", f"Příkladová 1, city: {city}")
    problem = only_error(data_dir)
    assert problem.file.name == "services.yaml" and problem.line == line
    assert problem.path.startswith("places[0]") and problem.path.endswith(".address." + path_end)  # the shared Brno centre
    assert msgid_part in problem.message.msgid
    assert problem.hint is not None and problem.hint.render("cs") != problem.hint.render("en")


# --- a preview reads an edited service alone ----------------------------------------------------------

PRAGUE_DESCRIPTION = "      cs: Pomůžeme vám zorientovat se v Praze"
LAST_SERVICE_DAY = "    verified_on: 2026-11-02"
#: Edits of services.yaml as staff make them, and whether the edited item alone may be read again
#: (the other services' models then stay the very objects the previous read made).
EDITS = {
    "a word in a description": (PRAGUE_DESCRIPTION, PRAGUE_DESCRIPTION + " a v Brně", True),
    "a phone number added": ("    cost: {free: true}\n    appointment_needed: false\n",
                             "    cost: {free: true}\n    phone: +420 000 000 999\n    appointment_needed: false\n", True),
    "lines taken out": ("          thu: 9:00-12:00, 13:00-17:00\n          fri: 9:00-12:00\n", "", True),
    "a comment after a service": ("    verified_on: 2026-10-12\n", "    verified_on: 2026-10-12\n    # zkontrolováno\n", True),
    "the last service": (LAST_SERVICE_DAY, "    verified_on: 2026-11-03", True),
    "an organisation": ("      cs: Integrační centrum Praha", "      cs: Integrační centrum Praha, o. p. s.", True),
    "a shared place": ("      tue: 8:30-12:00\n", "      tue: 8:30-12:00, 13:00-16:00\n", False),
    "a service added": ("  - id: icp-pravni-poradenstvi\n",
                        "  - id: icp-nova\n    organisation: icp\n\n  - id: icp-pravni-poradenstvi\n", False),
    "a key written twice": ("    referral_needed: false\n", "    referral_needed: false\n    referral_needed: true\n", False),
    "broken syntax": (PRAGUE_DESCRIPTION, '      cs: "Pomůžeme vám', False),
    "a wrong value": ("    verified_on: 2026-10-12", "    verified_on: 12. 10. 2026", False),
    "a new key at the top level": (LAST_SERVICE_DAY, LAST_SERVICE_DAY + "\nextra: 1", False),
    "an anchor used elsewhere": ("    accessibility: {level: full}\n    verified_on: 2026-10-12",
                                 "    accessibility: &plne {level: full}\n    verified_on: 2026-10-12", False),
}


def _read(data_dir: Path, cache: ReadFiles):
    read = read_files(data_dir, cache)
    return read, [str(p) for p in read.problems]


@pytest.mark.parametrize("edit_name", EDITS)
def test_a_preview_reading_an_edited_service_alone_finds_what_reading_the_whole_file_finds(data_dir, edit_name):
    old, new, alone = EDITS[edit_name]
    cache = ReadFiles()
    before, problems = _read(data_dir, cache)
    assert problems == []
    edit(data_dir, "services.yaml", old, new)
    if edit_name == "an anchor used elsewhere":
        edit(data_dir, "services.yaml", "    accessibility: {level: full}", "    accessibility: *plne")
    again, problems_again = _read(data_dir, cache)
    whole, problems_whole = _read(data_dir, ReadFiles())
    assert problems_again == problems_whole
    if problems_whole:
        return
    assert problems_whole == [] and again.placeholders == whole.placeholders
    assert again.documents["services"].value == whole.documents["services"].value
    assert again.documents["services"].positions == whole.documents["services"].positions
    assert again.models["services"] == whole.models["services"]
    kept = [a is b for a, b in zip(again.models["services"].services, before.models["services"].services)]
    assert sum(kept) == (len(kept) - (edit_name != "an organisation") if alone else 0)


SMALL = "services:\n  - id: a\n    d: |+\n      text\n\n  - id: b\n    y: 2\n  - id: c\nother: 1\n"
#: Edits whose item, read alone, could come out otherwise than in the whole text: each must be read as the
#: whole text reads it (or the whole text is read).
RISKY_EDITS = {
    "an item indented less": ("  - id: b\n    y: 2\n", "- id: b\n  y: 2\n"),
    "an item indented into the one before": ("  - id: b\n", "      - id: b\n"),
    "a blank line before an item kept by a block scalar": ("\n  - id: b", "\n\n  - id: b"),
    "a comment line before an item, in a block scalar": ("\n  - id: b", "\n      # note\n  - id: b"),
    "a document marker": ("    y: 2\n", "    y: 2\n---\n"),
    "a line break libyaml counts": ("    y: 2\n", "    y: '2\u2028'\n"),
    "the dash of the next item taken away": ("  - id: c\n", "    id: c\n"),
    "an item's last line run on into the next item's": ("    y: 2\n  - id: c", "    y: 2  - id: c"),
    "a nested list's dash on the line after the item's": ("  - id: c\n", "  -\n    - c\n"),
    "an anchor, whose name may be taken elsewhere": ("    y: 2\n", "    y: &two 2\n"),
    "a word in an item": ("    y: 2\n", "    y: 3\n"),
}


@pytest.mark.parametrize("edit_name", RISKY_EDITS)
def test_an_item_read_alone_is_read_as_the_whole_text_reads_it(edit_name):
    old, new = RISKY_EDITS[edit_name]
    text = SMALL.replace(old, new, 1)
    assert text != SMALL
    edited = load_edited_item(load_text(SMALL, Path("services.yaml")), SMALL, text)
    if edited is None:  # read whole, as before
        assert edit_name != "a word in an item"
        return
    try:
        whole = load_text(text, Path("services.yaml"))
    except DataError:
        pytest.fail(f"read alone without a problem, where the whole text has one: {edit_name}")
    assert (edited[0].value, edited[0].positions) == (whole.value, whole.positions)
