"""závazek's browser scripts reach a reader's phone without their comments (``site/scripts.py``).

Each published script still parses (Node, as Playwright ships it); that they
still work is what the browser tests show: the menu, the filters, search,
sharing and the offline worker are all used in headless Chromium.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import playwright

from site_fixtures import run_zavazek
from zavazek.engine.plugin import THEME_DIR
from zavazek.engine.scripts import published_scripts
from zavazek.site.scripts import without_comments

#: The Node.js that drives Playwright, installed with it: a JavaScript parser that needs no browser.
NODE = Path(playwright.__file__).parent / "driver" / "node"


def test_comments_go_and_the_code_and_its_strings_stay():
    script = (
        "/* What this does,\n"
        " * over two lines. */\n"
        "var x = 1; // one\n"
        "/* before a statement */ var y = \"https://example.org/a\";\n"
        "  // on a line of its own\n"
        "f(\"a // b\"); // the string keeps its slashes\n"
        "var q = 'it\\'s // here'; // an escaped quote is no end of the string\n"
        "f(\"it's\", 'a // b'); // a quote of one kind inside a string of another\n"
        "var z = /*SETTINGS*/null;\n"
    )
    assert without_comments(script) == (
        "var x = 1;\n"
        "var y = \"https://example.org/a\";\n"
        "f(\"a // b\");\n"
        "var q = 'it\\'s // here';\n"
        "f(\"it's\", 'a // b');\n"
        "var z = /*SETTINGS*/null;\n"
    )


def test_the_sites_theme_scripts_are_published_without_their_comments(example_site):
    sources = sorted((THEME_DIR / "assets").glob("*.js"))
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        published = (example_site / "assets" / source.name).read_text(encoding="utf-8")
        assert published == without_comments(text), source.name
        assert len(published) < 0.85 * len(text), source.name  # the comments were a good part of it
        result = subprocess.run([str(NODE), "--check", str(example_site / "assets" / source.name)],
                                capture_output=True, text=True)
        assert result.returncode == 0, (source.name, result.stderr)
    worker = subprocess.run([str(NODE), "--check", str(example_site / "zavazek-sw.js")], capture_output=True, text=True)
    assert worker.returncode == 0, worker.stderr


def test_the_copies_are_written_when_they_change_and_a_script_gone_from_the_theme_goes(tmp_path):
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "a.js").write_text("var a = 1; // one\n", encoding="utf-8")
    folder = published_scripts(tmp_path / "provider", theme) / "assets"
    copy = folder / "a.js"
    assert copy.read_text(encoding="utf-8") == "var a = 1;\n"
    written = copy.stat().st_mtime_ns
    os.utime(copy, ns=(written - 10**9, written - 10**9))
    published_scripts(tmp_path / "provider", theme)
    assert copy.stat().st_mtime_ns == written - 10**9  # unchanged: not written again (a preview sees no change)
    (theme / "assets" / "a.js").write_text("var a = 2;\n", encoding="utf-8")
    (folder / "old.js").write_text("var old;\n", encoding="utf-8")
    published_scripts(tmp_path / "provider", theme)
    assert copy.read_text(encoding="utf-8") == "var a = 2;\n" and not (folder / "old.js").exists()
    assert [p.name for p in folder.iterdir()] == ["a.js"]


def test_a_providers_own_copy_of_a_theme_script_is_published_as_it_is(site_folder):
    mine = "/* Our own menu. */\nvar mine = 1; // kept as we wrote it\n"
    (site_folder / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
    (site_folder / "overrides" / "assets" / "zavazek-menu.js").write_text(mine, encoding="utf-8")
    result = run_zavazek("build", str(site_folder))
    assert result.returncode == 0, result.stderr
    assert (site_folder / "site" / "assets" / "zavazek-menu.js").read_text(encoding="utf-8") == mine
    published = (site_folder / "site" / "assets" / "zavazek-offline.js").read_text(encoding="utf-8")
    assert published == without_comments((THEME_DIR / "assets" / "zavazek-offline.js").read_text(encoding="utf-8"))
