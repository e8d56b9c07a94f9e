"""Text of a PDF as a reader sees it, for assertions on printed pages and posters."""

from __future__ import annotations

import io
import unicodedata


def pdf_text(pdf: bytes) -> str:
    """All pages' text with whitespace collapsed and typographic ligatures unfolded.

    Chromium and WeasyPrint may set "ffi" or "fi" as one ligature glyph,
    which reads back as a single character (U+FB03); NFKC turns it back
    into the letters a reader sees.
    """
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(page.extract_text() for page in pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages_text(pdf: bytes) -> list[str]:
    """Each page's text, as :func:`pdf_text` gives the whole document's."""
    from pypdf import PdfReader

    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in PdfReader(io.BytesIO(pdf)).pages]
