"""The built site, read as files: every page in every language, links, languages, safety."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from site_fixtures import ROOT, TODAY, copy_site_folder, page_url, run_zavazek, seed_pdf_cache, set_plugin_options
from zavazek.loading import ENGINE_FAILED
from zavazek.site import parallel
from zavazek.site.pages import PAGES
from zavazek.engine.config import open_project
from zavazek.core.yamlsource import load_document

PROJECT = open_project(ROOT)
LANGS = PROJECT.languages
COMMITMENT = load_document(ROOT / "data" / "commitment.yaml").value
GOALS = load_document(ROOT / "data" / "goals.yaml").value


def page_file(site: Path, slug: str, lang: str) -> Path:
    return site / page_url(slug, lang, "cs") / "index.html"


def read(site: Path, slug: str, lang: str) -> str:
    return page_file(site, slug, lang).read_text(encoding="utf-8")


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.slug)
def test_every_page_exists_in_every_language_with_the_right_html_lang(example_site, spec, lang):
    page = read(example_site, spec.slug, lang)
    assert re.search(rf'<html lang="{lang}"', page)


@pytest.mark.parametrize("lang", LANGS)
def test_commitment_page_shows_the_data_in_the_pages_language(example_site, lang):
    text = " ".join(text_of(read(example_site, "zavazek", lang)).split())
    expected = [m[lang] for m in COMMITMENT["mission"]]
    expected += [g["text"][lang] for g in COMMITMENT["target_groups"]]
    expected += [g["text"][lang] for g in COMMITMENT["refusal"]["grounds"]]
    expected += [p["name"][lang] for p in COMMITMENT["principles"] if lang in p["name"]]
    expected += [COMMITMENT["refusal"]["basic_counselling"][lang], COMMITMENT["complaints"]["ombudsman"][lang]]
    missing = [e for e in expected if " ".join(e.split()) not in text]
    assert not missing


@pytest.mark.parametrize("lang", LANGS)
def test_goals_page_shows_every_goal_and_each_centres_operational_goals(example_site, lang):
    text = " ".join(text_of(read(example_site, "cile", lang)).split())
    goals = GOALS["strategic"]["goals"] + GOALS["long_term"]["goals"]
    goals += [g for plan in GOALS["operational"]["plans"] for g in plan["goals"]]
    missing = [g["id"] for g in goals if " ".join(g["text"][lang].split()) not in text]
    assert not missing


@pytest.mark.parametrize(
    "lang, phrase",
    [("cs", "4krát ročně"), ("en", "4 times a year"), ("ru", "4 раза в год"), ("ru", "10 раз в год")],
)
def test_measurable_targets_are_written_with_the_languages_plural(example_site, lang, phrase):
    assert phrase in text_of(read(example_site, "cile", lang))


def test_dates_follow_the_pages_language(example_site):
    assert "31. prosince 2022" in text_of(read(example_site, "cile", "cs"))
    assert "December 31, 2022" in text_of(read(example_site, "cile", "en"))
    assert "31 декабря 2022" in text_of(read(example_site, "cile", "ru"))


def test_a_text_missing_in_russian_is_shown_in_czech_marked_as_czech_and_untranslated(example_site):
    page = read(example_site, "zavazek", "ru")
    freedom = next(p for p in COMMITMENT["principles"] if p["id"] == "svoboda")
    assert f'<span lang="cs" class="zv-fallback">{freedom["name"]["cs"]}</span>' in page
    note = re.search(r'class="zv-untranslated">\(([^)]*)\)', page).group(1)
    assert note and note != "not yet translated"  # written in Russian, not English
    # English is complete: nothing falls back to Czech (the ombudsman's official Czech name is marked, not a fallback).
    assert 'class="zv-fallback"' not in read(example_site, "zavazek", "en").split("<article")[1].split("</article>")[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.slug)
def test_language_switcher_leads_to_the_same_page_in_each_language(example_site, spec, lang):
    page = read(example_site, spec.slug, lang)
    path = page_url(spec.slug, lang, "cs")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]{2})" lang="[a-z]{2}" class="md-select__link"', page))
    by_lang = {v: k for k, v in links.items()}
    assert set(by_lang) == set(LANGS)
    for other, href in by_lang.items():
        target = urlparse(urljoin(f"http://site/{path}", href)).path.lstrip("/")
        assert target == page_url(spec.slug, other, "cs")
        assert (example_site / target / "index.html").exists()


def test_switcher_names_each_language_in_its_own_script(example_site):
    page = read(example_site, "index", "en")
    for name in ("Čeština", "English", "Русский", "Tiếng Việt"):
        assert name in page


@pytest.mark.parametrize("lang", LANGS)
def test_pages_announce_their_translations_and_a_default(example_site, lang):
    page = read(example_site, "zavazek", lang)
    hreflangs = set(re.findall(r'<link rel="alternate"[^>]*hreflang="([a-z-]+)"', page))
    assert hreflangs == set(LANGS) | {"x-default"}
    assert '<link rel="alternate" hreflang="x-default" href="https://cpic.example.org/zavazek/">' in page


def test_sitemap_lists_every_page_with_its_alternates(example_site):
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    for spec in PAGES:
        for lang in LANGS:
            assert f"https://cpic.example.org/{page_url(spec.slug, lang, 'cs')}" in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_not_found_page_exists_in_each_language(example_site, lang):
    path = example_site / ("404.html" if lang == "cs" else f"{lang}/404.html")
    page = path.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    assert "404" in page


def test_the_root_not_found_page_offers_search_and_the_services_in_every_language(example_site):
    """A server shows it at any wrong address, whatever the reader's language."""
    from zavazek.core import i18n

    page = (example_site / "404.html").read_text(encoding="utf-8")
    lines = dict(re.findall(r'<li lang="([a-z]+)">(.*?)</li>', page, re.S))
    assert set(lines) == set(LANGS)
    for lang, line in lines.items():
        gettext = i18n.gettext_for(lang)
        assert gettext("Page not found") in line
        assert f'href="/{page_url("hledat", lang, "cs")}">{gettext("Search")}</a>' in line
        assert f'href="/{page_url("sluzby", lang, "cs")}">{gettext("Browse services")}</a>' in line


