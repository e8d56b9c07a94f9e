"""Fixtures that build real sites with the real command, once per test session."""

from __future__ import annotations

import fcntl
import json
import math
import os
import shutil
import stat
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

import warm_command

from zavazek.core.model import codes
from zavazek.engine.config import open_project
from zavazek.core.yamlsource import load_document
from zavazek.site.sitemap import SiteMap

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
SITE_PARTS = ("mkdocs.yml", "data", "docs", "overrides")
LANGS = set(open_project(ROOT).languages)  # the example's, as its mkdocs.yml says
PLAIN_TEXT_KEYS = {"short_name", "street", "city"}
#: What a build keeps for the next one, in the provider's folder: its rendered PDFs among it.
PDF_CACHE = ".zavazek/cache"
#: The PDF caches alone: each PDF is named by its page and what made it (zavazek.site.pdf.cache_key).
PDF_CACHES = (".zavazek/cache/posters", ".zavazek/cache/handouts")


def copy_pdf_caches(source: Path, target: Path) -> None:
    """The PDFs ``source``'s builds rendered (:data:`PDF_CACHES`), into the provider's folder ``target``."""
    for cache in PDF_CACHES:
        if (source / cache).is_dir():
            shutil.copytree(source / cache, target / cache,
                            ignore=shutil.ignore_patterns("*.part"))  # not what a build is still writing


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
    """The ``zavazek`` command, for the fixed day ``today`` (``--today``) unless it is not dated, without a
    terminal (its standard input is empty).

    It runs in a new process forked from one that has the package imported
    (:mod:`warm_command`), or as the installed command in a new interpreter if
    ``env`` changes how one starts.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    dated = ["--today", today] if args and args[0] in DATED_COMMANDS and today else []
    if warm_command.starts_the_same(env):
        return warm_command.run([*args, *dated], cwd=cwd, env=env, timeout=600)
    return subprocess.run(
        [str(Path(sysconfig.get_path("scripts")) / "zavazek"), *args, *dated],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600,
    )


def _build(source: Path, target: Path, prepare=None) -> Path:
    """``source`` built in ``target``, with the PDFs ``source`` has from its last build (``make site``'s).

    Each is named by a hash of the page it was printed from and of what
    made it (závazek's code, WeasyPrint and the libraries and fonts it uses,
    the fonts' date: ``zavazek.site.pdf.cache_key``): a PDF that would now
    come out otherwise is rendered anew, and a fresh clone renders them all.
    """
    folder = copy_site_folder(source, target)
    copy_pdf_caches(source, folder)
    if prepare is not None:
        prepare(folder)
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def _set_writable(folder: Path, writable: bool) -> None:
    """Let nobody (or the owner again) change the files and folders under ``folder``."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _shared_build(tmp_path_factory, name: str, source: Path, prepare=None) -> Path:
    """The example ``source`` built once for the whole run, read-only, and shared by every xdist worker.

    ``prepare(folder)``, if given, changes the copied folder before the build.

    Each worker's temporary folder lies in the run's own one, which is
    the same for all of them; the first worker to need a site builds it
    there while holding its lock, the others wait for it and read the same
    files. A test that changes a site works on a copy (``site_folder``).
    """
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-sites"
    shared.mkdir(exist_ok=True)
    folder, built = shared / name, shared / f"{name}.built"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not built.exists():
            if folder.exists():  # what a failed build left
                shutil.rmtree(folder)
            _build(source, folder, prepare)
            _set_writable(folder, False)
            built.touch()
    return folder / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The repository's example site (CPIC), built once per run (read-only: copy it to change it)."""
    return _shared_build(tmp_path_factory, "cpic", ROOT)


@pytest.fixture(scope="session")
def icp_site(tmp_path_factory) -> Path:
    """The smaller example provider under examples/icp (read-only)."""
    return _shared_build(tmp_path_factory, "icp", ROOT / "examples" / "icp")


@pytest.fixture(scope="session")
def opu_site(tmp_path_factory) -> Path:
    """The example provider of two registered services, one of them field work, under examples/opu (read-only)."""
    return _shared_build(tmp_path_factory, "opu", ROOT / "examples" / "opu")


def clean_build(folder: Path, target: Path, today: str = TODAY) -> Path:
    """The data of ``folder`` built from scratch in ``target`` (with the PDFs already rendered); returns the site."""
    clean = copy_site_folder(folder, target)
    copy_pdf_caches(folder, clean)
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


def seed_pdf_cache(folder: Path, built_site: Path) -> Path:
    """Give ``folder`` the PDFs the session's build of the same example rendered (``built_site``).

    As a provider's folder has them after its first build: a test's build
    then renders only the posters and hand-outs its changes touch, not a
    hundred and fifty PDFs again. Each is named by the hash of the page it
    was printed from, so a changed poster is rendered anew.
    """
    shutil.copytree(built_site.parent / PDF_CACHE, folder / PDF_CACHE)
    _set_writable(folder / PDF_CACHE, True)
    return folder


@pytest.fixture
def site_folder(tmp_path, example_site) -> Path:
    """A fresh copy of the example folder that a test may break on purpose, with the session's PDFs (seed_pdf_cache)."""
    return seed_pdf_cache(copy_site_folder(ROOT, tmp_path / "provider"), example_site)


@pytest.fixture
def built_folder(tmp_path, example_site) -> Path:
    """A copy of the example folder as the session's build left it: its published site and what the build keeps."""
    folder = tmp_path / "provider"
    shutil.copytree(example_site.parent, folder, symlinks=True)
    _set_writable(folder, True)
    return folder


# --- data with other texts in every field ---------------------------------------------------------

@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, dict[str, dict[tuple, str]]]:
    """The example with hostile texts in every text field, built once per run (read-only), and what went where.

    Each field holds one of tests/hostile.py's known texts and one drawn by
    Hypothesis, in turn first (fill_text_fields): one build reads back both.
    What went where is in ``shared-sites/hostile.placed.json`` of the run's
    temporary folder (a failed run's stays).
    """
    import hostile  # Hypothesis: only for the tests (bench/ uses this module too)

    def fill(folder: Path) -> None:
        placed = fill_text_fields(folder, [hostile.KNOWN_TEXTS, hostile.drawn_texts()])
        (folder.parent / "hostile.placed.json").write_text(
            json.dumps({file: [[list(path), text] for path, text in texts.items()] for file, texts in placed.items()}),
            encoding="utf-8")

    site = _shared_build(tmp_path_factory, "hostile", ROOT, fill)
    placed = json.loads((site.parent.parent / "hostile.placed.json").read_text(encoding="utf-8"))
    return site, {file: {tuple(path): text for path, text in texts} for file, texts in placed.items()}


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


def fill_text_fields(folder: Path, text_lists: list[list[str]]) -> dict[str, dict[tuple, str]]:
    """Put a text of each list into every text field of every data file, and return what went where.

    Field ``n`` takes text ``n % len(texts)`` of each list, so that each
    list's texts go round the fields as they would alone. Every ``period``
    fields (the least common multiple of the lists' lengths, after which
    the same texts meet again) the next list's text comes first: every
    pair of texts that meets does so in each order, so each text also opens
    fields (where a formula or a bidirectional mark matters).
    """
    placed: dict[str, dict[tuple, str]] = {}
    period = math.lcm(*(len(texts) for texts in text_lists))
    n = 0
    for file in sorted((folder / "data").glob("*.yaml")):
        value = load_document(file).value
        placed[file.name] = {}
        for path in list(_text_fields(value)):
            marker = f"zvq{n}"
            chosen = [texts[n % len(texts)] for texts in text_lists]
            first = n // period % len(chosen)
            words = " ".join(chosen[first:] + chosen[:first])
            text = f"{words} {marker}"
            if path[-1] in ("street", "city"):
                text = f"{marker} {words.splitlines()[0][:40]}".strip()
            _set(value, path, text)
            placed[file.name][path] = text.strip()
            n += 1
        file.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return placed
