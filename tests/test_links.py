"""No broken link: every link and anchor of every built page of both example sites leads somewhere.

What is followed and how an address is looked up: :mod:`links`.
"""

from __future__ import annotations

from links import broken_links
from site_fixtures import ROOT


def _site_url(folder):
    import yaml

    return yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_every_link_of_the_example_site_leads_to_a_page_and_its_anchor(example_site):
    assert broken_links(example_site, _site_url(ROOT)) == []


def test_every_link_of_the_second_example_site_leads_to_a_page_and_its_anchor(icp_site):
    assert broken_links(icp_site, _site_url(ROOT / "examples" / "icp")) == []


def test_link_check_finds_what_a_reader_would_miss_also_on_an_unlinked_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "css").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="css/site.css">'
        '<h1 id="top">Home</h1>'
        '<a href="a/">fine</a> <a href="a/#here">fine anchor</a> <a href="#top">fine here</a> <a href="a">fine folder</a>'
        '<a href="mailto:x@example.org">mail</a> <a href="https://example.com/elsewhere/">another site</a>'
        '<a href="https://example.org/a/">own public address</a> <img src="data:image/gif;base64,R0lGOD" alt="">\n'
        '<a href="missing/">missing page</a> <a href="a/#nowhere">missing anchor</a>\n'
        '<a href="https://example.org/missing/">own public address, missing</a>\n'
        '<img src="missing.png" srcset="a/ 1x, gone.png 2x" alt="">\n'
        '<div style="background: url(&quot;bg.png&quot;)"></div>\n'
        '<form action="//ru/hledat/" method="get"><input name="q"></form></html>', encoding="utf-8"
    )
    (tmp_path / "a" / "index.html").write_text('<!doctype html><title>a</title><p id="here">A', encoding="utf-8")
    (tmp_path / "404.html").write_text('<!doctype html><title>o</title><a href="/gone/">gone</a>', encoding="utf-8")
    (tmp_path / "css" / "site.css").write_text('a{}\nb{background:url("../font.woff2")}', encoding="utf-8")
    problems = broken_links(tmp_path, "https://example.org/")
    assert sorted(problems) == sorted([
        "missing/ (on /, line 2): not found (404)",
        "a/#nowhere (on /, line 2): no element with the id 'nowhere' on a/",
        "https://example.org/missing/ (on /, line 3): no such page in the built site",
        "missing.png (on /, line 4): not found (404)",
        "gone.png (on /, line 4): not found (404)",
        "bg.png (on /, line 5): not found (404)",
        "//ru/hledat/ (on /, line 6): a link to another server named 'ru'",
        "/gone/ (on 404.html, line 1): not found (404)",
        "../font.woff2 (on css/site.css, line 2): not found (404)",
    ])
