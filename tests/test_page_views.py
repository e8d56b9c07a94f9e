"""Every generated page and poster is laid out from its typed view; templates get data, never code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os.path

import pytest

from site_fixtures import ROOT
from zavazek.core import checks
from zavazek.core.loader import load_data
from zavazek.engine.config import open_project
from zavazek.site.directory.pages import home_context
from zavazek.site.directory.standing import on_day
from zavazek.site import sitemap
from zavazek.site.pages import PAGES, pages_for
from zavazek.site.pages.render import Made, page_templates, render_page, render_site_pages
from zavazek.site.posters import Listed, Poster, poster_html, poster_templates, poster_view, posters_for
from zavazek.site.templating import CodeInContext, Templates, check_context

DAY = dt.date(2026, 11, 23)
EXAMPLES = {"cpic": ROOT, "opu": ROOT / "examples" / "opu", "icp": ROOT / "examples" / "icp"}


@functools.cache
def example(name: str):
    """The example's project, data, and what its pages show from other outputs (posters listed, not made)."""
    project = open_project(EXAMPLES[name])
    data = load_data(project.data_dir, list(project.languages), DAY)
    listed = tuple(Listed(p, 2048, p.filename, p.filename) for p in posters_for(data, project, DAY))
    published = on_day(data.services, DAY) if data.services else None
    directory = {lang: home_context(published, project, lang) for lang in project.languages} if published else {}
    return project, data, Made(listed, checks.run_checklists(data, project, DAY), directory)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_page_renders_from_its_view_in_every_language(name):
    project, data, made = example(name)
    pages = render_site_pages(data, project, DAY, page_templates(), made)
    specs = pages_for(data)
    for lang in project.languages:
        for spec in specs:
            page = pages[sitemap.SiteMap(project.languages).filename(spec.slug, lang)]
            assert page.startswith("---\n") and "# " in page
    if data.several_services:  # each registered service has its own commitment, goals and checklist
        for view in data.per_service():
            for key in sitemap.PER_SERVICE:
                assert sitemap.page(key, view.service_id) + ".md" in pages


def test_every_page_template_is_a_page_of_the_site_map():
    assert {spec.key for spec in PAGES} == set(sitemap.PAGE_SLUGS)
    assert [spec.slug for spec in PAGES] == [sitemap.PAGE_SLUGS[spec.key] for spec in PAGES]


def test_home_page_links_each_service_by_the_site_maps_address():
    project, data, made = example("opu")
    home = next(spec for spec in PAGES if spec.key == sitemap.HOME)
    text = render_page(home, data, project, project.default_language, DAY, page_templates(), made)
    for view in data.per_service():
        assert f'href="{sitemap.page(sitemap.COMMITMENT, view.service_id)}/"' in text


@pytest.mark.parametrize("poster", [
    Poster("commitment", ("cs",), "A4"),
    Poster("commitment", ("cs", "ru"), "A3"),
    Poster("goals", ("cs", "vi"), "A4", "brno"),
], ids=lambda p: p.filename)
def test_every_poster_renders_from_its_view(poster):
    project, data, _ = example("cpic")
    view = poster_view(poster, data, project, DAY)
    check_context({field.name: getattr(view, field.name) for field in dataclasses.fields(view)})
    html = poster_html(poster, data, project, DAY, poster_templates())
    assert html.startswith("<!doctype html>") and view.short_link in html
    assert view.short_link == "cpic.example.org/" + sitemap.SiteMap(project.languages).url(
        sitemap.page(sitemap.GOALS if poster.kind == "goals" else sitemap.COMMITMENT), poster.languages[-1])


def _a_function():
    return "code"


@dataclasses.dataclass(frozen=True)
class _View:
    value: object


@pytest.mark.parametrize("code", [os.path, _a_function, lambda: "code", "".join, Templates("zavazek.site.pages").render],
                         ids=["module", "function", "lambda", "builtin", "method"])
@pytest.mark.parametrize("where", ["top", "nested"])
def test_a_context_holding_a_module_or_a_function_is_refused(code, where):
    context = {"view": code} if where == "top" else {"view": _View({"items": [1, code]})}
    with pytest.raises(CodeInContext):
        check_context(context)
    with pytest.raises(CodeInContext):
        page_templates().render("search.md.j2", "cs", context)


def test_the_render_refuses_code_even_when_the_template_would_not_use_it():
    project, data, made = example("icp")
    spec = next(spec for spec in PAGES if spec.key == sitemap.SEARCH)
    templates = page_templates()
    assert render_page(spec, data, project, "cs", DAY, templates, made)  # data only: renders
    with pytest.raises(CodeInContext):
        templates.render(spec.template, "cs", {"title": "x", "url": lambda slug: slug})


def test_each_language_gets_its_own_environment_once():
    templates = page_templates()
    assert templates.environment("cs") is templates.environment("cs")
    assert templates.environment("cs") is not templates.environment("en")


def test_a_data_text_in_backticks_shows_as_typed_and_html_beside_it_stays_text():
    from zavazek.core.model.types import Text
    from zavazek.site.pages.formatting import Formatter

    shown = str(Formatter("cs", "cs").rich(Text({"cs": "Napište `<b>` nebo `a &amp; b`, ne <b>tučně</b>."})))
    assert "<code>&lt;b&gt;</code>" in shown  # a reader sees <b>
    assert "<code>a &amp;amp; b</code>" in shown  # and a &amp; b, as typed
    assert "&lt;b&gt;tučně&lt;/b&gt;" in shown and "<b>" not in shown
