"""závazek as a provider installs it: its wheel in a fresh virtual environment, away from the sources.

The session fixture :func:`installed` builds the wheel from a copy of the
package sources (``pip wheel --no-deps``), creates a virtual environment in
a temporary folder, installs the pinned packages of ``requirements.txt``
(from pip's cache after the first time) and then the wheel, without the
package index, so that the wheel's own dependencies must be met by the pins.
It takes about a minute, once per session. Use it in a test marked
``@pytest.mark.wheel`` (``pytest -m wheel`` runs just those)::

    from installed import installed  # noqa: F401 (fixture)

    @pytest.mark.wheel
    def test_something_a_provider_does(installed, tmp_path):
        result = installed.run("zavazek", "build", str(folder), cwd=tmp_path)

:meth:`Installed.run` runs a command of that environment with the folder
as its working directory, no ``PYTHONPATH`` and no virtual environment of
the tests on ``PATH``: only the installation can be found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What the wheel is built from: the package's metadata and sources, nothing of the example sites.
SOURCES = ("pyproject.toml", "README.md", "src")


@dataclass(frozen=True)
class Installed:
    venv: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        path = [p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(Path(sys.prefix)))]
        env["PATH"] = os.pathsep.join([str(self.bin), *path])
        env["NO_MKDOCS_2_WARNING"] = "1"
        return env

    def run(self, command: str, *args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
        """``command`` (e.g. ``zavazek``, ``mkdocs``, ``python``) from the installation, in ``cwd``."""
        assert ROOT not in [Path(cwd).resolve(), *Path(cwd).resolve().parents], "run it outside the repository"
        return subprocess.run(
            [str(self.bin / command), *args], cwd=cwd, env=self.env(), capture_output=True, text=True, timeout=timeout
        )


def _pip(python: Path | str, *args: str, cwd: Path) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        cwd=cwd, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    """závazek installed from its wheel into a new virtual environment (see the module docstring)."""
    work = tmp_path_factory.mktemp("installed")
    sources = work / "sources"
    sources.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, sources / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, sources / name)
    _pip(sys.executable, "wheel", "--no-deps", "-w", str(work / "dist"), str(sources), cwd=work)
    (wheel,) = (work / "dist").glob("zavazek-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    _pip(python, "install", "-r", str(ROOT / "requirements.txt"), cwd=work)
    _pip(python, "install", "--no-index", str(wheel), cwd=work)
    return Installed(venv=venv, wheel=wheel)
