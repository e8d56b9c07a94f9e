"""``zavazek registry directory``: the directory of services seeded and refreshed from the MPSV register."""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache

FIXTURES = ROOT / "tests" / "registry"
RPSS = FIXTURES / "rpss.json"
SNAPSHOT = "2026-11-20"  # before the tests' fixed day, 2026-11-23
FOREIGNERS = {"3456789", "1000001", "1000002"}  # active services for immigrants and asylum seekers


def _run(folder: Path, register: Path = RPSS, *extra: str):
    return run_zavazek("registry", "directory", str(folder), "--from", str(register), "--codelists", str(FIXTURES),
                       "--snapshot", SNAPSHOT, *extra)


def _services(folder: Path) -> dict:
    return yaml.safe_load((folder / "data" / "services.yaml").read_text(encoding="utf-8"))


def _by_registry(folder: Path) -> dict[str, dict]:
    return {str(s["source"]["registry"]): s for s in _services(folder)["services"] if "source" in s}


def _register(tmp_path: Path, change) -> Path:
    data = json.loads(RPSS.read_text(encoding="utf-8"))
    change(data["polozky"])
    path = tmp_path / "rpss-changed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _item(items: list, registry_id: str) -> dict:
    return next(i for i in items if i["identifikator"] == registry_id)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A copy of the root example's folder seeded once from the fixture register."""
    folder = copy_site_folder(ROOT, tmp_path_factory.mktemp("seeded") / "site")
    out = _run(folder)
    assert out.returncode == 0, out.stderr
    return folder


def _fresh(tmp_path: Path, seeded: Path) -> Path:
    folder = copy_site_folder(seeded, tmp_path / "site")
    return folder


def test_seeding_adds_the_foreigners_services_and_not_the_others(tmp_path):
    folder = copy_site_folder(ROOT, tmp_path / "site")
    before = (folder / "data" / "services.yaml").read_text(encoding="utf-8")
    out = _run(folder)
    assert out.returncode == 0, out.stderr
    assert "Added: 3" in out.stdout and "records read: 7" in out.stdout and " s\n" in out.stdout
    after = (folder / "data" / "services.yaml").read_text(encoding="utf-8")
    # Only additions: every line that was there is there still, in order.
    ops = {op for op, *_ in difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes()}
    assert ops == {"equal", "insert"}
    added = _by_registry(folder)
    assert set(added) == FOREIGNERS  # not the shelter, the home for the elderly, nor OPU's ended interpreting
    opu = added["1000001"]
    assert opu["registered"] == {"kind": "odborne_socialni_poradenstvi", "registry_id": "1000001"}
    assert opu["regions"] == ["CZ032"] and opu["districts"] == ["CZ0323"]
    assert opu["places"][0]["address"] == {"street": "Příkladová 1212/12", "city": "Plzeň", "postcode": "301 00"}
    assert opu["verified_on"].isoformat() == SNAPSHOT and opu["source"]["snapshot"].isoformat() == SNAPSHOT
    assert set(opu["description"]) == {"cs"}  # for staff to write; the site says it is not translated
    orgs = {o["id"]: o for o in _services(folder)["organisations"]}
    assert orgs[opu["organisation"]]["ico"] == "99000300"
    assert added["1000002"]["places"][0]["area"] == {"districts": ["CZ0323"]}  # field work: an area
    assert added["1000002"]["organisation"] == opu["organisation"]  # one organisation by IČO
    # The register's service already in the directory (CPIC, 1234567) is not added again.
    assert sum(1 for s in _services(folder)["services"] if "1234567" in json.dumps(s, default=str)) == 3
    assert run_zavazek("validate", str(folder)).returncode == 0


def test_a_secret_address_is_never_written(tmp_path):
    folder = copy_site_folder(ROOT, tmp_path / "site")
    out = _run(folder, RPSS, "--target-group", "osoby_v_krizi")
    assert out.returncode == 0, out.stderr
    assert "7654321: no public address" in out.stdout  # the shelter: reported, not added
    assert "7654321" not in (folder / "data" / "services.yaml").read_text(encoding="utf-8")
    assert "1000002" in _by_registry(folder)


def test_running_twice_changes_no_byte(tmp_path, seeded):
    folder = _fresh(tmp_path, seeded)
    before = (folder / "data" / "services.yaml").read_bytes()
    out = _run(folder)
    assert out.returncode == 0, out.stderr
    assert "Added: 0" in out.stdout and "Refreshed: 0" in out.stdout
    assert (folder / "data" / "services.yaml").read_bytes() == before


def test_staff_texts_languages_and_hours_survive_a_refresh_that_changes_the_kind(tmp_path, seeded):
    folder = _fresh(tmp_path, seeded)
    path = folder / "data" / "services.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: organizace-pro-pomoc-uprchlikum-1000001")
    entry = text[start:]
    edited = (entry
              .replace("podrobný popis doplní poskytovatel.'}",
                       "podrobný popis doplní poskytovatel.', en: Advice on residence and work in Plzeň.}", 1)
              .replace("    languages:\n      staff: [cs]\n", "    languages:\n      staff: [cs, uk]  # ověřeno\n", 1)
              .replace("postcode: \"301 00\"}\n",
                       "postcode: \"301 00\"}\n        opening_hours:\n          tue: 9:00-12:00\n", 1))
    assert edited.count("Advice on residence") == 1 and "[cs, uk]" in edited and "tue: 9:00-12:00" in edited
    path.write_text(text[:start] + edited, encoding="utf-8")
    before = path.read_text(encoding="utf-8")

    def to_interpreting(items):
        _item(items, "1000001")["druhSocialniSluzby"] = {"id": "DruhSocialniSluzby/19"}

    out = _run(folder, _register(tmp_path, to_interpreting))
    assert out.returncode == 0, out.stderr
    assert "Refreshed: 1" in out.stdout and "kind" in out.stdout
    entry = _by_registry(folder)["1000001"]
    assert entry["registered"]["kind"] == "tlumocnicke_sluzby"
    assert entry["description"]["en"] == "Advice on residence and work in Plzeň."
    assert entry["languages"]["staff"] == ["cs", "uk"]
    assert entry["places"][0]["opening_hours"] == {"tue": "9:00-12:00"}
    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ['-    registered: {kind: odborne_socialni_poradenstvi, registry_id: "1000001"}',
                       '+    registered: {kind: tlumocnicke_sluzby, registry_id: "1000001"}']
    assert "# ověřeno" in after


