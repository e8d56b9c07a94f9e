"""Prepare a provider's site for the site engine.

:func:`prepare` loads and validates the data, renders every page in every
language into the staging docs folder, and returns what the engine needs
(navigation, theme context). Nothing here imports MkDocs: the engine passes
how to build as :class:`BuildOptions` and keeps the result between rebuilds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from zavazek.core import checks, i18n
from zavazek.site import fallback, parallel, posters
from zavazek.site.navigation import nav
from zavazek.site.pages.render import Made, page_templates, render_site_pages
from zavazek.site.posters.site_url import no_posters_warning
from zavazek.site.theme import theme_context
from zavazek.engine import search, shells
from zavazek.site.directory import exports as directory_exports
from zavazek.site.directory import handouts as directory_handouts
from zavazek.site.directory import pages as directory_pages
from zavazek.core.loader import ProviderData, load_data
from zavazek.core.model import DATA_FILES, codes
from zavazek.site.pages import page_filename, write_staging
from zavazek.core.problems import Message, Problem, Severity
from zavazek.core.project import Project, open_project, today


@dataclass(frozen=True)
class BuildOptions:
    """How to build, as the command line or the plugin's options in mkdocs.yml say."""

    today: dt.date | None = None  # the day pages are computed for; None: mkdocs.yml's, else the real date
    data_dir: str | None = None  # the data folder, relative to mkdocs.yml; None: as mkdocs.yml says
    #: A preview server: keep the search index and the open-data files of its first build (they take seconds).
    preview: bool = False
    #: Write directory pages from shells the engine rendered once (False: every page through the engine; slow).
    shells: bool = True


@dataclass
class Prepared:
    project: Project
    data: ProviderData
    staging_dir: Path
    nav: list
    template_context: dict
    today: dt.date
    html_pages: list[shells.HtmlPage] = field(default_factory=list, repr=False)
    open_data: dict[str, bytes] = field(default_factory=dict, repr=False)
    fresh: bool = True  # False when it is the previous result, unchanged
    signature: tuple = field(default=(), repr=False)
    options: BuildOptions = field(default_factory=BuildOptions)


def _signature(project: Project, day: dt.date, options: BuildOptions) -> tuple:
    files = [project.root / "mkdocs.yml"]
    files += [project.data_dir / f.filename for f in DATA_FILES.values()]
    if project.docs_dir.is_dir():
        files += sorted(p for p in project.docs_dir.rglob("*") if p.is_file())
    return (day, options) + tuple((str(f), f.stat().st_mtime_ns if f.exists() else None) for f in files)


def prepare(root: Path, options: BuildOptions = BuildOptions(), previous: Prepared | None = None) -> Prepared:
    """Validate and render; returns ``previous`` itself when no data, docs or config file changed since."""
    project = open_project(root, options.data_dir)
    day = today(project, options.today)
    signature = _signature(project, day, options)
    cached = previous if previous is not None and previous.project.root == project.root else None
    if cached is not None and cached.signature == signature:
        cached.fresh = False
        return cached
    data = load_data(project.data_dir, list(project.languages), day)
    # PDFs take seconds: posters and hand-outs are rendered each on a core of its own, meanwhile
    # this process renders the pages (and then waits, so two children keep both cores busy).
    made_posters = parallel.in_child(lambda: posters.published(data, project, day))
    made_handouts = parallel.in_child(lambda: directory_handouts.published(data, project, day))
    try:
        if not project.site_url:
            data.warnings.append(no_posters_warning(project))
        data.warnings.extend(_untranslated_interface_warnings(project))
        checklists = checks.run_checklists(data, project, day)
        html_pages = _not_written_by_hand(directory_pages.render_directory_pages(data, project, day), project)
        use_shells = options.shells
        files = shells.staging_files(html_pages, project.default_language, use_shells)
        for service_id, checklist in checklists.items():
            files[checks.report_path(service_id)] = checks.report_json_text(checklist, project)
        open_data = _open_data(data, project, day, cached if options.preview else None)
        files.update(open_data)
        poster_pdfs, poster_listing = made_posters()
        handout_pdfs = made_handouts()
    finally:
        made_posters.cancel()  # when something above failed; no-op once the PDFs are made
        made_handouts.cancel()
    files.update(poster_pdfs)
    files.update(handout_pdfs)
    directory_home = {lang: directory_pages.home_context(data, project, lang, day)
                      for lang in project.languages} if data.services else {}
    made = Made(tuple(poster_listing), checklists, directory_home)
    files.update(render_site_pages(data, project, day, page_templates(), made))
    staging = write_staging(files, project)
    prepared = Prepared(
        project=project,
        data=data,
        staging_dir=staging,
        nav=nav(project, data),
        template_context=theme_context(project, data),
        today=day,
        html_pages=html_pages if use_shells else [],  # the pages to write from shells after each pass
        open_data=open_data,
        signature=signature,
        options=options,
    )
    return prepared


def _not_written_by_hand(pages: list[shells.HtmlPage], project: Project) -> list[shells.HtmlPage]:
    """A page the provider wrote in ``docs/`` under the same name replaces the generated one."""
    default = project.default_language
    return [p for p in pages if not (project.docs_dir / page_filename(p.path, p.lang, default)).exists()]


def _open_data(data: ProviderData, project: Project, day: dt.date, cached: Prepared | None) -> dict[str, bytes]:
    """The directory's open-data files; a preview keeps those of its first build (``cached``)."""
    if cached is not None and cached.open_data:
        return cached.open_data
    return directory_exports.files(data, project, day)


def install_gettext(env, lang: str) -> None:
    """Give the theme's Jinja environment our catalog for ``lang``."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(fallback.page_translations(lang), newstyle=True)


def mark_untranslated_page(html: str, source: str, lang: str, default: str) -> str:
    """A hand-written page with no version in ``lang``: the engine shows the default language's
    file (``o-webu.md`` for ``uk/o-webu/``), so it is marked as that language, not yet translated."""
    stem = Path(source).stem
    if lang == default or ("." in stem and stem.rsplit(".", 1)[1] in codes.LANGUAGES):
        return html
    note = fallback.page_translations(lang).gettext("not yet translated")
    return (f'<p class="zv-untranslated">({escape(note)})</p>\n'
            f'<div lang="{default}" class="zv-fallback">\n{html}\n</div>')


def _mark_english_interface(folder: Path) -> None:
    """A language without a catalog: its pages' English interface strings get ``lang="en"``."""
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        marked = fallback.mark_html(text)
        if marked != text:
            page.write_text(marked, encoding="utf-8")


def _untranslated_interface_warnings(project: Project) -> list[Problem]:
    """One warning per site language that závazek has no interface catalog for."""
    return [
        Problem(
            project.root / "mkdocs.yml", None, None, "plugins.i18n.languages",
            Message("There is no interface translation for the language “{code}” ({name}): "
                    "its pages show the interface (headings, labels, notes) in English, marked as English.",
                    {"code": lang, "name": i18n.language_name(lang)}),
            Message("Texts in data/*.yaml in that language are shown as usual. To translate the interface, "
                    "see “Languages” in the README."),
            severity=Severity.WARNING,
        )
        for lang in project.languages
        if i18n.interface_language(lang) != lang
    ]


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
        self._filler.fill(site_dir, lang, project.default_language, prepared.html_pages)
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
            shells.expand_sitemap(site_dir, project.site_url, prepared.html_pages, project.default_language)
            indexing, self._indexing = self._indexing, []
            self._not_found.clear()
            self._done.clear()
            search.finish(indexing)
            return True
        return False
