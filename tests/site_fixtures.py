"""Fixtures that build real sites with the real command, once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from zavazek.core.model import codes
from zavazek.engine.config import open_project
from zavazek.core.yamlsource import load_document
from zavazek.site.sitemap import SiteMap

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
SITE_PARTS = ("mkdocs.yml", "data", "docs", "overrides")
LANGS = set(open_project(ROOT).languages)  # the example's, as its mkdocs.yml says
PLAIN_TEXT_KEYS = {"short_name", "street", "city"}


def page_url(path: str, lang: str, default: str = "cs") -> str:
    """A page's address from the site root (``en/zavazek/``), as the site map makes it."""
    return SiteMap((default,)).url(path, lang)


def copy_site_folder(source: Path, target: Path) -> Path:
    """A provider's folder as staff have it: config, data, hand-written pages, theme overrides."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


def set_plugin_options(folder: Path, **options) -> None:
    """Write options of the zavazek plugin into the folder's mkdocs.yml, as a provider would."""
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - zavazek\n" in text
    lines = "".join(f"      {key}: {str(value).lower() if isinstance(value, bool) else value}\n"
                    for key, value in options.items())
    config.write_text(text.replace("\n  - zavazek\n", f"\n  - zavazek:\n{lines}", 1), encoding="utf-8")


#: The commands that compute something for a day, and so take ``--today``.
DATED_COMMANDS = {"validate", "build", "serve", "posters", "check"}


def run_zavazek(
    *args: str, cwd: Path | None = None, today: str = TODAY, env: dict | None = None
) -> subprocess.CompletedProcess:
    """The ``zavazek`` command, for the fixed day ``today`` (``--today``) unless it is not dated."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    dated = ["--today", today] if args and args[0] in DATED_COMMANDS and today else []
    return subprocess.run(
        [sys.executable, "-m", "zavazek.cli", *args, *dated],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


def _build(source: Path, target: Path) -> Path:
    folder = copy_site_folder(source, target)
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The repository's example site (CPIC), built into a temporary folder."""
    return _build(ROOT, tmp_path_factory.mktemp("cpic"))


@pytest.fixture(scope="session")
def icp_site(tmp_path_factory) -> Path:
    """The smaller example provider under examples/icp."""
    return _build(ROOT / "examples" / "icp", tmp_path_factory.mktemp("icp"))


@pytest.fixture(scope="session")
def opu_site(tmp_path_factory) -> Path:
    """The example provider of two registered services, one of them field work, under examples/opu."""
    return _build(ROOT / "examples" / "opu", tmp_path_factory.mktemp("opu"))


#: Rendered PDFs, in the provider's folder, named by what they were made from (zavazek.site.pdf.Cache).
PDF_CACHE = ".zavazek/cache"
#: The PDF caches alone: named by the content of each PDF, they cannot be stale.
PDF_CACHES = (".zavazek/cache/posters", ".zavazek/cache/handouts")


def clean_build(folder: Path, target: Path, today: str = TODAY) -> Path:
    """The data of ``folder`` built from scratch in ``target`` (with the PDFs already rendered); returns the site."""
    clean = copy_site_folder(folder, target)
    for cache in PDF_CACHES:
        if (folder / cache).is_dir():
            shutil.copytree(folder / cache, clean / cache)
    result = run_zavazek("build", str(clean), today=today)
    assert result.returncode == 0, result.stdout + result.stderr
    return clean / "site"


def edit_text(folder: Path, file: str, anchors: list[str], lang: str, words: str) -> None:
    """Put ``words`` in front of the ``lang`` text that follows ``anchors`` (found in this order) in a data file."""
    path = folder / "data" / file
    text = path.read_text(encoding="utf-8")
    at = 0
    for anchor in anchors:
        at = text.index(anchor, at)
    at = text.index(f"{lang}: ", at) + len(lang) + 2
    path.write_text(text[:at] + words + " " + text[at:], encoding="utf-8")


@pytest.fixture
def site_folder(tmp_path, example_site) -> Path:
    """A fresh copy of the example folder that a test may break on purpose.

    It comes with the PDFs the session's example build rendered, as a
    provider's folder has them after its first build: a test's build renders
    only the posters and hand-outs its changes touch, not a hundred and
    fifty PDFs again.
    """
    folder = copy_site_folder(ROOT, tmp_path / "provider")
    shutil.copytree(example_site.parent / PDF_CACHE, folder / PDF_CACHE)
    return folder


# --- data with other texts in every field ---------------------------------------------------------


def _text_fields(value, path=()):
    """Field paths of every text a reader sees: language maps, and plain names and addresses."""
    if isinstance(value, dict):
        if value and set(value) <= set(codes.LANGUAGES) and all(isinstance(v, str) for v in value.values()):
            yield from (path + (lang,) for lang in value)
            return
        for key, item in value.items():
            if key in PLAIN_TEXT_KEYS and isinstance(item, str):
                yield path + (key,)
            else:
                yield from _text_fields(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _text_fields(item, path + (i,))


def _set(value, path, text):
    for key in path[:-1]:
        value = value[key]
    value[path[-1]] = text


def fill_text_fields(folder: Path, texts: list[str]) -> dict[str, dict[tuple, str]]:
    """Put the texts into every text field of every data file, in turn; return what went where."""
    placed: dict[str, dict[tuple, str]] = {}
    n = 0
    for file in sorted((folder / "data").glob("*.yaml")):
        value = load_document(file).value
        placed[file.name] = {}
        for path in list(_text_fields(value)):
            marker = f"zvq{n}"
            text = f"{texts[n % len(texts)]} {marker}"
            if path[-1] in ("street", "city"):
                text = f"{marker} {texts[n % len(texts)].splitlines()[0][:40]}".strip()
            _set(value, path, text)
            placed[file.name][path] = text.strip()
            n += 1
        file.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return placed
