"""Fixtures that build real sites with the real command, once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
SITE_PARTS = ("mkdocs.yml", "data", "docs", "hooks", "overrides")


def copy_site_folder(source: Path, target: Path) -> Path:
    """A provider's folder as staff have it: config, data, hand-written pages, hooks."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


def run_zavazek(
    *args: str, cwd: Path | None = None, today: str = TODAY, env: dict | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZAVAZEK_TODAY": today, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "zavazek.cli", *args],
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


@pytest.fixture
def site_folder(tmp_path) -> Path:
    """A fresh copy of the example folder that a test may break on purpose."""
    return copy_site_folder(ROOT, tmp_path / "provider")
