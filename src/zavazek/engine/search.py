"""The site's search index: Pagefind, one index per page language, loaded in small pieces.

Pagefind reads the built HTML, splits the index by ``<html lang>`` and into
chunks that the browser fetches only as a query needs them, and matches
words without diacritics (``zadost`` finds ``žádost``, ``tu van`` finds
``tư vấn``). It runs from the ``pagefind`` package's bundled binary: no
network, no other server at search time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Only the page content is indexed (not the navigation, header or footer): the
# theme's main.html marks it with data-pagefind-body, except on pages whose
# front matter says ``search: {exclude: true}`` (the directory's filter lists).
#: Not indexed: "not yet translated" notes, the search page itself, the example-data
#: notice and map-app links (they would fill every directory snippet), and what is
#: printed only (the date of the data and the page's address on paper).
EXCLUDE_SELECTORS = [".zv-untranslated", ".zv-outdated-note", ".zv-search", ".zv-example", ".zv-maplinks",
                     ".zv-print"]


class SearchIndexFailed(RuntimeError):
    pass


def bundle(lang: str) -> str:
    """Where a language's index lives in the site, e.g. ``pagefind/en/``."""
    return f"pagefind/{lang}/"


def language_pages(site_dir: Path, lang: str, languages: list[str], default: str) -> list[str]:
    """The HTML pages a language's index is made from, relative to ``site_dir`` (``ru/cile/index.html``), sorted."""
    site_dir = str(site_dir)
    if lang != default:
        return sorted(_html_under(site_dir, lang))
    pages = []
    elsewhere = set(languages) | {"pagefind", "assets", "404.html"}
    for entry in os.scandir(site_dir):
        if entry.name in elsewhere:
            continue
        if entry.is_dir():
            pages += _html_under(site_dir, entry.name)
        elif entry.name.endswith(".html"):
            pages.append(entry.name)
    return sorted(pages)


def _html_under(site_dir: str, folder: str) -> list[str]:
    """The HTML files under ``site_dir/folder``, relative to ``site_dir``."""
    found = []
    for root, _, names in os.walk(os.path.join(site_dir, folder)):
        relative = root[len(site_dir) + 1:]
        found += [f"{relative}/{name}" for name in names if name.endswith(".html")]
    return found


def same_pages(site_dir: Path, published: Path, lang: str, languages: list[str], default: str) -> bool:
    """Whether a language's pages are those of the published site, byte for byte: its index would be the same.

    Pages linked to the published ones (:class:`zavazek.engine.shells.Filler`) are the same file.
    """
    pages = language_pages(site_dir, lang, languages, default)
    if pages != language_pages(published, lang, languages, default):
        return False
    for page in pages:
        new, old = os.path.join(site_dir, page), os.path.join(published, page)
        try:
            if not os.path.samefile(new, old) and Path(new).read_bytes() != Path(old).read_bytes():
                return False
        except OSError:
            return False
    return True


def keep_index(site_dir: Path, published: Path, lang: str) -> None:
    """Take the published site's index of ``lang`` (its files linked, not copied)."""
    shutil.copytree(Path(published) / bundle(lang), Path(site_dir) / bundle(lang), copy_function=os.link,
                    dirs_exist_ok=True)


def start_language_index(site_dir: Path, lang: str, languages: list[str], default: str) -> subprocess.Popen:
    """Start indexing one language's pages in the background; :func:`finish` waits for it.

    Each language has its own bundle, so the index of a language can be made
    while the site engine still builds the next language.
    """
    site_dir = Path(site_dir)
    if lang == default:  # the default language is at the root, beside the other languages' folders
        entries = [
            p.name if p.is_file() else f"{p.name}/**/*.html"
            for p in sorted(site_dir.iterdir())
            if p.name not in set(languages) | {"pagefind", "assets", "404.html"}
            and (p.is_dir() or p.suffix == ".html")
        ]
        glob = "{" + ",".join(entries) + "}"
    else:
        glob = f"{lang}/**/*.html"
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--glob", glob,
        "--output-subdir", bundle(lang),
        "--quiet",
    ]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(processes: list[subprocess.Popen]) -> None:
    """Wait for the indexing started by :func:`start_language_index`; raise if any failed."""
    errors = []
    for process in processes:
        out, err = process.communicate()
        if process.returncode != 0:
            errors.append(err.strip() or out.strip())
    if errors:
        raise SearchIndexFailed("\n".join(errors))
