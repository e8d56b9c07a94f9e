"""The work after each of mkdocs-static-i18n's language passes, and once after the last one."""

from __future__ import annotations

from pathlib import Path

from zavazek.core import i18n
from zavazek.engine import search, shells
from zavazek.site import fallback
from zavazek.site.build import Prepared
from zavazek.site.output import HtmlPage


def shell_pages(prepared: Prepared) -> list[HtmlPage]:
    """The pages written from shells after each pass (none when every page goes through the engine)."""
    return prepared.html_pages if prepared.options.shells else []


def _mark_english_interface(folder: Path) -> None:
    """A language without a catalog: its pages' English interface strings get ``lang="en"``."""
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        marked = fallback.mark_html(text)
        if marked != text:
            page.write_text(marked, encoding="utf-8")


class LanguagePasses:
    """Work after each language's build pass, and once after the last one.

    The language's HTML pages are written from their shells first
    (:mod:`zavazek.engine.shells`); the sitemap is completed after the last pass.
    The engine renders a single ``404.html`` per language pass into the same
    place, so the last language built would win: after each pass the page is
    kept, a non-default language gets ``<lang>/404.html``, and when every
    language is done the default language's page is put back at the root.
    Each language's search index is started as soon as its pages are built,
    in the background, and waited for at the end.
    """

    def __init__(self):
        self._not_found: dict[str, bytes] = {}
        self._done: set[str] = set()
        self._indexing: list = []
        self._filler = shells.Filler()

    def after_language(self, prepared: Prepared, lang: str, site_dir: Path) -> bool:
        """Returns whether that was the last language: the site is complete."""
        project = prepared.project
        self._filler.fill(site_dir, lang, project.default_language, shell_pages(prepared))
        page = site_dir / "404.html"
        if page.exists():
            self._not_found[lang] = page.read_bytes()
            if lang != project.default_language:
                (site_dir / lang).mkdir(parents=True, exist_ok=True)
                (site_dir / lang / "404.html").write_bytes(self._not_found[lang])
        if i18n.interface_language(lang) != lang and lang != project.default_language:
            _mark_english_interface(site_dir / lang)
        self._done.add(lang)
        if not (prepared.options.preview and (site_dir / search.bundle(lang)).is_dir()):
            self._indexing.append(
                search.start_language_index(site_dir, lang, list(project.languages), project.default_language)
            )
        if self._done >= set(project.languages):
            if project.default_language in self._not_found:
                page.write_bytes(self._not_found[project.default_language])
            shells.expand_sitemap(site_dir, project.site_url, shell_pages(prepared), project.default_language)
            indexing, self._indexing = self._indexing, []
            self._not_found.clear()
            self._done.clear()
            search.finish(indexing)
            return True
        return False
