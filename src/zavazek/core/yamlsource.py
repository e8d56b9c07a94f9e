"""Read YAML the way staff wrote it.

PyYAML's defaults change what people typed: ``8:30`` becomes the number 510,
``no`` becomes ``False``, ``2022-12-31`` becomes a date object, ``0123``
becomes 83 and a repeated key silently replaces the first one. This loader
composes the YAML node tree and builds plain Python values itself:

* every scalar stays the exact text that was written (the data model decides
  whether a field wants a number, a date or a yes/no, and says so if the text
  does not fit); only an empty value, ``~`` and ``null`` mean "nothing";
* a key written twice in one mapping is an error naming both lines;
* tags, anchors with merge keys and non-text keys are refused;
* characters that cannot be published (control characters other than tab
  and line break, unpaired surrogates: they reach the file through
  copy-and-paste or ``\\x01``/``\\ud800`` escapes) are refused;
* every value's line and column are kept, keyed by its field path, so that
  later errors can point to the place in the file.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from zavazek.core import collector
from zavazek.core.problems import DataError, Message, Problem, format_path

_NULLS = {"", "~", "null", "Null", "NULL"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:null",
}

#: C0 control characters other than tab and line feed, and lone surrogates.
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")


class _Composer(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader without implicit typing: every plain scalar is resolved as text.

    Uses libyaml's parser when PyYAML has it (about five times faster on a
    national directory); a plain scalar's style is then "" instead of None.
    """

    def resolve(self, kind, value, implicit):
        """The default tag of the node's kind: with no implicit resolver and no path resolver, what
        PyYAML's own ``resolve`` returns, without its lookups (it is called for each of a national
        directory's 185,000 nodes)."""
        return _DEFAULT_TAGS[kind]


# Drop every implicit resolver (bool, int, float, timestamp, merge, ...).
_Composer.yaml_implicit_resolvers = {}
assert not _Composer.yaml_path_resolvers  # resolve() above relies on there being none
_DEFAULT_TAGS = {yaml.ScalarNode: _Composer.DEFAULT_SCALAR_TAG, yaml.SequenceNode: _Composer.DEFAULT_SEQUENCE_TAG,
                 yaml.MappingNode: _Composer.DEFAULT_MAPPING_TAG}


@dataclass
class Document:
    """A loaded YAML file: its value and where each field path was written."""

    file: Path
    value: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    #: Whether a node of the file is written once and used again elsewhere (an anchor and its alias).
    aliases: bool = False

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest written ancestor."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (None, None))

    def problem(self, path: tuple, message: Message, hint: Message | None = None, **kw) -> Problem:
        line, column = self.position(path)
        return Problem(self.file, line, column, format_path(path), message, hint, **kw)


def load_document(file: Path) -> Document:
    """Load ``file`` strictly; raise :class:`DataError` naming every problem found."""
    file = Path(file)
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        raise DataError(
            [
                Problem(
                    file, None, None, "",
                    Message("The file does not exist."),
                    Message("Create it, or copy it from the example in the documentation."),
                )
            ]
        ) from None
    return load_bytes(content, file)


def text_of(content: bytes) -> str:
    """A file's bytes as text with its lines ended by ``\n`` (it may have ``\r\n`` or ``\r``); raises
    :class:`UnicodeDecodeError` unless they are UTF-8."""
    return content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def load_bytes(content: bytes, file: Path) -> Document:
    """Load the bytes read from ``file`` (UTF-8, any line endings) strictly."""
    try:
        text = text_of(content)
    except UnicodeDecodeError as exc:
        raise DataError(
            [
                Problem(
                    Path(file), None, None, "",
                    Message("The file is not saved as UTF-8 (byte {position})." , {"position": exc.start}),
                    Message("Save it again with the UTF-8 encoding."),
                )
            ]
        ) from None
    return load_text(text, file)


def load_text(text: str, file: Path) -> Document:
    # A national directory's file is a hundred thousand nodes, none of them garbage; each of the
    # collections their making set off went through every object of the process, and in a preview the
    # process holds the whole site: they were a third of the time spent reading the file.
    with collector.paused():
        return _load_text(text, file)


