"""The Jinja environments the site's outputs are rendered with.

Every environment finds its package's ``templates/`` first, then the
templates shared by all outputs (``zavazek/site/templates/``, e.g. the
table of opening hours). A template's context holds data and views, never
code: :func:`check_context` refuses a module, function, lambda or
``functools.partial`` in it.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect

import jinja2


def template_environment(package: str):
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


def _is_code(value) -> bool:
    return inspect.ismodule(value) or inspect.isroutine(value) or isinstance(value, functools.partial)


def check_context(context: dict) -> None:
    """Refuse code in a template's context: a template lays out data, it does not call helpers.

    Views (dataclasses) and the containers in it are looked through; any
    other object (a formatter, :class:`~zavazek.site.links.Links`) is data.
    """
    seen: set[int] = set()

    def check(name: str, value) -> None:
        if _is_code(value):
            raise TypeError(f"a template's context holds code: {name} = {value!r}")
        if id(value) in seen:
            return
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            seen.add(id(value))
            for field in dataclasses.fields(value):
                check(f"{name}.{field.name}", getattr(value, field.name))
        elif isinstance(value, (tuple, list)):
            seen.add(id(value))
            for index, item in enumerate(value):
                check(f"{name}[{index}]", item)
        elif isinstance(value, dict):
            seen.add(id(value))
            for key, item in value.items():
                check(f"{name}[{key!r}]", item)

    for key, value in context.items():
        check(key, value)


class Templates:
    """One environment for a package's templates, with gettext installed once per language.

    ``catalogs`` names the kinds of catalog the templates are rendered with
    (e.g. ``"page"``: with marks for a language without a catalog; ``"print"``:
    plain), each a function of the language. Rendering in another language or
    catalog installs its gettext; rendering again in the same one does not.
    """

    def __init__(self, package: str, catalogs: dict):
        self.environment = template_environment(package)
        self._catalogs = catalogs
        self._installed: tuple[str, str] | None = None

    def template(self, name: str, lang: str, catalog: str) -> jinja2.Template:
        if (catalog, lang) != self._installed:
            self.environment.install_gettext_translations(self._catalogs[catalog](lang), newstyle=True)
            self._installed = (catalog, lang)
        return self.environment.get_template(name)

    def render(self, name: str, lang: str, catalog: str, **context) -> str:
        check_context(context)
        return self.template(name, lang, catalog).render(**context)

    def module(self, name: str, lang: str, catalog: str, **context):
        """The template as a module: its output (``str(module)``) and the variables it sets."""
        check_context(context)
        return self.template(name, lang, catalog).make_module(context)
