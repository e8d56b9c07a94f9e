"""Reading the MPSV register (rpss.json): fixtures into records, bad input, bounded memory."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zavazek.core.problems import DataError
from zavazek.core.registry import dataset
from zavazek.core.registry.dataset import Codelists
from zavazek.core.registry.reader import (
    find_provider, iter_services, providers, read_services, services_for_target_group,
)

HERE = Path(__file__).parent
FIXTURES = HERE / "registry"
RPSS = FIXTURES / "rpss.json"
SRC = HERE.parent / "src"
TODAY = dt.date(2026, 12, 1)

sys.path.insert(0, str(FIXTURES))
import generate  # noqa: E402

SUZ, ICP, OPU, AZYL, DOMOV = (generate.ico(b) for b in ("9900010", "0090002", "9900030", "9900040", "9900050"))


@pytest.fixture(scope="module")
def lists() -> Codelists:
    return Codelists.load(FIXTURES)


@pytest.fixture(scope="module")
def by_id(lists):
    return {s.registry_id: s for s in iter_services(RPSS, lists)}


def _items() -> dict:
    return json.loads(RPSS.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data, name="rpss.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _error(call) -> tuple:
    """The one problem of the DataError ``call`` raises, and its Czech and English text."""
    with pytest.raises(DataError) as info:
        call()
    [problem] = info.value.problems
    return problem, problem.message.render("cs"), problem.message.render("en")


# --- the fixture's records -----------------------------------------------------------------------------


def test_fixture_is_the_ministry_shape():
    """Every service has exactly the first-level keys measured on the real data (31 Aug 2026)."""
    keys = {"portalId", "id", "identifikator", "datumPoskytovaniOd", "datumPoskytovaniDo", "kontaktniAdresy",
            "druhSocialniSluzby", "zarizeni", "poskytovatel", "emaily", "telefony", "faxy", "weby", "ciloveSkupiny",
            "vekoveSkupiny", "doplnujiciInformaceVekoveSkupiny", "formy", "rozsirenePusobnostiVKraji", "doplnkoveUdaje"}
    data = _items()
    assert list(data) == ["polozky"]
    assert all(set(item) == keys for item in data["polozky"])


def test_the_example_provider_suz(by_id):
    s = by_id["1234567"]  # data/commitment.yaml: registry_id 1234567, expert social counselling, ambulant + field
    assert (s.provider_ico, s.provider_name) == (SUZ, "Správa uprchlických zařízení Ministerstva vnitra")
    assert (s.kind.code, s.kind.section, s.kind.name) == ("odborne_socialni_poradenstvi", "§ 37", "odborné sociální poradenství")
    assert s.forms == ("ambulant", "field")
    assert [(g.code, g.name, g.confirmed) for g in s.target_groups] == [("imigranti_a_azylanti", "imigranti a azylanti", True)]
    assert s.age_range == (16, None)  # commitment.yaml: age from 16
    assert [(c.form, c.count, c.unit_label) for c in s.capacities] == [
        ("ambulant", 3, "Počet intervencí (30 min. jednání)"), ("field", 1, "Počet klientů")]
    assert [(f.name, f.address.one_line(), f.address.region, f.address.district) for f in s.facilities] == [
        ("Centrum Jihomoravský kraj", "Příkladová 101/1, 602 00 Brno", "CZ064", "CZ0642"),
        ("Centrum Plzeňský kraj", "Ukázková 202/2, 301 00 Plzeň", "CZ032", "CZ0323"),
        ("Centrum Moravskoslezský kraj", "Vzorová 303/3, 702 00 Ostrava", "CZ080", "CZ0806"),
    ]
    assert (s.start, s.end, s.active_on(TODAY)) == (dt.date(2015, 1, 1), None, True)


def test_prague_has_no_okres_and_an_ico_keeps_its_zeros(by_id):
    s = by_id["3456789"]  # examples/icp: ambulant counselling at two Prague branches
    assert s.provider_ico == ICP == "00900028"
    assert s.forms == ("ambulant",)
    assert [(f.address.one_line(), f.address.region, f.address.district) for f in s.facilities] == [
        ("Příkladná 1010/10, 110 00 Praha", "CZ010", "CZ0100"), ("Ukázková 1505/5, 140 00 Praha", "CZ010", "CZ0100")]


def test_one_provider_several_services_and_an_ended_one(lists):
    found = find_provider(RPSS, OPU, lists)  # examples/opu: 1000001 counselling, 1000002 field programmes
    assert [(s.registry_id, s.kind.code, s.kind.section, s.forms) for s in found] == [
        ("1000001", "odborne_socialni_poradenstvi", "§ 37", ("ambulant",)),
        ("1000002", "terenni_programy", "§ 69", ("field",)),
        ("1000003", "tlumocnicke_sluzby", "§ 56", ("ambulant", "field")),
    ]
    assert found[0].age_range == (19, None)  # the register's groups: from "mladí dospělí (19–26 let)"
    assert [(c.form, c.count, c.unit) for c in found[1].capacities] == [("field", 1, "klient")]
    ended = found[2]
    assert ended.end == dt.date(2020, 12, 31) and not ended.active_on(TODAY) and ended.active_on(dt.date(2019, 1, 1))
    assert providers(found) == {OPU: "Organizace pro pomoc uprchlíkům, z. s."}
    assert find_provider(RPSS, int(ICP))[0].registry_id == "3456789"  # leading zeros added back


def test_a_kind_we_have_no_code_for_is_kept(by_id):
    s = by_id["8765432"]
    assert (s.kind.registry_id, s.kind.name, s.kind.code, s.kind.section) == ("13", "domovy pro seniory", None, None)
    assert [(g.registry_id, g.name, g.code) for g in s.target_groups] == [("24", "senioři", None), ("30", "osoby žijící s demencí", None)]
    assert (s.age_range, s.forms, s.capacities[0].count, s.capacities[0].unit_label) == ((65, None), ("residential",), 32, "Počet lůžek")
    # The address quoted from the register's real data: Aš, Cheb district, Karlovy Vary Region; a name's trailing spaces dropped.
    [f] = s.facilities
    assert (f.name, f.address.one_line(), f.address.region, f.address.district, f.address.address_point) == (
        "Domov pro seniory Aš", "Nemocniční 2272/54, 352 01 Aš", "CZ041", "CZ0411", 11867906)
    item = {**_items()["polozky"][6], "druhSocialniSluzby": {"id": "DruhSocialniSluzby/99"}}
    kind = dataset.service(item, 0, RPSS, Codelists()).kind
    assert (kind.registry_id, kind.name, kind.code, kind.section) == ("99", None, None, None)


def test_without_codelists_guessed_ids_say_so():
    s = {s.registry_id: s for s in iter_services(RPSS)}
    [group] = s["1234567"].target_groups
    assert (group.code, group.confirmed) == ("imigranti_a_azylanti", False)  # id 3 is a guess
    assert [(g.name, g.confirmed) for g in s["8765432"].target_groups] == [("senioři", True), ("osoby žijící s demencí", True)]
    assert (s["1234567"].kind.confirmed, s["7654321"].kind.code, s["7654321"].kind.confirmed) == (True, "azylove_domy", False)
    assert s["1234567"].age_range is None and s["1234567"].age_groups[0].registry_id == "4"  # ages only from the codelist
    assert s["1234567"].facilities[0].address.one_line() == "Příkladová 101/1, 602 00"  # town names only from obce.json


def test_immigrants_are_recognised_by_name_in_the_codelist(tmp_path):
    """Whatever id the ministry gives "imigranti a azylanti", its codelist's name decides."""
    groups = _write(tmp_path, {"polozky": [{"id": "CilovaSkupinaOsoby/4", "nazev": {"cs": "Imigranti a azylanti"}},
                                           {"id": "CilovaSkupinaOsoby/3", "nazev": {"cs": "oběti domácího násilí"}}]},
                    "groups.json")
    lists = Codelists.load(target_groups=groups)
    data = _items()
    data["polozky"][0]["ciloveSkupiny"] = [{"cilovaSkupina": {"id": "CilovaSkupinaOsoby/4"}},
                                           {"cilovaSkupina": {"id": "CilovaSkupinaOsoby/3"}}]
    [s, *_] = iter_services(_write(tmp_path, data), lists)
    assert [(g.registry_id, g.code, g.name) for g in s.target_groups] == [
        ("4", "imigranti_a_azylanti", "Imigranti a azylanti"), ("3", None, "oběti domácího násilí")]


