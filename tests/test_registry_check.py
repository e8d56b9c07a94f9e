"""The checklist's comparison of the commitment with the register (criterion ``reg-match``).

Each test runs ``zavazek check`` (or ``zavazek build``) on a copy of an example
whose commitment differs from the fixture register (``tests/registry/rpss.json``)
in one way, and reads what a member of staff reads: the report's finding,
naming both values, the file:line of the field and the snapshot's date.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache

REGISTER = ROOT / "tests" / "registry" / "rpss.json"
CODELISTS = ROOT / "tests" / "registry"
DATE = "2026-11-30"
OPU = ROOT / "examples" / "opu"


def _reports(stdout: str) -> list[dict]:
    """The JSON reports ``check --json`` prints, one per registered service."""
    decoder, reports, i = json.JSONDecoder(), [], 0
    while True:
        while i < len(stdout) and stdout[i].isspace():
            i += 1
        if i >= len(stdout):
            return reports
        report, i = decoder.raw_decode(stdout, i)
        reports.append(report)


def _criterion(report: dict, cid: str = "reg-match") -> dict:
    return next(c for c in report["criteria"] if c["id"] == cid)


def check(folder: Path, *extra: str, register: Path | None = REGISTER) -> list[dict]:
    """reg-match of each report of ``zavazek check --json``."""
    args = ["check", str(folder), "--json", *extra]
    if register is not None:
        args += ["--registry", str(register), "--snapshot-date", DATE]
    result = run_zavazek(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    return [_criterion(r) for r in _reports(result.stdout)]


def findings(folder: Path, *extra: str) -> list[list[dict]]:
    return [c["findings"] for c in check(folder, *extra)]


def edit(folder: Path, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` in the folder's commitment.yaml; the line (1-based) of the first change."""
    file = folder / "data" / "commitment.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    line = text[:text.index(old)].count("\n") + 1
    file.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(folder: Path, text: str, after: str = "") -> int:
    content = (folder / "data" / "commitment.yaml").read_text(encoding="utf-8")
    return content[:content.index(text, content.index(after) if after else 0)].count("\n") + 1


def one(found: list[dict], cs: str, en: str, line: int, field: str) -> None:
    """Exactly one finding: both values in Czech and English, the snapshot's date, the field's file:line."""
    assert len(found) == 1, json.dumps(found, ensure_ascii=False, indent=1)
    f = found[0]
    assert f["message"]["cs"].endswith(cs), f["message"]["cs"]
    assert f["message"]["en"].endswith(en), f["message"]["en"]
    assert (f["file"], f["line"], f["field"]) == ("data/commitment.yaml", line, field)
    for lang in ("ru", "vi"):  # every language of the site, from the catalogs
        assert DATE in f["message"][lang] and f["message"][lang] != f["message"]["en"]


@pytest.fixture
def cpic(tmp_path) -> Path:
    """The repository's example (one service, 1234567, three centres): the same as the register."""
    return copy_site_folder(ROOT, tmp_path / "cpic")


@pytest.fixture
def opu(tmp_path) -> Path:
    """The example of two services (1000001, 1000002 field work), made the same as the register."""
    folder = copy_site_folder(OPU, tmp_path / "opu")
    edit(folder, "        registry_category: imigranti_a_azylanti\n    integration_needs:",
         "        registry_category: imigranti_a_azylanti\n"
         "      - id: v-krizi\n        text: {cs: Lidé v krizi., en: People in crisis.}\n"
         "        registry_category: osoby_v_krizi\n    integration_needs:")
    return folder


# --- the same as the register ------------------------------------------------------------------------


def test_the_same_commitment_as_the_register_has_no_finding(cpic, opu):
    assert [(c["status"], c["findings"]) for c in check(cpic, "--codelists", str(CODELISTS))] == [("met", [])]
    assert [(c["status"], c["findings"]) for c in check(opu)] == [("met", []), ("met", [])]


def test_without_a_snapshot_the_comparison_is_not_checkable_with_a_hint(cpic):
    (criterion,) = check(cpic, register=None)
    assert criterion["status"] == "not_checkable"
    assert "--registry rpss.json" in criterion["findings"][0]["fix"]["en"]
    assert "data/registry.yaml" in criterion["findings"][0]["fix"]["cs"]


def test_the_examples_against_the_fixture_register():
    """The OPU example leaves out a target group the register has; the ICP example gives no registry id."""
    (service_1, service_2) = findings(OPU)
    assert service_1 == []
    one(service_2, "imigranti a azylanti; registr ke dni 2026-11-30: osoby v krizi.",
        "immigrants and asylum holders; register of 2026-11-30: people in crisis.",
        line_of(OPU, "    target_groups:", after='registry_id: "1000002"'), "target_groups")
    (icp,) = check(ROOT / "examples" / "icp")
    assert icp["status"] == "not_met"
    assert "no registry identifier" in icp["findings"][0]["message"]["en"]


