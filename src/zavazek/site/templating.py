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
from pathlib import Path

import jinja2
from markupsafe import Markup

from zavazek.core import i18n
from zavazek.site import fallback, kept

#: The catalogs a template is rendered with: on a page, a language without an interface
#: catalog gets English marked as English; on paper, the plain catalog.
PAGE, PRINT = "page", "print"
CATALOGS = {PAGE: fallback.page_translations, PRINT: i18n.translations}


class CompiledCode(jinja2.BytecodeCache):
    """Compiled templates, shared by every environment of the process and kept between builds.

    Compiling is most of what a template costs: without this, each language's
    environment compiled every template again (five languages, two catalogs,
    and the site engine's own theme templates once per language pass), and
    a preview compiled them all again after every saved file. The code of a
    template depends only on its source, its file and the environment's
    syntax settings, which are all in the key and the checksum, so sharing
    it cannot change a page. With a folder (:meth:`keep_in`), the code is
    also written there and read back by the next build.
    """

    def __init__(self):
        self._code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def keep_in(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None

    def get_bucket(self, environment, name, filename, source):
        return super().get_bucket(environment, f"{name}|{_syntax(environment)}", filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        if self.folder is not None:
            kept.write_whole(self.folder / bucket.key, lambda out: out.write(code))


def _syntax(env: jinja2.Environment) -> str:
    """The settings that change what a template compiles to."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    return repr((env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, autoescape, env.optimized, sorted(env.extensions)))


#: The one cache of compiled templates of this process (see :class:`CompiledCode`).
COMPILED = CompiledCode()


class _Environment(jinja2.Environment):
    """Jinja's environment, each template's globals a dict of their own.

    Jinja chains a template's globals to the environment's (a ``ChainMap``),
    and each ``{% from … import … %}`` compares them with the page's, key by
    key through the chain: a national directory's pages import seventy
    thousand times. Our environments get all their globals (gettext) before
    their first template is loaded, so a copy holds the same.
    """

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def template_environment(package: str) -> jinja2.Environment:
    """Jinja environment for ``package``'s ``templates/``: escaping on, gettext, strict.

    ``{#id}`` sets a heading's anchor in Markdown, so Jinja comments use ``{## … ##}``.
    """
    return _Environment(
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
        bytecode_cache=COMPILED,
        auto_reload=False,  # závazek's own templates do not change while it runs: no stat per page
    )


def _direct_gettext(env: jinja2.Environment, translations) -> None:
    """``_()`` and ``gettext()`` as Jinja's new-style ones do them with escaping on (the translation as
    Markup, then ``%`` with the keyword arguments), called directly instead of through two lookups in
    the template's context: the pages of a national directory call them three hundred thousand times,
    mostly for the same few dozen texts without variables, which are translated once."""
    lookup = translations.gettext
    plain: dict[str, Markup] = {}  # {message: its translation}, for a message without variables

    def gettext(message: str, **variables) -> Markup:
        if variables:
            return Markup(lookup(message)) % variables
        translated = plain.get(message)
        if translated is None:
            translated = plain[message] = Markup(lookup(message)) % {}
        return translated

    env.globals.update(_=gettext, gettext=gettext)


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
        self._checked: set[tuple] = set()

    def environment(self, lang: str, catalog: str = PAGE) -> jinja2.Environment:
        env = self._environments.get((lang, catalog))
        if env is None:
            env = template_environment(self._package)
            env.filters.update(self._filters)
            translations = CATALOGS[catalog](lang)
            env.install_gettext_translations(translations, newstyle=True)
            _direct_gettext(env, translations)
            self._environments[(lang, catalog)] = env
        return env

    def template(self, name: str, lang: str, catalog: str = PAGE) -> jinja2.Template:
        return self.environment(lang, catalog).get_template(name)

    def render(self, name: str, lang: str, context: dict, catalog: str = PAGE) -> str:
        """``name`` in ``lang`` from ``context`` (data only, see :func:`check_context`)."""
        self._check(name, context)
        return self.template(name, lang, catalog).render(context)

    def module(self, name: str, lang: str, context: dict, catalog: str = PAGE):
        """The template as a module: its output (``str(module)``) and the variables it sets."""
        self._check(name, context)
        return self.template(name, lang, catalog).make_module(context)

    def _check(self, name: str, context: dict) -> None:
        """:func:`check_context` for the first context of each shape a template gets.

        Walking every view of ten thousand pages took a third of their rendering; the views
        are typed, so a template given the same types again is given the same kind of data.
        """
        shape = (name, tuple((key, type(value)) for key, value in context.items()))
        if shape not in self._checked:
            check_context(context)
            self._checked.add(shape)