def test_filter_by_target_group(lists):
    def ids(found):
        return [s.registry_id for s in found]

    assert ids(services_for_target_group(RPSS, "imigranti_a_azylanti", lists)) == ["1234567", "3456789", "1000001", "1000002", "1000003"]
    assert ids(services_for_target_group(RPSS, "imigranti_a_azylanti", lists, active_on=TODAY)) == ["1234567", "3456789", "1000001", "1000002"]
    assert ids(services_for_target_group(RPSS, "CilovaSkupinaOsoby/24", lists)) == ["8765432"]
    assert ids(services_for_target_group(RPSS, "osoby_v_krizi", lists)) == ["1000002", "7654321"]
    problem, cs, en = _error(lambda: services_for_target_group(RPSS, "cizinci"))
    assert "cizinci" in cs and "not a target group" in en


# --- what is never read --------------------------------------------------------------------------------


def test_a_secret_address_is_never_read(tmp_path, by_id):
    [f] = by_id["7654321"].facilities
    assert (f.name, f.secret_address, f.address) == ("Azylový dům pro matky s dětmi", True, None)
    assert by_id["7654321"].public_facilities == ()
    # Even if the file held an address for it, the record does not.
    data = _items()
    data["polozky"][5]["zarizeni"][0]["adresa"] = data["polozky"][0]["zarizeni"][0]["adresa"]
    data["polozky"][5]["zarizeni"].append({**data["polozky"][5]["zarizeni"][0]})
    data["polozky"][5]["zarizeni"][1].pop("adresa")  # or no "adresa" key at all
    s = [s for s in iter_services(_write(tmp_path, data)) if s.registry_id == "7654321"][0]
    assert [f.address for f in s.facilities] == [None, None]
    assert "Příkladová" not in repr(s)


