"""Build and serve a provider's site with MkDocs (the only module that drives it).

:func:`build_site` builds into a fresh folder beside ``site/`` and swaps it
in only when the whole build succeeded, so a failed build never leaves a
half-built or broken site where the old one was.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from zavazek import site
from zavazek.problems import DataError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(Exception):
    """The site engine failed for a reason that is not in the data."""


def build_site(root: Path, quiet: bool = True) -> float:
    """Validate, build and publish ``root/site``; returns the seconds it took."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.monotonic()
    root = Path(root).resolve()
    prepared = site.prepare(root)  # raises DataError before anything is touched
    target = prepared.project.site_dir
    work = root / ".zavazek" / "site-new"
    shutil.rmtree(work, ignore_errors=True)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    if quiet:
        logger.setLevel(logging.ERROR)
    errors = _ErrorRecords()
    logger.addHandler(errors)
    try:
        config = load_config(
            config_file=str(root / "mkdocs.yml"), site_dir=str(work), docs_dir=str(prepared.staging_dir)
        )
        build(config)
    except DataError:
        shutil.rmtree(work, ignore_errors=True)
        raise
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("\n".join([*errors.messages, str(exc)])) from exc
    finally:
        logger.setLevel(level)
        logger.removeHandler(errors)
    _swap(work, target)
    return time.monotonic() - started


class _ErrorRecords(logging.Handler):
    """Keeps MkDocs' error messages, so that a failed build says why."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Preview server that rebuilds when a data, docs or config file changes.

    Rebuilds are "dirty": only pages whose generated source changed are
    built again (the core rewrites only those), and the search index of the
    first build is kept, so an edit to one service shows in seconds even
    with a national directory. A page added or removed by hand may leave
    the menu of other pages stale until the server is restarted.
    """
    import sys

    from mkdocs.commands.serve import serve

    root = Path(root).resolve()
    site.prepare(root)
    os.environ[site.PREVIEW_ENV] = "1"
    if "--dirty" not in sys.argv:
        sys.argv.append("--dirty")  # mkdocs-static-i18n builds the other languages dirty only when it sees this
    serve(
        config_file=str(root / "mkdocs.yml"),
        livereload=True,
        build_type="dirty",
        dev_addr=f"{host}:{port}",
        watch=[str(root / "data"), str(root / "docs")] if (root / "docs").is_dir() else [str(root / "data")],
    )
