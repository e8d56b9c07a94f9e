"""The Jinja environments the site's outputs are rendered with."""

from __future__ import annotations

import jinja2


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
