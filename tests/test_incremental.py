"""A second build redoes only what changed, and publishes exactly what a clean build would.

Staff change one thing and build again; a region's coordinator rebuilds the
national directory every night. The second build keeps every file that comes
out the same (the same file, not a copy of it: a copy to the web server sends
only what changed) and writes the rest, and its site is byte for byte the site
a build from scratch makes of the same data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from published_files import listing
from site_fixtures import clean_build, edit_text, run_zavazek


def _build(folder: Path) -> Path:
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def _files(site: Path) -> dict[str, tuple[int, str]]:
    """{path: (the file's identity, a digest of its content)}."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in site.rglob("*") if p.is_file()}


#: Each kind of change staff make: (data file, where, language, words put in front of the text).
CHANGES = {
    "a service's description": [("services.yaml", ["services:", "description:"], "cs", "Nově i o sobotách.")],
    "a goal, the mission and a translation": [
        ("goals.yaml", ["operational:", "goals:", "- id:", "text:"], "cs", "Nově od ledna"),
        ("commitment.yaml", ["mission:"], "cs", "Pomáháme."),
        ("commitment.yaml", ["mission:"], "ru", "Помогаем."),
    ],
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_second_build_writes_only_what_changed_and_equals_a_clean_build(change, built_folder, tmp_path):
    first = _files(built_folder / "site")  # as the session's build published it
    for file, anchors, lang, words in CHANGES[change]:
        edit_text(built_folder, file, anchors, lang, words)
    site = _build(built_folder)
    second = _files(site)

    changed = {path for path, (_, digest) in second.items() if first.get(path, (None, None))[1] != digest}
    rewritten = {path for path, (inode, _) in second.items() if first.get(path, (None, None))[0] != inode}
    assert changed, "the change shows nowhere"
    assert rewritten == changed  # every other file is the one published before
    assert len(changed) < len(second) / 10

    assert listing(site) == listing(clean_build(built_folder, tmp_path / "clean"))


def test_a_damaged_store_of_kept_pages_is_rendered_again(built_folder):
    """The kept pages cut short (a full disk, a build stopped while writing) are made again, not an error."""
    kept = built_folder / ".zavazek" / "cache" / "directory-pages.pickle"
    assert kept.is_file()
    kept.write_bytes(kept.read_bytes()[:100])  # cut short, as by a full disk
    before = (built_folder / "site" / "sluzby" / "praha" / "index.html").read_bytes()
    _build(built_folder)
    assert (built_folder / "site" / "sluzby" / "praha" / "index.html").read_bytes() == before
