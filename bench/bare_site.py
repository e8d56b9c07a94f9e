"""A bare MkDocs + Material + mkdocs-static-i18n site with N plain pages, for comparison.

    .venv/bin/python bench/bare_site.py OUT_DIR --pages 10000

The pages are spread over the five languages (cs default, en, ru, vi, uk), each
about 1.4 kB of text, and left out of the navigation (a navigation listing
every page makes a site grow quadratically). Material's defaults otherwise,
with Google Fonts off.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

LANGS = ("cs", "en", "ru", "vi", "uk")
TEXT = (
    "Pomáháme s vyřizováním pobytu, s dopisy z úřadů a s vyplňováním formulářů. "
    "Poradíme vám, kde hledat práci, bydlení nebo školu pro děti. "
    "Služba je důvěrná a pracovník s vámi vše probere v klidu a srozumitelně. "
)


def write_bare_site(target: Path, pages: int) -> Path:
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    per_language = max(1, pages // len(LANGS))
    for lang in LANGS:
        suffix = "" if lang == "cs" else f".{lang}"
        (docs / f"index{suffix}.md").write_text(f"# Index {lang}\n\n{TEXT}\n", encoding="utf-8")
        for n in range(per_language - 1):
            body = "\n\n".join([TEXT * 2] * 3)
            (docs / f"page-{n:05d}{suffix}.md").write_text(f"# Page {n} ({lang})\n\n{body}\n", encoding="utf-8")
    languages = "\n".join(
        f"            - locale: {lang}\n              name: {lang}\n              build: true" + ("\n              default: true" if lang == "cs" else "")
        for lang in LANGS
    )
    (target / "mkdocs.yml").write_text(
        "site_name: Bare\n"
        "theme:\n  name: material\n  font: false\n"
        "nav:\n  - index.md\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n" + languages.replace("            ", "        ") + "\n",
        encoding="utf-8",
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    print(write_bare_site(args.out, args.pages))


if __name__ == "__main__":
    main()
