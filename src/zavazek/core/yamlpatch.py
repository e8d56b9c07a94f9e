"""Set values in a YAML file and add items to its lists, changing nothing else in it.

The companion of :mod:`zavazek.core.yamledit` (which writes texts per
language) for values that are not texts: a code, a date, a list of forms, a
mapping of registered facts, a new entry of a list. The edits are data
(:class:`Set`, :class:`Append`) made together by :func:`apply`:

- a value that is there is replaced at its exact source span, in the style it
  was written (``[a, b]`` stays a flow list, a block mapping stays a block);
- a missing key is inserted after a given key (else after the mapping's last
  one), on a new line with the mapping's indentation, or as ``, key: value``
  inside a flow mapping;
- items are appended after a list's last item with the list's own
  indentation (apart by a blank line when its last two items are).

Comments, the order of keys, quoting and blank lines elsewhere stay byte for
byte, and so do Windows line ends. New values are written by PyYAML's
emitter, in the files' own style: block mappings and lists, a collection of
scalars on one line (``{kind: x, registry_id: "1234567"}``, ``[CZ010]``), a string that YAML would read as something else
(``no``, ``2026-01-01``, ``*x``) in quotes, digits (an IČO, a postcode) in
double quotes as staff write them. Edits are applied from the end of the file
backwards, so the spans of the others stay right; two edits of one span are
refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["Append", "Set", "apply"]

#: A replaced flow value that would be longer than this is written in block style instead.
_FLOW_LIMIT = 100


@dataclass(frozen=True)
class Set:
    """Give ``key`` of the mapping at ``path`` the value ``value`` (insert it after ``after`` when missing)."""

    path: tuple
    key: str
    value: Any
    after: tuple[str, ...] = ()  # keys to insert after, the first one present wins; else after the last key


@dataclass(frozen=True)
class Append:
    """Add ``value`` as the last item of the list at ``path``."""

    path: tuple
    value: Any


# --- writing values ---------------------------------------------------------------------------------

#: Texts of digits and separators (an IČO, a postcode, a time, a date): written in double quotes.
_NUMERIC = re.compile(r"[0-9 .:/+-]+")


def _text(dumper, value: str):
    style = '"' if _NUMERIC.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, a collection of scalars on one line, no anchors."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def represent_mapping(self, tag, mapping, flow_style=None):
        node = super().represent_mapping(tag, mapping, flow_style)
        if self.default_flow_style is None:
            node.flow_style = all(isinstance(v, yaml.ScalarNode) for _, v in node.value)
        return node

    def represent_sequence(self, tag, sequence, flow_style=None):
        node = super().represent_sequence(tag, sequence, flow_style)
        if self.default_flow_style is None:
            node.flow_style = all(isinstance(v, yaml.ScalarNode) for v in node.value)
        return node

    def ignore_aliases(self, data):
        return True


_Dumper.add_representer(str, _text)
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)


def _dump(value, flow_style) -> str:
    return yaml.dump(value, Dumper=_Dumper, default_flow_style=flow_style, allow_unicode=True, width=1 << 30,
                     sort_keys=False)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list, tuple))


def _flow(value) -> str:
    """``value`` on one line of flow YAML (``{a: 1, b: [x, y]}``, ``"1234567"``)."""
    return _dump([value], True).strip()[1:-1]


def _leaf(value) -> bool:
    """A collection of scalars only, written on one line (``{kind: x, registry_id: "1"}``, ``[CZ010]``)."""
    items = value.values() if isinstance(value, dict) else value
    return not _is_scalar(value) and all(_is_scalar(v) for v in items)


def _block(value, indent: int) -> list[str]:
    """A mapping or list in block style at column ``indent``, as lines (without line breaks)."""
    return [" " * indent + line if line else line for line in _dump(value, None).splitlines()]


def _entry(key, value, indent: int) -> list[str]:
    """``key: value`` at column ``indent``: on one line when small, else the value in block style below."""
    if _is_scalar(value) or not value or _leaf(value):
        return [f"{' ' * indent}{key}: {_flow(value)}"]
    return [f"{' ' * indent}{key}:", *_block(value, indent + 2)]


def _item(value, dash: int) -> list[str]:
    """``value`` as a block list item with its dash at column ``dash``."""
    if _is_scalar(value) or _leaf(value) or not value:
        return [" " * dash + "- " + _flow(value)]
    lines = _block(value, dash + 2)
    return [" " * dash + "- " + lines[0][dash + 2:], *lines[1:]]


# --- spans ------------------------------------------------------------------------------------------


def _node_at(root, path: tuple):
    """The node at ``path`` (keys and list indexes), or None when it is not there."""
    node = root
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, yaml.SequenceNode) or not -len(node.value) <= part < len(node.value):
                return None
            node = node.value[part]
        else:
            if not isinstance(node, yaml.MappingNode):
                return None
            node = next((value for key, value in node.value if key.value == part), None)
            if node is None:
                return None
    return node


def _end(text: str, node) -> int:
    """Where a node's own text ends: the last leaf of a block collection, a block scalar without its line breaks."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _end(text, last[1] if isinstance(last, tuple) else last)
    end = node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        end = node.start_mark.index + len(text[node.start_mark.index:end].rstrip("\n"))
    return end


