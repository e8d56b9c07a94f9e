"""Files a build keeps for the next one (in ``.zavazek/cache/``), written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def write_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` with ``write(stream)`` into a temporary file beside it, put in its place once complete.

    A build that stops halfway (an error, a full disk, Ctrl+C) leaves the
    old file or none, never half of one, and no temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
