"""Prepare a provider's site for the site engine.

:func:`prepare` loads and validates the data, renders every page in every
language, and returns what the engine needs (pages, files, navigation,
theme context), with the posters, hand-outs and open data still being made:
the engine renders the pages meanwhile and then asks for them
(:func:`take_downloads`). Nothing here knows the site engine: the engine makes the
:class:`Project`, says how to build (:class:`~zavazek.core.options.BuildOptions`),
writes the files where it reads them, and keeps the result between rebuilds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from zavazek.core import checks, i18n
from zavazek.site import contact_cards, offline, pending, posters, report, sitemap, templating
from zavazek.site.downloads import Downloaded, Downloads
from zavazek.site.navigation import nav
from zavazek.site.pages import views as page_views
from zavazek.site.pages.render import Made, page_templates, render_site_pages
from zavazek.site.posters.site_url import no_posters_warning
from zavazek.site.theme import theme_context
from zavazek.site.directory import pages as directory_pages
from zavazek.site.directory.standing import DirectoryOnDay, on_day
from zavazek.core.loader import ProviderData, ReadFiles, load_data
from zavazek.core.model import DATA_FILES
from zavazek.site.output import HtmlPage
from zavazek.site.pages import page_filename
from zavazek.core.problems import Message, Problem, Severity
from zavazek.core.options import BuildOptions
from zavazek.core.pages import POSTERS
from zavazek.core.project import Project, today
from zavazek.core.registry import snapshot as registry_snapshot


@dataclass
class Prepared:
    """The rendered site: what the engine builds from and keeps between the rebuilds of a preview."""

    project: Project
    data: ProviderData
    #: {file name in the docs folder: content}: the generated Markdown pages, reports, open data, PDFs
    #: (in a build, the downloads and the offline worker only once :func:`take_downloads` added them).
    files: dict[str, str | bytes]
    nav: list
    template_context: dict
    today: dt.date
    #: The directory's pages, whose bodies are finished HTML.
    html_pages: list[HtmlPage] = field(default_factory=list, repr=False)
    fresh: bool = True  # False when it is the previous result, unchanged
    signature: tuple = field(default=(), repr=False)
    options: BuildOptions = field(default_factory=BuildOptions)
    #: The data files read, for the next preview build to reuse those unchanged.
    read_files: ReadFiles = field(default_factory=ReadFiles, repr=False)
    #: The directory's rendered pages, kept for the next build of a preview.
    kept_pages: directory_pages.DirectoryPages = field(default_factory=directory_pages.DirectoryPages, repr=False)
    #: The contact cards made, kept for the next build of a preview.
    kept_cards: contact_cards.ContactCards = field(default_factory=contact_cards.ContactCards, repr=False)
    #: The register's snapshot read for the checklist, with what it was read for: a preview's next
    #: build reuses it instead of streaming the whole register again after every saved file.
    register: tuple | None = field(default=None, repr=False)
    #: The posters, hand-outs and open data this site shows (in a build, once :func:`take_downloads` took them).
    downloaded: Downloaded | None = field(default=None, repr=False)
    #: The downloads still being made for this data, while a preview shows the previous ones:
    #: when they are done, :func:`prepare` takes them in (the engine then builds again).
    downloading: Downloads | None = field(default=None, repr=False)
    #: The downloads being made for these pages, which the engine renders meanwhile and then
    #: completes with them (:func:`take_downloads`).
    joining: Downloads | None = field(default=None, repr=False)
    #: What the pages show that the other outputs made (for the noticeboard's page once the downloads are).
    made: Made = field(default_factory=Made, repr=False)
    #: The directory on the day (with each service's fingerprint), for a preview's next build to reuse
    #: when the services are the same.
    published: DirectoryOnDay | None = field(default=None, repr=False)
    #: What a reader's phone keeps of the built site (a build's last words; not measured for a preview).
    kept_on_a_phone: offline.KeptOnAPhone | None = field(default=None, repr=False)

    def stop_downloads(self) -> None:
        """Stop the downloads still being made for it (its data changed since, or its build failed)."""
        for downloads in (self.downloading, self.joining):
            if downloads is not None:
                downloads.cancel()


def _signature(project: Project, day: dt.date, options: BuildOptions) -> tuple:
    """Everything the output depends on: the project (root, site_url, languages …), the day, the
    options, and each configuration, data and hand-written file's time and size."""
    files = [project.config_file]
    files += [project.data_dir / f.filename for f in DATA_FILES.values()]
    files += [project.data_dir / registry_snapshot.SETTINGS_FILE]  # and the snapshot it names (see prepare)
    files += project.files_by_hand()
    return (project, day, options) + tuple((str(f), _stamp(f)) for f in files)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


