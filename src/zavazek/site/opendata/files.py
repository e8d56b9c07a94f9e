"""Every open-data file of the directory, at the paths :data:`zavazek.site.sitemap.OPEN_DATA` gives."""

from __future__ import annotations

from zavazek.site import sitemap
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.opendata import csv, hsds, hsds_package, json
from zavazek.site.opendata.common import json_bytes


def files(published: DirectoryOnDay | None, languages: list[str], site_url: str | None) -> dict[str, bytes]:
    """``{path in the site: bytes}`` of every export, texts in ``languages`` (the site's, default first);
    empty without a directory. Identifiers are derived from ``site_url`` (stable from build to build)."""
    if published is None:
        return {}
    languages = list(languages)
    example = published.directory.example
    out = {
        sitemap.OPEN_DATA["json"]: json_bytes(json.directory_json(published, languages)),
        sitemap.OPEN_DATA["csv"]: csv.directory_csv(published, languages),
    }
    tables = hsds.hsds_tables(published, languages, site_url or "urn:zavazek:directory")
    out[sitemap.OPEN_DATA["hsds"]] = json_bytes(hsds.hsds_json(tables, example))
    for name, content in hsds_package.hsds_package(tables, languages, example).items():
        out[sitemap.hsds_table(name)] = content
    return out
