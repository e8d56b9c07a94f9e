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
