"""The Jinja environments the site's outputs are rendered with.

A template only lays out: what it shows comes in a view (dataclasses built in
Python) and a :class:`~zavazek.site.links.Links`. :class:`Templates` keeps one
environment per language for one kind of output, with that language's
catalog installed once, and refuses a context that hands a template a module
or a function (:func:`check_context`).
"""

from __future__ import annotations

import dataclasses
import types

import jinja2

from zavazek.site import fallback

#: What a template must not be handed: code instead of data.
_CODE = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
         types.BuiltinMethodType, types.LambdaType)


def template_environment(package: str):
    """Jinja environment for ``package``'s ``templates/``: escaping on, gettext, strict.

    ``{#id}`` sets a heading's anchor in Markdown, so Jinja comments use ``{## … ##}``.
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
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


def check_context(context: dict) -> None:
    """Raise :class:`CodeInContext` when ``context`` holds, at any depth of its dicts, lists and
    dataclasses, a module, a function, a method or a lambda."""
    seen: set[int] = set()

    def visit(value, where: str) -> None:
        if isinstance(value, _CODE):
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
    """One kind of output's templates (``package``'s ``templates/``), one environment per language.

    The build owns one instance per kind of output; each language's
    environment gets its interface catalog once, when first used.
    """

    def __init__(self, package: str, filters: dict | None = None):
        self._package = package
        self._filters = dict(filters or {})
        self._environments: dict[str, jinja2.Environment] = {}

    def environment(self, lang: str) -> jinja2.Environment:
        env = self._environments.get(lang)
        if env is None:
            env = template_environment(self._package)
            env.filters.update(self._filters)
            env.install_gettext_translations(fallback.page_translations(lang), newstyle=True)
            self._environments[lang] = env
        return env

    def render(self, template: str, lang: str, context: dict) -> str:
        """``template`` in ``lang`` from ``context`` (data only, see :func:`check_context`)."""
        check_context(context)
        return self.environment(lang).get_template(template).render(context)
