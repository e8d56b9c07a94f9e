"""The compliance checklist, criterion by criterion: each one met by one version of the data and failed by another.

Every case starts from the example provider's folder (CPIC), changes its
data the way a person might, and runs the same checklist that the site and
``zavazek check`` publish. The example keeps the real gaps of its published
commitment, so some criteria start failed and the test repairs them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest

from site_fixtures import ROOT, run_zavazek, site_folder  # noqa: F401 (fixture)
from zavazek.checks import Status, load_catalogue, report_json_text, run_checklist
from zavazek.checks.checklist import REPORT_SCHEMA
from zavazek.checks.rules import RULES
from zavazek.loader import load_data
from zavazek.project import open_project

TODAY = dt.date(2026, 11, 23)


def edit(folder: Path, filename: str, old: str, new: str) -> None:
    path = folder / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {filename}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def delete_block(folder: Path, filename: str, key_line: str) -> None:
    """Remove a line and the more-indented lines under it (a whole field)."""
    path = folder / filename
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip("\n") == key_line)
    indent = len(key_line) - len(key_line.lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def checklist(folder: Path, day: dt.date = TODAY):
    project = open_project(folder)
    data = load_data(project.data_dir, list(project.languages), day)
    return run_checklist(data, project, day)


def result(folder: Path, criterion: str, day: dt.date = TODAY):
    report = checklist(folder, day)
    found = [r for r in report.results if r.criterion.id == criterion]
    assert found, f"{criterion} not in the report (not applicable: {[c.id for c in report.not_applicable]})"
    return found[0]


# --- repairs of the example's real gaps, and ways to break what it does right --------------

def add_russian_freedom_principle(folder):
    edit(folder, "data/commitment.yaml", "name: {cs: Svoboda, en: Freedom, vi: Tự do}",
         "name: {cs: Svoboda, en: Freedom, ru: Свобода, vi: Tự do}")
    edit(folder, "data/commitment.yaml",
         "      en: You decide yourself whether and how you use the service.\n",
         "      en: You decide yourself whether and how you use the service.\n"
         "      ru: Вы сами решаете, пользоваться ли услугой и как.\n")


def remove_safety_ground(folder):
    path = folder / "data/commitment.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    - id: zasada-bezpeci\n")
    end = text.index("    - id: vypovezena-smlouva\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def renew_goals(folder):
    edit(folder, "data/goals.yaml", "deadline: 2022-12-31", "deadline: 2030-12-31")
    edit(folder, "data/goals.yaml", "deadline: 2026-06-30", "deadline: 2026-12-31")


def add_ministry_review(folder):
    edit(folder, "data/commitment.yaml", "  ombudsman:\n",
         "  ministry_review:\n"
         "    cs: Nesouhlasíte-li s vyřízením, můžete požádat MPSV o jeho prověření.\n"
         "    en: If you disagree with how your complaint was handled, you can ask the Ministry of Labour and Social Affairs to review it.\n"
         "    ru: Если вы не согласны с рассмотрением жалобы, можно попросить Министерство труда и социальных дел проверить его.\n"
         "    vi: Nếu không đồng ý với cách giải quyết khiếu nại, bạn có thể đề nghị Bộ Lao động và Xã hội xem xét lại.\n"
         "  ombudsman:\n")


def remove_russian_line(filename: str, after: str):
    """A change that deletes the first Russian text below the line ``after``."""

    def change(folder):
        path = folder / filename
        text = path.read_text(encoding="utf-8")
        ru = re.compile(r"^ +ru: .*\n", re.M).search(text, text.index(after))
        path.write_text(text[: ru.start()] + text[ru.end():], encoding="utf-8")

    return change


remove_russian_mission = remove_russian_line("data/commitment.yaml", "mission:\n")
remove_russian_complaints = remove_russian_line("data/commitment.yaml", "complaints:\n  how:\n")
remove_russian_hosting = remove_russian_line("data/website.yaml", "  hosting:\n")


#: criterion -> (make it met, make it fail, a link the met result shows,
#:               a place the failed result names: (file, text on that line))
CASES = {
    "sqss-1a": (add_russian_freedom_principle, remove_russian_mission,
                "zavazek/#mission", ("data/commitment.yaml", "- cs: Centra")),
    "sqss-3": (None, lambda f: delete_block(f, "data/commitment.yaml", "  how_to_start:"),
               "#start", ("data/commitment.yaml", "service:")),
    "zss-91-3": (remove_safety_ground, None,
                 "zavazek/#refusal", ("data/commitment.yaml", "- id: zasada-bezpeci")),
    "zss-2-1": (None, lambda f: delete_block(f, "data/commitment.yaml", "  basic_counselling:"),
                "zavazek/#basic-counselling", ("data/commitment.yaml", "refusal:")),
    "zss-91-written": (None, lambda f: delete_block(f, "data/commitment.yaml", "  written_reasons:"),
                       "zavazek/#written-reasons", ("data/commitment.yaml", "refusal:")),
    "zss-88-info": (None, lambda f: delete_block(f, "data/commitment.yaml", "  capacity:"),
                    "zavazek/#service", ("data/commitment.yaml", "service:")),
    "zss-88-complaints": (None, remove_russian_complaints,
                          "zavazek/#complaints", ("data/commitment.yaml", "how:")),
    "sqss-7": (add_ministry_review, lambda f: delete_block(f, "data/commitment.yaml", "  ombudsman:"),
               "zavazek/#complaints", ("data/commitment.yaml", "complaints:")),
    "reg": (None, lambda f: edit(f, "data/commitment.yaml", '  registry_id: "1234567"\n', ""),
            "zavazek/#service", ("data/commitment.yaml", "service:")),
    "zss-37": (None, lambda f: delete_block(f, "data/commitment.yaml", "  activities:"),
               "zavazek/#service", ("data/commitment.yaml", "service:")),
    "zss-69": (lambda f: edit(f, "data/commitment.yaml", "kind: odborne_socialni_poradenstvi", "kind: terenni_programy"),
               lambda f: (edit(f, "data/commitment.yaml", "kind: odborne_socialni_poradenstvi", "kind: terenni_programy"),
                          edit(f, "data/commitment.yaml", "forms: [ambulant, field]", "forms: [ambulant]")),
               "strediska/", ("data/commitment.yaml", "forms: [ambulant]")),
    "goals-defined": (None, lambda f: delete_block(f, "data/goals.yaml", "  responsible:"),
                      "cile/", ("data/goals.yaml", "- id: rovny-pristup")),
    "goals-deadlines": (renew_goals, None, "cile/", ("data/goals.yaml", "deadline: 2022-12-31")),
    "goals-operational": (None, lambda f: edit(f, "data/goals.yaml", "      approved_on: 2026-01-20\n", ""),
                          "cile/#operational-brno", ("data/goals.yaml", "- centre: brno")),
    "lang-complete": (add_russian_freedom_principle, None, None, ("data/commitment.yaml", "name: {cs: Svoboda")),
    "a11y-statement": (None, lambda f: edit(f, "data/website.yaml", "status: full", "status: partial"),
                       "pristupnost/#enforcement", ("data/website.yaml", "inaccessible: []")),
    "gdpr-notice": (None, remove_russian_hosting, "soukromi/", ("data/website.yaml", "hosting:")),
    "gdpr-third-party": (None, lambda f: edit(f, "mkdocs.yml", "  font: false", "  font: {text: Roboto}"),
                         "soukromi/#not-collected", ("mkdocs.yml", None)),
    "gdpr-cookies": (None, lambda f: edit(f, "mkdocs.yml", "watch:\n", "extra:\n  analytics: {provider: google, property: G-XXXX}\nwatch:\n"),
                     "soukromi/#not-collected", ("mkdocs.yml", None)),
}
NOT_CHECKABLE = ["sqss-1b", "sqss-1d", "a11y-standard", "internal-rules", "refused-register"]


def test_every_criterion_of_the_catalogue_is_tested_here_and_has_a_rule():
    ids = {c.id for c in load_catalogue()}
    assert ids == set(CASES) | set(NOT_CHECKABLE)
    assert ids - set(NOT_CHECKABLE) <= set(RULES)
    assert {c.id for c in load_catalogue() if not c.checkable} == set(NOT_CHECKABLE)


def _urls(report, result, lang="cs"):
    from zavazek.urls import page_url
    return [page_url(link.page, lang, "cs") + (f"#{link.anchor}" if link.anchor else "") for link in result.outcome.evidence]


@pytest.mark.parametrize("criterion", sorted(CASES))
def test_criterion_is_met_and_links_to_the_place_on_the_site(site_folder, criterion):
    make_met, _, link, _ = CASES[criterion]
    if make_met:
        make_met(site_folder)
    found = result(site_folder, criterion)
    assert found.status is Status.MET, [f.message.render("en") for f in found.outcome.findings]
    assert not found.outcome.findings
    if link:
        assert any(url.endswith(link) or link in url for url in _urls(None, found)), _urls(None, found)


@pytest.mark.parametrize("criterion", sorted(CASES))
def test_criterion_fails_and_names_the_place_in_the_data(site_folder, criterion):
    _, make_failed, _, (file, line_text) = CASES[criterion]
    if make_failed:
        make_failed(site_folder)
    found = result(site_folder, criterion)
    expected = Status.WARNING if found.criterion.severity == "recommended" else Status.NOT_MET
    assert found.status is expected
    assert found.outcome.findings
    finding = found.outcome.findings[0]
    assert finding.place.file == file
    assert finding.fix is not None and finding.fix.render("cs") != finding.fix.render("en")
    if line_text:
        line = (site_folder / file).read_text(encoding="utf-8").splitlines()[finding.place.line - 1]
        assert line_text in line, (finding.place, line)


@pytest.mark.parametrize("criterion", NOT_CHECKABLE)
def test_duties_a_website_cannot_show_are_listed_as_not_checkable(site_folder, criterion):
    assert result(site_folder, criterion).status is Status.NOT_CHECKABLE


def test_the_example_shows_the_real_gaps_of_its_published_commitment(site_folder):
    report = checklist(site_folder)
    status = {r.criterion.id: r for r in report.results}
    # The ground "violates the safety principle" is not among the grounds §91(3) allows.
    assert status["zss-91-3"].status is Status.NOT_MET
    assert "zasada-bezpeci" in status["zss-91-3"].outcome.findings[0].message.render("en")
    # The strategic goal ended on 31 December 2022.
    assert "2022-12-31" in status["goals-deadlines"].outcome.findings[0].message.render("en")
    # The complaint rules do not say that the Ministry can review how a complaint was handled (Standard 7b).
    assert status["sqss-7"].outcome.findings[0].place.path == "complaints.ministry_review"
    # The Russian principles lack one.
    assert [(f.lang, f.place.path) for f in status["sqss-1a"].outcome.findings] == [("ru", "principles[6].name")]
    assert [r.criterion.id for r in report.key_failures] == ["sqss-1a", "zss-91-3"]


def test_the_second_example_provider_shows_a_different_set_of_results():

    report = checklist(ROOT / "examples" / "icp")
    failed = {r.criterion.id for r in report.results if r.status is Status.NOT_MET}
    assert failed == {"zss-91-written", "zss-88-info", "sqss-7", "reg", "goals-defined", "goals-operational"}


def test_letter_c_is_flagged_for_a_service_that_is_not_residential(site_folder):
    edit(site_folder, "data/commitment.yaml", "      legal_basis: d\n", "      legal_basis: c\n")
    remove_safety_ground(site_folder)
    found = result(site_folder, "zss-91-3")
    assert found.status is Status.NOT_MET
    assert "vypovezena-smlouva" in found.outcome.findings[0].message.render("en")
    edit(site_folder, "data/commitment.yaml", "forms: [ambulant, field]", "forms: [ambulant, residential]")
    assert result(site_folder, "zss-91-3").status is Status.MET


def test_a_field_programme_criterion_does_not_apply_to_counselling(site_folder):
    report = checklist(site_folder)
    assert [c.id for c in report.not_applicable] == ["zss-69"]


def test_asking_about_1_january_shows_what_will_be_stale(site_folder):
    report = checklist(site_folder, dt.date(2027, 1, 1))
    operational = next(r for r in report.results if r.criterion.id == "goals-operational")
    assert operational.status is Status.NOT_MET
    assert {f.message.params["centre"] for f in operational.outcome.findings} == {"brno", "plzen", "ostrava"}


def test_json_report_follows_its_schema_and_matches_the_terminal(site_folder):
    project = open_project(site_folder)
    report = checklist(site_folder)
    document = json.loads(report_json_text(report, project))
    jsonschema.validate(document, json.loads(REPORT_SCHEMA.read_text(encoding="utf-8")))
    assert document["key_criteria_not_met"] == ["sqss-1a", "zss-91-3"]
    refusal = next(c for c in document["criteria"] if c["id"] == "zss-91-3")
    assert refusal["evidence"][0]["url"]["en"] == "en/zavazek/#refusal"
    assert refusal["findings"][0]["file"] == "data/commitment.yaml"
    assert "§ 91 odst. 3" in refusal["source"]["citation"]["cs"]
    assert refusal["wording"]["status"] == "copy" and refusal["wording"]["checked_on"] == "2026-11-23"


def test_check_strict_exits_non_zero_only_when_a_key_criterion_is_not_met(site_folder):
    failing = run_zavazek("check", "--strict", str(site_folder))
    assert failing.returncode == 4, failing.stderr
    assert "zss-91-3" in failing.stdout and "data/commitment.yaml:" in failing.stdout
    assert run_zavazek("check", str(site_folder)).returncode == 0
    add_russian_freedom_principle(site_folder)
    remove_safety_ground(site_folder)
    passing = run_zavazek("check", "--strict", str(site_folder))
    assert passing.returncode == 0, passing.stdout


def test_check_json_is_the_published_report(site_folder):
    out = run_zavazek("check", "--json", str(site_folder))
    assert out.returncode == 0
    assert json.loads(out.stdout)["report"] == "zavazek-checklist"


def test_check_refuses_broken_data_like_every_other_command(site_folder):
    edit(site_folder, "data/commitment.yaml", "kind: odborne_socialni_poradenstvi", "kind: poradna")
    out = run_zavazek("check", "--strict", str(site_folder))
    assert out.returncode == 1
    assert "data/commitment.yaml:" in out.stderr


def test_every_criterion_has_its_requirement_in_the_four_languages_and_a_wording_status():
    for criterion in load_catalogue():
        assert criterion.requirement.languages() >= {"cs", "en", "ru", "vi"}, criterion.id
        assert criterion.evidence.languages() >= {"cs", "en", "ru", "vi"}, criterion.id
        if criterion.wording.status == "confirmed":
            assert criterion.wording.checked_on and criterion.wording.source, criterion.id
