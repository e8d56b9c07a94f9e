"""JSON Schemas of the data files, generated from the model the loader uses.

Editors (VS Code's YAML extension and others) read them through the
``# yaml-language-server: $schema=…`` line at the top of each data file, to
complete keys and underline mistakes while staff type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Union

from pydantic import TypeAdapter

from pydantic.json_schema import GenerateJsonSchema

from zavazek.core.model import DATA_FILES
from zavazek.core.model.descriptions import describe


class _Described(GenerateJsonSchema):
    """Each property says what the field is, in Czech and English (``model/fields.yaml``)."""

    def model_schema(self, schema):
        out = super().model_schema(schema)
        for key, prop in out.get("properties", {}).items():
            text = describe(schema["cls"], key)
            if text:
                prop["description"] = f"{text['cs']} / {text['en']}"
        return out


def schemas() -> dict[str, dict]:
    """{file name: JSON Schema} for every data file."""
    out = {}
    for name, (filename, model, _required) in DATA_FILES.items():
        forms = getattr(model, "file_models", lambda: (model,))()
        if len(forms) == 1:
            schema = model.model_json_schema(by_alias=True, schema_generator=_Described)
        else:  # commitment.yaml: one service, or several under services:
            schema = TypeAdapter(Union[forms]).json_schema(by_alias=True, schema_generator=_Described)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = filename
        out[f"{name}.schema.json"] = schema
    return out


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = directory / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
