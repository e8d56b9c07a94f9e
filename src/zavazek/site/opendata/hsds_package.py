"""The HSDS tables as a tabular data package: ``datapackage.json`` and one CSV per table."""

from __future__ import annotations

import io

from zavazek.site.escaping import SpreadsheetWriter
from zavazek.site.opendata.common import json_bytes
from zavazek.site.opendata.hsds import HSDS_TABLES, HSDS_VERSION

#: The table each foreign key points to.
PRIMARY_KEYS_OF = {"organization_id": "organization", "service_id": "service", "location_id": "location"}


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def hsds_package(tables: dict[str, list[dict]], languages: list[str], example: bool) -> dict[str, bytes]:
    """``datapackage.json`` and one CSV per table (plus the x_translations resource)."""
    out: dict[str, bytes] = {}
    resources = []
    for table, (path, fields) in HSDS_TABLES.items():
        names = [name for name, _type in fields]
        buffer = io.StringIO()
        writer = SpreadsheetWriter(buffer)
        writer.writerow(names)
        for row in tables[table]:
            writer.writerow([_csv_value(row.get(name)) for name in names])
        out[path] = buffer.getvalue().encode("utf-8")
        schema: dict = {
            "fields": [{"name": name, "type": type_} for name, type_ in fields],
            "primaryKey": "id",
        }
        foreign = [
            {"fields": name, "reference": {"resource": PRIMARY_KEYS_OF[name], "fields": "id"}}
            for name in names
            if name in PRIMARY_KEYS_OF and PRIMARY_KEYS_OF[name] != table
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    # the extension: every text in every language, one row per text
    buffer = io.StringIO()
    writer = SpreadsheetWriter(buffer)
    writer.writerow(["table", "id", "field", "language", "text"])
    for table in HSDS_TABLES:
        for row in tables[table]:
            for field, texts in row.get("x_translations", {}).items():
                for lang, text in texts.items():
                    writer.writerow([table, row["id"], field, lang, text])
    out["x_translations.csv"] = buffer.getvalue().encode("utf-8")
    resources.append(
        {
            "name": "x_translations",
            "path": "x_translations.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "description": "Extension: the texts of the other tables in every language the data has.",
            "schema": {
                "fields": [
                    {"name": "table", "type": "string"},
                    {"name": "id", "type": "string", "format": "uuid"},
                    {"name": "field", "type": "string"},
                    {"name": "language", "type": "string", "description": "ISO 639-1"},
                    {"name": "text", "type": "string"},
                ],
                "primaryKey": ["table", "id", "field", "language"],
            },
        }
    )
    package = {
        "name": "zavazek-directory",
        "title": "Directory of services (Open Referral HSDS 3.0)" + (" – example data" if example else ""),
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "x_hsds_version": HSDS_VERSION,
        "x_languages": languages,
        "x_example_data": example,
        "resources": resources,
    }
    out["datapackage.json"] = json_bytes(package)
    return out
