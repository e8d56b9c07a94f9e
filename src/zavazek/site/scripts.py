"""závazek's own browser scripts as a reader's phone downloads them: without comments or indentation.

The scripts (the offline worker, the theme's ``zavazek-*.js``) are written
to be read, and a third of each is comments, which every first view would
download. The pass reads lines: it drops comments on lines of their own
(``/* … */`` over one or more lines, ``// …``), a block comment that starts
a line before a statement, and a ``// …`` after a statement (a space before
and after the slashes) outside the line's strings. The scripts keep to
that: no block comment starts in the middle of a line to end on another,
and no ``//`` or ``/*`` stands in a regular expression or a template
literal (``tests/test_scripts.py`` checks that each script still parses).
"""

from __future__ import annotations

import re


def without_comments(script: str) -> str:
    lines, in_comment = [], False
    for line in script.splitlines():
        code = line.strip()
        if in_comment or code.startswith("/*"):
            end = code.find("*/", 0 if in_comment else 2)
            in_comment = end < 0
            if in_comment:
                continue
            code = code[end + 2:].strip()  # what follows the comment on its last line
        code = _without_trailing_comment(code)
        if code and not code.startswith("//"):
            lines.append(code)
    return "\n".join(lines) + "\n"


def _without_trailing_comment(code: str) -> str:
    """The line up to a ``//`` comment after its statement (a space before and after the slashes),
    read as JavaScript reads its strings: quotes of one kind inside a string of another, and escaped
    characters, do not end it."""
    quote = None
    i = 0
    while i < len(code):
        char = code[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'`":
            quote = char
        elif code.startswith("//", i) and i > 0 and code[i - 1].isspace() and code[i + 2:i + 3].isspace():
            return code[:i].rstrip()
        i += 1
    return code
