"""What a result kept between builds was made with: závazek's own code, templates and catalogs,
and the libraries that write its pages. A result kept under another fingerprint is made again."""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

#: Libraries whose version changes what a page says (templates, escaping, dates and numbers).
LIBRARIES = ("jinja2", "markupsafe", "babel")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of every file of the installed ``zavazek`` package and of :data:`LIBRARIES`' versions."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(" ".join(f"{name} {version(name)}" for name in LIBRARIES).encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]
