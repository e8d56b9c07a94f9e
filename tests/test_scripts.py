"""závazek's browser scripts reach a reader's phone without their comments (``site/scripts.py``).

That they still run is what the browser tests show: the menu, the filters,
search, sharing and the offline worker are all used in headless Chromium.
"""

from __future__ import annotations

from zavazek.engine.plugin import THEME_DIR
from zavazek.site.scripts import without_comments


def test_comments_go_and_the_code_and_its_strings_stay():
    script = (
        "/* What this does,\n"
        " * over two lines. */\n"
        "var x = 1; // one\n"
        "/* before a statement */ var y = \"https://example.org/a\";\n"
        "  // on a line of its own\n"
        "f(\"a // b\"); // the string keeps its slashes\n"
        "var q = 'it\\'s // here'; // an escaped quote is no end of the string\n"
        "var z = /*SETTINGS*/null;\n"
    )
    assert without_comments(script) == (
        "var x = 1;\n"
        "var y = \"https://example.org/a\";\n"
        "f(\"a // b\");\n"
        "var q = 'it\\'s // here';\n"
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
