"""The work after each of mkdocs-static-i18n's language passes, and once after the last one."""

from __future__ import annotations

import functools
from pathlib import Path

from zavazek.core import i18n
from zavazek.engine import search, shells, staging, stylesheet
from zavazek.site import fallback, offline
from zavazek.site.build import Prepared
from zavazek.site.output import HtmlPage


def shell_pages(prepared: Prepared) -> list[HtmlPage]:
    """The pages written from shells after each pass (none when every page goes through the engine)."""
    return prepared.html_pages if prepared.options.shells else []


def _read_shell_bodies(prepared: Prepared, bodies_seen: set[int]):
    """Start reading the bodies of the pages written from shells, those not in ``bodies_seen``, for the
    stylesheet (a Pending of their vocabulary and their hashes)."""
    return stylesheet.read_in_child([page.body for page in shell_pages(prepared)], bodies_seen)


class _CompletionPlan:
    """How :class:`LanguagePasses` completes each language of a build: whose pages a child process writes
    (:attr:`in_child`), whose interface is marked as English, which have a published index to keep."""

    def __init__(self, prepared: Prepared, site_dir: Path):
        project = prepared.project
        # A build into a new folder writes only the pages that differ from the published ones. A preview's
        # folder is its own: it keeps its pages from one rebuild to the next (see shells.Filler).
        new_folder = not prepared.options.preview and site_dir.resolve() != project.site_dir.resolve()
        self.previous = project.site_dir if new_folder else None
        self.all, self.default = list(project.languages), project.default_language
        self.pages = shell_pages(prepared)
        self.marked = {lang for lang in self.all if i18n.interface_language(lang) != lang and lang != self.default}
        self.published = {lang for lang in self.all
                          if self.previous is not None and (self.previous / search.bundle(lang)).is_dir()}
        # Without a published index to keep (a first build; in a provider's CI, every build), a language is
        # indexed from its shells and pages in memory while a child process writes its pages.
        self.in_child = [lang for lang in self.all
                         if not prepared.options.preview and lang not in self.marked | self.published]


def _mark_english_interface(folder: Path) -> None:
    """A language without a catalog: its pages' English interface strings get ``lang="en"``."""
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        marked = fallback.mark_html(text)
        if marked != text:
            page.unlink()  # a new file: the page may be a link to the published one (see shells.Filler)
            page.write_text(marked, encoding="utf-8")