def test_a_service_gone_from_the_register_is_marked_and_no_longer_listed(tmp_path, seeded, example_site):
    folder = seed_pdf_cache(_fresh(tmp_path, seeded), example_site)

    def drop(items):
        items.remove(_item(items, "1000002"))

    out = _run(folder, _register(tmp_path, drop))
    assert out.returncode == 0, out.stderr
    assert "Marked as ended: 1" in out.stdout and "1000002" in out.stdout
    entry = _by_registry(folder)["1000002"]  # marked, not deleted
    assert entry["source"]["missing_since"].isoformat() == SNAPSHOT
    assert entry["runs"]["until"].isoformat() == "2026-11-19"
    build = run_zavazek("build", str(folder))
    assert build.returncode == 0, build.stderr
    region = (folder / "site" / "sluzby" / "plzensky" / "index.html").read_text(encoding="utf-8")
    assert "organizace-pro-pomoc-uprchlikum-1000001" in region  # still listed
    assert "organizace-pro-pomoc-uprchlikum-1000002" not in region


def test_the_dry_run_writes_nothing(tmp_path):
    folder = copy_site_folder(ROOT, tmp_path / "site")
    before = (folder / "data" / "services.yaml").read_bytes()
    out = _run(folder, RPSS, "--dry-run")
    assert out.returncode == 0, out.stderr
    assert "Added: 3" in out.stdout and "Nothing written" in out.stdout
    assert "+  - id: organizace-pro-pomoc-uprchlikum-1000001" in out.stdout  # the diff
    assert (folder / "data" / "services.yaml").read_bytes() == before


def _truncated(tmp_path: Path) -> Path:
    path = tmp_path / "cut.json"
    path.write_bytes(RPSS.read_bytes()[: RPSS.stat().st_size // 2])
    return path


def _wrong_field(tmp_path: Path) -> Path:
    return _register(tmp_path, lambda items: _item(items, "1000002").update(datumPoskytovaniOd="1. 1. 2018"))


@pytest.mark.parametrize("make, expected", [
    (_truncated, ["cut.json", "truncated", "useknutý"]),
    (_wrong_field, ["rpss-changed.json", "polozky[3].datumPoskytovaniOd", "1000002", "YYYY-MM-DD", "RRRR-MM-DD"]),
    (lambda tmp: tmp / "missing.json", ["missing.json", "does not exist", "neexistuje"]),
])
def test_bad_input_leaves_services_yaml_byte_identical(tmp_path, seeded, make, expected):
    folder = _fresh(tmp_path, seeded)
    before = (folder / "data" / "services.yaml").read_bytes()
    out = _run(folder, make(tmp_path))
    assert out.returncode != 0
    for text in expected:
        assert text in out.stderr
    assert (folder / "data" / "services.yaml").read_bytes() == before


def test_an_unknown_target_group_is_refused(tmp_path, seeded):
    folder = _fresh(tmp_path, seeded)
    before = (folder / "data" / "services.yaml").read_bytes()
    out = _run(folder, RPSS, "--target-group", "cizinci")
    assert out.returncode != 0 and "cizinci" in out.stderr and "imigranti_a_azylanti" in out.stderr
    assert (folder / "data" / "services.yaml").read_bytes() == before


# --- memory ------------------------------------------------------------------------------------------

_MEASURE = """
import datetime as dt, json, resource, sys
from pathlib import Path
from zavazek.core.registry.directory import plan
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcome = plan(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]), dt.date(2026, 11, 20),
               (sys.argv[3],))
print(json.dumps({"read": outcome.records_read, "added": len(outcome.added), "before_kb": before,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _measure(register: Path, group: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(ROOT / "data" / "services.yaml"), str(register), group],
                         env=env, capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout)


def test_the_register_is_streamed_in_bounded_memory(tmp_path):
    sys.path.insert(0, str(FIXTURES))
    import generate

    small = _measure(generate.write_register(tmp_path / "small.json", 1_000), "3")
    large = _measure(generate.write_register(tmp_path / "large.json", 10_000), "3")
    assert large["read"] == 10_000 and large["added"] > small["added"] > 0
    grew_mb = (large["peak_kb"] - small["peak_kb"]) / 1024
    size_mb = (tmp_path / "large.json").stat().st_size / 2**20
    print(f"\nplan() on 1,000 and 10,000 services ({size_mb:.0f} MB): peak {small['peak_kb'] / 1024:.0f} and "
          f"{large['peak_kb'] / 1024:.0f} MB")
    # Ten times the register, ten times the services kept (about one in thirty): far less than the file.
    assert grew_mb < size_mb / 2
