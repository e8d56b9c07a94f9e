"""The directory as open data: our JSON, CSV for spreadsheets, and Open Referral HSDS 3.0.

The HSDS export is validated against the official HSDS 3.0 schemas vendored
in tests/hsds/ (see tests/hsds/README.md for their source and licence).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

from zavazek.site.directory.standing import on_day
from zavazek.site.opendata.hsds import HSDS_JSON_KEYS
from zavazek.site.opendata.files import files as open_data_files
from zavazek.core.loader import load_data
from zavazek.engine.config import open_project

ROOT = Path(__file__).resolve().parent.parent
HSDS = Path(__file__).resolve().parent / "hsds"
TODAY = dt.date(2026, 11, 23)
ENDED = "opu-terenni-programy-2016"


@pytest.fixture(scope="module")
def project():
    return open_project(ROOT)


@pytest.fixture(scope="module")
def data(project):
    return load_data(project.data_dir, list(project.languages), TODAY)


@pytest.fixture(scope="module")
def files(data, project):
    return open_data_files(on_day(data.services, TODAY), project.languages, project.site_url)


def _schema(name: str) -> dict:
    return json.loads((HSDS / name).read_text(encoding="utf-8"))


def _validate(instance, schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(instance), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_the_exports_go_under_sluzby_data(files):
    assert {"sluzby/data/directory.json", "sluzby/data/directory.csv", "sluzby/data/hsds/hsds.json",
            "sluzby/data/hsds/datapackage.json"} <= set(files)
    assert all(isinstance(v, bytes) for v in files.values())


def test_no_directory_no_exports(data, project):
    assert open_data_files(None, project.languages, project.site_url) == {}


# --- our JSON ------------------------------------------------------------------


def test_directory_json_has_every_service_with_its_status_and_all_languages(files, data):
    value = json.loads(files["sluzby/data/directory.json"])
    assert (value["format"], value["version"], value["example"]) == ("zavazek-directory", 1, True)
    assert [s["id"] for s in value["services"]] == [s.id for s in data.services.services]
    by_id = {s["id"]: s for s in value["services"]}
    assert by_id[ENDED]["status"] == "ended"
    assert by_id[ENDED]["runs"] == {"from": "2016-07-01", "until": "2018-12-31"}
    assert by_id["icp-socialni-poradenstvi"]["status"] == "running"
    assert set(by_id["icp-socialni-poradenstvi"]["name"]) == {"cs", "en", "ru", "uk", "vi"}
    assert by_id["icp-socialni-poradenstvi"]["places"][0]["opening_hours"]["mon"] == [["09:00", "12:00"], ["13:00", "17:00"]]
    assert by_id["sever-azylovy-dum-liberec"]["places"][0]["opening_hours"]["sun"] == [["00:00", "24:00"]]
    assert value["labels"]["languages"]["uk"]["cs"] == "ukrajinština"
    assert value["labels"]["regions"]["CZ032"]["en"] == "Plzeň Region"


# --- CSV -------------------------------------------------------------------------


def _csv_rows(content: bytes) -> list[dict]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_csv_has_a_row_per_service_and_place_with_texts_per_language(files, data):
    rows = _csv_rows(files["sluzby/data/directory.csv"])
    services = data.services.services
    assert {r["service_id"] for r in rows} == {s.id for s in services}
    assert len(rows) == sum(max(1, len(s.places)) for s in services)
    for lang in ("cs", "en", "ru", "vi"):
        assert f"name_{lang}" in rows[0] and f"description_{lang}" in rows[0]
    first = rows[0]
    assert first["name_ru"] == "Профессиональное социальное консультирование"
    assert first["opening_hours_prague_time"].startswith("mon 09:00-12:00, 13:00-17:00; tue")
    kladno = next(r for r in rows if r["place_id"] == "migrace-kladno")
    assert (kladno["city"], kladno["postcode"], kladno["lat"]) == ("Kladno", "272 01", "50.1473")


def test_csv_flags_the_ended_programme(files):
    rows = _csv_rows(files["sluzby/data/directory.csv"])
    ended = [r for r in rows if r["service_id"] == ENDED]
    assert len(ended) == 1 and ended[0]["status"] == "ended" and ended[0]["runs_until"] == "2018-12-31"
    assert ended[0]["place_id"] == ""  # field work: no fixed place
    assert {r["status"] for r in rows if r["service_id"] != ENDED and not r["service_id"].endswith("-2012")} == {"running"}


# --- HSDS JSON -------------------------------------------------------------------


@pytest.fixture(scope="module")
def hsds(files):
    return json.loads(files["sluzby/data/hsds/hsds.json"])


def test_hsds_organizations_services_and_service_at_location_validate_against_hsds_3(hsds):
    assert hsds["hsds_version"] == "3.0"
    for key, schema in (
        ("organizations", "organization.json"),
        ("services", "service.json"),
        ("service_at_location", "service_at_location.json"),
    ):
        assert hsds[key]
        for item in hsds[key]:
            _validate(item, _schema(schema))


def test_every_hsds_table_validates_against_the_hsds_3_tabular_schema(hsds):
    tabular = _schema("tabular.json")
    for table, key in HSDS_JSON_KEYS.items():
        assert hsds[key], key
        _validate({table: hsds[key]}, {"type": "object", "properties": {table: tabular["properties"][table]}})


def test_hsds_references_point_to_existing_rows(hsds):
    ids = {key: {row["id"] for row in hsds[key]} for key in HSDS_JSON_KEYS.values()}
    for key in HSDS_JSON_KEYS.values():
        assert len(ids[key]) == len(hsds[key]), f"duplicate ids in {key}"
    for key in HSDS_JSON_KEYS.values():
        for row in hsds[key]:
            for ref, target in (("organization_id", "organizations"), ("service_id", "services"),
                                ("location_id", "locations"), ("service_at_location_id", "service_at_location")):
                if ref in row:
                    assert row[ref] in ids[target], (key, ref)


def test_hsds_ended_service_is_inactive_and_texts_carry_every_language(hsds, data):
    services = {s["x_translations"]["name"]["cs"]: s for s in hsds["services"]}
    ended = services[data.services.service(ENDED).name["cs"]]
    assert (ended["status"], ended["x_status"]) == ("inactive", "ended")
    icp = services["Odborné sociální poradenství"]
    assert icp["status"] == "active"
    assert icp["x_translations"]["name"]["vi"] == "Tư vấn xã hội chuyên môn"
    assert icp["name"] == "Odborné sociální poradenství"  # HSDS field: the site's default language
    languages = [row for row in hsds["languages"] if row["service_id"] == icp["id"]]
    assert {(row["code"], row["note"]) for row in languages} >= {("uk", "staff"), ("ar", "interpreter")}


def test_hsds_schedules_are_weekly_in_prague_time(hsds):
    schedule = hsds["schedules"][0]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["x_timezone"]) == (
        "WEEKLY", "MO", "09:00", "Europe/Prague",
    )


def test_hsds_identifiers_are_stable_between_builds(data, project):
    published = on_day(data.services, TODAY)
    first = open_data_files(published, project.languages, project.site_url)["sluzby/data/hsds/hsds.json"]
    assert open_data_files(published, project.languages, project.site_url)["sluzby/data/hsds/hsds.json"] == first


# --- HSDS tabular data package ---------------------------------------------------


def _coerce(row: dict, fields: dict) -> dict:
    out = {}
    for name, value in row.items():
        if value == "":
            continue
        out[name] = float(value) if fields[name] in ("number", "integer") else value
    return out


def test_the_tabular_package_follows_the_official_hsds_datapackage(files):
    official = {r["name"]: r for r in _schema("datapackage.json")["resources"]}
    tabular = _schema("tabular.json")
    package = json.loads(files["sluzby/data/hsds/datapackage.json"])
    assert package["profile"] == "tabular-data-package"
    names = [r["name"] for r in package["resources"]]
    assert set(names) - {"x_translations"} <= set(official)
    for resource in package["resources"]:
        content = files[f"sluzby/data/hsds/{resource['path']}"]
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))
        header = next(csv.reader(io.StringIO(content.decode("utf-8"))))
        ours = [f["name"] for f in resource["schema"]["fields"]]
        assert header == ours, resource["name"]
        assert rows, resource["name"]
        if resource["name"] == "x_translations":
            assert {r["language"] for r in rows} == set(open_project(ROOT).languages)  # every language of the site
            continue
        theirs = official[resource["name"]]
        assert resource["path"] == theirs["path"]
        assert ours == [f["name"] for f in theirs["schema"]["fields"]], resource["name"]
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert types == {f["name"]: f["type"] for f in theirs["schema"]["fields"]}
        _validate(
            {resource["name"]: [_coerce(r, types) for r in rows]},
            {"type": "object", "properties": {resource["name"]: tabular["properties"][resource["name"]]}},
        )


def test_the_tabular_package_has_the_same_rows_as_hsds_json(files, hsds):
    package = json.loads(files["sluzby/data/hsds/datapackage.json"])
    for resource in package["resources"]:
        if resource["name"] == "x_translations":
            continue
        content = files[f"sluzby/data/hsds/{resource['path']}"].decode("utf-8")
        ids = [r["id"] for r in csv.DictReader(io.StringIO(content, newline=""))]
        assert ids == [row["id"] for row in hsds[HSDS_JSON_KEYS[resource["name"]]]]


# --- a service with its own hours at a shared place -------------------------------

LAWYER, CENTRE = "cpic-brno-pravnik", "cpic-brno-poradenstvi"


def test_every_export_gives_a_services_own_hours_at_a_shared_place(files, hsds):
    services = {s["id"]: s for s in json.loads(files["sluzby/data/directory.json"])["services"]}
    assert services[LAWYER]["places"][0]["opening_hours"] == {"tue": [["13:00", "16:00"]]}
    assert services[LAWYER]["places"][0]["address"]["street"] == "Příkladová 1"
    assert services[CENTRE]["places"][0]["opening_hours"]["mon"] == [["08:30", "12:00"], ["13:00", "17:00"]]
    rows = {r["service_id"]: r for r in _csv_rows(files["sluzby/data/directory.csv"])}
    assert rows[LAWYER]["opening_hours_prague_time"] == "tue 13:00-16:00"
    assert rows[LAWYER]["phone"] == "+420 000 000 164"  # the shared place's phone
    assert rows[CENTRE]["opening_hours_prague_time"].startswith("mon 08:30-12:00, 13:00-17:00; tue 08:30-12:00")
    lawyer_id = next(s["id"] for s in hsds["services"] if s["name"].startswith("Právní poradna s advokátem"))
    schedules = [(s["byday"], s["opens_at"], s["closes_at"]) for s in hsds["schedules"] if s["service_id"] == lawyer_id]
    assert schedules == [("TU", "13:00", "16:00")]
    assert any(p.get("service_id") == lawyer_id and p["number"] == "+420 000 000 164" for p in hsds["phones"])
def test_towns_keep_their_czech_postal_name_and_carry_their_other_names_as_x_translations(files, hsds):
    ours = json.loads(files["sluzby/data/directory.json"])
    addresses = [p["address"] for s in ours["services"] for p in s["places"] if p["address"]]
    brno = next(a for a in addresses if a["city"] == "Brno")
    assert brno["x_translations"] == {"city": {"cs": "Brno", "ru": "Брно"}}
    assert all(isinstance(a["city"], str) for a in addresses)  # a spreadsheet or geocoder gets the postal name
    assert ours["labels"]["districts"]["CZ0642"] == "Brno-město"
    assert ours["labels"]["x_translations"]["districts"]["CZ0642"]["ru"] == "Брно-город"

    assert next(a for a in hsds["addresses"] if a["city"] == "Brno")["x_translations"]["city"]["ru"] == "Брно"
    area = next(a for a in hsds["service_areas"] if "Brno-město" in a.get("description", ""))
    assert "Брно-город" in area["x_translations"]["description"]["ru"]
    rows = list(csv.DictReader(io.StringIO(files["sluzby/data/hsds/x_translations.csv"].decode("utf-8"))))
    assert any((r["table"], r["field"], r["language"], r["text"]) == ("address", "city", "ru", "Брно") for r in rows)
    csv_rows = _csv_rows(files["sluzby/data/directory.csv"])
    assert {r["city"] for r in csv_rows if r["place_id"]} >= {"Brno", "Praha 2"}