def _load_text(text: str, file: Path) -> Document:
    doc = Document(Path(file), None)
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataError(
            [
                Problem(
                    doc.file,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                    "",
                    Message("The YAML syntax is broken here: {detail}.", {"detail": exc.problem or exc.context}),
                    _syntax_hint(str(exc.problem or exc.context)),
                )
            ]
        ) from None
    problems: list[Problem] = []
    doc.value = _build(node, (), doc, problems, set()) if node is not None else {}
    doc.positions.setdefault((), (1, 1))
    if problems:
        raise DataError(problems)
    return doc


def load_edited_item(before: Document, old_text: str, new_text: str) -> tuple[Document, tuple] | None:
    """``new_text`` read by reading again only the item of a top-level list that the edit changed.

    ``before`` is ``old_text`` read (both as :func:`text_of` gives them).
    Returns the document of ``new_text``, the same as :func:`load_text`
    would make it, and the field path of the item read again
    (``("services", 12)``); or None when the edit is not within a single
    item of a list under a top-level key, the item does not read alone as
    one list item without problems, or either text uses anchors and
    aliases: the caller then reads the whole text.

    At national scale a saved service is one item among two thousand: read
    alone in a few milliseconds, where the whole file takes a second.
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


def _syntax_hint(detail: str) -> Message:
    if "escape" in detail:
        return Message(
            "Delete the escape sequence (such as \\ud800) from the quoted text: it stands for no character that can be published."
        )
    return Message(
        "Check the indentation (spaces, not tabs), the colon after each key, "
        "and quotes around texts that contain a colon followed by a space or start with a special character."
    )


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _unpublishable(doc: Document, path: tuple, text: str, index: int) -> Problem:
    char = text[index]
    name = unicodedata.name(char, "") or ("surrogate" if "\ud800" <= char <= "\udfff" else "control character")
    return doc.problem(
        path,
        Message(
            "The text contains a character that cannot be published: U+{code} ({name}), after “{before}”.",
            {"code": f"{ord(char):04X}", "name": name, "before": text[max(0, index - 20):index]},
        ),
        Message("Delete it and type the text again; such characters come in with copied text or escapes like \\x01."),
    )


def _build(node, path: tuple, doc: Document, problems: list[Problem], seen: set[int]):
    if id(node) in seen:  # an alias: the node its anchor names, met again
        doc.aliases = True
    seen.add(id(node))
    doc.positions.setdefault(path, _mark(node))
    if node.tag not in _PLAIN_TAGS and not (
        isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str"
    ):
        problems.append(
            doc.problem(
                path,
                Message("The YAML tag {tag} is not allowed here.", {"tag": node.tag}),
                Message("Remove the tag and write the value as plain text."),
            )
        )
        return None
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:
            return None
        bad = _UNPUBLISHABLE.search(node.value)
        if bad:
            problems.append(_unpublishable(doc, path, node.value, bad.start()))
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, problems, seen) for i, item in enumerate(node.value)]
    # MappingNode
    result: dict = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                doc.problem(
                    path,
                    Message("A key must be a simple word, not a list or a group."),
                    Message("Write the key as a word followed by a colon."),
                )
            )
            continue
        key = key_node.value
        if key == "<<" and not key_node.style:
            line, column = _mark(key_node)
            problems.append(
                Problem(
                    doc.file, line, column, format_path(path),
                    Message("Merge keys (<<) are not supported."),
                    Message("Write the fields out in full."),
                )
            )
            continue
        key_path = path + (key,)
        line, column = _mark(key_node)
        if key in result:
            problems.append(
                Problem(
                    doc.file, line, column, format_path(key_path),
                    Message(
                        "The key “{key}” is written twice in this group (first on line {first}).",
                        {"key": key, "first": first_line[key]},
                    ),
                    Message("Keep one of them; YAML would silently drop the first."),
                )
            )
            continue
        first_line[key] = line
        doc.positions[key_path] = (line, column)
        result[key] = _build(value_node, key_path, doc, problems, seen)
    return result
