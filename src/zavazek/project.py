"""A provider's site folder: ``mkdocs.yml``, ``data/``, optional ``docs/``.

Reads only the few settings the domain needs from ``mkdocs.yml`` (languages,
public address, name), so that the core does not depend on the site engine.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from zavazek.problems import DataError, Message, Problem

CONFIG_FILE = "mkdocs.yml"
DATA_DIR = "data"
DOCS_DIR = "docs"
#: Generated pages (one Markdown file per page and language); never edited by hand.
STAGING_DIR = ".zavazek/docs"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the Python tags some MkDocs options use."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[str, ...]  # default language first
    site_url: str | None
    site_name: str
    config: dict = field(default_factory=dict, compare=False, repr=False)  # mkdocs.yml as read

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def staging_dir(self) -> Path:
        return self.root / STAGING_DIR

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


def open_project(root: Path | str = ".") -> Project:
    root = Path(root).resolve()
    config_path = root / CONFIG_FILE
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise DataError(
            [
                Problem(
                    config_path, None, None, "",
                    Message("There is no mkdocs.yml in this folder."),
                    Message("Run the command in the site's folder, or give the folder as an argument."),
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise DataError(
            [
                Problem(
                    config_path, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "",
                    Message("The YAML syntax is broken here: {detail}.", {"detail": exc.problem}),
                )
            ]
        ) from None
    languages = _i18n_languages(config)
    return Project(
        root=root,
        languages=tuple(languages),
        site_url=(config.get("site_url") or None),
        site_name=str(config.get("site_name") or ""),
        config=config if isinstance(config, dict) else {},
    )


def _i18n_languages(config: dict) -> list[str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            default = [e["locale"] for e in entries if e.get("default")]
            others = [e["locale"] for e in entries if not e.get("default")]
            return default + others
    return ["cs"]


def today() -> dt.date:
    """The date checks are computed for: ``ZAVAZEK_TODAY`` (YYYY-MM-DD) or the real date."""
    value = os.environ.get("ZAVAZEK_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()
