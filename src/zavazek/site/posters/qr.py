"""A poster's QR code: the address it opens in the poster's HTML, its drawing only when the poster is laid out.

The HTML a poster's PDF is made from names that PDF in the cache
(:class:`zavazek.site.pdf.Cache`). Drawing a QR code takes about 10 ms and
depends on nothing but its address and segno's version (one of
``pdf.RENDERING_PACKAGES``), so the HTML holds a placeholder with the address
(:func:`placeholder`), and the drawing replaces it just before the poster
is laid out (:func:`drawn`): a build that finds every poster in the cache
draws none.
"""

from __future__ import annotations

import functools
import html
import re

from markupsafe import Markup, escape

#: The placeholder of a QR code in a poster's HTML; its ``href`` is the address, escaped as an attribute.
_PLACEHOLDER = re.compile(r'<zavazek-qr href="([^"]*)"></zavazek-qr>')


def placeholder(link: str) -> Markup:
    """Where the QR code that opens ``link`` goes (see :func:`drawn`)."""
    return Markup('<zavazek-qr href="{}"></zavazek-qr>').format(escape(link))


def drawn(page: str) -> str:
    """``page`` with each QR code's placeholder replaced by its drawing (inline SVG).

    Raises ValueError for a placeholder left undrawn (written otherwise than :func:`placeholder` writes
    it): a poster must never be printed without its code.
    """
    page = _PLACEHOLDER.sub(lambda found: str(svg(html.unescape(found.group(1)))), page)
    if "<zavazek-qr" in page:
        raise ValueError("a QR code's placeholder in a poster's HTML was not drawn: "
                         "write it with zavazek.site.posters.qr.placeholder")
    return page


@functools.lru_cache(maxsize=256)
def svg(link: str) -> Markup:
    """The QR code that opens ``link``, as inline SVG: drawn once per address (the A4 and A3 posters of a
    language, and a bilingual one, open the same page)."""
    import segno  # only where posters are laid out (a child process of a build), not at the build's start

    return Markup(segno.make(link, error="m").svg_inline(scale=5, border=0, title=link))
