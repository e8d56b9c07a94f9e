"""The Jinja environments the site's outputs are rendered with.

A template only lays out: what it shows comes in a view (dataclasses built in
Python) and a :class:`~zavazek.site.links.Links`. :class:`Templates` keeps,
for one kind of output (pages, posters, the directory), one environment per
language and catalog, with that catalog installed once, and refuses a
context that hands a template a module or a function (:func:`check_context`).

Every environment finds its package's ``templates/`` first, then the
templates shared by all outputs (``zavazek/site/templates/``, e.g. the table
of opening hours).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect

import jinja2

from zavazek.core import i18n
from zavazek.site import fallback

#: The catalogs a template is rendered with: on a page, a language without an interface
#: catalog gets English marked as English; on paper, the plain catalog.
PAGE, PRINT = "page", "print"
CATALOGS = {PAGE: fallback.page_translations, PRINT: i18n.translations}


def template_environment(package: str) -> jinja2.Environment:
    """Jinja environment for ``package``'s ``templates/``: escaping on, gettext, strict.

    ``{#id}`` sets a heading's anchor in Markdown, so Jinja comments use ``{## … ##}``.
    """
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PackageLoader(package, "templates"),
                                    jinja2.PackageLoader("zavazek.site", "templates")]),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        comment_start_string="{##",
        comment_end_string="##}",
    )


class CodeInContext(TypeError):
    """A template context holds a module or a function: templates get data only."""


def _is_code(value) -> bool:
    return inspect.ismodule(value) or inspect.isroutine(value) or isinstance(value, functools.partial)


def check_context(context: dict) -> None:
    """Raise :class:`CodeInContext` when ``context`` holds, at any depth of its dicts, lists and
    dataclasses, a module, a function, a method, a lambda or a ``functools.partial``.

    Any other object (a formatter, :class:`~zavazek.site.links.Links`) is data.
    """
    seen: set[int] = set()

    def visit(value, where: str) -> None:
        if _is_code(value):
            raise CodeInContext(f"the template context holds code at {where}: {value!r}")
        if id(value) in seen or isinstance(value, (str, bytes, int, float)):
            return
        seen.add(id(value))
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}[{key!r}]")
        elif isinstance(value, (list, tuple, set, frozenset)):
            for index, item in enumerate(value):
                visit(item, f"{where}[{index}]")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                visit(getattr(value, field.name), f"{where}.{field.name}")

    for name, value in context.items():
        visit(value, name)


class Templates:
    """One kind of output's templates (``package``'s ``templates/``), one environment per language
    and catalog. The build owns one instance per kind of output; each environment gets its
    catalog once, when first used."""

    def __init__(self, package: str, filters: dict | None = None):
        self._package = package
        self._filters = dict(filters or {})
        self._environments: dict[tuple[str, str], jinja2.Environment] = {}

    def environment(self, lang: str, catalog: str = PAGE) -> jinja2.Environment:
        env = self._environments.get((lang, catalog))
        if env is None:
            env = template_environment(self._package)
            env.filters.update(self._filters)
            env.install_gettext_translations(CATALOGS[catalog](lang), newstyle=True)
            self._environments[(lang, catalog)] = env
        return env

    def template(self, name: str, lang: str, catalog: str = PAGE) -> jinja2.Template:
        return self.environment(lang, catalog).get_template(name)

    def render(self, name: str, lang: str, context: dict, catalog: str = PAGE) -> str:
        """``name`` in ``lang`` from ``context`` (data only, see :func:`check_context`)."""
        check_context(context)
        return self.template(name, lang, catalog).render(context)

    def module(self, name: str, lang: str, context: dict, catalog: str = PAGE):
        """The template as a module: its output (``str(module)``) and the variables it sets."""
        check_context(context)
        return self.template(name, lang, catalog).make_module(context)
