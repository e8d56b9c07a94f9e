"""Files written whole or not at all: what a build keeps for the next one (in ``.zavazek/``), and the
posters ``zavazek posters`` writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

#: The permissions a file written plainly gets (0666 less the process's umask), read when this is imported:
#: a temporary file is made for its owner alone, and a published poster must be readable by the web server.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
MODE = 0o666 & ~_UMASK


def write_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` with ``write(stream)`` into a temporary file beside it, put in its place once complete.

    A build that stops halfway (an error, a full disk, Ctrl+C) leaves the
    old file or none, never half of one, and no temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), MODE)
            write(out)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