def test_no_names_of_people(tmp_path):
    assert "Nováková" in RPSS.read_text(encoding="utf-8")  # statutarniOrgany is in the file ...
    assert not any("Nováková" in repr(s) for s in iter_services(RPSS))  # ... and in no record
    data = _items()  # it is dropped unread: not even its type is looked at
    data["polozky"][0]["poskytovatel"]["statutarniOrgany"] = "Jan Novák"
    assert len(read_services(_write(tmp_path, data))) == 7


# --- bad input -----------------------------------------------------------------------------------------


def test_not_json(tmp_path):
    path = _write(tmp_path, "<!DOCTYPE html><html><body>Služba není dostupná</body></html>")
    problem, cs, en = _error(lambda: read_services(path))
    assert problem.file == path and "není JSON" in cs and "not JSON" in en and str(path) in problem.format()


def test_a_broken_record_is_named_by_the_record_before_it(tmp_path):
    text = RPSS.read_text(encoding="utf-8")
    cut = text.index('"identifikator": "1000002"')
    path = _write(tmp_path, text[:cut] + "<html>" + text[cut:])
    problem, cs, en = _error(lambda: read_services(path))
    assert "not valid JSON after record 2 (identifikator 1000001)" in en and "not JSON" not in en
    assert "za záznamem č. 2 (identifikátor 1000001)" in cs


def test_truncated_file(tmp_path):
    text = RPSS.read_text(encoding="utf-8")
    cut = text.index('"identifikator": "1000002"')
    path = _write(tmp_path, text[:cut])
    problem, cs, en = _error(lambda: read_services(path))
    assert problem.file == path
    assert "useknutý" in cs and "za záznamem č. 2 (identifikátor 1000001)" in cs
    assert "truncated" in en and "after record 2 (identifikator 1000001)" in en
    problem, cs, en = _error(lambda: find_provider(path, SUZ))  # the provider's service came before the cut: still nothing
    assert "truncated" in en


@pytest.mark.parametrize("content, en_text", [
    ({"data": []}, "no top-level field “polozky”"),
    ([{"identifikator": "1234567"}], "no top-level field “polozky”"),
    ({"polozky": {"identifikator": "1234567"}}, "“polozky” should be the list"),
    (b"", "empty"),
    ({"polozky": [5]}, "Record 0 (identifikator ?) should be an object (one service); it is the number 5"),
])
def test_not_the_register(tmp_path, content, en_text):
    path = _write(tmp_path, content)
    problem, cs, en = _error(lambda: read_services(path))
    assert problem.file == path and en_text in en and cs != en


def test_missing_file(tmp_path):
    problem, cs, en = _error(lambda: read_services(tmp_path / "rpss.json"))
    assert "neexistuje" in cs and "does not exist" in en


