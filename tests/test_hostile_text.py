"""Whatever staff type stays text in every output (property-based, with Hypothesis).

Generated texts full of HTML and comment markers, ``</script>``,
``<![CDATA[``, quotes of every kind, bidirectional-control, zero-width and
combining characters, very long words, emoji and formula starts
(tests/hostile.py) go through the functions that write pages, JSON and CSV
by the hundred. Then known texts and one drawn set go into every text field
of the example data, a known and a drawn text in each field
(site_fixtures.hostile_site); the real ``zavazek build`` publishes them, and
every output is read back: each HTML page parses (with Chromium's HTML parser,
as the browser does) with its footer and no element or attribute that came from the
data; the JSON files give the texts back; CSV cells give them back,
neutralised where a spreadsheet would run them; posters and the search index
are made. The number of examples is fixed and the run derandomised, so CI
takes the same time every run.
"""

from __future__ import annotations

import csv
import io
import html.parser
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from browser import chromium_path, launch_chromium
from hostile import hostile_text
from pdf_text import pdf_text
from site_fixtures import LANGS
from zavazek.site.escaping import json_attribute, json_for_html, spreadsheet_cell
from zavazek.core.problems import DataError
from zavazek.core.yamlsource import load_text

# --- single functions: many examples, fast ---------------------------------------------------------


@settings(max_examples=300, derandomize=True)
@given(st.recursive(st.none() | st.booleans() | st.integers() | hostile_text,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
                    max_leaves=8))
def test_json_written_into_a_page_cannot_end_its_script_and_reads_back(value):
    text = json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


class _Attributes(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        self.found = (tag, attrs)


@settings(max_examples=300, derandomize=True)
@given(st.recursive(st.none() | st.booleans() | st.integers() | hostile_text,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
                    max_leaves=8))
def test_json_written_into_an_attribute_stays_in_it_and_reads_back(value):
    """A page's parser finds the one attribute, and its value is the JSON of ``value``."""
    parser = _Attributes()
    parser.feed(f"<li data-hours={json_attribute(value)} hidden>")
    parser.close()
    assert parser.found[0] == "li"
    assert [name for name, _ in parser.found[1]] == ["data-hours", "hidden"]
    assert json.loads(parser.found[1][0][1]) == value


@settings(max_examples=300, derandomize=True)
@given(hostile_text)
def test_a_csv_cell_never_starts_a_formula_and_gives_the_text_back(text):
    cell = spreadsheet_cell(text)
    if cell != text:
        assert cell == "'" + text
    runs_as_formula = text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and re.search(r"[^0-9 ().\/-]", text[1:])
    )
    assert (cell != text) == bool(runs_as_formula)


def test_a_phone_number_and_a_negative_number_stay_as_written():
    assert spreadsheet_cell("+420 224 123 456") == "+420 224 123 456"
    assert spreadsheet_cell("-5") == "-5"
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert spreadsheet_cell("-1+cmd|' /C calc'!A0") == "'-1+cmd|' /C calc'!A0"


@settings(max_examples=200, derandomize=True)
@given(hostile_text)
def test_any_publishable_text_goes_through_the_loader_unchanged(text):
    written = yaml.safe_dump({"name": {"cs": text}}, allow_unicode=True, width=10**6)
    assert load_text(written, Path("data/x.yaml")).value == {"name": {"cs": text}}


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x07", "\x0b", "\x1b", "\x1f", "\r", "\ud800", "\udfff"])
def test_a_character_that_cannot_be_published_is_refused_with_file_line_and_field(char):
    escaped = json.dumps(char)  # a YAML double-quoted escape such as "\u0001"
    text = f"centres:\n  - id: brno\n    name:\n      cs: {escaped[:-1]}Brno\"\n"
    with pytest.raises(DataError) as caught:
        load_text(text, Path("data/commitment.yaml"))
    problem = caught.value.problems[0]
    assert (problem.file.name, problem.line) == ("commitment.yaml", 4)
    if "\ud800" <= char <= "\udfff":  # the YAML parser itself refuses the escape, before any field exists
        assert "escape" in problem.hint.render("en") and "\\ud800" in problem.hint.render("cs")
    else:
        assert problem.path == "centres[0].name.cs"
        assert f"U+{ord(char):04X}" in problem.message.render("en")
        assert f"U+{ord(char):04X}" in problem.message.render("cs")


def test_tab_and_line_break_are_published():
    assert load_text('name: {cs: "a\\tb\\nc"}\n', Path("x.yaml")).value == {"name": {"cs": "a\tb\nc"}}


