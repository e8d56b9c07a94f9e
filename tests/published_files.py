#!/usr/bin/env python3
"""List every published file of a built site with its SHA-256, one line each.

The stylesheet's name carries a hash of the package's own files (so that a
browser never keeps a stale copy), which changes with any edit of the code;
it is written as ``zavazek-material.min.css`` here, in names and in contents,
so that two builds of the same data compare equal whenever they publish the
same thing. ``tests/published/`` keeps such lists for the three examples,
built for the tests' fixed day; ``tests/test_published.py`` compares.

    python tests/published_files.py SITE_DIR > tests/published/icp.sha256
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

STYLESHEET = re.compile(rb"zavazek-material\.[0-9a-f]{10}\.min\.css")


def normalised(data: bytes) -> bytes:
    return STYLESHEET.sub(b"zavazek-material.min.css", data)


def listing(site: Path) -> list[str]:
    """``<sha256>  <path>`` for every file below ``site``, sorted by path."""
    lines = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = normalised(path.relative_to(site).as_posix().encode()).decode()
        lines.append(f"{hashlib.sha256(normalised(path.read_bytes())).hexdigest()}  {name}")
    return sorted(lines, key=lambda line: line.split("  ", 1)[1])


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in listing(Path(sys.argv[1]))))
