"""Set values and append list items in a YAML file, changing nothing else in it.

:mod:`zavazek.core.yamledit` writes texts per language; this module writes
other values: a key's value is replaced at its source span (written in flow
style, ``[CZ010]`` or ``{kind: krizova_pomoc}``), a missing key is added on a
new line after its mapping's last line, and new items are appended after a
list's last item with the list's own indentation. Comments, blank lines,
quoting and the order of everything else stay byte for byte.

Edits are made against the file as it was read (:class:`Patch` collects them)
and must not overlap: one edit per key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml


def _text(dumper, value: str):
    """Digits (an IČO, a registry id, a postcode) in double quotes, as staff write them."""
    style = '"' if value and all(c.isdigit() or c == " " for c in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.SafeDumper):
    """Block YAML with lists indented under their key, leaf collections in flow style."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):
        return True


class _FlowDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


_Dumper.add_representer(str, _text)
_FlowDumper.add_representer(str, _text)


def flow(value) -> str:
    """``value`` as one line of flow YAML."""
    text = yaml.dump([value], Dumper=_FlowDumper, default_flow_style=True, allow_unicode=True,
                     width=1 << 30, sort_keys=False).strip()
    return text[1:-1]


def block(value, indent: int) -> str:
    """``value`` (a mapping) as block YAML, each line indented by ``indent`` spaces, ending with a newline."""
    text = yaml.dump(value, Dumper=_Dumper, default_flow_style=None, allow_unicode=True, width=1 << 30,
                     sort_keys=False)
    return "".join(" " * indent + line if line else line for line in text.splitlines(keepends=True))


def item(value, dash_column: int) -> str:
    """``value`` as a block list item whose dash is at ``dash_column``."""
    body = block(value, dash_column + 2)
    return " " * dash_column + "- " + body[dash_column + 2:]


def node_at(root, path: tuple):
    """The node at ``path`` (keys and list indexes), or None."""
    node = root
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, yaml.SequenceNode) or part >= len(node.value):
                return None
            node = node.value[part]
        else:
            if not isinstance(node, yaml.MappingNode):
                return None
            node = next((v for k, v in node.value if k.value == part), None)
            if node is None:
                return None
    return node


def _pair(root, path: tuple):
    mapping = node_at(root, path[:-1])
    if not isinstance(mapping, yaml.MappingNode):
        return mapping, None
    return mapping, next(((k, v) for k, v in mapping.value if k.value == path[-1]), None)


@dataclass
class Patch:
    """Edits of one YAML text, applied together by :meth:`text`."""

    source: str
    root: object = None
    edits: list = field(default_factory=list)  # (start, end, replacement)

    def __post_init__(self):
        self.root = yaml.compose(self.source, Loader=yaml.SafeLoader)

    def content_end(self, node) -> int:
        """Where ``node``'s own text ends (a block collection's span would run on to the next key)."""
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style:
            if not node.value:
                return node.end_mark.index
            last = node.value[-1]
            return self.content_end(last[1] if isinstance(last, tuple) else last)
        end = node.end_mark.index
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            end = node.start_mark.index + len(self.source[node.start_mark.index:end].rstrip("\n"))
        return end

    def _line_after(self, index: int) -> int:
        newline = self.source.find("\n", index)
        return len(self.source) if newline == -1 else newline + 1

    def _insert_at_line(self, at: int, text: str) -> None:
        if at == len(self.source) and not self.source.endswith("\n"):
            text = "\n" + text
        self.edits.append((at, at, text))

    def set(self, path: tuple, value) -> None:
        """Give the key at ``path`` the value ``value`` (added when the mapping lacks the key)."""
        mapping, pair = _pair(self.root, path)
        if pair is not None:
            key, old = pair
            colon = self.source.index(":", key.end_mark.index) + 1
            self.edits.append((colon, self.content_end(old), " " + flow(value)))
            return
        if mapping.flow_style:
            close = mapping.end_mark.index - 1  # the "}"
            sep = ", " if mapping.value else ""
            self.edits.append((close, close, f"{sep}{path[-1]}: {flow(value)}"))
            return
        indent = mapping.value[0][0].start_mark.column
        at = self._line_after(self.content_end(mapping))
        self._insert_at_line(at, " " * indent + f"{path[-1]}: {flow(value)}\n")

    def append(self, path: tuple, values: list) -> None:
        """Append ``values`` (mappings) to the list at ``path``."""
        if not values:
            return
        seq = node_at(self.root, path)
        if seq is None or not isinstance(seq, yaml.SequenceNode):
            raise ValueError(f"no list at {path}")
        if seq.flow_style or not seq.value:
            existing = yaml.safe_load(self.source[seq.start_mark.index:seq.end_mark.index]) or []
            self.set(path, existing + list(values))
            return
        first = seq.value[0].start_mark.index
        dash = self.source.rindex("-", 0, first)
        column = dash - (self.source.rfind("\n", 0, dash) + 1)
        at = self._line_after(self.content_end(seq))
        # Items apart by a blank line stay so.
        apart = len(seq.value) > 1 and "\n\n" in self.source[self.content_end(seq.value[-2]):seq.value[-1].start_mark.index]
        self._insert_at_line(at, "".join(("\n" if apart else "") + item(v, column) for v in values))

    def text(self) -> str:
        out = self.source
        # Backwards, so that spans stay valid; of two inserts at one place the first made comes first.
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
        for _, (start, end, new) in ordered:
            out = out[:start] + new + out[end:]
        return out


def plain(value):
    """A loaded YAML value with dates as ISO text, for comparing with what is about to be written."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
