"""Build and serve a provider's site with MkDocs (the only package that drives it).

:func:`build_site` builds into a fresh folder beside ``site/`` and swaps it
in only when the whole build succeeded, so a failed build never leaves a
half-built or broken site where the old one was. What the command line
says (``--today``) reaches the ``zavazek`` plugin (:mod:`zavazek.engine.plugin`)
as its options, as if ``mkdocs.yml`` said so.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import time
from stat import S_ISREG
from pathlib import Path

from zavazek.core.problems import DataError
from zavazek.engine import config as site_config
from zavazek.engine import shells, staging
from zavazek.site import build as site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(Exception):
    """The site engine failed for a reason that is not in the data."""


def build_site(root: Path, today: dt.date | None = None, quiet: bool = True) -> site.Prepared:
    """Validate, build and publish ``root/site``; returns the prepared site (its data, warnings, folders)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    root = Path(root).resolve()
    work = root / ".zavazek" / "site-new"
    shutil.rmtree(work, ignore_errors=True)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    if quiet:
        logger.setLevel(logging.ERROR)
    errors = _ErrorRecords()
    logger.addHandler(errors)
    try:
        config, plugin = _configured(root, today, site_dir=str(work))
        prepared = plugin.prepare(config)  # raises DataError before anything is touched
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
            plugin.stop_background_work()  # nothing left after a build that succeeded
    except DataError:
        shutil.rmtree(work, ignore_errors=True)
        raise
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("\n".join([*errors.messages, str(exc)])) from exc
    finally:
        logger.setLevel(level)
        logger.removeHandler(errors)
    _keep_unchanged(work, prepared.project.site_dir)
    _swap(work, prepared.project.site_dir)
    return prepared


def _configured(root: Path, today: dt.date | None, **overrides):
    """MkDocs' configuration of the folder and our plugin in it, given the command line's options.

    MkDocs reads the pages from the folder závazek generates them into (the
    provider's ``mkdocs.yml`` need not name it, and it need not have ``docs/``).
    """
    from mkdocs.config import load_config

    config_file = site_config.config_file(root)
    if not config_file.is_file():
        raise DataError([site_config.no_config_file(root)])
    docs = root / staging.STAGING_DIR
    docs.mkdir(parents=True, exist_ok=True)
    config = load_config(config_file=str(config_file), docs_dir=str(docs), **overrides)
    plugin = _plugin(config, root)
    plugin.override(**({"today": today} if today is not None else {}))
    return config, plugin


def _plugin(config, root: Path):
    plugin = config.plugins.get(site_config.PLUGIN_NAME)
    if plugin is None:
        raise DataError([site_config.plugin_not_listed(site_config.config_file(root))])
    return plugin


class _ErrorRecords(logging.Handler):
    """Keeps MkDocs' error messages, so that a failed build says why."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _keep_unchanged(new: Path, published: Path) -> None:
    """Each file of the new site that holds the same bytes as the published one becomes that file.

    The directory's pages are linked so as they are written (:class:`~zavazek.engine.shells.Filler`);
    this does the same for what the site engine and the search index wrote. A rebuild then changes
    only the files whose content changed, and a copy to a web server (``rsync``) sends only those.
    """
    if not published.is_dir():
        return
    for folder, _, names in os.walk(new):
        before = os.path.join(published, os.path.relpath(folder, new))
        for name in names:
            path = os.path.join(folder, name)
            try:
                stat = os.lstat(path)
                if not S_ISREG(stat.st_mode) or stat.st_nlink > 1:
                    continue  # a link to the published file already, or not a file
                if os.stat(os.path.join(before, name)).st_size != stat.st_size:
                    continue
            except OSError:  # not there before: the new file stays
                continue
            with open(path, "rb") as file:
                shells.link_if_same(Path(before, name), file.read(), Path(path))


def _swap(new: Path, target: Path) -> None:
    """Put the new site in place of the published one; the old one is deleted after the build returns."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        _delete_later(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    _delete_later(old)


def _delete_later(folder: Path) -> None:
    """Delete ``folder`` in a process of its own, so that nobody waits for it.

    Deleting a national directory's published site (ten thousand folders) took
    longer than writing the new one. The folder is first moved out of the way
    under a name of its own, so that the next build never meets it.
    """
    if not folder.exists():
        return
    trash = folder.with_name(f".{folder.name}-{os.getpid()}-{time.monotonic_ns()}")
    folder.rename(trash)
    try:
        subprocess.Popen(["rm", "-rf", "--", str(trash)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no rm here: delete it now
        shutil.rmtree(trash, ignore_errors=True)


def serve_site(root: Path, host: str = "127.0.0.1", port: int = 8000, today: dt.date | None = None) -> None:
    """Preview server that rebuilds when a data, docs or config file changes.

    Rebuilds are "dirty": only pages whose generated source changed are
    built again, the directory's pages are kept unless what they show
    changed, posters and hand-outs come a moment after the pages (the
    preview shows the pages with the PDFs it had meanwhile), and search is
    indexed again in the background for the languages whose pages changed.
    A page added or removed by hand may leave the menu of other pages stale
    until the server is restarted.
    """
    from mkdocs.commands import serve as mkdocs_serve

    root = Path(root).resolve()
    # MkDocs keeps the plugin object for the whole preview: this one, which checks the data first.
    config, plugin = _configured(root, today)
    plugin.on_startup(command="serve", dirty=True)
    prepared = plugin.prepare(config)
    server = mkdocs_serve.LiveReloadServer
    mkdocs_serve.LiveReloadServer = _watching_often(server)
    try:
        mkdocs_serve.serve(
            config_file=str(site_config.config_file(root)),
            livereload=True,
            build_type="dirty",
            dev_addr=f"{host}:{port}",
            docs_dir=str(staging.staging_dir(prepared.project)),
        )
    finally:
        mkdocs_serve.LiveReloadServer = server


#: How often the preview looks for saved files (MkDocs looks every half second).
WATCH_INTERVAL = 0.1


def _watching_often(server: type) -> type:
    """MkDocs' preview server, looking for saved files every :data:`WATCH_INTERVAL` seconds.

    It compares the folders' listings each time: the data, the hand-written pages and the
    generated pages, a few hundred files even for a national directory.
    """

    class WatchingOften(server):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("polling_interval", WATCH_INTERVAL)
            super().__init__(*args, **kwargs)

    return WatchingOften
