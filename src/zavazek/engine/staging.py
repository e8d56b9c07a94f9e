"""The docs folder MkDocs reads (``.zavazek/docs``): the provider's ``docs/`` plus every generated page;
and the generated files that are not pages, which go into the site directly.

MkDocs reads the pages from this folder, which závazek writes before each
build (the provider's ``mkdocs.yml`` need not name it, and it need not have
``docs/``). Directory pages go in as their shells, or each page itself when
shells are off (:mod:`zavazek.engine.shells`). PDFs, pictures, open data and
reports need nothing from MkDocs, which would handle each of them once per
language: :class:`SiteFiles` writes them into the built site.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path
from typing import Iterable

from zavazek.core.project import Project
from zavazek.engine import shells
from zavazek.site import parallel
from zavazek.site.build import Prepared

#: Generated pages (one Markdown file per page and language); never edited by hand.
STAGING_DIR = ".zavazek/docs"


def staging_dir(project: Project) -> Path:
    return project.root / STAGING_DIR


def write_staging(prepared: Prepared) -> Path:
    """Write the folder, and return it.

    Files are only rewritten when their content changes, so a watching
    preview server does not loop on its own output.
    """
    project = prepared.project
    files = shells.staging_files(prepared.html_pages, project.default_language, prepared.options.shells)
    files.update((name, content) for name, content in prepared.files.items() if is_page(name))
    staging = staging_dir(project)
    staging.mkdir(parents=True, exist_ok=True)
    wanted: dict[Path, bytes] = {}
    for name, content in files.items():
        wanted[staging / name] = content.encode("utf-8") if isinstance(content, str) else content
    for src in project.files_by_hand():
        wanted[staging / src.relative_to(project.docs_dir)] = src.read_bytes()
    for path, content in wanted.items():
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(staging.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
    return staging


def is_page(name: str) -> bool:
    """Whether a generated file is a page for the site engine (Markdown), not a file for the site as it is."""
    return name.endswith(".md")


class SiteFiles:
    """Writes the generated files that are not pages into the built site, and remembers them.

    A preview's next build writes only the files whose content changed and
    removes those no longer made. A file of the provider's ``docs/`` under
    the same name wins, as it does for pages. Many files to write (a national
    directory's ten thousand contact cards) are written by a child process
    while the engine renders the pages (:meth:`write_early`), on the core the
    engine leaves idle; :meth:`write` then writes what is left.
    """

    #: So many files to write, or more, are written early, in a child process.
    EARLY_FROM = 2000

    def __init__(self):
        self._written: dict[str, int] = {}  # {path: hash of its content}
        self._site_dir: Path | None = None
        self._early: tuple[list, parallel.Pending] | None = None  # (what it writes, the child writing it)

    def write_early(self, prepared: Prepared, site_dir: Path) -> None:
        """Start writing the files known so far, if they are many, in a child process (the engine must not
        clean ``site_dir`` after this); :meth:`write` waits for it."""
        self.cancel()
        self._use(site_dir)
        _, todo = self._to_write(prepared, site_dir)
        if len(todo) >= self.EARLY_FROM and parallel.can_fork():
            self._early = (todo, parallel.in_child(functools.partial(write_files, [(p, c) for p, c, _ in todo])))

    def write(self, prepared: Prepared, site_dir: Path) -> None:
        self._use(site_dir)
        if self._early is not None:
            early, writing = self._early
            self._early = None
            writing()  # raises what the child raised
            self._written.update((path, key) for path, _, key in early)
        wanted, todo = self._to_write(prepared, site_dir)
        write_files((path, content) for path, content, _ in todo)
        self._written.update((path, key) for path, _, key in todo)
        for path in [p for p in self._written if p not in wanted]:
            Path(path).unlink(missing_ok=True)
            del self._written[path]

    def cancel(self) -> None:
        """Stop an early writing still under way (the build failed)."""
        if self._early is not None:
            self._early[1].cancel(wait=True)
            self._early = None

    def _use(self, site_dir: Path) -> None:
        if site_dir != self._site_dir:
            self._written, self._site_dir = {}, site_dir

    def _to_write(self, prepared: Prepared, site_dir: Path) -> tuple[set[str], list[tuple[str, str | bytes, int]]]:
        """(the path of every file wanted, those not written yet with that content: path, content, its hash)."""
        by_hand = prepared.project.names_by_hand()
        folder = str(site_dir)
        wanted: set[str] = set()
        todo = []
        for name, content in prepared.files.items():
            if is_page(name) or name in by_hand:
                continue
            path = os.path.join(folder, name)
            wanted.add(path)
            key = hash(content)  # a str's or bytes' hash is kept by the object: the same card costs nothing
            if self._written.get(path) == key and os.path.exists(path):
                continue
            todo.append((path, content, key))
        return wanted, todo


def write_files(files: Iterable[tuple[str | Path, str | bytes]]) -> None:
    """Write each (path, content), text as UTF-8, making each folder once: ten thousand contact cards share
    two thousand folders, and a search index puts thousands of files in a few."""
    folders: set[str] = set()
    for path, content in files:
        parent = os.path.dirname(path)
        if parent not in folders:
            os.makedirs(parent, exist_ok=True)
            folders.add(parent)
        with open(path, "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