# --- one difference at a time --------------------------------------------------------------------------


def test_another_kind(cpic):
    line = edit(cpic, "kind: odborne_socialni_poradenstvi", "kind: terenni_programy")
    one(findings(cpic)[0], "Závazek: terénní programy; registr ke dni 2026-11-30: odborné sociální poradenství.",
        "Commitment: field programmes; register of 2026-11-30: expert social counselling.", line, "service.kind")


def test_a_form_not_in_the_register(cpic):
    line = edit(cpic, "forms: [ambulant, field]", "forms: [ambulant, field, residential]")
    one(findings(cpic)[0], "Závazek: pobytová; registr ke dni 2026-11-30: ve středisku (ambulantní), v terénu (přijdeme za vámi).",
        "Commitment: residential; register of 2026-11-30: at the centre (ambulant), in the field (we come to you).",
        line, "service.forms[2]")


def test_a_registered_form_missing_from_the_commitment(cpic):
    line = edit(cpic, "forms: [ambulant, field]", "forms: [ambulant]")
    found = findings(cpic)[0]
    one(found, "Závazek: ve středisku (ambulantní); registr ke dni 2026-11-30: v terénu (přijdeme za vámi).",
        "Commitment: at the centre (ambulant); register of 2026-11-30: in the field (we come to you).",
        line, "service.forms")
    assert found[0]["message"]["en"].startswith("A registered form of provision is missing from the commitment.")


def test_a_target_group_not_in_the_register(cpic):
    line = edit(cpic, "registry_category: imigranti_a_azylanti", "registry_category: osoby_v_krizi")
    found = findings(cpic)[0]
    one(found, "Závazek: osoby v krizi; registr ke dni 2026-11-30: imigranti a azylanti.",
        "Commitment: people in crisis; register of 2026-11-30: immigrants and asylum holders.",
        line, "target_groups[0].registry_category")
    assert found[0]["message"]["en"].startswith("A target group is not in the register.")


def test_another_age_range(cpic):
    line = edit(cpic, "age: {from: 16}", "age: {from: 18}", count=3)
    one(findings(cpic, "--codelists", str(CODELISTS))[0], "Závazek: 18+; registr ke dni 2026-11-30: 16+.",
        "Commitment: 18+; register of 2026-11-30: 16+.", line, "target_groups[0].age")
    assert findings(cpic)[0] == []  # without the codelist of age groups the register's ages are not known


def test_a_centre_address_differs_both_ways(cpic):
    line = edit(cpic, "street: Příkladová 1,", "street: Příkladová 5,")
    found = findings(cpic)[0]
    assert len(found) == 2, found
    ours, theirs = found
    assert ours["message"]["en"] == (
        "A place is not in the register. Commitment: Příkladová 5, 602 00 Brno; register of 2026-11-30: "
        "Centrum Jihomoravský kraj: Příkladová 101/1, 602 00, Centrum Plzeňský kraj: Ukázková 202/2, 301 00, "
        "Centrum Moravskoslezský kraj: Vzorová 303/3, 702 00.")
    assert (ours["line"], ours["field"]) == (line, "centres[0].address")
    assert theirs["message"]["cs"].startswith("V závazku chybí registrované místo. Závazek: Příkladová 5, 602 00 Brno")
    assert theirs["message"]["cs"].endswith("registr ke dni 2026-11-30: Centrum Jihomoravský kraj: Příkladová 101/1, 602 00.")
    assert (theirs["line"], theirs["field"]) == (line_of(cpic, "centres:"), "centres")


def test_a_field_district_not_in_the_register(opu):
    line = edit(opu, "districts: [CZ0321,", "districts: [CZ0642, CZ0321,")
    service_1, service_2 = findings(opu)
    assert service_1 == []
    one(service_2, "Závazek: Brno-město (CZ0642); registr ke dni 2026-11-30: Terénní práce v Plzeňském kraji: Příkladová 1212/12, 301 00.",
        "Commitment: Brno-město (CZ0642); register of 2026-11-30: Terénní práce v Plzeňském kraji: Příkladová 1212/12, 301 00.",
        line, "centres[0].area.districts[0]")  # the field as the service's view has it, like every criterion


def test_a_registered_field_district_missing_from_the_commitment(opu):
    line = edit(opu, " CZ0323,", "")
    service_1, service_2 = findings(opu)
    assert service_1 == []
    one(service_2, "registr ke dni 2026-11-30: Plzeň-město (CZ0323).", "register of 2026-11-30: Plzeň-město (CZ0323).",
        line, "centres[0].area.districts")
    assert service_2[0]["message"]["en"].startswith(
        "A registered field district is missing from the commitment. Commitment: Domažlice (CZ0321), Klatovy (CZ0322),")


