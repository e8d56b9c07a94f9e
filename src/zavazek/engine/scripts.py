"""The theme's scripts published without their comments (:func:`zavazek.site.scripts.without_comments`).

MkDocs copies each of a theme's files from the first of the theme's folders
that has it. The build writes the theme's ``assets/*.js`` without comments
into ``.zavazek/theme/`` and puts that folder before the theme's own, so the
site gets those copies. A copy is written only when it changes: a preview
does not see its own output change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from zavazek.site import kept
from zavazek.site.scripts import without_comments

SCRIPTS_DIR = ".zavazek/theme"


def published_scripts(project_root: Path, theme_dir: Path) -> Path:
    """The folder with the theme's scripts as published, brought up to date; returns it."""
    folder = project_root / SCRIPTS_DIR / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((theme_dir / "assets").glob("*.js"))
    names = {source.name for source in sources}
    for stale in folder.iterdir():
        if stale.name not in names:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for source in sources:
        target = folder / source.name
        text = without_comments(source.read_text(encoding="utf-8"))
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            # A file of this build's own, then renamed: two builds at once never mix their writes.
            kept.write_whole(target, lambda out: out.write(text.encode("utf-8")))
    return folder.parent
