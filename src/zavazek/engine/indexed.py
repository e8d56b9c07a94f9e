"""What of a page the search index holds: the part Pagefind reads, and what it leaves out of it.

Only a page's content is indexed (not the navigation, header or footer):
the theme's ``main.html`` marks it with :data:`INDEXED_MARK`, except on
pages whose front matter says ``search: {exclude: true}`` (the directory's
filter lists). Within it, Pagefind leaves out scripts, styles, elements
marked ``data-pagefind-ignore="all"`` and those of :data:`EXCLUDE_SELECTORS`;
:func:`without_left_out` takes them out before a page is sent, so that
Pagefind is sent less and makes the same index.
"""

from __future__ import annotations

import functools
import re

from zavazek.site.output import VOID_ELEMENTS

#: The attribute on the part of a page that is indexed (the theme's main.html).
INDEXED_MARK = "data-pagefind-body"

#: Not indexed: "not yet translated" notes, the search page itself, the example-data
#: notice and map-app links (they would fill every directory snippet), and what is
#: printed only (the date of the data and the page's address on paper).
EXCLUDE_SELECTORS = [".zv-untranslated", ".zv-outdated-note", ".zv-search", ".zv-example", ".zv-maplinks",
                     ".zv-print"]

#: The classes of :data:`EXCLUDE_SELECTORS`.
_CLASSES = tuple(selector.lstrip(".") for selector in EXCLUDE_SELECTORS)
_START_TAG = re.compile(r"<(\w+)\b[^>]*>")


def without_left_out(html: str) -> str:
    """``html`` without the elements Pagefind would leave out of the index anyway: scripts, styles, and
    the elements marked ``data-pagefind-ignore="all"`` or with a class of :data:`EXCLUDE_SELECTORS`.

    What a directory page sends to Pagefind: a service page is a third of its
    bytes without its share block, its schema.org script and its printed-only
    lines, and the index made from it is byte for byte the same
    (``tests/test_search_index.py``). Works on závazek's own HTML, whose
    elements are all closed and whose attribute values hold no ``<``; where an
    element is not closed, the rest is sent as it was. The marks are looked
    for with ``str.find``: a regular expression for all of them took as long
    as Pagefind saved.
    """
    out, at = [], 0
    for mark in _left_out_marks(html):
        opened = mark if html.startswith("<", mark) else html.rfind("<", 0, mark)
        if opened < at:
            continue  # inside an element already left out
        start = _START_TAG.match(html, opened)
        if start is None or start.end() <= mark:
            continue
        name = start.group(1).lower()
        end = start.end() if name in VOID_ELEMENTS else _element_end(html, name, start.end())
        if end is None:
            break
        out.append(html[at:opened])
        at = end
    out.append(html[at:])
    return "".join(out)


def _left_out_marks(html: str) -> list[int]:
    """Where each mark of an element left out is, in order: ``<script``, ``<style``, the attribute, the class."""
    marks = []

    def each(text: str):
        at = html.find(text)
        while at >= 0:
            yield at
            at = html.find(text, at + 1)

    for tag in ("<script", "<style"):
        marks += [at for at in each(tag) if html[at + len(tag):at + len(tag) + 1] in (" ", ">")]
    marks += [at + 1 for at in each(' data-pagefind-ignore="all"')]
    for name in _CLASSES:
        marks += [at for at in each(name) if _is_class(html, at, len(name))]
    return sorted(marks)


def _is_class(html: str, at: int, length: int) -> bool:
    """Whether the ``length`` characters at ``at`` are a whole class name in a ``class`` attribute."""
    if html[at - 1:at] not in (" ", '"') or html[at + length:at + length + 1] not in (" ", '"'):
        return False
    attribute = html.rfind(' class="', 0, at)
    return attribute >= 0 and html.find('"', attribute + 8) >= at + length and html.rfind(">", attribute, at) < 0


def _element_end(html: str, name: str, after: int) -> int | None:
    """Where the element ``name`` whose start tag ends at ``after`` ends (after its end tag); None if it does not."""
    if name in ("script", "style"):
        end = html.find(f"</{name}>", after)
        return None if end < 0 else end + len(name) + 3
    depth = 1
    for tag in _same_name_tags(name).finditer(html, after):
        if tag.group(2):
            continue  # <x/>
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None


@functools.lru_cache(maxsize=None)
def _same_name_tags(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}\b[^>]*?(/?)>", re.I)
