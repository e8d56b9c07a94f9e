"""The ``zavazek`` command: validate, build and preview a provider's site.

Exit codes: 0 success; 1 the data has errors (nothing was published);
2 wrong usage; 3 the site engine failed; 4 ``check --strict`` found a key
criterion not met.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from pathlib import Path

import click

from zavazek.core.problems import DataError
from zavazek.loading import ENGINE_FAILED, KEY_CRITERION_NOT_MET, USAGE, CommandFailed, data_errors, load_folder
from zavazek.registry import source as registry_source

FOLDER = click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))


def _today_option(f):
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        callback=lambda ctx, param, value: value.date() if value is not None else None,
        help="Check the data as on this date (YYYY-MM-DD) instead of today (or the plugin's today in mkdocs.yml).",
    )(f)


@click.group()
@click.version_option(package_name="zavazek")
def main():
    """Publish a social-service provider's public commitment as a website."""


@main.command()
@FOLDER
@_today_option
def validate(folder: Path, today: dt.date | None):
    """Check the data files and report every problem (nothing is built)."""
    loaded = load_folder(folder, today)
    for warning in loaded.data.warnings:
        click.echo(warning.format(loaded.project.root), err=True)
    click.echo(f"OK: {loaded.project.data_dir} ({len(loaded.data.warnings)} warning(s) / varování)")


@main.command()
@FOLDER
@_today_option
def build(folder: Path, today: dt.date | None):
    """Build the site into FOLDER/site; on any error the old site stays as it was."""
    from zavazek import engine

    started = time.monotonic()
    try:
        prepared = engine.build_site(folder, today=today)
        for warning in prepared.data.warnings:
            click.echo(warning.format(prepared.project.root), err=True)
        seconds = time.monotonic() - started
    except DataError as exc:
        raise data_errors(exc, folder) from None
    except engine.BuildFailed as exc:
        raise CommandFailed(f"chyba sestavení / build error: {exc}", ENGINE_FAILED) from None
    click.echo(f"OK: {prepared.project.site_dir} ({seconds:.1f} s)")
    from zavazek.site import offline

    kept = prepared.kept_on_a_phone  # measured by the build (zavazek.engine.passes)
    for lang in ("cs", "en"):
        click.echo(offline.describe(kept, lang))
    if prepared.data.placeholders:  # never published silently: the last words of the build
        from zavazek.core import i18n
        from zavazek.core.model.codes import NP_

        count = len(prepared.data.placeholders)
        summary = NP_(
            "Site built with {count} placeholder still to fill in; run “zavazek check --strict” to list it.",
            "Site built with {count} placeholders still to fill in; run “zavazek check --strict” to list them.",
        )
        for lang in ("cs", "en"):
            click.echo(i18n.ngettext_for(lang)(*summary, count).format(count=count))
    # Nothing of the build is needed any more, and the process ends: its objects are not walked again by
    # the cycle collector on the way out (0.7 s at the end of a national directory's build, a 1.1 GB heap).
    gc.freeze()


@main.command()
@FOLDER
@click.option("--port", default=8000, show_default=True)
@_today_option
def serve(folder: Path, port: int, today: dt.date | None):
    """Preview the site at http://127.0.0.1:PORT/, rebuilding when a data file changes."""
    from zavazek import engine

    try:
        engine.serve_site(folder, port=port, today=today)
    except DataError as exc:
        raise data_errors(exc, folder) from None


@main.command()
@FOLDER
@click.option("--centre", help="Only this centre's posters (its id in commitment.yaml).")
@click.option("--lang", help="Only posters in this language (e.g. ru).")
@_today_option
def posters(folder: Path, centre: str | None, lang: str | None, today: dt.date | None):
    """Make the noticeboard posters again into FOLDER/site/nastenky/, without rebuilding the site."""
    from zavazek.site import kept, posters as poster_module

    loaded = load_folder(folder, today, require=poster_module.site_url.require)
    project = loaded.project

    def wanted(poster) -> bool:
        return (centre is None or poster.centre == centre) and (lang is None or lang in poster.languages)

    files, listing, _ = poster_module.published(loaded.data, project, loaded.day, only=wanted)
    for path, content in files.items():
        kept.write_whole(project.site_dir / path, lambda out: out.write(content))
    for item in listing:
        click.echo(f"{project.site_dir / item.path} ({item.bytes // 1024} kB)")


@main.command()
@FOLDER
@click.option("--strict", is_flag=True, help="Exit with 4 when a key criterion is not met (for CI before publishing).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (as published in kontrola/checklist.json).")
@click.option("--lang", help="Language of the report (default: the site's first language, findings also in English).")
@click.option("--registry", "registry_file", type=registry_source.SOURCE,
              help="Compare the commitment with this snapshot of the MPSV register (rpss.json, or its URL: "
                   "downloaded now); default: the snapshot named in data/registry.yaml.")
