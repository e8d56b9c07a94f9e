"""The ``zavazek`` MkDocs plugin: the thin adapter between MkDocs and the závazek core.

A provider's ``mkdocs.yml`` lists it under ``plugins`` (before ``i18n``),
optionally with options::

    plugins:
      - zavazek:
          data_dir: data        # the folder with commitment.yaml, goals.yaml …
          today: 2026-11-23     # compute the pages for this day (default: the day of the build)
      - i18n: …

so that ``zavazek build``, plain ``mkdocs build`` and ``mkdocs serve`` work
in the provider's folder. The pages are made by the site layer
(:mod:`zavazek.site.build`); the plugin makes the project from MkDocs'
configuration, passes MkDocs' objects in and out, and is the only owner of
what must survive between the rebuilds of a preview server (the prepared
site and the caches it carries, the language passes, the stylesheet): MkDocs
keeps one plugin object for the whole ``mkdocs serve`` because it has
:meth:`~ZavazekPlugin.on_startup`.

mkdocs-static-i18n rebuilds the whole site once per language, so every
event below runs once per language; the prepared site is computed once.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from zavazek.core.options import BuildOptions
from zavazek.core.problems import DataError
from zavazek.core.project import Project
from zavazek.engine import config as site_config
from zavazek.engine import passes, scripts, search, shells, staging, stylesheet, theme_hooks
from zavazek.site import build as site
from zavazek.site import pending, templating

log = logging.getLogger("mkdocs.plugins.zavazek")

THEME_DIR = Path(__file__).parent / "theme"

#: Pages the core wrote as finished HTML (front matter ``zavazek_html: true``):
#: Markdown would only re-parse their HTML, which at national scale is most
#: of the build time, so their body skips it.
_HTML_PLACEHOLDER = "ZAVAZEK-PRERENDERED-HTML"


class _DataDir(c.Dir):
    """An existing folder, relative to mkdocs.yml; the error names mkdocs.yml and the option."""

    def run_validation(self, value):
        try:
            return super().run_validation(value)
        except ValidationError:
            config_file = site_config.config_file(Path(self.config_dir or "."))
            raise ValidationError("\n" + site_config.missing_data_dir(config_file, str(value)).format(config_file.parent))


class _Day(c.BaseConfigOption):
    """A date written YYYY-MM-DD (YAML reads it as a date), or nothing."""

    def __init__(self):
        super().__init__()
        self.default = None

    def pre_validation(self, config, key_name):
        self.config_file = Path(config.config_file_path or site_config.CONFIG_FILE)

    def run_validation(self, value):
        try:
            return site_config.parse_today(value, self.config_file)
        except DataError as exc:
            raise ValidationError("\n" + exc.problems[0].format(self.config_file.parent)) from None


class ZavazekConfig(Config):
    data_dir = _DataDir(exists=True, default=site_config.DATA_DIR)
    today = _Day()
    #: False: every directory page through MkDocs itself instead of from its shell (slow; to compare them).
    shells = c.Type(bool, default=True)


class ZavazekPlugin(BasePlugin[ZavazekConfig]):
    """Builds the provider's pages from the data folder and hands them to MkDocs."""

    def __init__(self):
        super().__init__()
        self.command_line: dict = {}  # options the command line gives, over mkdocs.yml's
        self.serving = False
        self.prepared: site.Prepared | None = None  # the last prepared site, reused while nothing changed
        self._project: tuple[object, Project] | None = None  # (MkDocs' configuration, its project)
        self._passes = passes.LanguagePasses()
        self._prerendered: dict[str, str] = {}
        #: Material's stylesheet, reduced to what the rendered pages use (see :mod:`zavazek.engine.stylesheet`). The
        #: vocabulary only grows within a preview, so that its partial rebuilds never lose a rule.
        self._vocabulary = stylesheet.Vocabulary()
        self._bodies_seen: set[int] = set()
        #: The HTML files the engine wrote (they link to the stylesheet by its pending name), and the
        #: stylesheet's name in the previous build of a preview (which the pages it did not rewrite still say).
        self._engine_pages: set[Path] = set()
        self._stylesheet: str | None = None
        self._reduced: tuple | None = None  # (what it was reduced for, the stylesheet)
        self._rendered: set[str] = set()  # the languages with a page (not a shell) rendered in this build

    def load_config(self, options, config_file_path=None):
        # MkDocs validates the options again on each rebuild of a preview: the command line's stay.
        return super().load_config({**options, **self.command_line}, config_file_path)

    def override(self, **options) -> None:
        """Options from the command line (``zavazek build --today``), validated as if mkdocs.yml said them."""
        self.command_line = options
        self.config.load_dict(options)
        failed, _ = self.config.validate()
        if failed:
            raise PluginError("\n".join(f"{key}: {error}" for key, error in failed))

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        _theme_files_listed_once()
        if self.serving and dirty:
            _language_passes_dirty()

    def options(self) -> BuildOptions:
        return BuildOptions(preview=self.serving, shells=self.config.shells)

    def project(self, config) -> Project:
        """The project of MkDocs' configuration, made at its first build pass.

        mkdocs-static-i18n builds every language with the same configuration,
        changed in place (its ``site_name``, ``extra_css`` …), so the project is
        not made again for a later pass. A preview server has replaced MkDocs'
        ``site_url`` by its own local address; the project keeps the public one.
        """
        if self._project is None or self._project[0] is not config:
            site_url = site_config.written_site_url(config) if self.serving else config.site_url
            made = site_config.project_from_mkdocs(config, self.config.data_dir, self.config.today, site_url)
            self._project = (config, made)
        return self._project[1]

    def prepare(self, config) -> site.Prepared:
        """The prepared site, its files written for MkDocs (raises :class:`DataError`); prepared again
        only when something it is made from changed."""
        self.prepared = site.prepare(self.project(config), self.options(), self.prepared)
        if self.prepared.fresh:
            staging.write_staging(self.prepared)
        return self.prepared

    @event_priority(100)  # before mkdocs-static-i18n reads the files
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            built = self.prepare(config)
        except DataError as exc:
            raise PluginError("\n" + exc.format(root)) from None
        if built.fresh:
            for warning in built.data.warnings:
                log.warning(warning.format(root))
        config.docs_dir = str(staging.staging_dir(built.project))
        if not config.nav:
            config.nav = built.nav
        if str(THEME_DIR) not in config.theme.dirs:
            # The provider's own custom_dir (if any) stays first, then our scripts as published, then the
            # rest of our theme, then Material.
            position = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(position, str(THEME_DIR))
            config.theme.dirs.insert(position, str(scripts.published_scripts(built.project.root, THEME_DIR)))
        for css in ("assets/zavazek.css",):
            if css not in config.extra_css:
                config.extra_css.append(css)
        config.extra["zavazek"] = {**built.template_context, "stylesheet": stylesheet.PENDING}
        return config

    def on_files(self, files, config):
        """Each language's pass, once MkDocs has cleaned the site's folder where it does: the first pass
        starts work in the background (:meth:`~zavazek.engine.passes.LanguagePasses.before_language`)."""
        self._passes.before_language(self.prepared, Path(config.site_dir), self._bodies_seen)
        return files

    def on_build_error(self, error):
        """A pass failed: stop reading and writing in the background (a preview keeps its downloads,
        which the next rebuild may take)."""
        self._passes.stop()

    def stop_background_work(self) -> None:
        """Stop what a build left running because it failed: downloads being made, files being written."""
        self._passes.stop()
        if self.prepared is not None:
            self.prepared.stop_downloads()

    def on_serve(self, server, config, builder):
        """A preview rebuilds when a data file or a hand-written page is saved, and when the downloads
        (posters, hand-outs, open data) it went on without are made."""
        signal = _downloaded_signal(self.prepared.project)
        signal.parent.mkdir(parents=True, exist_ok=True)
        for folder in (self.prepared.project.data_dir, self.prepared.project.docs_dir, signal.parent):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_env(self, env, config, files):
        lang = _current_language(config)
        env.bytecode_cache = templating.COMPILED  # the theme's templates compiled once, not once per language
        theme_hooks.install_gettext(env, lang)
        env.globals["zv_lang"] = lang
        env.filters["zv_url"] = theme_hooks.theme_url
        return env

    def on_nav(self, nav, config, files):
        """A preview's rebuild renders only the pages whose source changed, and MkDocs then leaves the
        others unread: the menu and the footer's links, made from their titles, would say "None".
        Their sources are read (not rendered), so that every title is there."""
        if self.serving:
            for page in nav.pages:
                if page.markdown is None:
                    page.read_source(config)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        if page.meta.get("zavazek_html"):
            self._prerendered[page.file.src_uri] = markdown
            return _HTML_PLACEHOLDER
        return markdown

    def on_page_content(self, html, page, config, files):
        body = self._prerendered.pop(page.file.src_uri, None)
        if body is None:  # a page written by hand: marked where it is shown untranslated
            plugin = config.plugins.get("i18n")
            default = getattr(plugin, "default_language", None) or "cs"
            return theme_hooks.mark_untranslated_page(html, page.file.src_uri, _current_language(config), default)
        return html.replace(f"<p>{_HTML_PLACEHOLDER}</p>", body, 1)

    def on_template_context(self, context, template_name, config):
        """"Page not found" offers each language's home page in its language menu.

        mkdocs-static-i18n leaves the menu of the page built last in the previous
        language pass there (it sets ``config.extra.alternate`` as an attribute
        per page, which its reset of the key does not undo).
        """
        homes = getattr(config.plugins.get("i18n"), "extra_alternate", None)
        if template_name == "404.html" and homes:
            config.extra.alternate = copy.deepcopy(homes)
        return context

    def on_post_page(self, output, page, config):
        self._vocabulary.add_html(output)
        self._engine_pages.add(Path(page.file.abs_dest_path))
        if not shells.is_shell(page.file.src_uri):
            self._rendered.add(_current_language(config))
        return output

    def on_post_template(self, output_content, template_name, config):
        self._vocabulary.add_html(output_content)
        return output_content

    def on_post_build(self, config):
        prepared = self.prepared
        site_dir = Path(config.site_dir)
        if not self._passes.after_language(prepared, _current_language(config), site_dir):
            return
        name = self._write_stylesheet(prepared, config)
        waiting = self._complete_pages(name)
        try:  # the pages made from shells show no download: written while the downloads are being made
            self._passes.start_writing(prepared, site_dir)
        except shells.ShellBroken as exc:
            raise PluginError(str(exc)) from None
        try:
            pending_texts = site.take_downloads(prepared)  # made while the engine rendered the pages
        except DataError as exc:
            raise PluginError("\n" + exc.format(prepared.project.root)) from None
        if pending_texts:
            for path in waiting:
                pending.put_into_file(path, pending_texts)
        rendered, self._rendered = self._rendered, set()
        try:
            self._passes.finish(prepared, site_dir, name, rendered if self.serving else None)
        except (shells.ShellBroken, search.SearchIndexFailed) as exc:
            raise PluginError(str(exc)) from None
        if self.serving and prepared.downloading is not None:
            _signal_when_downloaded(prepared.downloading, _downloaded_signal(prepared.project))

    def _write_stylesheet(self, prepared: site.Prepared, config) -> str:
        """Write Material's stylesheet reduced to what the pages use; returns its address."""
        # The pages written from shells, whose bodies the engine never saw, read meanwhile (see on_files).
        vocabulary, hashes = self._passes.shell_vocabulary(prepared, self._bodies_seen)
        self._vocabulary.merge(vocabulary)
        self._bodies_seen |= hashes
        ours = "".join((THEME_DIR / css).read_text(encoding="utf-8") for css in config.extra_css
                       if (THEME_DIR / css).is_file())
        material = "".join(p.read_text(encoding="utf-8") for p in _material_stylesheets())
        key = (self._vocabulary.size, material, ours)
        if self._reduced is None or self._reduced[0] != key:  # a preview's rebuild mostly adds nothing
            self._reduced = (key, stylesheet.reduce_kept(material, self._vocabulary, ours, prepared.project.root))
        css = self._reduced[1]
        name = stylesheet.name_of(css)
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
        return name

    def _complete_pages(self, name: str) -> list[Path]:
        """Put the stylesheet's name into the pages the engine wrote (those of a preview's earlier builds too);
        returns those that still wait for texts of the downloads (:mod:`zavazek.site.pending`)."""
        waiting = []
        for path in sorted(self._engine_pages):
            try:
                html = path.read_text(encoding="utf-8")
            except FileNotFoundError:  # a shell, already filled and removed
                continue
            named = stylesheet.put_name(html, name, self._stylesheet)
            if named != html:
                path.write_text(named, encoding="utf-8")
            if pending.PREFIX in named:
                waiting.append(path)
        self._stylesheet = name
        return waiting


