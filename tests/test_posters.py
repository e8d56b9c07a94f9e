"""Noticeboard posters: real PDFs rendered by WeasyPrint, read back, QR codes decoded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader
from pdf_text import pdf_pages_text, pdf_text

from site_fixtures import ROOT, run_zavazek
from zavazek.core.loader import load_data
from zavazek.site.pages.formatting import Formatter
from zavazek.site import fallback
from zavazek.site import pdf as pdf_files
from zavazek.site.posters import Poster, fitting, pdf_to_png, poster_html, poster_templates, posters_for, printed_link, render_poster, voice
from zavazek.site.posters import published as posters_published
from zavazek.site.posters.views import plan_dates
from zavazek.site.posters.measure import type_sizes
from zavazek.site.posters.sheets import SHEETS, Sheet
from zavazek.engine.config import open_project
from zavazek.core.problems import DataError

DAY = dt.date(2026, 11, 23)
PROJECT = open_project(ROOT)
DATA = load_data(PROJECT.data_dir, list(PROJECT.languages), DAY)


def text_of(pdf: bytes) -> str:
    return pdf_text(pdf)


def qr_in(pdf: bytes) -> str:
    return qr_with_width(pdf)[0]


def qr_with_width(pdf: bytes, dpi: int = 150) -> tuple[str, float]:
    """The QR code's text and its printed width in millimetres (from a raster at ``dpi``)."""
    import zxingcpp
    from PIL import Image

    png = pdf_to_png(pdf, "-r", str(dpi))
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(codes) == 1
    corners = codes[0].position
    width_px = corners.top_right.x - corners.top_left.x
    return codes[0].text, width_px / dpi * 25.4


EVERY_KIND = [
    Poster("commitment", ("cs",), "A4"),
    Poster("commitment", ("ru",), "A3"),
    Poster("commitment", ("cs", "vi"), "A4"),
    Poster("goals", ("vi",), "A4", "brno"),
    Poster("goals", ("cs", "ru"), "A4", "plzen"),
]


def small_passages(poster: Poster, data=None) -> list[str]:
    """What alone may be set below the floor: the web address, the QR caption, the date of the data."""
    data = data or DATA
    out = [printed_link(poster, PROJECT)]
    for i, lang in enumerate(poster.languages, 1):
        words = voice(lang, i, poster, PROJECT, DAY).words
        out += [words.scan, words.made_on]
        if poster.kind == "goals":
            out += plan_dates(Formatter(lang, "cs"), data.goals.plan_of(poster.centre, DAY.year))
    return out


def below_the_floor(pdf: bytes, poster: Poster, sheet: Sheet, data=None) -> list[str]:
    """Text set smaller than the sheet's floor that is none of the passages allowed to be smaller."""
    allowed = "".join("".join(small_passages(poster, data)).split())
    return [" ".join(text.split()) for text, size in type_sizes(pdf).runs
            if size < sheet.body_pt - 0.05 and "".join(text.split()) not in allowed]


@pytest.mark.parametrize("poster", EVERY_KIND, ids=lambda p: p.filename)
def test_running_text_is_readable_from_two_metres_and_only_address_and_date_are_smaller(poster):
    sheet = SHEETS[poster.size]
    pdf = render_poster(poster, DATA, PROJECT, DAY)
    sizes = type_sizes(pdf)
    assert below_the_floor(pdf, poster, sheet) == []
    assert sizes.smallest >= max(12, sheet.small_pt - 0.05)
    assert SHEETS["A4"].body_pt >= 20 and SHEETS["A3"].body_pt >= 28 and SHEETS["A4"].title_pt >= 48
    title = "Náš závazek" if poster.kind == "commitment" and poster.languages[0] == "cs" else None
    if title:
        assert min(size for text, size in sizes.runs if title in text) >= sheet.title_pt - 0.05


def test_the_floor_check_catches_running_text_set_below_twenty_points(monkeypatch):
    poster, a4 = Poster("goals", ("cs",), "A4", "brno"), SHEETS["A4"]
    monkeypatch.setitem(SHEETS, "A4", dataclasses.replace(a4, body_pt=16, key_pt=18))
    pdf = render_poster(poster, DATA, PROJECT, DAY)
    assert below_the_floor(pdf, poster, a4)