#: Compiled templates, kept between builds (see :class:`~zavazek.site.templating.CompiledCode`).
TEMPLATE_CACHE_DIR = ".zavazek/cache/templates"
#: How long a preview waits for its downloads before it shows the pages with the ones it had.
DOWNLOADS_WAIT = 0.05
#: The directory's rendered pages, kept between builds (see :class:`~zavazek.site.directory.pages.DirectoryPages`).
PAGES_FILE = ".zavazek/cache/directory-pages.pickle"


def prepare(project: Project, options: BuildOptions = BuildOptions(), previous: Prepared | None = None) -> Prepared:
    """Validate and render; returns ``previous`` itself when nothing it was made from changed since."""
    templating.COMPILED.keep_in(project.root / TEMPLATE_CACHE_DIR)
    day = today(project)
    registry = registry_snapshot.read_settings(project.data_dir, project.root)  # None: no comparison
    signature = _signature(project, day, options)
    if registry is not None:
        signature += ((str(registry.file), _stamp(registry.file), registry.date),)
    cached = previous if previous is not None and previous.project.root == project.root else None
    if cached is not None and cached.signature == signature:
        if cached.downloading is None or not cached.downloading.ready():
            cached.fresh = False
            return cached
        return _with_downloads(cached)  # the downloads a preview went on without are done: take them in
    elif cached is not None:
        cached.stop_downloads()  # for data that has changed since
    read_files = cached.read_files if cached is not None else ReadFiles()
    data = load_data(project.data_dir, list(project.languages), day, read_files)
    published = _directory_on(day, data, cached)
    pages_kept = cached.kept_pages if cached is not None else directory_pages.DirectoryPages(project.root / PAGES_FILE)
    cards = cached.kept_cards if cached is not None else contact_cards.ContactCards()
    # Meanwhile, posters, hand-outs and open data are made in child processes (on the other cores).
    downloads = Downloads(
        data, published, project, day, pages_kept.templates, _open_data_source(published, project),
        cached.downloaded.open_data if cached is not None and cached.downloaded is not None else None,
        meanwhile=options.preview and cached is not None)
    try:
        if not project.site_url:
            data.warnings.append(no_posters_warning(project))
        data.warnings.extend(_untranslated_interface_warnings(project))
        register = _register(registry, data, cached)
        if register is None:
            checklists = checks.run_checklists(data, project, day)
        else:
            checklists = checks.run_checklists(data, project, day, compare_registry=True, snapshot=register[1])
        cards.start(data, published, project)  # ten thousand at national scale, while the pages are made
        html_pages = _not_written_by_hand(pages_kept.render(published, project), project)
        files: dict[str, str | bytes] = {}
        for service_id, checklist in checklists.items():
            files[sitemap.checklist_report(service_id)] = report.json_text(checklist, project)
        directory_home = _directory_home(published, project, cached)
        templates = page_templates()
        # Every page but the noticeboard's, which lists the posters being made meanwhile.
        files.update(render_site_pages(data, project, day, templates, Made((), checklists, directory_home),
                                       leave_out=[POSTERS]))
        # A preview shows the pages at once, with the downloads it had, if new ones are still being made;
        # else it waits for them, so that the noticeboard page it renders says the posters' sizes. A build
        # has the engine render the pages meanwhile, and then takes the downloads in (take_downloads).
        going_on = (options.preview and cached is not None and cached.downloaded is not None
                    and not downloads.ready(DOWNLOADS_WAIT))
        if going_on:
            downloaded = cached.downloaded
        else:
            downloaded = downloads.result() if options.preview else None
        files.update(cards.files(data, published, project))
        listing = downloaded.poster_listing if downloaded is not None else posters.listing(data, project, day)
        made = Made(tuple(listing), checklists, directory_home)
        files.update(render_site_pages(data, project, day, templates, made, only=[POSTERS]))
        prepared = Prepared(
            project=project,
            data=data,
            files=files,
            nav=nav(project, data),
            template_context=theme_context(project, data),
            today=day,
            html_pages=html_pages,
            signature=signature,
            options=options,
            read_files=read_files,
            kept_pages=pages_kept,
            kept_cards=cards,
            register=register,
            downloaded=downloaded,
            downloading=downloads if going_on else None,
            joining=downloads if downloaded is None else None,
            made=made,
            published=published,
        )
    except BaseException:
        downloads.cancel()
        cards.cancel()
        raise
    if downloaded is not None:
        _take_in(prepared, downloaded)
    return prepared


