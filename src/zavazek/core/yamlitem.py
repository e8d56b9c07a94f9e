"""Read an edited YAML file again by reading only the item of a list that the edit changed.

A preview's rebuild after a saved service reads ``services.yaml`` again: at
national scale two thousand services, a second of composing and checking.
:func:`load_edited_item` finds where the saved text differs from the one read
before, which item of a top-level list those lines belong to, and reads that
item's lines alone, as :mod:`zavazek.core.yamlsource` reads a whole file (the
same values, lines and columns, and problems). Whenever the item's lines
might read otherwise in the whole text (an edit that reaches its dash or its
indentation, a flow list, anchors, directives, other line breaks), it gives
up, and the caller reads the whole text.
"""

from __future__ import annotations

import bisect

import yaml

from zavazek.core.problems import Problem
from zavazek.core.yamlsource import Document, _build, _Composer, _mark


def load_edited_item(before: Document, old_text: str, new_text: str) -> tuple[Document, tuple] | None:
    """``new_text`` read by reading again only the item of a top-level list that the edit changed.

    ``before`` is ``old_text`` read (both as :func:`~zavazek.core.yamlsource.text_of`
    gives them). Returns the document of ``new_text``, the same as
    :func:`~zavazek.core.yamlsource.load_text` would make it, and the field
    path of the item read again (``("services", 12)``); or None when the
    edit is not within a single item of a list under a top-level key, might
    change how its neighbours read, or the item does not read alone as one
    list item without problems: the caller then reads the whole text.
    """
    if before.aliases or not isinstance(before.value, dict) or not _plain_lines(old_text, new_text):
        return None
    start, old_end = _changed(old_text, new_text)
    if start is None:
        return None
    first = old_text.count("\n", 0, start) + 1
    last = old_text.count("\n", 0, max(start, old_end - 1)) + 1
    found = _item_around(before, first, last)
    if found is None:
        return None
    path, item_line, next_line = found
    begin = _line_start(old_text, start, item_line)
    old_stop = len(old_text) if next_line is None else _line_start(old_text, old_end, next_line)
    new_stop = old_stop + len(new_text) - len(old_text)
    dash = _dash_column(old_text[begin:old_stop])
    line_end = old_text.find("\n", old_stop)
    following = old_text[old_stop:line_end if line_end >= 0 else None]  # the line after the item
    if (dash is None or start < begin + dash + 2 or not _stays_in_item(new_text[begin:new_stop], dash)
            or next_line is not None and _dash_column(following) != dash and following[:1] in ("", " ", "-", "#")):
        return None  # the edit reaches the item's dash or beyond its indentation, or what follows is not the
        # next item or top-level key: it may change its neighbours
    if before.positions[path][1] != dash + 3 or next_line is not None and not new_text.endswith("\n", 0, new_stop):
        return None  # the item's value starts elsewhere than after its dash, or its last line runs on
    # The item's lines alone, after as many empty lines as came before it: the marks keep their lines.
    lines = "\n" * (item_line - 1) + new_text[begin:new_stop]
    try:
        if any(getattr(event, "anchor", None) for event in yaml.parse(lines, Loader=_Composer)):
            return None  # an anchor's name may be taken elsewhere, or an alias name one from elsewhere
        node = yaml.compose(lines, Loader=_Composer)
    except yaml.YAMLError:
        return None
    if (not isinstance(node, yaml.SequenceNode) or node.flow_style or len(node.value) != 1
            or _mark(node.value[0]) != (item_line, dash + 3)):
        return None
    item = Document(before.file, None)
    problems: list[Problem] = []
    value = _build(node.value[0], path, item, problems, set())
    if problems or item.aliases:
        return None
    shift = new_text.count("\n", begin, new_stop) - old_text.count("\n", begin, old_stop)
    positions = {key: (line + shift, column) if next_line is not None and line >= next_line else (line, column)
                 for key, (line, column) in before.positions.items() if key[:2] != path}
    positions.update(item.positions)
    key, index = path
    items = list(before.value[key])
    items[index] = value
    return Document(before.file, {**before.value, key: items}, positions), path


#: Characters that libyaml counts as line breaks besides ``\n`` (a ``\r`` is gone already: :func:`text_of`).
_OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def _plain_lines(*texts: str) -> bool:
    """Whether the texts' lines are what an edited item's are counted by: no other line break, no directive."""
    return not any(text.startswith("%") or "\n%" in text or any(c in text for c in _OTHER_LINE_BREAKS)
                   for text in texts)


def _dash_column(item: str) -> int | None:
    """The column of the ``- `` an item's first line starts with, or None if it starts otherwise."""
    first = item.split("\n", 1)[0]
    text = first.lstrip(" ")
    return len(first) - len(text) if text.startswith("- ") else None


def _stays_in_item(item: str, dash: int) -> bool:
    """Whether ``item`` is one list item at ``dash`` and nothing more: its first line starts with ``- `` there,
    and every other line that is not blank is indented further (so no line can end the item, belong to the
    item before it, or mark the end of a document)."""
    first, _, rest = item.partition("\n")
    if _dash_column(first) != dash:
        return False
    for line in rest.split("\n"):
        text = line.lstrip(" ")
        if text.strip() and len(line) - len(text) <= dash:
            return False
    return True


def _changed(old: str, new: str) -> tuple[int | None, int]:
    """(where the two texts start to differ, where the differing part of ``old`` ends), (None, 0) if equal."""
    if old == new:
        return None, 0
    shortest = min(len(old), len(new))
    start = _common_length(old, new, shortest, lambda t, a, b: t[a:b])
    tail = _common_length(old, new, shortest - start, lambda t, a, b: t[len(t) - b:len(t) - a])
    return start, len(old) - tail


def _common_length(a: str, b: str, most: int, part) -> int:
    """How many characters ``a`` and ``b`` have in common, from the start (or from the end, by ``part``)."""
    step, done = 1 << 16, 0
    while done < most and part(a, done, min(done + step, most)) == part(b, done, min(done + step, most)):
        done += step
    if done >= most:
        return most
    low, high = done, min(done + step, most)  # the first difference is between low and high
    while low < high:
        middle = (low + high + 1) // 2
        if part(a, done, middle) == part(b, done, middle):
            low = middle
        else:
            high = middle - 1
    return low


def _item_around(doc: Document, first: int, last: int) -> tuple[tuple, int, int | None] | None:
    """(the path of the top-level list's item written on lines ``first`` to ``last``, the line it starts on,
    the line where what follows it starts or None at the end of the file), or None if there is none."""
    tops = sorted(line for key, (line, _) in doc.positions.items() if len(key) == 1)
    for key, items in doc.value.items():
        if not isinstance(items, list) or not items:
            continue
        lines = [doc.positions[(key, i)][0] for i in range(len(items))]
        if not lines[0] <= first:
            continue
        index = bisect.bisect_right(lines, first) - 1
        following = lines[index + 1] if index + 1 < len(lines) else next((t for t in tops if t > lines[index]), None)
        if following is None or last < following:
            return (key, index), lines[index], following
    return None


def _line_start(text: str, near: int, line: int) -> int:
    """Where line ``line`` (counted from 1) starts in ``text``, walking there from the offset ``near``."""
    at = text.count("\n", 0, near) + 1
    offset = text.rfind("\n", 0, near) + 1
    while at > line:
        offset = text.rfind("\n", 0, offset - 1) + 1
        at -= 1
    while at < line:
        offset = text.index("\n", offset) + 1
        at += 1
    return offset
