"""Text a page shows that is known only once the downloads are made: written as a placeholder, put in after.

The noticeboard page gives each poster's size ("PDF, 118 kB"), which is
known only when the poster is rendered, seconds after the pages could be.
A build (not a preview, whose noticeboard page keeps the sizes it showed)
renders the page with a placeholder for each size, so that the site engine
need not wait for the posters (:func:`zavazek.site.build.prepare`),
and puts the sizes in when the downloads are done
(:func:`zavazek.site.build.take_downloads`): into the generated pages and
into what the engine rendered from them (:func:`put_in`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

#: How every placeholder starts: plain letters, which neither Markdown nor a template changes.
PREFIX = "ZavazekPending"
_PLACEHOLDER = re.compile(PREFIX + r"[0-9a-f]{16}")


def placeholder(what: str) -> str:
    """The placeholder of the text that will say ``what`` (e.g. a poster's size in a language)."""
    return PREFIX + hashlib.sha256(what.encode("utf-8")).hexdigest()[:16]


def put_in(text: str, texts: dict[str, str]) -> str:
    """``text`` with each placeholder that ``texts`` has replaced by its text (any other text stays as it is)."""
    if PREFIX not in text:
        return text
    return _PLACEHOLDER.sub(lambda match: texts.get(match.group(0), match.group(0)), text)


def put_into_file(path: Path, texts: dict[str, str]) -> None:
    """Put the texts into a page already written (rewritten only if it held one of their placeholders);
    a page no longer there is left alone."""
    try:
        html = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    completed = put_in(html, texts)
    if completed != html:
        path.write_text(completed, encoding="utf-8")
