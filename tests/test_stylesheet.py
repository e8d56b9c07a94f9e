"""Material's stylesheet reduced to what the pages use, and kept for the next build of the same pages."""

import pytest

from zavazek.engine.stylesheet import KEPT, Vocabulary, reduce, reduce_kept

MATERIAL = ".md-a{color:red}.md-b{color:blue}"
READ_BACK = "/* read from the last build */"


def _vocabulary(*pages: str) -> Vocabulary:
    vocabulary = Vocabulary()
    for page in pages:
        vocabulary.add_html(page)
    return vocabulary


def _mark_kept(folder) -> None:
    """Mark the kept stylesheet, its key unchanged, so that a result read from it can be told apart."""
    kept = folder / KEPT
    key, _, css = kept.read_text(encoding="utf-8").partition("\n")
    kept.write_text(f"{key}\n{READ_BACK}{css}", encoding="utf-8")


def test_a_rule_for_a_class_no_page_has_is_dropped_and_comes_back_when_a_page_has_it(tmp_path):
    assert reduce_kept(MATERIAL, _vocabulary('<p class="md-a">'), "", tmp_path) == ".md-a{color:red}"
    both = _vocabulary('<p class="md-a">', '<p class="md-b">')
    assert reduce_kept(MATERIAL, both, "", tmp_path) == ".md-a{color:red}.md-b{color:blue}"


def test_the_next_build_of_pages_with_the_same_classes_reads_the_kept_stylesheet(tmp_path):
    reduce_kept(MATERIAL, _vocabulary('<p class="md-a">', '<i class="md-b">'), "", tmp_path)
    _mark_kept(tmp_path)
    # The same classes, read from pages in another order: the kept stylesheet.
    again = reduce_kept(MATERIAL, _vocabulary('<i class="md-b">', '<p class="md-a">'), "", tmp_path)
    assert again == READ_BACK + ".md-a{color:red}.md-b{color:blue}"


VARIABLES = ":root{--md-x:red;--md-y:blue}.md-a{color:var(--md-x)}"


@pytest.mark.parametrize("css,other_css,expected", [
    (MATERIAL + ".md-a{margin:0}", "", ".md-a{color:red}.md-a{margin:0}"),  # Material's stylesheet changed
    (VARIABLES, "a{color:var(--md-y)}", ":root{--md-x:red;--md-y:blue}.md-a{color:var(--md-x)}"),  # and ours
], ids=["material's", "ours"])
def test_a_changed_stylesheet_is_reduced_again_for_the_same_pages(tmp_path, css, other_css, expected):
    pages = _vocabulary('<p class="md-a">')
    reduce_kept(MATERIAL if css != VARIABLES else css, pages, "", tmp_path)
    _mark_kept(tmp_path)
    assert reduce_kept(css, pages, other_css, tmp_path) == expected


@pytest.mark.parametrize("content", [b"not a key\n.md-a{color:green}", b"\xff\xfe\x00broken", b""],
                         ids=["another key", "not UTF-8", "empty"])
def test_a_damaged_kept_stylesheet_is_made_again(tmp_path, content):
    (tmp_path / KEPT).parent.mkdir(parents=True)
    (tmp_path / KEPT).write_bytes(content)
    assert reduce_kept(MATERIAL, _vocabulary('<p class="md-a">'), "", tmp_path) == ".md-a{color:red}"
    assert [p.name for p in (tmp_path / KEPT).parent.iterdir()] == [(tmp_path / KEPT).name]  # no temporary file left


def test_reducing_again_for_the_same_pages_gives_the_same_stylesheet():
    pages = _vocabulary('<p class="md-a">')
    css = "[id]{color:red}#x{color:blue}.md-a{color:green}"
    assert reduce(css, pages) == reduce(css, pages) == ".md-a{color:green}"
