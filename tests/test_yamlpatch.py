"""``zavazek.core.yamlpatch``: values set and items appended in a YAML file, every other byte kept."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
import yaml

from zavazek.core.yamlpatch import Append, Set, apply

SOURCE = """\
# Services, written by staff.
provider:
  name: Poradna  # the short name
  legal_form: {cs: zapsaný spolek}

  address: {street: Příkladová 1, postcode: "110 00"}
services:
  - id: poradna
    kind: odborne_socialni_poradenstvi
    forms: [ambulant]
    target_groups:
      - category: imigranti_a_azylanti
        age: {from: 16}

  - id: teren  # field work
    kind: terenni_programy
tags: [a, b]
"""


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_value_in_a_block_mapping_is_replaced_and_nothing_else():
    after = apply(SOURCE, [Set(("services", 0), "kind", "krizova_pomoc")])
    assert _changed(SOURCE, after) == ["-    kind: odborne_socialni_poradenstvi", "+    kind: krizova_pomoc"]


def test_a_value_in_a_flow_mapping_is_replaced_in_place():
    after = apply(SOURCE, [Set(("provider", "legal_form"), "cs", "obecně prospěšná společnost"),
                           Set(("services", 0, "target_groups", 0, "age"), "from", 18)])
    assert _changed(SOURCE, after) == [
        "-  legal_form: {cs: zapsaný spolek}", "+  legal_form: {cs: obecně prospěšná společnost}",
        "-        age: {from: 16}", "+        age: {from: 18}"]


def test_a_value_keeps_its_style():
    after = apply(SOURCE, [Set(("services", 0), "forms", ["ambulant", "field"]),
                           Set(("services", 0), "target_groups", [{"category": "osoby_v_krizi", "age": {"from": 18}}])])
    assert "    forms: [ambulant, field]\n" in after  # a flow list stays one
    assert "    target_groups:\n      - category: osoby_v_krizi\n        age: {from: 18}\n\n  - id: teren" in after
    after = apply(SOURCE, [Set(("services", 0), "target_groups", ["a", "b"])])
    assert "    target_groups:\n      - a\n      - b\n\n  - id: teren" in after  # a block list stays one


def test_a_missing_key_is_added_after_the_key_asked_for_with_the_mappings_indentation():
    after = apply(SOURCE, [Set(("provider",), "ico", "12345678", ("legal_form", "name")),
                           Set(("services", 1), "registry_id", "7654321"),
                           Set(("provider", "address"), "city", "Praha")])
    assert _changed(SOURCE, after) == [
        '+  ico: "12345678"',
        '-  address: {street: Příkladová 1, postcode: "110 00"}',
        '+  address: {street: Příkladová 1, postcode: "110 00", city: Praha}',
        '+    registry_id: "7654321"']
    assert after.index('  ico: "12345678"') == after.index("  legal_form:") + len("  legal_form: {cs: zapsaný spolek}\n")
    assert yaml.safe_load(after)["provider"]["ico"] == "12345678"


def test_a_new_mapping_is_written_in_block_style_with_small_parts_on_one_line():
    after = apply(SOURCE, [Set(("services", 1), "registered", {"since": dt.date(2018, 3, 1), "capacity": [
        {"form": "field", "count": 2, "unit": "clients"}]})])
    assert after.endswith("    kind: terenni_programy\n    registered:\n      since: 2018-03-01\n      capacity:\n"
                          "        - {form: field, count: 2, unit: clients}\ntags: [a, b]\n")


def test_list_items_are_appended_in_the_lists_style():
    after = apply(SOURCE, [Append(("services",), {"id": "novy", "kind": "krizova_pomoc", "regions": ["CZ010"]}),
                           Append(("services",), {"id": "dalsi", "kind": "azylove_domy"}),
                           Append(("tags",), "c"),
                           Append(("services", 0, "forms"), "field")])
    # Items apart by a blank line stay so.
    assert after.endswith("    kind: terenni_programy\n\n  - id: novy\n    kind: krizova_pomoc\n    regions: [CZ010]\n"
                          "\n  - {id: dalsi, kind: azylove_domy}\ntags: [a, b, c]\n")
    assert "    forms: [ambulant, field]\n" in after
    assert [s["id"] for s in yaml.safe_load(after)["services"]] == ["poradna", "teren", "novy", "dalsi"]


def test_comments_blank_lines_and_line_ends_are_kept_byte_for_byte():
    after = apply(SOURCE, [Set(("services", 1), "kind", "krizova_pomoc"), Append(("services",), {"id": "x"})])
    kept = after.replace("    kind: krizova_pomoc\n", "    kind: terenni_programy\n")
    assert kept == SOURCE.replace("tags: [a, b]\n", "\n  - {id: x}\ntags: [a, b]\n")
    windows = SOURCE.replace("\n", "\r\n")
    assert apply(windows, [Set(("services", 1), "kind", "krizova_pomoc")]) == \
        SOURCE.replace("\n", "\r\n").replace("kind: terenni_programy", "kind: krizova_pomoc")
    assert apply(SOURCE, []) == SOURCE


@pytest.mark.parametrize("text", ["no", "yes", "on", "null", "~", "8:30", "2026-01-01", "1234567", "007", "1.5",
                                  "*star", "&anchor", "!tag", "- item", "a: b", "a #b", "[x]", "{x}", "x, y",
                                  "'quoted'", " padded ", "", "@", "%", "|", ">"])
def test_a_text_yaml_would_read_as_something_else_is_quoted_and_reads_back_the_same(text):
    block = apply(SOURCE, [Set(("services", 0), "kind", text), Set(("services", 1), "note", text)])
    flow = apply(SOURCE, [Set(("provider", "legal_form"), "cs", text), Set(("provider", "legal_form"), "en", text),
                          Append(("tags",), text)])
    assert yaml.safe_load(block)["services"][0]["kind"] == text
    assert yaml.safe_load(block)["services"][1]["note"] == text
    assert yaml.safe_load(flow)["provider"]["legal_form"] == {"cs": text, "en": text}
    assert yaml.safe_load(flow)["tags"] == ["a", "b", text]


def test_other_values_keep_their_type():
    values = {"date": dt.date(2026, 1, 1), "int": 8, "float": 1.5, "flag": True, "nothing": None, "list": []}
    after = apply(SOURCE, [Set(("services", 1), key, value) for key, value in values.items()])
    assert {k: yaml.safe_load(after)["services"][1][k] for k in values} == values
    assert "    date: 2026-01-01\n" in after


@pytest.mark.parametrize("edit", [
    Set(("nowhere",), "kind", "x"),
    Set(("services", 5), "kind", "x"),
    Set(("tags",), "kind", "x"),  # a list, not a mapping
    Append(("provider",), "x"),  # a mapping, not a list
    Append(("services", 0, "missing"), "x"),
])
def test_an_unknown_path_is_refused(edit):
    with pytest.raises(KeyError):
        apply(SOURCE, [edit])


def test_two_edits_of_one_value_are_refused():
    with pytest.raises(ValueError):
        apply(SOURCE, [Set(("services", 0), "kind", "a"), Set(("services", 0), "kind", "b")])


def test_an_empty_file_gets_a_new_document():
    after = apply("", [Set((), "organisations", []), Set((), "services", [{"id": "x", "regions": ["CZ010"]}])])
    assert after == "organisations: []\nservices:\n  - id: x\n    regions: [CZ010]\n"