def test_footer_links_to_accessibility_statement_privacy_notice_and_checklist_on_every_page(example_site):
    for lang in LANGS:
        for spec in PAGES:
            page = read(example_site, spec.slug, lang)
            footer = page.split('class="zv-footer-links"')[1].split("</nav>")[0]
            for slug in ("pristupnost", "soukromi", "kontrola"):
                assert f'{page_url(slug, lang, "cs")}"' in footer


def test_footer_of_every_page_links_to_how_to_complain(example_site):
    pages = [f for f in example_site.rglob("*.html") if "pagefind" not in f.parts]
    assert len(pages) > 100  # the directory's pages too
    for file in pages:
        page = file.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]{2})"', page).group(1)
        footer = page.split('class="zv-footer-links"')[1].split("</nav>")[0]
        href = re.search(r'<a href="([^"]+)">([^<]+)</a>', footer)  # the first footer link
        target = urljoin(f"http://site/{file.relative_to(example_site).as_posix()}", href.group(1))
        assert urlparse(target).path.lstrip("/") + "#" + urlparse(target).fragment == page_url("zavazek", lang, "cs") + "#complaints", file


@pytest.mark.parametrize("lang", LANGS)
def test_complaints_section_gives_the_contact_the_languages_and_the_ombudsman(example_site, lang):
    page = read(example_site, "zavazek", lang)
    section = page.split('id="complaints"')[1].split("</article>")[0]
    contact = COMMITMENT["complaints"]["contact"]
    assert f'href="mailto:{contact["email"]}"' in section
    assert f'href="tel:{contact["phone"].replace(" ", "")}"' in section
    assert contact["address"]["street"] in section
    names = {"cs": "ukrajinština", "en": "Ukrainian", "ru": "украинский", "uk": "українська", "vi": "Tiếng Ukraina"}
    assert names[lang] in text_of(section)
    assert '<a href="https://www.ochrance.cz/">' in section


def test_home_page_says_in_one_sentence_what_the_service_is_and_leads_to_help(example_site):
    for lang in LANGS:
        page = read(example_site, "index", lang)
        article = page.split("<article")[1].split("</article>")[0]
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", article, re.S).group(1)
        assert text_of(h1).strip() == COMMITMENT["service"]["summary"][lang]
        door = article.split('class="zv-door"')[1].split("</div>")[0]
        hrefs = re.findall(r'href="([^"]+)"', door)
        assert {"sluzby/", "strediska/", "zavazek/#complaints"} <= {h.removeprefix("../") for h in hrefs}
        for centre in COMMITMENT["centres"]:
            assert f'href="tel:{centre["phone"].replace(" ", "")}"' in door
    # Without JavaScript each centre shows its week (the browser writes the reader's today, see
    # test_today_in_browser.py), never the build's day.
    cs = " ".join(text_of(read(example_site, "index", "cs")).split())
    assert "Po, St 8:30–12:00, 13:00–17:00; Út, Čt 8:30–12:00" in cs
    assert "Dnes" not in cs and "23. listopadu" not in cs


