"""What the plugin adds to the theme's rendering: our interface catalog, the filter that joins a
site path to the engine's base, and the note on a hand-written page shown in another language."""

from __future__ import annotations

from pathlib import Path

from jinja2 import pass_context
from markupsafe import escape

from zavazek.core.model import codes
from zavazek.site import fallback, sitemap


def install_gettext(env, lang: str) -> None:
    """Give the theme's Jinja environment our catalog for ``lang``."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(fallback.page_translations(lang), newstyle=True)


def mark_untranslated_page(html: str, source: str, lang: str, default: str) -> str:
    """A hand-written page with no version in ``lang``: the engine shows the default language's
    file (``o-webu.md`` for ``uk/o-webu/``), so it is marked as that language, not yet translated."""
    stem = Path(source).stem
    if lang == default or ("." in stem and stem.rsplit(".", 1)[1] in codes.LANGUAGES):
        return html
    note = fallback.page_translations(lang).gettext("not yet translated")
    return (f'<p class="zv-untranslated">({escape(note)})</p>\n'
            f'<div lang="{default}" class="zv-fallback">\n{html}\n</div>')


@pass_context
def theme_url(context, path: str) -> str:
    """Template filter ``zv_url``: ``{{ "ru/hledat/" | zv_url }}`` links there from any page.

    The engine's ``base_url`` is relative (``.``, ``../..``) on ordinary pages but absolute
    (``/``, or ``/sub/``) on the "page not found" pages, which a server shows at any depth: a
    template that glued ``base ~ "/" ~ path`` itself wrote ``//ru/hledat/`` there, which a
    browser reads as a server named ``ru``.
    """
    return sitemap.join(context["base_url"], path)
