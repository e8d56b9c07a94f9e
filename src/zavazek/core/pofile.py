"""A gettext catalog read from its ``.po`` file, as ``msgfmt`` would compile it.

Every process of a build (and each preview, check and command) reads the
interface catalogs once; Babel's reader keeps each message's comments,
locations and flags for the translators' tools (:mod:`zavazek.translations`),
and took a quarter of a second a process for the four catalogs. This reads
only what gettext looks up: each message's context, singular, plural and
translations, leaving out fuzzy and obsolete ones and those not translated yet
(gettext then answers with the English msgid).
"""

from __future__ import annotations

import gettext
import io
import re
import struct
from pathlib import Path


def read_translations(po_file: Path) -> gettext.GNUTranslations:
    """The translations of ``po_file`` (its header's ``Plural-Forms`` included)."""
    return gettext.GNUTranslations(io.BytesIO(_mo(_messages(po_file.read_text(encoding="utf-8")))))


def _messages(text: str) -> dict[bytes, bytes]:
    """msgid -> msgstr as a compiled catalog keys them: ``ctxt\x04id``, ``id\0plural`` -> ``str0\0str1``."""
    messages: dict[bytes, bytes] = {}
    entry: dict[str, list[str]] = {}
    field = ""
    fuzzy = False

    def end_entry() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            key = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                key += "\0" + "".join(entry["msgid_plural"])
            if "msgctxt" in entry:
                key = "".join(entry["msgctxt"]) + "\x04" + key
            forms = ["".join(entry[name]) for name in sorted((n for n in entry if n.startswith("msgstr")), key=_form_index)]
            if any(forms):
                messages[key.encode("utf-8")] = "\0".join(forms).encode("utf-8")
        entry, fuzzy = {}, False

    for line in text.splitlines():
        line = line.strip()
        if line.startswith('"'):
            entry[field].append(_unquoted(line))
            continue
        if not line or (line.startswith(("#", "msgctxt ", "msgid ")) and any(name.startswith("msgstr") for name in entry)):
            end_entry()  # a blank line, or the next entry's first line
        if line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in (flag.strip() for flag in line[2:].split(","))
        elif line and not line.startswith("#"):  # comments, obsolete entries (#~) included, are not looked up
            field, _, value = line.partition(" ")
            entry[field] = [_unquoted(value.strip())]
    end_entry()
    return messages


_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquoted(string: str) -> str:
    """The text of a PO string: ``"a \\"b\\"\\n"`` -> ``a "b"`` and a line break (C escapes)."""
    text = string[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), text) if "\\" in text else text


def _form_index(name: str) -> int:
    """The plural form of ``msgstr[n]``: n (``msgstr`` alone: the only form)."""
    return int(name[7:-1]) if name.startswith("msgstr[") else 0


def _mo(messages: dict[bytes, bytes]) -> bytes:
    """The messages in GNU gettext's binary ``.mo`` format (its layout as Python's ``msgfmt.py`` writes it)."""
    keys = sorted(messages)
    ids = b"".join(key + b"\0" for key in keys)
    strs = b"".join(messages[key] + b"\0" for key in keys)
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    table, id_offset, str_offset = [], 0, 0
    for key in keys:  # (length, offset) of each msgid, then of each translation
        table += [len(key), key_start + id_offset]
        id_offset += len(key) + 1
    for key in keys:
        table += [len(messages[key]), value_start + str_offset]
        str_offset += len(messages[key]) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + struct.pack(f"{len(table)}i", *table) + ids + strs
