"""``zavazek registry directory``: add or refresh the directory's registered services from the register.

The register is streamed once (:mod:`zavazek.core.registry.directory`); the new
``services.yaml`` is checked like ``zavazek validate`` would check it, on a
copy of the data folder, before anything is written. Bad input (a broken
register, an unknown target group, a result that would not load) writes
nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import tempfile
import time
from pathlib import Path

import click

from zavazek.core.problems import DataError, Message, Problem
from zavazek.loading import DATA_ERRORS, USAGE, CommandFailed, data_errors, load_folder
from zavazek.registry.source import KEEP, SOURCE, local_file

SERVICES = "services.yaml"
LANGS = ("cs", "en")

def _lines(message: Message) -> list[str]:
    """A line of the summary: in Czech, then in English."""
    return [message.render(lang) for lang in LANGS]


def _item(mark: str, message: Message | str, prefix: str = "") -> list[str]:
    """An item of a list in the summary, like the import's notes: ``+ cs: …`` then ``  en: …``."""
    cs, en = (message.render(lang) if isinstance(message, Message) else message for lang in LANGS)
    return [f"  {mark} cs: {prefix}{cs}", f"    en: {prefix}{en}"]


def _groups(values: tuple[str, ...]) -> tuple[str, ...]:
    from zavazek.core.model import codes

    out = []
    for value in values or ("imigranti_a_azylanti",):
        key = value.split("/", 1)[1] if value.startswith("CilovaSkupinaOsoby/") else value
        if key not in codes.REGISTRY_TARGET_GROUPS and not key.isdigit():
            from zavazek.core.registry.reader import not_a_target_group

            raise CommandFailed(Problem(None, None, None, "--target-group", not_a_target_group(value)).format(), USAGE)
        out.append(key)
    return tuple(out)


def _check(folder: Path, data_dir: Path, text: str, day: dt.date, languages: list[str]) -> None:
    """Load the data folder with ``text`` as its services.yaml; a :class:`CommandFailed` when it does not load."""
    from zavazek.core.loader import load_data

    with tempfile.TemporaryDirectory(prefix="zavazek-registry-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        (copy / SERVICES).write_text(text, encoding="utf-8")
        try:
            load_data(copy, languages, day)
        except DataError as exc:
            heading = _lines(Message("The result would not be valid; nothing was written:"))
            raise CommandFailed("\n".join([*heading, exc.format(Path(tmp))]), DATA_ERRORS) from None


def _summary(outcome, register: Path, snapshot: dt.date, seconds: float) -> str:
    lines = _lines(Message("Register: {file} (snapshot of {date}): records read: {count}, time: {seconds} s",
                           {"file": register, "date": snapshot.isoformat(), "count": outcome.records_read,
                            "seconds": f"{seconds:.2f}"}))
    lines += _lines(Message("Added: {count}", {"count": len(outcome.added)}))
    for entry, rid in outcome.added:
        lines += _item("+", Message("{entry} (register {id})", {"entry": entry, "id": rid}))
    if outcome.organisations:
        lines += _item(" ", Message("new organisations: {ids}", {"ids": ", ".join(outcome.organisations)}))
    lines += _lines(Message("Refreshed: {count}", {"count": len(outcome.refreshed)}))
    lines += [f"  ~ {entry} ({rid}): {', '.join(keys)}" for entry, rid, keys in outcome.refreshed]
    lines += _lines(Message("Marked as ended: {count}", {"count": len(outcome.marked)}))
    for entry, rid, why in outcome.marked:
        lines += _item("!", why, f"{entry} ({rid}): ")
    if outcome.skipped:
        lines += _lines(Message("Left out: {count}", {"count": len(outcome.skipped)}))
        for rid, why in outcome.skipped:
            lines += _item("-", why, f"{rid}: ")
    return "\n".join(lines)


@click.command("directory")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=".")
@click.option("--from", "register", required=True, type=SOURCE,
              help="The register's open data, rpss.json (https://data.mpsv.cz/web/data/rpss), or its URL.")
@KEEP
@click.option("--codelists", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder with the ministry's codelists (cilove-skupiny-osoby.json, obce.json …).")
@click.option("--target-group", "groups", multiple=True,
              help="A target group of the register (code or codelist number); imigranti_a_azylanti by default.")
@click.option("--snapshot", type=click.DateTime(["%Y-%m-%d"]),
              help="The register's date (YYYY-MM-DD); by default the day the file was downloaded (its time).")
@click.option("--dry-run", is_flag=True, help="Show what would change, write nothing.")
def directory(folder: Path, register: Path, codelists: Path | None, groups: tuple[str, ...],
              snapshot: dt.datetime | None, dry_run: bool, keep: Path | None):
    """Add or refresh in FOLDER/data/services.yaml the registered services for a target group."""
    from zavazek.core.registry.dataset import Codelists
    from zavazek.core.registry.directory import plan

    wanted = _groups(groups)
    loaded = load_folder(folder)  # the folder must load before it is changed
    data_dir = loaded.project.data_dir
    target = data_dir / SERVICES
    register = local_file(register, folder, keep, "--from")
    if snapshot is not None:
        day = snapshot.date()
    elif register.exists():
        day = dt.date.fromtimestamp(register.stat().st_mtime)
    else:
        day = loaded.day
    content = target.read_text(encoding="utf-8") if target.exists() else None
    started = time.perf_counter()
    try:
        lists = Codelists.load(codelists) if codelists else None
        outcome = plan(content, register, day, wanted, lists)
    except DataError as exc:
        raise data_errors(exc, folder) from None
    seconds = time.perf_counter() - started
    changed = outcome.text != (content or "")
    if changed:
        _check(folder, data_dir, outcome.text, loaded.day, list(loaded.project.languages))
    click.echo(_summary(outcome, register, day, seconds))
    if dry_run:
        if changed:
            name = str(target.relative_to(folder)) if target.is_relative_to(folder) else str(target)
            diff = difflib.unified_diff((content or "").splitlines(keepends=True),
                                        outcome.text.splitlines(keepends=True), f"a/{name}", f"b/{name}")
            click.echo("".join(diff), nl=False)
        click.echo("\n".join(_lines(Message("Nothing written (--dry-run)."))))
        return
    if changed:
        target.write_text(outcome.text, encoding="utf-8")
        click.echo("\n".join(_lines(Message("Written: {file}", {"file": target}))))
    else:
        click.echo("\n".join(_lines(Message("No change."))))
