"""``zavazek registry import``: write the register's facts of the provider's services into ``commitment.yaml``.

The register file (``rpss.json``, downloaded) is read by
:mod:`zavazek.core.registry.reader`; :mod:`zavazek.core.registry.facts` decides
the edits; :mod:`zavazek.core.yamlpatch` makes them without changing any other
byte; the result is loaded like a build would load it before anything is
written; :mod:`zavazek.core.registry.record` records the snapshot in
``data/registry.yaml``. Any problem: a message in Czech and English, a
non-zero exit, and no file changed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import tempfile
from pathlib import Path

import click

from zavazek.core.problems import DataError, Message, Problem
from zavazek.loading import DATA_ERRORS, CommandFailed, load_folder
from zavazek.registry.source import KEEP, SOURCE, local_file

LANGS = ("cs", "en")


def _snapshot_day(value: str | None, source: Path) -> dt.date | None:
    if value is not None:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise DataError([Problem(None, None, None, "--snapshot-date", Message(
                "“{value}” is not a date in the form YEAR-MONTH-DAY.", {"value": value}),
                Message("Write the day the register was downloaded, e.g. 2026-12-04."))]) from None
    if source.is_file():
        return dt.date.fromtimestamp(source.stat().st_mtime)
    return None


def _ico_check(file: Path, written, given: str) -> None:
    from zavazek.core.registry.dataset import normalise_ico

    if written and normalise_ico(written) != given:
        raise DataError([Problem(file, None, None, "provider.ico", Message(
            "The IČO {given} given with --ico is not the provider's IČO {written} in commitment.yaml.",
            {"given": given, "written": written}),
            Message("Check the IČO: the facts of another provider are never imported."))])


def _verify(data_dir: Path, new_files: dict[str, str], languages: list[str], day: dt.date) -> None:
    """Load the data as it would be after the import (in a copy); the problems name the real files."""
    from zavazek.core.loader import load_data

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        for name, text in new_files.items():
            (copy / name).write_bytes(text.encode("utf-8"))
        try:
            load_data(copy, languages, day)
        except DataError as exc:
            raise DataError([Problem(data_dir / p.file.name if p.file is not None else None, p.line, p.column,
                                     p.path, p.message, p.hint, p.severity) for p in exc.problems]) from None


def _refused(exc: DataError, folder: Path) -> CommandFailed:
    """Each problem in Czech and English, and that no file was changed."""
    summary = Message("{count} error(s): no file was changed.", {"count": len(exc.problems)})
    lines = [p.format(folder.resolve()) for p in exc.problems]
    return CommandFailed("\n".join([*lines, f"{summary.render('cs')}\n{summary.render('en')}"]), DATA_ERRORS)


def _diff(name: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/data/{name}", f"b/data/{name}"))


def _show(note) -> str:
    mark = "+" if note.change else "?"
    cs, en = (note.message.render(lang) for lang in LANGS)
    return f"{mark} cs: {cs}\n  en: {en}"


@click.command("import")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--ico", required=True, help="The provider's IČO (eight digits).")
@click.option("--from", "source", required=True, type=SOURCE,
              help="A downloaded copy of the register, rpss.json, or its URL (downloaded now).")
@KEEP
@click.option("--codelists", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder with the ministry's codelists (cilove-skupiny-osoby.json, vekove-skupiny-osoby.json, obce.json …).")
@click.option("--snapshot-date", help="The day the register was downloaded, YYYY-MM-DD (default: the file's date; "
                                       "for a URL its Last-Modified date).")
@click.option("--add-places", is_flag=True, help="Add the register's places missing among the centres.")
@click.option("--dry-run", is_flag=True, help="Show what would change, write nothing.")
def import_command(folder: Path, ico: str, source: Path, codelists: Path | None, snapshot_date: str | None,
                   add_places: bool, dry_run: bool, keep: Path | None):
    """Write the registered facts of the provider's services (kind, forms, target groups, dates, capacity)
    from the register file into FOLDER/data/commitment.yaml."""
    import yaml

    from zavazek.core import yamlpatch
    from zavazek.core.registry import facts
    from zavazek.core.registry import record as snapshot
    from zavazek.core.registry.dataset import Codelists, normalise_ico, problem
    from zavazek.core.registry.reader import find_provider, not_an_ico

    loaded = load_folder(folder)
    data_dir = loaded.project.data_dir
    commitment_file = data_dir / "commitment.yaml"
    record_file = data_dir / snapshot.FILE_NAME
    source = local_file(source, folder, keep, "--from")
    try:
        wanted = normalise_ico(ico)
        if wanted is None:
            raise DataError([problem(None, "--ico", not_an_ico(ico))])
        day = _snapshot_day(snapshot_date, source)
        recorded = snapshot.read(record_file)
        if day is not None:
            snapshot.check_newer(record_file, recorded, day)
        old = commitment_file.read_bytes().decode("utf-8")
        raw = yaml.safe_load(old)
        _ico_check(commitment_file, (facts.without_placeholders(raw).get("provider") or {}).get("ico"), wanted)
        services = find_provider(source, wanted, Codelists.load(codelists) if codelists else None)
        plan = facts.plan(raw, services, wanted, loaded.day, add_places)
        new = yamlpatch.apply(old, plan.edits) if plan.edits else old
        record = snapshot.ImportRecord(day, source.name, snapshot.sha256(source), wanted, tuple(plan.imported))
        old_record = record_file.read_bytes().decode("utf-8") if record_file.exists() else ""
        new_record = old_record if recorded == record else record.render(old_record)
        if new != old:
            _verify(data_dir, {commitment_file.name: new}, list(loaded.project.languages), loaded.day)
    except DataError as exc:
        raise _refused(exc, folder) from None

    if dry_run:
        for name, before, after in ((commitment_file.name, old, new), (record_file.name, old_record, new_record)):
            if before != after:
                click.echo(_diff(name, before, after), nl=False)
        click.echo()
    for note in plan.notes:
        click.echo(_show(note))
    count = len(plan.changes)
    if dry_run:
        summary = Message("Dry run: {count} change(s) to commitment.yaml; nothing was written.", {"count": count})
    elif new == old:
        summary = Message("Nothing to change: commitment.yaml already has the register's facts.")
    else:
        summary = Message("{count} change(s) written to commitment.yaml.", {"count": count})
    if not dry_run:
        if new != old:
            commitment_file.write_bytes(new.encode("utf-8"))
        if new_record != old_record:
            record_file.write_bytes(new_record.encode("utf-8"))
    click.echo("\n".join(summary.render(lang) for lang in LANGS))