def test_an_unknown_registry_id_and_the_registered_service_it_leaves_out(opu):
    line = edit(opu, 'registry_id: "1000002"', 'registry_id: "1000009"')
    service_1, service_2 = findings(opu)
    one(service_2, "Závazek: 1000009; registr ke dni 2026-11-30: pod tímto identifikátorem žádná služba.",
        "Commitment: 1000009; register of 2026-11-30: no service under this identifier.", line, "service.registry_id")
    one(service_1, "Závazek: nic; registr ke dni 2026-11-30: 1000002 (terénní programy).",
        "Commitment: none; register of 2026-11-30: 1000002 (field programmes).",
        line_of(opu, "\nservices:") + 1, "services")


def test_a_service_ended_in_the_register_but_published(opu):
    line = edit(opu, 'registry_id: "1000002"', 'registry_id: "1000003"')
    service_1, service_2 = findings(opu)
    one(service_2, "Závazek: zveřejněna; registr ke dni 2026-11-30: skončila 2020-12-31.",
        "Commitment: published; register of 2026-11-30: ended on 2020-12-31.", line, "service.registry_id")
    assert service_2[0]["message"]["en"].startswith("The service ended in the register but is still published.")
    assert [f["message"]["en"] for f in service_1] == [
        "A registered service is missing from the commitment. Commitment: none; register of 2026-11-30: "
        "1000002 (field programmes)."]


# --- a bad snapshot or configuration ---------------------------------------------------------------------


@pytest.mark.parametrize("content, cs, en", [
    (REGISTER.read_bytes()[:4000], "useknutý", "truncated"),
    (b"<html>not the register</html>", "není JSON", "not JSON"),
    (b'{"polozky": {"a": 1}}', "má být seznam služeb", "should be the list of services"),
])
def test_a_bad_snapshot_fails_with_the_readers_error(tmp_path, content, cs, en):
    bad = tmp_path / "rpss.json"
    bad.write_bytes(content)
    result = run_zavazek("check", str(OPU), "--registry", str(bad))
    assert result.returncode == 1, result.stdout
    assert cs in result.stderr and en in result.stderr and "rpss.json" in result.stderr
    assert result.stdout == ""


def test_a_missing_snapshot_in_the_data_file_is_named_with_its_line(cpic):
    (cpic / "data" / "registry.yaml").write_text("# imports\ndate: 2026-11-30\nsnapshot: registr/rpss.json\n")
    result = run_zavazek("check", str(cpic))
    assert result.returncode == 1
    assert "data/registry.yaml:3" in result.stderr
    assert "Soubor registru registr/rpss.json neexistuje." in result.stderr
    assert "The register's file registr/rpss.json does not exist." in result.stderr
    result = run_zavazek("build", str(cpic))
    assert result.returncode == 1 and "data/registry.yaml:3" in result.stderr
    assert not (cpic / "site").exists()


# --- the built site ------------------------------------------------------------------------------------


def test_a_build_with_a_configured_snapshot_shows_the_finding_in_czech_and_english(opu, opu_site):
    seed_pdf_cache(opu, opu_site)
    edit(opu, "      - id: v-krizi\n        text: {cs: Lidé v krizi., en: People in crisis.}\n"
              "        registry_category: osoby_v_krizi\n", "")
    (opu / "registr").mkdir()
    (opu / "registr" / "rpss.json").write_bytes(REGISTER.read_bytes())
    (opu / "data" / "registry.yaml").write_text(f"snapshot: registr/rpss.json\ndate: {DATE}\nimports: []\n")
    result = run_zavazek("build", str(opu))
    assert result.returncode == 0, result.stderr
    site = opu / "site"
    cs = (site / "kontrola" / "terenni-programy" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "kontrola" / "terenni-programy" / "index.html").read_text(encoding="utf-8")
    assert "V závazku chybí registrovaná cílová skupina. Závazek: imigranti a azylanti; registr ke dni 2026-11-30: osoby v krizi." in cs
    assert "A registered target group is missing from the commitment. Commitment: immigrants and asylum holders; register of 2026-11-30: people in crisis." in en
    assert "reg-match" in cs
    report = json.loads((site / "kontrola" / "terenni-programy" / "checklist.json").read_text(encoding="utf-8"))
    assert _criterion(report)["status"] == "not_met"
    first = json.loads((site / "kontrola" / "poradenstvi" / "checklist.json").read_text(encoding="utf-8"))
    assert _criterion(first)["status"] == "met"
