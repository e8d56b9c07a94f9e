"""Noticeboard posters: real PDFs rendered by WeasyPrint, read back, QR codes decoded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from pdf_text import pdf_text

from site_fixtures import ROOT, example_site, run_zavazek, site_folder  # noqa: F401 (fixtures)
from zavazek.loader import load_data
from zavazek.posters import Poster, pdf_to_png, render_poster
from zavazek.project import open_project
from zavazek.problems import DataError

DAY = dt.date(2026, 11, 23)
PROJECT = open_project(ROOT)
DATA = load_data(PROJECT.data_dir, list(PROJECT.languages), DAY)


def text_of(pdf: bytes) -> str:
    return pdf_text(pdf)


def qr_in(pdf: bytes) -> str:
    import zxingcpp
    from PIL import Image

    png = pdf_to_png(pdf, "-r", "150")
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(codes) == 1
    return codes[0].text


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


def test_a_very_long_goal_list_flows_onto_more_pages_without_losing_text():
    plan = DATA.goals.plans_for(2026)[0]
    goals = [
        g.model_copy(update={"id": f"g{i}", "text": g.text.model_copy(update={"root": {**g.text.root, "cs": f"Cíl číslo {i}: {g.text['cs']}"}})})
        for i in range(30) for g in plan.goals[:1]
    ]
    long_plan = plan.model_copy(update={"goals": goals})
    operational = DATA.goals.operational.model_copy(update={"plans": [long_plan]})
    data = dataclasses.replace(DATA, goals=DATA.goals.model_copy(update={"operational": operational}))
    pdf = render_poster(Poster("goals", ("cs",), "A4", plan.centre), data, PROJECT, DAY)
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    text = text_of(pdf)
    assert all(f"Cíl číslo {i}:" in text for i in range(30))


def test_without_a_public_address_posters_refuse_to_encode_a_wrong_link():
    project = dataclasses.replace(PROJECT, site_url=None)
    with pytest.raises(DataError) as caught:
        render_poster(Poster("commitment", ("cs",)), DATA, project, DAY)
    assert caught.value.problems[0].path == "site_url"


def test_the_built_site_publishes_posters_with_previews_on_a_page_per_language(example_site):
    pdfs = sorted((example_site / "nastenky").glob("*.pdf"))
    assert len(pdfs) == 29  # 3 centres x 4 languages, 3 x 3 bilingual, commitment A4 + A3 x 4
    assert all(p.with_suffix(".png").read_bytes().startswith(b"\x89PNG") for p in pdfs)
    page = (example_site / "ru" / "nastenky" / "index.html").read_text(encoding="utf-8")
    assert "../../nastenky/brno-ru-a4.pdf" in page and "../../nastenky/brno-cs-ru-a4.pdf" in page
    assert "brno-en-a4.pdf" not in page


def test_posters_command_without_a_public_address_says_so_and_fails(site_folder):
    config = site_folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://cpic.example.org/", "site_url:"), encoding="utf-8")
    result = run_zavazek("posters", str(site_folder))
    assert result.returncode == 1
    assert "site_url" in result.stderr and "QR" in result.stderr
    assert not (site_folder / "site" / "nastenky").exists()


def test_every_example_poster_fits_on_one_sheet(example_site):
    pages = {p.name: len(PdfReader(p).pages) for p in (example_site / "nastenky").glob("*.pdf")}
    assert pages and all(n == 1 for n in pages.values()), {k: n for k, n in pages.items() if n > 1}
