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

from zavazek.core.problems import DataError
from zavazek.loading import DATA_ERRORS, USAGE, CommandFailed, data_errors, load_folder
from zavazek.registry.source import KEEP, SOURCE, local_file

SERVICES = "services.yaml"


def _groups(values: tuple[str, ...]) -> tuple[str, ...]:
    from zavazek.core.model import codes

    out = []
    for value in values or ("imigranti_a_azylanti",):
        key = value.split("/", 1)[1] if value.startswith("CilovaSkupinaOsoby/") else value
        if key not in codes.REGISTRY_TARGET_GROUPS and not key.isdigit():
            raise CommandFailed(
                f"Chyba / Error: --target-group „{value}“ není cílová skupina registru / is not a target group of "
                f"the register.\n  Napište kód nebo číslo z číselníku / Write a code or a codelist number: "
                f"{', '.join(codes.REGISTRY_TARGET_GROUPS)}", USAGE)
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
            raise CommandFailed(
                "Výsledek by nebyl platný, nic nebylo zapsáno / The result would not be valid, nothing was "
                "written:\n" + exc.format(Path(tmp)), DATA_ERRORS) from None


def _summary(outcome, register: Path, snapshot: dt.date, seconds: float) -> str:
    lines = [f"Registr / Register: {register} (snapshot {snapshot.isoformat()}): "
             f"přečteno záznamů / records read: {outcome.records_read}, čas / time: {seconds:.2f} s"]
    lines.append(f"Přidáno / Added: {len(outcome.added)}")
    lines += [f"  + {entry} (registr / register {rid})" for entry, rid in outcome.added]
    if outcome.organisations:
        lines.append(f"  nové organizace / new organisations: {', '.join(outcome.organisations)}")
    lines.append(f"Obnoveno / Refreshed: {len(outcome.refreshed)}")
    lines += [f"  ~ {entry} ({rid}): {', '.join(keys)}" for entry, rid, keys in outcome.refreshed]
    lines.append(f"Označeno jako skončené / Marked as ended: {len(outcome.marked)}")
    lines += [f"  ! {entry} ({rid}): {why}" for entry, rid, why in outcome.marked]
    if outcome.skipped:
        lines.append(f"Vynecháno / Left out: {len(outcome.skipped)}")
        lines += [f"  - {rid}: {why}" for rid, why in outcome.skipped]
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
        click.echo("Nic nezapsáno (--dry-run) / Nothing written (--dry-run).")
        return
    if changed:
        target.write_text(outcome.text, encoding="utf-8")
        click.echo(f"Zapsáno / Written: {target}")
    else:
        click.echo("Beze změny / No change.")
