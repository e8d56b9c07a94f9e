"""How to build a provider's site, as the command line or the engine's settings say."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuildOptions:
    #: A preview server: keep the search index and the open-data files of its first build (they take seconds).
    preview: bool = False
    #: Write directory pages from shells the engine rendered once (False: every page through the engine; slow).
    shells: bool = True
