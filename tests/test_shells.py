"""Directory pages are written from shells the site engine rendered, and are the engine's own pages."""

from __future__ import annotations

import re

from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache, set_plugin_options


def _stylesheet(site):
    (sheet,) = (site / "assets" / "stylesheets").glob("zavazek-material.*.min.css")
    return sheet


def _pages(site):
    """The pages, with the stylesheet's name (named after mkdocs.yml too, among others) left out."""
    name = _stylesheet(site).name.encode()
    return {p.relative_to(site).as_posix(): p.read_bytes().replace(name, b"STYLESHEET") for p in site.rglob("*.html")
            if not p.relative_to(site).as_posix().startswith("pagefind/")}


def _sitemap_entries(site):
    return sorted(re.findall(r"<url>.*?</url>", (site / "sitemap.xml").read_text(encoding="utf-8"), re.S))


def test_pages_from_shells_are_byte_for_byte_the_pages_the_engine_renders_itself(example_site, tmp_path):
    folder = seed_pdf_cache(copy_site_folder(ROOT, tmp_path / "engine"), example_site)
    set_plugin_options(folder, shells=False)
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stderr
    engine_pages, shell_pages = _pages(folder / "site"), _pages(example_site)
    assert len([p for p in shell_pages if p.startswith("en/sluzby/s/")]) > 20
    assert engine_pages.keys() == shell_pages.keys()
    different = [path for path in engine_pages if engine_pages[path] != shell_pages[path]]
    assert different == []
    assert _stylesheet(folder / "site").read_bytes() == _stylesheet(example_site).read_bytes()
    assert _sitemap_entries(folder / "site") == _sitemap_entries(example_site)
    # Search indexed the part of each page it reads, sent from the shells, as it indexes whole pages from the disk.
    assert _search_index(folder / "site") == _search_index(example_site)


def _search_index(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}


def test_no_shell_is_published_or_linked(example_site):
    for path in example_site.rglob("*"):
        assert "zavazek-shell" not in path.name, path  # a shell, or a folder that put one as deep as its pages
    for path in [*example_site.rglob("*.html"), example_site / "sitemap.xml"]:
        text = path.read_text(encoding="utf-8")
        assert "zavazek-shell" not in text and "ZavazekShell" not in text, path


def test_a_service_name_with_ampersand_and_quotes_is_escaped_in_the_title_and_header(site_folder):
    services = site_folder / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    name = "en: Community interpreting and intercultural work"
    assert name in text
    services.write_text(text.replace(name, 'en: Interpreting & "intercultural" <work>', 1), encoding="utf-8")
    assert run_zavazek("build", str(site_folder)).returncode == 0
    pages = [p.read_text(encoding="utf-8") for p in (site_folder / "site" / "en" / "sluzby" / "s").glob("*/index.html")]
    page = next(p for p in pages if "Interpreting &amp;" in p)
    assert "<title>Interpreting &amp; &#34;intercultural&#34; &lt;work&gt; - " in page
    assert "<h1>Interpreting &amp; &#34;intercultural&#34; &lt;work&gt;</h1>" in page
    outside_json_ld = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.S)
    assert "<work>" not in outside_json_ld and outside_json_ld.count("&lt;work&gt;") == 3  # title, header, heading


def test_a_page_written_by_hand_in_docs_replaces_the_generated_one(site_folder):
    (site_folder / "docs" / "sluzby").mkdir(parents=True, exist_ok=True)
    (site_folder / "docs" / "sluzby" / "praha.en.md").write_text("# Our own page about Prague\n", encoding="utf-8")
    assert run_zavazek("build", str(site_folder)).returncode == 0
    english = (site_folder / "site" / "en" / "sluzby" / "praha" / "index.html").read_text(encoding="utf-8")
    czech = (site_folder / "site" / "sluzby" / "praha" / "index.html").read_text(encoding="utf-8")
    assert "Our own page about Prague" in english and "zv-card" not in english
    assert "zv-card" in czech


def test_a_theme_override_that_drops_the_page_body_fails_the_build_and_keeps_the_old_site(built_folder):
    before = (built_folder / "site" / "sluzby" / "praha" / "index.html").read_bytes()
    (built_folder / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}<p>Under construction</p>{% endblock %}\n', encoding="utf-8"
    )
    result = run_zavazek("build", str(built_folder))
    assert result.returncode == 3
    assert "overrides/" in result.stderr and "without its body" in result.stderr
    assert (built_folder / "site" / "sluzby" / "praha" / "index.html").read_bytes() == before
