"""The posters' QR codes need the website's public address (``site_url`` in mkdocs.yml): the problem when it is missing."""

from __future__ import annotations

from zavazek.core.problems import DataError, Message, Problem, Severity
from zavazek.core.project import Project


def missing(project: Project, message: Message, severity: Severity = Severity.ERROR) -> Problem:
    """``site_url`` is not set: ``message`` says what that stops, the hint how to set it."""
    return Problem(
        project.config_file, None, None, "site_url", message,
        Message("Set site_url in mkdocs.yml, e.g. site_url: https://www.example.org/"),
        severity=severity,
    )


def no_posters_warning(project: Project) -> Problem:
    """A site built without ``site_url`` is built without posters."""
    return missing(project, Message("No posters were made: their QR codes need the public address of the website."),
                   Severity.WARNING)


def require(project: Project) -> None:
    """Raise :class:`DataError` when posters cannot be made (``zavazek posters``)."""
    if not project.site_url:
        raise DataError([missing(project, Message("The posters need the public address of the website for their QR codes."))])
