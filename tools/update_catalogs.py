"""Collect every interface string and update the gettext catalogs.

    .venv/bin/python tools/update_catalogs.py        # every catalog there is
    .venv/bin/python tools/update_catalogs.py uk     # ... and start one for Ukrainian

Strings are English msgids marked in Python by ``Message``, ``N_``,
``NP_``, ``invalid``, ``_pattern``, ``gettext`` and ``ngettext`` calls, and
in templates by ``_()`` / ``{% trans %}``. New msgids are added to each
``src/zavazek/core/locale/<lang>/LC_MESSAGES/zavazek.po`` untranslated; msgids
that are no longer used are dropped. ``tests/test_catalogs.py`` fails while
any msgid lacks a translation.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from zavazek.core import i18n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "zavazek"
LOCALE_DIR = i18n.LOCALE_DIR

#: call name -> indexes of positional arguments that are msgids
SINGULAR_CALLS = {"Message": (0,), "N_": (0,), "invalid": (0, 1), "_pattern": (1, 2), "gettext": (0,), "_": (0,)}
PLURAL_CALLS = {"NP_", "ngettext"}

JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "comment_start_string": "{##",
    "comment_end_string": "##}",
}


def python_messages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        strings = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if name in PLURAL_CALLS and len(strings) >= 2 and strings[0] and strings[1]:
            yield node.lineno, (strings[0], strings[1])
        elif name in SINGULAR_CALLS:
            for index in SINGULAR_CALLS[name]:
                if index < len(strings) and strings[index]:
                    yield node.lineno, strings[index]


def template_catalog() -> Catalog:
    catalog = Catalog(project="zavazek", charset="utf-8")
    for path in sorted(PACKAGE.rglob("*.py")):
        for lineno, msgid in python_messages(path):
            catalog.add(msgid, locations=[(str(path.relative_to(ROOT)), lineno)])
    templates = sorted(p for p in PACKAGE.rglob("*.j2") if p.parent.name == "templates")
    templates += sorted((PACKAGE / "engine" / "theme").rglob("*.html"))
    for path in templates:
        for lineno, msgid, _comments, _context in extract_from_file(
            "jinja2.ext:babel_extract", str(path), options=JINJA_OPTIONS
        ):
            catalog.add(msgid, locations=[(str(path.relative_to(ROOT)), lineno)])
    return catalog


def main(new_languages: list[str]) -> int:
    template = template_catalog()
    for lang in sorted(set(i18n.catalog_languages()) | set(new_languages)):
        po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "zavazek.po"
        if po_path.exists():
            with po_path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="zavazek", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.fuzzy = False
        catalog.obsolete.clear()
        po_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("wb") as fh:
            write_po(fh, catalog, width=100, omit_header=False, sort_output=False, include_previous=False)
        missing = sum(1 for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string))
        print(f"{po_path.relative_to(ROOT)}: {len(catalog)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
