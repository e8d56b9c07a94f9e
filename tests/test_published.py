"""The three example sites publish exactly the files listed in ``tests/published/``, byte for byte.

The lists were made from builds for the tests' fixed day, so a change of the
code that was meant to change nothing a reader gets (a redesign, a faster
build) is checked against every page, PDF and data file. A change that is
meant to change what is published writes the lists again, and its commit
shows in ``git diff tests/published`` which files it changed:

    python tests/published_files.py SITE_DIR > tests/published/cpic.sha256

(``SITE_DIR`` being a site built with ``zavazek build --today 2026-11-23``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from published_files import listing

LISTS = Path(__file__).resolve().parent / "published"


def _differences(site: Path, expected_list: Path) -> list[str]:
    built = dict(line.split("  ", 1)[::-1] for line in listing(site))
    expected = dict(line.split("  ", 1)[::-1] for line in expected_list.read_text().splitlines())
    return ([f"new: {p}" for p in sorted(built.keys() - expected.keys())]
            + [f"missing: {p}" for p in sorted(expected.keys() - built.keys())]
            + [f"changed: {p}" for p in sorted(p for p in built.keys() & expected.keys() if built[p] != expected[p])])


@pytest.mark.parametrize("name, fixture", [("cpic", "example_site"), ("icp", "icp_site"), ("opu", "opu_site")])
def test_an_example_publishes_the_same_files_as_listed(name, fixture, request):
    site = request.getfixturevalue(fixture)
    assert _differences(site, LISTS / f"{name}.sha256") == []


def test_a_changed_byte_is_noticed(tmp_path):
    """The comparison above fails on one changed byte, and on a file added or taken away."""
    site = tmp_path / "site"
    (site / "zavazek").mkdir(parents=True)
    (site / "index.html").write_text("<p>Ahoj</p>")
    (site / "zavazek" / "index.html").write_text('<link href="zavazek-material.0123456789.min.css">')
    lines = listing(site)
    assert [line.split("  ")[1] for line in lines] == ["index.html", "zavazek/index.html"]
    expected = tmp_path / "site.sha256"
    expected.write_text("".join(line + "\n" for line in lines))
    assert _differences(site, expected) == []
    (site / "zavazek" / "index.html").write_text('<link href="zavazek-material.9876543210.min.css">')
    assert _differences(site, expected) == []  # the stylesheet's name is not what a page says
    (site / "index.html").write_text("<p>Ahoj!</p>")
    (site / "nove.html").write_text("")
    (site / "zavazek" / "index.html").unlink()
    assert _differences(site, expected) == ["new: nove.html", "missing: zavazek/index.html", "changed: index.html"]
