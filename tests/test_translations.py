"""Translating the data texts through PO files: export, a translator's edit, import, build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest
import yaml

from browser import accessibility_violations, launch_chromium, serve_directory
from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache
from zavazek.core.yamledit import Change, apply
from zavazek.core.yamlsource import load_text

EXAMPLES = {"cpic": ROOT, "icp": ROOT / "examples" / "icp"}
LANGUAGES = {"cpic": ("en", "ru", "vi"), "icp": ("en",)}


def data_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "data").iterdir())}


def export(folder: Path, lang: str, out: Path) -> polib.POFile:
    result = run_zavazek("translations", "export", str(folder), "--lang", lang, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return polib.pofile(str(out))


def entry(po: polib.POFile, context: str) -> polib.POEntry:
    return next(e for e in po if e.msgctxt == context)


@pytest.mark.parametrize("example", EXAMPLES)
def test_importing_an_unchanged_export_changes_no_byte(example, tmp_path):
    folder = copy_site_folder(EXAMPLES[example], tmp_path / example)
    before = data_bytes(folder)
    for lang in LANGUAGES[example]:
        po_file = tmp_path / f"{lang}.po"
        po = export(folder, lang, po_file)
        assert len(po) > 20
        po.save(str(po_file))  # as a PO editor saves it, without a change
        result = run_zavazek("translations", "import", str(folder), str(po_file))
        assert result.returncode == 0, result.stderr
    assert data_bytes(folder) == before


def test_export_names_each_text_by_file_and_ids_with_page_and_line(tmp_path):
    po = export(ROOT, "ru", tmp_path / "ru.po")
    free = entry(po, "commitment.yaml principles[bezplatnost].description")
    lines = (ROOT / "data" / "commitment.yaml").read_text(encoding="utf-8").splitlines()
    file, line = free.occurrences[0]
    assert file == "data/commitment.yaml" and lines[int(line) - 1].strip() == f"cs: {free.msgid}"
    assert "Принципы нашей работы" in free.comment and "/ru/zavazek/#principles" in free.comment
    assert entry(po, "commitment.yaml mission[0]").msgstr
    assert entry(po, "services.yaml organisations[icp].name").msgstr == "Интеграционный центр Прага"
    assert entry(po, "commitment.yaml principles[svoboda].name").msgstr == ""  # missing in Russian


def test_each_text_of_a_provider_of_several_services_names_a_page_and_section_that_exist(tmp_path, opu_site):
    # The shared commitment and goals pages of such a provider only lead to each service's own pages:
    # a text is shown on the page of the service it belongs to, a shared text on the first service's.
    po = export(ROOT / "examples" / "opu", "en", tmp_path / "en.po")
    # (a PO file's comment lines are wrapped, an address at its hyphens)
    addresses = {re.search(r"\((/en/[^)]*)\)", "".join(e.comment.splitlines())).group(1): e.msgctxt for e in po}
    assert "/en/zavazek/poradenstvi/#principles" in addresses and "/en/cile/terenni-programy/#long-term" in addresses
    for address, context in addresses.items():
        path, _, anchor = address[len("/"):].partition("#")
        page = (opu_site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, (context, address)


def test_translators_edit_reaches_the_page_and_a_changed_czech_text_is_flagged_everywhere(tmp_path, example_site):
    folder = seed_pdf_cache(copy_site_folder(ROOT, tmp_path / "cpic"), example_site)
    commitment = folder / "data" / "commitment.yaml"
    original = commitment.read_text(encoding="utf-8")
    po_file = tmp_path / "ru.po"
    po = export(folder, "ru", po_file)
    # The translator, in a PO editor: a new text for the missing principle, one with a colon, one corrected.
    entry(po, "commitment.yaml principles[svoboda].name").msgstr = "Свобода выбора"
    entry(po, "commitment.yaml principles[svoboda].description").msgstr = "Вы сами решаете: пользоваться ли услугой # и как."
    entry(po, "commitment.yaml principles[bezplatnost].description").msgstr = "Услуга для вас бесплатна."
    po.save(str(po_file))
    result = run_zavazek("translations", "import", str(folder), str(po_file))
    assert result.returncode == 0, result.stderr

    changed = commitment.read_text(encoding="utf-8")
    removed = [line for line in original.splitlines() if line not in changed.splitlines()]
    added = [line for line in changed.splitlines() if line not in original.splitlines()]
    assert removed == [
        "      ru: Вы ничего не платите за услугу.",
        "    name: {cs: Svoboda, en: Freedom, uk: Свобода, vi: Tự do}",
    ]
    assert added == [
        "      ru: Услуга для вас бесплатна.",
        "    name: {cs: Svoboda, en: Freedom, ru: Свобода выбора, uk: Свобода, vi: Tự do}",
        "      ru: 'Вы сами решаете: пользоваться ли услугой # и как.'",
    ]
    assert '  # The Russian version of the published commitment has no "freedom" principle.' in changed

    # Staff then change the Czech text of a translated principle.
    commitment.write_text(changed.replace("cs: Za službu nic neplatíte.", "cs: Za naše služby nic neplatíte."),
                          encoding="utf-8")
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stderr
    lines = commitment.read_text(encoding="utf-8").splitlines()
    czech = next(i for i, text in enumerate(lines) if text.strip() == "cs: Za naše služby nic neplatíte.")
    ru_line = next(i for i, text in enumerate(lines[czech:], czech + 1) if text.strip().startswith("ru: "))
    assert f"data/commitment.yaml:{ru_line}:7: upozornění / warning [principles[0].description.ru]" in result.stderr

    page = (folder / "site" / "ru" / "zavazek" / "index.html").read_text(encoding="utf-8")
    assert "Свобода выбора" in page and "пользоваться ли услугой # и как" in page
    assert (
        "<p>Услуга для вас бесплатна.</p><details class=\"zv-outdated-note\"><summary>"
        "Чешский текст изменился после перевода. Показать чешский текст</summary>"
        "<div lang=\"cs\"><p>Za naše služby nic neplatíte.</p></div></details>"
    ) in re.sub(r">\s+<", "><", page)  # blocks end with a line break, for the search index's text

    with serve_directory(folder / "site") as base, launch_chromium() as browser:
        page_at_360 = browser.new_page(viewport={"width": 360, "height": 740})
        page_at_360.goto(base + "ru/zavazek/", wait_until="networkidle")
        note = page_at_360.locator("details.zv-outdated-note summary")
        assert note.is_visible()
        note.click()
        assert page_at_360.locator("details.zv-outdated-note div[lang=cs]").inner_text() == "Za naše služby nic neplatíte."
        violations = accessibility_violations(page_at_360)
        assert [v["id"] for v in violations] == []
        assert page_at_360.evaluate("document.documentElement.scrollWidth") <= 360

    report = json.loads((folder / "site" / "kontrola" / "checklist.json").read_text(encoding="utf-8"))
    counts = report["translations"]["ru"]
    assert (counts["outdated"], counts["missing"]) == (1, 0) and counts["current"] > 100, counts
    languages = next(c for c in report["criteria"] if c["id"] == "lang-complete")
    outdated = [f for f in languages["findings"] if "outdated" in f["message"]["en"]]
    assert [(f["language"], f["line"], f["field"]) for f in outdated] == [("ru", ru_line, "principles[0].description.ru")]

    status = run_zavazek("translations", "status", str(folder))
    assert f"ru: {counts['current']} current, 1 outdated, 0 missing" in status.stdout  # the checklist's counts

    again = export(folder, "ru", tmp_path / "ru-again.po")
    fuzzy = entry(again, "commitment.yaml principles[bezplatnost].description")
    assert fuzzy.fuzzy and fuzzy.previous_msgid == "Za službu nic neplatíte."
    assert fuzzy.msgid == "Za naše služby nic neplatíte." and fuzzy.msgstr == "Услуга для вас бесплатна."

    # Staff check the translation: it still fits.
    field = "commitment.yaml principles[bezplatnost].description"
    result = run_zavazek("translations", "confirm", str(folder), "--lang", "ru", "--field", field)
    assert result.returncode == 0, result.stderr
    assert "0 outdated" in run_zavazek("translations", "status", str(folder)).stdout


def _broken(po: polib.POFile, kind: str) -> polib.POEntry:
    if kind == "unknown context":
        target = entry(po, "commitment.yaml mission[0]")
        target.msgctxt = "commitment.yaml mission[99]"
    elif kind == "placeholder":
        target = entry(po, "commitment.yaml mission[0]")
        target.msgstr += " {name}"
    elif kind == "link":
        target = entry(po, "commitment.yaml principles[bezplatnost].description")
        target.msgstr = target.msgstr.replace("цены]", "цены")
    else:
        po.metadata["Language"] = "de"
        target = None
    entry(po, "commitment.yaml principles[svoboda].name").msgstr = "Свобода"  # a good change beside the broken one
    return target


@pytest.mark.parametrize("kind", ["unknown context", "placeholder", "link", "language"])
def test_a_broken_po_file_is_refused_with_its_line_and_changes_no_file(kind, tmp_path):
    folder = copy_site_folder(ROOT, tmp_path / "cpic")
    commitment = folder / "data" / "commitment.yaml"
    # A text with a Markdown link, for the translator to break.
    text = commitment.read_text(encoding="utf-8")
    text = text.replace("cs: Za službu nic neplatíte.", "cs: Za službu nic neplatíte ([ceník](https://cpic.example.org/c)).")
    text = text.replace("ru: Вы ничего не платите за услугу.", "ru: Вы ничего не платите ([цены](https://cpic.example.org/c)).")
    commitment.write_text(text, encoding="utf-8")
    before = data_bytes(folder)
    po_file = tmp_path / "ru.po"
    po = export(folder, "ru", po_file)
    target = _broken(po, kind)
    po.save(str(po_file))
    saved = po_file.read_text(encoding="utf-8").splitlines()
    if target is None:
        line = next(i for i, s in enumerate(saved, 1) if s.startswith('"Language: de'))
    else:
        marker = f'msgctxt "{target.msgctxt}"'
        line = next(i for i, s in enumerate(saved, 1) if s == marker)
        if kind != "unknown context":
            line = next(i for i in range(line, len(saved) + 1) if saved[i - 1].startswith("msgstr"))
    result = run_zavazek("translations", "import", str(folder), str(po_file))
    assert result.returncode == 1
    assert f"ru.po:{line}: chyba / error" in result.stderr, result.stderr
    assert "no file was changed" in result.stderr
    assert data_bytes(folder) == before


def test_an_import_the_loader_would_refuse_restores_every_file(tmp_path):
    folder = copy_site_folder(ROOT, tmp_path / "cpic")
    before = data_bytes(folder)
    po_file = tmp_path / "ru.po"
    po = export(folder, "ru", po_file)
    entry(po, "commitment.yaml principles[svoboda].name").msgstr = "Свобода"
    entry(po, "commitment.yaml mission[0]").msgstr = "Текст со знаком \x07 звонка"
    po.save(str(po_file))
    result = run_zavazek("translations", "import", str(folder), str(po_file))
    assert result.returncode == 1
    assert "U+0007" in result.stderr and "restored" in result.stderr
    assert data_bytes(folder) == before


@pytest.mark.parametrize("text", [
    "Svoboda: volba", "# není komentář", "- není seznam", "'v uvozovkách'", "a, b {c} [d]", "null", "yes",
    "řádek 1\nřádek 2\n\n- položka", "  odsazeno\nna dva řádky", '"dvojité" a \\ lomítko',
])
@pytest.mark.parametrize("flow", [True, False])
def test_any_text_is_written_so_that_it_reads_back_exactly(text, flow):
    source = (
        "# komentář\nitem:\n  name: {cs: Jméno, en: Name}  # poznámka\n  other: 1\n" if flow
        else "# komentář\nitem:\n  name:\n    cs: |\n      Jméno\n\n    en: Name  # poznámka\n  other: 1\n"
    )
    for lang in ("ru", "cs"):
        written = apply(source, [Change(("item", "name"), lang, text)], ["cs", "en", "ru", "vi"])
        value = load_text(written, Path("x.yaml")).value
        assert value["item"]["name"][lang] == text
        assert value["item"]["name"]["en"] == "Name" and value["item"]["other"] == "1"
        assert "# komentář\n" in written and "# poznámka" in written


@pytest.mark.parametrize("text", ["no", "No", "8:30", "2026-01-01", "null"])
def test_a_translation_that_yaml_would_read_as_another_type_is_written_quoted(text):
    """A translator's "No" must stay a text for every YAML reader, not become false, a number or a date."""
    written = apply("answer:\n  cs: Ne\n", [Change(("answer",), "en", text)], ["cs", "en"])
    assert yaml.safe_load(written) == {"answer": {"cs": "Ne", "en": text}}