@registry_source.KEEP
@click.option("--codelists", type=click.Path(file_okay=False, path_type=Path),
              help="A folder with the register's codelists (cilove-skupiny-osoby.json, vekove-skupiny-osoby.json, …).")
@click.option("--snapshot-date", type=click.DateTime(formats=["%Y-%m-%d"]),
              callback=lambda ctx, param, value: value.date() if value is not None else None,
              help="The day the snapshot was downloaded (YYYY-MM-DD); default: data/registry.yaml's date, else the file's.")
@_today_option
def check(folder: Path, strict: bool, as_json: bool, lang: str | None, registry_file: Path | None,
          codelists: Path | None, snapshot_date: dt.date | None, today: dt.date | None, keep: Path | None):
    """Check the published commitment against the law, criterion by criterion.

    Use --today 2027-01-01 to see what will be out of date on that day.
    """
    from zavazek.core import checks
    from zavazek.registry.check import read_snapshot
    from zavazek.site.report import json_text, terminal_text

    loaded = load_folder(folder, today)
    project = loaded.project
    registry_file = registry_source.local_file(registry_file, folder, keep, "--registry")
    snapshot = read_snapshot(loaded, folder, registry_file, codelists, snapshot_date)
    reports = checks.run_checklists(loaded.data, project, loaded.day, compare_registry=True,
                                    snapshot=snapshot)  # one per registered service
    for service_id, report in reports.items():
        if as_json:
            click.echo(json_text(report, project))
        else:
            text = terminal_text(report, lang) if lang else terminal_text(report, project.default_language, also="en")
            click.echo((f"[{service_id}]\n" if service_id else "") + text)
    if strict and any(report.key_failures for report in reports.values()):
        raise click.exceptions.Exit(KEY_CRITERION_NOT_MET)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--name", help="The provider's name, in Czech (e.g. \"Integrační centrum Praha\").")
@click.option("--languages", help="The site's languages, the first being the default (e.g. cs,en,ru,vi).")
@click.option("--directory/--no-directory", default=None,
              help="Whether the site keeps a directory of services (data/services.yaml).")
def new(folder: Path, name: str | None, languages: str | None, directory: bool | None):
    """Create a new provider's site in FOLDER: every data file, commented, with placeholders to fill in.

    Without a terminal, give --name (and --languages, default cs,en); on a terminal the command asks.
    """
    from zavazek import scaffold
    from zavazek.core.project import today

    asking = sys.stdin.isatty()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CommandFailed(
            f"Složka {folder} existuje a není prázdná. / The folder {folder} exists and is not empty.", USAGE
        )
    if name is None:
        if not asking:
            raise CommandFailed("Chybí --name: název poskytovatele. / Missing --name: the provider's name.", USAGE)
        name = click.prompt("Název poskytovatele / The provider's name")
    if languages is None:
        languages = click.prompt("Jazyky webu / The site's languages", default="cs,en") if asking else "cs,en"
    if directory is None:
        directory = asking and click.confirm("Adresář služeb (services.yaml)? / A directory of services?", default=False)
    codes = [code.strip() for code in languages.split(",") if code.strip()]
    known = scaffold.available_languages()
    unknown = [code for code in codes if code not in known]
    if unknown or not codes or len(set(codes)) != len(codes):
        raise CommandFailed(
            f"Neznámý nebo opakovaný jazyk: {', '.join(unknown) or languages}. Možné: {', '.join(known)}. / "
            f"Unknown or repeated language: {', '.join(unknown) or languages}. Available: {', '.join(known)}.",
            USAGE,
        )
    if not name.strip():
        raise CommandFailed("Název poskytovatele je prázdný. / The provider's name is empty.", USAGE)
    for path in scaffold.create(folder, name.strip(), codes, directory, today()):
        click.echo(path)
    click.echo(
        f"OK: {folder}. Doplňte hodnoty označené [DOPLNIT] (zavazek check {folder} je vypíše), náhled: zavazek serve {folder}\n"
        f"OK: {folder}. Fill in the values marked [DOPLNIT] / [TO FILL IN] (zavazek check {folder} lists them), "
        f"preview: zavazek serve {folder}"
    )


@main.command()
@FOLDER
def schemas(folder: Path):
    """Write the JSON Schemas of the data files into FOLDER/schemas (for editors)."""
    from zavazek.core.schema import write_schemas

    for path in write_schemas(folder / "schemas"):
        click.echo(path)


from zavazek.translations.commands import translations  # noqa: E402
from zavazek.registry import registry  # noqa: E402

main.add_command(translations)
main.add_command(registry)


if __name__ == "__main__":
    main()
