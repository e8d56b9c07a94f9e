"""The directory's templates lay out typed views: each renders from its view, and none gets code in its context."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import pytest

from site_fixtures import ROOT, TODAY
from zavazek.core.loader import load_data
from zavazek.core.model import codes
from zavazek.engine.config import open_project
from zavazek.site import templating
from zavazek.site.escaping import json_attribute
from zavazek.site.directory import handouts, views
from zavazek.site.directory.handouts import Handout
from zavazek.site.directory.pages import DirectoryPages
from zavazek.site.directory.rendering import PAGE, PRINT, directory_templates
from zavazek.site.directory.standing import on_day
from zavazek.site.links import Links
from zavazek.site.sitemap import SiteMap
from zavazek.site.pages.formatting import Formatter

DAY = dt.date.fromisoformat(TODAY)
PROJECT = dataclasses.replace(open_project(ROOT), languages=("cs", "en"))  # two languages are enough here
DATA = load_data(ROOT / "data", list(PROJECT.languages), DAY)
PUBLISHED = on_day(DATA.services, DAY)


@pytest.fixture(scope="module")
def rendered():
    """Every directory page, rendered through the one checked environment, with the contexts it was given."""
    pages = DirectoryPages()
    contexts = []
    checked = templating.check_context

    def recording(context):
        checked(context)
        contexts.append(context)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(templating, "check_context", recording)
        patch.setattr(DirectoryPages, "PARALLEL_FROM", 10**9)  # keep every render in this process
        made = pages.render(PUBLISHED, PROJECT)
    return made, contexts


def test_every_directory_template_renders_from_its_view(rendered):
    pages, contexts = rendered
    by_view = {type(next(iter(c.values()))).__name__ for c in contexts}
    assert {"RegionView", "FilteredView", "CategoryView", "ServiceView", "CardView"} <= by_view
    paths = {p.path for p in pages}
    assert {"sluzby/praha", "sluzby/praha/zdarma", "sluzby/druh/health"} <= paths
    assert {f"sluzby/s/{s.id}" for s in DATA.services.services} <= paths
    assert all(p.title and p.body.startswith("<h1") for p in pages)


def test_a_service_page_is_searchable_unless_the_service_has_ended(rendered):
    pages, _ = rendered
    services = {p.path.rsplit("/", 1)[1]: p for p in pages if p.path.startswith("sluzby/s/") and p.lang == "en"}
    for service in DATA.services.services:
        assert services[service.id].searchable == (service.status(DAY) != "ended")
    assert any(not p.searchable for p in services.values())  # the example has an ended service


def test_every_context_holds_views_and_data_only(rendered):
    _, contexts = rendered
    for context in contexts:
        templating.check_context(context)  # raises on any code
        for value in context.values():
            assert dataclasses.is_dataclass(value) or isinstance(value, Links)


def test_the_hand_out_templates_render_from_their_views():
    templates = directory_templates()
    passages = handouts.Passages(PUBLISHED, PROJECT, templates)
    services = DATA.services.in_region("CZ010", DAY)
    sheet = handouts.sheet(Handout("CZ010", ("cs", "en")), services, passages)
    assert isinstance(sheet.view, views.SheetView) and sheet.view.bilingual
    html = handouts.document([sheet], templates)
    assert html.startswith("<!DOCTYPE html>") and 'lang="en"' in html and 'lang="cs"' in html
    assert html.count('<div class="service"') == 2 * len(services)


def test_gettext_is_installed_once_per_language_and_catalog():
    templates = directory_templates()
    english = templates.environment("en", PAGE)
    for _ in range(3):
        templates.template("_card.j2", "en", PAGE)
    assert templates.environment("en", PAGE) is english
    assert templates.environment("cs", PAGE) is not english
    assert templates.environment("cs", PRINT) is not templates.environment("cs", PAGE)


# --- code in a context is refused ------------------------------------------------------------------


def _card_view() -> views.CardView:
    service = DATA.services.services[0]
    fmt = Formatter("en", "cs")
    return views.CardView(
        service=service, organisation=DATA.services.organisation(service.organisation), href="../s/x/", web=None,
        kinds=(), places=(), phone=None, hours=json_attribute([]), fmt=fmt,
        language_names={code: code for code in codes.LANGUAGES},
    )


def _links() -> Links:
    return Links(SiteMap.of(PROJECT), "sluzby/praha", "en")


def test_a_card_renders_from_its_view_with_links():
    html = directory_templates().render("_card.j2", "en", {"c": _card_view(), "links": _links()}, PAGE)
    assert html.startswith('<li class="zv-card"')


@pytest.mark.parametrize("code", [
    codes,  # a module
    len,  # a built-in function
    lambda service: service.id,  # a lambda
    functools.partial(max, 1),  # a partial
    Formatter("en", "cs").text,  # a bound method
], ids=["module", "function", "lambda", "partial", "method"])
def test_the_render_refuses_code_in_the_context(code):
    templates = directory_templates()
    with pytest.raises(TypeError, match="holds code at helper"):
        templates.render("_card.j2", "en", {"c": _card_view(), "links": _links(), "helper": code}, PAGE)
    with pytest.raises(TypeError, match=r"holds code at c\.fmt"):  # inside a view too
        templates.render("_card.j2", "en", {"c": dataclasses.replace(_card_view(), fmt=code), "links": _links()}, PAGE)


def test_the_refusal_is_the_check_not_the_template():
    """The same context with a lambda renders through the bare environment: only the check refuses it."""
    templates = directory_templates()
    context = {"c": _card_view(), "links": _links(), "helper": lambda: "unused"}
    bare = templates.template("_card.j2", "en", PAGE).render(**context)
    assert bare == templates.render("_card.j2", "en", {"c": context["c"], "links": context["links"]}, PAGE)
    with pytest.raises(TypeError):
        templates.render("_card.j2", "en", context, PAGE)
    with pytest.raises(TypeError):
        templates.module("region.html.j2", "en", context, PAGE)