def take_downloads(prepared: Prepared) -> dict[str, str]:
    """Wait for the downloads the pages were rendered without, and add them to the files.

    Returns {placeholder: text} of what the pages could not say before
    (:mod:`zavazek.site.pending`), for the engine to put into the pages it
    rendered from the files; the files themselves are completed here. Nothing
    to do (an empty dict) when the prepared site has its downloads already.
    """
    downloads = prepared.joining
    if downloads is None:
        return {}
    try:
        downloaded = downloads.result()
    except BaseException:
        downloads.cancel()
        raise
    prepared.joining = None
    prepared.downloaded = downloaded
    texts = page_views.poster_sizes(downloaded.poster_listing, prepared.project.languages,
                                    prepared.project.default_language)
    for name, content in prepared.files.items():
        if isinstance(content, str) and pending.PREFIX in content:
            prepared.files[name] = pending.put_in(content, texts)
    _take_in(prepared, downloaded)
    return texts


def _directory_on(day: dt.date, data: ProviderData, cached: Prepared | None) -> DirectoryOnDay | None:
    """The directory as published on ``day``: the previous build's, when a preview read the very same
    services again (another file was saved), so that its services' fingerprints are not computed again."""
    if data.services is None:
        return None
    if cached is not None and cached.published is not None and cached.data.services is data.services \
            and cached.published.day == day:
        return cached.published
    return on_day(data.services, day)


def _directory_home(published: DirectoryOnDay | None, project: Project, cached: Prepared | None) -> dict:
    """Per language, what the directory's home page shows: the previous build's for the same directory
    (:func:`_directory_on`) and site."""
    if published is None:
        return {}
    if cached is not None and published is cached.published and cached.project == project:
        return cached.made.directory
    return {lang: directory_pages.home_context(published, project, lang) for lang in project.languages}


def _with_downloads(cached: Prepared) -> Prepared:
    """``cached``, a preview shown with the downloads of an earlier build, with its own ones now made.

    The data are the same: only the noticeboard's page (which lists the
    posters and their sizes), the downloads themselves and the offline
    worker change.
    """
    downloaded = cached.downloading.result()
    stale = {sitemap.SERVICE_WORKER, *(cached.downloaded.files() if cached.downloaded is not None else ())}
    files = {name: content for name, content in cached.files.items() if name not in stale}
    made = dataclasses.replace(cached.made, posters=tuple(downloaded.poster_listing))
    files.update(render_site_pages(cached.data, cached.project, cached.today, page_templates(), made, only=[POSTERS]))
    prepared = dataclasses.replace(cached, files=files, fresh=True, made=made, downloaded=downloaded,
                                   downloading=None, joining=None)
    _take_in(prepared, downloaded)
    return prepared


def _take_in(prepared: Prepared, downloaded: Downloaded) -> None:
    """Add the downloads to the files, and the offline worker, whose version is made from every file."""
    files = prepared.files
    files.update(downloaded.files())
    files[sitemap.SERVICE_WORKER] = offline.worker(prepared.project, files, prepared.html_pages)


def _register(registry, data: ProviderData, cached: Prepared | None) -> tuple | None:
    """(what it was read for, the snapshot) of the register named in ``data/registry.yaml``, None without one.

    The snapshot is streamed from the file, keeping only the provider's services, unless the previous
    build read the same file for the same provider and services.
    """
    if registry is None:
        return None
    key = (str(registry.file), _stamp(registry.file), registry.date, data.commitment.provider.ico,
           tuple(view.commitment.service.registry_id for view in data.per_service()))
    if cached is not None and cached.register is not None and cached.register[0] == key:
        return cached.register
    return key, registry_snapshot.snapshot_for(data, registry.file, registry.date)


def _not_written_by_hand(pages: list[HtmlPage], project: Project) -> list[HtmlPage]:
    """A page the provider wrote in ``docs/`` under the same name replaces the generated one."""
    default, by_hand = project.default_language, project.names_by_hand()
    return [p for p in pages if page_filename(p.path, p.lang, default) not in by_hand]


def _open_data_source(published, project: Project) -> tuple:
    """What the directory's open data is made from: the project, the day and the directory."""
    if published is None:
        return (project,)
    return project, published.day, hashlib.sha256(published.directory.model_dump_json().encode()).hexdigest()


def _untranslated_interface_warnings(project: Project) -> list[Problem]:
    """One warning per site language that závazek has no interface catalog for."""
    return [
        Problem(
            project.config_file, None, None, "plugins.i18n.languages",
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
