"""The English interface of a site language that has no catalog, marked as English.

A provider may publish in a language závazek has no interface catalog for
(``ar`` in ``mkdocs.yml``). Its pages then show the interface in English,
and a screen reader must read that English as English, not in the page's
language. So the gettext of such a language (:class:`MarkedEnglish`) returns
each English string between two private-use characters, and :func:`mark_html`,
run on the finished HTML, turns each such string into an element with
``lang="en"`` (or puts ``lang="en"`` on the element it fills). An element
whose spoken attribute (``aria-label``, ``placeholder``, ``alt``, ``title``)
is English gets ``lang="en"`` itself: in the theme these are a search box, a
button and a list of links, all interface. Where markup cannot carry a
language (other attributes, the ``<title>``), the marks are only removed.
"""

from __future__ import annotations

import gettext
import re

from zavazek.core import i18n
from zavazek.site.output import VOID_ELEMENTS

OPEN, CLOSE = "\ue000", "\ue001"

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<!--.*?-->|<![^>]*>", re.S)
_RAW_TEXT = {"title", "script", "style", "textarea"}
_NO_CHILDREN = {"option"}  # elements whose text cannot hold a <span>: the language goes on them


class MarkedEnglish(gettext.NullTranslations):
    """English msgids as they are, each between :data:`OPEN` and :data:`CLOSE`."""

    def gettext(self, message):
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular, plural, n):
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"

    def pgettext(self, context, message):
        return self.gettext(message)

    def npgettext(self, context, singular, plural, n):
        return self.ngettext(singular, plural, n)


def page_translations(lang: str) -> gettext.NullTranslations:
    """The gettext for the HTML of ``lang``'s pages: its catalog, or marked English without one."""
    if i18n.interface_language(lang) == lang:
        return i18n.translations(lang)
    return MarkedEnglish()


def unmark(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def _outermost(text: str) -> str:
    """Drop marks nested in a marked string (an interface string inside another) and unpaired ones."""
    out, depth, opened_at = [], 0, None
    for ch in text:
        if ch == OPEN:
            depth += 1
            if depth == 1:
                opened_at = len(out)
                out.append(ch)
            continue
        if ch == CLOSE:
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                out.append(ch)
                opened_at = None
            continue
        out.append(ch)
    if opened_at is not None:  # never closed
        del out[opened_at]
    return "".join(out)


def mark_html(html: str) -> str:
    """Turn the marked English strings of a page into ``lang="en"`` elements (see the module)."""
    if OPEN not in html and CLOSE not in html:
        return html
    # Marks inside tags (attribute values) and raw-text elements cannot carry a language.
    pieces, pos, raw = [], 0, None
    for match in _TAG.finditer(html):
        text = html[pos:match.start()]
        pieces.append(unmark(text) if raw else text)
        pieces.append(_mark_tag(match.group(0)))
        closing, name = match.group(1), (match.group(2) or "").lower()
        if raw and closing and name == raw:
            raw = None
        elif not raw and not closing and name in _RAW_TEXT:
            raw = name
        pos = match.end()
    pieces.append(unmark(html[pos:]) if raw else html[pos:])
    html = _outermost("".join(pieces))

    out, pos = [], 0
    for start in [m.start() for m in re.finditer(OPEN, html)]:
        if start < pos:
            continue
        end = html.index(CLOSE, start)
        inner = html[start + 1:end]
        before = html[pos:start]  # what lies between the previous string and this one
        opener = _open_parent(before) if _balanced(inner) else None
        tag = before[opener[0]:] if opener else ""
        tag_end = tag.find(">")
        own_lang = re.search(r'\slang="([^"]*)"', tag[:tag_end])
        if not _balanced(inner):
            out += [before, inner]
        elif opener is not None and (opener[1] in _NO_CHILDREN or html.startswith(f"</{opener[1]}", end + 1)) \
                and (own_lang is None or own_lang.group(1) == "en"):
            # the string fills its element (or sits in an <option>): mark the element itself
            cut = tag_end - 1 if tag[tag_end - 1] == "/" else tag_end
            if own_lang is None:
                tag = tag[:cut] + ' lang="en"' + tag[cut:]
            out += [before[:opener[0]], tag, inner]
        else:
            out += [before, f'<span lang="en">{inner}</span>']
        pos = end + 1
    out.append(html[pos:])
    return unmark("".join(out))


_SPOKEN = re.compile(r'\s(?:aria-label|placeholder|alt|title)="[^"]*\ue000')


def _mark_tag(tag: str) -> str:
    """A tag without marks; ``lang="en"`` on it when a spoken attribute was English."""
    if OPEN not in tag:
        return unmark(tag)
    spoken = _SPOKEN.search(tag) and not re.search(r"\slang=", tag)
    tag = unmark(tag)
    if spoken:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        tag = tag[:end] + ' lang="en"' + tag[end:]
    return tag


def _balanced(fragment: str) -> bool:
    stack = []
    for match in _TAG.finditer(fragment):
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name or name in VOID_ELEMENTS or match.group(0).endswith("/>"):
            continue
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


def _open_parent(before: str) -> tuple[int, str] | None:
    """The start and name of the tag ``before`` ends with, if it ends with an opening tag
    (or is inside an ``<option>``)."""
    last = None
    for match in _TAG.finditer(before):
        last = match
    if last is None:
        return None
    closing, name = last.group(1), (last.group(2) or "").lower()
    if closing or not name or name in VOID_ELEMENTS:
        return None
    if last.end() == len(before) or name in _NO_CHILDREN:
        return last.start(), name
    return None