def _downloaded_signal(project: Project) -> Path:
    """The file a preview's watcher sees change when new posters, hand-outs and open data are ready."""
    return project.root / ".zavazek" / "downloaded" / "ready"


def _signal_when_downloaded(downloading, signal: Path) -> None:
    """Write ``signal`` once ``downloading`` is done, from a thread, so that the preview builds again and
    takes the new downloads in (:func:`zavazek.site.build.prepare`)."""

    def wait() -> None:
        downloading.ready(None)
        signal.parent.mkdir(parents=True, exist_ok=True)
        signal.write_text(str(time.time_ns()), encoding="utf-8")

    threading.Thread(target=wait, name="zavazek-downloaded", daemon=True).start()


def _current_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or config.theme.get("language") or "cs"


def _material_stylesheets() -> list[Path]:
    from material import templates

    folder = Path(templates.__file__).parent / "assets" / "stylesheets"
    return sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))


def _theme_files_listed_once() -> None:
    """The theme's static files are listed once per process, not once per language and build.

    MkDocs (1.6) lists every file of every theme folder at the start of each
    build to find the theme's static files: Material's folder holds fourteen
    thousand icons, and mkdocs-static-i18n builds once per language, so a
    preview spent a good part of each rebuild walking folders that never
    change. The listing is kept per theme folder; a folder outside the
    installed packages (the provider's ``overrides/``) is keyed by its files'
    names, so a file added there during a preview is found.
    """
    from mkdocs.structure import files as mkdocs_files

    if getattr(mkdocs_files.Files.add_files_from_theme, "listed_once", False):
        return
    listed: dict[tuple, list[str]] = {}
    add_files_from_theme = mkdocs_files.Files.add_files_from_theme

    class _Listing:
        """An environment whose ``list_templates`` answers from ``listed``."""

        def __init__(self, env, key):
            self._env, self._key = env, key

        def list_templates(self, filter_func=None):
            if self._key not in listed:
                listed[self._key] = self._env.list_templates(filter_func=filter_func)
            return listed[self._key]

    def listed_once(self, env, config):
        changing = [d for d in config.theme.dirs if "site-packages" not in Path(d).parts]
        # mkdocs-static-i18n adds its sitemap's folder again at each language's pass: the same listing.
        key = (tuple(dict.fromkeys(config.theme.dirs)), tuple(config.theme.static_templates),
               tuple(sorted(str(p) for d in changing for p in Path(d).rglob("*"))))
        return add_files_from_theme(self, _Listing(env, key), config)

    listed_once.listed_once = True
    mkdocs_files.Files.add_files_from_theme = listed_once


def _language_passes_dirty() -> None:
    """A dirty preview rebuilds the other languages dirty too: only the pages whose source changed.

    mkdocs-static-i18n (1.3) builds its further language passes dirty only when
    it finds ``--dirty`` on the command line, and has no option for it; its
    passes call the ``build`` its module imported, which this replaces, for the
    preview's process, by one that always builds dirty.
    """
    from mkdocs.commands.build import build
    from mkdocs_static_i18n import plugin as i18n

    if getattr(i18n.build, "always_dirty", False):
        return

    def dirty_build(config, **kwargs):
        return build(config, **{**kwargs, "dirty": True})

    dirty_build.always_dirty = True
    i18n.build = dirty_build


__all__ = ["ZavazekPlugin", "ZavazekConfig", "THEME_DIR"]