class LanguagePasses:
    """Work after each language's build pass, and once after the last one.

    The engine renders a single ``404.html`` per language pass into the same
    place, so the last language built would win: after each pass the page is
    kept. When every language is done and the stylesheet's name is known,
    each language's HTML pages are written from their shells
    (:mod:`zavazek.engine.shells`; in a first build, by a child process started
    before the downloads are in, :meth:`start_writing`). Then
    (:meth:`finish`) a non-default language gets
    ``<lang>/404.html`` and the default language's page is put back at the
    root, the sitemap is completed, and each language's search index is made
    in the background. A language with no published index to keep has its
    pages written by a child process while it is indexed from memory (in a
    preview, and for a language whose pages are marked afterwards, they are
    written here); the others are indexed after their pages are written,
    while the next language is filled.
    """

    def __init__(self):
        self._not_found: dict[str, str] = {}
        self._done: set[str] = set()
        self._filler = shells.Filler()
        self._files = staging.SiteFiles()
        self._indexing: search.Indexing | None = None  # a preview's indexing in the background
        self._reading = None  # the pages written from shells being read for the stylesheet (a Pending)
        self._plan: _CompletionPlan | None = None  # how the latest build completes, once it started to
        self._writing = None  # the pages written from shells by a child process (a Pending), once started
        #: The directory's pages the latest :meth:`finish` wrote (the others came out as published).
        self.written = 0

    def before_language(self, prepared: Prepared, site_dir: Path, bodies_seen: set[int]) -> None:
        """At each pass, after the engine cleaned ``site_dir`` if it does (at the first pass of a build, never
        in a preview). The first pass starts, in child processes, writing the files that are not pages
        (:meth:`zavazek.engine.staging.SiteFiles.write_early`) and reading the bodies of the pages written
        from shells for the stylesheet, those not in ``bodies_seen`` (:meth:`shell_vocabulary`)."""
        if self._done:
            return
        self._stop_reading()
        self._reading = _read_shell_bodies(prepared, bodies_seen)
        self._files.write_early(prepared, site_dir)

    def shell_vocabulary(self, prepared: Prepared, bodies_seen: set[int]) -> tuple[stylesheet.Vocabulary, set[int]]:
        """What the pages written from shells hold for the stylesheet, and their bodies' hashes."""
        reading, self._reading = self._reading, None
        if reading is None:
            reading = _read_shell_bodies(prepared, bodies_seen)
        return reading()

    def stop(self) -> None:
        """Stop what runs in the background for a build that failed."""
        self._files.cancel()
        self._stop_reading()
        self._stop_writing()
        self._done.clear()

    def _stop_writing(self) -> None:
        self._plan = None
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.cancel(wait=True)

    def _stop_reading(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None

    def after_language(self, prepared: Prepared, lang: str, site_dir: Path) -> bool:
        """Returns whether that was the last language."""
        page = site_dir / "404.html"
        if page.exists():
            self._not_found[lang] = page.read_text(encoding="utf-8")
        self._done.add(lang)
        return self._done >= set(prepared.project.languages)

    def start_writing(self, prepared: Prepared, site_dir: Path) -> None:
        """Start writing the pages made from shells, in a child process, once every shell names the
        stylesheet: before the downloads are in, which none of these pages shows (see :meth:`finish`)."""
        if self._plan is not None:
            return
        self._plan = plan = _CompletionPlan(prepared, site_dir)
        for lang in plan.in_child:
            self._filler.load(site_dir, lang, plan.default, plan.pages)
        if plan.in_child and plan.pages:  # forked before the indexing starts its threads
            self._writing = self._filler.fill_in_child(site_dir, plan.in_child, plan.previous)

    def finish(self, prepared: Prepared, site_dir: Path, stylesheet_name: str,
               rendered: set[str] | None = None) -> None:
        """Complete the site once every language's pass is done.

        ``rendered``: the languages whose pages the engine rendered again in a preview's
        rebuild (None: a whole build). A preview indexes for search, in the background,
        only the languages with a page that changed, and shows the pages meanwhile.
        """
        self._stop_indexing()
        self.written = 0
        indexing = later = None
        try:
            self.start_writing(prepared, site_dir)  # unless the engine started it already
            plan, self._plan = self._plan, None
            all_languages, default, pages, previous = plan.all, plan.default, plan.pages, plan.previous
            indexing = search.Indexing()
            for lang in plan.in_child:
                indexing.add(site_dir, lang, all_languages, default, self._filler.search_documents(lang))
            for lang in all_languages:
                if lang in self._not_found and lang != default:
                    (site_dir / lang).mkdir(parents=True, exist_ok=True)
                    (site_dir / lang / "404.html").write_text(self._not_found_page(lang, stylesheet_name), encoding="utf-8")
                if lang in plan.in_child:
                    continue
                self._filler.load(site_dir, lang, default, pages)
                written = self._filler.fill(site_dir, lang, previous)
                self.written += written
                if lang in plan.marked:
                    _mark_english_interface(site_dir / lang)
                # Pages marked afterwards are read from the disk as they are, the others made from their shells.
                made = (lambda: {}) if lang in plan.marked else functools.partial(self._filler.search_documents, lang)
                indexed = (site_dir / search.bundle(lang)).is_dir()
                if lang in plan.published and search.same_pages(site_dir, previous, lang, all_languages, default):
                    search.keep_index(site_dir, previous, lang)  # nothing to index again
                elif not (prepared.options.preview and indexed):
                    indexing.add(site_dir, lang, all_languages, default, made())
                elif written or lang in (rendered or ()):
                    later = later or search.Indexing()
                    later.add(site_dir, lang, all_languages, default, made())
            self._files.write(prepared, site_dir)
            if default in self._not_found:
                (site_dir / "404.html").write_text(self._not_found_page(default, stylesheet_name), encoding="utf-8")
            shells.complete_sitemap(site_dir, prepared.project.site_url, pages, default, prepared.today)
            if not prepared.options.preview:  # a preview keeps its pages in memory, and is not kept waiting
                prepared.kept_pages.store()  # while the search indexes are being made
            if self._writing is not None:
                writing, self._writing = self._writing, None
                self.written += writing()
            if not prepared.options.preview:  # every page is written: measured while the indexes are made
                prepared.kept_on_a_phone = offline.kept_on_a_phone(prepared.project, site_dir)
        except BaseException:
            try:
                self._stop_writing()
            finally:
                if indexing is not None:
                    indexing.stop()
            raise
        finally:
            self._not_found.clear()
            self._done.clear()
            self._indexing = later
        indexing.wait()

    def _stop_indexing(self) -> None:
        """Stop a preview's indexing still running for the previous build: its pages are changing again."""
        if self._indexing is not None:
            self._indexing.stop()
        self._indexing = None

    def _not_found_page(self, lang: str, stylesheet_name: str) -> str:
        """The language's "page not found", which names every language's search: English interface
        strings of a language without a catalog marked as English there too."""
        return fallback.mark_html(stylesheet.put_name(self._not_found[lang], stylesheet_name))
