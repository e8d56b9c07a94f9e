"""A provider's site folder: ``mkdocs.yml``, ``data/``, optional ``docs/``.

Reads only the few settings the domain needs from ``mkdocs.yml`` (languages,
public address, name), so that the core does not depend on the site engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from zavazek.core.problems import DataError, Message, Problem

CONFIG_FILE = "mkdocs.yml"
#: The name of the MkDocs plugin in mkdocs.yml (its entry point).
PLUGIN_NAME = "zavazek"
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
    data_folder: str = DATA_DIR  # the zavazek plugin's ``data_dir``, relative to mkdocs.yml
    fixed_today: dt.date | None = None  # the zavazek plugin's ``today``

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def data_dir(self) -> Path:
        return self.root / self.data_folder

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def staging_dir(self) -> Path:
        return self.root / STAGING_DIR

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


def open_project(root: Path | str = ".", data_dir: str | None = None) -> Project:
    """The folder's project; ``data_dir`` overrides the plugin option of the same name in mkdocs.yml."""
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
    config = config if isinstance(config, dict) else {}
    languages = _i18n_languages(config)
    options = plugin_options(config)
    return Project(
        root=root,
        languages=tuple(languages),
        site_url=(config.get("site_url") or None),
        site_name=str(config.get("site_name") or ""),
        config=config,
        data_folder=str(data_dir or options.get("data_dir") or DATA_DIR),
        fixed_today=parse_today(options.get("today"), config_path),
    )


def plugin_options(config: dict) -> dict:
    """The options under ``plugins: - zavazek: {...}`` in mkdocs.yml, as written (the plugin validates them)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get(PLUGIN_NAME)
    else:
        options = next((p[PLUGIN_NAME] for p in plugins if isinstance(p, dict) and PLUGIN_NAME in p), None)
    return options if isinstance(options, dict) else {}


def parse_today(value, config_path: Path) -> dt.date | None:
    """The plugin's ``today`` option: a date (YAML reads 2026-11-23 as one) or its ISO text."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError([Problem(
            config_path, None, None, f"plugins.{PLUGIN_NAME}.today",
            Message("“{value}” is not a date.", {"value": value}),
            Message("Write the date as YYYY-MM-DD, e.g. today: 2026-11-23, or leave the option out."),
        )]) from None


def missing_data_dir(config_path: Path, value: str) -> Problem:
    """The plugin's ``data_dir`` option names no folder."""
    return Problem(
        config_path, None, None, f"plugins.{PLUGIN_NAME}.data_dir",
        Message("There is no folder “{folder}” next to mkdocs.yml.", {"folder": value}),
        Message("Give the folder with the data files (commitment.yaml, goals.yaml), e.g. data_dir: data."),
    )


def plugin_not_listed(config_path: Path) -> Problem:
    return Problem(
        config_path, None, None, "plugins",
        Message("mkdocs.yml does not list the zavazek plugin, so nothing would be built from the data."),
        Message("Add “- zavazek” under “plugins:”, before “- i18n”."),
    )


def _i18n_languages(config: dict) -> list[str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            default = [e["locale"] for e in entries if e.get("default")]
            others = [e["locale"] for e in entries if not e.get("default")]
            return default + others
    return ["cs"]


def today(project: Project | None = None, override: dt.date | None = None) -> dt.date:
    """The date pages and checks are computed for: the command's ``--today``, else the plugin's
    ``today`` in mkdocs.yml, else the real date."""
    return override or (project.fixed_today if project else None) or dt.date.today()
