"""The JSON Schemas editors use are generated from the loader's model and kept up to date."""

import json
from pathlib import Path

import jsonschema
import yaml

from zavazek.core.schema import schemas

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_model():
    """Run `zavazek schemas .` after changing the model."""
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is out of date"


def test_every_data_file_names_its_schema_on_the_first_line():
    for folder in (ROOT / "data", ROOT / "examples" / "icp" / "data"):
        for path in folder.glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema=")
            target = (path.parent / first.split("$schema=")[1]).resolve()
            assert target == (ROOT / "schemas" / f"{path.stem}.schema.json")


def test_example_data_is_valid_against_the_schemas_an_editor_uses():
    for name in ("commitment", "goals", "website", "services"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(_editor_view(ROOT / "data" / f"{name}.yaml"), schema)


def test_schema_flags_a_misspelt_key_as_an_editor_would():
    schema = json.loads((ROOT / "schemas" / "commitment.schema.json").read_text(encoding="utf-8"))
    value = _editor_view(ROOT / "data" / "commitment.yaml")
    value["misison"] = value.pop("mission")
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(value)]
    assert any("misison" in e for e in errors)


class _EditorLoader(yaml.SafeLoader):
    """Roughly what an editor's YAML 1.2 parser sees: numbers and booleans typed, dates as text."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _editor_view(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)
