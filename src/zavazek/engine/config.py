"""``mkdocs.yml``: the one place that knows the file, and makes the :class:`~zavazek.core.project.Project` from it.

The plugin makes the project from MkDocs' own, validated configuration
(:func:`project_from_mkdocs`); the commands that do not build (``check``,
``validate``, ``translations``) read the few settings they need from the file
itself (:func:`open_project`), without starting MkDocs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from zavazek.core.problems import DataError, Message, Problem
from zavazek.core.project import PrivacySettings, Project

CONFIG_FILE = "mkdocs.yml"
#: The name of the MkDocs plugin in mkdocs.yml (its entry point).
PLUGIN_NAME = "zavazek"
DATA_DIR = "data"
DOCS_DIR = "docs"
SITE_DIR = "site"
#: The language of a site whose mkdocs.yml names none.
DEFAULT_LANGUAGE = "cs"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the Python tags some MkDocs options use."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def config_file(root: Path) -> Path:
    return Path(root) / CONFIG_FILE


def open_project(root: Path | str = ".") -> Project:
    """The folder's project, as its mkdocs.yml says (raises :class:`DataError`)."""
    root = Path(root).resolve()
    path = config_file(root)
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise DataError([no_config_file(root)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise DataError(
            [
                Problem(
                    path, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "",
                    Message("The YAML syntax is broken here: {detail}.", {"detail": exc.problem}),
                )
            ]
        ) from None
    config = config if isinstance(config, dict) else {}
    options = _plugin_options(config)
    theme = config.get("theme") or {}
    extra = config.get("extra") or {}
    return Project(
        root=root,
        config_file=path,
        languages=tuple(_i18n_languages(config)),
        site_url=(config.get("site_url") or None),
        site_name=str(config.get("site_name") or ""),
        data_dir=root / str(options.get("data_dir") or DATA_DIR),
        docs_dir=root / DOCS_DIR,
        site_dir=root / SITE_DIR,
        fixed_today=parse_today(options.get("today"), path),
        privacy=PrivacySettings(
            theme_fonts=isinstance(theme, dict) and theme.get("font", None) is not False,
            extra_css=_paths(config.get("extra_css")),
            extra_javascript=_paths(config.get("extra_javascript")),
            repo_url=config.get("repo_url") or None,
            analytics=bool(extra.get("analytics")),
            cookie_consent=bool(extra.get("consent")),
        ),
    )


def project_from_mkdocs(config, data_dir: str, fixed_today: dt.date | None, site_url: str | None) -> Project:
    """The project of MkDocs' validated configuration, with the plugin's options.

    ``site_url`` is given apart: a preview server replaces MkDocs' own by its local address.
    """
    root = Path(config.config_file_path).parent.resolve()
    i18n = config.plugins.get("i18n")
    languages = [DEFAULT_LANGUAGE]
    if i18n is not None:
        entries = i18n.config.languages
        languages = [e.locale for e in entries if e.default] + [e.locale for e in entries if not e.default]
    theme = config.theme
    return Project(
        root=root,
        config_file=config_file(root),
        languages=tuple(languages),
        site_url=site_url or None,
        site_name=str(config.site_name or ""),
        data_dir=(root / data_dir).resolve(),
        docs_dir=root / DOCS_DIR,
        site_dir=root / SITE_DIR,
        fixed_today=fixed_today,
        privacy=PrivacySettings(
            theme_fonts=theme.get("font", None) is not False,
            extra_css=_paths(config.extra_css),
            extra_javascript=_paths(config.extra_javascript),
            repo_url=config.repo_url or None,
            analytics=bool(config.extra.get("analytics")),
            cookie_consent=bool(config.extra.get("consent")),
        ),
    )


def written_site_url(config) -> str | None:
    """``site_url`` as mkdocs.yml says it, for a preview server, which has replaced MkDocs' own."""
    try:
        written = yaml.load(Path(config.config_file_path).read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return None
    return (written.get("site_url") or None) if isinstance(written, dict) else None


def _paths(items) -> tuple[str, ...]:
    """The addresses of ``extra_css`` or ``extra_javascript`` entries (a text, or a mapping with ``path``)."""
    paths = []
    for item in items or []:
        path = item.get("path") if isinstance(item, dict) else getattr(item, "path", item)
        if path is not None:
            paths.append(str(path))
    return tuple(paths)


def _plugin_options(config: dict) -> dict:
    """The options under ``plugins: - zavazek: {...}`` in mkdocs.yml, as written (the plugin validates them)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get(PLUGIN_NAME)
    else:
        options = next((p[PLUGIN_NAME] for p in plugins if isinstance(p, dict) and PLUGIN_NAME in p), None)
    return options if isinstance(options, dict) else {}


def _i18n_languages(config: dict) -> list[str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            default = [e["locale"] for e in entries if e.get("default")]
            others = [e["locale"] for e in entries if not e.get("default")]
            return default + others
    return [DEFAULT_LANGUAGE]


def parse_today(value, path: Path) -> dt.date | None:
    """The plugin's ``today`` option: a date (YAML reads 2026-11-23 as one) or its ISO text."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError([Problem(
            path, None, None, f"plugins.{PLUGIN_NAME}.today",
            Message("“{value}” is not a date.", {"value": value}),
            Message("Write the date as YYYY-MM-DD, e.g. today: 2026-11-23, or leave the option out."),
        )]) from None


def no_config_file(root: Path) -> Problem:
    return Problem(
        config_file(root), None, None, "",
        Message("There is no mkdocs.yml in this folder."),
        Message("Run the command in the site's folder, or give the folder as an argument."),
    )


def missing_data_dir(path: Path, value: str) -> Problem:
    """The plugin's ``data_dir`` option names no folder."""
    return Problem(
        path, None, None, f"plugins.{PLUGIN_NAME}.data_dir",
        Message("There is no folder “{folder}” next to mkdocs.yml.", {"folder": value}),
        Message("Give the folder with the data files (commitment.yaml, goals.yaml), e.g. data_dir: data."),
    )


def plugin_not_listed(path: Path) -> Problem:
    return Problem(
        path, None, None, "plugins",
        Message("mkdocs.yml does not list the zavazek plugin, so nothing would be built from the data."),
        Message("Add “- zavazek” under “plugins:”, before “- i18n”."),
    )
