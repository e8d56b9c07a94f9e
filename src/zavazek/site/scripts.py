"""závazek's own browser scripts as a reader's phone downloads them: without comments or indentation.

The scripts (the offline worker, the theme's ``zavazek-*.js``) are written
to be read, and a third of each is comments, which every first view would
download. They are written so that this simple pass is safe: comments on
lines of their own (``/* … */``, ``// …``, or a block comment before a
statement) or after a statement (``… // …``, with a space before and after
the slashes). A ``//`` inside a string is left alone; one inside a regular
expression, or a ``/*`` starting a line inside a template literal, would
not be: the scripts have none.
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
    """The line up to a ``//`` comment after its statement (a space before and after the slashes)
    that stands outside every string of the line."""
    for found in re.finditer(r"\s//\s", code):
        before = re.sub(r"\\.", "", code[:found.start()])  # escaped characters are no quotes
        if all(before.count(quote) % 2 == 0 for quote in "\"'`"):
            return code[:found.start()].rstrip()
    return code
