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

import os
import shutil
from pathlib import Path

from zavazek.core.project import Project
from zavazek.engine import shells
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
    the same name wins, as it does for pages.
    """

    def __init__(self):
        self._written: dict[str, int] = {}  # {path: hash of its content}
        self._site_dir: Path | None = None

    def write(self, prepared: Prepared, site_dir: Path) -> None:
        project = prepared.project
        if site_dir != self._site_dir:
            self._written, self._site_dir = {}, site_dir
        by_hand = project.names_by_hand()
        folder = str(site_dir)
        wanted: set[str] = set()
        folders: set[str] = set()  # made or found: ten thousand contact cards share two thousand folders
        for name, content in prepared.files.items():
            if is_page(name) or name in by_hand:
                continue
            path = os.path.join(folder, name)
            wanted.add(path)
            key = hash(content)  # a str's or bytes' hash is kept by the object: the same card costs nothing
            if self._written.get(path) == key and os.path.exists(path):
                continue
            parent = os.path.dirname(path)
            if parent not in folders:
                os.makedirs(parent, exist_ok=True)
                folders.add(parent)
            with open(path, "wb") as file:
                file.write(content.encode("utf-8") if isinstance(content, str) else content)
            self._written[path] = key
        for path in [p for p in self._written if p not in wanted]:
            Path(path).unlink(missing_ok=True)
            del self._written[path]
