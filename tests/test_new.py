"""``zavazek new``: a new provider's site that validates and builds at once, with every field explained."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser import Requests, accessibility_violations, chromium_path, launch_chromium, serve_directory
from site_fixtures import run_zavazek

from zavazek.core.model import DATA_FILES
from zavazek.core.model.descriptions import all_models, describe, field_keys, model_key, submodels
from zavazek.core.yamlsource import load_document

#: WCAG 2.2 A and AA, as the example sites are checked.

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def zavazek(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command as staff run it, without a terminal (stdin is not a tty), on the real day unless the test
    gives ``--today``."""
    return run_zavazek(*args, cwd=cwd, today="")


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "poradna"
    result = zavazek("new", str(folder), "--name", "Poradna Příklad", "--languages", "cs,en,ru,vi", "--directory")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def built(new_site) -> subprocess.CompletedProcess:
    """The new site built once, as staff would build it."""
    result = zavazek("build", "--today", "2026-06-01", str(new_site))
    assert result.returncode == 0, result.stderr
    return result


def test_new_writes_every_file_a_provider_needs(new_site):
    for path in ("mkdocs.yml", "README.md", ".gitignore", ".gitlab-ci.yml", ".github/workflows/publish.yml",
                 "data/commitment.yaml", "data/goals.yaml", "data/website.yaml", "data/services.yaml",
                 "schemas/commitment.schema.json", "schemas/services.schema.json"):
        assert (new_site / path).is_file(), path
    config = (new_site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - zavazek\n" in config and "name: Русский" in config and "site_name: Poradna Příklad" in config
    assert (new_site / ".gitignore").read_text().split() [-2:] == ["site/", ".zavazek/"]
    for ci in (".gitlab-ci.yml", ".github/workflows/publish.yml"):
        text = (new_site / ci).read_text(encoding="utf-8")
        assert text.index("zavazek check --strict") < text.index("zavazek build"), ci
    readme = (new_site / "README.md").read_text(encoding="utf-8")
    assert readme.index("## Česky") < readme.index("## English") and "[DOPLNIT]" in readme
    first = (new_site / "data/goals.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/goals.schema.json"


def _seen_fields(model: type, value, seen: set) -> None:
    """(model key, field) of every field written in ``value``, walking the model alongside."""
    if isinstance(value, list):
        for item in value:
            _seen_fields(model, item, seen)
        return
    if not isinstance(value, dict):
        return
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    for key, item in value.items():
        if key in fields:
            seen.add((model_key(model), key))
            for sub in submodels(fields[key].annotation):
                _seen_fields(sub, item, seen)


def test_every_field_of_every_data_model_is_in_the_scaffold_with_a_czech_and_english_comment(new_site):
    seen: set = set()
    for data_file in DATA_FILES.values():
        doc = load_document(new_site / "data" / data_file.filename)
        _seen_fields(data_file.model, doc.value, seen)
        lines = (new_site / "data" / data_file.filename).read_text(encoding="utf-8").splitlines()
        for path, (line, _column) in doc.positions.items():
            if path and isinstance(path[-1], str) and len(path[-1]) > 2:  # a field, not a language
                above = [lines[line - 3].strip(), lines[line - 2].strip()]
                assert above[0].startswith("# cs: ") and above[1].startswith("# en: "), (data_file.filename, line)
        _seen_fields(data_file.model, yaml.safe_load(_alternatives_switched_on(lines)), seen)
    expected = {(model_key(cls), key) for cls in all_models() for key in field_keys(cls)}
    assert expected - seen == set()


def _alternatives_switched_on(lines: list[str]) -> str:
    """The file as staff would have it after removing "# " before a commented-out field (area, appointment)."""
    return "\n".join(re.sub(r"^(\s+)# (?!cs: |en: )", r"\1", line) for line in lines)


def test_every_field_is_described_in_czech_and_english():
    undescribed = [
        f"{model_key(cls)}.{key}" for cls in all_models() for key in field_keys(cls)
        if not (describe(cls, key) or {}).keys() >= {"cs", "en"}
    ]
    assert undescribed == [], "add them to src/zavazek/model/fields.yaml"


def test_new_site_builds_and_its_home_page_shows_placeholders_as_not_filled_in(new_site, built):
    home = (new_site / "site/index.html").read_text(encoding="utf-8")
    assert re.search(r'class="zv-unfilled"><strong>Dosud nevyplněno:</strong>', home)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", home).group(1)
    assert heading.startswith("Dosud nevyplněno: Jedna krátká věta"), heading
    english = (new_site / "site/en/index.html").read_text(encoding="utf-8")
    assert "<strong>Not yet filled in:</strong>" in english


def test_plain_mkdocs_builds_the_new_site(new_site, tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", str(tmp_path / "out")],
        cwd=new_site, env=ENV, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "zv-unfilled" in (tmp_path / "out/index.html").read_text(encoding="utf-8")


def test_strict_check_fails_and_lists_each_placeholder_with_file_line_and_field(new_site):
    result = zavazek("check", "--strict", str(new_site))
    assert result.returncode == 4
    lines = (new_site / "data/commitment.yaml").read_text(encoding="utf-8").splitlines()
    summary = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("summary:"))
    assert f"data/commitment.yaml:{summary + 1} (service.summary.cs)" in result.stdout
    assert "(provider.email)" in result.stdout and "data/website.yaml:" in result.stdout
    assert "data/services.yaml:" in result.stdout


def test_filling_in_the_placeholders_makes_the_strict_check_pass(tmp_path):
    folder = tmp_path / "site"
    assert zavazek("new", str(folder), "--name", "Poradna Příklad", "--languages", "cs,en").returncode == 0
    for file in (folder / "data").glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        text = re.sub(r'"\[DOPLNIT\] ([^"]*)"', lambda m: f'"Vyplněno: {m.group(1)}"' if not _code(m) else f'"{m.group(1)}"', text)
        text = re.sub(r'"\[TO FILL IN\] ([^"]*)"', r'"Filled in: \1"', text)
        file.write_text(text, encoding="utf-8")
    result = zavazek("check", "--strict", str(folder))
    assert "placeholder" not in result.stdout
    assert result.returncode == 0, result.stdout
    assert zavazek("build", str(folder)).returncode == 0
    assert "zv-unfinished-site" not in (folder / "site/index.html").read_text(encoding="utf-8")


def test_every_page_of_an_unfinished_site_says_it_is_not_finished(new_site, built):
    """Placeholder e-mails and phones look real (info@example.org): the banner on each page says they are not."""
    pages = [new_site / "site/index.html", new_site / "site/ru/zavazek/index.html", new_site / "site/sluzby/index.html"]
    for page in pages:
        banner = re.search(r'<p class="zv-unfinished-site"><strong>(.*?)</strong>', page.read_text(encoding="utf-8"))
        assert banner, page
    assert re.match(r"Tento web není hotový: \d+ ", banner.group(1)), banner.group(1)  # sluzby/ is in Czech
    home = re.search(r'<p class="zv-unfinished-site"><strong>(.*?)</strong>',
                     (new_site / "site/ru/index.html").read_text(encoding="utf-8")).group(1)
    assert home.startswith("Этот сайт не готов:"), home


def _code(match) -> bool:
    """A value that is not prose (a code, a number, an address, a date): kept as it is, without the marker."""
    return bool(re.fullmatch(r"[\w@.:/+\- ,]+", match.group(1))) and " " not in match.group(1).strip(" ,0123456789:-")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = zavazek("new", str(tmp_path), "--name", "X", "--languages", "cs")
    assert result.returncode == 2 and "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_refuses_an_unknown_language(tmp_path):
    result = zavazek("new", str(tmp_path / "x"), "--name", "X", "--languages", "cs,xx")
    assert result.returncode == 2 and "xx" in result.stderr
    assert not (tmp_path / "x").exists()


def test_new_without_a_terminal_needs_the_name(tmp_path):
    result = zavazek("new", str(tmp_path / "x"))
    assert result.returncode == 2 and "--name" in result.stderr


def test_build_ends_by_saying_in_czech_and_english_how_many_placeholders_are_left(new_site, built):
    last = built.stdout.strip().splitlines()[-2:]
    assert re.fullmatch(r"Web je sestaven, ale \d+ zástupných textů zbývá vyplnit; .*zavazek check --strict.*", last[0])
    assert re.fullmatch(r"Site built with (\d+) placeholders still to fill in; run .zavazek check --strict. to list them\.", last[1])
    assert int(re.search(r"\d+", last[1]).group()) > 100


def test_no_page_shows_a_placeholder_marker_as_text(new_site, built):
    pages = [p for p in (new_site / "site").rglob("*.html")]
    shown = [p for p in pages if re.search(r"\[(?:DOPLNIT|TO FILL IN)\]", p.read_text(encoding="utf-8"))]
    assert pages and shown == []
    centres = (new_site / "site/strediska/index.html").read_text(encoding="utf-8")
    assert '<span class="zv-unfilled"><strong>Dosud nevyplněno:</strong> <span>Ulice a číslo domu.</span></span>, 110 00' in centres


def test_open_data_and_json_ld_never_publish_a_placeholder(new_site, built):
    data = new_site / "site/sluzby/data"
    files = [f for f in data.rglob("*") if f.is_file()]
    assert len(files) > 5
    for file in files:
        text = file.read_text(encoding="utf-8-sig")
        assert "DOPLNIT" not in text and "TO FILL IN" not in text and "Ulice a číslo domu" not in text, file
    directory = json.loads((data / "directory.json").read_text(encoding="utf-8"))
    assert directory["organisations"][0]["short_name"] is None
    assert directory["services"][0]["places"][0]["address"]["street"] is None
    service = next((new_site / "site/sluzby/s").glob("*/index.html")).read_text(encoding="utf-8")
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', service, re.S).group(1)
    assert "streetAddress" not in json_ld and "DOPLNIT" not in json_ld and "postalCode" in json_ld


def test_check_lists_each_placeholder_on_one_line_in_czech_and_english(new_site):
    result = zavazek("check", str(new_site))
    lines = [line for line in result.stdout.splitlines() if "(provider.short_name)" in line]
    assert lines == [lines[0]] and "Zástupný text, dosud nevyplněno. / A placeholder, not yet filled in." in lines[0]
    assert result.stdout.count("→ Nahraďte") < 5
    assert "Key criteria not met (*): sqss-1a" in result.stdout
    russian = zavazek("check", "--lang", "ru", str(new_site)).stdout
    assert "A placeholder" not in russian and "Текст-заполнитель" in russian


@pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed")
def test_new_site_pages_pass_axe_in_czech_and_russian(new_site, built):
    service = next((new_site / "site/sluzby/s").iterdir()).name
    paths = ["", "zavazek/", "cile/", f"sluzby/s/{service}/"]
    violations = {}
    with launch_chromium() as browser, serve_directory(new_site / "site") as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        requests = Requests(page)
        for lang in ("cs", "ru"):
            for path in paths:
                requests.visit(base + ("" if lang == "cs" else "ru/") + path)
                assert page.locator(".zv-unfilled").count() > 0, (lang, path)
                found = accessibility_violations(page)
                violations[lang, path] = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]
                assert page.evaluate("document.documentElement.scrollWidth") <= 360, (lang, path)
    assert all(v == [] for v in violations.values()), violations
