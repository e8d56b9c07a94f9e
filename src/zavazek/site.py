"""Prepare a provider's site for the site engine, and finish it afterwards.

:func:`prepare` loads and validates the data, renders every page in every
language into the staging docs folder, and returns what the engine needs
(navigation, theme context). :func:`finish` runs once after all languages
are built. Neither imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from zavazek import i18n
from zavazek.loader import ProviderData, load_data
from zavazek.model import DATA_FILES
from zavazek.pages import PAGES, page_filename, page_url, render_site_pages, write_staging
from zavazek.project import Project, open_project, today


@dataclass
class Prepared:
    project: Project
    data: ProviderData
    staging_dir: Path
    nav: list
    template_context: dict
    today: dt.date
    fresh: bool = True  # False when served from the cache of an earlier language pass
    signature: tuple = field(default=(), repr=False)


_cache: dict[Path, Prepared] = {}


def _signature(project: Project, day: dt.date) -> tuple:
    files = [project.root / "mkdocs.yml"]
    files += [project.data_dir / name for name, _ in DATA_FILES.values()]
    if project.docs_dir.is_dir():
        files += sorted(p for p in project.docs_dir.rglob("*") if p.is_file())
    return (day,) + tuple((str(f), f.stat().st_mtime_ns if f.exists() else None) for f in files)


def prepare(root: Path, day: dt.date | None = None) -> Prepared:
    """Validate and render; cached per folder until a data, docs or config file changes."""
    project = open_project(root)
    day = day or today()
    signature = _signature(project, day)
    cached = _cache.get(project.root)
    if cached is not None and cached.signature == signature:
        cached.fresh = False
        return cached
    data = load_data(project.data_dir, list(project.languages), day)
    pages = render_site_pages(data, project, day)
    staging = write_staging(pages, project)
    prepared = Prepared(
        project=project,
        data=data,
        staging_dir=staging,
        nav=[page_filename(p.slug, project.default_language, project.default_language) for p in PAGES if p.in_nav],
        template_context=_template_context(project),
        today=day,
        signature=signature,
    )
    _cache[project.root] = prepared
    return prepared


def _template_context(project: Project) -> dict:
    """Per-language links and labels the theme templates need (footer, x-default)."""
    default = project.default_language
    footer = {}
    for lang in project.languages:
        gettext = i18n.gettext_for(lang)
        footer[lang] = [
            {"title": gettext(spec.title), "url": page_url(spec.slug, lang, default)}
            for spec in PAGES
            if not spec.in_nav
        ]
    return {
        "default_language": default,
        "languages": {lang: i18n.language_name(lang) for lang in project.languages},
        "footer": footer,
        "site_url": project.site_url,
    }


def install_gettext(env, lang: str) -> None:
    """Give the theme's Jinja environment our catalog for ``lang``."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)


def finish(root: Path, site_dir: Path) -> None:
    """Work done once after every language is built."""
    prepared = _cache.get(Path(root).resolve())
    if prepared is None:
        return
    _write_not_found_pages(prepared, site_dir)


def _write_not_found_pages(prepared: Prepared, site_dir: Path) -> None:
    """One 404 page per language: the engine renders a single one in the last language built."""
    project = prepared.project
    template = (site_dir / "404.html").read_text(encoding="utf-8") if (site_dir / "404.html").exists() else None
    if template is None:
        return
    # Keep the engine's page (styles, header) and give it the default language.
    default = project.default_language
    gettext = i18n.gettext_for(default)
    (site_dir / "404.html").write_text(
        _localise_404(template, default, gettext, "/"), encoding="utf-8"
    )
    for lang in project.languages[1:]:
        target = site_dir / lang / "404.html"
        gettext = i18n.gettext_for(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_localise_404(template, lang, gettext, f"/{lang}/"), encoding="utf-8")


def _localise_404(page: str, lang: str, gettext, home: str) -> str:
    import re

    body = (
        f'<h1>{html.escape(gettext("Page not found"))}</h1>'
        f'<p>{html.escape(gettext("The page you are looking for does not exist or has moved."))}</p>'
        f'<p><a href="{home}">{html.escape(gettext("Go to the home page"))}</a></p>'
    )
    page = re.sub(r'<html lang="[^"]*"', f'<html lang="{lang}"', page, count=1)
    page = re.sub(r"<article[^>]*>.*?</article>", f'<article class="md-content__inner md-typeset">{body}</article>', page, count=1, flags=re.S)
    return page


def dump_json(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
