"""``zavazek registry import``: the register's facts written into commitment.yaml, and nothing else.

Every test runs the real command on a copy of an example (or a ``zavazek new`` site) with the
register fixture ``tests/registry/rpss.json`` (see its README) and its codelists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache

REGISTER = ROOT / "tests" / "registry"
RPSS = REGISTER / "rpss.json"
CPIC, ICP, OPU = "99000105", "00900028", "99000300"


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a site folder, byte for byte."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def register_import(folder: Path, ico: str, *extra: str, source: Path = RPSS, date: str = "2026-12-01"):
    return run_zavazek("registry", "import", str(folder), "--ico", ico, "--from", str(source),
                       "--codelists", str(REGISTER), "--snapshot-date", date, *extra)


def commitment(folder: Path) -> dict:
    return yaml.safe_load((folder / "data" / "commitment.yaml").read_text(encoding="utf-8"))


#: Keys whose values are registered facts; everything else is staff's and must stay as it was.
FACT_KEYS = {"kind", "registry_id", "forms", "registered", "registry_category", "age", "ico"}


def staff_part(value):
    """The data without the registered facts: what staff wrote."""
    if isinstance(value, dict):
        return {k: staff_part(v) for k, v in value.items() if k not in FACT_KEYS}
    if isinstance(value, list):
        return [staff_part(v) for v in value]
    return value


def removed_lines(before: bytes, after: bytes) -> list[str]:
    import difflib

    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    return [line for line in diff if line.startswith("- ")]


@pytest.fixture()
def cpic(tmp_path) -> Path:
    return copy_site_folder(ROOT, tmp_path / "cpic")


@pytest.fixture()
def icp(tmp_path) -> Path:
    return copy_site_folder(ROOT / "examples" / "icp", tmp_path / "icp")


@pytest.fixture()
def opu(tmp_path) -> Path:
    return copy_site_folder(ROOT / "examples" / "opu", tmp_path / "opu")


# --- what is written -----------------------------------------------------------------------------------


def test_cpic_gets_its_registered_facts_and_loses_no_line(cpic):
    before = (cpic / "data" / "commitment.yaml").read_bytes()
    result = register_import(cpic, CPIC)
    assert result.returncode == 0, result.stderr
    after = (cpic / "data" / "commitment.yaml").read_bytes()
    assert removed_lines(before, after) == []  # only lines added: comments, quoting, order all kept
    data = commitment(cpic)
    assert data["provider"]["ico"] == CPIC
    assert data["service"]["registered"] == {
        "since": dt.date(2015, 1, 1),
        "capacity": [{"form": "ambulant", "count": 3, "unit": "interventions"},
                     {"form": "field", "count": 1, "unit": "clients"}],
    }
    assert "service.registered.since: – → 2015-01-01 (register)" in result.stdout
    assert "3 change(s) written to commitment.yaml." in result.stdout


def test_import_twice_changes_no_byte_and_records_the_snapshot(cpic):
    assert register_import(cpic, CPIC).returncode == 0
    first = files(cpic)
    record = yaml.safe_load((cpic / "data" / "registry.yaml").read_text(encoding="utf-8"))["imported"]
    assert record == {"date": dt.date(2026, 12, 1), "file": "rpss.json",
                      "sha256": hashlib.sha256(RPSS.read_bytes()).hexdigest(), "ico": CPIC, "services": ["1234567"]}

    again = register_import(cpic, CPIC)  # the same snapshot: nothing at all changes
    assert again.returncode == 0, again.stderr
    assert "Nothing to change: commitment.yaml already has the register's facts." in again.stdout
    assert files(cpic) == first

    later = register_import(cpic, CPIC, date="2026-12-03")  # a newer snapshot, the same facts
    assert later.returncode == 0, later.stderr
    now = files(cpic)
    assert now["data/commitment.yaml"] == first["data/commitment.yaml"]
    assert yaml.safe_load(now["data/registry.yaml"])["imported"]["date"] == dt.date(2026, 12, 3)


def test_icp_service_found_by_its_kind_and_ages_follow_the_register(icp):
    result = register_import(icp, ICP)
    assert result.returncode == 0, result.stderr
    service = commitment(icp)["service"]
    assert service["registry_id"] == "3456789"  # the example had none: its one service of that kind
    assert service["registered"]["since"] == dt.date(2012, 5, 1)
    assert commitment(icp)["target_groups"][0]["age"] == {"from": 16}  # register: 16+, the example said 15
    assert "target_groups[0].age: 15+ → 16+ (register)" in result.stdout


def test_opu_two_services_each_get_their_own_facts(opu):
    before = commitment(opu)
    result = register_import(opu, OPU)
    assert result.returncode == 0, result.stderr
    after = commitment(opu)
    counselling, field = (s["service"] for s in after["services"])
    assert counselling["registered"]["capacity"] == [{"form": "ambulant", "count": 1, "unit": "clients"}]
    assert field["registered"]["capacity"] == [{"form": "field", "count": 1, "unit": "clients"}]
    assert staff_part(after) == staff_part(before)
    # reported, not invented: the ended service 1000003, and a target group without its text
    assert "The register's service 1000003" in result.stdout
    assert "the register also names the target group “people in crisis”" in result.stdout
    assert "is not among the centres" not in result.stdout  # both places match the centres (address, district)


def test_staff_texts_untouched_when_kind_forms_and_groups_change(cpic):
    path = cpic / "data" / "commitment.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  kind: odborne_socialni_poradenstvi\n", "  kind: terenni_programy\n")
    text = text.replace("  forms: [ambulant, field]\n", "  forms: [field]\n")
    text = text.replace("    registry_category: imigranti_a_azylanti\n", "    registry_category: osoby_v_krizi\n", 1)
    path.write_text(text, encoding="utf-8")
    before = commitment(cpic)
    result = register_import(cpic, CPIC)
    assert result.returncode == 0, result.stderr
    after = commitment(cpic)
    assert after["service"]["kind"] == "odborne_socialni_poradenstvi"
    assert after["service"]["forms"] == ["ambulant", "field"]
    assert after["target_groups"][0]["registry_category"] == "imigranti_a_azylanti"
    assert staff_part(after) == staff_part(before)
    assert "service.kind: field programmes → expert social counselling (register)" in result.stdout
    assert "service.kind: terénní programy → odborné sociální poradenství (registr)" in result.stdout
    # the edits are in place: the flow list stays a flow list, nothing else moved
    assert "  forms: [ambulant, field]\n" in path.read_text(encoding="utf-8")


def test_dry_run_shows_the_diff_and_writes_nothing(icp):
    before = files(icp)
    result = register_import(icp, ICP, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert files(icp) == before
    assert "--- a/data/commitment.yaml" in result.stdout
    assert '+  registry_id: "3456789"' in result.stdout
    assert "+  date: 2026-12-01" in result.stdout  # the record it would write
    assert "Dry run: 5 change(s) to commitment.yaml; nothing was written." in result.stdout


def test_missing_place_listed_or_added_with_add_places(icp):
    path = icp / "data" / "commitment.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("street: Ukázková 5", "street: Jiná 5"), encoding="utf-8")
    listed = register_import(icp, ICP, "--dry-run")
    assert "“Pobočka Praha-jih” (Ukázková 1505/5, 140 00 Praha) is not among the centres" in listed.stdout
    result = register_import(icp, ICP, "--add-places")
    assert result.returncode == 0, result.stderr
    added = commitment(icp)["centres"][-1]
    assert added == {"id": "pobocka-praha-jih", "name": {"cs": "Pobočka Praha-jih"}, "region": "CZ010",
                     "address": {"street": "Ukázková 1505/5", "city": "Praha", "postcode": "140 00"}}


def test_new_site_filled_from_the_register_then_builds(tmp_path):
    folder = tmp_path / "new"
    made = run_zavazek("new", str(folder), "--name", "Ukázkový azylový dům", "--languages", "cs,en")
    assert made.returncode == 0, made.stderr
    result = register_import(folder, "99000407", "--add-places")
    assert result.returncode == 0, result.stderr
    service = commitment(folder)["service"]
    assert (service["kind"], service["registry_id"], service["forms"]) == ("azylove_domy", "7654321", ["residential"])
    assert service["registered"] == {"since": dt.date(2018, 3, 1),
                                     "capacity": [{"form": "residential", "count": 12, "unit": "beds"}]}
    assert "has a secret address: it is not compared and never published" in result.stdout
    assert "Azylový dům pro matky" not in (folder / "data" / "commitment.yaml").read_text(encoding="utf-8")
    built = run_zavazek("build", str(folder))
    assert built.returncode == 0, built.stdout + built.stderr
    page = (folder / "site" / "zavazek" / "index.html").read_text(encoding="utf-8")
    assert "Registrovaná kapacita" in page and "Počet lůžek 12" in page
    assert "od 1. března 2018" in page


def test_opu_builds_after_the_import_and_shows_the_facts(opu, opu_site):
    assert register_import(opu, OPU).returncode == 0
    seed_pdf_cache(opu, opu_site)
    built = run_zavazek("build", str(opu))
    assert built.returncode == 0, built.stdout + built.stderr
    pages = "".join(p.read_text(encoding="utf-8") for p in (opu / "site").rglob("index.html")
                    if "/en/" not in str(p))
    assert "Registrovaná kapacita" in pages and "od 1. ledna 2018" in pages


# --- bad input: an error in Czech and English, and no byte changed ------------------------------------


def _broken(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _wrong_type(tmp_path: Path) -> Path:
    data = json.loads(RPSS.read_text(encoding="utf-8"))
    data["polozky"][0]["datumPoskytovaniOd"] = 2015
    return _broken(tmp_path, "rpss-type.json", json.dumps(data, ensure_ascii=False).encode())


BAD_INPUTS = {
    "truncated": (lambda tmp: _broken(tmp, "rpss-cut.json", RPSS.read_bytes()[:5000]), CPIC, "truncated"),
    "not JSON": (lambda tmp: _broken(tmp, "rpss.html", b"<html>Service unavailable</html>"), CPIC, "not JSON"),
    "IČO not in it": (lambda tmp: RPSS, "12345679", "no service of a provider with the IČO 12345679"),
    "field of a wrong type": (_wrong_type, CPIC, "datumPoskytovaniOd"),
    "changed format": (lambda tmp: _broken(tmp, "rpss-list.json", b'{"items": []}'), CPIC, "polozky"),
    "another provider's IČO": (lambda tmp: RPSS, ICP, None),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_refused_and_nothing_written(case, cpic, tmp_path):
    make, ico, words = BAD_INPUTS[case]
    if case == "another provider's IČO":  # the file names the provider: the register's other one is refused
        path = cpic / "data" / "commitment.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("  short_name: SUZ\n", f'  short_name: SUZ\n  ico: "{CPIC}"\n'),
                        encoding="utf-8")
        words = f"The IČO {ICP} given with --ico is not the provider's IČO {CPIC}"
    before = files(cpic)
    result = register_import(cpic, ico, source=make(tmp_path))
    assert result.returncode != 0
    assert files(cpic) == before
    assert words in result.stderr
    assert "\n  cs: " in result.stderr and "\n  en: " in result.stderr
    assert "1 error(s): no file was changed." in result.stderr


def test_older_snapshot_refused(cpic):
    assert register_import(cpic, CPIC, date="2026-12-01").returncode == 0
    before = files(cpic)
    result = register_import(cpic, CPIC, date="2026-11-30")
    assert result.returncode != 0
    assert files(cpic) == before
    assert "The register snapshot of 2026-11-30 is older than the one already imported (2026-12-01)" in result.stderr
    assert "data/registry.yaml" in result.stderr


def test_snapshot_date_defaults_to_the_files_date(cpic, tmp_path):
    copy = _broken(tmp_path, "rpss.json", RPSS.read_bytes())
    stamp = dt.datetime(2026, 10, 5, 12).timestamp()
    import os

    os.utime(copy, (stamp, stamp))
    result = run_zavazek("registry", "import", str(cpic), "--ico", CPIC, "--from", str(copy))
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((cpic / "data" / "registry.yaml").read_text(encoding="utf-8"))
    assert record["imported"]["date"] == dt.date(2026, 10, 5)
    # without codelists the ages are not known: said, not guessed
    assert "ages were not compared" in result.stdout


def test_registered_facts_are_validated(cpic):
    assert register_import(cpic, CPIC).returncode == 0
    path = cpic / "data" / "commitment.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    since: 2015-01-01\n",
                                                             "    since: 2015-01-01\n    until: 2014-12-31\n"),
                    encoding="utf-8")
    result = run_zavazek("validate", str(cpic))
    assert result.returncode != 0
    assert "The registration ends (2014-12-31) before it starts (2015-01-01)." in result.stderr
    assert re.search(r"commitment\.yaml:\d+", result.stderr)


def test_an_import_keeps_the_snapshot_the_checklist_compares_with(cpic):
    """``data/registry.yaml`` names the checklist's snapshot (``snapshot:``, ``date:``); an import adds its
    record below and keeps those lines, so the next build still compares with the register."""
    (cpic / "registr").mkdir()
    (cpic / "registr" / "rpss.json").write_bytes((REGISTER / "rpss.json").read_bytes())
    settings = "# compared by the checklist\nsnapshot: registr/rpss.json\ndate: 2026-11-30\n"
    (cpic / "data" / "registry.yaml").write_text(settings, encoding="utf-8")
    assert register_import(cpic, CPIC).returncode == 0
    written = (cpic / "data" / "registry.yaml").read_text(encoding="utf-8")
    assert written.startswith(settings)
    record = yaml.safe_load(written)
    assert record["snapshot"] == "registr/rpss.json" and record["imported"]["ico"] == CPIC
    assert register_import(cpic, CPIC).returncode == 0
    assert (cpic / "data" / "registry.yaml").read_text(encoding="utf-8") == written