def _line_after(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline == -1 else newline + 1


def _lines_at(text: str, at: int, lines: list[str]) -> str:
    """``lines`` as text to insert at the start of a line ``at``."""
    prefix = "\n" if at == len(text) and text and not text.endswith("\n") else ""
    return prefix + "\n".join(lines) + "\n"


def _replacement(text: str, key, old, new) -> tuple[int, int, str]:
    """(start, end, text) that writes ``new`` in place of ``old`` (the value of ``key``)."""
    end = _end(text, old)
    one_line = _flow(new)
    small = _is_scalar(new) or not new or _leaf(new) or len(one_line) <= _FLOW_LIMIT
    if isinstance(old, yaml.ScalarNode) or old.flow_style:
        if small:
            return old.start_mark.index, end, one_line
        indent = key.start_mark.column + 2
    else:  # a block collection stays one, at its own indentation
        if _is_scalar(new) or not new:
            return old.start_mark.index, end, one_line
        indent = old.start_mark.column
    colon = text.index(":", key.end_mark.index) + 1
    if isinstance(new, dict):
        lines = [line for k, v in new.items() for line in _entry(k, v, indent)]
    else:
        lines = [line for v in new for line in _item(v, indent)]
    return colon, end, "\n" + "\n".join(lines)


def _set(text: str, root, edit: Set) -> tuple[int, int, str]:
    if root is None and not edit.path:  # an empty file: a new document
        return len(text), len(text), _lines_at(text, len(text), _entry(edit.key, edit.value, 0))
    mapping = _node_at(root, edit.path)
    if not isinstance(mapping, yaml.MappingNode):
        raise KeyError(edit.path)
    pair = next(((k, v) for k, v in mapping.value if k.value == edit.key), None)
    if pair is not None:
        return _replacement(text, *pair, edit.value)
    if mapping.flow_style:
        if not mapping.value:
            at = mapping.end_mark.index - 1  # the "}"
            return at, at, f"{edit.key}: {_flow(edit.value)}"
        anchor = next((p for name in edit.after for p in mapping.value if p[0].value == name), mapping.value[-1])
        at = anchor[1].end_mark.index
        return at, at, f", {edit.key}: {_flow(edit.value)}"
    anchor = next((p for name in edit.after for p in mapping.value if p[0].value == name), mapping.value[-1])
    indent = mapping.value[0][0].start_mark.column
    at = _line_after(text, _end(text, anchor[1]))
    return at, at, _lines_at(text, at, _entry(edit.key, edit.value, indent))


def _append(text: str, root, path: tuple, values: list) -> tuple[int, int, str]:
    seq = _node_at(root, path)
    if not isinstance(seq, yaml.SequenceNode):
        raise KeyError(path)
    if not seq.flow_style and seq.value:
        dash = seq.start_mark.column
        at = _line_after(text, _end(text, seq))
        # Items apart by a blank line stay so.
        apart = len(seq.value) > 1 and "\n\n" in text[_end(text, seq.value[-2]):seq.value[-1].start_mark.index]
        lines: list[str] = []
        for value in values:
            lines += ([""] if apart else []) + _item(value, dash)
        return at, at, _lines_at(text, at, lines)
    inline = ", ".join(_flow(v) for v in values)
    if all(_is_scalar(v) or _leaf(v) for v in values) or len(_flow(values)) <= _FLOW_LIMIT or not path \
            or isinstance(path[-1], int):
        if seq.value:
            at = seq.value[-1].end_mark.index
            return at, at, ", " + inline
        at = seq.end_mark.index - 1  # the "]"
        return at, at, inline
    # Too long for one line: the whole list, in block style.
    mapping = _node_at(root, path[:-1])
    key, old = next((k, v) for k, v in mapping.value if k.value == path[-1])
    existing = yaml.safe_load(text[old.start_mark.index:old.end_mark.index]) or []
    return _replacement(text, key, old, existing + list(values))


def apply(content: str, edits: list[Set | Append]) -> str:
    """``content`` with every edit made; a path that is not in it raises :class:`KeyError`."""
    crlf = "\r\n" in content
    text = content.replace("\r\n", "\n") if crlf else content
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    appended: dict[tuple, list] = {}  # the items for one list, in order, make one edit
    first: dict[tuple, int] = {}
    spans: list[tuple[int, int, int, str]] = []  # (start, order, end, replacement)
    for order, edit in enumerate(edits):
        if isinstance(edit, Append):
            first.setdefault(tuple(edit.path), order)
            appended.setdefault(tuple(edit.path), []).append(edit.value)
            continue
        start, end, new = _set(text, root, edit)
        spans.append((start, order, end, new))
    for path, values in appended.items():
        start, end, new = _append(text, root, path, values)
        spans.append((start, first[path], end, new))
    spans.sort(key=lambda s: (s[0], s[1]))
    for (start, _, end, _), (next_start, _, next_end, _) in zip(spans, spans[1:]):
        if end > next_start or (start == next_start and (end > start or next_end > next_start)):
            raise ValueError(f"two edits of one place in the YAML, at character {next_start}")
    for start, _, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text.replace("\n", "\r\n") if crlf else text
