"""Python's collector of reference cycles, paused while one large structure is made.

Python looks for garbage cycles every few hundred new objects, and each look
goes through the young objects and, now and then, through every object of the
process. While a national directory's YAML is composed, or a PDF is laid out
(WeasyPrint makes a few hundred thousand short-lived boxes per document), those
looks find little or nothing: they are paused, and the cycles a document leaves
behind are collected once, when it is done.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused(collect_after: bool = False):
    """No cycle collection inside the block; with ``collect_after``, the objects made inside it
    that are garbage are collected once at its end (only the youngest generation, where they
    all are: the rest of the process is not gone through). Not meant to be nested: an inner
    block's collection would move what the outer one made to an older generation."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        try:
            if collect_after:
                gc.collect(0)
        finally:
            if enabled:
                gc.enable()
