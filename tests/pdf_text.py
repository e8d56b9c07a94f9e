"""Text of a PDF as a reader sees it, for assertions on printed pages and posters.

Read by Poppler's ``pdftotext`` (installed with the PDF tools, see the
Makefile): a tenth of the time pypdf takes, and next to some scripts pypdf
reads each glyph as a word.
"""

from __future__ import annotations

import subprocess
import unicodedata


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def _collapsed(text: str) -> str:
    """Whitespace collapsed and typographic ligatures unfolded: WeasyPrint and Chromium may set "ffi"
    or "fi" as one glyph, which reads back as one character (U+FB03); NFKC gives the letters back."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(pdf: bytes) -> str:
    """All pages' text with whitespace collapsed and typographic ligatures unfolded."""
    return _collapsed(_text(pdf))


def pdf_pages_text(pdf: bytes) -> list[str]:
    """Each page's text, as :func:`pdf_text` gives the whole document's."""
    pages = _text(pdf).split("\f")
    return [_collapsed(page) for page in (pages[:-1] if pages and not pages[-1].strip() else pages)]
