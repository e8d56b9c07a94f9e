"""``zavazek translations``: export, import, confirm and count the translations of the data texts."""

from __future__ import annotations

from pathlib import Path

import click

from zavazek.core.problems import DataError, Message
from zavazek.loading import DATA_ERRORS, USAGE, CommandFailed, load_folder

FOLDER = click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))


def _refused(problems, folder: Path) -> CommandFailed:
    """The failure when the data files were left as they were: each problem, then a summary."""
    summary = Message("{count} error(s): no file was changed.", {"count": len(problems)})
    lines = [problem.format(folder.resolve()) for problem in problems]
    return CommandFailed("\n".join([*lines, f"{summary.render('cs')}\n{summary.render('en')}"]), DATA_ERRORS)


@click.group()
def translations():
    """Translate the texts of the data files (data/*.yaml) with a PO editor."""


@translations.command("export")
@FOLDER
@click.option("--lang", required=True, help="The language to translate into, e.g. ru.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="The PO file to write (default: print it).")
def export_command(folder: Path, lang: str, output: Path | None):
    """Write every text of the data files as a PO file for translating into LANG."""
    from zavazek.core.translations import sources
    from zavazek.translations import po

    loaded = load_folder(folder)
    project, data = loaded.project, loaded.data
    if lang not in project.languages[1:]:
        raise CommandFailed(f"chyba / error: {lang} ∉ {', '.join(project.languages[1:])}", USAGE)
    text = str(po.export(data, project, lang, sources.read(project.data_dir)))
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(output)


@translations.command("import")
@FOLDER
@click.argument("po_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def import_command(folder: Path, po_file: Path):
    """Write the translations of PO_FILE into the data files (only that language's lines)."""
    from zavazek.translations.writing import write_translations

    loaded = load_folder(folder)
    project, data = loaded.project, loaded.data
    try:
        changed = write_translations(project, data, po_file)
    except DataError as exc:
        raise _refused(exc.problems, folder) from None
    for file, count in changed.items():
        click.echo(f"{file}: {count}")
    click.echo(f"OK ({sum(changed.values())})")


@translations.command()
@FOLDER
@click.option("--lang", required=True, help="The language whose translations were checked, e.g. ru.")
@click.option("--field", "fields", multiple=True,
              help="Only this text, e.g. 'commitment.yaml principles[bezplatnost].name' (repeatable).")
def confirm(folder: Path, lang: str, fields: tuple[str, ...]):
    """Record that the LANG translations still fit their current source text."""
    from zavazek.translations.writing import confirm_translations

    loaded = load_folder(folder)
    project, data = loaded.project, loaded.data
    try:
        confirmed = confirm_translations(project, data, lang, list(fields))
    except DataError as exc:
        raise _refused(exc.problems, folder) from None
    click.echo(f"OK ({confirmed})")


@translations.command()
@FOLDER
def status(folder: Path):
    """Per language: how many texts are current, outdated or missing."""
    from zavazek.core.translations.texts import counts

    loaded = load_folder(folder)
    project, data = loaded.project, loaded.data
    for lang, tally in counts(data, project.languages, project.default_language).items():
        click.echo(f"{lang}: {tally['current']} current, {tally['outdated']} outdated, {tally['missing']} missing")
