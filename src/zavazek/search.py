"""The site's search index: Pagefind, one index per page language, loaded in small pieces.

Pagefind reads the built HTML, splits the index by ``<html lang>`` and into
chunks that the browser fetches only as a query needs them, and matches
words without diacritics (``zadost`` finds ``žádost``, ``tu van`` finds
``tư vấn``). It runs from the ``pagefind`` package's bundled binary: no
network, no other server at search time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Only the page content is indexed (not the navigation, header or footer): the
# theme's main.html marks it with data-pagefind-body, except on pages whose
# front matter says ``search: {exclude: true}`` (the directory's filter lists).
#: Not indexed: "not yet translated" notes and the search page itself.
EXCLUDE_SELECTORS = [".zv-untranslated", ".zv-search"]


class SearchIndexFailed(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/`` for the HTML pages in ``site_dir``."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--quiet",
    ]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexFailed(result.stderr.strip() or result.stdout.strip())
