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
from zavazek.engine import search, shells
from zavazek.site.directory import handouts as directory_handouts
from zavazek.site.directory import pages as directory_pages
from zavazek.site.directory.standing import on_day
from zavazek.site.opendata.files import files as open_data_files
from zavazek.site.output import HtmlPage
from zavazek.core.loader import ProviderData, load_data
from zavazek.core.model import DATA_FILES, codes
from zavazek.core.model.codes import N_
from zavazek.site.pages import PAGES, SECTIONS, page_filename, pages_for, render_site_pages, write_staging
from zavazek.core.problems import Message, Problem, Severity
from zavazek.site.urls import page_url
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
    html_pages: list[HtmlPage] = field(default_factory=list, repr=False)
    open_data: dict[str, bytes] = field(default_factory=dict, repr=False)
    fresh: bool = True  # False when it is the previous result, unchanged
    signature: tuple = field(default=(), repr=False)
    options: BuildOptions = field(default_factory=BuildOptions)
    #: The directory's rendered pages, kept for the next build of a preview.
    kept_pages: directory_pages.DirectoryPages = field(default_factory=directory_pages.DirectoryPages, repr=False)


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
    published = on_day(data.services, day) if data.services is not None else None
    pages_kept = previous.kept_pages if previous is not None else directory_pages.DirectoryPages()
    # PDFs take seconds: posters and hand-outs are rendered each on a core of its own, meanwhile
    # this process renders the pages (and then waits, so two children keep both cores busy).
    made_posters = parallel.in_child(lambda: posters.published(data, project, day))
    made_handouts = parallel.in_child(lambda: directory_handouts.published(published, project, pages_kept.templates))
    try:
        if not project.site_url:
            data.warnings.append(_no_posters_warning(project))
        data.warnings.extend(_untranslated_interface_warnings(project))
        checklists = checks.run_checklists(data, project, day)
        html_pages = _not_written_by_hand(pages_kept.render(published, project), project)
        use_shells = options.shells
        files = shells.staging_files(html_pages, project.default_language, use_shells)
        for service_id, checklist in checklists.items():
            files[checks.report_path(service_id)] = checks.report_json_text(checklist, project)
        open_data = _open_data(published, project, cached if options.preview else None)
        files.update(open_data)
        poster_pdfs, poster_listing = made_posters()
        handout_pdfs = made_handouts()
    finally:
        made_posters.cancel()  # when something above failed; no-op once the PDFs are made
        made_handouts.cancel()
    files.update(poster_pdfs)
    files.update(handout_pdfs)
    context = {
        "posters": poster_listing,
        "directory_home": lambda lang: directory_pages.home_context(published, project, lang),
        **_checklist_context(checklists),
    }
    files.update(render_site_pages(data, project, day, extra=context))
    staging = write_staging(files, project)
    prepared = Prepared(
        project=project,
        data=data,
        staging_dir=staging,
        nav=_nav(project, data),
        template_context=_template_context(project, data),
        today=day,
        html_pages=html_pages if use_shells else [],  # the pages to write from shells after each pass
        open_data=open_data,
        signature=signature,
        options=options,
        kept_pages=pages_kept,
    )
    return prepared


def _not_written_by_hand(pages: list[HtmlPage], project: Project) -> list[HtmlPage]:
    """A page the provider wrote in ``docs/`` under the same name replaces the generated one."""
    default = project.default_language
    return [p for p in pages if not (project.docs_dir / page_filename(p.path, p.lang, default)).exists()]


def _open_data(published, project: Project, cached: Prepared | None) -> dict[str, bytes]:
    """The directory's open-data files; a preview keeps those of its first build (``cached``)."""
    if cached is not None and cached.open_data:
        return cached.open_data
    return open_data_files(published, project.languages, project.site_url)


def _nav(project: Project, data: ProviderData) -> list[str]:
    """Generated pages first, then the provider's hand-written top-level pages."""
    default = project.default_language
    nav = [page_filename(p.slug, default, default) for p in pages_for(data) if p.in_nav]
    if project.docs_dir.is_dir():
        for path in sorted(project.docs_dir.glob("*.md")):
            if "." not in path.stem and path.name not in nav:
                nav.append(path.name)
    return nav


def _no_posters_warning(project: Project):
    from zavazek.core.problems import Message, Problem, Severity

    return Problem(
        project.root / "mkdocs.yml", None, None, "site_url",
        Message("No posters were made: their QR codes need the public address of the website."),
        Message("Set site_url in mkdocs.yml, e.g. site_url: https://www.example.org/"),
        severity=Severity.WARNING,
    )


def _checklist_context(checklists: dict) -> dict:
    """The checklist page's data; each registered service's page picks its own report."""
    from zavazek.core.checks.catalogue import WORDING_STATUS

    return {
        "checklists": checklists,
        "report_paths": {service_id: checks.report_path(service_id) for service_id in checklists},
        "Status": checks.Status,
        "wording_labels": WORDING_STATUS,
    }


def _template_context(project: Project, data: ProviderData) -> dict:
    """Per-language links and labels the theme templates need (footer, x-default, search)."""
    default = project.default_language
    # Without JavaScript the header offers, instead of the search box, the directory's
    # lists of regions and kinds of help (or, without a directory, the list of pages).
    browse_slug, browse_label = ("sluzby", N_("Browse services")) if data.services else ("hledat", N_("All pages"))
    footer = {}
    for lang in project.languages:
        gettext = fallback.page_translations(lang).gettext
        # Every page says how to complain, first; then the pages left out of the navigation.
        complaints = {"title": gettext(SECTIONS[("zavazek", "complaints")]),
                      "url": page_url("zavazek", lang, default) + "#complaints"}
        footer[lang] = [complaints] + [
            {"title": gettext(spec.title), "url": page_url(spec.slug, lang, default)}
            for spec in PAGES
            if spec.footer
        ]
    unfinished = {}
    if data.placeholders:  # a site made by ``zavazek new`` and not yet filled in says so on every page
        for lang in project.languages:
            unfinished[lang] = fallback.page_translations(lang).ngettext(
                "This website is not finished: {count} text or contact is still a placeholder, not real information.",
                "This website is not finished: {count} texts and contacts are still placeholders, not real information.",
                len(data.placeholders),
            ).format(count=len(data.placeholders))
    return {
        "unfinished": unfinished,
        "default_language": default,
        "languages": {lang: i18n.language_name(lang) for lang in project.languages},
        "footer": footer,
        "home": {lang: page_url("index", lang, default) for lang in project.languages},
        "search": {lang: page_url("hledat", lang, default) for lang in project.languages},
        "search_label": {lang: fallback.page_translations(lang).gettext("Search") for lang in project.languages},
        "browse": {lang: {"url": page_url(browse_slug, lang, default),
                          "label": fallback.page_translations(lang).gettext(browse_label)}
                   for lang in project.languages},
        "site_url": project.site_url,
    }


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
