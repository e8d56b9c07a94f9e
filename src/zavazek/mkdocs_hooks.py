"""MkDocs hooks: the thin adapter between MkDocs and the závazek core.

A provider's ``hooks/zavazek.py`` imports these functions, so that plain
``mkdocs build`` and ``mkdocs serve`` work in the provider's folder. The
work is done by the core (:mod:`zavazek.site`); this module only passes
MkDocs' objects in and out.

mkdocs-static-i18n rebuilds the whole site once per language, so every
event below runs once per language; the core caches what it computes.
"""

from __future__ import annotations

import copy
import logging
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from zavazek import search, shells, site, stylesheet, urls
from zavazek.problems import DataError

__all__ = ["on_config", "on_env", "on_page_markdown", "on_page_content", "on_template_context", "on_post_page",
           "on_post_template", "on_post_build"]

log = logging.getLogger("mkdocs.plugins.zavazek")

THEME_DIR = Path(__file__).parent / "theme"


def _current_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or config.theme.get("language") or "cs"


@event_priority(100)  # before mkdocs-static-i18n reads the files
def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        built = site.prepare(root)
    except DataError as exc:
        raise PluginError("\n" + exc.format(root)) from None
    if built.fresh:
        for warning in built.data.warnings:
            log.warning(warning.format(root))
    config.docs_dir = str(built.staging_dir)
    if not config.nav:
        config.nav = built.nav
    if str(THEME_DIR) not in config.theme.dirs:
        # The provider's own custom_dir (if any) stays first, then ours, then Material.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
    for css in ("assets/zavazek.css",):
        if css not in config.extra_css:
            config.extra_css.append(css)
    config.extra["zavazek"] = {**built.template_context, "stylesheet": _stylesheet_name(root, built)}
    return config


def on_env(env, config, files):
    lang = _current_language(config)
    site.install_gettext(env, lang)
    env.globals["zv_lang"] = lang
    env.filters["zv_url"] = urls.theme_url
    return env


#: Pages the core wrote as finished HTML (front matter ``zavazek_html: true``):
#: Markdown would only re-parse their HTML, which at national scale is most
#: of the build time, so their body skips it.
_HTML_PLACEHOLDER = "ZAVAZEK-PRERENDERED-HTML"
_prerendered: dict[str, str] = {}


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("zavazek_html"):
        _prerendered[page.file.src_uri] = markdown
        return _HTML_PLACEHOLDER
    return markdown


def on_page_content(html, page, config, files):
    body = _prerendered.pop(page.file.src_uri, None)
    if body is None:
        plugin = config.plugins.get("i18n")
        default = getattr(plugin, "default_language", None) or "cs"
        return site.mark_untranslated_page(html, page.file.src_uri, _current_language(config), default)
    return html.replace(f"<p>{_HTML_PLACEHOLDER}</p>", body, 1)


def on_template_context(context, template_name, config):
    """"Page not found" offers each language's home page in its language menu.

    mkdocs-static-i18n leaves the menu of the page built last in the previous
    language pass there (it sets ``config.extra.alternate`` as an attribute
    per page, which its reset of the key does not undo).
    """
    homes = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if template_name == "404.html" and homes:
        config.extra.alternate = copy.deepcopy(homes)
    return context


#: Material's stylesheet, reduced to what the rendered pages use (see :mod:`zavazek.stylesheet`). The
#: vocabulary only grows within a process, so that a preview's partial rebuilds never lose a rule.
_vocabulary = stylesheet.Vocabulary()
_bodies_seen: set[int] = set()
_names: dict[tuple, str] = {}


def _material_stylesheets() -> list[Path]:
    from material import templates

    folder = Path(templates.__file__).parent / "assets" / "stylesheets"
    return sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))


def _stylesheet_name(root: Path, built) -> str:
    """Named after everything that shapes the markup, so that a browser never keeps a copy missing a rule."""
    key = (root, built.signature)
    if key not in _names:
        package = Path(__file__).parent
        inputs = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        inputs += [root / "mkdocs.yml", *built.project.data_dir.glob("*.yaml"), *_material_stylesheets()]
        for folder in (built.project.docs_dir, root / "overrides"):
            inputs += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
        extra = f"mkdocs-material {version('mkdocs-material')}".encode()
        _names.clear()
        _names[key] = stylesheet.stylesheet_name(inputs, extra)
    return _names[key]


def on_post_page(output, page, config):
    _vocabulary.add_html(output)
    return output


def on_post_template(output_content, template_name, config):
    _vocabulary.add_html(output_content)
    return output_content


def _write_stylesheet(prepared, config) -> None:
    for page in prepared.html_pages:  # written from shells: the engine never saw their bodies
        key = hash(page.body)
        if key not in _bodies_seen:
            _bodies_seen.add(key)
            _vocabulary.add_html(page.body)
    ours = "".join((THEME_DIR / css).read_text(encoding="utf-8") for css in config.extra_css
                   if (THEME_DIR / css).is_file())
    material = "".join(p.read_text(encoding="utf-8") for p in _material_stylesheets())
    target = Path(config.site_dir) / config.extra["zavazek"]["stylesheet"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet.reduce(material, _vocabulary, ours), encoding="utf-8")


_passes = site.LanguagePasses()


def on_post_build(config):
    root = Path(config.config_file_path).parent
    prepared = site.prepare(root)
    try:
        finished = _passes.after_language(prepared, _current_language(config), Path(config.site_dir))
    except (shells.ShellBroken, search.SearchIndexFailed) as exc:
        raise PluginError(str(exc)) from None
    if finished:
        _write_stylesheet(prepared, config)
