"""Write texts into a YAML file, changing nothing else in it.

Comments, the order of keys, quoting, flow mappings such as
``{cs: Svoboda, en: Freedom}`` and blank lines stay byte for byte: a text that
is already there is replaced at its exact source span, a missing language is
inserted after the language that precedes it on the site (a new line with the
mapping's indentation, or ``, ru: …`` inside a flow mapping). Each new text is
written plain when it reads back unchanged, otherwise quoted (or as a literal
block when it has several lines), and checked by reading it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Change:
    path: tuple  # YAML path of the text's mapping
    lang: str
    text: str


def _node_at(root, path: tuple):
    node = root
    for part in path:
        if isinstance(part, int):
            node = node.value[part]
        else:
            node = next(value for key, value in node.value if key.value == part)
    return node


def _reads_back(candidate: str, flow: bool, indent: int, text: str) -> bool:
    snippet = "{k: " + candidate + "}" if flow else " " * indent + "k: " + candidate
    try:
        node = yaml.compose(snippet, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    value = node.value[0][1]
    if not isinstance(value, yaml.ScalarNode) or value.value != text:
        return False
    # a plain scalar must read back as a string: `no`, `8:30` or `2026-01-01` unquoted would be
    # read by other YAML tools as false, a number or a date
    return bool(value.style) or (value.tag == "tag:yaml.org,2002:str" and value.value not in _NULLS)


def scalar(text: str, flow: bool, indent: int) -> str:
    """``text`` as a YAML scalar for a key at column ``indent`` (0-based), in a flow or block mapping."""
    candidates = []
    if "\n" not in text:
        candidates += [text, "'" + text.replace("'", "''") + "'"]
    elif not flow:
        lines = "\n".join(" " * (indent + 2) + line if line else "" for line in text.split("\n"))
        candidates.append("|-\n" + lines)
    candidates.append(json.dumps(text, ensure_ascii=False))
    for candidate in candidates:
        if _reads_back(candidate, flow, indent, text):
            return candidate
    raise ValueError(f"cannot write {text!r} as YAML")


def apply(content: str, changes: list[Change], order: list[str]) -> str:
    """``content`` with every change made; ``order`` is the site's languages, default first."""
    crlf = "\r\n" in content
    text = content.replace("\r\n", "\n") if crlf else content
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits: list[tuple[int, int, int, str]] = []  # (start, language rank, end, replacement)
    rank = {lang: i for i, lang in enumerate(order)}
    for change in changes:
        mapping = _node_at(root, change.path)
        flow = bool(mapping.flow_style)
        pairs = mapping.value
        own = next(((k, v) for k, v in pairs if k.value == change.lang), None)
        if own is not None:
            key, value = own
            start, end = value.start_mark.index, value.end_mark.index
            trailing = ""
            if value.style in ("|", ">"):  # a block scalar's span ends with its line breaks
                span = text[start:end]
                trailing = span[len(span.rstrip("\n")):]
            new = scalar(change.text, flow, key.start_mark.column) + trailing
            edits.append((start, rank.get(change.lang, len(rank)), end, new))
            continue
        before = [(k, v) for k, v in pairs if rank.get(k.value, len(rank)) < rank.get(change.lang, len(rank))]
        key, value = (before or pairs)[-1]
        if flow:
            at = value.end_mark.index
            new = f", {change.lang}: {scalar(change.text, True, 0)}"
        else:
            indent = key.start_mark.column
            end = value.end_mark.index
            if value.style in ("|", ">"):
                at = value.start_mark.index + len(text[value.start_mark.index:end].rstrip("\n")) + 1
            else:
                newline = text.find("\n", end)
                at = len(text) if newline == -1 else newline + 1
            line = " " * indent + f"{change.lang}: {scalar(change.text, False, indent)}\n"
            new = ("\n" + line if at == len(text) and not text.endswith("\n") else line)
        edits.append((at, rank.get(change.lang, len(rank)), at, new))
    for start, _, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text.replace("\n", "\r\n") if crlf else text
