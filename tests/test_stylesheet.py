"""Material's stylesheet reduced to what the pages use, and kept for the next build of the same pages."""

from zavazek.engine.stylesheet import KEPT, Vocabulary, reduce_kept

MATERIAL = ".md-a{color:red}.md-b{color:blue}"


def _vocabulary(*pages: str) -> Vocabulary:
    vocabulary = Vocabulary()
    for page in pages:
        vocabulary.add_html(page)
    return vocabulary


def test_a_rule_for_a_class_no_page_has_is_dropped_and_comes_back_when_a_page_has_it(tmp_path):
    assert reduce_kept(MATERIAL, _vocabulary('<p class="md-a">'), "", tmp_path) == ".md-a{color:red}"
    both = _vocabulary('<p class="md-a">', '<p class="md-b">')
    assert reduce_kept(MATERIAL, both, "", tmp_path) == ".md-a{color:red}.md-b{color:blue}"


def test_the_next_build_of_pages_with_the_same_classes_reads_the_kept_stylesheet(tmp_path):
    reduce_kept(MATERIAL, _vocabulary('<p class="md-a">', '<i class="md-b">'), "", tmp_path)
    kept = tmp_path / KEPT
    key, _, css = kept.read_text(encoding="utf-8").partition("\n")
    assert css == ".md-a{color:red}.md-b{color:blue}"
    kept.write_text(f"{key}\n/* read from the last build */{css}", encoding="utf-8")
    # The same classes, read from pages in another order: the kept stylesheet.
    again = reduce_kept(MATERIAL, _vocabulary('<i class="md-b">', '<p class="md-a">'), "", tmp_path)
    assert again == "/* read from the last build */" + css
    # Material's own stylesheet changed (another version): reduced again.
    assert reduce_kept(MATERIAL + ".md-c{color:green}", _vocabulary('<p class="md-a">'), "", tmp_path) \
        == ".md-a{color:red}"