@pytest.mark.parametrize("record, change, field, cs_text, en_text", [
    (2, lambda i: i.update(druhSocialniSluzby=13), "druhSocialniSluzby", "má být objekt, je to číslo 13",
     "should be an object; it is the number 13"),
    (2, lambda i: i["poskytovatel"].update(ico=99000300), "poskytovatel.ico", "text s IČO", "it is the number 99000300"),
    (2, lambda i: i.update(datumPoskytovaniOd="1. 1. 2018"), "datumPoskytovaniOd", "datum RRRR-MM-DD", "a date YYYY-MM-DD"),
    (2, lambda i: i["formy"][0]["kapacity"][0].update(pocet="1"), "formy[0].kapacity[0].pocet", "celé číslo", "a whole number"),
    (2, lambda i: i["formy"][0].update(forma={"id": "FormaSocialniSluzby/xyz"}), "formy[0].forma.id", "pob, amb nebo ter",
     "pob, amb or ter"),
    (2, lambda i: i["zarizeni"][0].update(utajenaAdresa="ne"), "zarizeni[0].utajenaAdresa", "true nebo false", "true or false"),
    (2, lambda i: i.update(ciloveSkupiny={"cilovaSkupina": {"id": "CilovaSkupinaOsoby/3"}}), "ciloveSkupiny", "seznam", "a list"),
])
def test_a_field_of_an_unexpected_type(tmp_path, record, change, field, cs_text, en_text):
    data = _items()
    change(data["polozky"][record])
    path = _write(tmp_path, data)
    problem, cs, en = _error(lambda: read_services(path))
    assert problem.file == path and problem.path == f"polozky[{record}].{field}"
    assert f"Záznam č. {record} (identifikátor 1000001): pole „{field}“" in cs and cs_text in cs
    assert f"Record {record} (identifikator 1000001): the field “{field}”" in en and en_text in en
    assert "rpss.json" in problem.format() and "mpsv.cz" in problem.format()  # the hint: download again


@pytest.mark.parametrize("field", ["identifikator", "druhSocialniSluzby", "formy", "zarizeni", "ciloveSkupiny", "poskytovatel"])
def test_a_changed_format(tmp_path, field):
    data = _items()
    del data["polozky"][6][field]
    path = _write(tmp_path, data)
    problem, cs, en = _error(lambda: read_services(path))
    ident = "?" if field == "identifikator" else "8765432"
    assert problem.path == f"polozky[6].{field}"
    assert f"Záznam č. 6 (identifikátor {ident}): chybí povinné pole „{field}“" in cs
    assert f"Record 6 (identifikator {ident}): the required field “{field}” is missing" in en and "format" in en


def test_nothing_partial_on_error(tmp_path):
    """A bad last record: the functions that return records return none of the six good ones."""
    data = _items()
    del data["polozky"][6]["poskytovatel"]["ico"]
    path = _write(tmp_path, data)
    for call in (lambda: read_services(path), lambda: find_provider(path, SUZ),
                 lambda: services_for_target_group(path, "imigranti_a_azylanti")):
        problem, cs, en = _error(call)
        assert problem.path == "polozky[6].poskytovatel.ico" and "8765432" in en


def test_an_ico_not_in_the_file():
    problem, cs, en = _error(lambda: find_provider(RPSS, "12345679"))
    assert problem.file == RPSS and "12345679" in cs and "IČO 12345679" in en and "no service" in en
    problem, cs, en = _error(lambda: find_provider(RPSS, "123456789"))
    assert "not an IČO" in en and "není IČO" in cs


def test_a_bom_is_allowed(tmp_path):
    path = _write(tmp_path, b"\xef\xbb\xbf" + RPSS.read_bytes())
    assert len(read_services(path)) == 7


# --- a register of national size ----------------------------------------------------------------------

_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from zavazek.core.registry.reader import iter_services
path, mode = Path(sys.argv[1]), sys.argv[2]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if mode == "stream":
    count = sum(1 for _ in iter_services(path))
else:
    count = len(json.loads(path.read_bytes())["polozky"])
seconds = time.perf_counter() - start
print(json.dumps({"count": count, "before_kb": before, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "seconds": round(seconds, 2)}))
"""


def _measure(path: Path, mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path), mode], env=env, capture_output=True, text=True,
                         check=True, timeout=600)
    return json.loads(out.stdout)


def test_ten_thousand_services_in_bounded_memory(tmp_path):
    path = generate.write_register(tmp_path / "rpss.json", 10_000)
    size_mb = path.stat().st_size / 2**20
    stream = _measure(path, "stream")
    whole = _measure(path, "load")
    grew_mb = (stream["peak_kb"] - stream["before_kb"]) / 1024
    print(f"\n10,000 services, {size_mb:.1f} MB: streamed in {stream['seconds']} s, peak {stream['peak_kb'] / 1024:.1f} MB "
          f"(+{grew_mb:.1f} MB over the interpreter with závazek imported); json.load peak {whole['peak_kb'] / 1024:.1f} MB")
    assert stream["count"] == whole["count"] == 10_000
    assert grew_mb < 16  # one record at a time: a whole load grows by several times the file's size
    assert grew_mb < (whole["peak_kb"] - whole["before_kb"]) / 1024 / 3