def test_english_targets_say_once_and_twice_not_1_time(example_site):
    text = " ".join(text_of(read(example_site, "cile", "en")).split())
    assert "once a year" in text and "twice a year" in text and "once a quarter" in text
    assert "3 times a quarter" in text
    assert not re.search(r"\b[12] times?\b", text)


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_a_doubled_full_stop_or_a_number_where_a_word_belongs(example_site, lang):
    """Slips of generated phrases: "2026 г..", "1 time a year", "1krát", "1 lần"."""
    slips = re.compile(r"(?<![.…])\.\.(?!\.)|\b1 ?(?:time|krát|lần)\b|\b2 times\b|\b[12] раз(?:и|ів)?\b|\s[.,;:](?!\d)")
    found = []
    root = example_site if lang == "cs" else example_site / lang
    for file in root.rglob("index.html"):
        if lang == "cs" and file.relative_to(example_site).parts[0] in set(LANGS) - {"cs"}:
            continue
        page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", file.read_text(encoding="utf-8"), flags=re.S)
        page = re.sub(r"</?(?:a|strong|span|em|code|abbr|b|i|mark)\b[^>]*>", "", page)  # inline tags join words
        text = " ".join(text_of(page).split())
        found += [f"{file.relative_to(example_site)}: …{text[max(0, m.start() - 40):m.end() + 20]}…" for m in slips.finditer(text)]
    assert not found


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_statement_has_every_part_of_the_model_in_every_language(example_site, lang):
    from zavazek.core.model.website import STATEMENT_PARTS

    page = read(example_site, "pristupnost", lang)
    for anchor in STATEMENT_PARTS:
        assert f'id="{anchor}"' in page
    enforcement = page.split('id="enforcement"')[1]
    assert "§ 9" in enforcement and 'href="https://dia.gov.cz"' in enforcement


def test_accessibility_statement_lists_content_under_the_models_grounds_with_the_alternative(icp_site):
    page = text_of(read(icp_site, "pristupnost", "en"))
    assert "Not accessible because it does not yet meet the requirements of the act:" in page
    assert "Accessible alternative: We will gladly send you the content of the leaflets" in page


def test_checklist_links_each_provision_to_its_official_text(example_site):
    page = read(example_site, "kontrola", "ru")

    def official(criterion):
        row = page.split(f'<tr id="{criterion}">')[1].split("</tr>")[0]
        return re.search(r'<a class="zv-official" href="([^"]+)"', row)[1]

    assert official("a11y-statement") == "https://e-sbirka.gov.cz/sb/2019/99#par_8"
    assert official("zss-91-3") == "https://e-sbirka.gov.cz/sb/2006/108#par_91-odst_3"
    assert official("refused-register") == "https://e-sbirka.gov.cz/sb/2006/108#par_88-pism_g"
    assert official("gdpr-notice") == "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_13"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_checklist_in_another_language_shows_no_english_source_notes(example_site, lang):
    page = read(example_site, "kontrola", lang)
    assert 'lang="en"' not in page.split('<table class="zv-checklist">')[1]
    refusal = page.split('<tr id="zss-91-3">')[1].split("</tr>")[0]
    assert '<blockquote lang="cs">' in refusal  # the law's own words stay Czech
    assert "A new version of the act" not in refusal and "as in force from" not in refusal


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_page_shows_each_criterion_with_its_status_and_links(example_site, lang):
    page = read(example_site, "kontrola", lang)
    refusal = page.split('<tr id="zss-91-3">')[1].split("</tr>")[0]
    assert 'class="zv-status zv-status--not_met"' in refusal
    assert 'href="../zavazek/#refusal-zasada-bezpeci"' in refusal
    line = (ROOT / "data" / "commitment.yaml").read_text(encoding="utf-8").splitlines().index("    - id: zasada-bezpeci") + 1
    assert f"data/commitment.yaml:{line}" in refusal
    mission = page.split('<tr id="zss-2-1">')[1].split("</tr>")[0]
    assert 'zv-status--met' in mission and 'href="../zavazek/#basic-counselling"' in mission


def test_checklist_report_is_published_as_json_beside_the_page(example_site):
    report = json.loads((example_site / "kontrola" / "checklist.json").read_text(encoding="utf-8"))
    assert report["date"] == "2026-11-23"
    assert report["key_criteria_not_met"] == ["zss-91-3"]


def test_html_typed_into_the_data_is_shown_as_text_not_run(site_folder):
    data = site_folder / "data" / "commitment.yaml"
    text = data.read_text(encoding="utf-8")
    text = text.replace(
        "cs: Za službu nic neplatíte.",
        'cs: "Za službu <script>alert(1)</script> nic neplatíte. [klik](javascript:alert(2)) <b>tučně</b>"',
    )
    data.write_text(text, encoding="utf-8")
    result = run_zavazek("build", str(site_folder))
    assert result.returncode == 0, result.stderr
    page = read(site_folder / "site", "zavazek", "cs")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page
    assert "<b>tučně</b>" not in page


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_a_failed_build_leaves_the_published_site_exactly_as_it_was(built_folder):
    before = _tree_digest(built_folder / "site")
    goals = built_folder / "data" / "goals.yaml"
    broken = goals.read_text(encoding="utf-8").replace("centre: plzen", "centre: plzn")
    goals.write_text(broken, encoding="utf-8")
    result = run_zavazek("build", str(built_folder))
    assert result.returncode == 1
    line = broken.splitlines().index("    - centre: plzn") + 1
    assert f"data/goals.yaml:{line}:" in result.stderr
    assert "plzen" in result.stderr  # the suggestion
    assert _tree_digest(built_folder / "site") == before


