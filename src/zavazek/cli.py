"""The ``zavazek`` command: validate, build and preview a provider's site.

Exit codes: 0 success; 1 the data has errors (nothing was published);
2 wrong usage; 3 the site engine failed; 4 ``check --strict`` found a key
criterion not met.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from zavazek.problems import DataError

FOLDER = click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))


def _today_option(f):
    def set_today(ctx, param, value):
        if value is not None:
            os.environ["ZAVAZEK_TODAY"] = value.date().isoformat()
        return value

    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        callback=set_today,
        expose_value=False,
        help="Check the data as on this date (YYYY-MM-DD) instead of today.",
    )(f)


def _fail(exc: DataError, folder: Path) -> None:
    click.echo(exc.format(folder.resolve()), err=True)
    sys.exit(1)


@click.group()
@click.version_option(package_name="zavazek")
def main():
    """Publish a social-service provider's public commitment as a website."""


@main.command()
@FOLDER
@_today_option
def validate(folder: Path):
    """Check the data files and report every problem (nothing is built)."""
    from zavazek.loader import load_data
    from zavazek.project import open_project, today

    try:
        project = open_project(folder)
        data = load_data(project.data_dir, list(project.languages), today())
    except DataError as exc:
        _fail(exc, folder)
    for warning in data.warnings:
        click.echo(warning.format(project.root), err=True)
    click.echo(f"OK: {project.data_dir} ({len(data.warnings)} warning(s) / varování)")


@main.command()
@FOLDER
@_today_option
def build(folder: Path):
    """Build the site into FOLDER/site; on any error the old site stays as it was."""
    from zavazek import engine, site

    started = time.monotonic()
    try:
        prepared = site.prepare(folder.resolve())
        for warning in prepared.data.warnings:
            click.echo(warning.format(prepared.project.root), err=True)
        engine.build_site(folder)
        seconds = time.monotonic() - started
    except DataError as exc:
        _fail(exc, folder)
    except engine.BuildFailed as exc:
        click.echo(f"chyba sestavení / build error: {exc}", err=True)
        sys.exit(3)
    click.echo(f"OK: {prepared.project.site_dir} ({seconds:.1f} s)")


@main.command()
@FOLDER
@click.option("--port", default=8000, show_default=True)
@_today_option
def serve(folder: Path, port: int):
    """Preview the site at http://127.0.0.1:PORT/, rebuilding when a data file changes."""
    from zavazek import engine

    try:
        engine.serve_site(folder, port=port)
    except DataError as exc:
        _fail(exc, folder)


@main.command()
@FOLDER
@click.option("--centre", help="Only this centre's posters (its id in commitment.yaml).")
@click.option("--lang", help="Only posters in this language (e.g. ru).")
@_today_option
def posters(folder: Path, centre: str | None, lang: str | None):
    """Make the noticeboard posters again into FOLDER/site/nastenky/, without rebuilding the site."""
    from zavazek import posters as poster_module
    from zavazek.loader import load_data
    from zavazek.project import open_project, today

    try:
        project = open_project(folder)
        poster_module.require_site_url(project)
        data = load_data(project.data_dir, list(project.languages), today())
    except DataError as exc:
        _fail(exc, folder)

    def wanted(poster) -> bool:
        return (centre is None or poster.centre == centre) and (lang is None or lang in poster.languages)

    files, listing = poster_module.published(data, project, today(), only=wanted)
    for path, content in files.items():
        target = project.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(content)
        partial.replace(target)
    for item in listing:
        click.echo(f"{project.site_dir / item['path']} ({item['bytes'] // 1024} kB)")


@main.command()
@FOLDER
@click.option("--strict", is_flag=True, help="Exit with 4 when a key criterion is not met (for CI before publishing).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (as published in kontrola/checklist.json).")
@click.option("--lang", help="Language of the report (default: the site's first language).")
@_today_option
def check(folder: Path, strict: bool, as_json: bool, lang: str | None):
    """Check the published commitment against the law, criterion by criterion.

    Use --today 2027-01-01 to see what will be out of date on that day.
    """
    from zavazek import checks
    from zavazek.loader import load_data
    from zavazek.project import open_project, today

    try:
        project = open_project(folder)
        data = load_data(project.data_dir, list(project.languages), today())
    except DataError as exc:
        _fail(exc, folder)
    report = checks.run_checklist(data, project, today())
    if as_json:
        click.echo(checks.report_json_text(report, project))
    else:
        click.echo(report.format_text(lang or project.default_language))
    if strict and report.key_failures:
        sys.exit(4)


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
    from zavazek.project import today

    asking = sys.stdin.isatty()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        _usage(f"Složka {folder} existuje a není prázdná. / The folder {folder} exists and is not empty.")
    if name is None:
        if not asking:
            _usage("Chybí --name: název poskytovatele. / Missing --name: the provider's name.")
        name = click.prompt("Název poskytovatele / The provider's name")
    if languages is None:
        languages = click.prompt("Jazyky webu / The site's languages", default="cs,en") if asking else "cs,en"
    if directory is None:
        directory = asking and click.confirm("Adresář služeb (services.yaml)? / A directory of services?", default=False)
    codes = [code.strip() for code in languages.split(",") if code.strip()]
    known = scaffold.available_languages()
    unknown = [code for code in codes if code not in known]
    if unknown or not codes or len(set(codes)) != len(codes):
        _usage(
            f"Neznámý nebo opakovaný jazyk: {', '.join(unknown) or languages}. Možné: {', '.join(known)}. / "
            f"Unknown or repeated language: {', '.join(unknown) or languages}. Available: {', '.join(known)}."
        )
    if not name.strip():
        _usage("Název poskytovatele je prázdný. / The provider's name is empty.")
    for path in scaffold.create(folder, name.strip(), codes, directory, today()):
        click.echo(path)
    click.echo(
        f"OK: {folder}. Doplňte hodnoty označené [DOPLNIT] (zavazek check {folder} je vypíše), náhled: zavazek serve {folder}\n"
        f"OK: {folder}. Fill in the values marked [DOPLNIT] / [TO FILL IN] (zavazek check {folder} lists them), "
        f"preview: zavazek serve {folder}"
    )


def _usage(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


@main.command()
@FOLDER
def schemas(folder: Path):
    """Write the JSON Schemas of the data files into FOLDER/schemas (for editors)."""
    from zavazek.schema import write_schemas

    for path in write_schemas(folder / "schemas"):
        click.echo(path)


from zavazek.translations.commands import translations  # noqa: E402

main.add_command(translations)


if __name__ == "__main__":
    main()
