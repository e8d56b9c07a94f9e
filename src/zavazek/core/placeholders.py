"""Placeholders: values ``zavazek new`` wrote for staff to replace.

Every such value starts with ``[DOPLNIT]`` (Czech texts) or ``[TO FILL IN]``
(texts in the other languages), e.g. ``email: "[DOPLNIT] info@example.org"``.
The marker makes them easy to find in an editor, and keeps them from being
published as if they were real:

* a text a reader sees keeps its marker; the pages show it as "not yet filled
  in" (:meth:`zavazek.site.pages.formatting.Formatter.text`);
* any other value (an e-mail, a date, a code) is read without its marker, so
  that the new site validates and builds at once;
* every placeholder is a finding of the compliance checklist (criterion
  ``sqss-1a``), so ``zavazek check --strict`` fails and lists each one with
  its file, line and field.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from zavazek.core.model.fields import annotation_at, unwrap
from zavazek.core.model.types import PlaceName, Text

MARKERS = ("[DOPLNIT]", "[TO FILL IN]")
_MARKER = re.compile(r"^\s*\[(?:DOPLNIT|TO FILL IN)\]\s*")


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and bool(_MARKER.match(value))


def strip_marker(value: str) -> str:
    return _MARKER.sub("", value, count=1)


def mark(lang: str, text: str) -> str:
    """``text`` as a placeholder in ``lang``."""
    return f"{MARKERS[0] if lang == 'cs' else MARKERS[1]} {text}"


def find_placeholders(content: bytes | None, value, model: type) -> tuple[list[tuple], object]:
    """(field paths of the placeholders in ``value``, ``value`` with the markers of non-text values removed).

    ``content`` is the file's bytes: a file without a marker is returned as it is, without a walk.
    """
    if content is not None and not any(m.encode() in content for m in MARKERS):
        return [], value
    found: list[tuple] = []

    def walk(node, path: tuple):
        if isinstance(node, dict):
            return {key: walk(item, path + (key,)) for key, item in node.items()}
        if isinstance(node, list):
            return [walk(item, path + (i,)) for i, item in enumerate(node)]
        if is_placeholder(node):
            found.append(path)
            return node if _is_text(model, path) else strip_marker(node)
        return node

    return found, walk(value, ())


def _is_text(model: type, path: tuple) -> bool:
    """Whether the value at ``path`` is text a reader sees as written (a Text's language, a name, a street)."""
    if not path:
        return False
    parent = unwrap(annotation_at(model, path[:-1]))
    if parent in (Text, PlaceName):
        return True
    info = next(
        (f for n, f in getattr(parent, "model_fields", {}).items() if (f.alias or n) == path[-1]), None
    )
    # a plain string (a street, a short name) is shown as written; a checked one has validators in its metadata
    return info is not None and info.annotation in (str, str | None) and not info.metadata


def without_placeholders(value):
    """``value`` (a validated model, or a list or dict of them) as open data may publish it.

    Machine-readable outputs (the directory's JSON, CSV and HSDS, JSON-LD) are
    read by programs that cannot see a "not yet filled in" highlight, so a
    placeholder is left out there: a text loses the languages still marked,
    any other field still marked becomes ``None``. Nothing is validated again.
    """
    if isinstance(value, Text):
        kept = {lang: text for lang, text in value.root.items() if not is_placeholder(text)}
        return value if len(kept) == len(value.root) else value.model_copy(update={"root": kept})
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            clean = None if is_placeholder(item) else without_placeholders(item)
            if clean is not item:
                changed[name] = clean
        if not changed:
            return value
        copy = value.model_copy(update=changed)
        for key in [k for k in copy.__dict__ if k not in type(value).model_fields]:
            del copy.__dict__[key]  # a cached property of the original, such as an index by id
        return copy
    if isinstance(value, (list, tuple)):
        items = [without_placeholders(item) for item in value if not is_placeholder(item)]
        return value if len(items) == len(value) and all(a is b for a, b in zip(items, value)) else type(value)(items)
    if isinstance(value, dict):
        items = {key: without_placeholders(item) for key, item in value.items() if not is_placeholder(item)}
        return value if items.keys() == value.keys() and all(items[k] is value[k] for k in value) else items
    return value
