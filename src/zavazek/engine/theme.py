"""What the plugin adds to the theme's rendering: our interface catalog, and the note on a
hand-written page shown in another language."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from zavazek.core.model import codes
from zavazek.site import fallback


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
