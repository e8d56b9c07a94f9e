"""The search index a build makes: from lean documents, yet the same as Pagefind reading the published pages."""

from __future__ import annotations

import shutil

import pytest

from zavazek.engine import indexed, search


def _index_files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lang", ["cs", "vi"])
def test_the_index_is_the_one_pagefind_makes_from_the_whole_published_pages(example_site, tmp_path, lang):
    # The build sends Pagefind each directory page without what it would leave out (share block, schema.org
    # script, printed-only lines); here Pagefind reads every published page whole, as its command line would.
    site = tmp_path / "site"
    shutil.copytree(example_site, site, ignore=shutil.ignore_patterns("pagefind", "*.pdf", "*.vcf"))
    languages = ["cs", "en", "ru", "uk", "vi"]
    indexing = search.Indexing()
    indexing.add(site, lang, languages, "cs")
    indexing.wait()
    published, remade = example_site / search.bundle(lang), site / search.bundle(lang)
    assert len(_index_files(published)) > 10  # the page fragments, the word index and its chunks
    assert _index_files(remade) == _index_files(published)


def test_what_pagefind_leaves_out_is_cut_whole_and_nothing_else():
    html = ('<div data-pagefind-body><h1>Poradna</h1><p class="zv-print zv-small">Údaje k 1. 3.</p>'
            '<section class="zv-share" data-pagefind-ignore="all"><div><div>Sdílet</div></div><img src="x.png">'
            '</section><p class="zv-printed">zůstává</p><script type="application/ld+json">{"a": "<\\/p>"}</script>'
            '<p class="zv-small zv-maplinks"><a href="geo:1,2">Mapa</a><br></p><p>Konec</p></div>')
    assert indexed.without_left_out(html) == (
        '<div data-pagefind-body><h1>Poradna</h1><p class="zv-printed">zůstává</p><p>Konec</p></div>')


def test_an_element_left_out_that_is_never_closed_leaves_the_rest_as_it_was():
    html = '<p>Jedna</p><div class="zv-print"><p>Dvě</p><p class="zv-example">Tři</p>'
    assert indexed.without_left_out(html) == html
