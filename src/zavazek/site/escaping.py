"""Texts from the data stay text in every output.

Staff type names and descriptions; whatever they type must come out as the
same text, never as markup in a page or as a formula in a spreadsheet.

* :func:`json_for_html` writes JSON that is safe inside a ``<script>``
  element: ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and
  ``\\u0026`` (as Django's ``json_script`` does), so neither ``</script>``
  nor ``<!--`` can end or swallow the script. Every JSON that goes into a
  page goes through it; :func:`json_attribute` puts it in an attribute.
* :class:`SpreadsheetWriter` writes CSV for spreadsheets: a cell that a
  spreadsheet would run as a formula (it begins with ``=``, ``@``, a tab or a
  carriage return, or with ``+`` or ``-`` and is not a plain number or phone
  number) gets a leading ``'``, as OWASP recommends against CSV injection.
  ``+420 224 123 456`` and ``-5`` stay as written.
"""

from __future__ import annotations

import csv
import json
import re

from markupsafe import Markup

_JSON_IN_HTML = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",  # line and paragraph separators end a line in old JavaScript parsers
    0x2029: "\\u2029",
}


_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def json_for_html(value, *, indent: int | None = None) -> str:
    """``value`` as JSON text that cannot end or comment out the element it is written into."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(value, ensure_ascii=False, separators=separators, indent=indent)
    if _JSON_UNSAFE.search(text) is None:  # most of them: no need to go through each character
        return text
    return text.translate(_JSON_IN_HTML)


def json_attribute(value) -> Markup:
    """``value`` as a whole attribute value, quotes included: ``data-hours={{ view.hours }}``.

    The JSON is written between single quotes, with its own ``'`` as
    ``\\u0027``: it then holds no quote that ends the attribute and no ``&``
    that starts a character reference, so its ``"`` need no escaping. In
    double quotes each ``"`` would be written ``&#34;``; the directory's
    lists carry hours for every card, and that was a third of their bytes.
    """
    return Markup("'" + json_for_html(value).replace("'", "\\u0027") + "'")


_FORMULA_START = ("=", "@", "\t", "\r", "+", "-")
_NUMBER_OR_PHONE = re.compile(r"[+-][0-9 ().\/-]*\Z")


def spreadsheet_cell(value):
    """A CSV cell that a spreadsheet shows as the text written, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER_OR_PHONE.match(value):
        return "'" + value
    return value


class SpreadsheetWriter:
    """``csv.writer`` for files people open in Excel or LibreOffice (CRLF, formulas neutralised)."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, lineterminator="\r\n")

    def writerow(self, row) -> None:
        self._writer.writerow([spreadsheet_cell(cell) for cell in row])
