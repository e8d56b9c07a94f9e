"""A provider's site folder, as the facts the domain needs.

The site engine reads its configuration file and makes the :class:`Project`
(:mod:`zavazek.engine.config`); nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PrivacySettings:
    """The engine's settings that make pages ask other servers for something (the GDPR checks read them)."""

    theme_fonts: bool = False  # the theme loads its fonts from Google Fonts
    extra_css: tuple[str, ...] = ()  # stylesheets added to every page, as written
    extra_javascript: tuple[str, ...] = ()  # scripts added to every page, as written
    repo_url: str | None = None  # a code repository every page links to (and asks for statistics)
    analytics: bool = False  # web analytics are set up
    cookie_consent: bool = False  # a cookie consent is set up


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path  # the engine's configuration file: where problems about settings point
    languages: tuple[str, ...]  # default language first
    site_url: str | None
    site_name: str
    data_dir: Path
    docs_dir: Path  # the provider's hand-written pages (it need not exist)
    site_dir: Path  # where the site is published
    fixed_today: dt.date | None = None  # the day the configuration fixes the pages to, if any
    privacy: PrivacySettings = field(default_factory=PrivacySettings)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def files_by_hand(self) -> list[Path]:
        """The files of the provider's ``docs/`` (pages, pictures …), sorted; none without the folder."""
        return sorted(p for p in self.docs_dir.rglob("*") if p.is_file()) if self.docs_dir.is_dir() else []

    def names_by_hand(self) -> set[str]:
        """The same, as names relative to ``docs/`` with ``/``: what a generated file of that name yields to."""
        return {p.relative_to(self.docs_dir).as_posix() for p in self.files_by_hand()}


def today(project: Project | None = None, override: dt.date | None = None) -> dt.date:
    """The date pages and checks are computed for: the command's ``--today``, else the project's
    fixed day, else the real date."""
    return override or (project.fixed_today if project else None) or dt.date.today()
