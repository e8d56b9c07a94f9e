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

from site_fixtures import ROOT, run_zavazek
from zavazek.core import i18n
from zavazek.core.checks import Status, load_catalogue, run_checklist
from zavazek.core.checks.catalogue import Source
from zavazek.core.checks.checklist import REPORT_SCHEMA
from zavazek.core.checks.rules import RULES
from zavazek.core.loader import load_data
from zavazek.engine.config import open_project
from zavazek.site import sitemap
from zavazek.site.report import json_text as report_json_text

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
    edit(folder, "data/commitment.yaml", "name: {cs: Svoboda, en: Freedom, uk: Свобода, vi: Tự do}",
         "name: {cs: Svoboda, en: Freedom, ru: Свобода, uk: Свобода, vi: Tự do}")
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


def remove_czech_line(filename: str, after: str, first_item: bool = False):
    """A change that deletes the Czech text right below ``after``: the text is then not written down at all."""

    def change(folder):
        path = folder / filename
        text = path.read_text(encoding="utf-8")
        start = text.index(after) + len(after)
        end = text.index("\n", start) + 1
        cs_line, rest = text[start:end], text[end:]
        assert cs_line.lstrip(" -").startswith("cs: "), cs_line
        if first_item:  # "  - cs: …" / "    en: …" becomes "  - en: …"
            rest = re.sub(r"^ {4}(\w\w): ", r"  - \1: ", rest, count=1)
        path.write_text(text[:start] + rest, encoding="utf-8")

    return change


remove_czech_mission = remove_czech_line("data/commitment.yaml", "mission:\n", first_item=True)
remove_czech_complaints = remove_czech_line("data/commitment.yaml", "complaints:\n  how:\n")
remove_czech_hosting = remove_czech_line("data/website.yaml", "  hosting:\n")


