"""Lets plain `mkdocs build` / `mkdocs serve` in this folder run závazek."""

from zavazek.mkdocs_hooks import *  # noqa: F401,F403 (the hooks MkDocs looks for)