@pytest.mark.parametrize("example", [".", "examples/icp"])
def test_plain_mkdocs_build_works_in_the_folder_with_the_day_from_mkdocs_yml(example, tmp_path, request):
    import os
    import subprocess
    import sys

    folder = copy_site_folder(ROOT / example, tmp_path / "provider")
    seed_pdf_cache(folder, request.getfixturevalue({".": "example_site", "examples/icp": "icp_site"}[example]))
    set_plugin_options(folder, today="2026-11-27")  # a Friday
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=folder, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert (folder / "site" / "en" / "zavazek" / "index.html").exists()
    assert "November 27, 2026" in " ".join(text_of(read(folder / "site", "kontrola", "en")).split())


def test_the_second_provider_builds_with_the_same_command(icp_site):
    page = read(icp_site, "zavazek", "cs")
    assert "Integrační centrum Praha" in text_of(page)
    assert (icp_site / "en" / "zavazek" / "index.html").exists()
    assert not (icp_site / "ru").exists()


def test_the_site_name_in_the_header_is_in_the_pages_language(example_site):
    assert "Центры поддержки интеграции иностранцев" in read(example_site, "index", "ru")
    assert "Trung tâm hỗ trợ hội nhập người nước ngoài" in read(example_site, "cile", "vi")


def test_a_download_that_fails_while_the_pages_are_rendered_fails_the_build_and_keeps_the_site(built_folder):
    """The posters are made while the site engine renders the pages: when making them fails (here their
    cache is a file, not a folder), the build fails as a whole and the published site stays as it was."""
    before = _tree_digest(built_folder / "site")
    cache = built_folder / ".zavazek" / "cache" / "posters"
    shutil.rmtree(cache)
    cache.write_text("not a folder", encoding="utf-8")
    result = run_zavazek("build", str(built_folder))
    assert result.returncode == ENGINE_FAILED, result.stdout + result.stderr
    assert "build error" in result.stderr and str(cache) in result.stderr
    assert _tree_digest(built_folder / "site") == before
    assert not (built_folder / ".zavazek" / "site-new").exists()


#: ``zavazek build`` with the files that are not pages written early, by a child process, from one file on
#: (a national directory's ten thousand contact cards are; the examples have fewer than the threshold).
_BUILD_WRITING_EARLY = """
import sys
from zavazek.engine import staging
staging.SiteFiles.EARLY_FROM = 1
write_early = staging.SiteFiles.write_early
def reported(self, *args):
    write_early(self, *args)
    if self._early is not None:
        print("written early:", len(self._early[0]), file=sys.stderr)
staging.SiteFiles.write_early = reported
from zavazek.cli import main
main()
"""


@pytest.mark.skipif(not parallel.can_fork(), reason="a child process needs a second core (and fork)")
def test_files_written_early_by_a_child_process_make_the_same_site(tmp_path, example_site):
    folder = seed_pdf_cache(copy_site_folder(ROOT, tmp_path / "provider"), example_site)
    result = subprocess.run([sys.executable, "-c", _BUILD_WRITING_EARLY, "build", str(folder), "--today", TODAY],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    written = int(re.search(r"written early: (\d+)", result.stderr).group(1))
    assert written > 100  # the contact cards, the checklist's reports …
    assert _tree_digest(folder / "site") == _tree_digest(example_site)


#: ``zavazek build`` on a machine with one core: nothing is forked, each piece of work is done in the build's
#: own process when its result is needed (the pages written from their shells after the sitemap, the PDFs
#: when they are taken in).
_BUILD_ON_ONE_CORE = """
from zavazek.site import parallel
parallel.cores = lambda: 1
from zavazek.cli import main
main()
"""


def test_a_build_on_one_core_makes_the_same_site(tmp_path, example_site):
    folder = seed_pdf_cache(copy_site_folder(ROOT, tmp_path / "provider"), example_site)
    result = subprocess.run([sys.executable, "-c", _BUILD_ON_ONE_CORE, "build", str(folder), "--today", TODAY],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert not list((folder / "site").rglob("zavazek-shell-*"))
    assert _tree_digest(folder / "site") == _tree_digest(example_site)