#: criterion -> (make it met, make it fail, a link the met result shows,
#:               a place the failed result names: (file, text on that line))
CASES = {
    "sqss-1a": (None, remove_czech_mission, "zavazek/#mission", ("data/commitment.yaml", "- en: The Centres")),
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
    "zss-88-complaints": (None, remove_czech_complaints,
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
    "gdpr-notice": (None, remove_czech_hosting, "soukromi/", ("data/website.yaml", "hosting:")),
    "gdpr-third-party": (None, lambda f: edit(f, "mkdocs.yml", "  font: false", "  font: {text: Roboto}"),
                         "soukromi/#not-collected", ("mkdocs.yml", None)),
    "gdpr-cookies": (None, lambda f: edit(f, "mkdocs.yml", "markdown_extensions:\n", "extra:\n  analytics: {provider: google, property: G-XXXX}\nmarkdown_extensions:\n"),
                     "soukromi/#not-collected", ("mkdocs.yml", None)),
}
NOT_CHECKABLE = ["sqss-1b", "sqss-1d", "a11y-standard", "internal-rules", "refused-register"]
#: Criteria judged only with more than the data (the register's snapshot), tested in their own file.
TESTED_ELSEWHERE = {"reg-match": "tests/test_registry_check.py"}


def test_every_criterion_of_the_catalogue_is_tested_here_and_has_a_rule():
    ids = {c.id for c in load_catalogue()}
    assert ids == set(CASES) | set(NOT_CHECKABLE) | set(TESTED_ELSEWHERE)
    assert ids - set(NOT_CHECKABLE) <= set(RULES)
    assert {c.id for c in load_catalogue() if not c.checkable} == set(NOT_CHECKABLE)


def _urls(report, result, lang="cs"):
    site = sitemap.SiteMap(("cs",))
    return [site.url(sitemap.page(link.page), lang) + (f"#{link.anchor}" if link.anchor else "") for link in result.outcome.evidence]


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
    # The Russian principles lack one: a gap in understandability (§88(a)), reported once, not in standard 1a.
    assert status["sqss-1a"].status is Status.MET
    assert [(f.lang, f.place.path) for f in status["lang-complete"].outcome.findings] == [
        ("ru", "principles[6].name"), ("ru", "principles[6].description")]
    assert [r.criterion.id for r in report.key_failures] == ["zss-91-3"]


def test_the_second_example_provider_shows_a_different_set_of_results():

    report = checklist(ROOT / "examples" / "icp")
    failed = {r.criterion.id for r in report.results if r.status is Status.NOT_MET}
    assert failed == {"zss-91-written", "zss-88-info", "sqss-7", "reg", "goals-defined", "goals-operational"}


def test_a_complaint_contact_and_its_languages_meet_to_whom_and_their_absence_is_a_finding(site_folder):
    add_ministry_review(site_folder)
    assert result(site_folder, "sqss-7").status is Status.MET
    delete_block(site_folder, "data/commitment.yaml", "  contact:")
    delete_block(site_folder, "data/commitment.yaml", "  languages: [cs, en, ru, uk, vi]")
    found = result(site_folder, "sqss-7")
    assert found.status is Status.NOT_MET
    assert [f.place.path for f in found.outcome.findings] == ["complaints.contact", "complaints.languages"]
    lines = (site_folder / "data/commitment.yaml").read_text(encoding="utf-8").splitlines()
    assert all(lines[f.place.line - 1] == "complaints:" for f in found.outcome.findings)
    assert "complaints.contact" in found.outcome.findings[0].fix.render("cs")
    assert "complaints.languages" in found.outcome.findings[1].fix.render("en")


def test_complaints_by_e_mail_need_an_e_mail_address_in_the_contact(site_folder):
    add_ministry_review(site_folder)
    edit(site_folder, "data/commitment.yaml", "    email: stiznosti@cpic.example.org\n", "")
    found = result(site_folder, "sqss-7")
    assert found.status is Status.NOT_MET
    assert [f.place.path for f in found.outcome.findings] == ["complaints.contact"]
    assert found.outcome.findings[0].fix.render("en") == "Add complaints.contact.email."
    line = (site_folder / "data/commitment.yaml").read_text(encoding="utf-8").splitlines()[found.outcome.findings[0].place.line - 1]
    assert line == "  contact:"


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
    assert document["key_criteria_not_met"] == ["zss-91-3"]
    refusal = next(c for c in document["criteria"] if c["id"] == "zss-91-3")
    assert refusal["evidence"][0]["url"]["en"] == "en/zavazek/#refusal"
    assert refusal["findings"][0]["file"] == "data/commitment.yaml"
    assert "§ 91 odst. 3" in refusal["source"]["citation"]["cs"]
    assert refusal["source"]["url"] == "https://e-sbirka.gov.cz/sb/2006/108#par_91-odst_3"
    assert refusal["wording"]["status"] == "copy" and refusal["wording"]["checked_on"] == "2026-11-23"
    assert refusal["wording"]["in_force_from"] == "2026-07-01"
    # The source line and the note are in each language of the site, not in English only.
    assert set(refusal["wording"]["source"]) == set(document["languages"])
    assert "ve znění účinném od 1. července 2026" in refusal["wording"]["source"]["cs"]
    assert "Новая редакция закона" in refusal["wording"]["note"]["ru"]
    statement = next(c for c in document["criteria"] if c["id"] == "a11y-statement")
    assert statement["wording"]["references"][0]["url"].startswith("https://www.dia.gov.cz/")


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


def test_every_criterion_has_its_requirement_in_every_interface_language_and_a_wording_status():
    for criterion in load_catalogue():
        assert criterion.requirement.languages() >= {"en", *i18n.catalog_languages()}, criterion.id
        assert criterion.evidence.languages() >= {"en", *i18n.catalog_languages()}, criterion.id
        if criterion.wording.status == "confirmed":
            assert criterion.wording.checked_on and criterion.wording.source, criterion.id


# --- each question judged once ------------------------------------------------------------------


@pytest.mark.parametrize("change", [remove_russian_mission, remove_russian_complaints], ids=["mission", "complaints"])
def test_a_missing_translation_is_judged_only_by_the_languages_criterion(site_folder, change):
    add_russian_freedom_principle(site_folder)
    change(site_folder)
    report = {r.criterion.id: r for r in checklist(site_folder).results}
    assert report["sqss-1a"].status is Status.MET and report["zss-88-complaints"].status is Status.MET
    findings = [f for r in report.values() for f in r.outcome.findings if f.lang == "ru"]
    assert len(findings) == 1 and report["lang-complete"].outcome.findings == findings


def test_descriptions_are_judged_like_names_in_every_example():
    findings = result(ROOT / "examples" / "icp", "lang-complete").outcome.findings
    assert [(f.lang, f.place.path) for f in findings] == [
        ("en", "principles[6].description"), ("en", "principles[7].description")]
    assert result(ROOT / "examples" / "icp", "sqss-1a").status is Status.MET


def test_a_finding_about_one_language_links_to_the_page_in_that_language(site_folder):
    report = json.loads(report_json_text(checklist(site_folder), open_project(site_folder)))
    findings = next(c for c in report["criteria"] if c["id"] == "lang-complete")["findings"]
    assert [f["url"] for f in findings] == ["ru/zavazek/#principles", "ru/zavazek/#principles"]
    result = run_zavazek("build", str(site_folder))
    assert result.returncode == 0, result.stderr
    for page, expected in (("kontrola/index.html", "../ru/zavazek/#principles"),
                           ("en/kontrola/index.html", "../../ru/zavazek/#principles")):
        html = (site_folder / "site" / page).read_text(encoding="utf-8")
        assert f'<a href="{expected}" hreflang="ru">' in html, page


# --- overdue goals ---------------------------------------------------------------------------


def _goals_page_and_poster(folder: Path) -> tuple[str, str]:
    import subprocess

    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "cile" / "index.html").read_text(encoding="utf-8")
    page = page[page.index('id="goal-ostrava-zdravotni-pojisteni"'):]
    page = page[:page.index("</li>")]
    poster = subprocess.run(["pdftotext", str(folder / "site" / "nastenky" / "ostrava-cs-a4.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    return page, " ".join(poster.split())


def test_a_goal_past_its_deadline_and_not_done_is_marked_overdue_on_the_page_and_the_poster(site_folder):
    page, poster = _goals_page_and_poster(site_folder)
    assert '<strong class="zv-overdue">po termínu</strong>' in page
    assert "Stav: po termínu" in poster
    finding = result(site_folder, "goals-deadlines").outcome.findings
    assert any("zdravotni-pojisteni" in f.message.render("en") for f in finding)


def test_a_goal_done_before_its_deadline_passed_is_not_overdue(site_folder):
    path = site_folder / "data/goals.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: zdravotni-pojisteni")
    path.write_text(text[:start] + text[start:].replace("status: in_progress", "status: done", 1), encoding="utf-8")
    page, poster = _goals_page_and_poster(site_folder)
    assert "zv-overdue" not in page and "po termínu" not in poster
    finding = result(site_folder, "goals-deadlines").outcome.findings
    assert not any("zdravotni-pojisteni" in f.message.render("en") for f in finding)


# --- ages -------------------------------------------------------------------------------------


def _age_warnings(folder: Path) -> list[str]:
    result = run_zavazek("validate", str(folder))
    assert result.returncode == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    return [lines[i] + " " + lines[i + 2] for i, line in enumerate(lines) if "target_groups" in line and "age" in line]


def test_the_directory_giving_other_ages_than_the_commitment_is_a_warning(site_folder):
    path = site_folder / "data/commitment.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("age: {from: 16}", "age: {from: 15}"), encoding="utf-8")
    warnings = _age_warnings(site_folder)
    assert len(warnings) == 7 and all("16+" in w and "15+" in w for w in warnings)
    assert all(w.startswith("data/services.yaml:") and "commitment.yaml" in w for w in warnings)


def test_the_same_ages_in_the_directory_and_the_commitment_give_no_warning(site_folder):
    assert _age_warnings(site_folder) == []


def test_an_age_range_that_ends_before_it_starts_is_refused_in_the_commitment_as_in_the_directory(site_folder):
    edit(site_folder, "data/commitment.yaml", "age: {from: 16}", "age: {from: 65, to: 18}")
    result = run_zavazek("validate", str(site_folder))
    assert result.returncode != 0
    lines = (site_folder / "data/commitment.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "age: {from: 65, to: 18}" in text)
    assert f"data/commitment.yaml:{line}:" in result.stdout + result.stderr
    assert "65–18" in result.stdout + result.stderr
# --- where each criterion comes from ------------------------------------------------------


@pytest.mark.parametrize("source, url", [
    ({"act": "a11y", "section": "8"}, "https://e-sbirka.gov.cz/sb/2019/99#par_8"),
    ({"act": "zss", "section": "91", "subsection": "3"}, "https://e-sbirka.gov.cz/sb/2006/108#par_91-odst_3"),
    ({"act": "zss", "section": "88", "letter": "g"}, "https://e-sbirka.gov.cz/sb/2006/108#par_88-pism_g"),
    ({"act": "zss", "section": "91", "subsection": "3", "letter": "c"},
     "https://e-sbirka.gov.cz/sb/2006/108#par_91-odst_3-pism_c"),
    ({"act": "ekom", "section": "89", "subsection": "3"}, "https://e-sbirka.gov.cz/sb/2005/127#par_89-odst_3"),
    ({"act": "sqss", "standard": "7"}, "https://e-sbirka.gov.cz/sb/2006/505"),
    ({"act": "gdpr", "article": "13"}, "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_13"),
    ({"act": "mpsv"}, None),
])
def test_official_text_link_goes_down_to_the_section_subsection_and_letter(source, url):
    assert Source(**source).official_url() == url


def test_every_criterion_from_an_act_links_to_its_official_text():
    for criterion in load_catalogue():
        url = criterion.source.official_url()
        if criterion.source.act == "mpsv":
            assert url is None, criterion.id
            continue
        assert re.fullmatch(r"https://(e-sbirka\.gov\.cz/sb/\d{4}/\d+(#par_\d+[a-z]?(-odst_\d+)?(-pism_[a-z])?)?"
                            r"|eur-lex\.europa\.eu/eli/reg/2016/679/oj#art_\d+)", url), (criterion.id, url)


def test_notes_on_the_wording_are_written_in_every_interface_language():
    for criterion in load_catalogue():
        if criterion.wording.note:
            assert criterion.wording.note.languages() >= {"en", *i18n.catalog_languages()}, criterion.id
        if criterion.wording.status == "copy":
            assert criterion.wording.read_in and criterion.wording.checked_on, criterion.id


# --- the accessibility statement and the official model ----------------------------------


def test_accessibility_statement_has_every_part_of_the_model_with_the_example_data(site_folder):
    from zavazek.core.model.website import STATEMENT_PARTS

    found = result(site_folder, "a11y-statement")
    assert found.status is Status.MET
    assert [link.anchor for link in found.outcome.evidence] == list(STATEMENT_PARTS)
    assert list(STATEMENT_PARTS) == ["commitment", "scope", "status", "non-accessible", "preparation",
                                     "feedback", "enforcement"]


def test_accessibility_statement_without_the_method_lacks_that_part(site_folder):
    remove_czech_line("data/website.yaml", "  method:\n")(site_folder)
    found = result(site_folder, "a11y-statement")
    assert found.status is Status.NOT_MET
    assert [(f.lang, f.place.path) for f in found.outcome.findings] == [("cs", "accessibility.method")]


def test_accessibility_statement_without_the_method_in_russian_is_a_gap_in_understandability_only(site_folder):
    add_russian_freedom_principle(site_folder)
    remove_russian_line("data/website.yaml", "  method:\n")(site_folder)
    assert result(site_folder, "a11y-statement").status is Status.MET
    found = result(site_folder, "lang-complete")
    assert [(f.lang, f.place.path) for f in found.outcome.findings] == [("ru", "accessibility.method")]
    assert sitemap.page(found.outcome.findings[0].link.page) == "pristupnost"


def test_accessibility_statement_without_the_sites_address_cannot_name_its_scope(site_folder):
    edit(site_folder, "mkdocs.yml", "site_url: https://cpic.example.org/\n", "")
    found = result(site_folder, "a11y-statement")
    assert found.status is Status.NOT_MET
    assert found.outcome.findings[0].place.file == "mkdocs.yml"
    assert found.outcome.findings[0].link.anchor == "scope"


def test_accessibility_statement_of_the_second_provider_lists_its_content_under_a_ground():
    found = result(ROOT / "examples" / "icp", "a11y-statement")
    assert found.status is Status.MET, [f.message.render("en") for f in found.outcome.findings]