# --- the whole site: a known and a drawn text in every field, one real build ----------------------


#: For each page's HTML: its footers, what in it came from the data as markup (elements or attributes
#: named zvx…, event handlers, javascript: addresses, a script that would call zvxalert), its JSON-LD texts.
#: Parsed by Chromium's own HTML parser (DOMParser runs no script): what a browser makes of the page.
_READ_PAGES = """pages => pages.map(html => {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const found = [], ld = [];
  for (const element of doc.querySelectorAll("*")) {
    const tag = element.localName, names = element.getAttributeNames();
    if (tag.startsWith("zvx") || names.some(name => name.startsWith("zvx") || name.startsWith("on"))
        || ["href", "src", "action"].some(name => (element.getAttribute(name) || "").includes("javascript:"))) {
      found.push(element.outerHTML.slice(0, 160));
    }
    if (tag === "script") {
      if (element.getAttribute("type") === "application/ld+json") ld.push(element.textContent);
      else if (element.textContent.includes("zvxalert")) found.push("<script>" + element.textContent.slice(0, 80));
    }
  }
  return {footers: doc.getElementsByTagName("footer").length, found, ld};
})"""


def _batches(files: list[Path], size: int = 2_000_000):
    """The files in lists of about ``size`` bytes: one call into the browser each."""
    batch, total = [], 0
    for file in files:
        batch.append(file)
        total += file.stat().st_size
        if total >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _check_pages(site: Path) -> None:
    """Each page parses with its footer, no markup from the data, and JSON-LD that reads back."""
    files = sorted(site.rglob("*.html"))
    assert len(files) > 100
    checked = 0
    with launch_chromium() as browser:
        page = browser.new_page()
        for batch in _batches(files):
            for file, report in zip(batch, page.evaluate(_READ_PAGES, [f.read_text(encoding="utf-8") for f in batch])):
                assert report["footers"], f"{file.relative_to(site)} lost its footer"
                assert not report["found"], (file.relative_to(site), report["found"][:3])
                for text in report["ld"]:
                    json.loads(text)
                checked += 1
    assert checked == len(files)


def _check_exports(site: Path, services: dict[tuple, str]) -> None:
    data = site / "sluzby" / "data"
    directory = json.loads((data / "directory.json").read_text(encoding="utf-8"))
    published = json.dumps(directory, ensure_ascii=False)
    for path, text in services.items():
        if path[0] == "services" and path[-1] in LANGS:
            assert json.dumps(text, ensure_ascii=False) in published, path
    cells = set()
    for file in [data / "directory.csv", *sorted((data / "hsds").glob("*.csv"))]:
        for row in csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"), newline="")):
            cells.update(row)
    for path, text in services.items():
        if path[0] == "services" and path[1:] and path[-1] == "cs" and "name" in path:
            assert spreadsheet_cell(text) in cells, path
    for cell in cells:
        assert cell == spreadsheet_cell(cell) or cell.startswith("'"), cell
    json.loads((data / "hsds" / "hsds.json").read_text(encoding="utf-8"))


def _check_posters_and_search(site: Path, placed: dict[str, dict[tuple, str]]) -> None:
    posters = sorted((site / "nastenky").glob("*.pdf"))
    assert posters
    markers = {m for texts in placed.values() for text in texts.values() for m in re.findall(r"zvq[0-9]+", text)}
    # A region's hand-outs in each combination of languages: one of each kind is enough to read back.
    handouts = {}
    for handout in sorted((site / "sluzby").glob("*/*.pdf")):
        handouts.setdefault(handout.stem.partition("-")[2], handout)
    assert len(handouts) == len(LANGS) * 2 - 1, sorted(handouts)
    for pdf in [*posters, *handouts.values()]:
        text = pdf_text(pdf.read_bytes())
        assert any(m in text for m in markers), pdf.name
    for lang in LANGS:
        assert (site / "pagefind" / lang / "pagefind-entry.json").is_file(), lang


def _check(site: Path, placed: dict[str, dict[tuple, str]]) -> None:
    _check_pages(site)
    _check_exports(site, placed["services.yaml"])
    _check_posters_and_search(site, placed)


needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed (make test installs it)")


@needs_chromium
def test_hostile_texts_in_every_field_stay_text_in_every_output(hostile_site):
    _check(*hostile_site)  # the build tests/test_browser_hostile.py opens in Chromium too
