"""The commands' load step: open a provider's folder and load its data, or fail saying why.

A command fails by raising :class:`CommandFailed` with its exit code; Click
prints the message (as it is, on standard error) and exits with the code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zavazek.core.problems import DataError

if TYPE_CHECKING:  # loaded by the commands that need them: ``zavazek --help`` stays quick
    from zavazek.core.loader import ProviderData
    from zavazek.core.project import Project

#: The data has errors (nothing was published or changed).
DATA_ERRORS = 1
#: Wrong usage.
USAGE = 2
#: The site engine failed.
ENGINE_FAILED = 3
#: ``check --strict`` found a key criterion not met.
KEY_CRITERION_NOT_MET = 4


class CommandFailed(click.ClickException):
    """A command's failure: its message, printed as it is, and its exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(self.message, err=True, file=file)


def data_errors(exc: DataError, folder: Path) -> CommandFailed:
    """The failure for problems in the data, each named with its place in ``folder``."""
    return CommandFailed(exc.format(folder.resolve()), DATA_ERRORS)


@dataclass(frozen=True)
class Loaded:
    project: Project
    data: ProviderData
    day: dt.date  # the day the data was read for


def load_folder(folder: Path, today: dt.date | None = None,
                require: Callable[[Project], object] | None = None) -> Loaded:
    """The folder's project and data, as on ``today`` (else the project's day); ``require`` checks the
    project before its data is read. Raises :class:`CommandFailed` on a problem."""
    from zavazek.core.loader import load_data
    from zavazek.core.project import today as day_of
    from zavazek.engine.config import open_project

    try:
        project = open_project(folder)
        if require is not None:
            require(project)
        day = day_of(project, today)
        return Loaded(project, load_data(project.data_dir, list(project.languages), day), day)
    except DataError as exc:
        raise data_errors(exc, folder) from None
