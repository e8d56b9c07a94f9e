"""Lets plain `mkdocs build` / `mkdocs serve` in this folder run závazek."""

from zavazek.mkdocs_hooks import on_config, on_env, on_post_build  # noqa: F401