def test_the_first_sheet_of_the_commitment_says_who_it_is_for_that_it_is_free_where_and_the_phone():
    pdf = render_poster(Poster("commitment", ("cs",), "A4"), DATA, PROJECT, DAY)
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Bezplatné poradenství a pomoc pro cizince" in first and "Zdarma" in first
    assert "Příkladová 1, 602 00 Brno" in first and "+420 000 000 164" in first and "Po, St 8:30–12:00" in first
    everything = text_of(pdf)
    assert "Držitelé mezinárodní ochrany" in everything and "stiznosti@cpic.example.org" in everything and "Bezpečí" in everything
    sizes = type_sizes(pdf)
    phone = min(s for t, s in sizes.runs if "+420 000 000 164" in t)
    principle = max(s for t, s in sizes.runs if "Bezpečí" in t)
    assert phone >= SHEETS["A4"].lead_pt - 0.05 > principle


def test_the_goals_poster_says_when_the_plan_was_approved_and_when_progress_was_counted():
    text = text_of(render_poster(Poster("goals", ("cs",), "A4", "plzen"), DATA, PROJECT, DAY))
    assert "Plán schválen 22. ledna 2026." in text and "Plnění ke dni 16. listopadu 2026." in text
    assert "splněno 7 z 12" in text and "Údaje ke dni" not in text


@pytest.mark.parametrize("poster", [Poster("goals", ("cs",), "A4", "brno"), Poster("commitment", ("ru",), "A3")],
                         ids=lambda p: p.filename)
def test_the_qr_code_is_at_least_three_centimetres_wide_and_opens_the_printed_address(poster):
    pdf = render_poster(poster, DATA, PROJECT, DAY)
    link, width_mm = qr_with_width(pdf)
    assert width_mm >= 30
    printed = link.split("://")[1].split("#")[0]
    assert printed in "".join(text_of(pdf).split())


@pytest.mark.parametrize("lang", PROJECT.languages)
def test_goals_poster_shows_the_centres_goals_in_its_language_on_one_page(lang):
    pdf = render_poster(Poster("goals", (lang,), "A4", "plzen"), DATA, PROJECT, DAY)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = text_of(pdf)
    plan = next(p for p in DATA.goals.plans_for(2026) if p.centre == "plzen")
    for goal in plan.goals:
        assert " ".join(goal.text[lang].split())[:40] in text


@pytest.mark.parametrize("lang, path", [("cs", "cile/"), ("vi", "vi/cile/")])
def test_the_qr_code_opens_the_centres_goals_in_the_same_language(lang, path):
    pdf = render_poster(Poster("goals", (lang,), "A4", "brno"), DATA, PROJECT, DAY)
    assert qr_in(pdf) == f"https://cpic.example.org/{path}#operational-brno"


def test_pdf_is_tagged_titled_in_its_language_with_fonts_embedded():
    pdf = render_poster(Poster("commitment", ("ru",), "A3"), DATA, PROJECT, DAY)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ru"
    assert "/StructTreeRoot" in root
    assert reader.metadata.title.startswith("Наше обязательство")
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(1190.55, abs=2)  # A3 in points
    assert len(pdf) < 200_000


def test_bilingual_poster_has_czech_and_the_other_language():
    text = text_of(render_poster(Poster("goals", ("cs", "vi"), "A4", "ostrava"), DATA, PROJECT, DAY))
    assert "Připravit srozumitelný leták" in text and "Soạn tờ rơi dễ hiểu" in text


def test_bilingual_posters_give_the_opening_hours_in_both_languages():
    goals = text_of(render_poster(Poster("goals", ("cs", "ru"), "A4", "brno"), DATA, PROJECT, DAY))
    assert "Otevírací doba" in goals and "Часы работы" in goals
    assert "Pondělí" in goals and "понедельник" in goals.lower() and "Čtvrtek" in goals and "четверг" in goals.lower()
    commitment = text_of(render_poster(Poster("commitment", ("cs", "vi"), "A4"), DATA, PROJECT, DAY))
    assert "Otevírací doba: Po, St 8:30–12:00" in commitment and "Giờ mở cửa: Th 2, Th 4 08:30–12:00" in commitment


