"""No broken link: every link and anchor of every built page of the three example sites leads somewhere.

What is followed and how an address is looked up: :mod:`broken_links`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from broken_links import broken_links
from site_fixtures import ROOT
from zavazek.site import sitemap


def _site_url(folder: Path) -> str:
    return yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_every_link_of_the_example_site_leads_to_a_page_and_its_anchor(example_site):
    assert broken_links(example_site, _site_url(ROOT)) == []


def test_every_link_of_the_second_example_site_leads_to_a_page_and_its_anchor(icp_site):
    assert broken_links(icp_site, _site_url(ROOT / "examples" / "icp")) == []


def test_every_link_of_the_third_example_site_leads_to_a_page_and_its_anchor(opu_site):
    assert broken_links(opu_site, _site_url(ROOT / "examples" / "opu")) == []


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_link_check_finds_each_kind_of_broken_link_also_on_an_unlinked_page(tmp_path):
    _write(tmp_path, {
        "index.html":
            '<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="css/site.css">'
            '<h1 id="top">Home</h1><h2 id="a b">Spaced</h2>'
            '<a href="a/">fine</a> <a href="a/#here">fine anchor</a> <a href="#top">fine here</a> <a href="a">folder</a>'
            '<a href="a#here">folder, anchor</a> <a href="#a%20b">encoded anchor</a> <a href="?q=x">query</a>'
            '<a href="mailto:x@example.org">mail</a> <a href="https://example.com/elsewhere/">another site</a>'
            '<a href="https://example.org/a/">own public address</a> <a href="HTTP://Example.org/a/#here">again</a>'
            '<img src="data:image/gif;base64,R0lGOD" srcset="data:image/png;base64,AAAA 1x, a/ 2x" alt="">\n'
            '<a href="missing/">missing page</a> <a href="a/#nowhere">missing anchor</a>\n'
            '<a href="https://example.org/missing/">own public address, missing</a>'
            ' <a href="https://example.org/a/#gone">its anchor, missing</a>\n'
            '<img src="missing.png" srcset="a/ 1x, gone.png 2x" alt="">\n'
            '<div style="background: url(&quot;bg.png&quot;)"></div>\n'
            '<form action="//ru/hledat/" method="get"><input name="q"><button formaction="nowhere/">go</button>'
            '</form>\n<style>p { background: URL(\'style.png\') }\n/* url(commented.png) */\n'
            'b { background: url(css/img.png) }</style>\n</html>',
        "a/index.html": '<!doctype html><title>a</title><p id="here">A<a name="named"></a>'
                        '<a href="../#a b">back</a> <a href="#named">named</a>',
        "b/index.html": '<!doctype html><title>b</title><base href="/a/"><a href="#here">on a</a>'
                        '<meta http-equiv="refresh" content="0; url=../gone/">',
        "404.html": '<!doctype html><title>o</title><a href="/gone/">gone</a> <a href="a/">relative</a>'
                    ' <a href="/a/">from the root</a> <a href="#main">skip</a> <a href="?q=x">search</a>'
                    '<main id="main"></main>\n<a href="/.//etc/hostname">above the site</a>'
                    '<meta http-equiv="refresh" content="5; URL=\'/a/\'">',
        "en/404.html": '<!doctype html><title>o</title><a href="../a/">up, then relative</a>',
        "css/site.css": 'a{}\nb{background:url("../font.woff2")}\ni{background:url(img.png)}\n'
                        '@import "more.css";@import"none.css";',
        "css/img.png": "",
        "css/more.css": "",
    })
    assert sorted(broken_links(tmp_path, "https://example.org/")) == sorted([
        "missing/ (on /, line 2): not found (404)",
        "a/#nowhere (on /, line 2): no element with the id 'nowhere' on a/",
        "https://example.org/missing/ (on /, line 3): not found (404)",
        "https://example.org/a/#gone (on /, line 3): no element with the id 'gone' on a/",
        "missing.png (on /, line 4): not found (404)",
        "gone.png (on /, line 4): not found (404)",
        "bg.png (on /, line 5): not found (404)",
        "//ru/hledat/ (on /, line 6): a link to another server named 'ru'",
        "nowhere/ (on /, line 6): not found (404)",
        "style.png (on /, line 7): not found (404)",
        "../gone/ (on b/, line 1): not found (404)",
        "/gone/ (on 404.html, line 1): not found (404)",
        "a/ (on 404.html, line 1): not found (404)",  # served for /x/y/, where a/ is /x/y/a/
        "/.//etc/hostname (on 404.html, line 2): not found (404)",
        "../a/ (on en/404.html, line 1): not found (404)",  # served for /en/x/y/
        "none.css (on css/site.css, line 4): not found (404)",
        "../font.woff2 (on css/site.css, line 2): not found (404)",
    ])


def test_a_site_published_under_a_path_has_its_links_checked_from_there(tmp_path):
    _write(tmp_path, {
        "index.html": '<!doctype html><title>t</title><a href="/cpic/a/">fine</a> <a href="a/">fine</a>\n'
                      '<a href="/a/">outside</a> <a href="https://example.org/cpicx/">another site</a>\n'
                      '<a href="https://example.org/cpic/b/">missing</a>',
        "a/index.html": "<!doctype html><title>a</title>",
    })
    assert broken_links(tmp_path, "https://example.org/cpic/") == [
        "/a/ (on /, line 2): outside the site, which starts at /cpic/",
        "https://example.org/cpic/b/ (on /, line 3): not found (404)",
    ]


def test_a_folder_without_pages_is_an_error_not_a_pass(tmp_path):
    with pytest.raises(ValueError, match="no page"):
        broken_links(tmp_path)


_PAGE_PATHS = st.just("index") | st.lists(st.sampled_from(["sluzby", "s", "s-01988", "praha", "en", "a"]),
                                          min_size=1, max_size=4).map("/".join)


@settings(max_examples=400, derandomize=True)
@given(_PAGE_PATHS, _PAGE_PATHS)
def test_a_link_between_two_pages_leads_where_a_browser_goes(here, target):
    """A page's link to another (``sitemap.relative``), followed from the page's address as a browser does."""
    def address(path: str) -> str:
        return "https://example.org/web/" + ("" if path == "index" else path + "/")

    assert urljoin(address(here), sitemap.relative(here, target)) == address(target)
    assert urljoin(address(here), sitemap.relative(here, target, "kontakt")) == address(target) + "#kontakt"
