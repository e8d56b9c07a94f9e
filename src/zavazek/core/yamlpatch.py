"""Set values in a YAML file and add items to its lists, changing nothing else in it.

The companion of :mod:`zavazek.core.yamledit` (which writes texts per
language) for values that are not texts: a code, a date, a list of forms, a
mapping of registered facts. A value that is there is replaced at its exact
source span (in the style it was written: ``[a, b]`` stays a flow list, a block
mapping stays a block); a missing key is inserted on a new line after a
given key, with the mapping's indentation; an item is appended after the last
item of a list. Comments, the order of keys, quoting and blank lines elsewhere
stay byte for byte. Each edit is applied from the end of the file backwards,
so the spans of the others stay right.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

#: Flow style for a new mapping or list whose scalars fit on one line (up to this length).
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


def node_at(root, path: tuple):
    """The node at ``path`` (keys and list indexes), or None when it is not there."""
    node = root
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, yaml.SequenceNode) or part >= len(node.value):
                return None
            node = node.value[part]
        else:
            if not isinstance(node, yaml.MappingNode):
                return None
            node = next((value for key, value in node.value if key.value == part), None)
            if node is None:
                return None
    return node


# --- writing values ---------------------------------------------------------------------------------


def _plain_reads_back(candidate: str, value) -> bool:
    try:
        loaded = yaml.safe_load("k: " + candidate)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and loaded.get("k") == value and type(loaded.get("k")) is type(value)


def scalar(value) -> str:
    """A scalar as YAML that reads back as the same value of the same type (``"1234567"`` stays a text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        return text
    if value is None:
        return "null"
    text = str(value)
    if re.fullmatch(r"[0-9 .:/+-]*", text):  # digits (an IČO, a postcode) are written as a text in quotes
        return json.dumps(text)
    if "\n" not in text and _plain_reads_back(text, text) and not text.startswith(("{", "[", "'", '"')) \
            and "," not in text and ": " not in text and "#" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list, tuple))


def flow(value) -> str | None:
    """``value`` on one line (``{a: 1, b: [x, y]}``), or None when it holds a long or a multi-line value."""
    if _is_scalar(value):
        text = scalar(value)
        return None if "\n" in text else text
    if isinstance(value, dict):
        parts = [(k, flow(v)) for k, v in value.items()]
        if any(p is None for _, p in parts):
            return None
        text = "{" + ", ".join(f"{k}: {p}" for k, p in parts) + "}"
    else:
        parts = [flow(v) for v in value]
        if any(p is None for p in parts):
            return None
        text = "[" + ", ".join(parts) + "]"
    return text if len(text) <= _FLOW_LIMIT else None


def _inline(value) -> str | None:
    """``value`` on one line when it is small: a scalar, a list of them, a mapping of up to three small values."""
    if _is_scalar(value):
        return flow(value)
    if isinstance(value, dict):
        if len(value) > 3 or not all(_is_scalar(v) or isinstance(v, dict) and _inline(v) for v in value.values()):
            return None
    elif not all(_is_scalar(v) for v in value):
        return None
    return flow(value)


def block(value, indent: int) -> list[str]:
    """The lines of a mapping or list in block style at column ``indent`` (no line breaks)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            lines += _entry(f"{pad}{key}:", item, indent)
        return lines
    for item in value:
        inline = _inline(item)
        if inline is not None:
            lines.append(f"{pad}- {inline}")
            continue
        inner = block(item, indent + 2)
        lines.append(pad + "- " + inner[0][indent + 2:])
        lines += inner[1:]
    return lines


def _entry(head: str, value, indent: int) -> list[str]:
    """``key: value`` as lines: on one line when the value is small, else the value in block style below."""
    if isinstance(value, (list, tuple)) and not value:
        return [f"{head} []"]
    inline = _inline(value)
    if inline is not None:
        return [f"{head} {inline}"]
    return [head, *block(value, indent + 2)]


# --- spans ------------------------------------------------------------------------------------------


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


def _replacement(text: str, key, value, new) -> tuple[int, int, str]:
    """(start, end, text) that writes ``new`` in place of ``value`` (the value of ``key``)."""
    end = _end(text, value)
    if isinstance(value, yaml.ScalarNode) or value.flow_style:
        one_line = flow(new)
        if one_line is not None or _is_scalar(new):
            return value.start_mark.index, end, one_line if one_line is not None else scalar(new)
    # a block collection (or a value too long for one line): from after the key's colon
    colon = text.index(":", key.end_mark.index) + 1
    if _is_scalar(new):
        return colon, end, " " + scalar(new)
    lines = block(new, key.start_mark.column + 2)
    return colon, end, "\n" + "\n".join(lines)


def apply(content: str, edits: list[Set | Append]) -> str:
    """``content`` with every edit made."""
    crlf = "\r\n" in content
    text = content.replace("\r\n", "\n") if crlf else content
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    spans: list[tuple[int, int, int, str]] = []  # (start, order, end, replacement)
    for order, edit in enumerate(edits):
        target = node_at(root, edit.path)
        if target is None:
            raise KeyError(edit.path)
        if isinstance(edit, Set):
            pair = next(((k, v) for k, v in target.value if k.value == edit.key), None)
            if pair is not None:
                start, end, new = _replacement(text, *pair, edit.value)
                spans.append((start, order, end, new))
                continue
            anchor = next((p for name in edit.after for p in target.value if p[0].value == name), target.value[-1])
            if target.flow_style:
                at = anchor[1].end_mark.index
                spans.append((at, order, at, f", {edit.key}: {flow(edit.value) or json.dumps(edit.value, default=str)}"))
                continue
            indent = target.value[0][0].start_mark.column
            at = _line_after(text, _end(text, anchor[1]))
            lines = _entry(" " * indent + f"{edit.key}:", edit.value, indent)
            prefix = "\n" if at == len(text) and not text.endswith("\n") else ""
            spans.append((at, order, at, prefix + "\n".join(lines) + "\n"))
        else:
            if target.flow_style or not target.value:
                at = target.value[-1].end_mark.index if target.value else target.start_mark.index + 1
                sep = ", " if target.value else ""
                spans.append((at, order, at, sep + (flow(edit.value) or json.dumps(edit.value, default=str))))
                continue
            dash = target.start_mark.column
            at = _line_after(text, _end(text, target.value[-1]))
            lines = block([edit.value], dash)
            prefix = "\n" if at == len(text) and not text.endswith("\n") else ""
            spans.append((at, order, at, prefix + "\n".join(lines) + "\n"))
    for start, _, end, new in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text.replace("\n", "\r\n") if crlf else text