def struct_langs(pdf: bytes) -> dict[str, set[str]]:
    """Languages on the PDF's structure elements, per structure type (/P, /H2, ...)."""
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]
    found: dict[str, set[str]] = {}

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node and "/Lang" in node:
            found.setdefault(str(node["/S"]), set()).add(str(node["/Lang"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object"):
                walk(kid)

    walk(root)
    return found


def test_each_passage_of_a_bilingual_poster_is_tagged_with_its_language():
    pdf = render_poster(Poster("goals", ("cs", "vi"), "A4", "brno"), DATA, PROJECT, DAY)
    langs = struct_langs(pdf)
    assert langs["/P"] == {"cs", "vi"} and langs["/H2"] == {"cs", "vi"} and langs["/Span"] >= {"cs", "vi"}
    assert "/Lang" not in str(struct_langs(render_poster(Poster("goals", ("cs",), "A4", "brno"), DATA, PROJECT, DAY)).get("/H2", ""))


def test_a_very_long_goal_list_continues_on_another_sheet_in_full_and_at_full_size():
    plan = DATA.goals.plans_for(2026)[0]
    long_text = "a přitom spolupracovat s obcemi, školami, úřady práce a neziskovými organizacemi v celém kraji"
    goals = [
        g.model_copy(update={"id": f"g{i}", "text": g.text.model_copy(update={"root": {**g.text.root, "cs": f"Cíl číslo {i}: {g.text['cs']} {long_text} (konec cíle {i})"}})})
        for i in range(15) for g in plan.goals[:1]
    ]
    long_plan = plan.model_copy(update={"goals": goals})
    operational = DATA.goals.operational.model_copy(update={"plans": [long_plan]})
    data = dataclasses.replace(DATA, goals=DATA.goals.model_copy(update={"operational": operational}))
    poster = Poster("goals", ("cs",), "A4", plan.centre)
    pdf = render_poster(poster, data, PROJECT, DAY)
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    text = text_of(pdf)
    assert all(f"Cíl číslo {i}: {' '.join(plan.goals[0].text['cs'].split())} {long_text} (konec cíle {i})" in text for i in range(15))
    assert below_the_floor(pdf, poster, SHEETS["A4"], data) == []


def test_the_words_a_poster_is_fitted_by_are_the_words_printed_on_each_sheet():
    """Whether a last sheet is an orphan is judged from the layout, before the PDF is written: it must count what prints."""
    poster = Poster("commitment", ("cs", "vi"), "A4")
    html = fitting.with_layout(poster_html(poster, DATA, PROJECT, DAY, poster_templates()), "", numbered=True)
    laid = pdf_files.lay_out(fallback.mark_html(html), ROOT)
    printed = pdf_pages_text(laid.pdf())
    assert laid.pages == len(printed) > 1
    for i, sheet in enumerate(printed):
        words = [w for w in sheet.split() if w != "•" and w != f"{i + 1}/{len(printed)}"]  # bullets, the sheet number
        assert laid.words(i) == words


def test_a_progress_count_dated_before_the_plan_was_approved_is_refused(site_folder):
    goals = site_folder / "data" / "goals.yaml"
    goals.write_text(goals.read_text(encoding="utf-8").replace("progress_as_of: 2026-11-16", "progress_as_of: 2026-01-02"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(site_folder / "data", list(PROJECT.languages), DAY)
    assert "progress_as_of" in str(caught.value.problems[0].hint)


def test_without_a_public_address_posters_refuse_to_encode_a_wrong_link():
    project = dataclasses.replace(PROJECT, site_url=None)
    with pytest.raises(DataError) as caught:
        render_poster(Poster("commitment", ("cs",)), DATA, project, DAY)
    assert caught.value.problems[0].path == "site_url"


def test_the_built_site_publishes_posters_with_previews_on_a_page_per_language(example_site):
    pdfs = sorted((example_site / "nastenky").glob("*.pdf"))
    n = len(PROJECT.languages)  # goals: 3 centres x n languages and x (n - 1) bilingual; commitment: A4 + A3 x n, n - 1 bilingual
    assert len(pdfs) == 3 * n + 3 * (n - 1) + 2 * n + (n - 1)
    assert all(p.with_suffix(".png").read_bytes().startswith(b"\x89PNG") for p in pdfs)
    page = (example_site / "ru" / "nastenky" / "index.html").read_text(encoding="utf-8")
    assert "../../nastenky/brno-ru-a4.pdf" in page and "../../nastenky/brno-cs-ru-a4.pdf" in page
    assert "zavazek-cs-ru-a4.pdf" in page and "brno-en-a4.pdf" not in page


def test_a_preview_shows_the_page_as_poppler_draws_it_in_grey_or_in_colour(tmp_path):
    """A poster in black and white (every template's) gets a greyscale preview, half the bytes of a colour
    one, with the very pixels Poppler draws; a provider's poster with colour keeps its colour."""
    from PIL import Image, ImageChops

    def drawn(pdf: bytes) -> Image.Image:
        (tmp_path / "page.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-scale-to", "240", str(tmp_path / "page.pdf"),
                        str(tmp_path / "page")], check=True)
        return Image.open(tmp_path / "page.png").convert("RGB")

    black = pdf_files.render('<h1 style="font-family: Noto Sans">Cíle na rok 2026</h1>', tmp_path)
    red = pdf_files.render('<h1 style="font-family: Noto Sans; color: #c00">Cíle na rok 2026</h1>', tmp_path)
    grey_preview = Image.open(io.BytesIO(pdf_files.to_png(black, "-scale-to", "240")))
    colour_preview = Image.open(io.BytesIO(pdf_files.to_png(red, "-scale-to", "240")))
    assert grey_preview.mode == "L" and colour_preview.mode == "RGB"
    assert ImageChops.difference(grey_preview.convert("RGB"), drawn(black)).getbbox() is None
    assert ImageChops.difference(colour_preview, drawn(red)).getbbox() is None
    assert (204, 0, 0) in {colour for _, colour in colour_preview.getcolors(65536)}


def test_pdfs_in_the_cache_made_by_other_code_of_zavazek_are_made_again(tmp_path):
    """After an upgrade that changes how a poster is fitted onto its sheets, the HTML is the same but the
    PDF is not: the cache must not give the old one back. The cache names each PDF by its HTML and by
    what made it, závazek's code included (here: the package copied, then one module changed)."""
    copy = tmp_path / "zavazek"
    shutil.copytree(ROOT / "src" / "zavazek", copy, ignore=shutil.ignore_patterns("__pycache__"))

    def name_in_the_cache(package_folder):
        result = subprocess.run(
            [sys.executable, "-c", "from zavazek.site import pdf; print(pdf.cache_key('<p>Plakát</p>'))"],
            env={**os.environ, "PYTHONPATH": str(package_folder)}, capture_output=True, text=True, check=True)
        return result.stdout.strip()

    assert name_in_the_cache(tmp_path) == name_in_the_cache(ROOT / "src")  # the same code: the cached PDF serves
    fitting_py = copy / "site" / "posters" / "fitting.py"
    fitting_py.write_text(fitting_py.read_text(encoding="utf-8").replace(
        "MIN_WORDS_ON_LAST_SHEET = 30", "MIN_WORDS_ON_LAST_SHEET = 40"), encoding="utf-8")
    assert name_in_the_cache(tmp_path) != name_in_the_cache(ROOT / "src")


@pytest.fixture
def forget_renderer_stamp():
    """What made the cached PDFs (read once per process) forgotten when the test asks, and after it."""
    pdf_files._renderer_stamp.cache_clear()
    yield pdf_files._renderer_stamp.cache_clear
    pdf_files._renderer_stamp.cache_clear()


def test_pdfs_in_the_cache_made_before_a_library_was_upgraded_are_made_again(monkeypatch, tmp_path,
                                                                               forget_renderer_stamp):
    """A PDF's bytes change with the HarfBuzz that subsets its fonts: after an upgrade of that library
    (its file rewritten), the same HTML must not get the PDF the old one made."""
    library = tmp_path / "libharfbuzz-subset.so.0"
    library.write_bytes(b"version 1")
    monkeypatch.setattr(pdf_files, "LIBRARY_FOLDERS", (str(tmp_path),))
    before = pdf_files.cache_key("<p>Plakát</p>")
    library.write_bytes(b"version 2, upgraded")
    forget_renderer_stamp()
    assert pdf_files.cache_key("<p>Plakát</p>") != before


def test_a_pdf_made_for_another_source_date_epoch_is_made_again(monkeypatch):
    """The embedded font subsets carry SOURCE_DATE_EPOCH (0 unless the build was given one): a PDF made
    with another date is made again, and one made without a date serves a build given 0."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    undated = pdf_files.cache_key("<p>Plakát</p>")
    with pdf_files._reproducible_fonts():  # as it is named while a PDF is laid out
        assert pdf_files.cache_key("<p>Plakát</p>") == undated
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert pdf_files.cache_key("<p>Plakát</p>") == undated
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert pdf_files.cache_key("<p>Plakát</p>") != undated


def test_posters_command_without_a_public_address_says_so_and_fails(site_folder):
    config = site_folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://cpic.example.org/", "site_url:"), encoding="utf-8")
    result = run_zavazek("posters", str(site_folder))
    assert result.returncode == 1
    assert "site_url" in result.stderr and "QR" in result.stderr
    assert not (site_folder / "site" / "nastenky").exists()


def test_every_example_goals_poster_in_one_language_fits_on_one_sheet(example_site):
    goals = [p for p in (example_site / "nastenky").glob("*.pdf") if not p.name.startswith("zavazek-")]
    pages = {p.name: len(PdfReader(p).pages) for p in goals if p.name.count("-") == 2}
    assert pages and all(n == 1 for n in pages.values()), {k: n for k, n in pages.items() if n > 1}


COMPLAINTS = {"cs": "Jak si stěžovat", "en": "How to complain", "ru": "Как подать жалобу",
              "uk": "Як подати скаргу", "vi": "Cách khiếu nại"}


def test_every_commitment_poster_says_where_to_complain_on_its_first_sheet_and_ends_on_a_full_sheet(example_site):
    posters = sorted((example_site / "nastenky").glob("zavazek-*.pdf"))
    assert len(posters) == 3 * len(PROJECT.languages) - 1
    for path in posters:
        sheets = pdf_pages_text(path.read_bytes())
        languages = path.name.split("-")[1:-1]
        first = sheets[0]
        assert all(COMPLAINTS[lang] in first for lang in languages), path.name
        assert "stiznosti@cpic.example.org" in first and "+420 000 000 100" in first, path.name
        if len(sheets) > 1:  # a numbered set: whoever pins up one sheet sees there are more
            assert all(f"{i}/{len(sheets)}" in sheet.split() for i, sheet in enumerate(sheets, 1)), path.name
            assert len(sheets[-1].split()) >= 30, (path.name, sheets[-1])
        assert len(sheets) <= (3 if len(languages) == 1 else 5), path.name


def test_the_noticeboard_page_gives_each_posters_size_in_its_language(example_site):
    """A build renders the noticeboard page while the posters are made, with a placeholder for each size
    (site/pending.py): the published pages say the sizes of the published PDFs, in each language's digits,
    and no placeholder is left in any file of the site."""
    import re

    from zavazek.site import pending

    for lang, prefix in (("cs", ""), ("en", "en/"), ("vi", "vi/")):
        page = (example_site / prefix / "nastenky" / "index.html").read_text(encoding="utf-8")
        listed = re.findall(r'<a href="(?:\.\./)+(nastenky/[^"]+\.pdf)"[^>]*>.*?PDF, ([0-9\s\u00a0,.]+) kB', page, re.S)
        assert len(listed) >= 9, lang
        fmt = Formatter(lang, "cs")
        for path, kilobytes in listed:
            size = (example_site / path).stat().st_size
            assert kilobytes == fmt.number(int(round(size / 1024, 0))), (lang, path)
    leaked = [p for p in example_site.rglob("*") if p.is_file() and pending.PREFIX.encode() in p.read_bytes()]
    assert leaked == []


def test_a_build_keeps_the_pdf_of_each_poster_and_forgets_the_others(site_folder):
    """The next build finds every poster's PDF in the provider's folder (a build's two processes make
    a share of the posters each), and nothing else: a PDF that no poster is made from any more goes."""
    cache = site_folder / ".zavazek" / "cache" / "posters"
    stale = cache / ("0" * 32 + ".pdf")
    stale.write_bytes(b"%PDF-1.7 a poster of last year")
    result = run_zavazek("build", str(site_folder))
    assert result.returncode == 0, result.stdout + result.stderr
    published = {pdf.read_bytes() for pdf in (site_folder / "site" / "nastenky").glob("*.pdf")}
    assert len(published) > 10
    assert {pdf.read_bytes() for pdf in cache.glob("*.pdf")} == published
    assert not stale.exists()


def test_posters_made_in_two_shares_name_the_same_kept_pdfs_as_all_made_at_once(site_folder):
    """A build's two processes make a share of the posters each; the PDFs they name together are
    the ones a single process names, so the build forgets none of them (see the test above)."""
    project = open_project(site_folder)
    data = load_data(project.data_dir, list(project.languages), DAY)
    even = set(posters_for(data, project, DAY)[::2])
    *_, one_share = posters_published(data, project, DAY, only=lambda poster: poster in even)
    *_, other_share = posters_published(data, project, DAY, only=lambda poster: poster not in even)
    *_, all_at_once = posters_published(data, project, DAY)
    assert one_share and other_share and one_share | other_share == all_at_once
